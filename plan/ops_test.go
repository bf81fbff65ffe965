package plan

import (
	"bytes"
	"slices"
	"testing"
)

// lookupPlan: x → lookup (shift 1, table for inputs -2..2) → output.
func lookupPlan() *Plan {
	return &Plan{
		Config: Config{ActivationBits: 8, WeightBits: 8, MaxScale: 4, Headroom: 1},
		Tensors: []Tensor{
			{Name: "x", Shape: []int{6}, Scale: 2, Bound: 7},
			{Name: "y", Shape: []int{6}, Scale: 2, Bound: 5},
			{Name: "z", Shape: []int{6}, Scale: 4, Bound: 7},
		},
		Inputs:  []int{0},
		Outputs: []int{1, 2},
		Ops: []Op{
			{Kind: OpLookup, Node: "f", In: []int{0}, Out: 1, Shift: 1, TableMin: -2, Table: []int64{-20, -10, 0, 10, 20}},
			{Kind: OpMul, Node: "xy", In: []int{0, 1}, Out: 2, Shift: 3, RowStart: []int32{0, 2, 4, 6, 8, 10, 12},
				Terms: []Term{{0, 1, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}, {0, 2, 1}, {1, 2, 1}, {0, 3, 1}, {1, 3, 1}, {0, 4, 1}, {1, 4, 1}, {0, 5, 1}, {0, 5, 1}}},
		},
	}
}

func TestRunLookupAndMul(t *testing.T) {
	p := lookupPlan()
	all, err := p.Run([][]int64{{-100, -3, -2, 1, 2, 9}})
	if err != nil {
		t.Fatal(err)
	}
	// Rescale by 2 rounds halves up: -100→-50, -3→-1, -2→-1, 1→1, 2→1, 9→5;
	// clamped to [-2, 2].
	if want := []int64{-20, -10, -10, 10, 10, 20}; !slices.Equal(all[1], want) {
		t.Errorf("lookup = %v, want %v", all[1], want)
	}
	// Products rounded by 2^3 (halves up): x[1]·y[0], x[i]·y[i], x[5]².
	want := []int64{8, 4, 3, 1, 3, 10}
	if !slices.Equal(all[2], want) {
		t.Errorf("mul = %v, want %v", all[2], want)
	}
	data, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := q.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if again, _ := q.MarshalBinary(); !bytes.Equal(again, data) || !slices.Equal(q.Ops[0].Table, p.Ops[0].Table) || q.Ops[0].TableMin != -2 {
		t.Errorf("round trip changed the plan: %+v", q.Ops[0])
	}
	r := lookupPlan()
	r.Ops[0].Table[2] = 1
	if r.Hash() == p.Hash() {
		t.Error("changing a table entry does not change the hash")
	}
	r = lookupPlan()
	r.Ops[0].TableMin = -1
	r.Ops[0].Table = r.Ops[0].Table[:4]
	if r.Hash() == p.Hash() {
		t.Error("moving the table does not change the hash")
	}
	rep := p.Report()
	if rep[0].Table != 5 || rep[0].DomainMin != -1 || rep[0].DomainMax != 1 {
		t.Errorf("report: table %d over [%g, %g], want 5 over [-1, 1]", rep[0].Table, rep[0].DomainMin, rep[0].DomainMax)
	}
}

func TestValidateRejectsNonlinear(t *testing.T) {
	if err := lookupPlan().Validate(); err != nil {
		t.Fatalf("the valid plan: %v", err)
	}
	for _, m := range []struct {
		name, msg string
		f         func(p *Plan)
	}{
		{"empty table", "table has 0 entries", func(p *Plan) { p.Ops[0].Table = nil }},
		{"table beyond range", "outside the activation range", func(p *Plan) { p.Ops[0].Table[0] = 128 }},
		{"domain beyond range", "table domain", func(p *Plan) { p.Ops[0].TableMin = 63 }},
		{"lookup with rows", "lookup carries rows", func(p *Plan) { p.Ops[0].RowStart = []int32{0} }},
		{"lookup shift", "shift", func(p *Plan) { p.Ops[0].Shift = 63 }},
		{"lookup bound", "bound", func(p *Plan) { p.Tensors[1].Bound = 4 }},
		{"mul row of 3", "even number of terms", func(p *Plan) {
			op := &p.Ops[1]
			op.Terms = append(op.Terms, Term{0, 0, 1})
			op.RowStart[6]++
		}},
		{"mul coefficient", "coefficients must be 1", func(p *Plan) { p.Ops[1].Terms[3].Coeff = 2 }},
		{"mul bias", "bias", func(p *Plan) { p.Ops[1].Bias = make([]int64, 6) }},
		{"mul bound", "bound", func(p *Plan) { p.Tensors[2].Bound = 3 }},
		{"mul term index", "out of range", func(p *Plan) { p.Ops[1].Terms[1].Idx = 6 }},
	} {
		t.Run(m.name, func(t *testing.T) {
			p := lookupPlan()
			m.f(p)
			wantErr(t, p.Validate(), m.msg)
			_, err := p.Run([][]int64{{1, 2, 3, 4, 5, 6}})
			wantErr(t, err, m.msg)
		})
	}
}

// TestProducts: products and quotients of computed tensors (a square,
// broadcasting, a pending affine factor, more than 32 activation bits where
