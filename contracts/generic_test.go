package contracts

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/zkml/zkml/prover"
)

// TestGenericVerifier deploys the committed generic verifier with the keys
// of the tiny model and of real models (bits mode), checks that it accepts
// their proofs and rejects tampered ones with the verifier's own errors,
// and compares its gas with the specialized verifier's (goal: at most +5%).
func TestGenericVerifier(t *testing.T) {
	bits := variants[1]
	type tc struct {
		name string
		load func(t *testing.T) buildAndProof
	}
	cases := []tc{
		{"tiny", func(t *testing.T) buildAndProof {
			b, proofs := tinyBuild(t, bits, 5)
			return buildAndProof{b, proofs[0], proofs[1]}
		}},
	}
	if !testing.Short() {
		for _, m := range []string{"1l_mlp", "4l_relu_conv_fc"} {
			cases = append(cases, tc{m, func(t *testing.T) buildAndProof {
				b, ref := buildModel(t, m, bits)
				p, err := b.Prove(ref.Cases[0].Inputs)
				if err != nil {
					t.Fatal(err)
				}
				return buildAndProof{b, p, nil}
			}})
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := testContext(t)
			bp := c.load(t)
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
			line := "generic verifier, " + c.name + ": %d public inputs, code %d bytes, deploy %d gas, verification %d gas"
			args := []any{len(p.PublicInputs), len(code), dep.GasUsed, res.Gas}

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
			if bp.other != nil {
				swapped := *p
				swapped.Bytes = bp.other.Bytes
				expectRejected(t, "proof of other outputs", ctx, chain, dep.Contract, b, &swapped)
			}

			// Flipped bits in the proof's points (A, then C), and a
			// public input outside the field.
			data, err := Calldata(b, p)
			if err != nil {
				t.Fatal(err)
			}
			n := len(p.PublicInputs)
			for _, tc := range []struct {
				at   int
				want string
			}{
				{proofOffset(b.Backend(), n) + 31, "ProofInvalid()"},
				{len(data) - 40, "ProofInvalid()"},
			} {
				bad := bytes.Clone(data)
				bad[tc.at] ^= 1
				_, err := chain.Call(ctx, dep.Contract, bad)
				var rev *RevertError
				if !errors.As(err, &rev) || rev.Reason != tc.want {
					t.Errorf("proof with byte %d flipped: got %v, want %s", tc.at, err, tc.want)
				}
			}
			// Calldata of another shape: one input too few (another
			// selector), and a truncated proof.
			short := encodeCall(b.Backend(), proofBytes(data, n), p.PublicInputs[:n-1])
			if n == 1 {
				short = encodeCall(b.Backend(), proofBytes(data, n), append(p.PublicInputs, big.NewInt(0)))
			}
			for what, bad := range map[string][]byte{"wrong input count": short, "truncated proof": data[:len(data)-32]} {
				_, err := chain.Call(ctx, dep.Contract, bad)
				var rev *RevertError
				if !errors.As(err, &rev) || !rev.Known {
					t.Errorf("%s: got %v, want a known revert", what, err)
				}
			}
			t.Logf(line, args...)
		})
	}
}

type buildAndProof struct {
	build        *prover.Build
	proof, other *prover.Proof // other: a proof of other outputs, or nil
}

// TestGenericVerifierRefusesCommitment checks that a build whose proofs
// carry a BSB22 commitment is refused with advice.
func TestGenericVerifierRefusesCommitment(t *testing.T) {
	for _, v := range []variant{variants[0], variants[2]} {
		b, _ := tinyBuild(t, v, 5)
		_, err := GenericVerifierArgs(b)
		if err == nil || !strings.Contains(err.Error(), "specialized verifier") {
			t.Errorf("%s: got %v, want a refusal that names the specialized verifier", v.name, err)
		}
	}
}
