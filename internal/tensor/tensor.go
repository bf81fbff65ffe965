// Package tensor holds zkml's shape arithmetic and index maps.
//
// Every data-movement operator (Transpose, Slice, Pad, Concat, Gather,
// Expand, Tile, broadcasting) is described here once, as an index map: the
// function returns the output shape and a slice src with one entry per output
// element, so that output element i (flat, row-major) is input element
// src[i]. The same map serves constant folding in onnx/, the float reference
// executor in quantize/ and the lowering to circuit rows (a row with one
// coefficient-1 term per output element), so the three can never disagree on
// what an operator moves where.
//
// Reshape, Flatten, Squeeze, Unsqueeze and Identity keep row-major order and
// need no map; [ResolveReshape] computes Reshape's output shape.
//
// Functions that can fail return an error and never panic, whatever their
// arguments: shapes, axes and attributes come from untrusted model files.
// Errors do not name a node; callers prefix them with one.
package tensor

import (
	"errors"
	"fmt"
	"math"
)

// MaxElements caps the number of elements of any shape an index map is
// built for. Index maps are materialized ([]int per element), so a model
// claiming a gigantic shape must fail with an error rather than exhaust
// memory; 2^26 elements is far beyond anything a circuit can hold.
const MaxElements = 1 << 26

// errTooLarge is wrapped by every error about a shape over MaxElements.
var errTooLarge = errors.New("tensor too large")

