// Package onnxpb holds the ONNX protobuf messages zkml reads and writes,
// decoded and encoded with protowire: the few fields of onnx.proto that the
// importer and the test fixtures use. Other fields are skipped on decoding.
//
// The types mirror those protoc generates (names, fields, nil-safe
// getters), so that code reads like any protobuf code. Encoding follows
// proto3 rules exactly as the Go protobuf runtime does (fields in number
// order, zero scalars omitted, repeated scalars packed), so files written
// here are byte for byte what that runtime writes.
package onnxpb

// Field numbers, from onnx.proto (message_field).
const (
	modelIRVersion       = 1
	modelProducerName    = 2
	modelProducerVersion = 3
	modelDomain          = 4
	modelModelVersion    = 5
	modelDocString       = 6
	modelGraph           = 7
	modelOpsetImport     = 8

	opsetDomain  = 1
	opsetVersion = 2

	graphNode              = 1
	graphName              = 2
	graphInitializer       = 5
	graphDocString         = 10
	graphInput             = 11
	graphOutput            = 12
	graphValueInfo         = 13
	graphSparseInitializer = 15

	nodeInput     = 1
	nodeOutput    = 2
	nodeName      = 3
	nodeOpType    = 4
	nodeAttribute = 5
	nodeDocString = 6
	nodeDomain    = 7

	attrName        = 1
	attrF           = 2
	attrI           = 3
	attrS           = 4
	attrT           = 5
	attrFloats      = 7
	attrInts        = 8
	attrStrings     = 9
	attrTensors     = 10
	attrDocString   = 13
	attrType        = 20
	attrRefAttrName = 21

	tensorDims         = 1
	tensorDataType     = 2
	tensorSegment      = 3
	tensorFloatData    = 4
	tensorInt32Data    = 5
	tensorStringData   = 6
	tensorInt64Data    = 7
	tensorName         = 8
	tensorRawData      = 9
	tensorDoubleData   = 10
	tensorUint64Data   = 11
	tensorDocString    = 12
	tensorExternalData = 13
	tensorDataLocation = 14

	segmentBegin = 1
	segmentEnd   = 2

	entryKey   = 1
	entryValue = 2

	sparseValues  = 1
	sparseIndices = 2
	sparseDims    = 3

	valueInfoName      = 1
	valueInfoType      = 2
	valueInfoDocString = 3

	typeTensorType       = 1
	typeSequenceType     = 4
	typeMapType          = 5
	typeDenotation       = 6
	typeSparseTensorType = 8
	typeOptionalType     = 9

	typeTensorElemType = 1
	typeTensorShape    = 2

	typeSequenceElemType = 1

	shapeDim = 1

	dimValue      = 1
	dimParam      = 2
	dimDenotation = 3
)

// AttributeProto_AttributeType is AttributeProto.AttributeType.
type AttributeProto_AttributeType int32

// Attribute types.
const (
	AttributeProto_UNDEFINED      AttributeProto_AttributeType = 0
	AttributeProto_FLOAT          AttributeProto_AttributeType = 1
	AttributeProto_INT            AttributeProto_AttributeType = 2
	AttributeProto_STRING         AttributeProto_AttributeType = 3
	AttributeProto_TENSOR         AttributeProto_AttributeType = 4
	AttributeProto_GRAPH          AttributeProto_AttributeType = 5
	AttributeProto_FLOATS         AttributeProto_AttributeType = 6
	AttributeProto_INTS           AttributeProto_AttributeType = 7
	AttributeProto_STRINGS        AttributeProto_AttributeType = 8
	AttributeProto_TENSORS        AttributeProto_AttributeType = 9
	AttributeProto_GRAPHS         AttributeProto_AttributeType = 10
	AttributeProto_SPARSE_TENSOR  AttributeProto_AttributeType = 11
	AttributeProto_SPARSE_TENSORS AttributeProto_AttributeType = 12
	AttributeProto_TYPE_PROTO     AttributeProto_AttributeType = 13
	AttributeProto_TYPE_PROTOS    AttributeProto_AttributeType = 14
)

// TensorProto_DataType is TensorProto.DataType (stored as int32 in
// TensorProto.data_type and TypeProto.Tensor.elem_type).
type TensorProto_DataType int32

// Element types.
const (
	TensorProto_UNDEFINED  TensorProto_DataType = 0
	TensorProto_FLOAT      TensorProto_DataType = 1
	TensorProto_UINT8      TensorProto_DataType = 2
	TensorProto_INT8       TensorProto_DataType = 3
	TensorProto_UINT16     TensorProto_DataType = 4
	TensorProto_INT16      TensorProto_DataType = 5
	TensorProto_INT32      TensorProto_DataType = 6
	TensorProto_INT64      TensorProto_DataType = 7
	TensorProto_STRING     TensorProto_DataType = 8
	TensorProto_BOOL       TensorProto_DataType = 9
	TensorProto_FLOAT16    TensorProto_DataType = 10
	TensorProto_DOUBLE     TensorProto_DataType = 11
	TensorProto_UINT32     TensorProto_DataType = 12
	TensorProto_UINT64     TensorProto_DataType = 13
	TensorProto_COMPLEX64  TensorProto_DataType = 14
	TensorProto_COMPLEX128 TensorProto_DataType = 15
	TensorProto_BFLOAT16   TensorProto_DataType = 16
)

