package circuits

import (
	"math/rand/v2"
	"testing"

	"github.com/zkml/zkml/plan"
)

// The circuit and Plan.Run state the same thing: for every input, the
// circuit is satisfiable exactly when Run accepts it, and then by Run's
// tensors. These tests pin that on the two cases issue 14 found and on
// random plans whose exact intermediates leave the activation range.

// runUnchecked executes the affine, relu and max ops of p like Run but
// without any range check: the witness an honest solver computes for
// inputs Run refuses.
func runUnchecked(p *plan.Plan, inputs [][]int64) [][]int64 {
	vals := make([][]int64, len(p.Tensors))
	for i, t := range p.Inputs {
		vals[t] = inputs[i]
	}
	for _, op := range p.Ops {
		out := make([]int64, p.Tensors[op.Out].Size())
		for i := range out {
			switch op.Kind {
			case plan.OpRelu:
				out[i] = max(vals[op.In[0]][i], 0)
			case plan.OpAffine:
				var acc int64
				if op.Bias != nil {
					acc = op.Bias[i]
				}
				for _, t := range op.Terms[op.RowStart[i]:op.RowStart[i+1]] {
					acc += t.Coeff * vals[op.In[t.In]][t.Idx]
				}
				out[i], _ = plan.Rescale(acc, op.Shift)
			case plan.OpMax:
				row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
				out[i] = vals[op.In[row[0].In]][row[0].Idx]
				for _, t := range row[1:] {
					out[i] = max(out[i], vals[op.In[t.In]][t.Idx])
				}
			default:
				panic("runUnchecked: " + op.Kind.String())
			}
		}
		vals[op.Out] = out
	}
	return vals
}

// checkSameStatement reports whether Run and the circuit (with the honest
// solver, both range checkers, packed and not) agree on inputs.
func checkSameStatement(t *testing.T, what string, p *plan.Plan, inputs [][]int64) (accepted bool) {
	t.Helper()
	want := runUnchecked(p, inputs)
	got, runErr := p.Run(inputs)
	if runErr == nil {
		for i := range want {
			for j := range want[i] {
				if got[i][j] != want[i][j] {
					t.Fatalf("%s: Run's tensor %d differs from the unchecked executor's", what, i)
				}
			}
		}
	}
	for _, opts := range [][]Option{nil, {WithBitDecompositionRangeChecks()}, {WithPackedOutputs(Packing{Bits: p.Config.ActivationBits, PerWord: 2})}} {
		// Assign refuses inputs and packed outputs out of range: no
		// witness of the circuit can hold them.
		w, circuitErr := Assign(p, want, opts...)
		if circuitErr == nil {
			circuitErr = solve(p, w, opts...)
		}
		if (runErr == nil) != (circuitErr == nil) {
			t.Fatalf("%s: Run error %v, circuit error %v: they must accept the same inputs", what, runErr, circuitErr)
		}
	}
	return runErr == nil
}

// TestSpecAddThenTwoRescales is issue 14's plan: Add(a, b), an exact sum
// whose bound 2^A exceeds the activation range and that no gadget checks,
// read by two rescaled affine ops (MatMuls with constants). The circuit
// proves the outputs of a + b beyond the range; Run computes them too.
func TestSpecAddThenTwoRescales(t *testing.T) {
	const A = 8
	b := newPlanBuilder(A)
	a := b.input("a", 1)
	c := b.input("b", 1)
	sum := b.affine("add", []int{a, c}, []row{{term(0, 0, 1), term(1, 0, 1)}}, nil, 0)
	b.output(b.affine("matmul1", []int{sum}, []row{{term(0, 0, 15)}}, nil, 5))
	b.output(b.affine("matmul2", []int{sum}, []row{{term(0, 0, 12)}}, nil, 5))
	p := b.plan()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.RangeChecked()[sum] {
		t.Fatal("the exact sum counts as range checked")
	}
	inputs := [][]int64{{127}, {127}}
	if !checkSameStatement(t, "a = b = 127", p, inputs) {
		t.Fatal("Run refuses a sum beyond the range that the circuit proves")
	}
	all, _ := p.Run(inputs)
	if got := p.OutputInts(all); got[0][0] != 119 || got[1][0] != 95 { // ⌊254·15/32 + 1/2⌋, ⌊254·12/32 + 1/2⌋; the sum 254 is beyond 127
		t.Errorf("outputs %v, want [[119] [95]]", got)
	}
	if !checkSameStatement(t, "a = b = -128", p, [][]int64{{-128}, {-128}}) {
		t.Error("refused")
	}
}

