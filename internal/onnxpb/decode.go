package onnxpb

import (
	"fmt"
	"math"

	"google.golang.org/protobuf/encoding/protowire"
)

// Unmarshal decodes a serialized ModelProto. Errors name the message and
// field where the data went wrong.
func (m *ModelProto) Unmarshal(b []byte) error {
	*m = ModelProto{}
	return m.decode(b)
}

// fieldError places an error inside a field of a message:
// "GraphProto.node: NodeProto.input: truncated".
func fieldError(msg, field string, err error) error {
	return fmt.Errorf("%s.%s: %w", msg, field, err)
}

// walk calls f for every field of the message encoded in b. f returns how
// many bytes of b (after the tag) it consumed, or -1 to skip the field.
func walk(msg string, b []byte, f func(num protowire.Number, typ protowire.Type, b []byte) (int, error)) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("%s: %w", msg, protowire.ParseError(n))
		}
		b = b[n:]
		m, err := f(num, typ, b)
		if err != nil {
			return err
		}
		if m < 0 {
			if m = protowire.ConsumeFieldValue(num, typ, b); m < 0 {
				return fmt.Errorf("%s: field %d: %w", msg, num, protowire.ParseError(m))
			}
		}
		b = b[m:]
	}
	return nil
}

// The field readers below check the wire type: a field of another wire
// type is skipped, as protobuf does with fields it does not know.

func readBytes(msg, field string, typ protowire.Type, b []byte, f func([]byte) error) (int, error) {
	if typ != protowire.BytesType {
		return -1, nil
	}
	v, n := protowire.ConsumeBytes(b)
	if n < 0 {
		return 0, fieldError(msg, field, protowire.ParseError(n))
	}
	if err := f(v); err != nil {
		return 0, fieldError(msg, field, err)
	}
	return n, nil
}

func readString(msg, field string, typ protowire.Type, b []byte, dst *string) (int, error) {
	return readBytes(msg, field, typ, b, func(v []byte) error { *dst = string(v); return nil })
}

func readVarint(msg, field string, typ protowire.Type, b []byte, f func(uint64)) (int, error) {
	if typ != protowire.VarintType {
		return -1, nil
	}
	v, n := protowire.ConsumeVarint(b)
	if n < 0 {
		return 0, fieldError(msg, field, protowire.ParseError(n))
	}
	f(v)
	return n, nil
}

// readMessage decodes a sub-message: *dst is allocated if nil (a repeated
// occurrence merges into it, as protobuf does).
func readMessage[T any](msg, field string, typ protowire.Type, b []byte, dst **T, decode func(*T, []byte) error) (int, error) {
	return readBytes(msg, field, typ, b, func(v []byte) error {
		if *dst == nil {
			*dst = new(T)
		}
		return decode(*dst, v)
	})
}

// readRepeated decodes one element of a repeated message field.
func readRepeated[T any](msg, field string, typ protowire.Type, b []byte, dst *[]*T, decode func(*T, []byte) error) (int, error) {
	return readBytes(msg, field, typ, b, func(v []byte) error {
		x := new(T)
		if err := decode(x, v); err != nil {
			return err
		}
		*dst = append(*dst, x)
		return nil
	})
}

// readVarints reads a repeated varint field, packed or not.
func readVarints(msg, field string, typ protowire.Type, b []byte, f func(uint64)) (int, error) {
	if typ == protowire.VarintType {
		return readVarint(msg, field, typ, b, f)
	}
	return readBytes(msg, field, typ, b, func(v []byte) error {
		for len(v) > 0 {
			x, n := protowire.ConsumeVarint(v)
			if n < 0 {
				return protowire.ParseError(n)
			}
			f(x)
			v = v[n:]
		}
		return nil
	})
}

