package quantize

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strings"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// Compile lowers a graph to an integer Plan, choosing every tensor's
// fixed-point scale from the calibration ranges (see the package
// documentation for the rules). It reports every node it cannot lower in one
// error before doing any work, and returns ctx.Err() once ctx is done.
func Compile(ctx context.Context, g *onnx.Graph, cal *Calibration, cfg plan.Config, opts ...Option) (*plan.Plan, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cal == nil || cal.MaxAbs == nil {
		return nil, errors.New("compile: no calibration; run Calibrate on sample inputs first")
	}
	if err := Check(g); err != nil {
		return nil, err
	}
	c := &compiler{
		g: g, cal: cal, cfg: cfg,
		p:        &plan.Plan{Config: cfg},
		vals:     map[string]int{},
		ranged:   map[string]bool{},
		uses:     map[string]int{},
		consumer: map[string]*onnx.Node{},
		pending:  map[string]*linear{},
	}
	for _, o := range opts {
		o(c)
	}
	c.markUses()
	c.findFusions()
	c.markLateSoftmax()
	for _, v := range g.Inputs {
		if err := c.addInput(v); err != nil {
			return nil, fmt.Errorf("%s%w", filePrefix(g), err)
		}
	}
	if err := c.clampBooleanInputs(); err != nil {
		return nil, fmt.Errorf("%s%w", filePrefix(g), err)
	}
	for _, n := range g.Nodes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := c.lower(n); err != nil {
			return nil, nodeErr(g, n, err)
		}
	}
	for name := range c.pending { // unreachable: a deferred value has a consumer
		return nil, fmt.Errorf("%sinternal error: value %q was never materialized", filePrefix(g), name)
	}
	if err := c.addOutputs(); err != nil {
		return nil, fmt.Errorf("%s%w", filePrefix(g), err)
	}
	if err := c.p.Validate(); err != nil {
		return nil, fmt.Errorf("%sinternal error, the planner produced an invalid plan: %w", filePrefix(g), err)
	}
	return c.p, nil
}

// compiler is the state of one Compile.
// An Option changes how [Compile] lowers a graph.
type Option func(*compiler)

// ClampTables makes every lookup table clamp at its ends, none strict: an
// input beyond a fused table's domain (calibrated range × headroom, where
// its function does not saturate) then gives a clamped approximation, which
// plan.Clamps reports and the circuit's domain bit proves, instead of an
// error. zkml compile --domain-flag sets it. It costs a comparison per
// element at such an end (about 330k constraints in nanoGPT).
func ClampTables() Option { return func(c *compiler) { c.clampTables = true } }

type compiler struct {
	// clampTables: see ClampTables.
	clampTables bool
	g           *onnx.Graph
	cal         *Calibration
	cfg         plan.Config
	p           *plan.Plan
	vals        map[string]int // value name -> plan tensor
	// ranged marks the values that must lie in the activation range: the
	// inputs of comparisons (Relu, max pooling) and the model outputs.
	ranged map[string]bool
	// uses counts the readers of each value (graph outputs included), and
	// consumer is the last node reading it.
	uses     map[string]int
	consumer map[string]*onnx.Node
	// pending holds the affine maps not yet emitted: a value whose only
	// reader is an elementwise affine op (a bias Add after a MatMul, a Mul
	// by a constant, a Reshape, ...) is folded into that reader, so that the
	// pair costs one rescale (and its range checks) instead of two.
	pending map[string]*linear
	// fused holds the pointwise subgraphs lowered as one table, by their
	// last node; skip their other nodes (fuse.go).
	fused map[*onnx.Node]*fusion
	skip  map[*onnx.Node]bool
	// lookupInput marks the values only a lookup table reads, which their
	// affine op leaves unrounded (markLookupInputs).
	lookupInput map[string]bool
	// lateSoftmax marks the Softmax outputs that their MatMul normalizes,
	// softmaxRows holds their parts once lowered (markLateSoftmax).
	lateSoftmax map[string]bool
	softmaxRows map[string]*softmaxParts
}

func (c *compiler) markUses() {
	for _, n := range c.g.Nodes {
		if r := rules[n.OpType]; r != nil && r.ranges != nil {
			for _, in := range r.ranges(c.g, n) {
				c.ranged[in] = true
			}
		}
		for _, in := range n.Inputs {
			c.uses[in]++
			c.consumer[in] = n
		}
	}
	for _, o := range c.g.Outputs {
		c.ranged[o.Name] = true
		c.uses[o.Name]++
	}
}

