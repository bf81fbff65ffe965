package tensor

import (
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func iota(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestSizeStrides(t *testing.T) {
	for _, tc := range []struct {
		shape   []int
		size    int
		strides []int
	}{
		{nil, 1, []int{}},
		{[]int{}, 1, []int{}},
		{[]int{5}, 5, []int{1}},
		{[]int{2, 3, 4}, 24, []int{12, 4, 1}},
		{[]int{2, 0, 4}, 0, []int{0, 4, 1}},
		{[]int{1, 1}, 1, []int{1, 1}},
	} {
		if got := Size(tc.shape); got != tc.size {
			t.Errorf("Size(%v) = %d, want %d", tc.shape, got, tc.size)
		}
		if got := Strides(tc.shape); !reflect.DeepEqual(got, tc.strides) {
			t.Errorf("Strides(%v) = %v, want %v", tc.shape, got, tc.strides)
		}
	}
}

func TestCheckShape(t *testing.T) {
	for _, tc := range []struct {
		shape []int
		err   string
	}{
		{nil, ""},
		{[]int{0, 1 << 40}, ""}, // empty, whatever the other dims
		{[]int{MaxElements}, ""},
		{[]int{MaxElements + 1}, "too large"},
		{[]int{1 << 13, 1 << 13, 2}, "too large"},
		{[]int{1 << 40, 1 << 40, 1 << 40}, "too large"}, // no overflow
		{[]int{2, -1}, "negative"},
		{[]int{1 << 40, 1 << 40, -1}, "negative"},
	} {
		checkErr(t, "CheckShape", CheckShape(tc.shape), tc.err)
	}
}

func checkErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", what, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want one containing %q", what, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: error %q does not contain %q", what, err, want)
	}
}

func TestNormAxis(t *testing.T) {
	for _, tc := range []struct {
		axis int64
		rank int
		want int
		err  bool
	}{
		{0, 3, 0, false}, {2, 3, 2, false}, {-1, 3, 2, false}, {-3, 3, 0, false},
		{3, 3, 0, true}, {-4, 3, 0, true}, {0, 0, 0, true},
		{math.MinInt64, 3, 0, true}, {math.MaxInt64, 3, 0, true},
	} {
		got, err := NormAxis(tc.axis, tc.rank)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("NormAxis(%d, %d) = %d, %v", tc.axis, tc.rank, got, err)
		}
	}
}

func TestBroadcast(t *testing.T) {
	for _, tc := range []struct {
		shapes [][]int
		want   []int
		err    string
	}{
		{nil, []int{}, ""},
		{[][]int{{}}, []int{}, ""},
		{[][]int{{}, {2, 3}}, []int{2, 3}, ""},
		{[][]int{{3}, {2, 3}}, []int{2, 3}, ""},
		{[][]int{{2, 1}, {1, 3}}, []int{2, 3}, ""},
		{[][]int{{2, 1, 4}, {3, 1}, {1}}, []int{2, 3, 4}, ""},
		{[][]int{{0}, {1}}, []int{0}, ""},
		{[][]int{{0}, {2}}, nil, "do not broadcast"},
		{[][]int{{2}, {3}}, nil, "do not broadcast"},
		{[][]int{{2, -1}}, nil, "negative"},
		{[][]int{{1 << 14, 1}, {1, 1 << 14}}, nil, "too large"},
	} {
		got, err := BroadcastShape(tc.shapes...)
		checkErr(t, "BroadcastShape", err, tc.err)
		if err == nil && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("BroadcastShape(%v) = %v, want %v", tc.shapes, got, tc.want)
		}
	}

	for _, tc := range []struct {
		in, out []int
		want    []int
	}{
		{[]int{}, []int{2, 2}, []int{0, 0, 0, 0}},
		{[]int{3}, []int{2, 3}, []int{0, 1, 2, 0, 1, 2}},
		{[]int{2, 1}, []int{2, 3}, []int{0, 0, 0, 1, 1, 1}},
		{[]int{1, 2}, []int{1, 3, 2}, []int{0, 1, 0, 1, 0, 1}},
		{[]int{2, 3}, []int{2, 3}, iota(6)},
		{[]int{1}, []int{0}, []int{}},
		{[]int{2}, []int{3}, nil},
		{[]int{2, 3}, []int{3}, nil},
		{[]int{-1}, []int{3}, nil},
	} {
		if got := BroadcastIndex(tc.in, tc.out); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("BroadcastIndex(%v, %v) = %v, want %v", tc.in, tc.out, got, tc.want)
		}
	}
}

