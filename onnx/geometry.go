package onnx

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
)

// Geometry: which input elements each output element of a windowed op, a
// reduction or a matrix product reads. The evaluator (Eval, folding) and
// the lowering of quantize/ iterate the same structures, so they agree on
// shapes and indices by construction.

// A Window is the sliding window of Conv, MaxPool and AveragePool over the
// spatial axes (all axes after N and C).
type Window struct {
	In        []int // input spatial dims
	Kernel    []int
	Strides   []int
	Dilations []int
	PadBegin  []int
	PadEnd    []int
	Out       []int // output spatial dims
}

// A Tap is one kernel position that falls inside the input.
type Tap struct {
	K  int // flat index into the kernel
	In int // flat index into the input's spatial dims
}

// NewWindow reads the window attributes of n (strides, dilations, pads and
// ceil_mode; absent ones take their ONNX defaults) for an input with the
// given spatial dims and kernel.
func NewWindow(n *Node, in, kernel []int) (*Window, error) {
	r := len(in)
	if len(kernel) != r {
		return nil, fmt.Errorf("kernel %v has %d spatial axes, the input %d", kernel, len(kernel), r)
	}
	w := &Window{In: in, Kernel: kernel}
	var err error
	if w.Strides, err = attrInts(n, "strides", r, 1); err != nil {
		return nil, err
	}
	if w.Dilations, err = attrInts(n, "dilations", r, 1); err != nil {
		return nil, err
	}
	pads, err := attrInts(n, "pads", 2*r, 0)
	if err != nil {
		return nil, err
	}
	w.PadBegin, w.PadEnd = pads[:r], pads[r:]
	ceil := n.Int("ceil_mode", 0) != 0
	w.Out = make([]int, r)
	for i := range r {
		if kernel[i] < 1 || w.Strides[i] < 1 || w.Dilations[i] < 1 || w.PadBegin[i] < 0 || w.PadEnd[i] < 0 {
			return nil, fmt.Errorf("kernel %v, strides %v, dilations %v, pads %v: kernels, strides and dilations must be positive and pads non-negative", kernel, w.Strides, w.Dilations, pads)
		}
		span := w.Dilations[i]*(kernel[i]-1) + 1
		total := in[i] + w.PadBegin[i] + w.PadEnd[i]
		if total < span {
			return nil, fmt.Errorf("spatial axis %d: the window (kernel %d, dilation %d) is larger than the padded input (%d + %d + %d)", i, kernel[i], w.Dilations[i], in[i], w.PadBegin[i], w.PadEnd[i])
		}
		o := (total-span)/w.Strides[i] + 1
		if ceil && (total-span)%w.Strides[i] != 0 {
			o++
			// A window that would start in the end padding is dropped
			// (ONNX Runtime and PyTorch agree on this rule).
			if (o-1)*w.Strides[i] >= in[i]+w.PadBegin[i] {
				o--
			}
		}
		w.Out[i] = o
	}
	if err := tensor.CheckShape(w.Out); err != nil {
		return nil, err
	}
	return w, nil
}

