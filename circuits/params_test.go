package circuits

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/plan"
)

// hashedWitness runs p on in and returns the witness of a build with hashed
// params.
func hashedWitness(t *testing.T, p *plan.Plan, in []int64) *Circuit {
	t.Helper()
	tensors, err := p.Run([][]int64{in})
	if err != nil {
		t.Fatal(err)
	}
	w, err := Assign(p, tensors, WithPackedOutputs(DefaultPacking(p)), WithParamVisibility(Hashed))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestHashedParams: the circuit of a build with hashed params accepts the
// plan's weights with their commitment, and rejects a wrong weight or bias
// witness (one not matching the commitment), a wrong commitment, and the
// commitment of another model's weights.
func TestHashedParams(t *testing.T) {
	p := testmodels.TinyPlan(5)
	opts := []Option{WithPackedOutputs(DefaultPacking(p)), WithParamVisibility(Hashed)}
	shape := New(p, opts...)
	in := []int64{300, -200, 100, 50}
	good := hashedWitness(t, p, in)
	if err := test.IsSolved(shape, good, field); err != nil {
		t.Fatalf("the honest witness: %v", err)
	}
	assert := test.NewAssert(t)
	assert.CheckCircuit(shape, test.WithValidAssignment(good), test.WithCurves(ecc.BN254), test.NoFuzzing(), test.NoSerializationChecks(), test.NoProverChecks())

	ps, err := ParamsOf(p)
	if err != nil {
		t.Fatal(err)
	}
	if ps.CoeffBits != 5 || ps.BiasBits != 5 || len(ps.Coeffs) != 11 || len(ps.Biases) != 3 {
		t.Errorf("params %+v", ps)
	}
	for _, tt := range []struct {
		name  string
		slot  int
		delta int64
	}{
		{"a weight", 0, 1},
		{"the last weight", 10, -1},
		{"a bias", 11, 1},
	} {
		bad := *good
		bad.Params = append([]frontend.Variable(nil), good.Params...)
		v := new(big.Int).Add(good.Params[tt.slot].(*big.Int), big.NewInt(tt.delta))
		bad.Params[tt.slot] = v.Mod(v, field)
		if err := test.IsSolved(shape, &bad, field); err == nil {
			t.Errorf("%s not matching the commitment was accepted", tt.name)
		}
	}
	bad := *good
	bad.ParamsCommitment = []frontend.Variable{new(big.Int).Add(good.ParamsCommitment[0].(*big.Int), big.NewInt(1))}
	if err := test.IsSolved(shape, &bad, field); err == nil {
		t.Error("a wrong params commitment was accepted")
	}

	// Another model of the same structure: another commitment, a circuit
	// of the same size; its witness with the first model's commitment fails.
	q := testmodels.TinyPlan(6)
	other := hashedWitness(t, q, in)
	if other.ParamsCommitment[0].(*big.Int).Cmp(good.ParamsCommitment[0].(*big.Int)) == 0 {
		t.Fatal("two models with different biases have the same params commitment")
	}
	if err := test.IsSolved(New(q, opts...), other, field); err != nil {
		t.Fatalf("the other model: %v", err)
	}
	mixed := *other
	mixed.ParamsCommitment = good.ParamsCommitment
	if err := test.IsSolved(shape, &mixed, field); err == nil {
		t.Error("the other model's weights were accepted under the first model's commitment")
	}
	// The commitment is a constant of the circuit too: the first model's
	// circuit refuses the other model's weights with their own commitment.
	if err := test.IsSolved(shape, other, field); err == nil {
		t.Error("the first model's circuit accepted the other model's weights and commitment")
	}
	c1, err := frontend.Compile(field, r1cs.NewBuilder, New(p, opts...))
	if err != nil {
		t.Fatal(err)
	}
	c2, err := frontend.Compile(field, r1cs.NewBuilder, New(q, opts...))
	if err != nil {
		t.Fatal(err)
	}
	if c1.GetNbConstraints() != c2.GetNbConstraints() {
		t.Errorf("two models of one structure: %d and %d constraints", c1.GetNbConstraints(), c2.GetNbConstraints())
	}
	fixed, err := frontend.Compile(field, r1cs.NewBuilder, New(p, WithPackedOutputs(DefaultPacking(p))))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tiny model: %d constraints with fixed params, %d with hashed params", fixed.GetNbConstraints(), c1.GetNbConstraints())
}

// TestParamsCommit: the commitment covers every value, the widths and the
// counts, and refuses a plan without weights.
func TestParamsCommit(t *testing.T) {
	ps, err := ParamsOf(testmodels.TinyPlan(5))
	if err != nil {
		t.Fatal(err)
	}
	h, err := ps.Commit()
	if err != nil {
		t.Fatal(err)
	}
	edits := map[string]func(q *Params){
		"a coefficient": func(q *Params) { q.Coeffs[3]++ },
		"a bias":        func(q *Params) { q.Biases[2]-- },
		"the widths":    func(q *Params) { q.CoeffBits++ },
		"a bias moved to the coefficients": func(q *Params) {
			q.Coeffs, q.Biases = append(q.Coeffs, q.Biases[0]), q.Biases[1:]
		},
	}
	for name, edit := range edits {
		q := &Params{CoeffBits: ps.CoeffBits, BiasBits: ps.BiasBits, Coeffs: append([]int64(nil), ps.Coeffs...), Biases: append([]int64(nil), ps.Biases...)}
		edit(q)
		g, err := q.Commit()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g.Cmp(h) == 0 {
			t.Errorf("%s: the commitment did not change", name)
		}
	}
	movement := &plan.Plan{Config: plan.DefaultConfig(), Tensors: []plan.Tensor{{Name: "x", Shape: []int{2}, Bound: 31}, {Name: "y", Shape: []int{2}, Bound: 31}},
		Inputs: []int{0}, Outputs: []int{1},
		Ops: []plan.Op{{Kind: plan.OpAffine, In: []int{0}, Out: 1, RowStart: []int32{0, 1, 2}, Terms: []plan.Term{{Idx: 1, Coeff: 1}, {Idx: 0, Coeff: 1}}}}}
	if _, err := ParamsOf(movement); err == nil {
		t.Error("a plan without weights has params")
	}
}
