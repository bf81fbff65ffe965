package circuits

import (
	"context"
	"fmt"
	"testing"

	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

// Single-op models written with onnxbuild go the whole way (import,
// calibration on the samples, planning): for every sample the circuit must
// accept Plan.Run's outputs and reject each output element off by one, the
// integer executor must follow the float one within 0.5%, and
// the circuit's size is pinned in the golden file as op/<name>. The plan
// uses plan.DefaultConfig, or cfg when given.

func checkOpModel(t *testing.T, name string, m *onnxbuild.Model, samples [][][]float64, cfg ...plan.Config) {
	t.Helper()
	g, err := onnx.Parse(m.Bytes(), name+".onnx", nil)
	if err != nil {
		t.Fatal(err)
	}
	var p *plan.Plan
	if len(cfg) == 0 {
		p = planOf(t, g, samples)
	} else {
		cal, err := quantize.Calibrate(g, samples)
		if err != nil {
			t.Fatal(err)
		}
		if p, err = quantize.Compile(context.Background(), g, cal, cfg[0]); err != nil {
			t.Fatal(err)
		}
	}
	record("op/"+name, compileCounts(t, p))
	for k, s := range samples {
		want, err := quantize.RunFloat(g, s)
		if err != nil {
			t.Fatalf("sample %d: %v", k, err)
		}
		ref := make([][]float64, len(g.Outputs))
		for i, o := range g.Outputs {
			ref[i] = want[o.Name]
		}
		got, err := p.Predict(s)
		if err != nil {
			t.Fatalf("sample %d: %v", k, err)
		}
		if e := modelio.RelativeLInf(got, ref); e > 0.005 {
			t.Errorf("sample %d: integer executor %v, float %v: relative error %.3g", k, got, ref, e)
		}
		q, err := p.QuantizeInputs(s)
		if err != nil {
			t.Fatalf("sample %d: %v", k, err)
		}
		w := run(t, p, q)
		if err := test.IsSolved(New(p), w, field); err != nil {
			t.Fatalf("sample %d: Plan.Run's outputs rejected: %v", k, err)
		}
		for j, bad := range tampered(w) {
			if test.IsSolved(New(p), bad, field) == nil {
				t.Fatalf("sample %d: tampered witness %d accepted", k, j)
			}
		}
	}
}

// TestConstantOutputs: an output that folds to a constant (here a Range, as
// torch.arange exports) is bound to public values by the circuit, also in a
// model without inputs.
func TestConstantOutputs(t *testing.T) {
	m := onnxbuild.NewModel("arange", 15).
		Ints("start", nil, []int64{0}).Ints("limit", nil, []int64{10}).Ints("delta", nil, []int64{2}).
		Node("Range", []string{"start", "limit", "delta"}, []string{"y"}).
		Output("y", onnxbuild.Int64, 5)
	checkOpModel(t, "range", m, [][][]float64{{}})

	m = onnxbuild.NewModel("mixed", 15).
		Input("x", onnxbuild.Float, 3).
		Floats("c", []int64{2}, []float32{0.75, -2}).
		Node("Relu", []string{"x"}, []string{"r"}).
		Node("Identity", []string{"c"}, []string{"k"}).
		Output("r", onnxbuild.Float, 3).Output("k", onnxbuild.Float, 2)
	checkOpModel(t, "constant_beside_relu", m, [][][]float64{{{-1, 0.5, 2}}, {{3, -2, 0}}})
}

// TestScatterElements: updates at computed indices, with a repeated index
// in the second sample (the last update wins), and with reduction add.
func TestScatterElements(t *testing.T) {
	for _, red := range []string{"none", "add"} {
		m := onnxbuild.NewModel("scatter", 16).
			Input("x", onnxbuild.Float, 2, 3).Input("i", onnxbuild.Int64, 2, 2).Input("u", onnxbuild.Float, 2, 2).
			Node("ScatterElements", []string{"x", "i", "u"}, []string{"y"}, onnxbuild.Int("axis", 1), onnxbuild.String("reduction", red)).
			Output("y", onnxbuild.Float, 2, 3)
		checkOpModel(t, "scatter_elements/"+red, m, [][][]float64{
			{{1, -2, 3, 0.5, 5, -6}, {2, 0, 1, 2}, {10, -20, 30, 0.25}},
			{{-1, 2, -3, 4, -5, 6}, {1, 1, 0, 2}, {7, -8, 9, 1.5}},
		})
	}
}

// TestRound: halves to even, at the halves themselves.
func TestRound(t *testing.T) {
	m := onnxbuild.NewModel("round", 13).
		Input("x", onnxbuild.Float, 8).
		Node("Round", []string{"x"}, []string{"y"}).
		Output("y", onnxbuild.Float, 8)
	checkOpModel(t, "round", m, [][][]float64{
		{{-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, -3.5}},
		{{-0.25, 0.75, 1.25, -1.75, 0, 2, -2, 3.25}},
	})
}

// TestLogSoftmax: over the last axis (opset 13), and over all axes from
// axis on (opset 11, the input seen as 2-D).
func TestLogSoftmax(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles LogSoftmax models; skipped with -short")
	}
	for _, tc := range []struct {
		opset int64
		axis  int64
	}{{13, -1}, {11, 1}} {
		m := onnxbuild.NewModel("log_softmax", tc.opset).
			Input("x", onnxbuild.Float, 1, 2, 3).
			Node("LogSoftmax", []string{"x"}, []string{"y"}, onnxbuild.Int("axis", tc.axis)).
			Output("y", onnxbuild.Float, 1, 2, 3)
		checkOpModel(t, fmt.Sprintf("log_softmax/opset%d", tc.opset), m, [][][]float64{
			{{1, 2, 3, -1, -1, -1}},
			{{0.5, -4, 2, 10, -10, 0}},
		})
	}
}

