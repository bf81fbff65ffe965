package quantize

import (
	"slices"
	"testing"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// TestOneHot checks OneHot at computed indices along each axis against the
// float executor (ONNX semantics), including values other than 0 and 1.
func TestOneHot(t *testing.T) {
	in := []float64{2, 0, 1, 3, 3, 0}
	for _, axis := range []int64{0, 1, 2} {
		b := newGraph()
		x := b.typedInput("i", onnx.Int64, 2, 3)
		g := b.output(b.node("OneHot", []string{x, b.intConstant([]int{1}, 4), b.constant([]int{2}, -1, 5)}, aInt("axis", axis)))
		p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
		got, want := predict(t, p, in), floatOut(t, g, in)
		if !slices.Equal(got, want) {
			t.Errorf("axis %d: OneHot = %v, want %v", axis, got, want)
		}
	}
}

// TestGatherElements checks GatherElements at computed indices into
// computed data (a sum of products), into a constant table (affine), and at
// constant indices (data movement).
func TestGatherElements(t *testing.T) {
	data := []float64{0.5, -1.25, 3, 7, 0.125, -2}
	idx := []float64{2, 0, 1, 1, 0, 2}
	t.Run("computed data", func(t *testing.T) {
		b := newGraph()
		x, i := b.input("x", 2, 3), b.typedInput("i", onnx.Int64, 2, 3)
		g := b.output(b.node("GatherElements", []string{x, i}, aInt("axis", 1)))
		p := compileOn(t, g, plan.DefaultConfig(), [][]float64{data, idx})
		got, want := predict(t, p, data, idx), floatOut(t, g, data, idx)
		if !slices.Equal(want, []float64{3, 0.5, -1.25, 0.125, 7, -2}) || !slices.Equal(got, want) {
			t.Errorf("GatherElements = %v, float %v", got, want)
		}
	})
	t.Run("constant table", func(t *testing.T) {
		b := newGraph()
		i := b.typedInput("i", onnx.Int64, 1, 3)
		g := b.output(b.node("GatherElements", []string{b.constant([]int{2, 3}, data...), i}, aInt("axis", 0)))
		in := []float64{1, 0, 1}
		p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
		if got, want := predict(t, p, in), []float64{7, -1.25, -2}; !slices.Equal(got, want) {
			t.Errorf("GatherElements = %v, want %v", got, want)
		}
	})
	t.Run("constant indices", func(t *testing.T) {
		b := newGraph()
		x := b.input("x", 2, 3)
		g := b.output(b.node("GatherElements", []string{x, b.intConstant([]int{2, 2}, 1, 1, 0, 1)}, aInt("axis", 0)))
		p := compileOn(t, g, plan.DefaultConfig(), [][]float64{data})
		if got, want := predict(t, p, data), []float64{7, 0.125, 0.5, 0.125}; !slices.Equal(got, want) {
			t.Errorf("GatherElements = %v, want %v", got, want)
		}
	})
	t.Run("real indices rejected", func(t *testing.T) {
		b := newGraph()
		x, r := b.input("x", 2, 3), b.input("r", 2, 3)
		g := b.output(b.node("GatherElements", []string{x, r}, aInt("axis", 1)))
		wantErr(t, Check(g), "(GatherElements)", "not provably integers")
	})
}

// TestSplit checks a three-way Split of a computed value, each output read
// by a different op, against the float executor.
func TestSplit(t *testing.T) {
	in := []float64{1, -2, 3, -4, 5, -6, 7, -8}
	b := newGraph()
	x := b.input("x", 2, 4)
	n := &onnx.Node{Name: "split", OpType: "Split", Inputs: []string{x}, Outputs: []string{"s0", "s1", "s2"},
		Attrs: map[string]*onnx.Attr{"axis": {Kind: onnx.AttrInt, Int: 1}, "split": {Kind: onnx.AttrInts, Ints: []int64{1, 2, 1}}}}
	b.g.Nodes = append(b.g.Nodes, n)
	g := b.output("s0", b.node("Relu", []string{"s1"}), b.node("Neg", []string{"s2"}))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
	out, err := p.Predict([][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1, 5}, {0, 3, 0, 7}, {4, 8}}
	for i := range want {
		if !slices.Equal(out[i], want[i]) {
			t.Errorf("output %d = %v, want %v", i, out[i], want[i])
		}
	}
}
