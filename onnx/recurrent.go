package onnx

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// RNN, LSTM and GRU are unrolled at load time over their static sequence
// length into the ops one time step stands for: per gate a Gemm of the
// step's input and one of the previous hidden state (their sum is one
// affine map, so quantize/ folds the pair into a single rescale), the gate
// activations, and elementwise products of computed values for the cell
// update. Each gate gets its own Gemm rather than one Gemm for all gates
// followed by a Split: the cost in the circuit is the same, and every gate's
// pre-activation is calibrated (and so quantized) on its own range.

// maxUnrolledSteps bounds the unrolled graph (about 20 nodes a step), far
// beyond what a circuit can hold, so that a long sequence fails at once
// instead of exhausting memory.
const maxUnrolledSteps = 1 << 14

// cellSpec is what differs between the three ops.
type cellSpec struct {
	gates  int      // blocks of W and R: RNN 1, LSTM 4 (i, o, f, c), GRU 3 (z, r, h)
	acts   []string // default activations of one direction
	maxIn  int
	maxOut int
}

var cellSpecs = map[string]cellSpec{
	"RNN":  {gates: 1, acts: []string{"Tanh"}, maxIn: 6, maxOut: 2},
	"GRU":  {gates: 3, acts: []string{"Sigmoid", "Tanh"}, maxIn: 6, maxOut: 2},
	"LSTM": {gates: 4, acts: []string{"Sigmoid", "Tanh", "Tanh"}, maxIn: 8, maxOut: 3},
}

// Gate blocks in W, R and B, in ONNX order (P holds i, o, f).
const (
	lstmI, lstmO, lstmF, lstmC = 0, 1, 2, 3
	gruZ, gruR, gruH           = 0, 1, 2
)

// unroller holds one recurrent node being unrolled.
type unroller struct {
	im    *importer
	n     *Node
	spec  cellSpec
	nodes []*Node

	t, batch, in, hidden, dirs int
	layout                     int64
	dtype                      DType
	w, r, b, p                 *Tensor // b and p nil when absent
	h0, c0                     string  // initial states: "" for zeros
	acts                       [][]string
	clip                       float64 // 0: none
	linearBeforeReset          bool
	inputForget                bool
}

// expandRecurrent returns the unrolled nodes of an RNN, LSTM or GRU node.
func (im *importer) expandRecurrent(n *Node) ([]*Node, error) {
	for _, in := range n.Inputs {
		if k := im.unknown[in]; k != 0 {
			// Downstream of an unsupported or failed node, as processNode does.
			for _, o := range n.Outputs {
				if o != "" {
					im.unknown[o] = k
				}
			}
			return nil, nil
		}
	}
	u := &unroller{im: im, n: n, spec: cellSpecs[n.OpType]}
	if err := u.parse(); err != nil {
		for _, o := range n.Outputs {
			if o != "" {
				im.unknown[o] = fromFailed
			}
		}
		return nil, fmt.Errorf("%s: %w", n.Describe(), err)
	}
	u.unroll()
	return u.nodes, nil
}

// input returns input i's name, "" when omitted.
func (u *unroller) input(i int) string {
	if i < len(u.n.Inputs) {
		return u.n.Inputs[i]
	}
	return ""
}

// weight returns constant input i, checking its shape; nil when omitted and
// optional.
func (u *unroller) weight(i int, what string, shape []int, required bool) (*Tensor, error) {
	name := u.input(i)
	if name == "" {
		if required {
			return nil, fmt.Errorf("the %s input is missing", what)
		}
		return nil, nil
	}
	t := u.im.g.Constants[name]
	if t == nil {
		return nil, fmt.Errorf("the %s input %q is computed from the model inputs; zkml needs the weights to be constants (initializers)", what, name)
	}
	if !t.DType.IsFloat() {
		return nil, fmt.Errorf("the %s input %q is %s, not a float tensor", what, name, t.DType)
	}
	if !slices.Equal(t.Shape, shape) {
		return nil, fmt.Errorf("the %s input %q has shape %v, want %v", what, name, t.Shape, shape)
	}
	return t, nil
}

