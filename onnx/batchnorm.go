package onnx

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
)

// foldBatchNorm folds every BatchNormalization that directly follows a Conv
// or Gemm into that node's weights and bias: BN is a per-channel affine map
// y = scale·x + bias, and composing it with the (affine) Conv or Gemm costs
// nothing in a circuit, while a separate BN op would. It applies only when
// the Conv/Gemm output feeds nothing else and all weights are constants.
func foldBatchNorm(g *Graph) error {
	producer := map[string]*Node{}
	uses := map[string]int{}
	for _, n := range g.Nodes {
		for _, o := range n.Outputs {
			producer[o] = n
		}
		for _, in := range n.Inputs {
			uses[in]++
		}
	}
	for _, o := range g.Outputs {
		uses[o.Name]++
	}
	removed := map[*Node]bool{}
	for _, bn := range g.Nodes {
		if bn.OpType != "BatchNormalization" || countOutputs(bn) != 1 {
			continue
		}
		p := producer[bn.Inputs[0]]
		if p == nil || removed[p] || (p.OpType != "Conv" && p.OpType != "Gemm") || uses[p.Outputs[0]] != 1 {
			continue
		}
		var params [4]*Tensor
		ok := true
		for i := range params {
			params[i] = g.Constants[bn.Inputs[i+1]]
			ok = ok && params[i] != nil
		}
		w := g.Constants[p.Inputs[1]]
		var b *Tensor
		if len(p.Inputs) > 2 && p.Inputs[2] != "" {
			b = g.Constants[p.Inputs[2]]
			ok = ok && b != nil
		}
		if !ok || w == nil || !w.DType.IsFloat() {
			continue
		}
		scale, bias := bnAffine(params[0], params[1], params[2], params[3], bn.Float("epsilon", 1e-5))
		var err error
		if p.OpType == "Conv" {
			err = foldIntoConv(g, p, w, b, scale, bias)
		} else {
			err = foldIntoGemm(g, p, w, b, scale, bias)
		}
		if err != nil {
			return fmt.Errorf("%s: folding %s into it: %w", p.Describe(), bn.Describe(), err)
		}
		// p now computes BN's output directly
		delete(g.Values, p.Outputs[0])
		p.Outputs[0] = bn.Outputs[0]
		removed[bn] = true
	}
	if len(removed) > 0 {
		kept := g.Nodes[:0]
		for _, n := range g.Nodes {
			if !removed[n] {
				kept = append(kept, n)
			}
		}
		g.Nodes = kept
	}
	return nil
}

// countOutputs counts the outputs a node really produces (not omitted).
func countOutputs(n *Node) int {
	k := 0
	for _, o := range n.Outputs {
		if o != "" {
			k++
		}
	}
	return k
}

// uniqueConst stores t under a new name derived from base.
func uniqueConst(g *Graph, base string, t *Tensor) string {
	name := base
	for i := 1; ; i++ {
		_, c := g.Constants[name]
		_, v := g.Values[name]
		if !c && !v {
			break
		}
		name = fmt.Sprintf("%s_%d", base, i)
	}
	g.Constants[name] = t
	return name
}

func foldIntoConv(g *Graph, conv *Node, w, b *Tensor, scale, bias []float64) error {
	m := w.Shape[0]
	if len(scale) != m {
		return fmt.Errorf("%d BN channels for %d conv output channels", len(scale), m)
	}
	nw := &Tensor{DType: w.DType, Shape: clone(w.Shape), Float: make([]float64, w.Len())}
	per := w.Len() / max(m, 1)
	for i := range nw.Float {
		nw.set(i, w.Float[i]*scale[i/per])
	}
	nb := &Tensor{DType: w.DType, Shape: []int{m}, Float: make([]float64, m)}
	for j := range m {
		v := bias[j]
		if b != nil {
			v += b.At(j) * scale[j]
		}
		nb.set(j, v)
	}
	conv.Inputs = append(conv.Inputs[:1], uniqueConst(g, conv.Name+"/bn_folded_weight", nw), uniqueConst(g, conv.Name+"/bn_folded_bias", nb))
	return nil
}

func foldIntoGemm(g *Graph, gemm *Node, w, c *Tensor, scale, bias []float64) error {
	if len(w.Shape) != 2 {
		return fmt.Errorf("weight shape %v is not a matrix", w.Shape)
	}
	transB := gemm.Int("transB", 0) == 1
	n := w.Shape[1]
	if transB {
		n = w.Shape[0]
	}
	if len(scale) != n {
		return fmt.Errorf("%d BN channels for %d Gemm outputs", len(scale), n)
	}
	out, ok := g.Values[gemm.Outputs[0]]
	if !ok || len(out.Shape) != 2 {
		return fmt.Errorf("output %q has no known matrix shape", gemm.Outputs[0])
	}
	rows := out.Shape[0]
	nw := &Tensor{DType: w.DType, Shape: clone(w.Shape), Float: make([]float64, w.Len())}
	for i := range nw.Float {
		col := i % w.Shape[1] // output column j of B = [K, N]
		if transB {
			col = i / w.Shape[1] // row j of B = [N, K]
		}
		nw.set(i, w.Float[i]*scale[col])
	}
	// New C = scale·(beta·C) + bias, per column, or per element when C
	// varies along the rows.
	beta := gemm.Float("beta", 1)
	cshape := []int{n}
	if c != nil && len(c.Shape) == 2 && c.Shape[0] == rows && rows > 1 {
		cshape = []int{rows, n}
	}
	var cmap []int // index into C for each element of [rows, n]
	if c != nil {
		cmap = tensor.BroadcastIndex(c.Shape, []int{rows, n})
		if cmap == nil {
			return fmt.Errorf("bias shape %v does not broadcast to [%d %d]", c.Shape, rows, n)
		}
	}
	nc := &Tensor{DType: w.DType, Shape: cshape, Float: make([]float64, tensor.Size(cshape))}
	for i := range nc.Float {
		j := i % n
		v := bias[j]
		if c != nil {
			v += scale[j] * beta * c.At(cmap[i])
		}
		nc.set(i, v)
	}
	gemm.Inputs = append(gemm.Inputs[:1], uniqueConst(g, gemm.Name+"/bn_folded_weight", nw), uniqueConst(g, gemm.Name+"/bn_folded_bias", nc))
	gemm.Attrs["beta"] = &Attr{Kind: AttrFloat, Float: 1}
	return nil
}
