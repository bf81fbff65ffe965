package quantize

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// compileOn calibrates g on the given samples and compiles it.
func compileOn(t *testing.T, g *onnx.Graph, cfg plan.Config, samples ...[][]float64) *plan.Plan {
	t.Helper()
	cal, err := Calibrate(g, samples)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(context.Background(), g, cal, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

// A MatMul followed by a bias Add and a scaling folds into one affine op
// with one rescale; the Relu reads it.
func TestCompileFolds(t *testing.T) {
	b := newGraph()
	x := b.input("x", 1, 2)
	m := b.node("MatMul", []string{x, b.constant([]int{2, 2}, 0.5, -1, 2, 0.25)})
	a := b.node("Add", []string{m, b.constant([]int{2}, 0.1, 0.2)})
	s := b.node("Mul", []string{a, b.constant(nil, 3)})
	g := b.output(b.node("Relu", []string{s}))
	in := [][]float64{{0.3, -0.7}}
	p := compileOn(t, g, plan.DefaultConfig(), in)
	if len(p.Ops) != 2 || p.Ops[0].Kind != plan.OpAffine || p.Ops[1].Kind != plan.OpRelu {
		t.Fatalf("ops %v, want one affine and one relu", p.Report())
	}
	if want := "MatMul_2+Add_4+Mul_6"; p.Ops[0].Node != want {
		t.Errorf("folded op implements %q, want %q", p.Ops[0].Node, want)
	}
	if p.Ops[0].Shift == 0 {
		t.Errorf("the folded op should round once (shift > 0)")
	}
	got, err := p.Predict(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{max(3*(0.3*0.5-0.7*2+0.1), 0), max(3*(-0.3-0.7*0.25+0.2), 0)}
	if e := modelio.RelativeLInf(got, [][]float64{want}); e > 1e-4 {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A value read twice is not folded (it would be computed twice).
func TestCompileDoesNotFoldSharedValues(t *testing.T) {
	b := newGraph()
	x := b.input("x", 2)
	m := b.node("Mul", []string{x, b.constant(nil, 0.3)})
	a := b.node("Add", []string{m, m})
	g := b.output(a)
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{1, -2}})
	if len(p.Ops) != 2 {
		t.Fatalf("got %d ops, want 2: %v", len(p.Ops), p.Report())
	}
}

// Concat of inputs at different scales rounds the finer one down first.
func TestCompileConcatAlignsScales(t *testing.T) {
	b := newGraph()
	x, y := b.input("x", 2), b.input("y", 2)
	g := b.output(b.node("Concat", []string{x, y}, aInt("axis", 0)))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{0.5, -0.25}, {3000, -1000}})
	sx, sy := p.Tensors[p.Inputs[0]].Scale, p.Tensors[p.Inputs[1]].Scale
	if sx <= sy {
		t.Fatalf("scales %d and %d: the test needs x finer than y", sx, sy)
	}
	if len(p.Ops) != 2 || p.Ops[0].Shift != sx-sy || p.Ops[1].Shift != 0 {
		t.Fatalf("want a rescale by 2^%d then a concat, got %v", sx-sy, p.Report())
	}
	if s := p.Tensors[p.Outputs[0]].Scale; s != sy {
		t.Errorf("concat scale %d, want the lowest input scale %d", s, sy)
	}
}

// An output that is an input gets its own tensor: inputs are private and
// outputs public in the circuit.
func TestCompileOutputIsInput(t *testing.T) {
	b := newGraph()
	x := b.input("x", 3)
	g := b.output(x)
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{1, 2, 3}})
	if p.Outputs[0] == p.Inputs[0] || len(p.Ops) != 1 {
		t.Fatalf("outputs %v, inputs %v, %d ops: want a copy", p.Outputs, p.Inputs, len(p.Ops))
	}
	got, err := p.Predict([][]float64{{1, 2, 3}})
	if err != nil || got[0][2] != 3 {
		t.Fatalf("Predict = %v, %v", got, err)
	}
}

