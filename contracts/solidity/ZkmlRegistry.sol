// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkmlRegistry: proven model outputs that any contract can read.
/// @notice A model is registered once, permissionlessly, with the address of
/// its verifier (zkml's specialized or generic verifier of the build's
/// verifying key). Its id is not chosen by whoever registers it: it is
/// keccak256(abi.encode(buildHash, verifier.codehash, backend,
/// publicInputs)), so a model id names one circuit, one set of output
/// scales, one verifying key and one verifier code. buildHash is zkml's hash
/// of the build (contracts.BuildHash in Go): keccak256(planHash ‖ keyHash ‖
/// layout), with keyHash the hash of the verifying key that zkml's verifiers
/// expose (keyHash()) and layout the output scales and packing.
/// register computes buildHash itself and reverts KeyMismatch unless the
/// verifier says it implements keyHash. It keeps the verifier's code hash,
/// and verify refuses every proof once the code at the verifier's address
/// is gone or changed (a contract self-destructed in the transaction that
/// created it, EIP-6780). Accounts delegated with EIP-7702 (code 0xef0100 ‖
/// address), whose code their owner can change, are refused.
///
/// What the registry cannot check is that a verifier's code honestly does
/// what its keyHash claims: a model id names that code, which anyone can
/// compare with the verifier zkml makes from the build (contracts.ModelID).
///
/// verify checks a proof with the model's verifier, emits ProofVerified and
/// keeps the result as the model's last result, which contracts read with
/// lastResult. A proof made for another model fails here: the verifier of
/// the model id named in the call rejects it (ProofRejected), whatever the
/// caller claims. The outputs are the proof's public inputs, elements of
/// the BN254 scalar field: by default zkml packs several outputs into each
/// (ZkmlFixedPoint.unpack reads them), which keeps both the verification and
/// this registry's storage cheap.
///
/// The input commitment is NOT proven. zkml's circuits keep the model input
/// private and expose only the outputs, so the registry cannot know which
/// input a proof is about: inputCommitment is a value the caller attaches
/// (for example keccak256 of the input it used, to be revealed later),
/// emitted in ProofVerified next to the caller's address (both indexed) and
/// not stored: a storage slot per result costs 5,000 gas or more, and a
/// contract that needs the result of its own input calls verify itself. It
/// says "msg.sender claims this input"; the proof says "some input gives
/// these outputs".
contract ZkmlRegistry {
    /// Proof systems. The verifier ABI differs: Groth16 verifiers take
    /// verifyProof(bytes,uint256[n]) and revert on a bad proof; PLONK
    /// verifiers take Verify(bytes,uint256[]) and return a bool.
    uint8 public constant GROTH16 = 0;
    uint8 public constant PLONK = 1;

    /// The BN254 scalar field order: public inputs are below it.
    uint256 private constant R = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001;

    struct Model {
        address verifier;
        uint8 backend;
        uint32 publicInputs;
        bytes4 selector; // the verifier function, fixed at registration
        bytes32 codeHash; // the verifier's code hash at registration
    }

    struct Result {
        address prover; // msg.sender of verify
        uint64 blockNumber;
        uint32 sequence; // 1 for the model's first verified proof, then 2, ...
        // The public inputs, Model.publicInputs of them (no length slot to
        // rewrite): the outputs packed as the build's settings.json says
        // (circuit.output_packing), or one per output, negative v as r - |v|.
        mapping(uint256 => uint256) outputs;
    }

    mapping(bytes32 => Model) private _models;
    mapping(bytes32 => Result) private _results;

    event ModelRegistered(
        bytes32 indexed modelId, bytes32 indexed buildHash, address verifier, uint8 backend, uint32 publicInputs
    );
    event ProofVerified(bytes32 indexed modelId, bytes32 indexed inputCommitment, address indexed prover, uint32 sequence, uint256[] outputs);

    error UnknownModel(bytes32 modelId);
    error ModelAlreadyRegistered(bytes32 modelId);
    error NotAContract(address verifier);
    error DelegatedAccount(address verifier);
    error NotAZkmlVerifier(address verifier);
    error KeyMismatch(address verifier, bytes32 verifierKey, bytes32 buildKey);
    error VerifierCodeChanged(bytes32 modelId, address verifier);
    error OutputNotInField(bytes32 modelId, uint256 index);
    error UnsupportedBackend(uint8 backend);
    error NoPublicInputs();
    error WrongPublicInputCount(bytes32 modelId, uint256 got, uint256 want);
    error ProofRejected(bytes32 modelId, bytes reason);
    error NoResult(bytes32 modelId);

    /// The id register gives a model, for anyone to check before registering.
    function modelIdOf(bytes32 buildHash, address verifier, uint8 backend, uint32 publicInputs)
        public
        view
        returns (bytes32)
    {
        return keccak256(abi.encode(buildHash, verifier.codehash, backend, publicInputs));
    }

    /// The build hash of a build: keccak256(planHash ‖ keyHash ‖ layout).
    function buildHashOf(bytes32 planHash, bytes32 keyHash, bytes calldata layout) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(planHash, keyHash, layout));
    }

    /// Registers the build buildHashOf(planHash, keyHash, layout), whose
    /// proofs the verifier checks. Reverts KeyMismatch unless the verifier's
    /// keyHash() is keyHash.
    function register(
        bytes32 planHash,
        bytes32 keyHash,
        bytes calldata layout,
        address verifier,
        uint8 backend,
        uint32 publicInputs
    ) external returns (bytes32 modelId) {
        if (verifier.code.length == 0) revert NotAContract(verifier);
        bytes3 head;
        assembly ("memory-safe") {
            mstore(0, 0)
            extcodecopy(verifier, 0, 0, 3)
            head := mload(0)
        }
        if (head == 0xef0100) revert DelegatedAccount(verifier);
        if (backend > PLONK) revert UnsupportedBackend(backend);
        if (publicInputs == 0) revert NoPublicInputs();
        (bool ok, bytes memory ret) = verifier.staticcall(abi.encodeWithSignature("keyHash()"));
        if (!ok || ret.length != 32) revert NotAZkmlVerifier(verifier);
        bytes32 vk = abi.decode(ret, (bytes32));
        if (vk != keyHash) revert KeyMismatch(verifier, vk, keyHash);
        bytes32 buildHash = buildHashOf(planHash, keyHash, layout);
        modelId = modelIdOf(buildHash, verifier, backend, publicInputs);
        if (_models[modelId].verifier != address(0)) revert ModelAlreadyRegistered(modelId);
        bytes4 sel = backend == GROTH16
            ? bytes4(keccak256(abi.encodePacked("verifyProof(bytes,uint256[", _decimal(publicInputs), "])")))
            : bytes4(keccak256("Verify(bytes,uint256[])"));
        _models[modelId] = Model(verifier, backend, publicInputs, sel, verifier.codehash);
        emit ModelRegistered(modelId, buildHash, verifier, backend, publicInputs);
    }

    /// The registration of modelId; reverts UnknownModel when there is none.
    function model(bytes32 modelId) external view returns (address verifier, uint8 backend, uint32 publicInputs) {
        Model storage m = _known(modelId);
        return (m.verifier, m.backend, m.publicInputs);
    }

    /// Checks proof and its public inputs (the model's outputs) with the
    /// verifier of modelId, records them as the model's last result and
    /// emits ProofVerified. Reverts, with the model's id, when the model is
    /// unknown, its verifier's code is gone or changed, the number of
    /// outputs is wrong, the verifier rejects the proof (ProofRejected
    /// carries the verifier's own revert data) or an output is not a field
    /// element.
    function verify(bytes32 modelId, bytes calldata proof, uint256[] calldata publicInputs, bytes32 inputCommitment)
        external
        returns (uint32 sequence)
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
        Result storage r = _results[modelId];
        sequence = r.sequence + 1;
        r.prover = msg.sender;
        r.blockNumber = uint64(block.number);
        r.sequence = sequence;
        for (uint256 i = 0; i < publicInputs.length; i++) {
            uint256 v = publicInputs[i];
            if (v >= R) revert OutputNotInField(modelId, i);
            r.outputs[i] = v;
        }
        emit ProofVerified(modelId, inputCommitment, msg.sender, sequence, publicInputs);
    }

    /// The last result verified for modelId: who sent it, in which block,
    /// its sequence number and its outputs (the public inputs). Its input
    /// commitment is in the ProofVerified event of that sequence number.
    /// Reverts NoResult when none was verified.
    function lastResult(bytes32 modelId)
        external
        view
        returns (address prover, uint64 blockNumber, uint32 sequence, uint256[] memory outputs)
    {
        Result storage r = _results[modelId];
        if (r.sequence == 0) revert NoResult(modelId);
        outputs = new uint256[](_models[modelId].publicInputs);
        for (uint256 i = 0; i < outputs.length; i++) {
            outputs[i] = r.outputs[i];
        }
        return (r.prover, r.blockNumber, r.sequence, outputs);
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
