package onnx

import (
	"fmt"
	"sort"
)

// TopK: the k largest (or smallest) elements along one axis, and their
// int64 indices, sorted; ties go to the lower index first, as in ONNX
// Runtime. Canonical attributes: axis (normalized), k (moved from the
// second input, which must be a constant, from opset 10 on), largest (0 or
// 1), sorted (0 or 1; zkml always sorts, which sorted = 0 allows).

func canonTopK(c *nodeCtx) error {
	ax, err := c.canonAxis("axis", -1, c.rank(0))
	if err != nil {
		return err
	}
	if c.opset >= 10 {
		k, ok, err := c.constInts(1, "K")
		if err != nil {
			return err
		}
		if !ok || len(k) != 1 {
			return fmt.Errorf("the K input must hold one value")
		}
		c.setInt("k", k[0])
		c.keepInputs(1)
	} else if err := c.attrKind("k", AttrInt); err != nil {
		return err
	} else if !c.hasAttr("k") {
		return fmt.Errorf("attribute k is missing")
	}
	if k := c.n.Int("k", 0); k < 0 || k > int64(c.shape(0)[ax]) {
		return fmt.Errorf("k = %d is out of range for axis %d of size %d", k, ax, c.shape(0)[ax])
	}
	if _, err := c.canonInt("largest", 1, 0, 1); err != nil {
		return err
	}
	_, err = c.canonInt("sorted", 1, 0, 1)
	return err
}

func inferTopK(c *nodeCtx) error {
	ax := int(c.n.Int("axis", -1))
	shape := clone(c.shape(0))
	shape[ax] = int(c.n.Int("k", 0))
	c.setOut(0, c.dtype(0), shape)
	if len(c.out) > 1 {
		c.setOut(1, Int64, clone(shape))
	}
	return nil
}

func evalTopK(c *nodeCtx) error {
	if err := inferTopK(c); err != nil {
		return err
	}
	x := c.consts[0]
	ax := int(c.n.Int("axis", -1))
	order := TopKOrder(x.Shape, ax, int(c.n.Int("k", 0)), c.n.Int("largest", 1) == 1, x.At)
	vals, err := c.newTensor(x.DType, c.out[0].Shape)
	if err != nil {
		return err
	}
	idx, err := c.newTensor(Int64, c.out[0].Shape)
	if err != nil {
		return err
	}
	for i, o := range order {
		vals.set(i, x.At(o.Flat))
		idx.set(i, float64(o.Pos))
	}
	c.outT[0] = vals
	if len(c.outT) > 1 {
		c.outT[1] = idx
	}
	return nil
}

// A TopKEntry is one output element of TopK: the input element it holds
// (Flat, in the whole tensor) and its position along the axis (Pos).
type TopKEntry struct{ Flat, Pos int }

// TopKOrder returns, for every output element of a TopK over axis of a
// tensor of the given shape (row-major, k along the axis), the input
// element it holds: the k largest (or smallest) of each row, sorted, ties
// to the lower index.
func TopKOrder(shape []int, axis, k int, largest bool, at func(int) float64) []TopKEntry {
	rows := ArgMaxRows(shape, axis)
	post := 1
	for _, d := range shape[axis+1:] {
		post *= d
	}
	out := make([]TopKEntry, len(rows)*k)
	for r, row := range rows {
		pos := make([]int, len(row))
		for i := range pos {
			pos[i] = i
		}
		sort.SliceStable(pos, func(a, b int) bool {
			va, vb := at(row[pos[a]]), at(row[pos[b]])
			if largest {
				return va > vb
			}
			return va < vb
		})
		p, q := r/post, r%post
		for j := range k {
			out[(p*k+j)*post+q] = TopKEntry{Flat: row[pos[j]], Pos: pos[j]}
		}
	}
	return out
}
