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

    int256 public lastValue; // the last proven value, at the output's scale
    uint32 public lastSequence; // the registry's sequence number of that result
    bool public triggered; // whether the last proven value reached the threshold

    event Observed(uint32 indexed sequence, int256 value, bool triggered);

    error OutputIndexOutOfRange(uint256 index, uint256 outputs);
    error NoNewResult(uint32 sequence);

    constructor(ZkmlRegistry registry_, bytes32 modelId_, uint256 outputIndex_, int256 threshold_) {
        (, , uint32 n) = registry_.model(modelId_); // reverts UnknownModel
        if (outputIndex_ >= n) revert OutputIndexOutOfRange(outputIndex_, n);
        registry = registry_;
        modelId = modelId_;
        outputIndex = outputIndex_;
        threshold = threshold_;
    }

    /// Verifies a proof through the registry, then acts on its output.
    function submit(bytes calldata proof, uint256[] calldata outputs, bytes32 inputCommitment)
        external
        returns (bool)
    {
        uint32 seq = registry.verify(modelId, proof, outputs, inputCommitment);
        return _observe(seq, outputs[outputIndex]);
    }

    /// Acts on the registry's last result for the model, once per result.
    function sync() external returns (bool) {
        (, , , uint32 seq, uint256[] memory outputs) = registry.lastResult(modelId);
        if (seq <= lastSequence) revert NoNewResult(seq);
        return _observe(seq, outputs[outputIndex]);
    }

    function _observe(uint32 seq, uint256 output) private returns (bool) {
        int256 v = ZkmlFixedPoint.toSigned(output);
        bool hit = v >= threshold;
        lastValue = v;
        lastSequence = seq;
        triggered = hit;
        emit Observed(seq, v, hit);
        return hit;
    }
}
