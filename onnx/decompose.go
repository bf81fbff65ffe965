package onnx

import (
	"fmt"
)

// Composite ops are replaced, before they are processed, by the graph of
// simpler ops they stand for, so that later stages see only ops they know
// and every intermediate value is a named value that calibration measures.

// expandNode returns the nodes that replace n: n itself unless it is a
// composite op whose input types are known.
func (im *importer) expandNode(n *Node) ([]*Node, error) {
	switch n.OpType {
	case "LayerNormalization":
		return im.expandNormalization(n, false)
	case "InstanceNormalization":
		return im.expandNormalization(n, true)
	case "RNN", "LSTM", "GRU":
		return im.expandRecurrent(n)
	case "ReduceL1", "ReduceL2", "ReduceSumSquare":
		return im.expandNorm(n)
	}
	return []*Node{n}, nil
}

// expandNormalization writes LayerNormalization (normalizing over the axes
// from axis on) or InstanceNormalization (over the spatial axes, with
// per-channel scale and bias) as
//
//	mean = ReduceMean(X); d = X − mean; var = ReduceMean(d·d)
//	sd = Sqrt(var + epsilon); Y = d / sd · Scale + B
//
// LayerNormalization's optional outputs Mean and InvStdDev are mean and
// Reciprocal(sd).
func (im *importer) expandNormalization(n *Node, instance bool) ([]*Node, error) {
	g := im.g
	if len(n.Inputs) < 2 || n.Inputs[0] == "" || n.Inputs[1] == "" || len(n.Outputs) == 0 {
		return []*Node{n}, nil // processNode reports it
	}
	shape, ok := g.Shape(n.Inputs[0])
	if !ok {
		return []*Node{n}, nil
	}
	r := int64(len(shape))
	eps := 1e-5
	if a, ok := n.Attrs["epsilon"]; ok {
		if a.Kind != AttrFloat {
			return nil, fmt.Errorf("%s: attribute \"epsilon\" has the wrong type", n.Describe())
		}
		eps = a.Float
	}
	var axes []int64
	scale, bias := n.Inputs[1], ""
	if len(n.Inputs) > 2 {
		bias = n.Inputs[2]
	}
	if instance {
		if r < 3 {
			return nil, fmt.Errorf("%s: input shape %v: needs [N, C, spatial...]", n.Describe(), shape)
		}
		for i := int64(2); i < r; i++ {
			axes = append(axes, i)
		}
		// Scale and B are per channel: reshape them to [C, 1, ...].
		var err error
		if scale, err = im.channelConstant(n, scale, shape, "scale"); err != nil {
			return nil, err
		}
		if bias != "" {
			if bias, err = im.channelConstant(n, bias, shape, "B"); err != nil {
				return nil, err
			}
		}
	} else {
		axis := n.Int("axis", -1)
		if axis < 0 {
			axis += r
		}
		if axis < 0 || axis >= r {
			return nil, fmt.Errorf("%s: axis %d is out of range for rank %d", n.Describe(), n.Int("axis", -1), r)
		}
		for i := axis; i < r; i++ {
			axes = append(axes, i)
		}
	}
	var out []*Node
	name := func(s string) string { return n.Name + "/" + s }
	add := func(op, as string, inputs []string, output string, attrs map[string]*Attr) string {
		if output == "" {
			output = name(as + "_output")
		}
		if attrs == nil {
			attrs = map[string]*Attr{}
		}
		out = append(out, &Node{Name: name(as), OpType: op, Inputs: inputs, Outputs: []string{output}, Attrs: attrs})
		return output
	}
	constant := func(as string, t *Tensor) string {
		c := name(as)
		g.Constants[c] = t
		return c
	}
	reduceMean := func(as, x, output string) string {
		attrs := map[string]*Attr{"keepdims": {Kind: AttrInt, Int: 1}}
		inputs := []string{x}
		if g.Opset >= 18 {
			inputs = append(inputs, constant(as+"_axes", &Tensor{DType: Int64, Shape: []int{len(axes)}, Int: append([]int64(nil), axes...)}))
		} else {
			attrs["axes"] = &Attr{Kind: AttrInts, Ints: append([]int64(nil), axes...)}
		}
		return add("ReduceMean", as, inputs, output, attrs)
	}
	optional := func(i int) string {
		if !instance && i < len(n.Outputs) {
			return n.Outputs[i]
		}
		return ""
	}
	x := n.Inputs[0]
	mean := reduceMean("mean", x, optional(1))
	d := add("Sub", "centered", []string{x, mean}, "", nil)
	sq := add("Mul", "squared", []string{d, d}, "", nil)
	variance := reduceMean("variance", sq, "")
	ve := add("Add", "variance_eps", []string{variance, constant("epsilon", &Tensor{DType: Float32, Shape: []int{}, Float: []float64{eps}})}, "", nil)
	sd := add("Sqrt", "stddev", []string{ve}, "", nil)
	if o := optional(2); o != "" {
		add("Reciprocal", "inv_stddev", []string{sd}, o, nil)
	}
	y := n.Outputs[0]
	normed := add("Div", "normalized", []string{d, sd}, "", nil)
	scaledOut := ""
	if bias == "" {
		scaledOut = y
	}
	scaled := add("Mul", "scaled", []string{normed, scale}, scaledOut, nil)
	if bias != "" {
		add("Add", "shifted", []string{scaled, bias}, y, nil)
	}
	return out, nil
}

