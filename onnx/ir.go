package onnx

import (
	"fmt"
	"math"
)

// DType is the element type of a tensor.
type DType int

// Element types zkml understands. Float types are computed in float64 by the
// reference executors; integer and bool types keep exact int64 values.
const (
	Undefined DType = iota
	Float32
	Float64
	Float16
	Int8
	Int16
	Int32
	Int64
	Uint8
	Bool
	Uint16
	Uint32
	Uint64
	BFloat16
)

var dtypeNames = [...]string{"undefined", "float32", "float64", "float16", "int8", "int16", "int32", "int64", "uint8", "bool", "uint16", "uint32", "uint64", "bfloat16"}

func (d DType) String() string {
	if d >= 0 && int(d) < len(dtypeNames) {
		return dtypeNames[d]
	}
	return fmt.Sprintf("dtype(%d)", int(d))
}

// IsFloat reports whether values of this type are real numbers rather than integers.
func (d DType) IsFloat() bool {
	return d == Float32 || d == Float64 || d == Float16 || d == BFloat16
}

// Tensor is a constant: an initializer, a Constant node's value, or the result
// of folding. Exactly one of Float (float dtypes) and Int (integer and bool
// dtypes) holds the row-major data.
type Tensor struct {
	DType DType
	Shape []int
	Float []float64
	Int   []int64
}

// Len is the number of elements (1 for a scalar).
func (t *Tensor) Len() int { return NumElements(t.Shape) }

// At returns element i as a float64 whatever the dtype.
func (t *Tensor) At(i int) float64 {
	if t.DType.IsFloat() {
		return t.Float[i]
	}
	return float64(t.Int[i])
}

// IntAt returns element i as an int64 whatever the dtype; float values are
// truncated toward zero and saturate at the int64 bounds.
func (t *Tensor) IntAt(i int) int64 {
	if !t.DType.IsFloat() {
		return t.Int[i]
	}
	f := t.Float[i]
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

// Floats returns all elements as float64.
func (t *Tensor) Floats() []float64 {
	out := make([]float64, t.Len())
	for i := range out {
		out[i] = t.At(i)
	}
	return out
}

// Ints returns all elements as int64 (see IntAt).
func (t *Tensor) Ints() []int64 {
	out := make([]int64, t.Len())
	for i := range out {
		out[i] = t.IntAt(i)
	}
	return out
}

// NumElements is the product of a shape's dimensions (1 for a scalar).
func NumElements(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// AttrKind says which field of an Attr is set.
type AttrKind int

// Attribute kinds.
const (
	AttrInt AttrKind = iota + 1
	AttrFloat
	AttrString
	AttrInts
	AttrFloats
	AttrTensor
	AttrStrings
)

// Attr is one node attribute.
type Attr struct {
	Kind    AttrKind
	Int     int64
	Float   float64
	String  string
	Ints    []int64
	Floats  []float64
	Strings []string
	Tensor  *Tensor
}

// Node is one operator application. After Load, a node's attributes are
// canonical and complete for its op (see the package documentation): defaults
// are filled in, negative axes are made positive, and parameters that newer
// opsets pass as constant inputs (Reshape's shape, Slice's starts, Pad's pads,
// Clip's bounds, ReduceX's axes, Squeeze/Unsqueeze axes, ...) are moved into
// attributes, so Inputs holds only data operands: graph inputs, outputs of
// other nodes, or constants that are real operands (Gemm and Conv weights,
// the other side of an Add, ...).
type Node struct {
	Name    string // never empty: Load names anonymous nodes "<op>_<index>"
	OpType  string
	Inputs  []string // "" marks an omitted optional input
	Outputs []string
	Attrs   map[string]*Attr
}

// Int returns an integer attribute, or def when absent.
func (n *Node) Int(name string, def int64) int64 {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrInt {
		return a.Int
	}
	return def
}

// Float returns a float attribute, or def when absent.
func (n *Node) Float(name string, def float64) float64 {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrFloat {
		return a.Float
	}
	return def
}

// String returns a string attribute, or def when absent.
func (n *Node) String(name string, def string) string {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrString {
		return a.String
	}
	return def
}

// Ints returns an integer-list attribute, or nil when absent.
func (n *Node) Ints(name string) []int64 {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrInts {
		return a.Ints
	}
	return nil
}

// Floats returns a float-list attribute, or nil when absent.
func (n *Node) Floats(name string) []float64 {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrFloats {
		return a.Floats
	}
	return nil
}

// Describe names the node for error messages: `node "/layer1/Gemm" (Gemm)`.
func (n *Node) Describe() string { return fmt.Sprintf("node %q (%s)", n.Name, n.OpType) }

// Value is a named tensor flowing through the graph with its static type.
type Value struct {
	Name  string
	DType DType
	Shape []int
}

// Graph is the project's typed IR of one ONNX model.
type Graph struct {
	File     string // the path it was loaded from, for error messages
	Producer string // e.g. "pytorch 2.1"
	Opset    int64  // default-domain opset version

	Inputs  []Value // graph inputs that are not initializers, in order
	Outputs []Value // graph outputs, in order
	Nodes   []*Node // topologically sorted; only nodes that depend on an input

	Constants map[string]*Tensor // initializers, Constant nodes and folded values
	Values    map[string]Value   // static type and shape of every non-constant value
}

// Shape returns the static shape of a value or constant, and whether it is known.
func (g *Graph) Shape(name string) ([]int, bool) {
	if t, ok := g.Constants[name]; ok {
		return t.Shape, true
	}
	v, ok := g.Values[name]
	return v.Shape, ok
}
