package circuits

// Adversarial hints: how the gadgets are tested for soundness.
//
// A prover runs whatever code it likes in place of a hint, so the
// constraints alone must pin down every hint result. checkAdversarial
// solves a circuit three ways (the test engine, the R1CS solver and the
// PLONK solver) with an honest assignment, which must succeed, then again
// with one call of one of zkml's hints (zkmlHints) replaced by a malicious
// one, for every call (or a sample of them on large circuits), every output
// and every tamper below (off by one, negated, wrapped around the field, out
// of the domain, the field tricks that keep a remainder in range), and
// requires each of those solves to fail. The gadget circuits here leave the
// gadget's results unbound, so that only the gadget's own constraints can
// reject a bad hint (a test that binds the result to an expected witness
// would reject it with its own AssertIsEqual); the plan circuits keep their
// honest public outputs, so that an attack on an intermediate value must be
// caught where it happens or by its effect on the outputs.
//
// A new gadget gets a case in TestAdversarialHints and, when it brings a
// hint, an entry in zkmlHints (and its own tampers when the generic ones
// miss its algebra). TestAdversarialDroppedCheck shows that the harness
// notices a missing range check on an intermediate value, and
// TestRealProvers proves and verifies each gadget with Groth16 and PLONK.

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/plonk"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test"
	"github.com/consensys/gnark/test/unsafekzg"
	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/plan"
)

// zkmlHints are the hints the gadgets create; every one is attacked.
var zkmlHints = []struct {
	name string
	f    solver.Hint
}{
	{"sign", signHint},
	{"rescale", rescaleHint},
	{"div", divHint},
	{"matmul", matmulHint},
	{"max", maxHint},
}

// A tamper is one way a malicious hint changes an honest output v. bad
// returns the value it writes instead (reduced mod p by the caller), or nil
// when it does not apply; in are the hint's inputs.
type tamper struct {
	name string
	hint string // "" for every hint
	bad  func(in []*big.Int, v *big.Int) *big.Int
}

var halfField = new(big.Int).Rsh(field, 1)

var tampers = []tamper{
	{"+1", "", func(_ []*big.Int, v *big.Int) *big.Int { return new(big.Int).Add(v, big.NewInt(1)) }},
	{"-1", "", func(_ []*big.Int, v *big.Int) *big.Int { return new(big.Int).Sub(v, big.NewInt(1)) }},
	{"negated (p-v)", "", func(_ []*big.Int, v *big.Int) *big.Int { return new(big.Int).Neg(v) }},
	{"wrapped (v+(p-1)/2)", "", func(_ []*big.Int, v *big.Int) *big.Int { return new(big.Int).Add(v, halfField) }},
	{"out of domain (v+2^64)", "", func(_ []*big.Int, v *big.Int) *big.Int { return new(big.Int).Add(v, pow2(64)) }},
	{"wrong sign (1-v)", "sign", func(_ []*big.Int, v *big.Int) *big.Int { return new(big.Int).Sub(big.NewInt(1), v) }},
	{"not a bit (2)", "sign", func(_ []*big.Int, v *big.Int) *big.Int { return big.NewInt(2) }},
	// q + 2^-shift: acc + 2^(shift-1) − q·2^shift moves by −1 only, so
	// the remainder stays in range when it was ≥ 1; q's own range check
	// (or the relu reading it) must reject it.
	{"remainder kept (v+1/2^shift)", "rescale", func(in []*big.Int, v *big.Int) *big.Int {
		return new(big.Int).Add(v, new(big.Int).ModInverse(pow2(int(in[0].Int64())), field))
	}},
	// q + 1/(2d): the remainder moves by −1 only.
	{"remainder kept (v+1/(2d))", "div", func(in []*big.Int, v *big.Int) *big.Int {
		d := new(big.Int).Lsh(new(big.Int).Mod(in[1], field), 1)
		inv := new(big.Int).ModInverse(d, field)
		if inv == nil {
			return nil
		}
		return inv.Add(inv, v)
	}},
}

