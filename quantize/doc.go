// Package quantize turns an imported ONNX graph into integer arithmetic: the
// plan that zkml's circuits prove.
//
// # Using it
//
// Start from a graph loaded by onnx.Load and a few sample inputs that look
// like the ones you will prove:
//
//	cal, err := quantize.Calibrate(g, samples)           // float ranges of every value
//	p, err := quantize.Compile(g, cal, plan.DefaultConfig())
//	out, err := p.Predict(input)                         // what the circuit will output
//
// The result is a [plan.Plan] (see package plan for its format, fixed point
// and integer executor). [RunFloat] executes the same graph in float64 with
// ONNX semantics; comparing the two measures what quantization costs.
// [ReportOn] adds each layer's measured error to the plan's report. [Check]
// lists every node that cannot be compiled, all at once.
//
// # How scales are chosen
//
// Calibration records m, the largest |x| of every value over the samples.
// A value's scale is the largest s ≤ MaxScale with m·Headroom·2^s below
// 2^(ActivationBits-2) (one bit of margin beyond the headroom). Scales do
// not go below 0: a value reaching 2^(ActivationBits-2) even at scale 0 is
// an error asking for more activation bits. Integer-typed model inputs get
// scale 0, which is exact.
//
// Linear ops become one affine op each: out = Rescale(bias + Σ coeff·in,
// shift). Their coefficients (weights, 1/n of an average, BatchNormalization's
// per-channel factor, 1 for data movement) are quantized per op and per
// input: at the smallest scale at which they are all exact when that needs no
// more than WeightBits bits (data movement, powers of two), otherwise at
// WeightBits bits of precision for the largest one (capped at MaxScale). The
// products land at the accumulator scale s_acc = s_in + s_w; inputs at a
// lower scale than the others get coefficients multiplied by the
// difference (exact), and the bias is quantized directly at s_acc. The
// output keeps the scale min(s_acc, scale of its calibrated range), and the
// difference is the op's Shift: Shift 0 is exact and free in the circuit,
// Shift > 0 costs range checks.
//
// Data movement (Reshape, Transpose, Slice, Pad, Concat, Gather with
// constant indices, ...) keeps its input's scale. Concat of inputs at
// different scales first rounds the higher-scale inputs down to the lowest
// scale with a separate op, since one op has one Shift.
//
// # Bounds
//
// Every tensor carries a static bound (|q| ≤ 2^Bound), derived from the ops'
// coefficients: inputs and range-checked outputs are bounded by the
// activation range, an exact affine op by Σ|coeff|·2^bound + |bias|. An
// accumulator must stay within 62 bits (int64); when weights would push it
// beyond, the op's weight precision is reduced, and Compile fails if that is
// not enough. Values read by comparisons (Relu, max pooling) and model
// outputs must be provably within the activation range: where the static
// bound exceeds it and the op has no Shift, its accumulator is doubled and
// shifted back by 1, which is exact and makes the circuit range-check it
// (calibration says the value fits); only without room for that bit does the
// op round away the bits the bound cannot rule out.
//
// # Folding
//
// An affine op whose only reader is elementwise (a bias Add after a MatMul,
// a Mul by a constant, a Reshape, ...) is folded into that reader, and data
// movement or scaling is folded into a following Gemm, Conv or average,
// so that the pair is quantized once and costs one rescale. The folded op's
// Node names all the ONNX nodes it implements, joined by "+".
//
// # Supported ops
//
// Gemm, MatMul (one constant operand, batched with broadcasting), Conv and
// ConvTranspose (any number of spatial axes, strides, pads, dilations,
// groups; ConvTranspose also output_padding), MaxPool and
// AveragePool (pads, strides, dilations, ceil_mode, count_include_pad),
// GlobalAveragePool, GlobalMaxPool, ReduceMean, ReduceSum, ReduceMax,
// BatchNormalization, Add, Sub, Sum and Mean (of constants or computed
// values), Mul and Div by constants, Neg, Relu, Clip, elementwise Max and
// Min, ReduceMin (minima are maxima of negated values), Cast (between float
// types, or of values computed from integer inputs), and data movement:
// Identity, Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Slice, Pad
// (constant, reflect, edge, wrap), Concat, Gather with constant indices,
// Expand, Tile, Resize and Upsample (nearest).
//
// Comparisons and logic lower to the same ops (compare.go, logic.go):
// Greater, Less, GreaterOrEqual, LessOrEqual and Equal of a computed value
// with a constant or another computed value give 0 or 1 as
// min(relu(d), 1) of an integer difference d (they compare the quantized
// values; a constant threshold is quantized like the input); Not, And, Or
// and Xor of booleans are 1 − x, minima and maxima, with bool-typed model
// inputs clamped to {0, 1} on entry so that a prover cannot feed a 5;
// Where chooses between constants with a boolean condition (affine in it);
// Gather reads a two-entry constant table at a boolean index (affine too).
// ScatterElements at constant indices is data movement; at computed
// integer indices it is the one-hot form of the indices (select.go), one
// clamp per candidate update so that a repeated index keeps the last update
// as ONNX Runtime does, and one product row per data element (reduction
// none or add). A model output that folds to a constant (Range,
// ConstantOfShape, torch.arange) is an affine op without terms whose bias
// the circuit binds to the public output; a model may then have no inputs.
// TopK ranks each row by n(n−1)/2 comparisons (ties to the lower index, as
// ONNX Runtime), and selects values (one product row of n terms per output)
// and indices (affine) with the one-hot form of the ranks (topk.go): O(n²)
// per row, meant for small rows.
// Models are expected to come
// from onnx.Load, which folds constant subgraphs and makes attributes
// canonical.
//
// # Nonlinear ops
//
// Sigmoid, Tanh, Exp, Log, Erf, Gelu, Softplus, Softsign, Elu, Selu, Celu,
// HardSigmoid, HardSwish, Mish, Sqrt, Reciprocal, Sin, Cos, Sign and Pow
// with a constant exponent become lookup tables (OpLookup). A table covers
// the domain calibration saw times the headroom ([-m·H, m·H]; from 0 for
// Sqrt and fractional powers, from the first positive step for Log and
// negative fractional powers) or, for the functions that saturate
// (Sigmoid, Tanh, Erf, HardSigmoid), the whole range where they are not
// yet constant, so that clamping is exact. Its input scale is the input's,
// or lower so that the table holds at most 2^14+1 entries (the input is
// first rounded to it: the op's Shift); its output scale is the output's
// calibrated one, lowered (by at most 8 bits) when the function grows
// beyond it over the widened domain (Exp). Inputs beyond the table are
// clamped to its ends: exact for saturating functions, an approximation
// for the others, proven either way. [plan.Plan.Report] shows each table's size
// and domain.
//
// LeakyRelu, PRelu (constant slope) and Abs are exact: a·x + (1−a)·relu(x).
// Products of two computed values (Mul, MatMul, Pow 2) are OpMul: the
// products land at the sum of the factors' scales and are rescaled to the
// output's calibrated scale. A quotient a/b of computed values (OpDiv)
// rounds a·2^Shift/b half up and needs b ≥ 1: Run refuses a divisor that
// is not positive. Softmax is a row maximum, the differences, an
// exponential table over [−16, 0], the row sums and one quotient per
// element; each quotient is at most one (its numerator is a term of its
// row's sum), so its Bound is the quotient's shift, and a product with
// Softmax's output (attention's scores·V) fits the executor's 62 bits
// without rounding the scores further. LogSoftmax is x − max − log S from the same steps, with a
// log table over the row sums S ∈ [1, K] for rows of K elements, and
// ReduceLogSumExp max + log S over its axes. LayerNormalization and
// InstanceNormalization arrive from onnx.Load as ReduceMean, Sub, Mul,
// Add, Sqrt and Div, and ReduceL1, ReduceL2 and ReduceSumSquare as Abs or
// Mul, ReduceSum and Sqrt.
//
// Floor, Ceil and Round (halves to even, as ONNX) are exact integers at
// scale 0: Floor and Ceil one rescale of the input, Round two (nonlinear.go).
//
// RNN, LSTM and GRU arrive unrolled over their sequence (see the onnx
// package): per step and gate, the Gemm of the step's input and the Gemm
// of the previous state fold into one affine op with one rescale, and each
// gate's pre-activation has its own calibrated scale; Sigmoid and Tanh are
// lookup tables (shared by all steps when their scales agree), the gating
// and cell updates OpMul. A GRU's update H = ĥ + z ⊙ (h − ĥ) needs one
// product instead of two. The outputs Y (several steps or directions)
// are Concats, which round their inputs to the lowest scale among them.
package quantize
