package circuits

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/plan"
)

// maxTensorSize caps a tensor's element count: far beyond any model a
// circuit can hold, and small enough that sizes never overflow an int32 term
// index.
const maxTensorSize = 1 << 30

// maxMagnitude caps the static bound of every value the circuit computes
// (accumulators included). The soundness of the gadgets rests on field
// elements standing for the integers they hold: with |v| < 2^236 and the
// BN254 scalar field above 2^253, no sum or difference of two such values
// wraps around, and a remainder scaled by up to 2^15 (see checkInteger)
// stays below p/2. The planner's own bound (Tensor.Bound ≤ 62) is far lower;
// this check does not trust it and recomputes the bounds from the ops.
const maxMagnitude = 0x1p236

// layout is what Define needs to know about a plan beyond its ops.
type layout struct {
	// outputSlot[t] is the first i with Outputs[i] == t, or -1.
	outputSlot []int
	// reluChecked[t][i]: a relu reads element i of tensor t, directly or
	// through copies (reshapes, transposes, slices...: affine rows of one
	// term with coefficient 1, no bias, no rescale, which the circuit
	// implements as the same variable). The relu's sign gadget proves the
	// element lies in [-2^(A-1), 2^(A-1)), so the range check an input or a
	// rescale would otherwise add is redundant.
	reluChecked [][]bool
	// inRange[t]: every element of tensor t is proven to lie in the
	// activation range (see markInRange).
	inRange []bool
	// bound[t] is the static bound on |v| of tensor t (see checkPlan).
	bound []float64
	// nonPositive[t]: every element of tensor t is provably ≤ 0, because
	// an exact affine op wrote it as x[a] − m[b] where m is a row maximum
	// (OpMax) whose row b reads x[a]: Softmax's differences. A lookup of
	// such an input needs no clamp at a table end ≥ 0 (see lookupOp).
	nonPositive []bool
}

// markNonPositive fills l.nonPositive.
func (l *layout) markNonPositive(p *plan.Plan) {
	l.nonPositive = make([]bool, len(p.Tensors))
	writer := make([]*plan.Op, len(p.Tensors))
	for k := range p.Ops {
		writer[p.Ops[k].Out] = &p.Ops[k]
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		if op.Kind != plan.OpAffine || op.Shift != 0 || len(op.In) != 2 {
			continue
		}
		mx := writer[op.In[1]]
		if mx == nil || mx.Kind != plan.OpMax {
			continue
		}
		ok := len(op.RowStart) > 1
		for i := 0; ok && i+1 < len(op.RowStart); i++ {
			row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
			ok = len(row) == 2 && row[0].In == 0 && row[0].Coeff == 1 && row[1].In == 1 && row[1].Coeff == -1 &&
				(op.Bias == nil || op.Bias[i] == 0) && maxRowReads(mx, int(row[1].Idx), op.In[0], row[0].Idx)
		}
		l.nonPositive[op.Out] = ok
	}
}

// maxRowReads reports whether row r of the max op reads element idx of
// tensor t.
func maxRowReads(mx *plan.Op, r, t int, idx int32) bool {
	for _, term := range mx.Terms[mx.RowStart[r]:mx.RowStart[r+1]] {
		if mx.In[term.In] == t && term.Idx == idx {
			return true
		}
	}
	return false
}

// elem names element i of tensor t.
type elem struct{ t, i int32 }

// markReluChecked fills l.reluChecked: origin[t][i] is the element that
// element i of tensor t copies (itself when it is not a copy).
func (l *layout) markReluChecked(p *plan.Plan) {
	origin := make([][]elem, len(p.Tensors))
	originOf := func(t, i int) elem {
		if origin[t] != nil {
			return origin[t][i]
		}
		return elem{int32(t), int32(i)}
	}
	l.reluChecked = make([][]bool, len(p.Tensors))
	for t := range p.Tensors {
		l.reluChecked[t] = make([]bool, p.Tensors[t].Size())
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		switch op.Kind {
		case plan.OpAffine:
			if op.Shift != 0 {
				continue
			}
			var o []elem
			for i := 0; i+1 < len(op.RowStart); i++ {
				row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
				if len(row) != 1 || row[0].Coeff != 1 || (op.Bias != nil && op.Bias[i] != 0) {
					continue
				}
				if o == nil {
					o = make([]elem, len(op.RowStart)-1)
					for j := range o {
						o[j] = elem{int32(op.Out), int32(j)}
					}
				}
				o[i] = originOf(op.In[row[0].In], int(row[0].Idx))
			}
			origin[op.Out] = o
		case plan.OpRelu:
			for i := range l.reluChecked[op.Out] {
				e := originOf(op.In[0], i)
				l.reluChecked[e.t][e.i] = true
			}
		}
	}
}

