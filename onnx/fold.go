package onnx

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
)

// Constant folding: each eval function computes a node's outputs (c.outT)
// from constant inputs and canonical attributes. Results are rounded to
// their dtype (float32 precision, integer width) so that folded values are
// the ones the model would compute at run time.

// maxFoldWork caps the multiply-adds spent folding one node, and
// maxFoldElements the size of a folded tensor, so that a hostile file
// cannot make Load run for minutes or exhaust memory. Real models stay far
// below both (a 2048×2048 attention mask is 2^22 elements).
const (
	maxFoldWork     = 1 << 30
	maxFoldElements = 1 << 23
)

// tooMuchWork reports whether the product of the factors exceeds
// maxFoldWork, without overflowing. Only folding is bounded: Eval runs a
// graph Load accepted.
func (c *nodeCtx) tooMuchWork(factors ...int) bool {
	if c.exact {
		return false
	}
	w := 1
	for _, f := range factors {
		if f == 0 {
			return false
		}
	}
	for _, f := range factors {
		if f < 0 || w > maxFoldWork/f {
			return true
		}
		w *= f
	}
	return false
}

// checkFoldSize reports a folded result too large to compute at load time.
func checkFoldSize(shape []int) error {
	if err := tensor.CheckShape(shape); err != nil {
		return err
	}
	if n := tensor.Size(shape); n > maxFoldElements {
		return fmt.Errorf("folding would create a constant of shape %v (%d elements, more than %d)", shape, n, maxFoldElements)
	}
	return nil
}

// newTensor allocates a zero tensor (when folding, one of a bounded size).
func (c *nodeCtx) newTensor(dt DType, shape []int) (*Tensor, error) {
	check := checkFoldSize
	if c.exact {
		check = tensor.CheckShape
	}
	if err := check(shape); err != nil {
		return nil, err
	}
	t := &Tensor{DType: dt, Shape: shape}
	if dt.IsFloat() {
		t.Float = make([]float64, tensor.Size(shape))
	} else {
		t.Int = make([]int64, tensor.Size(shape))
	}
	return t, nil
}

// set stores v at i, rounded to the tensor's dtype.
func (t *Tensor) set(i int, v float64) {
	if t.DType.IsFloat() {
		t.Float[i] = roundFloat(t.DType, v)
		return
	}
	t.Int[i] = wrapInt(t.DType, saturate(v))
}

func saturate(f float64) int64 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}

func roundFloat(dt DType, v float64) float64 {
	switch dt {
	case Float32:
		return float64(float32(v))
	case BFloat16:
		return float64(math.Float32frombits(math.Float32bits(float32(v)) &^ 0xffff))
	}
	return v
}

// wrapInt reduces v to the range of an integer dtype, as a C cast would.
func wrapInt(dt DType, v int64) int64 {
	switch dt {
	case Int8:
		return int64(int8(v))
	case Uint8:
		return int64(uint8(v))
	case Int16:
		return int64(int16(v))
	case Uint16:
		return int64(uint16(v))
	case Int32:
		return int64(int32(v))
	case Uint32:
		return int64(uint32(v))
	case Bool:
		if v != 0 {
			return 1
		}
		return 0
	}
	return v
}

// move builds a tensor of the given shape whose element i is element src[i]
// of t, or fill where src[i] is -1.
func move(t *Tensor, shape []int, src []int, fill float64) *Tensor {
	out := &Tensor{DType: t.DType, Shape: shape}
	if t.DType.IsFloat() {
		out.Float = make([]float64, len(src))
		for i, s := range src {
			if s < 0 {
				out.Float[i] = roundFloat(t.DType, fill)
			} else {
				out.Float[i] = t.Float[s]
			}
		}
	} else {
		out.Int = make([]int64, len(src))
		for i, s := range src {
			if s < 0 {
				out.Int[i] = wrapInt(t.DType, saturate(fill))
			} else {
				out.Int[i] = t.Int[s]
			}
		}
	}
	return out
}

// reshaped returns t's data with a new shape of the same size.
func reshaped(t *Tensor, shape []int) *Tensor {
	return &Tensor{DType: t.DType, Shape: shape, Float: t.Float, Int: t.Int}
}

