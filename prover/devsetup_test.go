package prover

import (
	"math/big"
	"math/bits"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/rangecheck"
	"github.com/rs/zerolog"
)

// devCircuit has public and secret inputs, products, and range checks
// through gnark's lookup argument, which adds a BSB22 commitment: every kind
// of point a Groth16 key holds.
type devCircuit struct {
	X   [3]frontend.Variable
	Out frontend.Variable `gnark:",public"`
}

func (c *devCircuit) Define(api frontend.API) error {
	rc := rangecheck.New(api)
	acc := frontend.Variable(1)
	for _, x := range c.X {
		rc.Check(x, 10)
		acc = api.Mul(acc, api.Add(x, 3))
	}
	api.AssertIsEqual(acc, c.Out)
	return nil
}

func devCCS(t *testing.T) *cs_bn254.R1CS {
	t.Helper()
	// These tests call gnark directly: keep its log quiet, as runGnark does.
	enterGnark(zerolog.Nop())
	t.Cleanup(exitGnark)
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &devCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	r := ccs.(*cs_bn254.R1CS)
	if len(r.CommitmentInfo.(constraint.Groth16Commitments)) == 0 {
		t.Fatal("the test circuit has no commitment; it should exercise the Pedersen keys")
	}
	return r
}

func devWitness(t *testing.T, x [3]int64, out int64) frontend.Circuit {
	var c devCircuit
	for i := range x {
		c.X[i] = x[i]
	}
	c.Out = out
	return &c
}