// TestReductions: the norms (expanded at import into Abs or Mul, ReduceSum
// and Sqrt) and ReduceLogSumExp, with axes as an attribute (opset 13) and
// as an input (opset 18).
func TestReductions(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles eight reduction models; skipped with -short")
	}
	samples := [][][]float64{
		{{1, -2, 3, -4, 5, -6}},
		{{0.5, 0.25, -3, 8, -0.125, 2}},
	}
	for _, op := range []string{"ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSumExp"} {
		m := onnxbuild.NewModel("reduce", 13).
			Input("x", onnxbuild.Float, 2, 3).
			Node(op, []string{"x"}, []string{"y"}, onnxbuild.Ints("axes", 1), onnxbuild.Int("keepdims", 0)).
			Output("y", onnxbuild.Float, 2)
		checkOpModel(t, "reduce/"+op, m, samples)
	}
	m := onnxbuild.NewModel("reduce", 18).
		Input("x", onnxbuild.Float, 2, 3).Ints("axes", []int64{1}, []int64{0}).
		Node("ReduceLogSumExp", []string{"x", "axes"}, []string{"y"}).
		Output("y", onnxbuild.Float, 1, 3)
	checkOpModel(t, "reduce/ReduceLogSumExp/opset18", m, samples)
}

// TestTopK: values and indices of the top 2 of rows of 5, ties included,
// largest and smallest first.
func TestTopK(t *testing.T) {
	for _, largest := range []int64{1, 0} {
		m := onnxbuild.NewModel("topk", 13).
			Input("x", onnxbuild.Float, 2, 5).Ints("k", []int64{1}, []int64{2}).
			Node("TopK", []string{"x", "k"}, []string{"v", "i"}, onnxbuild.Int("largest", largest)).
			Output("v", onnxbuild.Float, 2, 2).Output("i", onnxbuild.Int64, 2, 2)
		checkOpModel(t, fmt.Sprintf("topk/largest%d", largest), m, [][][]float64{
			{{3, 1, 3, 2, -1, 0.5, 5, 5, 0, -2}},
			{{-4, 2.5, 2.5, 2.5, -4, 1, 1, 1, 1, 1}},
		})
	}
}

