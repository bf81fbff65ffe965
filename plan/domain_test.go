package plan

import (
	"slices"
	"testing"
)

// satPlan: x (scale 4) → lookup over [-8, 7] with the given saturation.
func satPlan(sat Saturation) *Plan {
	table := make([]int64, 16)
	for i := range table {
		table[i] = int64(i - 8)
	}
	return &Plan{
		Config:  Config{ActivationBits: 8, WeightBits: 8, MaxScale: 4, Headroom: 1},
		Tensors: []Tensor{{Name: "x", Shape: []int{3}, Scale: 4, Bound: 7}, {Name: "y", Shape: []int{3}, Scale: 4, Bound: 3}},
		Inputs:  []int{0},
		Outputs: []int{1},
		Ops:     []Op{{Kind: OpLookup, Node: "T", In: []int{0}, Out: 1, TableMin: -8, Table: table, Saturates: sat}},
	}
}

func TestRangeChecked(t *testing.T) {
	p := smallPlan() // x, rescaled y read by a relu, its output z, max w (the output)
	if got := p.RangeChecked(); !slices.Equal(got, []bool{true, true, true, true}) {
		t.Errorf("RangeChecked = %v", got)
	}
	p.Outputs = []int{2}
	if got := p.RangeChecked(); !slices.Equal(got, []bool{true, true, true, false}) {
		t.Errorf("RangeChecked = %v; a max that is not an output is not checked", got)
	}
}

func TestClamps(t *testing.T) {
	for _, tc := range []struct {
		sat     Saturation
		x       []int64
		clamped int
		far     float64
	}{
		{0, []int64{-8, 0, 7}, 0, 0},
		{0, []int64{-9, 0, 30}, 2, 30.0 / 16},
		{SaturatesBelow, []int64{-100, 0, 30}, 1, 30.0 / 16},
		{SaturatesAbove, []int64{-100, 0, 30}, 1, -100.0 / 16},
		{SaturatesBelow | SaturatesAbove, []int64{-100, 0, 100}, 0, 0},
	} {
		p := satPlan(tc.sat)
		all, err := p.Run([][]int64{tc.x})
		if err != nil {
			t.Fatal(err)
		}
		c := p.Clamps(all)
		if tc.clamped == 0 {
			if c != nil {
				t.Errorf("%v, saturation %d: clamps %v, want none", tc.x, tc.sat, c)
			}
			continue
		}
		if len(c) != 1 || c[0].Clamped != tc.clamped || c[0].Elements != 3 || c[0].Farthest != tc.far || c[0].Node != "T" || c[0].DomainMin != -0.5 {
			t.Errorf("%v, saturation %d: clamps %+v, want %d clamped, farthest %g", tc.x, tc.sat, c, tc.clamped, tc.far)
		}
	}
}

func TestSaturationEncoding(t *testing.T) {
	p := satPlan(SaturatesAbove)
	data, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := q.UnmarshalBinary(data); err != nil || q.Ops[0].Saturates != SaturatesAbove {
		t.Fatalf("round trip: %v, %d", err, q.Ops[0].Saturates)
	}
	if satPlan(0).Hash() == p.Hash() {
		t.Error("the saturation does not change the hash")
	}
	bad := satPlan(16)
	wantErr(t, bad.Validate(), "saturation flags")
	bad = satPlan(SaturatesAbove | StrictAbove)
	wantErr(t, bad.Validate(), "both saturates and is strict")
	bad = smallPlan()
	bad.Ops[0].Saturates = SaturatesBelow
	wantErr(t, bad.Validate(), "only a lookup saturates")
}

// TestStrictEnds: a lookup input beyond a strict end is an error (the
// circuit has no clamp there), within the domain and beyond a clamping end
// it is looked up as before.
func TestStrictEnds(t *testing.T) {
	for _, tc := range []struct {
		sat  Saturation
		x    float64
		fail bool
	}{
		{StrictAbove, 5, true},
		{StrictAbove, -5, false},
		{StrictBelow, -5, true},
		{StrictBelow, 5, false},
		{StrictBelow | StrictAbove, 0.25, false},
		{StrictBelow | StrictAbove, 5, true},
	} {
		p := satPlan(tc.sat)
		q, err := p.QuantizeInputs([][]float64{{tc.x, 0, 0}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.Run(q)
		if tc.fail {
			wantErr(t, err, "does not clamp")
		} else if err != nil {
			t.Errorf("saturation %d, input %g: %v", tc.sat, tc.x, err)
		}
	}
}