// Size is the number of elements of a shape: the product of its dimensions,
// 1 for a scalar (empty shape) and 0 when any dimension is 0. It does not
// validate; see [CheckShape].
func Size(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// CheckShape reports a negative dimension or a shape with more than
// MaxElements elements.
func CheckShape(shape []int) error {
	n := 1
	for i, d := range shape {
		if d < 0 {
			return fmt.Errorf("shape %v: dimension %d is negative", shape, i)
		}
		if d == 0 {
			n = 0
			continue
		}
		if n > MaxElements/d {
			// keep scanning for negative dimensions, which are the worse error
			n = MaxElements + 1
			continue
		}
		n *= d
	}
	if n > MaxElements {
		return fmt.Errorf("shape %v: %w: more than %d elements", shape, errTooLarge, MaxElements)
	}
	return nil
}

// Strides returns the row-major strides of a shape: the flat distance
// between neighbours along each axis.
func Strides(shape []int) []int {
	s := make([]int, len(shape))
	acc := 1
	for i := len(shape) - 1; i >= 0; i-- {
		s[i] = acc
		acc *= shape[i]
	}
	return s
}

// NormAxis turns a possibly negative axis into one in [0, rank), or reports
// it out of range.
func NormAxis(axis int64, rank int) (int, error) {
	if axis < -int64(rank) || axis >= int64(rank) {
		return 0, fmt.Errorf("axis %d is out of range for rank %d (must be in [%d, %d])", axis, rank, -rank, rank-1)
	}
	if axis < 0 {
		axis += int64(rank)
	}
	return int(axis), nil
}

// BroadcastShape returns the shape all the given shapes broadcast to under
// numpy's rules: shapes are aligned on their last axis, and along each axis
// the dimensions must be equal or 1.
func BroadcastShape(shapes ...[]int) ([]int, error) {
	rank := 0
	for _, s := range shapes {
		if err := CheckShape(s); err != nil {
			return nil, err
		}
		rank = max(rank, len(s))
	}
	out := make([]int, rank)
	for i := range out {
		out[i] = 1
	}
	for _, s := range shapes {
		off := rank - len(s)
		for i, d := range s {
			switch o := out[off+i]; {
			case o == d || d == 1:
			case o == 1:
				out[off+i] = d
			default:
				return nil, fmt.Errorf("shapes %v do not broadcast: dimension %d vs %d on axis %d from the end", shapes, o, d, rank-off-i)
			}
		}
	}
	if err := CheckShape(out); err != nil {
		return nil, err
	}
	return out, nil
}

// BroadcastIndex returns, for each element of shape out, the flat index of
// the element of a tensor of shape in that broadcasting maps onto it. It
// returns nil when in does not broadcast to out (check with BroadcastShape
// first when that is not known), or when out is over MaxElements.
func BroadcastIndex(in, out []int) []int {
	if len(in) > len(out) || CheckShape(in) != nil || CheckShape(out) != nil {
		return nil
	}
	off := len(out) - len(in)
	// inStride[j] is the stride of in along out's axis j, 0 where broadcast.
	inStride := make([]int, len(out))
	st := Strides(in)
	for i, d := range in {
		switch {
		case d == out[off+i]:
			inStride[off+i] = st[i]
		case d == 1:
		default:
			return nil
		}
	}
	return gatherMap(out, func(coord []int) int {
		s := 0
		for j, c := range coord {
			s += c * inStride[j]
		}
		return s
	})
}

// gatherMap builds an index map by calling f with every coordinate of shape
// out in row-major order. The coordinate slice is reused between calls.
func gatherMap(out []int, f func(coord []int) int) []int {
	n := Size(out)
	src := make([]int, n)
	if n == 0 {
		return src
	}
	coord := make([]int, len(out))
	for i := 0; i < n; i++ {
		src[i] = f(coord)
		for j := len(coord) - 1; j >= 0; j-- {
			coord[j]++
			if coord[j] < out[j] {
				break
			}
			coord[j] = 0
		}
	}
	return src
}

// Transpose permutes the axes of shape: output axis i is input axis perm[i].
// An empty perm reverses the axes, as ONNX specifies.
func Transpose(shape []int, perm []int) (out []int, src []int, err error) {
	if err := CheckShape(shape); err != nil {
		return nil, nil, err
	}
	r := len(shape)
	if len(perm) == 0 {
		perm = make([]int, r)
		for i := range perm {
			perm[i] = r - 1 - i
		}
	}
	if len(perm) != r {
		return nil, nil, fmt.Errorf("transpose perm %v has %d entries, the input has rank %d", perm, len(perm), r)
	}
	seen := make([]bool, r)
	for _, p := range perm {
		if p < 0 || p >= r || seen[p] {
			return nil, nil, fmt.Errorf("transpose perm %v is not a permutation of 0..%d", perm, r-1)
		}
		seen[p] = true
	}
	out = make([]int, r)
	st := Strides(shape)
	pst := make([]int, r) // input stride of output axis i
	for i, p := range perm {
		out[i] = shape[p]
		pst[i] = st[p]
	}
	src = gatherMap(out, func(coord []int) int {
		s := 0
		for j, c := range coord {
			s += c * pst[j]
		}
		return s
	})
	return out, src, nil
}

// NormalizeSlice resolves ONNX Slice parameters against shape and returns
// one start, step and output length per axis of shape: output index j along
// axis a reads input index start[a] + j*step[a]. Axes not listed keep their
// full range with step 1.
//
// ONNX rules: axes default to 0..len(starts)-1 and may be negative; steps
// default to 1 and must not be 0; negative starts and ends count from the end
// of the axis; then, for a positive step, start and end are clamped to
// [0, dim], and for a negative step, start to [0, dim-1] and end to
// [-1, dim-1]. Values such as INT64_MAX and INT64_MIN ("to the end") are
// therefore allowed.
func NormalizeSlice(shape []int, starts, ends, axes, steps []int64) (start, step, count []int, err error) {
	if err := CheckShape(shape); err != nil {
		return nil, nil, nil, err
	}
	r := len(shape)
	if len(starts) != len(ends) {
		return nil, nil, nil, fmt.Errorf("slice has %d starts but %d ends", len(starts), len(ends))
	}
	if axes != nil && len(axes) != len(starts) {
		return nil, nil, nil, fmt.Errorf("slice has %d starts but %d axes", len(starts), len(axes))
	}
	if steps != nil && len(steps) != len(starts) {
		return nil, nil, nil, fmt.Errorf("slice has %d starts but %d steps", len(starts), len(steps))
	}
	if axes == nil && len(starts) > r {
		return nil, nil, nil, fmt.Errorf("slice has %d starts, more than the input rank %d", len(starts), r)
	}
	start = make([]int, r)
	step = make([]int, r)
	count = make([]int, r)
	seen := make([]bool, r)
	for a := range shape {
		step[a], count[a] = 1, shape[a]
	}
	for i := range starts {
		a := i
		if axes != nil {
			if a, err = NormAxis(axes[i], r); err != nil {
				return nil, nil, nil, fmt.Errorf("slice: %w", err)
			}
		}
		if seen[a] {
			return nil, nil, nil, fmt.Errorf("slice lists axis %d twice", a)
		}
		seen[a] = true
		var sp int64 = 1
		if steps != nil {
			sp = steps[i]
		}
		if sp == 0 {
			return nil, nil, nil, fmt.Errorf("slice step on axis %d is 0", a)
		}
		d := int64(shape[a])
		b, e := starts[i], ends[i]
		if b < 0 {
			b += d // cannot overflow: d >= 0 and b < 0
		}
		if e < 0 {
			e += d
		}
		var n int64
		switch {
		case d == 0:
			// nothing to take; the clamping below would give [0, -1]
		case sp > 0:
			b, e = clamp(b, 0, d), clamp(e, 0, d)
			if e > b {
				n = (e-b-1)/sp + 1 // not (e-b+sp-1)/sp, which overflows for huge steps
			}
		default:
			b, e = clamp(b, 0, d-1), clamp(e, -1, d-1)
			if b > e {
				n = (e-b+1)/sp + 1 // both negative: truncation is floor; -sp would overflow
			}
		}
		if sp < math.MinInt32 || sp > math.MaxInt32 {
			// The step only matters when n > 1, in which case |step| < d;
			// keep it in int range so start + j*step cannot overflow.
			if sp > 0 {
				sp = d + 1
			} else {
				sp = -(d + 1)
			}
		}
		start[a], step[a], count[a] = int(b), int(sp), int(n)
	}
	return start, step, count, nil
}

func clamp(v, lo, hi int64) int64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// Slice implements ONNX Slice (see [NormalizeSlice] for the rules). axes and
// steps may be nil.
func Slice(shape []int, starts, ends, axes, steps []int64) (out []int, src []int, err error) {
	start, step, count, err := NormalizeSlice(shape, starts, ends, axes, steps)
	if err != nil {
		return nil, nil, err
	}
	st := Strides(shape)
	base := 0
	for a := range shape {
		if count[a] > 0 {
			base += start[a] * st[a]
		}
	}
	src = gatherMap(count, func(coord []int) int {
		s := base
		for j, c := range coord {
			s += c * step[j] * st[j]
		}
		return s
	})
	return count, src, nil
}

// Pad implements ONNX Pad's index map. pads holds the begin pads of every
// axis, then the end pads ([x1_begin, x2_begin, ..., x1_end, x2_end, ...]);
// a negative pad removes elements. In "constant" mode src is -1 for padded
// elements (the caller supplies the constant); "edge" repeats the border
// element, "reflect" mirrors without repeating the border (as numpy does,
// also for pads wider than the axis), and "wrap" repeats the axis
// periodically.
func Pad(shape []int, pads []int64, mode string) (out []int, src []int, err error) {
	if err := CheckShape(shape); err != nil {
		return nil, nil, err
	}
	r := len(shape)
	if len(pads) != 2*r {
		return nil, nil, fmt.Errorf("pad has %d pads, want 2×rank = %d", len(pads), 2*r)
	}
	switch mode {
	case "constant", "reflect", "edge", "wrap":
	default:
		return nil, nil, fmt.Errorf("pad mode %q is not supported (use constant, reflect, edge or wrap)", mode)
	}
	out = make([]int, r)
	begin := make([]int, r)
	for a, d := range shape {
		b, e := pads[a], pads[a+r]
		// bound pads before adding so that the sum cannot overflow
		if b > MaxElements || e > MaxElements || b < -MaxElements || e < -MaxElements {
			return nil, nil, fmt.Errorf("pad of axis %d (%d, %d) is out of range: %w", a, b, e, errTooLarge)
		}
		n := int64(d) + b + e
		if n < 0 {
			return nil, nil, fmt.Errorf("pads (%d, %d) remove more than the %d elements of axis %d", b, e, d, a)
		}
		if mode != "constant" && d == 0 && n > 0 {
			return nil, nil, fmt.Errorf("pad mode %q cannot pad axis %d, which is empty", mode, a)
		}
		out[a], begin[a] = int(n), int(b)
	}
	if err := CheckShape(out); err != nil {
		return nil, nil, err
	}
	st := Strides(shape)
	src = gatherMap(out, func(coord []int) int {
		s := 0
		for j, c := range coord {
			x, d := c-begin[j], shape[j]
			if x < 0 || x >= d {
				switch mode {
				case "constant":
					return -1
				case "edge":
					x = min(max(x, 0), d-1)
				case "wrap":
					x = ((x % d) + d) % d
				case "reflect":
					x = mirror(x, d)
				}
			}
			s += x * st[j]
		}
		return s
	})
	return out, src, nil
}

// mirror maps x onto [0, d) by mirroring at the borders without repeating
// them: period 2(d-1).
func mirror(x, d int) int {
	if d == 1 {
		return 0
	}
	p := 2 * (d - 1)
	x = ((x % p) + p) % p
	if x >= d {
		x = p - x
	}
	return x
}

// Concat joins shapes along axis (negative counts from the end): which[i] is
// the input that output element i comes from and src[i] its flat index in
// that input.
func Concat(shapes [][]int, axis int) (out []int, which []int, src []int, err error) {
	if len(shapes) == 0 {
		return nil, nil, nil, errors.New("concat has no inputs")
	}
	r := len(shapes[0])
	a, err := NormAxis(int64(axis), r)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("concat: %w", err)
	}
	out = append([]int(nil), shapes[0]...)
	out[a] = 0
	offs := make([]int, len(shapes)+1) // start of input k along the axis
	for k, s := range shapes {
		if err := CheckShape(s); err != nil {
			return nil, nil, nil, err
		}
		if len(s) != r {
			return nil, nil, nil, fmt.Errorf("concat input %d has rank %d, input 0 has rank %d", k, len(s), r)
		}
		for j := range s {
			if j != a && s[j] != out[j] {
				return nil, nil, nil, fmt.Errorf("concat input %d has shape %v, which differs from input 0's %v outside axis %d", k, s, shapes[0], a)
			}
		}
		if s[a] > MaxElements {
			return nil, nil, nil, fmt.Errorf("concat: %w", errTooLarge)
		}
		out[a] += s[a]
		offs[k+1] = out[a]
	}
	if err := CheckShape(out); err != nil {
		return nil, nil, nil, err
	}
	strides := make([][]int, len(shapes))
	for k, s := range shapes {
		strides[k] = Strides(s)
	}
	which = make([]int, Size(out))
	i := 0
	src = gatherMap(out, func(coord []int) int {
		c := coord[a]
		k := 0
		for offs[k+1] <= c {
			k++
		}
		which[i] = k
		i++
		s := 0
		for j, x := range coord {
			if j == a {
				x -= offs[k]
			}
			s += x * strides[k][j]
		}
		return s
	})
	return out, which, src, nil
}

