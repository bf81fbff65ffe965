package circuits

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/zkml/zkml/plan"
)

// Circuit proves: there is a private input, every element of it in
// [-2^(A-1), 2^(A-1)) where A is the plan's ActivationBits, such that running
// the plan on it gives the public outputs. Build one with [New] to compile it
// and with [Assign] to make a witness. Without packing the public outputs
// are Output, one element per public input; with [WithPackedOutputs] they
// are Packed and Output is empty.
//
// [WithInputVisibility] and [WithOutputVisibility] change what is public.
// The public inputs are, in this order: the input part (nothing for private
// inputs, InputPublic for public ones, InputCommitment for hashed ones),
// then the output part (Output or Packed for public outputs,
// OutputCommitment for hashed ones, nothing for private ones).
type Circuit struct {
	Input [][]frontend.Variable `gnark:",secret"` // per plan input tensor, flat row-major
	// InputPublic holds the inputs, flattened, packed like the outputs
	// (public inputs only).
	InputPublic     []frontend.Variable   `gnark:",public"`
	InputCommitment []frontend.Variable   `gnark:",public"` // [Commit] of the inputs (hashed inputs only)
	Output          [][]frontend.Variable `gnark:",public"` // per plan output tensor, flat row-major
	Packed          []frontend.Variable   `gnark:",public"` // the outputs packed into words (see Packing)
	// OutputCommitment is the [Commit] of the outputs (hashed outputs only).
	OutputCommitment []frontend.Variable `gnark:",public"`
	// Params holds the weights and biases (hashed params only; see
	// [Params]), ParamsCommitment their commitment, after the outputs.
	Params           []frontend.Variable `gnark:",secret"`
	ParamsCommitment []frontend.Variable `gnark:",public"`
	// Domain is, with WithDomainFlag, one public bit after the outputs: 1
	// when no value left its calibrated domain (see SOUNDNESS.md).
	// Empty without it.
	Domain []frontend.Variable `gnark:",public"`

	plan *plan.Plan `gnark:"-"` // gnark walks unexported fields too: keep it off the plan
	opts options    `gnark:"-"`
	// shaped: plan is the params' shape (hashed params), and pv the params'
	// variables per op.
	shaped bool       `gnark:"-"`
	pv     *paramVars `gnark:"-"`
}

// Option changes how the circuit is built. Options change the constraint
// system, so the same options must be given wherever the circuit is compiled.
type Option func(*options)

type options struct {
	bitDecomposition  bool
	packing           Packing
	meter             *meter     // set by Measure only
	lift              bool       // set by Define (see liftsRemainders)
	input, output     Visibility // "" is the default: private inputs, public outputs
	domainFlag        bool
	chainIn, chainOut bool       // see WithChain
	params            Visibility // "" is the default: fixed
	// With hashed params, set by New: the params' widths and counts
	// (Define does not read their values), their commitment, which ops
	// are weighted, or why the plan's params cannot be hashed.
	paramsShape      *Params
	paramsCommitment *big.Int
	weighted         []bool
	paramsErr        error
}

// setParams fills the hashed params' part of o from p.
func (o *options) setParams(p *plan.Plan) {
	if o.paramVisibility() != Hashed {
		return
	}
	o.paramsShape, o.paramsErr = ParamsOf(p)
	if o.paramsErr == nil {
		o.paramsCommitment, o.paramsErr = o.paramsShape.Commit()
	}
	o.weighted = make([]bool, len(p.Ops))
	for k := range p.Ops {
		o.weighted[k] = Weighted(&p.Ops[k])
	}
}

// WithPackedOutputs makes the public inputs the outputs packed as k says
// (see [Packing]) instead of one per output element: fewer public inputs,
// which is what an on-chain verifier pays for (an elliptic-curve
// multiplication each). Every output is proven within the activation range
// before it is packed. The zero Packing is no packing. [Assign] must get the
// same option, since the witness changes with it.
func WithPackedOutputs(k Packing) Option {
	return func(o *options) { o.packing = k }
}

// WithBitDecompositionRangeChecks makes every range check a plain bit
// decomposition. The default, gnark's std/rangecheck, uses a log-derivative
// lookup argument that needs a commitment (BSB22 in Groth16) whenever the
// builder supports one; plain decomposition costs more constraints but gives
// a Groth16 verifier without the commitment, which is cheaper on chain.
func WithBitDecompositionRangeChecks() Option {
	return func(o *options) { o.bitDecomposition = true }
}

