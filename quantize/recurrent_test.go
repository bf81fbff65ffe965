package quantize

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/zkml/zkml/internal/fixtures"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// RNN, LSTM and GRU reach this package unrolled by onnx.Load. Their float
// oracle is refRecurrent below, the ONNX formulas written as loops; the
// float executor must match it on the unrolled graph, and the integer
// executor must track both.

type rnnSpec = fixtures.Recurrent

// recurrentSpecs cover every direction, both GRU variants, peepholes,
// input_forget, constant and computed initial states, clip, Relu, both
// layouts, both opset forms of Unsqueeze and Clip, and output subsets.
var recurrentSpecs = []rnnSpec{
	{Op: "RNN", Seq: 3, Batch: 2, Input: 3, Hidden: 4, Bias: true},
	{Op: "RNN", Direction: "reverse", Seq: 3, Batch: 1, Input: 2, Hidden: 3, Bias: true, InitialH: "const"},
	{Op: "RNN", Direction: "bidirectional", Seq: 2, Batch: 2, Input: 3, Hidden: 2, InitialH: "input", Activations: []string{"Relu", "Tanh"}},
	{Op: "RNN", Seq: 2, Batch: 1, Input: 2, Hidden: 3, Bias: true, Clip: 0.5, Opset: 9, Outputs: []string{"Y_h"}},
	{Op: "LSTM", Seq: 3, Batch: 2, Input: 3, Hidden: 3, Bias: true},
	{Op: "LSTM", Direction: "reverse", Seq: 2, Batch: 1, Input: 2, Hidden: 3, Bias: true, Peepholes: true, InitialH: "const", InitialC: "const"},
	{Op: "LSTM", Direction: "bidirectional", Seq: 2, Batch: 2, Input: 2, Hidden: 2, Bias: true, Peepholes: true, InitialH: "input", InitialC: "input", Layout: 1},
	{Op: "LSTM", Seq: 2, Batch: 1, Input: 3, Hidden: 2, InputForget: 1, InitialC: "const", Clip: 0.8, Opset: 10, Outputs: []string{"Y_c", "Y"}},
	{Op: "LSTM", Seq: 2, Batch: 2, Input: 3, Hidden: 3, Bias: true, Activations: []string{"Sigmoid", "Relu", "Tanh"}, Outputs: []string{"Y_h"}},
	{Op: "GRU", Seq: 3, Batch: 2, Input: 3, Hidden: 3, Bias: true},
	{Op: "GRU", Seq: 3, Batch: 2, Input: 3, Hidden: 3, Bias: true, LinearBeforeReset: 1},
	{Op: "GRU", Direction: "reverse", Seq: 2, Batch: 1, Input: 2, Hidden: 3, Bias: true, InitialH: "const"},
	{Op: "GRU", Direction: "reverse", Seq: 2, Batch: 1, Input: 2, Hidden: 3, Bias: true, InitialH: "const", LinearBeforeReset: 1},
	{Op: "GRU", Direction: "bidirectional", Seq: 2, Batch: 2, Input: 2, Hidden: 2, Bias: true, InitialH: "input", Layout: 1},
	{Op: "GRU", Direction: "bidirectional", Seq: 2, Batch: 1, Input: 2, Hidden: 2, Bias: true, LinearBeforeReset: 1, Clip: 1, Outputs: []string{"Y"}},
}

