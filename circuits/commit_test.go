package circuits

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"
)

// commitCircuit is the commitment gadget alone: Commit(Domain, Values) == Digest.
type commitCircuit struct {
	Values []frontend.Variable
	Digest frontend.Variable `gnark:",public"`
	bits   int
	domain Domain
}

func (c *commitCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{})
	h, err := g.commit(c.domain, c.Values)
	if err != nil {
		return err
	}
	api.AssertIsEqual(h, c.Digest)
	return nil
}

// TestCommitGadget: the circuit computes Commit bit for bit, and rejects a
// wrong digest, a changed value, and the digest of another domain or length.
func TestCommitGadget(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	for _, bits := range []int{8, 16, 32} {
		for _, n := range []int{0, 1, 7, 8, 30} {
			t.Run(fmt.Sprintf("bits=%d/n=%d", bits, n), func(t *testing.T) {
				half := int64(1) << (bits - 1)
				vals := make([]int64, n)
				for i := range vals {
					vals[i] = rng.Int64N(2*half) - half
				}
				digest, err := Commit(DomainInput, bits, vals)
				if err != nil {
					t.Fatal(err)
				}
				shape := &commitCircuit{Values: make([]frontend.Variable, n), bits: bits, domain: DomainInput}
				good := &commitCircuit{Values: toField(vals), Digest: digest}
				assert := test.NewAssert(t)
				assert.CheckCircuit(shape, test.WithValidAssignment(good), test.WithCurves(ecc.BN254), test.NoFuzzing(), test.NoSerializationChecks(), test.NoProverChecks())
				if err := test.IsSolved(shape, &commitCircuit{Values: toField(vals), Digest: new(big.Int).Add(digest, big.NewInt(1))}, field); err == nil {
					t.Error("a wrong digest was accepted")
				}
				if n > 0 {
					bad := append([]int64(nil), vals...)
					bad[n-1] ^= 1
					if err := test.IsSolved(shape, &commitCircuit{Values: toField(bad), Digest: digest}, field); err == nil {
						t.Error("a changed value was accepted")
					}
				}
				other, _ := Commit(DomainOutput, bits, vals)
				if other.Cmp(digest) == 0 {
					t.Error("the input and output commitments of the same values are equal")
				}
				longer, _ := Commit(DomainInput, bits, append(append([]int64(nil), vals...), 0))
				if longer.Cmp(digest) == 0 {
					t.Error("appending a zero does not change the commitment")
				}
			})
		}
	}
	if _, err := Commit(DomainInput, 8, []int64{128}); err == nil {
		t.Error("Commit accepted a value outside the 8-bit range")
	}
}

// TestCommitCost logs the constraints of the commitment (R1CS) per value
// count: one Poseidon2 compression per packed word plus three.
func TestCommitCost(t *testing.T) {
	for _, n := range []int{1, 7, 70, 784} {
		c := &commitCircuit{Values: make([]frontend.Variable, n), bits: 32, domain: DomainInput}
		ccs, err := frontend.Compile(field, r1cs.NewBuilder, c)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("commit of %d values (32 bits): %d constraints", n, ccs.GetNbConstraints())
	}
}

// TestVisibilitySolves: every input and output visibility solves with the
// witness Assign makes, and a changed public input, input commitment or
// output commitment is rejected.
func TestVisibilitySolves(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	for _, tp := range testPlans {
		p := tp.plan(16)
		for _, in := range []Visibility{Private, Public, Hashed} {
			for _, out := range []Visibility{Public, Hashed, Private} {
				for _, k := range []Packing{{}, DefaultPacking(p)} {
					name := fmt.Sprintf("%s/input=%s/output=%s/packed=%v", tp.name, in, out, k.Enabled())
					t.Run(name, func(t *testing.T) {
						opts := []Option{WithInputVisibility(in), WithOutputVisibility(out), WithPackedOutputs(k)}
						tensors, err := p.Run(randomInputs(p, rng, tp.magnitude))
						if err != nil {
							t.Fatal(err)
						}
						w, err := Assign(p, tensors, opts...)
						if err != nil {
							t.Fatal(err)
						}
						if err := solve(p, w, opts...); err != nil {
							t.Fatalf("valid witness rejected: %v", err)
						}
						for _, bad := range tamperedPublic(w) {
							if solve(p, bad, opts...) == nil {
								t.Fatal("a tampered public input was accepted")
							}
						}
						// The commitments are the Go ones.
						if in == Hashed {
							var flat []int64
							for _, t := range p.Inputs {
								flat = append(flat, tensors[t]...)
							}
							h, _ := Commit(DomainInput, 16, flat)
							if w.InputCommitment[0].(*big.Int).Cmp(h) != 0 {
								t.Fatal("input commitment differs from Commit")
							}
						}
					})
				}
			}
		}
	}
}

// tamperedPublic returns copies of w with one element of the input part or
// a commitment changed by one.
func tamperedPublic(w *Circuit) []*Circuit {
	var out []*Circuit
	bump := func(s []frontend.Variable, set func(*Circuit, []frontend.Variable)) {
		for i := range s {
			c := *w
			t := append([]frontend.Variable(nil), s...)
			v := new(big.Int).Add(t[i].(*big.Int), big.NewInt(1))
			t[i] = v.Mod(v, field)
			set(&c, t)
			out = append(out, &c)
		}
	}
	bump(w.InputPublic, func(c *Circuit, s []frontend.Variable) { c.InputPublic = s })
	bump(w.InputCommitment, func(c *Circuit, s []frontend.Variable) { c.InputCommitment = s })
	bump(w.OutputCommitment, func(c *Circuit, s []frontend.Variable) { c.OutputCommitment = s })
	return out
}

// TestAdversarialVisibility: with hashed or private outputs and public or
// hashed inputs, a malicious hint anywhere in the plan is still caught
// (the adversarial-hint harness, adversary_test.go): the commitment binds
// the outputs as tightly as public outputs do, and with private outputs
// every gadget's own checks still reject a bad hint.
func TestAdversarialVisibility(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 4))
	for _, tp := range testPlans {
		p := tp.plan(16)
		for _, v := range []struct{ in, out Visibility }{{Public, Hashed}, {Hashed, Public}, {Hashed, Private}} {
			t.Run(fmt.Sprintf("%s/input=%s/output=%s", tp.name, v.in, v.out), func(t *testing.T) {
				opts := []Option{WithInputVisibility(v.in), WithOutputVisibility(v.out), WithPackedOutputs(DefaultPacking(p))}
				tensors, err := p.Run(randomInputs(p, rng, tp.magnitude))
				if err != nil {
					t.Fatal(err)
				}
				w, err := Assign(p, tensors, opts...)
				if err != nil {
					t.Fatal(err)
				}
				checkAdversarial(t, New(p, opts...), w, 4)
			})
		}
	}
}