// parse validates the node and fills in the unroller.
func (u *unroller) parse() error {
	n, g := u.n, u.im.g
	if len(n.Inputs) < 3 || n.Inputs[0] == "" || n.Inputs[1] == "" || n.Inputs[2] == "" {
		return fmt.Errorf("needs the inputs X, W and R")
	}
	if len(n.Inputs) > u.spec.maxIn {
		return fmt.Errorf("has %d inputs, accepts at most %d", len(n.Inputs), u.spec.maxIn)
	}
	if len(n.Outputs) > u.spec.maxOut {
		return fmt.Errorf("has %d outputs, accepts at most %d", len(n.Outputs), u.spec.maxOut)
	}
	for _, a := range []struct {
		name string
		kind AttrKind
	}{{"hidden_size", AttrInt}, {"direction", AttrString}, {"layout", AttrInt}, {"clip", AttrFloat},
		{"activations", AttrStrings}, {"linear_before_reset", AttrInt}, {"input_forget", AttrInt}} {
		if at, ok := n.Attrs[a.name]; ok && at.Kind != a.kind {
			return fmt.Errorf("attribute %q has the wrong type", a.name)
		}
	}
	switch dir := n.String("direction", "forward"); dir {
	case "forward", "reverse":
		u.dirs = 1
	case "bidirectional":
		u.dirs = 2
	default:
		return fmt.Errorf("direction %q is not forward, reverse or bidirectional", dir)
	}
	u.layout = n.Int("layout", 0)
	if u.layout != 0 && u.layout != 1 {
		return fmt.Errorf("layout %d is not 0 or 1", u.layout)
	}
	x, ok := g.Values[n.Inputs[0]]
	if !ok {
		t := g.Constants[n.Inputs[0]]
		if t == nil {
			return fmt.Errorf("input %q has no known type", n.Inputs[0])
		}
		x = Value{Name: n.Inputs[0], DType: t.DType, Shape: t.Shape}
	}
	if !x.DType.IsFloat() {
		return fmt.Errorf("X is %s, not a float tensor", x.DType)
	}
	if len(x.Shape) != 3 {
		return fmt.Errorf("X has shape %v; it must be [seq_length, batch_size, input_size] (layout 0) or [batch_size, seq_length, input_size] (layout 1)", x.Shape)
	}
	u.dtype = x.DType
	u.t, u.batch, u.in = x.Shape[0], x.Shape[1], x.Shape[2]
	if u.layout == 1 {
		u.t, u.batch = u.batch, u.t
	}
	if u.t == 0 || u.batch == 0 {
		return fmt.Errorf("X has shape %v: an empty sequence or batch", x.Shape)
	}
	if u.t*u.dirs > maxUnrolledSteps {
		return fmt.Errorf("a sequence of %d steps in %d direction(s) would unroll into more than %d steps; zkml unrolls recurrences, so split the sequence or shorten it", u.t, u.dirs, maxUnrolledSteps)
	}
	wt := g.Constants[n.Inputs[1]]
	if wt == nil {
		return fmt.Errorf("the W input %q is computed from the model inputs; zkml needs the weights to be constants (initializers)", n.Inputs[1])
	}
	if len(wt.Shape) != 3 || wt.Shape[1]%u.spec.gates != 0 {
		return fmt.Errorf("the W input has shape %v, want [num_directions, %d·hidden_size, input_size]", wt.Shape, u.spec.gates)
	}
	u.hidden = wt.Shape[1] / u.spec.gates
	if hs := n.Int("hidden_size", int64(u.hidden)); hs != int64(u.hidden) {
		return fmt.Errorf("hidden_size %d does not match the W input of shape %v", hs, wt.Shape)
	}
	if u.hidden == 0 {
		return fmt.Errorf("hidden_size is 0")
	}
	gh := u.spec.gates * u.hidden
	var err error
	if u.w, err = u.weight(1, "W", []int{u.dirs, gh, u.in}, true); err != nil {
		return err
	}
	if u.r, err = u.weight(2, "R", []int{u.dirs, gh, u.hidden}, true); err != nil {
		return err
	}
	if u.b, err = u.weight(3, "B", []int{u.dirs, 2 * gh}, false); err != nil {
		return err
	}
	if err := u.sequenceLens(); err != nil {
		return err
	}
	state := []int{u.dirs, u.batch, u.hidden}
	if u.layout == 1 {
		state = []int{u.batch, u.dirs, u.hidden}
	}
	if u.h0, err = u.initialState(5, "initial_h", state); err != nil {
		return err
	}
	if n.OpType == "LSTM" {
		if u.c0, err = u.initialState(6, "initial_c", state); err != nil {
			return err
		}
		if u.p, err = u.weight(7, "P", []int{u.dirs, 3 * u.hidden}, false); err != nil {
			return err
		}
		if u.p != nil && isZero(u.p) {
			u.p = nil
		}
		switch v := n.Int("input_forget", 0); v {
		case 0, 1:
			u.inputForget = v == 1
		default:
			return fmt.Errorf("input_forget %d is not 0 or 1", v)
		}
	}
	if n.OpType == "GRU" {
		u.linearBeforeReset = n.Int("linear_before_reset", 0) != 0
	}
	if u.b != nil && isZero(u.b) {
		u.b = nil
	}
	if c, ok := n.Attrs["clip"]; ok {
		if !(c.Float > 0) || math.IsInf(c.Float, 0) {
			return fmt.Errorf("clip %g is not a positive number", c.Float)
		}
		u.clip = c.Float
	}
	return u.activations()
}

