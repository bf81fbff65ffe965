package quantize

import (
	"fmt"
	"slices"
	"testing"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// TestCompareWithConstant checks every comparison against a constant, on
// either side, at and one quantization step around the threshold, where an
// off-by-one in the floor/ceil of the threshold would show.
func TestCompareWithConstant(t *testing.T) {
	const th = 0.3
	// The input's scale is chosen from its range: 2^s with s = MaxScale
	// (20) here, so one step is 2^-20.
	step := 1.0 / (1 << 20)
	xs := []float64{th - step, th, th + step, -4, 4, 0}
	for _, op := range []string{"Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Equal"} {
		for _, constFirst := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/const first %v", op, constFirst), func(t *testing.T) {
				b := newGraph()
				x := b.input("x", len(xs))
				c := b.constant([]int{1}, th)
				ins := []string{x, c}
				if constFirst {
					ins = []string{c, x}
				}
				g := b.output(b.node(op, ins))
				p := compileOn(t, g, plan.DefaultConfig(), [][]float64{xs})
				if s := p.Tensors[p.Inputs[0]].Scale; s != 20 {
					t.Fatalf("input scale %d, the test assumes 20", s)
				}
				got := predict(t, p, xs)
				want := floatOut(t, g, xs)
				if !slices.Equal(got, want) {
					t.Errorf("%s on %v = %v, want %v", op, xs, got, want)
				}
			})
		}
	}
}

// TestCompareComputed compares two computed tensors at different scales,
// with broadcasting, and a threshold far beyond the activation range.
func TestCompareComputed(t *testing.T) {
	a := []float64{1, 2, 3, -1000, 0.5, 7}
	bv := []float64{2, 2, 2}
	for _, op := range []string{"Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Equal"} {
		t.Run(op, func(t *testing.T) {
			b := newGraph()
			x, y := b.input("x", 2, 3), b.input("y", 3)
			g := b.output(b.node(op, []string{x, y}))
			p := compileOn(t, g, plan.DefaultConfig(), [][]float64{a, bv})
			got := predict(t, p, a, bv)
			if want := floatOut(t, g, a, bv); !slices.Equal(got, want) {
				t.Errorf("%s(%v, %v) = %v, want %v", op, a, bv, got, want)
			}
		})
	}
	t.Run("threshold beyond the range", func(t *testing.T) {
		for _, th := range []float64{1e30, -1e30} {
			b := newGraph()
			x := b.input("x", 3)
			g := b.output(b.node("Greater", []string{x, b.constant([]int{1}, th)}))
			in := []float64{-1, 0, 1}
			p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
			if got, want := predict(t, p, in), floatOut(t, g, in); !slices.Equal(got, want) {
				t.Errorf("Greater(%v, %g) = %v, want %v", in, th, got, want)
			}
		}
	})
}

