package onnx

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/zkml/zkml/internal/tensor"
)

// Canonicalization: each function below turns a node's attributes, as the
// exporter wrote them for the model's opset, into the single form documented
// in doc.go, so that later stages never look at the opset.

// normAxes makes axes positive for the given rank, sorts them and rejects
// duplicates.
func normAxes(axes []int64, rank int) ([]int64, error) {
	out := make([]int64, len(axes))
	for i, a := range axes {
		p, err := tensor.NormAxis(a, rank)
		if err != nil {
			return nil, err
		}
		out[i] = int64(p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	for i := 1; i < len(out); i++ {
		if out[i] == out[i-1] {
			return nil, fmt.Errorf("axes %v list axis %d twice", axes, out[i])
		}
	}
	return out, nil
}

// canonAxis normalizes the int attribute name (default def) against rank
// and stores it.
func (c *nodeCtx) canonAxis(name string, def int64, rank int) (int, error) {
	if err := c.attrKind(name, AttrInt); err != nil {
		return 0, err
	}
	a, err := tensor.NormAxis(c.n.Int(name, def), rank)
	if err != nil {
		return 0, fmt.Errorf("attribute %s: %v", name, err)
	}
	c.setInt(name, int64(a))
	return a, nil
}

// canonInt fills an int attribute's default and checks it is one of allowed
// (when given).
func (c *nodeCtx) canonInt(name string, def int64, allowed ...int64) (int64, error) {
	if err := c.attrKind(name, AttrInt); err != nil {
		return 0, err
	}
	v := c.n.Int(name, def)
	if len(allowed) > 0 {
		ok := false
		for _, a := range allowed {
			ok = ok || v == a
		}
		if !ok {
			return 0, fmt.Errorf("%s=%d is not supported (supported: %v)", name, v, allowed)
		}
	}
	c.setInt(name, v)
	return v, nil
}

func (c *nodeCtx) canonFloat(name string, def float64) (float64, error) {
	if err := c.attrKind(name, AttrFloat); err != nil {
		return 0, err
	}
	v := c.n.Float(name, def)
	c.setFloat(name, v)
	return v, nil
}

func canonGemm(c *nodeCtx) error {
	if _, err := c.canonFloat("alpha", 1); err != nil {
		return err
	}
	if _, err := c.canonFloat("beta", 1); err != nil {
		return err
	}
	if _, err := c.canonInt("transA", 0, 0, 1); err != nil {
		return err
	}
	_, err := c.canonInt("transB", 0, 0, 1)
	return err
}

// canonWindow fills the attributes shared by convolution and pooling:
// strides, dilations and explicit pads (auto_pad resolved), for a kernel of
// the given spatial size over the input's spatial dims.
func (c *nodeCtx) canonWindow(spatial, kernel []int, dilationsAllowed bool) error {
	sp := len(spatial)
	get := func(name string, def int64, min int64) ([]int64, error) {
		if err := c.attrKind(name, AttrInts); err != nil {
			return nil, err
		}
		v := c.n.Ints(name)
		if v == nil {
			v = make([]int64, sp)
			for i := range v {
				v[i] = def
			}
		}
		if len(v) != sp {
			return nil, fmt.Errorf("%s %v has %d entries, the input has %d spatial dimensions", name, v, len(v), sp)
		}
		for _, x := range v {
			if x < min || x > tensor.MaxElements {
				return nil, fmt.Errorf("%s %v: every entry must be at least %d", name, v, min)
			}
		}
		c.setInts(name, v)
		return v, nil
	}
	strides, err := get("strides", 1, 1)
	if err != nil {
		return err
	}
	if !dilationsAllowed && c.hasAttr("dilations") {
		return errors.New("dilations are not supported by this op in this opset")
	}
	dil, err := get("dilations", 1, 1)
	if err != nil {
		return err
	}
	if err := c.attrKind("auto_pad", AttrString); err != nil {
		return err
	}
	autoPad := c.n.String("auto_pad", "NOTSET")
	delete(c.n.Attrs, "auto_pad") // pads below are explicit
	if err := c.attrKind("pads", AttrInts); err != nil {
		return err
	}
	pads := make([]int64, 2*sp)
	switch autoPad {
	case "NOTSET", "":
		if p := c.n.Ints("pads"); p != nil {
			if len(p) != 2*sp {
				return fmt.Errorf("pads %v has %d entries, want 2×%d", p, len(p), sp)
			}
			for _, x := range p {
				if x < 0 || x > tensor.MaxElements {
					return fmt.Errorf("pads %v: negative or huge pads are not supported", p)
				}
			}
			copy(pads, p)
		}
	case "VALID":
	case "SAME_UPPER", "SAME_LOWER":
		for i := range spatial {
			s, span := int(strides[i]), (kernel[i]-1)*int(dil[i])+1
			out := (spatial[i] + s - 1) / s
			total := max(0, (out-1)*s+span-spatial[i])
			small, big := total/2, total-total/2
			if autoPad == "SAME_UPPER" {
				pads[i], pads[i+sp] = int64(small), int64(big)
			} else {
				pads[i], pads[i+sp] = int64(big), int64(small)
			}
		}
	default:
		return fmt.Errorf("auto_pad %q is not valid (NOTSET, SAME_UPPER, SAME_LOWER or VALID)", autoPad)
	}
	c.setInts("pads", pads)
	return nil
}

// spatialInput checks an N×C×spatial input and returns its spatial dims.
func (c *nodeCtx) spatialInput() ([]int, error) {
	s := c.shape(0)
	if len(s) < 3 {
		return nil, fmt.Errorf("input %q has shape %v; want (N, C, spatial...) with at least one spatial dimension", c.n.Inputs[0], s)
	}
	return s[2:], nil
}

func canonConv(c *nodeCtx) error {
	spatial, err := c.spatialInput()
	if err != nil {
		return err
	}
	ws := c.shape(1)
	if len(ws) != len(c.shape(0)) {
		return fmt.Errorf("weight %q has shape %v; want rank %d like the input", c.n.Inputs[1], ws, len(c.shape(0)))
	}
	kernel := ws[2:]
	if err := c.checkKernel(kernel); err != nil {
		return err
	}
	if g, err := c.canonInt("group", 1); err != nil {
		return err
	} else if g < 1 {
		return fmt.Errorf("group=%d must be positive", g)
	}
	return c.canonWindow(spatial, kernel, true)
}

// checkKernel compares a kernel_shape attribute, if any, with the kernel
// the weights imply, and stores it.
func (c *nodeCtx) checkKernel(kernel []int) error {
	if err := c.attrKind("kernel_shape", AttrInts); err != nil {
		return err
	}
	ks := make([]int64, len(kernel))
	for i, k := range kernel {
		ks[i] = int64(k)
	}
	if k := c.n.Ints("kernel_shape"); k != nil && fmt.Sprint(k) != fmt.Sprint(ks) {
		return fmt.Errorf("kernel_shape %v does not match the weight's kernel %v", k, ks)
	}
	c.setInts("kernel_shape", ks)
	return nil
}

func canonConvTranspose(c *nodeCtx) error {
	spatial, err := c.spatialInput()
	if err != nil {
		return err
	}
	ws := c.shape(1)
	if len(ws) != len(c.shape(0)) {
		return fmt.Errorf("weight %q has shape %v; want rank %d like the input", c.n.Inputs[1], ws, len(c.shape(0)))
	}
	kernel := ws[2:]
	if err := c.checkKernel(kernel); err != nil {
		return err
	}
	if g, err := c.canonInt("group", 1); err != nil {
		return err
	} else if g < 1 {
		return fmt.Errorf("group=%d must be positive", g)
	}
	sp := len(spatial)
	if err := c.attrKind("output_padding", AttrInts); err != nil {
		return err
	}
	op := c.n.Ints("output_padding")
	if op == nil {
		op = make([]int64, sp)
	}
	if len(op) != sp {
		return fmt.Errorf("output_padding %v has %d entries, want %d", op, len(op), sp)
	}
	c.setInts("output_padding", op)
	// auto_pad and output_shape describe the pads differently than for
	// Conv; resolve them here, then let canonWindow check the rest.
	if err := c.attrKind("output_shape", AttrInts); err != nil {
		return err
	}
	outShape := c.n.Ints("output_shape")
	autoPad := c.n.String("auto_pad", "NOTSET")
	if outShape != nil || autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" {
		delete(c.n.Attrs, "auto_pad")
		if err := c.canonWindow(spatial, kernel, true); err != nil {
			return err
		}
		strides, dil := c.n.Ints("strides"), c.n.Ints("dilations")
		if outShape != nil && len(outShape) != sp {
			if len(outShape) == sp+2 {
				outShape = outShape[2:]
			} else {
				return fmt.Errorf("output_shape %v has %d entries, want %d", outShape, len(outShape), sp)
			}
		}
		pads := make([]int64, 2*sp)
		for i := range spatial {
			want := int64(spatial[i]) * strides[i]
			if outShape != nil {
				want = outShape[i]
			}
			total := strides[i]*int64(spatial[i]-1) + op[i] + (int64(kernel[i])-1)*dil[i] + 1 - want
			if total < 0 {
				return fmt.Errorf("output_shape %v is larger than the convolution can produce", outShape)
			}
			if autoPad == "SAME_UPPER" {
				pads[i], pads[i+sp] = total/2, total-total/2
			} else {
				pads[i], pads[i+sp] = total-total/2, total/2
			}
		}
		c.setInts("pads", pads)
		delete(c.n.Attrs, "output_shape")
		return nil
	}
	return c.canonWindow(spatial, kernel, true)
}

func canonPool(c *nodeCtx) error {
	spatial, err := c.spatialInput()
	if err != nil {
		return err
	}
	if err := c.attrKind("kernel_shape", AttrInts); err != nil {
		return err
	}
	ks := c.n.Ints("kernel_shape")
	if len(ks) != len(spatial) {
		return fmt.Errorf("kernel_shape %v: want %d entries, one per spatial dimension of the input", ks, len(spatial))
	}
	kernel := make([]int, len(ks))
	for i, k := range ks {
		if k < 1 || k > tensor.MaxElements {
			return fmt.Errorf("kernel_shape %v: every entry must be positive", ks)
		}
		kernel[i] = int(k)
	}
	if _, err := c.canonInt("ceil_mode", 0, 0, 1); err != nil {
		return err
	}
	dilations := c.opset >= 10
	if c.n.OpType == "AveragePool" {
		if _, err := c.canonInt("count_include_pad", 0, 0, 1); err != nil {
			return err
		}
		dilations = c.opset >= 19
	} else {
		if _, err := c.canonInt("storage_order", 0, 0, 1); err != nil {
			return err
		}
	}
	return c.canonWindow(spatial, kernel, dilations)
}

func canonBatchNorm(c *nodeCtx) error {
	if _, err := c.canonFloat("epsilon", 1e-5); err != nil {
		return err
	}
	if _, err := c.canonInt("training_mode", 0, 0); err != nil {
		return errors.New("training_mode=1 is not supported; export the model in inference mode (model.eval())")
	}
	if c.opset < 9 {
		if _, err := c.canonInt("spatial", 1, 1); err != nil {
			return err
		}
	}
	return nil
}

func canonCast(c *nodeCtx) error {
	if err := c.attrKind("to", AttrInt); err != nil {
		return err
	}
	if !c.hasAttr("to") {
		return errors.New("attribute \"to\" is missing")
	}
	to := c.n.Int("to", 0)
	if to < math.MinInt32 || to > math.MaxInt32 {
		return fmt.Errorf("to=%d is not an ONNX element type", to)
	}
	dt, err := dtypeFromProto(int32(to))
	if err != nil {
		return fmt.Errorf("to=%d: %v", to, err)
	}
	c.setInt("to", int64(dt))
	return nil
}

func canonReshape(c *nodeCtx) error {
	var shape []int64
	if c.opset < 5 {
		if err := c.attrKind("shape", AttrInts); err != nil {
			return err
		}
		shape = c.n.Ints("shape")
	} else {
		s, ok, err := c.constInts(1, "shape")
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("the shape input is missing")
		}
		shape = s
	}
	allowZero, err := c.canonInt("allowzero", 0, 0, 1)
	if err != nil {
		return err
	}
	out, err := tensor.ResolveReshape(c.shape(0), shape, allowZero == 1)
	if err != nil {
		return err
	}
	c.setInts("shape", ints64(out))
	c.setInt("allowzero", 1) // the resolved shape's zeros are real dimensions
	c.keepInputs(1)
	return nil
}

