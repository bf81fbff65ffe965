package prover

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/testmodels"
)

// TestKeyCache shows that a second build of the same circuit reuses the
// development keys (and its proofs verify), that a damaged cache entry is
// detected and replaced rather than trusted, that another circuit gets its
// own keys, and that keys from a ptau file are never cached.
func TestKeyCache(t *testing.T) {
	ctx := context.Background()
	cache := filepath.Join(t.TempDir(), "cache")
	var stages []string
	opts := []Option{WithKeyCache(cache), WithProgress(func(s string) { stages = append(stages, s) })}
	setup := func(name string, scale int64) *Build {
		t.Helper()
		b, err := Compile(ctx, filepath.Join(t.TempDir(), name), testmodels.TinyPlan(scale), Groth16, Meta{}, opts...)
		if err != nil {
			t.Fatal(err)
		}
		stages = nil
		if err := b.Setup(ctx, SetupOptions{}); err != nil {
			t.Fatal(err)
		}
		return b
	}
	reused := func() bool {
		for _, s := range stages {
			if strings.HasPrefix(s, "reusing the development keys") {
				return true
			}
		}
		return false
	}

	first := setup("first", 5)
	if reused() || first.Settings().Setup.ReusedFrom != "" {
		t.Fatal("the first setup reused keys from an empty cache")
	}
	second := setup("second", 5)
	if !reused() || second.Settings().Setup.ReusedFrom == "" {
		t.Fatalf("the second build of the same circuit did not reuse the keys; stages %q", stages)
	}
	if first.Settings().Setup.ID != second.Settings().Setup.ID {
		t.Error("reused keys have another setup id")
	}
	// The reused keys prove and verify, from a fresh Open of the build.
	b, err := Open(second.Dir())
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Prove(ctx, tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatalf("a proof under reused keys does not verify: %v", err)
	}

	// A flipped byte in the cached proving key: refused, set up afresh.
	entry := second.Settings().Setup.ReusedFrom
	pk := filepath.Join(entry, pkFile)
	data, err := os.ReadFile(pk)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 1
	// Write a copy: the entry's file may be a hard link to first's pk.bin.
	os.Remove(pk)
	if err := os.WriteFile(pk, data, 0o644); err != nil {
		t.Fatal(err)
	}
	third := setup("third", 5)
	if third.Settings().Setup.ReusedFrom != "" {
		t.Fatal("keys from a corrupt cache entry were installed")
	}
	if third.Settings().Setup.ID == first.Settings().Setup.ID {
		t.Fatal("the setup after a corrupt entry kept the old keys")
	}
	b, err = Open(third.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if p, err = b.Prove(ctx, tinyInput); err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}

	// Another circuit: its own keys.
	other := setup("other", 6)
	if other.Settings().Setup.ReusedFrom != "" {
		t.Error("another circuit reused cached keys")
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 2 {
		t.Errorf("the cache holds %d entries, want 2", len(entries))
	}
}

// TestKeyCachePLONK: PLONK's development keys (the dev SRS) are cached too,
// and keys made from an SRS file never are.
func TestKeyCachePLONK(t *testing.T) {
	ctx := context.Background()
	cache := filepath.Join(t.TempDir(), "cache")
	setup := func(name string, opts SetupOptions) *Build {
		t.Helper()
		b, err := Compile(ctx, filepath.Join(t.TempDir(), name), testmodels.TinyPlan(5), PLONK, Meta{}, WithKeyCache(cache))
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Setup(ctx, opts); err != nil {
			t.Fatal(err)
		}
		return b
	}
	if b := setup("a", SetupOptions{}); b.Settings().Setup.ReusedFrom != "" {
		t.Fatal("reused from an empty cache")
	}
	if b := setup("b", SetupOptions{}); b.Settings().Setup.ReusedFrom == "" {
		t.Fatal("the second PLONK development setup did not reuse the keys")
	}
	os.RemoveAll(cache)
	// An SRS file: a production setup, never cached.
	srs := mustDevSRSFile(t)
	setup("c", SetupOptions{SRSPath: srs})
	if b := setup("d", SetupOptions{SRSPath: srs}); b.Settings().Setup.ReusedFrom != "" {
		t.Error("keys from an SRS file were reused")
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 0 {
		t.Errorf("keys from an SRS file were cached (%d entries)", len(entries))
	}
}

func mustDevSRSFile(t *testing.T) string {
	t.Helper()
	srs, _, err := devSRS(1<<12+3, 1<<12)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "srs.bin")
	writeSRS(t, path, srs, false)
	return path
}
