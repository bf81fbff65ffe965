// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ZkmlRegistry} from "./ZkmlRegistry.sol";
import {ZkmlFixedPoint} from "./ZkmlFixedPoint.sol";

/// @title ZkmlThresholdOracle: an example consumer of proven predictions.
/// @notice Watches one output of one registered model and records when its
/// proven value reaches a threshold: the pattern of a contract that acts
/// (pays, liquidates, unlocks) on a model's prediction. It takes a result in
/// one of two ways: submit verifies a proof through the registry itself;
/// sync reads the registry's last result, proven by someone else. Either
/// way, only values a valid proof of the model vouches for count.
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

    int256 public lastValue; // the last proven value, at the output's scale
    uint32 public lastSequence; // the registry's sequence number of that result
    bool public triggered; // whether the last proven value reached the threshold

    event Observed(uint32 indexed sequence, int256 value, bool triggered);

    error OutputIndexOutOfRange(uint256 index, uint256 outputs);
    error NoNewResult(uint32 sequence);

    /// bitsPerOutput_ and outputsPerWord_ must be the model's layout (the
    /// model id binds it, through the build hash); both 0 for a model
    /// without packing.
    constructor(
        ZkmlRegistry registry_,
        bytes32 modelId_,
        uint256 outputIndex_,
        int256 threshold_,
        uint8 bitsPerOutput_,
        uint8 outputsPerWord_
    ) {
        (, , uint32 n) = registry_.model(modelId_); // reverts UnknownModel
        uint256 outputs = n;
        if (bitsPerOutput_ != 0 || outputsPerWord_ != 0) {
            if (bitsPerOutput_ == 0 || bitsPerOutput_ > 63 || outputsPerWord_ == 0 || uint256(bitsPerOutput_) * outputsPerWord_ > 253) {
                revert ZkmlFixedPoint.BadPacking(bitsPerOutput_, outputsPerWord_);
            }
            outputs = uint256(n) * outputsPerWord_; // slots, the last word's unused ones included
        }
        if (outputIndex_ >= outputs) revert OutputIndexOutOfRange(outputIndex_, outputs);
        registry = registry_;
        modelId = modelId_;
        outputIndex = outputIndex_;
        threshold = threshold_;
        bitsPerOutput = bitsPerOutput_;
        outputsPerWord = outputsPerWord_;
    }

    /// Verifies a proof through the registry, then acts on its output.
    function submit(bytes calldata proof, uint256[] calldata outputs, bytes32 inputCommitment)
        external
        returns (bool)
    {
        uint32 seq = registry.verify(modelId, proof, outputs, inputCommitment);
        return _observe(seq, outputs);
    }

    /// Acts on the registry's last result for the model, once per result.
    function sync() external returns (bool) {
        (, , uint32 seq, uint256[] memory outputs) = registry.lastResult(modelId);
        if (seq <= lastSequence) revert NoNewResult(seq);
        return _observe(seq, outputs);
    }

    function _observe(uint32 seq, uint256[] memory outputs) private returns (bool) {
        int256 v = bitsPerOutput == 0
            ? ZkmlFixedPoint.toSigned(outputs[outputIndex])
            : ZkmlFixedPoint.unpack(outputs, outputIndex, bitsPerOutput, outputsPerWord);
        bool hit = v >= threshold;
        lastValue = v;
        lastSequence = seq;
        triggered = hit;
        emit Observed(seq, v, hit);
        return hit;
    }
}