// readFixed reads a repeated fixed32 (float) or fixed64 (double) field,
// packed or not.
func readFixed[T uint32 | uint64](msg, field string, typ protowire.Type, b []byte, f func(T)) (int, error) {
	size, wire := 4, protowire.Fixed32Type
	consume := func(b []byte) (T, int) { v, n := protowire.ConsumeFixed32(b); return T(v), n }
	if _, ok := any(T(0)).(uint64); ok {
		size, wire = 8, protowire.Fixed64Type
		consume = func(b []byte) (T, int) { v, n := protowire.ConsumeFixed64(b); return T(v), n }
	}
	switch typ {
	case wire:
		v, n := consume(b)
		if n < 0 {
			return 0, fieldError(msg, field, protowire.ParseError(n))
		}
		f(v)
		return n, nil
	case protowire.BytesType:
		return readBytes(msg, field, typ, b, func(v []byte) error {
			if len(v)%size != 0 {
				return fmt.Errorf("packed fixed%d data is not a multiple of %d bytes", 8*size, size)
			}
			for len(v) > 0 {
				x, _ := consume(v)
				f(x)
				v = v[size:]
			}
			return nil
		})
	}
	return -1, nil
}

func (m *ModelProto) decode(b []byte) error {
	const msg = "ModelProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case modelIRVersion:
			return readVarint(msg, "ir_version", typ, b, func(v uint64) { m.IrVersion = int64(v) })
		case modelProducerName:
			return readString(msg, "producer_name", typ, b, &m.ProducerName)
		case modelProducerVersion:
			return readString(msg, "producer_version", typ, b, &m.ProducerVersion)
		case modelDomain:
			return readString(msg, "domain", typ, b, &m.Domain)
		case modelModelVersion:
			return readVarint(msg, "model_version", typ, b, func(v uint64) { m.ModelVersion = int64(v) })
		case modelDocString:
			return readString(msg, "doc_string", typ, b, &m.DocString)
		case modelGraph:
			return readMessage(msg, "graph", typ, b, &m.Graph, (*GraphProto).decode)
		case modelOpsetImport:
			return readRepeated(msg, "opset_import", typ, b, &m.OpsetImport, (*OperatorSetIdProto).decode)
		}
		return -1, nil
	})
}

func (m *OperatorSetIdProto) decode(b []byte) error {
	const msg = "OperatorSetIdProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case opsetDomain:
			return readString(msg, "domain", typ, b, &m.Domain)
		case opsetVersion:
			return readVarint(msg, "version", typ, b, func(v uint64) { m.Version = int64(v) })
		}
		return -1, nil
	})
}

func (m *GraphProto) decode(b []byte) error {
	const msg = "GraphProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case graphNode:
			return readRepeated(msg, "node", typ, b, &m.Node, (*NodeProto).decode)
		case graphName:
			return readString(msg, "name", typ, b, &m.Name)
		case graphInitializer:
			return readRepeated(msg, "initializer", typ, b, &m.Initializer, (*TensorProto).decode)
		case graphSparseInitializer:
			return readRepeated(msg, "sparse_initializer", typ, b, &m.SparseInitializer, (*SparseTensorProto).decode)
		case graphDocString:
			return readString(msg, "doc_string", typ, b, &m.DocString)
		case graphInput:
			return readRepeated(msg, "input", typ, b, &m.Input, (*ValueInfoProto).decode)
		case graphOutput:
			return readRepeated(msg, "output", typ, b, &m.Output, (*ValueInfoProto).decode)
		case graphValueInfo:
			return readRepeated(msg, "value_info", typ, b, &m.ValueInfo, (*ValueInfoProto).decode)
		}
		return -1, nil
	})
}

func (m *NodeProto) decode(b []byte) error {
	const msg = "NodeProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case nodeInput:
			return readBytes(msg, "input", typ, b, func(v []byte) error { m.Input = append(m.Input, string(v)); return nil })
		case nodeOutput:
			return readBytes(msg, "output", typ, b, func(v []byte) error { m.Output = append(m.Output, string(v)); return nil })
		case nodeName:
			return readString(msg, "name", typ, b, &m.Name)
		case nodeOpType:
			return readString(msg, "op_type", typ, b, &m.OpType)
		case nodeDomain:
			return readString(msg, "domain", typ, b, &m.Domain)
		case nodeAttribute:
			return readRepeated(msg, "attribute", typ, b, &m.Attribute, (*AttributeProto).decode)
		case nodeDocString:
			return readString(msg, "doc_string", typ, b, &m.DocString)
		}
		return -1, nil
	})
}

