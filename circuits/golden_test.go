package circuits

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/zkml/zkml/plan"
)

var update = flag.Bool("update", false, "rewrite testdata/constraints.golden with the current constraint counts")

const goldenPath = "testdata/constraints.golden"

// counts is one golden line: constraints of the Groth16 (R1CS) and PLONK
// (sparse R1CS) constraint systems.
type counts struct{ r1cs, scs int }

// compileBoth compiles the circuit of p with both builders, as prover/
// does (gnark's default compile options): R1CS for Groth16, sparse R1CS for
// PLONK.
func compileBoth(t testing.TB, p *plan.Plan, opts ...Option) (r, s constraint.ConstraintSystem) {
	t.Helper()
	r, err := frontend.Compile(field, r1cs.NewBuilder, New(p, opts...))
	if err != nil {
		t.Fatalf("R1CS: %v", err)
	}
	s, err = frontend.Compile(field, scs.NewBuilder, New(p, opts...))
	if err != nil {
		t.Fatalf("PLONK: %v", err)
	}
	return r, s
}

func compileCounts(t testing.TB, p *plan.Plan, opts ...Option) counts {
	t.Helper()
	r, s := compileBoth(t, p, opts...)
	return counts{r.GetNbConstraints(), s.GetNbConstraints()}
}

// golden collects the counts every test measures; TestMain compares or
// rewrites the file once all tests ran, so that the model tests can add
// their lines without compiling the models twice.
var golden = struct {
	sync.Mutex
	got map[string]counts
}{got: map[string]counts{}}