// sequenceLens accepts sequence_lens only when it changes nothing: zkml
// unrolls every sequence over the full length.
func (u *unroller) sequenceLens() error {
	name := u.input(4)
	if name == "" {
		return nil
	}
	t := u.im.g.Constants[name]
	if t == nil {
		return fmt.Errorf("the sequence_lens input %q is computed from the model inputs; zkml unrolls a fixed number of steps and needs it to be a constant equal to the sequence length %d (or omitted)", name, u.t)
	}
	if t.Len() != u.batch {
		return fmt.Errorf("the sequence_lens input %q has %d elements for a batch of %d", name, t.Len(), u.batch)
	}
	for i := range t.Len() {
		if v := t.At(i); v != float64(u.t) {
			return fmt.Errorf("sequence_lens[%d] is %g; zkml unrolls every sequence over the full length %d (pad the sequences, or omit sequence_lens)", i, v, u.t)
		}
	}
	return nil
}

// initialState checks initial_h or initial_c; "" means zeros.
func (u *unroller) initialState(i int, what string, shape []int) (string, error) {
	name := u.input(i)
	if name == "" {
		return "", nil
	}
	g := u.im.g
	if t := g.Constants[name]; t != nil {
		if !slices.Equal(t.Shape, shape) {
			return "", fmt.Errorf("the %s input %q has shape %v, want %v", what, name, t.Shape, shape)
		}
		if isZero(t) {
			return "", nil
		}
		return name, nil
	}
	v, ok := g.Values[name]
	if !ok {
		return "", fmt.Errorf("input %q has no known type", name)
	}
	if !v.DType.IsFloat() {
		return "", fmt.Errorf("the %s input %q is %s, not a float tensor", what, name, v.DType)
	}
	if !slices.Equal(v.Shape, shape) {
		return "", fmt.Errorf("the %s input %q has shape %v, want %v", what, name, v.Shape, shape)
	}
	return name, nil
}

