package circuits

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test"
	"github.com/zkml/zkml/plan"
)

// solve reports whether the witness satisfies the circuit of p, with the
// test engine.
func solve(p *plan.Plan, w *Circuit, opts ...Option) error {
	return test.IsSolved(New(p, opts...), w, field)
}

// run executes p with the integer executor and assigns the witness.
func run(t *testing.T, p *plan.Plan, inputs [][]int64) *Circuit {
	t.Helper()
	tensors, err := p.Run(inputs)
	if err != nil {
		t.Fatalf("Plan.Run: %v", err)
	}
	w, err := Assign(p, tensors)
	if err != nil {
		t.Fatalf("Assign: %v", err)
	}
	return w
}

// tampered returns copies of w with one output element changed by ±1, for
// every output element.
func tampered(w *Circuit) []*Circuit {
	var out []*Circuit
	for i := range w.Output {
		for j := range w.Output[i] {
			for _, d := range []int64{1, -1} {
				c := *w
				c.Output = make([][]frontend.Variable, len(w.Output))
				for k := range w.Output {
					c.Output[k] = append([]frontend.Variable(nil), w.Output[k]...)
				}
				v := new(big.Int).Add(w.Output[i][j].(*big.Int), big.NewInt(d))
				c.Output[i][j] = v.Mod(v, field)
				out = append(out, &c)
			}
		}
	}
	return out
}

var testPlans = []struct {
	name      string
	plan      func(actBits int) *plan.Plan
	magnitude int64 // of the random inputs, so that Run stays in range
}{
	{"mlp", mlpPlan, 1 << 9},
	{"exact", exactPlan, 1 << 12},
	{"nonlinear", nonlinearPlan, 1 << 12},
}

// TestPlanSolves: for random inputs, Plan.Run's outputs satisfy the circuit,
// and changing any output by one does not, with both range checkers.
func TestPlanSolves(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tp := range testPlans {
		for _, opts := range [][]Option{nil, {WithBitDecompositionRangeChecks()}} {
			t.Run(fmt.Sprintf("%s/options=%d", tp.name, len(opts)), func(t *testing.T) {
				p := tp.plan(16)
				for range 5 {
					w := run(t, p, randomInputs(p, rng, tp.magnitude))
					if err := solve(p, w, opts...); err != nil {
						t.Fatalf("valid witness rejected: %v", err)
					}
					for k, bad := range tampered(w) {
						if solve(p, bad, opts...) == nil {
							t.Fatalf("tampered witness %d accepted", k)
						}
					}
				}
			})
		}
	}
}

// TestPlanBackends compiles the test plans for Groth16 and PLONK and solves
// the constraint systems (and, with -tags prover_checks, proves).
func TestPlanBackends(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tp := range testPlans {
		t.Run(tp.name, func(t *testing.T) {
			p := tp.plan(16)
			w := run(t, p, randomInputs(p, rng, tp.magnitude))
			bad := tampered(w)
			test.NewAssert(t).CheckCircuit(New(p),
				test.WithValidAssignment(w),
				test.WithInvalidAssignment(bad[0]),
				test.WithInvalidAssignment(bad[len(bad)-1]),
				test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK))
		})
	}
}

