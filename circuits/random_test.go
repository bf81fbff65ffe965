package circuits

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/zkml/zkml/plan"
)

// randomPlan builds a small valid plan from rng: an input, then a few layers
// drawn from rescaled affines (with zero, unit and negative coefficients,
// empty rows, biases), copies, relus and maxima; the last layer and
// sometimes an earlier one are the outputs.
func randomPlan(rng *rand.Rand) *plan.Plan {
	b := newPlanBuilder(8 + rng.IntN(9)) // A in [8, 16]
	cur := b.input("x", 1+rng.IntN(6))
	var earlier []int
	layers := 1 + rng.IntN(4)
	for l := range layers {
		n := b.p.Tensors[cur].Size()
		pick := func() int { return rng.IntN(n) }
		switch k := rng.IntN(5); {
		case k <= 1 || l == 0:
			rows := make([]row, 1+rng.IntN(5))
			for i := range rows {
				for range rng.IntN(5) {
					c := int64(rng.IntN(601) - 300)
					if rng.IntN(5) == 0 {
						c = int64(rng.IntN(3) - 1)
					}
					rows[i] = append(rows[i], term(0, pick(), c))
				}
			}
			var bias []int64
			if rng.IntN(2) == 0 {
				bias = make([]int64, len(rows))
				for i := range bias {
					bias[i] = int64(rng.IntN(2001) - 1000)
				}
			}
			cur = b.affine("affine", []int{cur}, rows, bias, 1+rng.IntN(12))
		case k == 2:
			rows := make([]row, 1+rng.IntN(5))
			for i := range rows {
				rows[i] = row{term(0, pick(), 1)}
			}
			cur = b.affine("copy", []int{cur}, rows, nil, 0)
		case k == 3:
			cur = b.relu("relu", cur)
		default:
			rows := make([]row, 1+rng.IntN(4))
			for i := range rows {
				for range 1 + rng.IntN(3) {
					rows[i] = append(rows[i], term(0, pick(), 1))
				}
			}
			cur = b.maxOp("max", []int{cur}, rows)
		}
		earlier = append(earlier, cur)
	}
	b.output(cur)
	if len(earlier) > 1 && rng.IntN(2) == 0 {
		b.output(earlier[rng.IntN(len(earlier)-1)])
	}
	return b.plan()
}

// checkRandomPlan runs one random plan on random inputs: whenever Plan.Run
// succeeds, its outputs must satisfy the circuit and every one-off output
// must not.
// It returns how many inputs Run accepted.
func checkRandomPlan(t *testing.T, seed uint64) int {
	rng := rand.New(rand.NewPCG(seed, 7))
	p := randomPlan(rng)
	half := int64(1) << (p.Config.ActivationBits - 1)
	solved := 0
	for range 4 {
		mag := half - 1
		if rng.IntN(2) == 0 {
			mag = 1 + rng.Int64N(32)
		}
		tensors, err := p.Run(randomInputs(p, rng, mag))
		if err != nil {
			if !strings.Contains(err.Error(), "activation range") {
				t.Fatalf("seed %d: the generated plan is invalid: %v", seed, err)
			}
			continue
		}
		w, err := Assign(p, tensors)
		if err != nil {
			t.Fatalf("seed %d: Assign: %v", seed, err)
		}
		for _, opts := range [][]Option{nil, {WithBitDecompositionRangeChecks()}} {
			if err := solve(p, w, opts...); err != nil {
				t.Fatalf("seed %d: Plan.Run's outputs rejected: %v", seed, err)
			}
		}
		bad := tampered(w)
		for k, b := range bad {
			if solve(p, b) == nil {
				t.Fatalf("seed %d: tampered witness %d accepted", seed, k)
			}
		}
		if solved == 0 {
			// The compiled systems too: they fold constants and use PLONK
			// gates where the test engine computes plainly.
			r, s := compileBoth(t, p)
			solveCompiled(t, "R1CS", r, w, bad[0])
			solveCompiled(t, "PLONK", s, w, bad[len(bad)-1])
		}
		solved++
	}
	return solved
}

func TestRandomPlans(t *testing.T) {
	solved := 0
	for seed := range uint64(200) {
		solved += checkRandomPlan(t, seed)
	}
	t.Logf("%d of 800 random runs stayed in range", solved)
	// Most random inputs must stay in range, or the test proves little.
	if solved < 400 {
		t.Errorf("only %d of 800 random runs stayed in the activation range", solved)
	}
}

func FuzzRandomPlans(f *testing.F) {
	f.Add(uint64(0))
	f.Fuzz(func(t *testing.T, seed uint64) { _ = checkRandomPlan(t, seed) })
}
