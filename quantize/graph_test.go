package quantize

import (
	"fmt"

	"github.com/zkml/zkml/onnx"
)

// gb builds small graphs by hand, in the canonical form onnx.Load produces.
type gb struct {
	g *onnx.Graph
	n int
}

func newGraph() *gb {
	return &gb{g: &onnx.Graph{File: "test.onnx", Constants: map[string]*onnx.Tensor{}, Values: map[string]onnx.Value{}}}
}

// input declares a float32 graph input.
func (b *gb) input(name string, shape ...int) string {
	return b.typedInput(name, onnx.Float32, shape...)
}

func (b *gb) typedInput(name string, dt onnx.DType, shape ...int) string {
	v := onnx.Value{Name: name, DType: dt, Shape: shape}
	b.g.Inputs = append(b.g.Inputs, v)
	b.g.Values[name] = v
	return name
}

// constant adds a float constant.
func (b *gb) constant(shape []int, vals ...float64) string {
	b.n++
	name := fmt.Sprintf("c%d", b.n)
	b.g.Constants[name] = &onnx.Tensor{DType: onnx.Float32, Shape: shape, Float: vals}
	return name
}

// intConstant adds an int64 constant.
func (b *gb) intConstant(shape []int, vals ...int64) string {
	b.n++
	name := fmt.Sprintf("c%d", b.n)
	b.g.Constants[name] = &onnx.Tensor{DType: onnx.Int64, Shape: shape, Int: vals}
	return name
}

// node adds a node and returns its output's name.
func (b *gb) node(op string, inputs []string, attrs ...attr) string {
	b.n++
	n := &onnx.Node{Name: fmt.Sprintf("%s_%d", op, b.n), OpType: op, Inputs: inputs, Outputs: []string{fmt.Sprintf("v%d", b.n)}, Attrs: map[string]*onnx.Attr{}}
	for _, a := range attrs {
		n.Attrs[a.name] = a.a
	}
	b.g.Nodes = append(b.g.Nodes, n)
	return n.Outputs[0]
}

// output declares graph outputs.
func (b *gb) output(names ...string) *onnx.Graph {
	for _, n := range names {
		b.g.Outputs = append(b.g.Outputs, onnx.Value{Name: n, DType: onnx.Float32})
	}
	return b.g
}

type attr struct {
	name string
	a    *onnx.Attr
}

func aInts(name string, v ...int64) attr {
	return attr{name, &onnx.Attr{Kind: onnx.AttrInts, Ints: v}}
}
func aInt(name string, v int64) attr { return attr{name, &onnx.Attr{Kind: onnx.AttrInt, Int: v}} }
func aFloat(name string, v float64) attr {
	return attr{name, &onnx.Attr{Kind: onnx.AttrFloat, Float: v}}
}
func aString(name, v string) attr { return attr{name, &onnx.Attr{Kind: onnx.AttrString, String: v}} }