// evalByInfer folds ops that only change the shape (Reshape, Flatten,
// Squeeze, Unsqueeze, Identity, Dropout): the data is unchanged.
func evalByInfer(infer func(*nodeCtx) error) func(*nodeCtx) error {
	return func(c *nodeCtx) error {
		c.out = make([]Value, len(c.n.Outputs))
		if err := infer(c); err != nil {
			return err
		}
		if tensor.Size(c.out[0].Shape) != c.consts[0].Len() {
			return fmt.Errorf("cannot give %v elements the shape %v", c.consts[0].Len(), c.out[0].Shape)
		}
		c.outT[0] = reshaped(c.consts[0], c.out[0].Shape)
		return nil
	}
}

func evalConstant(c *nodeCtx) error {
	a := c.n.Attrs
	switch {
	case a["value"] != nil && a["value"].Kind == AttrTensor:
		c.outT[0] = a["value"].Tensor
	case a["value_float"] != nil && a["value_float"].Kind == AttrFloat:
		c.outT[0] = &Tensor{DType: Float32, Shape: []int{}, Float: []float64{a["value_float"].Float}}
	case a["value_floats"] != nil && a["value_floats"].Kind == AttrFloats:
		f := a["value_floats"].Floats
		c.outT[0] = &Tensor{DType: Float32, Shape: []int{len(f)}, Float: f}
	case a["value_int"] != nil && a["value_int"].Kind == AttrInt:
		c.outT[0] = &Tensor{DType: Int64, Shape: []int{}, Int: []int64{a["value_int"].Int}}
	case a["value_ints"] != nil && a["value_ints"].Kind == AttrInts:
		v := a["value_ints"].Ints
		c.outT[0] = &Tensor{DType: Int64, Shape: []int{len(v)}, Int: v}
	case a["value_string"] != nil || a["value_strings"] != nil:
		return errors.New("string constants are not supported")
	default:
		return errors.New("no value attribute (value, value_float(s), value_int(s)); sparse constants are not supported")
	}
	return nil
}

func evalCast(c *nodeCtx) error {
	in := c.consts[0]
	to := DType(c.n.Int("to", 0))
	if c.exact && to.IsFloat() {
		to = Float64
	}
	out, err := c.newTensor(to, clone(in.Shape))
	if err != nil {
		return err
	}
	for i := range in.Len() {
		switch {
		case out.DType == Bool:
			out.Int[i] = wrapInt(Bool, btoi64(in.At(i) != 0))
		case out.DType.IsFloat():
			out.Float[i] = roundFloat(out.DType, in.At(i))
		default:
			out.Int[i] = wrapInt(out.DType, in.IntAt(i)) // floats truncate toward zero
		}
	}
	c.outT[0] = out
	return nil
}

