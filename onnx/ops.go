package onnx

import (
	"errors"
	"fmt"
	"sort"
)

// An opRule is everything the importer knows about one operator type.
// Adding an operator means adding one entry to opRules.
type opRule struct {
	// minIn and maxIn bound the number of inputs (omitted trailing inputs
	// count); maxIn < 0 means variadic. maxOut bounds the outputs.
	minIn, maxIn, maxOut int
	// canon makes the node's attributes canonical (defaults filled, axes
	// normalized, constant parameter inputs moved into attributes and
	// removed from Inputs). It runs first and may use input shapes.
	canon func(c *nodeCtx) error
	// infer computes the dtype and shape of every output (c.out). An op
	// with no infer is only supported when all its inputs are constant.
	infer func(c *nodeCtx) error
	// eval computes the outputs (c.outT) when all inputs are constant.
	eval func(c *nodeCtx) error
	// shapeOnly marks ops that read only the shapes of their inputs (Shape,
	// Size), which are static, so they always fold.
	shapeOnly bool
	// math marks nonlinear functions (Sqrt, Exp, Softmax, ...), which are
	// supported only on constants; see processNode.
	math bool
}

// opRules is the table of supported operators, filled in init to allow the
// rules to refer to each other.
var opRules map[string]*opRule

// SupportedOps returns the operator types the importer understands, sorted.
// Some of them (Sqrt, Exp, Softmax, ...) are only accepted when all their
// inputs are constant, so that Load can fold them away.
func SupportedOps() []string {
	ops := make([]string, 0, len(opRules))
	for op := range opRules {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	return ops
}

// FoldOnly reports whether op is supported only when its inputs are
// constant (it is folded at load time and never reaches later stages).
func FoldOnly(op string) bool {
	r, ok := opRules[op]
	return ok && r.infer == nil
}

// nodeCtx is what a rule sees of a node while it is processed.
type nodeCtx struct {
	n      *Node
	opset  int64
	consts []*Tensor // per input: its constant value, nil when not constant or omitted
	types  []Value   // per input: its type (constants included); Name "" when omitted
	out    []Value   // infer's result, one per output
	outT   []*Tensor // eval's result, one per output
	// exact is set by Eval (the float reference, as opposed to folding):
	// float results stay in float64 instead of being rounded to their
	// dtype, and the bounds on folding work do not apply.
	exact bool
}

// has reports whether input i is present (not omitted).
func (c *nodeCtx) has(i int) bool { return i < len(c.types) && c.types[i].Name != "" }

func (c *nodeCtx) shape(i int) []int { return c.types[i].Shape }

func (c *nodeCtx) rank(i int) int { return len(c.types[i].Shape) }

func (c *nodeCtx) dtype(i int) DType { return c.types[i].DType }

// constant returns input i, which must be a constant because what it holds
// (what) decides shapes.
func (c *nodeCtx) constant(i int, what string) (*Tensor, error) {
	if !c.has(i) {
		return nil, fmt.Errorf("the %s input is missing", what)
	}
	if c.consts[i] == nil {
		return nil, fmt.Errorf("the %s input %q is computed from the model inputs; zkml needs it to be a constant (static shapes only)", what, c.n.Inputs[i])
	}
	return c.consts[i], nil
}

// constInts returns a constant integer input, or nil when it is omitted.
func (c *nodeCtx) constInts(i int, what string) ([]int64, bool, error) {
	if !c.has(i) {
		return nil, false, nil
	}
	t, err := c.constant(i, what)
	if err != nil {
		return nil, false, err
	}
	if t.DType.IsFloat() {
		return nil, false, fmt.Errorf("the %s input %q must be an integer tensor, not %s", what, c.n.Inputs[i], t.DType)
	}
	return t.Int, true, nil
}

// keepInputs drops the inputs from k on (parameters moved into attributes).
func (c *nodeCtx) keepInputs(k int) {
	if len(c.n.Inputs) > k {
		c.n.Inputs = c.n.Inputs[:k]
		c.consts = c.consts[:k]
		c.types = c.types[:k]
	}
}

func (c *nodeCtx) setInt(name string, v int64) { c.n.Attrs[name] = &Attr{Kind: AttrInt, Int: v} }
func (c *nodeCtx) setInts(name string, v []int64) {
	c.n.Attrs[name] = &Attr{Kind: AttrInts, Ints: v}
}
func (c *nodeCtx) setFloat(name string, v float64) {
	c.n.Attrs[name] = &Attr{Kind: AttrFloat, Float: v}
}
func (c *nodeCtx) setString(name, v string) { c.n.Attrs[name] = &Attr{Kind: AttrString, String: v} }

// hasAttr reports whether the node carries attribute name.
func (c *nodeCtx) hasAttr(name string) bool { _, ok := c.n.Attrs[name]; return ok }

// attrKind checks that attribute name, when present, has the expected kind,
// so that a malformed file gets an error instead of a silent default.
func (c *nodeCtx) attrKind(name string, kind AttrKind) error {
	if a, ok := c.n.Attrs[name]; ok && a.Kind != kind {
		return fmt.Errorf("attribute %q has the wrong type", name)
	}
	return nil
}

// setOut sets output i's type.
func (c *nodeCtx) setOut(i int, dt DType, shape []int) {
	c.out[i] = Value{Name: c.n.Outputs[i], DType: dt, Shape: shape}
}

// processNode canonicalizes one node, then folds it or infers its types.
func (im *importer) processNode(n *Node) error {
	g := im.g
	mark := func(why unknownKind) {
		for _, o := range n.Outputs {
			if o != "" {
				im.unknown[o] = why
			}
		}
	}
	markUnknown := func() { mark(fromUnsupported) }
	rule, ok := opRules[n.OpType]
	if !ok {
		im.addUnsupported(n, "")
		markUnknown()
		return nil
	}
	c := &nodeCtx{n: n, opset: g.Opset, consts: make([]*Tensor, len(n.Inputs)), types: make([]Value, len(n.Inputs))}
	for i, in := range n.Inputs {
		switch {
		case in == "":
		case im.unknown[in] != 0:
			// Downstream of an unsupported node nothing can be typed. Still
			// report ops that could only have been folded, so that one
			// error lists every op the user has to deal with. Downstream
			// of a node that failed, stay silent: its error comes first.
			if rule.math && im.unknown[in] == fromUnsupported {
				im.addUnsupported(n, "")
			}
			mark(im.unknown[in])
			return nil
		case g.Constants[in] != nil:
			t := g.Constants[in]
			c.consts[i] = t
			c.types[i] = Value{Name: in, DType: t.DType, Shape: t.Shape}
		default:
			v, ok := g.Values[in]
			if !ok {
				mark(fromFailed)
				return fmt.Errorf("%s: input %q has no known type", n.Describe(), in)
			}
			c.types[i] = v
		}
	}
	fail := func(err error) error {
		mark(fromFailed)
		return fmt.Errorf("%s: %w", n.Describe(), err)
	}
	if err := checkArity(rule, n); err != nil {
		return fail(err)
	}
	if rule.canon != nil {
		if err := rule.canon(c); err != nil {
			return fail(err)
		}
	}
	allConst := true
	for i := range c.n.Inputs {
		if c.has(i) && c.consts[i] == nil && !rule.shapeOnly {
			allConst = false
		}
	}
	if allConst {
		if rule.eval == nil {
			return fail(errors.New("all inputs are constant, but zkml cannot evaluate this op at load time"))
		}
		if err := c.eval(rule); err != nil {
			return fail(err)
		}
		for i, o := range n.Outputs {
			if o != "" {
				g.Constants[o] = c.outT[i]
			}
		}
		return nil
	}
	if rule.infer == nil {
		im.addUnsupported(n, "")
		markUnknown()
		return nil
	}
	c.out = make([]Value, len(n.Outputs))
	if err := rule.infer(c); err != nil {
		return fail(err)
	}
	for i, o := range n.Outputs {
		if o == "" {
			continue
		}
		if c.out[i].Name == "" {
			return fail(fmt.Errorf("output %d (%q) is not supported", i, o))
		}
		if err := checkShapeSize(c.out[i].Shape); err != nil {
			return fail(fmt.Errorf("output %q: %v", o, err))
		}
		g.Values[o] = c.out[i]
	}
	g.Nodes = append(g.Nodes, n)
	return nil
}

// eval computes the node's outputs (c.outT) from its constant inputs.
func (c *nodeCtx) eval(rule *opRule) error {
	if rule.infer != nil {
		// Type the outputs first: it validates the node exactly as for
		// a dynamic one, and bounds the work before eval allocates.
		c.out = make([]Value, len(c.n.Outputs))
		if err := rule.infer(c); err != nil {
			return err
		}
		for _, v := range c.out {
			if err := checkFoldSize(v.Shape); err != nil && !c.exact {
				return err
			}
		}
	}
	c.outT = make([]*Tensor, len(c.n.Outputs))
	if err := rule.eval(c); err != nil {
		return err
	}
	for i, o := range c.n.Outputs {
		if o != "" && c.outT[i] == nil {
			return fmt.Errorf("output %d (%q) cannot be computed", i, o)
		}
	}
	return nil
}

func checkArity(r *opRule, n *Node) error {
	nin := len(n.Inputs)
	switch {
	case nin < r.minIn:
		return fmt.Errorf("has %d inputs, needs at least %d", nin, r.minIn)
	case r.maxIn >= 0 && nin > r.maxIn:
		return fmt.Errorf("has %d inputs, accepts at most %d", nin, r.maxIn)
	case len(n.Outputs) == 0:
		return errors.New("has no outputs")
	case len(n.Outputs) > r.maxOut:
		return fmt.Errorf("has %d outputs, zkml supports at most %d for this op", len(n.Outputs), r.maxOut)
	}
	for i := 0; i < r.minIn; i++ {
		if n.Inputs[i] == "" {
			return fmt.Errorf("required input %d is missing", i)
		}
	}
	return nil
}