// activations reads the activations attribute: one list per direction, of
// Sigmoid, Tanh and Relu.
func (u *unroller) activations() error {
	k := len(u.spec.acts)
	names := u.spec.acts
	if a, ok := u.n.Attrs["activations"]; ok {
		names = a.Strings
	}
	switch {
	case len(names) == k*u.dirs:
	case len(names) == k:
		names = append(append([]string(nil), names...), names...) // both directions alike
	default:
		return fmt.Errorf("activations %v: want %d per direction (%d in all)", names, k, k*u.dirs)
	}
	for d := range u.dirs {
		var dir []string
		for _, a := range names[d*k : (d+1)*k] {
			canon := ""
			for _, s := range []string{"Sigmoid", "Tanh", "Relu"} {
				if strings.EqualFold(a, s) {
					canon = s
				}
			}
			if canon == "" {
				return fmt.Errorf("activation %q is not supported (Sigmoid, Tanh and Relu are)", a)
			}
			dir = append(dir, canon)
		}
		u.acts = append(u.acts, dir)
	}
	return nil
}

func isZero(t *Tensor) bool {
	for i := range t.Len() {
		if t.At(i) != 0 {
			return false
		}
	}
	return true
}

// node appends a node named prefix/as writing output, or prefix/as_output
// when output is "", and returns the output's name.
func (u *unroller) node(op, as string, inputs []string, output string, attrs map[string]*Attr) string {
	name := u.n.Name + "/" + as
	if output == "" {
		output = name + "_output"
	}
	if attrs == nil {
		attrs = map[string]*Attr{}
	}
	u.nodes = append(u.nodes, &Node{Name: name, OpType: op, Inputs: inputs, Outputs: []string{output}, Attrs: attrs})
	return output
}

// constant adds a constant named after the node.
func (u *unroller) constant(as string, t *Tensor) string {
	name := u.n.Name + "/" + as
	u.im.g.Constants[name] = t
	return name
}

func (u *unroller) floats(as string, shape []int, data []float64) string {
	return u.constant(as, &Tensor{DType: u.dtype, Shape: shape, Float: data})
}

func (u *unroller) index(v int) string {
	return u.constant(fmt.Sprintf("index%d", v), &Tensor{DType: Int64, Shape: []int{}, Int: []int64{int64(v)}})
}

// unsqueeze inserts axes, in the form the model's opset expects.
func (u *unroller) unsqueeze(as, x, output string, axes ...int64) string {
	if u.im.g.Opset >= 13 {
		c := u.constant(as+"_axes", &Tensor{DType: Int64, Shape: []int{len(axes)}, Int: axes})
		return u.node("Unsqueeze", as, []string{x, c}, output, nil)
	}
	return u.node("Unsqueeze", as, []string{x}, output, map[string]*Attr{"axes": {Kind: AttrInts, Ints: axes}})
}

// concat joins xs along axis, writing output.
func (u *unroller) concat(as string, xs []string, axis int64, output string) string {
	return u.node("Concat", as, xs, output, map[string]*Attr{"axis": {Kind: AttrInt, Int: axis}})
}

// activate applies an activation function, after the clip when clipped:
// as in ONNX Runtime, clip bounds the inputs of f and g, not the cell state
// an LSTM's h reads.
func (u *unroller) activate(fn, as, x string, clipped bool) string {
	if clipped && u.clip > 0 {
		if u.im.g.Opset >= 11 {
			lo := u.floats("clip_min", []int{}, []float64{-u.clip})
			hi := u.floats("clip_max", []int{}, []float64{u.clip})
			x = u.node("Clip", as+"_clip", []string{x, lo, hi}, "", nil)
		} else {
			x = u.node("Clip", as+"_clip", []string{x}, "", map[string]*Attr{
				"min": {Kind: AttrFloat, Float: -u.clip}, "max": {Kind: AttrFloat, Float: u.clip}})
		}
	}
	return u.node(fn, as, []string{x}, "", nil)
}

// block returns rows [k·H, (k+1)·H) of direction d of a weight tensor as a
// constant of shape [H, cols].
func (u *unroller) block(t *Tensor, d, k int, as string) string {
	cols := t.Shape[2]
	rows := t.Shape[1]
	off := (d*rows + k*u.hidden) * cols
	data := make([]float64, u.hidden*cols)
	for i := range data {
		data[i] = t.At(off + i)
	}
	return u.floats(as, []int{u.hidden, cols}, data)
}

