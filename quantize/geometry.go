package quantize

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// Geometry shared by the float executor and the lowering: which input
// elements each output element of a windowed op, a reduction or a matrix
// product reads. Both executors iterate the same structures, so they agree on
// shapes by construction; their arithmetic is written separately.

// window is the sliding window of Conv, MaxPool and AveragePool over the
// spatial axes (all axes after N and C).
type window struct {
	in        []int // input spatial dims
	kernel    []int
	strides   []int
	dilations []int
	padBegin  []int
	padEnd    []int
	out       []int // output spatial dims
}

// tap is one kernel position that falls inside the input.
type tap struct {
	k  int // flat index into the kernel
	in int // flat index into the input's spatial dims
}

// newWindow reads the window attributes of n (defaults: stride 1, dilation
// 1, no padding) for an input with the given spatial dims and kernel.
func newWindow(n *onnx.Node, in, kernel []int, ceilMode bool) (*window, error) {
	r := len(in)
	if len(kernel) != r {
		return nil, fmt.Errorf("kernel %v has %d spatial axes, the input %d", kernel, len(kernel), r)
	}
	w := &window{in: in, kernel: kernel}
	var err error
	if w.strides, err = attrInts(n, "strides", r, 1); err != nil {
		return nil, err
	}
	if w.dilations, err = attrInts(n, "dilations", r, 1); err != nil {
		return nil, err
	}
	pads, err := attrInts(n, "pads", 2*r, 0)
	if err != nil {
		return nil, err
	}
	w.padBegin, w.padEnd = pads[:r], pads[r:]
	w.out = make([]int, r)
	for i := range r {
		if kernel[i] < 1 || w.strides[i] < 1 || w.dilations[i] < 1 || w.padBegin[i] < 0 || w.padEnd[i] < 0 {
			return nil, fmt.Errorf("kernel %v, strides %v, dilations %v, pads %v: kernels, strides and dilations must be positive and pads non-negative", kernel, w.strides, w.dilations, pads)
		}
		span := w.dilations[i]*(kernel[i]-1) + 1
		total := in[i] + w.padBegin[i] + w.padEnd[i]
		if total < span {
			return nil, fmt.Errorf("the kernel (%d with dilation %d) is larger than spatial axis %d (%d with pads)", kernel[i], w.dilations[i], i, total)
		}
		o := (total-span)/w.strides[i] + 1
		if ceilMode && (total-span)%w.strides[i] != 0 {
			o++
			// A window that would start in the end padding is dropped
			// (ONNX Runtime and PyTorch agree on this rule).
			if (o-1)*w.strides[i] >= in[i]+w.padBegin[i] {
				o--
			}
		}
		w.out[i] = o
	}
	if err := tensor.CheckShape(w.out); err != nil {
		return nil, err
	}
	return w, nil
}

// each calls f for every output position (flat over the output spatial
// dims) with the taps inside the input and the number of kernel positions
// inside the padded input (what AveragePool divides by with
// count_include_pad). The taps slice is reused between calls.
func (w *window) each(f func(out int, taps []tap, padded int)) {
	r := len(w.in)
	inStrides := tensor.Strides(w.in)
	o := make([]int, r)
	k := make([]int, r)
	var taps []tap
	nOut := tensor.Size(w.out)
	nK := tensor.Size(w.kernel)
	for oi := range nOut {
		taps = taps[:0]
		padded := 0
		clear(k)
		for ki := range nK {
			inside, insidePad := true, true
			flat := 0
			for a := range r {
				x := o[a]*w.strides[a] - w.padBegin[a] + k[a]*w.dilations[a]
				if x < 0 || x >= w.in[a] {
					inside = false
				}
				if x < -w.padBegin[a] || x >= w.in[a]+w.padEnd[a] {
					insidePad = false
				}
				flat += x * inStrides[a]
			}
			if inside {
				taps = append(taps, tap{k: ki, in: flat})
			}
			if insidePad {
				padded++
			}
			increment(k, w.kernel)
		}
		f(oi, taps, padded)
		increment(o, w.out)
	}
}

// increment advances a row-major coordinate; it wraps to zeros at the end.
func increment(c, shape []int) {
	for a := len(c) - 1; a >= 0; a-- {
		c[a]++
		if c[a] < shape[a] {
			return
		}
		c[a] = 0
	}
}

// attrInts returns an integer-list attribute of length n, or n copies of def
// when it is absent.
func attrInts(n *onnx.Node, name string, count, def int) ([]int, error) {
	v := n.Ints(name)
	out := make([]int, count)
	if v == nil {
		for i := range out {
			out[i] = def
		}
		return out, nil
	}
	if len(v) != count {
		return nil, fmt.Errorf("attribute %s has %d values, want %d", name, len(v), count)
	}
	for i, x := range v {
		if x < -tensor.MaxElements || x > tensor.MaxElements {
			return nil, fmt.Errorf("attribute %s value %d is out of range", name, x)
		}
		out[i] = int(x)
	}
	return out, nil
}

// poolWindow builds the window of a pooling node over an [N, C, spatial...] input.
func poolWindow(n *onnx.Node, shape []int) (*window, error) {
	if len(shape) < 3 {
		return nil, fmt.Errorf("input shape %v: pooling needs [N, C, spatial...] with at least one spatial axis", shape)
	}
	ks, err := attrInts(n, "kernel_shape", len(shape)-2, 0)
	if err != nil {
		return nil, err
	}
	if n.Ints("kernel_shape") == nil {
		return nil, fmt.Errorf("attribute kernel_shape is missing")
	}
	return newWindow(n, shape[2:], ks, n.Int("ceil_mode", 0) != 0)
}

