package service

import (
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
)

// The job id changes with anything that changes the proof asked for, and
// only with that.
func TestJobID(t *testing.T) {
	zero, one := 0, 1
	base := JobID("b1", nil, [][]int64{{1, 2}, {3}})
	if JobID("b1", nil, [][]int64{{1, 2}, {3}}) != base {
		t.Fatal("the same request gave two ids")
	}
	for name, id := range map[string]string{
		"another build":   JobID("b2", nil, [][]int64{{1, 2}, {3}}),
		"segment 0":       JobID("b1", &zero, [][]int64{{1, 2}, {3}}),
		"another value":   JobID("b1", nil, [][]int64{{1, 2}, {4}}),
		"values moved":    JobID("b1", nil, [][]int64{{1}, {2, 3}}),
		"negative value":  JobID("b1", nil, [][]int64{{1, -2}, {3}}),
		"one input fewer": JobID("b1", nil, [][]int64{{1, 2}}),
	} {
		if id == base {
			t.Errorf("%s: the same id", name)
		}
	}
	if JobID("b1", &zero, nil) == JobID("b1", &one, nil) {
		t.Error("segments 0 and 1: the same id")
	}
}

// Loaded builds go, least recently used first, while their estimates
// exceed the budget; a build in use stays.
func TestBuildCacheEvicts(t *testing.T) {
	c := &buildCache{budget: 100, log: slog.New(slog.NewTextHandler(io.Discard, nil)), loaded: map[string]*cachedBuild{}}
	add := func(id string, mem int64, inUse int) {
		cb := &cachedBuild{info: BuildInfo{ID: id, ProveMemory: mem}}
		c.loaded[id] = cb
		c.use(cb)
		cb.inUse = inUse
	}
	add("old", 40, 0)
	add("busy", 40, 1)
	add("recent", 40, 0)
	c.evict()
	if got := keys(c.loaded); !slices.Equal(got, []string{"busy", "recent"}) {
		t.Fatalf("after eviction: %v, want busy and recent", got)
	}
	add("huge", 500, 1) // larger than the budget, in use: stays, the idle go
	c.evict()
	if got := keys(c.loaded); !slices.Equal(got, []string{"busy", "huge"}) {
		t.Fatalf("after loading a huge build: %v, want busy and huge", got)
	}
	c.loaded["huge"].inUse = 0
	c.evict()
	if got := keys(c.loaded); !slices.Equal(got, []string{"busy"}) {
		t.Fatalf("once the huge build is idle: %v, want busy", got)
	}
	if n, b := c.loadedBuilds(); n != 1 || b != 40 {
		t.Fatalf("loadedBuilds: %d, %d", n, b)
	}
}

func keys(m map[string]*cachedBuild) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Metrics come out in Prometheus's text format.
func TestMetricsText(t *testing.T) {
	m := newMetrics()
	m.counter("a_total", "A.")
	m.counter("b_total", "B.")
	m.histogram("h_seconds", "H.", []float64{1, 10})
	m.gauge("g", "G.", func() float64 { return 2.5 })
	m.add("b_total", `code="401"`, 2)
	m.observe("h_seconds", 0.5)
	m.observe("h_seconds", 5)
	var buf strings.Builder
	m.write(&buf)
	want := `# HELP a_total A.
# TYPE a_total counter
a_total 0
# HELP b_total B.
# TYPE b_total counter
b_total{code="401"} 2
# HELP g G.
# TYPE g gauge
g 2.5
# HELP h_seconds H.
# TYPE h_seconds histogram
h_seconds_bucket{le="1"} 1
h_seconds_bucket{le="10"} 2
h_seconds_bucket{le="+Inf"} 2
h_seconds_sum 5.5
h_seconds_count 2
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
