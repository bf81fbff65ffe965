package onnx

import (
	"errors"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	pb "github.com/zkml/zkml/internal/onnxpb"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// mlp is a small valid model: Gemm → Relu with a symbolic batch.
func mlp() *ob.Model {
	return ob.NewModel("mlp", 13).
		Input("x", ob.Float, -1, 3).
		Floats("w", []int64{2, 3}, []float32{1, 2, 3, 4, 5, 6}).
		Floats("b", []int64{2}, []float32{0.5, -0.5}).
		Node("Gemm", []string{"x", "w", "b"}, []string{"h"}, ob.Int("transB", 1)).
		Node("Relu", []string{"h"}, []string{"y"}).
		Output("y", ob.Float, -1, 2)
}

func mustParse(t *testing.T, m *ob.Model) *Graph {
	t.Helper()
	g, err := Parse(m.Bytes(), "model.onnx", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkGraph(g); err != nil {
		t.Fatal(err)
	}
	return g
}

// wantErr parses m and checks that the error contains every fragment.
func wantErr(t *testing.T, data []byte, fragments ...string) {
	t.Helper()
	_, err := Parse(data, "model.onnx", nil)
	if err == nil {
		t.Fatalf("no error, want one containing %q", fragments)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "model.onnx: ") {
		t.Errorf("error %q does not start with the file name", msg)
	}
	if strings.Contains(msg, "internal error") {
		t.Errorf("error %q reports a panic", msg)
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("error %q spans several lines", msg)
	}
	for _, f := range fragments {
		if !strings.Contains(msg, f) {
			t.Errorf("error %q does not contain %q", msg, f)
		}
	}
}

func TestLoadMLP(t *testing.T) {
	g := mustParse(t, mlp())
	if g.Opset != 13 || g.Producer != "zkml-fixtures" {
		t.Errorf("opset %d producer %q", g.Opset, g.Producer)
	}
	if len(g.Inputs) != 1 || g.Inputs[0].Name != "x" || !sameShape(g.Inputs[0].Shape, []int{1, 3}) || g.Inputs[0].DType != Float32 {
		t.Errorf("inputs %+v", g.Inputs)
	}
	if len(g.Outputs) != 1 || !sameShape(g.Outputs[0].Shape, []int{1, 2}) {
		t.Errorf("outputs %+v", g.Outputs)
	}
	if len(g.Nodes) != 2 || g.Nodes[0].OpType != "Gemm" || g.Nodes[0].Name != "Gemm_0" {
		t.Fatalf("nodes %v", g.Nodes)
	}
	gemm := g.Nodes[0]
	if gemm.Float("alpha", 0) != 1 || gemm.Float("beta", 0) != 1 || gemm.Int("transA", -1) != 0 || gemm.Int("transB", -1) != 1 {
		t.Errorf("Gemm attributes not canonical: %v", gemm.Attrs)
	}
	if w := g.Constants["w"]; w == nil || w.Float[5] != 6 {
		t.Errorf("weights %v", w)
	}
	if s := g.Summary(); s.Params != 8 || s.Nodes != 2 || len(s.Ops) != 2 || !strings.Contains(s.String(), "Gemm×1") {
		t.Errorf("summary %+v", s)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.onnx")
	if err := os.WriteFile(path, mlp().Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Load(path, nil)
	if err != nil || g.File != path {
		t.Fatalf("Load: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.onnx"), nil); err == nil || !strings.Contains(err.Error(), "missing.onnx") {
		t.Errorf("missing file: %v", err)
	}
	if err := os.WriteFile(path, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, nil); err == nil || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("garbage file: %v", err)
	}
}

func TestSymbolicDims(t *testing.T) {
	m := mlp()
	m.Proto().Graph.Input[0].Type.GetTensorType().Shape.Dim[0].Value = &pb.TensorShapeProto_Dimension_DimParam{DimParam: "N"}
	g, err := Parse(m.Bytes(), "m.onnx", &Options{Dims: map[string]int{"N": 4}})
	if err != nil {
		t.Fatal(err)
	}
	if !sameShape(g.Inputs[0].Shape, []int{4, 3}) || !sameShape(g.Outputs[0].Shape, []int{4, 2}) {
		t.Errorf("shapes %v %v", g.Inputs[0].Shape, g.Outputs[0].Shape)
	}
	// unnamed symbolic dimension: 1
	m.Proto().Graph.Input[0].Type.GetTensorType().Shape.Dim[0].Value = nil
	g = mustParse(t, m)
	if !sameShape(g.Inputs[0].Shape, []int{1, 3}) {
		t.Errorf("shape %v", g.Inputs[0].Shape)
	}
	_, err = Parse(mlp().Bytes(), "m.onnx", &Options{Dims: map[string]int{"batch_size": -2}})
	if err == nil || !strings.Contains(err.Error(), "negative") {
		t.Errorf("negative dim: %v", err)
	}
}

func TestFileErrors(t *testing.T) {
	t.Run("lfs", func(t *testing.T) {
		wantErr(t, []byte("version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n"), "Git LFS pointer", "git lfs pull")
	})
	t.Run("empty", func(t *testing.T) { wantErr(t, nil, "empty") })
	t.Run("text", func(t *testing.T) { wantErr(t, []byte("hello, world"), "not") })
	t.Run("no graph", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph = nil
		wantErr(t, m.Bytes(), "no graph")
	})
	t.Run("no outputs", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Output = nil
		wantErr(t, m.Bytes(), "no outputs")
	})
	t.Run("empty graph", func(t *testing.T) {
		m := ob.NewModel("e", 13).Output("y", ob.Float, 1)
		wantErr(t, m.Bytes(), "empty")
	})
	t.Run("no opset", func(t *testing.T) {
		m := mlp()
		m.Proto().OpsetImport = []*pb.OperatorSetIdProto{{Domain: "ai.onnx.ml", Version: 3}}
		wantErr(t, m.Bytes(), "opset")
	})
	t.Run("external data", func(t *testing.T) {
		m := mlp()
		w := m.Proto().Graph.Initializer[0]
		w.RawData = nil
		w.DataLocation = pb.TensorProto_EXTERNAL
		w.ExternalData = []*pb.StringStringEntryProto{{Key: "location", Value: "weights.bin"}}
		wantErr(t, m.Bytes(), `initializer "w"`, "external data", "not supported")
	})
	t.Run("string tensor", func(t *testing.T) {
		m := addInit(mlp(), &pb.TensorProto{Name: "s", DataType: 8, Dims: []int64{1}, StringData: [][]byte{[]byte("a")}})
		wantErr(t, m.Bytes(), `initializer "s"`, "string")
	})
	t.Run("complex tensor", func(t *testing.T) {
		m := addInit(mlp(), &pb.TensorProto{Name: "c", DataType: 14, Dims: []int64{1}, FloatData: []float32{1, 2}})
		wantErr(t, m.Bytes(), `initializer "c"`, "complex")
	})
	t.Run("short data", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Initializer[0].FloatData = []float32{1, 2, 3}
		wantErr(t, m.Bytes(), `initializer "w"`, "3 values", "needs 6")
	})
	t.Run("short raw data", func(t *testing.T) {
		m := mlp()
		w := m.Proto().Graph.Initializer[0]
		w.FloatData, w.RawData = nil, make([]byte, 4*6-2)
		wantErr(t, m.Bytes(), `initializer "w"`, "not a multiple")
	})
	t.Run("string input", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Input[0].Type.GetTensorType().ElemType = 8
		wantErr(t, m.Bytes(), `graph input "x"`, "string")
	})
	t.Run("input without shape", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Input[0].Type.GetTensorType().Shape = nil
		wantErr(t, m.Bytes(), `graph input "x"`, "no shape")
	})
	t.Run("sequence input", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Input[0].Type = &pb.TypeProto{Value: &pb.TypeProto_SequenceType{SequenceType: &pb.TypeProto_Sequence{}}}
		wantErr(t, m.Bytes(), `graph input "x"`, "not a tensor")
	})
	t.Run("undefined input", func(t *testing.T) {
		m := mlp().Node("Relu", []string{"nowhere"}, []string{"z"})
		wantErr(t, m.Bytes(), `node "Relu_2" (Relu)`, `"nowhere"`, "not produced")
	})
	t.Run("cycle", func(t *testing.T) {
		m := ob.NewModel("c", 13).Input("x", ob.Float, 2).
			Node("Add", []string{"x", "b"}, []string{"a"}).
			Node("Relu", []string{"a"}, []string{"b"}).
			Output("b", ob.Float, 2)
		wantErr(t, m.Bytes(), "cycle", `node "Add_0" (Add)`)
	})
	t.Run("duplicate output", func(t *testing.T) {
		m := mlp().Node("Relu", []string{"x"}, []string{"h"})
		wantErr(t, m.Bytes(), `"h"`, "also produced")
	})
	t.Run("output missing", func(t *testing.T) {
		m := mlp().Output("nothing", ob.Float, 1)
		wantErr(t, m.Bytes(), `graph output "nothing"`)
	})
	t.Run("declared output shape", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Output[0].Type.GetTensorType().Shape.Dim[1].Value = &pb.TensorShapeProto_Dimension_DimValue{DimValue: 5}
		wantErr(t, m.Bytes(), `graph output "y"`, "dimension 1 = 5", "[1 2]")
	})
	t.Run("declared output dtype", func(t *testing.T) {
		m := mlp()
		m.Proto().Graph.Output[0].Type.GetTensorType().ElemType = 7
		wantErr(t, m.Bytes(), `graph output "y"`, "int64", "float32")
	})
	t.Run("shape mismatch names node", func(t *testing.T) {
		m := ob.NewModel("k", 13).Input("x", ob.Float, 1, 4).
			Floats("w", []int64{3, 2}, make([]float32, 6)).
			Node("Gemm", []string{"x", "w"}, []string{"y"}).
			Output("y", ob.Float, 1, 2)
		wantErr(t, m.Bytes(), `node "Gemm_0" (Gemm)`, "inner dimensions differ", "K=4", "K=3")
	})
	t.Run("concat mismatch names node", func(t *testing.T) {
		m := ob.NewModel("k", 13).Input("x", ob.Float, 1, 4).Input("z", ob.Float, 2, 3).
			Node("Concat", []string{"x", "z"}, []string{"y"}, ob.Int("axis", 0)).
			Output("y", ob.Float, 3, 4)
		wantErr(t, m.Bytes(), `node "Concat_0" (Concat)`, "must agree outside axis 0")
	})
	t.Run("dynamic reshape", func(t *testing.T) {
		m := ob.NewModel("k", 13).Input("x", ob.Float, 2, 2).Input("s", ob.Int64, 1).
			Node("Reshape", []string{"x", "s"}, []string{"y"}).
			Output("y", ob.Float, 4)
		wantErr(t, m.Bytes(), `node "Reshape_0" (Reshape)`, `shape input "s"`, "constant")
	})
	t.Run("arity", func(t *testing.T) {
		m := ob.NewModel("k", 13).Input("x", ob.Float, 2).
			Node("Relu", []string{"x", "x"}, []string{"y"}).
			Output("y", ob.Float, 2)
		wantErr(t, m.Bytes(), `node "Relu_0" (Relu)`, "at most 1")
	})
	t.Run("bad attribute type", func(t *testing.T) {
		m := ob.NewModel("k", 13).Input("x", ob.Float, 2, 2).
			Node("Transpose", []string{"x"}, []string{"y"}, ob.Int("perm", 1)).
			Output("y", ob.Float, 2, 2)
		wantErr(t, m.Bytes(), `node "Transpose_0" (Transpose)`, `"perm"`, "wrong type")
	})
}

