package quantize

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// ArgMax, ArgMin, and Gather from a constant table at a computed index, in
// the comparisons of compare.go:
//
//	argmax of row x_0..x_{K−1}: m = max_k x_k, e_k = [x_k ≥ m],
//	p_k = min(1, e_0 + … + e_k) (some maximum at or before k), and
//	argmax = Σ_{k<K−1} (1 − p_k), the index of the first maximum;
//
//	table[i] = table[0] + Σ_{k=1}^{K−1} [i ≥ k]·(table[k] − table[k−1]),
//	affine in K−1 comparisons of the index (indices below 0 read entry 0
//	and beyond K−1 entry K−1, where ONNX would count negative indices from
//	the end or fail).
//
// Ties go to the first index, as ONNX's select_last_index = 0 says; ArgMin
// is the ArgMax of −x.

func (c *compiler) lowerArgMax(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	t, err := c.materialized(x)
	if err != nil {
		return 0, err
	}
	out := n.Outputs[0]
	if n.OpType == "ArgMin" {
		if t, err = c.scaled(n.Name, t, -1, out+"/negated"); err != nil {
			return 0, err
		}
	}
	if t, err = c.inRange(n.Name, t); err != nil {
		return 0, err
	}
	ax := int(n.Int("axis", 0))
	if ax < 0 || ax >= len(x.shape) || x.shape[ax] == 0 {
		return 0, fmt.Errorf("axis %d of shape %v is empty or missing", ax, x.shape)
	}
	rows := onnx.ArgMaxRows(x.shape, ax)
	R, K := len(rows), x.shape[ax]
	m, err := c.emitMax(n.Name, t, []int{R}, out+"/max", func(yield func([]int) bool) {
		for _, row := range rows {
			if !yield(row) {
				return
			}
		}
	})
	if err != nil {
		return 0, err
	}
	// e[r·K+k] = [x_{r,k} ≥ m_r].
	xi, mi := make([]int, 0, R*K), make([]int, 0, R*K)
	for r, row := range rows {
		for _, j := range row {
			xi, mi = append(xi, j), append(mi, r)
		}
	}
	e, err := c.compare(n.Name, out+"/is_max", part{o: operand{t: t}, idx: xi}, part{o: operand{t: m}, idx: mi}, "GreaterOrEqual", []int{R * K})
	if err != nil {
		return 0, err
	}
	// Prefix counts of maxima, then p = min(1, count).
	cnt := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{e}, RowStart: make([]int32, 1, R*K+1)}
	for r := range R {
		for k := range K {
			for j := 0; j <= k; j++ {
				cnt.Terms = append(cnt.Terms, plan.Term{In: 0, Idx: int32(r*K + j), Coeff: 1})
			}
			cnt.RowStart = append(cnt.RowStart, int32(len(cnt.Terms)))
		}
	}
	p := c.minOne(n.Name, out+"/seen", c.appendOp(cnt, out+"/count", []int{R * K}, 0), []int{R * K})
	res := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{p}, RowStart: make([]int32, 1, R+1), Bias: make([]int64, R)}
	for r := range R {
		res.Bias[r] = int64(K - 1)
		for k := range K - 1 {
			res.Terms = append(res.Terms, plan.Term{In: 0, Idx: int32(r*K + k), Coeff: -1})
		}
		res.RowStart = append(res.RowStart, int32(len(res.Terms)))
	}
	shape, ok := c.g.Shape(out)
	if !ok {
		shape = []int{R}
	}
	o := c.appendOp(res, out, shape, 0)
	c.p.Tensors[o].MaxAbs = float64(K - 1)
	return o, nil
}

// lowerGatherTable lowers Gather from a constant table at computed integer
// indices by the telescoping sum above.
func (c *compiler) lowerGatherTable(n *onnx.Node) (int, error) {
	data := c.g.Constants[n.Inputs[0]]
	if data == nil {
		return 0, errors.New("the table must be a constant")
	}
	idx, err := c.activation(n, 1)
	if err != nil {
		return 0, err
	}
	ti, err := c.materialized(idx)
	if err != nil {
		return 0, err
	}
	ax, err := tensor.NormAxis(n.Int("axis", 0), len(data.Shape))
	if err != nil {
		return 0, err
	}
	K := data.Shape[ax]
	if K < 2 { // one entry: the index can only be 0
		return 0, errors.New("a table of one entry along the axis should have been folded")
	}
	ni := tensor.Size(idx.shape)
	out := n.Outputs[0]
	// ge[(k−1)·ni + j] = [idx_j ≥ k], k = 1..K−1.
	var ge int
	{
		ai, bi := make([]int, 0, (K-1)*ni), make([]int, 0, (K-1)*ni)
		thresholds := make([]float64, K-1)
		for k := 1; k < K; k++ {
			thresholds[k-1] = float64(k)
			for j := range ni {
				ai, bi = append(ai, j), append(bi, k-1)
			}
		}
		ge, err = c.compare(n.Name, out+"/index_at_least", part{o: operand{t: ti}, idx: ai},
			part{o: operand{isConst: true, data: thresholds}, idx: bi}, "GreaterOrEqual", []int{(K - 1) * ni})
		if err != nil {
			return 0, err
		}
	}
	shape := append(append(append([]int{}, data.Shape[:ax]...), idx.shape...), data.Shape[ax+1:]...)
	pre, post := tensor.Size(data.Shape[:ax]), tensor.Size(data.Shape[ax+1:])
	vals := data.Floats()
	l := newLinear(shape)
	in := l.input(ge)
	row := 0
	for p := range pre {
		for j := range ni {
			for q := range post {
				at := func(k int) float64 { return vals[(p*K+k)*post+q] }
				l.addBias(row, at(0))
				for k := 1; k < K; k++ {
					l.term(in, (k-1)*ni+j, at(k)-at(k-1))
				}
				l.endRow()
				row++
			}
		}
	}
	return c.emitAffine(n.Name, l, out, false)
}
