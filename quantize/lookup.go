package quantize

import (
	"fmt"
	"math"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Lookup tables. A nonlinear function f of one value is tabulated over the
// domain calibration saw, widened by the headroom: [-m·H, m·H] for an input
// whose largest calibrated magnitude is m (clipped to the function's
// domain: from 0 or the smallest positive step for Sqrt and Log, [-1, 1]
// for Asin and Acos; Tan's is [-m, m], short of its poles). The table's
// input scale is the input's own scale when the domain then fits
// 2^lookupBits entries, and lower otherwise: the input is first rounded to
// it (the op's Shift). Inputs outside the domain are clamped to its ends,
// which is exact for functions that saturate there (Sigmoid, Tanh, Erf,
// Sign, HardSigmoid) and an approximation for the others; the circuit
// proves the clamp, so it is sound either way.
//
// The table's output scale is the output's calibrated scale, so that its
// resolution is where the values are (a Sigmoid whose outputs are near
// 0.001 keeps their digits rather than the range up to 1). A function that
// does not saturate grows over the widened domain (Exp): its scale is
// lowered, by at most maxTableScaleDrop, to hold those values. Entries
// still beyond the activation range saturate at its ends.

// lookupBits bounds a table to 2^lookupBits+1 entries. Each entry costs
// about three constraints in the circuit, like each query, so a table
// costs about as much as 16384 queries; 14 bits keep the input's rounding
// error below 1/16000 of the domain, which keeps functions of slope ≤ 1
// within 0.1% of their range.
const lookupBits = 14

// maxTableScaleDrop bounds how far the output scale is lowered to hold the
// function's values over the widened domain.
const maxTableScaleDrop = 8

// hardSigmoidSaturation is where HardSigmoid reaches 0 and 1.
func hardSigmoidSaturation(n *onnx.Node) float64 {
	a, b := n.Float("alpha", 0.2), n.Float("beta", 0.5)
	if a == 0 {
		return 1
	}
	return max(math.Abs(b/a), math.Abs((1-b)/a))
}

func checkPow(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	_, err := constExponent(g, n)
	return err
}

// tableFunc returns the function a table op computes; Pow's exponent is a
// constant (see constExponent).
func tableFunc(g *onnx.Graph, n *onnx.Node) (func(float64) float64, error) {
	if n.OpType == "Pow" {
		e, err := constExponent(g, n)
		if err != nil {
			return nil, err
		}
		return func(x float64) float64 { return math.Pow(x, e) }, nil
	}
	f, ok := onnx.ElementwiseFunc(n)
	if !ok {
		return nil, fmt.Errorf("op %s has no elementwise function", n.OpType)
	}
	return f, nil
}

// constExponent returns Pow's exponent, which must be one constant value.
func constExponent(g *onnx.Graph, n *onnx.Node) (float64, error) {
	if len(n.Inputs) != 2 || g.Constants[n.Inputs[1]] == nil {
		return 0, fmt.Errorf("the exponent is computed from the inputs; zkml raises to constant powers only")
	}
	k := g.Constants[n.Inputs[1]]
	if k.Len() == 0 {
		return 0, fmt.Errorf("the exponent is empty")
	}
	e := k.At(0)
	for i := range k.Len() {
		if k.At(i) != e {
			return 0, fmt.Errorf("the exponent holds different values; zkml raises every element to one constant power")
		}
	}
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return 0, fmt.Errorf("the exponent %g is not a finite number", e)
	}
	return e, nil
}

