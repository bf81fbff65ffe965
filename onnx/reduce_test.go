package onnx

import (
	"math"
	"slices"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// TestNormReductions: ReduceL1, ReduceL2 and ReduceSumSquare become a
// ReduceSum of |x| or x·x (under a Sqrt for L2), with the axes given as an
// attribute (before opset 18) or an input, keepdims and
// noop_with_empty_axes; folded, they give ONNX's values, and with a
// computed input the output's inferred shape.
func TestNormReductions(t *testing.T) {
	x := []float32{1, -2, 3, -4, 5, -6}
	for _, c := range []struct {
		name  string
		opset int64
		op    string
		axes  []int64 // nil: none given
		input bool    // axes as an input
		attrs []ob.Attr
		want  []float64
		shape []int
	}{
		{"L1 axis 1", 13, "ReduceL1", []int64{1}, false, []ob.Attr{ob.Int("keepdims", 0)}, []float64{6, 15}, []int{2}},
		{"L2 last axis", 18, "ReduceL2", []int64{-1}, true, nil, []float64{math.Sqrt(14), math.Sqrt(77)}, []int{2, 1}},
		{"sum square axis 0", 11, "ReduceSumSquare", []int64{0}, false, nil, []float64{17, 29, 45}, []int{1, 3}},
		{"sum square all", 18, "ReduceSumSquare", nil, false, []ob.Attr{ob.Int("keepdims", 0)}, []float64{91}, []int{}},
		{"L1 noop", 18, "ReduceL1", []int64{}, true, []ob.Attr{ob.Int("noop_with_empty_axes", 1)}, []float64{1, 2, 3, 4, 5, 6}, []int{2, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			build := func(m *ob.Model) *ob.Model {
				inputs := []string{"x"}
				attrs := c.attrs
				switch {
				case c.axes != nil && c.input:
					m.Ints("axes", []int64{int64(len(c.axes))}, c.axes)
					inputs = append(inputs, "axes")
				case c.axes != nil:
					attrs = append(attrs, ob.Ints("axes", c.axes...))
				}
				return m.Node(c.op, inputs, []string{"y"}, attrs...).Output("y", ob.Float)
			}
			g, err := Parse(build(ob.NewModel("r", c.opset).Floats("x", []int64{2, 3}, x)).Bytes(), "r.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			y := g.Constants["y"]
			if y == nil {
				t.Fatal("not folded")
			}
			if !slices.Equal(y.Shape, c.shape) || len(y.Floats()) != len(c.want) {
				t.Fatalf("%v %v, want %v %v", y.Floats(), y.Shape, c.want, c.shape)
			}
			for i, v := range y.Floats() {
				if math.Abs(v-c.want[i]) > 1e-5 {
					t.Fatalf("%v, want %v", y.Floats(), c.want)
				}
			}
			g, err = Parse(build(ob.NewModel("r", c.opset).Input("x", ob.Float, 2, 3)).Bytes(), "r.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			if v := g.Values["y"]; !slices.Equal(v.Shape, c.shape) {
				t.Errorf("inferred shape %v, want %v", v.Shape, c.shape)
			}
			var ops []string
			for _, n := range g.Nodes {
				ops = append(ops, n.OpType)
			}
			if !slices.Contains(ops, "ReduceSum") || slices.Contains(ops, c.op) {
				t.Errorf("nodes %v: want the ReduceSum that %s stands for", ops, c.op)
			}
		})
	}
}
