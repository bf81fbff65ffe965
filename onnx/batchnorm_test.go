package onnx

import (
	"math"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

func seq(n int, scale float32) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = scale * float32((i*5)%7-3)
	}
	return v
}

// bnModel is producer (Conv or Gemm) → BatchNormalization, with x either a
// graph input or a constant.
func bnModel(producer string, xConst bool, attrs ...ob.Attr) *ob.Model {
	m := ob.NewModel("bn", 13)
	var xShape, wShape []int64
	var ch int
	switch producer {
	case "Conv":
		xShape, wShape, ch = i64(1, 2, 3, 3), i64(3, 2, 2, 2), 3
	case "Gemm":
		xShape, wShape, ch = i64(2, 4), i64(4, 3), 3
	case "GemmT":
		xShape, wShape, ch = i64(2, 4), i64(3, 4), 3
		producer = "Gemm"
		attrs = append(attrs, ob.Int("transB", 1))
	}
	n := 1
	for _, d := range xShape {
		n *= int(d)
	}
	if xConst {
		m.Floats("x", xShape, seq(n, 0.5)).Input("unused", ob.Float, 1)
	} else {
		m.Input("x", ob.Float, xShape...)
	}
	wn := 1
	for _, d := range wShape {
		wn *= int(d)
	}
	m.Floats("w", wShape, seq(wn, 0.25)).
		Floats("b", i64(int64(ch)), []float32{0.5, -1, 2}).
		Floats("gamma", i64(int64(ch)), []float32{1.5, 0.5, -2}).
		Floats("beta", i64(int64(ch)), []float32{0.1, 0.2, 0.3}).
		Floats("mean", i64(int64(ch)), []float32{1, -1, 0.5}).
		Floats("var", i64(int64(ch)), []float32{4, 0.25, 1}).
		Node(producer, []string{"x", "w", "b"}, []string{"h"}, attrs...).
		Node("BatchNormalization", []string{"h", "gamma", "beta", "mean", "var"}, []string{"y"}, ob.FloatAttr("epsilon", 1e-3)).
		Output("y", ob.Float)
	m.Proto().Graph.Output[0].Type.GetTensorType().Shape = nil
	return m
}

// TestBatchNormFolding folds BN into Conv and Gemm and checks that the
// folded node computes what Conv/Gemm followed by BN computes.
func TestBatchNormFolding(t *testing.T) {
	for _, tc := range []struct {
		producer string
		attrs    []ob.Attr
	}{
		{"Conv", []ob.Attr{ob.Ints("pads", 1, 0, 0, 1)}},
		{"Gemm", nil},
		{"GemmT", []ob.Attr{ob.FloatAttr("alpha", 0.5), ob.FloatAttr("beta", 2)}},
	} {
		t.Run(tc.producer, func(t *testing.T) {
			g := mustParse(t, bnModel(tc.producer, false, tc.attrs...))
			if len(g.Nodes) != 1 || g.Nodes[0].Outputs[0] != "y" {
				t.Fatalf("nodes %v", g.Nodes)
			}
			n := g.Nodes[0]
			if _, ok := g.Values["h"]; ok {
				t.Error("the pre-BN value is still typed")
			}
			ref := mustParse(t, bnModel(tc.producer, true, tc.attrs...)).Constants["y"]
			// Evaluate the folded node on the same constant x.
			xc := &Tensor{DType: Float32, Shape: g.Values["x"].Shape}
			xc.Float = make([]float64, NumElements(xc.Shape))
			for i, v := range seq(len(xc.Float), 0.5) {
				xc.Float[i] = float64(v)
			}
			c := &nodeCtx{n: n, opset: 13, outT: make([]*Tensor, 1)}
			for i, in := range n.Inputs {
				t := g.Constants[in]
				if i == 0 {
					t = xc
				}
				c.consts = append(c.consts, t)
				c.types = append(c.types, Value{Name: in, DType: t.DType, Shape: t.Shape})
			}
			var err error
			if n.OpType == "Conv" {
				err = evalConv(c)
			} else {
				err = evalGemm(c)
			}
			if err != nil {
				t.Fatal(err)
			}
			got := c.outT[0]
			if !sameShape(got.Shape, ref.Shape) {
				t.Fatalf("shape %v, want %v", got.Shape, ref.Shape)
			}
			for i := range ref.Float {
				if math.Abs(got.Float[i]-ref.Float[i]) > 1e-5 {
					t.Fatalf("element %d: folded %v, unfolded %v", i, got.Float[i], ref.Float[i])
				}
			}
		})
	}
}

func TestBatchNormNotFolded(t *testing.T) {
	// the Conv output has a second consumer
	m := bnModel("Conv", false).Node("Relu", []string{"h"}, []string{"r"}).Output("r", ob.Float, 1, 3, 2, 2)
	g := mustParse(t, m)
	if len(g.Nodes) != 3 {
		t.Errorf("nodes %v", g.Nodes)
	}
	// standalone
	m = ob.NewModel("bn", 13).Input("x", ob.Float, 1, 2).
		Floats("s", i64(2), []float32{1, 2}).Floats("b", i64(2), []float32{0, 0}).
		Node("BatchNormalization", []string{"x", "s", "b", "b", "s"}, []string{"y"}).
		Output("y", ob.Float, 1, 2)
	g = mustParse(t, m)
	if len(g.Nodes) != 1 || g.Nodes[0].OpType != "BatchNormalization" {
		t.Errorf("nodes %v", g.Nodes)
	}
	// weights computed from the input
	m = ob.NewModel("bn", 13).Input("x", ob.Float, 2, 2).Input("w", ob.Float, 2, 2).
		Floats("s", i64(2), []float32{1, 2}).Floats("b", i64(2), []float32{0, 0}).
		Node("Gemm", []string{"x", "w"}, []string{"h"}).
		Node("BatchNormalization", []string{"h", "s", "b", "b", "s"}, []string{"y"}).
		Output("y", ob.Float, 2, 2)
	g = mustParse(t, m)
	if len(g.Nodes) != 2 {
		t.Errorf("nodes %v", g.Nodes)
	}
}
