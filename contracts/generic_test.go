package contracts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/prover"
)

// TestGenericVerifier deploys the committed generic verifier with the keys
// of the tiny model and of real models, with a BSB22 commitment (default
// builds) and without (bits), checks that it accepts their proofs and
// rejects tampered ones with the verifier's own errors, decoded, and
// compares its gas with the specialized verifier's (at most +2.5%).
func TestGenericVerifier(t *testing.T) {
	type tc struct {
		name string
		v    variant
		load func(t *testing.T, v variant) buildAndProof
	}
	tiny := func(t *testing.T, v variant) buildAndProof {
		b, proofs := tinyBuild(t, v, 5)
		return buildAndProof{b, proofs[0], proofs[1]}
	}
	var cases []tc
	for _, v := range variants[:2] {
		cases = append(cases, tc{"tiny", v, tiny})
	}
	if !testing.Short() {
		for _, m := range []string{"1l_mlp", "accuracy", "4l_relu_conv_fc"} {
			for _, v := range variants[:2] {
				cases = append(cases, tc{m, v, func(t *testing.T, v variant) buildAndProof {
					b, ref := buildModel(t, m, v)
					p, err := b.Prove(context.Background(), ref.Cases[0].Inputs)
					if err != nil {
						t.Fatal(err)
					}
					return buildAndProof{b, p, nil}
				}})
			}
		}
	}
	for _, c := range cases {
		t.Run(c.name+"/"+c.v.name, func(t *testing.T) {
			ctx := testContext(t)
			bp := c.load(t, c.v)
			b, p := bp.build, bp.proof
			chain := NewSimulated()
			defer chain.Close()
			dep, err := DeployGenericVerifier(ctx, chain, b)
			if err != nil {
				t.Fatal(err)
			}
			res, err := VerifyOnChain(ctx, chain, dep.Contract, b, p, true)
			if err != nil {
				t.Fatalf("valid proof: %v", err)
			}
			code, err := chain.CodeAt(ctx, dep.Contract)
			if err != nil {
				t.Fatal(err)
			}
			line := "generic verifier, %s %s: %d public inputs, code %d bytes, deploy %d gas, verification %d gas"
			args := []any{c.name, c.v.name, len(p.PublicInputs), len(code), dep.GasUsed, res.Gas}

			line, args = compareWithSpecialized(t, ctx, chain, b, p, res.Gas, line, args)

			// Through the registry: the generic verifier takes the
			// specialized verifier's calldata, so it registers as one.
			reg, m, rgas := verifyThroughNewRegistry(t, ctx, chain, b, dep.Contract, p)
			line += "; through the registry %d gas"
			args = append(args, rgas)

			// A tampered output.
			edited := *p
			edited.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
			edited.PublicInputs[len(edited.PublicInputs)-1] = new(big.Int).Add(edited.PublicInputs[len(edited.PublicInputs)-1], big.NewInt(1))
			expectRejected(t, "tampered output", ctx, chain, dep.Contract, b, &edited)
			_, err = VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, &edited, true)
			expectRevert(t, "tampered output, through the registry", err, true, "ProofRejected(0x", "ProofInvalid()", "does not verify")

			data, err := Calldata(b, p)
			if err != nil {
				t.Fatal(err)
			}
			n := len(p.PublicInputs)
			at := proofOffset(b.Backend(), n)
			if bp.other != nil {
				swapped := *p
				swapped.Bytes = bp.other.Bytes
				expectRejected(t, "proof of other outputs", ctx, chain, dep.Contract, b, &swapped)
				if !c.v.bits {
					// The commitment and its proof of knowledge of
					// another proof: a valid pair, but its hash is not
					// the one A, B, C were made with.
					other, err := Calldata(b, bp.other)
					if err != nil {
						t.Fatal(err)
					}
					mixed := bytes.Clone(data)
					copy(mixed[at+256:at+384], other[at+256:at+384])
					expectCallRevert(t, ctx, chain, dep.Contract, "another proof's commitment", mixed, "ProofInvalid()", "does not verify")
				}
			}

			// Flipped bits in the proof's points (A, then C, then the
			// commitment and its proof of knowledge).
			flips := []struct {
				what string
				at   int
				want string
			}{
				{"A", at + 31, "ProofInvalid()"},
				{"C", at + 255, "ProofInvalid()"},
			}
			if !c.v.bits {
				flips = append(flips,
					struct {
						what string
						at   int
						want string
					}{"commitment", at + 256 + 63, "CommitmentInvalid()"},
					struct {
						what string
						at   int
						want string
					}{"proof of knowledge", at + 384 - 1, "CommitmentInvalid()"})
			}
			for _, f := range flips {
				bad := bytes.Clone(data)
				bad[f.at] ^= 1
				expectCallRevert(t, ctx, chain, dep.Contract, "tampered "+f.what, bad, f.want, "does not verify")
			}
			// Calldata of another shape: one input too few (another
			// selector), and a truncated proof.
			short := encodeCall(b.Backend(), proofBytes(data, n), p.PublicInputs[:n-1])
			if n == 1 {
				short = encodeCall(b.Backend(), proofBytes(data, n), append(p.PublicInputs, big.NewInt(0)))
			}
			expectCallRevert(t, ctx, chain, dep.Contract, "wrong input count", short, "NotAVerifierCall(0x")
			expectCallRevert(t, ctx, chain, dep.Contract, "truncated proof", data[:len(data)-32], "invalid proof length")
			t.Logf(line, args...)
		})
	}
}

