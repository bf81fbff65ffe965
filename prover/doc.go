// Package prover turns a quantized model into proofs: it compiles the
// circuit of a [plan.Plan] into a build directory, generates keys,
// proves inferences and verifies proofs, with Groth16 or PLONK on BN254.
//
// # Using it
//
// Compile once, set up once, then prove and verify as often as needed:
//
//	b, err := prover.Compile(ctx, "build", plan, prover.Groth16, prover.Meta{ModelFile: "model.onnx"})
//	err = b.Setup(ctx, prover.SetupOptions{})
//	proof, err := b.Prove(ctx, inputs) // inputs: one flat row-major []float64 per model input
//	err = prover.WriteProof("proof.json", proof)
//
// and elsewhere, with only the build directory (settings.json and vk.bin
// suffice: verification never reads the weights in plan.bin) and the proof
// file:
//
//	b, err := prover.Open("build")
//	proof, err := prover.ReadProof("proof.json")
//	err = prover.Verify(b, proof) // nil: the model, run on some private input, gave proof.Outputs
//
// The plan comes from package quantize and the inputs, in a program that
// takes EZKL's input.json, from package modelio: the package example is a
// whole program, from the ONNX file to a verified proof.
//
// [Groth16], zkml's default, gives small proofs that are fast and cheap to
// verify on chain. Its keys come from a setup specific to the circuit, which
// by default zkml runs alone with secrets it discards but could have kept,
// so they are for development only (settings.json says "insecure": true).
// That setup is zkml's own (devsetup.go): the keys are gnark's structs,
// laid out as gnark's groth16.Setup lays them out, made several times
// faster. [PLONK] derives its keys from a universal KZG SRS: by default an
// insecure development SRS derived from a public seed (deterministic, so
// every setup of a model gives the same keys). Development keys depend only
// on the circuit: with [WithKeyCache], Setup reuses those of an identical
// circuit (same circuit.ccs) instead of making them again, and
// [SetupInfo].ReusedFrom says so; keys from a ptau file, an SRS file or a
// ceremony are never cached.
//
// # Production keys
//
// Production keys start from a public powers of tau in snarkjs's .ptau
// format ([SetupOptions.PTauPath]), checked before use. PLONK takes its
// SRS from it. Groth16 runs a phase-2 ceremony on it:
// [Build.CeremonyInit] writes the first file, each contributor runs
// [Contribute] on the last one, anyone checks the chain with
// [Build.CeremonyVerify], and [Build.CeremonyFinalize] seals it with a
// public random beacon and writes the keys. init, verify and finalize
// evaluate the circuit at τ from the Lagrange forms of the powers, which a
// .ptau prepared for phase 2 (`snarkjs powersoftau prepare phase2`; the
// public ceremonies' _final_ files) carries and init keeps in phase1.bin,
// checked against the powers; from a raw file, gnark computes them with
// group FFTs, about 10 times slower. settings.json records where
// the keys come from ([SetupInfo]); [Build.SetupKind] sums it up.
//
// # What a proof says
//
// The circuit (package circuits) keeps the model's inputs private and makes
// its outputs public. A proof therefore states: "there is an input, within
// the plan's range, on which the plan whose hash is model_hash computes
// these outputs". The public inputs of the proof are the outputs as
// fixed-point integers, flattened in order ([PublicInputs] computes them).
// By default they are packed, several to a public input, when the model has
// more than one output element: each output q takes an ActivationBits-bit
// slot holding q + 2^(ActivationBits−1), 7 to a field element at 32 bits
// (circuits.Packing; settings.json and proof.json record the layout as
// output_packing). An on-chain verifier pays an elliptic-curve
// multiplication per public input, so a 10-output model verifies with 2
// instead of 10. [WithoutPackedOutputs] keeps one public input per output
// element. proof.json also carries the outputs as floats, with names, shapes and
// scales, for people; [Verify] checks that these agree exactly with the
// public inputs and with the build, so an edited proof.json is rejected
// rather than shown.
//
// # Visibility
//
// [WithInputVisibility], [WithOutputVisibility] and [WithParamVisibility]
// change what a proof reveals, in EZKL's terms: inputs private (the
// default), public or hashed; outputs public (the default), hashed or
// private; params fixed (the default: the weights are circuit constants, so
// the keys bind them) or hashed (private, bound by the commitment
// settings.json records as params_commitment; see circuits.Params). A public input is
// packed like the outputs and proof.json shows it (inputs); a hashed tensor
// is one public input, the Poseidon2 commitment of its quantized values
// (circuits.Commit; [Build.CommitInputs] computes an input's, the Solidity
// library contracts/solidity/ZkmlPoseidon2.sol the same on chain), which
// proof.json also shows as input_commitment, output_commitment or
// params_commitment. The public inputs are, in order: the input part, the
// output part, the params commitment (hashed params only), and the domain
// bit below; settings.json records the choice as visibility and the count
// of each part as public_inputs ([PublicLayout]).
//
// An input beyond the domains calibration covered may be clamped at a lookup
// table's end where the function does not saturate, which makes the output
// an approximation: Prove lists such lookups in [Proof.Clamps] (not part of
// proof.json, since they speak of the private input), [WithStrictDomain]
// makes it refuse them with a [DomainError], and a build compiled
// [WithDomainFlag] proves one more public input after the outputs, the
// domain bit (proof.json's in_domain), 1 when nothing was clamped that way.
//
// Proofs and keys target the Solidity verifiers gnark generates
// (Keccak-256 for Groth16's commitment hash): [Build.ExportSolidity] writes
// the contract and [Proof.SolidityCalldata] the proof in its layout.
// [Build.Groth16VerifyingKey] and [Build.PlonkVerifyingKey] hand out the
// checked key itself, for code that encodes it another way (package
// contracts' generic verifiers take it as constructor data).
//
// # Proving on a GPU
//
// [WithDevice] picks the prover: [Auto] (the default) uses a GPU when the
// binary was built with the icicle tag and a CUDA device answers, [CPU]
// always uses gnark's pure-Go prover, [GPU] insists on the GPU (Groth16
// only). GPU proofs are ordinary gnark proofs, checked with the native
// verifier before [Build.Prove] returns them; when the GPU fails, Prove
// proves on the CPU and says why in [Proof.Fallback]. [WithPinKeysToGPU]
// keeps the key on the GPU between proofs. The README's "Proving on a GPU"
// says how to build such a binary.
//
// # Split builds
//
// A model too large for one circuit is cut into segments ([SplitCuts],
// [CompileSplit]): a split build directory holds split.json, the whole
// plan.bin and one ordinary build directory per segment, whose
// settings.json says which segment it is (chain). [OpenSplit] checks that
// the segments are the whole plan cut at the recorded places;
// [Split.SegmentInputs] gives each segment's input, so that
// [Split.ProveSegment] can prove segments independently; [VerifyChain]
// checks a [ChainProof]. split.go's comment describes the layout and the
// commitments at the cuts.
//
// # The build directory
//
//	settings.json  what the build is: backend, model hash, inputs and outputs
//	               (names, shapes, scales), quantization, visibility and
//	               public-input layout, circuit size, setup. Every command.
//	plan.bin       the quantized model (plan.Plan.MarshalBinary), weights
//	               included: proving (read then, and checked against
//	               settings.json); verifying never reads it
//	circuit.ccs    the constraint system (R1CS for Groth16, PLONK gates):
//	               setup and proving
//	pk.bin         the proving key (uncompressed: it loads many times
//	               faster, without subgroup checks, so settings.json records
//	               its SHA-256 and Prove refuses any other): proving, while
//	               the model runs
//	vk.bin         the verifying key: verifying and the Solidity verifier
//
// Each binary file starts with a header naming its kind, backend, model
// hash and (for keys) setup, followed by the payload's length and SHA-256.
// [Open] checks every file present against settings.json and names the one
// that came from another model, backend or setup, or is truncated or
// corrupt; payloads are checksummed before they are parsed. Files are
// written to a temporary name and renamed, so an interrupted command never
// leaves a half-written file behind.
//
// # Cancellation, progress and logging
//
// [Compile], [Build.Setup] and [Build.Prove] take a context and check it
// between their stages. gnark's compiler, key generation and prover take
// none and cannot be stopped: when the context is done during one of them,
// the call returns the context's error at once and gnark's computation goes
// on in a background goroutine, holding its CPU and memory, until it
// finishes; its result is discarded and no file is written.
//
// The package prints nothing. [WithProgress] reports the long stages
// (compiling, generating keys, loading keys, proving) to a callback, and
// [WithGnarkLog] sends gnark's own log lines to a writer. gnark logs
// through one global logger, in colour on standard output by default:
// while a call of this package runs gnark, it replaces that logger with the
// Build's choice (none unless WithGnarkLog) and restores the caller's
// logger when no such call is running any more. A program that uses gnark
// directly, at the same time, loses its log lines meanwhile.
//
// This package does not quantize models (package quantize does) or build
// circuits (package circuits), and knows nothing of Ethereum beyond the
// byte layouts gnark's Solidity verifiers take.
package prover
