package quantize

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
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
	op := plan.Op{Kind: plan.OpAffine, Node: node, In: []int{ge}, RowStart: make([]int32, 1, n*K+1), Bias: make([]int64, n*K)}
	for j := range n {
		for k := range K {
			if k == 0 {
				op.Bias[j*K] = 1
			} else {
				op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(g(k, j)), Coeff: 1})
			}
			if k+1 < K {
				op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(g(k+1, j)), Coeff: -1})
			}
			op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		}
	}
	o := c.appendOp(op, name, []int{n * K}, 0)
	c.p.Tensors[o].MaxAbs = 1
	return o, nil
}

// checkSelect is Check's verdict on OneHot, GatherElements and
// ScatterElements.
func checkSelect(g *onnx.Graph, n *onnx.Node) error {
	idx := 0
	if n.OpType == "ScatterElements" {
		idx = 1
		if len(n.Inputs) != 3 {
			return fmt.Errorf("has %d inputs, want 3", len(n.Inputs))
		}
	} else if n.OpType == "GatherElements" {
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

// lowerScatterElements lowers ScatterElements. At constant indices it is
// data movement (with reduction add, a sum). At computed indices, with
// h_e,k = [index_e = k] the one-hot form of the indices and, for data
// element p at position j along the axis, e_1..e_n the index elements that
// can write it, the weight of update e_k is
//
//	w_p,k = [h_e_k,j − Σ_{m>k} h_e_m,j ≥ 1]   (reduction none: the last hit)
//	w_p,k = h_e_k,j                          (reduction add: every hit)
//
// one clamp (compare.go's minOne) each for reduction none, so that repeated
// indices keep the last update as ONNX Runtime does. The output is then
//
//	data_p·(1 − Σ_k w_p,k) + Σ_k w_p,k·update_e_k   (none)
//	data_p + Σ_k w_p,k·update_e_k                   (add)
//
// one OpMul row of 1 + n products per data element, or an affine map when
// data and updates are constants. As for GatherElements, a computed index
// below 0 writes position 0 and one beyond the axis its last position,
// where ONNX counts negative indices from the end.
func (c *compiler) lowerScatterElements(n *onnx.Node) (int, error) {
	if len(n.Inputs) != 3 {
		return 0, fmt.Errorf("has %d inputs, want 3", len(n.Inputs))
	}
	var ops [3]operand
	for i := range ops {
		o, err := c.operand(n, i)
		if err != nil {
			return 0, err
		}
		if !o.isConst {
			if o.t, err = c.materialized(o); err != nil {
				return 0, err
			}
			o.p = nil
		}
		ops[i] = o
	}
	data, idx, upd := ops[0], ops[1], ops[2]
	ax := int(n.Int("axis", 0))
	if ax < 0 || ax >= len(data.shape) || len(idx.shape) != len(data.shape) || !slices.Equal(idx.shape, upd.shape) {
		return 0, fmt.Errorf("data %v, indices %v, updates %v and axis %d do not match", data.shape, idx.shape, upd.shape, ax)
	}
	add := n.String("reduction", "none") == "add"
	K := data.shape[ax]
	if !idx.isConst && K == 1 { // the only valid index is 0 (or −1)
		idx = operand{isConst: true, shape: idx.shape, data: make([]float64, tensor.Size(idx.shape))}
	}
	if idx.isConst {
		return c.lowerScatterMovement(n, data, idx, upd, add)
	}
	D := tensor.Size(data.shape)
	out := n.Outputs[0]
	writers := scatterWriters(data.shape, idx.shape, ax)
	nw := idx.shape[ax]
	w, err := c.scatterWeights(n, idx.t, writers, K, add)
	if err != nil {
		return 0, err
	}
	if data.isConst && upd.isConst {
		l := newLinear(data.shape)
		in := l.input(w)
		for p := range D {
			l.addBias(p, data.data[p])
			for k, e := range writers.of(p) {
				coef := upd.data[e]
				if !add {
					coef -= data.data[p]
				}
				l.term(in, p*nw+k, coef)
			}
			l.endRow()
		}
		return c.emitAffine(n.Name, l, out, false)
	}
	// a = [data, updates] at one scale, constants as biases.
	lowest := math.MaxInt
	for _, o := range []operand{data, upd} {
		if !o.isConst {
			lowest = min(lowest, c.p.Tensors[o.t].Scale)
		}
	}
	la := newLinear([]int{D + tensor.Size(upd.shape)})
	for _, o := range []operand{data, upd} {
		var in int32
		if !o.isConst {
			t, err := c.rescale(n.Name, o.t, lowest)
			if err != nil {
				return 0, err
			}
			in = la.input(t)
		}
		for i := range tensor.Size(o.shape) {
			if o.isConst {
				la.addBias(len(la.rowStart)-1, o.data[i])
			} else {
				la.term(in, i, 1)
			}
			la.endRow()
		}
	}
	c.ranged[out+"/values"] = true // a product reads it
	a, err := c.emit(n.Name, la, out+"/values", true)
	if err != nil {
		return 0, err
	}
	if a, err = c.inRange(n.Name, a); err != nil {
		return 0, err
	}
	// b = [1 − Σ_k w_p,k (or 1), w] at scale 0.
	bop := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{w}, RowStart: make([]int32, 1, D*(nw+1)+1), Bias: make([]int64, D*(nw+1))}
	for p := range D {
		bop.Bias[p] = 1
		if !add {
			for k := range nw {
				bop.Terms = append(bop.Terms, plan.Term{In: 0, Idx: int32(p*nw + k), Coeff: -1})
			}
		}
		bop.RowStart = append(bop.RowStart, int32(len(bop.Terms)))
	}
	for i := range D * nw {
		bop.Terms = append(bop.Terms, plan.Term{In: 0, Idx: int32(i), Coeff: 1})
		bop.RowStart = append(bop.RowStart, int32(len(bop.Terms)))
	}
	b := c.appendOp(bop, out+"/weights", []int{D * (nw + 1)}, 0)
	return c.emitMul(n, a, b, data.shape, 1+nw, func(p, k int) (int, int) {
		if k == 0 {
			return p, p
		}
		ws := writers.of(p)
		if len(ws) == 0 { // w_p,k is 0
			return 0, D + p*nw + k - 1
		}
		return D + ws[k-1], D + p*nw + k - 1
	})
}

// scatterWeights emits the weights w_p,k of lowerScatterElements, element
// p·n + k for the n index elements along the axis.
func (c *compiler) scatterWeights(n *onnx.Node, idx int, writers *scatter, K int, add bool) (int, error) {
	out := n.Outputs[0]
	oh, err := c.oneHot(n.Name, out+"/onehot", idx, K)
	if err != nil {
		return 0, err
	}
	D, nw := tensor.Size(writers.data), writers.idx[writers.ax]
	op := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{oh}, RowStart: make([]int32, 1, D*nw+1)}
	for p := range D {
		j, ws := writers.axisPos(p), writers.of(p)
		for k := range nw {
			if ws != nil {
				op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(ws[k]*K + j), Coeff: 1})
				if !add {
					for _, e := range ws[k+1:] {
						op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(e*K + j), Coeff: -1})
					}
				}
			}
			op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		}
	}
	if add {
		o := c.appendOp(op, out+"/hits", []int{D * nw}, 0)
		c.p.Tensors[o].MaxAbs = 1
		return o, nil
	}
	last := c.appendOp(op, out+"/later_hits", []int{D * nw}, 0)
	return c.minOne(n.Name, out+"/last_hit", last, []int{D * nw}), nil
}