// TestDevSetupProves shows the development keys are keys gnark's own Prove
// and Verify accept, and that they bind: a wrong public input, a proof made
// under other keys and a wrong witness are all rejected.
func TestDevSetupProves(t *testing.T) {
	ccs := devCCS(t)
	pk, vk, err := groth16DevSetup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	full, err := frontend.NewWitness(devWitness(t, [3]int64{5, 1000, 7}, 8*1003*10), ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	public, _ := full.Public()
	proof, err := groth16.Prove(ccs, pk, full)
	if err != nil {
		t.Fatal(err)
	}
	if err := groth16.Verify(proof, vk, public); err != nil {
		t.Fatalf("a proof under the development keys does not verify: %v", err)
	}

	wrong, _ := frontend.NewWitness(devWitness(t, [3]int64{5, 1000, 7}, 8*1003*10+1), ecc.BN254.ScalarField(), frontend.PublicOnly())
	if groth16.Verify(proof, vk, wrong) == nil {
		t.Error("the proof verifies for a wrong public output")
	}
	// Keys of another setup of the same circuit do not accept the proof.
	_, vk2, err := groth16DevSetup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	if groth16.Verify(proof, vk2, public) == nil {
		t.Error("the proof verifies under the keys of another setup")
	}
	// A witness that breaks a constraint (1024 is out of the 10-bit range)
	// cannot be proven.
	bad, _ := frontend.NewWitness(devWitness(t, [3]int64{5, 1024, 7}, 8*1027*10), ecc.BN254.ScalarField())
	if _, err := groth16.Prove(ccs, pk, bad); err == nil {
		t.Error("a witness outside the range check was proven")
	}
}

// TestDevSetupIsGroth16Setup checks every point of the development keys,
// for secrets fixed by the test, against an independent evaluation of the
// QAP (the Lagrange basis from its definition, one constraint at a time),
// and the layout against gnark's own Setup of the same circuit.
func TestDevSetupIsGroth16Setup(t *testing.T) {
	ccs := devCCS(t)
	commitments := ccs.CommitmentInfo.(constraint.Groth16Commitments)
	var tw toxicWaste
	for i, e := range []*fr.Element{&tw.t, &tw.alpha, &tw.beta, &tw.gamma, &tw.delta} {
		e.SetUint64(uint64(1000 + 7*i))
	}
	tw.sigma = make([]fr.Element, len(commitments))
	for i := range tw.sigma {
		tw.sigma[i].SetUint64(uint64(77 + i))
	}
	pk, vk, err := devSetup(ccs, tw)
	if err != nil {
		t.Fatal(err)
	}

	// The layout is gnark's.
	gpk, gvk := new(groth16_bn254.ProvingKey), new(groth16_bn254.VerifyingKey)
	if err := groth16_bn254.Setup(ccs, gpk, gvk); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pk.InfinityA, gpk.InfinityA) || !slices.Equal(pk.InfinityB, gpk.InfinityB) ||
		pk.NbInfinityA != gpk.NbInfinityA || pk.NbInfinityB != gpk.NbInfinityB {
		t.Error("the infinity markers differ from gnark's Setup")
	}
	sizes := func(p *groth16_bn254.ProvingKey, v *groth16_bn254.VerifyingKey) []int {
		s := []int{len(p.G1.A), len(p.G1.B), len(p.G1.Z), len(p.G1.K), len(p.G2.B), len(v.G1.K), len(p.CommitmentKeys), len(v.CommitmentKeys)}
		for _, k := range p.CommitmentKeys {
			s = append(s, len(k.Basis), len(k.BasisExpSigma))
		}
		return s
	}
	if got, want := sizes(pk, vk), sizes(gpk, gvk); !slices.Equal(got, want) {
		t.Errorf("key sizes %v, gnark's Setup %v", got, want)
	}
	if !slices.EqualFunc(vk.PublicAndCommitmentCommitted, gvk.PublicAndCommitmentCommitted, slices.Equal) {
		t.Error("PublicAndCommitmentCommitted differs from gnark's Setup")
	}
	if pk.Domain.Cardinality != gpk.Domain.Cardinality || !pk.Domain.Generator.Equal(&gpk.Domain.Generator) {
		t.Error("the domain differs from gnark's Setup")
	}

	// The scalars, evaluated naively.
	nbWires := ccs.NbInternalVariables + ccs.GetNbPublicVariables() + ccs.GetNbSecretVariables()
	N := pk.Domain.Cardinality
	omega := pk.Domain.Generator
	var omegaInv, nInv fr.Element
	omegaInv.Inverse(&omega)
	nInv.SetUint64(N).Inverse(&nInv)
	A, B, C := make([]fr.Element, nbWires), make([]fr.Element, nbWires), make([]fr.Element, nbWires)
	j := 0
	for _, c := range ccs.GetR1Cs() {
		// Lⱼ(τ) = 1/N · Σₖ (τ·ω⁻ʲ)ᵏ
		var x, term, l fr.Element
		x.Exp(omegaInv, big.NewInt(int64(j))).Mul(&x, &tw.t)
		term.SetOne()
		for range N {
			l.Add(&l, &term)
			term.Mul(&term, &x)
		}
		l.Mul(&l, &nInv)
		for m, le := range []constraint.LinearExpression{c.L, c.R, c.O} {
			res := [][]fr.Element{A, B, C}[m]
			for _, tm := range le {
				var v fr.Element
				v.Set(&ccs.Coefficients[tm.CoeffID()])
				v.Mul(&v, &l)
				res[tm.WireID()].Add(&res[tm.WireID()], &v)
			}
		}
		j++
	}
	g1 := func(s fr.Element) curve.G1Affine {
		var p curve.G1Affine
		p.ScalarMultiplicationBase(s.BigInt(new(big.Int)))
		return p
	}
	g2 := func(s fr.Element) curve.G2Affine {
		var p curve.G2Affine
		p.ScalarMultiplicationBase(s.BigInt(new(big.Int)))
		return p
	}
	check1 := func(what string, i int, got curve.G1Affine, s fr.Element) {
		t.Helper()
		if want := g1(s); !got.Equal(&want) {
			t.Errorf("%s[%d] is not the scalar multiple it should be", what, i)
		}
	}
	check1("alpha", 0, pk.G1.Alpha, tw.alpha)
	check1("beta", 0, pk.G1.Beta, tw.beta)
	check1("delta", 0, pk.G1.Delta, tw.delta)
	for _, p := range []struct {
		name string
		got  curve.G2Affine
		s    fr.Element
	}{{"beta2", pk.G2.Beta, tw.beta}, {"delta2", pk.G2.Delta, tw.delta}, {"gamma2", vk.G2.Gamma, tw.gamma}} {
		if want := g2(p.s); !p.got.Equal(&want) {
			t.Errorf("%s is wrong", p.name)
		}
	}
	a, b := 0, 0
	for i := range nbWires {
		if !pk.InfinityA[i] {
			check1("A", i, pk.G1.A[a], A[i])
			a++
		} else if !A[i].IsZero() {
			t.Errorf("wire %d marked infinite in A but A(τ) ≠ 0", i)
		}
		if !pk.InfinityB[i] {
			check1("B", i, pk.G1.B[b], B[i])
			if want := g2(B[i]); !pk.G2.B[b].Equal(&want) {
				t.Errorf("G2.B[%d] is wrong", i)
			}
			b++
		}
	}
	// Z: τⁱ(τᴺ−1)/δ at bit-reversed positions.
	var zt, deltaInv, gammaInv, one fr.Element
	one.SetOne()
	deltaInv.Inverse(&tw.delta)
	gammaInv.Inverse(&tw.gamma)
	zt.Exp(tw.t, new(big.Int).SetUint64(N)).Sub(&zt, &one).Mul(&zt, &deltaInv)
	logN := bits.TrailingZeros64(N)
	for k := range pk.G1.Z {
		i := bits.Reverse64(uint64(k)) >> (64 - logN)
		var s fr.Element
		s.Exp(tw.t, new(big.Int).SetUint64(i)).Mul(&s, &zt)
		check1("Z", k, pk.G1.Z[k], s)
	}
	// K: (βA + αB + C)/γ for the public wires, commitments and committed
	// wires (the Pedersen bases), /δ for the rest.
	kScalar := func(i int, inv *fr.Element) fr.Element {
		var s, u fr.Element
		s.Mul(&A[i], &tw.beta)
		u.Mul(&B[i], &tw.alpha)
		s.Add(&s, &u).Add(&s, &C[i]).Mul(&s, inv)
		return s
	}
	nbPublic := ccs.GetNbPublicVariables()
	comWires := commitments.CommitmentIndexes()
	committed := map[int][2]int{}
	for c, ws := range commitments.GetPrivateCommitted() {
		for n, w := range ws {
			committed[w] = [2]int{c, n}
		}
	}
	v, p := 0, 0
	for i := range nbWires {
		if i < nbPublic || slices.Contains(comWires, i) {
			check1("vk.K", v, vk.G1.K[v], kScalar(i, &gammaInv))
			v++
		} else if cn, ok := committed[i]; ok {
			s := kScalar(i, &gammaInv)
			ck := pk.CommitmentKeys[cn[0]]
			check1("Basis", cn[1], ck.Basis[cn[1]], s)
			s.Mul(&s, &tw.sigma[cn[0]])
			check1("BasisExpSigma", cn[1], ck.BasisExpSigma[cn[1]], s)
		} else {
			check1("pk.K", p, pk.G1.K[p], kScalar(i, &deltaInv))
			p++
		}
	}
	for i, ck := range vk.CommitmentKeys {
		var neg fr.Element
		neg.Neg(&tw.sigma[i]).Mul(&neg, &tw.gamma)
		// G = γ: the shape of the keys of gnark's ceremony, which lets
		// zkml's verifiers fold the proof of knowledge into e(L, −γ).
		if want := g2(tw.gamma); !ck.G.Equal(&want) || !ck.G.Equal(&vk.G2.Gamma) {
			t.Errorf("commitment key %d: G is not [γ]G2", i)
		}
		if want := g2(neg); !ck.GSigmaNeg.Equal(&want) {
			t.Errorf("commitment key %d: GSigmaNeg is wrong", i)
		}
	}
}
