package circuits

import (
	"strings"
	"testing"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
)

// TestMeasure: the parts of a breakdown add up to the circuit's count,
// attribute each op to its kind, and measuring builds the same circuit as
// compiling it.
func TestMeasure(t *testing.T) {
	b := newPlanBuilder(32)
	x := b.input("x", 64)
	rows := identityRows(64)
	for i := range rows {
		rows[i][0].Coeff = 3
	}
	b.output(b.relu("relu", b.affine("scale", []int{x}, rows, nil, 20)))
	p := b.plan()
	for _, tc := range []struct {
		name    string
		builder frontend.NewBuilder
		opts    []Option
	}{
		{"r1cs", r1cs.NewBuilder[constraint.U64], nil},
		{"plonk", scs.NewBuilder[constraint.U64], nil},
		{"r1cs bits", r1cs.NewBuilder[constraint.U64], []Option{WithBitDecompositionRangeChecks()}},
	} {
		bd, ccs, err := Measure(p, tc.builder, tc.opts...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want, err := frontend.Compile(field, tc.builder, New(p, tc.opts...))
		if err != nil {
			t.Fatal(err)
		}
		if bd.Total != want.GetNbConstraints() || ccs.GetNbConstraints() != bd.Total {
			t.Errorf("%s: total %d, the compiled circuit has %d", tc.name, bd.Total, want.GetNbConstraints())
		}
		sum, parts := 0, map[string]Cost{}
		for _, c := range bd.Parts {
			sum += c.Total()
			parts[c.Part] = c
		}
		if sum != bd.Total {
			t.Errorf("%s: parts add up to %d, total %d:\n%s", tc.name, sum, bd.Total, bd)
		}
		rs, relu := parts["affine/rescale"], parts["relu"]
		if rs.Ops != 1 || rs.Values != 64 || relu.Ops != 1 || relu.Values != 64 {
			t.Errorf("%s: rescale %+v, relu %+v; want one op of 64 values each", tc.name, rs, relu)
		}
		// The rescale checks its remainders (the relu proves the range of
		// its quotients), the relu its sign terms.
		if rs.Checks != 64 || relu.Checks != 64 || rs.Total() == 0 {
			t.Errorf("%s: rescale %+v, relu %+v; want 64 range checks each", tc.name, rs, relu)
		}
		if !strings.Contains(bd.String(), "| affine/rescale | 1 | 64 |") {
			t.Errorf("%s: the table lacks the rescale's line:\n%s", tc.name, bd)
		}
	}
}
