package circuits

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/zkml/zkml/plan"
)

// MaxPackedBits is the most bits one packed public input holds: 2^253 is
// below the BN254 scalar field order (about 2^253.6), so a word of up to
// 253 bits is one field element without reduction, and reading its slots
// back is unambiguous.
const MaxPackedBits = 253

// Packing is how the outputs of a circuit become public inputs. Every
// output element q, proven to lie in [-2^(Bits-1), 2^(Bits-1)), is stored as
// the unsigned Bits-bit slot q + 2^(Bits-1); the flattened outputs (every
// output tensor, row-major, in order) fill the words PerWord at a time,
// element e in word e / PerWord at bits [Bits·(e mod PerWord), Bits·(e mod
// PerWord + 1)). The zero Packing means no packing: one public input per
// output element, a negative q as the field element r − |q|.
type Packing struct {
	Bits    int // bits per output: the plan's ActivationBits
	PerWord int // outputs per public input, at most MaxPackedBits / Bits
}

// DefaultPacking returns the packing of p's outputs that zkml uses unless
// told otherwise: Bits = ActivationBits and as many outputs per word as fit,
// or the zero Packing when packing would not reduce the number of public
// inputs (a single output element).
func DefaultPacking(p *plan.Plan) Packing {
	if p == nil || p.Config.ActivationBits <= 0 {
		return Packing{}
	}
	k := Packing{Bits: p.Config.ActivationBits, PerWord: MaxPackedBits / p.Config.ActivationBits}
	n := 0
	for _, t := range p.Outputs {
		if t >= 0 && t < len(p.Tensors) {
			n += p.Tensors[t].Size()
		}
	}
	if k.Words(n) >= n {
		return Packing{}
	}
	return k
}

// Enabled reports whether k packs outputs at all.
func (k Packing) Enabled() bool { return k != Packing{} }

// Offset is 2^(Bits-1), added to every output to make its slot unsigned.
func (k Packing) Offset() *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), uint(k.Bits-1))
}

// Words is the number of public inputs that n output elements take.
func (k Packing) Words(n int) int {
	if !k.Enabled() {
		return n
	}
	return (n + k.PerWord - 1) / k.PerWord
}

// Validate reports a packing that cannot encode outputs proven in the
// activationBits range exactly.
func (k Packing) Validate(activationBits int) error {
	if !k.Enabled() {
		return nil
	}
	if k.Bits < 1 || k.Bits > 63 {
		return fmt.Errorf("packing: %d bits per output; zkml packs 1 to 63", k.Bits)
	}
	if k.Bits != activationBits {
		return fmt.Errorf("packing: %d bits per output, want the plan's %d activation bits", k.Bits, activationBits)
	}
	if k.PerWord < 1 || k.Bits*k.PerWord > MaxPackedBits {
		return fmt.Errorf("packing: %d outputs of %d bits per word; a word holds 1 to %d of them (%d bits)", k.PerWord, k.Bits, MaxPackedBits/k.Bits, MaxPackedBits)
	}
	return nil
}

// Pack returns the public inputs of the outputs vals (flattened): with the
// zero Packing one field element per value, otherwise the packed words.
// Packed values must lie in [-2^(Bits-1), 2^(Bits-1)).
func (k Packing) Pack(vals []int64) ([]*big.Int, error) {
	if !k.Enabled() {
		out := make([]*big.Int, len(vals))
		for i, v := range vals {
			out[i] = fieldElement(field, v)
		}
		return out, nil
	}
	if k.Bits < 1 || k.Bits > 63 || k.PerWord < 1 || k.Bits*k.PerWord > MaxPackedBits {
		return nil, fmt.Errorf("packing: invalid layout %d bits × %d per word", k.Bits, k.PerWord)
	}
	off := int64(1) << (k.Bits - 1)
	out := make([]*big.Int, k.Words(len(vals)))
	for w := range out {
		word := new(big.Int)
		for i := min(len(vals), (w+1)*k.PerWord) - 1; i >= w*k.PerWord; i-- {
			v := vals[i]
			if v < -off || v >= off {
				return nil, fmt.Errorf("packing: output element %d is %d, outside the %d-bit range [%d, %d)", i, v, k.Bits, -off, off)
			}
			word.Lsh(word, uint(k.Bits))
			word.Add(word, big.NewInt(v+off))
		}
		out[w] = word
	}
	return out, nil
}

