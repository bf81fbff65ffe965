package quantize

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Lowering of each supported op to plan ops. Linear ops build a linear map
// with real coefficients and hand it to emitAffine, which owns every
// quantization decision; comparisons become OpRelu and OpMax.

// operand is one input of a node: a plan tensor or a constant.
type operand struct {
	t       int       // plan tensor, when neither constant nor pending
	p       *linear   // a pending affine map (see compiler.pending)
	data    []float64 // the constant's values
	shape   []int
	isConst bool
}

func (c *compiler) operand(n *onnx.Node, i int) (operand, error) {
	if i >= len(n.Inputs) || n.Inputs[i] == "" {
		return operand{}, fmt.Errorf("input %d is missing", i)
	}
	name := n.Inputs[i]
	if p := c.pending[name]; p != nil {
		if absorbs(n, p) { // n is the only reader: the map is n's now
			delete(c.pending, name)
			return operand{p: p, shape: p.shape}, nil
		}
		if _, err := c.materialize(name); err != nil {
			return operand{}, err
		}
	}
	if t, ok := c.vals[name]; ok {
		return operand{t: t, shape: c.p.Tensors[t].Shape}, nil
	}
	if k := c.g.Constants[name]; k != nil {
		return operand{data: k.Floats(), shape: k.Shape, isConst: true}, nil
	}
	return operand{}, fmt.Errorf("input %q is neither a graph input, a constant nor computed by an earlier node", name)
}

func (c *compiler) lower(n *onnx.Node) error {
	if c.skip[n] {
		return nil
	}
	if fu := c.fused[n]; fu != nil {
		t, err := c.lowerFused(n, fu)
		if err != nil {
			return err
		}
		if err := checkDeclared(c.g, n, c.p.Tensors[t].Shape); err != nil {
			return err
		}
		c.vals[n.Outputs[0]] = t
		return nil
	}
	r := rules[n.OpType]
	if r == nil { // unreachable: Check refuses it
		return unsupported(n.OpType)
	}
	if r.lowerAll != nil {
		return r.lowerAll(c, n)
	}
	if err := outputCount(n); err != nil {
		return err
	}
	t, err := r.lower(c, n)
	if err != nil {
		return err
	}
	if t < 0 { // deferred
		return checkDeclared(c.g, n, c.pending[n.Outputs[0]].shape)
	}
	if err := checkDeclared(c.g, n, c.p.Tensors[t].Shape); err != nil {
		return err
	}
	c.vals[n.Outputs[0]] = t
	return nil
}

// lowerGather lowers Gather at constant indices as data movement, and from
// a constant table at computed indices (compare.go).
func (c *compiler) lowerGather(n *onnx.Node) (int, error) {
	if len(n.Inputs) == 2 && c.g.Constants[n.Inputs[1]] == nil {
		return c.lowerGatherComputed(n)
	}
	return c.lowerMovement(n)
}

func (c *compiler) lowerMovement(n *onnx.Node) (int, error) {
	k := dataInputs(n)
	ops := make([]operand, k)
	shapes := make([][]int, k)
	lowest := math.MaxInt
	for i := range k {
		o, err := c.operand(n, i)
		if err != nil {
			return 0, err
		}
		ops[i], shapes[i] = o, o.shape
		if !o.isConst && o.p == nil {
			lowest = min(lowest, c.p.Tensors[o.t].Scale)
		}
	}
	// One op has one scale: Concat inputs at higher scales are first
	// rounded down to the lowest (raising the others would grow their
	// magnitudes beyond the activation range). Concat reads no pending map.
	if k > 1 {
		for i := range ops {
			if !ops[i].isConst {
				t, err := c.rescale(n.Name, ops[i].t, lowest)
				if err != nil {
					return 0, err
				}
				ops[i].t = t
			}
		}
	}
	mv, err := movementOf(c.g, n, shapes)
	if err != nil {
		return 0, err
	}
	l := newLinear(mv.out)
	src := make([]source, k)
	for i, o := range ops {
		if !o.isConst {
			src[i] = l.source(o)
		}
	}
	for i := range tensor.Size(mv.out) {
		w, s := mv.from(i)
		switch {
		case s < 0:
			l.addBias(i, mv.pad)
		case ops[w].isConst:
			l.addBias(i, ops[w].data[s])
		default:
			l.add(src[w], s, 1)
		}
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], true)
}

