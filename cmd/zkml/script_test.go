package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zkml/zkml/internal/fixtures"
)

// The CLI's user stories are txtar scripts in testdata/script, run by
// testscript with the real `zkml` binary (this test binary re-executed).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"zkml": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fixture": cmdFixture,
		},
		RequireExplicitExec: false,
	})
}

// fixture NAME DIR writes a fixture model and its input to DIR/model.onnx and
// DIR/input.json. NAME is a fixture of internal/fixtures or random-SEED.
func cmdFixture(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: fixture NAME DIR")
	}
	var m fixtures.Model
	found := false
	for _, f := range fixtures.All() {
		if f.Name == args[0] {
			m, found = f, true
		}
	}
	var seed uint64
	if n, err := fmt.Sscanf(args[0], "random-%d", &seed); n == 1 && err == nil {
		m, found = fixtures.Random(seed), true
	}
	if !found {
		ts.Fatalf("unknown fixture %s", strconv.Quote(args[0]))
	}
	dir := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dir, 0o755))
	ts.Check(os.WriteFile(filepath.Join(dir, "model.onnx"), m.ONNX, 0o644))
	ts.Check(os.WriteFile(filepath.Join(dir, "input.json"), m.Input, 0o644))
}