func btoi64(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// binaryOp is an elementwise operation on floats and on integers.
type binaryOp struct {
	f func(a, b float64) float64
	i func(a, b int64) (int64, error) // nil: computed with f
}

var binaryOps = map[string]binaryOp{
	"Add": {f: func(a, b float64) float64 { return a + b }, i: func(a, b int64) (int64, error) { return a + b, nil }},
	"Sub": {f: func(a, b float64) float64 { return a - b }, i: func(a, b int64) (int64, error) { return a - b, nil }},
	"Mul": {f: func(a, b float64) float64 { return a * b }, i: func(a, b int64) (int64, error) { return a * b, nil }},
	"Div": {f: func(a, b float64) float64 { return a / b }, i: func(a, b int64) (int64, error) {
		if b == 0 {
			return 0, errors.New("integer division by zero")
		}
		if b == -1 {
			return -a, nil // MinInt64 / -1 would trap
		}
		return a / b, nil
	}},
	"Pow": {f: math.Pow},
	"Max": {f: math.Max, i: func(a, b int64) (int64, error) { return max(a, b), nil }},
	"Min": {f: math.Min, i: func(a, b int64) (int64, error) { return min(a, b), nil }},
	"Sum": {f: func(a, b float64) float64 { return a + b }, i: func(a, b int64) (int64, error) { return a + b, nil }},
	"Mod": {f: func(a, b float64) float64 { return math.Mod(a, b) }, i: func(a, b int64) (int64, error) {
		if b == 0 {
			return 0, errors.New("integer modulo by zero")
		}
		if b == -1 {
			return 0, nil
		}
		r := a % b
		if r != 0 && (r < 0) != (b < 0) {
			r += b // fmod=0: the result takes the divisor's sign
		}
		return r, nil
	}},
}

// broadcastApply computes every element i of the broadcast shape of ts
// with f, given the index of the element of each of ts it reads.
func (c *nodeCtx) broadcastApply(ts []*Tensor, dt DType, f func(vals []*Tensor, idx []int, i int, out *Tensor) error) (*Tensor, error) {
	shapes := make([][]int, len(ts))
	for i, t := range ts {
		shapes[i] = t.Shape
	}
	shape, err := tensor.BroadcastShape(shapes...)
	if err != nil {
		return nil, err
	}
	out, err := c.newTensor(dt, shape)
	if err != nil {
		return nil, err
	}
	maps := make([][]int, len(ts))
	for k, t := range ts {
		maps[k] = tensor.BroadcastIndex(t.Shape, shape)
	}
	idx := make([]int, len(ts))
	for i := range out.Len() {
		for k := range ts {
			idx[k] = maps[k][i]
		}
		if err := f(ts, idx, i, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// evalBinary folds arithmetic ops, variadic ones (Sum, Max, Min, Mean)
// pairwise.
func evalBinary(c *nodeCtx) error {
	op := c.n.OpType
	bop, ok := binaryOps[op]
	if op == "Mean" {
		bop, ok = binaryOps["Sum"], true
	}
	if !ok {
		return fmt.Errorf("no evaluator for %s", op)
	}
	if op == "Mod" && c.n.Int("fmod", 0) == 1 {
		bop.i = func(a, b int64) (int64, error) {
			if b == 0 {
				return 0, errors.New("integer modulo by zero")
			}
			if b == -1 {
				return 0, nil
			}
			return a % b, nil
		}
	}
	var ins []*Tensor
	for i, t := range c.consts {
		if c.has(i) {
			ins = append(ins, t)
		}
	}
	dt := ins[0].DType
	acc := ins[0]
	for _, t := range ins[1:] {
		var err error
		acc, err = c.broadcastApply([]*Tensor{acc, t}, dt, func(v []*Tensor, idx []int, i int, out *Tensor) error {
			if !dt.IsFloat() && bop.i != nil {
				r, err := bop.i(v[0].IntAt(idx[0]), v[1].IntAt(idx[1]))
				out.Int[i] = wrapInt(dt, r)
				return err
			}
			out.set(i, bop.f(v[0].At(idx[0]), v[1].At(idx[1])))
			return nil
		})
		if err != nil {
			return err
		}
	}
	if op == "Mean" {
		n := float64(len(ins))
		for i := range acc.Len() {
			acc.set(i, acc.At(i)/n)
		}
	}
	c.outT[0] = acc
	return nil
}

var compareOps = map[string]func(a, b float64) bool{
	"Equal":          func(a, b float64) bool { return a == b },
	"Less":           func(a, b float64) bool { return a < b },
	"LessOrEqual":    func(a, b float64) bool { return a <= b },
	"Greater":        func(a, b float64) bool { return a > b },
	"GreaterOrEqual": func(a, b float64) bool { return a >= b },
	"And":            func(a, b float64) bool { return a != 0 && b != 0 },
	"Or":             func(a, b float64) bool { return a != 0 || b != 0 },
	"Xor":            func(a, b float64) bool { return (a != 0) != (b != 0) },
}

func evalCompare(c *nodeCtx) error {
	f := compareOps[c.n.OpType]
	a, b := c.consts[0], c.consts[1]
	bothInt := !a.DType.IsFloat() && !b.DType.IsFloat()
	out, err := c.broadcastApply([]*Tensor{a, b}, Bool, func(v []*Tensor, idx []int, i int, out *Tensor) error {
		if bothInt && c.n.OpType != "And" && c.n.OpType != "Or" && c.n.OpType != "Xor" {
			// compare int64 exactly, not through float64
			x, y := v[0].Int[idx[0]], v[1].Int[idx[1]]
			out.Int[i] = btoi64(f(float64(cmpInt(x, y)), 0))
			return nil
		}
		out.Int[i] = btoi64(f(v[0].At(idx[0]), v[1].At(idx[1])))
		return nil
	})
	c.outT[0] = out
	return err
}

// cmpInt returns -1, 0 or 1, so that f(cmp, 0) orders like f(x, y).
func cmpInt(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func evalWhere(c *nodeCtx) error {
	cond, x, y := c.consts[0], c.consts[1], c.consts[2]
	out, err := c.broadcastApply([]*Tensor{cond, x, y}, x.DType, func(v []*Tensor, idx []int, i int, out *Tensor) error {
		src, j := v[2], idx[2]
		if v[0].At(idx[0]) != 0 {
			src, j = v[1], idx[1]
		}
		if out.DType.IsFloat() {
			out.Float[i] = src.At(j)
		} else {
			out.Int[i] = src.IntAt(j)
		}
		return nil
	})
	c.outT[0] = out
	return err
}

// unaryFloat are the elementwise ops folded through float64.
var unaryFloat = map[string]func(float64) float64{
	"Sqrt":       math.Sqrt,
	"Exp":        math.Exp,
	"Log":        math.Log,
	"Tanh":       math.Tanh,
	"Erf":        math.Erf,
	"Sin":        math.Sin,
	"Cos":        math.Cos,
	"Tan":        math.Tan,
	"Asin":       math.Asin,
	"Acos":       math.Acos,
	"Atan":       math.Atan,
	"Floor":      math.Floor,
	"Ceil":       math.Ceil,
	"Round":      math.RoundToEven,
	"Reciprocal": func(x float64) float64 { return 1 / x },
	"Sigmoid":    func(x float64) float64 { return 1 / (1 + math.Exp(-x)) },
	"Relu":       func(x float64) float64 { return math.Max(x, 0) },
	"Neg":        func(x float64) float64 { return -x },
	"Abs":        math.Abs,
	"Sign": func(x float64) float64 {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return 0
	},
	"Not": func(x float64) float64 { return float64(btoi64(x == 0)) },
}

func evalUnary(c *nodeCtx) error {
	f := unaryFloat[c.n.OpType]
	in := c.consts[0]
	out, err := c.newTensor(in.DType, clone(in.Shape))
	if err != nil {
		return err
	}
	for i := range in.Len() {
		if !in.DType.IsFloat() && (c.n.OpType == "Neg" || c.n.OpType == "Abs") {
			v := in.Int[i] // exact for int64
			if c.n.OpType == "Neg" || v < 0 {
				v = -v
			}
			out.Int[i] = wrapInt(in.DType, v)
			continue
		}
		out.set(i, f(in.At(i)))
	}
	c.outT[0] = out
	return nil
}

func evalClip(c *nodeCtx) error {
	lo, hi := c.n.Float("min", math.Inf(-1)), c.n.Float("max", math.Inf(1))
	in := c.consts[0]
	out, err := c.newTensor(in.DType, clone(in.Shape))
	if err != nil {
		return err
	}
	for i := range in.Len() {
		out.set(i, math.Min(math.Max(in.At(i), lo), hi))
	}
	c.outT[0] = out
	return nil
}

func evalShape(c *nodeCtx) error {
	s := c.shape(0)[c.n.Int("start", 0):c.n.Int("end", int64(c.rank(0)))]
	c.outT[0] = &Tensor{DType: Int64, Shape: []int{len(s)}, Int: ints64(s)}
	return nil
}

func evalSize(c *nodeCtx) error {
	c.outT[0] = &Tensor{DType: Int64, Shape: []int{}, Int: []int64{int64(tensor.Size(c.shape(0)))}}
	return nil
}

func evalConstantOfShape(c *nodeCtx) error {
	s := c.consts[0]
	if s.DType.IsFloat() || len(s.Shape) != 1 {
		return fmt.Errorf("the shape input must be a 1-D integer tensor, got %s %v", s.DType, s.Shape)
	}
	shape := make([]int, s.Len())
	for i, d := range s.Int {
		if d < 0 || d > tensor.MaxElements {
			return fmt.Errorf("shape %v has an invalid dimension", s.Int)
		}
		shape[i] = int(d)
	}
	val := &Tensor{DType: Float32, Shape: []int{1}, Float: []float64{0}}
	if a, ok := c.n.Attrs["value"]; ok {
		if a.Kind != AttrTensor || a.Tensor.Len() != 1 {
			return errors.New("attribute value must be a one-element tensor")
		}
		val = a.Tensor
	}
	out, err := c.newTensor(val.DType, shape)
	if err != nil {
		return err
	}
	for i := range out.Len() {
		if out.DType.IsFloat() {
			out.Float[i] = val.Float[0]
		} else {
			out.Int[i] = val.Int[0]
		}
	}
	c.outT[0] = out
	return nil
}

func evalRange(c *nodeCtx) error {
	for i := range 3 {
		if c.consts[i].Len() != 1 {
			return fmt.Errorf("input %d must be a scalar, got shape %v", i, c.consts[i].Shape)
		}
	}
	dt := c.consts[0].DType
	start, limit, delta := c.consts[0].At(0), c.consts[1].At(0), c.consts[2].At(0)
	if delta == 0 || math.IsNaN(start) || math.IsNaN(limit) || math.IsNaN(delta) {
		return errors.New("delta is 0 or an input is NaN")
	}
	n := math.Max(math.Ceil((limit-start)/delta), 0)
	if n > tensor.MaxElements {
		return fmt.Errorf("range of %g elements: tensor too large", n)
	}
	out, err := c.newTensor(dt, []int{int(n)})
	if err != nil {
		return err
	}
	for i := range out.Len() {
		if dt.IsFloat() {
			out.set(i, start+float64(i)*delta)
		} else {
			out.Int[i] = wrapInt(dt, c.consts[0].Int[0]+int64(i)*c.consts[2].Int[0])
		}
	}
	c.outT[0] = out
	return nil
}

func evalTranspose(c *nodeCtx) error {
	out, src, err := tensor.Transpose(c.shape(0), intsOf(c.n.Ints("perm")))
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, 0)
	return nil
}

func evalSlice(c *nodeCtx) error {
	out, src, err := tensor.Slice(c.shape(0), c.n.Ints("starts"), c.n.Ints("ends"), c.n.Ints("axes"), c.n.Ints("steps"))
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, 0)
	return nil
}

func evalPad(c *nodeCtx) error {
	out, src, err := tensor.Pad(c.shape(0), c.n.Ints("pads"), c.n.String("mode", "constant"))
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, c.n.Float("value", 0))
	return nil
}

func evalConcat(c *nodeCtx) error {
	shapes := c.inputShapes()
	var ins []*Tensor
	for i, t := range c.consts {
		if c.has(i) {
			ins = append(ins, t)
		}
	}
	out, which, src, err := tensor.Concat(shapes, int(c.n.Int("axis", 0)))
	if err != nil {
		return err
	}
	res, err := c.newTensor(ins[0].DType, out)
	if err != nil {
		return err
	}
	for i := range src {
		t := ins[which[i]]
		if res.DType.IsFloat() {
			res.Float[i] = roundFloat(res.DType, t.At(src[i]))
		} else {
			res.Int[i] = wrapInt(res.DType, t.IntAt(src[i]))
		}
	}
	c.outT[0] = res
	return nil
}

func evalGather(c *nodeCtx) error {
	idx := c.consts[1]
	if idx.DType.IsFloat() {
		return fmt.Errorf("indices %q must be integers", c.n.Inputs[1])
	}
	out, src, err := tensor.Gather(c.shape(0), int(c.n.Int("axis", 0)), idx.Int, idx.Shape)
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, 0)
	return nil
}

func evalExpand(c *nodeCtx) error {
	out, src, err := tensor.Expand(c.shape(0), intsOf(c.n.Ints("shape")))
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, 0)
	return nil
}

