package circuits

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark/frontend"
	"github.com/zkml/zkml/plan"
)

// lookup appends an OpLookup of tensor in (rescaled by shift) into table,
// whose first entry is for input tableMin.
func (b *planBuilder) lookup(name string, in, shift int, tableMin int64, table []int64) int {
	op := plan.Op{Kind: plan.OpLookup, Node: name, In: []int{in}, Shift: shift, TableMin: tableMin, Table: table}
	var m uint64
	for _, v := range table {
		m = max(m, abs64(v))
	}
	op.Out = b.tensor(name, b.p.Tensors[in].Size(), ceilLog2(m))
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

// mul appends the elementwise product of tensors x and y (same size),
// rescaled by shift.
func (b *planBuilder) mul(name string, x, y, shift int) int {
	op := plan.Op{Kind: plan.OpMul, Node: name, In: []int{x, y}, Shift: shift}
	n := b.p.Tensors[x].Size()
	for i := range n {
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		op.Terms = append(op.Terms, term(0, i, 1), term(1, i, 1))
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	acc := b.p.Tensors[x].Bound + b.p.Tensors[y].Bound
	bound := acc
	if shift > 0 {
		bound = min(b.p.Config.ActivationBits-1, max(acc-shift, 0))
	}
	op.Out = b.tensor(name, n, bound)
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

// div appends the elementwise quotient x·2^shift / y (y ≥ 1).
func (b *planBuilder) div(name string, x, y, shift int) int {
	op := plan.Op{Kind: plan.OpDiv, Node: name, In: []int{x, y}, Shift: shift}
	n := b.p.Tensors[x].Size()
	for i := range n {
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		op.Terms = append(op.Terms, term(0, i, 1), term(1, i, 1))
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	op.Out = b.tensor(name, n, min(b.p.Config.ActivationBits-1, b.p.Tensors[x].Bound+shift+1))
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

// dot appends out[i] = Σ_j x[i·k+j]·y[j] rescaled by shift: a matrix
// times a vector of k elements, as MatMul of two computed tensors lowers.
func (b *planBuilder) dot(name string, x, y, k, shift int) int {
	op := plan.Op{Kind: plan.OpMul, Node: name, In: []int{x, y}, Shift: shift}
	rows := b.p.Tensors[x].Size() / k
	for i := range rows {
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		for j := range k {
			op.Terms = append(op.Terms, term(0, i*k+j, 1), term(1, j, 1))
		}
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	acc := b.p.Tensors[x].Bound + b.p.Tensors[y].Bound + ceilLog2(uint64(k))
	op.Out = b.tensor(name, rows, min(b.p.Config.ActivationBits-1, max(acc-shift, 0)))
	b.p.Ops = append(b.p.Ops, op)
	return op.Out
}

// sigmoidTable tabulates a sigmoid at scale 8 over [lo, lo+n).
func sigmoidTable(lo int64, n int) []int64 {
	t := make([]int64, n)
	for i := range t {
		x := float64(lo+int64(i)) / 256
		t[i] = int64(math.Round(256 / (1 + math.Exp(-x))))
	}
	return t
}

// nonlinearPlan: x → rescale → lookup (a sigmoid) → product with y (a
// second input) → output; the lookup itself; y divided by the lookup
// (positive); and the 3×2 matrix of lookups times the first two elements
// of y.
func nonlinearPlan(actBits int) *plan.Plan {
	b := newPlanBuilder(actBits)
	x := b.input("x", 6)
	y := b.input("y", 6)
	rows := identityRows(6)
	for i := range rows {
		rows[i][0].Coeff = 5
	}
	h := b.affine("scale", []int{x}, rows, nil, 2)
	s := b.lookup("sigmoid", h, 1, -300, sigmoidTable(-300, 601))
	b.output(b.mul("gate", s, y, 6))
	b.output(s)
	b.output(b.div("ratio", y, s, 4))
	b.output(b.dot("dot", s, y, 2, 8))
	return b.plan()
}

// lookupCircuit applies one lookup op to X and binds the result to Y.
type lookupCircuit struct {
	X, Y        frontend.Variable
	op          *plan.Op
	bits        int
	nonPositive bool // the caller proved X ≤ 0
}

func (c *lookupCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{})
	out, err := g.lookupOp(c.op, []frontend.Variable{c.X}, c.nonPositive)
	if err != nil {
		return err
	}
	api.AssertIsEqual(out[0], c.Y)
	return nil
}

// lookupRef is OpLookup's semantics, written out independently of
// quantize's executor.
func lookupRef(op *plan.Op, x int64) int64 {
	q, _ := plan.Rescale(x, op.Shift)
	i := min(max(q-op.TableMin, 0), int64(len(op.Table))-1)
	return op.Table[i]
}

// TestLookup: the gadget returns the table entry of the rounded, clamped
// input, for inputs inside the domain, at its ends and far beyond them;
// a neighbouring entry, the unclamped entry or an input beyond what the
// comparisons allow is rejected.
func TestLookup(t *testing.T) {
	const bits = 16
	for _, shift := range []int{0, 2} {
		t.Run(fmt.Sprintf("shift=%d", shift), func(t *testing.T) {
			op := &plan.Op{Kind: plan.OpLookup, Shift: shift, TableMin: -5, Table: []int64{-70, -50, -30, -10, 0, 11, 33, 55, 77, 99, 111}}
			lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
			var valid, invalid []frontend.Circuit
			xs := []int64{lo, lo + 1, -1000, -21, -20, -19, -6, -5, -4, -1, 0, 1, 4, 5, 6, 19, 20, 21, 22, 1000, hi - 1}
			for _, x := range xs {
				y := lookupRef(op, x)
				valid = append(valid, &lookupCircuit{X: fe(x), Y: fe(y)})
				invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(y + 1)}, &lookupCircuit{X: fe(x), Y: fe(y - 1)})
				// Neighbouring entries: a prover shifting the index.
				q, _ := plan.Rescale(x, shift)
				i := min(max(q-op.TableMin, 0), int64(len(op.Table))-1)
				for _, j := range []int64{i - 1, i + 1} {
					if j >= 0 && j < int64(len(op.Table)) {
						invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(op.Table[j])})
					}
				}
			}
			// Far beyond the range the comparisons cover: rejected whatever
			// the output, so that a huge field element cannot wrap into
			// the domain.
			for _, x := range []int64{1 << 40, -(1 << 40)} {
				for _, y := range []int64{op.Table[0], op.Table[len(op.Table)-1], op.Table[5]} {
					invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(y)})
				}
			}
			checkGadget(t, &lookupCircuit{op: op, bits: bits}, valid, invalid)
		})
	}
}

