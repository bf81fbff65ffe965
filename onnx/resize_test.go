package onnx

import (
	"slices"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// TestResizeNearest folds nearest Resize and Upsample of a 1×1×2×3 input
// [[0 1 2] [3 4 5]] and checks the values ONNX Runtime gives.
func TestResizeNearest(t *testing.T) {
	x := []float32{0, 1, 2, 3, 4, 5}
	for _, c := range []struct {
		name   string
		opset  int64
		op     string
		inputs func(m *ob.Model) []string
		attrs  []ob.Attr
		want   []float64
		shape  []int
	}{
		{"scales 2 half_pixel", 13, "Resize", func(m *ob.Model) []string {
			m.Floats("scales", []int64{4}, []float32{1, 1, 2, 2})
			return []string{"x", "", "scales"}
		}, nil, []float64{0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5}, []int{1, 1, 4, 6}},
		{"sizes shrink asymmetric", 13, "Resize", func(m *ob.Model) []string {
			m.Ints("sizes", []int64{4}, []int64{1, 1, 1, 2})
			return []string{"x", "", "", "sizes"}
		}, []ob.Attr{ob.String("coordinate_transformation_mode", "asymmetric")}, []float64{0, 1}, []int{1, 1, 1, 2}}, // column 1 reads 1.5: round_prefer_floor
		// half_pixel: output column o reads (o + 0.5)·3/2 − 0.5 = 0.25, 1.75
		// rounded; rows 0.5 → 0 (round_prefer_floor) or 1 (round_prefer_ceil).
		{"sizes round_prefer_ceil", 13, "Resize", func(m *ob.Model) []string {
			m.Ints("sizes", []int64{4}, []int64{1, 1, 1, 2})
			return []string{"x", "", "", "sizes"}
		}, []ob.Attr{ob.String("nearest_mode", "round_prefer_ceil")}, []float64{3, 5}, []int{1, 1, 1, 2}},
		{"opset 10", 10, "Resize", func(m *ob.Model) []string {
			m.Floats("scales", []int64{4}, []float32{1, 1, 1, 1.5})
			return []string{"x", "scales"}
		}, nil, []float64{0, 0, 1, 2, 3, 3, 4, 5}, []int{1, 1, 2, 4}},
		{"Upsample", 9, "Upsample", func(m *ob.Model) []string {
			m.Floats("scales", []int64{4}, []float32{1, 1, 2, 1})
			return []string{"x", "scales"}
		}, nil, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}, []int{1, 1, 4, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			build := func(m *ob.Model) *ob.Model {
				return m.Node(c.op, c.inputs(m), []string{"y"}, c.attrs...).Output("y", ob.Float)
			}
			g, err := Parse(build(ob.NewModel("r", c.opset).Floats("x", []int64{1, 1, 2, 3}, x)).Bytes(), "r.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			y := g.Constants["y"]
			if y == nil {
				t.Fatal("not folded")
			}
			if !slices.Equal(y.Floats(), c.want) || !slices.Equal(y.Shape, c.shape) {
				t.Errorf("%v %v, want %v %v", y.Floats(), y.Shape, c.want, c.shape)
			}
			g, err = Parse(build(ob.NewModel("r", c.opset).Input("x", ob.Float, 1, 1, 2, 3)).Bytes(), "r.onnx", nil)
			if err != nil {
				t.Fatal(err)
			}
			if v := g.Values["y"]; !slices.Equal(v.Shape, c.shape) {
				t.Errorf("inferred shape %v, want %v", v.Shape, c.shape)
			}
		})
	}
	m := ob.NewModel("r", 13).Input("x", ob.Float, 1, 1, 2, 3).Floats("scales", []int64{4}, []float32{1, 1, 2, 2}).
		Node("Resize", []string{"x", "", "scales"}, []string{"y"}, ob.String("mode", "linear")).Output("y", ob.Float)
	if _, err := Parse(m.Bytes(), "r.onnx", nil); err == nil {
		t.Error("mode linear accepted")
	}
}
