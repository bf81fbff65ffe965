package circuits

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// freivaldsCircuit takes the accumulators C as a witness, as a cheating
// prover would supply them, and checks C = A·B with the product check.
type freivaldsCircuit struct {
	A, B, C []frontend.Variable
	m, k, n int
	opts    options
}

func (c *freivaldsCircuit) Define(api frontend.API) error {
	g := newGadgets(api, 16, c.opts)
	g.products = append(g.products, productCheck{m: c.m, k: c.k, n: c.n, a: c.A, b: c.B, c: c.C})
	g.finishProducts()
	return nil
}

func matmulInts(a, b []int64, m, k, n int) []int64 {
	c := make([]int64, m*n)
	for i := range m {
		for j := range n {
			for p := range k {
				c[i*n+j] += a[i*k+p] * b[p*n+j]
			}
		}
	}
	return c
}

func feAll(vs []int64) []frontend.Variable {
	out := make([]frontend.Variable, len(vs))
	for i, v := range vs {
		out[i] = fe(v)
	}
	return out
}

// TestFreivaldsCheck: the product check accepts C = A·B (signed entries)
// and rejects any C with one entry off, by one or by a multiple of 2^64,
// and a C that is A·B with two rows swapped; with bit-decomposition range
// checks and no lookup table (no commitment: direct products) too.
func TestFreivaldsCheck(t *testing.T) {
	const m, k, n = 3, 4, 5
	rng := rand.New(rand.NewPCG(11, 12))
	for _, bitDec := range []bool{false, true} {
		t.Run(fmt.Sprintf("bitdec=%v", bitDec), func(t *testing.T) {
			var valid, invalid []frontend.Circuit
			for range 3 {
				a, b := make([]int64, m*k), make([]int64, k*n)
				for i := range a {
					a[i] = rng.Int64N(1<<15) - 1<<14
				}
				for i := range b {
					b[i] = rng.Int64N(1<<15) - 1<<14
				}
				c := matmulInts(a, b, m, k, n)
				valid = append(valid, &freivaldsCircuit{A: feAll(a), B: feAll(b), C: feAll(c)})
				for _, pos := range []int{0, 7, m*n - 1} {
					for _, d := range []*big.Int{big.NewInt(1), big.NewInt(-1), pow2(64)} {
						bad := feAll(c)
						v := new(big.Int).Add(bad[pos].(*big.Int), d)
						bad[pos] = v.Mod(v, field)
						invalid = append(invalid, &freivaldsCircuit{A: feAll(a), B: feAll(b), C: bad})
					}
				}
				swapped := slices.Clone(c)
				copy(swapped[:n], c[n:2*n])
				copy(swapped[n:2*n], c[:n])
				if !slices.Equal(swapped, c) {
					invalid = append(invalid, &freivaldsCircuit{A: feAll(a), B: feAll(b), C: feAll(swapped)})
				}
			}
			o := options{bitDecomposition: bitDec}
			empty := &freivaldsCircuit{A: make([]frontend.Variable, m*k), B: make([]frontend.Variable, k*n), C: make([]frontend.Variable, m*n), m: m, k: k, n: n, opts: o}
			checkGadget(t, empty, valid, invalid)
		})
	}
}

// matmulPlan: inputs A (batch×m×k) and B (batch×k×n), their batched
// product rescaled by shift as the output (shape batch×m×n, or flat when
// flat is set, which hides the matrix structure and forces direct
// products).
func matmulPlan(batch, m, k, n, shift int, flat bool) *plan.Plan {
	b := newPlanBuilder(16)
	x, y := b.input("a", batch*m*k), b.input("b", batch*k*n)
	op := plan.Op{Kind: plan.OpMul, Node: "matmul", In: []int{x, y}, Shift: shift}
	for bi := range batch {
		for i := range m {
			for j := range n {
				op.RowStart = append(op.RowStart, int32(len(op.Terms)))
				for p := range k {
					op.Terms = append(op.Terms, term(0, bi*m*k+i*k+p, 1), term(1, bi*k*n+p*n+j, 1))
				}
			}
		}
	}
	op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	acc := 2*b.p.Tensors[x].Bound + ceilLog2(uint64(k))
	op.Out = b.tensor("c", batch*m*n, min(15, max(acc-shift, 0)))
	if !flat {
		b.p.Tensors[op.Out].Shape = []int{batch, m, n}
	}
	b.p.Ops = append(b.p.Ops, op)
	b.output(op.Out)
	return b.plan()
}

