package contracts

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/prover"
)

// TestFoldedCommitmentCheck: zkml's Groth16 verifiers check a commitment's
// proof of knowledge in the proof's pairing call (foldpok.go). Both the
// specialized and the generic verifier accept valid proofs, and reject,
// as prover.Verify does, a proof whose proof of knowledge is a wrong curve
// point and a proof of other outputs; a wrong proof of knowledge whose
// error is compensated in A for the challenge of other calldata is
// rejected by the generic verifier, since the challenge hashes A too.
func TestFoldedCommitmentCheck(t *testing.T) {
	ctx := testContext(t)
	b, proofs := tinyBuild(t, variants[0], 5)
	v, art := compileVerifier(t, b)
	if !bytes.Contains(v.Source, []byte("PRECOMPILE_VERIFY, f, 0x480")) || bytes.Contains(v.Source, []byte("PRECOMPILE_VERIFY, f, 0x180")) {
		t.Fatal("the specialized verifier does not fold the proof of knowledge into the proof's pairing call")
	}
	chain := NewSimulated()
	defer chain.Close()
	spec, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	gen, err := DeployGenericVerifier(ctx, chain, b)
	if err != nil {
		t.Fatal(err)
	}

	// A proof of knowledge moved by the generator: still a curve point.
	_, _, g1, _ := bn254.Generators()
	badPoK := withProof(t, proofs[0], func(p *groth16_bn254.Proof) { p.CommitmentPok.Add(&p.CommitmentPok, &g1) })
	if err := prover.Verify(b, badPoK); err == nil {
		t.Fatal("prover.Verify accepts a wrong proof of knowledge")
	}
	badData, err := Calldata(b, badPoK)
	if err != nil {
		t.Fatal(err)
	}
	for name, addr := range map[string]common.Address{"specialized": spec.Contract, "generic": gen.Contract} {
		for i, p := range proofs {
			if _, err := VerifyOnChain(ctx, chain, addr, b, p, true); err != nil {
				t.Fatalf("%s verifier, valid proof %d: %v", name, i, err)
			}
		}
		expectCallRevert(t, ctx, chain, addr, name+" verifier, wrong proof of knowledge", badData, "ProofInvalid()")
		swapped := *proofs[0]
		swapped.Bytes = proofs[1].Bytes
		expectRejected(t, name+" verifier, proof of other outputs", ctx, chain, addr, b, &swapped)
	}

	// With a synthetic key (every G2 point the generator, GSigmaNeg too;
	// the generic verifier, which takes any key, and shares the challenge's
	// definition with the specialized one),
	// the folded check is e(A − C − α − L + r·(D + PoK), G₂) = 1. A wrong
	// proof of knowledge PoK = −D + E is compensated by A −= r₀·E, r₀ the
	// challenge of the calldata before the change: the equation holds for
	// r₀, but A is in the hashed calldata, so r ≠ r₀.
	vk := syntheticKey(2, true)
	inputs := syntheticInputs(2)
	proof := syntheticProof(vk, inputs)
	args, err := genericVerifierArgsT(vk, 2, "synthetic")
	if err != nil {
		t.Fatal(err)
	}
	sgen, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), args...))
	if err != nil {
		t.Fatal(err)
	}
	var e bn254.G1Affine
	e.ScalarMultiplication(&g1, big.NewInt(11))
	forged := bytes.Clone(proof)
	pok := g1Point(proof[0x140:])
	pok.Add(&pok, &e)
	putG1(forged[0x140:], &pok)
	r0 := foldChallenge(encodeCall(prover.Groth16, forged, inputs))
	a := g1Point(forged)
	var re bn254.G1Affine
	re.ScalarMultiplication(&e, r0)
	a.Sub(&a, &re)
	putG1(forged, &a)
	if !foldedHolds(t, vk, forged, inputs, r0) {
		t.Fatal("the forgery does not satisfy the folded equation for its stale challenge")
	}
	if _, err := chain.Call(ctx, sgen.Contract, encodeCall(prover.Groth16, proof, inputs)); err != nil {
		t.Fatalf("synthetic proof: %v", err)
	}
	expectCallRevert(t, ctx, chain, sgen.Contract, "proof of knowledge compensated for a stale challenge", encodeCall(prover.Groth16, forged, inputs), "ProofInvalid()")
}

// withProof returns a copy of p whose gnark proof edit changed.
func withProof(t *testing.T, p *prover.Proof, edit func(*groth16_bn254.Proof)) *prover.Proof {
	t.Helper()
	var gp groth16_bn254.Proof
	if _, err := gp.ReadFrom(bytes.NewReader(p.Bytes)); err != nil {
		t.Fatal(err)
	}
	edit(&gp)
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	q := *p
	q.Bytes = buf.Bytes()
	return &q
}

func g1Point(b []byte) bn254.G1Affine {
	var p bn254.G1Affine
	p.X.SetBytes(b[:32])
	p.Y.SetBytes(b[32:64])
	return p
}

func putG1(b []byte, p *bn254.G1Affine) {
	x, y := p.X.Bytes(), p.Y.Bytes()
	copy(b, x[:])
	copy(b[32:], y[:])
}

// foldedHolds evaluates the folded check of a synthetic key's proof in Go:
// A − C − α − L + r·(D + PoK) = 0, the only pairing being with G₂.
func foldedHolds(t *testing.T, vk *groth16_bn254.VerifyingKey, proof []byte, inputs []*big.Int, r *big.Int) bool {
	t.Helper()
	a, c, d, pok := g1Point(proof), g1Point(proof[0xc0:]), g1Point(proof[0x100:]), g1Point(proof[0x140:])
	h := append(bytes.Clone(proof[0x100:0x140]), leftPad(inputs[0])...)
	h = append(h, leftPad(inputs[1])...)
	hc := new(big.Int).SetBytes(crypto.Keccak256(h))
	hc.Mod(hc, ecc.BN254.ScalarField())
	l := vk.G1.K[0]
	for i, s := range append(append([]*big.Int(nil), inputs...), hc) {
		var t bn254.G1Affine
		t.ScalarMultiplication(&vk.G1.K[i+1], s)
		l.Add(&l, &t)
	}
	l.Add(&l, &d)
	var sum, x bn254.G1Affine
	sum.Sub(&a, &c)
	sum.Sub(&sum, &vk.G1.Alpha)
	sum.Sub(&sum, &l)
	x.Add(&d, &pok)
	x.ScalarMultiplication(&x, r)
	sum.Add(&sum, &x)
	return sum.IsInfinity()
}
