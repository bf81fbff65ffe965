package contracts

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/prover"
)

// TestGenericVerifier deploys the committed generic verifier with the keys
// of the tiny model and of real models, with a BSB22 commitment (default
// builds) and without (bits), checks that it accepts their proofs and
// rejects tampered ones with the verifier's own errors, decoded, and
// compares its gas with the specialized verifier's (goal: at most +5%).
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
		for _, m := range []string{"1l_mlp", "4l_relu_conv_fc"} {
			for _, v := range variants[:2] {
				cases = append(cases, tc{m, v, func(t *testing.T, v variant) buildAndProof {
					b, ref := buildModel(t, m, v)
					p, err := b.Prove(ref.Cases[0].Inputs)
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

			// The specialized verifier on the same proof, when solc is here.
			if _, err := FindSolc(); err == nil {
				_, art := compileVerifier(t, b)
				sdep, err := chain.Deploy(ctx, art.Bytecode)
				if err != nil {
					t.Fatal(err)
				}
				sres, err := VerifyOnChain(ctx, chain, sdep.Contract, b, p, true)
				if err != nil {
					t.Fatal(err)
				}
				line += "; specialized: deploy %d gas, verification %d gas; generic/specialized verification %+.2f%%"
				args = append(args, sdep.GasUsed, sres.Gas, 100*(float64(res.Gas)/float64(sres.Gas)-1))
				if float64(res.Gas) > 1.05*float64(sres.Gas) {
					t.Errorf("generic verification costs %d gas, over 5%% more than the specialized verifier's %d", res.Gas, sres.Gas)
				}
			}

			// Through the registry: the generic verifier takes the
			// specialized verifier's calldata, so it registers as one.
			reg, err := DeployRegistry(ctx, chain)
			if err != nil {
				t.Fatal(err)
			}
			m, err := RegisterModel(ctx, chain, reg.Contract, b, dep.Contract)
			if err != nil {
				t.Fatal(err)
			}
			var commitment [32]byte
			rres, err := VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, p, commitment, true)
			if err != nil {
				t.Fatalf("through the registry: %v", err)
			}
			line += "; through the registry %d gas"
			args = append(args, rres.Gas)

			// A tampered output.
			edited := *p
			edited.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
			edited.PublicInputs[len(edited.PublicInputs)-1] = new(big.Int).Add(edited.PublicInputs[len(edited.PublicInputs)-1], big.NewInt(1))
			expectRejected(t, "tampered output", ctx, chain, dep.Contract, b, &edited)
			_, err = VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, &edited, commitment, true)
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
