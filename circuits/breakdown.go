package circuits

import (
	"fmt"
	"sort"
	"strings"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/logger"
	"github.com/consensys/gnark/profile"
	"github.com/zkml/zkml/plan"
)

// Cost is what one part of a circuit costs (see [Measure]).
type Cost struct {
	// Part is an op kind ("affine", "lookup", …; "affine/rescale" for
	// affine ops that round, "mul/rescale" likewise), or one of "input"
	// (the input range checks), "outputs" (binding or packing the public
	// outputs), "range table" (the range checker's table and final
	// assertion) and "deferred" (what gnark builds after Define: the lookup
	// tables' arguments and Freivalds' checks).
	Part   string
	Ops    int // plan ops of this part
	Values int // output elements of those ops
	// Direct counts the constraints built while defining the part; Range
	// those its range checks add when the range checker commits, as gnark's
	// lookup-based checker counts them (one recomposition per check, one
	// per limb, one more for a partial top limb). Direct includes the
	// checks themselves under WithBitDecompositionRangeChecks.
	Direct, Range int
	Checks        int // range checks of two bits or more
}

// Total is the part's constraint count.
func (c Cost) Total() int { return c.Direct + c.Range }

// Breakdown is a circuit's constraint count split by op kind.
type Breakdown struct {
	Total int // the constraint system's constraints
	Parts []Cost
}

// String formats b as a Markdown table, the largest part first.
func (b *Breakdown) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "| part | ops | values | constraints | share | of which range checks (checks) |\n|---|---:|---:|---:|---:|---:|\n")
	for _, c := range b.Parts {
		fmt.Fprintf(&s, "| %s | %d | %d | %d | %.1f%% | %d (%d) |\n", c.Part, c.Ops, c.Values, c.Total(), 100*float64(c.Total())/float64(max(b.Total, 1)), c.Range, c.Checks)
	}
	fmt.Fprintf(&s, "| **total** | | | **%d** | | |\n", b.Total)
	return s.String()
}

// Measure compiles the circuit of p with newBuilder (r1cs.NewBuilder or
// scs.NewBuilder) and says where its constraints go. It uses gnark's
// profiler, which is process-wide: do not compile other circuits meanwhile.
// It silences gnark's logger while it runs.
func Measure(p *plan.Plan, newBuilder frontend.NewBuilder, opts ...Option) (*Breakdown, constraint.ConstraintSystem, error) {
	b, ccs, _, err := measure(p, newBuilder, false, opts...)
	return b, ccs, err
}

// OpCosts estimates what each op of p costs, for cutting the model into
// segments that fit a constraint budget (see plan.ChooseCuts): ops[k] is
// what op k's definition and range checks cost, plus a share of the
// deferred constraints (the range checks' and lookups' arguments,
// Freivalds' checks) in proportion to its range checks and the outputs of
// its lookups and products; overhead is the rest (input checks, outputs,
// the range table), which every segment pays again. It compiles the
// circuit of p once, like Measure.
func OpCosts(p *plan.Plan, newBuilder frontend.NewBuilder, opts ...Option) (ops []int, overhead int, err error) {
	b, _, parts, err := measure(p, newBuilder, true, opts...)
	if err != nil {
		return nil, 0, err
	}
	// The deferred constraints (the range checks' and lookups' arguments,
	// Freivalds' checks) grow with the range checks, lookups and products
	// each op makes: share them out in proportion.
	ops = make([]int, len(p.Ops))
	w := make([]int, len(p.Ops))
	weight := 0
	for k := range p.Ops {
		if pt := parts[opPart(k)]; pt != nil {
			ops[k] = pt.Total()
			w[k] = pt.Range
		}
		if deferredKind(p.Ops[k].Kind) {
			w[k] += p.Tensors[p.Ops[k].Out].Size()
		}
		weight += w[k]
	}
	deferred := 0
	for _, c := range b.Parts {
		if c.Part == "deferred" {
			deferred = c.Total()
		}
	}
	attributed := 0
	for k := range p.Ops {
		if weight > 0 {
			ops[k] += int(int64(deferred) * int64(w[k]) / int64(weight))
		}
		attributed += ops[k]
	}
	return ops, max(b.Total-attributed, 0), nil
}

func deferredKind(k plan.OpKind) bool { return k == plan.OpLookup || k == plan.OpMul }

func opPart(k int) string { return fmt.Sprintf("op %d", k) }

