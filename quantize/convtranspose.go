package quantize

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/onnx"
)

// ConvTranspose is affine in its input, like Conv: one row per output
// element, read in gather form (onnx.TransposedConv).

// transposedConv is an onnx.TransposedConv.
type transposedConv struct {
	out []int // (N, M, ...)
	g   *onnx.TransposedConv
}

func newTransposedConv(n *onnx.Node, x, w []int) (*transposedConv, error) {
	g, err := onnx.NewTransposedConv(n, x, w)
	if err != nil {
		return nil, err
	}
	return &transposedConv{out: g.Out, g: g}, nil
}

// rows calls f for every output element in row-major order with the
// (input, weight) element pairs whose products it sums, and its channel.
func (tc *transposedConv) rows(f func(m int, taps [][2]int)) { tc.g.Rows(f) }

// convTransposeBias checks the optional bias: a constant per output channel.
func convTransposeBias(bias operand, m int) ([]float64, error) {
	if !bias.isConst || len(bias.data) != m {
		return nil, fmt.Errorf("the bias must be a constant with %d values", m)
	}
	return bias.data, nil
}

func (c *compiler) lowerConvTranspose(n *onnx.Node) (int, error) {
	x, err := c.activation(n, 0)
	if err != nil {
		return 0, err
	}
	w, err := c.operand(n, 1)
	if err != nil {
		return 0, err
	}
	if !w.isConst {
		return 0, errors.New("the weights must be a constant")
	}
	tc, err := newTransposedConv(n, x.shape, w.shape)
	if err != nil {
		return 0, err
	}
	var bias []float64
	if len(n.Inputs) > 2 && n.Inputs[2] != "" {
		b, err := c.operand(n, 2)
		if err != nil {
			return 0, err
		}
		if bias, err = convTransposeBias(b, tc.out[1]); err != nil {
			return 0, err
		}
	}
	l := newLinear(tc.out)
	in := l.source(x)
	row := 0
	tc.rows(func(m int, taps [][2]int) {
		for _, t := range taps {
			l.add(in, t[0], w.data[t[1]])
		}
		if bias != nil {
			l.addBias(row, bias[m])
		}
		l.endRow()
		row++
	})
	return c.emitAffine(n.Name, l, n.Outputs[0], false)
}
