package quantize

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// Split is the one data-movement op with several outputs: each output is a
// Slice of the input along the axis (onnx.Load leaves axis and split, the
// size of every output, canonical).

// splitSlices returns the slice of the input each output takes: starts,
// ends, axes and steps for tensor.Slice.
func splitSlices(n *onnx.Node, in []int) ([][4][]int64, error) {
	ax, err := tensor.NormAxis(n.Int("axis", 0), len(in))
	if err != nil {
		return nil, err
	}
	split := n.Ints("split")
	if len(split) != len(n.Outputs) {
		return nil, fmt.Errorf("split %v has %d sizes for %d outputs", split, len(split), len(n.Outputs))
	}
	var out [][4][]int64
	off := int64(0)
	for _, s := range split {
		if s < 0 || off+s > int64(in[ax]) {
			return nil, fmt.Errorf("split %v does not fit axis %d of size %d", split, ax, in[ax])
		}
		out = append(out, [4][]int64{{off}, {off + s}, {int64(ax)}, {1}})
		off += s
	}
	if off != int64(in[ax]) {
		return nil, fmt.Errorf("split %v adds up to %d, not the axis size %d", split, off, in[ax])
	}
	return out, nil
}

func (c *compiler) lowerSplit(n *onnx.Node) error {
	if len(n.Inputs) == 0 || n.Inputs[0] == "" {
		return errors.New("input 0 is missing")
	}
	x, err := c.activation(n, 0)
	if err != nil {
		return err
	}
	t, err := c.materialized(x)
	if err != nil {
		return err
	}
	parts, err := splitSlices(n, x.shape)
	if err != nil {
		return err
	}
	for i, o := range n.Outputs {
		if o == "" {
			continue
		}
		p := parts[i]
		shape, src, err := tensor.Slice(x.shape, p[0], p[1], p[2], p[3])
		if err != nil {
			return err
		}
		l := newLinear(shape)
		in := l.input(t)
		for _, s := range src {
			l.term(in, s, 1)
			l.endRow()
		}
		r, err := c.emitAffine(fmt.Sprintf("%s[%d]", n.Name, i), l, o, true)
		if err != nil {
			return err
		}
		if r >= 0 {
			c.vals[o] = r
		}
	}
	return nil
}