func TestUnsupportedOps(t *testing.T) {
	m := ob.NewModel("u", 13).Input("x", ob.Float, 4).
		Node("Loop", []string{"", "", "x"}, []string{"l"}).
		Node("NonZero", []string{"x"}, []string{"n1"}).
		Node("NonZero", []string{"x"}, []string{"n2"}).
		Node("Mod", []string{"x", "x"}, []string{"s"}).
		Node("ReduceProd", []string{"l"}, []string{"e"}). // downstream of Loop: still reported
		Node("Relu", []string{"n1"}, []string{"r"}).      // downstream: not reported
		Node("TreeEnsembleClassifier", []string{"x"}, []string{"t"}, ob.Int("dummy", 0))
	m.Proto().Graph.Node[6].Domain = "ai.onnx.ml"
	m.Proto().Graph.Node[0].Name = "loop_0"
	m.Proto().Graph.Node[1].Name = "/NonZero"
	m.Proto().Graph.Node[2].Name = "/NonZero_1"
	m.Output("r", ob.Float, 4)
	wantErr(t, m.Bytes(), `model.onnx: unsupported ops: Loop (1, node "loop_0"), NonZero (2, node "/NonZero"), Mod (1, node "Mod_3"), ReduceProd (1, node "ReduceProd_4"), ai.onnx.ml.TreeEnsembleClassifier (1, node "TreeEnsembleClassifier_6")`)
	_, err := Parse(m.Bytes(), "model.onnx", nil)
	var uerr *UnsupportedOpsError
	if !errors.As(err, &uerr) {
		t.Fatalf("%v: not an *UnsupportedOpsError", err)
	}
	if got, want := uerr.OpTypes(), []string{"Loop", "NonZero", "Mod", "ReduceProd", "ai.onnx.ml.TreeEnsembleClassifier"}; !slices.Equal(got, want) {
		t.Errorf("OpTypes() = %v, want %v", got, want)
	}
	if u := uerr.Ops[1]; u.Count != 2 || u.Node != "/NonZero" {
		t.Errorf("Ops[1] = %+v, want NonZero twice from node /NonZero", u)
	}
	// a failing node is reported too, and what follows it is not blamed
	m = ob.NewModel("u", 13).Input("x", ob.Float, 1, 4).
		Floats("w", []int64{3, 2}, make([]float32, 6)).
		Node("Loop", []string{"x"}, []string{"l"}).
		Node("Gemm", []string{"x", "w"}, []string{"g"}).
		Node("Mod", []string{"g", "g"}, []string{"s"}).
		Output("s", ob.Float)
	wantErr(t, m.Bytes(), `unsupported ops: Loop (1, node "Loop_0"); also node "Gemm_1" (Gemm): inner dimensions differ`)
	if _, err := Parse(m.Bytes(), "m", nil); strings.Contains(err.Error(), "Mod") {
		t.Errorf("Mod after a failed node reported: %v", err)
	}
	if ops := SupportedOps(); len(ops) < 40 || !FoldOnly("Mod") || FoldOnly("Sigmoid") || FoldOnly("Gemm") || FoldOnly("Loop") {
		t.Errorf("SupportedOps() = %v", ops)
	}
}

