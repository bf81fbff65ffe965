package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/modelio"
)

// sharedModels is ../shared/models beside the repository.
func sharedModels() string {
	_, file, _, _ := runtime.Caller(0) // <repo>/cmd/zkml/shared_script_test.go
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "models")
}

// scriptCondition adds the condition [shared]: the shared conformance
// models are present (they are not part of the repository).
func scriptCondition(cond string) (bool, error) {
	if cond != "shared" {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	_, err := os.Stat(sharedModels())
	// Under ZKML_REQUIRE_SHARED=1 the script runs, and fails, without them.
	return err == nil || testenv.SharedRequired(), nil
}

// shared NAME DIR copies the shared conformance model NAME to
// DIR/model.onnx and DIR/input.json (guard the script with [!shared] skip).
func cmdShared(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: shared NAME DIR")
	}
	src := filepath.Join(sharedModels(), args[0])
	ts.Check(os.MkdirAll(ts.MkAbs(args[1]), 0o755))
	for from, to := range map[string]string{"network.onnx": "model.onnx", "input.json": "input.json"} {
		data, err := os.ReadFile(filepath.Join(src, from))
		ts.Check(err)
		ts.Check(os.WriteFile(filepath.Join(ts.MkAbs(args[1]), to), data, 0o644))
	}
}

// scale IN K OUT writes the input file IN with every value multiplied by K
// to OUT.
func cmdScale(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: scale IN K OUT")
	}
	in, err := modelio.ReadInputFile(ts.MkAbs(args[0]))
	ts.Check(err)
	k, err := strconv.ParseFloat(args[1], 64)
	ts.Check(err)
	for _, x := range in {
		for i := range x {
			x[i] *= k
		}
	}
	data, err := json.Marshal(map[string]any{"input_data": in})
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), data, 0o644))
}

// claimdomain FILE edits the proof file FILE to claim that the input stayed
// in its domain: in_domain true and the last public input, the domain bit,
// 1. The file is then consistent, and only the cryptographic check can
// object.
func cmdClaimDomain(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: claimdomain FILE")
	}
	var doc map[string]any
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &doc))
	public, ok := doc["public_inputs"].([]any)
	if !ok || len(public) == 0 {
		ts.Fatalf("%s has no public inputs", args[0])
	}
	public[len(public)-1] = "1"
	doc["in_domain"] = true
	data, err := json.Marshal(doc)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}
