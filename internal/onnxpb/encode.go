package onnxpb

import (
	"math"

	"google.golang.org/protobuf/encoding/protowire"
)

// Marshal encodes the model as the Go protobuf runtime encodes a proto3
// message: fields in number order, zero scalars and empty strings omitted,
// repeated scalars packed.
func (m *ModelProto) Marshal() []byte { return m.encode(nil) }

func appendVarint(b []byte, num protowire.Number, v uint64) []byte {
	if v == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.VarintType)
	return protowire.AppendVarint(b, v)
}

func appendInt(b []byte, num protowire.Number, v int64) []byte {
	return appendVarint(b, num, uint64(v))
}

func appendString(b []byte, num protowire.Number, s string) []byte {
	if s == "" {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendString(b, s)
}

func appendBytes(b []byte, num protowire.Number, v []byte) []byte {
	if len(v) == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, v)
}

// appendMessage writes a present sub-message (nil: absent).
func appendMessage[T any](b []byte, num protowire.Number, m *T, encode func(*T, []byte) []byte) []byte {
	if m == nil {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, encode(m, nil))
}

func appendMessages[T any](b []byte, num protowire.Number, ms []*T, encode func(*T, []byte) []byte) []byte {
	for _, m := range ms {
		b = protowire.AppendTag(b, num, protowire.BytesType)
		b = protowire.AppendBytes(b, encode(m, nil))
	}
	return b
}

func appendStrings[S ~string | ~[]byte](b []byte, num protowire.Number, ss []S) []byte {
	for _, s := range ss {
		b = protowire.AppendTag(b, num, protowire.BytesType)
		b = protowire.AppendBytes(b, []byte(s))
	}
	return b
}

// appendPacked writes a packed repeated scalar field (empty: absent).
func appendPacked[T any](b []byte, num protowire.Number, vs []T, put func([]byte, T) []byte) []byte {
	if len(vs) == 0 {
		return b
	}
	var p []byte
	for _, v := range vs {
		p = put(p, v)
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, p)
}

func putVarint[T int32 | int64 | uint64](b []byte, v T) []byte {
	return protowire.AppendVarint(b, uint64(v))
}
func putFloat(b []byte, v float32) []byte  { return protowire.AppendFixed32(b, math.Float32bits(v)) }
func putDouble(b []byte, v float64) []byte { return protowire.AppendFixed64(b, math.Float64bits(v)) }

func (m *ModelProto) encode(b []byte) []byte {
	b = appendInt(b, modelIRVersion, m.IrVersion)
	b = appendString(b, modelProducerName, m.ProducerName)
	b = appendString(b, modelProducerVersion, m.ProducerVersion)
	b = appendString(b, modelDomain, m.Domain)
	b = appendInt(b, modelModelVersion, m.ModelVersion)
	b = appendString(b, modelDocString, m.DocString)
	b = appendMessage(b, modelGraph, m.Graph, (*GraphProto).encode)
	return appendMessages(b, modelOpsetImport, m.OpsetImport, (*OperatorSetIdProto).encode)
}

func (m *OperatorSetIdProto) encode(b []byte) []byte {
	b = appendString(b, opsetDomain, m.Domain)
	return appendInt(b, opsetVersion, m.Version)
}

func (m *GraphProto) encode(b []byte) []byte {
	b = appendMessages(b, graphNode, m.Node, (*NodeProto).encode)
	b = appendString(b, graphName, m.Name)
	b = appendMessages(b, graphInitializer, m.Initializer, (*TensorProto).encode)
	b = appendString(b, graphDocString, m.DocString)
	b = appendMessages(b, graphInput, m.Input, (*ValueInfoProto).encode)
	b = appendMessages(b, graphOutput, m.Output, (*ValueInfoProto).encode)
	b = appendMessages(b, graphValueInfo, m.ValueInfo, (*ValueInfoProto).encode)
	return appendMessages(b, graphSparseInitializer, m.SparseInitializer, (*SparseTensorProto).encode)
}

func (m *NodeProto) encode(b []byte) []byte {
	b = appendStrings(b, nodeInput, m.Input)
	b = appendStrings(b, nodeOutput, m.Output)
	b = appendString(b, nodeName, m.Name)
	b = appendString(b, nodeOpType, m.OpType)
	b = appendMessages(b, nodeAttribute, m.Attribute, (*AttributeProto).encode)
	b = appendString(b, nodeDocString, m.DocString)
	return appendString(b, nodeDomain, m.Domain)
}

func (m *AttributeProto) encode(b []byte) []byte {
	b = appendString(b, attrName, m.Name)
	if m.F != 0 || math.Signbit(float64(m.F)) {
		b = protowire.AppendTag(b, attrF, protowire.Fixed32Type)
		b = protowire.AppendFixed32(b, math.Float32bits(m.F))
	}
	b = appendInt(b, attrI, m.I)
	b = appendBytes(b, attrS, m.S)
	b = appendMessage(b, attrT, m.T, (*TensorProto).encode)
	b = appendPacked(b, attrFloats, m.Floats, putFloat)
	b = appendPacked(b, attrInts, m.Ints, putVarint[int64])
	b = appendStrings(b, attrStrings, m.Strings)
	b = appendMessages(b, attrTensors, m.Tensors, (*TensorProto).encode)
	b = appendString(b, attrDocString, m.DocString)
	b = appendInt(b, attrType, int64(m.Type))
	return appendString(b, attrRefAttrName, m.RefAttrName)
}