func evalTile(c *nodeCtx) error {
	out, src, err := tensor.Tile(c.shape(0), c.n.Ints("repeats"))
	if err != nil {
		return err
	}
	c.outT[0] = move(c.consts[0], out, src, 0)
	return nil
}

func evalSplit(c *nodeCtx) error {
	a := c.n.Int("axis", 0)
	var start int64
	for i, s := range c.n.Ints("split") {
		shape, src, err := tensor.Slice(c.shape(0), []int64{start}, []int64{start + s}, []int64{a}, nil)
		if err != nil {
			return err
		}
		if c.n.Outputs[i] != "" {
			c.outT[i] = move(c.consts[0], shape, src, 0)
		}
		start += s
	}
	return nil
}

func evalGemm(c *nodeCtx) error {
	m, k, n, err := gemmDims(c)
	if err != nil {
		return err
	}
	if c.tooMuchWork(m, k, n) {
		return errors.New("too large to fold at load time")
	}
	a, b := c.consts[0], c.consts[1]
	ta, tb := c.n.Int("transA", 0) == 1, c.n.Int("transB", 0) == 1
	alpha, beta := c.n.Float("alpha", 1), c.n.Float("beta", 1)
	out, err := c.newTensor(a.DType, []int{m, n})
	if err != nil {
		return err
	}
	var cmap []int
	if c.has(2) {
		cmap = tensor.BroadcastIndex(c.shape(2), []int{m, n})
	}
	for i := range m {
		for j := range n {
			s := 0.0
			for p := range k {
				ai, bi := i*k+p, p*n+j
				if ta {
					ai = p*m + i
				}
				if tb {
					bi = j*k + p
				}
				s += a.At(ai) * b.At(bi)
			}
			s *= alpha
			if cmap != nil {
				s += beta * c.consts[2].At(cmap[i*n+j])
			}
			out.set(i*n+j, s)
		}
	}
	c.outT[0] = out
	return nil
}

