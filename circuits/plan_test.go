package circuits

import (
	"math/bits"
	"math/rand/v2"

	"github.com/zkml/zkml/plan"
)

// planBuilder assembles small quantize.Plans by hand for the tests, with
// the tensor bounds quantize's validation expects (|q| ≤ 2^Bound, derived
// from the coefficients the same way the planner does).
type planBuilder struct {
	p plan.Plan
}

func newPlanBuilder(actBits int) *planBuilder {
	cfg := plan.DefaultConfig()
	cfg.ActivationBits = actBits
	return &planBuilder{p: plan.Plan{Config: cfg}}
}

func (b *planBuilder) tensor(name string, n, bound int) int {
	b.p.Tensors = append(b.p.Tensors, plan.Tensor{Name: name, Shape: []int{n}, Scale: 8, Bound: bound})
	return len(b.p.Tensors) - 1
}

func (b *planBuilder) input(name string, n int) int {
	t := b.tensor(name, n, b.p.Config.ActivationBits-1)
	b.p.Inputs = append(b.p.Inputs, t)
	return t
}

func (b *planBuilder) output(t int) { b.p.Outputs = append(b.p.Outputs, t) }

// row is one output element of an affine or max op: terms over op inputs.
type row []plan.Term

// term reads element idx of the op's input in with coefficient c.
func term(in, idx int, c int64) plan.Term {
	return plan.Term{In: int32(in), Idx: int32(idx), Coeff: c}
}

func ceilLog2(v uint64) int {
	if v <= 1 {
		return 0
	}
	return bits.Len64(v - 1)
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

func (b *planBuilder) affine(name string, in []int, rows []row, bias []int64, shift int) int {
	op := plan.Op{Kind: plan.OpAffine, Node: name, In: in, Bias: bias, Shift: shift}
	acc := 0
	for i, r := range rows {
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		op.Terms = append(op.Terms, r...)
		var sum uint64
		if bias != nil {
			sum = abs64(bias[i])
		}
		for _, t := range r {
			sum += abs64(t.Coeff) << b.p.Tensors[in[t.In]].Bound
		}
		acc = max(acc, ceilLog2(sum))
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	bound := acc
	if shift > 0 {
		bound = min(b.p.Config.ActivationBits-1, max(acc-shift, 0))
	}
	op.Out = b.tensor(name, len(rows), bound)
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

func (b *planBuilder) relu(name string, in int) int {
	t := b.p.Tensors[in]
	op := plan.Op{Kind: plan.OpRelu, Node: name, In: []int{in}}
	op.Out = b.tensor(name, t.Size(), t.Bound)
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

func (b *planBuilder) maxOp(name string, in []int, rows []row) int {
	op := plan.Op{Kind: plan.OpMax, Node: name, In: in}
	bound := 0
	for _, r := range rows {
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		op.Terms = append(op.Terms, r...)
		for _, t := range r {
			bound = max(bound, b.p.Tensors[in[t.In]].Bound)
		}
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	op.Out = b.tensor(name, len(rows), bound)
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

func (b *planBuilder) plan() *plan.Plan { p := b.p; return &p }

// mlpPlan: 4 inputs → affine 3 (rescale) → relu → affine 4 (rescale,
// also a public output) → max over pairs. Outputs: the maxima, then the
// second layer.
func mlpPlan(actBits int) *plan.Plan {
	b := newPlanBuilder(actBits)
	x := b.input("x", 4)
	h := b.affine("fc1", []int{x}, []row{
		{term(0, 0, 200), term(0, 1, -150), term(0, 2, 17), term(0, 3, 0)},
		{term(0, 0, -90), term(0, 1, 33), term(0, 3, 255)},
		{term(0, 2, 128), term(0, 3, -128)},
	}, []int64{1000, -5000, 77}, 8)
	r := b.relu("relu1", h)
	z := b.affine("fc2", []int{r}, []row{
		{term(0, 0, 100), term(0, 1, 50)},
		{term(0, 1, -70), term(0, 2, 90)},
		{term(0, 0, 1), term(0, 1, 1), term(0, 2, 1)},
		{term(0, 2, -256)},
	}, []int64{0, 300, -300, 128}, 7)
	m := b.maxOp("pool", []int{z}, []row{{term(0, 0, 1), term(0, 1, 1)}, {term(0, 2, 1), term(0, 3, 1), term(0, 0, 1)}})
	b.output(m)
	b.output(z)
	return b.plan()
}

// exactPlan: two inputs; exact affines (no rescale: copies, constants, a
// sum with bias, coefficients that cancel) feeding a relu and a rescale.
// Outputs: the relu, then the rescale.
func exactPlan(actBits int) *plan.Plan {
	b := newPlanBuilder(actBits)
	x := b.input("x", 3)
	y := b.input("y", 2)
	s := b.affine("gather", []int{x, y}, []row{{term(0, 2, 1)}, {term(1, 0, 1)}, {}, {}}, []int64{0, 0, 5, 0}, 0)
	r := b.relu("relu", s)
	t := b.affine("add", []int{x, y}, []row{
		{term(0, 0, 1), term(1, 1, 1)},
		{term(0, 1, 2), term(0, 1, -2)},
	}, []int64{-3, -7}, 0)
	u := b.affine("mix", []int{t, r}, []row{
		{term(0, 0, 1), term(0, 1, 1)},
		{term(0, 0, 1), term(1, 0, -1), term(1, 1, 3)},
	}, nil, 2)
	b.output(r)
	b.output(u)
	return b.plan()
}

// randomInputs draws in-range quantized inputs for p.
func randomInputs(p *plan.Plan, rng *rand.Rand, magnitude int64) [][]int64 {
	in := make([][]int64, len(p.Inputs))
	for i, t := range p.Inputs {
		in[i] = make([]int64, p.Tensors[t].Size())
		for j := range in[i] {
			in[i][j] = rng.Int64N(2*magnitude) - magnitude
		}
	}
	return in
}