// expectCallRevert calls addr with data and checks that the revert is one
// zkml knows, with a message holding each of want.
func expectCallRevert(t *testing.T, ctx context.Context, chain *Chain, addr common.Address, what string, data []byte, want ...string) {
	t.Helper()
	_, err := chain.Call(ctx, addr, data)
	var rev *RevertError
	if !errors.As(err, &rev) {
		t.Errorf("%s: got %v, want a revert", what, err)
		return
	}
	for _, w := range want {
		if !strings.Contains(rev.Error(), w) {
			t.Errorf("%s: %q does not say %q", what, rev, w)
		}
	}
}

type buildAndProof struct {
	build        *prover.Build
	proof, other *prover.Proof // other: a proof of other outputs, or nil
}

// TestGenericVerifierProofForAnotherModel checks that the generic verifier
// with one model's key rejects a proof of another model of the same shape.
func TestGenericVerifierProofForAnotherModel(t *testing.T) {
	for _, v := range variants[:2] {
		t.Run(v.name, func(t *testing.T) {
			ctx := testContext(t)
			b, proofs := tinyBuild(t, v, 5)
			other, _ := tinyBuild(t, v, 7)
			chain := NewSimulated()
			defer chain.Close()
			dep, err := DeployGenericVerifier(ctx, chain, other)
			if err != nil {
				t.Fatal(err)
			}
			expectRejected(t, "proof of another model", ctx, chain, dep.Contract, b, proofs[0])
		})
	}
}

// TestGenericVerifierRefusesPLONK checks that a PLONK build is refused
// with advice.
func TestGenericVerifierRefusesPLONK(t *testing.T) {
	b, _ := tinyBuild(t, variants[2], 5)
	_, err := GenericVerifierArgs(b)
	if err == nil || !strings.Contains(err.Error(), "specialized verifier") {
		t.Errorf("got %v, want a refusal that names the specialized verifier", err)
	}
}

// committedCircuit commits to two of its three public inputs (the first and
// the third: not a contiguous run) and a secret, as gnark allows; zkml's
// own circuits commit to secrets only, so this covers the part of the hash
// to field that their proofs leave out.
type committedCircuit struct {
	X, Y, Z frontend.Variable `gnark:",public"`
	W       frontend.Variable
}

func (c *committedCircuit) Define(api frontend.API) error {
	h, err := api.(frontend.Committer).Commit(c.X, c.Z, c.W)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(h, 0)
	api.AssertIsEqual(api.Mul(c.X, c.W), c.Y)
	api.AssertIsEqual(api.Add(c.X, c.W), c.Z)
	return nil
}

