package quantize

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// fval is a value of the float executor.
type fval struct {
	shape []int
	data  []float64
}

// RunFloat executes the graph in float64 with ONNX semantics and returns
// every computed value by name: the graph inputs, every node output and so
// the graph outputs. It is the reference the quantized plan is measured
// against, and what Calibrate records ranges from; it never goes through
// the Plan. inputs holds one row-major list per graph input, in order.
func RunFloat(g *onnx.Graph, inputs [][]float64) (map[string][]float64, error) {
	vals, err := runFloat(g, inputs)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]float64, len(vals))
	for name, v := range vals {
		out[name] = v.data
	}
	return out, nil
}

func runFloat(g *onnx.Graph, inputs [][]float64) (map[string]*fval, error) {
	if len(inputs) != len(g.Inputs) {
		return nil, fmt.Errorf("%sthe model has %d input(s) but %d were given", filePrefix(g), len(g.Inputs), len(inputs))
	}
	vals := make(map[string]*fval, len(g.Nodes)+len(g.Inputs))
	for i, v := range g.Inputs {
		if n := onnx.NumElements(v.Shape); len(inputs[i]) != n {
			return nil, fmt.Errorf("%sinput %d (%q) has %d value(s); the model expects %d (shape %v)", filePrefix(g), i, v.Name, len(inputs[i]), n, v.Shape)
		}
		for j, x := range inputs[i] {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("%sinput %d (%q): element %d is %g, not a finite number", filePrefix(g), i, v.Name, j, x)
			}
		}
		vals[v.Name] = &fval{shape: v.Shape, data: inputs[i]}
	}
	consts := map[string]*fval{}
	for _, n := range g.Nodes {
		ins := make([]*fval, len(n.Inputs))
		for i, name := range n.Inputs {
			switch {
			case name == "":
			case vals[name] != nil:
				ins[i] = vals[name]
			case g.Constants[name] != nil:
				if consts[name] == nil {
					t := g.Constants[name]
					consts[name] = &fval{shape: t.Shape, data: t.Floats()}
				}
				ins[i] = consts[name]
			default:
				return nil, nodeErr(g, n, fmt.Errorf("input %q is neither a graph input, a constant nor computed by an earlier node", name))
			}
		}
		if (n.OpType == "Split" || n.OpType == "TopK") && len(ins) > 0 && ins[0] != nil {
			var outs []*fval
			var err error
			if n.OpType == "Split" {
				outs, err = floatSplit(n, ins[0])
			} else {
				outs, err = floatTopK(n, ins[0])
			}
			if err != nil {
				return nil, nodeErr(g, n, err)
			}
			for i, o := range n.Outputs {
				if o != "" {
					vals[o] = outs[i]
				}
			}
			continue
		}
		out, err := evalFloat(g, n, ins)
		if err == nil {
			err = checkDeclared(g, n, out.shape)
		}
		if err != nil {
			return nil, nodeErr(g, n, err)
		}
		vals[n.Outputs[0]] = out
	}
	for _, o := range g.Outputs {
		if vals[o.Name] == nil {
			k := g.Constants[o.Name]
			if k == nil {
				return nil, fmt.Errorf("%soutput %q is neither computed by a node nor a constant", filePrefix(g), o.Name)
			}
			vals[o.Name] = &fval{shape: k.Shape, data: k.Floats()}
		}
	}
	return vals, nil
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

