package plan

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// smallPlan is a hand-written plan exercising every op kind:
//
//	x (scale 4) → affine y = Rescale([x0, 3 − x1], 1) → relu z → max w = max(z0, z1)
func smallPlan() *Plan {
	return &Plan{
		Config: Config{ActivationBits: 8, WeightBits: 8, MaxScale: 4, Headroom: 1},
		Tensors: []Tensor{
			{Name: "x", Shape: []int{2}, Scale: 4, Bound: 7, MaxAbs: 2},
			{Name: "y", Shape: []int{2}, Scale: 3, Bound: 7},
			{Name: "z", Shape: []int{2}, Scale: 3, Bound: 7},
			{Name: "w", Shape: []int{1}, Scale: 3, Bound: 7},
		},
		Inputs:  []int{0},
		Outputs: []int{3},
		Ops: []Op{
			{Kind: OpAffine, Node: "aff", In: []int{0}, Out: 1, RowStart: []int32{0, 1, 2},
				Terms: []Term{{0, 0, 1}, {0, 1, -1}}, Bias: []int64{0, 3}, Shift: 1},
			{Kind: OpRelu, Node: "relu", In: []int{1}, Out: 2},
			{Kind: OpMax, Node: "max", In: []int{2}, Out: 3, RowStart: []int32{0, 2}, Terms: []Term{{0, 0, 1}, {0, 1, 1}}},
		},
	}
}

func TestRun(t *testing.T) {
	p := smallPlan()
	all, err := p.Run([][]int64{{5, 8}})
	if err != nil {
		t.Fatal(err)
	}
	// y0 = ⌊(5+1)/2⌋ = 3, y1 = ⌊(3−8+1)/2⌋ = −2
	want := [][]int64{{5, 8}, {3, -2}, {3, 0}, {3}}
	for i := range want {
		if !slices.Equal(all[i], want[i]) {
			t.Errorf("tensor %d = %v, want %v", i, all[i], want[i])
		}
	}
	if got := p.OutputInts(all); !slices.Equal(got[0], []int64{3}) {
		t.Errorf("OutputInts = %v", got)
	}
	if got := p.DequantizeOutputs(all); got[0][0] != 3.0/8 {
		t.Errorf("DequantizeOutputs = %v", got)
	}
}

func TestRunErrors(t *testing.T) {
	p := smallPlan()
	_, err := p.Run(nil)
	wantErr(t, err, "1 input(s) but 0 were given")
	_, err = p.Run([][]int64{{1}})
	wantErr(t, err, `input 0 ("x") has 1 value(s); the model expects 2`)
	_, err = p.Run([][]int64{{1, 128}})
	wantErr(t, err, "the model input", `"x"[1]`, "outside the activation range")
	_, err = p.Run([][]int64{{1, -129}})
	wantErr(t, err, `"x"[1]`)
	// The range is the circuit's: -2^(A-1) is in it.
	if _, err = p.Run([][]int64{{127, -128}}); err != nil {
		t.Errorf("the extremes of the range: %v", err)
	}
	// An op whose result leaves the range names its node.
	p.Ops[0].Bias = []int64{0, 200}
	p.Ops[0].Shift = 2
	p.Tensors[1].Scale = 2
	_, err = p.Run([][]int64{{0, -127}}) // (200+127+2)/4 = 82 fits; raise the bias to overflow
	if err != nil {
		t.Fatal(err)
	}
	p.Ops[0].Terms[1].Coeff = -3
	_, err = p.Run([][]int64{{0, -127}}) // (200+381+2)/4 = 145
	wantErr(t, err, `node "aff"`, `"y"[1]`, "recompile with calibration samples")
}

func TestQuantizeInputs(t *testing.T) {
	p := smallPlan()
	q, err := p.QuantizeInputs([][]float64{{0.5, -7.9}})
	if err != nil || !slices.Equal(q[0], []int64{8, -126}) {
		t.Fatalf("QuantizeInputs = %v, %v", q, err)
	}
	_, err = p.QuantizeInputs(nil)
	wantErr(t, err, "1 input(s) but 0")
	_, err = p.QuantizeInputs([][]float64{{1}})
	wantErr(t, err, `input 0 ("x") has 1 value(s); the model expects 2 (shape [2])`)
	_, err = p.QuantizeInputs([][]float64{{1, 8}})
	wantErr(t, err, `input 0 ("x"): element 1 = 8 is outside the range`, "[-8, 8)", "calibration samples")
	_, err = p.QuantizeInputs([][]float64{{math.Inf(1), 0}})
	wantErr(t, err, "element 0 = +Inf")
	p.Config.ActivationBits = 0
	_, err = p.QuantizeInputs([][]float64{{1, 2}})
	wantErr(t, err, "activation bits")
}

