package onnx

import (
	"math"
	"strings"
	"testing"

	pb "github.com/zkml/zkml/internal/onnxpb"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// fold imports a graph where every input of one node is constant and
// returns the folded output "y".
func fold(t *testing.T, opset int64, op string, inputs []param, attrs ...ob.Attr) *Tensor {
	t.Helper()
	m := foldModel(opset, op, inputs, attrs...)
	g, err := Parse(m.Bytes(), "model.onnx", nil)
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	y := g.Constants["y"]
	if y == nil {
		t.Fatalf("%s: y was not folded", op)
	}
	return y
}

func foldModel(opset int64, op string, inputs []param, attrs ...ob.Attr) *ob.Model {
	m := ob.NewModel("fold", opset).Input("unused", ob.Float, 1)
	var names []string
	for _, p := range inputs {
		names = append(names, p.name)
		switch {
		case p.name == "":
		case p.ints != nil:
			m.Ints(p.name, p.shape, p.ints)
		default:
			m.Floats(p.name, p.shape, p.floats)
		}
	}
	m.Node(op, names, []string{"y"}, attrs...)
	m.Output("y", ob.Float)
	m.Proto().Graph.Output[0].Type.GetTensorType().ElemType = 0
	return m
}

func wantValues(t *testing.T, what string, got *Tensor, shape []int, want ...float64) {
	t.Helper()
	if !sameShape(got.Shape, shape) {
		t.Errorf("%s: shape %v, want %v", what, got.Shape, shape)
		return
	}
	if got.Len() != len(want) {
		t.Errorf("%s: %d values, want %d", what, got.Len(), len(want))
		return
	}
	for i, w := range want {
		if g := got.At(i); math.Abs(g-w) > 1e-5*math.Max(1, math.Abs(w)) && !(math.IsInf(w, 0) && g == w) {
			t.Errorf("%s: element %d = %v, want %v (all: %v)", what, i, g, w, got.Floats())
			return
		}
	}
}

func TestFoldValues(t *testing.T) {
	x23 := fp("x", i64(2, 3), 1, 2, 3, 4, 5, 6)
	wantValues(t, "Gemm", fold(t, 13, "Gemm", []param{x23, fp("w", i64(2, 3), 1, 0, 1, 0, 1, 0), fp("c", i64(2), 10, 20)},
		ob.Int("transB", 1), ob.FloatAttr("alpha", 2), ob.FloatAttr("beta", 0.5)), []int{2, 2}, 2*4+5, 2*2+10, 2*10+5, 2*5+10)
	wantValues(t, "Gemm transA", fold(t, 13, "Gemm", []param{fp("x", i64(3, 2), 1, 4, 2, 5, 3, 6), fp("w", i64(3, 1), 1, 1, 1)},
		ob.Int("transA", 1)), []int{2, 1}, 6, 15)
	wantValues(t, "MatMul batched", fold(t, 13, "MatMul", []param{fp("a", i64(2, 1, 2), 1, 2, 3, 4), fp("b", i64(2, 1), 1, 10)}),
		[]int{2, 1, 1}, 21, 43)
	wantValues(t, "MatMul vector", fold(t, 13, "MatMul", []param{fp("a", i64(2), 1, 2), fp("b", i64(2, 3), 1, 2, 3, 4, 5, 6)}),
		[]int{3}, 9, 12, 15)
	wantValues(t, "MatMul dot", fold(t, 13, "MatMul", []param{fp("a", i64(2), 1, 2), fp("b", i64(2), 3, 4)}), []int{}, 11)
	wantValues(t, "Conv padded", fold(t, 13, "Conv", []param{fp("x", i64(1, 1, 2, 2), 1, 2, 3, 4), fp("w", i64(1, 1, 2, 2), 1, 1, 1, 1), fp("b", i64(1), 100)},
		ob.Ints("pads", 1, 1, 0, 0)), []int{1, 1, 2, 2}, 101, 103, 104, 110)
	wantValues(t, "Conv grouped strided", fold(t, 13, "Conv", []param{fp("x", i64(1, 2, 3), 1, 2, 3, 10, 20, 30), fp("w", i64(2, 1, 1), 1, -1)},
		ob.Int("group", 2), ob.Ints("strides", 2)), []int{1, 2, 2}, 1, 3, -10, -30)
	wantValues(t, "ConvTranspose", fold(t, 13, "ConvTranspose", []param{fp("x", i64(1, 1, 2), 1, 2), fp("w", i64(1, 1, 2), 1, 10), fp("b", i64(1), 0.5)},
		ob.Ints("strides", 2)), []int{1, 1, 4}, 1.5, 10.5, 2.5, 20.5)
	x44 := fp("x", i64(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9)
	wantValues(t, "MaxPool ceil", fold(t, 13, "MaxPool", []param{x44}, ob.Ints("kernel_shape", 2, 2), ob.Ints("strides", 2, 2), ob.Int("ceil_mode", 1)),
		[]int{1, 1, 2, 2}, 5, 6, 8, 9)
	wantValues(t, "MaxPool padded", fold(t, 13, "MaxPool", []param{fp("x", i64(1, 1, 2), -1, -2)}, ob.Ints("kernel_shape", 2), ob.Ints("pads", 1, 1)),
		[]int{1, 1, 3}, -1, -1, -2) // padding never wins
	wantValues(t, "AveragePool exclude pad", fold(t, 13, "AveragePool", []param{fp("x", i64(1, 1, 2), 2, 4)}, ob.Ints("kernel_shape", 2), ob.Ints("pads", 1, 1)),
		[]int{1, 1, 3}, 2, 3, 4)
	wantValues(t, "AveragePool include pad", fold(t, 13, "AveragePool", []param{fp("x", i64(1, 1, 2), 2, 4)}, ob.Ints("kernel_shape", 2), ob.Ints("pads", 1, 1), ob.Int("count_include_pad", 1)),
		[]int{1, 1, 3}, 1, 3, 2)
	wantValues(t, "GlobalAveragePool", fold(t, 13, "GlobalAveragePool", []param{x44}), []int{1, 1, 1, 1}, 5)
	wantValues(t, "GlobalMaxPool", fold(t, 13, "GlobalMaxPool", []param{x44}), []int{1, 1, 1, 1}, 9)
	wantValues(t, "BatchNormalization", fold(t, 13, "BatchNormalization", []param{fp("x", i64(1, 2, 2), 1, 2, 3, 4), fp("s", i64(2), 2, 1), fp("b", i64(2), 1, 0), fp("m", i64(2), 1, 3), fp("v", i64(2), 4, 1)},
		ob.FloatAttr("epsilon", 0)), []int{1, 2, 2}, 1, 2, 0, 1)
	wantValues(t, "ReduceMean", fold(t, 13, "ReduceMean", []param{x23}, ob.Ints("axes", 1)), []int{2, 1}, 2, 5)
	wantValues(t, "ReduceSum", fold(t, 13, "ReduceSum", []param{x23, ip("a", 0)}, ob.Int("keepdims", 0)), []int{3}, 5, 7, 9)
	wantValues(t, "ReduceMax", fold(t, 13, "ReduceMax", []param{x23}), []int{1, 1}, 6)
	wantValues(t, "ReduceMin", fold(t, 13, "ReduceMin", []param{x23}, ob.Ints("axes", 1), ob.Int("keepdims", 0)), []int{2}, 1, 4)
	wantValues(t, "ReduceProd", fold(t, 13, "ReduceProd", []param{x23}, ob.Ints("axes", 0)), []int{1, 3}, 4, 10, 18)
	wantValues(t, "ReduceL2", fold(t, 13, "ReduceL2", []param{fp("x", i64(2), 3, 4)}), []int{1}, 5)
	wantValues(t, "ReduceSumSquare", fold(t, 13, "ReduceSumSquare", []param{fp("x", i64(2), 3, 4)}), []int{1}, 25)
	wantValues(t, "Softmax 13", fold(t, 13, "Softmax", []param{fp("x", i64(2, 2), 0, 0, 0, math.Float32frombits(0x7f7fffff))}),
		[]int{2, 2}, 0.5, 0.5, 0, 1)
	wantValues(t, "Softmax 11 flattens", fold(t, 11, "Softmax", []param{fp("x", i64(1, 2, 2), 0, 0, 0, 0)}, ob.Int("axis", 1)),
		[]int{1, 2, 2}, 0.25, 0.25, 0.25, 0.25)
	wantValues(t, "LogSoftmax", fold(t, 13, "LogSoftmax", []param{fp("x", i64(2), 0, 0)}), []int{2}, -math.Ln2, -math.Ln2)
	wantValues(t, "Sqrt", fold(t, 13, "Sqrt", []param{fp("x", i64(2), 4, 9)}), []int{2}, 2, 3)
	wantValues(t, "Pow", fold(t, 13, "Pow", []param{fp("x", i64(2), 2, 3), scalar("e", 2)}), []int{2}, 4, 9)
	wantValues(t, "Sigmoid", fold(t, 13, "Sigmoid", []param{fp("x", i64(1), 0)}), []int{1}, 0.5)
	wantValues(t, "Round half even", fold(t, 13, "Round", []param{fp("x", i64(3), 0.5, 1.5, -2.5)}), []int{3}, 0, 2, -2)
	wantValues(t, "Neg int", fold(t, 13, "Neg", []param{ip("x", 3, -4)}), []int{2}, -3, 4)
	wantValues(t, "Clip", fold(t, 13, "Clip", []param{fp("x", i64(3), -2, 0.5, 2), scalar("lo", -1), scalar("hi", 1)}), []int{3}, -1, 0.5, 1)
	wantValues(t, "Div int truncates", fold(t, 13, "Div", []param{ip("x", 7, -7), ip("d", 2, 2)}), []int{2}, 3, -3)
	wantValues(t, "Mod int", fold(t, 13, "Mod", []param{ip("x", 7, -7), ip("d", 3, 3)}), []int{2}, 1, 2)
	wantValues(t, "Mod fmod", fold(t, 13, "Mod", []param{fp("x", i64(1), -7), scalar("d", 3)}, ob.Int("fmod", 1)), []int{1}, -1)
	wantValues(t, "Sub broadcast", fold(t, 13, "Sub", []param{fp("x", i64(2, 1), 10, 20), fp("d", i64(2), 1, 2)}), []int{2, 2}, 9, 8, 19, 18)
	wantValues(t, "Mean", fold(t, 13, "Mean", []param{fp("x", i64(2), 1, 2), fp("d", i64(2), 3, 6)}), []int{2}, 2, 4)
	wantValues(t, "Max", fold(t, 13, "Max", []param{fp("x", i64(2), 1, 5), fp("d", i64(2), 3, 2), scalar("e", 4)}), []int{2}, 4, 5)
	wantValues(t, "Equal int", fold(t, 13, "Equal", []param{ip("x", math.MaxInt64, 1), ip("d", math.MaxInt64-1, 1)}), []int{2}, 0, 1)
	wantValues(t, "Greater", fold(t, 13, "Greater", []param{fp("x", i64(2), 1, 5), scalar("d", 3)}), []int{2}, 0, 1)
	wantValues(t, "And", fold(t, 13, "And", []param{ip("x", 1, 1, 0), ip("d", 1, 0, 0)}), []int{3}, 1, 0, 0)
	wantValues(t, "Not", fold(t, 13, "Not", []param{ip("x", 1, 0)}), []int{2}, 0, 1)
	wantValues(t, "Where", fold(t, 13, "Where", []param{ip("c", 1, 0), fp("x", i64(2), 1, 2), scalar("d", 9)}), []int{2}, 1, 9)
	wantValues(t, "Cast to int8", fold(t, 13, "Cast", []param{fp("x", i64(4), 1.9, -1.9, 200, 0)}, ob.Int("to", 3)), []int{4}, 1, -1, -56, 0)
	wantValues(t, "Cast to bool", fold(t, 13, "Cast", []param{fp("x", i64(3), 0.1, 0, -2)}, ob.Int("to", 9)), []int{3}, 1, 0, 1)
	wantValues(t, "Cast to float", fold(t, 13, "Cast", []param{ip("x", 16777217)}, ob.Int("to", 1)), []int{1}, 16777216)
	wantValues(t, "Range int", fold(t, 13, "Range", []param{{name: "a", shape: i64(), ints: i64(1)}, {name: "b", shape: i64(), ints: i64(8)}, {name: "c", shape: i64(), ints: i64(3)}}),
		[]int{3}, 1, 4, 7)
	wantValues(t, "Range float down", fold(t, 13, "Range", []param{scalar("a", 1), scalar("b", 0), scalar("c", -0.5)}), []int{2}, 1, 0.5)
	wantValues(t, "ConstantOfShape", fold(t, 13, "ConstantOfShape", []param{ip("s", 2, 1)}, ob.Tensor("value", ob.FloatTensor("", i64(1), []float32{3}))), []int{2, 1}, 3, 3)
	wantValues(t, "ConstantOfShape default", fold(t, 13, "ConstantOfShape", []param{ip("s", 2)}), []int{2}, 0, 0)
	wantValues(t, "NonZero", fold(t, 13, "NonZero", []param{fp("x", i64(2, 2), 0, 1, 1, 0)}), []int{2, 2}, 0, 1, 1, 0)
	wantValues(t, "Shape", fold(t, 15, "Shape", []param{x23}, ob.Int("start", -1)), []int{1}, 3)
	wantValues(t, "Size", fold(t, 13, "Size", []param{x23}), []int{}, 6)
	wantValues(t, "Slice", fold(t, 13, "Slice", []param{x23, ip("b", -1), ip("e", math.MinInt64), ip("a", 1), ip("s", -2)}), []int{2, 2}, 3, 1, 6, 4)
	wantValues(t, "Pad reflect", fold(t, 13, "Pad", []param{fp("x", i64(3), 1, 2, 3), ip("p", 2, 1)}, ob.String("mode", "reflect")), []int{6}, 3, 2, 1, 2, 3, 2)
	wantValues(t, "Pad constant", fold(t, 11, "Pad", []param{fp("x", i64(1), 1), ip("p", 1, 0), scalar("v", 7)}), []int{2}, 7, 1)
	wantValues(t, "Transpose", fold(t, 13, "Transpose", []param{x23}), []int{3, 2}, 1, 4, 2, 5, 3, 6)
	wantValues(t, "Gather", fold(t, 13, "Gather", []param{x23, ip("i", -1, 0)}, ob.Int("axis", 1)), []int{2, 2}, 3, 1, 6, 4)
	wantValues(t, "Expand", fold(t, 13, "Expand", []param{fp("x", i64(2, 1), 1, 2), ip("s", 2, 2)}), []int{2, 2}, 1, 1, 2, 2)
	wantValues(t, "Tile", fold(t, 13, "Tile", []param{fp("x", i64(2), 1, 2), ip("r", 2)}), []int{4}, 1, 2, 1, 2)
	wantValues(t, "Concat", fold(t, 13, "Concat", []param{fp("x", i64(1), 1), fp("d", i64(2), 2, 3)}, ob.Int("axis", 0)), []int{3}, 1, 2, 3)
	wantValues(t, "Unsqueeze", fold(t, 13, "Unsqueeze", []param{ip("x", 5), ip("a", 0)}), []int{1, 1}, 5)
}

func TestFoldErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		m      *ob.Model
		errors []string
	}{
		{"int division by zero", foldModel(13, "Div", []param{ip("x", 1), ip("d", 0)}), []string{`node "Div_0" (Div)`, "division by zero"}},
		{"range delta 0", foldModel(13, "Range", []param{scalar("a", 0), scalar("b", 1), scalar("c", 0)}), []string{"delta is 0"}},
		{"range huge", foldModel(13, "Range", []param{scalar("a", 0), scalar("b", 1e30), scalar("c", 1)}), []string{"too large"}},
		{"range vector", foldModel(13, "Range", []param{fp("a", i64(2), 0, 1), scalar("b", 1), scalar("c", 1)}), []string{"must be a scalar"}},
		{"constant of huge shape", foldModel(13, "ConstantOfShape", []param{ip("s", 1<<20, 1<<20)}), []string{"too large"}},
		{"constant of negative shape", foldModel(13, "ConstantOfShape", []param{ip("s", -1)}), []string{"invalid dimension"}},
		{"expand huge", foldModel(13, "Expand", []param{fp("x", i64(1), 1), ip("s", 1<<20, 1<<20)}), []string{"too large"}},
		{"gather out of range", foldModel(13, "Gather", []param{fp("x", i64(2), 1, 2), ip("i", 5)}), []string{"index 5 is out of range"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantErr(t, tc.m.Bytes(), tc.errors...) })
	}
}

