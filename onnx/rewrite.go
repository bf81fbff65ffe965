package onnx

// Graph clean-ups after import: dropping nodes that compute nothing (Identity
// and friends) and nodes whose results no output needs.

// isPassThrough reports whether a node only forwards its input unchanged (as
// far as values go): Identity, inference-mode Dropout, and a Cast between
// float types (zkml computes all floats alike).
func isPassThrough(g *Graph, n *Node) bool {
	switch n.OpType {
	case "Identity":
		return true
	case "Dropout":
		return countOutputs(n) == 1
	case "Cast":
		in, ok := g.Values[n.Inputs[0]]
		return ok && in.DType.IsFloat() && DType(n.Int("to", 0)).IsFloat()
	}
	return false
}

// removeIdentities rewires the consumers of pass-through nodes to their
// inputs. A node producing a graph output stays, so that the output keeps
// its name.
func removeIdentities(g *Graph) {
	isOutput := map[string]bool{}
	for _, o := range g.Outputs {
		isOutput[o.Name] = true
	}
	rename := map[string]string{}
	kept := g.Nodes[:0]
	for _, n := range g.Nodes {
		for i, in := range n.Inputs {
			if r, ok := rename[in]; ok {
				n.Inputs[i] = r
			}
		}
		if isPassThrough(g, n) && !isOutput[n.Outputs[0]] {
			rename[n.Outputs[0]] = n.Inputs[0] // already renamed: chains collapse
			delete(g.Values, n.Outputs[0])
			continue
		}
		kept = append(kept, n)
	}
	g.Nodes = kept
}

// eliminateDeadNodes keeps only the nodes the graph outputs depend on, and
// drops the values and constants nothing refers to any more.
func eliminateDeadNodes(g *Graph) {
	needed := map[string]bool{}
	for _, o := range g.Outputs {
		needed[o.Name] = true
	}
	for _, in := range g.Inputs {
		needed[in.Name] = true // unused inputs stay part of the signature
	}
	live := make([]bool, len(g.Nodes))
	for i := len(g.Nodes) - 1; i >= 0; i-- {
		n := g.Nodes[i]
		for _, o := range n.Outputs {
			live[i] = live[i] || (o != "" && needed[o])
		}
		if live[i] {
			for _, in := range n.Inputs {
				needed[in] = true
			}
		}
	}
	kept := g.Nodes[:0]
	for i, n := range g.Nodes {
		if live[i] {
			kept = append(kept, n)
			for _, o := range n.Outputs {
				needed[o] = true
			}
		}
	}
	g.Nodes = kept
	for name := range g.Values {
		if !needed[name] {
			delete(g.Values, name)
		}
	}
	for name := range g.Constants {
		if !needed[name] {
			delete(g.Constants, name)
		}
	}
}
