package circuits

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"
	"github.com/consensys/gnark/std/math/bits"
	"github.com/consensys/gnark/std/rangecheck"
	"github.com/zkml/zkml/plan"
)

// gadgets builds the constraints of the plan's integer ops. The soundness
// argument of each gadget is in SOUNDNESS.md; the comments here explain the
// choices that keep the constraint count low.
type gadgets struct {
	api frontend.API
	// plonk is set when the builder makes PLONK (sparse R1CS) constraints;
	// it lets one gate compute a whole degree-2 expression.
	plonk frontend.PlonkAPI
	rc    frontend.Rangechecker
	// actBits is the plan's ActivationBits (A): every activation the circuit
	// checks lies in [-2^(A-1), 2^(A-1)).
	actBits int
	// tables holds the lookup tables built so far by content (see
	// lookupOp), so that ops with the same table share it.
	tables map[[32]byte]logderivlookup.Table
	// bitDecomposition is WithBitDecompositionRangeChecks: the circuit
	// commits only when a lookup table needs it (see freivalds.go).
	bitDecomposition bool
	// products are the matrix products awaiting Freivalds' check
	// (finishProducts).
	products []productCheck
	// lift widens the range checks of remainders to whole limbs (see
	// checkInteger and liftsRemainders).
	lift bool
	// clamps, with WithDomainFlag, collects one term per lookup comparison
	// that may clamp at a non-saturating end: 1 when it clamped, else 0
	// (see domain.go). nil without the flag.
	clamps []frontend.Variable
}

// limbBits is the limb width of range checks when remainders are lifted:
// the width gnark's checker picks for circuits with tens of thousands of
// 32-bit checks (it minimizes 2^b + Σ limbs over b), and liftMinChecks the
// number of remainder checks from which Define lifts them.
const limbBits = 16

var liftMinChecks = 1 << 16

func newGadgets(api frontend.API, actBits int, o options) *gadgets {
	g := &gadgets{api: api, actBits: actBits, bitDecomposition: o.bitDecomposition, lift: o.lift}
	if o.domainFlag {
		g.clamps = []frontend.Variable{}
	}
	if p, ok := api.(frontend.PlonkAPI); ok {
		g.plonk = p
	}
	switch {
	case o.bitDecomposition:
		g.rc = bitChecker{api}
	case o.lift:
		g.rc = rangecheck.New(api, rangecheck.WithBaseLength(limbBits))
	default:
		g.rc = rangecheck.New(api)
	}
	if o.meter != nil {
		g.rc = meteredChecker{g.rc, o.meter}
	}
	return g
}

// bitChecker range checks by plain bit decomposition: n booleanity
// constraints and one recomposition per check, no commitment. It costs more
// constraints than the lookup argument but keeps the Groth16 verifier free
// of the BSB22 commitment, which is what an on-chain verifier pays for.
type bitChecker struct{ api frontend.API }

func (b bitChecker) Check(v frontend.Variable, n int) {
	if n == 0 {
		b.api.AssertIsEqual(v, 0)
		return
	}
	bits.ToBinary(b.api, v, bits.WithNbDigits(n))
}

// constant returns v's value as a signed integer when the builder knows it
// at compile time (a bias-only row, padding), so that ops on constants cost
// nothing. The test engine reports every value as unknown.
func (g *gadgets) constant(v frontend.Variable) (*big.Int, bool) {
	c, ok := g.api.Compiler().ConstantValue(v)
	if !ok {
		return nil, false
	}
	return signed(g.api.Compiler().Field(), c), true
}

// checkRange proves v ∈ [0, 2^n). A constant is checked now, and one out of
// range is an error: no witness could satisfy the circuit.
func (g *gadgets) checkRange(v frontend.Variable, n int) error {
	if c, ok := g.constant(v); ok {
		if c.Sign() < 0 || c.BitLen() > n {
			return fmt.Errorf("the constant %s lies outside [0, 2^%d)", c, n)
		}
		return nil
	}
	g.rc.Check(v, n)
	return nil
}