// channelConstant returns a constant per-channel parameter reshaped to
// [C, 1, ...] so that it broadcasts over an input of shape [N, C, ...].
func (im *importer) channelConstant(n *Node, name string, shape []int, what string) (string, error) {
	t := im.g.Constants[name]
	if t == nil {
		return "", fmt.Errorf("%s: the %s input %q is computed from the inputs; zkml needs it to be a constant", n.Describe(), what, name)
	}
	if t.Len() != shape[1] {
		return "", fmt.Errorf("%s: the %s input has %d elements for %d channels", n.Describe(), what, t.Len(), shape[1])
	}
	rs := make([]int, len(shape)-1)
	rs[0] = shape[1]
	for i := 1; i < len(rs); i++ {
		rs[i] = 1
	}
	c := *t
	c.Shape = rs
	out := n.Name + "/" + what + "_per_channel"
	im.g.Constants[out] = &c
	return out, nil
}

// expandNorm writes ReduceSumSquare, ReduceL1 and ReduceL2 as a ReduceSum
// (same axes, keepdims and noop_with_empty_axes) of x·x or Abs(x), under a
// Sqrt for ReduceL2. The ReduceSum takes its axes the way the model's opset
// wants them (an input from opset 13, an attribute before), whichever way
// the original node gave them.
func (im *importer) expandNorm(n *Node) ([]*Node, error) {
	g := im.g
	if len(n.Inputs) == 0 || n.Inputs[0] == "" || len(n.Outputs) != 1 {
		return []*Node{n}, nil // processNode reports it
	}
	if _, ok := g.Shape(n.Inputs[0]); !ok {
		return []*Node{n}, nil
	}
	var axes []int64
	hasAxes := false
	if a, ok := n.Attrs["axes"]; ok {
		if a.Kind != AttrInts {
			return nil, fmt.Errorf("%s: attribute \"axes\" has the wrong type", n.Describe())
		}
		axes, hasAxes = a.Ints, true
	}
	if len(n.Inputs) > 1 && n.Inputs[1] != "" {
		t := g.Constants[n.Inputs[1]]
		if t == nil {
			return nil, fmt.Errorf("%s: the axes input %q is computed from the model inputs; zkml needs it to be a constant (static shapes only)", n.Describe(), n.Inputs[1])
		}
		if t.DType.IsFloat() {
			return nil, fmt.Errorf("%s: the axes input %q must be an integer tensor, not %s", n.Describe(), n.Inputs[1], t.DType)
		}
		axes, hasAxes = t.Int, true
	}
	name := func(s string) string { return n.Name + "/" + s }
	x := n.Inputs[0]
	var out []*Node
	term := name("terms")
	if n.OpType == "ReduceL1" {
		out = append(out, &Node{Name: name("abs"), OpType: "Abs", Inputs: []string{x}, Outputs: []string{term}, Attrs: map[string]*Attr{}})
	} else {
		out = append(out, &Node{Name: name("square"), OpType: "Mul", Inputs: []string{x, x}, Outputs: []string{term}, Attrs: map[string]*Attr{}})
	}
	attrs := map[string]*Attr{}
	for _, k := range []string{"keepdims", "noop_with_empty_axes"} {
		if a, ok := n.Attrs[k]; ok {
			attrs[k] = a
		}
	}
	inputs := []string{term}
	if hasAxes && len(axes) > 0 {
		if g.Opset >= reduceAxesFromInput("ReduceSum") {
			c := name("axes")
			g.Constants[c] = &Tensor{DType: Int64, Shape: []int{len(axes)}, Int: append([]int64(nil), axes...)}
			inputs = append(inputs, c)
		} else {
			attrs["axes"] = &Attr{Kind: AttrInts, Ints: append([]int64(nil), axes...)}
		}
	}
	sum := n.Outputs[0]
	if n.OpType == "ReduceL2" {
		sum = name("sum_of_squares")
	}
	out = append(out, &Node{Name: name("sum"), OpType: "ReduceSum", Inputs: inputs, Outputs: []string{sum}, Attrs: attrs})
	if n.OpType == "ReduceL2" {
		out = append(out, &Node{Name: name("sqrt"), OpType: "Sqrt", Inputs: []string{sum}, Outputs: []string{n.Outputs[0]}, Attrs: map[string]*Attr{}})
	}
	return out, nil
}
