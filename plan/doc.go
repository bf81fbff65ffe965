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
// [Rescale] (division by 2^shift, halves up). Every value must satisfy
// |q| < 2^(ActivationBits-1): the circuit range-checks what it rounds, and
// Run checks every tensor, naming the node, so that an input beyond the
// calibrated ranges fails in Run rather than as an unsatisfiable circuit.
//
// # Ops
//
// Six op kinds ([OpKind]) express every supported ONNX model: affine maps
// with constant coefficients, Relu, row maxima, table lookups, products and
// quotients of computed values. Each kind's exact semantics is documented
// on its constant; ops.go holds the executor and the bounds of the
// nonlinear kinds.
package plan
