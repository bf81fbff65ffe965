package onnx

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"os"
	"strings"

	pb "github.com/zkml/zkml/internal/onnxpb"

	"github.com/zkml/zkml/internal/tensor"
)

// Options adjusts how a model is imported. A nil *Options means defaults.
type Options struct {
	// Dims gives a value to symbolic dimensions of the graph inputs, by
	// name (e.g. {"batch_size": 1}). Symbolic dimensions that are unnamed
	// or not listed become 1.
	Dims map[string]int
}

// Load reads an ONNX model file and imports it (see [Parse]). Errors start
// with the path.
func Load(path string, opts *Options) (*Graph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err // *PathError already names the file
	}
	return Parse(data, path, opts)
}

const lfsPointer = "version https://git-lfs.github.com/spec/v1"

// Parse imports a serialized ONNX ModelProto. name is used in errors (and
// stored as Graph.File); it is usually the file's path.
//
// The result has canonical node attributes, static shapes for every value,
// all constant subgraphs folded, BatchNormalization folded into a preceding
// Conv or Gemm, Identity nodes removed, and only the nodes that compute the
// outputs from the inputs. See the package documentation for the details.
func Parse(data []byte, name string, opts *Options) (g *Graph, err error) {
	if opts == nil {
		opts = &Options{}
	}
	defer func() {
		// A panic here is a bug in this package, but a model file must
		// never crash the caller: report it as an error instead.
		if r := recover(); r != nil {
			g, err = nil, fmt.Errorf("%s: internal error while importing (please report this bug): %v", name, r)
		}
	}()
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte(lfsPointer)) {
		return nil, fmt.Errorf("%s: this is a Git LFS pointer file, not the model itself; run `git lfs pull` to download the model", name)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: the file is empty, not an ONNX model", name)
	}
	var m pb.ModelProto
	if err := m.Unmarshal(data); err != nil {
		return nil, fmt.Errorf("%s: not a valid ONNX model (the file is truncated or not ONNX): %v", name, err)
	}
	if m.GetGraph() == nil {
		return nil, fmt.Errorf("%s: not an ONNX model: it has no graph (the file is truncated or not ONNX)", name)
	}
	im := &importer{file: name, opts: opts, model: &m}
	g, err = im.run()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// importer holds the state of one Parse.
type importer struct {
	file  string
	opts  *Options
	model *pb.ModelProto
	g     *Graph

	// unknown holds values that cannot be typed because they come from an
	// unsupported node or one that failed; nodes that read them are
	// skipped, so that one unsupported op does not hide the others.
	unknown     map[string]unknownKind
	unsupported []unsupportedOp
	firstErr    error
}

// unknownKind says why a value has no type.
type unknownKind uint8

const (
	fromUnsupported unknownKind = iota + 1
	fromFailed
)

type unsupportedOp struct {
	op    string
	count int
	node  string
	why   string // empty: the op is unknown; else a qualification
}

func (im *importer) run() (*Graph, error) {
	gp := im.model.GetGraph()
	g := &Graph{
		File:      im.file,
		Producer:  strings.TrimSpace(im.model.GetProducerName() + " " + im.model.GetProducerVersion()),
		Constants: map[string]*Tensor{},
		Values:    map[string]Value{},
	}
	im.g = g
	im.unknown = map[string]unknownKind{}

	opset, err := defaultOpset(im.model)
	if err != nil {
		return nil, err
	}
	g.Opset = opset
	if len(gp.GetSparseInitializer()) > 0 {
		return nil, fmt.Errorf("sparse initializer %q: sparse tensors are not supported", gp.GetSparseInitializer()[0].GetValues().GetName())
	}
	for i, tp := range gp.GetInitializer() {
		name := tp.GetName()
		if name == "" {
			return nil, fmt.Errorf("initializer %d has no name", i)
		}
		if _, dup := g.Constants[name]; dup {
			return nil, fmt.Errorf("initializer %q is defined twice", name)
		}
		t, err := decodeTensor(tp, fmt.Sprintf("initializer %q", name))
		if err != nil {
			return nil, err
		}
		g.Constants[name] = t
	}
	for _, vi := range gp.GetInput() {
		if _, isInit := g.Constants[vi.GetName()]; isInit {
			continue // old exporters list initializers as inputs too
		}
		v, err := im.inputValue(vi)
		if err != nil {
			return nil, err
		}
		if _, dup := g.Values[v.Name]; dup {
			return nil, fmt.Errorf("graph input %q is listed twice", v.Name)
		}
		g.Inputs = append(g.Inputs, v)
		g.Values[v.Name] = v
	}
	if len(gp.GetOutput()) == 0 {
		return nil, errors.New("the graph has no outputs")
	}
	if len(gp.GetNode()) == 0 && len(g.Inputs) == 0 && len(g.Constants) == 0 {
		return nil, errors.New("the graph is empty (no nodes, inputs or initializers)")
	}

	nodes, err := im.convertNodes(gp.GetNode())
	if err != nil {
		return nil, err
	}
	nodes, err = topoSort(nodes, g)
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		parts, err := im.expandNode(n)
		if err != nil && im.firstErr == nil {
			im.firstErr = err
		}
		for _, p := range parts {
			if err := im.processNode(p); err != nil && im.firstErr == nil {
				im.firstErr = err
			}
		}
	}
	if len(im.unsupported) > 0 {
		err := im.unsupportedError()
		if im.firstErr != nil {
			// both matter; the unsupported ops are usually the bigger job
			err = fmt.Errorf("%w; also %v", err, im.firstErr)
		}
		return nil, err
	}
	if im.firstErr != nil {
		return nil, im.firstErr
	}
	if err := im.outputs(gp.GetOutput()); err != nil {
		return nil, err
	}
	if err := foldBatchNorm(g); err != nil {
		return nil, err
	}
	removeIdentities(g)
	eliminateDeadNodes(g)
	return g, nil
}

