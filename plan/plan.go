package plan

// A Plan is a model lowered to integer arithmetic: what the circuit proves and
// what the integer executor computes. It is produced by Compile from an
// onnx.Graph and calibration samples, and it is all the later stages need:
// circuits/ builds constraints from it, prover/ stores it in the build
// directory, and the integer executor (Plan.Run) generates the witness.
//
// Every activation tensor holds fixed-point integers q with value q / 2^Scale.
// The circuit proves that the tensors RangeChecked names lie in
// [-2^(ActivationBits-1), 2^(ActivationBits-1)), and the integer executor
// checks exactly those, so that Run and the circuit accept the same inputs
// and a model that leaves the range fails with an error naming the node
// rather than with an unsatisfied circuit.
type Plan struct {
	Config  Config
	Tensors []Tensor // every activation tensor; an op or input refers to one by index
	Inputs  []int    // tensor indices of the model inputs, in graph order
	Outputs []int    // tensor indices of the model outputs, in graph order
	Ops     []Op     // in execution order; each writes exactly one tensor
}

// Tensor describes one activation tensor of the plan.
type Tensor struct {
	Name  string // the ONNX value name
	Shape []int
	Scale int // value = q / 2^Scale
	// Bound is a static upper bound on |q| as log2 (|q| ≤ 2^Bound), proven by
	// the planner from the ops' coefficients and the range checks (at most 62
	// so that the integer executor never overflows int64).
	Bound int
	// MaxAbs is the largest |value| the calibration samples reached (0 when
	// unknown or not an ONNX value). Informational: Report shows it next to
	// the range the scale allows.
	MaxAbs float64
}

// Size is the number of elements.
func (t *Tensor) Size() int {
	n := 1
	for _, d := range t.Shape {
		n *= d
	}
	return n
}

// OpKind selects what an Op computes.
type OpKind int

const (
	// OpAffine: out[i] = Rescale(Bias[i] + Σ Coeff·in, Shift) over the terms
	// of row i. With Shift == 0 it is exact and costs no constraint in R1CS
	// (weights are circuit constants); with Shift > 0 the result is rounded
	// (half up) and range checked. Gemm, MatMul with a constant, Conv,
	// pooling averages, BatchNormalization, arithmetic with constants,
	// elementwise Add/Sub and every pure data movement (Reshape, Transpose,
	// Slice, Pad, Concat, ...) lower to it.
	OpAffine OpKind = iota + 1
	// OpRelu: out[i] = max(in0[i], 0), elementwise (same size).
	OpRelu
	// OpMax: out[i] = the maximum of the terms of row i (coefficients are 1
	// and ignored; each row has at least one term). MaxPool lowers to it.
	// Its inputs must be close enough for the circuit's comparisons: in a
	// row of fewer than MaxRowHint terms, each term and the maximum of
	// those before it differ by less than 2^ActivationBits; in a longer
	// row, each term lies less than 2^ActivationBits below the maximum.
	OpMax
	// OpLookup: out[i] = Table[clamp(Rescale(in0[i], Shift), TableMin,
	// TableMin+len(Table)-1) - TableMin], elementwise (same size). Nonlinear
	// functions (Sigmoid, Tanh, Exp, Erf, Gelu, ...) lower to it: the table
	// holds the function at the input and output scales, over the domain
	// calibration saw (times the headroom); inputs beyond it are clamped.
	OpLookup
	// OpMul: out[i] = Rescale(Σ x·y, Shift) over the pairs of consecutive
	// terms of row i (x from the first term of a pair, y from the second;
	// coefficients are 1; a row has at least one pair). Products of two
	// computed tensors lower to it: elementwise Mul with one pair per row,
	// MatMul with one pair per term of the dot product.
	OpMul
	// OpDiv: out[i] = ⌊(2·a·2^Shift + b) / (2·b)⌋, that is a·2^Shift / b
	// rounded half up, where a and b are the elements the two terms of row
	// i name (coefficients 1; the dividend from In[0], the divisor from
	// In[1]). The divisor must be at least 1. Softmax and division by a
	// computed tensor lower to it.
	OpDiv
)

func (k OpKind) String() string {
	switch k {
	case OpAffine:
		return "affine"
	case OpRelu:
		return "relu"
	case OpMax:
		return "max"
	case OpLookup:
		return "lookup"
	case OpMul:
		return "mul"
	case OpDiv:
		return "div"
	}
	return "unknown"
}

// Op is one integer operation.
type Op struct {
	Kind OpKind
	Node string // the ONNX node(s) it implements, for errors and reports
	In   []int  // input tensor indices
	Out  int    // output tensor index

	// Rows for OpAffine, OpMax and OpMul, in CSR form: the terms of output element i
	// are Terms[RowStart[i]:RowStart[i+1]]; len(RowStart) == size(Out)+1.
	RowStart []int32
	Terms    []Term
	Bias     []int64 // OpAffine: per output element, at the accumulator's scale; nil means zeros
	Shift    int     // OpAffine, OpLookup, OpMul: rescale by 2^Shift (0: none)

	// OpLookup: the function's values, for inputs TableMin, TableMin+1, ...
	Table    []int64
	TableMin int64
	// OpLookup: which ends of the table clamp exactly, because the function
	// is constant at the output scale beyond them (Sigmoid's, Tanh's). A
	// clamp at another end approximates; Clamps counts those. A strict end
	// does not clamp: an input beyond it is an error, like a value beyond
	// the activation range (the circuit then spares that end's comparison).
	Saturates Saturation
}

// Saturation says at which ends of its table a lookup's function saturates,
// and which ends are strict.
type Saturation uint8

const (
	SaturatesBelow Saturation = 1 << iota // inputs below TableMin clamp exactly
	SaturatesAbove                        // inputs above the last entry clamp exactly
	StrictBelow                           // inputs below TableMin are an error
	StrictAbove                           // inputs above the last entry are an error
)

// Term is one coefficient times one element of one input tensor.
type Term struct {
	In    int32 // index into Op.In
	Idx   int32 // flat row-major element index into that tensor
	Coeff int64
}
