package plan_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

// compileFamily quantizes a synthetic model calibrated on one input.
func compileFamily(t *testing.T, m *onnxbuild.Model, n int) (*plan.Plan, [][]float64) {
	t.Helper()
	g, err := onnx.Parse(m.Bytes(), m.Proto().Graph.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	in := [][]float64{onnxbuild.Input(n, 9)}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	p, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return p, in
}

// allowedCuts lists every op before which p can be cut.
func allowedCuts(p *plan.Plan) []int {
	var cuts []int
	for c := 1; c < len(p.Ops); c++ {
		if p.CanCut(c) == nil {
			cuts = append(cuts, c)
		}
	}
	return cuts
}

// Running the segments one after the other gives Run's outputs bit for bit,
// for every single allowed cut and for all of them at once, on a ResNet
// (skip connections cross cuts) and an MLP.
func TestSplitComposesToRun(t *testing.T) {
	for _, c := range []struct {
		m *onnxbuild.Model
		n int
	}{
		{onnxbuild.ResNet("resnet", 3, 1, 8), 3 * 8 * 8},
		{onnxbuild.MLP("mlp", 1, 8, 6, 4, 3), 8},
	} {
		p, in := compileFamily(t, c.m, c.n)
		q, err := p.QuantizeInputs(in)
		if err != nil {
			t.Fatal(err)
		}
		all, err := p.Run(q)
		if err != nil {
			t.Fatal(err)
		}
		want := p.OutputInts(all)
		allowed := allowedCuts(p)
		if len(allowed) < 2 {
			t.Fatalf("%s: only %d allowed cuts among %d ops", c.m.Proto().Graph.Name, len(allowed), len(p.Ops))
		}
		crossing := false
		tries := [][]int{allowed}
		for _, cut := range allowed {
			tries = append(tries, []int{cut})
		}
		for _, cuts := range tries {
			segs, err := p.Split(cuts)
			if err != nil {
				t.Fatalf("cuts %v: %v", cuts, err)
			}
			runs, err := plan.RunSegments(segs, q)
			if err != nil {
				t.Fatalf("cuts %v: %v", cuts, err)
			}
			for i, s := range segs {
				// Every boundary value is the whole run's value.
				for j, tt := range s.Inputs {
					if !slices.Equal(runs[i][s.Plan.Inputs[j]], all[tt]) {
						t.Fatalf("cuts %v: segment %d input %q differs from Run's", cuts, i, p.Tensors[tt].Name)
					}
				}
				if i+1 < len(segs) && !slices.Equal(s.Outputs, segs[i+1].Inputs) {
					t.Fatalf("cuts %v: segment %d's outputs %v are not segment %d's inputs %v", cuts, i, s.Outputs, i+1, segs[i+1].Inputs)
				}
				if len(s.Inputs) > 1 {
					crossing = true
				}
			}
			last := segs[len(segs)-1]
			got := last.Plan.OutputInts(runs[len(runs)-1])
			for k := range want {
				if !slices.Equal(got[k], want[k]) {
					t.Fatalf("cuts %v: output %d differs from Run's", cuts, k)
				}
			}
		}
		if strings.HasPrefix(c.m.Proto().Graph.Name, "resnet") && !crossing {
			t.Errorf("no cut of the ResNet carries more than one tensor: the skip connections were not exercised")
		}
	}
}

// An input that Run refuses is refused by the segments too, with the same
// node named.
func TestSplitRefusesWhatRunRefuses(t *testing.T) {
	p, in := compileFamily(t, onnxbuild.MLP("mlp", 1, 8, 6, 4, 3), 8)
	for i := range in[0] {
		in[0][i] *= 30
	}
	limit := int64(1) << (p.Config.ActivationBits - 1)
	q := make([][]int64, 1)
	for _, v := range in[0] {
		x, _ := plan.Quantize(v, p.Tensors[p.Inputs[0]].Scale)
		q[0] = append(q[0], max(min(x, limit-1), -limit))
	}
	_, errWhole := p.Run(q)
	segs, err := p.Split(allowedCuts(p))
	if err != nil {
		t.Fatal(err)
	}
	_, errSeg := plan.RunSegments(segs, q)
	if (errWhole == nil) != (errSeg == nil) {
		t.Fatalf("Run: %v; segments: %v", errWhole, errSeg)
	}
	if errWhole != nil && !strings.Contains(errSeg.Error(), strings.SplitN(errWhole.Error(), ":", 2)[0]) {
		t.Errorf("Run: %v; segments: %v", errWhole, errSeg)
	}
}

// Cuts the plan does not allow are refused with a reason.
func TestSplitRefusesBadCuts(t *testing.T) {
	p, _ := compileFamily(t, onnxbuild.ResNet("resnet", 3, 1, 8), 3*8*8)
	for _, cuts := range [][]int{{0}, {len(p.Ops)}, {3, 2}, {2, 2}} {
		if _, err := p.Split(cuts); err == nil {
			t.Errorf("cuts %v: accepted", cuts)
		}
	}
	// x → exact 3·x (not range checked, may leave the range) → Rescale.
	q := &plan.Plan{
		Config: plan.Config{ActivationBits: 8, WeightBits: 8, MaxScale: 4, Headroom: 1},
		Tensors: []plan.Tensor{
			{Name: "x", Shape: []int{1}, Scale: 4, Bound: 7},
			{Name: "y", Shape: []int{1}, Scale: 4, Bound: 9},
			{Name: "z", Shape: []int{1}, Scale: 3, Bound: 7},
		},
		Inputs: []int{0}, Outputs: []int{2},
		Ops: []plan.Op{
			{Kind: plan.OpAffine, Node: "triple", In: []int{0}, Out: 1, RowStart: []int32{0, 1}, Terms: []plan.Term{{In: 0, Idx: 0, Coeff: 3}}},
			{Kind: plan.OpAffine, Node: "half", In: []int{1}, Out: 2, RowStart: []int32{0, 1}, Terms: []plan.Term{{In: 0, Idx: 0, Coeff: 1}}, Shift: 1},
		},
	}
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Split([]int{1}); err == nil || !strings.Contains(err.Error(), "not range checked") {
		t.Errorf("cut after the exact product: %v", err)
	}
}

// ChooseCuts keeps every segment within the limit and BalanceCuts makes
// the number of segments asked.
func TestChooseCuts(t *testing.T) {
	p, _ := compileFamily(t, onnxbuild.ResNet("resnet", 3, 1, 8), 3*8*8)
	cost := make([]int, len(p.Ops))
	total := 0
	for k := range cost {
		cost[k] = 10 + k%7
		total += cost[k]
	}
	limit := total / 3
	cuts, err := p.ChooseCuts(cost, 5, nil, limit)
	if err != nil {
		t.Fatal(err)
	}
	bounds := append(append([]int{0}, cuts...), len(p.Ops))
	for i := 0; i+1 < len(bounds); i++ {
		sum := 5
		for k := bounds[i]; k < bounds[i+1]; k++ {
			sum += cost[k]
		}
		if sum > limit {
			t.Errorf("segment %d costs %d > %d", i, sum, limit)
		}
	}
	if len(cuts) < 3 {
		t.Errorf("%d cuts for a third of the total", len(cuts))
	}
	if _, err := p.ChooseCuts(cost, 5, nil, 10); err == nil {
		t.Error("a limit below one op's cost was accepted")
	}
	cuts, err = p.BalanceCuts(cost, 5, nil, 3)
	if err != nil || len(cuts) != 2 {
		t.Fatalf("BalanceCuts(3) = %v, %v", cuts, err)
	}
	// The largest of three segments is at most a third of the total plus
	// the largest op.
	bounds = append(append([]int{0}, cuts...), len(p.Ops))
	for i := 0; i+1 < len(bounds); i++ {
		sum := 0
		for k := bounds[i]; k < bounds[i+1]; k++ {
			sum += cost[k]
		}
		if sum > total/3+16 {
			t.Errorf("segment %d costs %d of %d", i, sum, total)
		}
	}
	// With costly cuts before even ops, the cuts go before odd ones.
	cuts, err = p.BalanceCuts(cost, 5, func(c int) int { return 1000 * (1 - c%2) }, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cuts {
		if c%2 == 0 {
			t.Errorf("cut before op %d, whose cut costs 1000", c)
		}
	}
}