// lowerUnary lowers Cast (checked by Check to be value-preserving) and Neg.
func (c *compiler) lowerUnary(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	coef := 1.0
	if n.OpType == "Neg" {
		coef = -1
	}
	l := newLinear(x.shape)
	in := l.source(x)
	for i := range tensor.Size(x.shape) {
		l.add(in, i, coef)
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], true)
}

// activation returns input i, which must be computed (not a constant).
func (c *compiler) activation(n *onnx.Node, i int) (operand, error) {
	o, err := c.operand(n, i)
	if err == nil && o.isConst {
		err = fmt.Errorf("input %d (%q) is a constant; this op should have been folded", i, n.Inputs[i])
	}
	return o, err
}

func (c *compiler) lowerRelu(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	t, err := c.inRange(n.Name, x.t)
	if err != nil {
		return 0, err
	}
	src := c.p.Tensors[t]
	op := plan.Op{Kind: plan.OpRelu, Node: n.Name, In: []int{t}}
	op.Out = c.newTensor(n.Outputs[0], src.Shape, src.Scale, src.Bound, c.cal.MaxAbs[n.Outputs[0]])
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}

// emitMax appends an OpMax over rows of elements of tensor t, writing the
// tensor out.
func (c *compiler) emitMax(node string, t int, shape []int, out string, rows func(yield func(row []int) bool)) (int, error) {
	t, err := c.inRange(node, t)
	if err != nil {
		return 0, err
	}
	src := c.p.Tensors[t]
	op := plan.Op{Kind: plan.OpMax, Node: node, In: []int{t}, RowStart: make([]int32, 1, tensor.Size(shape)+1)}
	for row := range rows {
		if len(row) == 0 {
			err = errors.New("a window or reduction covers no input element")
			break
		}
		for _, idx := range row {
			op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(idx), Coeff: 1})
		}
		if len(op.Terms) > math.MaxInt32 {
			return 0, errors.New("the op has more than 2^31 terms")
		}
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	}
	if err != nil {
		return 0, err
	}
	op.Out = c.newTensor(out, shape, src.Scale, src.Bound, c.cal.MaxAbs[out])
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}