// TestInputRange: inputs at the edges of [-2^(A-1), 2^(A-1)) are accepted,
// one past them rejected, both by Assign and by the circuit, whether the
// input has its own range check or is checked by the relu reading it.
func TestInputRange(t *testing.T) {
	const actBits = 8
	lo, hi := int64(-1)<<(actBits-1), int64(1)<<(actBits-1)
	// scaled: input → affine ×1 with rescale by 1 (has its own range check).
	b := newPlanBuilder(actBits)
	x := b.input("x", 1)
	b.output(b.affine("half", []int{x}, []row{{term(0, 0, 1)}}, nil, 1))
	scaled := b.plan()
	// relu: input → relu (checked by the relu's sign gadget).
	b = newPlanBuilder(actBits)
	b.output(b.relu("relu", b.input("x", 1)))
	relu := b.plan()

	eval := func(p *plan.Plan, v int64) int64 {
		if p == relu {
			return max(v, 0)
		}
		q, _ := plan.Rescale(v, 1)
		return q
	}
	for name, p := range map[string]*plan.Plan{"scaled": scaled, "relu": relu} {
		t.Run(name, func(t *testing.T) {
			for _, v := range []int64{lo + 1, hi - 1} {
				w := run(t, p, [][]int64{{v}})
				if err := solve(p, w); err != nil {
					t.Errorf("input %d rejected: %v", v, err)
				}
			}
			// -2^(A-1) itself: Run refuses it (it keeps |q| < 2^(A-1)), the
			// circuit's range [-2^(A-1), 2^(A-1)) takes it.
			w := &Circuit{Input: [][]frontend.Variable{{fe(lo)}}, Output: [][]frontend.Variable{{fe(eval(p, lo))}}}
			if err := solve(p, w); err != nil {
				t.Errorf("input %d rejected: %v", lo, err)
			}
			for _, v := range []int64{lo - 1, hi, hi + 1, 1 << 40} {
				tensors := make([][]int64, len(p.Tensors))
				tensors[p.Inputs[0]] = []int64{v}
				tensors[p.Outputs[0]] = []int64{eval(p, v)}
				if _, err := Assign(p, tensors); err == nil || !strings.Contains(err.Error(), "outside the 8-bit activation range") {
					t.Errorf("Assign(input %d): err = %v, want an activation range error", v, err)
				}
				w := &Circuit{Input: [][]frontend.Variable{{fe(v)}}, Output: [][]frontend.Variable{{fe(eval(p, v))}}}
				if solve(p, w) == nil {
					t.Errorf("input %d accepted", v)
				}
			}
		})
	}
}

// TestRescaledValueRange: a rescale whose result leaves the activation range
// is rejected even when the output is the exact quotient.
func TestRescaledValueRange(t *testing.T) {
	const actBits = 8
	b := newPlanBuilder(actBits)
	x := b.input("x", 1)
	y := b.affine("scale", []int{x}, []row{{term(0, 0, 3)}}, nil, 1)
	z := b.affine("copy", []int{y}, []row{{term(0, 0, 1)}}, nil, 0)
	b.output(z)
	p := b.plan()
	for _, v := range []int64{86, -90, 127, -127} {
		q, _ := plan.Rescale(3*v, 1)
		if _, err := p.Run([][]int64{{v}}); err == nil {
			t.Fatalf("Run accepted %d → %d", v, q)
		}
		w := &Circuit{Input: [][]frontend.Variable{{fe(v)}}, Output: [][]frontend.Variable{{fe(q)}}}
		if solve(p, w) == nil {
			t.Errorf("input %d: out-of-range rescaled value %d accepted", v, q)
		}
	}
	w := run(t, p, [][]int64{{42}})
	if err := solve(p, w); err != nil {
		t.Errorf("input 42 rejected: %v", err)
	}
}