func ints64(v []int) []int64 {
	out := make([]int64, len(v))
	for i, x := range v {
		out[i] = int64(x)
	}
	return out
}

func canonFlatten(c *nodeCtx) error {
	r := c.rank(0)
	if err := c.attrKind("axis", AttrInt); err != nil {
		return err
	}
	// Flatten's axis may equal the rank (everything in the first dim).
	a := c.n.Int("axis", 1)
	if a < -int64(r) || a > int64(r) {
		return fmt.Errorf("axis %d is out of range for rank %d (must be in [%d, %d])", a, r, -r, r)
	}
	if a < 0 {
		a += int64(r)
	}
	c.setInt("axis", a)
	return nil
}

func canonTranspose(c *nodeCtx) error {
	if err := c.attrKind("perm", AttrInts); err != nil {
		return err
	}
	r := c.rank(0)
	perm := c.n.Ints("perm")
	if perm == nil {
		perm = make([]int64, r)
		for i := range perm {
			perm[i] = int64(r - 1 - i)
		}
	}
	seen := make([]bool, r)
	for _, p := range perm {
		if p < 0 || p >= int64(r) || seen[p] || len(perm) != r {
			return fmt.Errorf("perm %v is not a permutation of the %d axes", perm, r)
		}
		seen[p] = true
	}
	if len(perm) != r {
		return fmt.Errorf("perm %v is not a permutation of the %d axes", perm, r)
	}
	c.setInts("perm", perm)
	return nil
}