// checkInteger proves v ∈ [0, 2^n) for a v that stands for an integer of
// magnitude below 2^237 whatever the witness (a remainder: an accumulator
// bounded by Define, minus a range-checked quotient times a constant).
// With g.lift and n not a multiple of limbBits it checks t = v·2^(w−n) ∈
// [0, 2^w) instead, w being n rounded up to whole limbs: one limb and one
// constraint fewer than gnark's n-bit check, which adds a limb for the
// partial top limb (a 20-bit check costs 4 constraints, a 32-bit one 3).
// Sound: |v·2^(w−n)| < 2^252 < p/2, so t is that integer itself, not
// reduced modulo p, and t ∈ [0, 2^w) says exactly v ∈ [0, 2^n). The bound
// on v is what makes it sound: for an arbitrary field element, t small
// would also admit v = t/2^(w−n) mod p, so checks of unbounded values
// (inputs, sign gadgets) never lift.
func (g *gadgets) checkInteger(v frontend.Variable, n int) error {
	if !g.lift || n%limbBits == 0 || n > 2*limbBits {
		return g.checkRange(v, n)
	}
	w := (n + limbBits - 1) / limbBits * limbBits
	return g.checkRange(g.api.Mul(v, new(big.Int).Lsh(big.NewInt(1), uint(w-n))), w)
}

// checkActivation proves v ∈ [-2^(A-1), 2^(A-1)).
func (g *gadgets) checkActivation(v frontend.Variable) error {
	half := new(big.Int).Lsh(big.NewInt(1), uint(g.actBits-1))
	return g.checkRange(g.api.Add(v, half), g.actBits)
}

// sum returns bias + Σ coeffs[i]·vars[i]. It is built with a single Add so
// that gnark merges the terms once: R1CS keeps it as a linear expression (no
// constraint; gnark compresses expressions of 300 or more terms into one
// new variable with one constraint), PLONK pays one gate per term.
// Zero coefficients are skipped and unit ones cost no multiplication.
func (g *gadgets) sum(vars []frontend.Variable, coeffs []int64, bias int64) frontend.Variable {
	terms := make([]frontend.Variable, 0, len(vars)+1)
	for i, v := range vars {
		switch coeffs[i] {
		case 0:
		case 1:
			terms = append(terms, v)
		default:
			terms = append(terms, g.api.Mul(v, coeffs[i]))
		}
	}
	if bias != 0 {
		terms = append(terms, bias)
	}
	switch len(terms) {
	case 0:
		return 0
	case 1:
		return terms[0]
	}
	return g.api.Add(terms[0], terms[1], terms[2:]...)
}

// rescale returns q = Rescale(acc, shift), proven: acc + 2^(shift-1) =
// q·2^shift + r with r ∈ [0, 2^shift), and, when checkQ, q ∈ [-2^(A-1),
// 2^(A-1)). Callers pass checkQ = false only when another gadget (a relu
// reading q) proves that range. shift ≥ 1.
func (g *gadgets) rescale(acc frontend.Variable, shift int, checkQ bool) (frontend.Variable, error) {
	if c, ok := g.constant(acc); ok {
		if !c.IsInt64() || c.CmpAbs(accLimit) >= 0 {
			return nil, fmt.Errorf("the constant accumulator %s is too large to rescale", c)
		}
		q, _ := plan.Rescale(c.Int64(), shift)
		v := big.NewInt(q)
		if err := g.checkActivation(v); err != nil {
			return nil, err
		}
		return v, nil
	}
	out, err := g.api.Compiler().NewHint(rescaleHint, 1, shift, acc)
	if err != nil {
		return nil, err
	}
	return out[0], g.rescaleTo(acc, out[0], shift, checkQ)
}

// rescaleTo constrains q to be Rescale(acc, shift), whatever produced q:
// the rescale hint, or a public output the witness sets (which saves the
// equality constraint binding a hint's result to it).
func (g *gadgets) rescaleTo(acc, q frontend.Variable, shift int, checkQ bool) error {
	// r is an expression, not a hint output: in R1CS it is a linear
	// expression that the range check consumes, so the rescale equation
	// itself costs no constraint.
	half := new(big.Int).Lsh(big.NewInt(1), uint(shift-1))
	negUnit := new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), uint(shift)))
	r := g.api.Add(acc, g.api.Mul(q, negUnit), half)
	if !testDropRemainderCheck {
		if err := g.checkInteger(r, shift); err != nil {
			return err
		}
	}
	if checkQ {
		return g.checkActivation(q)
	}
	return nil
}

// testDropRemainderCheck leaves out rescaleTo's range check of the
// remainder. Only TestAdversarialDroppedCheck sets it, to show that the
// adversarial-hint tests notice a missing check on an intermediate value.
var testDropRemainderCheck bool