// TestWhereAndGatherSelect: the booleans of a comparison choose between
// constants (Where) and index a two-entry constant table (Gather), as
// sklearn's linear classifiers export them.
func TestWhereAndGatherSelect(t *testing.T) {
	in := []float64{-2, 0.5, 3, 0}
	b := newGraph()
	x := b.input("x", 4)
	cond := b.node("Less", []string{x, b.constant([]int{1}, 0.25)})
	where := b.node("Where", []string{cond, b.constant([]int{1}, 10), b.constant([]int{4}, 1, 2, 3, 4)})
	idx := b.node("Cast", []string{b.node("Greater", []string{x, b.constant([]int{1}, 1)})}, aInt("to", int64(onnx.Int64)))
	gather := b.node("Gather", []string{b.constant([]int{2, 2}, -1, -2, 5, 6), idx}, aInt("axis", 0))
	g := b.output(where, gather)
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
	out, err := p.Predict([][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{10, 2, 3, 10}; !slices.Equal(out[0], want) {
		t.Errorf("Where = %v, want %v", out[0], want)
	}
	// idx = [0 0 1 0]: rows of the table, shape [4, 2].
	if want := []float64{-1, -2, -1, -2, 5, 6, -1, -2}; !slices.Equal(out[1], want) {
		t.Errorf("Gather = %v, want %v", out[1], want)
	}
	vals, err := RunFloat(g, [][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(vals[gather], out[1]) || !slices.Equal(vals[where], out[0]) {
		t.Errorf("the float executor gives %v and %v", vals[where], vals[gather])
	}
}

func TestCompareCheckErrors(t *testing.T) {
	b := newGraph()
	x := b.input("x", 3)
	g := b.output(b.node("Where", []string{b.node("Less", []string{x, b.constant([]int{1}, 0)}), x, b.constant([]int{1}, 0)}))
	wantErr(t, Check(g), "(Where)", "choosing between constants only")

	b = newGraph()
	x = b.input("x", 3)
	g = b.output(b.node("Where", []string{x, b.constant([]int{1}, 1), b.constant([]int{1}, 0)}))
	wantErr(t, Check(g), "(Where)", "not provably boolean")

	b = newGraph()
	x = b.input("x", 3)
	g = b.output(b.node("Gather", []string{b.constant([]int{2}, 1, 2), b.node("Relu", []string{x})}))
	wantErr(t, Check(g), "(Gather)", "not provably integers")

	b = newGraph()
	x = b.input("x", 3)
	i := b.typedInput("i", onnx.Int64, 1)
	g = b.output(b.node("Gather", []string{x, i}))
	wantErr(t, Check(g), "(Gather)", "both the data and the indices are computed")
}

func floatOut(t *testing.T, g *onnx.Graph, inputs ...[]float64) []float64 {
	t.Helper()
	vals, err := RunFloat(g, inputs)
	if err != nil {
		t.Fatal(err)
	}
	return vals[g.Outputs[0].Name]
}

// TestArgMaxAndGatherTable: ArgMax and ArgMin over either axis, ties going
// to the first index, and Gather from a constant table at the result, as
// tree ensembles use them.
func TestArgMaxAndGatherTable(t *testing.T) {
	in := []float64{3, -1, 3, 0.5, 2, 7, -4, 7, 0, 0, 0, 0}
	for _, c := range []struct {
		op       string
		axis     int64
		keepdims int64
		want     []float64
	}{
		{"ArgMax", 1, 0, []float64{0, 1, 0}},
		{"ArgMax", 0, 1, []float64{0, 1, 0, 1}},
		{"ArgMin", 1, 1, []float64{1, 2, 0}},
		{"ArgMin", 0, 0, []float64{2, 0, 1, 2}},
	} {
		t.Run(fmt.Sprintf("%s/axis %d", c.op, c.axis), func(t *testing.T) {
			b := newGraph()
			x := b.input("x", 3, 4)
			am := b.node(c.op, []string{x}, aInt("axis", c.axis), aInt("keepdims", c.keepdims))
			g := b.output(am)
			p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
			if got := predict(t, p, in); !slices.Equal(got, c.want) {
				t.Errorf("%s = %v, want %v", c.op, got, c.want)
			}
			if got := floatOut(t, g, in); !slices.Equal(got, c.want) {
				t.Errorf("float %s = %v, want %v", c.op, got, c.want)
			}
		})
	}
	t.Run("Gather at ArgMax", func(t *testing.T) {
		b := newGraph()
		x := b.input("x", 3, 4)
		am := b.node("ArgMax", []string{x}, aInt("axis", 1), aInt("keepdims", 0))
		table := b.constant([]int{4, 2}, 10, 11, 20, 21, 30, 31, 40, 41)
		g := b.output(b.node("Gather", []string{table, am}, aInt("axis", 0)))
		p := compileOn(t, g, plan.DefaultConfig(), [][]float64{in})
		want := []float64{10, 11, 20, 21, 10, 11}
		if got := predict(t, p, in); !slices.Equal(got, want) {
			t.Errorf("Gather = %v, want %v", got, want)
		}
		if got := floatOut(t, g, in); !slices.Equal(got, want) {
			t.Errorf("float Gather = %v, want %v", got, want)
		}
	})
}
