package circuits

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/multicommit"
	"github.com/zkml/zkml/plan"
)

// Products of two computed matrices (attention's Q·Kᵀ and scores·V) by
// Freivalds' check instead of one constraint per multiply.
//
// An OpMul whose rows form a batched matrix product, C = A·B with A m×k and
// B k×n per batch, costs m·k·n multiplication constraints when every product
// is its own constraint. Instead a hint supplies the raw accumulators C (the
// sums of products, before the rescale, which stays as for any OpMul), and
// the circuit checks A·(B·r) = C·r for the vector r = (1, ρ, ρ², …, ρ^(n−1))
// of powers of a challenge ρ. That costs k·(n−1) + m·k + m·(n−1)
// multiplications and m equalities per batch: for a 64×16×64 head, 6,128
// R1CS constraints instead of 65,536.
//
// Soundness. ρ is drawn from a commitment to every variable A, B and C are
// made of (gnark's frontend.Committer, shared through std/multicommit with
// the range checks' and lookup tables' log-derivative arguments, so that the
// proof carries one BSB22 commitment, the one the Solidity verifier
// supports): the prover fixes A, B and C before it learns ρ. If C ≠ A·B as
// matrices over the field, some row i of D = A·B − C is not zero, and row i
// of the check holds only if ρ is a root of the nonzero polynomial
// Σ_j D_ij·X^j of degree below n: at most n−1 of the p ≈ 2^254 challenges,
// a soundness error of (n−1)/p < 2^−240 per attempt (the commitment hashes
// to ρ, so a cheating prover can only retry, one hash each). The check is
// an identity in the field, and that is enough: the entries of A and B are
// field elements standing for integers bounded as Define proves (checkMul
// bounds every Σ|a|·|b| below 2^236), so the integer sum of products is far
// below p/2 and C, equal to it modulo p, stands for exactly that signed
// integer, which is all the rescale gadget needs of its accumulator. No range
// check of C is needed.
//
// When it is used (the rule, per batch of an op):
//
//   - the rows must form a matrix product: the op's output has at least two
//     dimensions, the last two m×n, every row has k pairs, and pair p of
//     element (i, j) reads the same left element for every j and the same
//     right element for every i (matmulBatches verifies this; a plan that
//     does not have this shape keeps one constraint per multiply);
//   - m·k·n ≥ 2·(m·k + k·n + m·n): R1CS pays m·k·n constraints directly and
//     about m·k + k·n + m·n with the check; PLONK about 2·m·k·n gates (a
//     multiplication and an addition per product) against about
//     3·(m·k + k·n + m·n) (a copy gate per committed variable, then a
//     multiplication and an addition per term). The factor 2 makes the check
//     cheaper in both systems whenever it is chosen. Elementwise products
//     (k = 1) and small matrices keep the direct products;
//   - the builder commits (frontend.Committer), and a commitment is allowed:
//     always with the default lookup range checks; with
//     [WithBitDecompositionRangeChecks], only when the circuit has a lookup
//     table anyway (which needs the commitment itself), since that mode's
//     point is a Groth16 verifier without one. Otherwise the accumulators are
//     pinned by direct products (c = Σ a·b for every entry), as sound as
//     without the check and only slightly dearer than the plain path.

// freivaldsFactor is the margin of the rule above: use the check when
// m·k·n ≥ freivaldsFactor·(m·k + k·n + m·n).
const freivaldsFactor = 2

// matmul is one batch of an OpMul that is a matrix product: out[base + i·n
// + j] = Σ_p a[i·k + p]·b[p·n + j].
type matmul struct {
	m, k, n int
	base    int
	a, b    []plan.Term // the left (m×k) and right (k×n) factors' elements
}

