package onnx

import (
	"slices"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// TestFoldSelections folds ArgMax, ArgMin, OneHot and GatherElements of
// constants and checks the values and inferred shapes.
func TestFoldSelections(t *testing.T) {
	x := []float32{3, -1, 3, 0.5, 2, 7, -4, 7}
	for _, c := range []struct {
		name  string
		build func(m *ob.Model) *ob.Model
		want  []float64
		shape []int
		elem  int32
	}{
		{"ArgMax", func(m *ob.Model) *ob.Model {
			return m.Node("ArgMax", []string{"x"}, []string{"y"}, ob.Int("axis", 1), ob.Int("keepdims", 0))
		}, []float64{0, 1}, []int{2}, ob.Int64},
		{"ArgMin", func(m *ob.Model) *ob.Model {
			return m.Node("ArgMin", []string{"x"}, []string{"y"}, ob.Int("axis", -2))
		}, []float64{1, 0, 1, 0}, []int{1, 4}, ob.Int64},
		{"OneHot", func(m *ob.Model) *ob.Model {
			return m.Ints("i", []int64{3}, []int64{2, 0, -1}).Ints("d", []int64{1}, []int64{3}).Floats("v", []int64{2}, []float32{0, 5}).
				Node("OneHot", []string{"i", "d", "v"}, []string{"y"}, ob.Int("axis", 0))
		}, []float64{0, 5, 0, 0, 0, 0, 5, 0, 5}, []int{3, 3}, ob.Float},
		{"GatherElements", func(m *ob.Model) *ob.Model {
			return m.Ints("i", []int64{2, 2}, []int64{3, 0, -1, 1}).
				Node("GatherElements", []string{"x", "i"}, []string{"y"}, ob.Int("axis", 1))
		}, []float64{0.5, 3, 7, 7}, []int{2, 2}, ob.Float},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := c.build(ob.NewModel("s", 13).Floats("x", []int64{2, 4}, x)).Output("y", c.elem)
			g, err := Parse(m.Bytes(), "s.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			y := g.Constants["y"]
			if y == nil {
				t.Fatal("not folded")
			}
			if !slices.Equal(y.Floats(), c.want) || !slices.Equal(y.Shape, c.shape) {
				t.Errorf("%s = %v %v, want %v %v", c.name, y.Floats(), y.Shape, c.want, c.shape)
			}
		})
	}
	m := ob.NewModel("s", 13).Floats("x", []int64{2, 4}, x).
		Node("ArgMax", []string{"x"}, []string{"y"}, ob.Int("select_last_index", 1)).Output("y", ob.Int64)
	if _, err := Parse(m.Bytes(), "s.onnx", nil); err == nil {
		t.Error("select_last_index=1 accepted")
	}
}
