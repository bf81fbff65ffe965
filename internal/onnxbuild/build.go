// Package onnxbuild writes ONNX models from Go code, for the project's own
// fixtures and tests: a model described here is serialized with the same
// protobuf types the importer reads (internal/onnxpb), so tests exercise
// the real decoding path.
package onnxbuild

import (
	"fmt"

	pb "github.com/zkml/zkml/internal/onnxpb"
)

// Model is an ONNX model under construction.
type Model struct {
	m *pb.ModelProto
	g *pb.GraphProto
}

// NewModel starts a model of the given default-domain opset.
func NewModel(name string, opset int64) *Model {
	g := &pb.GraphProto{Name: name}
	m := &pb.ModelProto{
		IrVersion:    8,
		ProducerName: "zkml-fixtures",
		OpsetImport:  []*pb.OperatorSetIdProto{{Domain: "", Version: opset}},
		Graph:        g,
	}
	return &Model{m: m, g: g}
}

// Float and Int64 are the element types fixtures use.
const (
	Float = int32(pb.TensorProto_FLOAT)
	Int64 = int32(pb.TensorProto_INT64)
)

func valueInfo(name string, elem int32, shape []int64, symbolic map[int]string) *pb.ValueInfoProto {
	dims := make([]*pb.TensorShapeProto_Dimension, len(shape))
	for i, d := range shape {
		if s, ok := symbolic[i]; ok {
			dims[i] = &pb.TensorShapeProto_Dimension{Value: &pb.TensorShapeProto_Dimension_DimParam{DimParam: s}}
		} else {
			dims[i] = &pb.TensorShapeProto_Dimension{Value: &pb.TensorShapeProto_Dimension_DimValue{DimValue: d}}
		}
	}
	return &pb.ValueInfoProto{
		Name: name,
		Type: &pb.TypeProto{Value: &pb.TypeProto_TensorType{TensorType: &pb.TypeProto_Tensor{
			ElemType: elem, Shape: &pb.TensorShapeProto{Dim: dims}}}},
	}
}

// Input declares a graph input. A dimension given as -1 becomes the symbolic
// dimension "batch_size", as PyTorch exports it.
func (b *Model) Input(name string, elem int32, shape ...int64) *Model {
	sym := map[int]string{}
	for i, d := range shape {
		if d < 0 {
			sym[i] = "batch_size"
		}
	}
	b.g.Input = append(b.g.Input, valueInfo(name, elem, shape, sym))
	return b
}

// Output declares a graph output; with no shape, its shape is left to inference.
func (b *Model) Output(name string, elem int32, shape ...int64) *Model {
	vi := valueInfo(name, elem, shape, nil)
	if shape == nil {
		vi.Type.GetTensorType().Shape = nil
	}
	b.g.Output = append(b.g.Output, vi)
	return b
}

// Floats adds a float32 initializer.
func (b *Model) Floats(name string, shape []int64, data []float32) *Model {
	b.g.Initializer = append(b.g.Initializer, FloatTensor(name, shape, data))
	return b
}

// Ints adds an int64 initializer.
func (b *Model) Ints(name string, shape []int64, data []int64) *Model {
	b.g.Initializer = append(b.g.Initializer, &pb.TensorProto{Name: name, Dims: shape, DataType: Int64, Int64Data: data})
	return b
}

// FloatTensor is a float32 tensor proto with its data in float_data.
func FloatTensor(name string, shape []int64, data []float32) *pb.TensorProto {
	return &pb.TensorProto{Name: name, Dims: shape, DataType: Float, FloatData: data}
}

// Attr is a node attribute: build one with Int, Ints, FloatAttr, String, Strings or Tensor.
type Attr = *pb.AttributeProto

// Int is an integer attribute.
func Int(name string, v int64) Attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_INT, I: v}
}

// Ints is an integer-list attribute.
func Ints(name string, v ...int64) Attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_INTS, Ints: v}
}

// FloatAttr is a float attribute.
func FloatAttr(name string, v float32) Attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_FLOAT, F: v}
}

// String is a string attribute.
func String(name, v string) Attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_STRING, S: []byte(v)}
}

// Strings is a string-list attribute (an RNN's activations).
func Strings(name string, v ...string) Attr {
	b := make([][]byte, len(v))
	for i, s := range v {
		b[i] = []byte(s)
	}
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_STRINGS, Strings: b}
}

// Tensor is a tensor attribute (Constant's value).
func Tensor(name string, t *pb.TensorProto) Attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_TENSOR, T: t}
}

// Node appends a node; its name is "<op>_<index>".
func (b *Model) Node(op string, inputs, outputs []string, attrs ...Attr) *Model {
	b.g.Node = append(b.g.Node, &pb.NodeProto{
		Name:      fmt.Sprintf("%s_%d", op, len(b.g.Node)),
		OpType:    op,
		Input:     inputs,
		Output:    outputs,
		Attribute: attrs,
	})
	return b
}

// Proto returns the model's protobuf, for tests that corrupt it on purpose.
func (b *Model) Proto() *pb.ModelProto { return b.m }

// Bytes serializes the model deterministically.
func (b *Model) Bytes() []byte { return b.m.Marshal() }