// sign returns s = [x ≥ 0] and s·x, and proves x ∈ [-2^k, 2^k).
func (g *gadgets) sign(x frontend.Variable, k int) (s, sx frontend.Variable, err error) {
	out, err := g.api.Compiler().NewHint(signHint, 1, x)
	if err != nil {
		return nil, nil, err
	}
	sx, err = g.signWith(x, out[0], k)
	return out[0], sx, err
}

// signWith constrains s to be the sign bit of x, whatever produced s, and
// returns s·x. With s boolean, t = s ? x : -x-1 = 2·s·x - x - 1 + s is one
// product away; t ∈ [0, 2^k) holds exactly when x ∈ [-2^k, 2^k) and s is
// x's sign bit.
func (g *gadgets) signWith(x, s frontend.Variable, k int) (frontend.Variable, error) {
	g.api.AssertIsBoolean(s)
	sx := g.api.Mul(s, x)
	var t frontend.Variable
	if g.plonk != nil {
		// One gate: qL·s + qR·x + qM·s·x + qC.
		t = g.plonk.EvaluatePlonkExpression(s, x, 1, -1, 2, -1)
	} else {
		t = g.api.Add(g.api.Mul(sx, 2), s, g.api.Neg(x), -1)
	}
	return sx, g.checkRange(t, k)
}

// relu returns max(x, 0) and proves x ∈ [-2^(A-1), 2^(A-1)).
func (g *gadgets) relu(x frontend.Variable) (frontend.Variable, error) {
	if c, ok := g.constant(x); ok {
		if err := g.checkActivation(c); err != nil {
			return nil, err
		}
		if c.Sign() < 0 {
			return 0, nil
		}
		return c, nil
	}
	_, sx, err := g.sign(x, g.actBits-1)
	return sx, err
}

// rowMax returns the largest of xs, integers of magnitude below 2^236
// (activations, exact sums), as OpMax defines it. Rows shorter than
// plan.MaxRowHint, or of constants only, fold max2. Longer ones take m
// from a hint and prove m − x ∈ [0, 2^A) for every x and Π(m − x) = 0:
// some factor is zero (the field has no zero divisors), so m is one of the
// xs and at least every other one: about 4 constraints per element (a
// range check and a product) against 5 per max2. Of the constants only the
// largest (a candidate) and the smallest (the farthest below) count.
func (g *gadgets) rowMax(xs []frontend.Variable) (frontend.Variable, error) {
	var vars []frontend.Variable
	var top, bottom *big.Int
	for _, x := range xs {
		if c, ok := g.constant(x); ok {
			if top == nil || c.Cmp(top) > 0 {
				top = c
			}
			if bottom == nil || c.Cmp(bottom) < 0 {
				bottom = c
			}
			continue
		}
		vars = append(vars, x)
	}
	if len(xs) < plan.MaxRowHint || len(vars) == 0 {
		m := xs[0]
		for _, x := range xs[1:] {
			var err error
			if m, err = g.max2(m, x); err != nil {
				return nil, err
			}
		}
		return m, nil
	}
	if top != nil {
		vars = append(vars, top)
	}
	out, err := g.api.Compiler().NewHint(maxHint, 1, vars...)
	if err != nil {
		return nil, err
	}
	m := out[0]
	var prod frontend.Variable
	for _, x := range vars {
		d := g.api.Sub(m, x)
		if err := g.checkRange(d, g.actBits); err != nil {
			return nil, err
		}
		if prod == nil {
			prod = d
		} else {
			prod = g.api.Mul(prod, d)
		}
	}
	g.api.AssertIsEqual(prod, 0)
	if bottom != nil && bottom.Cmp(top) != 0 {
		// The constants in between lie within the same distance.
		if err := g.checkRange(g.api.Sub(m, bottom), g.actBits); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// max2 returns max(a, b). The sign gadget on d = a - b proves d ∈ [-2^A,
// 2^A), which every pair of activations satisfies.
func (g *gadgets) max2(a, b frontend.Variable) (frontend.Variable, error) {
	d := g.api.Sub(a, b)
	if c, ok := g.constant(d); ok {
		// Both constant, or the same variable twice.
		limit := new(big.Int).Lsh(big.NewInt(1), uint(g.actBits))
		if c.CmpAbs(limit) >= 0 {
			return nil, fmt.Errorf("the constants differ by %s, beyond 2^%d", c, g.actBits)
		}
		if c.Sign() >= 0 {
			return a, nil
		}
		return b, nil
	}
	_, sd, err := g.sign(d, g.actBits)
	if err != nil {
		return nil, err
	}
	return g.api.Add(b, sd), nil
}