func (c *compiler) lowerLookup(n *onnx.Node) (int, error) {
	f, err := tableFunc(c.g, n)
	if err != nil {
		return 0, err
	}
	x, err := c.lookupOperand(n, 0)
	if err != nil {
		return 0, err
	}
	if n.OpType == "Pow" {
		if e, _ := constExponent(c.g, n); e == 2 {
			// A square is exact as a product.
			o := operand{t: x, shape: c.p.Tensors[x].Shape}
			return c.lowerProduct(n, o, o)
		}
	}
	in := c.p.Tensors[x]
	mIn, err := c.maxAbs(n.Inputs[0])
	if err != nil {
		return 0, err
	}
	// The domain [a, b] in real numbers.
	tr := rules[n.OpType].table
	d := mIn * c.cfg.Headroom
	if tr.calibrated {
		d = mIn
	}
	if tr.saturation != nil {
		d = tr.saturation(n)
	}
	if d == 0 {
		d = 1
	}
	a, b := -d, d
	lo, hi, limited := tr.lo, tr.hi, tr.limited
	if n.OpType == "Pow" {
		// Non-integer powers are defined for x ≥ 0, negative ones for x > 0.
		e, _ := constExponent(c.g, n)
		switch {
		case e < 0 && e != math.Trunc(e):
			lo, hi, limited = math.SmallestNonzeroFloat64, math.Inf(1), true
		case e != math.Trunc(e):
			lo, hi, limited = 0, math.Inf(1), true
		}
	}
	if limited {
		a, b = max(a, lo), min(b, hi)
	}
	// The table's input scale: at most the input's, with the domain
	// spanning at most 2^lookupBits steps.
	sT := min(in.Scale, lookupBits-ceilLog2f(b-max(a, -b)))
	if n.OpType == "Sign" {
		// Exact: the sign of the input itself, not of a rounded copy.
		sT, a, b = in.Scale, math.Ldexp(-1, -in.Scale), math.Ldexp(1, -in.Scale)
	}
	return c.emitTable(n.Name, n.OpType, f, x, a, b, sT, limited && lo > 0, tr.saturation == nil, false, n.Outputs[0])
}

// lookupOperand is tensorOperand for a lookup's input, which a value that
// only the lookup reads (compiler.lookupInput) reaches unrounded: its
// exact accumulator, which the lookup rounds itself.
func (c *compiler) lookupOperand(n *onnx.Node, i int) (int, error) {
	if !c.lookupInput[n.Inputs[i]] {
		return c.tensorOperand(n, i)
	}
	o, err := c.activation(n, i)
	if err != nil {
		return 0, err
	}
	if o.p == nil {
		return o.t, nil
	}
	t, err := c.emit(o.p.label, o.p, n.Inputs[i], o.p.move)
	if err != nil {
		return 0, err
	}
	c.vals[n.Inputs[i]] = t
	return t, nil
}

// lowerFused lowers a fused pointwise subgraph (fuse.go) ending at node n
// as one table of its function over the root's calibrated range widened by
// the headroom, like a table op, except that it clamps only where f
// saturates: an input beyond an end where f does not is an error, as a
// value beyond the activation range is (a clamp there would be an
// approximation), which saves the circuit that end's comparison. Where f saturates beyond some wider
// bound (σ(σ(x)): its first table alone would cover [-12, 12] whatever the
// calibration), that side of the domain extends to it (at most 256× the
// calibrated one), so that clamping there is exact.
func (c *compiler) lowerFused(n *onnx.Node, fu *fusion) (int, error) {
	x, err := c.lookupOperand(&onnx.Node{Name: n.Name, OpType: n.OpType, Inputs: []string{fu.root}, Outputs: n.Outputs}, 0)
	if err != nil {
		return 0, err
	}
	mIn, err := c.maxAbs(fu.root)
	if err != nil {
		return 0, err
	}
	d := mIn * c.cfg.Headroom
	if d == 0 {
		d = 1
	}
	a, b := -saturatesBeyond(fu.f, d, -1), saturatesBeyond(fu.f, d, 1)
	sT := min(c.p.Tensors[x].Scale, lookupBits-ceilLog2f(b-a))
	return c.emitTable(n.Name, "the fused function", fu.f, x, a, b, sT, false, true, !c.clampTables, n.Outputs[0])
}

// saturatesBeyond returns the smallest D = d·2^j, j ≤ 8, beyond which f
// is constant on side dir (±1) to within 2^-16 of its largest magnitude on
// [-D, D] (sampled 5% apart out to 2^20·D), or d if there is none.
func saturatesBeyond(f func(float64) float64, d float64, dir float64) float64 {
	for j := range 9 {
		D := math.Ldexp(d, j)
		end := f(dir * D)
		if math.IsNaN(end) || math.IsInf(end, 0) {
			return d
		}
		scale := math.Max(math.Abs(end), math.Abs(f(-dir*D)))
		tol := math.Max(scale, 1e-300) * math.Ldexp(1, -16)
		ok := true
		for x := D; x <= math.Ldexp(D, 20); x *= 1.05 {
			if v := f(dir * x); !(math.Abs(v-end) <= tol) {
				ok = false
				break
			}
		}
		if ok {
			return D
		}
	}
	return d
}