// Unpack returns the n output values that the public inputs words encode:
// the inverse of Pack. It fails when words is not what Pack would return
// for some n values (a wrong count, a value out of range, bits set beyond
// the last slot).
func (k Packing) Unpack(words []*big.Int, n int) ([]int64, error) {
	if len(words) != k.Words(n) {
		return nil, fmt.Errorf("%d public inputs, want %d for %d output elements", len(words), k.Words(n), n)
	}
	out := make([]int64, n)
	if !k.Enabled() {
		half := new(big.Int).Rsh(field, 1)
		for i, v := range words {
			if v == nil || v.Sign() < 0 || v.Cmp(field) >= 0 {
				return nil, fmt.Errorf("public input %d is not a field element", i)
			}
			s := v
			if v.Cmp(half) > 0 {
				s = new(big.Int).Sub(v, field)
			}
			if !s.IsInt64() {
				return nil, fmt.Errorf("public input %d is not a model output (out of range)", i)
			}
			out[i] = s.Int64()
		}
		return out, nil
	}
	if k.Bits < 1 || k.Bits > 63 || k.PerWord < 1 || k.Bits*k.PerWord > MaxPackedBits {
		return nil, fmt.Errorf("packing: invalid layout %d bits × %d per word", k.Bits, k.PerWord)
	}
	off := int64(1) << (k.Bits - 1)
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(k.Bits)), big.NewInt(1))
	for w, word := range words {
		if word == nil || word.Sign() < 0 {
			return nil, fmt.Errorf("public input %d is not a field element", w)
		}
		slots := min(n, (w+1)*k.PerWord) - w*k.PerWord
		if word.BitLen() > slots*k.Bits {
			return nil, fmt.Errorf("public input %d has bits set beyond its %d slots of %d bits: not a packed output word", w, slots, k.Bits)
		}
		x := new(big.Int).Set(word)
		for i := range slots {
			out[w*k.PerWord+i] = new(big.Int).And(x, mask).Int64() - off
			x.Rsh(x, uint(k.Bits))
		}
	}
	return out, nil
}

// packOutputs constrains c.Packed to hold the outputs outs (flattened), each
// proven in the activation range first unless inRange says it already is:
// the slots are then B-bit fields that cannot carry into each other, so the
// words determine the outputs.
func (c *Circuit) packOutputs(g *gadgets, outs []frontend.Variable, inRange []bool) error {
	k := c.opts.packing
	if len(c.Packed) != k.Words(len(outs)) {
		return fmt.Errorf("circuits: the circuit has %d packed outputs, the plan needs %d; build it with circuits.New", len(c.Packed), k.Words(len(outs)))
	}
	for e, v := range outs {
		if inRange[e] {
			continue
		}
		if err := g.checkActivation(v); err != nil {
			return fmt.Errorf("circuits: output element %d: %w", e, err)
		}
	}
	for w, sum := range g.packWords(k, outs) {
		g.api.AssertIsEqual(c.Packed[w], sum)
	}
	return nil
}

var errPackingShape = errors.New("circuits: a packed circuit has no per-element outputs; build it with circuits.New")

// markInRange fills l.inRange: inRange[t] says every element of tensor t is
// proven to lie in [-2^(A-1), 2^(A-1)) by the constraints themselves (not by
// the planner's word), so packing it needs no range check of its own.
// bound holds the static bounds checkPlan computed (|v| ≤ bound[t]).
func (l *layout) markInRange(p *plan.Plan, bound []float64, act float64) {
	l.inRange = make([]bool, len(p.Tensors))
	for _, t := range p.Inputs {
		l.inRange[t] = true // range checked, or read by a relu that checks it
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		var ok bool
		switch op.Kind {
		case plan.OpRelu, plan.OpDiv:
			// A relu's sign gadget bounds its input, and y ∈ [0, x]; a
			// quotient is range checked.
			ok = true
		case plan.OpAffine, plan.OpMul:
			// A rescaled value is range checked, by the rescale or by the
			// relu reading it; an exact row is a copy or bounded statically.
			ok = op.Shift > 0 || (op.Kind == plan.OpAffine && copiesInRange(l, op))
		case plan.OpMax:
			// The result is one of the inputs.
			ok = true
			for _, t := range op.In {
				ok = ok && l.inRange[t]
			}
		}
		// Integers with |v| ≤ bound < 2^(A-1) are in range whatever the op.
		l.inRange[op.Out] = ok || bound[op.Out] < act
	}
}

// copiesInRange reports whether every row of an exact affine op copies an
// element of an in-range tensor.
func copiesInRange(l *layout, op *plan.Op) bool {
	if op.Shift != 0 {
		return false
	}
	for i := 0; i+1 < len(op.RowStart); i++ {
		row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
		if len(row) != 1 || row[0].Coeff != 1 || (op.Bias != nil && op.Bias[i] != 0) || !l.inRange[op.In[row[0].In]] {
			return false
		}
	}
	return true
}