// checkPlan reports any inconsistency in p that would make the circuit
// meaningless or make Define index out of range, and computes its layout.
func checkPlan(p *plan.Plan) (*layout, error) {
	if p == nil {
		return nil, errors.New("circuits: nil plan")
	}
	if err := p.Config.Validate(); err != nil {
		return nil, fmt.Errorf("circuits: plan config: %w", err)
	}
	nt := len(p.Tensors)
	for i := range p.Tensors {
		if _, err := tensorSize(&p.Tensors[i]); err != nil {
			return nil, fmt.Errorf("circuits: tensor %d (%q): %w", i, p.Tensors[i].Name, err)
		}
	}
	l := &layout{outputSlot: make([]int, nt)}
	for i := range l.outputSlot {
		l.outputSlot[i] = -1
	}

	// bound[t] is a static upper bound on |v| for every value v of tensor t
	// that satisfies the constraints; 0 while t is not yet defined.
	bound := make([]float64, nt)
	act := math.Ldexp(1, p.Config.ActivationBits-1)
	for i, t := range p.Inputs {
		if t < 0 || t >= nt {
			return nil, fmt.Errorf("circuits: input %d refers to tensor %d; the plan has %d tensors", i, t, nt)
		}
		if bound[t] != 0 {
			return nil, fmt.Errorf("circuits: input %d: tensor %d (%q) is listed twice as an input", i, t, p.Tensors[t].Name)
		}
		bound[t] = act
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		if err := checkOp(p, op, bound, act); err != nil {
			return nil, fmt.Errorf("circuits: op %d (%s, node %q): %w", k, op.Kind, op.Node, err)
		}
	}
	if len(p.Outputs) == 0 {
		return nil, errors.New("circuits: plan has no output")
	}
	for i, t := range p.Outputs {
		if t < 0 || t >= nt {
			return nil, fmt.Errorf("circuits: output %d refers to tensor %d; the plan has %d tensors", i, t, nt)
		}
		if bound[t] == 0 {
			return nil, fmt.Errorf("circuits: output %d: tensor %d (%q) is neither an input nor written by an op", i, t, p.Tensors[t].Name)
		}
		if l.outputSlot[t] < 0 {
			l.outputSlot[t] = i
		}
	}
	l.bound = bound
	l.markReluChecked(p)
	l.markInRange(p, bound, act)
	l.markNonPositive(p)
	return l, nil
}