// TestNonlinearPlan: the integer executor's lookups and products satisfy
// the circuit for random inputs (clamped ones included), and changing any
// output by one does not.
func TestNonlinearPlan(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	p := nonlinearPlan(16)
	for _, mag := range []int64{100, 1 << 12} {
		w := run(t, p, randomInputs(p, rng, mag))
		if err := solve(p, w); err != nil {
			t.Fatalf("valid witness rejected: %v", err)
		}
		for k, bad := range tampered(w) {
			if solve(p, bad) == nil {
				t.Fatalf("tampered witness %d accepted", k)
			}
		}
	}
}

// TestMulGadget: a product, exact or rescaled (the rescale then writes the
// public output directly), accepts the executor's result and rejects any
// output off by one.
func TestMulGadget(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, shift := range []int{0, 3} {
		b := newPlanBuilder(16)
		x, y := b.input("x", 5), b.input("y", 5)
		b.output(b.mul("xy", x, y, shift))
		p := b.plan()
		if shift == 0 {
			// An exact product exceeds the activation range: the output
			// needs a rescaled copy, as the planner makes.
			b.p.Outputs = nil
			rows := identityRows(5)
			b.output(b.affine("out", []int{len(b.p.Tensors) - 1}, rows, nil, 1))
			p = b.plan()
		}
		// Run keeps every value, exact products too, in the 16-bit range.
		mag := int64(1 << 7)
		w := run(t, p, randomInputs(p, rng, mag))
		if err := solve(p, w); err != nil {
			t.Fatalf("shift %d: valid witness rejected: %v", shift, err)
		}
		for k, bad := range tampered(w) {
			if solve(p, bad) == nil {
				t.Fatalf("shift %d: tampered witness %d accepted", shift, k)
			}
		}
	}
}

// sharedTablePlan: two lookups with one table, on two inputs.
func sharedTablePlan() *plan.Plan {
	b := newPlanBuilder(32)
	table := sigmoidTable(-512, 1025)
	b.output(b.lookup("s1", b.input("x", 10), 4, -512, table))
	b.output(b.lookup("s2", b.input("y", 10), 2, -512, append([]int64(nil), table...)))
	return b.plan()
}