func specName(s rnnSpec) string {
	return fmt.Sprintf("%s/%s/lbr=%d/layout=%d/h0=%s/seed=%d", s.Op, s.Direction, s.LinearBeforeReset, s.Layout, s.InitialH, s.Seed)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func activate(name string, x float64) float64 {
	switch name {
	case "Sigmoid":
		return sigmoid(x)
	case "Tanh":
		return math.Tanh(x)
	case "Relu":
		return max(x, 0)
	}
	panic("unknown activation " + name)
}

func f64(v []float32) []float64 {
	if v == nil {
		return nil
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

// refRecurrent computes Y, Y_h and Y_c (nil for RNN and GRU) of a spec
// with the ONNX formulas, in the spec's layout; h0 and c0 are nil for
// zeros.
func refRecurrent(s rnnSpec, p fixtures.RecurrentParams, x, h0, c0 []float64) (y, yh, yc []float64) {
	T, B, I, H, D, G := s.Seq, s.Batch, s.Input, s.Hidden, s.Dirs(), s.Gates()
	xAt := func(t, b, i int) float64 {
		if s.Layout == 1 {
			return x[(b*T+t)*I+i]
		}
		return x[(t*B+b)*I+i]
	}
	stateIdx := func(d, b, j int) int {
		if s.Layout == 1 {
			return (b*D+d)*H + j
		}
		return (d*B+b)*H + j
	}
	yIdx := func(t, d, b, j int) int {
		if s.Layout == 1 {
			return ((b*T+t)*D+d)*H + j
		}
		return ((t*D+d)*B+b)*H + j
	}
	w, r, bias, peep := f64(p.W), f64(p.R), f64(p.B), f64(p.P)
	acts := s.Activations
	if acts == nil {
		acts = map[string][]string{"RNN": {"Tanh"}, "GRU": {"Sigmoid", "Tanh"}, "LSTM": {"Sigmoid", "Tanh", "Tanh"}}[s.Op]
	}
	if len(acts) < D*len(map[string][]string{"RNN": {""}, "GRU": {"", ""}, "LSTM": {"", "", ""}}[s.Op]) {
		acts = append(append([]string(nil), acts...), acts...)
	}
	clip := func(v float64) float64 {
		if s.Clip > 0 {
			return min(max(v, -float64(s.Clip)), float64(s.Clip))
		}
		return v
	}
	y = make([]float64, T*D*B*H)
	yh = make([]float64, D*B*H)
	if s.Op == "LSTM" {
		yc = make([]float64, D*B*H)
	}
	for d := range D {
		na := len(acts) / D
		f := acts[d*na]
		g := f
		if na > 1 {
			g = acts[d*na+1]
		}
		hAct := ""
		if na > 2 {
			hAct = acts[d*na+2]
		}
		// wx, rh: row k·H+j of W and R of direction d times x_t or a state.
		wx := func(k, t, b, j int) float64 {
			v := 0.0
			for i := range I {
				v += w[((d*G+k)*H+j)*I+i] * xAt(t, b, i)
			}
			return v
		}
		rh := func(k, j int, st []float64) float64 {
			v := 0.0
			for m := range H {
				v += r[((d*G+k)*H+j)*H+m] * st[m]
			}
			return v
		}
		wb := func(k, j int) float64 {
			if bias == nil {
				return 0
			}
			return bias[d*2*G*H+k*H+j]
		}
		rb := func(k, j int) float64 {
			if bias == nil {
				return 0
			}
			return bias[d*2*G*H+G*H+k*H+j]
		}
		pp := func(k, j int) float64 {
			if peep == nil {
				return 0
			}
			return peep[d*3*H+k*H+j]
		}
		for b := range B {
			h, c := make([]float64, H), make([]float64, H)
			for j := range H {
				if h0 != nil {
					h[j] = h0[stateIdx(d, b, j)]
				}
				if c0 != nil {
					c[j] = c0[stateIdx(d, b, j)]
				}
			}
			for st := range T {
				t := st
				if d == 1 || s.Direction == "reverse" {
					t = T - 1 - st
				}
				nh, nc := make([]float64, H), make([]float64, H)
				switch s.Op {
				case "RNN":
					for j := range H {
						nh[j] = activate(f, clip(wx(0, t, b, j)+rh(0, j, h)+wb(0, j)+rb(0, j)))
					}
				case "GRU":
					z, rr := make([]float64, H), make([]float64, H)
					for j := range H {
						z[j] = activate(f, clip(wx(0, t, b, j)+rh(0, j, h)+wb(0, j)+rb(0, j)))
						rr[j] = activate(f, clip(wx(1, t, b, j)+rh(1, j, h)+wb(1, j)+rb(1, j)))
					}
					reset := make([]float64, H)
					for m := range H {
						reset[m] = rr[m] * h[m]
					}
					for j := range H {
						var pre float64
						if s.LinearBeforeReset != 0 {
							pre = wx(2, t, b, j) + rr[j]*(rh(2, j, h)+rb(2, j)) + wb(2, j)
						} else {
							pre = wx(2, t, b, j) + rh(2, j, reset) + rb(2, j) + wb(2, j)
						}
						hh := activate(g, clip(pre))
						nh[j] = (1-z[j])*hh + z[j]*h[j]
					}
				case "LSTM":
					for j := range H {
						i := activate(f, clip(wx(0, t, b, j)+rh(0, j, h)+pp(0, j)*c[j]+wb(0, j)+rb(0, j)))
						var fg float64
						if s.InputForget != 0 {
							fg = 1 - i
						} else {
							fg = activate(f, clip(wx(2, t, b, j)+rh(2, j, h)+pp(2, j)*c[j]+wb(2, j)+rb(2, j)))
						}
						cc := activate(g, clip(wx(3, t, b, j)+rh(3, j, h)+wb(3, j)+rb(3, j)))
						nc[j] = fg*c[j] + i*cc
						o := activate(f, clip(wx(1, t, b, j)+rh(1, j, h)+pp(1, j)*nc[j]+wb(1, j)+rb(1, j)))
						nh[j] = o * activate(hAct, nc[j])
					}
				}
				h, c = nh, nc
				for j := range H {
					y[yIdx(t, d, b, j)] = h[j]
				}
			}
			for j := range H {
				yh[stateIdx(d, b, j)] = h[j]
				if yc != nil {
					yc[stateIdx(d, b, j)] = c[j]
				}
			}
		}
	}
	return y, yh, yc
}

// recurrentCase is a built spec: its graph, constants and a way to draw
// inputs (x, then h0 and c0 when they are graph inputs).
type recurrentCase struct {
	spec   rnnSpec
	g      *onnx.Graph
	params fixtures.RecurrentParams
}

func buildRecurrent(t *testing.T, s rnnSpec) recurrentCase {
	t.Helper()
	m, p := s.Build()
	g, err := onnx.Parse(m.ONNX, "recurrent.onnx", nil)
	if err != nil {
		t.Fatal(err)
	}
	return recurrentCase{s, g, p}
}

func (rc recurrentCase) draw(rng *rand.Rand, scale float64) [][]float64 {
	var ins [][]float64
	for _, v := range rc.g.Inputs {
		x := make([]float64, onnx.NumElements(v.Shape))
		for i := range x {
			x[i] = scale * (2*rng.Float64() - 1)
		}
		ins = append(ins, x)
	}
	return ins
}

// reference returns the expected graph outputs, by name, for inputs.
func (rc recurrentCase) reference(ins [][]float64) map[string][]float64 {
	byName := map[string][]float64{}
	for i, v := range rc.g.Inputs {
		byName[v.Name] = ins[i]
	}
	h0, c0 := byName["h0"], byName["c0"]
	if rc.params.H0 != nil {
		h0 = f64(rc.params.H0)
	}
	if rc.params.C0 != nil {
		c0 = f64(rc.params.C0)
	}
	y, yh, yc := refRecurrent(rc.spec, rc.params, byName["x"], h0, c0)
	return map[string][]float64{"y": y, "y_h": yh, "y_c": yc}
}

// TestRecurrentFloat: the unrolled graph, run by the float executor, equals
// the ONNX formulas for every spec.
func TestRecurrentFloat(t *testing.T) {
	for k, s := range recurrentSpecs {
		s.Seed = uint64(k)
		t.Run(specName(s), func(t *testing.T) {
			rc := buildRecurrent(t, s)
			rng := rand.New(rand.NewPCG(uint64(k), 1))
			for range 3 {
				ins := rc.draw(rng, 2)
				vals, err := RunFloat(rc.g, ins)
				if err != nil {
					t.Fatal(err)
				}
				want := rc.reference(ins)
				for _, o := range rc.g.Outputs {
					got := vals[o.Name]
					if len(got) != len(want[o.Name]) {
						t.Fatalf("%s: %d values, want %d", o.Name, len(got), len(want[o.Name]))
					}
					// Load folds constant subexpressions (a constant initial
					// state times R) in float32, as ONNX Runtime computes.
					for i := range got {
						if math.Abs(got[i]-want[o.Name][i]) > 1e-6 {
							t.Fatalf("%s[%d] = %.15g, the ONNX formulas give %.15g", o.Name, i, got[i], want[o.Name][i])
						}
					}
				}
			}
		})
	}
}

// TestRecurrentQuantized: calibrated on a few samples, the integer executor
// stays within the project's 0.5 % (relative L∞) of the float reference on
// fresh inputs of the same distribution.
func TestRecurrentQuantized(t *testing.T) {
	for k, s := range recurrentSpecs {
		s.Seed = uint64(k)
		t.Run(specName(s), func(t *testing.T) {
			rc := buildRecurrent(t, s)
			rng := rand.New(rand.NewPCG(uint64(k), 2))
			var samples [][][]float64
			for range 8 {
				samples = append(samples, rc.draw(rng, 1))
			}
			cal, err := Calibrate(rc.g, samples)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := Compile(context.Background(), rc.g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			worst := 0.0
			for range 8 {
				ins := rc.draw(rng, 0.9)
				got, err := plan.Predict(ins)
				if err != nil {
					t.Fatal(err)
				}
				ref := rc.reference(ins)
				want := make([][]float64, len(rc.g.Outputs))
				for i, o := range rc.g.Outputs {
					want[i] = ref[o.Name]
				}
				worst = max(worst, modelio.RelativeLInf(got, want))
			}
			t.Logf("worst relative L∞ %.3g%%, %d ops", 100*worst, len(plan.Ops))
			if worst > maxQuantErr {
				t.Errorf("integer executor error %.3g%% exceeds %.3g%%", 100*worst, 100*maxQuantErr)
			}
		})
	}
}
