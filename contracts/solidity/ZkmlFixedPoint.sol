// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkmlFixedPoint: reads zkml's public outputs.
/// @notice A zkml proof's public inputs are the model's outputs in fixed
/// point: the integer q stands for q / 2^scale, the scale of each output
/// being in the build's settings.json (outputs[i].scale) and in proof.json
/// (output_scales). They come in one of two layouts, which settings.json
/// records (circuit.output_packing) and the model id binds:
///
/// - unpacked: one public input per output element; the proof is over the
///   BN254 scalar field, so a negative q arrives as the field element
///   r - |q|. Read them with toSigned and toScaled.
/// - packed (zkml's default for models with several output elements): the
///   outputs, flattened in order, fill the public inputs perWord at a time;
///   output i is slot i % perWord of public input i / perWord, the bits
///   [bits * slot, bits * (slot + 1)), and holds q + 2^(bits - 1). The
///   circuit proves every q within [-2^(bits-1), 2^(bits-1)), so the slots
///   never overlap. Read them with unpack and unpackScaled.
library ZkmlFixedPoint {
    /// The BN254 scalar field order.
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

    error NotAFieldElement(uint256 value);
    error BadPacking(uint256 bits, uint256 perWord);
    error PackedIndexOutOfRange(uint256 index, uint256 outputs);

    /// The signed integer q of a public input: values above (r-1)/2 are
    /// negative. Every zkml output is far smaller than r/2 in magnitude.
    function toSigned(uint256 x) internal pure returns (int256) {
        if (x >= R) revert NotAFieldElement(x);
        if (x > R / 2) return -int256(R - x);
        return int256(x);
    }

    /// The value q / 2^scale as an integer with the given decimals
    /// (q * 10^decimals / 2^scale), rounded toward zero: toScaled(x, 8, 18)
    /// is an 18-decimal fixed-point number, like an ERC-20 amount.
    function toScaled(uint256 x, uint8 scale, uint8 decimals) internal pure returns (int256) {
        return _scaled(toSigned(x), scale, decimals);
    }

    /// The signed integer q of output index of packed public inputs, laid
    /// out bits per output and perWord outputs per public input (as
    /// settings.json's circuit.output_packing says). Reverts
    /// PackedIndexOutOfRange past the last public input and BadPacking for
    /// a layout zkml never makes (bits outside [1, 63], more than 253 bits
    /// per word). The unused slots of the last public input (past the
    /// model's last output) read as -2^(bits - 1): the model's output count
    /// is in settings.json, with the layout.
    function unpack(uint256[] memory words, uint256 index, uint8 bits, uint8 perWord) internal pure returns (int256) {
        if (bits == 0 || bits > 63 || perWord == 0 || uint256(bits) * perWord > 253) revert BadPacking(bits, perWord);
        uint256 w = index / perWord;
        if (w >= words.length) revert PackedIndexOutOfRange(index, words.length * perWord);
        uint256 slot = (words[w] >> (uint256(bits) * (index % perWord))) & ((uint256(1) << bits) - 1);
        return int256(slot) - int256(uint256(1) << (bits - 1));
    }

    /// unpack as an integer with the given decimals, like toScaled.
    function unpackScaled(uint256[] memory words, uint256 index, uint8 bits, uint8 perWord, uint8 scale, uint8 decimals)
        internal
        pure
        returns (int256)
    {
        return _scaled(unpack(words, index, bits, perWord), scale, decimals);
    }

    /// argmax over the packed outputs [from, to).
    function argmaxPacked(uint256[] memory words, uint256 from, uint256 to, uint8 bits, uint8 perWord)
        internal
        pure
        returns (uint256 index, int256 value)
    {
        require(from < to, "ZkmlFixedPoint: empty slice");
        index = from;
        value = unpack(words, from, bits, perWord);
        for (uint256 i = from + 1; i < to; i++) {
            int256 v = unpack(words, i, bits, perWord);
            if (v > value) (index, value) = (i, v);
        }
    }

    function _scaled(int256 q, uint8 scale, uint8 decimals) private pure returns (int256) {
        return (q * int256(10 ** uint256(decimals))) / int256(1 << uint256(scale));
    }

    /// Whether the value of x is at least threshold / 2^scale, with
    /// threshold given at the output's scale (exact: no rounding).
    function atLeast(uint256 x, int256 threshold) internal pure returns (bool) {
        return toSigned(x) >= threshold;
    }

    /// The index and signed value of the largest output among outputs[from:to]
    /// (the predicted class of a classifier); the first one on ties.
    function argmax(uint256[] memory outputs, uint256 from, uint256 to)
        internal
        pure
        returns (uint256 index, int256 value)
    {
        require(from < to && to <= outputs.length, "ZkmlFixedPoint: empty or out-of-range slice");
        index = from;
        value = toSigned(outputs[from]);
        for (uint256 i = from + 1; i < to; i++) {
            int256 v = toSigned(outputs[i]);
            if (v > value) (index, value) = (i, v);
        }
    }
}

/// @notice Exposes ZkmlFixedPoint for tests and for off-chain callers that
/// want the contract's own reading of an output.
contract ZkmlFixedPointHarness {
    function toSigned(uint256 x) external pure returns (int256) {
        return ZkmlFixedPoint.toSigned(x);
    }

    function toScaled(uint256 x, uint8 scale, uint8 decimals) external pure returns (int256) {
        return ZkmlFixedPoint.toScaled(x, scale, decimals);
    }

    function argmax(uint256[] memory outputs, uint256 from, uint256 to) external pure returns (uint256, int256) {
        return ZkmlFixedPoint.argmax(outputs, from, to);
    }

    function argmaxPacked(uint256[] memory words, uint256 from, uint256 to, uint8 bits, uint8 perWord)
        external
        pure
        returns (uint256, int256)
    {
        return ZkmlFixedPoint.argmaxPacked(words, from, to, bits, perWord);
    }

    function unpack(uint256[] memory words, uint256 index, uint8 bits, uint8 perWord) external pure returns (int256) {
        return ZkmlFixedPoint.unpack(words, index, bits, perWord);
    }

    function unpackScaled(uint256[] memory words, uint256 index, uint8 bits, uint8 perWord, uint8 scale, uint8 decimals)
        external
        pure
        returns (int256)
    {
        return ZkmlFixedPoint.unpackScaled(words, index, bits, perWord, scale, decimals);
    }
}
