package quantize

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// linspace returns n values from a to b.
func linspace(a, b float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	return v
}

// nonlinearCase is one elementwise op on a [1, 64] input: the plan must
// use kind, and follow the float executor within tol (relative L∞) on the
// calibration sample and on inputs scaled by each factor in scales.
type nonlinearCase struct {
	op     string
	attrs  []attr
	sample []float64
	kind   plan.OpKind
}

var nonlinearCases = []nonlinearCase{
	{op: "Sigmoid", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Tanh", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Erf", sample: linspace(-2, 2, 64), kind: plan.OpLookup},
	{op: "Exp", sample: linspace(-2, 2, 64), kind: plan.OpLookup},
	{op: "Log", sample: linspace(0.1, 4, 64), kind: plan.OpLookup},
	{op: "Sqrt", sample: linspace(0, 4, 64), kind: plan.OpLookup},
	{op: "Reciprocal", sample: linspace(0.5, 4, 64), kind: plan.OpLookup},
	{op: "Sin", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Cos", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Gelu", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Gelu", attrs: []attr{aString("approximate", "tanh")}, sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Softplus", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Softsign", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Elu", attrs: []attr{aFloat("alpha", 0.5)}, sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Selu", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Celu", attrs: []attr{aFloat("alpha", 2)}, sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "HardSigmoid", sample: linspace(-4, 4, 64), kind: plan.OpLookup},
	{op: "HardSwish", sample: linspace(-4, 4, 64), kind: plan.OpLookup},
	{op: "Mish", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Tan", sample: linspace(-1.2, 1.2, 64), kind: plan.OpLookup},
	{op: "Asin", sample: linspace(-0.9, 0.9, 64), kind: plan.OpLookup},
	{op: "Acos", sample: linspace(-0.95, 0.95, 64), kind: plan.OpLookup},
	{op: "Atan", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "Sign", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "LeakyRelu", attrs: []attr{aFloat("alpha", 0.1)}, sample: linspace(-3, 3, 64), kind: plan.OpRelu},
	{op: "Abs", sample: linspace(-3, 3, 64), kind: plan.OpRelu},
	{op: "Softmax", sample: linspace(-3, 3, 64), kind: plan.OpDiv},
	{op: "LogSoftmax", sample: linspace(-3, 3, 64), kind: plan.OpLookup},
	{op: "LogSoftmax", attrs: []attr{aInt("axis", 0)}, sample: linspace(-40, 20, 64), kind: plan.OpLookup},
	{op: "Floor", sample: linspace(-3, 3, 64), kind: plan.OpAffine},
	{op: "Ceil", sample: linspace(-3, 3, 64), kind: plan.OpAffine},
	// Scaled by 0.37, 1 or 1.5, no point lands within a quantization step
	// of a half, where rounding the input to fixed point could move it
	// across (TestRound checks halves exactly).
	{op: "Round", sample: linspace(-3.1, 3.1, 64), kind: plan.OpAffine},
}

func (tc nonlinearCase) graph() *onnx.Graph {
	b := newGraph()
	return b.output(b.node(tc.op, []string{b.input("x", 1, 64)}, tc.attrs...))
}

// TestNonlinearOps: every function compiles to its op kind and the integer
// executor follows the float one within 0.5% (the fidelity bar) on the
// sample, on smaller inputs and on inputs up to the headroom beyond it.
func TestNonlinearOps(t *testing.T) {
	for _, tc := range nonlinearCases {
		t.Run(fmt.Sprintf("%s%v", tc.op, len(tc.attrs)), func(t *testing.T) {
			g := tc.graph()
			cal, err := Calibrate(g, [][][]float64{{tc.sample}})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(p.Ops, func(op plan.Op) bool { return op.Kind == tc.kind }) {
				t.Errorf("the plan has no %s op", tc.kind)
			}
			for _, f := range []float64{1, 0.37, 1.5} {
				if (tc.op == "Log" || tc.op == "Reciprocal") && f > 1 {
					continue // their table starts near 0 and ends at the calibrated max·headroom
				}
				if (tc.op == "Tan" || tc.op == "Asin" || tc.op == "Acos") && f > 1 {
					continue // beyond the calibrated domain (Tan) or the function's (Asin, Acos)
				}
				in := make([]float64, len(tc.sample))
				for i, v := range tc.sample {
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
		})
	}
}

// TestLookupClamps: inputs beyond a table's domain take the value at its
// end, exactly as the circuit proves it: for a saturating function that is
// the right answer; for Exp it is exp(domain end).
func TestLookupClamps(t *testing.T) {
	for _, tc := range []struct {
		op      string
		x, want float64
	}{
		{"Sigmoid", 1000, 1},
		{"Sigmoid", -1000, 0},
		{"Tanh", 500, 1},
		{"Exp", 50, math.Exp(4)}, // calibrated at 1, headroom 4
	} {
		b := newGraph()
		g := b.output(b.node(tc.op, []string{b.input("x", 2)}))
		cal, err := Calibrate(g, [][][]float64{{{1, -1}}})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Predict([][]float64{{tc.x, 0}})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got[0][0]-tc.want) > 1e-3*max(1, tc.want) {
			t.Errorf("%s(%g) = %g, want %g (clamped)", tc.op, tc.x, got[0][0], tc.want)
		}
	}
}

// a factor is rounded first, MatMul, Div, Pow) follow the float executor.
func TestProducts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		build  func(b *gb) *onnx.Graph
		inputs [][]float64
		bits   int
		kind   plan.OpKind
		tol    float64
	}{
		{"matmul", func(b *gb) *onnx.Graph {
			x, y := b.input("x", 2, 3), b.input("y", 3, 2)
			return b.output(b.node("MatMul", []string{x, y}))
		}, [][]float64{{1, 2, 3, -4, 5, -6}, {0.5, -0.25, 1, 2, -3, 0.125}}, 32, plan.OpMul, 1e-4},
		{"matmul batched", func(b *gb) *onnx.Graph {
			x, y := b.input("x", 2, 1, 2), b.input("y", 2, 2)
			return b.output(b.node("MatMul", []string{x, y}))
		}, [][]float64{{1, 2, 3, -4}, {0.5, -0.25, 1, 2}}, 32, plan.OpMul, 1e-4},
		{"divide", func(b *gb) *onnx.Graph {
			x, y := b.input("x", 4), b.input("y", 4)
			return b.output(b.node("Div", []string{x, y}))
		}, [][]float64{{1, -2, 3, 0.5}, {0.5, 4, 3, 0.01}}, 32, plan.OpDiv, 1e-4},
		{"pow 2", func(b *gb) *onnx.Graph {
			return b.output(b.node("Pow", []string{b.input("x", 3), b.constant(nil, 2)}))
		}, [][]float64{{1, -2, 0.5}}, 32, plan.OpMul, 1e-4},
		{"pow 3", func(b *gb) *onnx.Graph {
			return b.output(b.node("Pow", []string{b.input("x", 3), b.constant(nil, 3)}))
		}, [][]float64{{1, -2, 0.5}}, 32, plan.OpLookup, 5e-3},
		{"pow 0.5", func(b *gb) *onnx.Graph {
			return b.output(b.node("Pow", []string{b.input("x", 3), b.constant([]int{1}, 0.5)}))
		}, [][]float64{{1, 2, 0.5}}, 32, plan.OpLookup, 5e-3},
		{"square", func(b *gb) *onnx.Graph {
			x := b.input("x", 4)
			return b.output(b.node("Mul", []string{x, x}))
		}, [][]float64{{-1.5, 0.25, 2, 3}}, 32, plan.OpMul, 1e-4},
		{"broadcast", func(b *gb) *onnx.Graph {
			x, y := b.input("x", 2, 3), b.input("y", 3)
			return b.output(b.node("Mul", []string{x, y}))
		}, [][]float64{{1, 2, 3, -4, 5, -6}, {0.5, -0.25, 100}}, 32, plan.OpMul, 1e-4},
		{"affine factor", func(b *gb) *onnx.Graph {
			x, y := b.input("x", 3), b.input("y", 3)
			s := b.node("Add", []string{x, b.constant([]int{1}, 1)})
			return b.output(b.node("Mul", []string{s, y}))
		}, [][]float64{{1, 2, -3}, {0.5, 7, -2}}, 32, plan.OpMul, 1e-4},
		{"40 bits", func(b *gb) *onnx.Graph {
			x, y := b.input("x", 3), b.input("y", 3)
			return b.output(b.node("Mul", []string{x, y}))
		}, [][]float64{{1, 2, -3}, {0.5, 7, -2}}, 40, plan.OpMul, 1e-4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.build(newGraph())
			cal, err := Calibrate(g, [][][]float64{tc.inputs})
			if err != nil {
				t.Fatal(err)
			}
			cfg := plan.DefaultConfig()
			cfg.ActivationBits = tc.bits
			p, err := Compile(context.Background(), g, cal, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(p.Ops, func(op plan.Op) bool { return op.Kind == tc.kind }) {
				t.Errorf("the plan has no %s op", tc.kind)
			}
			want, err := RunFloat(g, tc.inputs)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Predict(tc.inputs)
			if err != nil {
				t.Fatal(err)
			}
			if e := modelio.RelativeLInf(got, [][]float64{want[g.Outputs[0].Name]}); e > tc.tol {
				t.Errorf("relative error %.3g: got %v, want %v", e, got, want[g.Outputs[0].Name])
			}
		})
	}
}