// bias returns gate k's input bias (Wb), plus the recurrence bias (Rb)
// when withR, as a constant of shape [H]; "" when zero.
func (u *unroller) bias(d, k int, withW, withR bool, as string) string {
	if u.b == nil {
		return ""
	}
	gh := u.spec.gates * u.hidden
	data := make([]float64, u.hidden)
	zero := true
	for i := range data {
		base := d*2*gh + k*u.hidden + i
		if withW {
			data[i] += u.b.At(base)
		}
		if withR {
			data[i] += u.b.At(base + gh)
		}
		zero = zero && data[i] == 0
	}
	if zero {
		return ""
	}
	return u.floats(as, []int{u.hidden}, data)
}

// gemm is x·wᵀ (+ bias).
func (u *unroller) gemm(as, x, w, bias string) string {
	in := []string{x, w}
	if bias != "" {
		in = append(in, bias)
	}
	return u.node("Gemm", as, in, "", map[string]*Attr{"transB": {Kind: AttrInt, Int: 1}})
}

// dir is the state of one direction's unrolling.
type dir struct {
	d      int
	prefix string
	w, r   []string // per gate: constant weight blocks
}

// gate returns the pre-activation of gate k: x·Wkᵀ + h·Rkᵀ + Wbk + Rbk,
// without the recurrence when h is "" (zeros) or recurrent is false.
func (u *unroller) gate(dr *dir, k int, step, x, h string, recurrent bool) string {
	p := dr.prefix + step + "/" + gateNames[u.n.OpType][k]
	// With linear_before_reset, Rbh goes inside the reset gate's product.
	withR := !(u.n.OpType == "GRU" && k == gruH && u.linearBeforeReset)
	a := u.gemm(p+"_x", x, dr.w[k], u.bias(dr.d, k, true, withR, dr.prefix+"b_"+gateNames[u.n.OpType][k]))
	if h == "" || !recurrent {
		return a
	}
	r := u.gemm(p+"_h", h, dr.r[k], "")
	return u.node("Add", p+"_pre", []string{a, r}, "", nil)
}

var gateNames = map[string][]string{
	"RNN":  {"i"},
	"LSTM": {"i", "o", "f", "c"},
	"GRU":  {"z", "r", "h"},
}

// unroll emits every step of every direction, then the outputs.
func (u *unroller) unroll() {
	ys := make([][]string, u.t) // [time][direction] hidden state after the step
	hs := make([]string, u.dirs)
	cs := make([]string, u.dirs)
	for d := range u.dirs {
		dr := &dir{d: d}
		if u.dirs == 2 {
			dr.prefix = []string{"forward/", "reverse/"}[d]
		}
		reverse := d == 1 || u.n.String("direction", "forward") == "reverse"
		for k := range u.spec.gates {
			g := gateNames[u.n.OpType][k]
			dr.w = append(dr.w, u.block(u.w, d, k, dr.prefix+"W_"+g))
			dr.r = append(dr.r, u.block(u.r, d, k, dr.prefix+"R_"+g))
		}
		h := u.stateOf(u.h0, d, dr.prefix+"initial_h")
		c := u.stateOf(u.c0, d, dr.prefix+"initial_c")
		for s := range u.t {
			t := s
			if reverse {
				t = u.t - 1 - s
			}
			step := fmt.Sprintf("t%d", t)
			axis := int64(0)
			if u.layout == 1 {
				axis = 1
			}
			x := u.node("Gather", dr.prefix+step+"/x", []string{u.n.Inputs[0], u.index(t)}, "",
				map[string]*Attr{"axis": {Kind: AttrInt, Int: axis}})
			switch u.n.OpType {
			case "RNN":
				h = u.activate(u.acts[d][0], dr.prefix+step+"/h", u.gate(dr, 0, step, x, h, true), true)
			case "GRU":
				h = u.gruStep(dr, step, x, h)
			case "LSTM":
				h, c = u.lstmStep(dr, step, x, h, c)
			}
			if ys[t] == nil {
				ys[t] = make([]string, u.dirs)
			}
			ys[t][d] = h
		}
		hs[d], cs[d] = h, c
	}
	u.outputs(ys, hs, cs)
}

