// Package contracts puts zkml proofs on Ethereum: it exports a build's
// Solidity verifier, compiles it, deploys it, and checks proofs with it,
// on any EVM chain reachable over JSON-RPC or on an in-process chain.
//
// The usual path, from a build directory with keys and a proof.json:
//
//	b, _ := prover.Open("build")
//	p, _ := prover.ReadProof("proof.json")
//
//	v, _ := contracts.NewVerifier(b)          // the Solidity source, v.Source
//	solc, _ := contracts.FindSolc()           // solcjs from `make tools`
//	art, _ := v.Compile(ctx, solc)            // bytecode, under the 24,576-byte limit
//
//	chain := contracts.NewSimulated()         // or contracts.Dial(ctx, url, key, 0)
//	defer chain.Close()
//	r, _ := chain.Deploy(ctx, art.Bytecode)   // r.Contract is the verifier
//	res, err := contracts.VerifyOnChain(ctx, chain, r.Contract, b, p, false)
//
// [VerifyOnChain] runs an eth_call (or, with send, a transaction, whose gas
// it reports) and tells a rejected proof (an error wrapping [ErrRejected],
// with the verifier's own revert reason explained) from an address that
// holds no verifier of the model; a proof file whose outputs are not its
// public inputs is rejected without a call. [Calldata] gives the bytes to send from
// any other client: verifyProof(bytes,uint256[n]) for Groth16,
// Verify(bytes,uint256[]) for PLONK.
//
// # Gas
//
// A Groth16 verification costs least. Range checks made with gnark's lookup
// argument add a BSB22 commitment to the proof, which the verifier checks
// with a second pairing-friendly equation and a hash to the field; compile
// with prover.WithBitDecompositionRangeChecks for the cheapest verifier.
// bench/GAS.md (`make bench-gas`) records both, and the generic verifier's.
//
// # Generic verifier
//
// [DeployGenericVerifier] deploys ZkmlGroth16Verifier
// (solidity/ZkmlGroth16Verifier.sol), whose bytecode ships with zkml
// ([GenericVerifierBytecode]), with the build's verifying key as
// constructor data: the fixed points become immutables, the public-input
// points a data contract read with EXTCODECOPY. No compiler is needed:
//
//	r, _ := contracts.DeployGenericVerifier(ctx, chain, b)
//	res, err := contracts.VerifyOnChain(ctx, chain, r.Contract, b, p, false)
//
// It takes the specialized verifier's calldata, verifyProof(bytes,uint256[n])
// (it answers only the selector of its key's n, and reverts
// NotAVerifierCall(selector) to any other call), and reverts with the same
// errors, so [Calldata], [VerifyOnChain] and the registry use it unchanged.
// It checks what gnark's Groth16 template checks, for zkml's default builds
// (one BSB22 commitment, from lookup range checks) as for builds compiled
// with prover.WithBitDecompositionRangeChecks (none): with a commitment D
// and its proof of knowledge, the Pedersen check e(D, GσNeg)·e(PoK, G) = 1
// (CommitmentInvalid() when it fails), then the commitment's public input
// h = keccak256(D.x ‖ D.y ‖ the committed public inputs) mod r (what the
// prover computes with solidity.WithProverTargetSolidityVerifier: Keccak-256
// instead of gnark's default hash to field, and no domain separation tag),
// added to the public-input MSM with D itself. A verification costs 1 to 2%
// more gas than with the specialized verifier (the cold access to the data
// contract), and deploying it about half. gnark keys with several
// commitments (zkml makes none) and PLONK builds are refused: deploy the
// specialized verifier.
//
// # Models with many outputs
//
// Each public input costs the verifier an ecMul and an ecAdd, about 6.3k
// gas (7.3k with its calldata). gnark's Groth16 template unrolls them: about
// 6.6 kB of code plus 71 bytes per public input, over the 24,576-byte limit
// of a contract (EIP-170, [MaxCodeSize]) from about 255 public inputs, or
// 1,785 outputs packed 7 to a public input ([Verifier.Compile] then fails
// with [ErrVerifierTooLarge]; [SpecializedTooLarge] says so without
// compiling beyond 280). The generic verifier loops over them and takes up
// to 2,048 (verifying that many costs about 14M gas, under EIP-7825's cap
// of 2^24 gas per transaction). Its key data (64 bytes per public input)
// fits in the data contract that its constructor creates up to 382 public
// inputs (370 with a commitment covering every input); beyond,
// [DeployGenericVerifier] splits it into data contracts of 24,575 bytes
// deployed first, one transaction each (EIP-3860 bounds a creation's code
// to 49,152 bytes), and passes their addresses to the constructor, which
// checks their sizes; the verifier reads the first through an immutable,
// the others from storage. A model with 586 public inputs (the shared
// doodles model, 4,096 outputs) takes 2 data contracts and about 4.5M gas
// per verification. PLONK verifiers loop over their public inputs and fit
// regardless.
//
// [DeployForBuild] (and so `zkml deploy`) deploys the generic verifier when
// asked ([GenericVerifier]) and, by default ([AnyVerifier]), when solc is
// not installed or when the specialized verifier would exceed the code
// limit, saying why in [Deployment].Fallback; [SpecializedVerifier] fails
// instead. A ZKML_SOLCJS that points nowhere is an error, not a reason to
// fall back.
//
// [VerifyOnChain] reports an address that holds no verifier of the build
// in one line, "... is not a zkml verifier ...": no contract (an account),
// a contract that reverts without a reason (the registry, the oracle), the
// generic verifier of another model shape (NotAVerifierCall, or a proof
// length of the other range-check mode), or a contract that accepts
// anything. Only a verifier of the build's shape that finds the proof
// invalid gives an error wrapping [ErrRejected].
//
// [DeployGenericPlonkVerifier] does the same for PLONK builds, with
// ZkmlPlonkVerifier (solidity/ZkmlPlonkVerifier.sol,
// [GenericPlonkVerifierBytecode]): the algorithm of gnark v0.16.1's
// specialized PLONK verifier, with the whole verifying key in a data
// contract that Verify copies into memory with one EXTCODECOPY. It takes
// any number of public inputs and of BSB22 commitments, so every PLONK
// build, lookup range checks included; calldata, return value (false for
// a proof that does not verify) and revert messages are the specialized
// verifier's. Measured on the simulated chain (TestGenericPlonkVerifier,
// one commitment each; verification gas per transaction, specialized in
// parentheses):
//
//	1l_mlp            4 inputs  322,238 (321,137)  +0.34%
//	accuracy          1 input   319,039 (317,644)  +0.44%
//	4l_relu_conv_fc  10 inputs  330,472 (329,958)  +0.16%
//
// Deploying it costs about 1,730,000 gas (key of one commitment), against
// about 1,893,000 for the specialized verifier; its code is 6,221 bytes.
//
// [DeployGeneric] deploys the one of the build's backend.
//
// # Compiler
//
// The verifiers are compiled with solc [SolcVersion] (the npm package solcjs,
// run by Node.js; `make tools` installs it into .tools/), with the standard
// JSON interface, the optimizer on and EVM version [EVMVersion]. Nothing in
// this package downloads a compiler.
//
// # Registry
//
// ZkmlRegistry (solidity/ZkmlRegistry.sol) lets contracts act on proven
// outputs. Its bytecode ships with zkml ([RegistryBytecode]; Go bindings in
// contracts/bindings), so deploying it needs no compiler:
//
//	reg, _ := contracts.DeployRegistry(ctx, chain)              // once per chain
//	m, _ := contracts.RegisterModel(ctx, chain, reg.Contract, b, r.Contract)
//	v, err := contracts.VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, p, true)
//	res, _ := contracts.ResultOf(ctx, chain, reg.Contract, m.ModelID, v.InputKey)
//
// A model id is derived, not chosen, and binds the build's verifying key,
// the kind of its setup and the verifier's code (see Trust below).
//
// A proof's public inputs are its input part, then its outputs (then the
// commitment of the parameters and the domain bit, for builds that have
// them). The input part is empty for a private input (zkml's default),
// one Poseidon2 commitment for a hashed input, the input values packed
// like the outputs for a public one; the registry learns its length at
// registration (part of the model id) and keeps each result under the
// model id and an input key ([InputKey]): the commitment itself, or
// keccak256 of the public values. A contract reads the result proven for
// its own input with result(modelId, inputKey) or resultFor(modelId,
// inputValues) ([ResultOf]): a proof of another input, sent from any
// account, is stored under another key, and a proof claiming other
// outputs for the same input does not verify. verify emits
// ProofVerified(modelId, inputKey, prover, sequence, publicInputs) and
// returns the input key and the result's sequence number (1 for the
// input's first proof).
//
// A model whose input is private has ONE result, under the zero key, and
// anyone can overwrite it at any time with a valid proof of any input they
// like: it says that some input gives these outputs, nothing about whose.
// Compile with a public or hashed input when a contract acts on results.
//
// A proof of another model, a replay under another model id, a tampered
// proof or output all revert with ProofRejected(modelId, verifier's reason),
// decoded by [RevertError] with the verifier's own reason inside.
//
// [RegistryCalldata] gives the bytes of verify(modelId, proof,
// publicInputs) ([RegistryVerifyFunction]) for any other client to send to
// the registry; `zkml calldata --registry` prints them, with the input
// key ([ProofInputKey]).
//
// The stored outputs are the public inputs after the input part: by
// default the outputs packed several to a field element (settings.json's
// circuit.output_packing: bits per output, outputs per word; fewer public
// inputs make both the verifier and the registry's storage cheaper), else
// one per output element. solidity/ZkmlFixedPoint.sol decodes them on
// chain (unpacked: toSigned, r − |v| back to −|v|, toScaled, argmax;
// packed: unpack(words, index, bits, perWord), unpackScaled, argmaxPacked)
// and solidity/ZkmlThresholdOracle.sol is an example consumer, given the
// layout at deployment, that acts per input key when a proven output
// reaches a threshold. A first result of an input writes new storage
// slots (about 20k gas each for the result's header and each public
// input); a new proof of a known input rewrites them (bench/GAS.md).
// TestFixedBytecode fails when the committed bytecode no longer matches the
// sources; `go generate ./contracts` recompiles them (solcjs) and
// regenerates the bindings (abigen v2).
//
// # Trust
//
// A model id is derived, not chosen: keccak256 of the [BuildHash], the
// verifier's code hash, the proof system, the number of public inputs and
// the number of them that are the input part ([ModelID]). The build hash
// is keccak256 of the plan hash, the [KeyHash] of the verifying key, the
// [SetupKind] and the outputs' scales and packing. Every zkml
// verifier exposes its key hash as keyHash(): the generic verifiers compute
// it in their constructor from all their key data (for a Groth16 key spread
// over several data contracts, from all of their contents), the
// specialized ones carry it as a constant next to the key compiled into
// their code, so two keys never share a verifier code hash. Registration is
// open to anyone; the registry computes the build hash itself from the plan
// hash, the key hash, the setup kind and the layout, and reverts
// (KeyMismatch) unless the
// verifier's keyHash() is the build's: nobody can register a build with the
// verifier of another key. It refuses EIP-7702-delegated accounts and keeps
// the verifier's code hash: verify refuses every proof (VerifierCodeChanged)
// once the code at the verifier's address is gone (a contract that
// self-destructed in the transaction that created it) or changed, and it
// stores only public inputs below the scalar field order (OutputNotInField).
// [RegisterModel] fails when the model id is registered with another
// deployment of the same code, rather than adopting it.
//
// Keys from a development setup ([SetupDevelopment]: zkml's single-party
// Groth16 setup, PLONK's development SRS; settings.json's setup.insecure)
// let whoever ran the setup (anyone, for the development SRS) forge proofs
// of any outputs. The registry records the setup kind of each model, which
// contracts read with model(modelId); ZkmlThresholdOracle refuses such a
// model at deployment (DevelopmentSetup) unless told to accept it. Other
// setups are [SetupCeremony]: a ceremony SRS file, and ceremonies to come.
//
// What no registry can check is that a contract's code does what its
// keyHash() claims, nor that a build's setup is of the kind it was
// registered with: a contract written to return a build's key hash and
// accept anything can be registered for that build, under a model id of
// its own code, and a development build can be registered as a ceremony
// one, under a model id of its own. A model id is trustworthy once its
// verifier code is known to be zkml's verifier of the build, and its
// build hash that of the build: the specialized verifier compiled from
// the build ([NewVerifier]) or the generic verifier deployed from the
// committed bytecode with the build's key, and [BuildModelID] recomputed
// from the build; consumers should take model ids from whoever deployed
// that verifier, not look one up by build hash alone.
//
// # Chains
//
// [NewSimulated] is go-ethereum's simulated backend: a chain that lives in
// the process, with the well-known [DevAccounts] funded. It disappears with
// the process, so a deployment and the verifications against it must run
// in the same program. Its fork schedule is mainnet's (Osaka), so that its
// gas figures are mainnet's.
package contracts