// planMutations break a valid plan in every way validate must catch.
var planMutations = []struct {
	name string
	f    func(p *Plan)
	msg  string
}{
	{"config", func(p *Plan) { p.Config.ActivationBits = 0 }, "activation bits 0"},
	{"negative dim", func(p *Plan) { p.Tensors[1].Shape = []int{-2} }, "negative or has more"},
	{"huge tensor", func(p *Plan) { p.Tensors[1].Shape = []int{1 << 20, 1 << 20} }, "negative or has more"},
	{"scale", func(p *Plan) { p.Tensors[1].Scale = 100 }, "scale 100 outside"},
	{"bound", func(p *Plan) { p.Tensors[3].Bound = 63 }, "bound 2^63 outside"},
	{"max abs", func(p *Plan) { p.Tensors[0].MaxAbs = math.NaN() }, "calibrated range NaN"},
	{"input index", func(p *Plan) { p.Inputs = []int{9} }, "input tensor index 9"},
	{"input twice", func(p *Plan) { p.Inputs = []int{0, 0} }, "listed twice"},
	{"input bound", func(p *Plan) { p.Tensors[0].Bound = 6 }, "input tensor \"x\": bound 2^6, want 2^7"},
	{"output index", func(p *Plan) { p.Outputs = []int{-1} }, "output tensor index -1"},
	{"output is input", func(p *Plan) { p.Outputs = []int{0} }, "also an input"},
	{"undefined tensor", func(p *Plan) { p.Tensors = append(p.Tensors, Tensor{Name: "u"}) }, "neither an input nor written"},
	{"op out", func(p *Plan) { p.Ops[1].Out = 7 }, "output tensor index 7"},
	{"op writes input", func(p *Plan) { p.Ops[0].Out = 0 }, "written twice (or is an input)"},
	{"op writes twice", func(p *Plan) { p.Ops[1].Out = 1 }, "written twice"},
	{"op no input", func(p *Plan) { p.Ops[1].In = nil }, "no input tensors"},
	{"op input index", func(p *Plan) { p.Ops[1].In = []int{-3} }, "input tensor index -3"},
	{"op reads later tensor", func(p *Plan) { p.Ops[1].In = []int{3} }, "used before it is written"},
	{"kind", func(p *Plan) { p.Ops[1].Kind = 9 }, "unknown op kind 9"},
	{"row starts length", func(p *Plan) { p.Ops[0].RowStart = []int32{0, 2} }, "row starts"},
	{"row starts first", func(p *Plan) { p.Ops[0].RowStart = []int32{1, 1, 2} }, "row starts"},
	{"row starts decrease", func(p *Plan) { p.Ops[0].RowStart = []int32{0, 2, 1}; p.Ops[0].Terms = p.Ops[0].Terms[:1] }, "row starts"},
	{"row starts decrease inside", func(p *Plan) {
		p.Ops[0].RowStart = []int32{0, 3, 2}
		p.Ops[0].Terms = append(p.Ops[0].Terms[:2:2], Term{0, 0, 1}, Term{0, 0, 1})[:2]
	}, "row starts"},
	{"term input", func(p *Plan) { p.Ops[0].Terms[1].In = 1 }, "term 1: input 1 out of range"},
	{"term index", func(p *Plan) { p.Ops[0].Terms[0].Idx = 2 }, "term 0: element 2 out of range"},
	{"negative term index", func(p *Plan) { p.Ops[0].Terms[0].Idx = -1 }, "term 0: element -1 out of range"},
	{"bias length", func(p *Plan) { p.Ops[0].Bias = []int64{1} }, "bias has 1 values for 2 outputs"},
	{"shift too large", func(p *Plan) { p.Ops[0].Shift = 63 }, "shift 63 outside"},
	{"negative shift", func(p *Plan) { p.Ops[0].Shift = -1 }, "shift -1 outside"},
	{"relu with bias", func(p *Plan) { p.Ops[1].Bias = []int64{1, 2} }, "relu carries"},
	{"relu size", func(p *Plan) { p.Tensors[2].Shape = []int{3} }, "relu needs one input of the output's size"},
	{"max empty row", func(p *Plan) { p.Ops[2].RowStart = []int32{0, 0}; p.Ops[2].Terms = nil }, "at least one term"},
	{"max coefficient", func(p *Plan) { p.Ops[2].Terms[0].Coeff = 2 }, "max coefficients must be 1"},
	{"max shift", func(p *Plan) { p.Ops[2].Shift = 1 }, "max carries bias or shift"},
	{"declared bound", func(p *Plan) { p.Tensors[1].Bound = 6 }, "bound 2^6, but the op's coefficients give 2^7"},
	{"comparison input out of range", func(p *Plan) { p.Ops[0].Shift = 0; p.Tensors[1].Bound = 8 }, "beyond the activation range"},
	{"accumulator overflow", func(p *Plan) { p.Ops[0].Terms[0].Coeff = 1 << 60 }, "exceeds 2^62"},
	{"accumulator min int", func(p *Plan) { p.Ops[0].Terms[0].Coeff = math.MinInt64 }, "accumulator bound"},
	{"output bound", func(p *Plan) {
		p.Ops = p.Ops[:1]
		p.Tensors = p.Tensors[:2]
		p.Ops[0].Shift = 0
		p.Tensors[1].Bound = 8
		p.Outputs = []int{1}
	}, "exceeds the activation range"},
}

