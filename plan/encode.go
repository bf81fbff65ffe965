package plan

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The binary format of a plan (version 2). Integers are varints
// (encoding/binary: unsigned for counts and indices, zig-zag for signed
// values), floats are 8 little-endian bytes of their IEEE 754 bits, strings
// are a count then UTF-8 bytes:
//
//	"zkmlplan" version
//	config:   ActivationBits WeightBits MaxScale Headroom
//	tensors:  count, then per tensor: Name rank dims... Scale Bound MaxAbs
//	inputs:   count, tensor indices
//	outputs:  count, tensor indices
//	ops:      count, then per op: Kind Node count In... Out Shift
//	          count RowStart deltas..., count (Term.In Term.Idx Term.Coeff)...,
//	          count Bias...
//	          and for OpLookup only: TableMin count Table... Saturates
//
// The encoding is canonical: equal plans encode to equal bytes (an all-zero
// Bias is written as no bias), which is what makes Hash a model identity.
const (
	planMagic   = "zkmlplan"
	planVersion = 2
)

// MarshalBinary encodes a valid plan; it fails on an invalid one.
func (p *Plan) MarshalBinary() ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p.encode(), nil
}

// Hash is the SHA-256 of the plan's canonical encoding. Keys, proofs and
// build directories record it so that they are bound to one quantized model.
func (p *Plan) Hash() [32]byte { return sha256.Sum256(p.encode()) }