// The sum of two full-range inputs can exceed the activation range by one
// bit, and a Relu needs its input provably in range: the Add gets a range
// check (shift 1 of a doubled accumulator, which is exact).
func TestCompileBringsComparisonInputsIntoRange(t *testing.T) {
	b := newGraph()
	x, y := b.input("x", 1), b.input("y", 1)
	a := b.node("Add", []string{x, y})
	g := b.output(b.node("Relu", []string{a}))
	cfg := plan.Config{ActivationBits: 8, WeightBits: 8, MaxScale: 4, Headroom: 1}
	// Calibrated so that the sum looks tiny: its own scale would be higher
	// than the inputs', so only the static bound asks for the check.
	p := compileOn(t, g, cfg, [][]float64{{1}, {-1}}, [][]float64{{-1}, {1}})
	add := p.Ops[0]
	if add.Shift != 1 || add.Terms[0].Coeff != 2 || p.Tensors[add.Out].Bound != cfg.ActivationBits-1 || p.Tensors[add.Out].Scale != 4 {
		t.Fatalf("add: shift %d, bound 2^%d; want shift 1, bound 2^%d, scale 4\n%v", add.Shift, p.Tensors[add.Out].Bound, cfg.ActivationBits-1, p.Report())
	}
	got, err := p.Predict([][]float64{{3.0625}, {4}}) // beyond calibration, within range: exact
	if err != nil || got[0][0] != 7.0625 {
		t.Fatalf("Predict = %v, %v", got, err)
	}
	_, err = p.Predict([][]float64{{5}, {4}}) // 9 needs 2^4·9 = 144 ≥ 2^7
	wantErr(t, err, `node "Add_1"`, `"v1"[0] = 9`, "outside the activation range", "calibration")
}

// Integer inputs are exact at scale 0, and casting them to integers is allowed.
func TestCompileIntegerInput(t *testing.T) {
	b := newGraph()
	x := b.typedInput("x", onnx.Int64, 3)
	f := b.node("Cast", []string{x}, aInt("to", int64(onnx.Float32)))
	a := b.node("Mul", []string{f, b.constant(nil, 3)})
	g := b.output(b.node("Cast", []string{a}, aInt("to", int64(onnx.Int32))))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{1, 2, 3}})
	if s := p.Tensors[p.Inputs[0]].Scale; s != 0 {
		t.Errorf("integer input scale %d, want 0", s)
	}
	got, err := p.Predict([][]float64{{-1000, 7, 123456}})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{-3000, 21, 370368} {
		if got[0][i] != want {
			t.Errorf("output %d = %g, want %g", i, got[0][i], want)
		}
	}
}

// Check (and so Calibrate and Compile) names every node it cannot compile.
func TestCheckListsEveryUnsupportedNode(t *testing.T) {
	b := newGraph()
	x, y := b.input("x", 2), b.input("y", 2)
	s := b.node("Mod", []string{x, x})
	m := b.node("Mul", []string{s, y}) // a product of computed values compiles
	c := b.node("Cast", []string{m}, aInt("to", int64(onnx.Int64)))
	d := b.node("Div", []string{b.constant(nil, 1), c})
	mm := b.node("Gemm", []string{d, y})
	cv := b.node("Conv", []string{mm, x})
	g := b.output(cv)
	want := []string{"test.onnx", "5 node(s)", `"Mod_1" (Mod)`, `"Cast_3" (Cast)`, `"Div_5" (Div)`, `"Gemm_6" (Gemm)`, `"Conv_7" (Conv)`,
		"op Mod is not supported", "rounds a real value", "dividing a constant by a computed value", "one of them to be a constant", "constant weights"}
	wantErr(t, Check(g), want...)
	_, err := Calibrate(g, [][][]float64{{{1, 2}, {3, 4}}})
	wantErr(t, err, want...)
	_, err = Compile(context.Background(), g, &Calibration{MaxAbs: map[string]float64{}}, plan.DefaultConfig())
	wantErr(t, err, want...)
	// The same, typed: a CheckError with one NodeError per node.
	var cerr *CheckError
	if !errors.As(err, &cerr) || len(cerr.Nodes) != 5 || cerr.File != "test.onnx" {
		t.Fatalf("%v: not a CheckError of 5 nodes of test.onnx", err)
	}
	var nerr *NodeError
	if !errors.As(err, &nerr) || nerr.Node != "Mod_1" || nerr.Op != "Mod" || !errors.Is(nerr, ErrUnsupportedOp) {
		t.Errorf("errors.As NodeError: %+v, want the unsupported Mod_1", nerr)
	}
	if n := cerr.Nodes[1]; n.Op != "Cast" || errors.Is(n, ErrUnsupportedOp) {
		t.Errorf("Nodes[1] = %+v, want a supported Cast that cannot be compiled here", n)
	}
}