// axesParam reads an "axes" parameter that moved from an attribute to input
// 1 at opset inputFrom; ok is false when it is absent in both places.
func (c *nodeCtx) axesParam(inputFrom int64, input int) (axes []int64, ok bool, err error) {
	if c.opset >= inputFrom {
		axes, ok, err = c.constInts(input, "axes")
		c.keepInputs(input)
		return axes, ok, err
	}
	if err := c.attrKind("axes", AttrInts); err != nil {
		return nil, false, err
	}
	_, ok = c.n.Attrs["axes"]
	return c.n.Ints("axes"), ok, nil
}

func canonSqueeze(c *nodeCtx) error {
	axes, ok, err := c.axesParam(13, 1)
	if err != nil {
		return err
	}
	in := c.shape(0)
	if !ok {
		axes = []int64{}
		for i, d := range in {
			if d == 1 {
				axes = append(axes, int64(i))
			}
		}
	}
	axes, err = normAxes(axes, len(in))
	if err != nil {
		return err
	}
	for _, a := range axes {
		if in[a] != 1 {
			return fmt.Errorf("cannot squeeze axis %d of shape %v: its size is not 1", a, in)
		}
	}
	c.setInts("axes", axes)
	return nil
}

func canonUnsqueeze(c *nodeCtx) error {
	axes, ok, err := c.axesParam(13, 1)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("axes are missing")
	}
	axes, err = normAxes(axes, c.rank(0)+len(axes))
	if err != nil {
		return err
	}
	c.setInts("axes", axes)
	return nil
}