func (m *AttributeProto) decode(b []byte) error {
	const msg = "AttributeProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case attrName:
			return readString(msg, "name", typ, b, &m.Name)
		case attrRefAttrName:
			return readString(msg, "ref_attr_name", typ, b, &m.RefAttrName)
		case attrDocString:
			return readString(msg, "doc_string", typ, b, &m.DocString)
		case attrType:
			return readVarint(msg, "type", typ, b, func(v uint64) { m.Type = AttributeProto_AttributeType(int32(v)) })
		case attrF:
			return readFixed(msg, "f", typ, b, func(v uint32) { m.F = math.Float32frombits(v) })
		case attrI:
			return readVarint(msg, "i", typ, b, func(v uint64) { m.I = int64(v) })
		case attrS:
			return readBytes(msg, "s", typ, b, func(v []byte) error { m.S = append([]byte{}, v...); return nil })
		case attrT:
			return readMessage(msg, "t", typ, b, &m.T, (*TensorProto).decode)
		case attrFloats:
			return readFixed(msg, "floats", typ, b, func(v uint32) { m.Floats = append(m.Floats, math.Float32frombits(v)) })
		case attrInts:
			return readVarints(msg, "ints", typ, b, func(v uint64) { m.Ints = append(m.Ints, int64(v)) })
		case attrStrings:
			return readBytes(msg, "strings", typ, b, func(v []byte) error { m.Strings = append(m.Strings, append([]byte{}, v...)); return nil })
		case attrTensors:
			return readRepeated(msg, "tensors", typ, b, &m.Tensors, (*TensorProto).decode)
		}
		return -1, nil
	})
}

func (m *TensorProto) decode(b []byte) error {
	const msg = "TensorProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case tensorDims:
			return readVarints(msg, "dims", typ, b, func(v uint64) { m.Dims = append(m.Dims, int64(v)) })
		case tensorDataType:
			return readVarint(msg, "data_type", typ, b, func(v uint64) { m.DataType = int32(v) })
		case tensorSegment:
			return readMessage(msg, "segment", typ, b, &m.Segment, (*TensorProto_Segment).decode)
		case tensorFloatData:
			return readFixed(msg, "float_data", typ, b, func(v uint32) { m.FloatData = append(m.FloatData, math.Float32frombits(v)) })
		case tensorInt32Data:
			return readVarints(msg, "int32_data", typ, b, func(v uint64) { m.Int32Data = append(m.Int32Data, int32(v)) })
		case tensorStringData:
			return readBytes(msg, "string_data", typ, b, func(v []byte) error { m.StringData = append(m.StringData, append([]byte{}, v...)); return nil })
		case tensorInt64Data:
			return readVarints(msg, "int64_data", typ, b, func(v uint64) { m.Int64Data = append(m.Int64Data, int64(v)) })
		case tensorName:
			return readString(msg, "name", typ, b, &m.Name)
		case tensorDocString:
			return readString(msg, "doc_string", typ, b, &m.DocString)
		case tensorRawData:
			return readBytes(msg, "raw_data", typ, b, func(v []byte) error { m.RawData = v; return nil })
		case tensorExternalData:
			return readRepeated(msg, "external_data", typ, b, &m.ExternalData, (*StringStringEntryProto).decode)
		case tensorDataLocation:
			return readVarint(msg, "data_location", typ, b, func(v uint64) { m.DataLocation = TensorProto_DataLocation(int32(v)) })
		case tensorDoubleData:
			return readFixed(msg, "double_data", typ, b, func(v uint64) { m.DoubleData = append(m.DoubleData, math.Float64frombits(v)) })
		case tensorUint64Data:
			return readVarints(msg, "uint64_data", typ, b, func(v uint64) { m.Uint64Data = append(m.Uint64Data, v) })
		}
		return -1, nil
	})
}

