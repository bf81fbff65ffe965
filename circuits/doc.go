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
// The public values are the plan's outputs ([Circuit].Output, one flat
// row-major slice per output tensor, as field elements: a negative q is
// p − |q|), or, with [WithPackedOutputs], those outputs packed several to
// a field element (see Packed outputs below). The private values are the plan's inputs ([Circuit].Input). The
// circuit proves: there is an input whose every element lies in
// [−2^(A−1), 2^(A−1)), A being the plan's Config.ActivationBits, such that
// running the plan's integer ops on it gives exactly the public outputs, with
// every tensor [plan.Plan.RangeChecked] names in [−2^(A−1), 2^(A−1)). The
// weights and biases are circuit constants: they are part of the verifying
// key, not of the witness, so a proof also pins down which model ran.
//
// # One specification
//
// The circuit and the integer executor, Plan.Run, state the same thing: the
// circuit is satisfiable for an input exactly when Run accepts it, and then
// only by Run's outputs, bit for bit (both round with [plan.Rescale]).
// RangeChecked is the one place that says which tensors are range checked:
// the model's inputs and outputs, rescaled values, quotients, and the inputs
// and outputs of relus. Run checks those and nothing else (and, like the max
// gadget, that two values a max compares differ by less than 2^A); the
// circuit proves them, by a range check or by the relu or rescale gadget
// that produces or reads the value; an output no gadget proved in range (an
// exact Neg, Add or Pad reaching an output) gets a range check of its own,
// packed or not, except rows that copy a checked element or whose static
// bound is below 2^(A−1). Exact intermediates (an Add of two
// activations, a sum of a residual block) may leave the activation range:
// their static bound keeps them exact, the rescale reading them checks its
// result, and both accept them. The range is the power-of-two interval a
// range check proves, −2^(A−1) included.
//
// The other choice, the circuit checking every tensor Run used to check,
// costs a range check (about 5 R1CS constraints at A = 32 with the lookup
// checker) per element of every exact tensor not already proven or
// statically in range: the sums that feed rescales, the Softmax
// differences. Measured (TestSpecCheckEverythingCost): none for 1l_mlp,
// 4l_relu_conv_fc, layernorm and rnn, 3 elements for 1l_softmax, but 33,024
// for self_attention and 132,096 for nanoGPT, +7.5% constraints each. It
// would prove nothing more about the outputs, so Run checks less instead.
//
// # The domain bit
//
// Lookup tables cover the input domain calibration saw times the headroom;
// an input beyond is clamped to the table's end. Where the function
// saturates there (Sigmoid, Tanh, Erf, HardSigmoid; plan.Op.Saturates, set
// by the planner when every value beyond the end equals the end's entry to
// within 2^−16 of the table's largest entry) the clamp is exact; elsewhere
// (Elu's or Exp's upper end, Softplus, Sin) the output is an approximation
// that may be far off. With [WithDomainFlag] the circuit has one more public
// value, [Circuit].Domain, after the outputs: 1 when no element of any
// lookup's input was clamped at a non-saturating end, 0 otherwise, exactly
// what [plan.Plan.Clamps] reports (a constant input, as padding gives,
// counts like any other). The bit is proven: the lookup gadget's two sign
// bits s1 = [q ≥ lo] and s2 = [max(q, lo) ≤ hi] are sound (see Sign), so
// 1 − s1 and 1 − s2 are 1 exactly when the input was clamped below or
// above; their sum over the non-saturating ends counts the clamps, far
// below the field's size, and Domain = IsZero(count). A prover cannot set
// it to 1 for a clamped input: that needs a wrong sign bit, which fails
// the sign gadget's range check. In R1CS the count is a linear expression
// and the bit costs three constraints in all; PLONK pays about two gates per
// lookup element (testdata/constraints.golden, gadget/domain).
//
// # Soundness
//
// Every gadget is sound under one invariant: each field element the circuit
// computes stands for an integer of magnitude below 2^236, far below
// p/2 > 2^252, so that sums, differences and products by the plan's
// constants never wrap around. Define recomputes this bound from the ops
// themselves (inputs are range checked, relus and rescales produce range
// checked values, a max returns one of its inputs, an affine row adds at most
// Σ|coefficient|·bound + |bias|) and refuses a plan that breaks it; it does
// not trust the planner's Tensor.Bound. The gadgets, with x read as that
// integer:
//
//   - Affine row, no rescale: bias + Σ coefficient·x is a linear expression;
//     it is exact because nothing wraps around. In R1CS it costs no
//     constraint (gnark folds an expression of 300 terms or more into one
//     new variable, at one constraint); in PLONK one addition gate per term.
//     A copy (one term, coefficient 1, no bias) costs nothing in either.
//
//   - Rescale by 2^s (s ≥ 1): a hint supplies q; the circuit sets
//     r = acc + 2^(s−1) − q·2^s and range checks r ∈ [0, 2^s) and
//     q + 2^(A−1) ∈ [0, 2^A) (or leaves the latter to a relu reading q, see
//     Relu). Then acc + 2^(s−1) = q·2^s + r holds over the integers, not
//     just modulo p (both sides are below 2^237 in magnitude, far below
//     p/2), and Euclidean division by 2^s has exactly one such (q, r): q is
//     ⌊(acc + 2^(s−1)) / 2^s⌋, Rescale's rounding, and a cheating q, even
//     off by one, forces r out of range. When the rescale writes a public
//     output, q is that output itself, which saves an equality constraint.
//
//   - Sign: a hint supplies s; the circuit asserts s ∈ {0, 1} and range
//     checks t = 2·s·x − x − 1 + s ∈ [0, 2^k), that is t = x when s = 1 and
//     t = −x − 1 when s = 0. With s = 1 this says x ∈ [0, 2^k); with s = 0,
//     x ∈ [−2^k, −1]. So the constraints hold exactly when x ∈ [−2^k, 2^k)
//     and s = [x ≥ 0], for any field element x: no other s, and no x outside
//     the range, satisfies them. One product s·x serves both t and the
//     gadgets below.
//
//   - Relu: y = s·x with the sign gadget at k = A−1, so relu also proves
//     x ∈ [−2^(A−1), 2^(A−1)). A value read by a relu therefore needs no
//     range check of its own: an input element or a rescaled value that
//     feeds a relu, directly or through copies (reshape, transpose, slice:
//     the same variable), skips it, which saves A bits of range checks per
//     neuron.
//
//   - Max of two: d = a − b, the sign gadget on d at k = A (two activations
//     differ by less than 2^A), and max = b + s·d. A row's maximum folds the
//     row pairwise, n − 1 of them for n terms.
//
//   - Input: every element x is range checked as x + 2^(A−1) ∈ [0, 2^A),
//     unless a relu reads it (see Relu).
//
//   - Lookup (a table T for inputs lo … hi): q is x rescaled by the op's
//     shift (the rescale gadget, without its own range check on q); the
//     sign gadget at k = A on q − lo gives y1 = max(q, lo) = lo + s1·(q − lo)
//     and proves |q − lo| < 2^A, which bounds q as the rescale needs; a
//     second one on hi − y1 gives the index i = min(y1, hi) − lo. The pair
//     (i, T[i]) is then looked up in a gnark log-derivative table
//     (std/lookup/logderivlookup) whose rows are (index, constant entry), so
//     the output is the entry of that exact index: clamping is proven, and a
//     far-out input cannot wrap into the domain (it fails the first sign
//     gadget). The planner keeps lo and hi within ±2^(A−2), so an honest q
//     within ±2^(A−1) always passes. Each table costs about one R1CS
//     constraint per entry (five in PLONK) plus a few per lookup, and needs
//     a commitment even with [WithBitDecompositionRangeChecks]. When the
//     input is provably ≤ 0 (Softmax's differences x − max(row): an exact
//     op subtracting a row maximum, OpMax, whose row reads that very x; the
//     max gadget proves the maximum exact, and rounding a value ≤ 0 stays
//     ≤ 0) and the table ends at hi ≥ 0, min(y1, hi) = y1 and the second
//     sign gadget is left out: the index is y1 − lo.
//
//   - Product (sums of x·y): one multiplication constraint per product, the
//     sum is linear, then the rescale gadget. Define bounds Σ|x|·|y| from
//     the factors' bounds, so nothing wraps.
//
//   - Matrix product of two computed tensors (attention's Q·Kᵀ and
//     scores·V), when the op's rows verifiably form C = A·B per batch and
//     m·k·n ≥ 2·(m·k + k·n + m·n): a hint supplies the accumulators C, and
//     Freivalds' check A·(B·r) = C·r with r = (1, ρ, …, ρ^(n−1)) pins them
//     down, for ρ drawn from a commitment to A, B and C (gnark's
//     frontend.Committer, shared with the range checks and tables through
//     std/multicommit: the proof still carries one commitment). It costs
//     about m·k + k·n + m·n constraints instead of m·k·n (6,128 instead of
//     65,536 for a 64×16×64 head). If C ≠ A·B, a nonzero polynomial of
//     degree below n vanishes at ρ: probability (n−1)/p < 2^−240. The
//     check is over the field, which suffices: the entries of A and B stand
//     for bounded integers (as for any product), so C, equal to A·B modulo
//     p, stands for the integer accumulators the rescale gadget expects.
//     With [WithBitDecompositionRangeChecks] and no lookup table, the circuit
//     has no commitment and keeps none: C is then pinned by direct products.
//     The rule and the argument in full are in freivalds.go.
//
//   - Quotient q = ⌊(2·a·2^s + b) / (2b)⌋ (a/b rounded half up): a hint
//     supplies q; the circuit range checks b − 1 ∈ [0, 2^k) (once per
//     divisor element; k is the divisor tensor's bound), r = 2·a·2^s + b −
//     q·2b ∈ [0, 2^(k+1)) and 2b − 1 − r ∈ [0, 2^(k+1)), and q in the
//     activation range. Then b ≥ 1, 0 ≤ r < 2b, and both sides of the
//     equation stay far below p/2 (Define bounds |a|·2^(s+1)), so it holds
//     over the integers and q is the unique floor.
//
// # Packed outputs
//
// With [WithPackedOutputs] (prover.Compile's default when a model has more
// than one output element) the public values are not one field element per
// output but [Circuit].Packed: the outputs, flattened in order, B bits each
// (B = ActivationBits), K = ⌊253/B⌋ to a word (7 at 32 bits), word j =
// Σ_i (q_{jK+i} + 2^(B−1))·2^(B·i). An on-chain verifier pays one
// elliptic-curve multiplication per public value, so this is what makes a
// 10-output model cheap to verify. Soundness: every packed q is proven to
// lie in [−2^(B−1), 2^(B−1)), so each slot q + 2^(B−1) is in [0, 2^B) and
// the word, below 2^(B·K) ≤ 2^253 < p, is that integer exactly, not reduced
// modulo p; reading its B-bit slots back ([Packing.Unpack], and
// ZkmlFixedPoint.unpack on chain) gives exactly the outputs, and a word of
// any other value reads as other outputs, which the equality rejects.
// Without the range proof an output of 2^B + x would carry into the next
// slot and read as x, and its neighbour as one more than it is. Most
// outputs are range proven already (a rescale, a relu, a quotient, a max or
// a copy of such, or a static bound below 2^(B−1)); Define range checks the
// others before packing them. The packing costs one equality per word
// instead of one per output (a rescale writing an output directly saved
// that one, so models whose outputs are all rescaled pay one constraint per
// word more than unpacked).
//
// # Visibility and commitments
//
// [WithInputVisibility] and [WithOutputVisibility] choose what is public.
// A public input is bound like packed outputs: its values are range
// checked (every input is), so the packed words determine them. A hashed
// tensor is bound to one public input, its [Commit]: gnark's Poseidon2
// (std/permutation/poseidon2, width 2, BN254's default parameters) in
// gnark's Merkle–Damgård mode over the domain (input, output, params), the
// activation bits, the value count and the values packed ⌊253/A⌋ to a
// field element. Range checked values cannot carry between slots, so the
// words, and through the hash's collision resistance the commitment,
// determine the values and their number; the domain keeps an input's
// commitment from passing for an output's. The three header compressions
// are of constants and cost nothing; each word costs one compression, 186
// R1CS constraints (TestCommitCost), so a hashed 784-value input costs
// about 21k constraints. Poseidon2 over SHA-256 or Keccak: tens of
// thousands of constraints per block against a few hundred, while a
// contract can still recompute it (about 31k gas per compression).
//
// # Range checks
//
// By default range checks use gnark's std/rangecheck: values are split into
// small limbs that a log-derivative lookup argument checks against a table,
// with a random challenge drawn from a commitment to the limbs (BSB22 in
// Groth16). That is the cheapest in constraints, but the Groth16 proof then
// carries a commitment and a proof of knowledge that the verifier, on chain
// too, must check. With [WithBitDecompositionRangeChecks] every check is a
// plain binary decomposition instead: n booleanity constraints and one
// recomposition for n bits, and no commitment. Both are sound; the choice
// trades prover work for verifier cost. The constraint counts of every
// gadget and of the conformance models, in both modes, are pinned in
// testdata/constraints.golden.
//
// Widths follow the soundness argument, not the data: a rescale's remainder
// takes exactly its shift, quotients, comparisons and activations the plan's
// ActivationBits. In circuits with 2^16 remainders or more, whose checks
// then use 16-bit limbs (what gnark would pick for them anyway), a remainder
// r of n bits, n not a multiple of 16, is checked as r·2^(w−n) ∈ [0, 2^w)
// with w = n rounded up to 16 or 32: one limb fewer, and exact because r
// stands for a bounded integer (an accumulator below 2^236 minus a
// range-checked quotient times a constant), so the product stays below p/2
// and cannot wrap into range (checkInteger). Narrower per-tensor widths from
// the static bounds would rarely pay: the lookup checker splits values into
// limbs of one global width (16 bits in large circuits), so a w-bit check
// costs ⌈w/16⌉ + 1 constraints, one more when 16 does not divide w; a 28-bit
// check costs 4 where the 32-bit one costs 3. Widths from calibration would
// also narrow the statement to inputs like the calibration samples, which
// the integer executor does not enforce.
//
// Values the compiler knows (a row of bias only, as padding gives) are
// computed at compile time and cost nothing; a constant outside the
// activation range makes Define fail, since no witness could satisfy the
// circuit.
package circuits
