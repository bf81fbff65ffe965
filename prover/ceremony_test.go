package prover

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCeremony runs a Groth16 ceremony on the shared .ptau for a build
// with lookups (a BSB22 commitment): init, two contributions, verify,
// finalize; then proves and verifies.
func TestCeremony(t *testing.T) {
	ptau := sharedPTau(t)
	dir, _ := built(t, Groth16)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if b.SetupKind() != SetupDevelopment {
		t.Errorf("fixture setup kind %q", b.SetupKind())
	}
	ctx := context.Background()
	tmp := t.TempDir()
	c := func(name string) string { return filepath.Join(tmp, name) }

	h0, err := b.CeremonyInit(ctx, ptau, c("c0"))
	if err != nil {
		t.Fatal(err)
	}
	// init is deterministic: anyone can recompute the first file's hash.
	again, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if h, err := again.CeremonyInit(ctx, ptau, c("c0-again")); err != nil || h != h0 {
		t.Errorf("second init: %s, %v; first %s", h, err, h0)
	}
	h1, err := Contribute(c("c0"), c("c1"), nil)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := Contribute(c("c1"), c("c2"), nil)
	if err != nil {
		t.Fatal(err)
	}
	hashes, err := b.CeremonyVerify(ctx, c("c0"), c("c1"), c("c2"))
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != 2 || hashes[0] != h1 || hashes[1] != h2 {
		t.Errorf("verify returned %v, contributions were %s, %s", hashes, h1, h2)
	}

	// Rejected: an altered contribution, one that skips its predecessor,
	// a chain not starting at c0, a file of another ceremony.
	data, err := os.ReadFile(c("c2"))
	if err != nil {
		t.Fatal(err)
	}
	altered := append([]byte(nil), data...)
	altered[len(altered)/2] ^= 1
	if err := os.WriteFile(c("c2-altered"), altered, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Contribute(c("c0"), c("c2-skip"), nil); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		files []string
		want  string
	}{
		{[]string{c("c0"), c("c1"), c("c2-altered")}, "c2-altered: "},
		{[]string{c("c0"), c("c1"), c("c2-skip")}, "c2-skip: does not follow"},
		{[]string{c("c0"), c("c2")}, "c2: does not follow"},
		{[]string{c("c1"), c("c2")}, "the first file must be the ceremony's first file"},
		{[]string{c("c1"), c("c0")}, "the first file must be the ceremony's first file"},
	} {
		if _, err := b.CeremonyVerify(ctx, tt.files...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("verify %v: got %v, want %q", tt.files, err, tt.want)
		}
	}
	if err := b.CeremonyFinalize(ctx, []byte("beacon"), c("c0"), c("c1"), c("c2-skip")); err == nil {
		t.Error("finalize accepted a broken chain")
	}
	if err := b.CeremonyFinalize(ctx, []byte("beacon"), c("c0")); err == nil || !strings.Contains(err.Error(), "no contribution") {
		t.Errorf("finalize without contributions: %v", err)
	}

	beacon, _ := hex.DecodeString("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
	if err := b.CeremonyFinalize(ctx, beacon, c("c0"), c("c1"), c("c2")); err != nil {
		t.Fatal(err)
	}
	s := b.Settings().Setup
	if b.SetupKind() != SetupCeremony || s.Insecure || s.Warning != "" || s.PTau == nil || s.PTau.Power != 10 ||
		s.Ceremony.Initial != h0 || len(s.Ceremony.Contributions) != 2 || s.Ceremony.Contributions[1] != h2 ||
		s.Ceremony.Beacon != hex.EncodeToString(beacon) || !s.Ceremony.Verified {
		t.Errorf("setup info %+v, ceremony %+v", s, s.Ceremony)
	}
	vk, err := b.Groth16VerifyingKey()
	if err != nil {
		t.Fatal(err)
	}
	if len(vk.PublicAndCommitmentCommitted) != 1 {
		t.Errorf("the build has %d commitments, want the lookup's one", len(vk.PublicAndCommitmentCommitted))
	}
	reopened, err := Open(b.Dir())
	if err != nil {
		t.Fatal(err)
	}
	p, err := reopened.Prove(ctx, tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(reopened, p); err != nil {
		t.Fatal(err)
	}

	// Finalizing from the last file alone trusts its chain, and says so;
	// the same beacon gives the same keys.
	if err := again.CeremonyFinalize(ctx, beacon, c("c2")); err != nil {
		t.Fatal(err)
	}
	if s := again.Settings().Setup; s.Ceremony.Verified || s.ID != b.Settings().Setup.ID {
		t.Errorf("finalize from the last file: %+v, id %s, want %s", s.Ceremony, s.ID, b.Settings().Setup.ID)
	}
}

// TestGroth16SetupFromPTau is the single-contributor shortcut.
func TestGroth16SetupFromPTau(t *testing.T) {
	ptau := sharedPTau(t)
	dir, _ := built(t, Groth16)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := b.Setup(ctx, SetupOptions{PTauPath: ptau}); err != nil {
		t.Fatal(err)
	}
	s := b.Settings().Setup
	if b.SetupKind() != SetupCeremony || s.Insecure || !strings.Contains(s.Warning, "one contributor is one point of trust") || len(s.Ceremony.Contributions) != 1 {
		t.Errorf("setup info %+v", s)
	}
	p, err := b.Prove(ctx, tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}

	plonkDir, _ := built(t, PLONK)
	pb, err := Open(copyBuild(t, plonkDir))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pb.CeremonyInit(ctx, ptau, filepath.Join(t.TempDir(), "c0")); err == nil || !strings.Contains(err.Error(), "a ceremony is for Groth16") {
		t.Errorf("ceremony on a PLONK build: %v", err)
	}
}