// elementwise reports whether every row has at most one term.
func (l *linear) elementwise() bool {
	for i := 1; i < len(l.rowStart); i++ {
		if l.rowStart[i]-l.rowStart[i-1] > 1 {
			return false
		}
	}
	return true
}

// deferrable reports whether the affine map l producing value out can wait
// to be folded into its reader.
func (c *compiler) deferrable(out string, l *linear) bool {
	return c.uses[out] == 1 && !c.ranged[out] && c.consumer[out] != nil && absorbs(c.consumer[out], l)
}

// materialize emits a pending value.
func (c *compiler) materialize(name string) (int, error) {
	l := c.pending[name]
	delete(c.pending, name)
	t, err := c.emit(l.label, l, name, l.move)
	if err != nil {
		return 0, err
	}
	c.vals[name] = t
	return t, nil
}

// maxAbs returns the calibrated range of a value.
func (c *compiler) maxAbs(name string) (float64, error) {
	m, ok := c.cal.MaxAbs[name]
	if !ok {
		return 0, fmt.Errorf("the calibration has no range for value %q; calibrate with this model", name)
	}
	if math.IsNaN(m) || math.IsInf(m, 0) || m < 0 {
		return 0, fmt.Errorf("the calibrated range of value %q is %g", name, m)
	}
	return m, nil
}

// activationScale is the scale of a value whose calibrated range is m:
// the largest s ≤ MaxScale such that m·Headroom·2^s < 2^(ActivationBits-2),
// leaving one more bit of margin beyond the headroom. Scales do not go below
// 0: a value too large for the range even at scale 0 (integers) is an
// error, and one that fits only with less headroom than asked gets scale 0.
func (c *compiler) activationScale(name string, m float64) (int, error) {
	if m == 0 {
		return c.cfg.MaxScale, nil
	}
	s := min(c.cfg.ActivationBits-2-ceilLog2f(m*c.cfg.Headroom), c.cfg.MaxScale)
	if s >= 0 {
		return s, nil
	}
	if m >= math.Ldexp(1, c.cfg.ActivationBits-2) {
		return 0, fmt.Errorf("value %q reaches %g in calibration, beyond what %d activation bits hold (2^%d at scale 0); raise ActivationBits", name, m, c.cfg.ActivationBits, c.cfg.ActivationBits-2)
	}
	return 0, nil
}

// calibratedScale is the calibrated range m of a computed value and the
// scale activationScale gives it.
func (c *compiler) calibratedScale(name string) (m float64, s int, err error) {
	if m, err = c.maxAbs(name); err != nil {
		return 0, 0, err
	}
	s, err = c.activationScale(name, m)
	return m, s, err
}

// ceilLog2f returns ⌈log2 x⌉ for x > 0, exactly.
func ceilLog2f(x float64) int {
	f, e := math.Frexp(x) // x = f·2^e, f ∈ [0.5, 1)
	if f == 0.5 {
		return e - 1
	}
	return e
}

// exactScale returns the smallest k ≥ 0 with x·2^k an integer (64 when
// there is none that small).
func exactScale(x float64) int {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	f, e := math.Frexp(x)
	m := int64(math.Ldexp(math.Abs(f), 53)) // exact: 53-bit mantissa
	k := 53 - e - bits.TrailingZeros64(uint64(m))
	return min(max(k, 0), 64)
}

// weightScale is the scale for a group of coefficients whose largest
// magnitude is m and which are all exact at scale exact: the exact scale
// when it is no larger than the precision scale (WeightBits of precision
// for the largest coefficient, capped at MaxScale); otherwise the precision
// scale.
func (c *compiler) weightScale(m float64, exact int) int {
	if m == 0 {
		return 0
	}
	limit := int64(1) << (c.cfg.WeightBits - 1)
	s := c.cfg.WeightBits - 1 - ceilLog2f(m)
	for {
		q, ok := plan.Quantize(m, s)
		if ok && q < limit {
			break
		}
		s-- // rounding up reached 2^(WeightBits-1)
	}
	s = min(s, c.cfg.MaxScale)
	if exact <= s {
		return exact
	}
	return s
}

func (c *compiler) newTensor(name string, shape []int, scale, bound int, maxAbs float64) int {
	c.p.Tensors = append(c.p.Tensors, plan.Tensor{Name: name, Shape: shape, Scale: scale, Bound: bound, MaxAbs: maxAbs})
	return len(c.p.Tensors) - 1
}

