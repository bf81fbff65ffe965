package onnx

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Eval executes g with ONNX semantics in float64 and returns every value it
// computes, by name: the graph inputs, every node output and the graph
// outputs. inputs holds one row-major list per graph input, in order;
// inputs of an integer dtype must hold whole numbers.
//
// Eval is the float reference of zkml: the one implementation of each op's
// semantics, also used by [Load] to fold constants (through [EvalNode]).
// Unlike folding, Eval keeps float values in float64 rather than rounding
// them to their dtype.
//
// g is a graph as Load returns it. A graph assembled by hand (Opset 0,
// which Load never returns) may leave attributes at their defaults: Eval
// makes each node canonical as it runs it, reading its parameters from
// attributes, or from inputs where the node has more than the op needs.
func Eval(g *Graph, inputs [][]float64) (map[string][]float64, error) {
	vals, err := EvalValues(g, inputs)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]float64, len(vals))
	for name, t := range vals {
		out[name] = t.Float
		if !t.DType.IsFloat() {
			out[name] = t.Floats()
		}
	}
	return out, nil
}

// EvalValues is [Eval] with the values as tensors: float64 for float
// values, their integer dtype otherwise, with their shapes.
func EvalValues(g *Graph, inputs [][]float64) (map[string]*Tensor, error) {
	file := ""
	if g.File != "" {
		file = g.File + ": "
	}
	if len(inputs) != len(g.Inputs) {
		return nil, fmt.Errorf("%sthe model has %d input(s) but %d were given", file, len(g.Inputs), len(inputs))
	}
	vals := make(map[string]*Tensor, len(g.Nodes)+len(g.Inputs))
	for i, v := range g.Inputs {
		t, err := inputTensor(v, inputs[i])
		if err != nil {
			return nil, fmt.Errorf("%sinput %d (%q)%w", file, i, v.Name, err)
		}
		vals[v.Name] = t
	}
	for _, n := range g.Nodes {
		c := &nodeCtx{n: n, opset: g.Opset, consts: make([]*Tensor, len(n.Inputs)), types: make([]Value, len(n.Inputs)), exact: true}
		for i, name := range n.Inputs {
			t := vals[name]
			if t == nil && g.Constants[name] != nil {
				t = exactConst(g.Constants[name])
			}
			if name != "" && t == nil {
				return nil, fmt.Errorf("%s%s: input %q is neither a graph input, a constant nor computed by an earlier node", file, n.Describe(), name)
			}
			if t != nil {
				c.consts[i] = t
				c.types[i] = Value{Name: name, DType: t.DType, Shape: t.Shape}
			}
		}
		if err := c.evalChecked(g.Opset == 0); err != nil {
			return nil, fmt.Errorf("%s%s: %w", file, n.Describe(), err)
		}
		for i, o := range n.Outputs {
			if o == "" {
				continue
			}
			// Compare with the shapes Load inferred: a mismatch means the
			// two disagree on the op's semantics.
			if v, ok := g.Values[o]; ok && v.Shape != nil && !slices.Equal(v.Shape, c.outT[i].Shape) {
				return nil, fmt.Errorf("%s%s: computed output shape %v, but the model's shape inference gives %v", file, n.Describe(), c.outT[i].Shape, v.Shape)
			}
			vals[o] = c.outT[i]
		}
	}
	for _, o := range g.Outputs {
		if vals[o.Name] == nil {
			k := g.Constants[o.Name]
			if k == nil {
				return nil, fmt.Errorf("%soutput %q is neither computed by a node nor a constant", file, o.Name)
			}
			vals[o.Name] = k
		}
	}
	return vals, nil
}

// inputTensor checks one graph input's values and wraps them in a tensor:
// float64 for float dtypes, the declared integer dtype otherwise.
func inputTensor(v Value, data []float64) (*Tensor, error) {
	if n := NumElements(v.Shape); len(data) != n {
		return nil, fmt.Errorf(" has %d value(s); the model expects %d (shape %v)", len(data), n, v.Shape)
	}
	for j, x := range data {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf(": element %d is %g, not a finite number", j, x)
		}
	}
	if v.DType.IsFloat() || v.DType == Undefined {
		return &Tensor{DType: Float64, Shape: v.Shape, Float: data}, nil
	}
	t := &Tensor{DType: v.DType, Shape: v.Shape, Int: make([]int64, len(data))}
	for j, x := range data {
		if x != math.Trunc(x) || wrapInt(v.DType, saturate(x)) != saturate(x) {
			return nil, fmt.Errorf(": element %d is %g, not a whole number in the range of %s", j, x, v.DType)
		}
		t.Int[j] = int64(x)
	}
	return t, nil
}

