package onnx

import (
	"fmt"
	"strings"
)

// Summary describes an imported graph for people (`zkml inspect`).
type Summary struct {
	Producer string
	Opset    int64
	Inputs   []Value
	Outputs  []Value
	Ops      []OpCount // op types of Graph.Nodes, in order of first use
	Nodes    int
	Params   int // elements of the constants the nodes use (weights, biases, ...)
}

// OpCount is how many nodes use one op type.
type OpCount struct {
	Op    string
	Count int
}

// Summary counts the graph's ops and parameters.
func (g *Graph) Summary() Summary {
	s := Summary{Producer: g.Producer, Opset: g.Opset, Inputs: g.Inputs, Outputs: g.Outputs, Nodes: len(g.Nodes)}
	idx := map[string]int{}
	seen := map[string]bool{}
	for _, n := range g.Nodes {
		i, ok := idx[n.OpType]
		if !ok {
			i = len(s.Ops)
			idx[n.OpType] = i
			s.Ops = append(s.Ops, OpCount{Op: n.OpType})
		}
		s.Ops[i].Count++
		for _, in := range n.Inputs {
			if t, ok := g.Constants[in]; ok && !seen[in] {
				seen[in] = true
				s.Params += t.Len()
			}
		}
	}
	return s
}

// String renders the summary as a few lines of text.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "producer: %s, opset %d\n", orDash(s.Producer), s.Opset)
	for _, v := range s.Inputs {
		fmt.Fprintf(&b, "input    %s: %s %v\n", v.Name, v.DType, v.Shape)
	}
	for _, v := range s.Outputs {
		fmt.Fprintf(&b, "output   %s: %s %v\n", v.Name, v.DType, v.Shape)
	}
	ops := make([]string, len(s.Ops))
	for i, o := range s.Ops {
		ops[i] = fmt.Sprintf("%s×%d", o.Op, o.Count)
	}
	fmt.Fprintf(&b, "nodes    %d: %s\n", s.Nodes, strings.Join(ops, ", "))
	fmt.Fprintf(&b, "params   %d\n", s.Params)
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
