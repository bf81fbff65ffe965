package quantize

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Division by a computed value (OpDiv) and Softmax built on it.
//
// Softmax(x)_i = e_i / Σ_j e_j with e_i = exp(x_i − max_j x_j): the maximum
// is an OpMax, the differences an exact affine op, the exponentials one
// lookup table over [−softmaxExpDomain, 0] at scale softmaxExpScale, the sum
// an exact affine op and the quotient an OpDiv, rounded to nearest, whose
// remainder the circuit range checks.

// softmaxExpDomain: exp(−16) ≈ 1.1e-7 is below the precision of the
// output; differences beyond it are clamped.
const softmaxExpDomain = 16

// softmaxExpScale is the scale of the exponentials: e_i ∈ [0, 2^16].
const softmaxExpScale = 16

// softmaxReduction returns the groups Softmax normalizes over: the axis
// from opset 13 on, all axes from axis on before (the input seen as 2-D).
func softmaxReduction(g *onnx.Graph, n *onnx.Node, shape []int) (*reduction, error) {
	a := n.Int("axis", -1)
	if a < 0 {
		a += int64(len(shape))
	}
	if a < 0 || a >= int64(len(shape)) {
		return nil, fmt.Errorf("axis %d is out of range for shape %v", n.Int("axis", -1), shape)
	}
	axes := []int64{a}
	if g.Opset < 13 {
		axes = axes[:0]
		for i := a; i < int64(len(shape)); i++ {
			axes = append(axes, i)
		}
	}
	return newReduction(shape, axes, true)
}

func (c *compiler) lowerSoftmax(n *onnx.Node) (int, error) {
	sm, err := c.softmaxSums(n, softmaxReduction)
	if err != nil {
		return 0, err
	}
	out := n.Outputs[0]
	if c.lateSoftmax[out] {
		// Only a MatMul reads it, over its rows: it multiplies the
		// exponentials and normalizes its own, fewer, outputs
		// (normalizedMatMul).
		c.softmaxRows[out] = sm
		return sm.exp, nil
	}
	// y_i = e_i / S at the output's scale.
	m, sOut, err := c.calibratedScale(out)
	if err != nil {
		return 0, err
	}
	// Each row's sum holds exp(0) = 1 for its maximum: S ≥ 2^scale.
	return c.emitDiv(n.Name, sm.exp, sm.sum, sm.rd.dst, out, sOut, m, int64(1)<<c.p.Tensors[sm.sum].Scale)
}

// lowerLogSoftmax lowers LogSoftmax as x − max − log S, from the steps of
// Softmax, and ReduceLogSumExp as max + log S over its reduction: log S is
// a table over S ∈ [1, K] for rows of K elements (its input S rounded to
// fit the table, so log S is within 2^-(sT+1) of exact for the table's
// input scale sT), and the output one affine op.
func (c *compiler) lowerLogSoftmax(n *onnx.Node) (int, error) {
	rows := softmaxReduction
	if n.OpType == "ReduceLogSumExp" {
		rows = reductionOf
	}
	sm, err := c.softmaxSums(n, rows)
	if err != nil {
		return 0, err
	}
	out := n.Outputs[0]
	ab := c.cfg.ActivationBits
	K := max(sm.longest, 1)
	sT := min(softmaxExpScale, lookupBits-ceilLog2f(float64(max(K-1, 1))))
	qa, qb := int64(1)<<sT, int64(K)<<sT
	sL := min(c.cfg.MaxScale, ab-2-ceilLog2f(max(math.Log(float64(K)), 1)))
	lg := plan.Op{Kind: plan.OpLookup, Node: n.Name, In: []int{sm.sum}, Shift: softmaxExpScale - sT, TableMin: qa, Table: make([]int64, qb-qa+1)}
	for i := range lg.Table {
		q, ok := plan.Quantize(math.Log(math.Ldexp(float64(qa+int64(i)), -sT)), sL)
		if !ok {
			return 0, errors.New("the log-sum table does not fit the activation range")
		}
		lg.Table[i] = q
	}
	lg.Saturates = saturation(func(q int64) (int64, bool) {
		v, ok := plan.Quantize(math.Log(math.Ldexp(float64(q), -sT)), sL)
		return v, ok && q > 0
	}, lg.TableMin, lg.Table, ab)
	lg.Out = c.newTensor(out+"/log_sum", sm.rd.out, sL, plan.LookupBound(lg.Table), math.Log(float64(K)))
	c.p.Ops = append(c.p.Ops, lg)
	if n.OpType == "ReduceLogSumExp" {
		l := newLinear(sm.rd.out)
		m, s := l.input(sm.max), l.input(lg.Out)
		for i := range tensor.Size(sm.rd.out) {
			l.term(m, i, 1)
			l.term(s, i, 1)
			l.endRow()
		}
		return c.emit(n.Name, l, out, false)
	}
	shape := c.p.Tensors[sm.diff].Shape
	l := newLinear(shape)
	d, s := l.input(sm.diff), l.input(lg.Out)
	for i := range tensor.Size(shape) {
		l.term(d, i, 1)
		l.term(s, sm.rd.dst[i], -1)
		l.endRow()
	}
	return c.emit(n.Name, l, out, false)
}

