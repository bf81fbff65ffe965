package circuits

import (
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
	"github.com/zkml/zkml/plan"
)

// Gadget tests: each circuit wraps one gadget, and each test gives it valid
// witnesses and the wrong ones a cheating prover would try. CheckCircuit runs
// the test engine and the R1CS and PLONK solvers (-tags prover_checks also
// proves and verifies). The tests whose wrapper binds the gadget's result
// to an expected witness keep the honest hints; adversary_test.go replaces
// the hints themselves, and proves every gadget with both backends.

func checkGadget(t *testing.T, circuit frontend.Circuit, valid, invalid []frontend.Circuit) {
	t.Helper()
	opts := []test.TestingOption{test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK)}
	for _, v := range valid {
		opts = append(opts, test.WithValidAssignment(v))
	}
	for _, v := range invalid {
		opts = append(opts, test.WithInvalidAssignment(v))
	}
	test.NewAssert(t).CheckCircuit(circuit, opts...)
}

// fe is v as the field element a witness holds.
func fe(v int64) *big.Int { return fieldElement(field, v) }

// feBig is v (any size) as a field element.
func feBig(v *big.Int) *big.Int { return new(big.Int).Mod(v, field) }

func pow2(n int) *big.Int { return new(big.Int).Lsh(big.NewInt(1), uint(n)) }

// rescaleWitnessCircuit takes q as a witness, as a malicious hint would
// supply it, and applies the rescale constraints to it.
type rescaleWitnessCircuit struct {
	Acc, Q frontend.Variable
	shift  int
	bits   int
	bitDec bool
}

func (c *rescaleWitnessCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{bitDecomposition: c.bitDec})
	return g.rescaleTo(c.Acc, c.Q, c.shift, true)
}

// rescaleHintCircuit computes q with the rescale hint and binds it to Out.
type rescaleHintCircuit struct {
	Acc, Out frontend.Variable
	shift    int
	bits     int
}

func (c *rescaleHintCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{})
	q, err := g.rescale(c.Acc, c.shift, true)
	if err != nil {
		return err
	}
	api.AssertIsEqual(q, c.Out)
	return nil
}

func TestRescale(t *testing.T) {
	for _, tc := range []struct {
		shift, bits int
		accs        []int64
	}{
		{1, 8, []int64{0, 1, -1, 2, -2, 3, -3, 253, -256, 254, -257}},
		{8, 16, []int64{0, 127, 128, -128, -129, 1000, -1000, 32767<<8 + 127, -32768 << 8, -32768<<8 - 128}},
		{40, 32, []int64{0, 1 << 39, -(1 << 39), (1 << 39) - 1, -(1 << 39) - 1, 123456789012345, -123456789012345, 1<<61 + 12345, -(1 << 61)}},
		{62, 8, []int64{0, 1<<62 - 1, -(1 << 62) + 1, 1 << 61, -(1 << 61), 1<<61 - 1, -(1 << 61) - 1}},
	} {
		t.Run(fmt.Sprintf("shift=%d,A=%d", tc.shift, tc.bits), func(t *testing.T) {
			var valid, invalid, validHint, invalidHint []frontend.Circuit
			for _, acc := range tc.accs {
				q, r := plan.Rescale(acc, tc.shift)
				valid = append(valid, &rescaleWitnessCircuit{Acc: fe(acc), Q: fe(q)})
				validHint = append(validHint, &rescaleHintCircuit{Acc: fe(acc), Out: fe(q)})
				for _, d := range []int64{-1, 1} {
					invalid = append(invalid, &rescaleWitnessCircuit{Acc: fe(acc), Q: fe(q + d)})
					invalidHint = append(invalidHint, &rescaleHintCircuit{Acc: fe(acc), Out: fe(q + d)})
				}
				// A malicious hint: q+1 with remainder r - 2^shift keeps
				// acc + 2^(shift-1) = q·2^shift + r in the field; only the
				// range check of r rejects it.
				_ = r
				invalid = append(invalid, &rescaleWitnessCircuit{Acc: fe(acc), Q: fe(q + 1)})
				// q + 2^s·k style field tricks: q shifted by p/2^s.
				inv := new(big.Int).ModInverse(pow2(tc.shift), field)
				trick := new(big.Int).Add(fe(q), inv)
				invalid = append(invalid, &rescaleWitnessCircuit{Acc: fe(acc), Q: feBig(trick)})
			}
			checkGadget(t, &rescaleWitnessCircuit{shift: tc.shift, bits: tc.bits}, valid, invalid)
			checkGadget(t, &rescaleHintCircuit{shift: tc.shift, bits: tc.bits}, validHint, invalidHint)
		})
	}
}