// A hintSolver solves one circuit with one assignment; hints replaces
// hints by ID.
type hintSolver struct {
	name  string
	solve func(hints map[solver.HintID]solver.Hint) error
}

// hintSolvers returns the test engine and the R1CS and PLONK solvers for
// circuit and assignment.
func hintSolvers(t *testing.T, circuit, assignment frontend.Circuit) []hintSolver {
	t.Helper()
	w, err := frontend.NewWitness(assignment, field)
	if err != nil {
		t.Fatal(err)
	}
	solvers := []hintSolver{{"test engine", func(hints map[solver.HintID]solver.Hint) error {
		var opts []test.TestEngineOption
		for id, f := range hints {
			opts = append(opts, test.WithReplacementHint(id, f))
		}
		return test.IsSolved(circuit, assignment, field, opts...)
	}}}
	for _, b := range []struct {
		name    string
		builder frontend.NewBuilder
	}{{"R1CS", r1cs.NewBuilder[constraint.U64]}, {"PLONK", scs.NewBuilder[constraint.U64]}} {
		ccs, err := frontend.Compile(field, b.builder, circuit)
		if err != nil {
			t.Fatalf("%s: %v", b.name, err)
		}
		solvers = append(solvers, hintSolver{b.name, func(hints map[solver.HintID]solver.Hint) error {
			opts := []solver.Option{solver.WithNbTasks(1)} // calls in a fixed order
			for id, f := range hints {
				opts = append(opts, solver.OverrideHint(id, f))
			}
			return ccs.IsSolved(w, opts...)
		}})
	}
	return solvers
}

// An attack replaces output out of call number call (in solving order) of
// one hint.
type attack struct {
	hint      int // index in zkmlHints
	call, out int
	tamper    tamper
}

func (a attack) String() string {
	return fmt.Sprintf("%s hint, call %d, output %d, %s", zkmlHints[a.hint].name, a.call, a.out, a.tamper.name)
}

// honestCalls solves with counting hints and returns, per hint of
// zkmlHints, the number of outputs of each call.
func honestCalls(s hintSolver) ([][]int, error) {
	calls := make([][]int, len(zkmlHints))
	hints := map[solver.HintID]solver.Hint{}
	for i, h := range zkmlHints {
		hints[solver.GetHintID(h.f)] = func(field *big.Int, in, out []*big.Int) error {
			calls[i] = append(calls[i], len(out))
			return h.f(field, in, out)
		}
	}
	return calls, s.solve(hints)
}

// run solves with the attack, and reports whether it applied (the tamper
// changed the output) and whether the solve succeeded.
func (a attack) run(s hintSolver) (applied, accepted bool) {
	h := zkmlHints[a.hint].f
	n := 0
	hints := map[solver.HintID]solver.Hint{solver.GetHintID(h): func(field *big.Int, in, out []*big.Int) error {
		if err := h(field, in, out); err != nil {
			return err
		}
		if n == a.call {
			if v := a.tamper.bad(in, out[a.out]); v != nil {
				v.Mod(v, field)
				if v.Cmp(out[a.out]) != 0 {
					out[a.out].Set(v)
					applied = true
				}
			}
		}
		n++
		return nil
	}}
	err := s.solve(hints)
	return applied, err == nil
}

