package onnx

import (
	"slices"
	"strings"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// TestTopK folds TopK (k as the K input from opset 10, as an attribute
// before) and checks values, indices and the shapes inferred for a
// computed input; ties go to the lower index.
func TestTopK(t *testing.T) {
	x := []float32{3, 1, 3, 2, -1, 5, 5, 0}
	for _, c := range []struct {
		name          string
		opset         int64
		attrs         []ob.Attr
		values, index []float64
		shape         []int
	}{
		{"largest", 13, nil, []float64{3, 3, 5, 5}, []float64{0, 2, 1, 2}, []int{2, 2}},
		{"smallest axis 0", 11, []ob.Attr{ob.Int("axis", 0), ob.Int("largest", 0)}, []float64{-1, 1, 3, 0}, []float64{1, 0, 0, 1}, []int{1, 4}},
		{"attribute k", 9, []ob.Attr{ob.Int("k", 2)}, []float64{3, 3, 5, 5}, []float64{0, 2, 1, 2}, []int{2, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := int64(len(c.values) / 2)
			if c.shape[0] == 1 {
				k = 1
			}
			build := func(m *ob.Model) *ob.Model {
				inputs := []string{"x"}
				if c.opset >= 10 {
					m.Ints("k", []int64{1}, []int64{k})
					inputs = append(inputs, "k")
				}
				return m.Node("TopK", inputs, []string{"v", "i"}, c.attrs...).Output("v", ob.Float).Output("i", ob.Int64)
			}
			g, err := Parse(build(ob.NewModel("t", c.opset).Floats("x", []int64{2, 4}, x)).Bytes(), "t.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			v, i := g.Constants["v"], g.Constants["i"]
			if v == nil || i == nil {
				t.Fatal("not folded")
			}
			if !slices.Equal(v.Floats(), c.values) || !slices.Equal(i.Floats(), c.index) || !slices.Equal(v.Shape, c.shape) || i.DType != Int64 {
				t.Errorf("TopK = %v %v (%v), want %v %v (%v)", v.Floats(), i.Floats(), v.Shape, c.values, c.index, c.shape)
			}
			g, err = Parse(build(ob.NewModel("t", c.opset).Input("x", ob.Float, 2, 4)).Bytes(), "t.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(g.Values["v"].Shape, c.shape) || !slices.Equal(g.Values["i"].Shape, c.shape) || g.Values["i"].DType != Int64 {
				t.Errorf("inferred %v and %v, want shape %v", g.Values["v"], g.Values["i"], c.shape)
			}
		})
	}
	m := ob.NewModel("t", 13).Input("x", ob.Float, 2, 4).Ints("k", []int64{1}, []int64{5}).
		Node("TopK", []string{"x", "k"}, []string{"v", "i"}).Output("v", ob.Float)
	if _, err := Parse(m.Bytes(), "t.onnx", nil); err == nil || !strings.Contains(err.Error(), "k = 5 is out of range") {
		t.Errorf("k beyond the axis: err = %v", err)
	}
}