// TestRescaleRange: q must lie in [-2^(A-1), 2^(A-1)); the edges are
// accepted and one past them rejected, with both range checkers.
func TestRescaleRange(t *testing.T) {
	const shift, bits = 4, 8
	lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
	// acc whose rounded quotient is exactly q (remainder 2^(shift-1)... any r works).
	accFor := func(q int64) int64 { return q << shift }
	for _, bitDec := range []bool{false, true} {
		t.Run(fmt.Sprintf("bitDecomposition=%v", bitDec), func(t *testing.T) {
			var valid, invalid []frontend.Circuit
			for _, q := range []int64{lo, lo + 1, -1, 0, hi - 1} {
				valid = append(valid, &rescaleWitnessCircuit{Acc: fe(accFor(q)), Q: fe(q)})
			}
			for _, q := range []int64{lo - 1, hi, hi + 1} {
				invalid = append(invalid, &rescaleWitnessCircuit{Acc: fe(accFor(q)), Q: fe(q)})
			}
			checkGadget(t, &rescaleWitnessCircuit{shift: shift, bits: bits, bitDec: bitDec}, valid, invalid)
		})
	}
}

// signWitnessCircuit takes the sign bit as a witness.
type signWitnessCircuit struct {
	X, S, SX frontend.Variable
	k        int
}

func (c *signWitnessCircuit) Define(api frontend.API) error {
	g := newGadgets(api, 8, options{})
	sx, err := g.signWith(c.X, c.S, c.k)
	api.AssertIsEqual(sx, c.SX)
	return err
}

func TestSign(t *testing.T) {
	const k = 7
	var valid, invalid []frontend.Circuit
	for _, x := range []int64{-128, -127, -1, 0, 1, 126, 127} {
		s := int64(0)
		if x >= 0 {
			s = 1
		}
		valid = append(valid, &signWitnessCircuit{X: fe(x), S: fe(s), SX: fe(s * x)})
		// the wrong sign bit, whatever product is claimed
		invalid = append(invalid,
			&signWitnessCircuit{X: fe(x), S: fe(1 - s), SX: fe((1 - s) * x)},
			&signWitnessCircuit{X: fe(x), S: fe(2), SX: fe(2 * x)},
			&signWitnessCircuit{X: fe(x), S: fe(-1), SX: fe(-x)})
	}
	// Out of range: no sign bit works.
	for _, x := range []int64{-129, 128, 1 << 40, -(1 << 40)} {
		for _, s := range []int64{0, 1} {
			invalid = append(invalid, &signWitnessCircuit{X: fe(x), S: fe(s), SX: fe(s * x)})
		}
	}
	// A non-boolean s that makes t small: s = (t+1+x)/(2x+1) for t = 0, x = 5.
	x := big.NewInt(5)
	s := new(big.Int).ModInverse(big.NewInt(11), field)
	s.Mul(s, big.NewInt(6)).Mod(s, field)
	sx := new(big.Int).Mul(s, x)
	invalid = append(invalid, &signWitnessCircuit{X: x, S: s, SX: sx.Mod(sx, field)})
	checkGadget(t, &signWitnessCircuit{k: k}, valid, invalid)
}

type reluCircuit struct {
	X, Y   frontend.Variable
	bits   int
	bitDec bool
}

func (c *reluCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{bitDecomposition: c.bitDec})
	y, err := g.relu(c.X)
	if err != nil {
		return err
	}
	api.AssertIsEqual(y, c.Y)
	return nil
}

