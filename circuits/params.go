package circuits

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark/frontend"
	"github.com/zkml/zkml/plan"
)

// Hashed params (WithParamVisibility(Hashed)): the weights and biases are
// private witnesses bound by one public commitment, [Params.Commit], that
// the circuit computes. A contract can then tell which committed model made
// a prediction without seeing its weights.
//
// What is committed, in this order (the one place that defines it):
//
//  1. the coefficients of every weighted affine op (see [Weighted]), op by
//     op in plan order, each op's terms in order (row by row);
//  2. the biases of those ops that have one, op by op, element by element.
//
// What stays public, in the circuit and so in the verifying key: the plan's
// structure (which op reads which element, including which coefficients are
// nonzero, since the planner drops zero terms, and which weighted ops have a
// bias), the lookup tables, two widths (every coefficient is proven to lie
// in [-2^(CoeffBits-1), 2^(CoeffBits-1)), every bias in the same range at
// BiasBits) and the commitment itself. The circuit is built from the plan
// with every weighted coefficient replaced by 2^(CoeffBits-1) and every
// bias by 2^(BiasBits-1) (see [Params.Shape]): its bounds, and so the
// soundness of every gadget, hold for any values within those widths.
//
// The public commitment is also asserted equal to the build's commitment,
// a constant of the circuit: the verifying key then accepts proofs of this
// build's weights only, even where two builds of one structure could share
// keys (PLONK on one SRS), so a contract needs no list of commitments to
// compare the public input with. The key holds the commitment, not the
// weights.

// WithParamVisibility makes the weights [Fixed] circuit constants (the
// default) or [Hashed] private witnesses bound by a public commitment.
// [Assign] must get the same option.
func WithParamVisibility(v Visibility) Option {
	return func(o *options) { o.params = v }
}

func (o *options) paramVisibility() Visibility {
	if o.params == "" {
		return Fixed
	}
	return o.params
}

// Weighted reports whether op's values are params when they are hashed:
// an affine op with a coefficient other than 1 or a bias. Data movement
// (reshapes, slices, concatenations: coefficients 1, no bias) is not.
func Weighted(op *plan.Op) bool {
	if op.Kind != plan.OpAffine {
		return false
	}
	if op.Bias != nil {
		return true
	}
	for _, t := range op.Terms {
		if t.Coeff != 1 {
			return true
		}
	}
	return false
}

// Params are the values a build with hashed params commits to, in the
// order the package documentation gives.
type Params struct {
	CoeffBits int // every coefficient lies in [-2^(CoeffBits-1), 2^(CoeffBits-1))
	BiasBits  int // every bias in [-2^(BiasBits-1), 2^(BiasBits-1)); 0 when there is none
	Coeffs    []int64
	Biases    []int64
}

// ParamsOf returns the params of p. A plan without a weighted op has none,
// and is refused: hashing nothing identifies nothing.
func ParamsOf(p *plan.Plan) (*Params, error) {
	ps := &Params{}
	var maxC, maxB uint64
	for k := range p.Ops {
		op := &p.Ops[k]
		if !Weighted(op) {
			continue
		}
		for _, t := range op.Terms {
			ps.Coeffs = append(ps.Coeffs, t.Coeff)
			maxC = max(maxC, magnitude(t.Coeff))
		}
		for _, b := range op.Bias {
			ps.Biases = append(ps.Biases, b)
			maxB = max(maxB, magnitude(b))
		}
	}
	if len(ps.Coeffs) == 0 && len(ps.Biases) == 0 {
		return nil, errors.New("circuits: hashed params: the model has no weights (no affine op with a coefficient other than 1 or a bias)")
	}
	ps.CoeffBits = signedBits(maxC)
	if len(ps.Biases) > 0 {
		ps.BiasBits = signedBits(maxB)
	}
	if ps.CoeffBits > 63 || ps.BiasBits > 63 {
		return nil, fmt.Errorf("circuits: hashed params: values of %d and %d bits; at most 63 can be committed", ps.CoeffBits, ps.BiasBits)
	}
	return ps, nil
}