func TestAnonymousNodes(t *testing.T) {
	m := mlp()
	for _, n := range m.Proto().Graph.Node {
		n.Name = ""
	}
	m.Proto().Graph.Node[1].Name = ""
	g := mustParse(t, m)
	if g.Nodes[0].Name != "Gemm_0" || g.Nodes[1].Name != "Relu_1" {
		t.Errorf("names %q %q", g.Nodes[0].Name, g.Nodes[1].Name)
	}
	// duplicate names are made unique too, so that errors are unambiguous
	m.Proto().Graph.Node[0].Name = "same"
	m.Proto().Graph.Node[1].Name = "same"
	g = mustParse(t, m)
	if g.Nodes[0].Name != "same" || g.Nodes[1].Name != "Relu_1" {
		t.Errorf("names %q %q", g.Nodes[0].Name, g.Nodes[1].Name)
	}
}

func TestTopologicalOrder(t *testing.T) {
	m := mlp()
	gn := m.Proto().Graph
	gn.Node[0], gn.Node[1] = gn.Node[1], gn.Node[0]
	g := mustParse(t, m)
	if g.Nodes[0].OpType != "Gemm" || g.Nodes[1].OpType != "Relu" {
		t.Errorf("order %s %s", g.Nodes[0].OpType, g.Nodes[1].OpType)
	}
}

