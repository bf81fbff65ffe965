package main

import (
	"encoding/json"
	"fmt"
	"math/big"
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
			"tamper":  cmdTamper,
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

// tamper FILE KEY adds 1 to the first number of the JSON list KEY in FILE
// ("outputs" or "public_inputs"), as someone editing a proof would.
func cmdTamper(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: tamper FILE KEY")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	var doc map[string]any
	ts.Check(json.Unmarshal(data, &doc))
	list, ok := doc[args[1]].([]any)
	if !ok || len(list) == 0 {
		ts.Fatalf("%s has no list %q", args[0], args[1])
	}
	switch first := list[0].(type) {
	case string: // public_inputs: decimal field elements
		n, ok := new(big.Int).SetString(first, 10)
		if !ok {
			ts.Fatalf("%s[0] is not a decimal string", args[1])
		}
		list[0] = n.Add(n, big.NewInt(1)).String()
	case []any: // outputs: one list of numbers per output
		first[0] = first[0].(float64) + 1
	default:
		ts.Fatalf("%s[0] is neither a string nor a list", args[1])
	}
	out, err := json.Marshal(doc)
	ts.Check(err)
	ts.Check(os.WriteFile(path, out, 0o644))
}