// lowerScatterMovement is ScatterElements at constant indices.
func (c *compiler) lowerScatterMovement(n *onnx.Node, data, idx, upd operand, add bool) (int, error) {
	ax := int(n.Int("axis", 0))
	dst, err := onnx.GatherElementsIndex(data.shape, idx.shape, ax, func(i int) int64 { return int64(idx.data[i]) })
	if err != nil {
		return 0, err
	}
	D := tensor.Size(data.shape)
	writers := make([][]int, D)
	for e, d := range dst {
		if add {
			writers[d] = append(writers[d], e)
		} else {
			writers[d] = []int{e} // the last one wins
		}
	}
	l := newLinear(data.shape)
	var sd, su source
	if !data.isConst {
		sd = l.source(data)
	}
	if !upd.isConst {
		su = l.source(upd)
	}
	for p := range D {
		if add || len(writers[p]) == 0 {
			if data.isConst {
				l.addBias(p, data.data[p])
			} else {
				l.add(sd, p, 1)
			}
		}
		for _, e := range writers[p] {
			if upd.isConst {
				l.addBias(p, upd.data[e])
			} else {
				l.add(su, e, 1)
			}
		}
		l.endRow()
	}
	if len(l.ins) == 0 {
		return 0, errors.New("data and updates are constants; this op should have been folded")
	}
	return c.emitAffine(n.Name, l, n.Outputs[0], !add)
}

// scatter lists, for every data element of a ScatterElements, the index
// elements that may write it: those at the same position on every axis
// but the scatter axis.
type scatter struct {
	data, idx []int
	ax        int
	ds, is    []int
}

func scatterWriters(data, idx []int, ax int) *scatter {
	return &scatter{data: data, idx: idx, ax: ax, ds: tensor.Strides(data), is: tensor.Strides(idx)}
}

// axisPos is data element p's coordinate along the axis.
func (s *scatter) axisPos(p int) int { return (p / s.ds[s.ax]) % s.data[s.ax] }

// of returns the index elements that can write data element p, in order
// along the axis (none when p lies beyond the indices on another axis).
func (s *scatter) of(p int) []int {
	base := 0
	for d := range s.data {
		c := (p / s.ds[d]) % s.data[d]
		if d == s.ax {
			continue
		}
		if c >= s.idx[d] {
			return nil
		}
		base += c * s.is[d]
	}
	w := make([]int, s.idx[s.ax])
	for k := range w {
		w[k] = base + k*s.is[s.ax]
	}
	return w
}
