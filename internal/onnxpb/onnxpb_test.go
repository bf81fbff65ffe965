package onnxpb

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

func testModel() *ModelProto {
	return &ModelProto{
		IrVersion: 8, ProducerName: "p", ProducerVersion: "1", OpsetImport: []*OperatorSetIdProto{{Version: 17}, {Domain: "ai.onnx.ml", Version: 3}},
		Graph: &GraphProto{
			Name: "g",
			Node: []*NodeProto{{Input: []string{"x", ""}, Output: []string{"y"}, Name: "n", OpType: "Conv", Domain: "ai.onnx", Attribute: []*AttributeProto{
				{Name: "ints", Type: AttributeProto_INTS, Ints: []int64{-1, 0, 1 << 40}},
				{Name: "f", Type: AttributeProto_FLOAT, F: float32(math.Copysign(0, -1))},
				{Name: "s", Type: AttributeProto_STRING, S: []byte("abc")},
				{Name: "ss", Type: AttributeProto_STRINGS, Strings: [][]byte{[]byte("a"), {}}},
				{Name: "fs", Type: AttributeProto_FLOATS, Floats: []float32{1.5, -2}},
				{Name: "t", Type: AttributeProto_TENSOR, T: &TensorProto{DataType: 7, Dims: []int64{1}, Int64Data: []int64{-5}}},
			}}},
			Initializer: []*TensorProto{
				{Name: "w", DataType: 1, Dims: []int64{2}, FloatData: []float32{1, 2}},
				{Name: "r", DataType: 1, Dims: []int64{1}, RawData: []byte{0, 0, 0x80, 0x3f}},
				{Name: "d", DataType: 11, Dims: []int64{1}, DoubleData: []float64{0.25}},
				{Name: "i", DataType: 6, Dims: []int64{2}, Int32Data: []int32{-1, 3}},
				{Name: "u", DataType: 13, Dims: []int64{1}, Uint64Data: []uint64{1 << 63}},
				{Name: "e", DataType: 1, Dims: []int64{1}, DataLocation: TensorProto_EXTERNAL, ExternalData: []*StringStringEntryProto{{Key: "location", Value: "w.bin"}}},
				{Name: "s", DataType: 8, Dims: []int64{1}, StringData: [][]byte{[]byte("x")}, Segment: &TensorProto_Segment{Begin: 1, End: 2}},
			},
			SparseInitializer: []*SparseTensorProto{{Values: &TensorProto{Name: "sp"}, Dims: []int64{3}}},
			Input: []*ValueInfoProto{{Name: "x", Type: &TypeProto{Value: &TypeProto_TensorType{TensorType: &TypeProto_Tensor{ElemType: 1, Shape: &TensorShapeProto{Dim: []*TensorShapeProto_Dimension{
				{Value: &TensorShapeProto_Dimension_DimParam{DimParam: "N"}}, {Value: &TensorShapeProto_Dimension_DimValue{DimValue: 0}}, {}}}}}}}},
			Output: []*ValueInfoProto{{Name: "y", Type: &TypeProto{Value: &TypeProto_SequenceType{SequenceType: &TypeProto_Sequence{}}}},
				{Name: "z", Type: &TypeProto{Value: &TypeProto_OtherType{Field: typeOptionalType}}}},
		},
	}
}

// TestRoundTrip: what Marshal writes, Unmarshal reads back unchanged.
func TestRoundTrip(t *testing.T) {
	want := testModel()
	var got ModelProto
	if err := got.Unmarshal(want.Marshal()); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got.Graph, want.Graph)
	}
}

// TestUnpacked: repeated scalars are read whether packed or not (proto2
// writers such as the onnx Python package do not pack dims).
func TestUnpacked(t *testing.T) {
	var tb []byte
	for _, d := range []uint64{2, 3} {
		tb = protowire.AppendTag(tb, tensorDims, protowire.VarintType)
		tb = protowire.AppendVarint(tb, d)
	}
	for _, f := range []float32{1, 2} {
		tb = protowire.AppendTag(tb, tensorFloatData, protowire.Fixed32Type)
		tb = protowire.AppendFixed32(tb, math.Float32bits(f))
	}
	tb = protowire.AppendTag(tb, tensorDoubleData, protowire.Fixed64Type)
	tb = protowire.AppendFixed64(tb, math.Float64bits(0.5))
	tb = protowire.AppendTag(tb, 99, protowire.VarintType) // unknown field
	tb = protowire.AppendVarint(tb, 1)
	tb = protowire.AppendTag(tb, tensorName, protowire.VarintType) // wrong wire type: skipped
	tb = protowire.AppendVarint(tb, 1)
	var tp TensorProto
	if err := tp.decode(tb); err != nil {
		t.Fatal(err)
	}
	want := TensorProto{Dims: []int64{2, 3}, FloatData: []float32{1, 2}, DoubleData: []float64{0.5}}
	if !reflect.DeepEqual(tp, want) {
		t.Errorf("got %+v, want %+v", tp, want)
	}
}

// TestMalformed: truncated or corrupt data is an error naming the field
// path, never a panic.
func TestMalformed(t *testing.T) {
	data := testModel().Marshal()
	for n := range len(data) {
		var m ModelProto
		_ = m.Unmarshal(data[:n]) // must not panic
	}
	var m ModelProto
	err := m.Unmarshal(data[:len(data)-3])
	if err == nil || !strings.HasPrefix(err.Error(), "ModelProto.") {
		t.Errorf("truncated: error %v", err)
	}
	bad := protowire.AppendTag(nil, modelGraph, protowire.BytesType)
	bad = protowire.AppendBytes(bad, protowire.AppendTag(nil, graphNode, protowire.BytesType)) // node with no length
	if err := m.Unmarshal(bad); err == nil || !strings.Contains(err.Error(), "ModelProto.graph: GraphProto.node") {
		t.Errorf("corrupt node: error %v", err)
	}
	packed := protowire.AppendTag(nil, tensorFloatData, protowire.BytesType)
	packed = protowire.AppendBytes(packed, []byte{1, 2, 3})
	var tp TensorProto
	if err := tp.decode(packed); err == nil || !strings.Contains(err.Error(), "TensorProto.float_data") {
		t.Errorf("packed floats of 3 bytes: error %v", err)
	}
}
