package testenv

import (
	"errors"
	"fmt"
	"testing"
)

// recorder is a testing.TB that records whether the helper skipped or
// failed, and stops there as t.Skip and t.Fatal do.
type recorder struct {
	testing.TB
	skipped, failed bool
	msg             string
}

type stop struct{}

func (r *recorder) Helper() {}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped, r.msg = true, fmt.Sprintf(format, args...)
	panic(stop{})
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	panic(stop{})
}

func call(f func(t testing.TB)) (r *recorder) {
	r = &recorder{}
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(stop); !ok {
				panic(v)
			}
		}
	}()
	f(r)
	return r
}

func TestMissing(t *testing.T) {
	absent := errors.New("stat ../shared/models: no such file or directory")
	for _, tc := range []struct {
		env     string
		value   string
		missing func(t testing.TB)
		fail    bool
	}{
		{RequireToolsEnv, "", func(t testing.TB) { MissingTool(t, "solcjs", absent) }, false},
		{RequireToolsEnv, "1", func(t testing.TB) { MissingTool(t, "solcjs", absent) }, true},
		{RequireSharedEnv, "", func(t testing.TB) { MissingShared(t, "the shared models", absent) }, false},
		{RequireSharedEnv, "1", func(t testing.TB) { MissingShared(t, "the shared models", absent) }, true},
		{RequireToolsEnv, "1", func(t testing.TB) { MissingShared(t, "the shared models", absent) }, false},
	} {
		t.Setenv(RequireToolsEnv, "")
		t.Setenv(RequireSharedEnv, "")
		t.Setenv(tc.env, tc.value)
		r := call(tc.missing)
		if r.failed != tc.fail || r.skipped == tc.fail {
			t.Errorf("%s=%q: failed %v, skipped %v; want failed %v", tc.env, tc.value, r.failed, r.skipped, tc.fail)
		}
		if r.msg == "" {
			t.Errorf("%s=%q: no message", tc.env, tc.value)
		}
	}
}
