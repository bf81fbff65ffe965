package prover

import (
	"context"
	"encoding/hex"
	"math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/ptautest"
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
	// A file announcing 2^32 points is refused before anything is allocated.
	c0, err := os.ReadFile(c("c0"))
	if err != nil {
		t.Fatal(err)
	}
	const pkkLength = len(ceremonyMagic) + 32 + 4 + 2 + 32
	copy(c0[pkkLength:], []byte{0xff, 0xff, 0xff, 0xff})
	if err := os.WriteFile(c("bomb"), c0, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Contribute(c("bomb"), c("bomb1"), nil); err == nil || !strings.Contains(err.Error(), "bomb: corrupt ceremony file: a slice of 4294967295 points") {
		t.Errorf("contribute to a file announcing 2^32 points: %v", err)
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
	} else if !vk.CommitmentKeys[0].G.Equal(&vk.G2.Gamma) {
		// zkml's Solidity verifiers then check five pairings, not six
		// (contracts/foldpok.go).
		t.Error("the ceremony's Pedersen key G is not γ")
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

// writePTau writes a raw .ptau of the given power from known τ, α, β (for
// tests and benchmarks only: anyone reading this knows them).
func writePTau(t testing.TB, path string, power int, tau, alpha, beta uint64) {
	t.Helper()
	if err := ptautest.Write(path, power, tau, alpha, beta); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkCeremony times a Groth16 ceremony round (init, one contribution,
// verify, finalize) next to the single-party setup, on a dense MLP
// (ZKML_CEREMONY_WIDTH wide, 2 layers; 128 by default) and a synthetic
// .ptau, in one process. bench/CEREMONY.md records the same round, each
// step its own CLI process, from `make bench-ceremony`.
func BenchmarkCeremony(b *testing.B) {
	width := 128
	if w, err := strconv.Atoi(os.Getenv("ZKML_CEREMONY_WIDTH")); err == nil {
		width = w
	}
	ctx := context.Background()
	tmp := b.TempDir()
	build, err := Compile(ctx, filepath.Join(tmp, "build"), densePlan(width, 2), Groth16, Meta{})
	if err != nil {
		b.Fatal(err)
	}
	constraints := build.Settings().Circuit.Constraints
	ccs, err := build.constraintSystem()
	if err != nil {
		b.Fatal(err)
	}
	power := bits.Len64(groth16Domain(ccs) - 1)
	ptau := filepath.Join(tmp, "synthetic.ptau")
	writePTau(b, ptau, power, 1234567, 89, 1011)
	stage := func(name string, f func() error) {
		start := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), name+"-s")
	}
	for b.Loop() {
		stage("single-party-setup", func() error { return build.Setup(ctx, SetupOptions{}) })
		c0, c1 := filepath.Join(tmp, "c0"), filepath.Join(tmp, "c1")
		stage("init", func() error { _, err := build.CeremonyInit(ctx, ptau, c0); return err })
		stage("contribute", func() error { _, err := Contribute(c0, c1, nil); return err })
		stage("verify", func() error { _, err := build.CeremonyVerify(ctx, c0, c1); return err })
		stage("finalize", func() error { return build.CeremonyFinalize(ctx, []byte{1}, c0, c1) })
	}
	b.ReportMetric(float64(constraints), "constraints")
	b.ReportMetric(float64(power), "ptau-power")
}

// TestCeremonySyntheticPTau runs the ceremony on a .ptau written here, so
// that the ceremony is tested without the shared fixture or snarkjs.
func TestCeremonySyntheticPTau(t *testing.T) {
	dir, _ := built(t, Groth16)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	ptau := filepath.Join(tmp, "p.ptau")
	writePTau(t, ptau, 9, 77, 5, 6)
	ctx := context.Background()
	c := func(n string) string { return filepath.Join(tmp, n) }
	if _, err := b.CeremonyInit(ctx, ptau, c("c0")); err != nil {
		t.Fatal(err)
	}
	if _, err := Contribute(c("c0"), c("c1"), nil); err != nil {
		t.Fatal(err)
	}
	if err := b.CeremonyFinalize(ctx, []byte("beacon"), c("c0"), c("c1")); err != nil {
		t.Fatal(err)
	}
	p, err := b.Prove(ctx, tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}
	if s := b.Settings().Setup; s.PTau.Power != 9 || s.PTau.Contributions != 0 {
		t.Errorf("ptau info %+v", s.PTau)
	}
}