// New returns a circuit sized for p, ready for frontend.Compile. A plan the
// circuit cannot encode makes Define (and so the compilation) fail with an
// error that says what is wrong.
func New(p *plan.Plan, opts ...Option) *Circuit {
	c := &Circuit{plan: p}
	for _, o := range opts {
		if o != nil {
			o(&c.opts)
		}
	}
	if p == nil {
		return c
	}
	c.opts.setParams(p)
	if ps := c.opts.paramsShape; ps != nil {
		c.Params = make([]frontend.Variable, len(ps.Coeffs)+len(ps.Biases))
		c.ParamsCommitment = make([]frontend.Variable, 1)
	}
	c.Input = make([][]frontend.Variable, len(p.Inputs))
	nIn := 0
	for i, t := range p.Inputs {
		c.Input[i] = make([]frontend.Variable, sizeOf(p, t))
		nIn += len(c.Input[i])
	}
	switch c.opts.inputVisibility() {
	case Public:
		c.InputPublic = make([]frontend.Variable, c.opts.packing.Words(nIn))
	case Hashed:
		c.InputCommitment = make([]frontend.Variable, 1)
	}
	n := 0
	for _, t := range p.Outputs {
		n += sizeOf(p, t)
	}
	if c.opts.domainFlag {
		c.Domain = make([]frontend.Variable, 1)
	}
	switch c.opts.outputVisibility() {
	case Hashed:
		c.OutputCommitment = make([]frontend.Variable, 1)
		return c
	case Private:
		return c
	}
	if c.opts.packing.Enabled() {
		c.Packed = make([]frontend.Variable, c.opts.packing.Words(n))
		return c
	}
	c.Output = make([][]frontend.Variable, len(p.Outputs))
	for i, t := range p.Outputs {
		c.Output[i] = make([]frontend.Variable, sizeOf(p, t))
	}
	return c
}

// sizeOf is the element count of tensor t, or 0 when t or its shape is
// invalid (Define reports it).
func sizeOf(p *plan.Plan, t int) int {
	if t < 0 || t >= len(p.Tensors) {
		return 0
	}
	n, err := tensorSize(&p.Tensors[t])
	if err != nil {
		return 0
	}
	return n
}

// field is the scalar field the witness values of [Assign] live in: BN254's,
// the curve zkml proves on.
var field = ecc.BN254.ScalarField()

