package plan

import (
	"fmt"
	"math"
)

// RangeChecked reports, per tensor, whether its every element is checked to
// lie in the activation range [-2^(A-1), 2^(A-1)), A = ActivationBits: by
// the circuit's constraints and, identically, by Run. These are the model's
// inputs and outputs, the results of a rescale (OpAffine and OpMul with
// Shift > 0), quotients (OpDiv), and the inputs and outputs of relus. The
// other tensors are exact sums, products or copies of checked ones, maxima
// and table entries, whose static Bound keeps them exact without a check.
// This function is the one place that says which tensors are checked:
// Run uses it, and the circuit proves the range of exactly these tensors.
func (p *Plan) RangeChecked() []bool {
	c := make([]bool, len(p.Tensors))
	mark := func(t int) {
		if t >= 0 && t < len(c) {
			c[t] = true
		}
	}
	for _, t := range p.Inputs {
		mark(t)
	}
	for _, t := range p.Outputs {
		mark(t)
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		switch op.Kind {
		case OpAffine, OpMul:
			if op.Shift > 0 {
				mark(op.Out)
			}
		case OpDiv:
			mark(op.Out)
		case OpRelu:
			mark(op.Out)
			for _, t := range op.In {
				mark(t)
			}
		}
	}
	return c
}

// A Clamp reports the elements of one lookup's input that fell outside its
// table's domain at an end where the function does not saturate (see
// Op.Saturates): their outputs are the value at the table's end, not the
// function's, so the result is an approximation the input is too far out
// for. Clamps at a saturating end are exact and not reported.
type Clamp struct {
	Node     string `json:"node"`     // the lookup's ONNX node
	Input    string `json:"input"`    // its input tensor's name
	Clamped  int    `json:"clamped"`  // elements clamped inexactly
	Elements int    `json:"elements"` // elements looked up
	// DomainMin and DomainMax are the real input domain the table covers,
	// calibration's range times the headroom; Farthest is the clamped input
	// value farthest from it, and Ratio |Farthest| / max(|DomainMin|,
	// |DomainMax|), how many times beyond the covered range it lies.
	DomainMin float64 `json:"domain_min"`
	DomainMax float64 `json:"domain_max"`
	Farthest  float64 `json:"farthest"`
	Ratio     float64 `json:"ratio"`
}

func (c Clamp) String() string {
	return fmt.Sprintf("%s: %d of %d inputs of %q outside the calibrated domain [%.4g, %.4g], as far as %.4g (%.3g× the domain); their outputs are clamped approximations",
		c.Node, c.Clamped, c.Elements, c.Input, c.DomainMin, c.DomainMax, c.Farthest, c.Ratio)
}

// Clamps returns, for the tensors of one inference (Run's result), every
// lookup that clamped an input at a non-saturating end, in op order; nil
// when every value stayed in its calibrated domain. It counts exactly what
// the circuit's domain bit (circuits.WithDomainFlag) proves absent: an
// element x of a lookup's input counts when q = Rescale(x, Shift) <
// TableMin and the function does not saturate below, or q > TableMin +
// len(Table) − 1 and it does not saturate above.
func (p *Plan) Clamps(all [][]int64) []Clamp {
	var out []Clamp
	for k := range p.Ops {
		op := &p.Ops[k]
		if op.Kind != OpLookup || len(op.In) != 1 || op.In[0] < 0 || op.In[0] >= len(all) {
			continue
		}
		in := all[op.In[0]]
		lo, hi := op.TableMin, op.TableMin+int64(len(op.Table))-1
		s := p.Tensors[op.In[0]].Scale - op.Shift
		c := Clamp{Node: op.Node, Input: p.Tensors[op.In[0]].Name, Elements: len(in),
			DomainMin: math.Ldexp(float64(lo), -s), DomainMax: math.Ldexp(float64(hi), -s)}
		far := int64(0)
		for _, v := range in {
			q, _ := Rescale(v, op.Shift)
			if !op.IsClamped(q) {
				continue
			}
			d := max(lo-q, q-hi)
			c.Clamped++
			if d > far {
				far, c.Farthest = d, Dequantize(v, p.Tensors[op.In[0]].Scale)
			}
		}
		if c.Clamped == 0 {
			continue
		}
		if m := max(math.Abs(c.DomainMin), math.Abs(c.DomainMax)); m > 0 {
			c.Ratio = math.Abs(c.Farthest) / m
		}
		out = append(out, c)
	}
	return out
}

// IsClamped reports whether the lookup op clamps the input q, already
// rescaled by its Shift, at an end where its function does not saturate.
// The circuit's domain bit is 1 exactly when no lookup element is.
func (op *Op) IsClamped(q int64) bool {
	hi := op.TableMin + int64(len(op.Table)) - 1
	return (q < op.TableMin && op.Saturates&SaturatesBelow == 0) || (q > hi && op.Saturates&SaturatesAbove == 0)
}