// TestBadPlans: a malformed plan makes compilation and Assign fail with a
// message, never panic.
func TestBadPlans(t *testing.T) {
	mutations := []struct {
		name, want string
		mutate     func(p *plan.Plan)
	}{
		{"nil plan", "no plan", nil},
		{"bad config", "activation bits", func(p *plan.Plan) { p.Config.ActivationBits = 100 }},
		{"no input", "read before it is written", func(p *plan.Plan) { p.Inputs = nil }},
		{"no output", "no output", func(p *plan.Plan) { p.Outputs = nil }},
		{"input index", "input 0 refers to tensor 99", func(p *plan.Plan) { p.Inputs[0] = 99 }},
		{"output index", "output 0 refers to tensor -1", func(p *plan.Plan) { p.Outputs[0] = -1 }},
		{"duplicate input", "listed twice", func(p *plan.Plan) { p.Inputs = []int{0, 0} }},
		{"negative dim", "negative dimension", func(p *plan.Plan) { p.Tensors[1].Shape = []int{-3} }},
		{"huge shape", "more than 2^30", func(p *plan.Plan) { p.Tensors[1].Shape = []int{1 << 20, 1 << 20} }},
		{"op out index", "output tensor 42 out of range", func(p *plan.Plan) { p.Ops[0].Out = 42 }},
		{"op in index", "refers to tensor -2", func(p *plan.Plan) { p.Ops[0].In[0] = -2 }},
		{"read before write", "read before it is written", func(p *plan.Plan) { p.Ops[0].In[0] = 2 }},
		{"written twice", "written twice", func(p *plan.Plan) { p.Ops[1].Out = 1 }},
		{"overwrite input", "written twice", func(p *plan.Plan) { p.Ops[0].Out = 0 }},
		{"unknown kind", "unknown op kind", func(p *plan.Plan) { p.Ops[0].Kind = 17 }},
		{"row starts", "row starts", func(p *plan.Plan) { p.Ops[0].RowStart = p.Ops[0].RowStart[1:] }},
		{"row order", "starts at term", func(p *plan.Plan) { p.Ops[0].RowStart[1], p.Ops[0].RowStart[2] = 5, 2 }},
		{"row end", "row starts run", func(p *plan.Plan) { p.Ops[0].RowStart[3] = 1 }},
		{"term input", "term 0 reads input 1", func(p *plan.Plan) { p.Ops[0].Terms[0].In = 1 }},
		{"term index", "reads element 4", func(p *plan.Plan) { p.Ops[0].Terms[0].Idx = 4 }},
		{"bias length", "bias has 1 elements", func(p *plan.Plan) { p.Ops[0].Bias = []int64{1} }},
		{"shift", "shift 63", func(p *plan.Plan) { p.Ops[0].Shift = 63 }},
		{"negative shift", "shift -1", func(p *plan.Plan) { p.Ops[0].Shift = -1 }},
		{"relu inputs", "relu takes 1 input", func(p *plan.Plan) { p.Ops[1].In = []int{1, 1} }},
		{"relu size", "relu input has 3 elements, output 2", func(p *plan.Plan) { p.Tensors[2].Shape = []int{2} }},
		{"relu shift", "relu carries", func(p *plan.Plan) { p.Ops[1].Shift = 3 }},
		{"max shift", "max carries", func(p *plan.Plan) { p.Ops[3].Bias = []int64{1, 2} }},
		{"empty max row", "has no term", func(p *plan.Plan) { p.Ops[3].RowStart[1] = 0 }},
		{"no op input", "the op has 0 inputs", func(p *plan.Plan) { p.Ops[2].In = nil }},
		{"no relu input", "no input tensor", func(p *plan.Plan) { p.Ops[1].In = nil }},
		{"wraps around", "beyond the 2^236", func(p *plan.Plan) {
			for i := range p.Ops[2].Terms {
				p.Ops[2].Terms[i].Coeff = 1 << 62
			}
			p.Ops[2].Shift = 0
			// chain enough exact layers to pass 2^236
			prev := p.Ops[2].Out
			for range 5 {
				op := p.Ops[2]
				op.In = []int{prev}
				p.Tensors = append(p.Tensors, plan.Tensor{Name: "big", Shape: []int{4}})
				op.Out = len(p.Tensors) - 1
				prev = op.Out
				op.Terms = append([]plan.Term(nil), op.Terms...)
				for i := range op.Terms {
					op.Terms[i].In = 0
				}
				p.Ops = append(p.Ops, op)
			}
		}},
		{"output never written", "neither an input nor written", func(p *plan.Plan) {
			p.Tensors = append(p.Tensors, plan.Tensor{Name: "ghost", Shape: []int{1}})
			p.Outputs[0] = len(p.Tensors) - 1
		}},
	}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			var p *plan.Plan
			if m.mutate != nil {
				p = mlpPlan(16)
				m.mutate(p)
			}
			_, err := frontend.Compile(field, r1cs.NewBuilder, New(p))
			if err == nil || !strings.Contains(err.Error(), m.want) {
				t.Errorf("Compile: err = %v, want %q", err, m.want)
			}
			if p == nil {
				if _, err := Assign(nil, nil); err == nil || !strings.Contains(err.Error(), "nil plan") {
					t.Errorf("Assign: err = %v, want %q", err, "nil plan")
				}
				return
			}
			tensors := make([][]int64, len(p.Tensors))
			if _, err := Assign(p, tensors); err == nil || !strings.Contains(err.Error(), m.want) {
				t.Errorf("Assign: err = %v, want %q", err, m.want)
			}
		})
	}
}