// TestMatmulBatches: the structure test finds the batches of a matrix
// product and refuses rows that are not one.
func TestMatmulBatches(t *testing.T) {
	p := matmulPlan(2, 3, 4, 5, 4, false)
	op := &p.Ops[0]
	batches, ok := matmulBatches(op, p.Tensors[op.Out].Shape)
	if !ok || len(batches) != 2 || batches[1].base != 15 || batches[0].m != 3 || batches[0].k != 4 || batches[0].n != 5 {
		t.Fatalf("got %d batches (ok %v): %+v", len(batches), ok, batches)
	}
	if got := batches[1].a[1*4+2]; got.In != 0 || got.Idx != 12+6 {
		t.Errorf("batch 1 a[1][2] reads %+v, want input 0 element 18", got)
	}
	if got := batches[1].b[3*5+4]; got.In != 1 || got.Idx != 20+19 {
		t.Errorf("batch 1 b[3][4] reads %+v, want input 1 element 39", got)
	}
	if _, ok := matmulBatches(op, []int{30}); ok {
		t.Error("a flat output was taken for a matrix product")
	}
	if _, ok := matmulBatches(op, []int{2, 5, 3}); ok {
		t.Error("the transposed shape was taken for a matrix product")
	}
	// One term moved: element (1, 2) of batch 0 reads another left element.
	bad := *op
	bad.Terms = slices.Clone(op.Terms)
	bad.Terms[int(op.RowStart[1*5+2])+2].Idx++
	if _, ok := matmulBatches(&bad, p.Tensors[op.Out].Shape); ok {
		t.Error("rows that are not a matrix product were taken for one")
	}
	bad.Terms = slices.Clone(op.Terms)
	bad.Terms[int(op.RowStart[2*5+1])+3].In = 0
	if _, ok := matmulBatches(&bad, p.Tensors[op.Out].Shape); ok {
		t.Error("a right factor read from the left input was taken for a matrix product")
	}
	for _, c := range []struct {
		m, k, n int
		want    bool
	}{{1, 1, 1, false}, {64, 1, 64, false}, {4, 4, 4, false}, {8, 8, 8, true}, {64, 16, 64, true}, {64, 64, 16, true}, {1, 64, 64, false}} {
		if got := freivaldsPays(c.m, c.k, c.n); got != c.want {
			t.Errorf("freivaldsPays(%d, %d, %d) = %v, want %v", c.m, c.k, c.n, got, c.want)
		}
	}
}