// TensorProto_DataLocation is TensorProto.DataLocation.
type TensorProto_DataLocation int32

// Data locations.
const (
	TensorProto_DEFAULT  TensorProto_DataLocation = 0
	TensorProto_EXTERNAL TensorProto_DataLocation = 1
)

// ModelProto is the top-level message of a .onnx file.
type ModelProto struct {
	IrVersion       int64
	OpsetImport     []*OperatorSetIdProto
	ProducerName    string
	ProducerVersion string
	Domain          string
	ModelVersion    int64
	DocString       string
	Graph           *GraphProto
}

// OperatorSetIdProto names an operator set and its version.
type OperatorSetIdProto struct {
	Domain  string
	Version int64
}

// GraphProto is a computation graph.
type GraphProto struct {
	Node              []*NodeProto
	Name              string
	Initializer       []*TensorProto
	SparseInitializer []*SparseTensorProto
	DocString         string
	Input             []*ValueInfoProto
	Output            []*ValueInfoProto
	ValueInfo         []*ValueInfoProto
}

// NodeProto is one operator application.
type NodeProto struct {
	Input     []string
	Output    []string
	Name      string
	OpType    string
	Domain    string
	Attribute []*AttributeProto
	DocString string
}

// AttributeProto is a node attribute. Subgraphs, sparse tensors and type
// protos (fields g, graphs, sparse_tensor(s), tp, type_protos) are not
// decoded: only ops zkml does not support use them.
type AttributeProto struct {
	Name        string
	RefAttrName string
	DocString   string
	Type        AttributeProto_AttributeType
	F           float32
	I           int64
	S           []byte
	T           *TensorProto
	Floats      []float32
	Ints        []int64
	Strings     [][]byte
	Tensors     []*TensorProto
}

// TensorProto is a tensor value: its type, shape and data.
type TensorProto struct {
	Dims         []int64
	DataType     int32
	Segment      *TensorProto_Segment
	FloatData    []float32
	Int32Data    []int32
	StringData   [][]byte
	Int64Data    []int64
	Name         string
	DocString    string
	RawData      []byte
	ExternalData []*StringStringEntryProto
	DataLocation TensorProto_DataLocation
	DoubleData   []float64
	Uint64Data   []uint64
}

// TensorProto_Segment is the range of a tensor that a segment holds.
type TensorProto_Segment struct {
	Begin int64
	End   int64
}

// StringStringEntryProto is a key-value pair.
type StringStringEntryProto struct {
	Key   string
	Value string
}

// SparseTensorProto is a sparse tensor (only its values' name is read).
type SparseTensorProto struct {
	Values  *TensorProto
	Indices *TensorProto
	Dims    []int64
}

// ValueInfoProto names a value and gives its type.
type ValueInfoProto struct {
	Name      string
	Type      *TypeProto
	DocString string
}

// TypeProto is a value's type; Value is one of *TypeProto_TensorType,
// *TypeProto_SequenceType or *TypeProto_OtherType, or nil.
type TypeProto struct {
	Value      isTypeProto_Value
	Denotation string
}

type isTypeProto_Value interface{ isTypeProto_Value() }

// TypeProto_TensorType is TypeProto's tensor_type.
type TypeProto_TensorType struct{ TensorType *TypeProto_Tensor }

// TypeProto_SequenceType is TypeProto's sequence_type.
type TypeProto_SequenceType struct{ SequenceType *TypeProto_Sequence }

// TypeProto_OtherType is a map, optional or sparse tensor type (field
// Field of TypeProto), which zkml does not support; its content is not
// decoded.
type TypeProto_OtherType struct{ Field int32 }

func (*TypeProto_TensorType) isTypeProto_Value()   {}
func (*TypeProto_SequenceType) isTypeProto_Value() {}
func (*TypeProto_OtherType) isTypeProto_Value()    {}

// TypeProto_Tensor is the type of a tensor: element type and shape.
type TypeProto_Tensor struct {
	ElemType int32
	Shape    *TensorShapeProto
}

// TypeProto_Sequence is the type of a sequence.
type TypeProto_Sequence struct {
	ElemType *TypeProto
}

// TensorShapeProto is a tensor's shape.
type TensorShapeProto struct {
	Dim []*TensorShapeProto_Dimension
}

// TensorShapeProto_Dimension is one dimension; Value is one of
// *TensorShapeProto_Dimension_DimValue and *TensorShapeProto_Dimension_DimParam,
// or nil.
type TensorShapeProto_Dimension struct {
	Value      isTensorShapeProto_Dimension_Value
	Denotation string
}

type isTensorShapeProto_Dimension_Value interface {
	isTensorShapeProto_Dimension_Value()
}

// TensorShapeProto_Dimension_DimValue is a static dimension.
type TensorShapeProto_Dimension_DimValue struct{ DimValue int64 }

// TensorShapeProto_Dimension_DimParam is a symbolic dimension.
type TensorShapeProto_Dimension_DimParam struct{ DimParam string }

func (*TensorShapeProto_Dimension_DimValue) isTensorShapeProto_Dimension_Value() {}
func (*TensorShapeProto_Dimension_DimParam) isTensorShapeProto_Dimension_Value() {}
