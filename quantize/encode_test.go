package quantize

import (
	"bytes"
	"context"
	"testing"

	"github.com/zkml/zkml/plan"
)

// Every compiled op case survives the plan encoding unchanged.
func TestMarshalRoundTrip(t *testing.T) {
	for _, tc := range opCases {
		g := tc.build(newGraph())
		cal, err := Calibrate(g, [][][]float64{tc.inputs})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		data, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q plan.Plan
		if err := q.UnmarshalBinary(data); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		again, err := q.MarshalBinary()
		if err != nil || !bytes.Equal(again, data) || q.Hash() != p.Hash() {
			t.Fatalf("%s: re-encoding differs (%v)", tc.name, err)
		}
	}
}