// TestDivideSigned: a quotient by a computed divisor of either sign
// follows the float executor, also for a sign calibration never saw (it
// is a comparison, not a calibrated choice); a divisor that is provably not
// negative (a Sqrt) is divided by directly; a divisor of 0 is refused,
// naming the node.
func TestDivideSigned(t *testing.T) {
	b := newGraph()
	x, y := b.input("x", 4), b.input("y", 4)
	g := b.output(b.node("Div", []string{x, y}))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{1, -2, 3, 0.5}, {0.5, 4, -3, 0.01}})
	for _, in := range [][][]float64{
		{{1, -2, 3, 0.5}, {0.5, 4, -3, 0.01}},
		{{-1, -2, 3, 0.5}, {-0.5, -4, 3, -0.01}},
		{{0.75, 2, -1, -0.5}, {0.25, 0.5, -2, 2}},
	} {
		want := floatOut(t, g, in...)
		got := predict(t, p, in...)
		if e := modelio.RelativeLInf([][]float64{got}, [][]float64{want}); e > 1e-4 {
			t.Errorf("%v / %v = %v, want %v", in[0], in[1], got, want)
		}
	}
	_, err := p.Predict([][]float64{{1, 2, 3, 4}, {1, 0, 1, 1}})
	wantErr(t, err, "Div_", "division by zero")

	b = newGraph()
	x, y = b.input("x", 2), b.input("y", 2)
	g = b.output(b.node("Div", []string{x, b.node("Sqrt", []string{y})}))
	p = compileOn(t, g, plan.DefaultConfig(), [][]float64{{1, -2}, {4, 0.25}})
	if n := len(p.Ops); n != 2 || p.Ops[1].Kind != plan.OpDiv {
		t.Errorf("dividing by a Sqrt: %d ops, want a lookup and a quotient", n)
	}
}