// Assign returns the witness for one inference: tensors holds every tensor of
// the plan, as Plan.Run returns them. Input and Output (or Packed) are filled
// from the plan's input and output tensors; a negative value v is written as
// the field element p - |v| of BN254's scalar field. opts must include the
// [WithPackedOutputs] given to [New]; the others do not change the witness.
func Assign(p *plan.Plan, tensors [][]int64, opts ...Option) (*Circuit, error) {
	if _, err := checkPlan(p); err != nil {
		return nil, err
	}
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	if err := o.packing.Validate(p.Config.ActivationBits); err != nil {
		return nil, fmt.Errorf("circuits: assign: %w", err)
	}
	if err := o.checkVisibility(); err != nil {
		return nil, fmt.Errorf("circuits: assign: %w", err)
	}
	if len(tensors) != len(p.Tensors) {
		return nil, fmt.Errorf("circuits: assign: got %d tensors, the plan has %d; pass everything Plan.Run returns", len(tensors), len(p.Tensors))
	}
	c := &Circuit{plan: p}
	if o.paramVisibility() == Hashed {
		ps, err := ParamsOf(p)
		if err != nil {
			return nil, err
		}
		h, err := ps.Commit()
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: %w", err)
		}
		c.Params = toField(append(append([]int64(nil), ps.Coeffs...), ps.Biases...))
		c.ParamsCommitment = []frontend.Variable{h}
	}
	lo, hi := int64(-1)<<(p.Config.ActivationBits-1), int64(1)<<(p.Config.ActivationBits-1)
	c.Input = make([][]frontend.Variable, len(p.Inputs))
	var flatIn []int64
	for i, t := range p.Inputs {
		vals, err := tensorValues(p, tensors, t)
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: input %d: %w", i, err)
		}
		for j, v := range vals {
			if v < lo || v >= hi {
				return nil, fmt.Errorf("circuits: assign: input %d (%q) element %d is %d, outside the %d-bit activation range [%d, %d); quantize the input with a smaller scale", i, p.Tensors[t].Name, j, v, p.Config.ActivationBits, lo, hi)
			}
		}
		c.Input[i] = toField(vals)
		flatIn = append(flatIn, vals...)
	}
	switch o.inputVisibility() {
	case Public:
		words, err := o.packing.Pack(flatIn)
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: inputs: %w", err)
		}
		c.InputPublic = toVariables(words)
	case Hashed:
		h, err := Commit(o.inputDomain(), p.Config.ActivationBits, flatIn)
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: inputs: %w", err)
		}
		c.InputCommitment = []frontend.Variable{h}
	}
	var flat []int64
	c.Output = make([][]frontend.Variable, len(p.Outputs))
	for i, t := range p.Outputs {
		vals, err := tensorValues(p, tensors, t)
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: output %d: %w", i, err)
		}
		c.Output[i] = toField(vals)
		flat = append(flat, vals...)
	}
	if o.domainFlag {
		c.Domain = []frontend.Variable{domainBit(p, tensors)}
	}
	switch o.outputVisibility() {
	case Hashed:
		h, err := Commit(o.outputDomain(), p.Config.ActivationBits, flat)
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: outputs: %w", err)
		}
		c.Output = nil
		c.OutputCommitment = []frontend.Variable{h}
		return c, nil
	case Private:
		c.Output = nil
		return c, nil
	}
	if o.packing.Enabled() {
		words, err := o.packing.Pack(flat)
		if err != nil {
			return nil, fmt.Errorf("circuits: assign: %w", err)
		}
		c.Output = nil
		c.Packed = make([]frontend.Variable, len(words))
		for i, w := range words {
			c.Packed[i] = w
		}
	}
	return c, nil
}

func toVariables(words []*big.Int) []frontend.Variable {
	out := make([]frontend.Variable, len(words))
	for i, w := range words {
		out[i] = w
	}
	return out
}

func tensorValues(p *plan.Plan, tensors [][]int64, t int) ([]int64, error) {
	want := p.Tensors[t].Size()
	if len(tensors[t]) != want {
		return nil, fmt.Errorf("tensor %d (%q) has %d values, want %d", t, p.Tensors[t].Name, len(tensors[t]), want)
	}
	return tensors[t], nil
}

func toField(vals []int64) []frontend.Variable {
	out := make([]frontend.Variable, len(vals))
	for i, v := range vals {
		out[i] = fieldElement(field, v)
	}
	return out
}

