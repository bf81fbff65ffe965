package prover

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	kzg_bn254 "github.com/consensys/gnark-crypto/ecc/bn254/kzg"
)

// devTauG2 pins the development SRS ([τ]G2, as settings.json records it):
// changing the seed or the derivation would silently give every PLONK dev
// build other keys.
const devTauG2 = "ae7f80d405661c944f9071ba44bcfc534572844d3f76a8a3ed591e660a626d3a27098e5a7d18d5548ba64f58dc39472e423bc8f4eccb8ac53a5a67629d82ebb1"

func TestDevSRSDeterministic(t *testing.T) {
	c1, l1, err := devSRS(64+3, 64)
	if err != nil {
		t.Fatal(err)
	}
	c2, l2, err := devSRS(64+3, 64)
	if err != nil {
		t.Fatal(err)
	}
	if !sameSRS(c1, c2) || !sameSRS(l1, l2) {
		t.Fatal("two dev SRS of the same size differ")
	}
	// The dev SRS of a larger circuit extends the smaller one.
	c3, _, err := devSRS(128+3, 128)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c1.Pk.G1 {
		if !c1.Pk.G1[i].Equal(&c3.Pk.G1[i]) {
			t.Fatalf("point %d differs between sizes", i)
		}
	}
	// The Lagrange form computed from τ equals the generic conversion.
	want, err := kzg_bn254.ToLagrangeG1(c1.Pk.G1[:64])
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !want[i].Equal(&l1.Pk.G1[i]) {
			t.Fatalf("lagrange point %d differs from ToLagrangeG1", i)
		}
	}
	if err := checkSRS(c1); err != nil {
		t.Errorf("dev SRS fails its own check: %v", err)
	}
	if got := tauG2(c1); got != devTauG2 {
		t.Errorf("dev SRS changed: tau_g2 = %s, pinned %s", got, devTauG2)
	}
}

func TestPLONKSetupDeterministic(t *testing.T) {
	dir, _ := built(t, PLONK)
	dst := copyBuild(t, dir)
	b, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"vk.bin", "pk.bin"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		c, _ := os.ReadFile(filepath.Join(dst, f))
		if !bytes.Equal(a, c) {
			t.Errorf("%s differs between two setups with the dev SRS", f)
		}
	}
}

func TestSetupWithSRSFile(t *testing.T) {
	dir, _ := built(t, PLONK)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	ccs, err := b.constraintSystem()
	if err != nil {
		t.Fatal(err)
	}
	nCanonical, nLagrange := srsSizes(ccs)

	// A "ceremony" SRS: any τ other than the dev one, larger than needed.
	srs, err := kzg_bn254.NewSRS(2*nCanonical, bigInt(t, "123456789123456789"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	good := filepath.Join(tmp, "srs.bin")
	writeSRS(t, good, srs, false)
	if err := b.Setup(context.Background(), SetupOptions{SRSPath: good}); err != nil {
		t.Fatal(err)
	}
	s := b.Settings()
	if s.Setup.Insecure || s.Setup.SRS.Source != good || s.Setup.SRS.Size != int(nCanonical) || len(s.Setup.SRS.SHA256) != 64 {
		t.Errorf("setup info: %+v %+v", s.Setup, s.Setup.SRS)
	}
	p, err := b.Prove(context.Background(), tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}
	// Uncompressed files read the same.
	raw := filepath.Join(tmp, "srs-raw.bin")
	writeSRS(t, raw, srs, true)
	if err := b.Setup(context.Background(), SetupOptions{SRSPath: raw}); err != nil {
		t.Fatal(err)
	}

	small, err := kzg_bn254.NewSRS(nLagrange, bigInt(t, "5"))
	if err != nil {
		t.Fatal(err)
	}
	tooSmall := filepath.Join(tmp, "small.bin")
	writeSRS(t, tooSmall, small, false)

	inconsistent := *srs
	inconsistent.Vk.G2[1] = small.Vk.G2[1]
	bad := filepath.Join(tmp, "bad.bin")
	writeSRS(t, bad, &inconsistent, false)

	garbage := filepath.Join(tmp, "garbage.bin")
	writeFile(t, garbage, strings.Repeat("\xff", 100))

	for _, tt := range []struct {
		path string
		want string
	}{
		{tooSmall, "needs"},
		{bad, "inconsistent"},
		{garbage, "not a BN254 KZG SRS"},
		{filepath.Join(tmp, "missing.bin"), "no such file"},
	} {
		err := b.Setup(context.Background(), SetupOptions{SRSPath: tt.path})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
			t.Errorf("SRS %s: %v, want an error naming the file and containing %q", filepath.Base(tt.path), err, tt.want)
		}
	}

	g, err := Open(copyBuild(t, mustBuilt(t, Groth16)))
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Setup(context.Background(), SetupOptions{SRSPath: good}); err == nil || !strings.Contains(err.Error(), "PLONK") {
		t.Errorf("groth16 with an SRS: %v", err)
	}
}

func mustBuilt(t *testing.T, b Backend) string {
	dir, _ := built(t, b)
	return dir
}

func writeSRS(t *testing.T, path string, srs *kzg_bn254.SRS, raw bool) {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if raw {
		_, err = srs.WriteRawTo(&buf)
	} else {
		_, err = srs.WriteTo(&buf)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sameSRS(a, b *kzg_bn254.SRS) bool {
	if len(a.Pk.G1) != len(b.Pk.G1) || !a.Vk.G2[1].Equal(&b.Vk.G2[1]) {
		return false
	}
	for i := range a.Pk.G1 {
		if !a.Pk.G1[i].Equal(&b.Pk.G1[i]) {
			return false
		}
	}
	return true
}