// sample returns up to k indices of [0, n), evenly spread, first and last
// included.
func sample(n, k int) []int {
	if n <= k {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	idx := make([]int, 0, k)
	for j := range k {
		i := j * (n - 1) / (k - 1)
		if len(idx) == 0 || idx[len(idx)-1] != i {
			idx = append(idx, i)
		}
	}
	return idx
}

// adversarialResult is what the harness found: how many attacks applied,
// and those the circuit accepted (each one a soundness bug).
type adversarialResult struct {
	tried    int
	perHint  map[string]int // attacks applied, by hint
	accepted []string
}

// attackAll runs the attacks on circuit with the honest assignment, on
// each solver: at most maxCalls calls per hint and three outputs per call.
func attackAll(t *testing.T, circuit, assignment frontend.Circuit, maxCalls int) adversarialResult {
	t.Helper()
	res := adversarialResult{perHint: map[string]int{}}
	for _, s := range hintSolvers(t, circuit, assignment) {
		calls, err := honestCalls(s)
		if err != nil {
			t.Fatalf("%s: the honest assignment does not solve: %v", s.name, err)
		}
		for hi, outs := range calls {
			for _, call := range sample(len(outs), maxCalls) {
				for _, out := range sample(outs[call], 3) {
					for _, tp := range tampers {
						if tp.hint != "" && tp.hint != zkmlHints[hi].name {
							continue
						}
						a := attack{hint: hi, call: call, out: out, tamper: tp}
						applied, accepted := a.run(s)
						if !applied {
							continue
						}
						res.tried++
						res.perHint[zkmlHints[hi].name]++
						if accepted {
							res.accepted = append(res.accepted, fmt.Sprintf("%s: %v", s.name, a))
						}
					}
				}
			}
		}
	}
	return res
}

// checkAdversarial fails t unless every applicable attack on circuit is
// rejected, and at least one applied.
func checkAdversarial(t *testing.T, circuit, assignment frontend.Circuit, maxCalls int) {
	t.Helper()
	res := attackAll(t, circuit, assignment, maxCalls)
	if res.tried == 0 {
		t.Fatal("no attack applied: the circuit calls none of zkml's hints")
	}
	for _, a := range res.accepted {
		t.Errorf("malicious hint accepted: %s", a)
	}
	t.Logf("%d attacks rejected (by hint: %v)", res.tried-len(res.accepted), res.perHint)
}

// Gadget circuits: their results are left unbound (see the top of the
// file).

type advSign struct {
	X frontend.Variable
	k int
}

func (c *advSign) Define(api frontend.API) error {
	_, _, err := newGadgets(api, 16, options{}).sign(c.X, c.k)
	return err
}

type advRelu struct {
	X      frontend.Variable
	bits   int
	bitDec bool
}

func (c *advRelu) Define(api frontend.API) error {
	_, err := newGadgets(api, c.bits, options{bitDecomposition: c.bitDec}).relu(c.X)
	return err
}

type advMax2 struct {
	A, B frontend.Variable
	bits int
}

func (c *advMax2) Define(api frontend.API) error {
	_, err := newGadgets(api, c.bits, options{}).max2(c.A, c.B)
	return err
}

type advRowMax struct {
	X      []frontend.Variable
	consts []int64
}

func (c *advRowMax) Define(api frontend.API) error {
	xs := append([]frontend.Variable(nil), c.X...)
	for _, k := range c.consts {
		xs = append(xs, k)
	}
	_, err := newGadgets(api, 8, options{}).rowMax(xs)
	return err
}

type advRescale struct {
	Acc         frontend.Variable
	shift, bits int
	bitDec      bool
}

func (c *advRescale) Define(api frontend.API) error {
	_, err := newGadgets(api, c.bits, options{bitDecomposition: c.bitDec}).rescale(c.Acc, c.shift, true)
	return err
}

type advLookup struct {
	X           []frontend.Variable
	op          *plan.Op
	nonPositive bool
}

func (c *advLookup) Define(api frontend.API) error {
	_, err := newGadgets(api, 16, options{}).lookupOp(c.op, c.X, c.nonPositive)
	return err
}

// advDiv divides A by B elementwise with OpDiv's gadget; b ≤ 2^10.
type advDiv struct {
	A, B  []frontend.Variable
	shift int
}

func (c *advDiv) Define(api frontend.API) error {
	op := &plan.Op{Kind: plan.OpDiv, In: []int{0, 1}, Shift: c.shift}
	for i := range c.A {
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(i), Coeff: 1}, plan.Term{In: 1, Idx: int32(i), Coeff: 1})
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	_, err := newGadgets(api, 16, options{}).divOp(op, [][]frontend.Variable{c.A, c.B}, 10)
	return err
}

