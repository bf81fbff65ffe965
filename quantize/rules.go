package quantize

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/zkml/zkml/onnx"
)

// The op table: everything Compile knows about an op type is its rule
// below (the float reference, float.go, is separate). To support a new op,
// add its rule here and its lowering in the file of its kind.

// rule is how Check and Compile treat one op type.
type rule struct {
	// check reports why a node cannot be compiled; nil accepts every node
	// (once its outputs and input 0 are checked, see Check).
	check func(g *onnx.Graph, n *onnx.Node, ints map[string]bool) error
	// lower emits a node's plan ops and returns its output tensor, or -1
	// when the output waits as a pending affine map (see emitAffine).
	lower func(c *compiler, n *onnx.Node) (int, error)
	// lowerAll lowers an op with several outputs (Split, TopK) instead.
	lowerAll func(c *compiler, n *onnx.Node) error
	// ranges lists the inputs that must provably lie in the activation
	// range (comparisons and products read them; see compiler.ranged).
	ranges func(g *onnx.Graph, n *onnx.Node) []string
	// absorbs says which pending affine maps the op folds into its own.
	absorbs absorbing
	// ints reports whether output 0 holds integers when isInt tells which
	// values do (see integerValues); nil: never. indices is the output
	// holding indices, 0 when none.
	ints    func(n *onnx.Node, isInt func(string) bool) bool
	indices int
	// bools says when output 0 is provably 0 or 1 (see booleanValues).
	bools booleanRule
	// move marks data movement; variadic ops read all inputs as data
	// (the others input 0; see dataInputs).
	move, variadic bool
	// table parametrizes a lookup table (lowerLookup).
	table *tableRule
}

type absorbing int

const (
	absorbsNone        absorbing = iota
	absorbsAny                   // elementwise readers: any map
	absorbsElementwise           // readers combining many elements: maps of one term per element
)

type booleanRule int

const (
	boolsNever  booleanRule = iota
	boolsAlways             // comparisons
	boolsFirst              // when input 0 is boolean (casts, data movement)
	boolsAll                // when every input is boolean (logic, maxima, minima, Concat)
)

// tableRule describes the function of a lookup table (see lookup.go).
type tableRule struct {
	// saturation returns S beyond which the function is constant (to
	// within 2^-16 of its range): the table covers [-S, S] whatever the
	// calibration saw, so that clamping is exact, and its output scale is
	// the calibrated one.
	saturation func(n *onnx.Node) float64
	// lo and hi bound the domain where the function is defined, when
	// limited (Sqrt from 0, Log above 0, Asin and Acos on [-1, 1]).
	limited bool
	lo, hi  float64
	// calibrated keeps the table to the calibrated domain, not widened by
	// the headroom (Tan, whose poles lie beyond).
	calibrated bool
}

// rules maps each op type Compile lowers to its rule; rejected maps op
// types onnx.Load keeps but Compile does not lower to the reason.
var (
	rules    map[string]*rule
	rejected = map[string]string{
		"ThresholdedRelu": "its step at alpha has no exact lowering yet; export x·(x > alpha) as Greater, Cast and Mul",
		"Dropout":         "its mask output is not supported; export the model in inference mode, whose Dropout onnx.Load removes",
	}
)