func checkOp(p *plan.Plan, op *plan.Op, bound []float64, act float64) error {
	nt := len(p.Tensors)
	if op.Out < 0 || op.Out >= nt {
		return fmt.Errorf("output tensor %d out of range; the plan has %d tensors", op.Out, nt)
	}
	if bound[op.Out] != 0 {
		return fmt.Errorf("tensor %d (%q) is written twice (or is a model input)", op.Out, p.Tensors[op.Out].Name)
	}
	if len(op.In) == 0 && op.Kind != plan.OpAffine { // an affine op with only a bias is a constant
		return errors.New("no input tensor")
	}
	for i, t := range op.In {
		if t < 0 || t >= nt {
			return fmt.Errorf("input %d refers to tensor %d; the plan has %d tensors", i, t, nt)
		}
		if bound[t] == 0 {
			return fmt.Errorf("input %d: tensor %d (%q) is read before it is written", i, t, p.Tensors[t].Name)
		}
	}
	outSize := p.Tensors[op.Out].Size()
	switch op.Kind {
	case plan.OpRelu:
		if len(op.In) != 1 {
			return fmt.Errorf("relu takes 1 input, got %d", len(op.In))
		}
		if in := p.Tensors[op.In[0]].Size(); in != outSize {
			return fmt.Errorf("relu input has %d elements, output %d", in, outSize)
		}
		if op.Shift != 0 || op.Bias != nil || op.Terms != nil || op.RowStart != nil {
			return errors.New("relu carries a shift, bias or terms; only affine and max ops have rows")
		}
		bound[op.Out] = act
		return nil
	case plan.OpMax:
		if op.Shift != 0 || op.Bias != nil {
			return errors.New("max carries a shift or bias; only affine ops do")
		}
		if err := checkRows(p, op, outSize); err != nil {
			return err
		}
		b := 0.0
		for i := 0; i < outSize; i++ {
			if op.RowStart[i] == op.RowStart[i+1] {
				return fmt.Errorf("row %d has no term; a max needs at least one", i)
			}
			for _, t := range op.Terms[op.RowStart[i]:op.RowStart[i+1]] {
				b = math.Max(b, bound[op.In[t.In]])
			}
		}
		// The output is one of the inputs; the bound stays positive so that
		// the tensor counts as written.
		bound[op.Out] = math.Max(b, 1)
		return nil
	case plan.OpAffine:
		if op.Shift < 0 || op.Shift > maxShift {
			return fmt.Errorf("shift %d outside [0, %d]", op.Shift, maxShift)
		}
		if op.Bias != nil && len(op.Bias) != outSize {
			return fmt.Errorf("bias has %d elements, output %d", len(op.Bias), outSize)
		}
		if err := checkRows(p, op, outSize); err != nil {
			return err
		}
		b := 1.0
		for i := 0; i < outSize; i++ {
			acc := 0.0
			if op.Bias != nil {
				acc = math.Abs(float64(op.Bias[i]))
			}
			if op.Shift > 0 {
				acc += math.Ldexp(1, op.Shift-1)
			}
			for _, t := range op.Terms[op.RowStart[i]:op.RowStart[i+1]] {
				acc += math.Abs(float64(t.Coeff)) * bound[op.In[t.In]]
			}
			if !(acc < maxMagnitude) {
				return fmt.Errorf("row %d: the accumulator may reach 2^%.0f, beyond the 2^236 the circuit allows without wrapping around; the plan's weights or bounds are wrong", i, math.Log2(acc))
			}
			b = math.Max(b, acc)
		}
		if op.Shift > 0 {
			b = act
		}
		bound[op.Out] = b
		return nil
	case plan.OpLookup:
		b, err := checkLookup(p, op, bound)
		bound[op.Out] = b
		return err
	case plan.OpMul:
		b, err := checkMul(p, op, bound, act)
		bound[op.Out] = b
		return err
	case plan.OpDiv:
		_, b, err := checkDiv(p, op, bound, act)
		bound[op.Out] = b
		return err
	}
	return fmt.Errorf("unknown op kind %d", int(op.Kind))
}

// checkRows checks an op's CSR rows: one row per output element, every term
// reading an existing element of one of the op's inputs.
func checkRows(p *plan.Plan, op *plan.Op, outSize int) error {
	if len(op.RowStart) != outSize+1 {
		return fmt.Errorf("%d row starts for %d output elements, want %d", len(op.RowStart), outSize, outSize+1)
	}
	if op.RowStart[0] != 0 || int(op.RowStart[outSize]) != len(op.Terms) {
		return fmt.Errorf("row starts run from %d to %d, want 0 to %d (the number of terms)", op.RowStart[0], op.RowStart[outSize], len(op.Terms))
	}
	for i := 0; i < outSize; i++ {
		if op.RowStart[i] > op.RowStart[i+1] {
			return fmt.Errorf("row %d starts at term %d and ends at %d", i, op.RowStart[i], op.RowStart[i+1])
		}
	}
	for j, t := range op.Terms {
		if t.In < 0 || int(t.In) >= len(op.In) {
			return fmt.Errorf("term %d reads input %d; the op has %d inputs", j, t.In, len(op.In))
		}
		n := p.Tensors[op.In[t.In]].Size()
		if t.Idx < 0 || int(t.Idx) >= n {
			return fmt.Errorf("term %d reads element %d of tensor %d (%q), which has %d elements", j, t.Idx, op.In[t.In], p.Tensors[op.In[t.In]].Name, n)
		}
	}
	return nil
}

// tensorSize is Tensor.Size with the checks a plan from outside deserves.
func tensorSize(t *plan.Tensor) (int, error) {
	n := 1
	for _, d := range t.Shape {
		if d < 0 {
			return 0, fmt.Errorf("negative dimension in shape %v", t.Shape)
		}
		if d > 0 && n > maxTensorSize/d {
			return 0, fmt.Errorf("shape %v has more than 2^30 elements", t.Shape)
		}
		n *= d
	}
	return n, nil
}