// defaultOpset returns the model's opset of the default ONNX domain.
func defaultOpset(m *pb.ModelProto) (int64, error) {
	for _, os := range m.GetOpsetImport() {
		if d := os.GetDomain(); d == "" || d == "ai.onnx" {
			if v := os.GetVersion(); v < 1 {
				return 0, fmt.Errorf("the default-domain opset version %d is invalid", v)
			} else {
				return v, nil
			}
		}
	}
	if m.GetIrVersion() < 3 {
		return 1, nil // before IR version 3, models had no opset_import and meant opset 1
	}
	return 0, errors.New("the model imports no default-domain opset (opset_import has no \"\" or \"ai.onnx\" entry)")
}

// inputValue types a graph input, resolving symbolic dimensions.
func (im *importer) inputValue(vi *pb.ValueInfoProto) (Value, error) {
	name := vi.GetName()
	if name == "" {
		return Value{}, errors.New("a graph input has no name")
	}
	tt := vi.GetType().GetTensorType()
	if tt == nil {
		return Value{}, fmt.Errorf("graph input %q is not a tensor (sequences, maps and optionals are not supported)", name)
	}
	dt, err := dtypeFromProto(tt.GetElemType())
	if err != nil {
		return Value{}, fmt.Errorf("graph input %q: %v", name, err)
	}
	if tt.GetShape() == nil {
		return Value{}, fmt.Errorf("graph input %q has no shape; zkml needs the rank and dimensions of every input (re-export with a fixed input shape)", name)
	}
	shape := []int{}
	for i, d := range tt.GetShape().GetDim() {
		switch v := d.GetValue().(type) {
		case *pb.TensorShapeProto_Dimension_DimValue:
			if v.DimValue < 0 || v.DimValue > tensor.MaxElements {
				return Value{}, fmt.Errorf("graph input %q: dimension %d is %d", name, i, v.DimValue)
			}
			shape = append(shape, int(v.DimValue))
		default:
			val, ok := im.opts.Dims[d.GetDimParam()]
			if !ok || d.GetDimParam() == "" {
				val = 1 // symbolic batch dimensions mean one sample
			}
			if val < 0 {
				return Value{}, fmt.Errorf("graph input %q: dimension %q is set to %d, which is negative", name, d.GetDimParam(), val)
			}
			shape = append(shape, val)
		}
	}
	if err := tensor.CheckShape(shape); err != nil {
		return Value{}, fmt.Errorf("graph input %q: %v", name, err)
	}
	return Value{Name: name, DType: dt, Shape: shape}, nil
}

// convertNodes turns NodeProtos into Nodes with raw (not yet canonical)
// attributes, naming anonymous nodes.
func (im *importer) convertNodes(nps []*pb.NodeProto) ([]*Node, error) {
	nodes := make([]*Node, len(nps))
	names := map[string]bool{}
	for i, np := range nps {
		n := &Node{
			Name:    np.GetName(),
			OpType:  np.GetOpType(),
			Inputs:  append([]string(nil), np.GetInput()...),
			Outputs: append([]string(nil), np.GetOutput()...),
			Attrs:   map[string]*Attr{},
		}
		if d := np.GetDomain(); d != "" && d != "ai.onnx" {
			n.OpType = d + "." + n.OpType // never in the op table: reported as unsupported
		}
		if n.Name == "" || names[n.Name] {
			// unnamed, or a duplicate name that would make errors ambiguous
			n.Name = fmt.Sprintf("%s_%d", np.GetOpType(), i)
		}
		names[n.Name] = true
		for _, ap := range np.GetAttribute() {
			a, err := convertAttr(ap)
			if err != nil {
				return nil, fmt.Errorf("%s: attribute %q: %v", n.Describe(), ap.GetName(), err)
			}
			if a != nil {
				n.Attrs[ap.GetName()] = a
			}
		}
		nodes[i] = n
	}
	return nodes, nil
}

