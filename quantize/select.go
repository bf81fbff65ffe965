package quantize

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// OneHot and GatherElements at computed indices. Both start from the
// one-hot form of the index: with g_k = [i ≥ k] (compare.go),
//
//	[i = 0] = 1 − g_1,  [i = k] = g_k − g_{k+1},  [i = K−1] = g_{K−1},
//
// K−1 comparisons for K classes, exact for i in [0, K); an index below 0
// selects 0 and one beyond K−1 selects K−1, where ONNX counts negative
// indices from the end or fails. OneHot is then affine in it;
// GatherElements is affine in it when the data are constant and a sum of
// products (OpMul, one per candidate) when they are computed.

// oneHot emits the one-hot form of the integer tensor t over K classes: a
// tensor of size(t)·K elements, element j·K+k being [t_j = k].
func (c *compiler) oneHot(node, name string, t, K int) (int, error) {
	n := c.p.Tensors[t].Size()
	if K == 1 {
		return 0, errors.New("one class: the selection is constant and should have been folded")
	}
	ai, bi := make([]int, 0, (K-1)*n), make([]int, 0, (K-1)*n)
	thresholds := make([]float64, K-1)
	for k := 1; k < K; k++ {
		thresholds[k-1] = float64(k)
		for j := range n {
			ai, bi = append(ai, j), append(bi, k-1)
		}
	}
	ge, err := c.compare(node, name+"/at_least", part{o: operand{t: t}, idx: ai},
		part{o: operand{isConst: true, data: thresholds}, idx: bi}, "GreaterOrEqual", []int{(K - 1) * n})
	if err != nil {
		return 0, err
	}
	g := func(k, j int) int { return (k-1)*n + j } // g_k of element j
	op := Op{Kind: OpAffine, Node: node, In: []int{ge}, RowStart: make([]int32, 1, n*K+1), Bias: make([]int64, n*K)}
	for j := range n {
		for k := range K {
			if k == 0 {
				op.Bias[j*K] = 1
			} else {
				op.Terms = append(op.Terms, Term{In: 0, Idx: int32(g(k, j)), Coeff: 1})
			}
			if k+1 < K {
				op.Terms = append(op.Terms, Term{In: 0, Idx: int32(g(k+1, j)), Coeff: -1})
			}
			op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		}
	}
	o := c.appendOp(op, name, []int{n * K}, 0)
	c.p.Tensors[o].MaxAbs = 1
	return o, nil
}

// checkSelect is Check's verdict on OneHot and GatherElements.
func checkSelect(g *onnx.Graph, n *onnx.Node) error {
	idx := 0
	if n.OpType == "GatherElements" {
		idx = 1
		if len(n.Inputs) != 2 {
			return fmt.Errorf("has %d inputs, want 2", len(n.Inputs))
		}
	} else if len(n.Inputs) != 3 || g.Constants[n.Inputs[1]] == nil || g.Constants[n.Inputs[2]] == nil {
		return errors.New("depth and values must be constants")
	}
	if g.Constants[n.Inputs[idx]] == nil && !integerValues(g)[n.Inputs[idx]] {
		return fmt.Errorf("the indices %q are not provably integers", n.Inputs[idx])
	}
	return nil
}