func (m *TensorProto) encode(b []byte) []byte {
	b = appendPacked(b, tensorDims, m.Dims, putVarint[int64])
	b = appendInt(b, tensorDataType, int64(m.DataType))
	b = appendMessage(b, tensorSegment, m.Segment, (*TensorProto_Segment).encode)
	b = appendPacked(b, tensorFloatData, m.FloatData, putFloat)
	b = appendPacked(b, tensorInt32Data, m.Int32Data, putVarint[int32])
	b = appendStrings(b, tensorStringData, m.StringData)
	b = appendPacked(b, tensorInt64Data, m.Int64Data, putVarint[int64])
	b = appendString(b, tensorName, m.Name)
	b = appendBytes(b, tensorRawData, m.RawData)
	b = appendPacked(b, tensorDoubleData, m.DoubleData, putDouble)
	b = appendPacked(b, tensorUint64Data, m.Uint64Data, putVarint[uint64])
	b = appendString(b, tensorDocString, m.DocString)
	b = appendMessages(b, tensorExternalData, m.ExternalData, (*StringStringEntryProto).encode)
	return appendInt(b, tensorDataLocation, int64(m.DataLocation))
}

func (m *TensorProto_Segment) encode(b []byte) []byte {
	b = appendInt(b, segmentBegin, m.Begin)
	return appendInt(b, segmentEnd, m.End)
}

func (m *StringStringEntryProto) encode(b []byte) []byte {
	b = appendString(b, entryKey, m.Key)
	return appendString(b, entryValue, m.Value)
}

func (m *SparseTensorProto) encode(b []byte) []byte {
	b = appendMessage(b, sparseValues, m.Values, (*TensorProto).encode)
	b = appendMessage(b, sparseIndices, m.Indices, (*TensorProto).encode)
	return appendPacked(b, sparseDims, m.Dims, putVarint[int64])
}

func (m *ValueInfoProto) encode(b []byte) []byte {
	b = appendString(b, valueInfoName, m.Name)
	b = appendMessage(b, valueInfoType, m.Type, (*TypeProto).encode)
	return appendString(b, valueInfoDocString, m.DocString)
}

func (m *TypeProto) encode(b []byte) []byte {
	// Oneof members are written when set, even when empty, in number
	// order with the other fields.
	switch v := m.Value.(type) {
	case *TypeProto_TensorType:
		b = protowire.AppendTag(b, typeTensorType, protowire.BytesType)
		b = protowire.AppendBytes(b, v.TensorType.encode(nil))
	case *TypeProto_SequenceType:
		b = protowire.AppendTag(b, typeSequenceType, protowire.BytesType)
		b = protowire.AppendBytes(b, v.SequenceType.encode(nil))
	}
	if v, ok := m.Value.(*TypeProto_OtherType); ok && v.Field < typeDenotation {
		b = protowire.AppendTag(b, protowire.Number(v.Field), protowire.BytesType)
		b = protowire.AppendBytes(b, nil)
	}
	b = appendString(b, typeDenotation, m.Denotation)
	if v, ok := m.Value.(*TypeProto_OtherType); ok && v.Field > typeDenotation {
		b = protowire.AppendTag(b, protowire.Number(v.Field), protowire.BytesType)
		b = protowire.AppendBytes(b, nil)
	}
	return b
}

func (m *TypeProto_Tensor) encode(b []byte) []byte {
	if m == nil {
		return b
	}
	b = appendInt(b, typeTensorElemType, int64(m.ElemType))
	return appendMessage(b, typeTensorShape, m.Shape, (*TensorShapeProto).encode)
}

func (m *TypeProto_Sequence) encode(b []byte) []byte {
	if m == nil {
		return b
	}
	return appendMessage(b, typeSequenceElemType, m.ElemType, (*TypeProto).encode)
}

func (m *TensorShapeProto) encode(b []byte) []byte {
	return appendMessages(b, shapeDim, m.Dim, (*TensorShapeProto_Dimension).encode)
}

func (m *TensorShapeProto_Dimension) encode(b []byte) []byte {
	switch v := m.Value.(type) {
	case *TensorShapeProto_Dimension_DimValue:
		b = protowire.AppendTag(b, dimValue, protowire.VarintType)
		b = protowire.AppendVarint(b, uint64(v.DimValue))
	case *TensorShapeProto_Dimension_DimParam:
		b = protowire.AppendTag(b, dimParam, protowire.BytesType)
		b = protowire.AppendString(b, v.DimParam)
	}
	return appendString(b, dimDenotation, m.Denotation)
}