func evalFloat(g *onnx.Graph, n *onnx.Node, ins []*fval) (*fval, error) {
	if err := outputCount(n); err != nil {
		return nil, err
	}
	if len(ins) == 0 {
		return nil, errors.New("the node has no inputs")
	}
	for i := range min(len(ins), dataInputs(n)) {
		if ins[i] == nil {
			return nil, fmt.Errorf("input %d is missing", i)
		}
	}
	if n.OpType == "Gather" && len(n.Inputs) == 2 && g.Constants[n.Inputs[1]] == nil {
		return floatGatherTable(n, ins)
	}
	if movementOps[n.OpType] {
		return floatMovement(g, n, ins)
	}
	if len(ins) == 0 || ins[0] == nil {
		return nil, errors.New("input 0 is missing")
	}
	x := ins[0]
	switch n.OpType {
	case "Cast":
		to, err := castTarget(g, n)
		if err != nil {
			return nil, err
		}
		out := &fval{shape: x.shape, data: slices.Clone(x.data)}
		if !to.IsFloat() {
			for i, v := range out.data {
				out.data[i] = math.Trunc(v)
			}
		}
		return out, nil
	case "Neg":
		return mapFloat(x, func(v float64) float64 { return -v }), nil
	case "Relu":
		return mapFloat(x, func(v float64) float64 { return max(v, 0) }), nil
	case "Not", "And", "Or", "Xor":
		return floatLogic(n.OpType, ins)
	case "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Equal":
		if len(ins) != 2 || ins[1] == nil {
			return nil, errors.New("needs two inputs")
		}
		return floatCompare(n.OpType, x, ins[1])
	case "Where":
		return floatWhere(ins)
	case "ArgMax", "ArgMin":
		return floatArgMax(n, x)
	case "OneHot":
		return floatOneHot(n, ins)
	case "GatherElements":
		return floatGatherElements(n, ins)
	case "ScatterElements":
		return floatScatterElements(n, ins)
	case "Add", "Sub", "Mul", "Div":
		if len(ins) != 2 || ins[1] == nil {
			return nil, errors.New("needs two inputs")
		}
		return floatBinary(n.OpType, x, ins[1])
	case "Gemm":
		return floatGemm(n, ins)
	case "MatMul":
		if len(ins) != 2 || ins[1] == nil {
			return nil, errors.New("needs two inputs")
		}
		return floatMatMul(x, ins[1])
	case "Conv":
		return floatConv(n, ins)
	case "ConvTranspose":
		return floatConvTranspose(n, ins)
	case "MaxPool", "AveragePool":
		return floatPool(n, x)
	case "GlobalAveragePool", "GlobalMaxPool", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceLogSumExp":
		return floatReduce(g, n, x)
	case "Max", "Min", "Sum", "Mean":
		return floatVariadic(n.OpType, ins)
	case "Clip":
		lo, hi := n.Float("min", math.Inf(-1)), n.Float("max", math.Inf(1))
		return mapFloat(x, func(v float64) float64 { return min(max(v, lo), hi) }), nil
	case "BatchNormalization":
		a, b, err := batchNormAffine(g, n, x.shape)
		if err != nil {
			return nil, err
		}
		ch := channelIndex(x.shape)
		out := &fval{shape: x.shape, data: make([]float64, len(x.data))}
		for i, v := range x.data {
			out.data[i] = a[ch(i)]*v + b[ch(i)]
		}
		return out, nil
	}
	if out, ok, err := floatNonlinear(g, n, ins); ok {
		return out, err
	}
	return nil, fmt.Errorf("op %s is not supported", n.OpType)
}

func mapFloat(x *fval, f func(float64) float64) *fval {
	out := &fval{shape: x.shape, data: make([]float64, len(x.data))}
	for i, v := range x.data {
		out.data[i] = f(v)
	}
	return out
}

