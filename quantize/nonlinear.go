package quantize

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Lowering of nonlinear ops. Smooth functions (Sigmoid, Tanh, Exp, Erf,
// Gelu, Pow, ...) become lookup tables (OpLookup, see lookup.go); the
// piecewise-linear ones are built from the relu gadget, which is exact:
// LeakyRelu and PRelu are a·x + (1−a)·relu(x) and Abs is 2·relu(x) − x;
// Floor and Ceil are one rescale, Round two. Products of two computed tensors (Mul,
// MatMul) become OpMul, quotients and Softmax OpDiv (softmax.go).

// checkElementwise is Check's rule for the ops lowered from their
// elementwise function.
func checkElementwise(_ *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if _, ok := onnx.ElementwiseFunc(n); !ok {
		return fmt.Errorf("op %s has no elementwise function", n.OpType)
	}
	return nil
}

func checkPRelu(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if len(n.Inputs) != 2 || g.Constants[n.Inputs[1]] == nil {
		return errors.New("the slope is computed from the inputs; zkml needs a constant slope")
	}
	return nil
}

// lowerRounding lowers Floor, Ceil and Round exactly: with x at scale
// s > 0 and S = 2^s, ⌊x / S⌋ = Rescale(x − S/2, s) and ⌈x / S⌉ =
// Rescale(x + S/2 − 1, s), since Rescale rounds halves up. Round (halves to
// even) takes two: h = ⌊(x + S/2) / 2S⌋ = Rescale(x − S/2, s+1) counts
// pairs of integers, and the remainder r = x + S/2 − 2S·h ∈ [0, 2S) rounds
// to 2h + [r > S] (at r = S, x/S is a half whose rounding up would be odd),
// where [r > S] = Rescale(r − S + S − 1, s+1) is exact over that range, as
// in compare.go. The result is an integer at scale 0. At a scale ≤ 0 the
// value is already an integer.
func (c *compiler) lowerRounding(n *onnx.Node) (int, error) {
	x, err := c.tensorOperand(n, 0)
	if err != nil {
		return 0, err
	}
	src := c.p.Tensors[x]
	s := src.Scale
	out := n.Outputs[0]
	if s > plan.MaxBound-1 {
		return 0, fmt.Errorf("scale 2^%d is too high to round", s)
	}
	if s <= 0 || n.OpType != "Round" {
		var b int64
		if s > 0 {
			half := int64(1) << (s - 1)
			b = -half
			if n.OpType == "Ceil" {
				b = half - 1
			}
		}
		op := elementwiseAffine(n.Name, src.Size(), []int{x}, []int64{1}, b, max(s, 0))
		op.Out = c.newTensor(out, src.Shape, min(s, 0), c.bound(&op), c.cal.MaxAbs[out])
		c.p.Ops = append(c.p.Ops, op)
		return op.Out, nil
	}
	S := int64(1) << s
	size := src.Size()
	hop := elementwiseAffine(n.Name, size, []int{x}, []int64{1}, -S/2, s+1)
	h := c.appendOp(hop, out+"/pairs", src.Shape, 0)
	above := elementwiseAffine(n.Name, size, []int{x, h}, []int64{1, -2 * S}, S/2-1, s+1)
	r := c.appendOp(above, out+"/above_half", src.Shape, 0)
	op := elementwiseAffine(n.Name, size, []int{h, r}, []int64{2, 1}, 0, 0)
	op.Out = c.newTensor(out, src.Shape, 0, c.bound(&op), c.cal.MaxAbs[out])
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}

// elementwiseAffine is the affine op whose element i is
// Rescale(bias + Σ_k coeffs[k]·in[k][i], shift).
func elementwiseAffine(node string, size int, in []int, coeffs []int64, bias int64, shift int) plan.Op {
	op := plan.Op{Kind: plan.OpAffine, Node: node, In: in, Shift: shift, RowStart: make([]int32, size+1), Terms: make([]plan.Term, 0, size*len(in))}
	for i := range size {
		for k, cf := range coeffs {
			op.Terms = append(op.Terms, plan.Term{In: int32(k), Idx: int32(i), Coeff: cf})
		}
		op.RowStart[i+1] = int32(len(op.Terms))
	}
	if bias != 0 {
		op.Bias = make([]int64, size)
		for i := range op.Bias {
			op.Bias[i] = bias
		}
	}
	return op
}

// tensorOperand returns input i as a plan tensor in the activation range,
// emitting a pending affine map that computes it (a product or a lookup
// reads whole tensors, not maps).
func (c *compiler) tensorOperand(n *onnx.Node, i int) (int, error) {
	o, err := c.activation(n, i)
	if err != nil {
		return 0, err
	}
	return c.operandTensor(n, i, o)
}

func (c *compiler) operandTensor(n *onnx.Node, i int, o operand) (int, error) {
	t := o.t
	if o.p != nil {
		var err error
		if t, err = c.emit(o.p.label, o.p, n.Inputs[i], o.p.move); err != nil {
			return 0, err
		}
		c.vals[n.Inputs[i]] = t
	}
	return c.inRange(n.Name, t)
}

// lowerReluBased lowers LeakyRelu, PRelu and Abs to a relu and one affine
// op: f(x) = a·x + (1−a)·relu(x) with a the slope for negative x.
func (c *compiler) lowerReluBased(n *onnx.Node) (int, error) {
	x, err := c.tensorOperand(n, 0)
	if err != nil {
		return 0, err
	}
	src := c.p.Tensors[x]
	size := src.Size()
	slope := make([]float64, size)
	switch n.OpType {
	case "Abs":
		for i := range slope {
			slope[i] = -1
		}
	case "LeakyRelu":
		a := n.Float("alpha", 0.01)
		for i := range slope {
			slope[i] = a
		}
	case "PRelu":
		if len(n.Inputs) != 2 || c.g.Constants[n.Inputs[1]] == nil {
			return 0, errors.New("the slope must be a constant")
		}
		k := c.g.Constants[n.Inputs[1]]
		idx := tensor.BroadcastIndex(k.Shape, src.Shape)
		if idx == nil {
			return 0, fmt.Errorf("the slope's shape %v does not broadcast to the input's %v", k.Shape, src.Shape)
		}
		for i := range slope {
			slope[i] = k.At(idx[i])
		}
	}
	for _, a := range slope {
		if math.IsNaN(a) || math.IsInf(a, 0) {
			return 0, fmt.Errorf("the slope %g is not a finite number", a)
		}
	}
	relu := plan.Op{Kind: plan.OpRelu, Node: n.Name, In: []int{x}}
	relu.Out = c.newTensor(n.Outputs[0]+"/relu", src.Shape, src.Scale, src.Bound, 0)
	c.p.Ops = append(c.p.Ops, relu)
	l := newLinear(src.Shape)
	in, r := l.input(x), l.input(relu.Out)
	for i, a := range slope {
		l.term(in, i, a)
		l.term(r, i, 1-a)
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

// lowerProduct lowers the elementwise product of two computed tensors (Mul
// with numpy broadcasting) to OpMul: one multiplication per element, and a
// rescale from the product's scale (the sum of the factors' scales) to the
// output's calibrated scale.
func (c *compiler) lowerProduct(n *onnx.Node, a, b operand) (int, error) {
	ta, tb, err := c.productOperands(n, a, b, 1)
	if err != nil {
		return 0, err
	}
	shape, ia, ib, err := broadcast2(c.p.Tensors[ta].Shape, c.p.Tensors[tb].Shape)
	if err != nil {
		return 0, err
	}
	return c.emitMul(n, ta, tb, shape, 1, func(i, _ int) (int, int) { return ia[i], ib[i] })
}

// lowerMatMulProduct lowers MatMul of two computed tensors (attention's
// Q·Kᵀ and scores·V) to OpMul with one pair of terms per multiplication.
// The plan stays the plain sum of products; the circuit recognizes the
// matrix structure in the rows and, for large enough matrices, proves the
// product with Freivalds' check (O(m·k + k·n + m·n) constraints instead of
// O(m·k·n); see circuits/freivalds.go).
func (c *compiler) lowerMatMulProduct(n *onnx.Node, a, b operand) (int, error) {
	mm, err := newMatmul(a.shape, b.shape)
	if err != nil {
		return 0, err
	}
	ta, tb, err := c.productOperands(n, a, b, mm.k)
	if err != nil {
		return 0, err
	}
	// Row r of the output is batch bi, position (i, j).
	per := mm.m * mm.n
	return c.emitMul(n, ta, tb, mm.out, mm.k, func(r, p int) (int, int) {
		bi, ij := r/per, r%per
		i, j := ij/mm.n, ij%mm.n
		return mm.aBatch[bi] + i*mm.k + p, mm.bBatch[bi] + p*mm.n + j
	})
}

// productOperands returns both factors as plan tensors in the activation
// range, the larger rounded down until sums of k products fit the 62 bits
// of the executor (with more than 31 activation bits).
func (c *compiler) productOperands(n *onnx.Node, a, b operand, k int) (int, int, error) {
	ta, err := c.operandTensor(n, 0, a)
	if err != nil {
		return 0, 0, err
	}
	tb, err := c.operandTensor(n, 1, b)
	if err != nil {
		return 0, 0, err
	}
	for {
		ba, bb := c.p.Tensors[ta].Bound, c.p.Tensors[tb].Bound
		excess := ba + bb + plan.CeilLog2(uint64(k)) - plan.MaxBound
		if excess <= 0 {
			return ta, tb, nil
		}
		big := &ta
		if bb > ba {
			big = &tb
		}
		if *big, err = c.rescale(n.Name, *big, c.p.Tensors[*big].Scale-excess); err != nil {
			return 0, 0, err
		}
	}
}

// emitMul appends an OpMul writing n's output of the given shape: row r
// sums k products x[pair(r, p)] · y[...] for p < k.
func (c *compiler) emitMul(n *onnx.Node, ta, tb int, shape []int, k int, pair func(r, p int) (int, int)) (int, error) {
	m, sCal, err := c.calibratedScale(n.Outputs[0])
	if err != nil {
		return 0, err
	}
	return c.emitMulAt(n.Name, n.Outputs[0], m, sCal, ta, tb, shape, k, pair)
}

// emitMulAt is emitMul for value out, of range m, at scale sCal or the
// products' own scale if lower.
func (c *compiler) emitMulAt(node, out string, m float64, sCal int, ta, tb int, shape []int, k int, pair func(r, p int) (int, int)) (int, error) {
	A, B := c.p.Tensors[ta], c.p.Tensors[tb]
	size := 1
	for _, d := range shape {
		size *= d
	}
	if size*k*2 > math.MaxInt32 {
		return 0, errors.New("the op has more than 2^31 terms")
	}
	op := plan.Op{Kind: plan.OpMul, Node: node, In: []int{ta}, RowStart: make([]int32, 1, size+1), Terms: make([]plan.Term, 0, 2*k*size)}
	inB := int32(0)
	if tb != ta {
		op.In = append(op.In, tb)
		inB = 1
	}
	for r := range size {
		for p := range k {
			x, y := pair(r, p)
			op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(x), Coeff: 1}, plan.Term{In: inB, Idx: int32(y), Coeff: 1})
		}
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	}
	sAcc := A.Scale + B.Scale
	sOut := min(sAcc, sCal)
	op.Shift = min(sAcc-sOut, plan.MaxBound)
	sOut = sAcc - op.Shift
	if sOut < -plan.MaxScaleAbs || sOut > plan.MaxScaleAbs {
		return 0, fmt.Errorf("output scale 2^%d is out of range", sOut)
	}
	bounds := []int{A.Bound}
	if inB == 1 {
		bounds = append(bounds, B.Bound)
	}
	acc := plan.MulBound(&op, bounds)
	op.Out = c.newTensor(out, shape, sOut, plan.ShiftedBound(acc, op.Shift, c.cfg.ActivationBits), m)
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}
