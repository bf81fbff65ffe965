package quantize

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// opCase is one hand-computed op: a graph, its inputs, and the expected
// output (values and shape).
type opCase struct {
	name   string
	build  func(b *gb) *onnx.Graph
	inputs [][]float64
	want   []float64
	shape  []int
}

// single builds a graph with one input x of the given shape feeding one node.
func single(op string, shape []int, consts func(b *gb) []string, attrs ...attr) func(b *gb) *onnx.Graph {
	return func(b *gb) *onnx.Graph {
		ins := []string{b.input("x", shape...)}
		if consts != nil {
			ins = append(ins, consts(b)...)
		}
		return b.output(b.node(op, ins, attrs...))
	}
}

func seq(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = float64(i + 1)
	}
	return v
}

var opCases = []opCase{
	{name: "Relu", build: single("Relu", []int{1, 4}, nil),
		inputs: [][]float64{{-1, 0, 2, -3.5}}, want: []float64{0, 0, 2, 0}, shape: []int{1, 4}},
	{name: "Neg", build: single("Neg", []int{2}, nil),
		inputs: [][]float64{{1, -2}}, want: []float64{-1, 2}, shape: []int{2}},
	{name: "Add/broadcast constant", build: single("Add", []int{2, 2}, func(b *gb) []string { return []string{b.constant([]int{2}, 10, 20)} }),
		inputs: [][]float64{{1, 2, 3, 4}}, want: []float64{11, 22, 13, 24}, shape: []int{2, 2}},
	{name: "Sub/constant minus x", build: func(b *gb) *onnx.Graph {
		x := b.input("x", 3)
		return b.output(b.node("Sub", []string{b.constant([]int{1}, 1), x}))
	}, inputs: [][]float64{{1, 2, 3}}, want: []float64{0, -1, -2}, shape: []int{3}},
	{name: "Add/two inputs broadcast", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 1, 2), b.input("y", 2, 1)
		return b.output(b.node("Add", []string{x, y}))
	}, inputs: [][]float64{{1, 2}, {10, 20}}, want: []float64{11, 12, 21, 22}, shape: []int{2, 2}},
	{name: "Sub/two inputs at different scales", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 2), b.input("y", 2)
		return b.output(b.node("Sub", []string{x, y}))
	}, inputs: [][]float64{{0.25, -0.5}, {1000, -3000}}, want: []float64{-999.75, 2999.5}, shape: []int{2}},
	{name: "Mul/constant on the left", build: func(b *gb) *onnx.Graph {
		x := b.input("x", 2)
		return b.output(b.node("Mul", []string{b.constant([]int{2}, 2, -0.5), x}))
	}, inputs: [][]float64{{3, 4}}, want: []float64{6, -2}, shape: []int{2}},
	{name: "Div", build: single("Div", []int{3}, func(b *gb) []string { return []string{b.constant([]int{1}, 4)} }),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{0.25, 0.5, 0.75}, shape: []int{3}},
	{name: "Div/by a non-power of two", build: single("Div", []int{3}, func(b *gb) []string { return []string{b.constant(nil, 3)} }),
		inputs: [][]float64{{1, 2, -3}}, want: []float64{1.0 / 3, 2.0 / 3, -1}, shape: []int{3}},
	{name: "Gemm/transA transB alpha beta", build: single("Gemm", []int{3, 2}, func(b *gb) []string {
		return []string{b.constant([]int{2, 3}, 1, 0, -1, 2, 1, 0), b.constant([]int{2}, 1, -1)}
	}, aInt("transA", 1), aInt("transB", 1), aFloat("alpha", 0.5), aFloat("beta", 2)),
		inputs: [][]float64{seq(6)}, want: []float64{0, 0.5, 0, 2}, shape: []int{2, 2}},
	{name: "Gemm/constant A", build: func(b *gb) *onnx.Graph {
		x := b.input("x", 2, 1)
		return b.output(b.node("Gemm", []string{b.constant([]int{2, 2}, 1, 2, 3, 4), x}))
	}, inputs: [][]float64{{5, 6}}, want: []float64{17, 39}, shape: []int{2, 1}},
	{name: "Gemm/computed C", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 1, 2), b.input("y", 1, 1)
		return b.output(b.node("Gemm", []string{x, b.constant([]int{2, 2}, 1, 2, 3, 4), y}, aFloat("beta", -1)))
	}, inputs: [][]float64{{1, 1}, {0.5}}, want: []float64{3.5, 5.5}, shape: []int{1, 2}},
	{name: "MatMul/batched", build: single("MatMul", []int{2, 1, 2}, func(b *gb) []string { return []string{b.constant([]int{2, 3}, 1, 0, 1, 0, 1, 1)} }),
		inputs: [][]float64{seq(4)}, want: []float64{1, 2, 3, 3, 4, 7}, shape: []int{2, 1, 3}},
	{name: "MatMul/vector", build: single("MatMul", []int{2}, func(b *gb) []string { return []string{b.constant([]int{2, 2}, 1, 2, 3, 4)} }),
		inputs: [][]float64{{1, 2}}, want: []float64{7, 10}, shape: []int{2}},
	{name: "MatMul/constant on the left, broadcast", build: func(b *gb) *onnx.Graph {
		x := b.input("x", 2, 2, 1)
		return b.output(b.node("MatMul", []string{b.constant([]int{2, 2}, 1, 1, 0, 1), x}))
	}, inputs: [][]float64{seq(4)}, want: []float64{3, 2, 7, 4}, shape: []int{2, 2, 1}},
	{name: "Conv/1-D pads strides bias", build: single("Conv", []int{1, 1, 5}, func(b *gb) []string {
		return []string{b.constant([]int{1, 1, 3}, 1, 0, -1), b.constant([]int{1}, 0.5)}
	}, aInts("pads", 1, 1), aInts("strides", 2)),
		inputs: [][]float64{seq(5)}, want: []float64{-1.5, -1.5, 4.5}, shape: []int{1, 1, 3}},
	{name: "Conv/1-D dilations", build: single("Conv", []int{1, 1, 5}, func(b *gb) []string {
		return []string{b.constant([]int{1, 1, 2}, 1, 1)}
	}, aInts("dilations", 2)),
		inputs: [][]float64{seq(5)}, want: []float64{4, 6, 8}, shape: []int{1, 1, 3}},
	{name: "Conv/2-D groups", build: single("Conv", []int{1, 2, 2, 2}, func(b *gb) []string {
		return []string{b.constant([]int{2, 1, 1, 1}, 2, -1)}
	}, aInt("group", 2)),
		inputs: [][]float64{seq(8)}, want: []float64{2, 4, 6, 8, -5, -6, -7, -8}, shape: []int{1, 2, 2, 2}},
	{name: "Conv/2-D", build: single("Conv", []int{1, 1, 3, 3}, func(b *gb) []string {
		return []string{b.constant([]int{1, 1, 2, 2}, 1, 0, 0, 1)}
	}, aInts("kernel_shape", 2, 2)),
		inputs: [][]float64{seq(9)}, want: []float64{6, 8, 12, 14}, shape: []int{1, 1, 2, 2}},
	{name: "Conv/2-D two channels in, two out, batch 2", build: single("Conv", []int{2, 2, 1, 2}, func(b *gb) []string {
		return []string{b.constant([]int{2, 2, 1, 1}, 1, 1, 1, -1)}
	}),
		inputs: [][]float64{seq(8)}, want: []float64{4, 6, -2, -2, 12, 14, -2, -2}, shape: []int{2, 2, 1, 2}},
	{name: "Conv/3-D", build: single("Conv", []int{1, 1, 2, 2, 3}, func(b *gb) []string {
		return []string{b.constant([]int{1, 1, 2, 2, 2}, 1, 1, 1, 1, 1, 1, 1, -1)}
	}),
		inputs: [][]float64{seq(12)}, want: []float64{1 + 2 + 4 + 5 + 7 + 8 + 10 - 11, 2 + 3 + 5 + 6 + 8 + 9 + 11 - 12}, shape: []int{1, 1, 1, 1, 2}},
	{name: "MaxPool/pads strides exclude padding", build: single("MaxPool", []int{1, 1, 3, 3}, nil,
		aInts("kernel_shape", 2, 2), aInts("strides", 2, 2), aInts("pads", 1, 1, 1, 1)),
		inputs: [][]float64{{-1, -2, -3, -4, -5, -6, -7, -8, -9}}, want: []float64{-1, -2, -4, -5}, shape: []int{1, 1, 2, 2}},
	{name: "MaxPool/ceil_mode", build: single("MaxPool", []int{1, 1, 1, 5}, nil,
		aInts("kernel_shape", 1, 2), aInts("strides", 1, 2), aInt("ceil_mode", 1)),
		inputs: [][]float64{{1, 5, 2, 4, 3}}, want: []float64{5, 4, 3}, shape: []int{1, 1, 1, 3}},
	{name: "MaxPool/dilations", build: single("MaxPool", []int{1, 1, 1, 5}, nil,
		aInts("kernel_shape", 1, 2), aInts("dilations", 1, 2)),
		inputs: [][]float64{{1, 5, 2, 4, 3}}, want: []float64{2, 5, 3}, shape: []int{1, 1, 1, 3}},
	{name: "AveragePool/exclude padding", build: single("AveragePool", []int{1, 1, 1, 3}, nil,
		aInts("kernel_shape", 1, 2), aInts("pads", 0, 1, 0, 1)),
		inputs: [][]float64{{3, 6, 9}}, want: []float64{3, 4.5, 7.5, 9}, shape: []int{1, 1, 1, 4}},
	{name: "AveragePool/count_include_pad", build: single("AveragePool", []int{1, 1, 1, 3}, nil,
		aInts("kernel_shape", 1, 2), aInts("pads", 0, 1, 0, 1), aInt("count_include_pad", 1)),
		inputs: [][]float64{{3, 6, 9}}, want: []float64{1.5, 4.5, 7.5, 4.5}, shape: []int{1, 1, 1, 4}},
	{name: "AveragePool/ceil_mode count_include_pad", build: single("AveragePool", []int{1, 1, 1, 5}, nil,
		aInts("kernel_shape", 1, 2), aInts("strides", 1, 2), aInt("ceil_mode", 1), aInt("count_include_pad", 1)),
		inputs: [][]float64{seq(5)}, want: []float64{1.5, 3.5, 5}, shape: []int{1, 1, 1, 3}},
	{name: "AveragePool/3x3 divisor 9", build: single("AveragePool", []int{1, 1, 3, 3}, nil, aInts("kernel_shape", 3, 3)),
		inputs: [][]float64{{1, 2, 3, 4, 5, 6, 7, 8, 10}}, want: []float64{46.0 / 9}, shape: []int{1, 1, 1, 1}},
	{name: "GlobalAveragePool", build: single("GlobalAveragePool", []int{1, 2, 1, 2}, nil),
		inputs: [][]float64{{1, 3, 5, 9}}, want: []float64{2, 7}, shape: []int{1, 2, 1, 1}},
	{name: "GlobalMaxPool", build: single("GlobalMaxPool", []int{1, 2, 1, 2}, nil),
		inputs: [][]float64{{1, 3, 5, 9}}, want: []float64{3, 9}, shape: []int{1, 2, 1, 1}},
	{name: "ReduceMean/negative axis", build: single("ReduceMean", []int{2, 3}, nil, aInts("axes", -1), aInt("keepdims", 0)),
		inputs: [][]float64{seq(6)}, want: []float64{2, 5}, shape: []int{2}},
	{name: "ReduceSum/keepdims", build: single("ReduceSum", []int{2, 3}, nil, aInts("axes", 0)),
		inputs: [][]float64{seq(6)}, want: []float64{5, 7, 9}, shape: []int{1, 3}},
	{name: "ReduceMax/all axes", build: single("ReduceMax", []int{2, 3}, nil, aInts("axes"), aInt("keepdims", 0)),
		inputs: [][]float64{{1, 6, 3, 4, 5, 2}}, want: []float64{6}, shape: nil},
	{name: "ReduceSum/noop_with_empty_axes", build: single("ReduceSum", []int{2}, nil, aInts("axes"), aInt("noop_with_empty_axes", 1)),
		inputs: [][]float64{{1, 2}}, want: []float64{1, 2}, shape: []int{2}},
	{name: "ReduceMean/axes as a constant input", build: single("ReduceMean", []int{2, 2}, func(b *gb) []string { return []string{b.intConstant([]int{1}, 0)} }),
		inputs: [][]float64{seq(4)}, want: []float64{2, 3}, shape: []int{1, 2}},
	{name: "BatchNormalization", build: single("BatchNormalization", []int{1, 2, 1, 1}, func(b *gb) []string {
		return []string{b.constant([]int{2}, 2, 1), b.constant([]int{2}, 0, 1), b.constant([]int{2}, 1, 0), b.constant([]int{2}, 3, 0.25)}
	}, aFloat("epsilon", 1)),
		inputs: [][]float64{{1, 2}}, want: []float64{0, 2/math.Sqrt(1.25) + 1}, shape: []int{1, 2, 1, 1}},
	{name: "Transpose", build: single("Transpose", []int{2, 3}, nil, aInts("perm", 1, 0)),
		inputs: [][]float64{seq(6)}, want: []float64{1, 4, 2, 5, 3, 6}, shape: []int{3, 2}},
	{name: "Transpose/default reverses", build: single("Transpose", []int{1, 2, 3}, nil),
		inputs: [][]float64{seq(6)}, want: []float64{1, 4, 2, 5, 3, 6}, shape: []int{3, 2, 1}},
	{name: "Slice/negative step", build: single("Slice", []int{5}, nil, aInts("starts", 4), aInts("ends", 0), aInts("axes", 0), aInts("steps", -2)),
		inputs: [][]float64{{0, 1, 2, 3, 4}}, want: []float64{4, 2}, shape: []int{2}},
	{name: "Slice/negative axis", build: single("Slice", []int{2, 3}, nil, aInts("starts", 1), aInts("ends", 3), aInts("axes", -1), aInts("steps", 1)),
		inputs: [][]float64{seq(6)}, want: []float64{2, 3, 5, 6}, shape: []int{2, 2}},
	{name: "Pad/reflect", build: single("Pad", []int{3}, nil, aInts("pads", 2, 1), aString("mode", "reflect")),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{3, 2, 1, 2, 3, 2}, shape: []int{6}},
	{name: "Pad/edge", build: single("Pad", []int{3}, nil, aInts("pads", 2, 1), aString("mode", "edge")),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{1, 1, 1, 2, 3, 3}, shape: []int{6}},
	{name: "Pad/constant value", build: single("Pad", []int{3}, nil, aInts("pads", 2, 1), aString("mode", "constant"), aFloat("value", 9)),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{9, 9, 1, 2, 3, 9}, shape: []int{6}},
	{name: "Concat/input constant input at different scales", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 1, 2), b.input("y", 1, 1)
		return b.output(b.node("Concat", []string{x, b.constant([]int{1, 1}, 7), y}, aInt("axis", -1)))
	}, inputs: [][]float64{{1, 2}, {3000.5}}, want: []float64{1, 2, 7, 3000.5}, shape: []int{1, 4}},
	{name: "Gather/2-D indices", build: single("Gather", []int{2, 3}, func(b *gb) []string { return []string{b.intConstant([]int{2, 2}, 0, 2, 1, -1)} }, aInt("axis", 1)),
		inputs: [][]float64{seq(6)}, want: []float64{1, 3, 2, 3, 4, 6, 5, 6}, shape: []int{2, 2, 2}},
	{name: "Expand", build: single("Expand", []int{3, 1}, nil, aInts("shape", 2, 1, 2)),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}, shape: []int{2, 3, 2}},
	{name: "Tile", build: single("Tile", []int{2}, nil, aInts("repeats", 2)),
		inputs: [][]float64{{1, 2}}, want: []float64{1, 2, 1, 2}, shape: []int{4}},
	{name: "Squeeze", build: single("Squeeze", []int{1, 3, 1}, nil, aInts("axes", 0)),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{1, 2, 3}, shape: []int{3, 1}},
	{name: "Unsqueeze", build: single("Unsqueeze", []int{3}, nil, aInts("axes", 0, 2)),
		inputs: [][]float64{{1, 2, 3}}, want: []float64{1, 2, 3}, shape: []int{1, 3, 1}},
	{name: "Flatten", build: single("Flatten", []int{2, 1, 3}, nil, aInt("axis", 2)),
		inputs: [][]float64{seq(6)}, want: seq(6), shape: []int{2, 3}},
	{name: "Reshape/-1", build: single("Reshape", []int{1, 4}, nil, aInts("shape", -1, 2)),
		inputs: [][]float64{seq(4)}, want: seq(4), shape: []int{2, 2}},
	{name: "Identity", build: single("Identity", []int{2}, nil),
		inputs: [][]float64{{1, -1}}, want: []float64{1, -1}, shape: []int{2}},
	{name: "Cast/integer input", build: func(b *gb) *onnx.Graph {
		x := b.typedInput("x", onnx.Int64, 2)
		f := b.node("Cast", []string{x}, aInt("to", int64(onnx.Float32)))
		return b.output(b.node("Cast", []string{f}, aInt("to", int64(onnx.Int64))))
	}, inputs: [][]float64{{3, -4}}, want: []float64{3, -4}, shape: []int{2}},
	{name: "Max/broadcast with a constant", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 2, 2), b.input("y", 2)
		return b.output(b.node("Max", []string{x, y, b.constant(nil, 0.5)}))
	}, inputs: [][]float64{{1, -2, 0, 4}, {-1, 3}}, want: []float64{1, 3, 0.5, 4}, shape: []int{2, 2}},
	{name: "Min/scales differ", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 3), b.input("y", 3)
		return b.output(b.node("Min", []string{x, y}))
	}, inputs: [][]float64{{0.25, -0.5, 0.75}, {100, -3000, 0.5}}, want: []float64{0.25, -3000, 0.5}, shape: []int{3}},
	{name: "Sum", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 2), b.input("y", 1)
		return b.output(b.node("Sum", []string{x, y, b.constant([]int{2}, 10, 20)}))
	}, inputs: [][]float64{{1, 2}, {0.5}}, want: []float64{11.5, 22.5}, shape: []int{2}},
	{name: "Mean", build: func(b *gb) *onnx.Graph {
		x, y := b.input("x", 2), b.input("y", 2)
		return b.output(b.node("Mean", []string{x, y}))
	}, inputs: [][]float64{{1, 2}, {2, 5}}, want: []float64{1.5, 3.5}, shape: []int{2}},
	{name: "Clip/relu6", build: single("Clip", []int{4}, nil, aFloat("min", 0), aFloat("max", 6)),
		inputs: [][]float64{{-1, 3, 6.5, 7}}, want: []float64{0, 3, 6, 6}, shape: []int{4}},
	{name: "Clip/both bounds", build: single("Clip", []int{4}, nil, aFloat("min", -0.5), aFloat("max", 0.25)),
		inputs: [][]float64{{-1, 0.125, 0.5, -0.25}}, want: []float64{-0.5, 0.125, 0.25, -0.25}, shape: []int{4}},
	{name: "Clip/lower only", build: single("Clip", []int{3}, nil, aFloat("min", -1), aFloat("max", math.Inf(1))),
		inputs: [][]float64{{-2, 0, 2}}, want: []float64{-1, 0, 2}, shape: []int{3}},
	{name: "Clip/upper only", build: single("Clip", []int{3}, nil, aFloat("min", math.Inf(-1)), aFloat("max", 1)),
		inputs: [][]float64{{-2, 0, 2}}, want: []float64{-2, 0, 1}, shape: []int{3}},
	{name: "Clip/unbounded", build: single("Clip", []int{2}, nil, aFloat("min", math.Inf(-1)), aFloat("max", math.Inf(1))),
		inputs: [][]float64{{-2, 2}}, want: []float64{-2, 2}, shape: []int{2}},
	{name: "ReduceMin", build: single("ReduceMin", []int{2, 3}, nil, aInts("axes", 1), aInt("keepdims", 0)),
		inputs: [][]float64{{3, -1, 2, 5, 4, 6}}, want: []float64{-1, 4}, shape: []int{2}},
	{name: "constant output/beside a computed one", build: func(b *gb) *onnx.Graph {
		x := b.input("x", 2)
		return b.output(b.constant([]int{3}, 0.5, -1.25, 3), b.node("Relu", []string{x}))
	}, inputs: [][]float64{{-1, 2}}, want: []float64{0.5, -1.25, 3}, shape: []int{3}},
	{name: "constant output/no inputs", build: func(b *gb) *onnx.Graph {
		return b.output(b.intConstant([]int{5}, 0, 2, 4, 6, 8))
	}, inputs: [][]float64{}, want: []float64{0, 2, 4, 6, 8}, shape: []int{5}},
	// Row 0 writes 10 at 2 and 20 at 0; row 1 repeats index 1: the last
	// update (40) wins, as in ONNX Runtime.
	{name: "ScatterElements/computed indices", build: func(b *gb) *onnx.Graph {
		x, i, u := b.input("x", 2, 3), b.typedInput("i", onnx.Int64, 2, 2), b.input("u", 2, 2)
		return b.output(b.node("ScatterElements", []string{x, i, u}, aInt("axis", 1), aString("reduction", "none")))
	}, inputs: [][]float64{{1, 2, 3, 4, 5, 6}, {2, 0, 1, 1}, {10, 20, 30, 40}}, want: []float64{20, 2, 10, 4, 40, 6}, shape: []int{2, 3}},
	{name: "ScatterElements/add", build: func(b *gb) *onnx.Graph {
		x, i, u := b.input("x", 3, 2), b.typedInput("i", onnx.Int64, 2, 2), b.input("u", 2, 2)
		return b.output(b.node("ScatterElements", []string{x, i, u}, aInt("axis", 0), aString("reduction", "add")))
	}, inputs: [][]float64{{1, 2, 3, 4, 5, 6}, {2, 0, 2, 0}, {0.5, 1, -2, 3}}, want: []float64{1, 6, 3, 4, 3.5, 6}, shape: []int{3, 2}},
	{name: "ScatterElements/constant data and updates", build: func(b *gb) *onnx.Graph {
		i := b.typedInput("i", onnx.Int64, 1, 2)
		return b.output(b.node("ScatterElements", []string{b.constant([]int{1, 4}, 1, 2, 3, 4), i, b.constant([]int{1, 2}, -5, 7)}, aInt("axis", 1), aString("reduction", "none")))
	}, inputs: [][]float64{{3, 1}}, want: []float64{1, 7, 3, -5}, shape: []int{1, 4}},
	{name: "ScatterElements/constant indices", build: func(b *gb) *onnx.Graph {
		x, u := b.input("x", 2, 2), b.input("u", 1, 2)
		return b.output(b.node("ScatterElements", []string{x, b.intConstant([]int{1, 2}, 1, 0), u}, aInt("axis", 0), aString("reduction", "none")))
	}, inputs: [][]float64{{1, 2, 3, 4}, {8, 9}}, want: []float64{1, 9, 8, 4}, shape: []int{2, 2}},
	// Equal entries in a row of 2 give −log 2 whatever their value.
	{name: "LogSoftmax", build: single("LogSoftmax", []int{2, 2}, nil, aInt("axis", 1)),
		inputs: [][]float64{{1, 1, -30, -30}}, want: []float64{-math.Ln2, -math.Ln2, -math.Ln2, -math.Ln2}, shape: []int{2, 2}},
	{name: "LogSoftmax/spread", build: single("LogSoftmax", []int{1, 5}, nil, aInt("axis", 1)),
		inputs: [][]float64{{-3, 0.5, 2, 2, -20}}},
	// log(e^1 + e^1) = 1 + log 2; log(e^−30 + e^−30) = −30 + log 2.
	{name: "ReduceLogSumExp", build: single("ReduceLogSumExp", []int{2, 2}, nil, aInts("axes", 1), aInt("keepdims", 0)),
		inputs: [][]float64{{1, 1, -30, -30}}, want: []float64{1 + math.Ln2, -30 + math.Ln2}, shape: []int{2}},
	{name: "ReduceLogSumExp/keepdims", build: single("ReduceLogSumExp", []int{2, 3}, nil, aInts("axes", 0), aInt("keepdims", 1)),
		inputs: [][]float64{{-3, 0.5, 2, 2, -20, 1}}},
	{name: "chain/Conv Relu MaxPool Flatten Gemm", build: func(b *gb) *onnx.Graph {
		x := b.input("x", 1, 1, 4, 4)
		c := b.node("Conv", []string{x, b.constant([]int{2, 1, 2, 2}, 1, -1, 0.5, 0.25, -1, 1, 1, -1), b.constant([]int{2}, 0.1, -0.1)}, aInts("pads", 1, 1, 1, 1))
		r := b.node("Relu", []string{c})
		p := b.node("MaxPool", []string{r}, aInts("kernel_shape", 2, 2), aInts("strides", 2, 2), aInt("ceil_mode", 1))
		f := b.node("Flatten", []string{p})
		return b.output(b.node("Gemm", []string{f, b.constant([]int{18, 1}, seq(18)...)}))
	}, inputs: [][]float64{{0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9, 1, -1.1, 1.2, 1.3, 1.4, -1.5, 1.6}}},
}