func (c *compiler) addInput(v onnx.Value) error {
	m, err := c.maxAbs(v.Name)
	if err != nil {
		return err
	}
	scale := 0 // integers are exact at scale 0
	if v.DType.IsFloat() || v.DType == onnx.Undefined {
		if scale, err = c.activationScale(v.Name, m); err != nil {
			return err
		}
	} else if m >= math.Ldexp(1, c.cfg.ActivationBits-1) {
		return fmt.Errorf("integer input %q reaches %g, beyond the activation range 2^%d; raise ActivationBits", v.Name, m, c.cfg.ActivationBits-1)
	}
	if err := tensor.CheckShape(v.Shape); err != nil {
		return fmt.Errorf("input %q: %w", v.Name, err)
	}
	t := c.newTensor(v.Name, v.Shape, scale, c.cfg.ActivationBits-1, m)
	c.p.Inputs = append(c.p.Inputs, t)
	c.vals[v.Name] = t
	return nil
}

// addOutputs lists the output tensors. An output that is a model input gets
// a copy: inputs are private witnesses and outputs public ones.
func (c *compiler) addOutputs() error {
	inputs := map[int]bool{}
	for _, t := range c.p.Inputs {
		inputs[t] = true
	}
	for _, o := range c.g.Outputs {
		t, ok := c.vals[o.Name]
		if !ok {
			k := c.g.Constants[o.Name]
			if k == nil {
				return fmt.Errorf("output %q is neither computed by a node nor a constant", o.Name)
			}
			var err error
			if t, err = c.constantOutput(o.Name, k); err != nil {
				return fmt.Errorf("output %q: %w", o.Name, err)
			}
		}
		if inputs[t] || c.p.Tensors[t].Bound > c.cfg.ActivationBits-1 {
			l := newLinear(c.p.Tensors[t].Shape)
			in := l.input(t)
			for i := range tensor.Size(l.shape) {
				l.term(in, i, 1)
				l.endRow()
			}
			var err error
			if t, err = c.emit("output "+o.Name, l, o.Name, true); err != nil {
				return fmt.Errorf("output %q: %w", o.Name, err)
			}
		}
		c.p.Outputs = append(c.p.Outputs, t)
	}
	return nil
}

// constantOutput emits an output that folded to a constant (Range,
// ConstantOfShape, a Constant node): an affine op with no terms, whose
// bias the circuit binds to the public output, so the proof still says
// which values the model outputs.
func (c *compiler) constantOutput(name string, k *onnx.Tensor) (int, error) {
	vals := k.Floats()
	m := 0.0
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("the constant holds %g", v)
		}
		m = max(m, math.Abs(v))
	}
	s, err := c.activationScale(name, m)
	if err != nil {
		return 0, err
	}
	if e := maxExactScale(vals); e < s {
		s = e // integers stay at scale 0, fractions as exact as they can be
	}
	op := plan.Op{Kind: plan.OpAffine, Node: "output " + name, RowStart: make([]int32, len(vals)+1), Bias: make([]int64, len(vals))}
	for i, v := range vals {
		q, ok := plan.Quantize(v, s)
		if !ok {
			return 0, fmt.Errorf("the constant %g does not fit at scale 2^%d", v, s)
		}
		op.Bias[i] = q
	}
	if plan.AllZero(op.Bias) {
		op.Bias = nil
	}
	t := c.appendOp(op, name, k.Shape, s)
	c.p.Tensors[t].MaxAbs = m
	return t, nil
}

// maxExactScale is the smallest scale at which every value is exact.
func maxExactScale(vals []float64) int {
	e := 0
	for _, v := range vals {
		e = max(e, exactScale(v))
	}
	return e
}

// linear is an affine map with real coefficients from activation tensors to
// one output: out[i] = bias[i] + Σ c·ins[in][idx] over the terms of row i.
// Lowering builds one per node; emitAffine quantizes it into an Op.
type linear struct {
	ins      []int // plan tensors, distinct
	shape    []int
	rowStart []int32
	terms    []fterm
	bias     []float64 // nil: zeros
	err      error     // set when the op grows beyond int32 indices

	// Set while the map waits in compiler.pending: the node it implements
	// and whether it is pure data movement.
	label string
	move  bool
	value string // the value it computes
	// fused lists the pending maps folded into this one; compute is set
	// when one of them was not pure data movement.
	fused   []string
	compute bool
}