// TestTruncated parses every prefix of a small model: each must give a
// clean error or a graph, never a panic.
func TestTruncated(t *testing.T) {
	data := mlp().Node("Reshape", []string{"y", "shape"}, []string{"z"}).
		Ints("shape", []int64{1}, []int64{-1}).Output("z", ob.Float, 2).Bytes()
	for n := 0; n < len(data); n++ {
		_, err := Parse(data[:n], "model.onnx", nil)
		if err != nil && (strings.Contains(err.Error(), "internal error") || !strings.HasPrefix(err.Error(), "model.onnx: ")) {
			t.Fatalf("prefix %d: %v", n, err)
		}
	}
}

func TestRandomBytes(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 2000; i++ {
		data := make([]byte, rng.Intn(200))
		rng.Read(data)
		if _, err := Parse(data, "model.onnx", nil); err == nil || strings.Contains(err.Error(), "internal error") {
			t.Fatalf("random input %x: %v", data, err)
		}
	}
	// random mutations of a valid model
	base := mlp().Bytes()
	for i := 0; i < 5000; i++ {
		data := append([]byte{}, base...)
		for k := rng.Intn(4) + 1; k > 0; k-- {
			data[rng.Intn(len(data))] = byte(rng.Intn(256))
		}
		if _, err := Parse(data, "model.onnx", nil); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("mutated model %x: %v", data, err)
		}
	}
}