// matmulBatches returns the batches of op when its rows form a batched
// matrix product of an output of the given shape, verified element by
// element; ok is false otherwise.
func matmulBatches(op *plan.Op, shape []int) (batches []matmul, ok bool) {
	if len(shape) < 2 {
		return nil, false
	}
	m, n := shape[len(shape)-2], shape[len(shape)-1]
	size := len(op.RowStart) - 1
	if m <= 0 || n <= 0 || size%(m*n) != 0 || size == 0 {
		return nil, false
	}
	k := int(op.RowStart[1]-op.RowStart[0]) / 2
	if k == 0 {
		return nil, false
	}
	for i := 0; i < size; i++ {
		if int(op.RowStart[i+1]-op.RowStart[i]) != 2*k {
			return nil, false
		}
	}
	same := func(x, y plan.Term) bool { return x.In == y.In && x.Idx == y.Idx }
	for base := 0; base < size; base += m * n {
		mm := matmul{m: m, k: k, n: n, base: base, a: make([]plan.Term, m*k), b: make([]plan.Term, k*n)}
		for i := 0; i < m; i++ {
			row := op.Terms[op.RowStart[base+i*n]:]
			for p := 0; p < k; p++ {
				mm.a[i*k+p] = row[2*p]
			}
		}
		for j := 0; j < n; j++ {
			row := op.Terms[op.RowStart[base+j]:]
			for p := 0; p < k; p++ {
				mm.b[p*n+j] = row[2*p+1]
			}
		}
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				row := op.Terms[op.RowStart[base+i*n+j]:]
				for p := 0; p < k; p++ {
					if !same(row[2*p], mm.a[i*k+p]) || !same(row[2*p+1], mm.b[p*n+j]) {
						return nil, false
					}
				}
			}
		}
		batches = append(batches, mm)
	}
	return batches, true
}

// freivaldsPays is the rule: the check costs at most half the direct
// products.
func freivaldsPays(m, k, n int) bool {
	return m*k*n >= freivaldsFactor*(m*k+k*n+m*n)
}

// productCheck is one pending Freivalds check: c (m×n) must be a (m×k)
// times b (k×n).
type productCheck struct {
	m, k, n int
	a, b, c []frontend.Variable
}

// matmulAccumulators returns the raw accumulators of op (one per output
// element) when op is a matrix product the check pays for, supplied by a
// hint and registered for the check; nil when op keeps direct products.
func (g *gadgets) matmulAccumulators(op *plan.Op, vals [][]frontend.Variable, shape []int) ([]frontend.Variable, error) {
	if _, ok := g.api.(frontend.Committer); !ok {
		return nil, nil
	}
	batches, ok := matmulBatches(op, shape)
	if !ok || !freivaldsPays(batches[0].m, batches[0].k, batches[0].n) {
		return nil, nil
	}
	accs := make([]frontend.Variable, len(op.RowStart)-1)
	for _, mm := range batches {
		read := func(ts []plan.Term) []frontend.Variable {
			vs := make([]frontend.Variable, len(ts))
			for i, t := range ts {
				vs[i] = vals[op.In[t.In]][t.Idx]
			}
			return vs
		}
		a, b := read(mm.a), read(mm.b)
		c, err := g.matmulHint(mm.m, mm.k, mm.n, a, b)
		if err != nil {
			return nil, err
		}
		copy(accs[mm.base:], c)
		g.products = append(g.products, productCheck{m: mm.m, k: mm.k, n: mm.n, a: a, b: b, c: c})
	}
	return accs, nil
}

// matmulHint returns the hint outputs C = A·B.
func (g *gadgets) matmulHint(m, k, n int, a, b []frontend.Variable) ([]frontend.Variable, error) {
	in := make([]frontend.Variable, 0, 3+len(a)+len(b))
	in = append(in, m, k, n)
	in = append(in, a...)
	in = append(in, b...)
	return g.api.Compiler().NewHint(matmulHint, m*n, in...)
}

// finishProducts pins down the accumulators of every pending check, once all
// ops are built (so that it knows whether the circuit has a lookup table):
// with Freivalds' check when a commitment is allowed, by direct products
// otherwise (see the rule above). Registering the commitment here, after
// the range checker and every table deferred their own arguments, is what
// makes it one: gnark runs deferred functions in order, so theirs add
// their variables to the multicommitter before it commits, last.
func (g *gadgets) finishProducts() {
	if len(g.products) == 0 {
		return
	}
	checks := g.products
	g.products = nil
	if g.bitDecomposition && len(g.tables) == 0 {
		for _, pc := range checks {
			g.directProducts(pc)
		}
		return
	}
	var committed []frontend.Variable
	for _, pc := range checks {
		committed = append(committed, pc.a...)
		committed = append(committed, pc.b...)
		committed = append(committed, pc.c...)
	}
	// The callback runs after every variable of the circuit is committed
	// to; it only multiplies and asserts, so it adds nothing to commit.
	multicommit.WithCommitment(g.api, func(api frontend.API, rho frontend.Variable) error {
		maxN := 0
		for _, pc := range checks {
			maxN = max(maxN, pc.n)
		}
		r := make([]frontend.Variable, maxN)
		r[0] = 1
		for j := 1; j < maxN; j++ {
			r[j] = rho
			if j > 1 {
				r[j] = api.Mul(r[j-1], rho)
			}
		}
		for _, pc := range checks {
			freivalds(api, pc, r)
		}
		return nil
	}, committed...)
}

