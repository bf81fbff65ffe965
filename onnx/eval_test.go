package onnx

import (
	"math"
	"strings"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// TestEval runs a small model: Gemm with float32 weights, then Tan. Eval
// computes in float64; EvalNode, as folding does, rounds to float32.
func TestEval(t *testing.T) {
	m := ob.NewModel("eval", 17).Input("x", ob.Float, 1, 2).
		Floats("w", []int64{2, 1}, []float32{0.1, 0.2}).
		Node("Gemm", []string{"x", "w"}, []string{"h"}).
		Node("Tan", []string{"h"}, []string{"y"}).Output("y", ob.Float, 1, 1)
	g := mustParse(t, m)
	vals, err := Eval(g, [][]float64{{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	h := float64(float32(0.1)) + 2*float64(float32(0.2))
	if got := vals["h"][0]; got != h {
		t.Errorf("h = %.17g, want %.17g (float64 arithmetic)", got, h)
	}
	if got := vals["y"][0]; got != math.Tan(h) {
		t.Errorf("y = %.17g, want tan(h) = %.17g", got, math.Tan(h))
	}
	out, err := EvalNode(g.Nodes[1], g.Opset, []*Tensor{{DType: Float32, Shape: []int{1, 1}, Float: []float64{h}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out[0].Float[0], float64(float32(math.Tan(h))); got != want {
		t.Errorf("EvalNode: %.17g, want %.17g (rounded to float32)", got, want)
	}

	for _, tc := range []struct {
		in   [][]float64
		want string
	}{
		{nil, "1 input(s) but 0"},
		{[][]float64{{1}}, "has 1 value(s)"},
		{[][]float64{{1, math.NaN()}}, "not a finite number"},
	} {
		if _, err := Eval(g, tc.in); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "model.onnx: ") {
			t.Errorf("Eval(%v): error %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestEvalInverseTrig: the inverse trigonometric functions are accepted and
// evaluated.
func TestEvalInverseTrig(t *testing.T) {
	for op, f := range map[string]func(float64) float64{"Asin": math.Asin, "Acos": math.Acos, "Atan": math.Atan, "Tan": math.Tan} {
		fn, ok := ElementwiseFunc(activation(t, op))
		if !ok {
			t.Fatalf("%s: no function", op)
		}
		if got := fn(0.5); got != f(0.5) {
			t.Errorf("%s(0.5) = %g, want %g", op, got, f(0.5))
		}
	}
}

// TestEvalIntegerInput: an integer input must hold whole numbers; its
// values index a Gather.
func TestEvalIntegerInput(t *testing.T) {
	m := ob.NewModel("gather", 17).Input("i", ob.Int64, 2).
		Floats("table", []int64{3}, []float32{10, 20, 30}).
		Node("Gather", []string{"table", "i"}, []string{"y"}).Output("y", ob.Float, 2)
	g := mustParse(t, m)
	vals, err := Eval(g, [][]float64{{2, -3}})
	if err != nil {
		t.Fatal(err)
	}
	if y := vals["y"]; y[0] != 30 || y[1] != 10 {
		t.Errorf("y = %v, want [30 10]", y)
	}
	if _, err := Eval(g, [][]float64{{0.5, 1}}); err == nil || !strings.Contains(err.Error(), "not a whole number in the range of int64") {
		t.Errorf("fractional index: error %v", err)
	}
}
