package circuits

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"
	"github.com/zkml/zkml/plan"
)

// Gadgets of the nonlinear ops: table lookups (OpLookup) and products of two
// activations (OpMul). Their soundness arguments are in SOUNDNESS.md.

// lookupOp returns the outputs of an OpLookup: the input rounded to the
// table's scale, clamped to the table's domain by two sign gadgets, and
// looked up in a log-derivative table that holds (index, value) pairs.
// nonPositive says every input is provably ≤ 0 (Softmax's differences):
// rounding keeps it ≤ 0, so with a table that ends at hi ≥ 0 the upper
// clamp min(·, hi) is the identity and is left out, which saves a sign
// gadget per element.
func (g *gadgets) lookupOp(op *plan.Op, in []frontend.Variable, nonPositive bool) ([]frontend.Variable, error) {
	lo := op.TableMin
	hi := lo + int64(len(op.Table)) - 1
	noUpper := nonPositive && hi >= 0
	// The comparisons work in A+1 bits: an honest rounded input lies within
	// ±2^(A−1) and the ends within ±2^(A−2), so their differences are below
	// 2^A. (A narrower width from the input's bound saves constraints only
	// with bit decomposition; the lookup range checker prefers whole limbs.)
	k := g.actBits
	out := make([]frontend.Variable, len(in))
	var idx []frontend.Variable
	var slots []int
	for i, x := range in {
		q := x
		if op.Shift > 0 {
			// No range check of q here: the first comparison below proves
			// q − lo ∈ [−2^A, 2^A), which bounds q as the rescale needs.
			var err error
			if q, err = g.rescale(x, op.Shift, false); err != nil {
				return nil, fmt.Errorf("element %d: %w", i, err)
			}
		}
		if c, ok := g.constant(q); ok {
			// A constant input (padding): look it up now.
			v := c.Int64()
			if !c.IsInt64() {
				v = math.MaxInt64
				if c.Sign() < 0 {
					v = math.MinInt64
				}
			}
			out[i] = op.Table[min(max(v, lo), hi)-lo]
			if op.IsClamped(v) {
				g.clampedConstant()
			}
			continue
		}
		// y1 = max(q, lo) = lo + s1·(q − lo); then min(y1, hi) − lo =
		// (hi − lo) − s2·(hi − y1). At a strict end there is no clamp: the
		// table itself rejects an index beyond it, which bounds q.
		var s1d1 frontend.Variable
		if op.Saturates&plan.StrictBelow != 0 {
			s1d1 = g.api.Sub(q, lo) // y1 = q
		} else {
			var s1 frontend.Variable
			var err error
			s1, s1d1, err = g.sign(g.api.Sub(q, lo), k)
			if err != nil {
				return nil, fmt.Errorf("element %d: %w", i, err)
			}
			if op.Saturates&plan.SaturatesBelow == 0 {
				g.clampedUnless(s1) // s1 = 0: q < lo
			}
		}
		if noUpper || op.Saturates&plan.StrictAbove != 0 {
			// q ≤ 0 ≤ hi, so y1 ≤ hi, or the end is strict: the index is
			// y1 − lo.
			idx = append(idx, s1d1)
			slots = append(slots, i)
			continue
		}
		s2, s2d2, err := g.sign(g.api.Sub(hi-lo, s1d1), k)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		if op.Saturates&plan.SaturatesAbove == 0 {
			g.clampedUnless(s2) // s2 = 0: max(q, lo) > hi
		}
		idx = append(idx, g.api.Sub(hi-lo, s2d2))
		slots = append(slots, i)
	}
	if len(idx) == 0 {
		return out, nil
	}
	for k, v := range g.table(op.Table).Lookup(idx...) {
		out[slots[k]] = v
	}
	return out, nil
}

// table returns the log-derivative table holding entries, building it on
// first use: two ops with the same function at the same scales (two
// Sigmoids of one model) share one table and pay for its entries once.
func (g *gadgets) table(entries []int64) logderivlookup.Table {
	h := sha256.New()
	var b [8]byte
	for _, v := range entries {
		binary.LittleEndian.PutUint64(b[:], uint64(v))
		h.Write(b[:])
	}
	var key [32]byte
	h.Sum(key[:0])
	if t, ok := g.tables[key]; ok {
		return t
	}
	t := logderivlookup.New(g.api)
	for _, v := range entries {
		t.Insert(v)
	}
	if g.tables == nil {
		g.tables = map[[32]byte]logderivlookup.Table{}
	}
	g.tables[key] = t
	return t
}

