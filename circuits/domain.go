package circuits

import (
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"
	"github.com/zkml/zkml/plan"
)

// WithDomainFlag adds one public value after the outputs, [Circuit].Domain:
// a proven bit that is 1 exactly when no lookup input was clamped at a table
// end where its function does not saturate, that is when plan.Clamps finds
// nothing (see "The domain bit" in SOUNDNESS.md). A contract can then
// reject inferences whose inputs went beyond what calibration covered.
// [Assign] must get the option too.
func WithDomainFlag() Option {
	return func(o *options) { o.domainFlag = true }
}

// clampedUnless counts a clamp for the domain bit when the sign bit s of a
// lookup comparison is 0; a no-op without WithDomainFlag.
func (g *gadgets) clampedUnless(s frontend.Variable) {
	if g.clamps != nil {
		g.clamps = append(g.clamps, g.api.Sub(1, s))
	}
}

// clampedConstant counts a clamp of a constant lookup input.
func (g *gadgets) clampedConstant() {
	if g.clamps != nil {
		g.clamps = append(g.clamps, 1)
	}
}

// assertDomain constrains Domain[0] to be 1 when no clamp indicator is set
// and 0 otherwise. The indicators are bits, so their sum counts the clamps;
// there are far fewer than the field's characteristic, so the sum is zero
// exactly when each is.
func (c *Circuit) assertDomain(g *gadgets) error {
	want := 0
	if c.opts.domainFlag {
		want = 1
	}
	if len(c.Domain) != want {
		return fmt.Errorf("circuits: the circuit has %d domain bits, want %d; build it with circuits.New and the same options", len(c.Domain), want)
	}
	if want == 0 {
		return nil
	}
	var count frontend.Variable = 0
	switch len(g.clamps) {
	case 0:
	case 1:
		count = g.clamps[0]
	default:
		count = g.api.Add(g.clamps[0], g.clamps[1], g.clamps[2:]...)
	}
	g.api.AssertIsEqual(c.Domain[0], g.api.IsZero(count))
	return nil
}

// domainBit is the value of the domain bit for one inference.
func domainBit(p *plan.Plan, tensors [][]int64) int {
	if len(p.Clamps(tensors)) > 0 {
		return 0
	}
	return 1
}

// checkOutputs range checks the outputs plan.RangeChecked names that no
// gadget proved in range already (exact rows reaching an output), so that
// the circuit accepts what Plan.Run accepts. With packing, packOutputs does
// the same.
func checkOutputs(g *gadgets, p *plan.Plan, vals [][]frontend.Variable, l *layout) error {
	checked := p.RangeChecked()
	done := make(map[int]bool)
	for i, t := range p.Outputs {
		if l.inRange[t] || !checked[t] || done[t] {
			continue
		}
		done[t] = true
		var writer *plan.Op
		for k := range p.Ops {
			if p.Ops[k].Out == t {
				writer = &p.Ops[k]
			}
		}
		for j, v := range vals[t] {
			if rowInRange(writer, j, l, math.Ldexp(1, p.Config.ActivationBits-1)) {
				continue
			}
			if err := g.checkActivation(v); err != nil {
				return fmt.Errorf("circuits: output %d element %d: %w", i, j, err)
			}
		}
	}
	return nil
}

// rowInRange reports whether row i of an exact affine op is provably in the
// activation range without a check of its own: a copy of an element proven
// in range, or a sum whose static bound is below 2^(A-1) (a constant, as
// padding gives, included).
func rowInRange(op *plan.Op, i int, l *layout, act float64) bool {
	if op == nil || op.Kind != plan.OpAffine || op.Shift != 0 {
		return false
	}
	row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
	var bias int64
	if op.Bias != nil {
		bias = op.Bias[i]
	}
	if len(row) == 1 && row[0].Coeff == 1 && bias == 0 && l.inRange[op.In[row[0].In]] {
		return true
	}
	b := math.Abs(float64(bias))
	for _, t := range row {
		b += math.Abs(float64(t.Coeff)) * l.bound[op.In[t.In]]
	}
	return b < act
}