// exactConst views a float constant as float64, so that results computed
// from it are not rounded to its dtype.
func exactConst(t *Tensor) *Tensor {
	if !t.DType.IsFloat() || t.DType == Float64 {
		return t
	}
	return &Tensor{DType: Float64, Shape: t.Shape, Float: t.Float}
}

// EvalNode computes the outputs of one node of a loaded graph (canonical
// attributes, see the package documentation) from the values of its
// inputs, nil for omitted ones, with the semantics of the given opset.
// Float results are rounded to their dtype, as the model computes them:
// pass float64 tensors for exact results. Outputs the node does not
// produce ("" in n.Outputs) are nil.
func EvalNode(n *Node, opset int64, ins []*Tensor) ([]*Tensor, error) {
	if len(ins) != len(n.Inputs) {
		return nil, fmt.Errorf("%s: %d input values for %d inputs", n.Describe(), len(ins), len(n.Inputs))
	}
	c := &nodeCtx{n: n, opset: opset, consts: ins, types: make([]Value, len(ins))}
	for i, t := range ins {
		if t != nil {
			c.types[i] = Value{Name: n.Inputs[i], DType: t.DType, Shape: t.Shape}
		}
	}
	if err := c.evalChecked(false); err != nil {
		return nil, fmt.Errorf("%s: %w", n.Describe(), err)
	}
	return c.outT, nil
}

// evalChecked checks that the op is known and its inputs present, then
// evaluates it. With canon (a graph assembled by hand, whose Opset is 0:
// Load always sets it), it first makes a copy of the node canonical as
// Load would, reading the parameters from attributes, where canonical
// nodes hold them.
func (c *nodeCtx) evalChecked(canon bool) (err error) {
	// The evaluators rely on the checks and canonical attributes of Load;
	// a graph assembled by hand may lack them.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot evaluate the node (are its attributes canonical, as onnx.Load makes them?): %v", r)
		}
	}()
	rule, ok := opRules[c.n.OpType]
	if !ok || rule.eval == nil {
		return fmt.Errorf("op %s is not supported", c.n.OpType)
	}
	if canon && c.n.OpType == "Slice" && c.n.Ints("steps") != nil {
		canon = false // steps are attributes in no opset: canonical already
	}
	if canon && rule.canon != nil {
		orig, consts, types := c.n, slices.Clone(c.consts), slices.Clone(c.types)
		if c.canonByAttrs(rule) != nil {
			// Not in any opset's form: evaluate it as it is.
			c.n, c.consts, c.types = orig, consts, types
		}
	} else if err := checkArity(rule, c.n); err != nil {
		return err
	}
	for i, in := range c.n.Inputs {
		if in != "" && c.consts[i] == nil {
			return fmt.Errorf("input %d (%q) has no value", i, in)
		}
		if in == "" && c.consts[i] != nil {
			return fmt.Errorf("input %d is omitted but has a value", i)
		}
	}
	if len(c.n.Outputs) == 0 {
		return errors.New("the node has no output")
	}
	return c.eval(rule)
}

// canonByAttrs makes a copy of the node canonical, reading its parameters
// from attributes, or from inputs when the node has them.
func (c *nodeCtx) canonByAttrs(rule *opRule) error {
	if err := checkArity(rule, c.n); err != nil {
		return err
	}
	n := *c.n
	n.Inputs = slices.Clone(n.Inputs)
	n.Attrs = make(map[string]*Attr, len(c.n.Attrs))
	for k, a := range c.n.Attrs {
		n.Attrs[k] = a
	}
	c.n = &n
	opset := c.opset
	c.opset = latestOpset // parameters given as inputs
	if len(n.Inputs) <= rule.minIn {
		c.opset = attrOpset(n.OpType)
	}
	err := rule.canon(c)
	c.opset = opset
	return err
}

// latestOpset is an opset in which every op has its current form.
const latestOpset = 21

// attrOpset is the latest opset in which op takes its parameters as
// attributes (canonical nodes hold them there).
func attrOpset(op string) int64 {
	switch op {
	case "Reshape":
		return 4
	case "Slice", "TopK":
		return 9
	case "Pad", "Clip":
		return 10
	case "Dropout":
		return 11
	case "Split", "Squeeze", "Unsqueeze", "ReduceSum":
		return 12
	case "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceSumSquare", "ReduceL1", "ReduceL2", "ReduceLogSumExp":
		return 17
	}
	return latestOpset
}