// softmaxParts are the steps Softmax and LogSoftmax share: the differences
// d = x − max (exact, at the input's scale), e = exp(d) at softmaxExpScale
// and the row sums S of e, also at softmaxExpScale (S ≥ 1: the maximum's
// term is exp(0)).
type softmaxParts struct {
	rd                  *reduction
	max, diff, exp, sum int
	longest             int // elements in the longest row
}

func (c *compiler) softmaxSums(n *onnx.Node, rows func(*onnx.Graph, *onnx.Node, []int) (*reduction, error)) (*softmaxParts, error) {
	x, err := c.tensorOperand(n, 0)
	if err != nil {
		return nil, err
	}
	src := c.p.Tensors[x]
	rd, err := rows(c.g, n, src.Shape)
	if err != nil {
		return nil, err
	}
	out := n.Outputs[0]
	ab := c.cfg.ActivationBits
	// The row maxima.
	mx, err := c.emitMax(n.Name, x, rd.out, out+"/max", func(yield func([]int) bool) {
		for _, row := range rd.rows {
			if !yield(row) {
				return
			}
		}
	})
	if err != nil {
		return nil, err
	}
	// d_i = x_i − max ≤ 0, exact; |d| ≤ 2^A.
	size := src.Size()
	diff := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{x, mx}, RowStart: make([]int32, size+1)}
	for i := range size {
		diff.Terms = append(diff.Terms, plan.Term{In: 0, Idx: int32(i), Coeff: 1}, plan.Term{In: 1, Idx: int32(rd.dst[i]), Coeff: -1})
		diff.RowStart[i+1] = int32(len(diff.Terms))
	}
	diff.Out = c.newTensor(out+"/shifted", src.Shape, src.Scale, src.Bound+1, 0)
	c.p.Ops = append(c.p.Ops, diff)
	// e_i = exp(d_i), a table over [−16, 0]; the lookup's rescale brings
	// d back into the activation range.
	sT := min(src.Scale, lookupBits-ceilLog2f(softmaxExpDomain))
	shift := src.Scale - sT
	if shift < 1 {
		// d may reach 2^A: round it by at least one bit.
		shift, sT = 1, src.Scale-1
	}
	qa := -int64(math.Floor(math.Ldexp(softmaxExpDomain, sT)))
	if qa < -(int64(1) << (ab - 2)) {
		return nil, errors.New("the softmax input scale is too high for the exponential's table")
	}
	exp := plan.Op{Kind: plan.OpLookup, Node: n.Name, In: []int{diff.Out}, Shift: shift, TableMin: qa, Table: make([]int64, -qa+1)}
	for i := range exp.Table {
		q, _ := plan.Quantize(math.Exp(math.Ldexp(float64(qa+int64(i)), -sT)), softmaxExpScale)
		exp.Table[i] = q
	}
	exp.Saturates = saturation(func(q int64) (int64, bool) {
		return plan.Quantize(math.Exp(math.Ldexp(float64(q), -sT)), softmaxExpScale)
	}, exp.TableMin, exp.Table, ab)
	exp.Out = c.newTensor(out+"/exp", src.Shape, softmaxExpScale, plan.LookupBound(exp.Table), 0)
	c.p.Ops = append(c.p.Ops, exp)
	// S = Σ e over each row, exact.
	sum := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{exp.Out}, RowStart: make([]int32, 1, len(rd.rows)+1)}
	longest := 0
	for _, row := range rd.rows {
		for _, i := range row {
			sum.Terms = append(sum.Terms, plan.Term{In: 0, Idx: int32(i), Coeff: 1})
		}
		sum.RowStart = append(sum.RowStart, int32(len(sum.Terms)))
		longest = max(longest, len(row))
	}
	sumBound := plan.AccBound(&sum, []int{c.p.Tensors[exp.Out].Bound})
	if sumBound > ab-1 {
		return nil, fmt.Errorf("rows of %d elements sum beyond the activation range; raise ActivationBits", longest)
	}
	sum.Out = c.newTensor(out+"/sum", rd.out, softmaxExpScale, sumBound, 0)
	c.p.Ops = append(c.p.Ops, sum)
	return &softmaxParts{rd: rd, max: mx, diff: diff.Out, exp: exp.Out, sum: sum.Out, longest: longest}, nil
}