// emitTable appends the lookup of f over the real domain [a, b] (from the
// smallest positive step when positive) at table scale sT, reading plan
// tensor x, and returns its output tensor, the value out; grows lowers the
// output scale to hold a function that does not saturate at the domain's
// ends; strict makes the ends where f does not saturate strict (an input
// beyond them is an error instead of a clamp, and costs the circuit no
// comparison there). what names f in errors.
func (c *compiler) emitTable(node, what string, f func(float64) float64, x int, a, b float64, sT int, positive, grows, strict bool, out string) (int, error) {
	in := c.p.Tensors[x]
	d := max(b, -a)
	ab := c.cfg.ActivationBits
	if sT < in.Scale-plan.MaxBound {
		return 0, fmt.Errorf("the input range %g is too wide for a lookup table", d)
	}
	lim := math.Ldexp(1, ab-2)
	qa, qb := math.Ceil(math.Ldexp(a, sT)), math.Floor(math.Ldexp(b, sT))
	if positive {
		qa = max(qa, 1)
	}
	if qb < qa || qa < -lim || qb > lim {
		return 0, fmt.Errorf("the table domain [%g, %g] at scale 2^%d is empty or beyond the activation range", a, b, sT)
	}
	vals := make([]float64, int(qb-qa)+1)
	fmax := 0.0
	for i := range vals {
		v := f(math.Ldexp(qa+float64(i), -sT))
		if math.IsNaN(v) {
			return 0, fmt.Errorf("%s is undefined at %g, inside the table's domain [%g, %g]", what, math.Ldexp(qa+float64(i), -sT), a, b)
		}
		vals[i] = v
		if !math.IsInf(v, 0) {
			fmax = max(fmax, math.Abs(v))
		}
	}
	mOut, sOut, err := c.calibratedScale(out)
	if err != nil {
		return 0, err
	}
	if fmax > 0 && grows {
		sFit := ab - 2 - ceilLog2f(fmax)
		sOut = max(min(sOut, sFit), sOut-maxTableScaleDrop)
	}
	op := plan.Op{Kind: plan.OpLookup, Node: node, In: []int{x}, Shift: in.Scale - sT, TableMin: int64(qa), Table: make([]int64, len(vals))}
	act := int64(1)<<(ab-1) - 1
	entry := func(v float64) int64 {
		var q int64
		switch {
		case math.IsInf(v, 1):
			q = act
		case math.IsInf(v, -1):
			q = -act
		default:
			var ok bool
			if q, ok = plan.Quantize(v, sOut); !ok {
				q = act
				if v < 0 {
					q = -act
				}
			}
		}
		return min(max(q, -act), act)
	}
	for i, v := range vals {
		op.Table[i] = entry(v)
	}
	op.Saturates = saturation(func(q int64) (int64, bool) {
		v := f(math.Ldexp(float64(q), -sT))
		return entry(v), !math.IsNaN(v)
	}, op.TableMin, op.Table, ab)
	if strict {
		if op.Saturates&plan.SaturatesBelow == 0 {
			op.Saturates |= plan.StrictBelow
		}
		if op.Saturates&plan.SaturatesAbove == 0 {
			op.Saturates |= plan.StrictAbove
		}
	}
	op.Out = c.newTensor(out, in.Shape, sOut, plan.LookupBound(op.Table), mOut)
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}

// saturation reports at which ends a table clamps exactly: where every
// input beyond the end, at the table's scale, has the end's entry to within
// 2^-16 of the table's largest entry, or one unit (Sigmoid beyond 12
// differs from 1 by less than 2^-17, Tanh beyond 6 by 2^-16.3; Elu below -6
// from -1 by 2^-8.6). entry gives the entry of a table input (false where
// the function is undefined).
// It checks the 2^12 inputs next to each end, then inputs spaced
// geometrically (5% apart) out to 2^A, beyond which no rescaled input lies.
func saturation(entry func(q int64) (int64, bool), lo int64, table []int64, activationBits int) plan.Saturation {
	tol := int64(1)
	for _, v := range table {
		tol = max(tol, int64(absInt(v)>>16))
	}
	same := func(end, dir int64, want int64) bool {
		limit := int64(1) << activationBits
		for d := int64(1); d <= limit; {
			if v, ok := entry(end + dir*d); !ok || v < want-tol || v > want+tol {
				return false
			}
			if d < 1<<12 {
				d++
			} else {
				d += d / 20
			}
		}
		return true
	}
	var s plan.Saturation
	if same(lo, -1, table[0]) {
		s |= plan.SaturatesBelow
	}
	if same(lo+int64(len(table))-1, 1, table[len(table)-1]) {
		s |= plan.SaturatesAbove
	}
	return s
}

func absInt(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}