func measure(p *plan.Plan, newBuilder frontend.NewBuilder, perOp bool, opts ...Option) (*Breakdown, constraint.ConstraintSystem, map[string]*part, error) {
	saved := logger.Logger()
	logger.Disable()
	defer logger.Set(saved)
	c := New(p, opts...)
	m := &meter{parts: map[string]*part{}, perOp: perOp}
	c.opts.meter = m
	ccs, err := frontend.Compile(field, newBuilder, c)
	m.stop()
	if err != nil {
		return nil, nil, nil, err
	}
	b := &Breakdown{Total: ccs.GetNbConstraints()}
	// gnark's checker picks one limb width for all checks, the one that
	// minimizes its count; so do we, with its formulas.
	_, isR1CS := ccs.(constraint.R1CS[constraint.U64])
	plonk := !isR1CS
	var all []int
	for _, part := range m.parts {
		all = append(all, part.widths...)
	}
	rest := b.Total
	if len(all) > 0 && !c.opts.bitDecomposition {
		base, best := 0, -1
		for w := 2; w < 18; w++ {
			if liftsRemainders(p, c.opts) && w != limbBits {
				continue // Define fixed the width
			}
			n := 1 << w
			if plonk {
				n *= 3
			}
			for _, bits := range all {
				n += checkCost(bits, w, plonk)
			}
			if best < 0 || n+1 < best {
				base, best = w, n+1
			}
		}
		for _, part := range m.parts {
			for _, bits := range part.widths {
				part.Range += checkCost(bits, base, plonk)
			}
		}
		table := 1<<base + 1
		if plonk {
			table = 3<<base + 1
		}
		m.parts["range table"] = &part{Cost: Cost{Part: "range table", Direct: table}}
	}
	for _, part := range m.parts {
		part.Checks = len(part.widths)
		rest -= part.Total()
		b.Parts = append(b.Parts, part.Cost)
	}
	b.Parts = append(b.Parts, Cost{Part: "deferred", Direct: rest})
	sort.SliceStable(b.Parts, func(i, j int) bool { return b.Parts[i].Total() > b.Parts[j].Total() })
	return b, ccs, m.parts, nil
}

// checkCost is what gnark's lookup-based range checker adds for one check
// of bits bits with limbs of base bits (nbR1CSConstraints and
// nbPLONKConstraints in std/rangecheck).
func checkCost(bits, base int, plonk bool) int {
	limbs := (bits + base - 1) / base
	if limbs*base > bits {
		limbs++
	}
	if plonk {
		return 4 * limbs
	}
	return limbs + 1
}

// meter attributes constraints to the part of the circuit being defined: a
// gnark profiling session per part counts the constraints built, and the
// range checks are recorded as they are requested (the checker builds
// them later).
type meter struct {
	label   string
	session *profile.Profile
	parts   map[string]*part
	perOp   bool // label each op by its index (OpCosts)
}

type part struct {
	Cost
	widths []int
}

// start attributes what follows to label, for one op of values outputs
// (ops 0: not an op).
func (m *meter) start(label string, ops, values int) {
	if m == nil {
		return
	}
	m.stop()
	pt := m.parts[label]
	if pt == nil {
		pt = &part{Cost: Cost{Part: label}}
		m.parts[label] = pt
	}
	pt.Ops += ops
	pt.Values += values
	m.label = label
	m.session = profile.Start(profile.WithNoOutput(), profile.WithoutOperations())
}

func (m *meter) stop() {
	if m == nil || m.session == nil {
		return
	}
	m.session.Stop()
	m.parts[m.label].Direct += m.session.NbConstraints()
	m.session = nil
}

// opLabel is the part op k counts in.
func (m *meter) opLabel(k int, op *plan.Op) string {
	if m != nil && m.perOp {
		return opPart(k)
	}
	return opLabel(op)
}

// opLabel is the part an op counts in by kind.
func opLabel(op *plan.Op) string {
	s := op.Kind.String()
	if (op.Kind == plan.OpAffine || op.Kind == plan.OpMul) && op.Shift > 0 {
		s += "/rescale"
	}
	return s
}

// meteredChecker records the range checks of the part being defined.
type meteredChecker struct {
	inner frontend.Rangechecker
	m     *meter
}

func (c meteredChecker) Check(v frontend.Variable, n int) {
	if n >= 2 && c.m.session != nil {
		pt := c.m.parts[c.m.label]
		pt.widths = append(pt.widths, n)
	}
	c.inner.Check(v, n)
}

// BoundaryCost estimates what n values at a cut of a split model cost
// each of the two segments around it (see WithChain): range checking them
// and committing to them, about a + b·n constraints; it compiles the two
// gadgets for two small sizes and extrapolates linearly (the hash costs
// one Poseidon2 compression per packed word). bits is the plan's
// ActivationBits.
func BoundaryCost(bits int, newBuilder frontend.NewBuilder, opts ...Option) (a, b float64, err error) {
	saved := logger.Logger()
	logger.Disable()
	defer logger.Set(saved)
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	per := commitPacking(bits).PerWord
	count := func(n int) (int, error) {
		c := &boundaryCircuit{Values: make([]frontend.Variable, n), bits: bits, bitDecomposition: o.bitDecomposition}
		ccs, err := frontend.Compile(field, newBuilder, c)
		if err != nil {
			return 0, err
		}
		return ccs.GetNbConstraints(), nil
	}
	n0, n1 := 16*per, 32*per
	c0, err := count(n0)
	if err != nil {
		return 0, 0, err
	}
	c1, err := count(n1)
	if err != nil {
		return 0, 0, err
	}
	b = float64(c1-c0) / float64(n1-n0)
	return float64(c0) - b*float64(n0), b, nil
}

// boundaryCircuit range checks and commits Values, as a segment does with
// the tensors at a cut.
type boundaryCircuit struct {
	Values           []frontend.Variable
	Digest           frontend.Variable `gnark:",public"`
	bits             int
	bitDecomposition bool
}

func (c *boundaryCircuit) Define(api frontend.API) error {
	g := newGadgets(api, c.bits, options{bitDecomposition: c.bitDecomposition})
	for _, v := range c.Values {
		if err := g.checkActivation(v); err != nil {
			return err
		}
	}
	h, err := g.commit(DomainChain, c.Values)
	if err != nil {
		return err
	}
	api.AssertIsEqual(h, c.Digest)
	return nil
}
