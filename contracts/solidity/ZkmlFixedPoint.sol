// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkmlFixedPoint: reads zkml's public outputs.
/// @notice A zkml proof's public inputs are the model's outputs in fixed
/// point: the integer q stands for q / 2^scale, the scale of each output
/// being in the build's settings.json (outputs[i].scale) and in proof.json
/// (output_scales). The proof is over the BN254 scalar field, so a negative
/// q arrives as the field element r - |q|. These functions undo that.
library ZkmlFixedPoint {
    /// The BN254 scalar field order.
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

    error NotAFieldElement(uint256 value);

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
        return (toSigned(x) * int256(10 ** uint256(decimals))) / int256(1 << uint256(scale));
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
}
