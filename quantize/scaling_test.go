package quantize

import (
	"testing"

	"github.com/zkml/zkml/plan"
)

// TestPowerOfTwoScalingRelabels: a product by ±2^-k whose result provably
// fits the activation range moves the tensor's scale instead of rounding it:
// the op is a free copy (no shift) and the result exact; a coefficient that
// is not a power of two, or one rounded to 1, still rounds.
func TestPowerOfTwoScalingRelabels(t *testing.T) {
	in := [][]float64{{0.3, -1, 0.7, 1}}
	for _, tc := range []struct {
		coef    float64
		relabel bool
	}{{0.25, true}, {-0.5, true}, {0.5, true}, {0.3, false}, {1e-6, false}} {
		b := newGraph()
		x := b.input("x", 4)
		g := b.output(b.node("Mul", []string{x, b.constant([]int{1}, tc.coef)}))
		p := compileOn(t, g, plan.DefaultConfig(), in)
		op := p.Ops[len(p.Ops)-1]
		if got := op.Shift == 0; got != tc.relabel {
			t.Errorf("Mul by %g: shift %d, want relabelled %v", tc.coef, op.Shift, tc.relabel)
		}
		if !tc.relabel {
			continue
		}
		q, err := p.QuantizeInputs(in)
		if err != nil {
			t.Fatal(err)
		}
		all, err := p.Run(q)
		if err != nil {
			t.Fatal(err)
		}
		xs, ys := p.Tensors[p.Inputs[0]], p.Tensors[op.Out]
		out := p.DequantizeOutputs(all)[0]
		for i, v := range all[p.Inputs[0]] {
			want := tc.coef * float64(v) / float64(int64(1)<<xs.Scale)
			if out[i] != want {
				t.Errorf("Mul by %g: element %d is %g at scale 2^%d, want exactly %g", tc.coef, i, out[i], ys.Scale, want)
			}
		}
	}
}

// TestPowerOfTwoScalingChain: a chain of halvings (each read by a relu)
// relabels until the scale
// is maxRelabel beyond MaxScale, then rounds, and the sum of the result with
// the input still compiles.
func TestPowerOfTwoScalingChain(t *testing.T) {
	b := newGraph()
	x := b.input("x", 4)
	y := x
	for range 40 {
		// The relu makes each product an op of its own.
		y = b.node("Relu", []string{b.node("Mul", []string{y, b.constant([]int{1}, 0.5)})})
	}
	g := b.output(b.node("Add", []string{x, y}))
	cfg := plan.DefaultConfig()
	p := compileOn(t, g, cfg, [][]float64{{0.3, -1, 0.7, 1}})
	top := 0
	for _, tn := range p.Tensors {
		top = max(top, tn.Scale)
	}
	if top != cfg.MaxScale+maxRelabel {
		t.Errorf("the highest scale is 2^%d, want 2^%d (MaxScale + %d)", top, cfg.MaxScale+maxRelabel, maxRelabel)
	}
}