func TestTranspose(t *testing.T) {
	for _, tc := range []struct {
		shape, perm []int
		out, src    []int
		err         string
	}{
		{[]int{}, nil, []int{}, []int{0}, ""},
		{[]int{2, 3}, nil, []int{3, 2}, []int{0, 3, 1, 4, 2, 5}, ""},
		{[]int{2, 3}, []int{1, 0}, []int{3, 2}, []int{0, 3, 1, 4, 2, 5}, ""},
		{[]int{2, 3}, []int{0, 1}, []int{2, 3}, iota(6), ""},
		{[]int{1, 2, 2}, []int{2, 0, 1}, []int{2, 1, 2}, []int{0, 2, 1, 3}, ""},
		{[]int{2, 0}, []int{1, 0}, []int{0, 2}, []int{}, ""},
		{[]int{2, 3}, []int{0}, nil, nil, "has 1 entries"},
		{[]int{2, 3}, []int{0, 0}, nil, nil, "not a permutation"},
		{[]int{2, 3}, []int{0, 2}, nil, nil, "not a permutation"},
		{[]int{2, 3}, []int{-1, 0}, nil, nil, "not a permutation"},
		{[]int{-2, 3}, nil, nil, nil, "negative"},
	} {
		out, src, err := Transpose(tc.shape, tc.perm)
		checkErr(t, "Transpose", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Transpose(%v, %v) = %v, %v; want %v, %v", tc.shape, tc.perm, out, src, tc.out, tc.src)
		}
	}
}

// sliceAxisRef is numpy slicing for one axis, except that with a negative
// step a start before the beginning is clamped to 0 (as the ONNX operator
// text says) where numpy would return nothing.
func sliceAxisRef(d int, start, end, step int64) []int {
	var idx []int
	if d == 0 {
		return nil
	}
	if step > 0 {
		if start < 0 {
			start += int64(d)
		}
		if end < 0 {
			end += int64(d)
		}
		start = max(0, min(start, int64(d)))
		end = max(0, min(end, int64(d)))
		for i := start; i < end; i += min(step, int64(d)) { // min: no overflow
			idx = append(idx, int(i))
		}
	} else {
		if start < 0 {
			start += int64(d)
		}
		if end < 0 {
			end += int64(d)
		}
		start = max(0, min(start, int64(d-1)))
		end = max(-1, min(end, int64(d-1)))
		for i := start; i > end; i += max(step, -int64(d)) {
			if i >= 0 {
				idx = append(idx, int(i))
			}
		}
	}
	return idx
}