// stateOf returns direction d of an initial state as a [batch, hidden]
// value, "" for zeros.
func (u *unroller) stateOf(name string, d int, as string) string {
	if name == "" {
		return ""
	}
	axis := int64(0)
	if u.layout == 1 {
		axis = 1
	}
	return u.node("Gather", as, []string{name, u.index(d)}, "", map[string]*Attr{"axis": {Kind: AttrInt, Int: axis}})
}

// gruStep is one GRU step:
//
//	z = f(x·Wzᵀ + h·Rzᵀ + Wbz + Rbz), r = f(x·Wrᵀ + h·Rrᵀ + Wbr + Rbr)
//	ĥ = g(x·Whᵀ + (r ⊙ h)·Rhᵀ + Wbh + Rbh)        linear_before_reset = 0
//	ĥ = g(x·Whᵀ + r ⊙ (h·Rhᵀ + Rbh) + Wbh)        linear_before_reset = 1
//	H = (1 − z) ⊙ ĥ + z ⊙ h = ĥ + z ⊙ (h − ĥ)    (one product instead of two)
func (u *unroller) gruStep(dr *dir, step, x, h string) string {
	p := dr.prefix + step + "/"
	f, g := u.acts[dr.d][0], u.acts[dr.d][1]
	z := u.activate(f, p+"z", u.gate(dr, gruZ, step, x, h, true), true)
	reset := func() string { return u.activate(f, p+"r", u.gate(dr, gruR, step, x, h, true), true) }
	pre := u.gate(dr, gruH, step, x, h, false)
	if u.linearBeforeReset {
		var rec string
		if h != "" {
			rec = u.gemm(p+"h_h", h, dr.r[gruH], u.bias(dr.d, gruH, false, true, dr.prefix+"Rb_h"))
		} else {
			rec = u.bias(dr.d, gruH, false, true, dr.prefix+"Rb_h")
		}
		if rec != "" {
			prod := u.node("Mul", p+"h_reset", []string{reset(), rec}, "", nil)
			pre = u.node("Add", p+"h_pre", []string{pre, prod}, "", nil)
		}
	} else if h != "" {
		rh := u.node("Mul", p+"h_reset", []string{reset(), h}, "", nil)
		pre = u.node("Add", p+"h_pre", []string{pre, u.gemm(p+"h_h", rh, dr.r[gruH], "")}, "", nil)
	}
	cand := u.activate(g, p+"h_candidate", pre, true)
	if h == "" {
		return u.node("Sub", p+"H", []string{cand, u.node("Mul", p+"H_keep", []string{z, cand}, "", nil)}, "", nil)
	}
	diff := u.node("Sub", p+"H_delta", []string{h, cand}, "", nil)
	return u.node("Add", p+"H", []string{cand, u.node("Mul", p+"H_keep", []string{z, diff}, "", nil)}, "", nil)
}

