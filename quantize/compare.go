package quantize

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Comparisons (Greater, Less, GreaterOrEqual, LessOrEqual, Equal) and what
// reads their booleans (Where with constant branches, Gather from a constant
// table) need no new op kind: on fixed-point integers every comparison is a
// test d ≥ 1 of an integer difference d, and
//
//	[d ≥ 1] = clamp(d, 0, 1)
//
// is an OpLookup in the two-entry table {0, 1}, exact for every integer d
// (the lookup's clamping is two range-checked comparisons). The comparison is of
// the quantized values, with a constant threshold quantized like the input
// (x > c is q − round(c·2^s) ≥ 1), so an input equal to a threshold
// compares equal, and a result differs from ONNX Runtime's only for inputs
// within one quantization step of the threshold (or of each other).

// checkWhere is Check's verdict on Where: a constant condition choosing
// between any two values (data movement), or a boolean condition choosing
// between two constants (a computed choice of computed values is a
// product).
func checkWhere(g *onnx.Graph, n *onnx.Node) error {
	if len(n.Inputs) != 3 {
		return fmt.Errorf("has %d inputs, want 3", len(n.Inputs))
	}
	if g.Constants[n.Inputs[0]] != nil {
		return nil
	}
	if !booleanValues(g)[n.Inputs[0]] {
		return fmt.Errorf("the condition %q is not provably boolean", n.Inputs[0])
	}
	for i := 1; i <= 2; i++ {
		if g.Constants[n.Inputs[i]] == nil {
			return fmt.Errorf("input %d (%q) is computed from the inputs; with a computed condition, zkml supports Where choosing between constants only", i, n.Inputs[i])
		}
	}
	return nil
}

// checkGather is Check's verdict on Gather: constant indices (data
// movement), or computed integer indices into a constant table (a boolean
// index into two entries is affine; others cost comparisons, see argmax.go).
func checkGather(g *onnx.Graph, n *onnx.Node) error {
	if len(n.Inputs) != 2 {
		return fmt.Errorf("has %d inputs, want 2", len(n.Inputs))
	}
	if g.Constants[n.Inputs[1]] != nil {
		return nil
	}
	if g.Constants[n.Inputs[0]] == nil {
		return errors.New("both the data and the indices are computed from the inputs; zkml gathers computed data at constant indices, or a constant table at computed indices")
	}
	if !integerValues(g)[n.Inputs[1]] {
		return errors.New("the indices are computed from the inputs and not provably integers; zkml gathers from a constant table at integer indices only")
	}
	return nil
}

// lowerGatherComputed lowers Gather from a constant table at computed
// indices: an affine choice for a boolean index into at most two entries,
// the telescoping sum of argmax.go otherwise.
func (c *compiler) lowerGatherComputed(n *onnx.Node) (int, error) {
	data := c.g.Constants[n.Inputs[0]]
	if data == nil {
		return 0, errors.New("the table must be a constant")
	}
	ax, err := tensor.NormAxis(n.Int("axis", 0), len(data.Shape))
	if err != nil {
		return 0, err
	}
	if data.Shape[ax] <= 2 && booleanValues(c.g)[n.Inputs[1]] {
		return c.lowerGatherSelect(n)
	}
	return c.lowerGatherTable(n)
}

// lowerCompare lowers a comparison, with a constant operand on either side.
func (c *compiler) lowerCompare(n *onnx.Node) (int, error) {
	if len(n.Inputs) != 2 {
		return 0, fmt.Errorf("has %d inputs, want 2", len(n.Inputs))
	}
	parts, shape, err := c.broadcastParts(n)
	if err != nil {
		return 0, err
	}
	a, b := parts[0], parts[1]
	op := n.OpType
	if a.o.isConst && b.o.isConst {
		return 0, errors.New("both operands are constants; this op should have been folded")
	}
	if a.o.isConst { // c op x is x op' c
		a, b = b, a
		op = map[string]string{"Greater": "Less", "Less": "Greater", "GreaterOrEqual": "LessOrEqual", "LessOrEqual": "GreaterOrEqual", "Equal": "Equal"}[op]
	}
	out := n.Outputs[0]
	if op == "Equal" { // [a ≥ b] − [a > b]
		ge, err := c.compare(n.Name, out+"/ge", a, b, "GreaterOrEqual", shape)
		if err != nil {
			return 0, err
		}
		gt, err := c.compare(n.Name, out+"/gt", a, b, "Greater", shape)
		if err != nil {
			return 0, err
		}
		l := newLinear(shape)
		x, y := l.input(ge), l.input(gt)
		for i := range tensor.Size(shape) {
			l.term(x, i, 1)
			l.term(y, i, -1)
			l.endRow()
		}
		return c.emitAffine(n.Name, l, out, true)
	}
	return c.compare(n.Name, out, a, b, op, shape)
}

