package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny run of `make bench-overhead` (the smallest ResNet of the family),
// so that the harness cannot rot; it also checks that the section replaces
// its earlier self and leaves the rest of the file alone. Nothing here
// asserts a time.
func TestOverheadTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tiny bench-overhead run in -short mode")
	}
	report := filepath.Join(t.TempDir(), "RESULTS.md")
	if err := os.WriteFile(report, []byte("# results\n\nkept\n\n"+beginMark+"\nold\n"+endMark+"\ntail kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "./bench/cmd/overhead", "-models", "resnet18-w1-8", "-runs", "1", "-out", report)
	cmd.Dir = filepath.Join("..", "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bench/cmd/overhead: %v\n%s", err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, w := range []string{"# results\n\nkept\n", "tail kept\n", "### resnet18-w1-8", "| after |"} {
		if !strings.Contains(s, w) {
			t.Errorf("the report lacks %q:\n%s", w, s)
		}
	}
	if strings.Contains(s, "\nold\n") || strings.Count(s, beginMark) != 1 {
		t.Errorf("the old section was not replaced:\n%s", s)
	}
}
