package quantize

import (
	"math"
	"slices"

	"github.com/zkml/zkml/onnx"
)

// Pointwise fusion. A subgraph whose every node computes, element by
// element, a function of one tensor x (a table function of such a value,
// or Add, Sub, Mul, Div or Pow of two such values or of one and a single
// constant) computes one real function f(x). GELU's tanh form
// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) is eight such nodes, SiLU
// x·σ(x) two. Lowered node by node, each product, table and scaling rounds
// and pays its range checks; fused, the subgraph is one lookup table of f
// (lookup.go, with the domain, clamping and output scale of any table over
// x), which rounds x once. It is fused when it holds at least two nodes
// that would round on their own (tables and products of two values of
// x), when x is a float value, and when nothing else reads its
// intermediate values; its other nodes are not lowered.

// fusion is one fused subgraph, keyed in compiler.fused by its last node.
type fusion struct {
	root  string                // x
	nodes []*onnx.Node          // in graph order, the last one computing f(x)
	f     func(float64) float64 // f, from the nodes' float semantics
}

// pointwise is what findFusions knows of a value that is a function of a
// root value: the function and the nodes computing it (graph order).
type pointwise struct {
	root   string
	f      func(float64) float64
	nodes  []*onnx.Node
	rounds int // nodes that would round on their own (roundsAlone)
}

// findFusions finds the subgraphs to fuse, marks their roots ranged (a
// table reads its input in the activation range) and returns the nodes
// not to lower.
func (c *compiler) findFusions() {
	c.fused = map[*onnx.Node]*fusion{}
	c.skip = map[*onnx.Node]bool{}
	index := map[*onnx.Node]int{}
	pw := map[string]*pointwise{}
	for i, n := range c.g.Nodes {
		index[n] = i
		if p := c.pointwiseNode(n, pw); p != nil {
			pw[n.Outputs[0]] = p
		}
	}
	// The largest subgraphs first: the last node of each, going backwards.
	for i := len(c.g.Nodes) - 1; i >= 0; i-- {
		n := c.g.Nodes[i]
		p := pw[n.Outputs[0]]
		if p == nil || p.rounds < 2 || c.skip[n] || c.fused[n] != nil || !c.closed(p) {
			continue
		}
		if slices.ContainsFunc(p.nodes, func(m *onnx.Node) bool { return c.skip[m] || c.fused[m] != nil }) {
			continue
		}
		nodes := slices.Clone(p.nodes)
		slices.SortFunc(nodes, func(a, b *onnx.Node) int { return index[a] - index[b] })
		c.fused[n] = &fusion{root: p.root, nodes: nodes, f: p.f}
		for _, m := range nodes[:len(nodes)-1] {
			c.skip[m] = true
		}
		c.ranged[p.root] = true
	}
	c.markLookupInputs()
}

// markLookupInputs marks the values a lookup table alone reads (a table
// op's input, a fused subgraph's root): their affine op does not round
// them, since the lookup rounds its input to the table's scale anyway
// (emit, lookupOperand). That saves a rescale's range checks per element;
// the lookup's first comparison bounds the rounded value as its rescale
// needs, and plan.Run checks that bound like the circuit.
func (c *compiler) markLookupInputs() {
	c.lookupInput = map[string]bool{}
	for _, n := range c.g.Nodes {
		switch fu := c.fused[n]; {
		case c.skip[n]:
		case fu != nil:
			reads := 0
			for _, m := range fu.nodes {
				reads += countOf(m.Inputs, fu.root)
			}
			if reads == c.uses[fu.root] {
				c.lookupInput[fu.root] = true
			}
		case rules[n.OpType] != nil && rules[n.OpType].table != nil && n.OpType != "Pow" && n.OpType != "Sign":
			if len(n.Inputs) == 1 && c.uses[n.Inputs[0]] == 1 {
				c.lookupInput[n.Inputs[0]] = true
			}
		}
	}
}

func countOf(names []string, name string) int {
	k := 0
	for _, s := range names {
		if s == name {
			k++
		}
	}
	return k
}

// closed reports whether only p's own nodes read its intermediate values.
func (c *compiler) closed(p *pointwise) bool {
	last := p.nodes[len(p.nodes)-1]
	reads := map[string]int{}
	for _, m := range p.nodes {
		for _, in := range m.Inputs {
			reads[in]++
		}
	}
	for _, m := range p.nodes {
		if m != last && reads[m.Outputs[0]] != c.uses[m.Outputs[0]] {
			return false
		}
	}
	return true
}

