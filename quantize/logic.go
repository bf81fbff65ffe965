package quantize

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// Logic on booleans: Not, And, Or and Xor of values that are provably 0 or
// 1 need no new op kind. On {0, 1}, Not x = 1 − x (exact affine), And is
// the minimum, Or the maximum and Xor = max(a, b) − min(a, b) (OpMax).
//
// That identity holds only for 0 and 1, so booleans must really be 0 or 1
// in the circuit: a bool-typed model input is a private witness the prover
// chooses, so the plan clamps it to [0, 1] on entry (a lookup in the table
// {0, 1}; the input is an integer at scale 0, so the result is 0 or 1). A
// proof then states that some boolean input gives the outputs, never an
// input of 5. Other booleans come from constants, logic ops and data
// movement of booleans (booleanValues); comparisons of computed values
// (Less, Greater, Equal) would need a sign gadget and are not among them.

// booleanValues returns the values of g that hold only 0 and 1: bool-typed
// inputs (clamped by the plan), constants of zeros and ones, comparisons,
// the results of logic ops on booleans, and casts, maxima, minima and data movement
// (except Pad) of booleans.
func booleanValues(g *onnx.Graph) map[string]bool {
	bools := map[string]bool{}
	for _, v := range g.Inputs {
		bools[v.Name] = v.DType == onnx.Bool
	}
	isBool := func(name string) bool {
		if t := g.Constants[name]; t != nil {
			for i := range t.Len() {
				if x := t.At(i); x != 0 && x != 1 {
					return false
				}
			}
			return true
		}
		return bools[name]
	}
	for _, n := range g.Nodes {
		if len(n.Outputs) == 0 || len(n.Inputs) == 0 {
			continue
		}
		r := rules[n.OpType]
		if r == nil {
			continue
		}
		ins := n.Inputs[:1]
		switch r.bools {
		case boolsAlways:
			bools[n.Outputs[0]] = true // 0 or 1 by construction
			continue
		case boolsAll:
			ins = n.Inputs
		case boolsFirst:
		default:
			continue
		}
		all := true
		for _, in := range ins {
			all = all && in != "" && isBool(in)
		}
		bools[n.Outputs[0]] = all
	}
	return bools
}

// checkLogic is Check's verdict on a logic op.
func checkLogic(g *onnx.Graph, n *onnx.Node) error {
	want := 2
	if n.OpType == "Not" {
		want = 1
	}
	if len(n.Inputs) != want {
		return fmt.Errorf("has %d inputs, want %d", len(n.Inputs), want)
	}
	bools := booleanValues(g)
	for i, in := range n.Inputs {
		if !bools[in] && g.Constants[in] == nil {
			return fmt.Errorf("input %d (%q) is not provably boolean; zkml computes logic on boolean inputs, boolean constants and other logic ops only (comparisons of computed values, such as Less or Greater, are not supported)", i, in)
		}
	}
	return nil
}

// clampBooleanInputs replaces every bool-typed input by clamp(x, 0, 1),
// so that the logic ops' identities hold for any witness.
func (c *compiler) clampBooleanInputs() error {
	for _, v := range c.g.Inputs {
		if v.DType != onnx.Bool {
			continue
		}
		node := "boolean input " + v.Name
		t, err := c.inRange(node, c.vals[v.Name])
		if err != nil {
			return err
		}
		t = c.minOne(node, v.Name+"/bool", t, c.p.Tensors[t].Shape)
		c.vals[v.Name] = t
	}
	return nil
}

func identity(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

func (c *compiler) lowerLogic(n *onnx.Node) (int, error) {
	out := n.Outputs[0]
	if n.OpType == "Not" {
		x, err := c.activation(n, 0)
		if err != nil {
			return 0, err
		}
		l := newLinear(x.shape)
		in := l.source(x)
		for i := range tensor.Size(x.shape) {
			l.add(in, i, -1)
			l.addBias(i, 1)
			l.endRow()
		}
		return c.emitAffine(n.Name, l, out, false)
	}
	parts, shape, err := c.broadcastParts(n)
	if err != nil {
		return 0, err
	}
	// maxOf emits max(sign·a, sign·b).
	maxOf := func(sign float64, name string) (int, error) {
		s, err := c.stack(n.Name, name+"/stacked", parts, shape, sign)
		if err != nil {
			return 0, err
		}
		return c.maxOfStack(n.Name, s, len(parts), shape, name)
	}
	switch n.OpType {
	case "Or":
		return maxOf(1, out)
	case "And":
		m, err := maxOf(-1, out+"/negated")
		if err != nil {
			return 0, err
		}
		return c.negate(n.Name, m, out)
	case "Xor":
		hi, err := maxOf(1, out+"/or")
		if err != nil {
			return 0, err
		}
		negLo, err := maxOf(-1, out+"/nand")
		if err != nil {
			return 0, err
		}
		l := newLinear(shape)
		a, b := l.input(hi), l.input(negLo)
		for i := range tensor.Size(shape) {
			l.term(a, i, 1)
			l.term(b, i, 1)
			l.endRow()
		}
		return c.emitAffine(n.Name, l, out, true)
	}
	return 0, fmt.Errorf("op %s is not a logic op", n.OpType)
}
