package onnx

import (
	"encoding/binary"
	"fmt"
	"math"

	pb "github.com/zkml/zkml/internal/onnxpb"

	"github.com/zkml/zkml/internal/tensor"
)

// ONNX TensorProto.DataType codes (onnx.proto).
const (
	pbFloat    = 1
	pbUint8    = 2
	pbInt8     = 3
	pbUint16   = 4
	pbInt16    = 5
	pbInt32    = 6
	pbInt64    = 7
	pbString   = 8
	pbBool     = 9
	pbFloat16  = 10
	pbDouble   = 11
	pbUint32   = 12
	pbUint64   = 13
	pbComplex  = 14
	pbComplex2 = 15
	pbBFloat16 = 16
)

// dtypeFromProto maps an ONNX element type code to a DType, or explains why
// it is not supported.
func dtypeFromProto(code int32) (DType, error) {
	switch code {
	case pbFloat:
		return Float32, nil
	case pbDouble:
		return Float64, nil
	case pbFloat16:
		return Float16, nil
	case pbBFloat16:
		return BFloat16, nil
	case pbInt8:
		return Int8, nil
	case pbInt16:
		return Int16, nil
	case pbInt32:
		return Int32, nil
	case pbInt64:
		return Int64, nil
	case pbUint8:
		return Uint8, nil
	case pbUint16:
		return Uint16, nil
	case pbUint32:
		return Uint32, nil
	case pbUint64:
		return Uint64, nil
	case pbBool:
		return Bool, nil
	case pbString:
		return Undefined, fmt.Errorf("element type string is not supported (zkml proves numeric models only)")
	case pbComplex, pbComplex2:
		return Undefined, fmt.Errorf("complex element types are not supported")
	case 0:
		return Undefined, fmt.Errorf("element type is undefined")
	}
	return Undefined, fmt.Errorf("element type %d is not supported (supported: float16/32/64, bfloat16, int8-64, uint8-64, bool)", code)
}

// decodeTensor converts a TensorProto into a Tensor. what names it in
// errors (`initializer "fc.weight"`).
func decodeTensor(tp *pb.TensorProto, what string) (*Tensor, error) {
	if tp.GetDataLocation() == pb.TensorProto_EXTERNAL || len(tp.GetExternalData()) > 0 {
		return nil, fmt.Errorf("%s: stored as external data, which is not supported; re-export the model with its weights inside the .onnx file (e.g. onnx.save(model, path, save_as_external_data=False))", what)
	}
	if tp.GetSegment() != nil {
		return nil, fmt.Errorf("%s: segmented tensors are not supported", what)
	}
	dt, err := dtypeFromProto(tp.GetDataType())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	shape := make([]int, len(tp.GetDims()))
	for i, d := range tp.GetDims() {
		if d < 0 || d > tensor.MaxElements {
			return nil, fmt.Errorf("%s: dimension %d is %d", what, i, d)
		}
		shape[i] = int(d)
	}
	if err := tensor.CheckShape(shape); err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	n := tensor.Size(shape)
	// Count before allocating: the dims of a corrupt file may promise far
	// more data than it holds.
	have, err := countValues(tp)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	if have != n {
		return nil, fmt.Errorf("%s: has %d values, but its shape %v needs %d; the file is corrupt", what, have, shape, n)
	}
	t := &Tensor{DType: dt, Shape: shape}
	if dt.IsFloat() {
		t.Float = make([]float64, n)
	} else {
		t.Int = make([]int64, n)
	}
	if err := fillTensor(t, tp, n); err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	return t, nil
}

// countValues returns how many elements tp's data holds, from raw_data or
// else from the typed field its data type uses.
func countValues(tp *pb.TensorProto) (int, error) {
	code := tp.GetDataType()
	if raw := tp.GetRawData(); len(raw) > 0 {
		size := rawSize(code)
		if len(raw)%size != 0 {
			return 0, fmt.Errorf("raw data of %d bytes is not a multiple of the %d-byte element size", len(raw), size)
		}
		return len(raw) / size, nil
	}
	switch code {
	case pbFloat:
		return len(tp.GetFloatData()), nil
	case pbDouble:
		return len(tp.GetDoubleData()), nil
	case pbInt64:
		return len(tp.GetInt64Data()), nil
	case pbUint32, pbUint64:
		return len(tp.GetUint64Data()), nil
	}
	return len(tp.GetInt32Data()), nil
}