// TestPyTorchShapeChain folds the Shape → Gather → Unsqueeze → Concat →
// Reshape pattern PyTorch emits for x.view(x.size(0), -1).
func TestPyTorchShapeChain(t *testing.T) {
	m := ob.NewModel("chain", 11).Input("x", ob.Float, -1, 3, 4).
		Node("Shape", []string{"x"}, []string{"s"}).
		Node("Constant", nil, []string{"zero"}, ob.Tensor("value", &pb.TensorProto{DataType: 7, Int64Data: []int64{0}})).
		Node("Gather", []string{"s", "zero"}, []string{"n"}, ob.Int("axis", 0)).
		Node("Unsqueeze", []string{"n"}, []string{"n1"}, ob.Ints("axes", 0)).
		Node("Constant", nil, []string{"minus1"}, ob.Tensor("value", &pb.TensorProto{DataType: 7, Dims: i64(1), Int64Data: []int64{-1}})).
		Node("Concat", []string{"n1", "minus1"}, []string{"shape"}, ob.Int("axis", 0)).
		Node("Reshape", []string{"x", "shape"}, []string{"y"}).
		Output("y", ob.Float, -1, 12)
	g, err := Parse(m.Bytes(), "chain.onnx", &Options{Dims: map[string]int{"batch_size": 2}})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 1 || g.Nodes[0].OpType != "Reshape" || len(g.Nodes[0].Inputs) != 1 {
		t.Fatalf("nodes %v", g.Nodes)
	}
	checkAttrs(t, g.Nodes[0], attrWant{"shape": i64(2, 12)})
	if len(g.Constants) != 0 {
		t.Errorf("intermediate constants kept: %v", g.Constants)
	}
	if !sameShape(g.Outputs[0].Shape, []int{2, 12}) {
		t.Errorf("output %v", g.Outputs[0].Shape)
	}
}