func TestSliceTable(t *testing.T) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	for _, tc := range []struct {
		shape                     []int
		starts, ends, axes, steps []int64
		out, src                  []int
		err                       string
	}{
		{[]int{5}, []int64{1}, []int64{3}, nil, nil, []int{2}, []int{1, 2}, ""},
		{[]int{5}, []int64{-2}, []int64{maxI}, nil, nil, []int{2}, []int{3, 4}, ""},
		{[]int{5}, []int64{minI}, []int64{maxI}, nil, []int64{2}, []int{3}, []int{0, 2, 4}, ""},
		{[]int{5}, []int64{maxI}, []int64{minI}, nil, []int64{-1}, []int{5}, []int{4, 3, 2, 1, 0}, ""},
		{[]int{5}, []int64{-1}, []int64{-6}, nil, []int64{-2}, []int{3}, []int{4, 2, 0}, ""},
		{[]int{5}, []int64{3}, []int64{1}, nil, nil, []int{0}, []int{}, ""},
		{[]int{5}, []int64{1}, []int64{3}, nil, []int64{maxI}, []int{1}, []int{1}, ""},
		{[]int{5}, []int64{4}, []int64{0}, nil, []int64{minI}, []int{1}, []int{4}, ""},
		{[]int{2, 3}, []int64{1}, []int64{3}, []int64{-1}, nil, []int{2, 2}, []int{1, 2, 4, 5}, ""},
		{[]int{2, 3}, []int64{1, 0}, []int64{2, 1}, []int64{1, 0}, nil, []int{1, 1}, []int{1}, ""},
		{[]int{0, 3}, []int64{0}, []int64{1}, []int64{1}, nil, []int{0, 1}, []int{}, ""},
		{[]int{0}, []int64{0}, []int64{-1}, nil, []int64{-1}, []int{0}, []int{}, ""},
		{[]int{}, nil, nil, nil, nil, []int{}, []int{0}, ""},
		{[]int{5}, []int64{1}, []int64{3, 4}, nil, nil, nil, nil, "2 ends"},
		{[]int{5}, []int64{1}, []int64{3}, []int64{0, 1}, nil, nil, nil, "2 axes"},
		{[]int{5}, []int64{1}, []int64{3}, nil, []int64{1, 1}, nil, nil, "2 steps"},
		{[]int{5}, []int64{1, 1}, []int64{3, 3}, nil, nil, nil, nil, "more than the input rank"},
		{[]int{5}, []int64{1}, []int64{3}, []int64{1}, nil, nil, nil, "out of range"},
		{[]int{5, 5}, []int64{1, 1}, []int64{3, 3}, []int64{0, -2}, nil, nil, nil, "twice"},
		{[]int{5}, []int64{1}, []int64{3}, nil, []int64{0}, nil, nil, "step on axis 0 is 0"},
	} {
		out, src, err := Slice(tc.shape, tc.starts, tc.ends, tc.axes, tc.steps)
		checkErr(t, "Slice", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Slice(%v, %v, %v, %v, %v) = %v, %v; want %v, %v", tc.shape, tc.starts, tc.ends, tc.axes, tc.steps, out, src, tc.out, tc.src)
		}
	}
}

// TestSliceRandom compares Slice with the reference on every axis length up
// to 6 and every start/end/step in a range that covers all clamping cases.
func TestSliceRandom(t *testing.T) {
	vals := []int64{math.MinInt64, -8, -7, -6, -5, -3, -2, -1, 0, 1, 2, 3, 5, 6, 7, math.MaxInt64}
	steps := []int64{math.MinInt64, -7, -3, -2, -1, 1, 2, 3, 7, math.MaxInt64}
	for d := 0; d <= 6; d++ {
		for _, b := range vals {
			for _, e := range vals {
				for _, s := range steps {
					// as axis 1 of a [2, d] tensor, to exercise strides
					out, src, err := Slice([]int{2, d}, []int64{b}, []int64{e}, []int64{1}, []int64{s})
					if err != nil {
						t.Fatalf("Slice d=%d %d:%d:%d: %v", d, b, e, s, err)
					}
					ref := sliceAxisRef(d, b, e, s)
					var want []int
					for r := 0; r < 2; r++ {
						for _, x := range ref {
							want = append(want, r*d+x)
						}
					}
					if want == nil {
						want = []int{}
					}
					if !reflect.DeepEqual(out, []int{2, len(ref)}) || !reflect.DeepEqual(src, want) {
						t.Fatalf("Slice d=%d %d:%d:%d = %v %v, want %v", d, b, e, s, out, src, want)
					}
				}
			}
		}
	}
}

