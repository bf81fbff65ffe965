// Package quantize turns an imported ONNX graph into integer arithmetic: the
// plan that zkml's circuits prove.
//
// Start from a graph loaded by onnx.Load and a few sample inputs that look
// like the ones you will prove:
//
//	cal, err := quantize.Calibrate(g, samples)                    // float ranges of every value
//	p, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
//	out, err := p.Predict(input)                                  // what the circuit will output
//
// The result is a [plan.Plan] (see package plan for its format, fixed point
// and integer executor). [RunFloat] executes the same graph in float64 with
// ONNX semantics; comparing the two measures what quantization costs.
// [ReportOn] adds each layer's measured error to the plan's report. [Check]
// lists every node that cannot be compiled, all at once.
//
// # Ops
//
// [SupportedOps] lists the op types Compile lowers; rules.go holds one rule
// per op type, and the file of its kind the lowering. Linear ops (Gemm,
// Conv, pooling averages, data movement, arithmetic with constants) become
// affine ops; Relu, maxima and logic relus and row maxima; comparisons a
// clamp of an integer difference to {0, 1} (compare.go); smooth functions
// (Sigmoid, Exp, Sqrt, Tan, ...) lookup tables over the calibrated domain
// (lookup.go); products and quotients of computed values the plan's
// products and quotients. Some ops take only some forms of their inputs
// (constant weights, integer indices, boolean logic): Check names the node
// and says why. A subgraph of pointwise nodes that computes one function of
// one value and would round at least twice (GELU's tanh form, x·σ(x)) is
// one lookup table of that function (fuse.go): its node is the last one's;
// it clamps only where the function saturates (elsewhere its ends are
// strict). A value only a table reads reaches it unrounded; a divisor that
// four quotients or more share (a row sum, a norm) is inverted once and
// multiplied in; a Softmax that only a MatMul reads over its rows is
// normalized after the product (softmax.go).
//
// # Scales
//
// Calibration records m, the largest |x| of every value over the samples.
// A value's scale is the largest s ≤ MaxScale with m·Headroom·2^s below
// 2^(ActivationBits-2); integer inputs get scale 0, which is exact. Values
// that reach beyond 2^(ActivationBits-2) at scale 0 are an error asking for
// more activation bits. Inputs beyond the calibrated ranges times the
// headroom make Run fail, naming the node, or are clamped by a lookup
// table: calibrate on samples as large as the inputs you will prove.
//
// An affine op quantizes its coefficients at WeightBits of precision (or
// exactly, when that is cheaper), accumulates exactly and rounds once to its
// output's scale, except a scaling by ±2^-k (attention's 1/√d, GELU's 0.5)
// whose result provably fits the activation range: that one keeps the value
// and raises its scale by k (up to 16 beyond MaxScale), which is exact
// and costs the circuit nothing. An affine op whose only reader is
// elementwise is folded into that reader, so a bias, a scaling or a reshape
// costs nothing. Its Node names all the ONNX nodes it implements, joined by
// "+". Every tensor carries a static bound that the circuit re-derives;
// [plan.Plan.Report] shows each op's scales, bounds and cost.
package quantize
