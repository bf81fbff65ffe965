package contracts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/plonk"
	plonk_bn254 "github.com/consensys/gnark/backend/plonk/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test/unsafekzg"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/prover"
)

// TestGenericPlonkVerifier deploys the committed generic PLONK verifier
// with the keys of the tiny model and of real models (lookup range checks,
// so BSB22 commitments), checks that it accepts their proofs, rejects
// tampered ones and proofs of another model with a decoded reason, and
// compares its gas with the specialized verifier's (at most +1%).
func TestGenericPlonkVerifier(t *testing.T) {
	plonkV := variants[2]
	type tc struct {
		name string
		load func(t *testing.T) buildAndProof
	}
	cases := []tc{
		{"tiny", func(t *testing.T) buildAndProof {
			b, proofs := tinyBuild(t, plonkV, 5)
			return buildAndProof{b, proofs[0], proofs[1]}
		}},
	}
	if !testing.Short() {
		for _, m := range []string{"1l_mlp", "accuracy", "4l_relu_conv_fc"} {
			cases = append(cases, tc{m, func(t *testing.T) buildAndProof {
				b, ref := buildModel(t, m, plonkV)
				p, err := b.Prove(context.Background(), ref.Cases[0].Inputs)
				if err != nil {
					t.Fatal(err)
				}
				return buildAndProof{b, p, nil}
			}})
		}
	}
	// Each model's verifier gets the previous model's proof too.
	var prev *buildAndProof
	prevName := ""
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := testContext(t)
			bp := c.load(t)
			b, p := bp.build, bp.proof
			vk, err := readPlonkVK(b)
			if err != nil {
				t.Fatal(err)
			}
			chain := NewSimulated()
			defer chain.Close()
			dep, err := DeployGenericPlonkVerifier(ctx, chain, b)
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
			if len(code) > MaxCodeSize {
				t.Errorf("the generic PLONK verifier is %d bytes of code, over the limit", len(code))
			}
			line := "generic PLONK verifier, " + c.name + ": %d public inputs, %d commitments, domain %d, code %d bytes, deploy %d gas, verification %d gas"
			args := []any{len(p.PublicInputs), len(vk.CommitmentConstraintIndexes), vk.Size, len(code), dep.GasUsed, res.Gas}

			line, args = compareWithSpecialized(t, ctx, chain, b, p, res.Gas, line, args)

			// Through the registry: the generic verifier takes the
			// specialized verifier's calldata, so it registers as one.
			reg, m, rgas := verifyThroughNewRegistry(t, ctx, chain, b, dep.Contract, p)
			line += "; through the registry %d gas"
			args = append(args, rgas)

			// A tampered public input (the last output).
			edited := *p
			edited.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
			last := len(edited.PublicInputs) - 1
			edited.PublicInputs[last] = new(big.Int).Add(edited.PublicInputs[last], big.NewInt(1))
			expectRejected(t, "tampered output", ctx, chain, dep.Contract, b, &edited)
			_, err = VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, &edited, true)
			expectRevert(t, "tampered output, through the registry", err, true, "ProofRejected(0x", "rejected the proof")
			if bp.other != nil {
				swapped := *p
				swapped.Bytes = bp.other.Bytes
				expectRejected(t, "proof of other outputs", ctx, chain, dep.Contract, b, &swapped)
			}

			raw, err := p.SolidityCalldata()
			if err != nil {
				t.Fatal(err)
			}
			k := len(vk.CommitmentConstraintIndexes)
			if len(raw) != 0x300+0x60*k {
				t.Fatalf("the proof is %d bytes, want %d for %d commitments", len(raw), 0x300+0x60*k, k)
			}
			// Tampered proofs: a changed opening fails the pairing (false);
			// a point moved off the curve, a changed BSB22 commitment (its
			// hash enters the public-input sum) or an opening outside the
			// field are refused with gnark's messages.
			tampered := []struct {
				what  string
				edit  func(proof []byte)
				wants []string // "" for a proof that returns false
			}{
				{"opening L(ζ)", func(q []byte) { q[0x180+31] ^= 1 }, []string{""}},
				{"opening Z(ζω)", func(q []byte) { q[0x260+31] ^= 1 }, []string{""}},
				{"point [L]", func(q []byte) { q[31] ^= 1 }, []string{"error ec operation"}},
				{"opening above r", func(q []byte) { copy(q[0x1e0:0x200], ecc.BN254.ScalarField().FillBytes(make([]byte, 32))) }, []string{"openings bigger than r"}},
			}
			if k > 0 {
				bsb := 0x300 + 0x20*k
				tampered = append(tampered,
					struct {
						what  string
						edit  func(proof []byte)
						wants []string
					}{"BSB22 commitment", func(q []byte) { q[bsb+31] ^= 1 }, []string{"", "error ec operation"}},
					struct {
						what  string
						edit  func(proof []byte)
						wants []string
					}{"opening qcp(ζ)", func(q []byte) { q[0x300+31] ^= 1 }, []string{""}})
			}
			for _, tp := range tampered {
				bad := bytes.Clone(raw)
				tp.edit(bad)
				out, err := chain.Call(ctx, dep.Contract, encodeCall(prover.PLONK, bad, p.PublicInputs))
				got := ""
				var rev *RevertError
				switch {
				case err == nil && len(out) == 32 && new(big.Int).SetBytes(out).Sign() == 0:
				case errors.As(err, &rev) && rev.Known:
					got = rev.Reason
				default:
					t.Errorf("tampered %s: got %x, %v; want false or a decoded revert", tp.what, out, err)
					continue
				}
				ok := false
				for _, w := range tp.wants {
					ok = ok || got == w
				}
				if !ok {
					t.Errorf("tampered %s: got %q (\"\" is false), want one of %q", tp.what, got, tp.wants)
				}
			}
			// Calldata of another shape: one input too many, a public
			// input outside the field, and a truncated proof.
			outside := append([]*big.Int(nil), p.PublicInputs...)
			outside[0] = ecc.BN254.ScalarField()
			for _, bc := range []struct {
				what string
				data []byte
				want string
			}{
				{"wrong input count", encodeCall(prover.PLONK, raw, append(append([]*big.Int(nil), p.PublicInputs...), big.NewInt(0))), "wrong number of public inputs"},
				{"input outside the field", encodeCall(prover.PLONK, raw, outside), "inputs are bigger than r"},
				{"truncated proof", encodeCall(prover.PLONK, raw[:len(raw)-32], p.PublicInputs), "wrong proof size"},
			} {
				_, err := chain.Call(ctx, dep.Contract, bc.data)
				var rev *RevertError
				if !errors.As(err, &rev) || !rev.Known || rev.Reason != bc.want {
					t.Errorf("%s: got %v, want a revert with %q", bc.what, err, bc.want)
				} else if !strings.Contains(rev.Error(), dep.Contract.Hex()) {
					t.Errorf("%s: unclear message %q", bc.what, rev.Error())
				}
			}
			// The previous model's proof, sent as calldata (Calldata itself
			// refuses a proof of another model).
			if prev != nil {
				praw, err := prev.proof.SolidityCalldata()
				if err != nil {
					t.Fatal(err)
				}
				out, err := chain.Call(ctx, dep.Contract, encodeCall(prover.PLONK, praw, prev.proof.PublicInputs))
				var rev *RevertError
				switch {
				case err == nil && len(out) == 32 && new(big.Int).SetBytes(out).Sign() == 0:
				case errors.As(err, &rev) && rev.Known:
					line += "; proof of " + prevName + ": " + rev.Reason
				default:
					t.Errorf("proof of another model: got %x, %v; want false or a decoded revert", out, err)
				}
				if _, err := Calldata(b, prev.proof); err == nil || !strings.Contains(err.Error(), "another model") {
					t.Errorf("Calldata with another model's proof: got %v", err)
				}
			}
			prev, prevName = &bp, c.name
			t.Logf(line, args...)
		})
	}
}

