// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkmlGroth16Verifier: one bytecode for every zkml Groth16 model.
/// @notice The verifying key is constructor data, so that deploying a model's
/// verifier needs no Solidity compiler. It verifies BN254 Groth16 proofs
/// with one BSB22 (Pedersen) commitment, as zkml's default builds (lookup
/// range checks) carry, or without one (`--range-checks bits`), and takes
/// exactly the calldata of gnark's specialized verifier:
/// verifyProof(bytes proof, uint256[n] input), proof in gnark's
/// MarshalSolidity layout (A, B, C: 256 bytes, then the commitment and its
/// proof of knowledge: 384 bytes). Since the length n is part of that
/// function's selector, the call arrives in the fallback, which accepts only
/// the selector of this key's n; any other call reverts NotAVerifierCall().
/// Like gnark's verifier it returns nothing and reverts on a bad proof:
/// ProofInvalid(), CommitmentInvalid() for a commitment or proof of
/// knowledge that is not a curve point, or PublicInputNotInField() for an
/// input not below the scalar field order. The commitment's proof of
/// knowledge is checked in the proof's pairing call, raised to a power r
/// drawn from the calldata (zkml's contracts/foldpok.go says why that is
/// sound), so that a wrong one fails with ProofInvalid(): five pairings
/// when the Pedersen key's G is γ (zkml's and gnark's ceremony keys), six
/// else. keyHash() is the hash of its whole key, which ZkmlRegistry checks
/// against the build's at registration.
contract ZkmlGroth16Verifier {
    error ProofInvalid();
    error PublicInputNotInField();
    error CommitmentInvalid();
    /// The call is not verifyProof(bytes,uint256[numInputs]).
    error NotAVerifierCall(bytes4 selector);

    uint256 private constant R = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001;
    uint256 private constant P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47;

    /// A data contract's largest size (EIP-170). One data contract holds the
    /// key of up to 382 public inputs (370 with a commitment committing to
    /// every input); larger keys are spread over several, deployed first.
    uint256 private constant MAX_CODE = 24576;
    /// The bytes of key data one data contract holds (after its STOP byte).
    uint256 private constant CHUNK = 24575;
    /// The most public inputs: each costs an ecMul and an ecAdd (about 6.3k
    /// gas), so that 2048 keep a verifying transaction (about 14M gas)
    /// under EIP-7825's cap of 2^24 gas per transaction.
    uint256 public constant MAX_INPUTS = 2048;
    /// The most points K_i a key held in the verifier's own code may have:
    /// a key of up to 4 points whose commitment covers no public input
    /// (zkml's keys of up to 3 public inputs, 2 with a commitment) is held
    /// in the immutables K0_X .. K3_Y instead of a data contract, which
    /// spares each verification the cold EXTCODECOPY (2,600 gas).
    uint256 private constant INLINE_POINTS = 4;

    // The fixed points, as immutables (PUSH32 in the runtime code, as cheap
    // as the constants of a specialized verifier). G2 points are negated
    // (but for the Pedersen key, which is used as gnark stores it), so that
    // the proof's points are used as they are, and in the pairing
    // precompile's order of coordinates: x.a1, x.a0, y.a1, y.a0.
    uint256 private immutable ALPHA_X;
    uint256 private immutable ALPHA_Y;
    uint256 private immutable BETA_NEG_X_1;
    uint256 private immutable BETA_NEG_X_0;
    uint256 private immutable BETA_NEG_Y_1;
    uint256 private immutable BETA_NEG_Y_0;
    uint256 private immutable GAMMA_NEG_X_1;
    uint256 private immutable GAMMA_NEG_X_0;
    uint256 private immutable GAMMA_NEG_Y_1;
    uint256 private immutable GAMMA_NEG_Y_0;
    uint256 private immutable DELTA_NEG_X_1;
    uint256 private immutable DELTA_NEG_X_0;
    uint256 private immutable DELTA_NEG_Y_1;
    uint256 private immutable DELTA_NEG_Y_0;
    uint256 private immutable PEDERSEN_G_X_1;
    uint256 private immutable PEDERSEN_G_X_0;
    uint256 private immutable PEDERSEN_G_Y_1;
    uint256 private immutable PEDERSEN_G_Y_0;
    uint256 private immutable PEDERSEN_GSIGMANEG_X_1;
    uint256 private immutable PEDERSEN_GSIGMANEG_X_0;
    uint256 private immutable PEDERSEN_GSIGMANEG_Y_1;
    uint256 private immutable PEDERSEN_GSIGMANEG_Y_0;
    // The points of a key held inline (zero where it has fewer).
    uint256 private immutable K0_X;
    uint256 private immutable K0_Y;
    uint256 private immutable K1_X;
    uint256 private immutable K1_Y;
    uint256 private immutable K2_X;
    uint256 private immutable K2_Y;
    uint256 private immutable K3_X;
    uint256 private immutable K3_Y;

    /// The number of public inputs n (the commitment's hash not counted).
    uint256 public immutable numInputs;
    /// Whether proofs carry a BSB22 commitment.
    bool public immutable hasCommitment;
    /// Whether the Pedersen key's G is γ (with a commitment): then
    /// e(r·PoK, G) joins e(L, -γ) as L - r·PoK, and the pairing call checks
    /// five pairings instead of six.
    bool public immutable pedersenGIsGamma;
    /// How many public inputs the commitment's hash covers.
    uint256 public immutable numCommitted;
    /// verifyProof(bytes,uint256[n]), the only function this contract has.
    bytes4 public immutable selector;
    /// The contract whose code is one STOP byte, the points K_0 .. K_n (and
    /// K_{n+1}, the commitment hash's, with a commitment) of the public-input
    /// MSM (x, y; 64 bytes each), then the 1-based indices (2 bytes each) of
    /// the inputs the commitment's hash covers; read with EXTCODECOPY: arrays
    /// of any length, written once, without storage.
    /// Keys too large for one data contract are split into chunks of 24,575
    /// bytes (the last one shorter): icData holds the first, moreData the
    /// others, in order. Zero for a key held inline (INLINE_POINTS).
    address public immutable icData;
    /// The number of data contracts (0 for a key held inline, 1 but for
    /// keys of over 382 inputs).
    uint256 public immutable numDataContracts;
    /// The data contracts after icData: storage, read only by verifiers of
    /// large keys, where 2,100 gas per slot is noise.
    address[] public moreData;
    /// keccak256 of the whole verifying key: alpha, betaNeg, gammaNeg,
    /// deltaNeg, the commitment flag (a word), pedersenG, pedersenGSigmaNeg
    /// (zero without a commitment), then the data held by the data
    /// contracts (the points and the committed inputs' indices), as the
    /// constructor received or read them. An immutable, so that two keys
    /// never share a runtime code; the registry checks it against the
    /// build's (contracts.KeyHash in Go).
    bytes32 public immutable keyHash;

    /// @param alpha [α]₁ (x, y).
    /// @param betaNeg -[β]₂, gammaNeg -[γ]₂, deltaNeg -[δ]₂ (x.a1, x.a0, y.a1, y.a0).
    /// @param ic K_0.x, K_0.y, ..., K_m.x, K_m.y: m = n, or n + 1 with a commitment.
    /// @param commitment whether proofs carry a commitment; the next two
    /// parameters are then gnark's Pedersen key G and GSigmaNeg (x.a1, x.a0,
    /// y.a1, y.a0), else zero.
    /// @param committed the 1-based indices of the public inputs that the
    /// commitment's hash covers (gnark's PublicAndCommitmentCommitted[0]).
    /// @param chunks empty: the constructor creates the data contract from ic
    /// and committed. Else the data contracts, deployed before (each code one
    /// STOP byte and a chunk of the data described at icData), and ic and
    /// committed are empty: shape then gives n and the number of committed
    /// inputs.
    constructor(
        uint256[2] memory alpha,
        uint256[4] memory betaNeg,
        uint256[4] memory gammaNeg,
        uint256[4] memory deltaNeg,
        uint256[] memory ic,
        bool commitment,
        uint256[4] memory pedersenG,
        uint256[4] memory pedersenGSigmaNeg,
        uint256[] memory committed,
        address[] memory chunks,
        uint256[2] memory shape
    ) {
        uint256 extra = commitment ? 1 : 0;
        uint256 n = shape[0];
        uint256 m = shape[1];
        if (chunks.length == 0) {
            require(ic.length >= 2 * (2 + extra) && ic.length % 2 == 0, "ic: need the points K_0..K_n, n >= 1");
            n = ic.length / 2 - 1 - extra;
            m = committed.length;
        } else {
            require(ic.length == 0 && committed.length == 0, "ic: the key is in the data contracts");
            require(n >= 1, "ic: need n >= 1");
        }
        require(n <= MAX_INPUTS, "ic: too many public inputs");
        require(commitment || m == 0, "committed inputs without a commitment");
        for (uint256 i = 0; i < 4; i++) {
            require(commitment || (pedersenG[i] == 0 && pedersenGSigmaNeg[i] == 0), "pedersen key without a commitment");
        }
        // The fixed points must be reduced; the precompiles check that the
        // points are on their curves (a bad key fails every proof).
        for (uint256 i = 0; i < 4; i++) {
            require(betaNeg[i] < P && gammaNeg[i] < P && deltaNeg[i] < P, "vk: coordinate not below P");
            require(pedersenG[i] < P && pedersenGSigmaNeg[i] < P, "vk: coordinate not below P");
        }
        require(alpha[0] < P && alpha[1] < P, "vk: coordinate not below P");
        ALPHA_X = alpha[0];
        ALPHA_Y = alpha[1];
        BETA_NEG_X_1 = betaNeg[0];
        BETA_NEG_X_0 = betaNeg[1];
        BETA_NEG_Y_1 = betaNeg[2];
        BETA_NEG_Y_0 = betaNeg[3];
        GAMMA_NEG_X_1 = gammaNeg[0];
        GAMMA_NEG_X_0 = gammaNeg[1];
        GAMMA_NEG_Y_1 = gammaNeg[2];
        GAMMA_NEG_Y_0 = gammaNeg[3];
        DELTA_NEG_X_1 = deltaNeg[0];
        DELTA_NEG_X_0 = deltaNeg[1];
        DELTA_NEG_Y_1 = deltaNeg[2];
        DELTA_NEG_Y_0 = deltaNeg[3];
        PEDERSEN_G_X_1 = pedersenG[0];
        PEDERSEN_G_X_0 = pedersenG[1];
        PEDERSEN_G_Y_1 = pedersenG[2];
        PEDERSEN_G_Y_0 = pedersenG[3];
        PEDERSEN_GSIGMANEG_X_1 = pedersenGSigmaNeg[0];
        PEDERSEN_GSIGMANEG_X_0 = pedersenGSigmaNeg[1];
        PEDERSEN_GSIGMANEG_Y_1 = pedersenGSigmaNeg[2];
        PEDERSEN_GSIGMANEG_Y_0 = pedersenGSigmaNeg[3];
        numInputs = n;
        hasCommitment = commitment;
        // G = γ: the x words equal, the y words opposite (gammaNeg is -γ).
        pedersenGIsGamma = commitment && pedersenG[0] == gammaNeg[0] && pedersenG[1] == gammaNeg[1]
            && addmod(pedersenG[2], gammaNeg[2], P) == 0 && addmod(pedersenG[3], gammaNeg[3], P) == 0;
        numCommitted = m;
        selector = bytes4(keccak256(abi.encodePacked("verifyProof(bytes,uint256[", _decimal(n), "])")));
        // The key hash: the fixed points, then the data contracts' data.
        bytes memory key = abi.encodePacked(alpha, betaNeg, gammaNeg, deltaNeg, extra, pedersenG, pedersenGSigmaNeg);
        if (chunks.length != 0) {
            keyHash = keccak256(bytes.concat(key, _checkChunks(chunks, 64 * (n + 1 + extra) + 2 * m, n, m)));
            icData = chunks[0];
            numDataContracts = chunks.length;
            for (uint256 j = 1; j < chunks.length; j++) {
                moreData.push(chunks[j]);
            }
            return;
        }
        bytes memory data = _dataOf(ic, committed, n);
        keyHash = keccak256(bytes.concat(key, data));
        if (m == 0 && ic.length <= 2 * INLINE_POINTS) {
            // Held inline: no data contract.
            uint256[8] memory k;
            for (uint256 i = 0; i < ic.length; i++) {
                k[i] = ic[i];
            }
            K0_X = k[0];
            K0_Y = k[1];
            K1_X = k[2];
            K1_Y = k[3];
            K2_X = k[4];
            K2_Y = k[5];
            K3_X = k[6];
            K3_Y = k[7];
            return;
        }
        icData = _createData(data);
        numDataContracts = 1;
    }

    /// The points of a key held inline, in memory as _readData gives them.
    function _inlineData() private view returns (uint256 d) {
        uint256[8] memory k = [K0_X, K0_Y, K1_X, K1_Y, K2_X, K2_Y, K3_X, K3_Y];
        assembly ("memory-safe") {
            d := k
        }
    }

    /// The data of a key passed whole to the constructor: the points, then
    /// the committed inputs' indices, 2 bytes each.
    function _dataOf(uint256[] memory ic, uint256[] memory committed, uint256 n) private pure returns (bytes memory) {
        bytes memory offsets = new bytes(2 * committed.length);
        for (uint256 i = 0; i < committed.length; i++) {
            require(committed[i] >= 1 && committed[i] <= n, "committed: not a public input index");
            offsets[2 * i] = bytes1(uint8(committed[i] >> 8));
            offsets[2 * i + 1] = bytes1(uint8(committed[i]));
        }
        return abi.encodePacked(ic, offsets);
    }

    /// Creates the data contract whose code is a STOP byte and data.
    function _createData(bytes memory data) private returns (address a) {
        // Creation code that returns everything after its 10 bytes:
        // PUSH2 size, DUP1, PUSH1 10, RETURNDATASIZE, CODECOPY, RETURNDATASIZE, RETURN.
        bytes memory runtime = abi.encodePacked(hex"00", data);
        require(runtime.length <= MAX_CODE, "ic: too many public inputs");
        bytes memory init = abi.encodePacked(hex"61", uint16(runtime.length), hex"80600a3d393df3", runtime);
        assembly ("memory-safe") {
            a := create(0, add(init, 0x20), mload(init))
        }
        require(a != address(0), "ic: data contract creation failed");
    }

    /// Checks that the data contracts hold len bytes of data in chunks of
    /// CHUNK (the last one shorter), each after a STOP byte, and that the
    /// committed inputs' indices (the data's last bytes) name one of the
    /// n inputs of verifyProof's calldata (a key that would read elsewhere),
    /// and returns the data.
    function _checkChunks(address[] memory chunks, uint256 len, uint256 n, uint256 m)
        private
        view
        returns (bytes memory data)
    {
        require(chunks.length == (len + CHUNK - 1) / CHUNK, "chunks: wrong number of data contracts");
        data = new bytes(len);
        for (uint256 j = 0; j < chunks.length; j++) {
            address a = chunks[j];
            uint256 c = len - j * CHUNK;
            if (c > CHUNK) c = CHUNK;
            require(a.code.length == c + 1 && a.code[0] == 0x00, "chunks: a data contract of the wrong size");
            assembly ("memory-safe") {
                extcodecopy(a, add(add(data, 0x20), mul(j, CHUNK)), 1, c)
            }
        }
        for (uint256 i = len - 2 * m; i < len; i += 2) {
            uint256 at = (uint256(uint8(data[i])) << 8) | uint8(data[i + 1]);
            require(at >= 1 && at <= n, "committed: not a public input index");
        }
    }

    /// Copies the key data (len bytes, from the start) out of the data
    /// contracts into fresh memory.
    function _readData(uint256 len) private view returns (uint256 d) {
        address first = icData;
        uint256 k = numDataContracts;
        assembly ("memory-safe") {
            d := mload(0x40)
            mstore(0x40, add(d, and(add(len, 31), not(31))))
            let c := len
            if gt(c, CHUNK) { c := CHUNK }
            extcodecopy(first, d, 1, c)
        }
        for (uint256 j = 1; j < k; j++) {
            address a = moreData[j - 1];
            assembly ("memory-safe") {
                let at := mul(j, CHUNK)
                let c := sub(len, at)
                if gt(c, CHUNK) { c := CHUNK }
                extcodecopy(a, add(d, at), 1, c)
            }
        }
    }

    /// verifyProof(bytes proof, uint256[n] input), ABI-encoded as gnark's
    /// verifier takes it: offset of proof (32 + 32n), the n inputs, the
    /// proof's length (256, or 384 with a commitment) and its bytes.
    fallback() external {
        uint256 n = numInputs;
        bool cmt = hasCommitment;
        if (msg.sig != selector) revert NotAVerifierCall(msg.sig);
        uint256 proofLength = cmt ? 384 : 256;
        if (
            msg.data.length != 4 + 32 * n + 64 + proofLength || uint256(bytes32(msg.data[4:36])) != 32 + 32 * n
                || uint256(bytes32(msg.data[36 + 32 * n:68 + 32 * n])) != proofLength
        ) revert("invalid proof length");

        // The pairing precompile's input: e(A, B)·e(C, -δ)·e(α, -β)·e(L, -γ) = 1,
        // with L = K_0 + Σ input_i·K_i (+ D + h·K_{n+1}, with a commitment D
        // whose hash is h), times e(r·D, GSigmaNeg)·e(r·PoK, G) with one;
        // when G = γ, e(r·PoK, G) = e(-r·PoK, -γ) and L - r·PoK replaces L.
        uint256[36] memory pairing;
        bool ok = true;
        bool g5 = pedersenGIsGamma;
        uint256 proofAt = 0x44 + 32 * n;
        uint256 m = numCommitted;
        uint256 terms = cmt ? n + 1 : n;
        // The key data: K_0..K_n(+1), then the committed inputs' indices.
        uint256 pts = numDataContracts == 0 ? _inlineData() : _readData(0x40 * (terms + 1) + 2 * m);
        uint256 hc; // the commitment's hash: the scalar of K_{n+1}
        if (cmt) {
            assembly ("memory-safe") {
                // The proof of knowledge e(D, GSigmaNeg)·e(PoK, G) = 1 joins
                // the proof's pairing call raised to the power
                // r = 1 + keccak256(calldata without the selector) mod (R - 1):
                // here r·D and r·PoK (pairing[24..25] and [30..31]); with
                // G = γ, -r·PoK = (R - r)·PoK instead, for L. ECMUL rejects
                // points off the curve.
                let f := mload(0x40)
                let len := sub(calldatasize(), 4)
                calldatacopy(f, 4, len)
                let r := add(mod(keccak256(f, len), sub(R, 1)), 1)
                calldatacopy(f, add(proofAt, 0x100), 0x40)
                mstore(add(f, 0x40), r)
                ok := staticcall(gas(), 0x07, f, 0x60, add(pairing, 0x300), 0x40)
                calldatacopy(f, add(proofAt, 0x140), 0x40)
                if g5 { r := sub(R, r) }
                mstore(add(f, 0x40), r)
                ok := and(ok, staticcall(gas(), 0x07, f, 0x60, add(pairing, 0x3c0), 0x40))
            }
            if (!ok) revert CommitmentInvalid();
            pairing[26] = PEDERSEN_GSIGMANEG_X_1;
            pairing[27] = PEDERSEN_GSIGMANEG_X_0;
            pairing[28] = PEDERSEN_GSIGMANEG_Y_1;
            pairing[29] = PEDERSEN_GSIGMANEG_Y_0;
            pairing[32] = PEDERSEN_G_X_1;
            pairing[33] = PEDERSEN_G_X_0;
            pairing[34] = PEDERSEN_G_Y_1;
            pairing[35] = PEDERSEN_G_Y_0;
            assembly ("memory-safe") {
                // h = keccak256(D.x, D.y, the committed inputs) mod R: gnark's
                // hash to field for Solidity verifiers.
                let f := mload(0x40)
                calldatacopy(f, add(proofAt, 0x100), 0x40)
                let offs := add(pts, mul(0x40, add(terms, 1)))
                for { let i := 0 } lt(i, m) { i := add(i, 1) } {
                    let at := add(4, shl(5, shr(240, mload(add(offs, mul(i, 2))))))
                    mstore(add(f, add(0x40, mul(i, 0x20))), calldataload(at))
                }
                hc := mod(keccak256(f, add(0x40, mul(m, 0x20))), R)
            }
        }
        pairing[8] = DELTA_NEG_X_1;
        pairing[9] = DELTA_NEG_X_0;
        pairing[10] = DELTA_NEG_Y_1;
        pairing[11] = DELTA_NEG_Y_0;
        pairing[12] = ALPHA_X;
        pairing[13] = ALPHA_Y;
        pairing[14] = BETA_NEG_X_1;
        pairing[15] = BETA_NEG_X_0;
        pairing[16] = BETA_NEG_Y_1;
        pairing[17] = BETA_NEG_Y_0;
        assembly ("memory-safe") {
            // The MSM accumulates in pairing[18..19] (acc); ECMUL writes its
            // product right after it (g = pairing[20..22], overwritten by -γ
            // below), so that one ECADD of 128 bytes adds them.
            let acc := add(pairing, 0x240)
            let g := add(acc, 0x40)
            mstore(acc, mload(pts))
            mstore(add(acc, 0x20), mload(add(pts, 0x20)))
            if cmt {
                // acc = K_0 + D
                calldatacopy(g, add(proofAt, 0x100), 0x40)
                ok := and(ok, staticcall(gas(), 0x06, acc, 0x80, acc, 0x40))
                if g5 {
                    // acc -= r·PoK: (R - r)·PoK, in pairing[30..31],
                    // past the five pairings' input
                    mstore(g, mload(add(pairing, 0x3c0)))
                    mstore(add(g, 0x20), mload(add(pairing, 0x3e0)))
                    ok := and(ok, staticcall(gas(), 0x06, acc, 0x80, acc, 0x40))
                }
            }
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                let s := calldataload(add(0x24, mul(i, 0x20)))
                ok := and(ok, lt(s, R))
                let k := add(pts, mul(add(i, 1), 0x40))
                mstore(g, mload(k))
                mstore(add(g, 0x20), mload(add(k, 0x20)))
                mstore(add(g, 0x40), s)
                ok := and(ok, staticcall(gas(), 0x07, g, 0x60, g, 0x40))
                ok := and(ok, staticcall(gas(), 0x06, acc, 0x80, acc, 0x40))
            }
            if cmt {
                // acc += h·K_{n+1}
                let k := add(pts, mul(add(n, 1), 0x40))
                mstore(g, mload(k))
                mstore(add(g, 0x20), mload(add(k, 0x20)))
                mstore(add(g, 0x40), hc)
                ok := and(ok, staticcall(gas(), 0x07, g, 0x60, g, 0x40))
                ok := and(ok, staticcall(gas(), 0x06, acc, 0x80, acc, 0x40))
            }
        }
        if (!ok) revert PublicInputNotInField();
        pairing[20] = GAMMA_NEG_X_1;
        pairing[21] = GAMMA_NEG_X_0;
        pairing[22] = GAMMA_NEG_Y_1;
        pairing[23] = GAMMA_NEG_Y_0;
        assembly ("memory-safe") {
            // A (64), B (128), C (64): already in the precompile's encoding.
            calldatacopy(pairing, proofAt, 0x100)
            // Six pairings with a commitment (its folded proof of knowledge
            // last), five when G = γ (e(r·D, GSigmaNeg) last), four without.
            let size := 0x300
            if cmt { size := 0x480 }
            if g5 { size := 0x3c0 }
            ok := staticcall(gas(), 0x08, pairing, size, pairing, 0x20)
            ok := and(ok, mload(pairing))
        }
        if (!ok) revert ProofInvalid();
    }

    function _decimal(uint256 v) private pure returns (bytes memory s) {
        if (v == 0) return "0";
        while (v > 0) {
            s = abi.encodePacked(bytes1(uint8(48 + (v % 10))), s);
            v /= 10;
        }
    }
}