func record(name string, c counts) {
	golden.Lock()
	defer golden.Unlock()
	golden.got[name] = c
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 {
		if err := checkGolden(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

// checkGolden compares the recorded counts with the golden file (only the
// names this run measured: a -run filter or a missing shared models folder
// measures fewer), or rewrites the file with -update.
func checkGolden() error {
	want, err := readGolden()
	if err != nil && !(*update && os.IsNotExist(err)) {
		return err
	}
	golden.Lock()
	defer golden.Unlock()
	if *update {
		for name, c := range golden.got {
			want[name] = c
		}
		return writeGolden(want)
	}
	var diffs []string
	for name, got := range golden.got {
		w, ok := want[name]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%s: not in the golden file (got r1cs %d, scs %d)", name, got.r1cs, got.scs))
		case w != got:
			diffs = append(diffs, fmt.Sprintf("%s: r1cs %d → %d, scs %d → %d", name, w.r1cs, got.r1cs, w.scs, got.scs))
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		return fmt.Errorf("constraint counts differ from %s (run go test ./circuits/ -update to accept):\n\t%s", goldenPath, strings.Join(diffs, "\n\t"))
	}
	return nil
}

func readGolden() (map[string]counts, error) {
	m := map[string]counts{}
	f, err := os.Open(goldenPath)
	if err != nil {
		return m, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"name r1cs scs\", got %q", goldenPath, n, line)
		}
		r, err1 := strconv.Atoi(fields[1])
		s, err2 := strconv.Atoi(fields[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: counts must be integers: %q", goldenPath, n, line)
		}
		m[fields[0]] = counts{r, s}
	}
	return m, sc.Err()
}

func writeGolden(m map[string]counts) error {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# Constraint counts of zkml circuits: name, R1CS (Groth16), sparse R1CS (PLONK).\n")
	b.WriteString("# Regenerate with: go test ./circuits/ -update\n")
	for _, name := range names {
		fmt.Fprintf(&b, "%s %d %d\n", name, m[name].r1cs, m[name].scs)
	}
	if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
		return err
	}
	return os.WriteFile(goldenPath, []byte(b.String()), 0o644)
}

// Plans that isolate one gadget, at one element and at n elements (the
// lookup-based range checks have a fixed cost, the table, that the second
// size amortizes).

// copyPlan: input → copy → output: the input range checks and the output
// equalities.
func copyPlan(n int) *plan.Plan {
	b := newPlanBuilder(32)
	x := b.input("x", n)
	b.output(b.affine("copy", []int{x}, identityRows(n), nil, 0))
	return b.plan()
}

func identityRows(n int) []row {
	rows := make([]row, n)
	for i := range rows {
		rows[i] = row{term(0, i, 1)}
	}
	return rows
}

// reluPlan: input → relu → output (the relu also range checks the input).
func reluPlan(n int) *plan.Plan {
	b := newPlanBuilder(32)
	b.output(b.relu("relu", b.input("x", n)))
	return b.plan()
}

// rescalePlan: input → ×3 rescaled by 2^shift → output (the rescale writes
// the public output directly).
func rescalePlan(n, shift int) *plan.Plan {
	b := newPlanBuilder(32)
	x := b.input("x", n)
	rows := identityRows(n)
	for i := range rows {
		rows[i][0].Coeff = 3
	}
	b.output(b.affine("scale", []int{x}, rows, nil, shift))
	return b.plan()
}

// rescaleReluPlan: input → rescale → relu → output, the layer pattern of an
// MLP: the relu's sign gadget doubles as the rescale's range check.
func rescaleReluPlan(n int) *plan.Plan {
	b := newPlanBuilder(32)
	x := b.input("x", n)
	rows := identityRows(n)
	for i := range rows {
		rows[i][0].Coeff = 3
	}
	b.output(b.relu("relu", b.affine("scale", []int{x}, rows, nil, 16)))
	return b.plan()
}

// maxPlan: input → max over rows of k → output.
func maxPlan(n, k int) *plan.Plan {
	b := newPlanBuilder(32)
	x := b.input("x", n*k)
	rows := make([]row, n)
	for i := range rows {
		for j := range k {
			rows[i] = append(rows[i], term(0, i*k+j, 1))
		}
	}
	b.output(b.maxOp("pool", []int{x}, rows))
	return b.plan()
}

// densePlan: input → dense exact affine (n×n, no rescale) → rescale → output.
// With withExact false the exact layer is left out: R1CS counts must match.
func densePlan(n int, withExact bool) *plan.Plan {
	b := newPlanBuilder(32)
	x := b.input("x", n)
	if withExact {
		rows := make([]row, n)
		for i := range rows {
			for j := range n {
				rows[i] = append(rows[i], term(0, j, int64((i*7+j*3)%5-2)))
			}
		}
		x = b.affine("dense", []int{x}, rows, nil, 0)
	}
	bias := make([]int64, n)
	bias[0] = 5
	b.output(b.affine("scale", []int{x}, identityRows(n), bias, 4))
	return b.plan()
}

func TestGoldenGadgets(t *testing.T) {
	plans := []struct {
		name string
		plan *plan.Plan
	}{
		{"copy/n=1", copyPlan(1)},
		{"copy/n=100", copyPlan(100)},
		{"relu/n=1", reluPlan(1)},
		{"relu/n=100", reluPlan(100)},
		{"rescale/shift=16/n=1", rescalePlan(1, 16)},
		{"rescale/shift=16/n=100", rescalePlan(100, 16)},
		{"rescale/shift=40/n=100", rescalePlan(100, 40)},
		{"rescale+relu/n=100", rescaleReluPlan(100)},
		{"max/k=4/n=25", maxPlan(25, 4)},
		{"dense-exact/n=10", densePlan(10, true)},
		{"mlp", mlpPlan(16)},
		{"exact", exactPlan(16)},
	}
	for _, tc := range plans {
		record("gadget/"+tc.name, compileCounts(t, tc.plan))
		record("gadget/"+tc.name+"/bitdec", compileCounts(t, tc.plan, WithBitDecompositionRangeChecks()))
	}
	// Packed outputs: one equality per word instead of one per output (or
	// none, where a rescale writes the output), plus the range checks of
	// outputs nothing else bounds (copy: none, the inputs are checked).
	for _, tc := range plans {
		switch tc.name {
		case "copy/n=100", "rescale/shift=16/n=100", "mlp", "exact":
		default:
			continue
		}
		k := WithPackedOutputs(DefaultPacking(tc.plan))
		record("gadget/"+tc.name+"/packed", compileCounts(t, tc.plan, k))
		record("gadget/"+tc.name+"/packed/bitdec", compileCounts(t, tc.plan, k, WithBitDecompositionRangeChecks()))
	}
	k := WithPackedOutputs(Packing{Bits: 32, PerWord: 7})
	record("gadget/sum/packed", compileCounts(t, sumPlan(32), k))
	record("gadget/sum/packed/bitdec", compileCounts(t, sumPlan(32), k, WithBitDecompositionRangeChecks()))
}

// TestFreeOps: an exact affine layer adds no R1CS constraint, and a copy
// adds none in either system.
func TestFreeOps(t *testing.T) {
	for _, opts := range [][]Option{nil, {WithBitDecompositionRangeChecks()}} {
		without, with := compileCounts(t, densePlan(10, false), opts...), compileCounts(t, densePlan(10, true), opts...)
		if with.r1cs != without.r1cs {
			t.Errorf("exact 10×10 affine: R1CS %d → %d constraints, want no change", without.r1cs, with.r1cs)
		}
		b := newPlanBuilder(32)
		x := b.input("x", 10)
		y := b.affine("copy1", []int{x}, identityRows(10), nil, 0)
		b.output(b.relu("relu", b.affine("copy2", []int{y}, identityRows(10), nil, 0)))
		if got, want := compileCounts(t, b.plan(), opts...), compileCounts(t, reluPlan(10), opts...); got != want {
			t.Errorf("two copies before a relu: %+v constraints, want %+v as without them", got, want)
		}
	}
}
