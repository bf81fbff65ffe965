package onnx

import (
	"slices"
	"strings"
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
		// x is [[3 −1 3 0.5] [2 7 −4 7]]; row 1 repeats index 0: the last
		// update wins, as in ONNX Runtime.
		{"ScatterElements", func(m *ob.Model) *ob.Model {
			return m.Ints("i", []int64{2, 2}, []int64{3, -4, 0, 0}).Floats("u", []int64{2, 2}, []float32{10, 20, 30, 40}).
				Node("ScatterElements", []string{"x", "i", "u"}, []string{"y"}, ob.Int("axis", 1))
		}, []float64{20, -1, 3, 10, 40, 7, -4, 7}, []int{2, 4}, ob.Float},
		{"ScatterElements/add axis 0", func(m *ob.Model) *ob.Model {
			return m.Ints("i", []int64{1, 3}, []int64{1, 0, 1}).Floats("u", []int64{1, 3}, []float32{10, 20, 30}).
				Node("ScatterElements", []string{"x", "i", "u"}, []string{"y"}, ob.Int("axis", 0), ob.String("reduction", "add"))
		}, []float64{3, 19, 3, 0.5, 12, 7, 26, 7}, []int{2, 4}, ob.Float},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := c.build(ob.NewModel("s", 16).Floats("x", []int64{2, 4}, x)).Output("y", c.elem)
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
	m = ob.NewModel("s", 16).Floats("x", []int64{2, 4}, x).Ints("i", []int64{1, 1}, []int64{0}).Floats("u", []int64{1, 1}, []float32{1}).
		Node("ScatterElements", []string{"x", "i", "u"}, []string{"y"}, ob.String("reduction", "max")).Output("y", ob.Float)
	if _, err := Parse(m.Bytes(), "s.onnx", nil); err == nil || !strings.Contains(err.Error(), "reduction") {
		t.Errorf("reduction=max: err = %v", err)
	}
}