// TestSharedTable: lookups into equal tables pay for the entries once, and
// still each return their own input's entry.
func TestSharedTable(t *testing.T) {
	p := sharedTablePlan()
	one := newPlanBuilder(32)
	one.output(one.lookup("s1", one.input("x", 10), 4, -512, sigmoidTable(-512, 1025)))
	single, shared := compileCounts(t, one.plan()), compileCounts(t, p)
	if shared.r1cs >= 2*single.r1cs-1000 {
		t.Errorf("two lookups into one table: %d R1CS constraints, one lookup %d: the table is not shared", shared.r1cs, single.r1cs)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	w := run(t, p, randomInputs(p, rng, 1<<14))
	if err := solve(p, w); err != nil {
		t.Fatalf("valid witness rejected: %v", err)
	}
	for k, bad := range tampered(w) {
		if solve(p, bad) == nil {
			t.Fatalf("tampered witness %d accepted", k)
		}
	}
}

func TestGoldenNonlinear(t *testing.T) {
	lookupPlan := func(n, entries int) *plan.Plan {
		b := newPlanBuilder(32)
		b.output(b.lookup("sigmoid", b.input("x", n), 4, -int64(entries/2), sigmoidTable(-int64(entries/2), entries)))
		return b.plan()
	}
	mulPlan := func(n int) *plan.Plan {
		b := newPlanBuilder(32)
		x, y := b.input("x", n), b.input("y", n)
		b.output(b.mul("xy", x, y, 16))
		return b.plan()
	}
	for _, tc := range []struct {
		name string
		plan *plan.Plan
	}{
		{"lookup/entries=1025/n=1", lookupPlan(1, 1025)},
		{"lookup/entries=1025/n=100", lookupPlan(100, 1025)},
		{"lookup/entries=16385/n=100", lookupPlan(100, 16385)},
		{"mul/shift=16/n=100", mulPlan(100)},
		{"nonlinear", nonlinearPlan(16)},
		{"lookup/shared", sharedTablePlan()},
	} {
		record("gadget/"+tc.name, compileCounts(t, tc.plan))
		record("gadget/"+tc.name+"/bitdec", compileCounts(t, tc.plan, WithBitDecompositionRangeChecks()))
	}
}

// divCircuit takes the quotient as a witness, as a malicious hint would
// supply it, and applies the division constraints to it.
type divCircuit struct {
	A, B, Q frontend.Variable
	shift   int
}

func (c *divCircuit) Define(api frontend.API) error {
	g := newGadgets(api, 16, options{})
	if err := g.checkDivisor(c.B, 10); err != nil {
		return err
	}
	return g.divTo(c.A, c.B, c.Q, c.shift, 10)
}

// TestDiv: the quotient rounded half up is accepted, its neighbours are
// not, and neither is any quotient for a divisor that is not positive.
func TestDiv(t *testing.T) {
	const shift = 3
	var valid, invalid []frontend.Circuit
	for _, ab := range [][2]int64{{0, 1}, {5, 1}, {-5, 1}, {7, 3}, {-7, 3}, {100, 1024}, {-100, 1024}, {1000, 7}, {1, 16}, {-1, 16}, {3, 48}} {
		a, b := ab[0], ab[1]
		num := 2*a<<shift + b
		q := num / (2 * b)
		if num%(2*b) < 0 {
			q--
		}
		valid = append(valid, &divCircuit{A: fe(a), B: fe(b), Q: fe(q)})
		invalid = append(invalid, &divCircuit{A: fe(a), B: fe(b), Q: fe(q + 1)}, &divCircuit{A: fe(a), B: fe(b), Q: fe(q - 1)})
	}
	for _, b := range []int64{0, -1, -3, 1025} {
		for _, q := range []int64{0, 1, -1, -8, 8} {
			invalid = append(invalid, &divCircuit{A: fe(1), B: fe(b), Q: fe(q)})
		}
	}
	checkGadget(t, &divCircuit{shift: shift}, valid, invalid)
}

func TestDivHint(t *testing.T) {
	out := []*big.Int{new(big.Int)}
	for _, in := range [][]*big.Int{nil, {fe(1)}, {fe(1), fe(0)}, {fe(1), fe(-2)}} {
		if divHint(field, in, out) == nil {
			t.Errorf("div hint accepted inputs %v", in)
		}
	}
	if err := divHint(field, []*big.Int{fe(-7), fe(2)}, out); err != nil || out[0].Cmp(fe(-2)) != 0 {
		t.Errorf("div(-7, 2) = %v, %v; want ⌊-7/4⌋ = -2", out[0], err)
	}
}

// TestLookupNonPositive: for inputs known to be ≤ 0 the lookup leaves out
// the upper clamp and still returns exactly the clamped entry; neighbouring
// entries and far-out inputs are rejected.
func TestLookupNonPositive(t *testing.T) {
	const bits = 16
	for _, shift := range []int{0, 3} {
		t.Run(fmt.Sprintf("shift=%d", shift), func(t *testing.T) {
			op := &plan.Op{Kind: plan.OpLookup, Shift: shift, TableMin: -6, Table: []int64{1, 2, 4, 8, 16, 32, 64}}
			var valid, invalid []frontend.Circuit
			for _, x := range []int64{-(1 << 15), -1000, -60, -49, -48, -47, -7, -6, -5, -4, -1, 0} {
				y := lookupRef(op, x)
				valid = append(valid, &lookupCircuit{X: fe(x), Y: fe(y)})
				invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(y + 1)}, &lookupCircuit{X: fe(x), Y: fe(2 * y)})
			}
			for _, x := range []int64{-(1 << 40), 1 << 40} {
				invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(op.Table[0])}, &lookupCircuit{X: fe(x), Y: fe(op.Table[6])})
			}
			checkGadget(t, &lookupCircuit{op: op, bits: bits, nonPositive: true}, valid, invalid)
		})
	}
}