func evalMatMul(c *nodeCtx) error {
	a, b := c.consts[0], c.consts[1]
	mm, err := NewMatMul(a.Shape, b.Shape)
	if err != nil {
		return err
	}
	if c.tooMuchWork(len(mm.ABatch), mm.M, mm.K, mm.N) {
		return errors.New("too large to fold at load time")
	}
	out, err := c.newTensor(a.DType, mm.Out)
	if err != nil {
		return err
	}
	o := 0
	for bi := range mm.ABatch {
		for i := range mm.M {
			for j := range mm.N {
				s := 0.0
				for p := range mm.K {
					s += a.At(mm.ABatch[bi]+i*mm.K+p) * b.At(mm.BBatch[bi]+p*mm.N+j)
				}
				out.set(o, s)
				o++
			}
		}
	}
	c.outT[0] = out
	return nil
}

// forEach calls f with every coordinate of shape in row-major order.
func forEach(shape []int, f func(coord []int)) {
	n := tensor.Size(shape)
	coord := make([]int, len(shape))
	for i := 0; i < n; i++ {
		f(coord)
		for j := len(coord) - 1; j >= 0; j-- {
			coord[j]++
			if coord[j] < shape[j] {
				break
			}
			coord[j] = 0
		}
	}
}

func evalConv(c *nodeCtx) error {
	x, w := c.consts[0], c.consts[1]
	win, group, err := ConvWindow(c.n, x.Shape, w.Shape)
	if err != nil {
		return err
	}
	N, C, M := x.Shape[0], x.Shape[1], w.Shape[0]
	cg, mg := C/group, M/group
	inSp, outSp, kSz := tensor.Size(win.In), tensor.Size(win.Out), tensor.Size(win.Kernel)
	out, err := c.newTensor(x.DType, append([]int{N, M}, win.Out...))
	if err != nil {
		return err
	}
	if c.tooMuchWork(out.Len(), cg, kSz) {
		return errors.New("too large to fold at load time")
	}
	win.Each(func(o int, taps []Tap, _ int) {
		for b := range N {
			for m := range M {
				s := 0.0
				if c.has(2) {
					s = c.consts[2].At(m)
				}
				c0 := (m / mg) * cg
				for ci := range cg {
					xb := (b*C + c0 + ci) * inSp
					wb := (m*cg + ci) * kSz
					for _, t := range taps {
						s += x.At(xb+t.In) * w.At(wb+t.K)
					}
				}
				out.set((b*M+m)*outSp+o, s)
			}
		}
	})
	c.outT[0] = out
	return nil
}