// source is where a linear map reads one operand: a plan tensor, or a
// pending map whose rows are substituted for the operand's elements.
type source struct {
	in  int32   // when p == nil
	p   *linear // pending map
	pin []int32 // p's inputs as inputs of the reading map
}

func (l *linear) source(o operand) source {
	if o.p == nil {
		return source{in: l.input(o.t)}
	}
	s := source{p: o.p, pin: make([]int32, len(o.p.ins))}
	for i, t := range o.p.ins {
		s.pin[i] = l.input(t)
	}
	l.fused = append(append(l.fused, o.p.fused...), o.p.label)
	l.compute = l.compute || o.p.compute || !o.p.move
	return s
}

// add adds coef times element idx of a source to the current row.
func (l *linear) add(s source, idx int, coef float64) {
	if s.p == nil {
		l.term(s.in, idx, coef)
		return
	}
	if coef == 0 {
		return
	}
	p := s.p
	for _, t := range p.terms[p.rowStart[idx]:p.rowStart[idx+1]] {
		l.term(s.pin[t.in], int(t.idx), coef*t.c)
	}
	if p.bias != nil {
		l.addBias(len(l.rowStart)-1, coef*p.bias[idx])
	}
}

type fterm struct {
	in  int32
	idx int32
	c   float64
}

func newLinear(shape []int) *linear {
	return &linear{shape: shape, rowStart: make([]int32, 1, tensor.Size(shape)+1)}
}

// input returns the index of plan tensor t among the op's inputs.
func (l *linear) input(t int) int32 {
	for i, x := range l.ins {
		if x == t {
			return int32(i)
		}
	}
	l.ins = append(l.ins, t)
	return int32(len(l.ins) - 1)
}

func (l *linear) term(in int32, idx int, c float64) {
	if c != 0 {
		l.terms = append(l.terms, fterm{in, int32(idx), c})
	}
}

// addBias adds v to the bias of output element i.
func (l *linear) addBias(i int, v float64) {
	if v == 0 {
		return
	}
	if l.bias == nil {
		l.bias = make([]float64, tensor.Size(l.shape))
	}
	l.bias[i] += v
}

func (l *linear) endRow() {
	if len(l.terms) > math.MaxInt32 {
		l.err = fmt.Errorf("the op has more than 2^31 terms")
		return
	}
	l.rowStart = append(l.rowStart, int32(len(l.terms)))
}

// emitAffine hands the linear map of node, which computes value out, to
// its reader when that can fold it (returning -1), or emits it.
func (c *compiler) emitAffine(node string, l *linear, out string, move bool) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if c.deferrable(out, l) {
		l.label, l.move, l.value = node, move, out
		c.pending[out] = l
		return -1, nil
	}
	return c.emit(node, l, out, move)
}