func TestPad(t *testing.T) {
	for _, tc := range []struct {
		shape    []int
		pads     []int64
		mode     string
		out, src []int
		err      string
	}{
		{[]int{3}, []int64{1, 2}, "constant", []int{6}, []int{-1, 0, 1, 2, -1, -1}, ""},
		{[]int{3}, []int64{2, 2}, "edge", []int{7}, []int{0, 0, 0, 1, 2, 2, 2}, ""},
		{[]int{3}, []int64{2, 2}, "reflect", []int{7}, []int{2, 1, 0, 1, 2, 1, 0}, ""},
		{[]int{3}, []int64{5, 0}, "reflect", []int{8}, []int{1, 0, 1, 2, 1, 0, 1, 2}, ""}, // wider than the axis: numpy repeats
		{[]int{1}, []int64{2, 1}, "reflect", []int{4}, []int{0, 0, 0, 0}, ""},
		{[]int{3}, []int64{2, 4}, "wrap", []int{9}, []int{1, 2, 0, 1, 2, 0, 1, 2, 0}, ""},
		{[]int{4}, []int64{-1, -2}, "constant", []int{1}, []int{1}, ""},
		{[]int{4}, []int64{-2, 1}, "edge", []int{3}, []int{2, 3, 3}, ""},
		{[]int{4}, []int64{-4, 0}, "constant", []int{0}, []int{}, ""},
		{[]int{2, 2}, []int64{1, 0, 0, 1}, "constant", []int{3, 3}, []int{-1, -1, -1, 0, 1, -1, 2, 3, -1}, ""},
		{[]int{}, []int64{}, "constant", []int{}, []int{0}, ""},
		{[]int{0}, []int64{1, 1}, "constant", []int{2}, []int{-1, -1}, ""},
		{[]int{0}, []int64{1, 1}, "edge", nil, nil, "empty"},
		{[]int{0}, []int64{1, 1}, "reflect", nil, nil, "empty"},
		{[]int{4}, []int64{-3, -2}, "constant", nil, nil, "remove more"},
		{[]int{4}, []int64{1}, "constant", nil, nil, "want 2×rank = 2"},
		{[]int{4}, []int64{1, 1}, "mirror", nil, nil, "not supported"},
		{[]int{4}, []int64{math.MaxInt64, 0}, "constant", nil, nil, "too large"},
		{[]int{4}, []int64{math.MinInt64, math.MaxInt64}, "constant", nil, nil, "out of range"},
		{[]int{4}, []int64{MaxElements, 0}, "constant", nil, nil, "too large"},
	} {
		out, src, err := Pad(tc.shape, tc.pads, tc.mode)
		checkErr(t, "Pad", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Pad(%v, %v, %s) = %v, %v; want %v, %v", tc.shape, tc.pads, tc.mode, out, src, tc.out, tc.src)
		}
	}
}

func TestConcat(t *testing.T) {
	for _, tc := range []struct {
		shapes          [][]int
		axis            int
		out, which, src []int
		err             string
	}{
		{[][]int{{2}, {3}}, 0, []int{5}, []int{0, 0, 1, 1, 1}, []int{0, 1, 0, 1, 2}, ""},
		{[][]int{{2, 1}, {2, 2}}, -1, []int{2, 3}, []int{0, 1, 1, 0, 1, 1}, []int{0, 0, 1, 1, 2, 3}, ""},
		{[][]int{{1, 2}, {0, 2}, {1, 2}}, 0, []int{2, 2}, []int{0, 0, 2, 2}, []int{0, 1, 0, 1}, ""},
		{[][]int{{2, 2}}, 1, []int{2, 2}, []int{0, 0, 0, 0}, iota(4), ""},
		{nil, 0, nil, nil, nil, "no inputs"},
		{[][]int{{}}, 0, nil, nil, nil, "out of range"},
		{[][]int{{2}, {2}}, 1, nil, nil, nil, "out of range"},
		{[][]int{{2}, {2, 1}}, 0, nil, nil, nil, "rank"},
		{[][]int{{2, 1}, {3, 1}}, 1, nil, nil, nil, "differs"},
		{[][]int{{-1}, {2}}, 0, nil, nil, nil, "negative"},
		{[][]int{{MaxElements}, {1}}, 0, nil, nil, nil, "too large"},
	} {
		out, which, src, err := Concat(tc.shapes, tc.axis)
		checkErr(t, "Concat", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(which, tc.which) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Concat(%v, %d) = %v, %v, %v; want %v, %v, %v", tc.shapes, tc.axis, out, which, src, tc.out, tc.which, tc.src)
		}
	}
}

