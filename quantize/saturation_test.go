package quantize

import (
	"context"
	"testing"

	"github.com/zkml/zkml/plan"
)

// TestSaturation: a lookup records the ends of its table where clamping is
// exact (the function is constant there at the output scale) and only those.
func TestSaturation(t *testing.T) {
	for _, tc := range []struct {
		op   string
		want plan.Saturation
	}{
		{"Sigmoid", plan.SaturatesBelow | plan.SaturatesAbove},
		{"Tanh", plan.SaturatesBelow | plan.SaturatesAbove},
		{"Elu", 0},
		{"Exp", plan.SaturatesBelow}, // below -8 it is within 2^-16 of its range from exp(-8)
		{"Sin", 0},
		{"Erf", plan.SaturatesBelow | plan.SaturatesAbove},
		{"HardSigmoid", plan.SaturatesBelow | plan.SaturatesAbove},
	} {
		b := newGraph()
		x := b.input("x", 1, 4)
		g := b.output(b.node(tc.op, []string{x}))
		cal, err := Calibrate(g, [][][]float64{{{-2, -0.5, 0.5, 2}}})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
		if err != nil {
			t.Fatalf("%s: %v", tc.op, err)
		}
		var got []plan.Saturation
		for _, op := range p.Ops {
			if op.Kind == plan.OpLookup {
				got = append(got, op.Saturates)
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: saturation %v, want %v", tc.op, got, tc.want)
		}
	}
}