// TestGenericVerifierCommittedPublicInputs checks the generic verifier on a
// gnark circuit whose commitment covers public inputs, against gnark's
// specialized verifier for the same key (when solc is here), both folded
// with six pairings: gnark's groth16.Setup draws the Pedersen G apart from γ.
func TestGenericVerifierCommittedPublicInputs(t *testing.T) {
	ctx := testContext(t)
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &committedCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	pk, vkAny, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	vk := vkAny.(*groth16_bn254.VerifyingKey)
	if pedersenGIsGamma(vk) {
		t.Fatal("gnark's groth16.Setup made the Pedersen key's G γ: this test is to check the six-pairing path")
	}
	if got := vk.PublicAndCommitmentCommitted; len(got) != 1 || !slices.Equal(got[0], []int{1, 3}) {
		t.Fatalf("committed public inputs %v, want [[1 3]]", got)
	}
	prove := func(x, w int64) ([]byte, []*big.Int) {
		t.Helper()
		wit, err := frontend.NewWitness(&committedCircuit{X: x, Y: x * w, Z: x + w, W: w}, ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		p, err := groth16.Prove(ccs, pk, wit, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
		if err != nil {
			t.Fatal(err)
		}
		return p.(*groth16_bn254.Proof).MarshalSolidity(), []*big.Int{big.NewInt(x), big.NewInt(x * w), big.NewInt(x + w)}
	}
	proof, public := prove(3, 5)
	other, otherPublic := prove(4, 6)

	args, err := genericVerifierArgsT(vk, 3, "committed")
	if err != nil {
		t.Fatal(err)
	}
	chain := NewSimulated()
	defer chain.Close()
	dep, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), args...))
	if err != nil {
		t.Fatal(err)
	}
	verifiers := map[string]common.Address{"generic": dep.Contract}
	if solc := optionalSolc(t); solc != nil {
		var src bytes.Buffer
		if err := vk.ExportSolidity(&src); err != nil {
			t.Fatal(err)
		}
		folded, err := foldCommitmentCheck(src.Bytes(), pedersenGIsGamma(vk))
		if err != nil {
			t.Fatal(err)
		}
		art, err := solc.Compile(ctx, map[string]string{"Verifier.sol": string(folded)}, "Verifier.sol", "Verifier")
		if err != nil {
			t.Fatal(err)
		}
		sdep, err := chain.Deploy(ctx, art.Bytecode)
		if err != nil {
			t.Fatal(err)
		}
		verifiers["specialized"] = sdep.Contract
	}
	for name, addr := range verifiers {
		if _, err := chain.Call(ctx, addr, encodeCall(prover.Groth16, proof, public)); err != nil {
			t.Errorf("%s verifier, valid proof: %v", name, err)
		}
		if _, err := chain.Call(ctx, addr, encodeCall(prover.Groth16, other, otherPublic)); err != nil {
			t.Errorf("%s verifier, second valid proof: %v", name, err)
		}
		// A committed input changed (the hash changes, so the MSM does),
		// an uncommitted one, and the other proof's commitment.
		for i := range public {
			bad := slices.Clone(public)
			bad[i] = new(big.Int).Add(bad[i], big.NewInt(1))
			expectCallRevert(t, ctx, chain, addr, fmt.Sprintf("%s verifier, input %d changed", name, i+1), encodeCall(prover.Groth16, proof, bad), "ProofInvalid()")
		}
		mixed := slices.Clone(proof)
		copy(mixed[256:], other[256:])
		expectCallRevert(t, ctx, chain, addr, name+" verifier, another proof's commitment", encodeCall(prover.Groth16, mixed, public), "ProofInvalid()")
		mixed = slices.Clone(proof)
		copy(mixed[256:320], other[256:320])
		expectCallRevert(t, ctx, chain, addr, name+" verifier, another proof's commitment without its proof of knowledge", encodeCall(prover.Groth16, mixed, public), "ProofInvalid()")
	}
}