// convGeometry checks a Conv's shapes: x [N, C, spatial...], w [M, C/group,
// kernel...].
func convGeometry(n *onnx.Node, x, wShape []int) (win *window, group int, err error) {
	if len(x) < 3 || len(wShape) != len(x) {
		return nil, 0, fmt.Errorf("input %v and weight %v: Conv needs [N, C, spatial...] and [M, C/group, kernel...] of equal rank ≥ 3", x, wShape)
	}
	g := n.Int("group", 1)
	if g < 1 || g > int64(x[1]) || x[1]%int(g) != 0 || wShape[0]%int(g) != 0 || wShape[1]*int(g) != x[1] {
		return nil, 0, fmt.Errorf("group %d does not divide input channels %d and output channels %d with weight %v", g, x[1], wShape[0], wShape)
	}
	if ks := n.Ints("kernel_shape"); ks != nil {
		for i, k := range ks {
			if i+2 >= len(wShape) || int64(wShape[i+2]) != k {
				return nil, 0, fmt.Errorf("kernel_shape %v does not match the weight's shape %v", ks, wShape)
			}
		}
	}
	win, err = newWindow(n, x[2:], wShape[2:], false)
	return win, int(g), err
}

// reduction maps every input element onto the output element it is reduced
// into.
type reduction struct {
	out   []int   // output shape
	dst   []int   // per input element: its output element
	count int     // input elements per output element
	rows  [][]int // per output element: its input elements, in row-major order
}

// newReduction reduces shape over axes (none when empty), keeping them as
// 1s when keepdims.
func newReduction(shape []int, axes []int64, keepdims bool) (*reduction, error) {
	r := len(shape)
	red := make([]bool, r)
	for _, a := range axes {
		ax, err := tensor.NormAxis(a, r)
		if err != nil {
			return nil, fmt.Errorf("axes %v: %w", axes, err)
		}
		red[ax] = true
	}
	var out, kept []int
	count := 1
	for i, d := range shape {
		switch {
		case !red[i]:
			out = append(out, d)
			kept = append(kept, d)
		case keepdims:
			out = append(out, 1)
			kept = append(kept, 1)
			count *= d
		default:
			kept = append(kept, 1)
			count *= d
		}
	}
	// The output element of an input coordinate is the coordinate with the
	// reduced axes set to 0, in the kept-dims layout (same flat order as out).
	idx := tensor.BroadcastIndex(kept, shape)
	if idx == nil {
		return nil, fmt.Errorf("shape %v is too large", shape)
	}
	rd := &reduction{out: out, dst: idx, count: count, rows: make([][]int, tensor.Size(out))}
	for i, o := range idx {
		rd.rows[o] = append(rd.rows[o], i)
	}
	return rd, nil
}

// matmul is the geometry of numpy's matmul: out[b, m, n] = Σ_k a[ba, m, k]·b[bb, k, n].
type matmul struct {
	out     []int
	m, k, n int
	aBatch  []int // per output batch: the batch (flat) of a, times m·k
	bBatch  []int // per output batch: the batch of b, times k·n
}

func newMatmul(a, b []int) (*matmul, error) {
	if len(a) == 0 || len(b) == 0 {
		return nil, fmt.Errorf("shapes %v and %v: MatMul needs operands of rank ≥ 1", a, b)
	}
	a2, b2 := a, b
	if len(a) == 1 {
		a2 = []int{1, a[0]}
	}
	if len(b) == 1 {
		b2 = []int{b[0], 1}
	}
	mm := &matmul{m: a2[len(a2)-2], k: a2[len(a2)-1], n: b2[len(b2)-1]}
	if b2[len(b2)-2] != mm.k {
		return nil, fmt.Errorf("shapes %v and %v: inner dimensions %d and %d differ", a, b, mm.k, b2[len(b2)-2])
	}
	ab, bb := a2[:len(a2)-2], b2[:len(b2)-2]
	batch, err := tensor.BroadcastShape(ab, bb)
	if err != nil {
		return nil, fmt.Errorf("batch dimensions of %v and %v: %w", a, b, err)
	}
	mm.aBatch = tensor.BroadcastIndex(ab, batch)
	mm.bBatch = tensor.BroadcastIndex(bb, batch)
	if mm.aBatch == nil || mm.bBatch == nil {
		return nil, fmt.Errorf("shapes %v and %v are too large", a, b)
	}
	for i := range mm.aBatch {
		mm.aBatch[i] *= mm.m * mm.k
		mm.bBatch[i] *= mm.k * mm.n
	}
	mm.out = append([]int(nil), batch...)
	if len(a) > 1 {
		mm.out = append(mm.out, mm.m)
	}
	if len(b) > 1 {
		mm.out = append(mm.out, mm.n)
	}
	if err := tensor.CheckShape(mm.out); err != nil {
		return nil, err
	}
	return mm, nil
}

// gemmShapes returns the shapes of op(A) and op(B) of a Gemm as index maps:
// a[i] is the element of A that op(A) (row-major [M, K]) holds at i.
func gemmOperand(shape []int, trans bool) (rows, cols int, src []int, err error) {
	if len(shape) != 2 {
		return 0, 0, nil, fmt.Errorf("operand shape %v: Gemm needs matrices", shape)
	}
	if !trans {
		src = make([]int, shape[0]*shape[1])
		for i := range src {
			src[i] = i
		}
		return shape[0], shape[1], src, nil
	}
	out, src, err := tensor.Transpose(shape, []int{1, 0})
	if err != nil {
		return 0, 0, nil, err
	}
	return out[0], out[1], src, nil
}