func canonConcat(c *nodeCtx) error {
	def := int64(math.MinInt64) // required since opset 4
	if c.opset < 4 {
		def = 1
	}
	if !c.hasAttr("axis") && def == math.MinInt64 {
		return errors.New("attribute \"axis\" is missing")
	}
	_, err := c.canonAxis("axis", def, c.rank(0))
	return err
}

func canonGather(c *nodeCtx) error {
	_, err := c.canonAxis("axis", 0, c.rank(0))
	return err
}

func canonSoftmax(c *nodeCtx) error {
	def := int64(-1)
	if c.opset < 13 {
		def = 1
	}
	_, err := c.canonAxis("axis", def, c.rank(0))
	return err
}

func canonSplit(c *nodeCtx) error {
	a, err := c.canonAxis("axis", 0, c.rank(0))
	if err != nil {
		return err
	}
	d := c.shape(0)[a]
	var split []int64
	if c.opset >= 13 {
		s, ok, err := c.constInts(1, "split")
		if err != nil {
			return err
		}
		if ok {
			split = s
		}
		c.keepInputs(1)
	} else {
		if err := c.attrKind("split", AttrInts); err != nil {
			return err
		}
		split = c.n.Ints("split")
	}
	k := int64(len(c.n.Outputs))
	if split == nil {
		// equal parts; opset 18 allows num_outputs with a smaller last part
		if n := c.n.Int("num_outputs", 0); n > 0 {
			if n != k {
				return fmt.Errorf("num_outputs=%d but the node has %d outputs", n, k)
			}
		}
		part := (int64(d) + k - 1) / k
		if c.opset < 18 && int64(d)%k != 0 {
			return fmt.Errorf("cannot split axis %d of size %d into %d equal parts", a, d, k)
		}
		split = make([]int64, k)
		rest := int64(d)
		for i := range split {
			split[i] = min(part, rest)
			rest -= split[i]
		}
	}
	if int64(len(split)) != k {
		return fmt.Errorf("split %v has %d entries for %d outputs", split, len(split), k)
	}
	var sum int64
	for _, s := range split {
		if s < 0 || s > tensor.MaxElements {
			return fmt.Errorf("split %v has a negative entry", split)
		}
		sum += s
	}
	if sum != int64(d) {
		return fmt.Errorf("split %v adds up to %d, but axis %d has size %d", split, sum, a, d)
	}
	c.setInts("split", split)
	delete(c.n.Attrs, "num_outputs")
	return nil
}

