package prover

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/testmodels"
)

// TestGnarkLog: gnark's lines go where WithGnarkLog says, without the
// warning about the empty Packed slice of an unpacked circuit, and nowhere
// without it (Example shows that nothing reaches standard output).
func TestGnarkLog(t *testing.T) {
	var buf bytes.Buffer
	dir := filepath.Join(t.TempDir(), "build")
	b, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), Groth16, Meta{}, WithoutPackedOutputs(), WithGnarkLog(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Prove(context.Background(), tinyInput); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"compiling circuit", "prover done"} {
		if !strings.Contains(got, want) {
			t.Errorf("gnark's log lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "uninitialized slice") || strings.Contains(got, "\x1b[") {
		t.Errorf("gnark's log has the Packed warning or colours:\n%s", got)
	}
	gnarkLog.mu.Lock()
	defer gnarkLog.mu.Unlock()
	if gnarkLog.calls != 0 {
		t.Errorf("%d calls still hold gnark's logger", gnarkLog.calls)
	}
}

// TestCancel: a done context stops Compile, Setup and Prove with its
// error, and a cancelled call writes nothing.
func TestCancel(t *testing.T) {
	done, cancel := context.WithCancel(context.Background())
	cancel()
	dir := filepath.Join(t.TempDir(), "build")
	if _, err := Compile(done, dir, testmodels.TinyPlan(5), Groth16, Meta{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Compile with a cancelled context: %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled Compile created %s: %v", dir, err)
	}

	for _, backend := range backends {
		// Cancel once key generation started: it runs in the background,
		// and Setup returns at once.
		ctx, cancel := context.WithCancel(context.Background())
		var after []string
		progress := WithProgress(func(stage string) {
			if ctx.Err() != nil {
				after = append(after, stage)
			}
			if strings.HasPrefix(stage, "generating") {
				cancel()
			}
		})
		dir := filepath.Join(t.TempDir(), "build")
		b, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), backend, Meta{}, progress)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Setup(ctx, SetupOptions{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: Setup cancelled during key generation: %v", backend, err)
		}
		if b.Settings().Setup != nil {
			t.Errorf("%s: a cancelled Setup recorded a setup", backend)
		}
		for _, f := range []string{pkFile, vkFile} {
			if _, err := os.Stat(filepath.Join(dir, f)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s: a cancelled Setup wrote %s: %v", backend, f, err)
			}
		}
		if len(after) > 0 {
			t.Errorf("%s: stages reported after the cancellation: %q", backend, after)
		}
		if _, err := b.Prove(done, tinyInput); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: Prove with a cancelled context: %v", backend, err)
		}
	}

	dir, _ = built(t, Groth16)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.ProveQuantized(done, [][]int64{{1, 2, 3, 4}}); !errors.Is(err, context.Canceled) {
		t.Errorf("ProveQuantized with a cancelled context: %v", err)
	}
}
