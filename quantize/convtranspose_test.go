package quantize

import (
	"fmt"
	"math"
	"testing"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// TestConvTranspose compares the lowered ConvTranspose with the importer's
// own constant folding of the same node (a scatter, written independently of
// the gather form the planner uses) over strides, pads, dilations,
// output_padding, groups and a 1-D and 3-D case, and the integer executor
// with the float one.
func TestConvTranspose(t *testing.T) {
	cases := []struct {
		x, w  []int64
		attrs []onnxbuild.Attr
	}{
		{x: []int64{1, 2, 3, 3}, w: []int64{2, 3, 2, 2}},
		{x: []int64{1, 2, 3, 4}, w: []int64{2, 1, 3, 2}, attrs: []onnxbuild.Attr{onnxbuild.Ints("strides", 2, 3), onnxbuild.Ints("pads", 1, 0, 0, 1)}},
		{x: []int64{2, 4, 3, 3}, w: []int64{4, 1, 2, 2}, attrs: []onnxbuild.Attr{onnxbuild.Int("group", 2), onnxbuild.Ints("dilations", 2, 1), onnxbuild.Ints("strides", 2, 2), onnxbuild.Ints("output_padding", 1, 0)}},
		{x: []int64{1, 1, 5}, w: []int64{1, 2, 3}, attrs: []onnxbuild.Attr{onnxbuild.Ints("strides", 3), onnxbuild.String("auto_pad", "SAME_UPPER")}},
		{x: []int64{1, 1, 2, 2, 2}, w: []int64{1, 1, 2, 2, 2}, attrs: []onnxbuild.Attr{onnxbuild.Ints("strides", 2, 1, 2)}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			xs, ws := seqf(c.x, 0.37), seqf(c.w, -0.21)
			m := c.w[1] * groupOf(c.attrs)
			bias := seqf([]int64{m}, 0.5)
			build := func(constX bool) *onnx.Graph {
				b := onnxbuild.NewModel("ct", 13).Floats("w", c.w, ws).Floats("b", []int64{m}, bias).Output("y", onnxbuild.Float)
				if constX {
					b.Floats("x", c.x, xs)
				} else {
					b.Input("x", onnxbuild.Float, c.x...)
				}
				g, err := onnx.Parse(b.Node("ConvTranspose", []string{"x", "w", "b"}, []string{"y"}, c.attrs...).Bytes(), "ct.onnx", nil)
				if err != nil {
					t.Fatal(err)
				}
				return g
			}
			folded := build(true).Constants["y"]
			if folded == nil {
				t.Fatal("the importer did not fold the constant ConvTranspose")
			}
			g := build(false)
			in := make([]float64, len(xs))
			for j, v := range xs {
				in[j] = float64(v)
			}
			vals, err := RunFloat(g, [][]float64{in})
			if err != nil {
				t.Fatal(err)
			}
			got := vals["y"]
			if len(got) != folded.Len() {
				t.Fatalf("%d outputs, folding gives %d", len(got), folded.Len())
			}
			for j := range got {
				if math.Abs(got[j]-folded.At(j)) > 1e-5 {
					t.Fatalf("y[%d] = %g, folding gives %g", j, got[j], folded.At(j))
				}
			}
			p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
			q, err := p.Predict([][]float64{in})
			if err != nil {
				t.Fatal(err)
			}
			if e := modelio.RelativeLInf(q, [][]float64{got}); e > 1e-4 {
				t.Errorf("integer executor: relative L∞ error %g", e)
			}
		})
	}
}

func TestConvTransposeErrors(t *testing.T) {
	b := newGraph()
	x, w := b.input("x", 1, 2, 3, 3), b.input("w", 2, 1, 2, 2)
	g := b.output(b.node("ConvTranspose", []string{x, w}))
	wantErr(t, Check(g), "ConvTranspose", "weights are computed")
}

// seqf returns deterministic values in [-1, 1) for a shape.
func seqf(shape []int64, phase float64) []float32 {
	n := int64(1)
	for _, d := range shape {
		n *= d
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(math.Sin(float64(i)*1.7 + phase))
	}
	return out
}

func groupOf(attrs []onnxbuild.Attr) int64 {
	for _, a := range attrs {
		if a.Name == "group" {
			return a.I
		}
	}
	return 1
}