// compare emits the 0/1 tensor out = [a op b] for a computed a and a
// computed or constant b.
func (c *compiler) compare(node, out string, a, b part, op string, shape []int) (int, error) {
	ab := c.cfg.ActivationBits
	size := tensor.Size(shape)
	ta, err := c.materialized(a.o)
	if err != nil {
		return 0, err
	}
	var tb int
	scale := c.p.Tensors[ta].Scale
	if !b.o.isConst {
		if tb, err = c.materialized(b.o); err != nil {
			return 0, err
		}
		scale = min(scale, c.p.Tensors[tb].Scale)
		if tb, err = c.rescale(node, tb, scale); err != nil {
			return 0, err
		}
		if tb, err = c.inRange(node, tb); err != nil {
			return 0, err
		}
	}
	if ta, err = c.rescale(node, ta, scale); err != nil {
		return 0, err
	}
	if ta, err = c.inRange(node, ta); err != nil {
		return 0, err
	}
	// d = sign·(q_a − q_b) + offset, with d ≥ 1 exactly when a op b.
	sign, offset := int64(1), int64(0)
	switch op {
	case "Less", "LessOrEqual":
		sign = -1
	}
	if op == "GreaterOrEqual" || op == "LessOrEqual" {
		offset = 1
	}
	d := plan.Op{Kind: plan.OpAffine, Node: node, In: []int{ta}, RowStart: make([]int32, 1, size+1)}
	if !b.o.isConst {
		d.In = append(d.In, tb)
	}
	// A constant threshold beyond the activation range decides the
	// comparison alone; clamping it keeps d within ActivationBits+1 bits.
	limit := math.Ldexp(1, ab-1)
	for i := range size {
		d.Terms = append(d.Terms, plan.Term{In: 0, Idx: int32(a.idx[i]), Coeff: sign})
		bias := offset
		if b.o.isConst {
			v := b.o.data[b.idx[i]]
			if math.IsNaN(v) {
				return 0, fmt.Errorf("compares with NaN")
			}
			// The threshold is quantized like the input (half up), so an
			// input equal to it compares equal.
			t := math.Max(-limit-1, math.Min(limit, math.Floor(math.Ldexp(v, scale)+0.5)))
			bias -= sign * int64(t)
		} else {
			d.Terms = append(d.Terms, plan.Term{In: 1, Idx: int32(b.idx[i]), Coeff: -sign})
		}
		if bias != 0 {
			if d.Bias == nil {
				d.Bias = make([]int64, size)
			}
			d.Bias[i] = bias
		}
		d.RowStart = append(d.RowStart, int32(len(d.Terms)))
	}
	// Beyond the activation range, rescale d by 2^s with a bias that keeps
	// the test exact: Rescale(d + 2^(s−1) − 1, s) ≥ 1 ⟺ d ≥ 1.
	if accB := c.bound(&d); accB > ab-1 {
		d.Shift = accB - (ab - 1) + 1
		if d.Bias == nil {
			d.Bias = make([]int64, size)
		}
		for i := range d.Bias {
			d.Bias[i] += int64(1)<<(d.Shift-1) - 1
		}
	}
	dt := c.appendOp(d, out+"/difference", shape, 0)
	return c.minOne(node, out, dt, shape), nil
}

// minOne emits out = clamp(t, 0, 1) for a tensor t of integers: [t ≥ 1].
// It is a lookup in the table {0, 1} (OpLookup clamps its input to the
// table's domain with range-checked comparisons), which also gives the
// result the tight bound 1 that later sums of booleans rely on.
func (c *compiler) minOne(node, out string, t int, shape []int) int {
	// The table is the clamp itself: exact at both ends.
	o := c.appendOp(plan.Op{Kind: plan.OpLookup, Node: node, In: []int{t}, Table: []int64{0, 1}, Saturates: plan.SaturatesBelow | plan.SaturatesAbove}, out, shape, 0)
	c.p.Tensors[o].MaxAbs = 1
	return o
}

// materialized returns the plan tensor of a computed operand, emitting a
// pending map first.
func (c *compiler) materialized(o operand) (int, error) {
	if o.p == nil {
		return o.t, nil
	}
	l := o.p
	return c.emit(l.label, l, l.value, l.move)
}