// syntheticKey is a verifying key for n public inputs whose G2 points are
// all the generator, so that syntheticProof can make proofs it accepts; with
// a commitment, the commitment's hash covers every input (the largest data
// for n inputs).
func syntheticKey(n int, commitment bool) *groth16_bn254.VerifyingKey {
	_, _, g1, g2 := bn254.Generators()
	vk := &groth16_bn254.VerifyingKey{}
	vk.G1.Alpha = g1
	vk.G2.Beta, vk.G2.Gamma, vk.G2.Delta = g2, g2, g2
	points := n + 1
	if commitment {
		points++
		all := make([]int, n)
		for i := range all {
			all[i] = i + 1
		}
		vk.PublicAndCommitmentCommitted = [][]int{all}
		vk.CommitmentKeys = []pedersen.VerifyingKey{{G: g2, GSigmaNeg: g2}}
	}
	// K_i = (i+1)·G, all different, so that a verifier that reads the
	// wrong point fails.
	vk.G1.K = make([]bn254.G1Affine, points)
	for i := range vk.G1.K {
		vk.G1.K[i].ScalarMultiplication(&g1, big.NewInt(int64(i+1)))
	}
	return vk
}

// syntheticProof returns a proof of inputs (gnark's MarshalSolidity layout)
// that vk, a syntheticKey, accepts: with β = γ = δ = B = G₂ the pairing
// check is e(A, G₂) = e(C + α + L, G₂), so A = C + α + L for any C; with
// G = GSigmaNeg the commitment D's proof of knowledge is -D.
func syntheticProof(vk *groth16_bn254.VerifyingKey, inputs []*big.Int) []byte {
	_, _, g1, g2 := bn254.Generators()
	var l, c, d bn254.G1Affine
	l = vk.G1.K[0]
	c.ScalarMultiplication(&g1, big.NewInt(3))
	for i, s := range inputs {
		var t bn254.G1Affine
		t.ScalarMultiplication(&vk.G1.K[i+1], s)
		l.Add(&l, &t)
	}
	var tail []byte
	if len(vk.CommitmentKeys) == 1 {
		d.ScalarMultiplication(&g1, big.NewInt(5))
		dx, dy := d.X.Bytes(), d.Y.Bytes()
		h := append(append([]byte(nil), dx[:]...), dy[:]...)
		for _, i := range vk.PublicAndCommitmentCommitted[0] {
			h = append(h, leftPad(inputs[i-1])...)
		}
		hc := new(big.Int).SetBytes(crypto.Keccak256(h))
		hc.Mod(hc, ecc.BN254.ScalarField())
		var t bn254.G1Affine
		t.ScalarMultiplication(&vk.G1.K[len(inputs)+1], hc)
		l.Add(&l, &t)
		l.Add(&l, &d)
		var pok bn254.G1Affine
		pok.Neg(&d)
		px, py := pok.X.Bytes(), pok.Y.Bytes()
		tail = append(append(h[:64:64], px[:]...), py[:]...)
	}
	var a bn254.G1Affine
	a.Add(&l, &c)
	a.Add(&a, &vk.G1.Alpha)
	var out []byte
	for _, e := range []fp.Element{a.X, a.Y, g2.X.A1, g2.X.A0, g2.Y.A1, g2.Y.A0, c.X, c.Y} {
		w := e.Bytes()
		out = append(out, w[:]...)
	}
	return append(out, tail...)
}

// syntheticInputs are n public inputs of 224 bits, as packed outputs are.
func syntheticInputs(n int) []*big.Int {
	in := make([]*big.Int, n)
	for i := range in {
		in[i] = new(big.Int).Lsh(big.NewInt(int64(1000003*i+7)), 190)
	}
	return in
}

