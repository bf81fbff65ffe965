package quantize

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Elementwise maxima and minima (Max, Min, Clip, ReduceMin) and sums (Sum,
// Mean). The plan has one comparison, OpMax over the terms of a row of one
// tensor; minima are maxima of negated values (min(a, b) = −max(−a, −b)),
// and the negations are free exact affine ops.

// part is one operand of an elementwise op with its broadcast index map.
type part struct {
	o   operand
	idx []int // per output element: the operand's element
}

// broadcastParts reads every input of n and maps them onto their broadcast shape.
func (c *compiler) broadcastParts(n *onnx.Node) ([]part, []int, error) {
	if len(n.Inputs) == 0 {
		return nil, nil, errors.New("the node has no inputs")
	}
	parts := make([]part, len(n.Inputs))
	shapes := make([][]int, len(n.Inputs))
	for i := range n.Inputs {
		o, err := c.operand(n, i)
		if err != nil {
			return nil, nil, err
		}
		parts[i].o, shapes[i] = o, o.shape
	}
	shape, err := tensor.BroadcastShape(shapes...)
	if err != nil {
		return nil, nil, err
	}
	for i := range parts {
		parts[i].idx = tensor.BroadcastIndex(parts[i].o.shape, shape)
	}
	return parts, shape, nil
}

// stack emits sign·parts (all of one output shape) side by side as one
// tensor of len(parts)·size(shape) elements, at the lowest scale of the
// computed parts, so that an OpMax can compare them; constants become biases.
func (c *compiler) stack(node, name string, parts []part, shape []int, sign float64) (int, error) {
	lowest := math.MaxInt
	for _, pt := range parts {
		if !pt.o.isConst {
			lowest = min(lowest, c.p.Tensors[pt.o.t].Scale)
		}
	}
	if lowest == math.MaxInt {
		return 0, errors.New("every input is a constant; this op should have been folded")
	}
	n := tensor.Size(shape)
	l := newLinear([]int{len(parts) * n})
	for _, pt := range parts {
		var in int32
		if !pt.o.isConst {
			t, err := c.rescale(node, pt.o.t, lowest)
			if err != nil {
				return 0, err
			}
			in = l.input(t)
		}
		for i := range n {
			if pt.o.isConst {
				l.addBias(len(l.rowStart)-1, sign*pt.o.data[pt.idx[i]])
			} else {
				l.term(in, pt.idx[i], sign)
			}
			l.endRow()
		}
	}
	c.ranged[name] = true // an OpMax reads it
	t, err := c.emit(node, l, name, true)
	if err != nil {
		return 0, err
	}
	m := 0.0 // for reports: the stack holds the parts' values
	for _, pt := range parts {
		if pt.o.isConst {
			for _, v := range pt.o.data {
				m = max(m, math.Abs(v))
			}
		} else {
			m = max(m, c.p.Tensors[pt.o.t].MaxAbs)
		}
	}
	c.p.Tensors[t].MaxAbs = m
	return t, nil
}

// maxOfStack emits the elementwise maximum of the k stacked copies.
func (c *compiler) maxOfStack(node string, t, k int, shape []int, out string) (int, error) {
	n := tensor.Size(shape)
	return c.emitMax(node, t, shape, out, func(yield func([]int) bool) {
		row := make([]int, k)
		for i := range n {
			for j := range k {
				row[j] = j*n + i
			}
			if !yield(row) {
				return
			}
		}
	})
}

// negate emits out = −t, which later readers may fold.
func (c *compiler) negate(node string, t int, out string) (int, error) {
	return c.scaled(node, t, -1, out)
}

// scaled emits out = coef·t as data movement (coef ±1).
func (c *compiler) scaled(node string, t int, coef float64, out string) (int, error) {
	shape := c.p.Tensors[t].Shape
	l := newLinear(shape)
	in := l.input(t)
	for i := range tensor.Size(shape) {
		l.term(in, i, coef)
		l.endRow()
	}
	return c.emitAffine(node, l, out, true)
}

func (c *compiler) lowerMaxMin(n *onnx.Node) (int, error) {
	parts, shape, err := c.broadcastParts(n)
	if err != nil {
		return 0, err
	}
	sign := 1.0
	if n.OpType == "Min" {
		sign = -1
	}
	out := n.Outputs[0]
	s, err := c.stack(n.Name, out+"/stacked", parts, shape, sign)
	if err != nil {
		return 0, err
	}
	if sign > 0 {
		return c.maxOfStack(n.Name, s, len(parts), shape, out)
	}
	m, err := c.maxOfStack(n.Name, s, len(parts), shape, out+"/negated")
	if err != nil {
		return 0, err
	}
	c.p.Tensors[m].MaxAbs = c.cal.MaxAbs[out]
	return c.negate(n.Name, m, out)
}

// lowerClip computes min(max(x, lo), hi), each bound only when finite; a
// lower bound of 0 is a Relu.
func (c *compiler) lowerClip(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	lo, hi := n.Float("min", math.Inf(-1)), n.Float("max", math.Inf(1))
	if math.IsNaN(lo) || math.IsNaN(hi) || lo > hi {
		return 0, fmt.Errorf("min %g and max %g do not form an interval", lo, hi)
	}
	out := n.Outputs[0]
	t := x.t
	ident := make([]int, tensor.Size(x.shape))
	for i := range ident {
		ident[i] = i
	}
	constant := func(v float64) part {
		return part{o: operand{isConst: true, data: []float64{v}}, idx: make([]int, len(ident))}
	}
	name := out
	if !math.IsInf(hi, 1) {
		name = out + "/lower"
	}
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return c.scaled(n.Name, t, 1, out) // no bound at all: a copy
	case lo == 0:
		if t, err = c.inRange(n.Name, t); err != nil {
			return 0, err
		}
		src := c.p.Tensors[t]
		r := c.newTensor(name, src.Shape, src.Scale, src.Bound, c.cal.MaxAbs[out])
		c.p.Ops = append(c.p.Ops, plan.Op{Kind: plan.OpRelu, Node: n.Name, In: []int{t}, Out: r})
		t = r
	case !math.IsInf(lo, -1):
		s, err := c.stack(n.Name, name+"/stacked", []part{{o: operand{t: t, shape: x.shape}, idx: ident}, constant(lo)}, x.shape, 1)
		if err != nil {
			return 0, err
		}
		if t, err = c.maxOfStack(n.Name, s, 2, x.shape, name); err != nil {
			return 0, err
		}
		c.p.Tensors[t].MaxAbs = c.cal.MaxAbs[out]
	}
	if math.IsInf(hi, 1) {
		return t, nil
	}
	s, err := c.stack(n.Name, out+"/stacked", []part{{o: operand{t: t, shape: x.shape}, idx: ident}, constant(hi)}, x.shape, -1)
	if err != nil {
		return 0, err
	}
	m, err := c.maxOfStack(n.Name, s, 2, x.shape, out+"/negated")
	if err != nil {
		return 0, err
	}
	c.p.Tensors[m].MaxAbs = c.cal.MaxAbs[out]
	return c.negate(n.Name, m, out)
}

