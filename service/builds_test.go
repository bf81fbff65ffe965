package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/prover"
)

// TestLoadBuildsFollowsLinks: a build folder reached through a symbolic
// link (a Kubernetes volume's entries are links) is served like one in
// place; a dangling link and a file are passed over.
func TestLoadBuildsFollowsLinks(t *testing.T) {
	ctx, src := context.Background(), t.TempDir()
	b, err := prover.Compile(ctx, filepath.Join(src, "tiny1"), testmodels.TinyPlan(1), prover.Groth16, prover.Meta{ModelFile: "tiny1.onnx"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(ctx, prover.SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(src, "tiny1"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(src, "missing"), filepath.Join(dir, "dangling")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README"), []byte("notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := loadBuilds(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].info.Name != "linked" {
		t.Fatalf("loadBuilds found %d builds (%v), want the linked one", len(got), got)
	}
}