// bound is the static bound of an op's output given its inputs' bounds.
func (c *compiler) bound(op *plan.Op) int {
	in := make([]int, len(op.In))
	for i, t := range op.In {
		in[i] = c.p.Tensors[t].Bound
	}
	out, _ := plan.OpBound(op, in, c.cfg.ActivationBits)
	return out
}

// appendOp adds op to the plan with a new output tensor at the given scale,
// its bound derived from its inputs' as validate will re-derive it.
func (c *compiler) appendOp(op plan.Op, name string, shape []int, scale int) int {
	op.Out = c.newTensor(name, shape, scale, c.bound(&op), 0)
	c.p.Ops = append(c.p.Ops, op)
	return op.Out
}

// lowerWhere lowers Where(cond, x, y): with a constant condition, each
// element copies x or y (data movement); with a computed 0/1 condition and
// constant x and y, the affine y + cond·(x − y).
func (c *compiler) lowerWhere(n *onnx.Node) (int, error) {
	parts, shape, err := c.broadcastParts(n)
	if err != nil {
		return 0, err
	}
	cond, x, y := parts[0], parts[1], parts[2]
	if cond.o.isConst {
		l := newLinear(shape)
		var src [3]source
		for k := 1; k <= 2; k++ {
			if !parts[k].o.isConst {
				src[k] = l.source(parts[k].o)
			}
		}
		for i := range tensor.Size(shape) {
			k := 2
			if cond.o.data[cond.idx[i]] != 0 {
				k = 1
			}
			if parts[k].o.isConst {
				l.addBias(i, parts[k].o.data[parts[k].idx[i]])
			} else {
				l.add(src[k], parts[k].idx[i], 1)
			}
			l.endRow()
		}
		return c.emitAffine(n.Name, l, n.Outputs[0], true)
	}
	if !x.o.isConst || !y.o.isConst {
		return 0, errors.New("zkml supports Where choosing between constants only")
	}
	if cond.o.isConst {
		return 0, errors.New("every input is a constant; this op should have been folded")
	}
	l := newLinear(shape)
	in := l.source(cond.o)
	for i := range tensor.Size(shape) {
		xv, yv := x.o.data[x.idx[i]], y.o.data[y.idx[i]]
		l.add(in, cond.idx[i], xv-yv)
		l.addBias(i, yv)
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

// lowerGatherSelect lowers Gather from a constant table at a boolean index:
// out = table[.., 0, ..] + idx·(table[.., 1, ..] − table[.., 0, ..]).
func (c *compiler) lowerGatherSelect(n *onnx.Node) (int, error) {
	data := c.g.Constants[n.Inputs[0]]
	if data == nil {
		return 0, errors.New("the table must be a constant")
	}
	idx, err := c.activation(n, 1)
	if err != nil {
		return 0, err
	}
	shape, pick, err := gatherSelect(data.Shape, idx.shape, n.Int("axis", 0))
	if err != nil {
		return 0, err
	}
	vals := data.Floats()
	l := newLinear(shape)
	in := l.source(idx)
	for i, p := range pick {
		l.addBias(i, vals[p.first])
		if p.second >= 0 {
			l.add(in, p.index, vals[p.second]-vals[p.first])
		}
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

// selection is what output element reads: table element first when the
// index element index is 0, second (−1: none) when it is 1.
type selection struct{ index, first, second int }

// gatherSelect is Gather's geometry for a 0/1 index: out shape
// data[:axis] + idx + data[axis+1:].
func gatherSelect(data, idx []int, axis int64) ([]int, []selection, error) {
	ax, err := tensor.NormAxis(axis, len(data))
	if err != nil {
		return nil, nil, err
	}
	if data[ax] < 1 || data[ax] > 2 {
		return nil, nil, fmt.Errorf("axis %d of the table has %d entries; a boolean index needs 1 or 2", ax, data[ax])
	}
	shape := append(append(append([]int{}, data[:ax]...), idx...), data[ax+1:]...)
	pre, post, ni := tensor.Size(data[:ax]), tensor.Size(data[ax+1:]), tensor.Size(idx)
	var sel []selection
	for p := range pre {
		for j := range ni {
			for q := range post {
				s := selection{index: j, first: (p*data[ax])*post + q, second: -1}
				if data[ax] == 2 {
					s.second = (p*2+1)*post + q
				}
				sel = append(sel, s)
			}
		}
	}
	return shape, sel, tensor.CheckShape(shape)
}