// softmaxDiffPlan: the differences of Softmax, x − max(row), looked up in
// an exponential-like table over [−16, 0]; with wrongRow the difference
// subtracts the maximum of another row, which may be positive.
func softmaxDiffPlan(wrongRow bool) *plan.Plan {
	b := newPlanBuilder(16)
	x := b.input("x", 8)
	rows := make([]row, 2)
	for i := range 8 {
		rows[i/4] = append(rows[i/4], term(0, i, 1))
	}
	m := b.maxOp("max", []int{x}, rows)
	diff := make([]row, 8)
	for i := range diff {
		r := i / 4
		if wrongRow {
			r = 1 - r
		}
		diff[i] = row{term(0, i, 1), term(1, r, -1)}
	}
	d := b.affine("diff", []int{x, m}, diff, nil, 0)
	table := make([]int64, 17)
	for i := range table {
		table[i] = int64(math.Round(256 * math.Exp(float64(i-16))))
	}
	b.output(b.lookup("exp", d, 2, -16, table))
	return b.plan()
}

// TestSoftmaxDifferences: the circuit finds Softmax's differences ≤ 0 only
// where each subtracts its own row's maximum, and the lookup then accepts
// the executor's outputs and rejects any output off by one.
func TestSoftmaxDifferences(t *testing.T) {
	for _, wrong := range []bool{false, true} {
		p := softmaxDiffPlan(wrong)
		l, err := checkPlan(p)
		if err != nil {
			t.Fatal(err)
		}
		d := p.Ops[1].Out
		if l.nonPositive[d] == wrong {
			t.Errorf("wrong row %v: nonPositive = %v", wrong, l.nonPositive[d])
		}
		rng := rand.New(rand.NewPCG(19, 20))
		for _, mag := range []int64{20, 1 << 10} {
			w := run(t, p, randomInputs(p, rng, mag))
			if err := solve(p, w); err != nil {
				t.Fatalf("wrong row %v: valid witness rejected: %v", wrong, err)
			}
			for k, bad := range tampered(w) {
				if solve(p, bad) == nil {
					t.Fatalf("wrong row %v: tampered witness %d accepted", wrong, k)
				}
			}
		}
	}
	with, without := compileCounts(t, softmaxDiffPlan(false)), compileCounts(t, softmaxDiffPlan(true))
	if with.r1cs >= without.r1cs {
		t.Errorf("softmax differences: %d R1CS constraints, %d with the upper clamp", with.r1cs, without.r1cs)
	}
	record("gadget/softmax-differences", with)
}

// exactLookupPlan: an exact affine op whose accumulator (|acc| < 2^28)
// exceeds the 16-bit activation range, read only by a lookup that rounds
// it by 14 bits itself (as quantize plans a value only a table reads).
func exactLookupPlan() *plan.Plan {
	b := newPlanBuilder(16)
	x := b.input("x", 6)
	rows := identityRows(6)
	for i := range rows {
		rows[i] = append(rows[i], term(0, (i+1)%6, -3000))
		rows[i][0].Coeff = 4000
	}
	acc := b.affine("acc", []int{x}, rows, nil, 0)
	b.output(b.lookup("sigmoid", acc, 14, -300, sigmoidTable(-300, 601)))
	return b.plan()
}

