// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkmlRegistry: proven model outputs, per input, that any contract can read.
/// @notice A model is registered once, permissionlessly, with the address of
/// its verifier (zkml's specialized or generic verifier of the build's
/// verifying key). Its id is not chosen by whoever registers it: it is
/// keccak256(abi.encode(buildHash, verifier.codehash, backend,
/// publicInputs, inputs)), so a model id names one circuit, one set of
/// output scales, one verifying key, one kind of setup, one verifier code
/// and one public-input layout. buildHash is zkml's hash of the build
/// (contracts.BuildHash in Go): keccak256(planHash ‖ keyHash ‖ setupKind ‖
/// layout), with keyHash the hash of the verifying key that zkml's
/// verifiers expose (keyHash()), setupKind one byte (SETUP_DEVELOPMENT or
/// SETUP_CEREMONY) and layout the output scales and packing.
/// register computes buildHash itself and reverts KeyMismatch unless the
/// verifier says it implements keyHash. It keeps the verifier's code hash,
/// and verify refuses every proof once the code at the verifier's address
/// is gone or changed (a contract self-destructed in the transaction that
/// created it, EIP-6780). Accounts delegated with EIP-7702 (code 0xef0100 ‖
/// address), whose code their owner can change, are refused.
///
/// What the registry cannot check is that a verifier's code honestly does
/// what its keyHash claims, nor that setupKind is the build's: a model id
/// names both, and anyone can recompute it from the build and the verifier
/// zkml makes from it (contracts.ModelID).
///
/// Public inputs. A proof's public inputs are, in this order: the input
/// part (inputs of them, fixed at registration), then the outputs, then the
/// commitment of the parameters and the domain bit when the build has them.
/// The input part is 0 elements when the model's input is private, 1 when
/// it is hashed (a Poseidon2 commitment of the quantized input, computed in
/// the circuit) and the input values, packed like the outputs, when it is
/// public. Since the proof covers it, the input part is proven.
///
/// Results per input. verify checks a proof with the model's verifier and
/// stores its result under (modelId, inputKey), the input key being
/// inputKeyOf(the input part): the commitment itself for a hashed input,
/// keccak256 of the values for a public input. A consumer reads the result
/// proven for its own input with result(modelId, inputKey) or
/// resultFor(modelId, inputValues); a proof of another input, from any
/// account, goes under another key and cannot overwrite it. A new proof of
/// the same input replaces the result of that input (the model is
/// deterministic: the outputs are the same, the prover and block are the
/// new ones).
///
/// WARNING: a model whose input is private (inputs = 0) has ONE result,
/// under inputKey 0, which ANY account can overwrite at any time with a
/// valid proof of ANY input it likes. Such a result says "some input gives
/// these outputs", nothing about whose input. Do not act on it unless every
/// input is acceptable: compile with a public or hashed input instead.
///
/// Setups. setupKind is SETUP_DEVELOPMENT for keys from a development
/// setup (zkml's single-party Groth16 setup, PLONK's development SRS), whose
/// secrets whoever ran the setup can have kept, and so forge proofs of any
/// outputs: consumers should refuse such models (model() returns the kind).
/// SETUP_CEREMONY is a setup nobody running zkml knew the secret of (a
/// ceremony SRS or powers of tau).
///
/// The stored outputs are the public inputs after the input part: by
/// default zkml packs several outputs into each (ZkmlFixedPoint.unpack
/// reads them), which keeps both the verification and this registry's
/// storage cheap.
contract ZkmlRegistry {
    /// Proof systems. The verifier ABI differs: Groth16 verifiers take
    /// verifyProof(bytes,uint256[n]) and revert on a bad proof; PLONK
    /// verifiers take Verify(bytes,uint256[]) and return a bool.
    uint8 public constant GROTH16 = 0;
    uint8 public constant PLONK = 1;

    /// Setup kinds. A development setup's keys can be forged with by
    /// whoever ran the setup (or by anyone: PLONK's development SRS is
    /// derived from a public seed).
    uint8 public constant SETUP_DEVELOPMENT = 0;
    uint8 public constant SETUP_CEREMONY = 1;

    /// The BN254 scalar field order: public inputs are below it.
    uint256 private constant R = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001;

    struct Model {
        address verifier;
        uint8 backend;
        uint8 setupKind;
        uint32 publicInputs;
        bytes4 selector; // the verifier function, fixed at registration
        uint16 inputs; // the leading public inputs that are the input part
        bytes32 codeHash; // the verifier's code hash at registration
    }

    struct Result {
        address prover; // msg.sender of verify
        uint64 blockNumber;
        uint32 sequence; // 1 for the first verified proof of this input, then 2, ...
        // The public inputs after the input part, publicInputs - inputs of
        // them (no length slot to rewrite): the outputs packed as the
        // build's settings.json says (circuit.output_packing), or one per
        // output, negative v as r - |v|.
        mapping(uint256 => uint256) outputs;
    }

    mapping(bytes32 => Model) private _models;
    mapping(bytes32 => mapping(bytes32 => Result)) private _results;

    event ModelRegistered(
        bytes32 indexed modelId,
        bytes32 indexed buildHash,
        address verifier,
        uint8 backend,
        uint32 publicInputs,
        uint32 inputs,
        uint8 setupKind
    );
    event ProofVerified(
        bytes32 indexed modelId, bytes32 indexed inputKey, address indexed prover, uint32 sequence, uint256[] publicInputs
    );

    error UnknownModel(bytes32 modelId);
    error ModelAlreadyRegistered(bytes32 modelId);
    error NotAContract(address verifier);
    error DelegatedAccount(address verifier);
    error NotAZkmlVerifier(address verifier);
    error KeyMismatch(address verifier, bytes32 verifierKey, bytes32 buildKey);
    error VerifierCodeChanged(bytes32 modelId, address verifier);
    error OutputNotInField(bytes32 modelId, uint256 index);
    error UnsupportedBackend(uint8 backend);
    error UnsupportedSetupKind(uint8 setupKind);
    error NoPublicInputs();
    error BadInputCount(uint32 inputs, uint32 publicInputs);
    error WrongPublicInputCount(bytes32 modelId, uint256 got, uint256 want);
    error WrongInputCount(bytes32 modelId, uint256 got, uint256 want);
    error ProofRejected(bytes32 modelId, bytes reason);
    error NoResult(bytes32 modelId, bytes32 inputKey);

    /// The id register gives a model, for anyone to check before registering.
    function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs, uint32 inputs)
        public
        view
        returns (bytes32)
    {
        return keccak256(abi.encode(buildHash, verifier.codehash, backend, publicInputs, inputs));
    }

    /// The build hash of a build: keccak256(planHash ‖ keyHash ‖ setupKind ‖ layout).
    function buildHashOf(bytes32 planHash, bytes32 keyHash, uint8 setupKind, bytes calldata layout)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encodePacked(planHash, keyHash, setupKind, layout));
    }

    /// The key of a result: 0 for a model with a private input (no input
    /// part), the commitment itself for a hashed input (one element),
    /// keccak256 of the packed values for a public input.
    function inputKeyOf(uint256[] calldata inputValues) public pure returns (bytes32) {
        if (inputValues.length == 0) return bytes32(0);
        if (inputValues.length == 1) return bytes32(inputValues[0]);
        return keccak256(abi.encodePacked(inputValues));
    }

    /// Registers the build buildHashOf(planHash, keyHash, setupKind,
    /// layout), whose proofs the verifier checks and whose first inputs
    /// public inputs (of publicInputs) are the input part. Reverts
    /// KeyMismatch unless the verifier's keyHash() is keyHash. For a
    /// private input it also reserves the storage of the model's one result
    /// (_reserve).
    function register(
        bytes32 planHash,
        bytes32 keyHash,
        uint8 setupKind,
        bytes calldata layout,
        address verifier,
        uint8 backend,
        uint32 publicInputs,
        uint32 inputs
    ) external returns (bytes32 modelId) {
        if (backend > PLONK) revert UnsupportedBackend(backend);
        if (setupKind > SETUP_CEREMONY) revert UnsupportedSetupKind(setupKind);
        if (publicInputs == 0) revert NoPublicInputs();
        if (inputs > publicInputs || inputs > type(uint16).max) revert BadInputCount(inputs, publicInputs);
        _checkVerifier(verifier, keyHash);
        bytes32 buildHash = buildHashOf(planHash, keyHash, setupKind, layout);
        modelId = modelIdOf(buildHash, verifier, backend, publicInputs, inputs);
        if (_models[modelId].verifier != address(0)) revert ModelAlreadyRegistered(modelId);
        _models[modelId] = Model(
            verifier, backend, setupKind, publicInputs, _selector(backend, publicInputs), uint16(inputs), verifier.codehash
        );
        if (inputs == 0) _reserve(modelId, publicInputs);
        _registered(modelId, buildHash);
    }

    /// _reserve writes placeholders into the storage slots of the one
    /// result of a model whose input is private (input key 0), so that its
    /// verifications, the first included, pay for rewriting them (5k gas a
    /// slot) instead of creating them (22k): the registration pays for the
    /// storage the model will use. The result stays absent (sequence 0,
    /// result() reverts NoResult) until a proof verifies. A model with a
    /// public or hashed input has a result per input, created by its first
    /// proof.
    function _reserve(bytes32 modelId, uint32 publicInputs) private {
        Result storage r = _results[modelId][bytes32(0)];
        r.blockNumber = uint64(block.number) | 1;
        for (uint256 i = 0; i < publicInputs; i++) {
            r.outputs[i] = 1;
        }
    }

    function _selector(uint8 backend, uint32 publicInputs) private pure returns (bytes4) {
        return backend == GROTH16
            ? bytes4(keccak256(abi.encodePacked("verifyProof(bytes,uint256[", _decimal(publicInputs), "])")))
            : bytes4(keccak256("Verify(bytes,uint256[])"));
    }

    function _registered(bytes32 modelId, bytes32 buildHash) private {
        Model storage m = _models[modelId];
        emit ModelRegistered(modelId, buildHash, m.verifier, m.backend, m.publicInputs, m.inputs, m.setupKind);
    }

    /// The registration of modelId; reverts UnknownModel when there is
    /// none. inputs is the number of leading public inputs that are the
    /// input part (0: private input, whose one result anyone can
    /// overwrite); setupKind is SETUP_DEVELOPMENT for keys anyone who ran
    /// (or, for PLONK's development SRS, knows) the setup can forge with.
    function model(bytes32 modelId)
        external
        view
        returns (address verifier, uint8 backend, uint32 publicInputs, uint32 inputs, uint8 setupKind)
    {
        Model storage m = _known(modelId);
        return (m.verifier, m.backend, m.publicInputs, m.inputs, m.setupKind);
    }

    /// Checks proof and its public inputs with the verifier of modelId,
    /// records the outputs as the result of the proof's input (the key
    /// inputKeyOf(publicInputs[0:inputs])) and emits ProofVerified.
    /// Reverts, with the model's id, when the model is unknown, its
    /// verifier's code is gone or changed, the number of public inputs is
    /// wrong, the verifier rejects the proof (ProofRejected carries the
    /// verifier's own revert data) or a public input is not a field
    /// element.
    function verify(bytes32 modelId, bytes calldata proof, uint256[] calldata publicInputs)
        external
        returns (bytes32 inputKey, uint32 sequence)
    {
        Model storage m = _known(modelId);
        if (m.verifier.codehash != m.codeHash) revert VerifierCodeChanged(modelId, m.verifier);
        if (publicInputs.length != m.publicInputs) {
            revert WrongPublicInputCount(modelId, publicInputs.length, m.publicInputs);
        }
        bytes memory data;
        if (m.backend == GROTH16) {
            // verifyProof(bytes, uint256[n]): the static array sits in the
            // head, after the offset of the proof bytes. Copied straight
            // from the calldata: abi.encodePacked would copy it twice.
            uint256 n = publicInputs.length;
            data = new bytes(4 + 32 + 32 * n + 32 + ((proof.length + 31) / 32) * 32);
            bytes4 sel = m.selector;
            assembly ("memory-safe") {
                let p := add(data, 0x20)
                mstore(p, sel)
                mstore(add(p, 4), add(0x20, mul(0x20, n)))
                calldatacopy(add(p, 0x24), publicInputs.offset, mul(0x20, n))
                let q := add(add(p, 0x24), mul(0x20, n))
                mstore(q, proof.length)
                calldatacopy(add(q, 0x20), proof.offset, proof.length)
            }
        } else {
            data = abi.encodeWithSelector(m.selector, proof, publicInputs);
        }
        (bool ok, bytes memory ret) = m.verifier.staticcall(data);
        if (!ok) revert ProofRejected(modelId, ret);
        if (m.backend == PLONK && (ret.length != 32 || abi.decode(ret, (uint256)) != 1)) {
            revert ProofRejected(modelId, ret);
        }
        uint256 k = m.inputs;
        for (uint256 i = 0; i < k; i++) {
            if (publicInputs[i] >= R) revert OutputNotInField(modelId, i);
        }
        inputKey = inputKeyOf(publicInputs[0:k]);
        Result storage r = _results[modelId][inputKey];
        sequence = r.sequence + 1;
        r.prover = msg.sender;
        r.blockNumber = uint64(block.number);
        r.sequence = sequence;
        for (uint256 i = k; i < publicInputs.length; i++) {
            uint256 v = publicInputs[i];
            if (v >= R) revert OutputNotInField(modelId, i);
            r.outputs[i - k] = v;
        }
        emit ProofVerified(modelId, inputKey, msg.sender, sequence, publicInputs);
    }

    /// The result verified for the input of key inputKey (see inputKeyOf)
    /// of model modelId: who sent it, in which block, its sequence number
    /// and its outputs (the public inputs after the input part). Reverts
    /// NoResult when none was verified. For a model with a private input,
    /// inputKey is 0 and the result is the last proof of ANY input, by
    /// anyone.
    function result(bytes32 modelId, bytes32 inputKey)
        public
        view
        returns (address prover, uint64 blockNumber, uint32 sequence, uint256[] memory outputs)
    {
        Result storage r = _results[modelId][inputKey];
        if (r.sequence == 0) revert NoResult(modelId, inputKey);
        Model storage m = _models[modelId];
        outputs = new uint256[](m.publicInputs - m.inputs);
        for (uint256 i = 0; i < outputs.length; i++) {
            outputs[i] = r.outputs[i];
        }
        return (r.prover, r.blockNumber, r.sequence, outputs);
    }

    /// result(modelId, inputKeyOf(inputValues)), inputValues being the
    /// input part of the model's public inputs (the commitment for a hashed
    /// input). Reverts WrongInputCount unless there are as many as the
    /// model's inputs.
    function resultFor(bytes32 modelId, uint256[] calldata inputValues)
        external
        view
        returns (address prover, uint64 blockNumber, uint32 sequence, uint256[] memory outputs)
    {
        Model storage m = _known(modelId);
        if (inputValues.length != m.inputs) revert WrongInputCount(modelId, inputValues.length, m.inputs);
        return result(modelId, inputKeyOf(inputValues));
    }

    function _checkVerifier(address verifier, bytes32 keyHash) private view {
        if (verifier.code.length == 0) revert NotAContract(verifier);
        bytes3 head;
        assembly ("memory-safe") {
            mstore(0, 0)
            extcodecopy(verifier, 0, 0, 3)
            head := mload(0)
        }
        if (head == 0xef0100) revert DelegatedAccount(verifier);
        (bool ok, bytes memory ret) = verifier.staticcall(abi.encodeWithSignature("keyHash()"));
        if (!ok || ret.length != 32) revert NotAZkmlVerifier(verifier);
        bytes32 vk = abi.decode(ret, (bytes32));
        if (vk != keyHash) revert KeyMismatch(verifier, vk, keyHash);
    }

    function _known(bytes32 modelId) private view returns (Model storage m) {
        m = _models[modelId];
        if (m.verifier == address(0)) revert UnknownModel(modelId);
    }

    function _decimal(uint256 v) private pure returns (bytes memory s) {
        if (v == 0) return "0";
        while (v > 0) {
            s = abi.encodePacked(bytes1(uint8(48 + (v % 10))), s);
            v /= 10;
        }
    }
}