func TestTensorDecoding(t *testing.T) {
	raw := func(b ...byte) []byte { return b }
	for _, tc := range []struct {
		name  string
		tp    *pb.TensorProto
		dt    DType
		float []float64
		ints  []int64
	}{
		{"float raw", &pb.TensorProto{DataType: 1, Dims: []int64{2}, RawData: raw(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0)}, Float32, []float64{1, -2}, nil},
		{"float typed", &pb.TensorProto{DataType: 1, Dims: []int64{2}, FloatData: []float32{1.5, -2}}, Float32, []float64{1.5, -2}, nil},
		{"double raw", &pb.TensorProto{DataType: 11, Dims: []int64{1}, RawData: raw(0, 0, 0, 0, 0, 0, 0xf0, 0x3f)}, Float64, []float64{1}, nil},
		{"double typed", &pb.TensorProto{DataType: 11, Dims: []int64{}, DoubleData: []float64{0.25}}, Float64, []float64{0.25}, nil},
		{"float16 raw", &pb.TensorProto{DataType: 10, Dims: []int64{4}, RawData: raw(0x00, 0x3c, 0x00, 0xc0, 0x01, 0x00, 0x00, 0x7c)}, Float16, []float64{1, -2, math.Ldexp(1, -24), math.Inf(1)}, nil},
		{"float16 typed", &pb.TensorProto{DataType: 10, Dims: []int64{1}, Int32Data: []int32{0x3800}}, Float16, []float64{0.5}, nil},
		{"bfloat16 raw", &pb.TensorProto{DataType: 16, Dims: []int64{1}, RawData: raw(0x80, 0x3f)}, BFloat16, []float64{1}, nil},
		{"bfloat16 typed", &pb.TensorProto{DataType: 16, Dims: []int64{1}, Int32Data: []int32{0xc000}}, BFloat16, []float64{-2}, nil},
		{"int8 raw", &pb.TensorProto{DataType: 3, Dims: []int64{2}, RawData: raw(0xff, 7)}, Int8, nil, []int64{-1, 7}},
		{"int8 typed", &pb.TensorProto{DataType: 3, Dims: []int64{2}, Int32Data: []int32{-128, 127}}, Int8, nil, []int64{-128, 127}},
		{"uint8 raw", &pb.TensorProto{DataType: 2, Dims: []int64{1}, RawData: raw(0xff)}, Uint8, nil, []int64{255}},
		{"int16 raw", &pb.TensorProto{DataType: 5, Dims: []int64{1}, RawData: raw(0xfe, 0xff)}, Int16, nil, []int64{-2}},
		{"uint16 raw", &pb.TensorProto{DataType: 4, Dims: []int64{1}, RawData: raw(0xfe, 0xff)}, Uint16, nil, []int64{65534}},
		{"int32 raw", &pb.TensorProto{DataType: 6, Dims: []int64{1}, RawData: raw(0xff, 0xff, 0xff, 0xff)}, Int32, nil, []int64{-1}},
		{"int32 typed", &pb.TensorProto{DataType: 6, Dims: []int64{1}, Int32Data: []int32{-5}}, Int32, nil, []int64{-5}},
		{"uint32 raw", &pb.TensorProto{DataType: 12, Dims: []int64{1}, RawData: raw(0xff, 0xff, 0xff, 0xff)}, Uint32, nil, []int64{math.MaxUint32}},
		{"uint32 typed", &pb.TensorProto{DataType: 12, Dims: []int64{1}, Uint64Data: []uint64{7}}, Uint32, nil, []int64{7}},
		{"int64 raw", &pb.TensorProto{DataType: 7, Dims: []int64{1}, RawData: raw(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)}, Int64, nil, []int64{-2}},
		{"int64 typed", &pb.TensorProto{DataType: 7, Dims: []int64{2}, Int64Data: []int64{math.MinInt64, 3}}, Int64, nil, []int64{math.MinInt64, 3}},
		{"uint64 typed", &pb.TensorProto{DataType: 13, Dims: []int64{1}, Uint64Data: []uint64{1 << 40}}, Uint64, nil, []int64{1 << 40}},
		{"bool raw", &pb.TensorProto{DataType: 9, Dims: []int64{3}, RawData: raw(0, 1, 2)}, Bool, nil, []int64{0, 1, 1}},
		{"bool typed", &pb.TensorProto{DataType: 9, Dims: []int64{2}, Int32Data: []int32{1, 0}}, Bool, nil, []int64{1, 0}},
		{"empty", &pb.TensorProto{DataType: 1, Dims: []int64{0, 3}}, Float32, []float64{}, nil},
	} {
		got, err := decodeTensor(tc.tp, tc.name)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.DType != tc.dt || len(got.Float) != len(tc.float) || len(got.Int) != len(tc.ints) {
			t.Errorf("%s: got %+v", tc.name, got)
			continue
		}
		for i := range tc.float {
			if got.Float[i] != tc.float[i] {
				t.Errorf("%s: element %d = %v, want %v", tc.name, i, got.Float[i], tc.float[i])
			}
		}
		for i := range tc.ints {
			if got.Int[i] != tc.ints[i] {
				t.Errorf("%s: element %d = %v, want %v", tc.name, i, got.Int[i], tc.ints[i])
			}
		}
	}
	for _, tc := range []struct {
		name string
		tp   *pb.TensorProto
		err  string
	}{
		{"uint64 overflow", &pb.TensorProto{DataType: 13, Dims: []int64{1}, Uint64Data: []uint64{1 << 63}}, "does not fit"},
		{"uint64 raw overflow", &pb.TensorProto{DataType: 13, Dims: []int64{1}, RawData: raw(0, 0, 0, 0, 0, 0, 0, 0x80)}, "does not fit"},
		{"negative dim", &pb.TensorProto{DataType: 1, Dims: []int64{-1}}, "dimension 0 is -1"},
		{"huge", &pb.TensorProto{DataType: 1, Dims: []int64{1 << 20, 1 << 20}}, "too large"},
		{"undefined", &pb.TensorProto{DataType: 0, Dims: []int64{1}}, "undefined"},
		{"unknown type", &pb.TensorProto{DataType: 99, Dims: []int64{1}}, "99"},
		{"no data", &pb.TensorProto{DataType: 7, Dims: []int64{2}}, "0 values"},
		{"segment", &pb.TensorProto{DataType: 1, Dims: []int64{1}, Segment: &pb.TensorProto_Segment{Begin: 0, End: 1}}, "segment"},
	} {
		_, err := decodeTensor(tc.tp, tc.name)
		if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.HasPrefix(err.Error(), tc.name) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		}
	}
}