func canonSlice(c *nodeCtx) error {
	var starts, ends, axes, steps []int64
	if c.opset < 10 {
		for _, name := range []string{"starts", "ends", "axes"} {
			if err := c.attrKind(name, AttrInts); err != nil {
				return err
			}
		}
		starts, ends, axes = c.n.Ints("starts"), c.n.Ints("ends"), c.n.Ints("axes")
		if starts == nil || ends == nil {
			return errors.New("attributes starts and ends are required")
		}
	} else {
		var err error
		var ok bool
		if starts, ok, err = c.constInts(1, "starts"); err != nil {
			return err
		} else if !ok {
			return errors.New("the starts input is missing")
		}
		if ends, ok, err = c.constInts(2, "ends"); err != nil {
			return err
		} else if !ok {
			return errors.New("the ends input is missing")
		}
		if axes, _, err = c.constInts(3, "axes"); err != nil {
			return err
		}
		if steps, _, err = c.constInts(4, "steps"); err != nil {
			return err
		}
		c.keepInputs(1)
	}
	in := c.shape(0)
	start, step, count, err := tensor.NormalizeSlice(in, starts, ends, axes, steps)
	if err != nil {
		return err
	}
	r := len(in)
	cs, ce, ca, cp := make([]int64, r), make([]int64, r), make([]int64, r), make([]int64, r)
	for a := range in {
		b, s, n := int64(start[a]), int64(step[a]), int64(count[a])
		e := b + n*s // one step past the last element taken
		if s > 0 {
			e = min(e, int64(in[a]))
		} else if e < 0 {
			e = math.MinInt64 // "before index 0"; -1 would mean the last element
		}
		cs[a], ce[a], ca[a], cp[a] = b, e, int64(a), s
	}
	c.setInts("starts", cs)
	c.setInts("ends", ce)
	c.setInts("axes", ca)
	c.setInts("steps", cp)
	return nil
}

func canonPad(c *nodeCtx) error {
	r := c.rank(0)
	if err := c.attrKind("mode", AttrString); err != nil {
		return err
	}
	mode := c.n.String("mode", "constant")
	switch mode {
	case "constant", "reflect", "edge", "wrap":
	default:
		return fmt.Errorf("mode %q is not supported (constant, reflect, edge or wrap)", mode)
	}
	c.setString("mode", mode)
	var pads []int64
	value := 0.0
	if c.opset < 11 {
		name := "pads"
		if c.opset < 2 {
			name = "paddings"
		}
		if err := c.attrKind(name, AttrInts); err != nil {
			return err
		}
		pads = c.n.Ints(name)
		delete(c.n.Attrs, "paddings")
		if err := c.attrKind("value", AttrFloat); err != nil {
			return err
		}
		value = c.n.Float("value", 0)
	} else {
		var err error
		var ok bool
		if pads, ok, err = c.constInts(1, "pads"); err != nil {
			return err
		} else if !ok {
			return errors.New("the pads input is missing")
		}
		if c.has(2) {
			v, err := c.constant(2, "constant_value")
			if err != nil {
				return err
			}
			if v.Len() != 1 {
				return fmt.Errorf("constant_value has %d elements, want 1", v.Len())
			}
			value = v.At(0)
		}
		axes, ok, err := c.constInts(3, "axes")
		if err != nil {
			return err
		}
		if ok {
			// pads list begin pads then end pads for the given axes only
			axes, err := normAxesKeepOrder(axes, r)
			if err != nil {
				return err
			}
			if len(pads) != 2*len(axes) {
				return fmt.Errorf("pads %v has %d entries for %d axes", pads, len(pads), len(axes))
			}
			full := make([]int64, 2*r)
			for i, a := range axes {
				full[a], full[a+r] = pads[i], pads[i+len(axes)]
			}
			pads = full
		}
		c.keepInputs(1)
	}
	if len(pads) != 2*r {
		return fmt.Errorf("pads %v has %d entries, want 2×rank = %d", pads, len(pads), 2*r)
	}
	c.setInts("pads", pads)
	c.setFloat("value", value)
	return nil
}

