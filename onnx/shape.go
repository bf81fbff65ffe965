package onnx

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
)

// Shape and dtype inference: each function sets c.out from the input types
// and the canonical attributes, and reports inconsistent shapes.

func checkShapeSize(s []int) error { return tensor.CheckShape(s) }

func clone(s []int) []int { return append([]int{}, s...) }

// inferSame: one output like input 0 (elementwise unary ops).
func inferSame(c *nodeCtx) error {
	c.setOut(0, c.dtype(0), clone(c.shape(0)))
	return nil
}

// inputShapes lists the shapes of the present inputs.
func (c *nodeCtx) inputShapes() [][]int {
	var s [][]int
	for i := range c.types {
		if c.has(i) {
			s = append(s, c.shape(i))
		}
	}
	return s
}

// inferBroadcast: elementwise ops with numpy broadcasting whose result has
// input 0's dtype.
func inferBroadcast(c *nodeCtx) error {
	if err := c.sameDTypes(0); err != nil {
		return err
	}
	out, err := tensor.BroadcastShape(c.inputShapes()...)
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

// sameDTypes checks that all present inputs from first on share one dtype.
func (c *nodeCtx) sameDTypes(first int) error {
	for i := first + 1; i < len(c.types); i++ {
		if c.has(i) && c.dtype(i) != c.dtype(first) {
			return fmt.Errorf("inputs %q (%s) and %q (%s) have different types", c.n.Inputs[first], c.dtype(first), c.n.Inputs[i], c.dtype(i))
		}
	}
	return nil
}

// inferCompare: broadcasting comparisons and logic, with a bool result.
func inferCompare(c *nodeCtx) error {
	out, err := tensor.BroadcastShape(c.inputShapes()...)
	if err != nil {
		return err
	}
	c.setOut(0, Bool, out)
	return nil
}

func inferWhere(c *nodeCtx) error {
	if err := c.sameDTypes(1); err != nil {
		return err
	}
	out, err := tensor.BroadcastShape(c.inputShapes()...)
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(1), out)
	return nil
}

func inferCast(c *nodeCtx) error {
	c.setOut(0, DType(c.n.Int("to", 0)), clone(c.shape(0)))
	return nil
}

// gemmDims returns M, K, N of a canonical Gemm and checks its operands.
func gemmDims(c *nodeCtx) (m, k, n int, err error) {
	a, b := c.shape(0), c.shape(1)
	if len(a) != 2 || len(b) != 2 {
		return 0, 0, 0, fmt.Errorf("A %v and B %v must both be matrices", a, b)
	}
	m, k = a[0], a[1]
	if c.n.Int("transA", 0) == 1 {
		m, k = k, m
	}
	kb, n := b[0], b[1]
	if c.n.Int("transB", 0) == 1 {
		kb, n = n, kb
	}
	if k != kb {
		return 0, 0, 0, fmt.Errorf("inner dimensions differ: A %v gives K=%d, B %v gives K=%d (transA=%d, transB=%d)", a, k, b, kb, c.n.Int("transA", 0), c.n.Int("transB", 0))
	}
	if c.has(2) {
		if bc := tensor.BroadcastIndex(c.shape(2), []int{m, n}); bc == nil {
			return 0, 0, 0, fmt.Errorf("C %v does not broadcast to the output [%d %d]", c.shape(2), m, n)
		}
	}
	return m, k, n, nil
}

func inferGemm(c *nodeCtx) error {
	m, _, n, err := gemmDims(c)
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), []int{m, n})
	return nil
}

// matmulShape applies numpy matmul rules: 1-D operands get a dimension
// added and removed again, batch dimensions broadcast.
func matmulShape(a, b []int) ([]int, error) {
	mm, err := NewMatMul(a, b)
	if err != nil {
		return nil, err
	}
	return mm.Out, nil
}

