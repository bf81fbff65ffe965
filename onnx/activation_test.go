package onnx

import (
	"math"
	"strings"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// activation parses a model x → op → y and returns its one node.
func activation(t *testing.T, op string, attrs ...ob.Attr) *Node {
	t.Helper()
	m := ob.NewModel("act", 17).Input("x", ob.Float, 1, 4).
		Node(op, []string{"x"}, []string{"y"}, attrs...).Output("y", ob.Float, 1, 4)
	g := mustParse(t, m)
	if len(g.Nodes) != 1 {
		t.Fatalf("%d nodes, want 1", len(g.Nodes))
	}
	return g.Nodes[0]
}

// TestElementwiseFunc checks each function at hand-computed points, with
// the defaults Load fills in and with explicit attributes.
func TestElementwiseFunc(t *testing.T) {
	const selu = 1.05070102214813232421875 * 1.67326319217681884765625
	for _, tc := range []struct {
		op    string
		attrs []ob.Attr
		x     float64
		want  float64
	}{
		{"Sigmoid", nil, 0, 0.5},
		{"Tanh", nil, 1, math.Tanh(1)},
		{"Erf", nil, 1, 0.8427007929497149},
		{"Exp", nil, 1, math.E},
		{"Log", nil, math.E, 1},
		{"Sqrt", nil, 4, 2},
		{"Reciprocal", nil, 4, 0.25},
		{"Sign", nil, -3, -1},
		{"Elu", nil, -1, math.Exp(-1) - 1},
		{"Elu", []ob.Attr{ob.FloatAttr("alpha", 0.5)}, -1, 0.5 * (math.Exp(-1) - 1)},
		{"Elu", nil, 2, 2},
		{"Selu", nil, -1, selu * (math.Exp(-1) - 1)},
		{"Selu", nil, 1, 1.05070102214813232421875},
		{"Celu", []ob.Attr{ob.FloatAttr("alpha", 2)}, -1, 2 * (math.Exp(-0.5) - 1)},
		{"LeakyRelu", nil, -2, -0.02},
		{"LeakyRelu", []ob.Attr{ob.FloatAttr("alpha", 0.5)}, -2, -1},
		{"HardSigmoid", nil, 1, 0.7},
		{"HardSigmoid", nil, 10, 1},
		{"HardSwish", nil, 1, 1 * (1.0/6 + 0.5)},
		{"HardSwish", nil, -4, 0},
		{"Softplus", nil, 0, math.Ln2},
		{"Softplus", nil, 1000, 1000},
		{"Softsign", nil, 1, 0.5},
		{"Mish", nil, 1, math.Tanh(math.Log1p(math.E))},
		{"Gelu", nil, 1, 0.8413447460685429},
		{"Gelu", []ob.Attr{ob.String("approximate", "tanh")}, 1, 0.8411919906082768},
		{"ThresholdedRelu", nil, 0.5, 0},
		{"ThresholdedRelu", nil, 1.5, 1.5},
	} {
		n := activation(t, tc.op, tc.attrs...)
		f, ok := ElementwiseFunc(n)
		if !ok {
			t.Fatalf("%s: no function", tc.op)
		}
		// Float32 attributes round the constants: compare at float32 precision.
		if got := f(tc.x); math.Abs(got-tc.want) > 1e-7*max(1, math.Abs(tc.want)) {
			t.Errorf("%s%v(%g) = %.10g, want %.10g", tc.op, len(tc.attrs), tc.x, got, tc.want)
		}
	}
	if _, ok := ElementwiseFunc(&Node{OpType: "Gemm"}); ok {
		t.Error("Gemm has an elementwise function")
	}
}

// TestActivationAttributes: defaults are filled in; bad values are errors.
func TestActivationAttributes(t *testing.T) {
	n := activation(t, "Selu")
	if n.Attrs["alpha"] == nil || n.Attrs["gamma"] == nil {
		t.Errorf("Selu's defaults are not filled in: %v", n.Attrs)
	}
	if n := activation(t, "Gelu"); n.String("approximate", "") != "none" {
		t.Errorf("Gelu approximate = %q, want none", n.String("approximate", ""))
	}
	for _, tc := range []struct {
		op   string
		attr ob.Attr
		want string
	}{
		{"Gelu", ob.String("approximate", "fast"), "not a Gelu approximation"},
		{"Elu", ob.Int("alpha", 1), "wrong type"},
		{"Celu", ob.FloatAttr("alpha", 0), "divides by zero"},
		{"LeakyRelu", ob.FloatAttr("alpha", float32(math.Inf(1))), "not a finite number"},
	} {
		m := ob.NewModel("act", 17).Input("x", ob.Float, 1, 4).
			Node(tc.op, []string{"x"}, []string{"y"}, tc.attr).Output("y", ob.Float, 1, 4)
		_, err := Parse(m.Bytes(), "model.onnx", nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.op) {
			t.Errorf("%s: error %v, want one naming the node and saying %q", tc.op, err, tc.want)
		}
	}
}

// TestLayerNormalizationExpands: the op becomes ReduceMean, Sub, Mul,
// ReduceMean, Add, Sqrt, Div, Mul, Add, in both opset forms of ReduceMean,
// and keeps its output's name.
func TestLayerNormalizationExpands(t *testing.T) {
	for _, opset := range []int64{17, 18} {
		m := ob.NewModel("ln", opset).Input("x", ob.Float, 2, 3).
			Floats("s", []int64{3}, []float32{1, 2, 3}).
			Floats("b", []int64{3}, []float32{0, 1, 0}).
			Node("LayerNormalization", []string{"x", "s", "b"}, []string{"y"}, ob.FloatAttr("epsilon", 0.01)).
			Output("y", ob.Float, 2, 3)
		g := mustParse(t, m)
		var ops []string
		for _, n := range g.Nodes {
			ops = append(ops, n.OpType)
		}
		want := "ReduceMean Sub Mul ReduceMean Add Sqrt Div Mul Add"
		if got := strings.Join(ops, " "); got != want {
			t.Errorf("opset %d: nodes %s, want %s", opset, got, want)
		}
		if last := g.Nodes[len(g.Nodes)-1]; last.Outputs[0] != "y" {
			t.Errorf("opset %d: the last node writes %q, want y", opset, last.Outputs[0])
		}
		if axes := g.Nodes[0].Ints("axes"); len(axes) != 1 || axes[0] != 1 {
			t.Errorf("opset %d: mean over axes %v, want [1]", opset, axes)
		}
	}
}

// TestInstanceNormalizationExpands: spatial axes, per-channel parameters
// reshaped to broadcast; a computed scale is an error.
func TestInstanceNormalizationExpands(t *testing.T) {
	m := ob.NewModel("in", 13).Input("x", ob.Float, 1, 2, 3, 3).
		Floats("s", []int64{2}, []float32{1, 2}).
		Floats("b", []int64{2}, []float32{0, 1}).
		Node("InstanceNormalization", []string{"x", "s", "b"}, []string{"y"}).
		Output("y", ob.Float, 1, 2, 3, 3)
	g := mustParse(t, m)
	if axes := g.Nodes[0].Ints("axes"); len(axes) != 2 || axes[0] != 2 || axes[1] != 3 {
		t.Errorf("mean over axes %v, want [2 3]", axes)
	}
	if v := g.Values["y"]; len(v.Shape) != 4 || v.Shape[1] != 2 || v.Shape[2] != 3 {
		t.Errorf("output shape %v, want [1 2 3 3]", v.Shape)
	}
	bad := ob.NewModel("in", 13).Input("x", ob.Float, 1, 2, 3, 3).Input("s", ob.Float, 2).
		Floats("b", []int64{2}, []float32{0, 1}).
		Node("InstanceNormalization", []string{"x", "s", "b"}, []string{"y"}).
		Output("y", ob.Float, 1, 2, 3, 3)
	if _, err := Parse(bad.Bytes(), "model.onnx", nil); err == nil || !strings.Contains(err.Error(), "constant") {
		t.Errorf("computed scale: error %v, want one asking for a constant", err)
	}
}
