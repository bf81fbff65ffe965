// Package plan is zkml's quantized model format: the integer program that
// the circuit proves, its binary encoding, its validation and its integer
// executor, which is zkml's specification of a model and the witness
// generator. It depends on nothing but the standard library and zkml's
// tensor helpers; circuits, prover and contracts import it without the
// compiler (package quantize, which produces plans from ONNX graphs).
//
//	p, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
//	out, err := p.Predict(input)          // what the circuit will output
//	q, err := p.QuantizeInputs(input)     // real numbers to fixed point
//	tensors, err := p.Run(q)              // every tensor: the circuit's witness
//
// [Plan.Predict] is [Plan.QuantizeInputs], [Plan.Run] and
// [Plan.DequantizeOutputs] in one. [Plan.Report] lists every op with its
// scale, calibrated range and cost.
//
// A plan is saved with [Plan.MarshalBinary] and read back with
// [Plan.UnmarshalBinary], which rejects malformed data with an error and
// re-derives every bound ([Plan.Validate]), so that a plan read from disk is
// exactly as trustworthy as a fresh one; [Plan.Hash] identifies it, so that
// keys and proofs are bound to one quantized model.
//
// # Fixed point
//
// Every tensor holds integers q standing for q / 2^Scale, with one
// power-of-two scale per tensor. Rounding happens in exactly two places,
// both in fixedpoint.go: [Quantize] (real to fixed point, halves up) and
// [Rescale] (division by 2^shift, halves up). The tensors
// [Plan.RangeChecked] names (inputs, outputs, rescaled values, quotients,
// relus' inputs and outputs) must lie in [-2^(A-1), 2^(A-1)), A =
// ActivationBits: the circuit proves it and Run checks exactly those,
// naming the node, so that Run and the circuit accept the same inputs and
// one beyond the calibrated ranges fails in Run rather than as an
// unsatisfiable circuit. Exact sums between them may go beyond; their
// static Bound keeps them exact.
//
// # Calibrated domains
//
// A lookup table covers the inputs calibration saw, times the headroom, and
// clamps the others to its ends: exact where the function saturates there
// ([Op.Saturates]), an approximation elsewhere, or, at a strict end, none:
// an input beyond it makes Run fail. [Plan.Clamps] reports, for
// one inference, the lookups that approximated; `zkml prove` warns of them,
// and the circuit can prove their absence as a public bit
// (circuits.WithDomainFlag).
//
// # Splitting
//
// [Plan.Split] cuts a plan between ops into [Segment]s, each a plan of its
// own whose Run, chained on the tensors live across the cuts, gives Run's
// result bit for bit; [Plan.ChooseCuts] and [Plan.BalanceCuts] pick the
// cuts from per-op costs. split.go's comment gives the rules.
//
// # Ops
//
// Six op kinds ([OpKind]) express every supported ONNX model: affine maps
// with constant coefficients, Relu, row maxima, table lookups, products and
// quotients of computed values. Each kind's exact semantics is documented
// on its constant; ops.go holds the executor and the bounds of the
// nonlinear kinds.
package plan