func TestConstantNodes(t *testing.T) {
	m := ob.NewModel("c", 13).Input("x", ob.Float, 2)
	m.Node("Constant", nil, []string{"a"}, ob.FloatAttr("value_float", 2))
	m.Node("Constant", nil, []string{"b"}, &pb.AttributeProto{Name: "value_floats", Type: pb.AttributeProto_FLOATS, Floats: []float32{1, 2}})
	m.Node("Constant", nil, []string{"c"}, ob.Int("value_int", 3))
	m.Node("Constant", nil, []string{"d"}, ob.Ints("value_ints", 4, 5))
	m.Node("Constant", nil, []string{"e"}, ob.Tensor("value", ob.FloatTensor("", []int64{2}, []float32{6, 7})))
	m.Node("Sum", []string{"x", "a", "b", "e"}, []string{"y"})
	m.Node("Add", []string{"c", "d"}, []string{"z"})
	m.Output("y", ob.Float, 2).Output("z", ob.Int64, 2)
	g := mustParse(t, m)
	if len(g.Nodes) != 1 || len(g.Nodes[0].Inputs) != 4 {
		t.Fatalf("nodes %v", g.Nodes)
	}
	if z := g.Constants["z"]; z == nil || z.Int[0] != 7 || z.Int[1] != 8 || z.DType != Int64 {
		t.Errorf("z = %+v", z)
	}
	if a := g.Constants["a"]; a == nil || len(a.Shape) != 0 || a.Float[0] != 2 {
		t.Errorf("a = %+v", a)
	}
	m = ob.NewModel("c", 13).Input("x", ob.Float, 2).
		Node("Constant", nil, []string{"s"}, ob.String("value_string", "hi")).
		Node("Add", []string{"x", "s"}, []string{"y"}).Output("y", ob.Float, 2)
	wantErr(t, m.Bytes(), `node "Constant_0" (Constant)`, "string")
}

// addInit adds an arbitrary initializer, which the builder has no helper for.
func addInit(m *ob.Model, tp *pb.TensorProto) *ob.Model {
	g := m.Proto().Graph
	g.Initializer = append(g.Initializer, tp)
	return m
}
