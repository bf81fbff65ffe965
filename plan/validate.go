package plan

import (
	"errors"
	"fmt"
	"math"
	"math/bits"

	"github.com/zkml/zkml/internal/tensor"
)

// Limits every plan obeys. MaxBound keeps the integer executor inside int64
// (Rescale needs |acc| < 2^62); MaxScaleAbs keeps Ldexp and shifts sane.
const (
	MaxBound    = 62
	MaxScaleAbs = 62
	maxElements = tensor.MaxElements // per tensor; also keeps Term.Idx in int32
)

// Bound semantics: Tensor.Bound = b promises |q| ≤ 2^b for every element.
// The planner derives it and validate re-derives it, with the rules below, so
// that a plan read from disk is exactly as trustworthy as a fresh one.

// CeilLog2 returns the smallest b ≥ 0 with v ≤ 2^b.
func CeilLog2(v uint64) int {
	if v <= 1 {
		return 0
	}
	return bits.Len64(v - 1)
}

// absU returns |v| as a uint64 (correct for math.MinInt64 too).
func absU(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// satAdd and satShl saturate at MaxUint64: any bound that large is rejected
// anyway, and saturation keeps the arithmetic exact below it.
func satAdd(a, b uint64) uint64 {
	s, c := bits.Add64(a, b, 0)
	if c != 0 {
		return math.MaxUint64
	}
	return s
}

func satShl(a uint64, n int) uint64 {
	if a == 0 {
		return 0
	}
	if n >= 64 || bits.Len64(a)+n > 64 {
		return math.MaxUint64
	}
	return a << n
}

// AccBound returns ceil(log2) of the largest |Bias[i] + Σ Coeff·in| an affine
// op can reach given the bounds of its inputs, saturating above 63.
func AccBound(op *Op, inBounds []int) int {
	b := 0
	for i := 0; i+1 < len(op.RowStart); i++ {
		var sum uint64
		if op.Bias != nil {
			sum = absU(op.Bias[i])
		}
		for _, t := range op.Terms[op.RowStart[i]:op.RowStart[i+1]] {
			sum = satAdd(sum, satShl(absU(t.Coeff), inBounds[t.In]))
		}
		b = max(b, CeilLog2(sum))
	}
	return b
}

// ShiftedBound is the bound of Rescale(acc, shift) for |acc| ≤ 2^accB: the
// rounded quotient is at most 2^(accB-shift) in magnitude (1 when accB <
// shift), and the circuit's range check caps it at 2^(ActivationBits-1).
func ShiftedBound(accB, shift, activationBits int) int {
	if shift == 0 {
		return accB
	}
	return min(activationBits-1, max(accB-shift, 0))
}

// OpBound is the Bound of an op's output tensor, and for affine ops the bound
// of the accumulator before rescaling.
func OpBound(op *Op, inBounds []int, activationBits int) (out, acc int) {
	switch op.Kind {
	case OpAffine:
		acc = AccBound(op, inBounds)
		return ShiftedBound(acc, op.Shift, activationBits), acc
	case OpLookup:
		b := LookupBound(op.Table)
		return b, b
	case OpMul:
		acc = MulBound(op, inBounds)
		return ShiftedBound(acc, op.Shift, activationBits), acc
	case OpDiv:
		if len(inBounds) != 2 {
			return 0, 0
		}
		return DivBound(inBounds[0], op.Shift, activationBits), inBounds[0] + op.Shift + 2
	default: // OpRelu, OpMax: the output is one of the inputs' elements (or 0)
		for _, b := range inBounds {
			out = max(out, b)
		}
		return out, out
	}
}

// Validate checks that a plan is well formed and that its bounds hold, so
// that Run cannot index out of range or overflow, and circuits can trust it.
// It never panics, whatever the plan holds.
func (p *Plan) Validate() error {
	if err := p.Config.Validate(); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	ab := p.Config.ActivationBits
	nt := len(p.Tensors)
	if nt > maxElements {
		return errors.New("plan: too many tensors")
	}
	sizes := make([]int, nt)
	for i := range p.Tensors {
		t := &p.Tensors[i]
		n := 1
		for _, d := range t.Shape {
			if d < 0 || d > maxElements || (d > 0 && n > maxElements/d) {
				return fmt.Errorf("plan: tensor %d (%q): shape %v is negative or has more than %d elements", i, t.Name, t.Shape, maxElements)
			}
			n *= d
		}
		sizes[i] = n
		if t.Scale < -MaxScaleAbs || t.Scale > MaxScaleAbs {
			return fmt.Errorf("plan: tensor %d (%q): scale %d outside [-%d, %d]", i, t.Name, t.Scale, MaxScaleAbs, MaxScaleAbs)
		}
		if t.Bound < 0 || t.Bound > MaxBound {
			return fmt.Errorf("plan: tensor %d (%q): bound 2^%d outside [2^0, 2^%d]", i, t.Name, t.Bound, MaxBound)
		}
		if math.IsNaN(t.MaxAbs) || math.IsInf(t.MaxAbs, 0) || t.MaxAbs < 0 {
			return fmt.Errorf("plan: tensor %d (%q): calibrated range %g is not a finite non-negative number", i, t.Name, t.MaxAbs)
		}
	}
	defined := make([]bool, nt)
	for _, in := range p.Inputs {
		if in < 0 || in >= nt {
			return fmt.Errorf("plan: input tensor index %d out of range", in)
		}
		if defined[in] {
			return fmt.Errorf("plan: tensor %d (%q) is listed twice as an input", in, p.Tensors[in].Name)
		}
		defined[in] = true
		if p.Tensors[in].Bound != ab-1 {
			return fmt.Errorf("plan: input tensor %q: bound 2^%d, want 2^%d (inputs are range checked)", p.Tensors[in].Name, p.Tensors[in].Bound, ab-1)
		}
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		if err := p.validateOp(op, sizes, defined); err != nil {
			return fmt.Errorf("plan: op %d (node %q, %s): %w", k, op.Node, op.Kind, err)
		}
		defined[op.Out] = true
	}
	for i, ok := range defined {
		if !ok {
			return fmt.Errorf("plan: tensor %d (%q) is neither an input nor written by an op", i, p.Tensors[i].Name)
		}
	}
	inputs := make(map[int]bool, len(p.Inputs))
	for _, in := range p.Inputs {
		inputs[in] = true
	}
	for _, o := range p.Outputs {
		if o < 0 || o >= nt {
			return fmt.Errorf("plan: output tensor index %d out of range", o)
		}
		if inputs[o] {
			return fmt.Errorf("plan: output tensor %q is also an input; outputs are public and inputs private, so they must differ", p.Tensors[o].Name)
		}
		if p.Tensors[o].Bound > ab-1 {
			return fmt.Errorf("plan: output tensor %q: bound 2^%d exceeds the activation range 2^%d", p.Tensors[o].Name, p.Tensors[o].Bound, ab-1)
		}
	}
	return nil
}

func (p *Plan) validateOp(op *Op, sizes []int, defined []bool) error {
	nt := len(p.Tensors)
	ab := p.Config.ActivationBits
	if op.Out < 0 || op.Out >= nt {
		return fmt.Errorf("output tensor index %d out of range", op.Out)
	}
	if defined[op.Out] {
		return fmt.Errorf("tensor %d (%q) is written twice (or is an input)", op.Out, p.Tensors[op.Out].Name)
	}
	if (len(op.In) == 0 && op.Kind != OpAffine) || len(op.In) > maxElements {
		return errors.New("no input tensors") // only an affine op may be a constant
	}
	inBounds := make([]int, len(op.In))
	for j, in := range op.In {
		if in < 0 || in >= nt {
			return fmt.Errorf("input tensor index %d out of range", in)
		}
		if !defined[in] {
			return fmt.Errorf("input tensor %d (%q) is used before it is written", in, p.Tensors[in].Name)
		}
		inBounds[j] = p.Tensors[in].Bound
	}
	outSize := sizes[op.Out]
	if op.Kind != OpLookup && op.Saturates != 0 {
		return errors.New("only a lookup saturates")
	}
	switch op.Kind {
	case OpRelu:
		if len(op.In) != 1 || sizes[op.In[0]] != outSize {
			return errors.New("relu needs one input of the output's size")
		}
		if op.RowStart != nil || op.Terms != nil || op.Bias != nil || op.Shift != 0 {
			return errors.New("relu carries rows, bias or shift")
		}
	case OpAffine, OpMax:
		if len(op.RowStart) != outSize+1 || op.RowStart[0] != 0 || int(op.RowStart[outSize]) != len(op.Terms) {
			return fmt.Errorf("rows: %d row starts ending at %d for %d outputs and %d terms", len(op.RowStart), lastOr(op.RowStart), outSize, len(op.Terms))
		}
		for i := 0; i < outSize; i++ {
			if op.RowStart[i+1] < op.RowStart[i] {
				return fmt.Errorf("row %d: row starts decrease", i)
			}
			if op.Kind == OpMax && op.RowStart[i+1] == op.RowStart[i] {
				return fmt.Errorf("row %d: a max needs at least one term", i)
			}
		}
		for j, t := range op.Terms {
			if t.In < 0 || int(t.In) >= len(op.In) {
				return fmt.Errorf("term %d: input %d out of range", j, t.In)
			}
			if t.Idx < 0 || int(t.Idx) >= sizes[op.In[t.In]] {
				return fmt.Errorf("term %d: element %d out of range for %q", j, t.Idx, p.Tensors[op.In[t.In]].Name)
			}
			if op.Kind == OpMax && t.Coeff != 1 {
				return fmt.Errorf("term %d: max coefficients must be 1", j)
			}
		}
		if op.Kind == OpMax {
			if op.Bias != nil || op.Shift != 0 {
				return errors.New("max carries bias or shift")
			}
			break
		}
		if op.Bias != nil && len(op.Bias) != outSize {
			return fmt.Errorf("bias has %d values for %d outputs", len(op.Bias), outSize)
		}
		if op.Shift < 0 || op.Shift > MaxBound {
			return fmt.Errorf("shift %d outside [0, %d]", op.Shift, MaxBound)
		}
	case OpLookup:
		if err := p.validateLookup(op, sizes, outSize); err != nil {
			return err
		}
	case OpMul:
		if err := validateMul(op, sizes, outSize); err != nil {
			return err
		}
	case OpDiv:
		if err := validateDiv(p, op, sizes, outSize); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown op kind %d", int(op.Kind))
	}
	// A lookup's rounded input may statically exceed the activation range
	// (an exact accumulator the lookup rounds itself): the circuit's first
	// comparison bounds it in ActivationBits+1 bits, and Run checks that.
	if op.Kind != OpAffine && op.Kind != OpLookup {
		// The circuit decomposes the inputs of comparisons into
		// ActivationBits bits.
		for j, b := range inBounds {
			if b > ab-1 {
				return fmt.Errorf("input %q has bound 2^%d beyond the activation range 2^%d", p.Tensors[op.In[j]].Name, b, ab-1)
			}
		}
	}
	out, acc := OpBound(op, inBounds, ab)
	if op.Kind == OpDiv {
		out = p.QuotientBound(op, out)
	}
	if acc > MaxBound {
		return fmt.Errorf("accumulator bound 2^%d exceeds 2^%d", acc, MaxBound)
	}
	if got := p.Tensors[op.Out].Bound; got != out {
		return fmt.Errorf("output %q: bound 2^%d, but the op's coefficients give 2^%d", p.Tensors[op.Out].Name, got, out)
	}
	return nil
}

func lastOr(s []int32) int32 {
	if len(s) == 0 {
		return -1
	}
	return s[len(s)-1]
}
