package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny run of `make bench-ceremony` (an 8-wide MLP, power 10), so that
// the harness cannot rot; it keeps the report's hand-written notes. Nothing
// here asserts a time.
func TestCeremonyTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tiny bench-ceremony run in -short mode")
	}
	report := filepath.Join(t.TempDir(), "CEREMONY.md")
	notes := notesMarker + "\nwhat the numbers mean\n"
	if err := os.WriteFile(report, []byte("an old report\n"+notes), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "./bench/cmd/ceremony", "-models", "mlp-8", "-snarkjs", "0", "-out", report)
	cmd.Dir = filepath.Join("..", "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bench/cmd/ceremony: %v\n%s", err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "an old report") || !strings.HasSuffix(string(data), notes) {
		t.Errorf("the report should replace the old one and keep its notes:\n%s", data)
	}
	for _, w := range []string{"| mlp-8 |", "| init |", "| contribute |", "| finalize |", "| verify proof |", "| mlp-8 (MLP 64-8-8-10) |"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("the report lacks %q:\n%s", w, data)
		}
	}
}
