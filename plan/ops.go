package plan

import (
	"errors"
	"fmt"
)

// runLookup is OpLookup in the integer executor. The circuit compares the
// rounded input q with the domain's low end in A+1 bits: q − TableMin must
// lie in [−2^A, 2^A), which an input in the activation range always does,
// and an exact input wider than it (an accumulator the lookup rounds
// itself) may not.
func runLookup(op *Op, in, out []int64, ab int) error {
	hi := op.TableMin + int64(len(op.Table)) - 1
	limit := int64(1) << ab
	for i, v := range in {
		q, _ := Rescale(v, op.Shift)
		if d := q - op.TableMin; d < -limit || d >= limit {
			return fmt.Errorf("element %d: the rounded input %d lies 2^%d or more from the table's domain [%d, %d]; the input goes beyond what calibration saw", i, q, ab, op.TableMin, hi)
		}
		if (q < op.TableMin && op.Saturates&StrictBelow != 0) || (q > hi && op.Saturates&StrictAbove != 0) {
			return fmt.Errorf("element %d: the rounded input %d lies beyond the table's domain [%d, %d], whose end does not clamp; the input goes beyond what calibration saw: recompile with calibration samples like this input or a larger headroom", i, q, op.TableMin, hi)
		}
		out[i] = op.Table[min(max(q, op.TableMin), hi)-op.TableMin]
	}
	return nil
}

// runMul is OpMul in the integer executor.
func runMul(op *Op, ins [][]int64, out []int64) {
	for i := range out {
		row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
		var acc int64
		for j := 0; j+1 < len(row); j += 2 {
			acc += ins[row[j].In][row[j].Idx] * ins[row[j+1].In][row[j+1].Idx]
		}
		out[i], _ = Rescale(acc, op.Shift)
	}
}

// LookupBound is the Bound of a lookup's output: the largest |entry|.
func LookupBound(table []int64) int {
	b := 0
	for _, v := range table {
		b = max(b, CeilLog2(absU(v)))
	}
	return b
}

// MulBound is the bound of the sums of products of an OpMul with
// well-formed rows, saturating above 63.
func MulBound(op *Op, inBounds []int) int {
	b := 0
	for i := 0; i+1 < len(op.RowStart); i++ {
		row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
		var sum uint64
		for j := 0; j+1 < len(row); j += 2 {
			sum = satAdd(sum, satShl(1, inBounds[row[j].In]+inBounds[row[j+1].In]))
		}
		b = max(b, CeilLog2(sum))
	}
	return b
}

// maxTableLen caps a lookup table, far above what the planner makes.
const maxTableLen = 1 << 20

func (p *Plan) validateLookup(op *Op, sizes []int, outSize int) error {
	ab := p.Config.ActivationBits
	if len(op.In) != 1 || sizes[op.In[0]] != outSize {
		return errors.New("lookup needs one input of the output's size")
	}
	if op.RowStart != nil || op.Terms != nil || op.Bias != nil {
		return errors.New("lookup carries rows or bias")
	}
	if op.Shift < 0 || op.Shift > MaxBound {
		return fmt.Errorf("shift %d outside [0, %d]", op.Shift, MaxBound)
	}
	if len(op.Table) == 0 || len(op.Table) > maxTableLen {
		return fmt.Errorf("table has %d entries, want 1 to %d", len(op.Table), maxTableLen)
	}
	if op.Saturates > SaturatesBelow|SaturatesAbove|StrictBelow|StrictAbove {
		return fmt.Errorf("saturation flags %#x, want at most %#x", op.Saturates, SaturatesBelow|SaturatesAbove|StrictBelow|StrictAbove)
	}
	if op.Saturates&(SaturatesBelow|StrictBelow) == SaturatesBelow|StrictBelow || op.Saturates&(SaturatesAbove|StrictAbove) == SaturatesAbove|StrictAbove {
		return fmt.Errorf("saturation flags %#x: an end both saturates and is strict", op.Saturates)
	}
	// The circuit compares the rescaled input with both ends of the domain
	// in A+1 bits, which needs the ends within ±2^(A-2).
	lim := int64(1) << (ab - 2)
	if op.TableMin < -lim || op.TableMin > lim-int64(len(op.Table))+1 {
		return fmt.Errorf("table domain [%d, %d] outside [-2^%d, 2^%d]", op.TableMin, op.TableMin+int64(len(op.Table))-1, ab-2, ab-2)
	}
	act := int64(1) << (ab - 1)
	for j, v := range op.Table {
		if v >= act || v <= -act {
			return fmt.Errorf("table entry %d = %d is outside the activation range 2^%d", j, v, ab-1)
		}
	}
	return nil
}

