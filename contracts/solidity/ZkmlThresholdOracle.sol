// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ZkmlRegistry} from "./ZkmlRegistry.sol";
import {ZkmlFixedPoint} from "./ZkmlFixedPoint.sol";

/// @title ZkmlThresholdOracle: an example consumer of proven predictions.
/// @notice Watches one output of one registered model and records, for each
/// input, when its proven value reaches a threshold: the pattern of a
/// contract that acts (pays, liquidates, unlocks) on a model's prediction
/// about a given input (a borrower's data, a document, an image), which it
/// names by its input key (ZkmlRegistry.inputKeyOf: the commitment of a
/// hashed input). It takes a result in one of two ways: submit verifies a
/// proof through the registry itself; sync reads the registry's result for
/// an input, proven by someone else. Either way, only values a valid proof
/// of the model for that input vouches for count, and a proof of another
/// input cannot change them.
///
/// It refuses, at deployment, a model whose keys come from a development
/// setup (whoever ran it can forge proofs), unless acceptDevelopmentSetup
/// is set. A model with a private input has one result (input key 0) that
/// anyone can overwrite with a proof of any input: this example accepts it,
/// a real consumer should not act on it.
///
/// For a model compiled with --domain-flag, submitInDomain and syncInDomain
/// also refuse (OutOfDomain) a result whose domain bit, the last public
/// input, is 0: an input that left the calibrated domain, whose outputs are
/// approximations.
contract ZkmlThresholdOracle {
    ZkmlRegistry public immutable registry;
    bytes32 public immutable modelId;
    uint256 public immutable outputIndex;
    /// The threshold as a fixed-point integer at the output's scale:
    /// threshold / 2^scale in real terms.
    int256 public immutable threshold;
    /// The model's output layout (settings.json's circuit.output_packing):
    /// bits per output and outputs per public input, both 0 when every
    /// output element is one public input.
    uint8 public immutable bitsPerOutput;
    uint8 public immutable outputsPerWord;
    /// The number of leading public inputs that are the model's input part.
    uint256 public immutable inputs;
    /// Whether the model's keys come from a development setup (accepted
    /// only when the deployer said so).
    bool public immutable developmentSetup;

    struct Observation {
        int256 value; // the last proven value, at the output's scale
        uint32 sequence; // the registry's sequence number of that result (0: none yet)
        bool triggered; // whether it reached the threshold
    }

    /// What the oracle saw for each input key.
    mapping(bytes32 => Observation) public observations;

    event Observed(bytes32 indexed inputKey, uint32 sequence, int256 value, bool triggered);

    error OutputIndexOutOfRange(uint256 index, uint256 outputs);
    error NoNewResult(bytes32 inputKey, uint32 sequence);
    error DevelopmentSetup(bytes32 modelId);
    error OutOfDomain(bytes32 inputKey);

    /// bitsPerOutput_ and outputsPerWord_ must be the model's layout (the
    /// model id binds it, through the build hash); both 0 for a model
    /// without packing. A model from a development setup is refused
    /// (DevelopmentSetup) unless acceptDevelopmentSetup_.
    constructor(
        ZkmlRegistry registry_,
        bytes32 modelId_,
        uint256 outputIndex_,
        int256 threshold_,
        uint8 bitsPerOutput_,
        uint8 outputsPerWord_,
        bool acceptDevelopmentSetup_
    ) {
        (,, uint32 n, uint32 k, uint8 setupKind) = registry_.model(modelId_); // reverts UnknownModel
        bool dev = setupKind == registry_.SETUP_DEVELOPMENT();
        if (dev && !acceptDevelopmentSetup_) revert DevelopmentSetup(modelId_);
        uint256 outputs = n - k;
        if (bitsPerOutput_ != 0 || outputsPerWord_ != 0) {
            if (bitsPerOutput_ == 0 || bitsPerOutput_ > 63 || outputsPerWord_ == 0 || uint256(bitsPerOutput_) * outputsPerWord_ > 253) {
                revert ZkmlFixedPoint.BadPacking(bitsPerOutput_, outputsPerWord_);
            }
            outputs *= outputsPerWord_; // slots, the last word's unused ones included
        }
        if (outputIndex_ >= outputs) revert OutputIndexOutOfRange(outputIndex_, outputs);
        registry = registry_;
        modelId = modelId_;
        outputIndex = outputIndex_;
        threshold = threshold_;
        bitsPerOutput = bitsPerOutput_;
        outputsPerWord = outputsPerWord_;
        inputs = k;
        developmentSetup = dev;
    }

    /// Verifies a proof through the registry, then acts on its output for
    /// the proof's input.
    function submit(bytes calldata proof, uint256[] calldata publicInputs) external returns (bool) {
        (bytes32 key, uint32 seq) = registry.verify(modelId, proof, publicInputs);
        return _observe(key, seq, publicInputs[inputs:]);
    }

    /// Acts on the registry's result for the input of key inputKey, once
    /// per result.
    function sync(bytes32 inputKey) external returns (bool) {
        (,, uint32 seq, uint256[] memory outputs) = registry.result(modelId, inputKey);
        if (seq <= observations[inputKey].sequence) revert NoNewResult(inputKey, seq);
        return _observe(inputKey, seq, outputs);
    }

    /// submit for a model with the domain bit: reverts OutOfDomain unless
    /// the proof's domain bit is 1.
    function submitInDomain(bytes calldata proof, uint256[] calldata publicInputs) external returns (bool) {
        (bytes32 key, uint32 seq) = registry.verify(modelId, proof, publicInputs);
        if (publicInputs[publicInputs.length - 1] != 1) revert OutOfDomain(key);
        return _observe(key, seq, publicInputs[inputs:]);
    }

    /// sync for a model with the domain bit: reverts OutOfDomain unless the
    /// result's domain bit is 1.
    function syncInDomain(bytes32 inputKey) external returns (bool) {
        (,, uint32 seq, uint256[] memory outputs) = registry.result(modelId, inputKey);
        if (seq <= observations[inputKey].sequence) revert NoNewResult(inputKey, seq);
        if (outputs[outputs.length - 1] != 1) revert OutOfDomain(inputKey);
        return _observe(inputKey, seq, outputs);
    }

    function _observe(bytes32 key, uint32 seq, uint256[] memory outputs) private returns (bool) {
        int256 v = bitsPerOutput == 0
            ? ZkmlFixedPoint.toSigned(outputs[outputIndex])
            : ZkmlFixedPoint.unpack(outputs, outputIndex, bitsPerOutput, outputsPerWord);
        bool hit = v >= threshold;
        observations[key] = Observation(v, seq, hit);
        emit Observed(key, seq, v, hit);
        return hit;
    }
}
