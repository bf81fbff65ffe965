package onnx

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
)

// ArgMax and ArgMin: the index of the first largest (smallest) element
// along one axis, as int64. Canonical attributes: axis (normalized),
// keepdims (0 or 1); select_last_index must be 0 (the default).

func canonArgMax(c *nodeCtx) error {
	if _, err := c.canonAxis("axis", 0, c.rank(0)); err != nil {
		return err
	}
	if _, err := c.canonInt("keepdims", 1, 0, 1); err != nil {
		return err
	}
	if _, err := c.canonInt("select_last_index", 0, 0); err != nil {
		return err
	}
	return nil
}

func inferArgMax(c *nodeCtx) error {
	x := c.shape(0)
	ax := int(c.n.Int("axis", 0))
	if ax < 0 || ax >= len(x) || x[ax] == 0 {
		return fmt.Errorf("axis %d of shape %v is empty or missing", ax, x)
	}
	c.setOut(0, Int64, reduceShape(x, []int64{int64(ax)}, c.n.Int("keepdims", 1) == 1))
	return nil
}

func evalArgMax(c *nodeCtx) error {
	c.out = make([]Value, len(c.n.Outputs))
	if err := inferArgMax(c); err != nil {
		return err
	}
	x := c.consts[0]
	out, err := c.newTensor(Int64, c.out[0].Shape)
	if err != nil {
		return err
	}
	sign := 1.0
	if c.n.OpType == "ArgMin" {
		sign = -1
	}
	for i, row := range ArgMaxRows(x.Shape, int(c.n.Int("axis", 0))) {
		best := 0
		for k, j := range row {
			if sign*x.At(j) > sign*x.At(row[best]) {
				best = k
			}
		}
		out.set(i, float64(best))
	}
	c.outT[0] = out
	return nil
}

// ArgMaxRows lists, for every output element of an ArgMax over axis of a
// tensor of the given shape (row-major, keepdims or not: the order is the
// same), the flat indices of the input elements it compares, in axis order.
func ArgMaxRows(shape []int, axis int) [][]int {
	st := tensor.Strides(shape)
	pre, n, post := tensor.Size(shape[:axis]), shape[axis], tensor.Size(shape[axis+1:])
	rows := make([][]int, 0, pre*post)
	for p := range pre {
		for q := range post {
			row := make([]int, n)
			for k := range row {
				row[k] = p*n*post + k*st[axis] + q
			}
			rows = append(rows, row)
		}
	}
	return rows
}
