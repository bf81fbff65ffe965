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
// argument add a BSB22 commitment to the proof, whose proof of knowledge
// zkml's Groth16 verifiers check in the proof's own pairing call (one more
// pairing, two for a key whose Pedersen G is not γ, which zkml's setups do
// not make; a hash to the field and three ecMul; foldpok.go says why that
// is sound); prover.WithAutoRangeChecks (`zkml compile`'s default) and
// prover.WithBitDecompositionRangeChecks build without it when they can.
// bench/GAS.md (`make bench-gas`) records both, and the generic verifier's.
//
// # Generic verifiers
//
// [DeployGeneric] deploys zkml's generic verifier of the build's backend
// (solidity/ZkmlGroth16Verifier.sol, solidity/ZkmlPlonkVerifier.sol), whose
// bytecode ships with zkml, with the build's verifying key as constructor
// data: no compiler is needed, keys of up to 2,048 public inputs fit (spread
// over data contracts), and a verification costs a little more gas than the
// specialized verifier's (bench/GAS.md). VERIFIERS.md, next to this file,
// records their design and measurements.
//
// # Foundry
//
// [FoundryFiles] and [WriteFoundry] make the Foundry project of `zkml
// export-verifier --foundry`: the verifier, a proof as Solidity constants
// and a test that checks it with plain calls (no cheatcodes).
//
// # Compiler
//
// The verifiers are compiled with solc [SolcVersion]: a native solc of that
// version on $PATH, else the npm package solcjs run by Node.js ($ZKML_SOLCJS,
// or .tools/ where `make tools` installs it; see [FindSolc]), with the
// standard JSON interface, the optimizer on and EVM version [EVMVersion].
// Nothing in this package downloads a compiler.
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
// reaches a threshold; for a model compiled with --domain-flag, its
// submitInDomain and syncInDomain refuse (OutOfDomain) a result whose
// domain bit, the last public input, is 0. A first result of an input writes new storage
// slots (about 20k gas each for the result's header and each public
// input); a new proof of a known input rewrites them (bench/GAS.md).
// TestFixedBytecode fails when the committed bytecode no longer matches the
// sources; `go generate ./contracts` recompiles them (solcjs) and
// regenerates the bindings (abigen v2).
//
// # Split models
//
// A split build's segments (prover.Split) are models of a registry like
// any other, and solidity/ZkmlChain.sol chains them: [RegisterSplit]
// registers every segment and then the chain, whose id is
// keccak256(abi.encode(registry, segment ids)) ([ChainID]);
// [VerifyChainOnChain] calls verifyChain, which verifies every segment's
// proof through the registry, checks that each segment's output commitment
// is the next one's input commitment, and stores the last outputs under
// the model input's key, in one transaction; [ChainResultOf] reads them.
// [SplitBuildHash] identifies the split build off chain.
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
