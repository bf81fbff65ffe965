package circuits

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

// TestChainSolves: with WithChain, hashed inputs and outputs are committed
// under DomainChain, so that one segment's output commitment is the next
// one's input commitment for the same values; the commitment of the
// unchained domain, a changed commitment and a changed input are rejected.
func TestChainSolves(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 9))
	for _, tp := range testPlans {
		p := tp.plan(16)
		opts := []Option{WithInputVisibility(Hashed), WithOutputVisibility(Hashed), WithChain(true, true)}
		tensors, err := p.Run(randomInputs(p, rng, tp.magnitude))
		if err != nil {
			t.Fatal(err)
		}
		w, err := Assign(p, tensors, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if err := solve(p, w, opts...); err != nil {
			t.Fatalf("%s: valid witness rejected: %v", tp.name, err)
		}
		var ins, outs []int64
		for _, i := range p.Inputs {
			ins = append(ins, tensors[i]...)
		}
		for _, o := range p.Outputs {
			outs = append(outs, tensors[o]...)
		}
		hin, _ := Commit(DomainChain, 16, ins)
		hout, _ := Commit(DomainChain, 16, outs)
		if w.InputCommitment[0].(*big.Int).Cmp(hin) != 0 || w.OutputCommitment[0].(*big.Int).Cmp(hout) != 0 {
			t.Fatalf("%s: the chained commitments are not Commit(DomainChain, ...)", tp.name)
		}
		// The same witness with the unchained domains' commitments.
		plainIn, _ := Commit(DomainInput, 16, ins)
		plainOut, _ := Commit(DomainOutput, 16, outs)
		for _, bad := range []*Circuit{withCommitments(w, plainIn, hout), withCommitments(w, hin, plainOut)} {
			if solve(p, bad, opts...) == nil {
				t.Fatalf("%s: a commitment of another domain was accepted", tp.name)
			}
		}
		for _, bad := range tamperedPublic(w) {
			if solve(p, bad, opts...) == nil {
				t.Fatalf("%s: a tampered commitment was accepted", tp.name)
			}
		}
		// A changed input element under the same commitment.
		bad := *w
		bad.Input = append([][]frontend.Variable(nil), w.Input...)
		bad.Input[0] = append([]frontend.Variable(nil), w.Input[0]...)
		v := new(big.Int).Add(bad.Input[0][0].(*big.Int), big.NewInt(1))
		bad.Input[0][0] = v
		if solve(p, &bad, opts...) == nil {
			t.Fatalf("%s: a changed input was accepted", tp.name)
		}
		// Only the outputs chained: the input commitment is the model's.
		half := []Option{WithInputVisibility(Hashed), WithOutputVisibility(Hashed), WithChain(false, true)}
		wh, err := Assign(p, tensors, half...)
		if err != nil {
			t.Fatal(err)
		}
		if wh.InputCommitment[0].(*big.Int).Cmp(plainIn) != 0 || solve(p, wh, half...) != nil {
			t.Fatalf("%s: WithChain(false, true) does not keep the input domain", tp.name)
		}
	}
}

func withCommitments(w *Circuit, in, out *big.Int) *Circuit {
	c := *w
	c.InputCommitment = []frontend.Variable{in}
	c.OutputCommitment = []frontend.Variable{out}
	return &c
}

// TestOpCosts: the ops' estimated costs and the overhead add up to the
// circuit's constraints.
func TestOpCosts(t *testing.T) {
	for _, tp := range testPlans {
		p := tp.plan(16)
		costs, overhead, err := OpCosts(p, r1cs.NewBuilder)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := Measure(p, r1cs.NewBuilder)
		if err != nil {
			t.Fatal(err)
		}
		sum := overhead
		for _, c := range costs {
			if c < 0 {
				t.Fatalf("%s: negative cost", tp.name)
			}
			sum += c
		}
		if sum != b.Total {
			t.Errorf("%s: op costs and overhead sum to %d, the circuit has %d", tp.name, sum, b.Total)
		}
	}
}
