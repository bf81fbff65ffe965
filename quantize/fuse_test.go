package quantize

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// geluTanh builds GELU's tanh form as PyTorch exports it, node by node:
// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x·x·x))), from y = x·w (a MatMul,
// so that x is a computed value). extra, when set, also outputs the
// value x + 0.044715·x³.
func geluTanh(extra bool) *onnx.Graph {
	b := newGraph()
	in := b.input("in", 4, 3)
	x := b.node("MatMul", []string{in, b.constant([]int{3, 8}, 0.5, -1, 2, 0.25, 1, -0.5, 1.5, -2, 1, 1, -1, 0.5, 2, -0.25, 0.75, 1, -1.5, 0.5, 1, -1, 0.25, 2, -0.5, 1)})
	half := b.node("Mul", []string{x, b.constant(nil, 0.5)})
	c1 := b.node("Mul", []string{x, b.constant(nil, 0.044715)})
	c2 := b.node("Mul", []string{c1, x})
	c3 := b.node("Mul", []string{c2, x})
	s := b.node("Add", []string{x, c3})
	inner := b.node("Mul", []string{s, b.constant([]int{1}, math.Sqrt(2/math.Pi))})
	th := b.node("Tanh", []string{inner})
	one := b.node("Add", []string{th, b.constant(nil, 1)})
	y := b.node("Mul", []string{half, one})
	for _, n := range []string{x, half, c1, c2, c3, s, inner, th, one, y} {
		b.g.Values[n] = onnx.Value{Name: n, DType: onnx.Float32, Shape: []int{4, 8}}
	}
	if extra {
		return b.output(y, s)
	}
	return b.output(y)
}

func countKind(p *plan.Plan, k plan.OpKind) int {
	n := 0
	for _, op := range p.Ops {
		if op.Kind == k {
			n++
		}
	}
	return n
}

// TestFusedGelu: GELU's eight pointwise nodes become one table, which
// follows the float executor, also on inputs beyond the calibrated ones.
func TestFusedGelu(t *testing.T) {
	g := geluTanh(false)
	sample := [][]float64{{1, -2, 0.5, 3, 0.25, -1, -0.5, 1.5, 2, 1, 1, -3}}
	p := compileOn(t, g, plan.DefaultConfig(), sample)
	if n := countKind(p, plan.OpLookup); n != 1 || countKind(p, plan.OpMul) != 0 {
		t.Errorf("the plan has %d lookups and %d products, want one lookup and no product:\n%v", n, countKind(p, plan.OpMul), p.Ops)
	}
	for _, f := range []float64{1, 0.3, -1.7} {
		in := make([]float64, len(sample[0]))
		for i, v := range sample[0] {
			in[i] = v * f
		}
		want, err := RunFloat(g, [][]float64{in})
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Predict([][]float64{in})
		if err != nil {
			t.Fatal(err)
		}
		if e := modelio.RelativeLInf(got, [][]float64{want[g.Outputs[0].Name]}); e > 0.005 {
			t.Errorf("inputs ×%g: relative error %.3g%%", f, 100*e)
		}
	}
}

// TestFusionNeedsPrivateValues: a subgraph whose intermediate value is also
// read elsewhere is not fused across it. Here s = x + 0.044715·x³ is a graph
// output: it becomes one table itself (its two products fused), and what
// follows it is lowered node by node (Tanh's table, the final product).
func TestFusionNeedsPrivateValues(t *testing.T) {
	g := geluTanh(true)
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{1, -2, 0.5, 3, 0.25, -1, -0.5, 1.5, 2, 1, 1, -3}})
	var lookups []string
	for _, op := range p.Ops {
		if op.Kind == plan.OpLookup {
			lookups = append(lookups, op.Node)
		}
	}
	if !slices.Equal(lookups, []string{"Add_9", "Tanh_12"}) || countKind(p, plan.OpMul) != 1 {
		t.Errorf("lookups %q and %d products, want [Add_9 Tanh_12] and 1", lookups, countKind(p, plan.OpMul))
	}
}

// TestSiLUFused: x·σ(x) is one table; σ(x) alone (one rounding) is left as
// it is.
func TestSiLUFused(t *testing.T) {
	b := newGraph()
	x := b.node("Neg", []string{b.node("Neg", []string{b.input("x", 6)})})
	b.g.Values[x] = onnx.Value{Name: x, DType: onnx.Float32, Shape: []int{6}}
	sg := b.node("Sigmoid", []string{x})
	y := b.node("Mul", []string{x, sg})
	b.g.Values[sg] = onnx.Value{Name: sg, DType: onnx.Float32, Shape: []int{6}}
	b.g.Values[y] = onnx.Value{Name: y, DType: onnx.Float32, Shape: []int{6}}
	g := b.output(y)
	in := [][]float64{{-4, -1, 0, 0.5, 2, 5}}
	p := compileOn(t, g, plan.DefaultConfig(), in)
	if countKind(p, plan.OpLookup) != 1 || countKind(p, plan.OpMul) != 0 {
		t.Errorf("x·σ(x) not one lookup:\n%v", p.Ops)
	}
	want, _ := RunFloat(g, in)
	got, err := p.Predict(in)
	if err != nil {
		t.Fatal(err)
	}
	if e := modelio.RelativeLInf(got, [][]float64{want[y]}); e > 0.005 {
		t.Errorf("relative error %.3g%%", 100*e)
	}
}

// TestClampTables: GELU's fused table refuses an input beyond its domain
// by default (its function does not saturate above), and with ClampTables
// clamps it instead, a clamp plan.Clamps reports (what the domain bit
// proves); inside the domain both plans agree.
func TestClampTables(t *testing.T) {
	g := geluTanh(false)
	sample := [][]float64{{1, -2, 0.5, 3, 0.25, -1, -0.5, 1.5, 2, 1, 1, -3}}
	cal, err := Calibrate(g, [][][]float64{sample})
	if err != nil {
		t.Fatal(err)
	}
	strict, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	clamped, err := Compile(context.Background(), g, cal, plan.DefaultConfig(), ClampTables())
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range clamped.Ops {
		if op.Saturates&(plan.StrictBelow|plan.StrictAbove) != 0 {
			t.Fatalf("op %s has a strict end with ClampTables", op.Node)
		}
	}
	far := make([]float64, len(sample[0]))
	for i, v := range sample[0] {
		far[i] = 8 * v // 2× beyond calibration × headroom (4) for the largest
	}
	for _, tc := range []struct {
		in     []float64
		refuse bool // by the strict plan
	}{{sample[0], false}, {far, true}} {
		q, err := strict.QuantizeInputs([][]float64{tc.in})
		if err != nil {
			t.Fatal(err)
		}
		got, err := strict.Run(q)
		if tc.refuse != (err != nil) {
			t.Fatalf("strict plan, refuse %v: Run error %v", tc.refuse, err)
		}
		all, err := clamped.Run(q)
		if err != nil {
			t.Fatalf("ClampTables plan: %v", err)
		}
		if clamps := clamped.Clamps(all); tc.refuse != (len(clamps) > 0) {
			t.Errorf("ClampTables plan, beyond %v: clamps %v", tc.refuse, clamps)
		}
		if !tc.refuse && !slices.Equal(got[len(got)-1], all[len(all)-1]) {
			t.Errorf("inside the domain the plans differ: %v and %v", got[len(got)-1], all[len(all)-1])
		}
	}
}