// TestSpecMostNegative: -2^(A-1) is in the range both check, as an input
// and as a rescaled value; one less is in neither.
func TestSpecMostNegative(t *testing.T) {
	const A = 8
	b := newPlanBuilder(A)
	x := b.input("x", 2)
	b.output(b.affine("half", []int{x}, []row{{term(0, 0, 1), term(0, 1, 1)}}, nil, 1))
	p := b.plan()
	if !checkSameStatement(t, "input -128", p, [][]int64{{-128, 0}}) {
		t.Error("-2^(A-1) refused as an input")
	}
	if !checkSameStatement(t, "output -128", p, [][]int64{{-128, -127}}) { // ⌊(-255+1)/2⌋ = -127
		t.Error("refused")
	}
	if !checkSameStatement(t, "output -128", p, [][]int64{{-128, -128}}) { // -128
		t.Error("-2^(A-1) refused as a rescaled value")
	}
	if checkSameStatement(t, "input -129", p, [][]int64{{-129, 0}}) {
		t.Error("-2^(A-1) - 1 accepted as an input")
	}
}

// specPlan builds a random plan whose exact sums may leave the range:
// layers of exact sums (coefficients ±1, ±2), rescaled affines, relus and
// maxima, relus and maxima only on tensors statically within the range (as
// plan validation demands), ending in a rescale when the last tensor is not.
func specPlan(rng *rand.Rand) *plan.Plan {
	A := 8 + rng.IntN(5)
	b := newPlanBuilder(A)
	cur := b.input("x", 1+rng.IntN(4))
	for range 1 + rng.IntN(4) {
		n := b.p.Tensors[cur].Size()
		inRange := b.p.Tensors[cur].Bound <= A-1
		rows := func(terms int, coeff func() int64) []row {
			rs := make([]row, 1+rng.IntN(4))
			for i := range rs {
				for range 1 + rng.IntN(terms) {
					rs[i] = append(rs[i], term(0, rng.IntN(n), coeff()))
				}
			}
			return rs
		}
		switch k := rng.IntN(4); {
		case k == 0 && b.p.Tensors[cur].Bound < A+2:
			cur = b.affine("sum", []int{cur}, rows(3, func() int64 { return int64([]int{-2, -1, 1, 2}[rng.IntN(4)]) }), nil, 0)
		case k == 1 && inRange:
			cur = b.relu("relu", cur)
		case k == 2 && inRange:
			cur = b.maxOp("max", []int{cur}, rows(3, func() int64 { return 1 }))
		default:
			cur = b.affine("rescale", []int{cur}, rows(4, func() int64 { return int64(rng.IntN(41) - 20) }), nil, 1+rng.IntN(5))
		}
	}
	if b.p.Tensors[cur].Bound > b.p.Config.ActivationBits-1 {
		cur = b.affine("last", []int{cur}, []row{{term(0, 0, 1)}}, nil, 2)
	}
	b.output(cur)
	return b.plan()
}

// TestSpecRandomPlans: on random plans and inputs across the whole input
// range, the circuit accepts exactly what Run accepts.
func TestSpecRandomPlans(t *testing.T) {
	accepted, refused := 0, 0
	for seed := range uint64(150) {
		rng := rand.New(rand.NewPCG(seed, 14))
		p := specPlan(rng)
		if err := p.Validate(); err != nil {
			t.Fatalf("seed %d: the generated plan is invalid: %v", seed, err)
		}
		half := int64(1) << (p.Config.ActivationBits - 1)
		for range 3 {
			in := make([]int64, p.Tensors[p.Inputs[0]].Size())
			for i := range in {
				switch rng.IntN(4) {
				case 0:
					in[i] = -half
				case 1:
					in[i] = half - 1
				default:
					in[i] = rng.Int64N(2*half) - half
				}
			}
			if checkSameStatement(t, "random", p, [][]int64{in}) {
				accepted++
			} else {
				refused++
			}
		}
	}
	t.Logf("%d inputs accepted, %d refused by both", accepted, refused)
	if accepted < 100 || refused < 50 {
		t.Errorf("%d accepted and %d refused: the test needs many of both", accepted, refused)
	}
}

// TestSpecExactOutput: an exact output (Neg) of -2^(A-1) is 2^(A-1), outside
// the range: Run refuses it, and so does the circuit, packed or not.
func TestSpecExactOutput(t *testing.T) {
	const A = 8
	b := newPlanBuilder(A)
	x := b.input("x", 2)
	b.output(b.affine("neg", []int{x}, []row{{term(0, 0, -1)}, {term(0, 1, -1)}}, nil, 0))
	p := b.plan()
	if !checkSameStatement(t, "-(-127)", p, [][]int64{{-127, 127}}) {
		t.Error("refused")
	}
	if checkSameStatement(t, "-(-128)", p, [][]int64{{-128, 0}}) {
		t.Error("the output 2^(A-1) accepted")
	}
}
