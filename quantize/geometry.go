package quantize

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// The lowering's view of the geometry of onnx (onnx.Window, onnx.Reduction,
// onnx.MatMul): the one definition the evaluator uses too, so that the float
// reference and the plan agree on shapes and indices by construction.

// window is an onnx.Window.
type window struct {
	in, kernel, out []int // spatial dims of the input, the kernel and the output
	w               *onnx.Window
}

// tap is one kernel position that falls inside the input.
type tap struct {
	k  int // flat index into the kernel
	in int // flat index into the input's spatial dims
}

func newWindowOf(w *onnx.Window, err error) (*window, error) {
	if err != nil {
		return nil, err
	}
	return &window{in: w.In, kernel: w.Kernel, out: w.Out, w: w}, nil
}

// each calls f for every output position with the taps inside the input
// and the number of kernel positions inside the padded input (see
// onnx.Window.Each).
func (w *window) each(f func(out int, taps []tap, padded int)) {
	var ts []tap
	w.w.Each(func(o int, taps []onnx.Tap, padded int) {
		ts = ts[:0]
		for _, t := range taps {
			ts = append(ts, tap{k: t.K, in: t.In})
		}
		f(o, ts, padded)
	})
}

// poolWindow builds the window of a pooling node over an [N, C, spatial...] input.
func poolWindow(n *onnx.Node, shape []int) (*window, error) {
	return newWindowOf(onnx.PoolWindow(n, shape))
}

// convGeometry checks a Conv's shapes: x [N, C, spatial...], w [M, C/group,
// kernel...].
func convGeometry(n *onnx.Node, x, wShape []int) (*window, int, error) {
	w, group, err := onnx.ConvWindow(n, x, wShape)
	win, err := newWindowOf(w, err)
	return win, group, err
}

// reduction is an onnx.Reduction.
type reduction struct {
	out   []int   // output shape
	dst   []int   // per input element: its output element
	count int     // input elements per output element
	rows  [][]int // per output element: its input elements, in row-major order
}

func newReduction(shape []int, axes []int64, keepdims bool) (*reduction, error) {
	rd, err := onnx.NewReduction(shape, axes, keepdims)
	if err != nil {
		return nil, err
	}
	return &reduction{out: rd.Out, dst: rd.Dst, count: rd.Count, rows: rd.Rows}, nil
}

// matmul is an onnx.MatMul.
type matmul struct {
	out     []int
	m, k, n int
	aBatch  []int // per output batch: the batch (flat) of a, times m·k
	bBatch  []int // per output batch: the batch of b, times k·n
}

func newMatmul(a, b []int) (*matmul, error) {
	mm, err := onnx.NewMatMul(a, b)
	if err != nil {
		return nil, err
	}
	return &matmul{out: mm.Out, m: mm.M, k: mm.K, n: mm.N, aBatch: mm.ABatch, bBatch: mm.BBatch}, nil
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