// TestCircuitMisuse: circuits not built by New, and witnesses that do not
// fit the plan, give errors.
func TestCircuitMisuse(t *testing.T) {
	p := mlpPlan(16)
	if _, err := frontend.Compile(field, r1cs.NewBuilder, &Circuit{}); err == nil || !strings.Contains(err.Error(), "circuits.New") {
		t.Errorf("zero Circuit: err = %v", err)
	}
	c := New(p)
	c.Input = c.Input[:0]
	if _, err := frontend.Compile(field, scs.NewBuilder, c); err == nil || !strings.Contains(err.Error(), "0 inputs, the plan 1") {
		t.Errorf("missing input: err = %v", err)
	}
	c = New(p)
	c.Output[1] = c.Output[1][:3]
	if _, err := frontend.Compile(field, r1cs.NewBuilder, c); err == nil || !strings.Contains(err.Error(), "output 1 has 3 elements") {
		t.Errorf("short output: err = %v", err)
	}
	tensors, err := p.Run([][]int64{{1, 2, 3, 4}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Assign(p, tensors[:3]); err == nil || !strings.Contains(err.Error(), "got 3 tensors") {
		t.Errorf("Assign(3 tensors): err = %v", err)
	}
	tensors[p.Outputs[1]] = tensors[p.Outputs[1]][:2]
	if _, err := Assign(p, tensors); err == nil || !strings.Contains(err.Error(), "has 2 values, want 4") {
		t.Errorf("Assign(short output): err = %v", err)
	}
}

// TestConstantOutOfRange: a constant the circuit would have to range check,
// and that lies outside the range, is a compile error (no witness exists).
func TestConstantOutOfRange(t *testing.T) {
	b := newPlanBuilder(8)
	x := b.input("x", 1)
	c := b.affine("const", []int{x}, []row{{}}, []int64{1000}, 2)
	b.output(c)
	p := b.plan()
	_, err := frontend.Compile(field, r1cs.NewBuilder, New(p))
	if err == nil || !strings.Contains(err.Error(), `op 0 (affine, node "const"): element 0`) {
		t.Errorf("err = %v", err)
	}
}

// TestAssignNegative: negative values become p - |v|.
func TestAssignNegative(t *testing.T) {
	p := exactPlan(16)
	tensors, err := p.Run([][]int64{{-1, 2, -3}, {4, -5}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := Assign(p, tensors)
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Sub(field, big.NewInt(1))
	if got := w.Input[0][0].(*big.Int); got.Cmp(want) != 0 {
		t.Errorf("Input[0][0] = %v, want p-1", got)
	}
	if got := w.Input[1][0].(*big.Int); got.Int64() != 4 {
		t.Errorf("Input[1][0] = %v, want 4", got)
	}
}

// solveCompiled checks that the compiled system accepts good and rejects bad.
func solveCompiled(t *testing.T, what string, ccs constraint.ConstraintSystem, good, bad *Circuit) {
	t.Helper()
	for _, c := range []struct {
		w    *Circuit
		want bool
	}{{good, true}, {bad, false}} {
		w, err := frontend.NewWitness(c.w, field)
		if err != nil {
			t.Fatal(err)
		}
		if err := ccs.IsSolved(w); (err == nil) != c.want {
			t.Errorf("%s: solved = %v, want %v (%v)", what, err == nil, c.want, err)
		}
	}
}