// TestGenericPlonkVerifierOtherModel checks that the generic PLONK
// verifier of one model rejects a valid proof of a model with the same
// number of outputs.
func TestGenericPlonkVerifierOtherModel(t *testing.T) {
	ctx := testContext(t)
	b, proofs := tinyBuild(t, variants[2], 5)
	other, _ := tinyBuild(t, variants[2], 7)
	chain := NewSimulated()
	defer chain.Close()
	dep, err := DeployGenericPlonkVerifier(ctx, chain, other)
	if err != nil {
		t.Fatal(err)
	}
	expectRejected(t, "proof of another model", ctx, chain, dep.Contract, b, proofs[0])
}

// TestGenericPlonkVerifierArgs checks the key encoding's refusals and the
// constructor's checks of a malformed key.
func TestGenericPlonkVerifierArgs(t *testing.T) {
	ctx := testContext(t)
	g, _ := tinyBuild(t, variants[1], 5)
	if _, err := GenericPlonkVerifierArgs(g); err == nil || !strings.Contains(err.Error(), "PLONK proofs only") {
		t.Errorf("Groth16 build: got %v", err)
	}
	b, _ := tinyBuild(t, variants[2], 5)
	args, err := GenericPlonkVerifierArgs(b)
	if err != nil {
		t.Fatal(err)
	}
	chain := NewSimulated()
	defer chain.Close()
	// word i of the key, after the array's offset and length
	word := func(a []byte, i int) []byte { return a[64+32*i : 96+32*i] }
	for _, bc := range []struct {
		what string
		edit func(a []byte)
		want string
	}{
		{"domain size not a power of two", func(a []byte) { word(a, 1)[31]++ }, "vk: domain size not a power of two"},
		{"wrong 1/n", func(a []byte) { word(a, 2)[31]++ }, "vk: 1/n is not the inverse of n"},
		{"coordinate not reduced", func(a []byte) { copy(word(a, 5), bytes.Repeat([]byte{0xff}, 32)) }, "vk: coordinate not below p"},
		{"commitment count", func(a []byte) { word(a, 15)[31]++ }, "vk: length does not match its number of commitments"},
	} {
		a := bytes.Clone(args)
		bc.edit(a)
		_, err := chain.Deploy(ctx, append(GenericPlonkVerifierBytecode(), a...))
		if err == nil || !strings.Contains(err.Error(), bc.want) {
			t.Errorf("%s: got %v, want %q", bc.what, err, bc.want)
		}
	}
}

