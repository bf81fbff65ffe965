package quantize

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// RunFloat executes the graph in float64 with ONNX semantics ([onnx.Eval])
// and returns every computed value by name: the graph inputs, every node
// output and so the graph outputs. It is the reference the quantized plan
// is measured against, and what Calibrate records ranges from; it never
// goes through the Plan. inputs holds one row-major list per graph input,
// in order.
func RunFloat(g *onnx.Graph, inputs [][]float64) (map[string][]float64, error) {
	return onnx.Eval(g, inputs)
}

func filePrefix(g *onnx.Graph) string {
	if g.File == "" {
		return ""
	}
	return g.File + ": "
}

// checkDeclared compares a computed shape with the one onnx.Load inferred,
// when there is one: a mismatch means the two disagree on the op's semantics.
func checkDeclared(g *onnx.Graph, n *onnx.Node, shape []int) error {
	if v, ok := g.Values[n.Outputs[0]]; ok && v.Shape != nil && !slices.Equal(v.Shape, shape) {
		return fmt.Errorf("computed output shape %v, but the model's shape inference gives %v", shape, v.Shape)
	}
	return nil
}

// outputCount rejects nodes whose second and later outputs are used (MaxPool
// indices, BatchNormalization running statistics): zkml computes output 0.
func outputCount(n *onnx.Node) error {
	if len(n.Outputs) == 0 || n.Outputs[0] == "" {
		return errors.New("the node has no output")
	}
	for i, o := range n.Outputs[1:] {
		if o != "" {
			return fmt.Errorf("output %d (%q) is not supported; only the first output is", i+1, o)
		}
	}
	return nil
}

// castTarget returns the dtype a Cast converts to: the output's inferred
// type, or the canonical "to" attribute (an onnx.DType, as onnx.Load writes it).
func castTarget(g *onnx.Graph, n *onnx.Node) (onnx.DType, error) {
	if v, ok := g.Values[n.Outputs[0]]; ok && v.DType != onnx.Undefined {
		return v.DType, nil
	}
	to := onnx.DType(n.Int("to", 0))
	switch to {
	case onnx.Float32, onnx.Float64, onnx.Float16, onnx.Int8, onnx.Int16, onnx.Int32, onnx.Int64, onnx.Uint8, onnx.Bool:
		return to, nil
	}
	return onnx.Undefined, fmt.Errorf("cast target %v is not supported", to)
}

// broadcast2 returns the output shape of a binary elementwise op and the
// index maps of both operands.
func broadcast2(a, b []int) (out []int, ia, ib []int, err error) {
	out, err = tensor.BroadcastShape(a, b)
	if err != nil {
		return nil, nil, nil, err
	}
	return out, tensor.BroadcastIndex(a, out), tensor.BroadcastIndex(b, out), nil
}

// reductionOf returns the reduction a reducing node performs on shape.
func reductionOf(g *onnx.Graph, n *onnx.Node, shape []int) (*reduction, error) {
	switch n.OpType {
	case "GlobalAveragePool", "GlobalMaxPool":
		if len(shape) < 3 {
			return nil, fmt.Errorf("input shape %v: needs [N, C, spatial...]", shape)
		}
		axes := make([]int64, len(shape)-2)
		for i := range axes {
			axes[i] = int64(i + 2)
		}
		return newReduction(shape, axes, true)
	}
	axes, _ := paramInts(g, n, "axes", 1)
	if len(axes) == 0 && n.Int("noop_with_empty_axes", 0) == 0 {
		// No axes means all axes, unless noop_with_empty_axes asks for an
		// identity (every element its own group).
		axes = make([]int64, len(shape))
		for i := range axes {
			axes[i] = int64(i)
		}
	}
	return newReduction(shape, axes, n.Int("keepdims", 1) != 0)
}

// batchNormAffine folds a BatchNormalization's constants into y = a·x + b
// per channel (axis 1).
func batchNormAffine(g *onnx.Graph, n *onnx.Node, shape []int) (a, b []float64, err error) {
	if n.Int("training_mode", 0) != 0 {
		return nil, nil, errors.New("training_mode=1 is not supported; export the model in inference mode")
	}
	if len(n.Inputs) != 5 {
		return nil, nil, fmt.Errorf("has %d inputs, want 5 (X, scale, B, mean, var)", len(n.Inputs))
	}
	if len(shape) < 2 {
		return nil, nil, fmt.Errorf("input shape %v has no channel axis", shape)
	}
	c := shape[1]
	p := make([][]float64, 4)
	for i, what := range []string{"scale", "B", "mean", "var"} {
		t := g.Constants[n.Inputs[i+1]]
		if t == nil {
			return nil, nil, fmt.Errorf("input %s (%q) must be a constant", what, n.Inputs[i+1])
		}
		if t.Len() != c {
			return nil, nil, fmt.Errorf("input %s has %d values for %d channels", what, t.Len(), c)
		}
		p[i] = t.Floats()
	}
	eps := n.Float("epsilon", 1e-5)
	a, b = make([]float64, c), make([]float64, c)
	for i := range c {
		d := p[3][i] + eps
		if !(d > 0) {
			return nil, nil, fmt.Errorf("channel %d: var + epsilon = %g is not positive", i, d)
		}
		a[i] = p[0][i] / math.Sqrt(d)
		b[i] = p[1][i] - p[2][i]*a[i]
	}
	return a, b, nil
}

// channelIndex returns a function from flat index to channel (axis 1).
func channelIndex(shape []int) func(int) int {
	inner := tensor.Size(shape[2:])
	c := shape[1]
	return func(i int) int { return (i / inner) % c }
}
