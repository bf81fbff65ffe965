package quantize

import (
	"slices"
	"testing"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// TestLogicOps checks Not, And, Or and Xor on every pair of booleans, with a
// constant operand and broadcasting, against the float executor and ONNX's
// truth tables.
func TestLogicOps(t *testing.T) {
	a := []float64{0, 0, 1, 1}
	bv := []float64{0, 1, 0, 1}
	for _, c := range []struct {
		op   string
		want []float64
	}{
		{"And", []float64{0, 0, 0, 1}},
		{"Or", []float64{0, 1, 1, 1}},
		{"Xor", []float64{0, 1, 1, 0}},
	} {
		t.Run(c.op, func(t *testing.T) {
			b := newGraph()
			x, y := b.typedInput("x", onnx.Bool, 4), b.typedInput("y", onnx.Bool, 4)
			g := b.output(b.node(c.op, []string{x, y}))
			p := compileOn(t, g, plan.DefaultConfig(), [][]float64{a, bv})
			got := predict(t, p, a, bv)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s(%v, %v) = %v, want %v", c.op, a, bv, got, c.want)
			}
		})
	}
	t.Run("Not of Or with a constant", func(t *testing.T) {
		b := newGraph()
		x := b.typedInput("x", onnx.Bool, 2, 2)
		g := b.output(b.node("Not", []string{b.node("Or", []string{x, b.constant([]int{2}, 0, 1)})}))
		p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{0, 1, 1, 0}})
		if got, want := predict(t, p, []float64{0, 1, 1, 0}), []float64{1, 0, 0, 0}; !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
}

// TestBooleanInputsClamped: a bool input is a witness the prover picks, so
// the plan clamps it to {0, 1}; an input of 5 or -3 cannot make Not output
// -4 or 4.
func TestBooleanInputsClamped(t *testing.T) {
	b := newGraph()
	x := b.typedInput("x", onnx.Bool, 4)
	g := b.output(b.node("Not", []string{x}), b.node("Identity", []string{x}))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{0, 1, 0, 1}})
	q, err := p.QuantizeInputs([][]float64{{5, -3, 0, 1}})
	if err != nil {
		t.Fatal(err)
	}
	all, err := p.Run(q)
	if err != nil {
		t.Fatal(err)
	}
	out := p.DequantizeOutputs(all)
	if want := []float64{0, 1, 1, 0}; !slices.Equal(out[0], want) {
		t.Errorf("Not of clamped {5, -3, 0, 1} = %v, want %v", out[0], want)
	}
	if want := []float64{1, 0, 0, 1}; !slices.Equal(out[1], want) {
		t.Errorf("Identity of clamped {5, -3, 0, 1} = %v, want %v", out[1], want)
	}
}

// TestLogicRejectsNonBoolean: on reals, Or is not a maximum; Check must
// refuse logic on values that are not provably 0 or 1.
func TestLogicRejectsNonBoolean(t *testing.T) {
	b := newGraph()
	x := b.input("x", 3)
	g := b.output(b.node("Not", []string{x}))
	wantErr(t, Check(g), "(Not)", "not provably boolean")

	b = newGraph()
	x = b.typedInput("x", onnx.Bool, 3)
	y := b.input("y", 3)
	g = b.output(b.node("And", []string{x, b.node("Relu", []string{y})}))
	wantErr(t, Check(g), "input 1", "not provably boolean")

	// A cast of a real to bool is a comparison with 0.
	b = newGraph()
	y = b.input("y", 3)
	g = b.output(b.node("Cast", []string{y}, aInt("to", int64(onnx.Bool))))
	wantErr(t, Check(g), "comparison")
}

func predict(t *testing.T, p *plan.Plan, inputs ...[]float64) []float64 {
	t.Helper()
	out, err := p.Predict(inputs)
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}