// commitCircuit is a circuit with n BSB22 commitments (direct Commit calls,
// each a custom gate of its own in PLONK) and two public inputs: zkml's
// models have one or none, the contract takes any number.
type commitCircuit struct {
	n    int
	X, Y frontend.Variable
	Sum  frontend.Variable `gnark:",public"`
	Prod frontend.Variable `gnark:",public"`
}

func (c *commitCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(api.Add(c.X, c.Y), c.Sum)
	api.AssertIsEqual(api.Mul(c.X, c.Y), c.Prod)
	for i := 0; i < c.n; i++ {
		r, err := api.(frontend.Committer).Commit(c.X, c.Y, i)
		if err != nil {
			return err
		}
		api.AssertIsDifferent(r, 0)
	}
	return nil
}

// TestGenericPlonkVerifierCommitments runs the generic PLONK verifier on
// circuits with 0, 2 and 3 BSB22 commitments, against gnark's own verifier
// and the specialized contract.
func TestGenericPlonkVerifierCommitments(t *testing.T) {
	for _, n := range []int{0, 2, 3} {
		t.Run(fmt.Sprintf("%d commitments", n), func(t *testing.T) {
			ctx := testContext(t)
			ccs, err := frontend.Compile(ecc.BN254.ScalarField(), scs.NewBuilder, &commitCircuit{n: n})
			if err != nil {
				t.Fatal(err)
			}
			srs, lagrange, err := unsafekzg.NewSRS(ccs)
			if err != nil {
				t.Fatal(err)
			}
			pk, vk, err := plonk.Setup(ccs, srs, lagrange)
			if err != nil {
				t.Fatal(err)
			}
			w, err := frontend.NewWitness(&commitCircuit{n: n, X: 3, Y: 5, Sum: 8, Prod: 15}, ecc.BN254.ScalarField())
			if err != nil {
				t.Fatal(err)
			}
			proof, err := plonk.Prove(ccs, pk, w, solidity.WithProverTargetSolidityVerifier(backend.PLONK))
			if err != nil {
				t.Fatal(err)
			}
			pw, err := w.Public()
			if err != nil {
				t.Fatal(err)
			}
			if err := plonk.Verify(proof, vk, pw, solidity.WithVerifierTargetSolidityVerifier(backend.PLONK)); err != nil {
				t.Fatal(err)
			}
			bvk := vk.(*plonk_bn254.VerifyingKey)
			if len(bvk.CommitmentConstraintIndexes) != n {
				t.Fatalf("the circuit has %d commitments, want %d", len(bvk.CommitmentConstraintIndexes), n)
			}
			raw := proof.(*plonk_bn254.Proof).MarshalSolidity()
			public := []*big.Int{big.NewInt(8), big.NewInt(15)}

			args, err := plonkVerifierArgs(bvk)
			if err != nil {
				t.Fatal(err)
			}
			chain := NewSimulated()
			defer chain.Close()
			dep, err := chain.Deploy(ctx, append(GenericPlonkVerifierBytecode(), args...))
			if err != nil {
				t.Fatal(err)
			}
			call := func(addr common.Address, public []*big.Int) (bool, error) {
				out, err := chain.Call(ctx, addr, encodeCall(prover.PLONK, raw, public))
				if err != nil {
					return false, err
				}
				return len(out) == 32 && out[31] == 1, nil
			}
			if ok, err := call(dep.Contract, public); !ok || err != nil {
				t.Fatalf("valid proof: got %v, %v", ok, err)
			}
			if ok, err := call(dep.Contract, []*big.Int{big.NewInt(8), big.NewInt(16)}); ok || err != nil {
				t.Errorf("tampered public input: got %v, %v; want false", ok, err)
			}
			r, err := chain.Transact(ctx, dep.Contract, encodeCall(prover.PLONK, raw, public))
			if err != nil {
				t.Fatal(err)
			}
			line := fmt.Sprintf("%d commitments: generic verification %d gas", n, r.GasUsed)
			if solc := optionalSolc(t); solc != nil {
				var src bytes.Buffer
				if err := vk.ExportSolidity(&src); err != nil {
					t.Fatal(err)
				}
				art, err := solc.Compile(ctx, map[string]string{"Verifier.sol": src.String()}, "Verifier.sol", "PlonkVerifier")
				if err != nil {
					t.Fatal(err)
				}
				sdep, err := chain.Deploy(ctx, art.Bytecode)
				if err != nil {
					t.Fatal(err)
				}
				if ok, err := call(sdep.Contract, public); !ok || err != nil {
					t.Fatalf("specialized verifier: got %v, %v", ok, err)
				}
				sr, err := chain.Transact(ctx, sdep.Contract, encodeCall(prover.PLONK, raw, public))
				if err != nil {
					t.Fatal(err)
				}
				line += fmt.Sprintf(", specialized %d gas (%+.2f%%)", sr.GasUsed, 100*(float64(r.GasUsed)/float64(sr.GasUsed)-1))
			}
			t.Log(line)
		})
	}
}