func validateMul(op *Op, sizes []int, outSize int) error {
	if len(op.In) != 1 && len(op.In) != 2 {
		return fmt.Errorf("mul needs 1 or 2 input tensors, has %d", len(op.In))
	}
	if op.Bias != nil || op.Table != nil {
		return errors.New("mul carries bias or table")
	}
	if op.Shift < 0 || op.Shift > MaxBound {
		return fmt.Errorf("shift %d outside [0, %d]", op.Shift, MaxBound)
	}
	if len(op.RowStart) != outSize+1 || op.RowStart[0] != 0 || int(op.RowStart[outSize]) != len(op.Terms) {
		return fmt.Errorf("rows: %d row starts ending at %d for %d outputs and %d terms", len(op.RowStart), lastOr(op.RowStart), outSize, len(op.Terms))
	}
	for i := 0; i < outSize; i++ {
		if n := op.RowStart[i+1] - op.RowStart[i]; n < 2 || n%2 != 0 {
			return fmt.Errorf("row %d: a sum of products needs a positive, even number of terms, not %d", i, n)
		}
	}
	for j, t := range op.Terms {
		if t.In < 0 || int(t.In) >= len(op.In) {
			return fmt.Errorf("term %d: input %d out of range", j, t.In)
		}
		if t.Idx < 0 || int(t.Idx) >= sizes[op.In[t.In]] {
			return fmt.Errorf("term %d: element %d out of range", j, t.Idx)
		}
		if t.Coeff != 1 {
			return fmt.Errorf("term %d: product coefficients must be 1", j)
		}
	}
	return nil
}

// QuotientBound returns the Bound of an OpDiv's output given the generic
// one, b: at most Shift when every quotient is provably at most one, as
// Softmax's are. That holds when the dividend is a lookup with no negative
// entry and each divisor an exact sum, coefficients 1, of that lookup's
// outputs that includes the element it divides: then 0 ≤ a ≤ d and q =
// ⌊(2·a·2^Shift + d) / (2d)⌋ ≤ 2^Shift. The tighter bound lets a product
// with Softmax's output (attention's scores·V) skip rounding the scores
// down to fit the executor's 62 bits.
func (p *Plan) QuotientBound(op *Op, b int) int {
	if len(op.In) != 2 || !p.divisorDominates(op) {
		return b
	}
	return min(b, op.Shift)
}

func (p *Plan) divisorDominates(op *Op) bool {
	var lookup, sum *Op
	for k := range p.Ops {
		switch p.Ops[k].Out {
		case op.In[0]:
			lookup = &p.Ops[k]
		case op.In[1]:
			sum = &p.Ops[k]
		}
	}
	if lookup == nil || sum == nil || lookup.Kind != OpLookup || sum.Kind != OpAffine || sum.Shift != 0 {
		return false
	}
	for _, v := range lookup.Table {
		if v < 0 {
			return false
		}
	}
	for _, t := range sum.Terms {
		if sum.In[t.In] != op.In[0] || t.Coeff != 1 {
			return false
		}
	}
	for _, v := range sum.Bias {
		if v != 0 {
			return false
		}
	}
	nRows := len(sum.RowStart) - 1
	for i := 0; i+1 < len(op.RowStart); i++ {
		if op.RowStart[i+1]-op.RowStart[i] != 2 {
			return false
		}
		a, d := op.Terms[op.RowStart[i]], op.Terms[op.RowStart[i]+1]
		if a.In != 0 || d.In != 1 || d.Idx < 0 || int(d.Idx) >= nRows {
			return false
		}
		found := false
		for _, t := range sum.Terms[sum.RowStart[d.Idx]:sum.RowStart[d.Idx+1]] {
			found = found || t.Idx == a.Idx
		}
		if !found {
			return false
		}
	}
	return true
}

// DivBound is the Bound of an OpDiv's output: |q| ≤ |a|·2^shift + 1, and
// the circuit range checks q.
func DivBound(aBound, shift, activationBits int) int {
	return min(activationBits-1, aBound+shift+1)
}

// runDiv is OpDiv in the integer executor: q = ⌊(2·a·2^Shift + b) / (2b)⌋,
// a / b · 2^Shift rounded half up, for b ≥ 1.
func runDiv(op *Op, ins [][]int64, out []int64) error {
	for i := range out {
		x, y := op.Terms[op.RowStart[i]], op.Terms[op.RowStart[i]+1]
		a, b := ins[x.In][x.Idx], ins[y.In][y.Idx]
		if b == 0 {
			return fmt.Errorf("element %d: division by zero", i)
		}
		if b < 1 {
			return fmt.Errorf("element %d: the divisor is %d; zkml divides by positive values only", i, b)
		}
		num := 2*a<<op.Shift + b
		q := num / (2 * b)
		if num%(2*b) < 0 {
			q-- // floor, not truncation
		}
		out[i] = q
	}
	return nil
}

func validateDiv(p *Plan, op *Op, sizes []int, outSize int) error {
	if len(op.In) != 2 {
		return fmt.Errorf("div needs 2 input tensors, has %d", len(op.In))
	}
	if err := validateMul(&Op{Kind: OpMul, In: op.In, RowStart: op.RowStart, Terms: op.Terms, Bias: op.Bias, Table: op.Table}, sizes, outSize); err != nil {
		return err
	}
	for i := 0; i < outSize; i++ {
		if op.Terms[op.RowStart[i]].In != 0 || op.Terms[op.RowStart[i]+1].In != 1 {
			return fmt.Errorf("row %d: the dividend must come from input 0 and the divisor from input 1", i)
		}
	}
	if op.Shift < 0 || p.Tensors[op.In[0]].Bound+op.Shift+2 > MaxBound || p.Tensors[op.In[1]].Bound+2 > MaxBound {
		return fmt.Errorf("shift %d: the numerator may exceed 2^%d", op.Shift, MaxBound)
	}
	return nil
}
