package onnx

import (
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
)

// Resize with mode "nearest" (and Upsample, its predecessor) is data
// movement: every output element copies the input element nearest to its
// coordinate mapped back into the input. Canonical form: one input; sizes
// (ints, the output shape) and scales (floats, per axis: as given, or
// out/in when the file gives sizes), coordinate_transformation_mode and
// nearest_mode filled in ("simple" for opset 10 and Upsample, as ONNX
// Runtime: floor when enlarging, ceil when shrinking). Modes linear and
// cubic, roi (tf_crop_and_resize), axes and keep_aspect_ratio_policy other
// than stretch are rejected.

func canonResize(c *nodeCtx) error {
	for _, a := range []string{"mode", "coordinate_transformation_mode", "nearest_mode", "keep_aspect_ratio_policy"} {
		if err := c.attrKind(a, AttrString); err != nil {
			return err
		}
	}
	if m := c.n.String("mode", "nearest"); m != "nearest" {
		return fmt.Errorf("mode %q is not supported (nearest is)", m)
	}
	if c.hasAttr("axes") {
		return fmt.Errorf("attribute axes is not supported; resize every axis")
	}
	if p := c.n.String("keep_aspect_ratio_policy", "stretch"); p != "stretch" {
		return fmt.Errorf("keep_aspect_ratio_policy %q is not supported (stretch is)", p)
	}
	in := c.shape(0)
	var scales []float64
	var sizes []int64
	legacy := c.n.OpType == "Upsample" || c.opset < 11
	if legacy {
		if c.n.OpType == "Upsample" && c.opset < 9 {
			if err := c.attrKind("scales", AttrFloats); err != nil {
				return err
			}
			scales = c.n.Floats("scales")
		} else {
			t, err := c.constant(1, "scales")
			if err != nil {
				return err
			}
			scales = t.Floats()
		}
		c.setString("coordinate_transformation_mode", "asymmetric")
		c.setString("nearest_mode", "simple")
	} else {
		ctm := c.n.String("coordinate_transformation_mode", "half_pixel")
		switch ctm {
		case "half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric", "tf_half_pixel_for_nearest":
		default:
			return fmt.Errorf("coordinate_transformation_mode %q is not supported", ctm)
		}
		c.setString("coordinate_transformation_mode", ctm)
		nm := c.n.String("nearest_mode", "round_prefer_floor")
		switch nm {
		case "round_prefer_floor", "round_prefer_ceil", "floor", "ceil":
		default:
			return fmt.Errorf("nearest_mode %q is not supported", nm)
		}
		c.setString("nearest_mode", nm)
		if c.has(3) {
			t, err := c.constant(3, "sizes")
			if err != nil {
				return err
			}
			sizes = t.Ints()
		}
		if c.has(2) && sizes == nil {
			t, err := c.constant(2, "scales")
			if err != nil {
				return err
			}
			if t.Len() > 0 {
				scales = t.Floats()
			}
		}
		if scales == nil && sizes == nil {
			return fmt.Errorf("neither scales nor sizes is given")
		}
	}
	if sizes != nil {
		if len(sizes) != len(in) {
			return fmt.Errorf("sizes %v has %d entries for an input of rank %d", sizes, len(sizes), len(in))
		}
		scales = make([]float64, len(in))
		for i, s := range sizes {
			if s < 1 || s > tensor.MaxElements || in[i] == 0 {
				return fmt.Errorf("sizes %v: entry %d is out of range", sizes, i)
			}
			scales[i] = float64(s) / float64(in[i])
		}
	} else {
		if len(scales) != len(in) {
			return fmt.Errorf("scales %v has %d entries for an input of rank %d", scales, len(scales), len(in))
		}
		sizes = make([]int64, len(in))
		for i, s := range scales {
			o := math.Floor(float64(in[i]) * s)
			if !(s > 0) || o < 1 || o > tensor.MaxElements {
				return fmt.Errorf("scales %v: entry %d gives an empty or too large axis", scales, i)
			}
			sizes[i] = int64(o)
		}
	}
	c.n.Attrs["scales"] = &Attr{Kind: AttrFloats, Floats: scales}
	c.setInts("sizes", sizes)
	c.setString("mode", "nearest")
	c.keepInputs(1)
	return nil
}

func inferResize(c *nodeCtx) error {
	out, _, err := ResizeIndex(c.n, c.shape(0))
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), out)
	return tensor.CheckShape(out)
}

func evalResize(c *nodeCtx) error {
	out, src, err := ResizeIndex(c.n, c.shape(0))
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, 0)
	return nil
}

// ResizeIndex returns the output shape of a canonical nearest Resize of an
// input of shape in, and for every output element the input element it
// copies.
func ResizeIndex(n *Node, in []int) (out, src []int, err error) {
	sizes, scales := n.Ints("sizes"), n.Floats("scales")
	if len(sizes) != len(in) || len(scales) != len(in) {
		return nil, nil, fmt.Errorf("sizes %v and scales %v do not match rank %d", sizes, scales, len(in))
	}
	ctm, nm := n.String("coordinate_transformation_mode", "half_pixel"), n.String("nearest_mode", "round_prefer_floor")
	out = make([]int, len(in))
	from := make([][]int, len(in)) // per axis, per output coordinate
	for d := range in {
		out[d] = int(sizes[d])
		from[d] = make([]int, out[d])
		for o := range out[d] {
			x := resizeCoordinate(ctm, float64(o), scales[d], in[d], out[d])
			var k float64
			switch nm {
			case "simple":
				k = math.Floor(x)
				if scales[d] < 1 {
					k = math.Ceil(x)
				}
			case "floor":
				k = math.Floor(x)
			case "ceil":
				k = math.Ceil(x)
			case "round_prefer_ceil":
				k = math.Floor(x + 0.5)
			default: // round_prefer_floor
				k = math.Ceil(x - 0.5)
			}
			from[d][o] = int(min(max(k, 0), float64(in[d]-1)))
		}
	}
	if err := tensor.CheckShape(out); err != nil {
		return nil, nil, err
	}
	is := tensor.Strides(in)
	os := tensor.Strides(out)
	src = make([]int, tensor.Size(out))
	for i := range src {
		s, rest := 0, i
		for d := range out {
			s += from[d][rest/os[d]] * is[d]
			rest %= os[d]
		}
		src[i] = s
	}
	return out, src, nil
}

// resizeCoordinate maps output coordinate o back into the input.
func resizeCoordinate(mode string, o, scale float64, in, out int) float64 {
	switch mode {
	case "asymmetric":
		return o / scale
	case "align_corners":
		if out == 1 {
			return 0
		}
		return o * float64(in-1) / float64(out-1)
	case "pytorch_half_pixel":
		if out == 1 {
			return 0
		}
		return (o+0.5)/scale - 0.5
	case "tf_half_pixel_for_nearest":
		return (o + 0.5) / scale
	}
	return (o+0.5)/scale - 0.5 // half_pixel
}