func TestRunFloatOps(t *testing.T) {
	for _, tc := range opCases {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.build(newGraph())
			vals, err := RunFloat(g, tc.inputs)
			if err != nil {
				t.Fatal(err)
			}
			out := vals[g.Outputs[0].Name]
			if tc.want == nil {
				return // checked against the plan only
			}
			tv, err := onnx.EvalValues(g, tc.inputs)
			if err != nil {
				t.Fatal(err)
			}
			if shape := tv[g.Outputs[0].Name].Shape; !slices.Equal(shape, tc.shape) {
				t.Errorf("shape %v, want %v", shape, tc.shape)
			}
			if len(out) != len(tc.want) {
				t.Fatalf("got %v, want %v", out, tc.want)
			}
			for i := range tc.want {
				if math.Abs(out[i]-tc.want[i]) > 1e-12 {
					t.Fatalf("got %v, want %v", out, tc.want)
				}
			}
		})
	}
}

// TestCompileOps compiles every op case, calibrated on its own input, and
// compares the integer executor with the float executor.
func TestCompileOps(t *testing.T) {
	for _, tc := range opCases {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.build(newGraph())
			cal, err := Calibrate(g, [][][]float64{tc.inputs})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			want, err := RunFloat(g, tc.inputs)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Predict(tc.inputs)
			if err != nil {
				t.Fatal(err)
			}
			ref := [][]float64{want[g.Outputs[0].Name]}
			// WeightBits=16 quantizes coefficients to about 2^-15 relative.
			if e := modelio.RelativeLInf(got, ref); e > 1e-4 {
				t.Errorf("integer executor %v, float %v: relative error %.3g", got, ref, e)
			}
			if out := p.Tensors[p.Outputs[0]]; tc.want != nil && !slices.Equal(out.Shape, tc.shape) {
				t.Errorf("output shape %v, want %v", out.Shape, tc.shape)
			}
		})
	}
}