func (m *TensorProto_Segment) decode(b []byte) error {
	const msg = "TensorProto.Segment"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case segmentBegin:
			return readVarint(msg, "begin", typ, b, func(v uint64) { m.Begin = int64(v) })
		case segmentEnd:
			return readVarint(msg, "end", typ, b, func(v uint64) { m.End = int64(v) })
		}
		return -1, nil
	})
}

func (m *StringStringEntryProto) decode(b []byte) error {
	const msg = "StringStringEntryProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case entryKey:
			return readString(msg, "key", typ, b, &m.Key)
		case entryValue:
			return readString(msg, "value", typ, b, &m.Value)
		}
		return -1, nil
	})
}

func (m *SparseTensorProto) decode(b []byte) error {
	const msg = "SparseTensorProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case sparseValues:
			return readMessage(msg, "values", typ, b, &m.Values, (*TensorProto).decode)
		case sparseIndices:
			return readMessage(msg, "indices", typ, b, &m.Indices, (*TensorProto).decode)
		case sparseDims:
			return readVarints(msg, "dims", typ, b, func(v uint64) { m.Dims = append(m.Dims, int64(v)) })
		}
		return -1, nil
	})
}

func (m *ValueInfoProto) decode(b []byte) error {
	const msg = "ValueInfoProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case valueInfoName:
			return readString(msg, "name", typ, b, &m.Name)
		case valueInfoType:
			return readMessage(msg, "type", typ, b, &m.Type, (*TypeProto).decode)
		case valueInfoDocString:
			return readString(msg, "doc_string", typ, b, &m.DocString)
		}
		return -1, nil
	})
}

func (m *TypeProto) decode(b []byte) error {
	const msg = "TypeProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case typeTensorType:
			return readBytes(msg, "tensor_type", typ, b, func(v []byte) error {
				t, ok := m.Value.(*TypeProto_TensorType)
				if !ok {
					t = &TypeProto_TensorType{TensorType: &TypeProto_Tensor{}}
					m.Value = t
				}
				return t.TensorType.decode(v)
			})
		case typeSequenceType:
			// The element type is not decoded: sequences are not supported.
			return readBytes(msg, "sequence_type", typ, b, func([]byte) error {
				m.Value = &TypeProto_SequenceType{SequenceType: &TypeProto_Sequence{}}
				return nil
			})
		case typeMapType, typeSparseTensorType, typeOptionalType:
			return readBytes(msg, fmt.Sprint(num), typ, b, func([]byte) error {
				m.Value = &TypeProto_OtherType{Field: int32(num)}
				return nil
			})
		case typeDenotation:
			return readString(msg, "denotation", typ, b, &m.Denotation)
		}
		return -1, nil
	})
}

func (m *TypeProto_Tensor) decode(b []byte) error {
	const msg = "TypeProto.Tensor"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case typeTensorElemType:
			return readVarint(msg, "elem_type", typ, b, func(v uint64) { m.ElemType = int32(v) })
		case typeTensorShape:
			return readMessage(msg, "shape", typ, b, &m.Shape, (*TensorShapeProto).decode)
		}
		return -1, nil
	})
}

func (m *TensorShapeProto) decode(b []byte) error {
	const msg = "TensorShapeProto"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		if num == shapeDim {
			return readRepeated(msg, "dim", typ, b, &m.Dim, (*TensorShapeProto_Dimension).decode)
		}
		return -1, nil
	})
}

func (m *TensorShapeProto_Dimension) decode(b []byte) error {
	const msg = "TensorShapeProto.Dimension"
	return walk(msg, b, func(num protowire.Number, typ protowire.Type, b []byte) (int, error) {
		switch num {
		case dimValue:
			return readVarint(msg, "dim_value", typ, b, func(v uint64) { m.Value = &TensorShapeProto_Dimension_DimValue{DimValue: int64(v)} })
		case dimParam:
			return readBytes(msg, "dim_param", typ, b, func(v []byte) error {
				m.Value = &TensorShapeProto_Dimension_DimParam{DimParam: string(v)}
				return nil
			})
		case dimDenotation:
			return readString(msg, "denotation", typ, b, &m.Denotation)
		}
		return -1, nil
	})
}