// lstmStep is one LSTM step:
//
//	i = f(x·Wiᵀ + h·Riᵀ + Pi ⊙ c + Wbi + Rbi)
//	f = f(x·Wfᵀ + h·Rfᵀ + Pf ⊙ c + Wbf + Rbf)     (1 − i with input_forget)
//	ĉ = g(x·Wcᵀ + h·Rcᵀ + Wbc + Rbc)
//	C = f ⊙ c + i ⊙ ĉ
//	o = f(x·Woᵀ + h·Roᵀ + Po ⊙ C + Wbo + Rbo)
//	H = o ⊙ h(C)
func (u *unroller) lstmStep(dr *dir, step, x, h, c string) (string, string) {
	p := dr.prefix + step + "/"
	fa, ga, ha := u.acts[dr.d][0], u.acts[dr.d][1], u.acts[dr.d][2]
	peep := func(pre string, k int, state, as string) string {
		if u.p == nil || state == "" {
			return pre
		}
		data := make([]float64, u.hidden)
		for i := range data {
			data[i] = u.p.At(dr.d*3*u.hidden + k*u.hidden + i)
		}
		pk := u.floats(dr.prefix+"P_"+as, []int{u.hidden}, data)
		prod := u.node("Mul", p+as+"_peephole", []string{state, pk}, "", nil)
		return u.node("Add", p+as+"_pre_peephole", []string{pre, prod}, "", nil)
	}
	// P is ordered i, o, f.
	i := u.activate(fa, p+"i", peep(u.gate(dr, lstmI, step, x, h, true), 0, c, "i"), true)
	cand := u.activate(ga, p+"c_candidate", u.gate(dr, lstmC, step, x, h, true), true)
	C := u.node("Mul", p+"C_input", []string{i, cand}, "", nil)
	if c != "" {
		var f string
		if u.inputForget {
			f = u.node("Sub", p+"f", []string{u.floats(dr.prefix+"one", []int{}, []float64{1}), i}, "", nil)
		} else {
			f = u.activate(fa, p+"f", peep(u.gate(dr, lstmF, step, x, h, true), 2, c, "f"), true)
		}
		kept := u.node("Mul", p+"C_kept", []string{f, c}, "", nil)
		C = u.node("Add", p+"C", []string{kept, C}, "", nil)
	}
	o := u.activate(fa, p+"o", peep(u.gate(dr, lstmO, step, x, h, true), 1, C, "o"), true)
	return u.node("Mul", p+"H", []string{o, u.activate(ha, p+"C_activated", C, false)}, "", nil), C
}

// outputs writes Y, Y_h and Y_c from the per-step states, in the layout's
// order: Y is [seq, dirs, batch, hidden] (layout 1: [batch, seq, dirs,
// hidden]), Y_h and Y_c [dirs, batch, hidden] (layout 1: [batch, dirs,
// hidden]).
func (u *unroller) outputs(ys [][]string, hs, cs []string) {
	out := func(i int) string {
		if i < len(u.n.Outputs) {
			return u.n.Outputs[i]
		}
		return ""
	}
	// Axes of Y: time, direction; of Y_h: direction.
	tAx, dAx, sAx := int64(0), int64(1), int64(0)
	if u.layout == 1 {
		tAx, dAx, sAx = 1, 2, 1
	}
	if y := out(0); y != "" {
		var steps []string
		for t := range u.t {
			var parts []string
			for d := range u.dirs {
				o := ""
				if u.dirs == 1 && u.t == 1 {
					o = y
				}
				parts = append(parts, u.unsqueeze(fmt.Sprintf("Y/t%d/%d", t, d), ys[t][d], o, min(tAx, dAx), max(tAx, dAx)))
			}
			if len(parts) == 1 {
				steps = append(steps, parts[0])
				continue
			}
			o := ""
			if u.t == 1 {
				o = y
			}
			steps = append(steps, u.concat(fmt.Sprintf("Y/t%d", t), parts, dAx, o))
		}
		if len(steps) > 1 {
			u.concat("Y", steps, tAx, y)
		}
	}
	for k, states := range [][]string{hs, cs} {
		o := out(1 + k)
		if o == "" {
			continue
		}
		var parts []string
		for d := range u.dirs {
			po := ""
			if u.dirs == 1 {
				po = o
			}
			parts = append(parts, u.unsqueeze(fmt.Sprintf("%s/%d", []string{"Y_h", "Y_c"}[k], d), states[d], po, sAx))
		}
		if len(parts) > 1 {
			u.concat([]string{"Y_h", "Y_c"}[k], parts, sAx, o)
		}
	}
}