// TestMatmulPlan: a batched product large enough for the check accepts
// Plan.Run's outputs and rejects any output off by one, on the test engine
// and on the compiled R1CS and PLONK systems, and costs fewer constraints
// than the direct products; with bit-decomposition range checks (no lookup
// table, so no commitment) it falls back to direct products.
func TestMatmulPlan(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	p := matmulPlan(2, 8, 8, 8, 6, false)
	w := run(t, p, randomInputs(p, rng, 1<<5))
	for _, opts := range [][]Option{nil, {WithBitDecompositionRangeChecks()}} {
		if err := solve(p, w, opts...); err != nil {
			t.Fatalf("valid witness rejected: %v", err)
		}
		for k, bad := range tampered(w) {
			if k%7 == 0 && solve(p, bad, opts...) == nil {
				t.Fatalf("tampered witness %d accepted", k)
			}
		}
	}
	r, s := compileBoth(t, p)
	solveCompiled(t, "R1CS", r, w, tampered(w)[0])
	solveCompiled(t, "PLONK", s, w, tampered(w)[0])

	flat := matmulPlan(2, 8, 8, 8, 6, true)
	check, direct := compileCounts(t, p), compileCounts(t, flat)
	if check.r1cs >= direct.r1cs || check.scs >= direct.scs {
		t.Errorf("2×(8×8×8) product: %+v constraints with the check, %+v with direct products", check, direct)
	}
	bitDec, directBitDec := compileCounts(t, p, WithBitDecompositionRangeChecks()), compileCounts(t, flat, WithBitDecompositionRangeChecks())
	if bitDec.r1cs < directBitDec.r1cs {
		t.Errorf("bit decomposition: %d R1CS constraints, direct products %d: the check was used without a commitment", bitDec.r1cs, directBitDec.r1cs)
	}
	rb, err := frontend.Compile(field, r1cs.NewBuilder, New(p, WithBitDecompositionRangeChecks()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rb.GetCommitments().CommitmentIndexes()); n != 0 {
		t.Errorf("bit decomposition without lookups: %d commitments, want none", n)
	}
	record("gadget/matmul/2x8x8x8", check)
	record("gadget/matmul/2x8x8x8/bitdec", bitDec)
	record("gadget/matmul/2x8x8x8/direct", direct)
}

// attentionModel is one attention head over a sequence of t tokens of d
// features: softmax((x·Wq)·(x·Wk)ᵀ)·(x·Wv), the pattern of the shared
// self_attention model.
func attentionModel(t *testing.T, tokens, d int) *onnx.Graph {
	t.Helper()
	rng := rand.New(rand.NewPCG(15, 16))
	w := func() []float32 {
		v := make([]float32, d*d)
		for i := range v {
			v[i] = float32(rng.Float64()-0.5) / 2
		}
		return v
	}
	td, dd := int64(tokens), int64(d)
	b := onnxbuild.NewModel("attention", 13).
		Input("x", onnxbuild.Float, 1, td, dd).Output("y", onnxbuild.Float, 1, td, dd).
		Floats("wq", []int64{dd, dd}, w()).Floats("wk", []int64{dd, dd}, w()).Floats("wv", []int64{dd, dd}, w()).
		Node("MatMul", []string{"x", "wq"}, []string{"q"}).
		Node("MatMul", []string{"x", "wk"}, []string{"k"}).
		Node("MatMul", []string{"x", "wv"}, []string{"v"}).
		Node("Transpose", []string{"k"}, []string{"kt"}, onnxbuild.Ints("perm", 0, 2, 1)).
		Node("MatMul", []string{"q", "kt"}, []string{"s"}).
		Node("Softmax", []string{"s"}, []string{"a"}, onnxbuild.Int("axis", -1)).
		Node("MatMul", []string{"a", "v"}, []string{"y"})
	g, err := onnx.Parse(b.Bytes(), "attention.onnx", nil)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestAttentionModel: an attention head imported from ONNX, planned and
// compiled: the circuit accepts the integer executor's outputs bit for bit
// and rejects them off by one, on the test engine and both compiled
// systems, and both of its activation×activation products (8×8×8) use the
// product check.
func TestAttentionModel(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles an attention head; skipped with -short")
	}
	const tokens, d = 8, 8
	g := attentionModel(t, tokens, d)
	rng := rand.New(rand.NewPCG(17, 18))
	sample := func() [][]float64 {
		x := make([]float64, tokens*d)
		for i := range x {
			x[i] = rng.Float64()*4 - 2
		}
		return [][]float64{x}
	}
	p := planOf(t, g, [][][]float64{sample(), sample()})
	products := 0
	for k := range p.Ops {
		op := &p.Ops[k]
		if op.Kind != plan.OpMul {
			continue
		}
		if bs, ok := matmulBatches(op, p.Tensors[op.Out].Shape); ok && freivaldsPays(bs[0].m, bs[0].k, bs[0].n) {
			products++
		}
	}
	if products != 2 {
		t.Fatalf("%d products take the check, want 2 (Q·Kᵀ and scores·V)", products)
	}
	r, s := compileBoth(t, p)
	for k := range 3 {
		q, err := p.QuantizeInputs(sample())
		if err != nil {
			t.Fatal(err)
		}
		tensors, err := p.Run(q)
		if err != nil {
			t.Fatal(err)
		}
		w, err := Assign(p, tensors)
		if err != nil {
			t.Fatal(err)
		}
		if err := solve(p, w); err != nil {
			t.Fatalf("sample %d: Plan.Run's outputs rejected: %v", k, err)
		}
		bad := tamperOne(w, 5*k+3)
		if solve(p, bad) == nil {
			t.Fatalf("sample %d: an output off by one was accepted", k)
		}
		if k == 0 {
			solveCompiled(t, "R1CS", r, w, bad)
			solveCompiled(t, "PLONK", s, w, bad)
			for _, builder := range []frontend.NewBuilder{r1cs.NewBuilder[constraint.U64], scs.NewBuilder[constraint.U64]} {
				ccs, err := frontend.Compile(field, builder, New(p, WithBitDecompositionRangeChecks()))
				if err != nil {
					t.Fatal(err)
				}
				solveCompiled(t, "bit decomposition", ccs, w, bad)
			}
		}
	}
	record("model/attention-8x8", counts{r.GetNbConstraints(), s.GetNbConstraints()})
	record("model/attention-8x8/bitdec", compileCounts(t, p, WithBitDecompositionRangeChecks()))
}

// TestMatmulHint: the hint computes signed products and refuses malformed
// inputs instead of panicking.
func TestMatmulHint(t *testing.T) {
	big1 := func(v int64) *big.Int { return big.NewInt(v) }
	outs := func(n int) []*big.Int {
		o := make([]*big.Int, n)
		for i := range o {
			o[i] = new(big.Int)
		}
		return o
	}
	// [1 -2] · [3; 4] = -5, with -2 as p-2.
	out := outs(1)
	if err := matmulHint(field, []*big.Int{big1(1), big1(2), big1(1), big1(1), fe(-2), big1(3), big1(4)}, out); err != nil || out[0].Cmp(fe(-5)) != 0 {
		t.Errorf("[1 -2]·[3 4]ᵀ = %v, %v; want p-5", out[0], err)
	}
	for _, in := range [][]*big.Int{
		nil,
		{big1(1), big1(1)},
		{big1(0), big1(1), big1(1)},
		{big1(1), big1(1), fe(-1), big1(2), big1(3)},
		{new(big.Int).Lsh(big1(1), 40), big1(1), big1(1), big1(2), big1(3)},
		{big1(1), big1(2), big1(1), big1(1), big1(2)},
		{big1(1 << 29), big1(1 << 29), big1(1), big1(2)},
	} {
		if matmulHint(field, in, outs(1)) == nil {
			t.Errorf("matmul hint accepted inputs %v", in)
		}
	}
	if matmulHint(field, []*big.Int{big1(1), big1(1), big1(1), big1(2), big1(3)}, outs(2)) == nil {
		t.Error("matmul hint accepted two outputs for a 1×1 product")
	}
}