func TestRelu(t *testing.T) {
	for _, bits := range []int{8, 32, 40} {
		for _, bitDec := range []bool{false, true} {
			t.Run(fmt.Sprintf("A=%d,bitDecomposition=%v", bits, bitDec), func(t *testing.T) {
				lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
				var valid, invalid []frontend.Circuit
				for _, x := range []int64{lo, lo + 1, -5, -1, 0, 1, 5, hi - 1} {
					y := max(x, 0)
					valid = append(valid, &reluCircuit{X: fe(x), Y: fe(y)})
					invalid = append(invalid,
						&reluCircuit{X: fe(x), Y: fe(y + 1)},
						&reluCircuit{X: fe(x), Y: fe(y - 1)})
					if x != 0 {
						// the other branch: x for a negative x, 0 for a positive one
						invalid = append(invalid, &reluCircuit{X: fe(x), Y: fe(x - y)})
					}
				}
				// Out of range inputs are rejected whatever the output.
				for _, x := range []int64{lo - 1, hi, hi + 1, 1 << 50} {
					invalid = append(invalid,
						&reluCircuit{X: fe(x), Y: fe(max(x, 0))},
						&reluCircuit{X: fe(x), Y: fe(0)})
				}
				checkGadget(t, &reluCircuit{bits: bits, bitDec: bitDec}, valid, invalid)
			})
		}
	}
}

type max2Circuit struct {
	A, B, M frontend.Variable
	bits    int
}

func (c *max2Circuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{})
	m, err := g.max2(c.A, c.B)
	if err != nil {
		return err
	}
	api.AssertIsEqual(m, c.M)
	return nil
}

func TestMax2(t *testing.T) {
	const bits = 8
	lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
	pairs := [][2]int64{{0, 0}, {1, 0}, {0, 1}, {-1, -2}, {-2, -1}, {lo, hi - 1}, {hi - 1, lo}, {lo, lo}, {hi - 1, hi - 1}, {5, 5}}
	var valid, invalid []frontend.Circuit
	for _, p := range pairs {
		m := max(p[0], p[1])
		valid = append(valid, &max2Circuit{A: fe(p[0]), B: fe(p[1]), M: fe(m)})
		invalid = append(invalid,
			&max2Circuit{A: fe(p[0]), B: fe(p[1]), M: fe(m + 1)},
			&max2Circuit{A: fe(p[0]), B: fe(p[1]), M: fe(m - 1)})
		if p[0] != p[1] {
			invalid = append(invalid, &max2Circuit{A: fe(p[0]), B: fe(p[1]), M: fe(min(p[0], p[1]))})
		}
	}
	// A difference of 2^A or more is outside what two activations can have.
	invalid = append(invalid, &max2Circuit{A: fe(hi), B: fe(-hi), M: fe(hi)})
	checkGadget(t, &max2Circuit{bits: bits}, valid, invalid)
}

// TestHintsNeverPanic feeds the hints every kind of bad input.
func TestHintsNeverPanic(t *testing.T) {
	big1 := func(v int64) *big.Int { return big.NewInt(v) }
	pMinus1 := new(big.Int).Sub(field, big1(1))
	half := new(big.Int).Rsh(field, 1)
	cases := []struct {
		name    string
		in      []*big.Int
		nOut    int
		wantErr bool
	}{
		{"sign/no input", nil, 1, true},
		{"sign/two outputs", []*big.Int{big1(1)}, 2, true},
		{"sign/p-1", []*big.Int{pMinus1}, 1, false},
		{"sign/half", []*big.Int{half}, 1, false},
		{"rescale/no input", nil, 1, true},
		{"rescale/shift 0", []*big.Int{big1(0), big1(5)}, 1, true},
		{"rescale/shift 63", []*big.Int{big1(63), big1(5)}, 1, true},
		{"rescale/huge shift", []*big.Int{pMinus1, big1(5)}, 1, true},
		{"rescale/acc 2^62", []*big.Int{big1(3), pow2(62)}, 1, true},
		{"rescale/acc -2^62", []*big.Int{big1(3), feBig(new(big.Int).Neg(pow2(62)))}, 1, true},
		{"rescale/acc half", []*big.Int{big1(3), half}, 1, true},
		{"rescale/acc p-1", []*big.Int{big1(3), pMinus1}, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := make([]*big.Int, tc.nOut)
			for i := range out {
				out[i] = new(big.Int)
			}
			hint := signHint
			if tc.name[:4] == "resc" {
				hint = rescaleHint
			}
			err := hint(field, tc.in, out)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tc.wantErr)
			}
		})
	}
	// The sign hint reads p-1 as -1 and the rescale hint rounds it to 0 (-1 + 4 = 3 < 8).
	out := []*big.Int{new(big.Int)}
	if err := signHint(field, []*big.Int{pMinus1}, out); err != nil || out[0].Sign() != 0 {
		t.Errorf("sign(p-1) = %v, %v; want 0", out[0], err)
	}
	if err := rescaleHint(field, []*big.Int{big1(3), pMinus1}, out); err != nil || out[0].Sign() != 0 {
		t.Errorf("rescale(p-1, 3) = %v, %v; want 0", out[0], err)
	}
	if err := rescaleHint(field, []*big.Int{big1(1), feBig(big1(-3))}, out); err != nil || out[0].Cmp(pMinus1) != 0 {
		t.Errorf("rescale(-3, 1) = %v, %v; want p-1 (-1)", out[0], err)
	}
}

