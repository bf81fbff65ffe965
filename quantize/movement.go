package quantize

import (
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// movement describes a data-movement node as an index map: output element i
// is element src[i] of data input which[i], or the constant pad when src[i]
// is -1. A nil which means input 0 everywhere; a nil src means row-major
// order is kept (Reshape and friends).
type movement struct {
	out   []int
	which []int
	src   []int
	pad   float64
}

// paramInts returns an integer parameter: the canonical attribute, or, in
// graphs that were not canonicalized by onnx.Load, the constant input that
// older and newer opsets pass it as. ok is false when neither is present.
func paramInts(g *onnx.Graph, n *onnx.Node, attr string, input int) (v []int64, ok bool) {
	if a, found := n.Attrs[attr]; found && a.Kind == onnx.AttrInts {
		return a.Ints, true
	}
	if input > 0 && input < len(n.Inputs) {
		if t := g.Constants[n.Inputs[input]]; t != nil {
			return t.Ints(), true
		}
	}
	return nil, false
}

func movementOf(g *onnx.Graph, n *onnx.Node, shapes [][]int) (*movement, error) {
	in := shapes[0]
	mv := &movement{}
	var err error
	switch n.OpType {
	case "Identity":
		mv.out = in
	case "Reshape":
		shape, ok := paramInts(g, n, "shape", 1)
		if !ok {
			return nil, fmt.Errorf("the target shape is missing")
		}
		mv.out, err = tensor.ResolveReshape(in, shape, n.Int("allowzero", 0) != 0)
	case "Flatten":
		a, e := tensor.NormAxis(n.Int("axis", 1), len(in)+1)
		if e != nil {
			return nil, e
		}
		mv.out = []int{tensor.Size(in[:a]), tensor.Size(in[a:])}
	case "Squeeze":
		axes, _ := paramInts(g, n, "axes", 1)
		mv.out, err = squeeze(in, axes)
	case "Unsqueeze":
		axes, ok := paramInts(g, n, "axes", 1)
		if !ok {
			return nil, fmt.Errorf("the axes are missing")
		}
		mv.out, err = unsqueeze(in, axes)
	case "Transpose":
		perm := n.Ints("perm")
		p := make([]int, len(perm))
		for i, x := range perm {
			p[i] = int(x)
		}
		mv.out, mv.src, err = tensor.Transpose(in, p)
	case "Slice":
		starts, ok1 := paramInts(g, n, "starts", 1)
		ends, ok2 := paramInts(g, n, "ends", 2)
		axes, _ := paramInts(g, n, "axes", 3)
		steps, _ := paramInts(g, n, "steps", 4)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("starts or ends are missing")
		}
		mv.out, mv.src, err = tensor.Slice(in, starts, ends, axes, steps)
	case "Pad":
		pads, ok := paramInts(g, n, "pads", 1)
		if !ok {
			return nil, fmt.Errorf("the pads are missing")
		}
		mv.pad = n.Float("value", 0)
		if len(n.Inputs) > 2 {
			if t := g.Constants[n.Inputs[2]]; t != nil && t.Len() == 1 {
				mv.pad = t.At(0)
			}
		}
		mv.out, mv.src, err = tensor.Pad(in, pads, n.String("mode", "constant"))
	case "Concat":
		mv.out, mv.which, mv.src, err = tensor.Concat(shapes, int(n.Int("axis", 0)))
	case "Gather":
		if len(n.Inputs) < 2 || g.Constants[n.Inputs[1]] == nil {
			return nil, fmt.Errorf("the indices must be a constant (gathering at computed positions is a lookup, which zkml does not support)")
		}
		idx := g.Constants[n.Inputs[1]]
		if idx.DType.IsFloat() {
			return nil, fmt.Errorf("the indices are %s, not integers", idx.DType)
		}
		mv.out, mv.src, err = tensor.Gather(in, int(n.Int("axis", 0)), idx.Int, idx.Shape)
	case "Expand":
		shape, ok := paramInts(g, n, "shape", 1)
		if !ok {
			return nil, fmt.Errorf("the target shape is missing")
		}
		target, e := toInts(shape)
		if e != nil {
			return nil, e
		}
		mv.out, mv.src, err = tensor.Expand(in, target)
	case "Tile":
		reps, ok := paramInts(g, n, "repeats", 1)
		if !ok {
			return nil, fmt.Errorf("the repeats are missing")
		}
		mv.out, mv.src, err = tensor.Tile(in, reps)
	case "Resize", "Upsample": // nearest only (onnx.Load rejects the others)
		if m := n.String("mode", "nearest"); m != "nearest" {
			return nil, fmt.Errorf("mode %q is not supported (nearest is)", m)
		}
		mv.out, mv.src, err = onnx.ResizeIndex(n, in)
	default:
		return nil, fmt.Errorf("not a data-movement op")
	}
	if err != nil {
		return nil, err
	}
	if mv.src == nil && tensor.Size(mv.out) != tensor.Size(in) {
		return nil, fmt.Errorf("output shape %v holds %d elements, the input %v holds %d", mv.out, tensor.Size(mv.out), in, tensor.Size(in))
	}
	return mv, tensor.CheckShape(mv.out)
}

// from returns the input and element that output element i reads (src -1: pad).
func (mv *movement) from(i int) (which, src int) {
	if mv.which != nil {
		which = mv.which[i]
	}
	if mv.src == nil {
		return which, i
	}
	return which, mv.src[i]
}

func toInts(v []int64) ([]int, error) {
	out := make([]int, len(v))
	for i, x := range v {
		if x < 0 || x > tensor.MaxElements {
			return nil, fmt.Errorf("dimension %d is out of range", x)
		}
		out[i] = int(x)
	}
	return out, nil
}

// squeeze removes the listed axes, which must be 1s (all 1s when none are listed).
func squeeze(in []int, axes []int64) ([]int, error) {
	drop := make([]bool, len(in))
	if len(axes) == 0 {
		for i, d := range in {
			drop[i] = d == 1
		}
	}
	for _, a := range axes {
		ax, err := tensor.NormAxis(a, len(in))
		if err != nil {
			return nil, err
		}
		if in[ax] != 1 {
			return nil, fmt.Errorf("axis %d of shape %v is %d, not 1", ax, in, in[ax])
		}
		drop[ax] = true
	}
	var out []int
	for i, d := range in {
		if !drop[i] {
			out = append(out, d)
		}
	}
	return out, nil
}

// unsqueeze inserts 1s at the listed axes of the output.
func unsqueeze(in []int, axes []int64) ([]int, error) {
	r := len(in) + len(axes)
	ins := make([]bool, r)
	for _, a := range axes {
		ax, err := tensor.NormAxis(a, r)
		if err != nil {
			return nil, err
		}
		if ins[ax] {
			return nil, fmt.Errorf("axis %d is listed twice", ax)
		}
		ins[ax] = true
	}
	out := make([]int, 0, r)
	j := 0
	for i := range r {
		if ins[i] {
			out = append(out, 1)
		} else {
			out = append(out, in[j])
			j++
		}
	}
	return out, nil
}