// advMatmul computes C = A·B with the matmul hint and pins it down with
// Freivalds' check (or, with bit decomposition and no table, direct
// products).
type advMatmul struct {
	A, B    []frontend.Variable
	m, k, n int
	bitDec  bool
}

func (c *advMatmul) Define(api frontend.API) error {
	g := newGadgets(api, 16, options{bitDecomposition: c.bitDec})
	prod, err := g.matmulHint(c.m, c.k, c.n, c.A, c.B)
	if err != nil {
		return err
	}
	g.products = append(g.products, productCheck{m: c.m, k: c.k, n: c.n, a: c.A, b: c.B, c: prod})
	g.finishProducts()
	return nil
}

// gadgetCase is one gadget circuit with an honest assignment.
type gadgetCase struct {
	name       string
	circuit    frontend.Circuit
	assignment frontend.Circuit
}

func feVars(vs ...int64) []frontend.Variable {
	out := make([]frontend.Variable, len(vs))
	for i, v := range vs {
		out[i] = fe(v)
	}
	return out
}

// gadgetCases returns every gadget, each with assignments covering its
// branches (both signs, both clamps, the ends of the ranges).
func gadgetCases() []gadgetCase {
	var cs []gadgetCase
	add := func(name string, circuit frontend.Circuit, assignments ...frontend.Circuit) {
		for i, a := range assignments {
			cs = append(cs, gadgetCase{fmt.Sprintf("%s/%d", name, i), circuit, a})
		}
	}
	var signs, relus, rescales []frontend.Circuit
	for _, x := range []int64{-128, -1, 0, 1, 127} {
		signs = append(signs, &advSign{X: fe(x)})
		relus = append(relus, &advRelu{X: fe(x)})
	}
	add("sign", &advSign{k: 7}, signs...)
	add("relu", &advRelu{bits: 8}, relus...)
	add("relu/bitdec", &advRelu{bits: 8, bitDec: true}, relus...)
	add("max2", &advMax2{bits: 8}, &advMax2{A: fe(3), B: fe(-7)}, &advMax2{A: fe(-128), B: fe(127)}, &advMax2{A: fe(5), B: fe(5)})
	xs6 := feVars(-128, 127, 0, 5, 5, -1)
	add("rowmax", &advRowMax{X: make([]frontend.Variable, 6)}, &advRowMax{X: xs6}, &advRowMax{X: feVars(3, 3, 3, 3, 3, 3)}, &advRowMax{X: feVars(-7, -3, -100, -50, -4, -9)})
	add("rowmax/constants", &advRowMax{X: make([]frontend.Variable, 6), consts: []int64{9, -20}}, &advRowMax{X: feVars(1, 2, 3, 4, 5, 6)}, &advRowMax{X: feVars(1, 2, 30, 4, 5, 6)})
	for _, acc := range []int64{0, 7, 8, -9, 2030, -2048, 1001, -1001} {
		rescales = append(rescales, &advRescale{Acc: fe(acc)})
	}
	add("rescale", &advRescale{shift: 4, bits: 8}, rescales...)
	add("rescale/bitdec", &advRescale{shift: 4, bits: 8, bitDec: true}, rescales...)
	// Inputs below the table, inside it, at its ends and above it: both
	// clamps, in both directions.
	lookup := &plan.Op{Kind: plan.OpLookup, Shift: 2, TableMin: -5, Table: []int64{-70, -50, -30, -10, 0, 11, 33, 55, 77, 99, 111}}
	xs := feVars(-1000, -21, -20, -1, 0, 3, 20, 22, 1000, 32767)
	add("lookup", &advLookup{X: make([]frontend.Variable, len(xs)), op: lookup}, &advLookup{X: xs})
	// Strict ends: no comparison there, the table's rows bound the index.
	strict := &plan.Op{Kind: plan.OpLookup, Shift: 2, TableMin: -5, Table: []int64{-70, -50, -30, -10, 0, 11, 33, 55, 77, 99, 111}, Saturates: plan.StrictAbove | plan.SaturatesBelow}
	xs = feVars(-1000, -21, -20, -1, 0, 3, 20, 21)
	add("lookup/strict-above", &advLookup{X: make([]frontend.Variable, len(xs)), op: strict}, &advLookup{X: xs})
	both := &plan.Op{Kind: plan.OpLookup, Shift: 2, TableMin: -5, Table: strict.Table, Saturates: plan.StrictAbove | plan.StrictBelow}
	xs = feVars(-20, -19, -1, 0, 3, 20, 21)
	add("lookup/strict-both", &advLookup{X: make([]frontend.Variable, len(xs)), op: both}, &advLookup{X: xs})
	nonPos := &plan.Op{Kind: plan.OpLookup, Shift: 1, TableMin: -6, Table: []int64{1, 2, 4, 8, 16, 32, 64}}
	xs = feVars(-32768, -100, -13, -12, -11, -1, 0)
	add("lookup/nonpositive", &advLookup{X: make([]frontend.Variable, len(xs)), op: nonPos, nonPositive: true}, &advLookup{X: xs})
	as, bs := feVars(100, -100, 0, 7, -2048, 2047), feVars(3, 3, 1, 1024, 1, 7)
	add("div", &advDiv{A: make([]frontend.Variable, len(as)), B: make([]frontend.Variable, len(bs)), shift: 4}, &advDiv{A: as, B: bs})
	const m, k, n = 3, 4, 5
	rng := rand.New(rand.NewPCG(5, 6))
	a, b := make([]int64, m*k), make([]int64, k*n)
	for i := range a {
		a[i] = rng.Int64N(1<<15) - 1<<14
	}
	for i := range b {
		b[i] = rng.Int64N(1<<15) - 1<<14
	}
	for _, bitDec := range []bool{false, true} {
		add(fmt.Sprintf("freivalds/bitdec=%v", bitDec),
			&advMatmul{A: make([]frontend.Variable, m*k), B: make([]frontend.Variable, k*n), m: m, k: k, n: n, bitDec: bitDec},
			&advMatmul{A: feAll(a), B: feAll(b)})
	}
	return cs
}