func TestGather(t *testing.T) {
	for _, tc := range []struct {
		shape    []int
		axis     int
		idx      []int64
		idxShape []int
		out, src []int
		err      string
	}{
		{[]int{3}, 0, []int64{2}, []int{}, []int{}, []int{2}, ""},
		{[]int{3}, 0, []int64{-1, 0}, []int{2}, []int{2}, []int{2, 0}, ""},
		{[]int{2, 3}, 1, []int64{2, 0}, []int{2}, []int{2, 2}, []int{2, 0, 5, 3}, ""},
		{[]int{2, 3}, -1, []int64{1}, []int{}, []int{2}, []int{1, 4}, ""},
		{[]int{2, 3}, 0, []int64{1, 0, 1, 1}, []int{2, 2}, []int{2, 2, 3}, []int{3, 4, 5, 0, 1, 2, 3, 4, 5, 3, 4, 5}, ""},
		{[]int{2, 3, 2}, 1, []int64{2}, []int{1}, []int{2, 1, 2}, []int{4, 5, 10, 11}, ""},
		{[]int{3}, 0, []int64{}, []int{0}, []int{0}, []int{}, ""},
		{[]int{3}, 0, []int64{3}, []int{}, nil, nil, "out of range"},
		{[]int{3}, 0, []int64{-4}, []int{}, nil, nil, "out of range"},
		{[]int{3}, 0, []int64{math.MinInt64}, []int{}, nil, nil, "out of range"},
		{[]int{0}, 0, []int64{0}, []int{}, nil, nil, "out of range"},
		{[]int{3}, 1, []int64{0}, []int{}, nil, nil, "axis 1 is out of range"},
		{[]int{}, 0, []int64{0}, []int{}, nil, nil, "out of range"},
		{[]int{3}, 0, []int64{0, 1}, []int{3}, nil, nil, "2 indices"},
		{[]int{3}, 0, []int64{0}, []int{-1}, nil, nil, "negative"},
	} {
		out, src, err := Gather(tc.shape, tc.axis, tc.idx, tc.idxShape)
		checkErr(t, "Gather", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Gather(%v, %d, %v, %v) = %v, %v; want %v, %v", tc.shape, tc.axis, tc.idx, tc.idxShape, out, src, tc.out, tc.src)
		}
	}
}

func TestExpandTile(t *testing.T) {
	for _, tc := range []struct {
		shape, target []int
		out, src      []int
		err           string
	}{
		{[]int{}, []int{2}, []int{2}, []int{0, 0}, ""},
		{[]int{2, 1}, []int{3}, []int{2, 3}, []int{0, 0, 0, 1, 1, 1}, ""},
		{[]int{3}, []int{2, 1}, []int{2, 3}, []int{0, 1, 2, 0, 1, 2}, ""}, // target 1 keeps the input's dim
		{[]int{3}, []int{0, 1}, []int{0, 3}, []int{}, ""},
		{[]int{3}, []int{2}, nil, nil, "do not broadcast"},
	} {
		out, src, err := Expand(tc.shape, tc.target)
		checkErr(t, "Expand", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Expand(%v, %v) = %v, %v; want %v, %v", tc.shape, tc.target, out, src, tc.out, tc.src)
		}
	}
	for _, tc := range []struct {
		shape    []int
		reps     []int64
		out, src []int
		err      string
	}{
		{[]int{}, nil, []int{}, []int{0}, ""},
		{[]int{2}, []int64{3}, []int{6}, []int{0, 1, 0, 1, 0, 1}, ""},
		{[]int{1, 2}, []int64{2, 1}, []int{2, 2}, []int{0, 1, 0, 1}, ""},
		{[]int{2, 2}, []int64{1, 2}, []int{2, 4}, []int{0, 1, 0, 1, 2, 3, 2, 3}, ""},
		{[]int{2}, []int64{0}, []int{0}, []int{}, ""},
		{[]int{2}, []int64{-1}, nil, nil, "negative"},
		{[]int{2}, []int64{1, 1}, nil, nil, "2 repeats"},
		{[]int{2}, []int64{math.MaxInt64}, nil, nil, "too large"},
		{[]int{4}, []int64{MaxElements / 2}, nil, nil, "too large"},
	} {
		out, src, err := Tile(tc.shape, tc.reps)
		checkErr(t, "Tile", err, tc.err)
		if err == nil && (!reflect.DeepEqual(out, tc.out) || !reflect.DeepEqual(src, tc.src)) {
			t.Errorf("Tile(%v, %v) = %v, %v; want %v, %v", tc.shape, tc.reps, out, src, tc.out, tc.src)
		}
	}
}