// Define builds the constraints: it range checks the inputs, runs the plan's
// ops as gadgets and binds the results to the public outputs.
func (c *Circuit) Define(api frontend.API) error {
	if c.plan == nil {
		return errors.New("circuits: the circuit has no plan; build it with circuits.New")
	}
	if c.opts.paramVisibility() == Hashed && !c.shaped {
		// Build from the plan's shape: nothing below may read a weight.
		if c.opts.paramsShape == nil && c.opts.paramsErr == nil {
			c.opts.setParams(c.plan)
		}
		if c.opts.paramsErr != nil {
			return c.opts.paramsErr
		}
		shaped := *c
		shaped.plan, shaped.shaped = c.opts.paramsShape.Shape(c.plan), true
		return shaped.Define(api)
	}
	p := c.plan
	l, err := checkPlan(p)
	if err != nil {
		return err
	}
	if err := c.opts.packing.Validate(p.Config.ActivationBits); err != nil {
		return fmt.Errorf("circuits: %w", err)
	}
	if err := c.opts.checkVisibility(); err != nil {
		return fmt.Errorf("circuits: %w", err)
	}
	if err := c.checkShape(p); err != nil {
		return err
	}
	outVis := c.opts.outputVisibility()
	packed := c.opts.packing.Enabled() || outVis != Public
	opts := c.opts
	opts.lift = liftsRemainders(p, opts)
	g := newGadgets(api, p.Config.ActivationBits, opts)
	vals := make([][]frontend.Variable, len(p.Tensors))
	m := c.opts.meter
	defer m.stop()
	m.start("input", 0, 0)
	for i, t := range p.Inputs {
		vals[t] = c.Input[i]
		for j, v := range vals[t] {
			if l.reluChecked[t][j] {
				continue
			}
			if err := g.checkActivation(v); err != nil {
				return fmt.Errorf("circuits: input %d element %d: %w", i, j, err)
			}
		}
	}
	if err := c.bindInputs(g); err != nil {
		return err
	}
	if c.shaped {
		pv, err := c.bindParams(g, p)
		if err != nil {
			return err
		}
		c.pv = pv
	}

	// direct[i]: a rescale wrote Output[i] itself (see defineOp), so it
	// needs no equality constraint.
	direct := make([]bool, len(p.Outputs))
	for k := range p.Ops {
		op := &p.Ops[k]
		m.start(m.opLabel(k, op), 1, p.Tensors[op.Out].Size())
		var dest []frontend.Variable
		if slot := l.outputSlot[op.Out]; !packed && slot >= 0 && (op.Kind == plan.OpAffine || op.Kind == plan.OpMul) && op.Shift > 0 {
			dest = c.Output[slot]
			direct[slot] = true
		}
		var w weights
		if c.pv != nil && c.pv.coeffs[k] != nil {
			w = weights{c.pv.coeffs[k], c.pv.biases[k]}
		}
		out, err := c.defineOp(g, op, vals, dest, l, w)
		if err != nil {
			return fmt.Errorf("circuits: op %d (%s, node %q): %w", k, op.Kind, op.Node, err)
		}
		vals[op.Out] = out
	}
	if err := c.assertDomain(g); err != nil {
		return err
	}
	m.start("outputs", 0, 0)
	if packed {
		var outs []frontend.Variable
		var inRange []bool
		for _, t := range p.Outputs {
			outs = append(outs, vals[t]...)
			for range vals[t] {
				inRange = append(inRange, l.inRange[t])
			}
		}
		var err error
		switch outVis {
		case Public:
			err = c.packOutputs(g, outs, inRange)
		case Hashed:
			err = c.commitOutputs(g, outs, inRange)
		}
		g.finishProducts() // after every range check, the packing's too
		return err
	}
	if err := checkOutputs(g, p, vals, l); err != nil {
		return err
	}
	g.finishProducts()
	for i, t := range p.Outputs {
		if direct[i] {
			continue
		}
		for j, v := range vals[t] {
			api.AssertIsEqual(v, c.Output[i][j])
		}
	}
	return nil
}

// checkShape reports Input and Output slices that do not match the plan, as
// when a Circuit is built by hand instead of with New or Assign.
func (c *Circuit) checkShape(p *plan.Plan) error {
	if len(c.Input) != len(p.Inputs) {
		return fmt.Errorf("circuits: the circuit has %d inputs, the plan %d; build it with circuits.New", len(c.Input), len(p.Inputs))
	}
	for i, t := range p.Inputs {
		if n := p.Tensors[t].Size(); len(c.Input[i]) != n {
			return fmt.Errorf("circuits: input %d has %d elements, the plan's tensor %q %d", i, len(c.Input[i]), p.Tensors[t].Name, n)
		}
	}
	if err := c.checkVisibilityShape(p); err != nil {
		return err
	}
	if c.opts.outputVisibility() != Public {
		return nil
	}
	if c.opts.packing.Enabled() {
		if len(c.Output) != 0 {
			return errPackingShape
		}
		return nil // packOutputs checks len(c.Packed)
	}
	if len(c.Packed) != 0 {
		return errors.New("circuits: the circuit has packed outputs but was built without circuits.WithPackedOutputs")
	}
	if len(c.Output) != len(p.Outputs) {
		return fmt.Errorf("circuits: the circuit has %d outputs, the plan %d; build it with circuits.New", len(c.Output), len(p.Outputs))
	}
	for i, t := range p.Outputs {
		if n := p.Tensors[t].Size(); len(c.Output[i]) != n {
			return fmt.Errorf("circuits: output %d has %d elements, the plan's tensor %q %d", i, len(c.Output[i]), p.Tensors[t].Name, n)
		}
	}
	return nil
}