// TestLookupExactInput: a lookup reading an unrounded accumulator beyond
// the activation range solves with plan.Run's witness (clamped inputs
// included) and rejects any output off by one; an input whose rounded
// value lies 2^A or more from the table makes plan.Run fail, and no
// witness satisfies the circuit then (the gadget rejects it whatever the
// output).
func TestLookupExactInput(t *testing.T) {
	p := exactLookupPlan()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Tensors[p.Ops[0].Out].Bound <= 15 {
		t.Fatalf("the accumulator's bound 2^%d fits the activation range; the test needs one beyond", p.Tensors[p.Ops[0].Out].Bound)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, mag := range []int64{16, 1 << 10, 1 << 14} {
		w := run(t, p, randomInputs(p, rng, mag))
		if err := solve(p, w); err != nil {
			t.Fatalf("valid witness rejected: %v", err)
		}
		for k, bad := range tampered(w) {
			if solve(p, bad) == nil {
				t.Fatalf("tampered witness %d accepted", k)
			}
		}
	}
	// Rounded by 14 bits, 2^31 lies 2^17 + 300 from the domain's end.
	op := p.Ops[1]
	far := []int64{int64(1) << 31, -(int64(1) << 31)}
	for _, x := range far {
		if _, err := p.Run([][]int64{{x, 0, 0, 0, 0, 0}}); err == nil {
			t.Errorf("input %d: Run accepts it", x)
		}
	}
	var invalid []frontend.Circuit
	for _, x := range far {
		for _, y := range []int64{op.Table[0], op.Table[len(op.Table)-1]} {
			invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(y)})
		}
	}
	checkGadget(t, &lookupCircuit{op: &op, bits: 16}, nil, invalid)
}

// TestLookupStrict: at a strict end the gadget has no comparison; the
// table's rows alone bound the index. Inputs inside the domain (and beyond
// a clamping end) give their entry and nothing else; an input beyond a
// strict end has no witness, whatever the output (plan.Run fails on it).
func TestLookupStrict(t *testing.T) {
	const bits = 16
	for _, sat := range []plan.Saturation{plan.StrictAbove, plan.StrictBelow, plan.StrictBelow | plan.StrictAbove, plan.StrictAbove | plan.SaturatesBelow} {
		for _, shift := range []int{0, 2} {
			t.Run(fmt.Sprintf("saturation=%d/shift=%d", sat, shift), func(t *testing.T) {
				op := &plan.Op{Kind: plan.OpLookup, Shift: shift, TableMin: -5, Table: []int64{-70, -50, -30, -10, 0, 11, 33, 55, 77, 99, 111}, Saturates: sat}
				hi := op.TableMin + int64(len(op.Table)) - 1
				var valid, invalid []frontend.Circuit
				for _, x := range []int64{-(1 << 14), -1000, -21, -20, -6, -5, -4, -1, 0, 1, 4, 5, 6, 20, 21, 22, 1000, 1 << 14} {
					q, _ := plan.Rescale(x, shift)
					beyond := (q < op.TableMin && sat&plan.StrictBelow != 0) || (q > hi && sat&plan.StrictAbove != 0)
					if beyond {
						for _, y := range []int64{op.Table[0], op.Table[len(op.Table)-1], 0} {
							invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(y)})
						}
						continue
					}
					y := lookupRef(op, x)
					valid = append(valid, &lookupCircuit{X: fe(x), Y: fe(y)})
					invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(y + 1)}, &lookupCircuit{X: fe(x), Y: fe(y - 1)})
					i := min(max(q-op.TableMin, 0), int64(len(op.Table))-1)
					for _, j := range []int64{i - 1, i + 1} {
						if j >= 0 && j < int64(len(op.Table)) {
							invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(op.Table[j])})
						}
					}
				}
				for _, x := range []int64{1 << 40, -(1 << 40)} {
					invalid = append(invalid, &lookupCircuit{X: fe(x), Y: fe(op.Table[0])}, &lookupCircuit{X: fe(x), Y: fe(op.Table[len(op.Table)-1])})
				}
				checkGadget(t, &lookupCircuit{op: op, bits: bits}, valid, invalid)
			})
		}
	}
}