func evalConvTranspose(c *nodeCtx) error {
	x, w := c.consts[0], c.consts[1]
	tc, err := NewTransposedConv(c.n, x.Shape, w.Shape)
	if err != nil {
		return err
	}
	out, err := c.newTensor(x.DType, tc.Out)
	if err != nil {
		return err
	}
	if c.tooMuchWork(append([]int{x.Len(), tc.W[1]}, tc.W[2:]...)...) {
		return errors.New("too large to fold at load time")
	}
	i := 0
	tc.Rows(func(m int, taps [][2]int) {
		s := 0.0
		for _, t := range taps {
			s += x.At(t[0]) * w.At(t[1])
		}
		if c.has(2) {
			s += c.consts[2].At(m)
		}
		out.set(i, s)
		i++
	})
	c.outT[0] = out
	return nil
}

// evalPool computes MaxPool and AveragePool (padding never counts for max;
// for average it counts when count_include_pad=1, up to the padded extent).
func evalPool(c *nodeCtx) error {
	x := c.consts[0]
	win, err := PoolWindow(c.n, x.Shape)
	if err != nil {
		return err
	}
	planes := x.Shape[0] * x.Shape[1]
	inSp, outSp := tensor.Size(win.In), tensor.Size(win.Out)
	out, err := c.newTensor(x.DType, append([]int{x.Shape[0], x.Shape[1]}, win.Out...))
	if err != nil {
		return err
	}
	if c.tooMuchWork(out.Len(), tensor.Size(win.Kernel)) {
		return errors.New("too large to fold at load time")
	}
	isMax := c.n.OpType == "MaxPool"
	includePad := c.n.Int("count_include_pad", 0) != 0
	var werr error
	win.Each(func(o int, taps []Tap, padded int) {
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
					s = math.Max(s, x.At(xb+t.In))
				}
			} else {
				for _, t := range taps {
					s += x.At(xb + t.In)
				}
				d := len(taps)
				if includePad {
					d = padded
				}
				s /= float64(d)
			}
			out.set(p*outSp+o, s)
		}
	})
	c.outT[0] = out
	return werr
}