// TestAdversarialHints: every gadget, and a sample of whole plans (packed
// outputs included), reject every malicious hint.
func TestAdversarialHints(t *testing.T) {
	for _, c := range gadgetCases() {
		t.Run(c.name, func(t *testing.T) { checkAdversarial(t, c.circuit, c.assignment, 64) })
	}
	for _, c := range adversarialPlans(t) {
		t.Run(c.name, func(t *testing.T) { checkAdversarial(t, c.circuit, c.assignment, 8) })
	}
	// Random plans (random_test.go), those that call a hint.
	attacked := 0
	for seed := range uint64(24) {
		rng := rand.New(rand.NewPCG(seed, 7))
		p := randomPlan(rng)
		tensors, err := p.Run(randomInputs(p, rng, 8))
		if err != nil {
			continue
		}
		w, err := Assign(p, tensors)
		if err != nil {
			t.Fatalf("random plan %d: Assign: %v", seed, err)
		}
		res := attackAll(t, New(p), w, 4)
		if res.tried > 0 {
			attacked++
		}
		for _, a := range res.accepted {
			t.Errorf("random plan %d: malicious hint accepted: %s", seed, a)
		}
	}
	if attacked < 4 {
		t.Errorf("only %d random plans called a hint", attacked)
	}
}

// adversarialModels are the shared models TestAdversarialModels attacks:
// relus after rescales, max pooling, lookups, Softmax (with its division).
var adversarialModels = []string{"2l_relu_small", "1l_max_pool", "2l_relu_sigmoid_small", "1l_softmax", "1l_mlp"}