func TestCompileErrors(t *testing.T) {
	b := newGraph()
	x := b.input("x", 2)
	g := b.output(b.node("Relu", []string{x}))
	cal, err := Calibrate(g, [][][]float64{{{1, 2}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(context.Background(), g, nil, plan.DefaultConfig())
	wantErr(t, err, "no calibration", "Calibrate")
	_, err = Compile(context.Background(), g, cal, plan.Config{})
	wantErr(t, err, "activation bits 0")
	_, err = Compile(context.Background(), g, &Calibration{MaxAbs: map[string]float64{}}, plan.DefaultConfig())
	wantErr(t, err, `no range for value "x"`, "calibrate with this model")
	_, err = Compile(context.Background(), g, &Calibration{MaxAbs: map[string]float64{"x": 1e12, "v1": 1}}, plan.DefaultConfig())
	wantErr(t, err, `value "x" reaches 1e+12`, "raise ActivationBits")
	_, err = Calibrate(g, nil)
	wantErr(t, err, "at least one sample")
	_, err = Calibrate(g, [][][]float64{{{1, 2, 3}}})
	wantErr(t, err, "sample 0", `input 0 ("x") has 3 value(s); the model expects 2`)
	_, err = Calibrate(g, [][][]float64{{{1, math.NaN()}}})
	wantErr(t, err, "not a finite number")

	// Errors found while lowering name the node.
	b = newGraph()
	x = b.input("x", 2)
	g = b.output(b.node("Div", []string{x, b.constant(nil, 0)}))
	_, err = Compile(context.Background(), g, &Calibration{MaxAbs: map[string]float64{"x": 1, "v2": 1}}, plan.DefaultConfig())
	wantErr(t, err, `test.onnx: node "Div_2" (Div)`, "divides by the constant 0")
}

// A wide layer at 40 activation and 24 weight bits would overflow the
// 62-bit accumulator; the planner trades weight precision for it.
func TestCompileReducesWeightPrecision(t *testing.T) {
	const k = 4096
	b := newGraph()
	x := b.input("x", 1, k)
	w := make([]float64, k)
	in := make([]float64, k)
	for i := range w {
		w[i] = 1 + math.Sin(float64(i))
		in[i] = 1 + math.Cos(float64(3*i))
	}
	g := b.output(b.node("Gemm", []string{x, b.constant([]int{k, 1}, w...)}))
	cfg := plan.Config{ActivationBits: 40, WeightBits: 24, MaxScale: 30, Headroom: 4}
	p := compileOn(t, g, cfg, [][]float64{in})
	var maxC int64
	for _, tm := range p.Ops[0].Terms {
		maxC = max(maxC, tm.Coeff, -tm.Coeff)
	}
	if maxC >= 1<<(cfg.WeightBits-1) || maxC < 1<<(cfg.WeightBits-14) {
		t.Errorf("largest coefficient %d: want it reduced below 2^%d but not to nothing", maxC, cfg.WeightBits-1)
	}
	got, err := p.Predict([][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := RunFloat(g, [][]float64{in})
	if e := modelio.RelativeLInf(got, [][]float64{want[g.Outputs[0].Name]}); e > 1e-3 {
		t.Errorf("relative error %.3g", e)
	}
}

// Exact ops that keep growing the bound cannot lose precision to fit: the
// planner reports it.
func TestCompileAccumulatorOverflow(t *testing.T) {
	b := newGraph()
	v := b.input("x", 1)
	for range 30 {
		v = b.node("Sub", []string{v, v}) // zero, but the static bound doubles
	}
	g := b.output(v)
	cfg := plan.Config{ActivationBits: 40, WeightBits: 16, MaxScale: 20, Headroom: 1}
	cal, err := Calibrate(g, [][][]float64{{{1}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(context.Background(), g, cal, cfg)
	wantErr(t, err, `node "Sub_24" (Sub)`, "accumulator needs more than 62 bits")
}

func TestReport(t *testing.T) {
	b := newGraph()
	x := b.input("x", 1, 2)
	m := b.node("Gemm", []string{x, b.constant([]int{2, 3}, 1, 2, 3, 4, 5, 6)})
	g := b.output(b.node("Relu", []string{m}))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{{0.5, -1}})
	r := p.Report()
	if len(r) != 2 {
		t.Fatalf("%d layers, want 2", len(r))
	}
	l := r[0]
	// Integer weights are exact at scale 0, so only the Relu's need of a
	// range check gives the op a shift (of a doubled accumulator).
	if l.Node != "Gemm_2" || l.Kind != "affine" || l.Output != m || l.Rows != 3 || l.Terms != 6 || l.Shift != 1 ||
		l.Scale != 20 || l.MaxAbs != 4.5 || l.Limit != 2048 || l.Bound != 31 {
		t.Errorf("report %+v", l)
	}
	if s := l.String(); !strings.Contains(s, "Gemm_2") || !strings.Contains(s, "6 terms") || !strings.Contains(s, "shift") {
		t.Errorf("String() = %q", s)
	}
	if s := r[1].String(); strings.Contains(s, "terms") {
		t.Errorf("relu String() = %q mentions terms", s)
	}
}

// Malformed graphs get errors from every entry point, never a panic.
func TestMalformedGraphs(t *testing.T) {
	for name, build := range map[string]func(b *gb) *onnx.Graph{
		"no inputs": func(b *gb) *onnx.Graph { b.input("x", 2); return b.output(b.node("Relu", nil)) },
		"no outputs": func(b *gb) *onnx.Graph {
			x := b.input("x", 2)
			b.node("Relu", []string{x})
			b.g.Nodes[0].Outputs = nil
			return b.output(x)
		},
		"unknown input": func(b *gb) *onnx.Graph { b.input("x", 2); return b.output(b.node("Relu", []string{"nope"})) },
		"second output": func(b *gb) *onnx.Graph {
			x := b.input("x", 1, 1, 2, 2)
			v := b.node("MaxPool", []string{x}, aInts("kernel_shape", 1, 1))
			b.g.Nodes[0].Outputs = append(b.g.Nodes[0].Outputs, "idx")
			return b.output(v)
		},
		"gemm shapes":       single("Gemm", []int{2, 3}, func(b *gb) []string { return []string{b.constant([]int{2, 2}, 1, 2, 3, 4)} }),
		"gemm rank":         single("Gemm", []int{6}, func(b *gb) []string { return []string{b.constant([]int{6, 1}, seq(6)...)} }),
		"matmul shapes":     single("MatMul", []int{2, 3}, func(b *gb) []string { return []string{b.constant([]int{2, 2}, 1, 2, 3, 4)} }),
		"conv weight rank":  single("Conv", []int{1, 1, 3}, func(b *gb) []string { return []string{b.constant([]int{1, 3}, 1, 2, 3)} }),
		"conv groups":       single("Conv", []int{1, 3, 3}, func(b *gb) []string { return []string{b.constant([]int{2, 3, 1}, seq(6)...)} }, aInt("group", 2)),
		"conv bias":         single("Conv", []int{1, 1, 3}, func(b *gb) []string { return []string{b.constant([]int{1, 1, 1}, 1), b.constant([]int{2}, 1, 2)} }),
		"conv kernel large": single("Conv", []int{1, 1, 3}, func(b *gb) []string { return []string{b.constant([]int{1, 1, 5}, seq(5)...)} }),
		"conv bad pads":     single("Conv", []int{1, 1, 3}, func(b *gb) []string { return []string{b.constant([]int{1, 1, 1}, 1)} }, aInts("pads", 1)),
		"conv zero stride":  single("Conv", []int{1, 1, 3}, func(b *gb) []string { return []string{b.constant([]int{1, 1, 1}, 1)} }, aInts("strides", 0)),
		"pool no kernel":    single("MaxPool", []int{1, 1, 3}, nil),
		"pool rank":         single("AveragePool", []int{3}, nil, aInts("kernel_shape", 1)),
		"pool only padding": single("MaxPool", []int{1, 1, 1}, nil, aInts("kernel_shape", 1), aInts("pads", 2, 2)),
		"reduce axis":       single("ReduceSum", []int{2}, nil, aInts("axes", 3)),
		"batchnorm inputs":  single("BatchNormalization", []int{1, 2}, func(b *gb) []string { return []string{b.constant([]int{2}, 1, 1)} }),
		"batchnorm size":    single("BatchNormalization", []int{1, 2}, func(b *gb) []string { c := b.constant([]int{3}, 1, 1, 1); return []string{c, c, c, c} }),
		"batchnorm var":     single("BatchNormalization", []int{1, 1}, func(b *gb) []string { c := b.constant([]int{1}, -1); return []string{c, c, c, c} }, aFloat("epsilon", 0)),
		"broadcast":         single("Add", []int{2}, func(b *gb) []string { return []string{b.constant([]int{3}, 1, 2, 3)} }),
		"reshape":           single("Reshape", []int{4}, nil, aInts("shape", 3)),
		"reshape missing":   single("Reshape", []int{4}, nil),
		"transpose perm":    single("Transpose", []int{2, 2}, nil, aInts("perm", 0, 0)),
		"slice missing":     single("Slice", []int{2}, nil, aInts("starts", 0)),
		"pad mode":          single("Pad", []int{2}, nil, aInts("pads", 1, 1), aString("mode", "mirror")),
		"pad length":        single("Pad", []int{2}, nil, aInts("pads", 1)),
		"gather index":      single("Gather", []int{2}, func(b *gb) []string { return []string{b.intConstant(nil, 5)} }),
		"gather computed":   func(b *gb) *onnx.Graph { x := b.input("x", 2); return b.output(b.node("Gather", []string{x, x})) },
		"squeeze non-1":     single("Squeeze", []int{2}, nil, aInts("axes", 0)),
		"unsqueeze twice":   single("Unsqueeze", []int{2}, nil, aInts("axes", 0, 0)),
		"flatten axis":      single("Flatten", []int{2}, nil, aInt("axis", 5)),
		"concat ranks": func(b *gb) *onnx.Graph {
			x, y := b.input("x", 2), b.input("y", 1, 2)
			return b.output(b.node("Concat", []string{x, y}))
		},
		"cast target":    single("Cast", []int{2}, nil, aInt("to", 99)),
		"div zero":       single("Div", []int{2}, func(b *gb) []string { return []string{b.constant(nil, 0)} }),
		"negative shape": func(b *gb) *onnx.Graph { x := b.input("x", -2); return b.output(b.node("Relu", []string{x})) },
	} {
		t.Run(name, func(t *testing.T) {
			g := build(newGraph())
			in := make([][]float64, len(g.Inputs))
			for i, v := range g.Inputs {
				in[i] = make([]float64, max(onnx.NumElements(v.Shape), 0))
			}
			_, errF := RunFloat(g, in)
			_, errC := Calibrate(g, [][][]float64{in})
			cal := &Calibration{MaxAbs: map[string]float64{}}
			for _, v := range g.Inputs {
				cal.MaxAbs[v.Name] = 1
			}
			for _, n := range g.Nodes {
				for _, o := range n.Outputs {
					cal.MaxAbs[o] = 1
				}
			}
			_, errP := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if errF == nil && errC == nil && errP == nil {
				t.Fatal("no error from RunFloat, Calibrate or Compile")
			}
			if errP == nil {
				t.Errorf("Compile accepted it (RunFloat: %v, Calibrate: %v)", errF, errC)
			}
		})
	}
}

func TestScaleRules(t *testing.T) {
	c := &compiler{cfg: plan.DefaultConfig()} // 32 activation bits, 16 weight bits, max scale 20, headroom 4
	for _, tc := range []struct {
		m    float64
		want int
		err  bool
	}{
		{0, 20, false}, {1, 20, false}, {math.Ldexp(1, 10), 18, false}, {math.Ldexp(1, 10) + 1, 17, false},
		{math.Ldexp(1, 28), 0, false}, {math.Ldexp(1, 29), 0, false}, // less headroom than asked, still in range
		{math.Ldexp(1, 30), 0, true}, {1e12, 0, true},
	} {
		s, err := c.activationScale("v", tc.m)
		if s != tc.want || (err != nil) != tc.err {
			t.Errorf("activationScale(%g) = %d, %v; want %d (error %v)", tc.m, s, err, tc.want, tc.err)
		}
	}
	for _, tc := range []struct {
		m     float64
		exact int
		want  int
	}{
		{0, 0, 0},
		{0.5, 1, 1},       // exact at scale 1
		{0.5, 64, 15},     // 0.5·2^16 = 2^15 would not fit 16 bits
		{0.99999, 64, 14}, // rounds up to 2^15 at scale 15
		{3, 0, 0},         // integers are exact
		{1e-3, 64, 20},    // capped at MaxScale
		{1000, 64, 5},     // 1000·2^5 = 32000 < 2^15
		{70000, 0, -2},    // exact but wider than 16 bits: the precision scale wins
		{1.0 / 3, 64, 16},
		{0.25, 2, 2},
		{0.25 + 1e-9, 64, 16},
	} {
		if got := c.weightScale(tc.m, tc.exact); got != tc.want {
			t.Errorf("weightScale(%g, %d) = %d, want %d", tc.m, tc.exact, got, tc.want)
		}
	}
	for x, want := range map[float64]int{1: 0, 3: 0, 0.25: 2, 0.375: 3, 0.1: 55, 1e-300: 64, -0.5: 1, 1 << 40: 0} {
		if got := exactScale(x); got != want {
			t.Errorf("exactScale(%g) = %d, want %d", x, got, want)
		}
	}
	for x, want := range map[float64]int{1: 0, 2: 1, 3: 2, 0.5: -1, 0.75: 0, 1e-300: -996} {
		if got := ceilLog2f(x); got != want {
			t.Errorf("ceilLog2f(%g) = %d, want %d", x, got, want)
		}
	}
}

// TestCompileCanceled: a canceled context stops Compile between nodes.
func TestCompileCanceled(t *testing.T) {
	b := newGraph()
	g := b.output(b.node("Relu", []string{b.input("x", 2)}))
	cal, err := Calibrate(g, [][][]float64{{{1, 2}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compile(ctx, g, cal, plan.DefaultConfig()); !errors.Is(err, context.Canceled) {
		t.Errorf("Compile with a canceled context: %v, want %v", err, context.Canceled)
	}
}