func floatMovement(g *onnx.Graph, n *onnx.Node, ins []*fval) (*fval, error) {
	k := dataInputs(n)
	shapes := make([][]int, k)
	for i := range k {
		shapes[i] = ins[i].shape
	}
	mv, err := movementOf(g, n, shapes)
	if err != nil {
		return nil, err
	}
	out := &fval{shape: mv.out, data: make([]float64, tensor.Size(mv.out))}
	for i := range out.data {
		w, s := mv.from(i)
		if s < 0 {
			out.data[i] = mv.pad
		} else {
			out.data[i] = ins[w].data[s]
		}
	}
	return out, nil
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

func floatBinary(op string, a, b *fval) (*fval, error) {
	shape, ia, ib, err := broadcast2(a.shape, b.shape)
	if err != nil {
		return nil, err
	}
	out := &fval{shape: shape, data: make([]float64, len(ia))}
	for i := range out.data {
		x, y := a.data[ia[i]], b.data[ib[i]]
		switch op {
		case "Add":
			out.data[i] = x + y
		case "Sub":
			out.data[i] = x - y
		case "Mul":
			out.data[i] = x * y
		case "Div":
			out.data[i] = x / y
		case "Pow":
			out.data[i] = math.Pow(x, y)
		}
	}
	return out, nil
}

func floatGemm(n *onnx.Node, ins []*fval) (*fval, error) {
	if len(ins) < 2 || ins[1] == nil {
		return nil, errors.New("needs inputs A and B")
	}
	m, k, sa, err := gemmOperand(ins[0].shape, n.Int("transA", 0) != 0)
	if err != nil {
		return nil, err
	}
	k2, nn, sb, err := gemmOperand(ins[1].shape, n.Int("transB", 0) != 0)
	if err != nil {
		return nil, err
	}
	if k != k2 {
		return nil, fmt.Errorf("A %v and B %v: inner dimensions %d and %d differ", ins[0].shape, ins[1].shape, k, k2)
	}
	alpha, beta := n.Float("alpha", 1), n.Float("beta", 1)
	out := &fval{shape: []int{m, nn}, data: make([]float64, m*nn)}
	var ic []int
	if len(ins) > 2 && ins[2] != nil {
		if ic = tensor.BroadcastIndex(ins[2].shape, out.shape); ic == nil {
			return nil, fmt.Errorf("C %v does not broadcast to %v", ins[2].shape, out.shape)
		}
	}
	for i := range m {
		for j := range nn {
			s := 0.0
			for l := range k {
				s += ins[0].data[sa[i*k+l]] * ins[1].data[sb[l*nn+j]]
			}
			s *= alpha
			if ic != nil {
				s += beta * ins[2].data[ic[i*nn+j]]
			}
			out.data[i*nn+j] = s
		}
	}
	return out, nil
}

func floatMatMul(a, b *fval) (*fval, error) {
	mm, err := newMatmul(a.shape, b.shape)
	if err != nil {
		return nil, err
	}
	out := &fval{shape: mm.out, data: make([]float64, tensor.Size(mm.out))}
	o := 0
	for bi := range mm.aBatch {
		for i := range mm.m {
			for j := range mm.n {
				s := 0.0
				for l := range mm.k {
					s += a.data[mm.aBatch[bi]+i*mm.k+l] * b.data[mm.bBatch[bi]+l*mm.n+j]
				}
				out.data[o] = s
				o++
			}
		}
	}
	return out, nil
}

func floatConv(n *onnx.Node, ins []*fval) (*fval, error) {
	if len(ins) < 2 || ins[1] == nil {
		return nil, errors.New("needs inputs X and W")
	}
	x, w := ins[0], ins[1]
	win, group, err := convGeometry(n, x.shape, w.shape)
	if err != nil {
		return nil, err
	}
	N, C, M := x.shape[0], x.shape[1], w.shape[0]
	var bias []float64
	if len(ins) > 2 && ins[2] != nil {
		if len(ins[2].data) != M {
			return nil, fmt.Errorf("bias has %d values for %d output channels", len(ins[2].data), M)
		}
		bias = ins[2].data
	}
	cg, mg := C/group, M/group
	inSp, outSp, kSz := tensor.Size(win.in), tensor.Size(win.out), tensor.Size(win.kernel)
	outShape := append([]int{N, M}, win.out...)
	out := &fval{shape: outShape, data: make([]float64, tensor.Size(outShape))}
	win.each(func(o int, taps []tap, _ int) {
		for b := range N {
			for m := range M {
				s := 0.0
				if bias != nil {
					s = bias[m]
				}
				c0 := (m / mg) * cg
				for c := range cg {
					xb := (b*C + c0 + c) * inSp
					wb := (m*cg + c) * kSz
					for _, t := range taps {
						s += x.data[xb+t.in] * w.data[wb+t.k]
					}
				}
				out.data[(b*M+m)*outSp+o] = s
			}
		}
	})
	return out, nil
}

func floatPool(n *onnx.Node, x *fval) (*fval, error) {
	win, err := poolWindow(n, x.shape)
	if err != nil {
		return nil, err
	}
	isMax := n.OpType == "MaxPool"
	includePad := n.Int("count_include_pad", 0) != 0
	planes := x.shape[0] * x.shape[1]
	inSp, outSp := tensor.Size(win.in), tensor.Size(win.out)
	outShape := append([]int{x.shape[0], x.shape[1]}, win.out...)
	out := &fval{shape: outShape, data: make([]float64, tensor.Size(outShape))}
	var werr error
	win.each(func(o int, taps []tap, padded int) {
		if len(taps) == 0 {
			werr = fmt.Errorf("output position %d of the pooling window covers only padding", o)
			return
		}
		for p := range planes {
			xb := p * inSp
			var s float64
			if isMax {
				s = math.Inf(-1)
				for _, t := range taps {
					s = max(s, x.data[xb+t.in])
				}
			} else {
				for _, t := range taps {
					s += x.data[xb+t.in]
				}
				d := len(taps)
				if includePad {
					d = padded
				}
				s /= float64(d)
			}
			out.data[p*outSp+o] = s
		}
	})
	return out, werr
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

func floatReduce(g *onnx.Graph, n *onnx.Node, x *fval) (*fval, error) {
	rd, err := reductionOf(g, n, x.shape)
	if err != nil {
		return nil, err
	}
	out := &fval{shape: rd.out, data: make([]float64, len(rd.rows))}
	for o, row := range rd.rows {
		if len(row) == 0 {
			return nil, fmt.Errorf("reduces over an empty axis")
		}
		s := 0.0
		switch n.OpType {
		case "ReduceLogSumExp": // max + log Σ exp(x − max), which cannot overflow
			m := math.Inf(-1)
			for _, i := range row {
				m = max(m, x.data[i])
			}
			for _, i := range row {
				s += math.Exp(x.data[i] - m)
			}
			out.data[o] = m + math.Log(s)
			continue
		case "ReduceMax", "GlobalMaxPool":
			s = math.Inf(-1)
		case "ReduceMin":
			s = math.Inf(1)
		}
		for _, i := range row {
			switch n.OpType {
			case "ReduceMax", "GlobalMaxPool":
				s = max(s, x.data[i])
			case "ReduceMin":
				s = min(s, x.data[i])
			default:
				s += x.data[i]
			}
		}
		if n.OpType == "ReduceMean" || n.OpType == "GlobalAveragePool" {
			s /= float64(len(row))
		}
		out.data[o] = s
	}
	return out, nil
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