func TestDeadNodes(t *testing.T) {
	m := mlp().
		Node("Relu", []string{"x"}, []string{"dead1"}).
		Node("Neg", []string{"dead1"}, []string{"dead2"}).
		Ints("unusedConst", i64(1), i64(3))
	g := mustParse(t, m)
	if len(g.Nodes) != 2 {
		t.Errorf("nodes %v", g.Nodes)
	}
	for _, name := range []string{"dead1", "dead2"} {
		if _, ok := g.Values[name]; ok {
			t.Errorf("value %s kept", name)
		}
	}
	if _, ok := g.Constants["unusedConst"]; ok {
		t.Error("unused constant kept")
	}
}

func TestIdentityRemoval(t *testing.T) {
	m := ob.NewModel("id", 13).Input("x", ob.Float, 2).
		Node("Identity", []string{"x"}, []string{"a"}).
		Node("Cast", []string{"a"}, []string{"b"}, ob.Int("to", 1)).
		Node("Dropout", []string{"b"}, []string{"c"}).
		Node("Relu", []string{"c"}, []string{"d"}).
		Node("Cast", []string{"d"}, []string{"e"}, ob.Int("to", 7)).
		Node("Identity", []string{"d"}, []string{"y"}).
		Output("y", ob.Float, 2).Output("e", ob.Int64, 2)
	g := mustParse(t, m)
	var ops []string
	for _, n := range g.Nodes {
		ops = append(ops, n.OpType)
	}
	if strings.Join(ops, " ") != "Relu Cast Identity" {
		t.Fatalf("ops %v", ops)
	}
	if g.Nodes[0].Inputs[0] != "x" {
		t.Errorf("Relu reads %q, want x", g.Nodes[0].Inputs[0])
	}
	if g.Outputs[0].Name != "y" || g.Nodes[2].Outputs[0] != "y" {
		t.Errorf("graph output renamed")
	}
	for _, name := range []string{"a", "b", "c"} {
		if _, ok := g.Values[name]; ok {
			t.Errorf("value %s kept", name)
		}
	}
}

func TestConstantOutput(t *testing.T) {
	m := ob.NewModel("c", 13).Input("x", ob.Float, 2).
		Node("Constant", nil, []string{"y"}, ob.Tensor("value", ob.FloatTensor("", i64(2), []float32{1, 2}))).
		Output("y", ob.Float, 2)
	g := mustParse(t, m)
	if len(g.Nodes) != 0 || g.Outputs[0].DType != Float32 || !sameShape(g.Outputs[0].Shape, []int{2}) || g.Constants["y"] == nil {
		t.Errorf("graph %+v", g)
	}
}