// convertAttr converts one attribute; it returns nil for kinds the IR does
// not hold (subgraphs, sparse tensors, type protos), which only unsupported
// ops use.
func convertAttr(ap *pb.AttributeProto) (*Attr, error) {
	typ := ap.GetType()
	if typ == pb.AttributeProto_UNDEFINED {
		// very old files omit the type; infer it from the field that is set
		switch {
		case len(ap.GetInts()) > 0:
			typ = pb.AttributeProto_INTS
		case len(ap.GetFloats()) > 0:
			typ = pb.AttributeProto_FLOATS
		case len(ap.GetStrings()) > 0:
			typ = pb.AttributeProto_STRINGS
		case ap.GetT() != nil:
			typ = pb.AttributeProto_TENSOR
		case len(ap.GetS()) > 0:
			typ = pb.AttributeProto_STRING
		case ap.GetF() != 0:
			typ = pb.AttributeProto_FLOAT
		default:
			typ = pb.AttributeProto_INT
		}
	}
	switch typ {
	case pb.AttributeProto_INT:
		return &Attr{Kind: AttrInt, Int: ap.GetI()}, nil
	case pb.AttributeProto_FLOAT:
		return &Attr{Kind: AttrFloat, Float: float64(ap.GetF())}, nil
	case pb.AttributeProto_STRING:
		return &Attr{Kind: AttrString, String: string(ap.GetS())}, nil
	case pb.AttributeProto_INTS:
		return &Attr{Kind: AttrInts, Ints: append([]int64{}, ap.GetInts()...)}, nil
	case pb.AttributeProto_FLOATS:
		fs := make([]float64, len(ap.GetFloats()))
		for i, f := range ap.GetFloats() {
			fs[i] = float64(f)
		}
		return &Attr{Kind: AttrFloats, Floats: fs}, nil
	case pb.AttributeProto_STRINGS:
		ss := make([]string, len(ap.GetStrings()))
		for i, s := range ap.GetStrings() {
			ss[i] = string(s)
		}
		return &Attr{Kind: AttrStrings, Strings: ss}, nil
	case pb.AttributeProto_TENSOR:
		t, err := decodeTensor(ap.GetT(), "tensor")
		if err != nil {
			return nil, err
		}
		return &Attr{Kind: AttrTensor, Tensor: t}, nil
	}
	return nil, nil
}

// topoSort orders nodes so that every node comes after the producers of its
// inputs, keeping the file's order where it is already valid.
func topoSort(nodes []*Node, g *Graph) ([]*Node, error) {
	producer := map[string]int{}
	for i, n := range nodes {
		for _, o := range n.Outputs {
			if o == "" {
				continue
			}
			if _, isConst := g.Constants[o]; isConst {
				return nil, fmt.Errorf("%s: output %q has the name of an initializer", n.Describe(), o)
			}
			if _, isInput := g.Values[o]; isInput {
				return nil, fmt.Errorf("%s: output %q has the name of a graph input", n.Describe(), o)
			}
			if j, dup := producer[o]; dup {
				return nil, fmt.Errorf("%s: output %q is also produced by %s", n.Describe(), o, nodes[j].Describe())
			}
			producer[o] = i
		}
	}
	indeg := make([]int, len(nodes))
	users := make([][]int, len(nodes))
	for i, n := range nodes {
		for _, in := range n.Inputs {
			if in == "" {
				continue
			}
			if j, ok := producer[in]; ok {
				indeg[i]++
				users[j] = append(users[j], i)
				continue
			}
			_, isConst := g.Constants[in]
			_, isInput := g.Values[in]
			if !isConst && !isInput {
				return nil, fmt.Errorf("%s: input %q is not produced by any node, initializer or graph input", n.Describe(), in)
			}
		}
	}
	// Kahn's algorithm with the ready set ordered by file position.
	ready := &intHeap{}
	for i := range nodes {
		if indeg[i] == 0 {
			heap.Push(ready, i)
		}
	}
	out := make([]*Node, 0, len(nodes))
	for ready.Len() > 0 {
		i := heap.Pop(ready).(int)
		out = append(out, nodes[i])
		for _, u := range users[i] {
			if indeg[u]--; indeg[u] == 0 {
				heap.Push(ready, u)
			}
		}
	}
	if len(out) < len(nodes) {
		for i, d := range indeg {
			if d > 0 {
				return nil, fmt.Errorf("%s: the graph has a cycle through this node", nodes[i].Describe())
			}
		}
	}
	return out, nil
}