func evalGlobalPool(c *nodeCtx) error {
	x := c.consts[0]
	if len(x.Shape) < 3 {
		return fmt.Errorf("input %v: want (N, C, spatial...)", x.Shape)
	}
	axes := make([]int64, len(x.Shape)-2)
	for i := range axes {
		axes[i] = int64(i + 2)
	}
	op := "ReduceMean"
	if c.n.OpType == "GlobalMaxPool" {
		op = "ReduceMax"
	}
	out, err := c.reduce(x, axes, true, op)
	c.outT[0] = out
	return err
}

func evalReduce(c *nodeCtx) error {
	x := c.consts[0]
	axes := c.n.Ints("axes")
	if len(axes) == 0 { // noop_with_empty_axes
		c.outT[0] = x
		return nil
	}
	out, err := c.reduce(x, axes, c.n.Int("keepdims", 1) == 1, c.n.OpType)
	c.outT[0] = out
	return err
}

// reduce computes a Reduce op over axes.
func (c *nodeCtx) reduce(x *Tensor, axes []int64, keep bool, op string) (*Tensor, error) {
	rd, err := NewReduction(x.Shape, axes, keep)
	if err != nil {
		return nil, err
	}
	out, err := c.newTensor(x.DType, rd.Out)
	if err != nil {
		return nil, err
	}
	for o, row := range rd.Rows {
		s := 0.0
		switch op {
		case "ReduceLogSumExp": // max + log Σ exp(x − max), which cannot overflow
			m := math.Inf(-1)
			for _, i := range row {
				m = math.Max(m, x.At(i))
			}
			for _, i := range row {
				s += math.Exp(x.At(i) - m)
			}
			out.set(o, m+math.Log(s))
			continue
		case "ReduceMax":
			s = math.Inf(-1)
		case "ReduceMin":
			s = math.Inf(1)
		case "ReduceProd":
			s = 1
		}
		for _, i := range row {
			v := x.At(i)
			switch op {
			case "ReduceMax":
				s = math.Max(s, v)
			case "ReduceMin":
				s = math.Min(s, v)
			case "ReduceProd":
				s *= v
			case "ReduceSumSquare", "ReduceL2":
				s += v * v
			case "ReduceL1":
				s += math.Abs(v)
			default:
				s += v
			}
		}
		switch op {
		case "ReduceMean":
			s /= float64(len(row))
		case "ReduceL2":
			s = math.Sqrt(s)
		}
		out.set(o, s)
	}
	return out, nil
}