// TestPReluNeedsConstantSlope: Check explains a computed slope.
func TestPReluNeedsConstantSlope(t *testing.T) {
	b := newGraph()
	x, s := b.input("x", 2), b.input("s", 2)
	g := b.output(b.node("PRelu", []string{x, s}))
	wantErr(t, Check(g), "PRelu", "constant slope")
}

// TestFloorCeil: exact at the values where rounding direction matters.
func TestFloorCeil(t *testing.T) {
	in := []float64{-2.5, -2, -0.25, 0, 0.25, 2.5, 2.75}
	for op, want := range map[string][]float64{
		"Floor": {-3, -2, -1, 0, 0, 2, 2},
		"Ceil":  {-2, -2, 0, 0, 1, 3, 3},
	} {
		b := newGraph()
		g := b.output(b.node(op, []string{b.input("x", len(in))}))
		cal, err := Calibrate(g, [][][]float64{{in}})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Predict([][]float64{in})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got[0], want) {
			t.Errorf("%s(%v) = %v, want %v", op, in, got[0], want)
		}
	}
}

// TestRound: halves go to the even neighbour (ONNX, numpy), for every
// fixed-point value over several periods, at several input scales.
func TestRound(t *testing.T) {
	in := []float64{-2.5, -1.5, -0.5, -0.25, 0, 0.5, 0.75, 1.5, 2.5, 3.5}
	b := newGraph()
	g := b.output(b.node("Round", []string{b.input("x", len(in))}))
	vals, err := RunFloat(g, [][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{-2, -2, 0, 0, 0, 0, 1, 2, 2, 4}; !slices.Equal(vals[g.Outputs[0].Name], want) {
		t.Errorf("float Round(%v) = %v, want %v", in, vals[g.Outputs[0].Name], want)
	}
	for _, m := range []float64{3, 40, 3000} {
		// The input scale calibration gives m, then every fixed-point
		// value in [−3, 3] at that scale, as one batch.
		compile := func(n int) *plan.Plan {
			b := newGraph()
			g := b.output(b.node("Round", []string{b.input("x", n)}))
			sample := make([]float64, n)
			sample[0] = m
			cal, err := Calibrate(g, [][][]float64{{sample}})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		p := compile(1)
		s := p.Tensors[p.Inputs[0]].Scale
		if s < 1 {
			t.Fatalf("calibrated on %g: input scale %d, want one with fractions", m, s)
		}
		var xs []float64
		for k := -3 << s; k <= 3<<s; k++ {
			xs = append(xs, math.Ldexp(float64(k), -s))
		}
		p = compile(len(xs))
		got, err := p.Predict([][]float64{xs})
		if err != nil {
			t.Fatal(err)
		}
		for i, x := range xs {
			if want := math.RoundToEven(x); got[0][i] != want {
				t.Fatalf("scale %d: Round(%g) = %g, want %g", s, x, got[0][i], want)
			}
		}
	}
}

// TestFloorThenCast: a floored value is an integer, so casting it to an
// integer type compiles.
func TestFloorThenCast(t *testing.T) {
	b := newGraph()
	f := b.node("Floor", []string{b.input("x", 3)})
	g := b.output(b.node("Cast", []string{f}, aInt("to", int64(onnx.Int64))))
	cal, err := Calibrate(g, [][][]float64{{{-1.5, 0.25, 7.75}}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Predict([][]float64{{-1.5, 0.25, 7.75}})
	if err != nil || !slices.Equal(got[0], []float64{-2, 0, 7}) {
		t.Errorf("Cast(Floor(x)) = %v, %v; want [-2 0 7]", got, err)
	}
}

// TestTrigonometryDomains: Asin's and Acos's tables stop at ±1, where the
// functions end, whatever the headroom; Tan's covers the calibrated
// domain only, short of its poles at ±π/2.
func TestTrigonometryDomains(t *testing.T) {
	for _, tc := range []struct {
		op     string
		sample float64
		lo, hi float64
	}{{"Asin", 0.9, -1, 1}, {"Acos", 0.5, -1, 1}, {"Tan", 1.2, -1.2, 1.2}} {
		b := newGraph()
		g := b.output(b.node(tc.op, []string{b.input("x", 2)}))
		cal, err := Calibrate(g, [][][]float64{{{tc.sample, -tc.sample}}})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		op := p.Ops[len(p.Ops)-1]
		s := p.Tensors[op.In[0]].Scale - op.Shift
		lo, hi := math.Ldexp(float64(op.TableMin), -s), math.Ldexp(float64(op.TableMin)+float64(len(op.Table)-1), -s)
		if op.Kind != plan.OpLookup || math.Abs(lo-tc.lo) > math.Ldexp(1, -s) || math.Abs(hi-tc.hi) > math.Ldexp(1, -s) {
			t.Errorf("%s: %s table over [%g, %g], want [%g, %g]", tc.op, op.Kind, lo, hi, tc.lo, tc.hi)
		}
	}
}

// TestSmallSigmoidOutputs: a classifier whose score is about 0.001 (a
// wake-word detector at rest) keeps that score's digits: the table's
// output scale follows the calibrated outputs, not Sigmoid's range up to
// 1, even at 16 activation bits.
func TestSmallSigmoidOutputs(t *testing.T) {
	b := newGraph()
	x := b.input("x", 1, 4)
	h := b.node("Gemm", []string{x, b.constant([]int{4, 1}, 3, -2, 1.5, -4), b.constant([]int{1}, -7)})
	g := b.output(b.node("Sigmoid", []string{h}))
	samples := [][][]float64{{{0.1, 0.2, -0.1, 0.05}}, {{0.3, 0.1, 0, 0.1}}, {{-0.2, 0.1, 0.1, 0.2}}, {{0.05, -0.1, 0.2, 0}}}
	cfg := plan.DefaultConfig()
	cfg.ActivationBits = 16
	p := compileOn(t, g, cfg, samples...)
	for _, s := range samples {
		want := floatOut(t, g, s...)
		got := predict(t, p, s...)
		if want[0] > 2e-3 || math.Abs(got[0]-want[0]) > 0.01*want[0] {
			t.Errorf("x = %v: score %g, want %g within 1%%", s[0], got[0], want[0])
		}
	}
}