// lowerDivide lowers a / b with b computed. OpDiv divides by b ≥ 1: a
// divisor that is provably not negative (a relu, or a lookup without
// negative entries: Sqrt, Exp, Sigmoid, ...) is used as it is. Any other
// divisor is split exactly into its magnitude |b| = max(b, −b) and its
// sign 2·[b ≥ 1] − 1 (a comparison, compare.go), and a/b = sign·(a/|b|),
// one product. Either way Run refuses a divisor of 0, which the circuit
// cannot prove.
func (c *compiler) lowerDivide(n *onnx.Node, a, b operand) (int, error) {
	ta, err := c.operandTensor(n, 0, a)
	if err != nil {
		return 0, err
	}
	tb, err := c.operandTensor(n, 1, b)
	if err != nil {
		return 0, err
	}
	A, B := c.p.Tensors[ta], c.p.Tensors[tb]
	shape, ia, ib, err := broadcast2(A.Shape, B.Shape)
	if err != nil {
		return 0, err
	}
	if len(ia) != A.Size() {
		return 0, fmt.Errorf("the dividend %v is broadcast to %v; zkml divides tensors of the output's shape only", A.Shape, shape)
	}
	out := n.Outputs[0]
	m, sOut, err := c.calibratedScale(out)
	if err != nil {
		return 0, err
	}
	if c.nonNegative(tb) {
		return c.emitDiv(n.Name, ta, tb, ib, out, sOut, m, c.divisorFloor(tb))
	}
	// |b| = max(b, −b), of b and −b stacked side by side.
	size := B.Size()
	both := plan.Op{Kind: plan.OpAffine, Node: n.Name, In: []int{tb}, RowStart: make([]int32, 2*size+1)}
	for i := range 2 * size {
		coeff := int64(1)
		if i >= size {
			coeff = -1
		}
		both.Terms = append(both.Terms, plan.Term{In: 0, Idx: int32(i % size), Coeff: coeff})
		both.RowStart[i+1] = int32(i + 1)
	}
	mag, err := c.maxOfStack(n.Name, c.appendOp(both, out+"/divisor_both_signs", []int{2 * size}, B.Scale), 2, B.Shape, out+"/divisor_magnitude")
	if err != nil {
		return 0, err
	}
	positive := c.minOne(n.Name, out+"/divisor_positive", tb, B.Shape)
	sign := c.appendOp(elementwiseAffine(n.Name, size, []int{positive}, []int64{2}, -1, 0), out+"/divisor_sign", B.Shape, 0)
	q, err := c.emitDiv(n.Name, ta, mag, ib, out+"/magnitude_quotient", sOut, m, 1)
	if err != nil {
		return 0, err
	}
	return c.emitMul(n, q, sign, shape, 1, func(i, _ int) (int, int) { return i, ib[i] })
}

// nonNegative reports whether plan tensor t is provably never negative.
func (c *compiler) nonNegative(t int) bool {
	for i := len(c.p.Ops) - 1; i >= 0; i-- {
		op := &c.p.Ops[i]
		if op.Out != t {
			continue
		}
		switch op.Kind {
		case plan.OpRelu:
			return true
		case plan.OpLookup:
			return !slices.ContainsFunc(op.Table, func(v int64) bool { return v < 0 })
		}
		return false
	}
	return false
}