func evalBatchNorm(c *nodeCtx) error {
	c.out = make([]Value, len(c.n.Outputs))
	if err := inferBatchNorm(c); err != nil {
		return err
	}
	x := c.consts[0]
	scale, bias := bnAffine(c.consts[1], c.consts[2], c.consts[3], c.consts[4], c.n.Float("epsilon", 1e-5))
	out, err := c.newTensor(x.DType, clone(x.Shape))
	if err != nil {
		return err
	}
	inner := tensor.Size(x.Shape[2:])
	ch := x.Shape[1]
	for i := range x.Len() {
		m := (i / inner) % ch
		out.set(i, x.At(i)*scale[m]+bias[m])
	}
	c.outT[0] = out
	return nil
}

// bnAffine turns BatchNormalization parameters into y = scale·x + bias per
// channel.
func bnAffine(gamma, beta, mean, variance *Tensor, eps float64) (scale, bias []float64) {
	n := gamma.Len()
	scale, bias = make([]float64, n), make([]float64, n)
	for i := range n {
		scale[i] = gamma.At(i) / math.Sqrt(variance.At(i)+eps)
		bias[i] = beta.At(i) - mean.At(i)*scale[i]
	}
	return scale, bias
}

func evalSoftmax(c *nodeCtx) error {
	x := c.consts[0]
	a := int(c.n.Int("axis", 0))
	out, err := c.newTensor(x.DType, clone(x.Shape))
	if err != nil {
		return err
	}
	// opset < 13 normalizes over all axes from axis on; later only axis.
	outer, inner, length := tensor.Size(x.Shape[:a]), tensor.Size(x.Shape[a+1:]), x.Shape[a]
	if c.opset < 13 {
		length, inner = tensor.Size(x.Shape[a:]), 1
	}
	logSoft := c.n.OpType == "LogSoftmax"
	for o := range outer {
		for in := range inner {
			at := func(j int) int { return (o*length+j)*inner + in }
			mx := math.Inf(-1)
			for j := range length {
				mx = math.Max(mx, x.At(at(j)))
			}
			sum := 0.0
			for j := range length {
				sum += math.Exp(x.At(at(j)) - mx)
			}
			for j := range length {
				v := x.At(at(j)) - mx
				if logSoft {
					out.set(at(j), v-math.Log(sum))
				} else {
					out.set(at(j), math.Exp(v)/sum)
				}
			}
		}
	}
	c.outT[0] = out
	return nil
}

// evalNonZero lists the coordinates of the non-zero elements, one row per
// axis.
func evalNonZero(c *nodeCtx) error {
	x := c.consts[0]
	var coords [][]int
	i := 0
	forEach(x.Shape, func(coord []int) {
		if x.At(i) != 0 {
			coords = append(coords, clone(coord))
		}
		i++
	})
	r, nz := len(x.Shape), len(coords)
	out := &Tensor{DType: Int64, Shape: []int{r, nz}, Int: make([]int64, r*nz)}
	for j, cd := range coords {
		for a, v := range cd {
			out.Int[a*nz+j] = int64(v)
		}
	}
	c.outT[0] = out
	return nil
}