// rowMaxCircuit proves M = the maximum of X (rowMax), with the constants
// consts appended to the row.
type rowMaxCircuit struct {
	X      []frontend.Variable
	M      frontend.Variable
	consts []int64
	bits   int
}

func (c *rowMaxCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{})
	xs := append([]frontend.Variable(nil), c.X...)
	for _, k := range c.consts {
		xs = append(xs, k)
	}
	m, err := g.rowMax(xs)
	if err != nil {
		return err
	}
	api.AssertIsEqual(m, c.M)
	return nil
}

// TestRowMax: a row of plan.MaxRowHint terms or more gets its maximum from a
// hint; the gadget accepts the maximum (repeated, at either end, among
// constants) and rejects any other value, an element of the row that is not
// the largest included, and a row whose terms lie 2^A or more below the
// maximum, as plan.Run does.
func TestRowMax(t *testing.T) {
	const bits = 8
	lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
	rows := [][]int64{{1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1}, {0, 0, 0, 0, 0, 0}, {lo, hi - 1, 0, -1, 5, 5}, {-3, -7, -3, -100, -50, -4, -9}, {lo, lo, lo, lo, lo, lo}}
	for _, consts := range [][]int64{nil, {-20, 3}, {9, -20, 3}} {
		var valid, invalid []frontend.Circuit
		for _, r := range rows {
			m := slices.Max(append(slices.Clone(r), consts...))
			if m-slices.Min(append(slices.Clone(r), consts...)) >= 1<<bits {
				continue
			}
			valid = append(valid, &rowMaxCircuit{X: feAll(r), M: fe(m)})
			invalid = append(invalid, &rowMaxCircuit{X: feAll(r), M: fe(m + 1)}, &rowMaxCircuit{X: feAll(r), M: fe(m - 1)})
			for _, v := range r {
				if v != m {
					invalid = append(invalid, &rowMaxCircuit{X: feAll(r), M: fe(v)})
				}
			}
		}
		// Terms 2^A below the maximum: rejected, like plan.Run.
		far := []int64{hi - 1, 0, 0, 0, 0, hi - 1 - 1<<bits}
		invalid = append(invalid, &rowMaxCircuit{X: feAll(far), M: fe(hi - 1)}, &rowMaxCircuit{X: feAll(far), M: fe(hi - 1 - 1<<bits)})
		checkGadget(t, &rowMaxCircuit{X: make([]frontend.Variable, 6), consts: consts, bits: bits}, filterLen(valid, 6), filterLen(invalid, 6))
		checkGadget(t, &rowMaxCircuit{X: make([]frontend.Variable, 7), consts: consts, bits: bits}, filterLen(valid, 7), filterLen(invalid, 7))
	}
}

// filterLen keeps the rowMaxCircuits whose rows have n terms.
func filterLen(cs []frontend.Circuit, n int) []frontend.Circuit {
	var out []frontend.Circuit
	for _, c := range cs {
		if len(c.(*rowMaxCircuit).X) == n {
			out = append(out, c)
		}
	}
	return out
}