// emit quantizes a linear map and appends it to the plan as the tensor out.
// Data movement (move) keeps the input scale; other ops produce the
// accumulator at scale s_acc and rescale it to the output value's
// calibrated scale when that is lower. See the package documentation.
func (c *compiler) emit(node string, l *linear, out string, move bool) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if len(l.fused) > 0 {
		node = strings.Join(append(l.fused, node), "+")
	}
	move = move && !l.compute
	if len(l.ins) == 0 {
		return 0, errors.New("the op reads no computed tensor (it should have been folded into a constant)")
	}
	ab := c.cfg.ActivationBits
	// Per input: the largest coefficient and the scale at which all are exact.
	k := len(l.ins)
	maxC := make([]float64, k)
	exact := make([]int, k)
	for _, t := range l.terms {
		maxC[t.in] = max(maxC[t.in], math.Abs(t.c))
		exact[t.in] = max(exact[t.in], exactScale(t.c))
	}
	inScale := make([]int, k)
	inBound := make([]int, k)
	wScale := make([]int, k)
	sAcc := math.MinInt
	for i, t := range l.ins {
		inScale[i] = c.p.Tensors[t].Scale
		inBound[i] = c.p.Tensors[t].Bound
		wScale[i] = c.weightScale(maxC[i], exact[i])
		sAcc = max(sAcc, inScale[i]+wScale[i])
	}
	// Shrink the coefficients' precision while the accumulator could
	// overflow 62 bits; give up before an input's coefficients lose their
	// integer part or all but 4 bits of precision.
	var op *plan.Op
	var accB int
	for {
		var ok bool
		op, ok = quantizeLinear(l, sAcc, inScale)
		accB = plan.MaxBound + 1
		if ok {
			accB = plan.AccBound(op, inBound)
		}
		if accB <= plan.MaxBound {
			break
		}
		sAcc -= max(accB-plan.MaxBound, 1)
		for i := range l.ins {
			if maxC[i] > 0 && (sAcc-inScale[i] < 0 || sAcc-inScale[i] < wScale[i]-(c.cfg.WeightBits-4)) {
				return 0, fmt.Errorf("the accumulator needs more than %d bits even with reduced weight precision (inputs bounded by 2^%v, weights by 2^%d); use fewer activation or weight bits", plan.MaxBound, inBound, c.cfg.WeightBits-1)
			}
		}
	}
	sOut := sAcc
	if !move {
		_, s, err := c.calibratedScale(out)
		if err != nil {
			return 0, err
		}
		sOut = min(sAcc, s)
	}
	shift := min(sAcc-sOut, plan.MaxBound)
	exactForLookup := !move && c.lookupInput[out]
	if exactForLookup {
		// Only a lookup reads it, which rounds it to its table's scale.
		shift = 0
	}
	if shift > 0 && accB <= ab-1 && sAcc <= c.cfg.MaxScale+maxRelabel && powerOfTwoScaling(l, sAcc, inScale) {
		// A scaling by a power of two (attention's 1/√d, GELU's 0.5): the
		// accumulator is ±x exactly and already provably in the activation
		// range, so relabel its scale instead of rounding it. That is exact
		// and free, where a rescale costs range checks on every element.
		shift = 0
	}
	if shift == 0 && accB > ab-1 && c.ranged[out] && !exactForLookup {
		// A comparison or the public output needs the value provably in
		// range, which only a rescale's range check gives. Calibration says
		// the value fits at this scale, so keep it exact: double the
		// accumulator and shift it back by 1. Without room for the extra
		// bit, round away the bits the static bound cannot rule out.
		if accB < plan.MaxBound {
			for i := range op.Terms {
				op.Terms[i].Coeff *= 2
			}
			for i := range op.Bias {
				op.Bias[i] *= 2
			}
			sAcc++
			accB++
			shift = 1
		} else {
			shift = accB - (ab - 1)
		}
	}
	op.Shift = shift
	op.Node = node
	sOut = sAcc - shift
	if sOut < -plan.MaxScaleAbs || sOut > plan.MaxScaleAbs {
		return 0, fmt.Errorf("output scale 2^%d is out of range", sOut)
	}
	op.Out = c.newTensor(out, l.shape, sOut, plan.ShiftedBound(accB, shift, ab), c.cal.MaxAbs[out])
	c.p.Ops = append(c.p.Ops, *op)
	return op.Out, nil
}

// quantizeLinear turns the real coefficients of l into integers at the
// accumulator scale sAcc: a coefficient of input k is quantized at
// sAcc − scale(k), so that every product lands at scale sAcc, and the bias
// at sAcc. ok is false when a value does not fit in 62 bits.
func quantizeLinear(l *linear, sAcc int, inScale []int) (*plan.Op, bool) {
	op := &plan.Op{Kind: plan.OpAffine, In: l.ins, RowStart: make([]int32, 0, len(l.rowStart)), Terms: make([]plan.Term, 0, len(l.terms))}
	op.RowStart = append(op.RowStart, 0)
	for i := 1; i < len(l.rowStart); i++ {
		for _, t := range l.terms[l.rowStart[i-1]:l.rowStart[i]] {
			q, ok := plan.Quantize(t.c, sAcc-inScale[t.in])
			if !ok {
				return nil, false
			}
			if q != 0 {
				op.Terms = append(op.Terms, plan.Term{In: t.in, Idx: t.idx, Coeff: q})
			}
		}
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	}
	if l.bias != nil {
		op.Bias = make([]int64, len(l.bias))
		for i, b := range l.bias {
			q, ok := plan.Quantize(b, sAcc)
			if !ok {
				return nil, false
			}
			op.Bias[i] = q
		}
		if plan.AllZero(op.Bias) {
			op.Bias = nil
		}
	}
	return op, true
}