// Gather implements ONNX Gather: the output has shape
// shape[:axis] + indicesShape + shape[axis+1:], and picks along axis the
// entries that indices (row-major, of shape indicesShape) name. Negative
// indices count from the end of the axis.
func Gather(shape []int, axis int, indices []int64, indicesShape []int) (out []int, src []int, err error) {
	if err := CheckShape(shape); err != nil {
		return nil, nil, err
	}
	if err := CheckShape(indicesShape); err != nil {
		return nil, nil, fmt.Errorf("gather indices: %w", err)
	}
	a, err := NormAxis(int64(axis), len(shape))
	if err != nil {
		return nil, nil, fmt.Errorf("gather: %w", err)
	}
	if len(indices) != Size(indicesShape) {
		return nil, nil, fmt.Errorf("gather has %d indices for an indices shape %v", len(indices), indicesShape)
	}
	d := int64(shape[a])
	idx := make([]int, len(indices))
	for i, x := range indices {
		if x < -d || x >= d {
			return nil, nil, fmt.Errorf("gather index %d is out of range for axis %d of size %d", x, a, d)
		}
		if x < 0 {
			x += d
		}
		idx[i] = int(x)
	}
	out = make([]int, 0, len(shape)-1+len(indicesShape))
	out = append(append(append(out, shape[:a]...), indicesShape...), shape[a+1:]...)
	if err := CheckShape(out); err != nil {
		return nil, nil, err
	}
	st := Strides(shape)
	ist := Strides(indicesShape)
	q := len(indicesShape)
	src = gatherMap(out, func(coord []int) int {
		s := 0
		for j := 0; j < a; j++ {
			s += coord[j] * st[j]
		}
		k := 0
		for j := 0; j < q; j++ {
			k += coord[a+j] * ist[j]
		}
		s += idx[k] * st[a]
		for j := a + 1; j < len(shape); j++ {
			s += coord[j+q-1] * st[j]
		}
		return s
	})
	return out, src, nil
}

