package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny run of `make bench-scaling` (the MLP family, the two smallest
// proven), so that the harness cannot rot. Nothing here asserts a time.
func TestScalingTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tiny bench-scaling run in -short mode")
	}
	report := filepath.Join(t.TempDir(), "SCALING.md")
	cmd := exec.Command("go", "run", "./bench/cmd/scaling", "-families", "mlp", "-prove-max", "2500", "-out", report)
	cmd.Dir = filepath.Join("..", "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bench/cmd/scaling: %v\n%s", err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"| mlp-32 | 64-32-32-10 |", "| mlp-2048 |", "Measured: mlp-64,"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("the report lacks %q:\n%s", w, data)
		}
	}
}