// rescale returns tensor t at a scale no higher than scale, emitting a
// rescaling copy when needed.
func (c *compiler) rescale(node string, t, scale int) (int, error) {
	src := &c.p.Tensors[t]
	if src.Scale <= scale {
		return t, nil
	}
	shift := src.Scale - scale
	if shift > plan.MaxBound {
		return 0, fmt.Errorf("rescaling %q by 2^%d is out of range", src.Name, shift)
	}
	op := plan.Op{Kind: plan.OpAffine, Node: node, In: []int{t}, Shift: shift, RowStart: make([]int32, src.Size()+1), Terms: make([]plan.Term, src.Size())}
	for i := range op.Terms {
		op.Terms[i] = plan.Term{In: 0, Idx: int32(i), Coeff: 1}
		op.RowStart[i+1] = int32(i + 1)
	}
	op.Out = c.newTensor(fmt.Sprintf("%s@2^%d", src.Name, scale), src.Shape, scale, plan.ShiftedBound(src.Bound, shift, c.cfg.ActivationBits), src.MaxAbs)
	c.p.Ops = append(c.p.Ops, op)
	return op.Out, nil
}

// inRange returns tensor t, rescaled if its static bound exceeds the
// activation range (the planner normally prevents that upstream).
func (c *compiler) inRange(node string, t int) (int, error) {
	ab := c.cfg.ActivationBits
	if b := c.p.Tensors[t].Bound; b > ab-1 {
		return c.rescale(node, t, c.p.Tensors[t].Scale-(b-(ab-1)))
	}
	return t, nil
}

// Check reports, in one [*CheckError], every node of g that Compile cannot lower
// (unsupported ops, products of two computed tensors, computed weights, ...).
func Check(g *onnx.Graph) error {
	var problems []*NodeError
	ints := integerValues(g)
	for _, n := range g.Nodes {
		if err := checkNode(g, n, ints); err != nil {
			problems = append(problems, newNodeError(n, err))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return &CheckError{File: g.File, Nodes: problems}
}

func checkNode(g *onnx.Graph, n *onnx.Node, ints map[string]bool) error {
	r := rules[n.OpType]
	if r != nil && r.lowerAll != nil { // the multi-output ops check their own
		return nil
	}
	if err := outputCount(n); err != nil {
		return err
	}
	if len(n.Inputs) == 0 || n.Inputs[0] == "" {
		return errors.New("input 0 is missing")
	}
	if r == nil {
		return unsupported(n.OpType)
	}
	if r.check != nil {
		return r.check(g, n, ints)
	}
	return nil
}

// integerValues returns the values that provably hold integers: integer
// inputs and constants, and what ops that keep integers exact (data
// movement, casts, negation, sums, maxima, products with integer constants)
// compute from them. The planner keeps such values exact, at scale 0, so a
// Cast of one to an integer type changes nothing.
func integerValues(g *onnx.Graph) map[string]bool {
	ints := map[string]bool{}
	for _, v := range g.Inputs {
		ints[v.Name] = !v.DType.IsFloat() && v.DType != onnx.Undefined
	}
	isInt := func(name string) bool {
		if t := g.Constants[name]; t != nil {
			for i := range t.Len() {
				if x := t.At(i); x != math.Trunc(x) {
					return false
				}
			}
			return true
		}
		return ints[name]
	}
	for _, n := range g.Nodes {
		if len(n.Outputs) == 0 {
			continue // Check reports it
		}
		r := rules[n.OpType]
		if r == nil {
			continue // Check reports it
		}
		if r.indices > 0 && r.indices < len(n.Outputs) {
			ints[n.Outputs[r.indices]] = true
		}
		ints[n.Outputs[0]] = r.ints != nil && r.ints(n, isInt)
	}
	return ints
}

// maxRelabel bounds how far relabelling power-of-two scalings raises a
// scale beyond MaxScale: a chain of them (a loop unrolled) rescales again
// there, so that adding such a value to one at an ordinary scale never
// needs coefficients beyond 62 bits.
const maxRelabel = 16

// powerOfTwoScaling reports whether l quantized at accumulator scale sAcc
// has only the coefficients ±1 exactly (its real coefficients are ±2^-k, not
// rounded to ±1) and no bias.
func powerOfTwoScaling(l *linear, sAcc int, inScale []int) bool {
	for _, t := range l.terms {
		if math.Abs(math.Ldexp(t.c, sAcc-inScale[t.in])) != 1 {
			return false
		}
	}
	return l.bias == nil
}