// Expand implements ONNX Expand: shape is broadcast against target (numpy
// rules, so the output may be larger than target along axes where target
// has 1).
func Expand(shape, target []int) (out []int, src []int, err error) {
	out, err = BroadcastShape(shape, target)
	if err != nil {
		return nil, nil, fmt.Errorf("expand: %w", err)
	}
	return out, BroadcastIndex(shape, out), nil
}

// Tile implements ONNX Tile: axis i is repeated repeats[i] times.
func Tile(shape []int, repeats []int64) (out []int, src []int, err error) {
	if err := CheckShape(shape); err != nil {
		return nil, nil, err
	}
	if len(repeats) != len(shape) {
		return nil, nil, fmt.Errorf("tile has %d repeats for rank %d", len(repeats), len(shape))
	}
	out = make([]int, len(shape))
	for i, rep := range repeats {
		if rep < 0 {
			return nil, nil, fmt.Errorf("tile repeat %d on axis %d is negative", rep, i)
		}
		if rep > MaxElements {
			return nil, nil, fmt.Errorf("tile repeat %d on axis %d: %w", rep, i, errTooLarge)
		}
		out[i] = shape[i] * int(rep)
	}
	if err := CheckShape(out); err != nil {
		return nil, nil, err
	}
	st := Strides(shape)
	src = gatherMap(out, func(coord []int) int {
		s := 0
		for j, c := range coord {
			s += (c % shape[j]) * st[j]
		}
		return s
	})
	return out, src, nil
}

