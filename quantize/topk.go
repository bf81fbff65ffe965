package quantize

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// TopK ranks each row of n elements by comparisons (compare.go):
//
//	c_j,i = [x_j ≥ x_i] for j < i,
//	rank_i = Σ_{j<i} c_j,i + Σ_{j>i} (1 − c_i,j),
//
// the number of elements before x_i in the sorted row (larger ones, and
// equal ones at lower indices: ties go to the lower index, as in ONNX
// Runtime), a permutation of 0..n−1 from n(n−1)/2 comparisons. With the
// one-hot form h_i,r = [rank_i = r] of the ranks (select.go), output r of
// the row is Σ_i h_i,r·x_i (an OpMul row of n products) and its index
// Σ_i i·h_i,r (affine). Smallest-first ranks −x. The cost is O(n²) per
// row, for the small rows TopK is used on.

func (c *compiler) lowerTopK(n *onnx.Node) error {
	if len(n.Inputs) != 1 {
		return fmt.Errorf("has %d inputs, want 1 (k is an attribute after import)", len(n.Inputs))
	}
	x, err := c.tensorOperand(n, 0)
	if err != nil {
		return err
	}
	shape := c.p.Tensors[x].Shape
	ax, err := tensor.NormAxis(n.Int("axis", -1), len(shape))
	if err != nil {
		return err
	}
	N, k := shape[ax], int(n.Int("k", 0))
	if k < 1 || k > N {
		return fmt.Errorf("k = %d is out of range for axis %d of size %d", k, ax, N)
	}
	outShape := append([]int(nil), shape...)
	outShape[ax] = k
	rows := onnx.ArgMaxRows(shape, ax)
	R := len(rows)
	post := tensor.Size(shape[ax+1:])
	// row r, rank j → output element
	outAt := func(r, j int) int { return ((r/post)*k+j)*post + r%post }
	name := func(i int, s string) string {
		if i < len(n.Outputs) && n.Outputs[i] != "" {
			return n.Outputs[i] + s
		}
		return n.Name + s
	}
	var oh int
	if N == 1 {
		// One element: it is the top one, at index 0.
		one := plan.Op{Kind: plan.OpAffine, Node: n.Name, RowStart: make([]int32, R+1), Bias: make([]int64, R)}
		for i := range one.Bias {
			one.Bias[i] = 1
		}
		oh = c.appendOp(one, name(0, "/is_rank"), []int{R}, 0)
	} else {
		ranked := x
		if n.Int("largest", 1) == 0 {
			if ranked, err = c.scaled(n.Name, x, -1, name(0, "/negated")); err != nil {
				return err
			}
			if ranked < 0 {
				ranked, err = c.materialize(name(0, "/negated"))
				if err != nil {
					return err
				}
			}
		}
		// c[r·P + pair(j, i)] for j < i, P = N(N−1)/2 pairs per row.
		P := N * (N - 1) / 2
		pair := func(j, i int) int { return i*(i-1)/2 + j }
		ai, bi := make([]int, 0, R*P), make([]int, 0, R*P)
		for _, row := range rows {
			for i := 1; i < N; i++ {
				for j := range i {
					ai, bi = append(ai, row[j]), append(bi, row[i])
				}
			}
		}
		ge, err := c.compare(n.Name, name(0, "/at_least"), part{o: operand{t: ranked}, idx: ai}, part{o: operand{t: ranked}, idx: bi}, "GreaterOrEqual", []int{R * P})
		if err != nil {
			return err
		}
		rank := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{ge}, RowStart: make([]int32, 1, R*N+1), Bias: make([]int64, R*N)}
		for r := range R {
			for i := range N {
				for j := range i {
					rank.Terms = append(rank.Terms, plan.Term{In: 0, Idx: int32(r*P + pair(j, i)), Coeff: 1})
				}
				for j := i + 1; j < N; j++ {
					rank.Terms = append(rank.Terms, plan.Term{In: 0, Idx: int32(r*P + pair(i, j)), Coeff: -1})
				}
				rank.Bias[r*N+i] = int64(N - 1 - i)
				rank.RowStart = append(rank.RowStart, int32(len(rank.Terms)))
			}
		}
		rt := c.appendOp(rank, name(0, "/rank"), []int{R * N}, 0)
		c.p.Tensors[rt].MaxAbs = float64(N - 1)
		if oh, err = c.oneHot(n.Name, name(0, "/is_rank"), rt, N); err != nil {
			return err
		}
	}
	// h for row r, element i, rank j.
	h := func(r, i, j int) int { return (r*N+i)*N + j }
	if len(n.Outputs) > 0 && n.Outputs[0] != "" {
		row, rank := make([]int, tensor.Size(outShape)), make([]int, tensor.Size(outShape))
		for r := range R {
			for j := range k {
				row[outAt(r, j)], rank[outAt(r, j)] = r, j
			}
		}
		v, err := c.emitMul(n, x, oh, outShape, N, func(o, i int) (int, int) {
			return rows[row[o]][i], h(row[o], i, rank[o])
		})
		if err != nil {
			return err
		}
		if err := checkDeclared(c.g, n, outShape); err != nil {
			return err
		}
		c.vals[n.Outputs[0]] = v
	}
	if len(n.Outputs) > 1 && n.Outputs[1] != "" {
		idx := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{oh}, RowStart: make([]int32, tensor.Size(outShape)+1)}
		terms := make([][]plan.Term, tensor.Size(outShape))
		for r := range R {
			for j := range k {
				for i := 1; i < N; i++ {
					terms[outAt(r, j)] = append(terms[outAt(r, j)], plan.Term{In: 0, Idx: int32(h(r, i, j)), Coeff: int64(i)})
				}
			}
		}
		for o, ts := range terms {
			idx.Terms = append(idx.Terms, ts...)
			idx.RowStart[o+1] = int32(len(idx.Terms))
		}
		if N == 1 {
			idx.In = nil // every index is 0
		}
		t := c.appendOp(idx, n.Outputs[1], outShape, 0)
		c.p.Tensors[t].MaxAbs = float64(N - 1)
		c.vals[n.Outputs[1]] = t
	}
	if len(n.Outputs) == 0 {
		return errors.New("the node has no output")
	}
	return nil
}
