package plan

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
)

// testPlans returns valid plans to round-trip and to seed the fuzzer; the
// quantize tests round-trip every compiled op case as well.
func testPlans(testing.TB) []*Plan { return []*Plan{smallPlan()} }

func TestMarshalRoundTrip(t *testing.T) {
	for i, p := range testPlans(t) {
		data, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q Plan
		if err := q.UnmarshalBinary(data); err != nil {
			t.Fatalf("plan %d: %v", i, err)
		}
		again, err := q.MarshalBinary()
		if err != nil || !bytes.Equal(again, data) {
			t.Fatalf("plan %d: re-encoding differs (%v)", i, err)
		}
		if q.Hash() != p.Hash() {
			t.Errorf("plan %d: hash changed in the round trip", i)
		}
	}
	// The hand-written plan has no empty slices, so it comes back identical.
	p := smallPlan()
	data, _ := p.MarshalBinary()
	var q Plan
	if err := q.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&q, p) {
		t.Errorf("round trip:\n got %+v\nwant %+v", q, *p)
	}
}

// Everything that changes what the plan computes changes its hash; an
// all-zero bias is the same as none.
func TestHash(t *testing.T) {
	base := smallPlan().Hash()
	for name, f := range map[string]func(p *Plan){
		"coefficient":     func(p *Plan) { p.Ops[0].Terms[0].Coeff = 2 },
		"term index":      func(p *Plan) { p.Ops[0].Terms[0].Idx = 1 },
		"bias":            func(p *Plan) { p.Ops[0].Bias[1] = 4 },
		"shift":           func(p *Plan) { p.Ops[0].Shift = 2 },
		"scale":           func(p *Plan) { p.Tensors[1].Scale = 2 },
		"shape":           func(p *Plan) { p.Tensors[3].Shape = []int{1, 1} },
		"config":          func(p *Plan) { p.Config.Headroom = 2 },
		"name":            func(p *Plan) { p.Tensors[0].Name = "x2" },
		"node":            func(p *Plan) { p.Ops[1].Node = "r" },
		"calibrated max":  func(p *Plan) { p.Tensors[0].MaxAbs = 3 },
		"row split":       func(p *Plan) { p.Ops[2].RowStart = []int32{0, 1} },
		"outputs":         func(p *Plan) { p.Outputs = []int{2} },
		"op kind":         func(p *Plan) { p.Ops[1].Kind = OpAffine },
		"bias to nothing": func(p *Plan) { p.Ops[0].Bias = nil },
	} {
		p := smallPlan()
		f(p)
		if p.Hash() == base {
			t.Errorf("%s: hash unchanged", name)
		}
	}
	p := smallPlan()
	p.Ops[0].Bias = nil
	h := p.Hash()
	p.Ops[0].Bias = []int64{0, 0}
	if p.Hash() != h {
		t.Errorf("an all-zero bias hashes differently from none")
	}
}

func TestUnmarshalRejects(t *testing.T) {
	data, err := smallPlan().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var p Plan
	for n := range len(data) {
		if err := p.UnmarshalBinary(data[:n]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", n, len(data))
		}
	}
	wantErr(t, p.UnmarshalBinary(append(bytes.Clone(data), 0)), "plan: corrupt data: 1 unexpected trailing bytes")
	wantErr(t, p.UnmarshalBinary([]byte("not a plan at all")), "plan: not a zkml plan")
	v3 := binary.AppendUvarint([]byte(planMagic), 3)
	wantErr(t, p.UnmarshalBinary(append(v3, data[len(planMagic)+1:]...)), "format version 3", "rebuild")
	// A decodable but invalid plan is rejected by validation.
	bad := smallPlan()
	bad.Ops[0].Shift = 0 // the declared bounds no longer hold
	wantErr(t, p.UnmarshalBinary(bad.encode()), "plan: op 0", "bound")
	// A huge length cannot make the decoder allocate.
	huge := binary.AppendVarint(binary.AppendVarint(binary.AppendVarint(binary.AppendUvarint([]byte(planMagic), planVersion), 32), 16), 20)
	huge = binary.LittleEndian.AppendUint64(huge, 0)
	huge = binary.AppendUvarint(huge, 1<<62)
	wantErr(t, p.UnmarshalBinary(huge), "length exceeds the data")
	if p.Tensors != nil || p.Ops != nil {
		t.Errorf("a failed UnmarshalBinary modified the plan")
	}
}

// FuzzUnmarshalBinary checks that no input makes UnmarshalBinary panic,
// and that what it accepts is canonical and runs.
func FuzzUnmarshalBinary(f *testing.F) {
	for _, p := range testPlans(f) {
		data, err := p.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Plan
		if err := p.UnmarshalBinary(data); err != nil {
			return
		}
		again, err := p.MarshalBinary()
		if err != nil {
			t.Fatalf("an accepted plan does not re-encode: %v", err)
		}
		var q Plan
		if err := q.UnmarshalBinary(again); err != nil || q.Hash() != p.Hash() {
			t.Fatalf("re-encoded plan: %v", err)
		}
		total := 0
		for i := range p.Tensors {
			total += p.Tensors[i].Size()
		}
		if total > 1<<16 {
			return // valid but too large to run here
		}
		in := make([][]int64, len(p.Inputs))
		for i, ti := range p.Inputs {
			in[i] = make([]int64, p.Tensors[ti].Size())
			for j := range in[i] {
				in[i][j] = int64(j%7) - 3
			}
		}
		p.Run(in) // may fail on the range, must not panic
		p.Report()
	})
}