// emitDiv appends out[i] = round(a[i] / b[den[i]]) at scale sOut, a and b
// being plan tensors; every b is at least minDen ≥ 1. A divisor that
// several quotients share (a row's sum or norm) is inverted once instead
// (emitReciprocal).
func (c *compiler) emitDiv(node string, a, b int, den []int, out string, sOut int, m float64, minDen int64) (int, error) {
	if t, ok, err := c.emitReciprocal(node, a, b, den, out, minDen); ok || err != nil {
		return t, err
	}
	A, B := c.p.Tensors[a], c.p.Tensors[b]
	// a/b at scale sOut is (qa/qb)·2^(sOut − sa + sb).
	shift := sOut - A.Scale + B.Scale
	// The numerator 2·a·2^shift + b must stay within the executor's 62 bits.
	shift = min(shift, plan.MaxBound-2-A.Bound)
	if shift < 0 {
		return 0, fmt.Errorf("the quotient of %q and %q needs a negative scale shift; the dividend's scale is too high", A.Name, B.Name)
	}
	if B.Bound+2 > plan.MaxBound {
		return 0, fmt.Errorf("the divisor %q is too large", B.Name)
	}
	op := plan.Op{Kind: plan.OpDiv, Node: node, In: []int{a, b}, Shift: shift, RowStart: make([]int32, 1, A.Size()+1)}
	for i := range A.Size() {
		op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(i), Coeff: 1}, plan.Term{In: 1, Idx: int32(den[i]), Coeff: 1})
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	}
	bound := c.p.QuotientBound(&op, plan.DivBound(A.Bound, shift, c.cfg.ActivationBits))
	op.Out = c.newTensor(out, A.Shape, shift+A.Scale-B.Scale, bound, m)
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}

// emitReciprocal lowers out[i] = a[i] / b[den[i]] as a[i]·R[den[i]] with
// R = round(2^k / b) (an OpDiv of ones by b, one per divisor) and one
// rounded product per quotient, when each divisor serves four quotients
// or more on average: a product's rescale costs about two thirds of a
// quotient's checks. k makes R < 2^(A−2) for b ≥ minDen, so R keeps at
// least 12 significant bits for every b below the divisor's bound (else ok
// is false and the caller divides). out must be a calibrated value.
func (c *compiler) emitReciprocal(node string, a, b int, den []int, out string, minDen int64) (int, bool, error) {
	A, B := c.p.Tensors[a], c.p.Tensors[b]
	if _, ok := c.cal.MaxAbs[out]; !ok || B.Size()*4 > A.Size() || minDen < 1 {
		return 0, false, nil
	}
	ab := c.cfg.ActivationBits
	floor := bits.Len64(uint64(minDen)) - 1
	k := ab - 2 + floor
	if k-B.Bound < 12 || k+3 > plan.MaxBound {
		return 0, false, nil
	}
	inv := c.invert(node, out, b, k)
	t, err := c.emitMul(&onnx.Node{Name: node, Outputs: []string{out}}, a, inv, A.Shape, 1, func(r, _ int) (int, int) { return r, den[r] })
	return t, true, err
}

// divisorFloor is a lower bound of divisor tensor t's elements: its
// smallest entry when a lookup table produced it, else 1.
func (c *compiler) divisorFloor(t int) int64 {
	for i := len(c.p.Ops) - 1; i >= 0; i-- {
		op := &c.p.Ops[i]
		if op.Out != t {
			continue
		}
		if op.Kind == plan.OpLookup && len(op.Table) > 0 {
			return max(slices.Min(op.Table), 1)
		}
		break
	}
	return 1
}

