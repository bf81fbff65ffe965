// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The part of ZkmlRegistry that ZkmlChain calls.
interface IZkmlRegistry {
    function model(bytes32 modelId)
        external
        view
        returns (address verifier, uint8 backend, uint32 publicInputs, uint32 inputs, uint8 setupKind);
    function verify(bytes32 modelId, bytes calldata proof, uint256[] calldata publicInputs)
        external
        returns (bytes32 inputKey, uint32 sequence);
    function inputKeyOf(uint256[] calldata inputValues) external pure returns (bytes32);
}

/// @title ZkmlChain: proven outputs of models split into segments, per input.
/// @notice A model too large for one circuit is compiled by zkml into
/// segments (`zkml compile --max-constraints N`), each its own circuit and
/// its own model in a ZkmlRegistry. Segment i's public inputs hold, right
/// after its input part, the Poseidon2 commitment of the tensors it passes
/// on, and segment i+1's input part is the commitment of the same tensors:
/// equal values link the two proofs.
///
/// register records a chain: a registry and the ids of its segments' models
/// there, in order. Its id is keccak256(abi.encode(registry, segmentIds)),
/// so that it names every segment's build, key and verifier. verifyChain
/// checks every segment's proof through the registry (which checks the
/// verifier's code and reverts on a rejected proof, with the segment's
/// model id), checks every link, and stores the last segment's outputs as
/// the result of the chain's input: under the key registry.inputKeyOf(the
/// first segment's input part), as ZkmlRegistry.verify does for a whole
/// model. The same WARNING holds: the one result of a chain whose input is
/// private (inputs = 0) is whatever the last prover chose.
///
/// The registry also stores each segment's result, under the key of its
/// boundary commitment: part of the gas a chain costs.
contract ZkmlChain {
    struct Chain {
        address registry;
        uint16 inputs; // the first segment's input part
        uint32 outputs; // the last segment's public inputs after its input part
        uint8 setupKind; // the weakest of the segments' (0: development)
        bytes32[] segments;
    }

    struct Result {
        address prover;
        uint64 blockNumber;
        uint32 sequence;
        mapping(uint256 => uint256) outputs;
    }

    mapping(bytes32 => Chain) private _chains;
    mapping(bytes32 => mapping(bytes32 => Result)) private _results;

    event ChainRegistered(bytes32 indexed chainId, address indexed registry, bytes32[] segments);
    event ChainVerified(bytes32 indexed chainId, bytes32 indexed inputKey, address indexed prover, uint32 sequence);

    error TooFewSegments(uint256 segments);
    error ChainAlreadyRegistered(bytes32 chainId);
    error UnknownChain(bytes32 chainId);
    error NotChained(uint256 segment);
    error WrongSegmentCount(bytes32 chainId, uint256 got, uint256 want);
    error BrokenLink(bytes32 chainId, uint256 segment);
    error NoResult(bytes32 chainId, bytes32 inputKey);

    /// The id register gives the chain of segments in registry.
    function chainIdOf(address registry, bytes32[] calldata segments) public pure returns (bytes32) {
        return keccak256(abi.encode(registry, segments));
    }

    /// Registers the chain of the models segments (ids in registry, every
    /// one registered there), permissionlessly. Every segment after the
    /// first must take one input public input (its input commitment), and
    /// every segment before the last must have one public input after its
    /// input part (its output commitment).
    function register(address registry, bytes32[] calldata segments) external returns (bytes32 chainId) {
        uint256 n = segments.length;
        if (n < 2) revert TooFewSegments(n);
        chainId = chainIdOf(registry, segments);
        Chain storage c = _chains[chainId];
        if (c.registry != address(0)) revert ChainAlreadyRegistered(chainId);
        uint8 setup = 1;
        for (uint256 i = 0; i < n; i++) {
            (,, uint32 publicInputs, uint32 inputs, uint8 setupKind) = IZkmlRegistry(registry).model(segments[i]);
            if ((i > 0 && inputs != 1) || (i + 1 < n && publicInputs <= inputs)) revert NotChained(i);
            if (i == 0) c.inputs = uint16(inputs);
            if (i + 1 == n) c.outputs = publicInputs - inputs;
            if (setupKind < setup) setup = setupKind;
        }
        c.registry = registry;
        c.setupKind = setup;
        c.segments = segments;
        emit ChainRegistered(chainId, registry, segments);
    }

    /// The registration of chainId: its registry, its segments' model ids,
    /// the first segment's input part and the weakest setup kind (0:
    /// development, whose keys whoever ran the setup can forge with).
    function chain(bytes32 chainId)
        external
        view
        returns (address registry, bytes32[] memory segments, uint32 inputs, uint8 setupKind)
    {
        Chain storage c = _known(chainId);
        return (c.registry, c.segments, c.inputs, c.setupKind);
    }

    /// Checks one proof per segment (proofs[i] with publicInputs[i]) and
    /// the links between them, then records the last segment's outputs as
    /// the result of the first segment's input and emits ChainVerified.
    function verifyChain(bytes32 chainId, bytes[] calldata proofs, uint256[][] calldata publicInputs)
        external
        returns (bytes32 inputKey, uint32 sequence)
    {
        Chain storage c = _known(chainId);
        uint256 n = c.segments.length;
        if (proofs.length != n || publicInputs.length != n) {
            revert WrongSegmentCount(chainId, proofs.length, n);
        }
        IZkmlRegistry reg = IZkmlRegistry(c.registry);
        for (uint256 i = 0; i < n; i++) {
            // Reverts (with the registry's error) unless the proof is
            // valid and has the model's number of public inputs.
            reg.verify(c.segments[i], proofs[i], publicInputs[i]);
            if (i + 1 < n) {
                uint256 k = i == 0 ? c.inputs : 1;
                if (publicInputs[i][k] != publicInputs[i + 1][0]) revert BrokenLink(chainId, i);
            }
        }
        inputKey = reg.inputKeyOf(publicInputs[0][0:c.inputs]);
        Result storage r = _results[chainId][inputKey];
        sequence = r.sequence + 1;
        r.prover = msg.sender;
        r.blockNumber = uint64(block.number);
        r.sequence = sequence;
        uint256[] calldata last = publicInputs[n - 1];
        for (uint256 i = 1; i < last.length; i++) {
            r.outputs[i - 1] = last[i];
        }
        emit ChainVerified(chainId, inputKey, msg.sender, sequence);
    }

    /// The result verified for the input of key inputKey of chain chainId:
    /// who sent it, in which block, its sequence number and the last
    /// segment's outputs. Reverts NoResult when none was verified.
    function result(bytes32 chainId, bytes32 inputKey)
        external
        view
        returns (address prover, uint64 blockNumber, uint32 sequence, uint256[] memory outputs)
    {
        Result storage r = _results[chainId][inputKey];
        if (r.sequence == 0) revert NoResult(chainId, inputKey);
        outputs = new uint256[](_chains[chainId].outputs);
        for (uint256 i = 0; i < outputs.length; i++) {
            outputs[i] = r.outputs[i];
        }
        return (r.prover, r.blockNumber, r.sequence, outputs);
    }

    function _known(bytes32 chainId) private view returns (Chain storage c) {
        c = _chains[chainId];
        if (c.registry == address(0)) revert UnknownChain(chainId);
    }
}