func (c *compiler) lowerBinary(n *onnx.Node) (int, error) {
	if len(n.Inputs) != 2 {
		return 0, fmt.Errorf("has %d inputs, want 2", len(n.Inputs))
	}
	a, err := c.operand(n, 0)
	if err != nil {
		return 0, err
	}
	b, err := c.operand(n, 1)
	if err != nil {
		return 0, err
	}
	if n.OpType == "Mul" && !a.isConst && !b.isConst {
		return c.lowerProduct(n, a, b)
	}
	if n.OpType == "Div" && !a.isConst && !b.isConst {
		return c.lowerDivide(n, a, b)
	}
	shape, ia, ib, err := broadcast2(a.shape, b.shape)
	if err != nil {
		return 0, err
	}
	l := newLinear(shape)
	var inA, inB source
	if !a.isConst {
		inA = l.source(a)
	}
	if !b.isConst {
		inB = l.source(b)
	}
	// add puts coef·o[idx] into row i: terms, or a bias for a constant.
	add := func(i int, o operand, in source, idx int, coef float64) {
		if o.isConst {
			l.addBias(i, coef*o.data[idx])
		} else {
			l.add(in, idx, coef)
		}
	}
	for i := range ia {
		switch n.OpType {
		case "Add", "Sub":
			sign := 1.0
			if n.OpType == "Sub" {
				sign = -1
			}
			add(i, a, inA, ia[i], 1)
			add(i, b, inB, ib[i], sign)
		case "Mul":
			switch {
			case a.isConst && b.isConst:
				return 0, errors.New("both factors are constants; this op should have been folded")
			case b.isConst:
				l.add(inA, ia[i], b.data[ib[i]])
			case a.isConst:
				l.add(inB, ib[i], a.data[ia[i]])
			default:
				return 0, errors.New("both factors are computed; zkml multiplies by constants only")
			}
		case "Div":
			if !b.isConst || a.isConst {
				return 0, errors.New("zkml divides computed values by constants only")
			}
			d := b.data[ib[i]]
			if d == 0 || math.IsNaN(d) || math.IsInf(d, 0) {
				return 0, fmt.Errorf("divides by the constant %g", d)
			}
			l.add(inA, ia[i], 1/d)
		}
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

func (c *compiler) lowerGemm(n *onnx.Node) (int, error) {
	a, err := c.operand(n, 0)
	if err != nil {
		return 0, err
	}
	b, err := c.operand(n, 1)
	if err != nil {
		return 0, err
	}
	m, k, sa, err := gemmOperand(a.shape, n.Int("transA", 0) != 0)
	if err != nil {
		return 0, fmt.Errorf("A: %w", err)
	}
	k2, nn, sb, err := gemmOperand(b.shape, n.Int("transB", 0) != 0)
	if err != nil {
		return 0, fmt.Errorf("B: %w", err)
	}
	if k != k2 {
		return 0, fmt.Errorf("A %v and B %v: inner dimensions %d and %d differ", a.shape, b.shape, k, k2)
	}
	if a.isConst == b.isConst {
		return 0, errors.New("zkml needs exactly one of A and B to be a constant")
	}
	alpha, beta := n.Float("alpha", 1), n.Float("beta", 1)
	shape := []int{m, nn}
	l := newLinear(shape)
	var cOp operand
	var ic []int
	var inC source
	if len(n.Inputs) > 2 && n.Inputs[2] != "" {
		if cOp, err = c.operand(n, 2); err != nil {
			return 0, err
		}
		if ic = tensor.BroadcastIndex(cOp.shape, shape); ic == nil {
			return 0, fmt.Errorf("C %v does not broadcast to %v", cOp.shape, shape)
		}
	}
	var inX source
	if !a.isConst {
		inX = l.source(a)
	} else {
		inX = l.source(b)
	}
	if ic != nil && !cOp.isConst {
		inC = l.source(cOp)
	}
	for i := range m {
		for j := range nn {
			for p := range k {
				ai, bi := sa[i*k+p], sb[p*nn+j]
				if !a.isConst {
					l.add(inX, ai, alpha*b.data[bi])
				} else {
					l.add(inX, bi, alpha*a.data[ai])
				}
			}
			if ic != nil {
				if cOp.isConst {
					l.addBias(i*nn+j, beta*cOp.data[ic[i*nn+j]])
				} else {
					l.add(inC, ic[i*nn+j], beta)
				}
			}
			l.endRow()
		}
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

func (c *compiler) lowerMatMul(n *onnx.Node) (int, error) {
	a, err := c.operand(n, 0)
	if err != nil {
		return 0, err
	}
	b, err := c.operand(n, 1)
	if err != nil {
		return 0, err
	}
	if sm := c.softmaxRows[n.Inputs[0]]; sm != nil && !b.isConst {
		return c.normalizedMatMul(n, sm, b)
	}
	if !a.isConst && !b.isConst {
		return c.lowerMatMulProduct(n, a, b)
	}
	if a.isConst == b.isConst {
		return 0, errors.New("zkml needs exactly one operand to be a constant")
	}
	mm, err := newMatmul(a.shape, b.shape)
	if err != nil {
		return 0, err
	}
	l := newLinear(mm.out)
	var in source
	if !a.isConst {
		in = l.source(a)
	} else {
		in = l.source(b)
	}
	for bi := range mm.aBatch {
		for i := range mm.m {
			for j := range mm.n {
				for p := range mm.k {
					ai, bj := mm.aBatch[bi]+i*mm.k+p, mm.bBatch[bi]+p*mm.n+j
					if !a.isConst {
						l.add(in, ai, b.data[bj])
					} else {
						l.add(in, bj, a.data[ai])
					}
				}
				l.endRow()
			}
		}
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

// windowTaps lists the in-bounds taps and padded counts of every output position.
func windowTaps(w *window) (taps [][]tap, padded []int) {
	n := tensor.Size(w.out)
	taps, padded = make([][]tap, n), make([]int, n)
	w.each(func(o int, t []tap, p int) {
		taps[o] = append([]tap(nil), t...)
		padded[o] = p
	})
	return taps, padded
}

func (c *compiler) lowerConv(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	w, err := c.operand(n, 1)
	if err != nil {
		return 0, err
	}
	if !w.isConst {
		return 0, errors.New("the weights must be a constant")
	}
	win, group, err := convGeometry(n, x.shape, w.shape)
	if err != nil {
		return 0, err
	}
	N, C, M := x.shape[0], x.shape[1], w.shape[0]
	var bias []float64
	if len(n.Inputs) > 2 && n.Inputs[2] != "" {
		b, err := c.operand(n, 2)
		if err != nil {
			return 0, err
		}
		if !b.isConst || len(b.data) != M {
			return 0, fmt.Errorf("the bias must be a constant with %d values", M)
		}
		bias = b.data
	}
	cg, mg := C/group, M/group
	inSp, kSz := tensor.Size(win.in), tensor.Size(win.kernel)
	taps, _ := windowTaps(win)
	l := newLinear(append([]int{N, M}, win.out...))
	in := l.source(x)
	row := 0
	for b := range N {
		for m := range M {
			c0 := (m / mg) * cg
			for _, ts := range taps {
				for ci := range cg {
					xb := (b*C + c0 + ci) * inSp
					wb := (m*cg + ci) * kSz
					for _, t := range ts {
						l.add(in, xb+t.in, w.data[wb+t.k])
					}
				}
				if bias != nil {
					l.addBias(row, bias[m])
				}
				l.endRow()
				row++
			}
		}
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

func (c *compiler) lowerPool(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	win, err := poolWindow(n, x.shape)
	if err != nil {
		return 0, err
	}
	taps, padded := windowTaps(win)
	planes := x.shape[0] * x.shape[1]
	inSp := tensor.Size(win.in)
	shape := append([]int{x.shape[0], x.shape[1]}, win.out...)
	if n.OpType == "MaxPool" {
		return c.emitMax(n.Name, x.t, shape, n.Outputs[0], func(yield func([]int) bool) {
			row := []int{}
			for p := range planes {
				for _, ts := range taps {
					row = row[:0]
					for _, t := range ts {
						row = append(row, p*inSp+t.in)
					}
					if !yield(row) {
						return
					}
				}
			}
		})
	}
	includePad := n.Int("count_include_pad", 0) != 0
	l := newLinear(shape)
	in := l.source(x)
	for p := range planes {
		for o, ts := range taps {
			d := len(ts)
			if includePad {
				d = padded[o]
			}
			if d == 0 {
				return 0, errors.New("a pooling window covers only padding")
			}
			for _, t := range ts {
				l.add(in, p*inSp+t.in, 1/float64(d))
			}
			l.endRow()
		}
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

func (c *compiler) lowerReduce(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	rd, err := reductionOf(c.g, n, x.shape)
	if err != nil {
		return 0, err
	}
	switch n.OpType {
	case "GlobalMaxPool", "ReduceMax":
		return c.emitMax(n.Name, x.t, rd.out, n.Outputs[0], func(yield func([]int) bool) {
			for _, row := range rd.rows {
				if !yield(row) {
					return
				}
			}
		})
	}
	l := newLinear(rd.out)
	in := l.source(x)
	for _, row := range rd.rows {
		if len(row) == 0 {
			return 0, errors.New("reduces over an empty axis")
		}
		coef := 1.0
		if n.OpType != "ReduceSum" {
			coef = 1 / float64(len(row))
		}
		for _, i := range row {
			l.add(in, i, coef)
		}
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

func (c *compiler) lowerBatchNorm(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	a, b, err := batchNormAffine(c.g, n, x.shape)
	if err != nil {
		return 0, err
	}
	ch := channelIndex(x.shape)
	l := newLinear(x.shape)
	in := l.source(x)
	for i := range tensor.Size(x.shape) {
		l.add(in, i, a[ch(i)])
		l.addBias(i, b[ch(i)])
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}
