package contracts

import (
	"bytes"
	"math/big"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/prover"
)

// TestFoldedCommitmentCheck: zkml's Groth16 verifiers check a commitment's
// proof of knowledge in the proof's pairing call (foldpok.go): with five
// pairings for the development setup's keys, whose Pedersen G is γ, and
// with six for a key whose G is not γ (the build's key with G and
// GSigmaNeg times 7, for which the build's proofs stay valid). On both
// paths, both the specialized and the generic verifier accept valid
// proofs and reject, as prover.Verify does, a proof with D, its proof of
// knowledge, C or a public input changed, PoK and C moved together, a
// proof of other outputs, and a proof of knowledge shifted to absorb a
// changed public input for the challenge of the calldata before the
// shift (it satisfies the folded equation for that stale challenge, but
// the challenge hashes the proof of knowledge too).
func TestFoldedCommitmentCheck(t *testing.T) {
	ctx := testContext(t)
	solc := needSolc(t)
	b, proofs := tinyBuild(t, variants[0], 5)
	vk, err := b.Groth16VerifyingKey()
	if err != nil {
		t.Fatal(err)
	}
	if !pedersenGIsGamma(vk) {
		t.Fatal("the development setup's Pedersen key G is not γ")
	}
	const s = 7
	vk6 := *vk
	ck := vk.CommitmentKeys[0]
	ck.G.ScalarMultiplication(&ck.G, big.NewInt(s))
	ck.GSigmaNeg.ScalarMultiplication(&ck.GSigmaNeg, big.NewInt(s))
	vk6.CommitmentKeys = []pedersen.VerifyingKey{ck}
	if pedersenGIsGamma(&vk6) {
		t.Fatal("G·7 is γ")
	}
	n := b.Settings().Circuit.PublicInputs
	chain := NewSimulated()
	defer chain.Close()
	for _, c := range []struct {
		name    string
		vk      *groth16_bn254.VerifyingKey
		s       int64 // G = s·γ
		pairing string
	}{{"G = γ", vk, 1, "PRECOMPILE_VERIFY, f, 0x3c0"}, {"G ≠ γ", &vk6, s, "PRECOMPILE_VERIFY, f, 0x480"}} {
		var src []byte
		if c.vk == vk {
			v, _ := compileVerifier(t, b) // through NewVerifier
			src = v.Source
		} else {
			var buf bytes.Buffer
			if err := c.vk.ExportSolidity(&buf); err != nil {
				t.Fatal(err)
			}
			if src, err = foldCommitmentCheck(buf.Bytes(), pedersenGIsGamma(c.vk)); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Contains(src, []byte(c.pairing)) || bytes.Contains(src, []byte("PRECOMPILE_VERIFY, f, 0x180")) {
			t.Fatalf("%s: the specialized verifier does not fold the proof of knowledge into the proof's pairing call (want %q)", c.name, c.pairing)
		}
		art, err := solc.Compile(ctx, map[string]string{"Verifier.sol": string(src)}, "Verifier.sol", "Verifier")
		if err != nil {
			t.Fatal(err)
		}
		spec, err := chain.Deploy(ctx, art.Bytecode)
		if err != nil {
			t.Fatal(err)
		}
		args, err := genericVerifierArgsT(c.vk, n, "tiny")
		if err != nil {
			t.Fatal(err)
		}
		gen, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), args...))
		if err != nil {
			t.Fatal(err)
		}
		if got := callWord(t, ctx, chain, gen.Contract, "pedersenGIsGamma()").Sign() == 1; got != (c.s == 1) {
			t.Fatalf("%s: the generic verifier's pedersenGIsGamma() is %v", c.name, got)
		}
		if got := callWord(t, ctx, chain, gen.Contract, "numDataContracts()"); got.Sign() != 0 {
			t.Fatalf("%s: the tiny key (3 points) is in %v data contracts, not inline", c.name, got)
		}

		proof, inputs := splitCall(t, b, proofs[0])
		other, otherInputs := splitCall(t, b, proofs[1])
		if !foldedHolds(t, c.vk, proof, inputs, foldChallenge(encodeCall(prover.Groth16, proof, inputs))) {
			t.Fatalf("%s: a valid proof does not satisfy the folded equation in Go", c.name)
		}
		_, _, g1, _ := bn254.Generators()
		moved := func(at ...int) []byte {
			p := bytes.Clone(proof)
			for _, a := range at {
				q := g1Point(p[a:])
				q.Add(&q, &g1)
				putG1(p[a:], &q)
			}
			return p
		}
		bad := map[string][]byte{
			"D moved":                  encodeCall(prover.Groth16, moved(0x100), inputs),
			"proof of knowledge moved": encodeCall(prover.Groth16, moved(0x140), inputs),
			"C moved":                  encodeCall(prover.Groth16, moved(0xc0), inputs),
			"PoK and C moved together": encodeCall(prover.Groth16, moved(0xc0, 0x140), inputs),
			"D and PoK moved together": encodeCall(prover.Groth16, moved(0x100, 0x140), inputs),
			"other proof's outputs":    encodeCall(prover.Groth16, proof, otherInputs),
			"other proof's commitment": encodeCall(prover.Groth16, append(bytes.Clone(proof[:0x100]), other[0x100:]...), inputs),
			"other proof's A, B, C":    encodeCall(prover.Groth16, append(bytes.Clone(other[:0x100]), proof[0x100:]...), inputs),
			"input changed":            encodeCall(prover.Groth16, proof, withInput(inputs, 0, 1)),
			"PoK shifted for an input": staleShift(t, c.vk, c.s, proof, inputs),
		}
		for name, addr := range map[string]common.Address{"specialized": spec.Contract, "generic": gen.Contract} {
			for i, p := range proofs {
				if _, err := VerifyOnChain(ctx, chain, addr, b, p, true); err != nil {
					t.Fatalf("%s, %s verifier, valid proof %d: %v", c.name, name, i, err)
				}
			}
			for what, data := range bad {
				expectCallRevert(t, ctx, chain, addr, c.name+", "+name+" verifier, "+what, data, "ProofInvalid()")
			}
			var off []byte
			off = append(off, proof...)
			off[0x13f] ^= 1 // D.y + 1 or − 1: not on the curve
			expectCallRevert(t, ctx, chain, addr, c.name+", "+name+" verifier, D off the curve", encodeCall(prover.Groth16, off, inputs), "CommitmentInvalid()")
		}
	}
	// prover.Verify (gnark's two checks) rejects a wrong proof of knowledge.
	_, _, g1, _ := bn254.Generators()
	badPoK := withProof(t, proofs[0], func(p *groth16_bn254.Proof) { p.CommitmentPok.Add(&p.CommitmentPok, &g1) })
	if err := prover.Verify(b, badPoK); err == nil {
		t.Fatal("prover.Verify accepts a wrong proof of knowledge")
	}

	// With a synthetic key (every G2 point the generator, GSigmaNeg too;
	// the generic verifier, which takes any key, and shares the challenge's
	// definition with the specialized one),
	// the folded check is e(A − C − α − L + r·(D + PoK), G₂) = 1. A wrong
	// proof of knowledge PoK = −D + E is compensated by A −= r₀·E, r₀ the
	// challenge of the calldata before the change: the equation holds for
	// r₀, but A is in the hashed calldata, so r ≠ r₀.
	svk := syntheticKey(2, true)
	inputs := syntheticInputs(2)
	proof := syntheticProof(svk, inputs)
	args, err := genericVerifierArgsT(svk, 2, "synthetic")
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
	if !foldedHolds(t, svk, forged, inputs, r0) {
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

// splitCall returns the proof (gnark's MarshalSolidity layout) and the
// public inputs of the verifying call of p.
func splitCall(t *testing.T, b *prover.Build, p *prover.Proof) ([]byte, []*big.Int) {
	t.Helper()
	data, err := Calldata(b, p)
	if err != nil {
		t.Fatal(err)
	}
	n := b.Settings().Circuit.PublicInputs
	inputs := make([]*big.Int, n)
	for i := range inputs {
		inputs[i] = new(big.Int).SetBytes(data[36+32*i : 68+32*i])
	}
	at := 68 + 32*n
	l := int(new(big.Int).SetBytes(data[at-32 : at]).Int64())
	return bytes.Clone(data[at : at+l]), inputs
}

// withInput returns inputs with input i plus d.
func withInput(inputs []*big.Int, i int, d int64) []*big.Int {
	out := slices.Clone(inputs)
	out[i] = new(big.Int).Add(out[i], big.NewInt(d))
	return out
}

// publicL is L = K_0 + Σ inputᵢ·Kᵢ + h·K_{n+1} + D of a proof with one
// commitment D, h its hash (keccak256 of D and the committed inputs, as
// the Solidity verifiers compute it).
func publicL(vk *groth16_bn254.VerifyingKey, proof []byte, inputs []*big.Int) bn254.G1Affine {
	h := bytes.Clone(proof[0x100:0x140])
	for _, i := range vk.PublicAndCommitmentCommitted[0] {
		h = append(h, leftPad(inputs[i-1])...)
	}
	hc := new(big.Int).SetBytes(crypto.Keccak256(h))
	hc.Mod(hc, ecc.BN254.ScalarField())
	l := vk.G1.K[0]
	for i, s := range append(slices.Clone(inputs), hc) {
		var t bn254.G1Affine
		t.ScalarMultiplication(&vk.G1.K[i+1], s)
		l.Add(&l, &t)
	}
	d := g1Point(proof[0x100:])
	l.Add(&l, &d)
	return l
}

// staleShift changes public input 0 of a proof and moves its proof of
// knowledge so that the folded equation holds for the challenge r₀ of the
// calldata before the move: the changed input adds ΔL to L, and
// PoK += ΔL/(r₀·s) puts e(ΔL, γ) back through e(r₀·PoK, G), G = s·γ.
func staleShift(t *testing.T, vk *groth16_bn254.VerifyingKey, s int64, proof []byte, inputs []*big.Int) []byte {
	t.Helper()
	bad := withInput(inputs, 0, 1)
	l0, l1 := publicL(vk, proof, inputs), publicL(vk, proof, bad)
	var dl bn254.G1Affine
	dl.Sub(&l1, &l0)
	r0 := foldChallenge(encodeCall(prover.Groth16, proof, bad))
	q := ecc.BN254.ScalarField()
	k := new(big.Int).Mul(r0, big.NewInt(s))
	k.ModInverse(k.Mod(k, q), q)
	dl.ScalarMultiplication(&dl, k)
	forged := bytes.Clone(proof)
	pok := g1Point(forged[0x140:])
	pok.Add(&pok, &dl)
	putG1(forged[0x140:], &pok)
	if !foldedHolds(t, vk, forged, bad, r0) {
		t.Fatal("the shifted proof of knowledge does not satisfy the folded equation for its stale challenge")
	}
	return encodeCall(prover.Groth16, forged, bad)
}

// foldedHolds evaluates the folded check of a proof with one commitment in
// Go: e(A, B)·e(C, −δ)·e(α, −β)·e(L, −γ)·e(r·D, −σG)·e(r·PoK, G) = 1.
func foldedHolds(t *testing.T, vk *groth16_bn254.VerifyingKey, proof []byte, inputs []*big.Int, r *big.Int) bool {
	t.Helper()
	a, c, d, pok := g1Point(proof), g1Point(proof[0xc0:]), g1Point(proof[0x100:]), g1Point(proof[0x140:])
	var bb bn254.G2Affine
	bb.X.A1.SetBytes(proof[0x40:0x60])
	bb.X.A0.SetBytes(proof[0x60:0x80])
	bb.Y.A1.SetBytes(proof[0x80:0xa0])
	bb.Y.A0.SetBytes(proof[0xa0:0xc0])
	l := publicL(vk, proof, inputs)
	d.ScalarMultiplication(&d, r)
	pok.ScalarMultiplication(&pok, r)
	var nd, nb, ng bn254.G2Affine
	nd.Neg(&vk.G2.Delta)
	nb.Neg(&vk.G2.Beta)
	ng.Neg(&vk.G2.Gamma)
	ok, err := bn254.PairingCheck(
		[]bn254.G1Affine{a, c, vk.G1.Alpha, l, d, pok},
		[]bn254.G2Affine{bb, nd, nb, ng, vk.CommitmentKeys[0].GSigmaNeg, vk.CommitmentKeys[0].G})
	if err != nil {
		t.Fatal(err)
	}
	return ok
}