// pointwiseNode returns what output 0 of n is as a function of one root
// value, or nil when it is not one (see the fusion rules above).
func (c *compiler) pointwiseNode(n *onnx.Node, pw map[string]*pointwise) *pointwise {
	if len(n.Outputs) != 1 {
		return nil
	}
	shape, ok := c.g.Shape(n.Outputs[0])
	if !ok {
		return nil
	}
	// A computed input: its function of its root (the identity of the
	// value itself, when it is not pointwise), if it has the output's shape.
	value := func(name string) *pointwise {
		if c.g.Constants[name] != nil {
			return nil
		}
		if s, ok := c.g.Shape(name); !ok || !slices.Equal(s, shape) {
			return nil
		}
		if p := pw[name]; p != nil {
			return p
		}
		if v, ok := c.g.Values[name]; !ok || !v.DType.IsFloat() {
			return nil
		}
		return &pointwise{root: name, f: func(x float64) float64 { return x }}
	}
	// A constant input holding one value, which does not broadcast the
	// output beyond the computed operand's shape.
	scalar := func(name string) (float64, bool) {
		k := c.g.Constants[name]
		if k == nil || k.Len() == 0 || len(k.Shape) > len(shape) {
			return 0, false
		}
		v := k.At(0)
		for i := range k.Len() {
			if k.At(i) != v {
				return 0, false
			}
		}
		return v, !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	join := func(f func(float64) float64, ps ...*pointwise) *pointwise {
		p := &pointwise{root: ps[0].root, f: f}
		for _, q := range ps {
			if q.root != p.root {
				return nil
			}
			for _, m := range q.nodes {
				if !slices.Contains(p.nodes, m) {
					p.nodes = append(p.nodes, m)
				}
			}
		}
		p.nodes = append(p.nodes, n)
		for _, m := range p.nodes {
			p.rounds += roundsAlone(c, m)
		}
		return p
	}
	r := rules[n.OpType]
	switch n.OpType {
	case "Add", "Sub", "Mul", "Div", "Pow":
		if len(n.Inputs) != 2 {
			return nil
		}
		a, b := value(n.Inputs[0]), value(n.Inputs[1])
		op := binaryFunc(n.OpType)
		switch {
		case a != nil && b != nil:
			if n.OpType != "Add" && n.OpType != "Sub" && n.OpType != "Mul" {
				return nil // a computed divisor or exponent
			}
			fa, fb := a.f, b.f
			return join(func(x float64) float64 { return op(fa(x), fb(x)) }, a, b)
		case a != nil:
			k, ok := scalar(n.Inputs[1])
			if !ok || (n.OpType == "Div" && k == 0) || (n.OpType == "Pow" && (k != math.Trunc(k) || k < 1 || k > 8)) {
				return nil
			}
			fa := a.f
			return join(func(x float64) float64 { return op(fa(x), k) }, a)
		case b != nil:
			k, ok := scalar(n.Inputs[0])
			if !ok || n.OpType == "Div" || n.OpType == "Pow" {
				return nil
			}
			fb := b.f
			return join(func(x float64) float64 { return op(k, fb(x)) }, b)
		}
		return nil
	case "Neg":
		if a := value(n.Inputs[0]); a != nil && len(n.Inputs) == 1 {
			fa := a.f
			return join(func(x float64) float64 { return -fa(x) }, a)
		}
		return nil
	}
	if r == nil || r.table == nil || r.table.limited || r.table.calibrated || n.OpType == "Sign" || n.OpType == "Reciprocal" || len(n.Inputs) != 1 {
		return nil
	}
	g, ok := onnx.ElementwiseFunc(n)
	a := value(n.Inputs[0])
	if !ok || a == nil {
		return nil
	}
	fa := a.f
	return join(func(x float64) float64 { return g(fa(x)) }, a)
}

// roundsAlone is 1 for a node that rounds when lowered on its own: a table,
// a product of two computed values, a power.
func roundsAlone(c *compiler, n *onnx.Node) int {
	switch n.OpType {
	case "Add", "Sub", "Div", "Neg":
		return 0
	case "Mul":
		if c.g.Constants[n.Inputs[0]] == nil && c.g.Constants[n.Inputs[1]] == nil {
			return 1
		}
		return 0
	}
	return 1
}

// binaryFunc is the float semantics of an arithmetic op.
func binaryFunc(op string) func(a, b float64) float64 {
	switch op {
	case "Add":
		return func(a, b float64) float64 { return a + b }
	case "Sub":
		return func(a, b float64) float64 { return a - b }
	case "Mul":
		return func(a, b float64) float64 { return a * b }
	case "Div":
		return func(a, b float64) float64 { return a / b }
	}
	return math.Pow
}