// ResolveReshape computes ONNX Reshape's output shape: a 0 in shape copies
// the input's dimension at that position (unless allowZero, when 0 means a
// zero-size dimension), and one -1 is inferred from the element count.
func ResolveReshape(in []int, shape []int64, allowZero bool) ([]int, error) {
	if err := CheckShape(in); err != nil {
		return nil, err
	}
	out := make([]int, len(shape))
	infer := -1
	known := 1
	hasZero := false
	for i, d := range shape {
		switch {
		case d == -1:
			if infer >= 0 {
				return nil, fmt.Errorf("reshape target %v has more than one -1", shape)
			}
			infer = i
			continue
		case d == 0 && !allowZero:
			if i >= len(in) {
				return nil, fmt.Errorf("reshape target %v copies dimension %d (0), but the input %v has rank %d", shape, i, in, len(in))
			}
			out[i] = in[i]
		case d < 0:
			return nil, fmt.Errorf("reshape target %v has negative dimension %d", shape, d)
		case d > MaxElements:
			return nil, fmt.Errorf("reshape target %v: %w", shape, errTooLarge)
		default:
			out[i] = int(d)
		}
		if out[i] == 0 {
			hasZero = true
			continue
		}
		known *= out[i]
		if known > MaxElements {
			return nil, fmt.Errorf("reshape target %v: %w", shape, errTooLarge)
		}
	}
	n := Size(in)
	if infer >= 0 {
		if hasZero {
			if allowZero {
				return nil, fmt.Errorf("reshape target %v has both -1 and 0 with allowzero=1", shape)
			}
			// a copied zero dimension: only an empty input fits, and -1 is ambiguous
			return nil, fmt.Errorf("reshape target %v cannot infer -1 next to a zero-size dimension", shape)
		}
		if n%known != 0 {
			return nil, fmt.Errorf("cannot reshape %v (%d elements) to %v: %d is not a multiple of %d", in, n, shape, n, known)
		}
		out[infer] = n / known
	}
	if Size(out) != n {
		return nil, fmt.Errorf("cannot reshape %v (%d elements) to %v (%d elements)", in, n, out, Size(out))
	}
	return out, nil
}