// defineOp returns the values of op's output tensor. When dest is not nil
// (an affine op with a rescale writing a public output) the rescaled values
// are constrained to equal dest directly. l says which output elements a
// relu reads and proves the range of, and which inputs are ≤ 0.
func (c *Circuit) defineOp(g *gadgets, op *plan.Op, vals [][]frontend.Variable, dest []frontend.Variable, l *layout, w weights) ([]frontend.Variable, error) {
	reluChecked := l.reluChecked[op.Out]
	size := c.plan.Tensors[op.Out].Size()
	out := make([]frontend.Variable, size)
	switch op.Kind {
	case plan.OpRelu:
		in := vals[op.In[0]]
		for i := range out {
			y, err := g.relu(in[i])
			if err != nil {
				return nil, fmt.Errorf("element %d: %w", i, err)
			}
			out[i] = y
		}
	case plan.OpMax:
		for i := range out {
			row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
			xs := make([]frontend.Variable, len(row))
			for j, t := range row {
				xs[j] = vals[op.In[t.In]][t.Idx]
			}
			m, err := g.rowMax(xs)
			if err != nil {
				return nil, fmt.Errorf("element %d: %w", i, err)
			}
			out[i] = m
		}
	case plan.OpLookup:
		return g.lookupOp(op, vals[op.In[0]], l.nonPositive[op.In[0]])
	case plan.OpMul:
		return g.mulOp(op, vals, c.plan.Tensors[op.Out].Shape, dest, reluChecked)
	case plan.OpDiv:
		return g.divOp(op, vals, c.plan.Tensors[op.In[1]].Bound)
	case plan.OpAffine:
		var rowVars []frontend.Variable
		var rowCoeffs []int64
		for i := range out {
			row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
			rowVars, rowCoeffs = rowVars[:0], rowCoeffs[:0]
			for _, t := range row {
				rowVars = append(rowVars, vals[op.In[t.In]][t.Idx])
				rowCoeffs = append(rowCoeffs, t.Coeff)
			}
			var acc frontend.Variable
			if w.coeffs != nil {
				acc = w.sum(g.api, rowVars, int(op.RowStart[i]), i)
			} else {
				var bias int64
				if op.Bias != nil {
					bias = op.Bias[i]
				}
				acc = g.sum(rowVars, rowCoeffs, bias)
			}
			if op.Shift == 0 {
				out[i] = acc
				continue
			}
			q, err := g.rescaleOut(acc, op.Shift, dest, i, !reluChecked[i])
			if err != nil {
				return nil, err
			}
			out[i] = q
		}
	}
	return out, nil
}

// rescaleOut rescales element i of an op's output. When the element is a
// public output (dest != nil), the rescale constrains dest[i] directly, which
// saves the equality that binding a hint's result to it would cost.
func (g *gadgets) rescaleOut(acc frontend.Variable, shift int, dest []frontend.Variable, i int, checkQ bool) (frontend.Variable, error) {
	if _, isConst := g.constant(acc); dest != nil && !isConst {
		if err := g.rescaleTo(acc, dest[i], shift, checkQ); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		return dest[i], nil
	}
	q, err := g.rescale(acc, shift, checkQ)
	if err != nil {
		return nil, fmt.Errorf("element %d: %w", i, err)
	}
	if dest != nil {
		g.api.AssertIsEqual(q, dest[i])
	}
	return q, nil
}

// liftsRemainders reports whether the circuit of p checks remainders on
// whole limbs (see checkInteger): with lookup-based range checks, when the
// plan has so many remainders that 16-bit limbs are what gnark would pick
// anyway (their 2^16-entry table is then amortized); the checker is then
// told to use them, so the saving does not rest on its heuristic.
func liftsRemainders(p *plan.Plan, o options) bool {
	return !o.bitDecomposition && remainderChecks(p) >= liftMinChecks
}

// remainderChecks counts the remainders the plan's rescales and quotients
// range check.
func remainderChecks(p *plan.Plan) int {
	n := 0
	for k := range p.Ops {
		op := &p.Ops[k]
		size := p.Tensors[op.Out].Size()
		switch {
		case op.Kind == plan.OpDiv:
			n += 2 * size
		case op.Shift > 0 && (op.Kind == plan.OpAffine || op.Kind == plan.OpMul || op.Kind == plan.OpLookup):
			n += size
		}
	}
	return n
}
