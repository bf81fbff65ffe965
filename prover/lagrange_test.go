package prover

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/internal/ptautest"
)

// sameAsGnark checks that initPhase2 on the Lagrange forms gives, byte for
// byte, gnark's Phase2.Initialize on the same phase 1.
func sameAsGnark(t *testing.T, r1cs *cs_bn254.R1CS, ph phase1) {
	t.Helper()
	if ph.lag == nil {
		t.Fatal("no Lagrange forms read from a prepared .ptau")
	}
	var want mpcsetup.Phase2
	wantEvals := want.Initialize(r1cs, ph.c)
	got, gotEvals, err := initPhase2(r1cs, ph.c, ph.lag)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := want.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := got.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the first state differs from gnark's (%d and %d bytes)", a.Len(), b.Len())
	}
	if !reflect.DeepEqual(&wantEvals, gotEvals) {
		t.Errorf("the evaluations differ from gnark's")
	}
	if len(gotEvals.G1.CKK) == 0 {
		t.Errorf("the circuit has no commitment: the test covers less than it should")
	}
}

// TestCeremonyLagrangeSnarkjs reads the Lagrange forms of the shared .ptau,
// prepared by snarkjs, and checks that they are gnark-crypto's domain's
// (same generator, natural order): the first state built from them is
// gnark's, for a build with a lookup commitment.
func TestCeremonyLagrangeSnarkjs(t *testing.T) {
	ptau := sharedPTau(t)
	dir, _ := built(t, Groth16)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r1cs, err := b.r1cs()
	if err != nil {
		t.Fatal(err)
	}
	ph, _, err := phase1FromPTau(ptau, groth16Domain(r1cs), func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	sameAsGnark(t, r1cs, ph)
}

// lagCircuit has wires in many constraints with distinct coefficients (so
// that their sums are multi-scalar multiplications), others in a few, ±1
// and ±2 coefficients, short and long ones (|c| below 2⁶⁴ or not, either
// sign), and a BSB22 commitment.
type lagCircuit struct {
	X [4]frontend.Variable
	Y frontend.Variable `gnark:",public"`
}

func (c *lagCircuit) Define(api frontend.API) error {
	acc := frontend.Variable(0)
	for i := range 2*msmFrom + 3 {
		l := api.Add(api.Mul(c.X[0], 1000003+i), c.X[1])
		r := api.Sub(api.Mul(c.X[3], 7+3*i), api.Mul(c.X[1], 2))
		acc = api.Add(acc, api.Mul(l, r))
		// one term on each side: the coefficient stays in R (gnark puts the
		// longer side in L)
		acc = api.Add(acc, api.Mul(api.Mul(c.X[2], 5+i), api.Mul(c.X[3], 11+i)))
	}
	long := new(big.Int).Lsh(big.NewInt(1), 100)
	few := api.Mul(api.Mul(c.X[1], 12345), api.Add(c.X[2], c.X[2]))
	few = api.Add(few, api.Mul(api.Mul(c.X[2], long), api.Sub(c.X[3], api.Mul(c.X[0], long))))
	few = api.Add(few, api.Mul(api.Mul(c.X[1], 3), api.Mul(c.X[0], long)))
	few = api.Add(few, api.Mul(api.Mul(c.X[1], 3), api.Mul(c.X[2], -5)))
	few = api.Add(few, api.Mul(api.Mul(c.X[1], 3), api.Neg(c.X[2])))
	cm, err := api.(frontend.Committer).Commit(c.X[1], c.X[2])
	if err != nil {
		return err
	}
	api.AssertIsEqual(api.Mul(api.Add(acc, few), cm), api.Sub(c.Y, c.X[3]))
	return nil
}

// TestCeremonyLagrangeSynthetic checks initPhase2 against gnark on a
// circuit exercising each way a wire's sum is computed, from a .ptau that
// internal/ptautest prepared.
func TestCeremonyLagrangeSynthetic(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &lagCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	n := groth16Domain(ccs)
	power := 1
	for 1<<power < n {
		power++
	}
	path := filepath.Join(t.TempDir(), "p.ptau")
	if err := ptautest.WritePrepared(path, power, 4242, 5, 7); err != nil {
		t.Fatal(err)
	}
	ph, _, err := phase1FromPTau(path, n, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	sameAsGnark(t, ccs.(*cs_bn254.R1CS), ph)
}

// TestCeremonyLagrangeForged: Lagrange forms that are not the powers' are
// rejected, in a .ptau (by init) and in phase1.bin (by verify and
// finalize, which recompute the first file from them). Two points of the
// circuit's domain are swapped: each is a valid point, of the right
// ceremony, in the wrong place.
func TestCeremonyLagrangeForged(t *testing.T) {
	ptau := sharedPTau(t)
	dir, _ := built(t, Groth16)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	r1cs, err := b.r1cs()
	if err != nil {
		t.Fatal(err)
	}
	n := int(groth16Domain(r1cs))
	data, err := os.ReadFile(ptau)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tmp := t.TempDir()
	for _, sec := range []uint32{ptauLagrangeTauG1, ptauLagrangeTauG2, ptauLagrangeAlphaTauG1, ptauLagrangeBetaTauG1} {
		size := 64
		if sec == ptauLagrangeTauG2 {
			size = 128
		}
		forged := bytes.Clone(data)
		p := ptauSection(t, forged, sec) + (n-1)*size // the domain's first point
		a, c := forged[p:p+size], forged[p+size:p+2*size]
		tmpA := bytes.Clone(a)
		copy(a, c)
		copy(c, tmpA)
		path := filepath.Join(tmp, "forged.ptau")
		if err := os.WriteFile(path, forged, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := b.CeremonyInit(ctx, path, filepath.Join(tmp, "c0"))
		if err == nil || !strings.Contains(err.Error(), "do not match the powers of tau") {
			t.Errorf("section %d swapped: init gave %v", sec, err)
		}
	}

	// phase1.bin rewritten (with a valid checksum) with swapped Lagrange
	// forms: the recomputed first file would differ; the check says why.
	c := func(name string) string { return filepath.Join(tmp, name) }
	if _, err := b.CeremonyInit(ctx, ptau, c("c0")); err != nil {
		t.Fatal(err)
	}
	if _, err := Contribute(c("c0"), c("c1"), nil); err != nil {
		t.Fatal(err)
	}
	ph, _, err := phase1FromPTau(ptau, uint64(n), func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	l := ph.lag
	l.AlphaTauG1[0], l.AlphaTauG1[1] = l.AlphaTauG1[1], l.AlphaTauG1[0]
	if _, err := writeArtifact(b.path(phase1File), header{kind: kindPhase1, backend: b.settings.Backend, planHash: b.planHash}, func(w io.Writer) error {
		if _, err := ph.c.WriteTo(w); err != nil {
			return err
		}
		return writeLagrange(w, l)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.CeremonyVerify(ctx, c("c0"), c("c1")); err == nil || !strings.Contains(err.Error(), "do not match the powers of tau") {
		t.Errorf("verify with forged Lagrange forms in phase1.bin: %v", err)
	}
	if err := b.CeremonyFinalize(ctx, []byte("beacon"), c("c0"), c("c1")); err == nil || !strings.Contains(err.Error(), "do not match the powers of tau") {
		t.Errorf("finalize with forged Lagrange forms in phase1.bin: %v", err)
	}
}

// TestCeremonyPreparedSameFirstFile: from the same powers, raw or prepared,
// init writes the same first file (gnark's FFTs or the Lagrange forms), and
// a ceremony started from one verifies against a build initialized from
// the other.
func TestCeremonyPreparedSameFirstFile(t *testing.T) {
	dir, _ := built(t, Groth16)
	ctx := context.Background()
	tmp := t.TempDir()
	c := func(n string) string { return filepath.Join(tmp, n) }
	if err := ptautest.Write(c("raw.ptau"), 9, 77, 5, 6); err != nil {
		t.Fatal(err)
	}
	if err := ptautest.WritePrepared(c("prepared.ptau"), 9, 77, 5, 6); err != nil {
		t.Fatal(err)
	}
	raw, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	prepared, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	hRaw, err := raw.CeremonyInit(ctx, c("raw.ptau"), c("c0-raw"))
	if err != nil {
		t.Fatal(err)
	}
	hPrepared, err := prepared.CeremonyInit(ctx, c("prepared.ptau"), c("c0"))
	if err != nil {
		t.Fatal(err)
	}
	if hRaw != hPrepared {
		t.Fatalf("first file from the raw .ptau %s, from the prepared one %s", hRaw, hPrepared)
	}
	small, big := fileSize(t, raw.path(phase1File)), fileSize(t, prepared.path(phase1File))
	if big <= small {
		t.Errorf("phase1.bin of %d bytes from the prepared .ptau, %d from the raw one: no Lagrange forms kept", big, small)
	}
	if _, err := Contribute(c("c0"), c("c1"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.CeremonyVerify(ctx, c("c0"), c("c1")); err != nil {
		t.Errorf("the raw build (gnark's FFTs) rejects the prepared build's ceremony: %v", err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}
