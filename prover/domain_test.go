package prover

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/plan"
)

// domainPlan: y = T(x) for a lookup T over [-64, 63] at scale 4 (the
// identity, not saturating at either end), x of 2 elements.
func domainPlan() *plan.Plan {
	table := make([]int64, 128)
	for i := range table {
		table[i] = int64(i - 64)
	}
	return &plan.Plan{
		Config:  plan.DefaultConfig(),
		Tensors: []plan.Tensor{{Name: "x", Shape: []int{2}, Scale: 4, Bound: 31}, {Name: "y", Shape: []int{2}, Scale: 4, Bound: 6}},
		Inputs:  []int{0},
		Outputs: []int{1},
		Ops:     []plan.Op{{Kind: plan.OpLookup, Node: "/T", In: []int{0}, Out: 1, TableMin: -64, Table: table}},
	}
}

// TestDomainFlag: a build with the domain flag proves the bit last among
// the public inputs, 1 inside the domain and 0 beyond; Verify checks the
// bit the file claims; WithStrictDomain refuses the clamped input.
func TestDomainFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "build")
	b, err := Compile(context.Background(), dir, domainPlan(), Groth16, Meta{}, WithDomainFlag())
	if err != nil {
		t.Fatal(err)
	}
	if !b.Settings().Circuit.DomainFlag || b.Settings().Circuit.PublicInputs != 2 {
		t.Fatalf("settings: %+v", b.Settings().Circuit)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		x    []float64
		want bool
	}{{[]float64{-4, 3.5}, true}, {[]float64{-4, 10}, false}} {
		p, err := b.Prove(context.Background(), [][]float64{tc.x})
		if err != nil {
			t.Fatal(err)
		}
		if p.InDomain == nil || *p.InDomain != tc.want || (len(p.Clamps) == 0) != tc.want {
			t.Fatalf("x = %v: in_domain %v, clamps %v; want %v", tc.x, p.InDomain, p.Clamps, tc.want)
		}
		if last := p.PublicInputs[len(p.PublicInputs)-1]; last.Cmp(big.NewInt(int64(boolBit(tc.want)))) != 0 {
			t.Fatalf("x = %v: the last public input is %s", tc.x, last)
		}
		if err := Verify(b, p); err != nil {
			t.Fatalf("x = %v: %v", tc.x, err)
		}
		// Round trip through proof.json.
		data, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var q Proof
		if err := q.UnmarshalJSON(data); err != nil || q.InDomain == nil || *q.InDomain != tc.want {
			t.Fatalf("x = %v: proof.json round trip: %v, %v", tc.x, err, q.InDomain)
		}
		// Claiming the other bit, consistently or not, fails.
		flipped := !tc.want
		lie := *p
		lie.InDomain = &flipped
		if err := Verify(b, &lie); !errors.Is(err, ErrInvalidProof) {
			t.Fatalf("x = %v: in_domain flipped: %v", tc.x, err)
		}
		lie.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
		lie.PublicInputs[len(lie.PublicInputs)-1] = big.NewInt(int64(boolBit(flipped)))
		if err := Verify(b, &lie); !errors.Is(err, ErrInvalidProof) {
			t.Fatalf("x = %v: the bit flipped: %v", tc.x, err)
		}
	}
	strict, err := Open(dir, WithStrictDomain())
	if err != nil {
		t.Fatal(err)
	}
	_, err = strict.Prove(context.Background(), [][]float64{{-4, 10}})
	var de *DomainError
	if !errors.As(err, &de) || len(de.Clamps) != 1 || de.Clamps[0].Node != "/T" || de.Clamps[0].Clamped != 1 {
		t.Fatalf("strict: %v", err)
	}
	if _, err := strict.Prove(context.Background(), [][]float64{{-4, 3.5}}); err != nil {
		t.Fatalf("strict, in the domain: %v", err)
	}
}
