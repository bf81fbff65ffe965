package onnx

import (
	"fmt"
	"math"
	"slices"

	"github.com/zkml/zkml/internal/tensor"
)

// OneHot and GatherElements: selections at integer indices, which tree
// ensembles exported by Hummingbird use to walk their trees.
//
// OneHot keeps its three inputs (indices, depth, values); depth and values
// must be constants. Canonical attribute: axis, normalized against the
// output's rank. GatherElements: axis normalized.

func canonOneHot(c *nodeCtx) error {
	if _, err := c.canonAxis("axis", -1, c.rank(0)+1); err != nil {
		return err
	}
	depth, err := c.constant(1, "depth")
	if err != nil {
		return err
	}
	if depth.Len() != 1 {
		return fmt.Errorf("depth has %d values, want 1", depth.Len())
	}
	if d := depth.At(0); d < 1 || d > tensor.MaxElements || d != math.Trunc(d) {
		return fmt.Errorf("depth %g is not a positive integer", d)
	}
	values, err := c.constant(2, "values")
	if err != nil {
		return err
	}
	if values.Len() != 2 {
		return fmt.Errorf("values has %d entries, want 2 (off, on)", values.Len())
	}
	return nil
}

func inferOneHot(c *nodeCtx) error {
	if c.dtype(0).IsFloat() {
		return fmt.Errorf("indices %q must be integers, not %s", c.n.Inputs[0], c.dtype(0))
	}
	depth := c.consts[1]
	if depth == nil {
		return fmt.Errorf("depth must be a constant")
	}
	ax := int(c.n.Int("axis", -1))
	idx := c.shape(0)
	if ax < 0 || ax > len(idx) {
		return fmt.Errorf("axis %d is out of range for rank %d", ax, len(idx)+1)
	}
	out := append(append(append([]int{}, idx[:ax]...), int(depth.At(0))), idx[ax:]...)
	c.setOut(0, c.dtype(2), out)
	return nil
}

func evalOneHot(c *nodeCtx) error {
	c.out = make([]Value, len(c.n.Outputs))
	if err := inferOneHot(c); err != nil {
		return err
	}
	idx, values := c.consts[0], c.consts[2]
	shape := c.out[0].Shape
	out, err := c.newTensor(values.DType, shape)
	if err != nil {
		return err
	}
	ax := int(c.n.Int("axis", -1))
	depth := shape[ax]
	for i := range out.Len() {
		// i = (pre, k, post) over idx[:ax], depth, idx[ax:]
		post := tensor.Size(shape[ax+1:])
		k := (i / post) % depth
		j := (i/(post*depth))*post + i%post
		v := idx.IntAt(j)
		if v < 0 {
			v += int64(depth)
		}
		if v == int64(k) {
			out.set(i, values.At(1))
		} else {
			out.set(i, values.At(0))
		}
	}
	c.outT[0] = out
	return nil
}

func canonGatherElements(c *nodeCtx) error {
	_, err := c.canonAxis("axis", 0, c.rank(0))
	return err
}

func inferGatherElements(c *nodeCtx) error {
	if c.dtype(1).IsFloat() {
		return fmt.Errorf("indices %q must be integers, not %s", c.n.Inputs[1], c.dtype(1))
	}
	x, idx := c.shape(0), c.shape(1)
	if len(x) != len(idx) {
		return fmt.Errorf("data %v and indices %v must have the same rank", x, idx)
	}
	ax := int(c.n.Int("axis", 0))
	for d := range x {
		if d != ax && idx[d] > x[d] {
			return fmt.Errorf("indices %v exceed data %v along axis %d", idx, x, d)
		}
	}
	c.setOut(0, c.dtype(0), clone(idx))
	return nil
}

func evalGatherElements(c *nodeCtx) error {
	c.out = make([]Value, len(c.n.Outputs))
	if err := inferGatherElements(c); err != nil {
		return err
	}
	x, idx := c.consts[0], c.consts[1]
	src, err := GatherElementsIndex(x.Shape, idx.Shape, int(c.n.Int("axis", 0)), idx.IntAt)
	if err != nil {
		return err
	}
	out, err := c.newTensor(x.DType, idx.Shape)
	if err != nil {
		return err
	}
	for i, s := range src {
		out.set(i, x.At(s))
	}
	c.outT[0] = out
	return nil
}

// GatherElementsIndex returns, for every output element of a GatherElements
// over axis, the flat index of the data element it reads, given the index
// values (negative ones count from the end); for ScatterElements, the data
// element each update writes.
func GatherElementsIndex(data, idx []int, axis int, at func(int) int64) ([]int, error) {
	ds, is := tensor.Strides(data), tensor.Strides(idx)
	n := tensor.Size(idx)
	src := make([]int, n)
	for i := range n {
		k := at(i)
		if k < 0 {
			k += int64(data[axis])
		}
		if k < 0 || k >= int64(data[axis]) {
			return nil, fmt.Errorf("index %d is out of range for axis %d of size %d", at(i), axis, data[axis])
		}
		s, rest := 0, i
		for d := range idx {
			c := rest / is[d]
			rest %= is[d]
			if d == axis {
				c = int(k)
			}
			s += c * ds[d]
		}
		src[i] = s
	}
	return src, nil
}

// ScatterElements writes updates into a copy of data at integer indices
// along axis. Canonical attributes: axis normalized, reduction "none" or
// "add" (the others are rejected). Repeated indices with reduction none
// are undefined in ONNX; zkml's folding, like ONNX Runtime, keeps the last.

func canonScatterElements(c *nodeCtx) error {
	if _, err := c.canonAxis("axis", 0, c.rank(0)); err != nil {
		return err
	}
	if err := c.attrKind("reduction", AttrString); err != nil {
		return err
	}
	switch r := c.n.String("reduction", "none"); r {
	case "none", "add":
		c.setString("reduction", r)
	default:
		return fmt.Errorf("reduction %q is not supported (none and add are)", r)
	}
	return nil
}

func inferScatterElements(c *nodeCtx) error {
	if c.dtype(1).IsFloat() {
		return fmt.Errorf("indices %q must be integers, not %s", c.n.Inputs[1], c.dtype(1))
	}
	x, idx, upd := c.shape(0), c.shape(1), c.shape(2)
	if len(x) != len(idx) || !slices.Equal(idx, upd) {
		return fmt.Errorf("data %v, indices %v and updates %v: indices and updates must have one shape, of the data's rank", x, idx, upd)
	}
	ax := int(c.n.Int("axis", 0))
	for d := range x {
		if d != ax && idx[d] > x[d] {
			return fmt.Errorf("indices %v exceed data %v along axis %d", idx, x, d)
		}
	}
	c.setOut(0, c.dtype(0), clone(x))
	return nil
}

func evalScatterElements(c *nodeCtx) error {
	c.out = make([]Value, len(c.n.Outputs))
	if err := inferScatterElements(c); err != nil {
		return err
	}
	x, idx, upd := c.consts[0], c.consts[1], c.consts[2]
	dst, err := GatherElementsIndex(x.Shape, idx.Shape, int(c.n.Int("axis", 0)), idx.IntAt)
	if err != nil {
		return err
	}
	out, err := c.newTensor(x.DType, x.Shape)
	if err != nil {
		return err
	}
	for i := range out.Len() {
		out.set(i, x.At(i))
	}
	add := c.n.String("reduction", "none") == "add"
	for e, d := range dst {
		v := upd.At(e)
		if add {
			v += out.At(d)
		}
		out.set(d, v)
	}
	c.outT[0] = out
	return nil
}