// Each calls f for every output position (flat over the output spatial
// dims) with the taps inside the input and the number of kernel positions
// inside the padded input (what AveragePool divides by with
// count_include_pad). The taps slice is reused between calls.
func (w *Window) Each(f func(out int, taps []Tap, padded int)) {
	r := len(w.In)
	inStrides := tensor.Strides(w.In)
	o := make([]int, r)
	k := make([]int, r)
	var taps []Tap
	nOut := tensor.Size(w.Out)
	nK := tensor.Size(w.Kernel)
	for oi := range nOut {
		taps = taps[:0]
		padded := 0
		clear(k)
		for ki := range nK {
			inside, insidePad := true, true
			flat := 0
			for a := range r {
				x := o[a]*w.Strides[a] - w.PadBegin[a] + k[a]*w.Dilations[a]
				if x < 0 || x >= w.In[a] {
					inside = false
				}
				if x < -w.PadBegin[a] || x >= w.In[a]+w.PadEnd[a] {
					insidePad = false
				}
				flat += x * inStrides[a]
			}
			if inside {
				taps = append(taps, Tap{K: ki, In: flat})
			}
			if insidePad {
				padded++
			}
			increment(k, w.Kernel)
		}
		f(oi, taps, padded)
		increment(o, w.Out)
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

// attrInts returns an integer-list attribute of length count, or count
// copies of def when it is absent.
func attrInts(n *Node, name string, count, def int) ([]int, error) {
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

// PoolWindow is the window of a MaxPool or AveragePool node over an
// [N, C, spatial...] input.
func PoolWindow(n *Node, shape []int) (*Window, error) {
	if len(shape) < 3 {
		return nil, fmt.Errorf("input shape %v: pooling needs [N, C, spatial...] with at least one spatial axis", shape)
	}
	if n.Ints("kernel_shape") == nil {
		return nil, fmt.Errorf("attribute kernel_shape is missing")
	}
	ks, err := attrInts(n, "kernel_shape", len(shape)-2, 0)
	if err != nil {
		return nil, err
	}
	return NewWindow(n, shape[2:], ks)
}

// ConvWindow checks a Conv's shapes, x [N, C, spatial...] and w [M,
// C/group, kernel...], and returns its window and group.
func ConvWindow(n *Node, x, w []int) (win *Window, group int, err error) {
	if len(x) < 3 || len(w) != len(x) {
		return nil, 0, fmt.Errorf("input %v and weight %v: Conv needs [N, C, spatial...] and [M, C/group, kernel...] of equal rank ≥ 3", x, w)
	}
	g := n.Int("group", 1)
	if g < 1 || g > int64(x[1]) || x[1]%int(g) != 0 || w[0]%int(g) != 0 || w[1]*int(g) != x[1] {
		return nil, 0, fmt.Errorf("group %d does not divide input channels %d and output channels %d with weight %v", g, x[1], w[0], w)
	}
	if ks := n.Ints("kernel_shape"); ks != nil {
		for i, k := range ks {
			if i+2 >= len(w) || int64(w[i+2]) != k {
				return nil, 0, fmt.Errorf("kernel_shape %v does not match the weight's shape %v", ks, w)
			}
		}
	}
	win, err = NewWindow(n, x[2:], w[2:])
	return win, int(g), err
}

// A Reduction maps every input element onto the output element it is
// reduced into.
type Reduction struct {
	Out   []int   // output shape
	Dst   []int   // per input element: its output element
	Count int     // input elements per output element
	Rows  [][]int // per output element: its input elements, in row-major order
}

// NewReduction reduces shape over axes (none when empty; negative ones
// count from the end), keeping them as 1s when keepdims.
func NewReduction(shape []int, axes []int64, keepdims bool) (*Reduction, error) {
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
	rd := &Reduction{Out: out, Dst: idx, Count: count, Rows: make([][]int, tensor.Size(out))}
	for i, o := range idx {
		rd.Rows[o] = append(rd.Rows[o], i)
	}
	return rd, nil
}

// A MatMul is the geometry of numpy's matmul:
// out[b, m, n] = Σ_k a[ba, m, k]·b[bb, k, n].
type MatMul struct {
	Out     []int
	M, K, N int
	ABatch  []int // per output batch: the batch (flat) of a, times M·K
	BBatch  []int // per output batch: the batch of b, times K·N
}

// NewMatMul checks the shapes of MatMul's operands (rank 1 operands are
// promoted as numpy does) and returns its geometry.
func NewMatMul(a, b []int) (*MatMul, error) {
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
	mm := &MatMul{M: a2[len(a2)-2], K: a2[len(a2)-1], N: b2[len(b2)-1]}
	if kb := b2[len(b2)-2]; kb != mm.K {
		return nil, fmt.Errorf("inner dimensions differ: %v × %v (%d vs %d)", a, b, mm.K, kb)
	}
	ab, bb := a2[:len(a2)-2], b2[:len(b2)-2]
	batch, err := tensor.BroadcastShape(ab, bb)
	if err != nil {
		return nil, fmt.Errorf("batch dimensions of %v and %v: %w", a, b, err)
	}
	mm.Out = append([]int(nil), batch...)
	if len(a) > 1 {
		mm.Out = append(mm.Out, mm.M)
	}
	if len(b) > 1 {
		mm.Out = append(mm.Out, mm.N)
	}
	if err := tensor.CheckShape(mm.Out); err != nil {
		return nil, err
	}
	mm.ABatch = tensor.BroadcastIndex(ab, batch)
	mm.BBatch = tensor.BroadcastIndex(bb, batch)
	if mm.ABatch == nil || mm.BBatch == nil {
		return nil, fmt.Errorf("shapes %v and %v are too large", a, b)
	}
	for i := range mm.ABatch {
		mm.ABatch[i] *= mm.M * mm.K
		mm.BBatch[i] *= mm.K * mm.N
	}
	return mm, nil
}

// A TransposedConv is the geometry of one ConvTranspose node, in gather
// form: output position o along a spatial axis receives input position i
// through kernel tap k when o = i·stride + k·dilation − pad_begin, i.e.
// when o + pad_begin − k·dilation is a non-negative multiple of the stride
// below the input size.
type TransposedConv struct {
	X, W, Out                []int // input (N, C, ...), weight (C, M/group, k...), output (N, M, ...)
	Strides, Dilations, Pads []int
	Group                    int
}

// NewTransposedConv checks the shapes of a ConvTranspose, x [N, C,
// spatial...] and w [C, M/group, kernel...], and reads its attributes
// (absent ones take their ONNX defaults).
func NewTransposedConv(n *Node, x, w []int) (*TransposedConv, error) {
	if len(x) < 3 || len(w) != len(x) {
		return nil, fmt.Errorf("input %v and weight %v: want (N, C, spatial...) and (C, M/group, kernel...) of the same rank", x, w)
	}
	sp := len(x) - 2
	tc := &TransposedConv{X: x, W: w, Group: int(n.Int("group", 1))}
	get := func(name string, size, def int) ([]int, error) {
		v := n.Ints(name)
		if v == nil {
			out := make([]int, size)
			for i := range out {
				out[i] = def
			}
			return out, nil
		}
		if len(v) != size {
			return nil, fmt.Errorf("%s %v has %d entries, want %d", name, v, len(v), size)
		}
		out := make([]int, size)
		for i, e := range v {
			if e < 0 || e > tensor.MaxElements {
				return nil, fmt.Errorf("%s %v is out of range", name, v)
			}
			out[i] = int(e)
		}
		return out, nil
	}
	var err error
	if tc.Strides, err = get("strides", sp, 1); err != nil {
		return nil, err
	}
	if tc.Dilations, err = get("dilations", sp, 1); err != nil {
		return nil, err
	}
	if tc.Pads, err = get("pads", 2*sp, 0); err != nil {
		return nil, err
	}
	outPad, err := get("output_padding", sp, 0)
	if err != nil {
		return nil, err
	}
	if tc.Group < 1 || x[1] != w[0] || w[0]%tc.Group != 0 {
		return nil, fmt.Errorf("input %v has %d channels, weight %v expects %d (group=%d)", x, x[1], w, w[0], tc.Group)
	}
	tc.Out = []int{x[0], w[1] * tc.Group}
	for d := range sp {
		if tc.Strides[d] < 1 || tc.Dilations[d] < 1 {
			return nil, fmt.Errorf("strides %v and dilations %v must be positive", tc.Strides, tc.Dilations)
		}
		o := tc.Strides[d]*(x[2+d]-1) + outPad[d] + (w[2+d]-1)*tc.Dilations[d] + 1 - tc.Pads[d] - tc.Pads[d+sp]
		if o < 1 {
			return nil, fmt.Errorf("spatial axis %d: pads %v leave no output", d, tc.Pads)
		}
		tc.Out = append(tc.Out, o)
	}
	return tc, tensor.CheckShape(tc.Out)
}

// Rows calls f for every output element in row-major order with the
// (input, weight) element pairs whose products it sums, and its channel.
func (tc *TransposedConv) Rows(f func(m int, taps [][2]int)) {
	sp := len(tc.X) - 2
	xs, ws := tensor.Strides(tc.X), tensor.Strides(tc.W)
	kernel := tc.W[2:]
	cpg, mpg := tc.X[1]/tc.Group, tc.W[1]
	var taps [][2]int
	o := make([]int, len(tc.Out))
	kc := make([]int, sp)
	for range tensor.Size(tc.Out) {
		taps = taps[:0]
		nb, m := o[0], o[1]
		grp, ml := m/mpg, m%mpg
		for ci := range cpg {
			ch := grp*cpg + ci
			for i := range kc {
				kc[i] = 0
			}
			for range tensor.Size(kernel) {
				xi, wi, ok := nb*xs[0]+ch*xs[1], ch*ws[0]+ml*ws[1], true
				for d := range sp {
					num := o[2+d] + tc.Pads[d] - kc[d]*tc.Dilations[d]
					if num < 0 || num%tc.Strides[d] != 0 || num/tc.Strides[d] >= tc.X[2+d] {
						ok = false
						break
					}
					xi += num / tc.Strides[d] * xs[2+d]
					wi += kc[d] * ws[2+d]
				}
				if ok {
					taps = append(taps, [2]int{xi, wi})
				}
				increment(kc, kernel)
			}
		}
		f(m, taps)
		increment(o, tc.Out)
	}
}