func inferMatMul(c *nodeCtx) error {
	out, err := matmulShape(c.shape(0), c.shape(1))
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

func inferConv(c *nodeCtx) error {
	x, w := c.shape(0), c.shape(1)
	g := int(c.n.Int("group", 1))
	if x[1] != w[1]*g {
		return fmt.Errorf("input %v has %d channels, but weight %v with group=%d expects %d", x, x[1], w, g, w[1]*g)
	}
	if w[0]%g != 0 {
		return fmt.Errorf("weight %v: %d output channels are not divisible by group=%d", w, w[0], g)
	}
	if c.has(2) && (len(c.shape(2)) != 1 || c.shape(2)[0] != w[0]) {
		return fmt.Errorf("bias %v: want [%d]", c.shape(2), w[0])
	}
	win, _, err := ConvWindow(c.n, x, w)
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), append([]int{x[0], w[0]}, win.Out...))
	return nil
}

func inferConvTranspose(c *nodeCtx) error {
	x, w := c.shape(0), c.shape(1)
	g := int(c.n.Int("group", 1))
	if x[1] != w[0] || w[0]%g != 0 {
		return fmt.Errorf("input %v has %d channels, but weight %v expects %d (group=%d)", x, x[1], w, w[0], g)
	}
	m := w[1] * g
	if c.has(2) && (len(c.shape(2)) != 1 || c.shape(2)[0] != m) {
		return fmt.Errorf("bias %v: want [%d]", c.shape(2), m)
	}
	tc, err := NewTransposedConv(c.n, x, w)
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), tc.Out)
	return nil
}

func inferPool(c *nodeCtx) error {
	x := c.shape(0)
	win, err := PoolWindow(c.n, x)
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), append([]int{x[0], x[1]}, win.Out...))
	return nil
}

func inferGlobalPool(c *nodeCtx) error {
	x := c.shape(0)
	if len(x) < 3 {
		return fmt.Errorf("input %v: want (N, C, spatial...)", x)
	}
	out := clone(x)
	for i := 2; i < len(out); i++ {
		out[i] = 1
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

func inferBatchNorm(c *nodeCtx) error {
	x := c.shape(0)
	if len(x) < 2 {
		return fmt.Errorf("input %v: want (N, C, ...)", x)
	}
	for i := 1; i < 5; i++ {
		if s := c.shape(i); len(s) != 1 || s[0] != x[1] {
			return fmt.Errorf("parameter %q has shape %v; want [%d], one per channel", c.n.Inputs[i], s, x[1])
		}
	}
	c.setOut(0, c.dtype(0), clone(x))
	return nil
}

func reduceShape(in []int, axes []int64, keep bool) []int {
	red := map[int]bool{}
	for _, a := range axes {
		red[int(a)] = true
	}
	out := []int{}
	for i, d := range in {
		switch {
		case !red[i]:
			out = append(out, d)
		case keep:
			out = append(out, 1)
		}
	}
	return out
}

func inferReduce(c *nodeCtx) error {
	c.setOut(0, c.dtype(0), reduceShape(c.shape(0), c.n.Ints("axes"), c.n.Int("keepdims", 1) == 1))
	return nil
}

func inferFlatten(c *nodeCtx) error {
	x := c.shape(0)
	a := int(c.n.Int("axis", 1))
	c.setOut(0, c.dtype(0), []int{tensor.Size(x[:a]), tensor.Size(x[a:])})
	return nil
}

func intsOf(v []int64) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x)
	}
	return out
}

func inferReshape(c *nodeCtx) error {
	c.setOut(0, c.dtype(0), intsOf(c.n.Ints("shape")))
	return nil
}