func TestResolveReshape(t *testing.T) {
	for _, tc := range []struct {
		in        []int
		shape     []int64
		allowZero bool
		want      []int
		err       string
	}{
		{[]int{2, 3}, []int64{6}, false, []int{6}, ""},
		{[]int{2, 3}, []int64{-1}, false, []int{6}, ""},
		{[]int{2, 3, 4}, []int64{0, -1}, false, []int{2, 12}, ""},
		{[]int{2, 3, 4}, []int64{0, 0, 2, 2}, false, []int{2, 3, 2, 2}, ""},
		{[]int{1}, []int64{}, false, []int{}, ""},
		{[]int{}, []int64{1, 1}, false, []int{1, 1}, ""},
		{[]int{}, []int64{-1}, false, []int{1}, ""},
		{[]int{0, 3}, []int64{0, 3}, false, []int{0, 3}, ""},
		{[]int{0, 3}, []int64{0, 3}, true, []int{0, 3}, ""},
		{[]int{2, 0}, []int64{0, 5}, true, []int{0, 5}, ""},
		{[]int{2, 3}, []int64{0, 3}, true, nil, "6 elements"},
		{[]int{2, 0}, []int64{-1, 0}, true, nil, "allowzero"},
		{[]int{0, 3}, []int64{0, -1}, false, nil, "zero-size"},
		{[]int{2, 3}, []int64{-1, -1}, false, nil, "more than one -1"},
		{[]int{2, 3}, []int64{4, -1}, false, nil, "not a multiple"},
		{[]int{2, 3}, []int64{5}, false, nil, "6 elements"},
		{[]int{2, 3}, []int64{2, -2}, false, nil, "negative dimension"},
		{[]int{2}, []int64{0, 0}, false, nil, "rank 1"},
		{[]int{2}, []int64{math.MaxInt64}, false, nil, "too large"},
		{[]int{2}, []int64{1 << 20, 1 << 20, 0}, true, nil, "too large"},
		{[]int{-2}, []int64{2}, false, nil, "negative"},
	} {
		got, err := ResolveReshape(tc.in, tc.shape, tc.allowZero)
		checkErr(t, "ResolveReshape", err, tc.err)
		if err == nil && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ResolveReshape(%v, %v, %v) = %v, want %v", tc.in, tc.shape, tc.allowZero, got, tc.want)
		}
	}
}

// TestNoPanic throws random small arguments at every function: they must
// return an error or a map whose entries are in range.
func TestNoPanic(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	dim := func() int { return rng.Intn(6) - 1 }
	shape := func() []int {
		s := make([]int, rng.Intn(4))
		for i := range s {
			s[i] = dim()
		}
		return s
	}
	i64s := func(n int) []int64 {
		s := make([]int64, n)
		for i := range s {
			switch rng.Intn(8) {
			case 0:
				s[i] = math.MaxInt64
			case 1:
				s[i] = math.MinInt64
			default:
				s[i] = int64(rng.Intn(13) - 6)
			}
		}
		return s
	}
	inRange := func(what string, in []int, src []int) {
		n := Size(in)
		for _, s := range src {
			if s < -1 || s >= n {
				t.Fatalf("%s: src entry %d out of range for input %v", what, s, in)
			}
		}
	}
	for it := 0; it < 20000; it++ {
		s := shape()
		if _, src, err := Transpose(s, iota(len(s))); err == nil {
			inRange("Transpose", s, src)
		}
		k := rng.Intn(4)
		if _, src, err := Slice(s, i64s(k), i64s(k), i64s(k), i64s(k)); err == nil {
			inRange("Slice", s, src)
		}
		if _, src, err := Pad(s, i64s(2*len(s)), []string{"constant", "edge", "reflect", "wrap"}[rng.Intn(4)]); err == nil {
			inRange("Pad", s, src)
		}
		s2 := shape()
		if _, which, src, err := Concat([][]int{s, s2}, rng.Intn(5)-2); err == nil {
			for i, w := range which {
				inRange("Concat", [][]int{s, s2}[w], src[i:i+1])
			}
		}
		if _, src, err := Gather(s, rng.Intn(5)-2, i64s(2), []int{2}); err == nil {
			inRange("Gather", s, src)
		}
		if _, src, err := Expand(s, s2); err == nil {
			inRange("Expand", s, src)
		}
		if _, src, err := Tile(s, i64s(len(s))); err == nil {
			inRange("Tile", s, src)
		}
		_, _ = ResolveReshape(s, i64s(rng.Intn(4)), rng.Intn(2) == 0)
		_, _ = BroadcastShape(s, s2)
		_ = BroadcastIndex(s, s2)
	}
}