func init() {
	first := func(_ *onnx.Graph, n *onnx.Node) []string { return n.Inputs[:min(1, len(n.Inputs))] }
	all := func(_ *onnx.Graph, n *onnx.Node) []string { return n.Inputs }
	product := func(g *onnx.Graph, n *onnx.Node) []string { // both factors computed
		if len(n.Inputs) == 2 && g.Constants[n.Inputs[0]] == nil && g.Constants[n.Inputs[1]] == nil {
			return n.Inputs
		}
		return nil
	}
	keeps := func(n *onnx.Node, isInt func(string) bool) bool { // integers in, integers out
		all := len(n.Inputs) > 0
		for _, in := range n.Inputs[:min(len(n.Inputs), dataInputs(n))] {
			all = all && isInt(in)
		}
		return all
	}
	always := func(*onnx.Node, func(string) bool) bool { return true }
	byInteger := func(n *onnx.Node, isInt func(string) bool) bool { // x op (integer)
		return keeps(n, isInt) && len(n.Inputs) == 2 && isInt(n.Inputs[1])
	}

	movement := func(lower func(*compiler, *onnx.Node) (int, error), check func(*onnx.Graph, *onnx.Node, map[string]bool) error) *rule {
		return &rule{lower: lower, check: check, absorbs: absorbsAny, ints: keeps, bools: boolsFirst, move: true}
	}
	move := movement((*compiler).lowerMovement, nil)
	arith := &rule{lower: (*compiler).lowerBinary, absorbs: absorbsAny, ints: byInteger}
	compare := &rule{lower: (*compiler).lowerCompare, check: checkTwoInputs, ints: always, bools: boolsAlways}
	logic := &rule{lower: (*compiler).lowerLogic, check: withGraph(checkLogic), ints: keeps, bools: boolsAll}
	maxima := &rule{ranges: first, ints: keeps} // of one input
	linear := &rule{absorbs: absorbsElementwise}
	reluBased := &rule{lower: (*compiler).lowerReluBased, check: checkElementwise, ranges: all}
	rounding := &rule{lower: (*compiler).lowerRounding, check: checkElementwise, ranges: all, ints: always}
	table := func(t *tableRule) *rule {
		return &rule{lower: (*compiler).lowerLookup, check: checkElementwise, ranges: all, table: t}
	}
	plain := table(&tableRule{})
	saturates := func(s float64) *rule {
		return table(&tableRule{saturation: func(*onnx.Node) float64 { return s }})
	}
	selection := &rule{check: withGraph(checkSelect)}
	with := func(r *rule, f func(*rule)) *rule { c := *r; f(&c); return &c }

	rules = map[string]*rule{
		// data movement
		"Identity": move, "Reshape": move, "Flatten": move, "Squeeze": move, "Unsqueeze": move,
		"Transpose": move, "Slice": move, "Expand": move, "Tile": move, "Resize": move, "Upsample": move,
		"Pad": with(movement((*compiler).lowerMovement, checkPad), func(r *rule) { r.bools = boolsNever }),
		"Concat": with(move, func(r *rule) {
			r.absorbs, r.variadic, r.bools = absorbsNone, true, boolsAll
		}),
		"Gather": movement((*compiler).lowerGather, withGraph(checkGather)),
		"Split":  {lowerAll: (*compiler).lowerSplit},

		// affine ops
		"Add": arith, "Sub": arith,
		"Mul":                with(arith, func(r *rule) { r.ranges = product }),
		"Div":                with(arith, func(r *rule) { r.check, r.ranges, r.ints = checkDiv, computedDivisor, nil }),
		"Neg":                {lower: (*compiler).lowerUnary, absorbs: absorbsAny, ints: keeps},
		"Cast":               {lower: (*compiler).lowerUnary, check: checkCast, absorbs: absorbsAny, ints: keeps, bools: boolsFirst},
		"Sum":                {lower: (*compiler).lowerSum, absorbs: absorbsAny, ints: keeps, variadic: true},
		"Mean":               {lower: (*compiler).lowerSum, absorbs: absorbsAny, variadic: true},
		"BatchNormalization": {lower: (*compiler).lowerBatchNorm, check: checkBatchNorm, absorbs: absorbsAny},
		"Gemm":               with(linear, func(r *rule) { r.lower, r.check = (*compiler).lowerGemm, checkGemm }),
		"MatMul": with(linear, func(r *rule) {
			r.lower, r.check, r.ranges, r.ints = (*compiler).lowerMatMul, checkGemm, product, byInteger
		}),
		"Conv":              with(linear, func(r *rule) { r.lower, r.check = (*compiler).lowerConv, checkConv }),
		"ConvTranspose":     with(linear, func(r *rule) { r.lower, r.check = (*compiler).lowerConvTranspose, checkConv }),
		"AveragePool":       with(linear, func(r *rule) { r.lower = (*compiler).lowerPool }),
		"GlobalAveragePool": with(linear, func(r *rule) { r.lower = (*compiler).lowerReduce }),
		"ReduceMean":        with(linear, func(r *rule) { r.lower = (*compiler).lowerReduce }),
		"ReduceSum":         with(linear, func(r *rule) { r.lower, r.ints = (*compiler).lowerReduce, keeps }),

		// comparisons, logic and selection
		"Relu":          {lower: (*compiler).lowerRelu, ranges: first, ints: keeps},
		"MaxPool":       with(maxima, func(r *rule) { r.lower = (*compiler).lowerPool }),
		"GlobalMaxPool": with(maxima, func(r *rule) { r.lower = (*compiler).lowerReduce }),
		"ReduceMax":     with(maxima, func(r *rule) { r.lower = (*compiler).lowerReduce }),
		// Read through a stacking copy (see stack), which is ranged itself;
		// ranging the inputs keeps that copy exact.
		"ReduceMin": {lower: (*compiler).lowerReduceMin, ranges: all, ints: keeps},
		"Max":       {lower: (*compiler).lowerMaxMin, ranges: all, ints: keeps, bools: boolsAll, variadic: true},
		"Min":       {lower: (*compiler).lowerMaxMin, ranges: all, ints: keeps, bools: boolsAll, variadic: true},
		"Clip":      {lower: (*compiler).lowerClip, ranges: all, ints: clipInts(keeps)},
		"Greater":   compare, "Less": compare, "GreaterOrEqual": compare, "LessOrEqual": compare, "Equal": compare,
		"Not": logic, "And": logic, "Or": logic, "Xor": logic,
		"Where":           {lower: (*compiler).lowerWhere, check: withGraph(checkWhere)},
		"ArgMax":          {lower: (*compiler).lowerArgMax, ints: always},
		"ArgMin":          {lower: (*compiler).lowerArgMax, ints: always},
		"TopK":            {lowerAll: (*compiler).lowerTopK, ranges: all, ints: keeps, indices: 1},
		"OneHot":          with(selection, func(r *rule) { r.lower = (*compiler).lowerOneHot }),
		"GatherElements":  with(selection, func(r *rule) { r.lower = (*compiler).lowerGatherElements }),
		"ScatterElements": with(selection, func(r *rule) { r.lower, r.ints = (*compiler).lowerScatterElements, scatterInts(keeps) }),

		// piecewise-linear and rounding (nonlinear.go)
		"LeakyRelu": reluBased, "Abs": reluBased,
		"PRelu": with(reluBased, func(r *rule) { r.check = checkPRelu }),
		"Floor": rounding, "Ceil": rounding, "Round": rounding,

		// lookup tables (lookup.go)
		"Sigmoid": saturates(12), "Tanh": saturates(6), "Erf": saturates(4),
		"HardSigmoid": table(&tableRule{saturation: hardSigmoidSaturation}),
		"Exp":         plain, "Gelu": plain, "Softplus": plain, "Softsign": plain, "Elu": plain, "Selu": plain,
		"Celu": plain, "HardSwish": plain, "Mish": plain, "Reciprocal": plain, "Sin": plain, "Cos": plain,
		"Sign": plain, "Atan": plain,
		"Sqrt": table(&tableRule{limited: true, lo: 0, hi: math.Inf(1)}),
		"Log":  table(&tableRule{limited: true, lo: math.SmallestNonzeroFloat64, hi: math.Inf(1)}),
		"Asin": table(&tableRule{limited: true, lo: -1, hi: 1}),
		"Acos": table(&tableRule{limited: true, lo: -1, hi: 1}),
		"Tan":  table(&tableRule{calibrated: true}),
		"Pow":  with(plain, func(r *rule) { r.check = checkPow }),

		// row normalizations (softmax.go)
		"Softmax":         {lower: (*compiler).lowerSoftmax, ranges: all},
		"LogSoftmax":      {lower: (*compiler).lowerLogSoftmax, ranges: all},
		"ReduceLogSumExp": {lower: (*compiler).lowerLogSoftmax, ranges: all},
	}
	for op, r := range rules {
		if r.move {
			movementOps[op] = true
		}
	}
}