// intHeap is a min-heap of node indices.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// UnsupportedOpsError is the error of [Load] and [Parse] (wrapped with the
// file name) for a model with ops the importer does not understand: every
// such op type at once, in graph order. Use errors.As to find it.
type UnsupportedOpsError struct {
	Ops []UnsupportedOp
}

// UnsupportedOp is one op type of an [UnsupportedOpsError].
type UnsupportedOp struct {
	OpType string // with its domain when not the default one
	Count  int    // nodes of this type
	Node   string // the first of them
	Detail string // empty, or why the op is unsupported here (", non-constant input")
}

func (e *UnsupportedOpsError) Error() string {
	parts := make([]string, len(e.Ops))
	for i, u := range e.Ops {
		parts[i] = fmt.Sprintf("%s (%d, node %q%s)", u.OpType, u.Count, u.Node, u.Detail)
	}
	return "unsupported ops: " + strings.Join(parts, ", ")
}

// OpTypes lists the unsupported op types, in graph order.
func (e *UnsupportedOpsError) OpTypes() []string {
	out := make([]string, len(e.Ops))
	for i, u := range e.Ops {
		out[i] = u.OpType
	}
	return out
}

// unsupportedError lists every unsupported op type with its count and first
// node, in graph order.
func (im *importer) unsupportedError() error {
	e := &UnsupportedOpsError{Ops: make([]UnsupportedOp, len(im.unsupported))}
	for i, u := range im.unsupported {
		e.Ops[i] = UnsupportedOp{OpType: u.op, Count: u.count, Node: u.node, Detail: u.why}
	}
	return e
}

func (im *importer) addUnsupported(n *Node, why string) {
	for i := range im.unsupported {
		if u := &im.unsupported[i]; u.op == n.OpType && u.why == why {
			u.count++
			return
		}
	}
	im.unsupported = append(im.unsupported, unsupportedOp{op: n.OpType, count: 1, node: n.Name, why: why})
}

// outputs types the graph outputs and checks them against their declared
// static shapes.
func (im *importer) outputs(vis []*pb.ValueInfoProto) error {
	g := im.g
	seen := map[string]bool{}
	for _, vi := range vis {
		name := vi.GetName()
		if seen[name] {
			return fmt.Errorf("graph output %q is listed twice", name)
		}
		seen[name] = true
		var v Value
		if t, ok := g.Constants[name]; ok {
			v = Value{Name: name, DType: t.DType, Shape: t.Shape}
		} else if val, ok := g.Values[name]; ok {
			v = val
		} else {
			return fmt.Errorf("graph output %q is not produced by any node, initializer or input", name)
		}
		if err := im.checkDeclared(v, vi, "graph output"); err != nil {
			return err
		}
		g.Outputs = append(g.Outputs, v)
	}
	return nil
}

// checkDeclared compares an inferred value with a declared type where the
// declaration is static (or names a dimension given in Options.Dims).
func (im *importer) checkDeclared(v Value, vi *pb.ValueInfoProto, what string) error {
	tt := vi.GetType().GetTensorType()
	if tt == nil {
		return nil
	}
	if code := tt.GetElemType(); code != 0 {
		if dt, err := dtypeFromProto(code); err == nil && dt != v.DType {
			return fmt.Errorf("%s %q is declared %s but computes %s", what, v.Name, dt, v.DType)
		}
	}
	if tt.GetShape() == nil {
		return nil
	}
	dims := tt.GetShape().GetDim()
	if len(dims) != len(v.Shape) {
		return fmt.Errorf("%s %q is declared with rank %d but computes shape %v", what, v.Name, len(dims), v.Shape)
	}
	for i, d := range dims {
		want := -1
		switch x := d.GetValue().(type) {
		case *pb.TensorShapeProto_Dimension_DimValue:
			want = int(x.DimValue)
		case *pb.TensorShapeProto_Dimension_DimParam:
			if val, ok := im.opts.Dims[x.DimParam]; ok {
				want = val
			}
		}
		if want >= 0 && want != v.Shape[i] {
			return fmt.Errorf("%s %q is declared with dimension %d = %d but computes shape %v", what, v.Name, i, want, v.Shape)
		}
	}
	return nil
}
