package circuits

import (
	"math/rand/v2"
	"testing"

	"github.com/zkml/zkml/internal/fixtures"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// recurrentPlans are small unrolled recurrent models: gate lookups,
// products of computed values and the folded Gemm pairs of every step.
var recurrentPlans = []struct {
	name string
	spec fixtures.Recurrent
}{
	{"lstm", fixtures.Recurrent{Op: "LSTM", Seq: 2, Batch: 1, Input: 2, Hidden: 2, Bias: true, Seed: 1}},
	{"gru", fixtures.Recurrent{Op: "GRU", Seq: 2, Batch: 1, Input: 2, Hidden: 2, Bias: true, Seed: 2}},
	{"gru-linear-before-reset", fixtures.Recurrent{Op: "GRU", Direction: "bidirectional", Seq: 2, Batch: 1, Input: 2, Hidden: 2, Bias: true, LinearBeforeReset: 1, InitialH: "input", Seed: 3}},
}

// recurrentPlan imports, calibrates (on seeded inputs) and plans a spec.
func recurrentPlan(t *testing.T, s fixtures.Recurrent, rng *rand.Rand) (*plan.Plan, func() [][]float64) {
	t.Helper()
	m, _ := s.Build()
	g, err := onnx.Parse(m.ONNX, "recurrent.onnx", nil)
	if err != nil {
		t.Fatal(err)
	}
	draw := func() [][]float64 {
		var ins [][]float64
		for _, v := range g.Inputs {
			x := make([]float64, onnx.NumElements(v.Shape))
			for i := range x {
				x[i] = 1.8*rng.Float64() - 0.9
			}
			ins = append(ins, x)
		}
		return ins
	}
	var samples [][][]float64
	for range 4 {
		samples = append(samples, draw())
	}
	p := planOf(t, g, samples)
	return p, draw
}

// TestRecurrent: the circuit accepts the integer executor's outputs of
// unrolled LSTM and GRU models and rejects each output off by one, in the
// test engine and in both compiled systems; their constraint counts are
// golden.
func TestRecurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles unrolled LSTM and GRU models; skipped with -short")
	}
	for k, tc := range recurrentPlans {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(k), 5))
			p, draw := recurrentPlan(t, tc.spec, rng)
			ccsR1CS, ccsSCS := compileBoth(t, p)
			record("recurrent/"+tc.name, counts{ccsR1CS.GetNbConstraints(), ccsSCS.GetNbConstraints()})
			record("recurrent/"+tc.name+"/bitdec", compileCounts(t, p, WithBitDecompositionRangeChecks()))
			for c := range 3 {
				q, err := p.QuantizeInputs(draw())
				if err != nil {
					t.Fatal(err)
				}
				w := run(t, p, q)
				if err := solve(p, w); err != nil {
					t.Fatalf("case %d: Plan.Run's outputs rejected: %v", c, err)
				}
				bad := tampered(w)
				if c > 0 { // every output element once is enough
					bad = bad[c%len(bad) : c%len(bad)+1]
				}
				for i, b := range bad {
					if solve(p, b) == nil {
						t.Fatalf("case %d: tampered witness %d accepted", c, i)
					}
				}
				if c == 0 {
					solveCompiled(t, "R1CS", ccsR1CS, w, bad[0])
					solveCompiled(t, "PLONK", ccsSCS, w, bad[len(bad)-1])
				}
			}
		})
	}
}