// TestMovementAndConstants: nearest Resize, Neg, Sign, ConstantOfShape of
// a Shape, Range and Cast (of an integer input to float, and back) in one
// model.
func TestMovementAndConstants(t *testing.T) {
	value := onnxbuild.FloatTensor("value", []int64{1}, []float32{0.5})
	m := onnxbuild.NewModel("mixed", 13).
		Input("x", onnxbuild.Float, 1, 1, 2, 2).Input("i", onnxbuild.Int64, 3).
		Floats("scales", []int64{4}, []float32{1, 1, 2, 1.5}).
		Ints("start", nil, []int64{0}).Ints("limit", nil, []int64{3}).Ints("delta", nil, []int64{1}).
		Node("Resize", []string{"x", "", "scales"}, []string{"r"}).
		Node("Neg", []string{"r"}, []string{"n"}).
		Node("Sign", []string{"n"}, []string{"s"}).
		Node("Shape", []string{"x"}, []string{"shape"}).
		Node("ConstantOfShape", []string{"shape"}, []string{"half"}, onnxbuild.Tensor("value", value)).
		Node("Add", []string{"x", "half"}, []string{"a"}).
		Node("Range", []string{"start", "limit", "delta"}, []string{"rg"}).
		Node("Cast", []string{"i"}, []string{"fi"}, onnxbuild.Int("to", 1)).
		Node("Cast", []string{"rg"}, []string{"frg"}, onnxbuild.Int("to", 1)).
		Node("Add", []string{"fi", "frg"}, []string{"sum"}).
		Node("Cast", []string{"sum"}, []string{"back"}, onnxbuild.Int("to", 7)).
		Output("n", onnxbuild.Float, 1, 1, 4, 3).Output("s", onnxbuild.Float, 1, 1, 4, 3).
		Output("a", onnxbuild.Float, 1, 1, 2, 2).Output("back", onnxbuild.Int64, 3)
	checkOpModel(t, "movement_and_constants", m, [][][]float64{
		{{1, -2, 0.25, 3}, {4, -5, 6}},
		{{-0.5, 0, 2, -1}, {0, 1, -2}},
	})
}

// TestTrigonometry: Tan, Asin, Acos and Atan are lookup tables, Asin's and
// Acos's over [-1, 1] (their domain), Tan's over the calibrated range.
func TestTrigonometry(t *testing.T) {
	m := onnxbuild.NewModel("trigonometry", 13).
		Input("x", onnxbuild.Float, 4).Input("u", onnxbuild.Float, 4).
		Node("Tan", []string{"x"}, []string{"tan"}).
		Node("Atan", []string{"x"}, []string{"atan"}).
		Node("Asin", []string{"u"}, []string{"asin"}).
		Node("Acos", []string{"u"}, []string{"acos"}).
		Output("tan", onnxbuild.Float, 4).Output("atan", onnxbuild.Float, 4).
		Output("asin", onnxbuild.Float, 4).Output("acos", onnxbuild.Float, 4)
	checkOpModel(t, "trigonometry", m, [][][]float64{
		{{1.2, -0.5, 0.25, -1.1}, {0.9, -0.95, 0.1, 0.5}},
		{{-1.2, 0.7, 0, 1}, {-0.9, 0.95, -0.3, 0}},
	})
}

// TestDivideSigned: a quotient by a computed divisor of either sign (its
// magnitude, sign and one product), broadcast over rows.
func TestDivideSigned(t *testing.T) {
	m := onnxbuild.NewModel("divide_signed", 13).
		Input("x", onnxbuild.Float, 2, 3).Input("y", onnxbuild.Float, 3).
		Node("Div", []string{"x", "y"}, []string{"q"}).
		Output("q", onnxbuild.Float, 2, 3)
	checkOpModel(t, "divide_signed", m, [][][]float64{
		{{1, -2, 3, 0.5, 4, -6}, {0.5, -4, 3}},
		{{-1, 2, 0.25, -3, 1, 2}, {-2, 0.25, -0.5}},
	})
}

// TestSmallSigmoid: a score near 0.001 behind a Sigmoid, at 16 activation
// bits: the table's output scale follows the calibrated scores, so the
// integer executor stays within 0.5% of the float one.
func TestSmallSigmoid(t *testing.T) {
	m := onnxbuild.NewModel("small_sigmoid", 13).
		Input("x", onnxbuild.Float, 1, 4).
		Floats("w", []int64{4, 1}, []float32{3, -2, 1.5, -4}).Floats("b", []int64{1}, []float32{-7}).
		Node("Gemm", []string{"x", "w", "b"}, []string{"h"}).
		Node("Sigmoid", []string{"h"}, []string{"y"}).
		Output("y", onnxbuild.Float, 1, 1)
	cfg := plan.DefaultConfig()
	cfg.ActivationBits = 16
	checkOpModel(t, "small_sigmoid", m, [][][]float64{{{0.1, 0.2, -0.1, 0.05}}, {{0.05, -0.1, 0.2, 0}}}, cfg)
}