func magnitude(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// signedBits is the width b ≥ 2 of the signed range [-2^(b-1), 2^(b-1))
// that holds every value of magnitude at most m (with one spare bit when m
// is a power of two).
func signedBits(m uint64) int {
	return max(2, bits.Len64(m)+1)
}

func paramPacking(b int) Packing { return Packing{Bits: b, PerWord: MaxPackedBits / b} }

// Commit returns the params commitment: the Poseidon2 hash that [Commit]
// uses, of DomainParams, CoeffBits, BiasBits, len(Coeffs), len(Biases),
// then the coefficients packed at CoeffBits and the biases packed at
// BiasBits (as [Packing] packs outputs, ⌊253/bits⌋ values a word).
func (ps *Params) Commit() (*big.Int, error) {
	cw, err := paramPacking(ps.CoeffBits).Pack(ps.Coeffs)
	if err != nil {
		return nil, fmt.Errorf("params commitment: coefficients: %w", err)
	}
	var bw []*big.Int
	if len(ps.Biases) > 0 {
		if bw, err = paramPacking(ps.BiasBits).Pack(ps.Biases); err != nil {
			return nil, fmt.Errorf("params commitment: biases: %w", err)
		}
	}
	header := []int64{int64(DomainParams), int64(ps.CoeffBits), int64(ps.BiasBits), int64(len(ps.Coeffs)), int64(len(ps.Biases))}
	return hashWords(header, append(cw, bw...)), nil
}

// Shape returns a copy of p in which every weighted coefficient is
// 2^(CoeffBits-1) and every bias 2^(BiasBits-1): what the circuit of a
// build with hashed params is built from, so that nothing in it depends on
// the values, only on the widths and the structure.
func (ps *Params) Shape(p *plan.Plan) *plan.Plan {
	q := *p
	q.Ops = make([]plan.Op, len(p.Ops))
	copy(q.Ops, p.Ops)
	c := int64(1) << (ps.CoeffBits - 1)
	var b int64
	if ps.BiasBits > 0 {
		b = int64(1) << (ps.BiasBits - 1)
	}
	for k := range q.Ops {
		op := &q.Ops[k]
		if !Weighted(&p.Ops[k]) {
			continue
		}
		op.Terms = append([]plan.Term(nil), op.Terms...)
		for i := range op.Terms {
			op.Terms[i].Coeff = c
		}
		if op.Bias != nil {
			op.Bias = make([]int64, len(op.Bias))
			for i := range op.Bias {
				op.Bias[i] = b
			}
		}
	}
	return &q
}

// paramVars are the in-circuit params: per op index, its coefficient and
// bias variables (nil for ops that are not weighted).
type paramVars struct {
	coeffs, biases [][]frontend.Variable
}

// bindParams range checks the params witnesses, constrains ParamsCommitment
// to be their commitment, and returns them per op. p is the plan's shape
// (Params.Shape), whose weighted ops have the same terms as the plan's.
func (c *Circuit) bindParams(g *gadgets, p *plan.Plan) (*paramVars, error) {
	ps := c.opts.paramsShape
	if len(c.Params) != len(ps.Coeffs)+len(ps.Biases) || len(c.ParamsCommitment) != 1 {
		return nil, errors.New("circuits: the circuit's params do not match its options; build it with circuits.New")
	}
	pv := &paramVars{coeffs: make([][]frontend.Variable, len(p.Ops)), biases: make([][]frontend.Variable, len(p.Ops))}
	coeffs, biases := c.Params[:len(ps.Coeffs)], c.Params[len(ps.Coeffs):]
	nc, nb := 0, 0
	for k := range p.Ops {
		op := &p.Ops[k]
		if !c.opts.weighted[k] {
			continue
		}
		pv.coeffs[k] = coeffs[nc : nc+len(op.Terms)]
		nc += len(op.Terms)
		if op.Bias != nil {
			pv.biases[k] = biases[nb : nb+len(op.Bias)]
			nb += len(op.Bias)
		}
	}
	if nc != len(coeffs) || nb != len(biases) {
		return nil, errors.New("circuits: the params do not match the plan's weighted ops")
	}
	check := func(vals []frontend.Variable, b int) error {
		half := new(big.Int).Lsh(big.NewInt(1), uint(b-1))
		for _, v := range vals {
			if err := g.checkRange(g.api.Add(v, half), b); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check(coeffs, ps.CoeffBits); err != nil {
		return nil, err
	}
	if err := check(biases, ps.BiasBits); err != nil {
		return nil, err
	}
	perm, err := newPoseidon2(g.api)
	if err != nil {
		return nil, err
	}
	h := mdHasher(g.api, perm)
	h.Write(int64(DomainParams), ps.CoeffBits, ps.BiasBits, len(ps.Coeffs), len(ps.Biases))
	h.Write(g.packWords(paramPacking(ps.CoeffBits), coeffs)...)
	if len(biases) > 0 {
		h.Write(g.packWords(paramPacking(ps.BiasBits), biases)...)
	}
	g.api.AssertIsEqual(c.ParamsCommitment[0], h.Sum())
	// The commitment is also a constant of the circuit, so that the keys
	// of a build verify proofs of its own weights only (see above).
	g.api.AssertIsEqual(c.ParamsCommitment[0], c.opts.paramsCommitment)
	return pv, nil
}

// weights are the coefficient and bias variables of one weighted op (hashed
// params); the zero value for other ops.
type weights struct {
	coeffs, biases []frontend.Variable
}

// sum returns row i's accumulator: bias + Σ coeff·x over the row's
// variables xs, whose first term is term number start of the op. Each
// product of two variables is one constraint.
func (w weights) sum(api frontend.API, xs []frontend.Variable, start, i int) frontend.Variable {
	terms := make([]frontend.Variable, 0, len(xs)+1)
	for j, x := range xs {
		terms = append(terms, api.Mul(w.coeffs[start+j], x))
	}
	if w.biases != nil {
		terms = append(terms, w.biases[i])
	}
	switch len(terms) {
	case 0:
		return 0
	case 1:
		return terms[0]
	}
	return api.Add(terms[0], terms[1], terms[2:]...)
}
