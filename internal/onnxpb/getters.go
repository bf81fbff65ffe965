package onnxpb

// Getters return the zero value on a nil message, as generated code does.

func (x *ModelProto) GetIrVersion() int64 {
	if x == nil {
		return 0
	}
	return x.IrVersion
}

func (x *ModelProto) GetOpsetImport() []*OperatorSetIdProto {
	if x == nil {
		return nil
	}
	return x.OpsetImport
}

func (x *ModelProto) GetProducerName() string {
	if x == nil {
		return ""
	}
	return x.ProducerName
}

func (x *ModelProto) GetProducerVersion() string {
	if x == nil {
		return ""
	}
	return x.ProducerVersion
}

func (x *ModelProto) GetDomain() string {
	if x == nil {
		return ""
	}
	return x.Domain
}

func (x *ModelProto) GetGraph() *GraphProto {
	if x == nil {
		return nil
	}
	return x.Graph
}

func (x *OperatorSetIdProto) GetDomain() string {
	if x == nil {
		return ""
	}
	return x.Domain
}

func (x *OperatorSetIdProto) GetVersion() int64 {
	if x == nil {
		return 0
	}
	return x.Version
}

func (x *GraphProto) GetNode() []*NodeProto {
	if x == nil {
		return nil
	}
	return x.Node
}

func (x *GraphProto) GetName() string {
	if x == nil {
		return ""
	}
	return x.Name
}

func (x *GraphProto) GetInitializer() []*TensorProto {
	if x == nil {
		return nil
	}
	return x.Initializer
}

func (x *GraphProto) GetSparseInitializer() []*SparseTensorProto {
	if x == nil {
		return nil
	}
	return x.SparseInitializer
}

func (x *GraphProto) GetInput() []*ValueInfoProto {
	if x == nil {
		return nil
	}
	return x.Input
}

func (x *GraphProto) GetOutput() []*ValueInfoProto {
	if x == nil {
		return nil
	}
	return x.Output
}

func (x *NodeProto) GetInput() []string {
	if x == nil {
		return nil
	}
	return x.Input
}

func (x *NodeProto) GetOutput() []string {
	if x == nil {
		return nil
	}
	return x.Output
}

func (x *NodeProto) GetName() string {
	if x == nil {
		return ""
	}
	return x.Name
}

func (x *NodeProto) GetOpType() string {
	if x == nil {
		return ""
	}
	return x.OpType
}

func (x *NodeProto) GetDomain() string {
	if x == nil {
		return ""
	}
	return x.Domain
}

func (x *NodeProto) GetAttribute() []*AttributeProto {
	if x == nil {
		return nil
	}
	return x.Attribute
}

func (x *AttributeProto) GetName() string {
	if x == nil {
		return ""
	}
	return x.Name
}

func (x *AttributeProto) GetType() AttributeProto_AttributeType {
	if x == nil {
		return AttributeProto_UNDEFINED
	}
	return x.Type
}

func (x *AttributeProto) GetF() float32 {
	if x == nil {
		return 0
	}
	return x.F
}

func (x *AttributeProto) GetI() int64 {
	if x == nil {
		return 0
	}
	return x.I
}

func (x *AttributeProto) GetS() []byte {
	if x == nil {
		return nil
	}
	return x.S
}

func (x *AttributeProto) GetT() *TensorProto {
	if x == nil {
		return nil
	}
	return x.T
}

func (x *AttributeProto) GetFloats() []float32 {
	if x == nil {
		return nil
	}
	return x.Floats
}

func (x *AttributeProto) GetInts() []int64 {
	if x == nil {
		return nil
	}
	return x.Ints
}

func (x *AttributeProto) GetStrings() [][]byte {
	if x == nil {
		return nil
	}
	return x.Strings
}

func (x *TensorProto) GetDims() []int64 {
	if x == nil {
		return nil
	}
	return x.Dims
}

func (x *TensorProto) GetDataType() int32 {
	if x == nil {
		return 0
	}
	return x.DataType
}

func (x *TensorProto) GetSegment() *TensorProto_Segment {
	if x == nil {
		return nil
	}
	return x.Segment
}

func (x *TensorProto) GetFloatData() []float32 {
	if x == nil {
		return nil
	}
	return x.FloatData
}

func (x *TensorProto) GetInt32Data() []int32 {
	if x == nil {
		return nil
	}
	return x.Int32Data
}

func (x *TensorProto) GetStringData() [][]byte {
	if x == nil {
		return nil
	}
	return x.StringData
}

func (x *TensorProto) GetInt64Data() []int64 {
	if x == nil {
		return nil
	}
	return x.Int64Data
}

func (x *TensorProto) GetName() string {
	if x == nil {
		return ""
	}
	return x.Name
}

func (x *TensorProto) GetRawData() []byte {
	if x == nil {
		return nil
	}
	return x.RawData
}

func (x *TensorProto) GetExternalData() []*StringStringEntryProto {
	if x == nil {
		return nil
	}
	return x.ExternalData
}

func (x *TensorProto) GetDataLocation() TensorProto_DataLocation {
	if x == nil {
		return TensorProto_DEFAULT
	}
	return x.DataLocation
}

func (x *TensorProto) GetDoubleData() []float64 {
	if x == nil {
		return nil
	}
	return x.DoubleData
}

func (x *TensorProto) GetUint64Data() []uint64 {
	if x == nil {
		return nil
	}
	return x.Uint64Data
}

func (x *SparseTensorProto) GetValues() *TensorProto {
	if x == nil {
		return nil
	}
	return x.Values
}

func (x *ValueInfoProto) GetName() string {
	if x == nil {
		return ""
	}
	return x.Name
}

func (x *ValueInfoProto) GetType() *TypeProto {
	if x == nil {
		return nil
	}
	return x.Type
}

func (x *TypeProto_Tensor) GetElemType() int32 {
	if x == nil {
		return 0
	}
	return x.ElemType
}

func (x *TypeProto_Tensor) GetShape() *TensorShapeProto {
	if x == nil {
		return nil
	}
	return x.Shape
}

func (x *TensorShapeProto) GetDim() []*TensorShapeProto_Dimension {
	if x == nil {
		return nil
	}
	return x.Dim
}

func (x *TensorShapeProto_Dimension) GetValue() isTensorShapeProto_Dimension_Value {
	if x == nil {
		return nil
	}
	return x.Value
}

func (x *TypeProto) GetValue() isTypeProto_Value {
	if x == nil {
		return nil
	}
	return x.Value
}

// GetTensorType returns the tensor type, or nil when the type is not a tensor.
func (x *TypeProto) GetTensorType() *TypeProto_Tensor {
	if v, ok := x.GetValue().(*TypeProto_TensorType); ok {
		return v.TensorType
	}
	return nil
}

// GetDimValue returns the static dimension, or 0.
func (x *TensorShapeProto_Dimension) GetDimValue() int64 {
	if v, ok := x.GetValue().(*TensorShapeProto_Dimension_DimValue); ok {
		return v.DimValue
	}
	return 0
}

// GetDimParam returns the symbolic dimension, or "".
func (x *TensorShapeProto_Dimension) GetDimParam() string {
	if v, ok := x.GetValue().(*TensorShapeProto_Dimension_DimParam); ok {
		return v.DimParam
	}
	return ""
}