func TestValidateRejects(t *testing.T) {
	if err := smallPlan().Validate(); err != nil {
		t.Fatalf("the valid plan: %v", err)
	}
	for _, m := range planMutations {
		t.Run(m.name, func(t *testing.T) {
			p := smallPlan()
			m.f(p)
			err := p.Validate()
			wantErr(t, err, m.msg)
			if err != nil && !strings.HasPrefix(err.Error(), "plan: ") {
				t.Errorf("error %q does not start with \"plan: \"", err)
			}
			_, err = p.Run([][]int64{{1, 2}})
			wantErr(t, err, m.msg)
			_, err = p.MarshalBinary()
			wantErr(t, err, m.msg)
			p.Hash() // must not panic
			p.Report()
			p.DequantizeOutputs([][]int64{{1, 2}})
		})
	}
}

// wantErr fails unless err mentions every part.
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

func TestSignificantBits(t *testing.T) {
	for _, c := range []struct {
		m     float64
		scale int
		want  int
	}{{0, 20, 0}, {1, 0, 1}, {1, 20, 21}, {0.75, 2, 2}, {1e-9, 20, 0}, {3, 0, 2}} {
		if got := significantBits(c.m, c.scale); got != c.want {
			t.Errorf("significantBits(%g, %d) = %d, want %d", c.m, c.scale, got, c.want)
		}
	}
}

// TestRunMaxRows: a row of MaxRowHint terms or more needs every term less
// than 2^A below its maximum, whatever the order; a shorter row compares
// each term with the maximum of those before it.
func TestRunMaxRows(t *testing.T) {
	mk := func(n int) *Plan {
		op := Op{Kind: OpMax, Node: "M", In: []int{0}, Out: 1, RowStart: []int32{0, int32(n)}}
		for i := range n {
			op.Terms = append(op.Terms, Term{In: 0, Idx: int32(i), Coeff: 1})
		}
		return &Plan{
			Config:  Config{ActivationBits: 8, WeightBits: 8, MaxScale: 4, Headroom: 1},
			Tensors: []Tensor{{Name: "x", Shape: []int{n}, Scale: 0, Bound: 7}, {Name: "m", Shape: []int{1}, Scale: 0, Bound: 7}},
			Inputs:  []int{0},
			Outputs: []int{1},
			Ops:     []Op{op},
		}
	}
	// -128 then 0 then 127: each step differs by less than 2^8, the
	// maximum lies 255 above the first term (< 2^8): fine both ways.
	for _, n := range []int{3, MaxRowHint} {
		in := make([]int64, n)
		in[0], in[n-1] = -128, 127
		got, err := mk(n).Run([][]int64{in})
		if err != nil || got[1][0] != 127 {
			t.Errorf("row of %d: %v, %v", n, got, err)
		}
	}
}
