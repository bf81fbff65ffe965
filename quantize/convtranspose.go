package quantize

import (
	"errors"
	"fmt"

	"github.com/zkml/zkml/internal/tensor"
	"github.com/zkml/zkml/onnx"
)

// ConvTranspose is affine in its input, like Conv: one row per output
// element, read here in gather form. Output position o along a spatial axis
// receives input position i through kernel tap k when
// o = i·stride + k·dilation − pad_begin, i.e. when o + pad_begin − k·dilation
// is a non-negative multiple of the stride below the input size.

// transposedConv is the geometry of one ConvTranspose node.
type transposedConv struct {
	x, w, out                []int // input (N, C, ...), weight (C, M/group, k...), output (N, M, ...)
	strides, dilations, pads []int
	group                    int
}

func newTransposedConv(n *onnx.Node, x, w []int) (*transposedConv, error) {
	if len(x) < 3 || len(w) != len(x) {
		return nil, fmt.Errorf("input %v and weight %v: want (N, C, spatial...) and (C, M/group, kernel...) of the same rank", x, w)
	}
	sp := len(x) - 2
	tc := &transposedConv{x: x, w: w, group: int(n.Int("group", 1))}
	get := func(name string, size, def int) ([]int, error) {
		v := n.Ints(name)
		if v == nil {
			out := make([]int, size)
			for i := range out {
				out[i] = def
			}
			return out, nil
		}
		if len(v) != size {
			return nil, fmt.Errorf("%s %v has %d entries, want %d", name, v, len(v), size)
		}
		out := make([]int, size)
		for i, e := range v {
			if e < 0 || e > tensor.MaxElements {
				return nil, fmt.Errorf("%s %v is out of range", name, v)
			}
			out[i] = int(e)
		}
		return out, nil
	}
	var err error
	if tc.strides, err = get("strides", sp, 1); err != nil {
		return nil, err
	}
	if tc.dilations, err = get("dilations", sp, 1); err != nil {
		return nil, err
	}
	if tc.pads, err = get("pads", 2*sp, 0); err != nil {
		return nil, err
	}
	outPad, err := get("output_padding", sp, 0)
	if err != nil {
		return nil, err
	}
	if tc.group < 1 || x[1] != w[0] || w[0]%tc.group != 0 {
		return nil, fmt.Errorf("input %v has %d channels, weight %v expects %d (group=%d)", x, x[1], w, w[0], tc.group)
	}
	tc.out = []int{x[0], w[1] * tc.group}
	for d := range sp {
		if tc.strides[d] < 1 || tc.dilations[d] < 1 {
			return nil, fmt.Errorf("strides %v and dilations %v must be positive", tc.strides, tc.dilations)
		}
		o := tc.strides[d]*(x[2+d]-1) + outPad[d] + (w[2+d]-1)*tc.dilations[d] + 1 - tc.pads[d] - tc.pads[d+sp]
		if o < 1 {
			return nil, fmt.Errorf("spatial axis %d: pads %v leave no output", d, tc.pads)
		}
		tc.out = append(tc.out, o)
	}
	return tc, tensor.CheckShape(tc.out)
}

// rows calls f for every output element in row-major order with the
// (input, weight) element pairs whose products it sums, and its channel.
func (tc *transposedConv) rows(f func(m int, taps [][2]int)) {
	sp := len(tc.x) - 2
	xs, ws := tensor.Strides(tc.x), tensor.Strides(tc.w)
	kernel := tc.w[2:]
	cpg, mpg := tc.x[1]/tc.group, tc.w[1]
	var taps [][2]int
	o := make([]int, len(tc.out))
	kc := make([]int, sp)
	for range tensor.Size(tc.out) {
		taps = taps[:0]
		nb, m := o[0], o[1]
		grp, ml := m/mpg, m%mpg
		for ci := range cpg {
			ch := grp*cpg + ci
			for i := range kc {
				kc[i] = 0
			}
			for range tensor.Size(kernel) {
				xi, wi, ok := nb*xs[0]+ch*xs[1], ch*ws[0]+ml*ws[1], true
				for d := range sp {
					num := o[2+d] + tc.pads[d] - kc[d]*tc.dilations[d]
					if num < 0 || num%tc.strides[d] != 0 || num/tc.strides[d] >= tc.x[2+d] {
						ok = false
						break
					}
					xi += num / tc.strides[d] * xs[2+d]
					wi += kc[d] * ws[2+d]
				}
				if ok {
					taps = append(taps, [2]int{xi, wi})
				}
				next(kc, kernel)
			}
		}
		f(m, taps)
		next(o, tc.out)
	}
}

// next advances a row-major multi-index over shape.
func next(idx, shape []int) {
	for d := len(idx) - 1; d >= 0; d-- {
		idx[d]++
		if idx[d] < shape[d] {
			return
		}
		idx[d] = 0
	}
}

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