// deploySyntheticVerifier deploys the generic verifier with a synthetic key
// for n inputs and checks it on chain: a valid proof verifies in a
// transaction under EIP-7825's cap of 2^24 gas, a changed input is
// rejected. It returns the deployment and the verification's gas.
func deploySyntheticVerifier(t *testing.T, ctx context.Context, chain *Chain, n int, commitment bool) (*Receipt, uint64) {
	t.Helper()
	vk := syntheticKey(n, commitment)
	k, err := newGenericKey(vk, n, "synthetic")
	if err != nil {
		t.Fatalf("commitment %v, %d inputs: %v", commitment, n, err)
	}
	dep, err := deployGenericKey(ctx, chain, k)
	if err != nil {
		t.Fatalf("commitment %v, %d inputs: deploy: %v", commitment, n, err)
	}
	in := syntheticInputs(n)
	proof := syntheticProof(vk, in)
	r, err := chain.Transact(ctx, dep.Contract, encodeCall(prover.Groth16, proof, in))
	if err != nil {
		t.Fatalf("commitment %v, %d inputs (%d data contracts): valid proof: %v", commitment, n, max(1, len(k.chunks)), err)
	}
	if r.GasUsed >= 1<<24 {
		t.Errorf("commitment %v, %d inputs: verification takes %d gas, over the 2^24 a transaction may use (EIP-7825)", commitment, n, r.GasUsed)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		bad := slices.Clone(in)
		bad[i] = new(big.Int).Add(bad[i], big.NewInt(1))
		expectCallRevert(t, ctx, chain, dep.Contract, fmt.Sprintf("commitment %v, %d inputs, input %d changed", commitment, n, i+1), encodeCall(prover.Groth16, proof, bad), "ProofInvalid()")
	}
	return dep, r.GasUsed
}

// TestGenericVerifierInlineKey: a key of up to 4 points whose commitment
// covers no public input is held in the generic verifier's immutables,
// without a data contract; a larger one, or one whose commitment covers
// public inputs, in a data contract. Both verify, reject changed inputs
// (deploySyntheticVerifier) and expose the key hash Go computes.
func TestGenericVerifierInlineKey(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	for _, c := range []struct {
		n          int
		commitment bool
		contracts  int64
	}{{1, false, 0}, {3, false, 0}, {4, false, 1}, {1, true, 1}} {
		dep, _ := deploySyntheticVerifier(t, ctx, chain, c.n, c.commitment)
		if got := callWord(t, ctx, chain, dep.Contract, "numDataContracts()"); got.Cmp(big.NewInt(c.contracts)) != 0 {
			t.Errorf("%d inputs, commitment %v: %v data contracts, want %d", c.n, c.commitment, got, c.contracts)
		}
		k, err := newGenericKey(syntheticKey(c.n, c.commitment), c.n, "synthetic")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := callWord(t, ctx, chain, dep.Contract, "keyHash()"), k.hash(); !bytes.Equal(leftPad(got), want[:]) {
			t.Errorf("%d inputs, commitment %v: keyHash() %x, Go computes %x", c.n, c.commitment, got, want)
		}
	}
}

// callWord calls the view function sig of addr, which returns one word.
func callWord(t *testing.T, ctx context.Context, chain *Chain, addr common.Address, sig string) *big.Int {
	t.Helper()
	out, err := chain.Call(ctx, addr, crypto.Keccak256([]byte(sig))[:4])
	if err != nil || len(out) != 32 {
		t.Fatalf("%s: %x, %v", sig, out, err)
	}
	return new(big.Int).SetBytes(out)
}