func (c *compiler) lowerReduceMin(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	rd, err := reductionOf(c.g, n, x.shape)
	if err != nil {
		return 0, err
	}
	ident := make([]int, tensor.Size(x.shape))
	for i := range ident {
		ident[i] = i
	}
	out := n.Outputs[0]
	s, err := c.stack(n.Name, out+"/stacked", []part{{o: x, idx: ident}}, x.shape, -1)
	if err != nil {
		return 0, err
	}
	m, err := c.emitMax(n.Name, s, rd.out, out+"/negated", func(yield func([]int) bool) {
		for _, row := range rd.rows {
			if !yield(row) {
				return
			}
		}
	})
	if err != nil {
		return 0, err
	}
	c.p.Tensors[m].MaxAbs = c.cal.MaxAbs[out]
	return c.negate(n.Name, m, out)
}

func (c *compiler) lowerSum(n *onnx.Node) (int, error) {
	parts, shape, err := c.broadcastParts(n)
	if err != nil {
		return 0, err
	}
	coef := 1.0
	if n.OpType == "Mean" {
		coef = 1 / float64(len(parts))
	}
	l := newLinear(shape)
	src := make([]source, len(parts))
	for j, pt := range parts {
		if !pt.o.isConst {
			src[j] = l.source(pt.o)
		}
	}
	for i := range tensor.Size(shape) {
		for j, pt := range parts {
			if pt.o.isConst {
				l.addBias(i, coef*pt.o.data[pt.idx[i]])
			} else {
				l.add(src[j], pt.idx[i], coef)
			}
		}
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}