func (p *Plan) encode() []byte {
	b := []byte(planMagic)
	b = binary.AppendUvarint(b, planVersion)
	c := p.Config
	b = binary.AppendVarint(b, int64(c.ActivationBits))
	b = binary.AppendVarint(b, int64(c.WeightBits))
	b = binary.AppendVarint(b, int64(c.MaxScale))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.Headroom))
	b = binary.AppendUvarint(b, uint64(len(p.Tensors)))
	for _, t := range p.Tensors {
		b = appendString(b, t.Name)
		b = appendInts(b, t.Shape)
		b = binary.AppendVarint(b, int64(t.Scale))
		b = binary.AppendVarint(b, int64(t.Bound))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.MaxAbs))
	}
	b = appendInts(b, p.Inputs)
	b = appendInts(b, p.Outputs)
	b = binary.AppendUvarint(b, uint64(len(p.Ops)))
	for _, op := range p.Ops {
		b = binary.AppendVarint(b, int64(op.Kind))
		b = appendString(b, op.Node)
		b = appendInts(b, op.In)
		b = binary.AppendVarint(b, int64(op.Out))
		b = binary.AppendVarint(b, int64(op.Shift))
		b = binary.AppendUvarint(b, uint64(len(op.RowStart)))
		prev := int32(0)
		for _, r := range op.RowStart {
			b = binary.AppendVarint(b, int64(r)-int64(prev))
			prev = r
		}
		b = binary.AppendUvarint(b, uint64(len(op.Terms)))
		for _, t := range op.Terms {
			b = binary.AppendVarint(b, int64(t.In))
			b = binary.AppendVarint(b, int64(t.Idx))
			b = binary.AppendVarint(b, t.Coeff)
		}
		bias := op.Bias
		if AllZero(bias) {
			bias = nil
		}
		b = binary.AppendUvarint(b, uint64(len(bias)))
		for _, v := range bias {
			b = binary.AppendVarint(b, v)
		}
		if op.Kind == OpLookup {
			b = binary.AppendVarint(b, op.TableMin)
			b = binary.AppendUvarint(b, uint64(len(op.Table)))
			for _, v := range op.Table {
				b = binary.AppendVarint(b, v)
			}
			b = binary.AppendUvarint(b, uint64(op.Saturates))
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendInts(b []byte, v []int) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	for _, x := range v {
		b = binary.AppendVarint(b, int64(x))
	}
	return b
}

// AllZero reports whether every element of v is 0 (an all-zero bias is
// encoded, hashed and proven as none).
func AllZero(v []int64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// UnmarshalBinary decodes a plan written by MarshalBinary and validates it.
// Any malformed input yields an error (never a panic); p is changed only on
// success.
func (p *Plan) UnmarshalBinary(data []byte) error {
	q, err := decodePlan(data)
	if err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if err := q.Validate(); err != nil {
		return err
	}
	*p = *q
	return nil
}

func decodePlan(data []byte) (*Plan, error) {
	if len(data) < len(planMagic) || string(data[:len(planMagic)]) != planMagic {
		return nil, errors.New("not a zkml plan (bad magic)")
	}
	r := &reader{b: data[len(planMagic):]}
	if v := r.uvarint(); r.err == nil && v != planVersion {
		return nil, fmt.Errorf("format version %d; this zkml reads version %d (rebuild with this zkml)", v, planVersion)
	}
	p := &Plan{}
	p.Config.ActivationBits = r.int()
	p.Config.WeightBits = r.int()
	p.Config.MaxScale = r.int()
	p.Config.Headroom = r.float()
	n := r.count(11) // a tensor takes at least 11 bytes
	if r.err != nil {
		return nil, r.err
	}
	p.Tensors = make([]Tensor, n)
	for i := range p.Tensors {
		t := &p.Tensors[i]
		t.Name = r.string()
		t.Shape = r.ints()
		t.Scale = r.int()
		t.Bound = r.int()
		t.MaxAbs = r.float()
		if r.err != nil {
			return nil, r.err
		}
	}
	p.Inputs = r.ints()
	p.Outputs = r.ints()
	n = r.count(8) // an op takes at least 8 bytes
	if r.err != nil {
		return nil, r.err
	}
	p.Ops = make([]Op, n)
	for i := range p.Ops {
		op := &p.Ops[i]
		op.Kind = OpKind(r.int())
		op.Node = r.string()
		op.In = r.ints()
		op.Out = r.int()
		op.Shift = r.int()
		if n := r.count(1); n > 0 {
			op.RowStart = make([]int32, n)
			prev := int64(0)
			for j := range op.RowStart {
				prev += r.varint()
				if prev < 0 || prev > math.MaxInt32 {
					r.fail("row start out of range")
				}
				op.RowStart[j] = int32(prev)
			}
		}
		if n := r.count(3); n > 0 {
			op.Terms = make([]Term, n)
			for j := range op.Terms {
				op.Terms[j] = Term{In: r.int32(), Idx: r.int32(), Coeff: r.varint()}
			}
		}
		if n := r.count(1); n > 0 {
			op.Bias = make([]int64, n)
			for j := range op.Bias {
				op.Bias[j] = r.varint()
			}
		}
		if op.Kind == OpLookup {
			op.TableMin = r.varint()
			if n := r.count(1); n > 0 {
				op.Table = make([]int64, n)
				for j := range op.Table {
					op.Table[j] = r.varint()
				}
			}
			op.Saturates = Saturation(r.uvarint())
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail(fmt.Sprintf("%d unexpected trailing bytes", len(r.b)))
	}
	return p, r.err
}

// reader decodes varints with a sticky error: after the first failure every
// read returns zero, so decoding code can check once per record.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New("corrupt data: " + msg)
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("truncated or overlong number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("truncated or overlong number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// int reads a signed value that must fit comfortably in an int; validate
// checks the real range of each field.
func (r *reader) int() int {
	v := r.varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail("number out of range")
		return 0
	}
	return int(v)
}

func (r *reader) int32() int32 { return int32(r.int()) }

// count reads a length whose elements take at least minBytes each, so that a
// corrupt length cannot make the decoder allocate more than the input's size.
func (r *reader) count(minBytes int) int {
	v := r.uvarint()
	if r.err != nil {
		return 0
	}
	if v > uint64(len(r.b)/minBytes) {
		r.fail("length exceeds the data")
		return 0
	}
	return int(v)
}

func (r *reader) ints() []int {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	v := make([]int, n)
	for i := range v {
		v[i] = r.int()
	}
	return v
}

func (r *reader) string() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) float() float64 {
	if r.err != nil {
		return 0
	}
	if len(r.b) < 8 {
		r.fail("truncated")
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}