// mulOp returns the outputs of an OpMul of the given output shape: one
// product per multiply, or for a large enough matrix product accumulators
// that Freivalds' check pins down (freivalds.go); then each sum is rescaled
// like an affine row. dest and reluChecked play the same roles as for an
// affine op (see defineOp).
func (g *gadgets) mulOp(op *plan.Op, vals [][]frontend.Variable, shape []int, dest []frontend.Variable, reluChecked []bool) ([]frontend.Variable, error) {
	out := make([]frontend.Variable, len(op.RowStart)-1)
	accs, err := g.matmulAccumulators(op, vals, shape)
	if err != nil {
		return nil, err
	}
	var prods []frontend.Variable
	for i := range out {
		var p frontend.Variable
		if accs != nil {
			p = accs[i]
		} else {
			row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
			prods = prods[:0]
			for j := 0; j+1 < len(row); j += 2 {
				prods = append(prods, g.api.Mul(vals[op.In[row[j].In]][row[j].Idx], vals[op.In[row[j+1].In]][row[j+1].Idx]))
			}
			p = prods[0]
			if len(prods) > 1 {
				p = g.api.Add(prods[0], prods[1], prods[2:]...)
			}
		}
		if op.Shift == 0 {
			out[i] = p
			if dest != nil {
				g.api.AssertIsEqual(p, dest[i])
			}
			continue
		}
		q, err := g.rescaleOut(p, op.Shift, dest, i, !reluChecked[i])
		if err != nil {
			return nil, err
		}
		out[i] = q
	}
	return out, nil
}

// checkLookup checks an OpLookup and returns the bound of its outputs.
func checkLookup(p *plan.Plan, op *plan.Op, bound []float64) (float64, error) {
	if len(op.In) != 1 {
		return 0, fmt.Errorf("lookup takes 1 input, got %d", len(op.In))
	}
	if in, out := p.Tensors[op.In[0]].Size(), p.Tensors[op.Out].Size(); in != out {
		return 0, fmt.Errorf("lookup input has %d elements, output %d", in, out)
	}
	if op.Bias != nil || op.Terms != nil || op.RowStart != nil {
		return 0, errors.New("lookup carries a bias or terms")
	}
	if op.Shift < 0 || op.Shift > maxShift {
		return 0, fmt.Errorf("shift %d outside [0, %d]", op.Shift, maxShift)
	}
	if len(op.Table) == 0 || len(op.Table) > maxTableLen {
		return 0, fmt.Errorf("table has %d entries, want 1 to %d", len(op.Table), maxTableLen)
	}
	// The two comparisons work in A+1 bits: both ends of the domain must
	// lie within ±2^(A−2) so that an honest rounded input (within
	// ±2^(A−1)) differs from them by less than 2^A.
	lim := int64(1) << (p.Config.ActivationBits - 2)
	if op.TableMin < -lim || op.TableMin > lim-int64(len(op.Table))+1 {
		return 0, fmt.Errorf("table domain starts at %d with %d entries, outside ±2^%d", op.TableMin, len(op.Table), p.Config.ActivationBits-2)
	}
	if op.Shift > 0 && !(bound[op.In[0]]+math.Ldexp(1, op.Shift-1) < maxMagnitude) {
		return 0, errors.New("the input is too large to rescale")
	}
	b := 1.0
	for _, v := range op.Table {
		b = math.Max(b, math.Abs(float64(v)))
	}
	return b, nil
}

// checkMul checks an OpMul and returns the bound of its outputs.
func checkMul(p *plan.Plan, op *plan.Op, bound []float64, act float64) (float64, error) {
	outSize := p.Tensors[op.Out].Size()
	if op.Shift < 0 || op.Shift > maxShift {
		return 0, fmt.Errorf("shift %d outside [0, %d]", op.Shift, maxShift)
	}
	if op.Bias != nil || op.Table != nil {
		return 0, errors.New("mul carries a bias or a table")
	}
	if err := checkRows(p, op, outSize); err != nil {
		return 0, err
	}
	b := 1.0
	for i := 0; i < outSize; i++ {
		row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
		if len(row) < 2 || len(row)%2 != 0 {
			return 0, fmt.Errorf("row %d: a sum of products needs a positive, even number of terms, not %d", i, len(row))
		}
		prod := 0.0
		for j, t := range row {
			if t.Coeff != 1 {
				return 0, fmt.Errorf("row %d: term %d has coefficient %d; products have coefficients 1", i, j, t.Coeff)
			}
			if j%2 == 1 {
				prod += bound[op.In[row[j-1].In]] * bound[op.In[t.In]]
			}
		}
		if op.Shift > 0 {
			prod += math.Ldexp(1, op.Shift-1)
		}
		if !(prod < maxMagnitude) {
			return 0, fmt.Errorf("row %d: the product may reach 2^%.0f, beyond the 2^236 the circuit allows without wrapping around", i, math.Log2(prod))
		}
		b = math.Max(b, prod)
	}
	if op.Shift > 0 {
		b = act
	}
	return b, nil
}

// maxTableLen caps a lookup table's entries (the planner makes at most
// 2^14 + 1).
const maxTableLen = 1 << 20

