package onnx

import (
	"slices"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/fixtures"
	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// The values of the unrolled graph are checked against the ONNX formulas in
// quantize/ (TestRecurrentFloat), which has the float executor; here: the
// shape of the unrolling and the errors.

func parseFixture(t *testing.T, data []byte) *Graph {
	t.Helper()
	g, err := Parse(data, "model.onnx", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkGraph(g); err != nil {
		t.Fatal(err)
	}
	return g
}

func opCounts(g *Graph) map[string]int {
	c := map[string]int{}
	for _, n := range g.Nodes {
		c[n.OpType]++
	}
	return c
}

// TestRecurrentUnrolls: per step and direction one Gemm of x_t and one of
// the previous state per gate, the outputs in the op's shapes, and nothing
// left of the recurrent node. A zero initial state needs no Gemm of the
// state at the first step, nor the gates it alone needs (an LSTM's forget
// gate, a GRU's reset gate); a constant one's Gemm folds.
func TestRecurrentUnrolls(t *testing.T) {
	for _, tc := range []struct {
		spec  fixtures.Recurrent
		gemms int
	}{
		{fixtures.Recurrent{Op: "RNN", Seq: 3, Batch: 2, Input: 3, Hidden: 4, Bias: true}, 3 + 2},
		{fixtures.Recurrent{Op: "RNN", Direction: "bidirectional", Seq: 2, Batch: 1, Input: 2, Hidden: 2, InitialH: "input"}, 2 * 2 * 2},
		{fixtures.Recurrent{Op: "LSTM", Seq: 3, Batch: 1, Input: 2, Hidden: 3, Bias: true}, 3 + 2*4*2},
		{fixtures.Recurrent{Op: "LSTM", Direction: "reverse", Seq: 2, Batch: 2, Input: 2, Hidden: 2, Layout: 1, InitialH: "const", Peepholes: true}, 3 + 4*2},
		{fixtures.Recurrent{Op: "GRU", Seq: 2, Batch: 1, Input: 2, Hidden: 2, Bias: true}, 2 + 3*2},
		{fixtures.Recurrent{Op: "GRU", Direction: "bidirectional", Seq: 2, Batch: 1, Input: 2, Hidden: 2, LinearBeforeReset: 1, Opset: 11}, 2 * (2 + 3*2)},
	} {
		s := tc.spec
		m, _ := s.Build()
		g := parseFixture(t, m.ONNX)
		c := opCounts(g)
		name := s.Op + "/" + s.Direction
		if c[s.Op] != 0 {
			t.Errorf("%s: the %s node is still in the graph", name, s.Op)
		}
		if c["Gemm"] != tc.gemms {
			t.Errorf("%s: %d Gemm nodes, want %d (%v)", name, c["Gemm"], tc.gemms, c)
		}
		shapes := map[string][]int64{"y": s.YShape(), "y_h": s.StateShape(), "y_c": s.StateShape()}
		for _, o := range g.Outputs {
			if !slices.Equal(o.Shape, intsOf(shapes[o.Name])) {
				t.Errorf("%s: output %s has shape %v, want %v", name, o.Name, o.Shape, shapes[o.Name])
			}
		}
		for _, n := range g.Nodes {
			if !strings.HasPrefix(n.Name, s.Op+"_") {
				t.Errorf("%s: node %q is not named after the recurrent node", name, n.Name)
			}
		}
	}
}

// TestRecurrentOutputSubset: only the outputs the graph uses are computed;
// Y_h alone needs no Concat of the steps.
func TestRecurrentOutputSubset(t *testing.T) {
	s := fixtures.Recurrent{Op: "LSTM", Seq: 3, Batch: 1, Input: 2, Hidden: 2, Outputs: []string{"Y_h"}}
	m, _ := s.Build()
	g := parseFixture(t, m.ONNX)
	if c := opCounts(g); c["Concat"] != 0 || c["Unsqueeze"] != 1 {
		t.Errorf("Y_h only: ops %v, want one Unsqueeze and no Concat", c)
	}
	s.Outputs = []string{"Y_c", "Y"}
	m, _ = s.Build()
	g = parseFixture(t, m.ONNX)
	if len(g.Outputs) != 2 || g.Outputs[0].Name != "y_c" || g.Outputs[1].Name != "y" {
		t.Errorf("outputs %v, want y_c then y", g.Outputs)
	}
}

// TestRecurrentErrors: what zkml cannot unroll is reported in one line
// naming the node and what to change.
func TestRecurrentErrors(t *testing.T) {
	base := func(op string, attrs ...ob.Attr) *ob.Model {
		g := map[string]int64{"RNN": 1, "GRU": 3, "LSTM": 4}[op]
		return ob.NewModel("rec", 14).Input("x", ob.Float, 2, 1, 2).
			Floats("W", []int64{1, g * 2, 2}, make([]float32, g*4)).
			Floats("R", []int64{1, g * 2, 2}, make([]float32, g*4)).
			Output("y_h", ob.Float)
	}
	for _, tc := range []struct {
		name string
		m    *ob.Model
		want []string
	}{
		{"activation", base("RNN").Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}, ob.Strings("activations", "Elu")),
			[]string{`"RNN_0" (RNN)`, `activation "Elu" is not supported`, "Relu"}},
		{"activation count", base("LSTM").Node("LSTM", []string{"x", "W", "R"}, []string{"", "y_h"}, ob.Strings("activations", "Sigmoid", "Tanh")),
			[]string{`"LSTM_0"`, "want 3 per direction"}},
		{"short sequence", base("GRU").Ints("lens", []int64{1}, []int64{1}).
			Node("GRU", []string{"x", "W", "R", "", "lens"}, []string{"", "y_h"}),
			[]string{`"GRU_0"`, "sequence_lens[0] is 1", "full length 2"}},
		{"computed sequence_lens", base("GRU").Input("lens", ob.Int64, 1).
			Node("GRU", []string{"x", "W", "R", "", "lens"}, []string{"", "y_h"}),
			[]string{`"GRU_0"`, `sequence_lens input "lens" is computed`}},
		{"computed weights", ob.NewModel("rec", 14).Input("x", ob.Float, 2, 1, 2).Input("W", ob.Float, 1, 2, 2).
			Floats("R", []int64{1, 2, 2}, make([]float32, 4)).
			Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}).Output("y_h", ob.Float),
			[]string{`"RNN_0"`, `W input "W" is computed`, "constants"}},
		{"bias shape", base("RNN").Floats("B", []int64{1, 3}, make([]float32, 3)).
			Node("RNN", []string{"x", "W", "R", "B"}, []string{"", "y_h"}),
			[]string{`"RNN_0"`, `B input "B" has shape [1 3], want [1 4]`}},
		{"hidden_size", base("RNN").Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}, ob.Int("hidden_size", 3)),
			[]string{`"RNN_0"`, "hidden_size 3"}},
		{"direction", base("RNN").Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}, ob.String("direction", "sideways")),
			[]string{`"RNN_0"`, `direction "sideways"`}},
		{"layout", base("RNN").Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}, ob.Int("layout", 2)),
			[]string{`"RNN_0"`, "layout 2"}},
		{"initial_h shape", base("RNN").Floats("h0", []int64{1, 2}, make([]float32, 2)).
			Node("RNN", []string{"x", "W", "R", "", "", "h0"}, []string{"", "y_h"}),
			[]string{`"RNN_0"`, `initial_h input "h0" has shape [1 2], want [1 1 2]`}},
		{"too long", ob.NewModel("rec", 14).Input("x", ob.Float, 20000, 1, 1).
			Floats("W", []int64{1, 1, 1}, []float32{1}).Floats("R", []int64{1, 1, 1}, []float32{1}).
			Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}).Output("y_h", ob.Float),
			[]string{`"RNN_0"`, "20000 steps", "more than 16384"}},
		{"clip", base("RNN").Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}, ob.FloatAttr("clip", -1)),
			[]string{`"RNN_0"`, "clip -1"}},
	} {
		_, err := Parse(tc.m.Bytes(), "model.onnx", nil)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", tc.name, err, w)
			}
		}
	}
}

// TestRecurrentAfterUnsupported: behind an unsupported op the recurrent
// node is not reported too; the unsupported op is.
func TestRecurrentAfterUnsupported(t *testing.T) {
	m := ob.NewModel("rec", 14).Input("a", ob.Float, 2, 1, 2).
		Floats("W", []int64{1, 2, 2}, make([]float32, 4)).
		Floats("R", []int64{1, 2, 2}, make([]float32, 4)).
		Node("Unique", []string{"a"}, []string{"x"}).
		Node("RNN", []string{"x", "W", "R"}, []string{"", "y_h"}).Output("y_h", ob.Float)
	_, err := Parse(m.Bytes(), "model.onnx", nil)
	if err == nil || !strings.Contains(err.Error(), "Unique") || strings.Contains(err.Error(), "RNN") {
		t.Errorf("error %v, want one naming Unique only", err)
	}
}