// movementOps are the data-movement ops (the rules marked move).
var movementOps = map[string]bool{}

// SupportedOps returns the op types Compile lowers, sorted. Some take only
// some forms of their inputs (Check explains a refusal); onnx.Load folds
// constant subgraphs of any op it knows before.
func SupportedOps() []string {
	ops := make([]string, 0, len(rules))
	for op := range rules {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	return ops
}

// unsupported is Check's error for an op without a rule.
func unsupported(op string) error { return unsupportedOpError{op} }

// dataInputs returns how many of n's inputs carry data (the rest are
// constant parameters or, for binary ops, checked by the op).
func dataInputs(n *onnx.Node) int {
	if r := rules[n.OpType]; r != nil && r.variadic {
		return len(n.Inputs)
	}
	return 1
}

// absorbs reports whether node n can fold the affine map p that computes
// one of its inputs into its own. Elementwise readers (Add, Mul by a
// constant, BatchNormalization, data movement) can fold any map without
// multiplying its terms; readers that combine many elements (Gemm, Conv,
// pooling averages) only maps with at most one term per element (data
// movement, scaling). Concat aligns its inputs' scales first, and
// comparisons read tensors.
func absorbs(n *onnx.Node, p *linear) bool {
	r := rules[n.OpType]
	if r == nil {
		return false
	}
	switch r.absorbs {
	case absorbsAny:
		return true
	case absorbsElementwise:
		return p.elementwise()
	}
	return false
}

// withGraph adapts a check that needs no integer values.
func withGraph(f func(*onnx.Graph, *onnx.Node) error) func(*onnx.Graph, *onnx.Node, map[string]bool) error {
	return func(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error { return f(g, n) }
}

// computedDivisor ranges both inputs of a quotient by a computed value.
func computedDivisor(g *onnx.Graph, n *onnx.Node) []string {
	if len(n.Inputs) == 2 && g.Constants[n.Inputs[1]] == nil {
		return n.Inputs
	}
	return nil
}

// clipInts: a clip of integers to integer bounds holds integers.
func clipInts(keeps func(*onnx.Node, func(string) bool) bool) func(*onnx.Node, func(string) bool) bool {
	return func(n *onnx.Node, isInt func(string) bool) bool {
		lo, hi := n.Float("min", math.Inf(-1)), n.Float("max", math.Inf(1))
		return keeps(n, isInt) && (math.IsInf(lo, 0) || lo == math.Trunc(lo)) && (math.IsInf(hi, 0) || hi == math.Trunc(hi))
	}
}

// scatterInts: integer updates into integer data.
func scatterInts(keeps func(*onnx.Node, func(string) bool) bool) func(*onnx.Node, func(string) bool) bool {
	return func(n *onnx.Node, isInt func(string) bool) bool {
		return keeps(n, isInt) && len(n.Inputs) == 3 && isInt(n.Inputs[2])
	}
}

func checkTwoInputs(_ *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if len(n.Inputs) != 2 {
		return fmt.Errorf("has %d inputs, want 2", len(n.Inputs))
	}
	return nil
}

func checkPad(_ *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	switch m := n.String("mode", "constant"); m {
	case "constant", "reflect", "edge", "wrap":
		return nil
	default:
		return fmt.Errorf("pad mode %q is not supported (constant, reflect, edge and wrap are)", m)
	}
}

func checkCast(g *onnx.Graph, n *onnx.Node, ints map[string]bool) error {
	to, err := castTarget(g, n)
	if err != nil {
		return err
	}
	if to == onnx.Bool && !booleanValues(g)[n.Inputs[0]] {
		return errors.New("casting a value that is not provably 0 or 1 to bool is a comparison, which zkml does not support")
	}
	if !to.IsFloat() && !ints[n.Inputs[0]] {
		return fmt.Errorf("casting %q to %s rounds a real value, which zkml does not support; only values computed from integer inputs can be cast to integers", n.Inputs[0], to)
	}
	return nil
}

func isConstInput(g *onnx.Graph, n *onnx.Node, i int) bool {
	return i < len(n.Inputs) && g.Constants[n.Inputs[i]] != nil
}

func checkDiv(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if isConstInput(g, n, 0) && !isConstInput(g, n, 1) {
		return errors.New("dividing a constant by a computed value is not supported; divide a computed value (Reciprocal is a lookup table)")
	}
	return nil
}

func checkGemm(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if len(n.Inputs) < 2 {
		return errors.New("needs two operands")
	}
	if n.OpType == "Gemm" && !isConstInput(g, n, 0) && !isConstInput(g, n, 1) {
		return errors.New("both operands are computed from the inputs; zkml needs one of them to be a constant (weights), or use MatMul")
	}
	return nil
}

func checkConv(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if len(n.Inputs) < 2 || !isConstInput(g, n, 1) {
		return errors.New("the weights are computed from the inputs; zkml needs constant weights")
	}
	if len(n.Inputs) > 2 && n.Inputs[2] != "" && !isConstInput(g, n, 2) {
		return errors.New("the bias is computed from the inputs; zkml needs a constant bias")
	}
	return nil
}

func checkBatchNorm(g *onnx.Graph, n *onnx.Node, _ map[string]bool) error {
	if n.Int("training_mode", 0) != 0 {
		return errors.New("training_mode=1 is not supported; export the model in inference mode")
	}
	for i := 1; i < len(n.Inputs); i++ {
		if !isConstInput(g, n, i) {
			return fmt.Errorf("input %d (%q) is computed from the inputs; zkml needs constant statistics", i, n.Inputs[i])
		}
	}
	return nil
}