// fillTensor copies the n values of tp (counted by countValues) into t.
func fillTensor(t *Tensor, tp *pb.TensorProto, n int) error {
	code := tp.GetDataType()
	if raw := tp.GetRawData(); len(raw) > 0 {
		size := rawSize(code)
		for i := 0; i < n; i++ {
			b := raw[i*size:]
			switch code {
			case pbFloat:
				t.Float[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))
			case pbDouble:
				t.Float[i] = math.Float64frombits(binary.LittleEndian.Uint64(b))
			case pbFloat16:
				t.Float[i] = halfToFloat(binary.LittleEndian.Uint16(b))
			case pbBFloat16:
				t.Float[i] = bfloatToFloat(binary.LittleEndian.Uint16(b))
			case pbInt8:
				t.Int[i] = int64(int8(b[0]))
			case pbUint8:
				t.Int[i] = int64(b[0])
			case pbBool:
				t.Int[i] = int64(min(b[0], 1))
			case pbInt16:
				t.Int[i] = int64(int16(binary.LittleEndian.Uint16(b)))
			case pbUint16:
				t.Int[i] = int64(binary.LittleEndian.Uint16(b))
			case pbInt32:
				t.Int[i] = int64(int32(binary.LittleEndian.Uint32(b)))
			case pbUint32:
				t.Int[i] = int64(binary.LittleEndian.Uint32(b))
			case pbInt64:
				t.Int[i] = int64(binary.LittleEndian.Uint64(b))
			case pbUint64:
				v := binary.LittleEndian.Uint64(b)
				if v > math.MaxInt64 {
					return fmt.Errorf("uint64 value %d does not fit in int64", v)
				}
				t.Int[i] = int64(v)
			}
		}
		return nil
	}
	switch code {
	case pbFloat:
		for i, v := range tp.GetFloatData() {
			t.Float[i] = float64(v)
		}
		return nil
	case pbDouble:
		copy(t.Float, tp.GetDoubleData())
		return nil
	case pbInt64:
		copy(t.Int, tp.GetInt64Data())
		return nil
	case pbUint32, pbUint64:
		for i, v := range tp.GetUint64Data() {
			if v > math.MaxInt64 {
				return fmt.Errorf("uint64 value %d does not fit in int64", v)
			}
			t.Int[i] = int64(v)
		}
		return nil
	}
	// int32_data carries every remaining type, one element per entry (the
	// 16-bit float types as their bit patterns).
	for i, v := range tp.GetInt32Data() {
		switch code {
		case pbFloat16:
			t.Float[i] = halfToFloat(uint16(v))
		case pbBFloat16:
			t.Float[i] = bfloatToFloat(uint16(v))
		case pbBool:
			t.Int[i] = int64(min(uint32(v), 1))
		case pbInt8:
			t.Int[i] = int64(int8(v))
		case pbUint8:
			t.Int[i] = int64(uint8(v))
		case pbInt16:
			t.Int[i] = int64(int16(v))
		case pbUint16:
			t.Int[i] = int64(uint16(v))
		default:
			t.Int[i] = int64(v)
		}
	}
	return nil
}

// rawSize is the byte size of one element in raw_data.
func rawSize(code int32) int {
	switch code {
	case pbDouble, pbInt64, pbUint64:
		return 8
	case pbFloat, pbInt32, pbUint32:
		return 4
	case pbFloat16, pbBFloat16, pbInt16, pbUint16:
		return 2
	}
	return 1
}

// halfToFloat decodes an IEEE 754 binary16 value.
func halfToFloat(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	switch exp {
	case 0: // zero or subnormal
		return sign * math.Ldexp(frac, -24)
	case 0x1f:
		if frac == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1024+frac, exp-25)
}

// bfloatToFloat decodes a bfloat16 value: the high half of a float32.
func bfloatToFloat(h uint16) float64 {
	return float64(math.Float32frombits(uint32(h) << 16))
}
