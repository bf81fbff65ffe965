package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/bench/circom"
	"github.com/zkml/zkml/internal/testenv"
)

// A tiny run of `make bench-compare`, so that the harness cannot rot: a
// 2-2-1 MLP through zkml, bare gnark and (when `make tools` installed them)
// circom2 + snarkjs on the shared power-10 powers of tau, both backends.
// Nothing here asserts a time.
func TestCompareTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tiny bench-compare run in -short mode")
	}
	root := filepath.Join("..", "..", "..")
	ptau, _ := filepath.Abs(filepath.Join(root, "..", "shared", "ptau", "pot10_snarkjs.ptau"))
	_, toolsErr := circom.FindTools(root)
	if toolsErr != nil {
		if testenv.ToolsRequired() {
			testenv.MissingTool(t, "circom2 and snarkjs", toolsErr)
		}
		t.Logf("the circom/snarkjs side will be skipped: %v", toolsErr)
	} else if _, err := os.Stat(ptau); err != nil {
		testenv.MissingShared(t, "the shared .ptau fixture", err)
	}
	report := filepath.Join(t.TempDir(), "COMPARE.md")
	cmd := exec.Command("go", "run", "./bench/cmd/compare", "-mlp", "2,2,1", "-runs", "1", "-models", "", "-ptau", ptau, "-out", report)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bench/cmd/compare: %v\n%s", err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	want := []string{"## zkml's pipeline vs bare gnark", "| mlp-2-2-1 | groth16 |", "| mlp-2-2-1 | plonk |"}
	if toolsErr == nil {
		want = append(want, "## zkml vs circom 2 + snarkjs", "| constraints |", "| prove s |")
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the report lacks %q:\n%s", w, text)
		}
	}
}
