// Package circuits turns a quantized model, a [plan.Plan], into a gnark
// circuit that proves one inference.
//
// # Use
//
// Compile the circuit once per model, then make one witness per inference:
//
//	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, circuits.New(plan))
//	...
//	q, err := plan.QuantizeInputs(inputs)     // real numbers to fixed point
//	tensors, err := plan.Run(q)               // the integer executor
//	assignment, err := circuits.Assign(plan, tensors)
//	w, err := frontend.NewWitness(assignment, ecc.BN254.ScalarField())
//
// Use r1cs.NewBuilder for Groth16 and scs.NewBuilder for PLONK. The witness
// does not depend on the builder or on the options, except
// [WithPackedOutputs], which Assign must get too. Importing this package
// registers the solver hints the circuit needs.
//
// # The statement
//
// By default the public values are the plan's outputs ([Circuit].Output,
// one flat row-major slice per output tensor, as field elements: a negative
// q is p − |q|), or, with [WithPackedOutputs], those outputs packed several
// to a field element; the private values are the plan's inputs
// ([Circuit].Input). Visibility options make inputs public or hashed and
// outputs hashed or private, and [WithDomainFlag] adds one public bit. The
// circuit proves: there is an input whose every element lies in
// [−2^(A−1), 2^(A−1)), A being the plan's Config.ActivationBits, such that
// running the plan's integer ops on it gives exactly the public outputs, with
// every tensor [plan.Plan.RangeChecked] names in [−2^(A−1), 2^(A−1)). By
// default the weights and biases are circuit constants: they are part of
// the verifying key, not of the witness, so a proof also pins down which
// model ran. With [WithParamVisibility]([Hashed]) they are private
// witnesses bound by one public commitment ([Params] says which values, in
// which order, and what stays public).
//
// # Further reading
//
// SOUNDNESS.md, next to this file, is the design record: how the circuit
// and [plan.Plan.Run] state one specification, the domain bit
// ([WithDomainFlag]), the soundness argument of every gadget, packed
// outputs ([WithPackedOutputs]), visibility and commitments ([Commit],
// [WithInputVisibility], [WithOutputVisibility], hashed params) and the
// range checks.
// The tests attack every gadget with malicious hints (adversary_test.go);
// constraint counts are pinned in testdata/constraints.golden.
package circuits