// TestGenericVerifierInputLimit checks the largest keys the generic
// verifier takes, on synthetic keys: the largest that fits the data
// contract its constructor creates (24,576 bytes: 382 inputs, 370 with a
// commitment covering every input), one input more (two data contracts),
// and the maximum, 2,048 inputs (6 data contracts with a commitment), whose
// verification must fit in a transaction; the Go side and the constructor
// refuse one input more.
func TestGenericVerifierInputLimit(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	for _, tc := range []struct {
		commitment bool
		inline     int
	}{{false, 382}, {true, 370}} {
		if k, err := newGenericKey(syntheticKey(tc.inline, tc.commitment), tc.inline, "big"); err != nil || len(k.chunks) != 0 {
			t.Errorf("commitment %v, %d inputs: %d data contracts, %v; want the constructor's one", tc.commitment, tc.inline, len(k.chunks), err)
		}
		if k, err := newGenericKey(syntheticKey(tc.inline+1, tc.commitment), tc.inline+1, "big"); err != nil || len(k.chunks) != 2 {
			t.Errorf("commitment %v, %d inputs: %d data contracts, %v; want 2", tc.commitment, tc.inline+1, len(k.chunks), err)
		}
		sizes := []int{tc.inline, tc.inline + 1, maxGenericInputs}
		if testing.Short() {
			sizes = sizes[:2]
		}
		for _, n := range sizes {
			dep, gas := deploySyntheticVerifier(t, ctx, chain, n, tc.commitment)
			t.Logf("generic verifier, commitment %v, %d inputs: deploy %d gas, verification %d gas (transaction)", tc.commitment, n, dep.GasUsed, gas)
		}
		n := maxGenericInputs + 1
		if _, err := newGenericKey(syntheticKey(n, tc.commitment), n, "big"); err == nil || !strings.Contains(err.Error(), "too many for the generic verifier") {
			t.Errorf("commitment %v, %d inputs: got %v, want a refusal", tc.commitment, n, err)
		}
	}
	// The constructor's own checks, past the Go side: more inputs than
	// MAX_INPUTS, and data contracts of the wrong size.
	vk := syntheticKey(maxGenericInputs, false)
	k, err := newGenericKey(vk, maxGenericInputs, "big")
	if err != nil {
		t.Fatal(err)
	}
	var addrs []common.Address
	for _, code := range k.chunks {
		r, err := chain.Deploy(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		addrs = append(addrs, r.Contract)
	}
	over := *k
	over.n++
	if _, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), over.args(addrs)...)); err == nil {
		t.Errorf("%d inputs: the constructor accepted them", over.n)
	}
	if _, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), k.args(addrs[:len(addrs)-1])...)); err == nil {
		t.Error("a data contract missing: the constructor accepted it")
	}
	swapped := slices.Clone(addrs)
	swapped[0], swapped[len(swapped)-1] = swapped[len(swapped)-1], swapped[0]
	if _, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), k.args(swapped)...)); err == nil {
		t.Error("data contracts out of order: the constructor accepted them")
	}
}

func genericVerifierArgsT(vk *groth16_bn254.VerifyingKey, n int, dir string) ([]byte, error) {
	k, err := newGenericKey(vk, n, dir)
	if err != nil {
		return nil, err
	}
	return k.args(nil), nil
}

// compareWithSpecialized verifies p with b's specialized verifier too, when
// solc is installed, appends its code size and gas to the log line and
// fails when the generic verifier's gas (genericGas) is over 2.5% more for
// Groth16, 1% for PLONK: the README says 0.4-2.1 % and under 0.5 %
// (bench/GAS.md measures +0.38 to +2.10 % and +0.41 to +0.44 %).
func compareWithSpecialized(t *testing.T, ctx context.Context, chain *Chain, b *prover.Build, p *prover.Proof, genericGas uint64, line string, args []any) (string, []any) {
	t.Helper()
	if optionalSolc(t) == nil {
		return line, args
	}
	_, art := compileVerifier(t, b)
	sdep, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	sres, err := VerifyOnChain(ctx, chain, sdep.Contract, b, p, true)
	if err != nil {
		t.Fatal(err)
	}
	line += "; specialized: code %d bytes, deploy %d gas, verification %d gas; generic/specialized verification %+.2f%%"
	args = append(args, len(art.Runtime), sdep.GasUsed, sres.Gas, 100*(float64(genericGas)/float64(sres.Gas)-1))
	limit := 2.5
	if b.Backend() == prover.PLONK {
		limit = 1
	}
	if float64(genericGas) > (1+limit/100)*float64(sres.Gas) {
		t.Errorf("generic verification costs %d gas, over %.1f%% more than the specialized verifier's %d", genericGas, limit, sres.Gas)
	}
	return line, args
}

// verifyThroughNewRegistry deploys a registry, registers b with the
// verifier at verifier and verifies p through it (zero input commitment),
// returning the registry, the registration and the verification's gas.
func verifyThroughNewRegistry(t *testing.T, ctx context.Context, chain *Chain, b *prover.Build, verifier common.Address, p *prover.Proof) (*Receipt, *Registration, uint64) {
	t.Helper()
	reg, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	m, err := RegisterModel(ctx, chain, reg.Contract, b, verifier)
	if err != nil {
		t.Fatal(err)
	}
	res, err := VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, p, true)
	if err != nil {
		t.Fatalf("through the registry: %v", err)
	}
	return reg, m, res.Gas
}
