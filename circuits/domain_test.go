package circuits

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/zkml/zkml/plan"
)

// domainPlan: x → lookup over [-64, 63] (saturating as given) → output,
// and x → relu → output, so that the domain bit has one lookup to watch.
func domainPlan(sat plan.Saturation) *plan.Plan {
	b := newPlanBuilder(12)
	x := b.input("x", 3)
	table := make([]int64, 128)
	for i := range table {
		table[i] = int64(i - 64)
	}
	l := b.lookup("elu", x, 0, -64, table)
	b.p.Ops[len(b.p.Ops)-1].Saturates = sat
	b.output(l)
	b.output(b.relu("relu", x))
	return b.plan()
}

// evilSign is an adversarial sign hint: it claims every value is ≥ 0, the
// answer that would hide a clamp below the table.
func evilSign(_ *big.Int, _ []*big.Int, out []*big.Int) error {
	out[0].SetInt64(1)
	return nil
}

// TestDomainBit: the bit is 1 for inputs inside the table's domain and 0 for
// one clamped at a non-saturating end; a witness claiming the other value is
// rejected, also when the prover's sign hint lies about the clamp; clamps at
// saturating ends do not count.
func TestDomainBit(t *testing.T) {
	opt := WithDomainFlag()
	for _, tc := range []struct {
		name string
		sat  plan.Saturation
		x    []int64
		bit  int64
	}{
		{"inside", 0, []int64{-64, 0, 63}, 1},
		{"below", 0, []int64{-65, 0, 1}, 0},
		{"above", 0, []int64{0, 100, 1}, 0},
		{"far below", 0, []int64{-2000, 0, 1}, 0},
		{"below, saturating there", plan.SaturatesBelow, []int64{-2000, 0, 1}, 1},
		{"above, saturating below only", plan.SaturatesBelow, []int64{-2000, 64, 1}, 0},
		{"both, saturating", plan.SaturatesBelow | plan.SaturatesAbove, []int64{-2000, 2000, 1}, 1},
	} {
		p := domainPlan(tc.sat)
		tensors, err := p.Run([][]int64{tc.x})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := int64(len(p.Clamps(tensors))); (got == 0) != (tc.bit == 1) {
			t.Fatalf("%s: Clamps found %d lookups, want bit %d", tc.name, got, tc.bit)
		}
		w, err := Assign(p, tensors, opt)
		if err != nil {
			t.Fatal(err)
		}
		if w.Domain[0] != int(tc.bit) {
			t.Fatalf("%s: Assign's bit %v, want %d", tc.name, w.Domain[0], tc.bit)
		}
		if err := solve(p, w, opt); err != nil {
			t.Fatalf("%s: honest witness rejected: %v", tc.name, err)
		}
		flipped := *w
		flipped.Domain = []frontend.Variable{1 - tc.bit}
		if solve(p, &flipped, opt) == nil {
			t.Fatalf("%s: the bit %d accepted, want only %d", tc.name, 1-tc.bit, tc.bit)
		}
		// The compiled systems, with the honest and a lying sign hint.
		r, s := compileBoth(t, p, opt)
		for _, ccs := range []constraint.ConstraintSystem{r, s} {
			good, _ := frontend.NewWitness(w, field)
			bad, _ := frontend.NewWitness(&flipped, field)
			if err := ccs.IsSolved(good); err != nil {
				t.Fatalf("%s: compiled: honest witness rejected: %v", tc.name, err)
			}
			if ccs.IsSolved(bad) == nil {
				t.Fatalf("%s: compiled: the flipped bit accepted", tc.name)
			}
			if tc.bit == 0 && ccs.IsSolved(bad, solver.OverrideHint(solver.GetHintID(signHint), evilSign)) == nil {
				t.Fatalf("%s: a lying sign hint set the bit to 1", tc.name)
			}
		}
	}
}

// TestDomainFlagLayout: the flag adds one public input, after the outputs
// (packed or not), and a plan without non-saturating lookups proves the
// constant 1.
func TestDomainFlagLayout(t *testing.T) {
	p := domainPlan(0)
	for _, opts := range [][]Option{nil, {WithPackedOutputs(Packing{Bits: 12, PerWord: 4})}} {
		plain, _ := frontend.Compile(field, r1cs.NewBuilder, New(p, opts...))
		flagged, err := frontend.Compile(field, r1cs.NewBuilder, New(p, append(opts, WithDomainFlag())...))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := flagged.GetNbPublicVariables(), plain.GetNbPublicVariables()+1; got != want {
			t.Errorf("%d public variables with the flag, want %d", got, want)
		}
		tensors, _ := p.Run([][]int64{{-100, 0, 5}})
		w, _ := Assign(p, tensors, append(opts, WithDomainFlag())...)
		pub, err := frontend.NewWitness(w, field, frontend.PublicOnly())
		if err != nil {
			t.Fatal(err)
		}
		vec := pub.Vector().(fr.Vector)
		if last := vec[len(vec)-1]; !last.IsZero() {
			t.Errorf("the last public input is %s, want the domain bit 0", last.String())
		}
	}
	// Without a lookup the bit is the constant 1.
	b := newPlanBuilder(12)
	b.output(b.relu("relu", b.input("x", 2)))
	q := b.plan()
	tensors, _ := q.Run([][]int64{{1, -1}})
	w, _ := Assign(q, tensors, WithDomainFlag())
	if err := solve(q, w, WithDomainFlag()); err != nil {
		t.Fatal(err)
	}
	w.Domain[0] = 0
	if solve(q, w, WithDomainFlag()) == nil {
		t.Error("bit 0 accepted without any lookup")
	}
}

// TestDomainFlagCost pins what the domain bit costs: the plan's counts
// without and with it (one lookup of 3 elements, non-saturating).
func TestDomainFlagCost(t *testing.T) {
	p := domainPlan(0)
	record("gadget/domain/lookup=3", compileCounts(t, p))
	record("gadget/domain/lookup=3/flag", compileCounts(t, p, WithDomainFlag()))
}