func (c *compiler) lowerOneHot(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	t, err := c.materialized(x)
	if err != nil {
		return 0, err
	}
	depth, values := c.g.Constants[n.Inputs[1]], c.g.Constants[n.Inputs[2]]
	if depth == nil || values == nil || depth.Len() != 1 || values.Len() != 2 {
		return 0, errors.New("depth (one value) and values (off, on) must be constants")
	}
	K := int(depth.At(0))
	off, on := values.At(0), values.At(1)
	ax := int(n.Int("axis", -1))
	if ax < 0 || ax > len(x.shape) || K < 1 || K > tensor.MaxElements {
		return 0, fmt.Errorf("axis %d or depth %d out of range", ax, K)
	}
	shape := append(append(append([]int{}, x.shape[:ax]...), K), x.shape[ax:]...)
	if err := tensor.CheckShape(shape); err != nil {
		return 0, err
	}
	oh, err := c.oneHot(n.Name, n.Outputs[0]+"/onehot", t, K)
	if err != nil {
		return 0, err
	}
	l := newLinear(shape)
	in := l.input(oh)
	post := tensor.Size(x.shape[ax:])
	for i := range tensor.Size(shape) {
		k := (i / post) % K
		j := (i/(post*K))*post + i%post
		l.term(in, j*K+k, on-off)
		l.addBias(i, off)
		l.endRow()
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}

func (c *compiler) lowerGatherElements(n *onnx.Node) (int, error) {
	data, err := c.operand(n, 0)
	if err != nil {
		return 0, err
	}
	idx, err := c.operand(n, 1)
	if err != nil {
		return 0, err
	}
	ax := int(n.Int("axis", 0))
	if ax < 0 || ax >= len(data.shape) || len(idx.shape) != len(data.shape) {
		return 0, fmt.Errorf("data %v, indices %v and axis %d do not match", data.shape, idx.shape, ax)
	}
	K := data.shape[ax]
	// The data element that output i reads when its index is k.
	ds, is := tensor.Strides(data.shape), tensor.Strides(idx.shape)
	cand := func(i, k int) int {
		s := 0
		for d := range idx.shape {
			c := (i / is[d]) % idx.shape[d]
			if d == ax {
				c = k
			}
			s += c * ds[d]
		}
		return s
	}
	size := tensor.Size(idx.shape)
	if idx.isConst { // data movement
		src, err := onnx.GatherElementsIndex(data.shape, idx.shape, ax, func(i int) int64 { return int64(idx.data[i]) })
		if err != nil {
			return 0, err
		}
		l := newLinear(idx.shape)
		in := l.source(data)
		for _, s := range src {
			l.add(in, s, 1)
			l.endRow()
		}
		return c.emitAffine(n.Name, l, n.Outputs[0], true)
	}
	ti, err := c.materialized(idx)
	if err != nil {
		return 0, err
	}
	if K == 1 { // the only valid index is 0 (or −1): data movement
		l := newLinear(idx.shape)
		var src source
		if !data.isConst {
			src = l.source(data)
		}
		for i := range size {
			if data.isConst {
				l.addBias(i, data.data[cand(i, 0)])
			} else {
				l.add(src, cand(i, 0), 1)
			}
			l.endRow()
		}
		if data.isConst {
			return 0, errors.New("a constant table of one entry should have been folded")
		}
		return c.emitAffine(n.Name, l, n.Outputs[0], true)
	}
	oh, err := c.oneHot(n.Name, n.Outputs[0]+"/onehot", ti, K)
	if err != nil {
		return 0, err
	}
	if data.isConst {
		l := newLinear(idx.shape)
		in := l.input(oh)
		for i := range size {
			for k := range K {
				l.term(in, i*K+k, data.data[cand(i, k)])
			}
			l.endRow()
		}
		return c.emitAffine(n.Name, l, n.Outputs[0], false)
	}
	td, err := c.materialized(data)
	if err != nil {
		return 0, err
	}
	if td, err = c.inRange(n.Name, td); err != nil {
		return 0, err
	}
	return c.emitMul(n, td, oh, idx.shape, K, func(r, p int) (int, int) { return cand(r, p), r*K + p })
}

func floatOneHot(n *onnx.Node, ins []*fval) (*fval, error) {
	if len(ins) != 3 || ins[1] == nil || ins[2] == nil || len(ins[1].data) != 1 || len(ins[2].data) != 2 {
		return nil, errors.New("needs indices, depth and values (off, on)")
	}
	x, K := ins[0], int(ins[1].data[0])
	ax := int(n.Int("axis", -1))
	shape := append(append(append([]int{}, x.shape[:ax]...), K), x.shape[ax:]...)
	out := &fval{shape: shape, data: make([]float64, tensor.Size(shape))}
	post := tensor.Size(x.shape[ax:])
	for i := range out.data {
		k := (i / post) % K
		v := int(x.data[(i/(post*K))*post+i%post])
		if v < 0 {
			v += K
		}
		out.data[i] = ins[2].data[0]
		if v == k {
			out.data[i] = ins[2].data[1]
		}
	}
	return out, nil
}

func floatGatherElements(n *onnx.Node, ins []*fval) (*fval, error) {
	if len(ins) != 2 || ins[1] == nil {
		return nil, errors.New("needs data and indices")
	}
	x, idx := ins[0], ins[1]
	src, err := onnx.GatherElementsIndex(x.shape, idx.shape, int(n.Int("axis", 0)), func(i int) int64 { return int64(idx.data[i]) })
	if err != nil {
		return nil, err
	}
	out := &fval{shape: idx.shape, data: make([]float64, len(src))}
	for i, s := range src {
		out.data[i] = x.data[s]
	}
	return out, nil
}