// freivalds asserts A·(B·r) = C·r, row by row; r[0] = 1.
func freivalds(api frontend.API, pc productCheck, r []frontend.Variable) {
	// sum returns Σ_j xs[j]·ys[j], with ys[0] = 1 when ys is r.
	sum := func(xs, ys []frontend.Variable, ysIsR bool) frontend.Variable {
		terms := make([]frontend.Variable, len(xs))
		for j, x := range xs {
			if j == 0 && ysIsR {
				terms[j] = x
			} else {
				terms[j] = api.Mul(x, ys[j])
			}
		}
		if len(terms) == 1 {
			return terms[0]
		}
		return api.Add(terms[0], terms[1], terms[2:]...)
	}
	br := make([]frontend.Variable, pc.k)
	for p := range pc.k {
		br[p] = sum(pc.b[p*pc.n:(p+1)*pc.n], r, true)
	}
	for i := range pc.m {
		lhs := sum(pc.a[i*pc.k:(i+1)*pc.k], br, false)
		rhs := sum(pc.c[i*pc.n:(i+1)*pc.n], r, true)
		api.AssertIsEqual(lhs, rhs)
	}
}

// directProducts asserts every accumulator of pc equals its sum of products.
func (g *gadgets) directProducts(pc productCheck) {
	prods := make([]frontend.Variable, pc.k)
	for i := range pc.m {
		for j := range pc.n {
			for p := range pc.k {
				prods[p] = g.api.Mul(pc.a[i*pc.k+p], pc.b[p*pc.n+j])
			}
			sum := prods[0]
			if pc.k > 1 {
				sum = g.api.Add(prods[0], prods[1], prods[2:]...)
			}
			g.api.AssertIsEqual(sum, pc.c[i*pc.n+j])
		}
	}
}

// matmulHint: inputs (m, k, n, A row-major m×k, B row-major k×n), outputs
// C = A·B row-major m×n, every value read as a signed integer.
func matmulHint(field *big.Int, inputs, outputs []*big.Int) error {
	if len(inputs) < 3 {
		return fmt.Errorf("matmul hint: got %d inputs, want at least 3", len(inputs))
	}
	var dims [3]int
	for i := range dims {
		if !inputs[i].IsInt64() || inputs[i].Int64() < 1 || inputs[i].Int64() > maxTensorSize {
			return fmt.Errorf("matmul hint: dimension %d is %s", i, inputs[i])
		}
		dims[i] = int(inputs[i].Int64())
	}
	m, k, n := dims[0], dims[1], dims[2]
	if m*k > maxTensorSize || k*n > maxTensorSize || len(inputs) != 3+m*k+k*n || len(outputs) != m*n {
		return fmt.Errorf("matmul hint: %d inputs and %d outputs for a %d×%d by %d×%d product", len(inputs), len(outputs), m, k, k, n)
	}
	a := make([]*big.Int, m*k)
	for i := range a {
		a[i] = signed(field, inputs[3+i])
	}
	b := make([]*big.Int, k*n)
	for i := range b {
		b[i] = signed(field, inputs[3+m*k+i])
	}
	t := new(big.Int)
	for i := range m {
		for j := range n {
			acc := outputs[i*n+j].SetInt64(0)
			for p := range k {
				acc.Add(acc, t.Mul(a[i*k+p], b[p*n+j]))
			}
			acc.Mod(acc, field)
		}
	}
	return nil
}

func init() { solver.RegisterHint(matmulHint) }