// normAxesKeepOrder makes axes positive without sorting, rejecting
// duplicates.
func normAxesKeepOrder(axes []int64, rank int) ([]int, error) {
	out := make([]int, len(axes))
	seen := map[int]bool{}
	for i, a := range axes {
		p, err := tensor.NormAxis(a, rank)
		if err != nil {
			return nil, err
		}
		if seen[p] {
			return nil, fmt.Errorf("axes %v list axis %d twice", axes, p)
		}
		seen[p] = true
		out[i] = p
	}
	return out, nil
}

func canonClip(c *nodeCtx) error {
	lo, hi := math.Inf(-1), math.Inf(1)
	if c.opset < 11 {
		if err := c.attrKind("min", AttrFloat); err != nil {
			return err
		}
		if err := c.attrKind("max", AttrFloat); err != nil {
			return err
		}
		lo, hi = c.n.Float("min", lo), c.n.Float("max", hi)
	} else {
		for i, p := range []*float64{&lo, &hi} {
			if !c.has(i + 1) {
				continue
			}
			t, err := c.constant(i+1, []string{"min", "max"}[i])
			if err != nil {
				return err
			}
			if t.Len() != 1 {
				return fmt.Errorf("the %s input has %d elements, want 1", []string{"min", "max"}[i], t.Len())
			}
			*p = t.At(0)
		}
		c.keepInputs(1)
	}
	c.setFloat("min", lo)
	c.setFloat("max", hi)
	return nil
}

// reduceAxesFromInput is the opset at which each Reduce op takes its axes as
// an input instead of an attribute.
func reduceAxesFromInput(op string) int64 {
	if op == "ReduceSum" {
		return 13
	}
	return 18
}

func canonReduce(c *nodeCtx) error {
	axes, _, err := c.axesParam(reduceAxesFromInput(c.n.OpType), 1)
	if err != nil {
		return err
	}
	if _, err := c.canonInt("keepdims", 1, 0, 1); err != nil {
		return err
	}
	noop, err := c.canonInt("noop_with_empty_axes", 0, 0, 1)
	if err != nil {
		return err
	}
	r := c.rank(0)
	if len(axes) == 0 && noop == 0 {
		axes = make([]int64, r)
		for i := range axes {
			axes[i] = int64(i)
		}
	}
	axes, err = normAxes(axes, r)
	if err != nil {
		return err
	}
	c.setInts("axes", axes)
	return nil
}

func canonShape(c *nodeCtx) error {
	r := int64(c.rank(0))
	for _, name := range []string{"start", "end"} {
		if err := c.attrKind(name, AttrInt); err != nil {
			return err
		}
	}
	start, end := c.n.Int("start", 0), c.n.Int("end", r)
	if start < 0 {
		start += r
	}
	if end < 0 {
		end += r
	}
	start, end = min(max(start, 0), r), min(max(end, 0), r)
	c.setInt("start", start)
	c.setInt("end", max(start, end))
	return nil
}

func canonDropout(c *nodeCtx) error {
	if c.opset >= 12 && c.has(2) {
		t, err := c.constant(2, "training_mode")
		if err != nil {
			return err
		}
		if t.Len() != 1 || t.At(0) != 0 {
			return errors.New("training_mode is true; export the model in inference mode (model.eval())")
		}
	}
	c.keepInputs(1)
	return nil
}

// canonExpand moves Expand's target shape into the "shape" attribute.
func canonExpand(c *nodeCtx) error {
	s, _, err := c.constInts(1, "shape")
	if err != nil {
		return err
	}
	for _, d := range s {
		if d < 0 {
			return fmt.Errorf("shape %v has a negative dimension", s)
		}
	}
	c.setInts("shape", s)
	c.keepInputs(1)
	return nil
}

// canonTile moves Tile's repeats into the "repeats" attribute.
func canonTile(c *nodeCtx) error {
	s, _, err := c.constInts(1, "repeats")
	if err != nil {
		return err
	}
	if len(s) != c.rank(0) {
		return fmt.Errorf("repeats %v has %d entries for an input of rank %d", s, len(s), c.rank(0))
	}
	c.setInts("repeats", s)
	c.keepInputs(1)
	return nil
}

// canonLegacyBroadcast rejects the pre-opset-7 broadcast attribute when it
// asks for something other than numpy rules.
func canonLegacyBroadcast(c *nodeCtx) error {
	if c.n.Int("broadcast", 0) != 0 && c.hasAttr("axis") {
		return errors.New("legacy broadcasting with an axis (opset < 7) is not supported; re-export with opset 7 or newer")
	}
	delete(c.n.Attrs, "broadcast")
	return nil
}