// markLateSoftmax marks the Softmax outputs whose only reader is a MatMul
// of two computed tensors reading it as its left operand, with the
// normalized axis the last one (the one MatMul contracts): attention's
// softmax(Q·Kᵀ)·V. Such a MatMul computes (e·V)_ij / S_i instead of
// Σ_j (e_j / S)·V_j, which normalizes its m·n outputs instead of the
// m·k probabilities (attention: head size instead of sequence length per
// row).
func (c *compiler) markLateSoftmax() {
	c.lateSoftmax = map[string]bool{}
	c.softmaxRows = map[string]*softmaxParts{}
	for _, n := range c.g.Nodes {
		if n.OpType != "Softmax" || len(n.Outputs) != 1 {
			continue
		}
		out := n.Outputs[0]
		mm := c.consumer[out]
		shape, ok := c.g.Shape(out)
		if !ok || c.uses[out] != 1 || mm == nil || mm.OpType != "MatMul" || len(mm.Inputs) != 2 || mm.Inputs[0] != out || mm.Inputs[1] == out || c.g.Constants[mm.Inputs[1]] != nil || len(shape) < 2 {
			continue
		}
		axis := n.Int("axis", -1)
		if axis < 0 {
			axis += int64(len(shape))
		}
		if axis != int64(len(shape)-1) {
			continue
		}
		c.lateSoftmax[out] = true
	}
}

// normalizedMatMul lowers MatMul(softmax(x), b) for a Softmax that
// markLateSoftmax deferred: P = e·b from the exponentials, at a scale that
// holds P (up to the row length times the output's calibrated range), then
// out_ij = P_ij · R_i with R = 2^k / S_i, the rows' sums inverted once
// (emitReciprocal's division, S ≥ 2^scale as in lowerSoftmax).
func (c *compiler) normalizedMatMul(n *onnx.Node, sm *softmaxParts, b operand) (int, error) {
	e := c.p.Tensors[sm.exp]
	mm, err := newMatmul(e.Shape, b.shape)
	if err != nil {
		return 0, err
	}
	tb, err := c.operandTensor(n, 1, b)
	if err != nil {
		return 0, err
	}
	if excess := e.Bound + c.p.Tensors[tb].Bound + plan.CeilLog2(uint64(mm.k)) - plan.MaxBound; excess > 0 {
		if tb, err = c.rescale(n.Name, tb, c.p.Tensors[tb].Scale-excess); err != nil {
			return 0, err
		}
	}
	out := n.Outputs[0]
	m, err := c.maxAbs(out)
	if err != nil {
		return 0, err
	}
	mP := m * float64(mm.k)
	sP, err := c.activationScale(out, mP)
	if err != nil {
		return 0, err
	}
	per := mm.m * mm.n
	p, err := c.emitMulAt(n.Name, out+"/unnormalized", mP, sP, sm.exp, tb, mm.out, mm.k, func(r, q int) (int, int) {
		bi, ij := r/per, r%per
		i, j := ij/mm.n, ij%mm.n
		return mm.aBatch[bi] + i*mm.k + q, mm.bBatch[bi] + q*mm.n + j
	})
	if err != nil {
		return 0, err
	}
	S := c.p.Tensors[sm.sum]
	inv := c.invert(n.Name, out, sm.sum, c.cfg.ActivationBits-2+S.Scale) // S ≥ 2^scale: R < 2^(A−2)
	return c.emitMul(n, p, inv, mm.out, 1, func(r, _ int) (int, int) {
		bi, ij := r/per, r%per
		return r, sm.rd.dst[mm.aBatch[bi]+ij/mm.n*mm.k]
	})
}

// invert appends R = round(2^k / b) for divisor tensor b (b ≥ 1), an OpDiv
// of a tensor of ones by b, as value out+"/reciprocal" at scale k − b's
// scale; k must keep R within the activation range.
func (c *compiler) invert(node, out string, b, k int) int {
	B := c.p.Tensors[b]
	size := B.Size()
	one := plan.Op{Kind: plan.OpAffine, Node: node, In: []int{b}, RowStart: make([]int32, size+1), Bias: make([]int64, size)}
	for i := range one.Bias {
		one.Bias[i] = 1
	}
	ones := c.appendOp(one, out+"/one", B.Shape, 0)
	inv := plan.Op{Kind: plan.OpDiv, Node: node, In: []int{ones, b}, Shift: k, RowStart: make([]int32, 1, size+1)}
	for i := range size {
		inv.Terms = append(inv.Terms, plan.Term{In: 0, Idx: int32(i), Coeff: 1}, plan.Term{In: 1, Idx: int32(i), Coeff: 1})
		inv.RowStart = append(inv.RowStart, int32(len(inv.Terms)))
	}
	inv.Out = c.newTensor(out+"/reciprocal", B.Shape, k-B.Scale, c.cfg.ActivationBits-1, 0)
	c.p.Ops = append(c.p.Ops, inv)
	return inv.Out
}