// TestAdversarialModels runs the harness on a sample of the shared models,
// on their first reference case (1l_mlp with packed outputs too).
func TestAdversarialModels(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles shared models; skipped with -short")
	}
	sharedModels := testenv.SharedModels(t)
	for _, name := range adversarialModels {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(sharedModels, name)
			if _, err := os.Stat(filepath.Join(dir, "reference.json")); err != nil {
				testenv.MissingShared(t, "shared model "+name, err)
			}
			p := modelPlan(t, dir)
			var ref referenceFile
			readJSON(t, filepath.Join(dir, "reference.json"), &ref)
			if len(ref.Cases) == 0 {
				t.Fatal("reference.json has no case")
			}
			q, err := p.QuantizeInputs(ref.Cases[0].InputData)
			if err != nil {
				t.Fatal(err)
			}
			tensors, err := p.Run(q)
			if err != nil {
				t.Fatal(err)
			}
			var opts []Option
			if name == "1l_mlp" {
				opts = append(opts, WithPackedOutputs(DefaultPacking(p)))
			}
			w, err := Assign(p, tensors, opts...)
			if err != nil {
				t.Fatal(err)
			}
			checkAdversarial(t, New(p, opts...), w, 4)
		})
	}
}

// adversarialPlans returns plan circuits with honest assignments: every
// gadget in context (a relu reading a rescale that it range checks, lookups,
// products, divisions, Freivalds' check in a batched matrix product) and
// packed outputs.
func adversarialPlans(t *testing.T) []gadgetCase {
	t.Helper()
	rng := rand.New(rand.NewPCG(21, 22))
	var cs []gadgetCase
	add := func(name string, p *plan.Plan, magnitude int64, opts ...Option) {
		tensors, err := p.Run(randomInputs(p, rng, magnitude))
		if err != nil {
			t.Fatalf("%s: Plan.Run: %v", name, err)
		}
		w, err := Assign(p, tensors, opts...)
		if err != nil {
			t.Fatalf("%s: Assign: %v", name, err)
		}
		cs = append(cs, gadgetCase{"plan/" + name, New(p, opts...), w})
	}
	add("mlp", mlpPlan(16), 1<<10)
	add("mlp/packed", mlpPlan(16), 1<<10, WithPackedOutputs(DefaultPacking(mlpPlan(16))))
	add("nonlinear", nonlinearPlan(16), 1<<9)
	add("lookup/exact-input", exactLookupPlan(), 1<<12)
	add("exact", exactPlan(16), 1<<10)
	add("matmul", matmulPlan(1, 8, 8, 8, 6, false), 1<<5)
	mm := matmulPlan(1, 8, 8, 8, 6, false)
	add("matmul/packed", mm, 1<<5, WithPackedOutputs(DefaultPacking(mm)))
	return cs
}

// droppedCheckPlan is mlpPlan with an input for which a hidden
// pre-activation (a rescale the relu reads, without a range check of its
// own) is negative, so that its relu's output hides a change of it.
func droppedCheckPlan(t *testing.T) (frontend.Circuit, frontend.Circuit) {
	t.Helper()
	p := mlpPlan(16)
	tensors, err := p.Run([][]int64{{300, -200, 50, 400}})
	if err != nil {
		t.Fatal(err)
	}
	negative := false
	for _, v := range tensors[p.Ops[0].Out] {
		negative = negative || v < -1
	}
	if !negative {
		t.Fatalf("no hidden pre-activation below -1: %v", tensors[p.Ops[0].Out])
	}
	w, err := Assign(p, tensors)
	if err != nil {
		t.Fatal(err)
	}
	return New(p), w
}

// TestAdversarialDroppedCheck: with rescale's range check of the remainder
// left out (the test-only switch testDropRemainderCheck), the plan-level
// harness finds a malicious rescale hint that a relu hides from the public
// outputs, and with it in place none.
func TestAdversarialDroppedCheck(t *testing.T) {
	circuit, w := droppedCheckPlan(t)
	if res := attackAll(t, circuit, w, 8); len(res.accepted) != 0 || res.tried == 0 {
		t.Fatalf("with every check: %d attacks, accepted %v", res.tried, res.accepted)
	}
	testDropRemainderCheck = true
	defer func() { testDropRemainderCheck = false }()
	circuit, w = droppedCheckPlan(t)
	res := attackAll(t, circuit, w, 8)
	if len(res.accepted) == 0 {
		t.Fatalf("without the remainder's range check, none of %d attacks was accepted: the harness would miss the missing check", res.tried)
	}
	t.Logf("without the remainder's range check: %d of %d attacks accepted, e.g. %s", len(res.accepted), res.tried, res.accepted[0])
}