func inferTranspose(c *nodeCtx) error {
	x := c.shape(0)
	perm := c.n.Ints("perm")
	out := make([]int, len(x))
	for i, p := range perm {
		out[i] = x[p]
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

func squeezeShape(in []int, axes []int64) []int {
	return reduceShape(in, axes, false)
}

func inferSqueeze(c *nodeCtx) error {
	c.setOut(0, c.dtype(0), squeezeShape(c.shape(0), c.n.Ints("axes")))
	return nil
}

func unsqueezeShape(in []int, axes []int64) []int {
	out := make([]int, len(in)+len(axes))
	ins := map[int]bool{}
	for _, a := range axes {
		ins[int(a)] = true
	}
	j := 0
	for i := range out {
		if ins[i] {
			out[i] = 1
		} else {
			out[i] = in[j]
			j++
		}
	}
	return out
}

func inferUnsqueeze(c *nodeCtx) error {
	c.setOut(0, c.dtype(0), unsqueezeShape(c.shape(0), c.n.Ints("axes")))
	return nil
}

func inferConcat(c *nodeCtx) error {
	if err := c.sameDTypes(0); err != nil {
		return err
	}
	out, err := concatShape(c.inputShapes(), int(c.n.Int("axis", 0)))
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

func concatShape(shapes [][]int, axis int) ([]int, error) {
	out := clone(shapes[0])
	for k, s := range shapes[1:] {
		if len(s) != len(out) {
			return nil, fmt.Errorf("input %d has shape %v, input 0 has %v: ranks differ", k+1, s, shapes[0])
		}
		for j := range s {
			if j == axis {
				continue
			}
			if s[j] != out[j] {
				return nil, fmt.Errorf("input %d has shape %v, input 0 has %v: they must agree outside axis %d", k+1, s, shapes[0], axis)
			}
		}
		out[axis] += s[axis]
	}
	return out, tensor.CheckShape(out)
}

func inferSplit(c *nodeCtx) error {
	a := int(c.n.Int("axis", 0))
	for i, s := range c.n.Ints("split") {
		out := clone(c.shape(0))
		out[a] = int(s)
		c.setOut(i, c.dtype(0), out)
	}
	return nil
}

func inferSlice(c *nodeCtx) error {
	_, _, count, err := tensor.NormalizeSlice(c.shape(0), c.n.Ints("starts"), c.n.Ints("ends"), c.n.Ints("axes"), c.n.Ints("steps"))
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), count)
	return nil
}

func inferPad(c *nodeCtx) error {
	x := c.shape(0)
	pads := c.n.Ints("pads")
	r := len(x)
	out := make([]int, r)
	mode := c.n.String("mode", "constant")
	for i, d := range x {
		b, e := pads[i], pads[i+r]
		if b < -tensor.MaxElements || b > tensor.MaxElements || e < -tensor.MaxElements || e > tensor.MaxElements {
			return fmt.Errorf("pads %v are out of range", pads)
		}
		n := int64(d) + b + e
		if n < 0 {
			return fmt.Errorf("pads %v remove more than the %d elements of axis %d", pads, d, i)
		}
		if mode != "constant" && d == 0 && n > 0 {
			return fmt.Errorf("mode %q cannot pad axis %d, which is empty", mode, i)
		}
		out[i] = int(n)
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

func inferGather(c *nodeCtx) error {
	if c.dtype(1).IsFloat() {
		return fmt.Errorf("indices %q must be integers, not %s", c.n.Inputs[1], c.dtype(1))
	}
	x := c.shape(0)
	a := int(c.n.Int("axis", 0))
	if idx := c.consts[1]; idx != nil {
		// constant indices: validate them now rather than at run time
		d := int64(x[a])
		for _, i := range idx.Int {
			if i < -d || i >= d {
				return fmt.Errorf("gather index %d is out of range for axis %d of size %d", i, a, d)
			}
		}
	}
	out := append(append(append([]int{}, x[:a]...), c.shape(1)...), x[a+1:]...)
	c.setOut(0, c.dtype(0), out)
	return nil
}

func inferExpand(c *nodeCtx) error {
	out, err := tensor.BroadcastShape(c.shape(0), intsOf(c.n.Ints("shape")))
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}

func inferTile(c *nodeCtx) error {
	x := c.shape(0)
	out := make([]int, len(x))
	for i, r := range c.n.Ints("repeats") {
		if r < 0 || r > tensor.MaxElements {
			return fmt.Errorf("repeats %v: entry %d is out of range", c.n.Ints("repeats"), i)
		}
		out[i] = x[i] * int(r)
	}
	c.setOut(0, c.dtype(0), out)
	return tensor.CheckShape(out)
}

func inferClip(c *nodeCtx) error {
	if c.n.Float("min", 0) > c.n.Float("max", 0) {
		return errors.New("min is larger than max")
	}
	return inferSame(c)
}