// divOp returns the outputs of an OpDiv: q = ⌊(2·a·2^s + b) / (2b)⌋ from a
// hint, pinned by 2·a·2^s + b = q·2b + r with r ∈ [0, 2b), b ≥ 1 and q in
// the activation range, all range checked. divisorBits bounds the divisor
// (b ≤ 2^divisorBits), from the plan.
func (g *gadgets) divOp(op *plan.Op, vals [][]frontend.Variable, divisorBits int) ([]frontend.Variable, error) {
	out := make([]frontend.Variable, len(op.RowStart)-1)
	positive := map[int32]bool{} // divisor elements already proven ≥ 1
	for i := range out {
		ta, tb := op.Terms[op.RowStart[i]], op.Terms[op.RowStart[i]+1]
		a, b := vals[op.In[ta.In]][ta.Idx], vals[op.In[tb.In]][tb.Idx]
		if !positive[tb.Idx] {
			if err := g.checkDivisor(b, divisorBits); err != nil {
				return nil, fmt.Errorf("element %d: the divisor: %w", i, err)
			}
			positive[tb.Idx] = true
		}
		h, err := g.api.Compiler().NewHint(divHint, 1, g.numerator(a, b, op.Shift), b)
		if err != nil {
			return nil, err
		}
		if err := g.divTo(a, b, h[0], op.Shift, divisorBits); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		out[i] = h[0]
	}
	return out, nil
}

// checkDivisor proves b − 1 ∈ [0, 2^k): the divisor is positive and at
// most 2^k.
func (g *gadgets) checkDivisor(b frontend.Variable, k int) error {
	return g.checkRange(g.api.Sub(b, 1), k)
}

// numerator is 2·a·2^shift + b.
func (g *gadgets) numerator(a, b frontend.Variable, shift int) frontend.Variable {
	return g.api.Add(g.api.Mul(a, new(big.Int).Lsh(big.NewInt(1), uint(shift+1))), b)
}

// divTo constrains q to be ⌊(2·a·2^shift + b) / (2b)⌋, whatever produced
// q, for a divisor b that checkDivisor proved to lie in [1, 2^k].
func (g *gadgets) divTo(a, b, q frontend.Variable, shift, k int) error {
	twoB := g.api.Mul(b, 2)
	r := g.api.Sub(g.numerator(a, b, shift), g.api.Mul(q, twoB))
	if err := g.checkInteger(r, k+1); err != nil {
		return err
	}
	if err := g.checkInteger(g.api.Sub(twoB, 1, r), k+1); err != nil {
		return err
	}
	return g.checkActivation(q)
}

// divHint: inputs (num, d), outputs (⌊num / (2d)⌋), num and d read as
// signed integers; d ≥ 1.
func divHint(field *big.Int, inputs, outputs []*big.Int) error {
	if len(inputs) != 2 || len(outputs) != 1 {
		return fmt.Errorf("div hint: got %d inputs and %d outputs, want 2 and 1", len(inputs), len(outputs))
	}
	num, d := signed(field, inputs[0]), signed(field, inputs[1])
	if d.Sign() <= 0 {
		return fmt.Errorf("div hint: the divisor %s is not positive", d)
	}
	q := new(big.Int).Div(num, d.Lsh(d, 1)) // Euclidean: floor for a positive divisor
	outputs[0].Mod(q, field)
	return nil
}

func init() { solver.RegisterHint(divHint) }

// checkDiv checks an OpDiv and returns its divisor's bit bound k (b ≤
// 2^k) and the bound of its outputs.
func checkDiv(p *plan.Plan, op *plan.Op, bound []float64, act float64) (int, float64, error) {
	if len(op.In) != 2 {
		return 0, 0, fmt.Errorf("div takes 2 inputs, got %d", len(op.In))
	}
	if op.Shift < 0 || op.Shift > maxShift {
		return 0, 0, fmt.Errorf("shift %d outside [0, %d]", op.Shift, maxShift)
	}
	if op.Bias != nil || op.Table != nil {
		return 0, 0, errors.New("div carries a bias or a table")
	}
	outSize := p.Tensors[op.Out].Size()
	if err := checkRows(p, op, outSize); err != nil {
		return 0, 0, err
	}
	for i := 0; i < outSize; i++ {
		row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
		if len(row) != 2 || row[0].In != 0 || row[1].In != 1 || row[0].Coeff != 1 || row[1].Coeff != 1 {
			return 0, 0, fmt.Errorf("row %d: a quotient needs the dividend (input 0) and the divisor (input 1), coefficients 1", i)
		}
	}
	// The divisor's range check width comes from the planner's bound; a
	// wrong one can only make honest witnesses fail, never let a wrong
	// quotient through, as long as it is small enough that nothing wraps.
	k := p.Tensors[op.In[1]].Bound
	if k < 0 || k > 62 {
		return 0, 0, fmt.Errorf("divisor bound 2^%d outside [2^0, 2^62]", k)
	}
	if num := bound[op.In[0]]*math.Ldexp(1, op.Shift+1) + math.Ldexp(1, k); !(num < maxMagnitude) {
		return 0, 0, errors.New("the numerator may wrap around the field")
	}
	return k, act, nil
}