// TestRealProvers proves and verifies one assignment of every gadget, and
// two plans (a batched matrix product under Freivalds' check, an MLP with
// packed outputs), with Groth16 and PLONK: not only solving, so that the
// commitments of the range checks and of Freivalds' check go through the
// real provers. A malicious hint makes proving fail.
func TestRealProvers(t *testing.T) {
	var cases []gadgetCase
	seen := map[string]bool{}
	for _, c := range gadgetCases() {
		c.name = c.name[:len(c.name)-2] // one assignment per gadget
		if !seen[c.name] {
			seen[c.name] = true
			cases = append(cases, c)
		}
	}
	for _, c := range adversarialPlans(t) {
		if c.name == "plan/matmul" || c.name == "plan/mlp/packed" {
			cases = append(cases, c)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := frontend.NewWitness(c.assignment, field)
			if err != nil {
				t.Fatal(err)
			}
			pub, err := w.Public()
			if err != nil {
				t.Fatal(err)
			}
			bad := badHintOption(t, c.circuit, c.assignment)
			type prover func(opts ...backend.ProverOption) error
			for _, b := range []struct {
				name    string
				builder frontend.NewBuilder
				setup   func(ccs constraint.ConstraintSystem) (prover, error)
			}{
				{"groth16", r1cs.NewBuilder[constraint.U64], func(ccs constraint.ConstraintSystem) (prover, error) {
					pk, vk, err := groth16.Setup(ccs)
					return func(opts ...backend.ProverOption) error {
						proof, err := groth16.Prove(ccs, pk, w, opts...)
						if err != nil {
							return err
						}
						return groth16.Verify(proof, vk, pub)
					}, err
				}},
				{"plonk", scs.NewBuilder[constraint.U64], func(ccs constraint.ConstraintSystem) (prover, error) {
					srs, lagrange, err := unsafekzg.NewSRS(ccs)
					if err != nil {
						return nil, err
					}
					pk, vk, err := plonk.Setup(ccs, srs, lagrange)
					return func(opts ...backend.ProverOption) error {
						proof, err := plonk.Prove(ccs, pk, w, opts...)
						if err != nil {
							return err
						}
						return plonk.Verify(proof, vk, pub)
					}, err
				}},
			} {
				ccs, err := frontend.Compile(field, b.builder, c.circuit)
				if err != nil {
					t.Fatal(err)
				}
				prove, err := b.setup(ccs)
				if err != nil {
					t.Fatalf("%s: setup: %v", b.name, err)
				}
				if err := prove(); err != nil {
					t.Errorf("%s: honest proof: %v", b.name, err)
				}
				if err := prove(backend.WithSolverOptions(bad())); err == nil {
					t.Errorf("%s: a proof with a malicious hint verified", b.name)
				}
			}
		})
	}
}

// badHintOption returns a maker of solver options that replace the first
// of zkml's hints the circuit calls with one off by one on its first call.
func badHintOption(t *testing.T, circuit, assignment frontend.Circuit) func() solver.Option {
	t.Helper()
	calls, err := honestCalls(hintSolvers(t, circuit, assignment)[0])
	if err != nil {
		t.Fatal(err)
	}
	for hi, outs := range calls {
		if len(outs) == 0 {
			continue
		}
		h := zkmlHints[hi].f
		return func() solver.Option {
			first := true
			return solver.OverrideHint(solver.GetHintID(h), func(field *big.Int, in, out []*big.Int) error {
				if err := h(field, in, out); err != nil {
					return err
				}
				if first {
					out[0].Add(out[0], big.NewInt(1))
					first = false
				}
				return nil
			})
		}
	}
	t.Fatal("the circuit calls none of zkml's hints")
	return nil
}
