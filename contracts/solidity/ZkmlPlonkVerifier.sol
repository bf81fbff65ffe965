// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkmlPlonkVerifier: one bytecode for every zkml PLONK model.
/// @notice The verifying key is constructor data, so that deploying a model's
/// verifier needs no Solidity compiler. It runs the verification algorithm
/// of the specialized verifier gnark v0.16.1 exports (same calldata, same
/// Fiat-Shamir transcript, same checks and revert messages), with the key read
/// from a data contract instead of compiled in as constants: any number of
/// public inputs and of BSB22 commitments (the custom gates of zkml's lookup
/// range checks). Verify(bytes proof, uint256[] public_inputs), proof in
/// gnark's MarshalSolidity layout, returns true for a valid proof and false
/// when the final pairing fails; malformed calldata reverts with gnark's
/// messages ("wrong proof size", "wrong number of public inputs", ...).
/// keyHash() is the hash of its key, which ZkmlRegistry checks against the
/// build's at registration.
contract ZkmlPlonkVerifier {
    uint256 private constant R_MOD = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001;
    uint256 private constant P_MOD = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47;

    // ---- The verifying key: its words, in this order, are the constructor
    // argument, the code of the data contract (after one STOP byte), and,
    // during Verify, the memory from VK on. Constants below are the memory
    // addresses of the words, so that the verifier reads a key word with one
    // PUSH2 and one MLOAD, almost as cheaply as a compiled-in constant.
    //
    // Verify allocates nothing before it copies the key: its parameters are
    // calldata, so Solidity's free memory still starts at 0x80.
    uint256 private constant VK = 0x80;
    uint256 private constant VK_NB_PUBLIC_INPUTS = 0x80;
    uint256 private constant VK_DOMAIN_SIZE = 0xa0;
    uint256 private constant VK_INV_DOMAIN_SIZE = 0xc0;
    uint256 private constant VK_OMEGA = 0xe0;
    uint256 private constant VK_COSET_SHIFT = 0x100;
    uint256 private constant G1_SRS_X = 0x120;
    uint256 private constant G1_SRS_Y = 0x140;
    // G2 points: x.a1, x.a0, y.a1, y.a0 (the pairing precompile's order).
    uint256 private constant G2_SRS_0_X_0 = 0x160;
    uint256 private constant G2_SRS_0_X_1 = 0x180;
    uint256 private constant G2_SRS_0_Y_0 = 0x1a0;
    uint256 private constant G2_SRS_0_Y_1 = 0x1c0;
    uint256 private constant G2_SRS_1_X_0 = 0x1e0;
    uint256 private constant G2_SRS_1_X_1 = 0x200;
    uint256 private constant G2_SRS_1_Y_0 = 0x220;
    uint256 private constant G2_SRS_1_Y_1 = 0x240;
    uint256 private constant VK_NB_CUSTOM_GATES = 0x260;
    // From here on, the points in the order the gamma transcript hashes them.
    uint256 private constant VK_S1_COM_X = 0x280;
    uint256 private constant VK_S1_COM_Y = 0x2a0;
    uint256 private constant VK_S2_COM_X = 0x2c0;
    uint256 private constant VK_S2_COM_Y = 0x2e0;
    uint256 private constant VK_S3_COM_X = 0x300;
    uint256 private constant VK_S3_COM_Y = 0x320;
    uint256 private constant VK_QL_COM_X = 0x340;
    uint256 private constant VK_QL_COM_Y = 0x360;
    uint256 private constant VK_QR_COM_X = 0x380;
    uint256 private constant VK_QR_COM_Y = 0x3a0;
    uint256 private constant VK_QM_COM_X = 0x3c0;
    uint256 private constant VK_QM_COM_Y = 0x3e0;
    uint256 private constant VK_QO_COM_X = 0x400;
    uint256 private constant VK_QO_COM_Y = 0x420;
    uint256 private constant VK_QK_COM_X = 0x440;
    uint256 private constant VK_QK_COM_Y = 0x460;
    // k points [Qcp_i] (x, y), then the k indexes VK_INDEX_COMMIT_API_i.
    uint256 private constant VK_QCP = 0x480;
    /// The number of key words besides the 3k of the custom gates.
    uint256 private constant VK_FIXED_WORDS = 32;

    // ---- The proof (gnark's MarshalSolidity).
    uint256 private constant FIXED_PROOF_SIZE = 0x300;
    uint256 private constant PROOF_L_COM_X = 0x0;
    uint256 private constant PROOF_R_COM_X = 0x40;
    uint256 private constant PROOF_O_COM_X = 0x80;
    uint256 private constant PROOF_H_0_COM_X = 0xc0;
    uint256 private constant PROOF_H_1_COM_X = 0x100;
    uint256 private constant PROOF_H_2_COM_X = 0x140;
    uint256 private constant PROOF_L_AT_ZETA = 0x180;
    uint256 private constant PROOF_R_AT_ZETA = 0x1a0;
    uint256 private constant PROOF_O_AT_ZETA = 0x1c0;
    uint256 private constant PROOF_S1_AT_ZETA = 0x1e0;
    uint256 private constant PROOF_S2_AT_ZETA = 0x200;
    uint256 private constant PROOF_GRAND_PRODUCT_COMMITMENT_X = 0x220;
    uint256 private constant PROOF_GRAND_PRODUCT_COMMITMENT_Y = 0x240;
    uint256 private constant PROOF_GRAND_PRODUCT_AT_ZETA_OMEGA = 0x260;
    uint256 private constant PROOF_BATCH_OPENING_AT_ZETA_X = 0x280;
    uint256 private constant PROOF_BATCH_OPENING_AT_ZETA_Y = 0x2a0;
    uint256 private constant PROOF_OPENING_AT_ZETA_OMEGA_X = 0x2c0;
    uint256 private constant PROOF_OPENING_AT_ZETA_OMEGA_Y = 0x2e0;
    // k openings qcp_i(ζ), then the k BSB22 commitments (x, y).
    uint256 private constant PROOF_OPENING_QCP_AT_ZETA = 0x300;

    // ---- The verifier's state, after the key in memory.
    uint256 private constant STATE_ALPHA = 0x0;
    uint256 private constant STATE_BETA = 0x20;
    uint256 private constant STATE_GAMMA = 0x40;
    uint256 private constant STATE_ZETA = 0x60;
    uint256 private constant STATE_ALPHA_SQUARE_LAGRANGE_0 = 0x80;
    uint256 private constant STATE_FOLDED_H_X = 0xa0;
    uint256 private constant STATE_FOLDED_H_Y = 0xc0;
    uint256 private constant STATE_LINEARISED_POLYNOMIAL_X = 0xe0;
    uint256 private constant STATE_LINEARISED_POLYNOMIAL_Y = 0x100;
    uint256 private constant STATE_OPENING_LINEARISED_POLYNOMIAL_ZETA = 0x120;
    uint256 private constant STATE_FOLDED_CLAIMED_VALUES = 0x140;
    uint256 private constant STATE_FOLDED_DIGESTS_X = 0x160;
    uint256 private constant STATE_FOLDED_DIGESTS_Y = 0x180;
    uint256 private constant STATE_PI = 0x1a0;
    uint256 private constant STATE_ZETA_POWER_N_MINUS_ONE = 0x1c0;
    uint256 private constant STATE_GAMMA_KZG = 0x1e0;
    uint256 private constant STATE_SUCCESS = 0x200;
    uint256 private constant STATE_LAST_MEM = 0x220;

    // ---- Fiat-Shamir labels, right-aligned.
    uint256 private constant FS_ALPHA = 0x616C706861; // "alpha"
    uint256 private constant FS_BETA = 0x62657461; // "beta"
    uint256 private constant FS_GAMMA = 0x67616d6d61; // "gamma"
    uint256 private constant FS_ZETA = 0x7a657461; // "zeta"

    // ---- hash_fr (expand_message_xmd with SHA-256, DST "BSB22-Plonk"): the
    // DST followed by its length 11, left-aligned in a word.
    uint256 private constant HASH_FR_DST = 0x42534232322d506c6f6e6b0b0000000000000000000000000000000000000000;
    uint256 private constant HASH_FR_BB = 0x100000000000000000000000000000000; // 2**128

    uint256 private constant ERROR_STRING_ID = 0x08c379a000000000000000000000000000000000000000000000000000000000;

    /// The number of public inputs Verify takes.
    uint256 public immutable numPublicInputs;
    /// The number of BSB22 commitments (custom gates) the proofs carry.
    uint256 public immutable numCommitments;
    /// The contract whose code is one STOP byte followed by the key's words.
    address public immutable vkData;
    uint256 private immutable VK_BYTES;
    /// keccak256 of the verifying key's words (the constructor's argument,
    /// the data contract's code after its STOP byte). An immutable, so that
    /// two keys never share a runtime code; the registry checks it against
    /// the build's (contracts.KeyHash in Go).
    bytes32 public immutable keyHash;

    /// @param vk the verifying key, one word each, in the order of the
    /// VK_ constants: nb public inputs, domain size n, 1/n, ω, coset shift,
    /// [1]₁ (x, y), [1]₂ and [τ]₂ (x.a1, x.a0, y.a1, y.a0), k, [S₁], [S₂],
    /// [S₃], [Ql], [Qr], [Qm], [Qo], [Qk], [Qcp_0..k-1], index_0..k-1.
    constructor(uint256[] memory vk) {
        require(vk.length >= VK_FIXED_WORDS, "vk: too short");
        uint256 k = vk[(VK_NB_CUSTOM_GATES - VK) / 0x20];
        require(k <= 256 && vk.length == VK_FIXED_WORDS + 3 * k, "vk: length does not match its number of commitments");
        uint256 n = vk[(VK_DOMAIN_SIZE - VK) / 0x20];
        require(n > 1 && n & (n - 1) == 0 && n < R_MOD, "vk: domain size not a power of two");
        for (uint256 i = (VK_INV_DOMAIN_SIZE - VK) / 0x20; i <= (VK_COSET_SHIFT - VK) / 0x20; i++) {
            require(vk[i] < R_MOD, "vk: scalar not below r");
        }
        require(mulmod(n, vk[(VK_INV_DOMAIN_SIZE - VK) / 0x20], R_MOD) == 1, "vk: 1/n is not the inverse of n");
        // Coordinates must be reduced: the hashes take them as they are, and
        // the precompiles check only that points are on their curves.
        for (uint256 i = (G1_SRS_X - VK) / 0x20; i < VK_FIXED_WORDS + 2 * k; i++) {
            if (i != (VK_NB_CUSTOM_GATES - VK) / 0x20) require(vk[i] < P_MOD, "vk: coordinate not below p");
        }
        uint256 pub = vk[0];
        for (uint256 i = 0; i < k; i++) {
            require(pub + vk[VK_FIXED_WORDS + 2 * k + i] < n, "vk: commitment index outside the domain");
        }
        require(pub < n, "vk: more public inputs than the domain size");
        numPublicInputs = pub;
        numCommitments = k;
        VK_BYTES = 0x20 * vk.length;
        keyHash = keccak256(abi.encodePacked(vk));

        // Creation code that returns everything after its 10 bytes:
        // PUSH2 size, DUP1, PUSH1 10, RETURNDATASIZE, CODECOPY, RETURNDATASIZE, RETURN.
        bytes memory runtime = abi.encodePacked(hex"00", vk);
        bytes memory init = abi.encodePacked(hex"61", uint16(runtime.length), hex"80600a3d393df3", runtime);
        address data;
        assembly ("memory-safe") {
            data := create(0, add(init, 0x20), mload(init))
        }
        require(data != address(0), "vk: data contract creation failed");
        vkData = data;
    }

    /// Verify a PLONK proof.
    /// Reverts if the proof or the public inputs are malformed.
    /// @param proof serialised plonk proof (gnark's MarshalSolidity)
    /// @param public_inputs (must be reduced)
    /// @return success true if the proof passes, false otherwise
    function Verify(bytes calldata proof, uint256[] calldata public_inputs) public view returns (bool success) {
        address key = vkData;
        uint256 vkBytes = VK_BYTES;
        assembly {
            extcodecopy(key, VK, 1, vkBytes)
            // The state and the scratch memory follow the key.
            mstore(0x40, add(VK, vkBytes))

            let mem := mload(0x40)
            let freeMem := add(mem, STATE_LAST_MEM)

            // sanity checks
            check_number_of_public_inputs(public_inputs.length)
            check_inputs_size(public_inputs.length, public_inputs.offset)
            check_proof_size(proof.length)
            check_proof_openings_size(proof.offset)

            // compute the challenges
            let prev_challenge_non_reduced
            prev_challenge_non_reduced := derive_gamma(proof.offset, public_inputs.length, public_inputs.offset)
            prev_challenge_non_reduced := derive_beta(prev_challenge_non_reduced)
            prev_challenge_non_reduced := derive_alpha(proof.offset, prev_challenge_non_reduced)
            derive_zeta(proof.offset, prev_challenge_non_reduced)

            // evaluation of Z=Xⁿ-1 at ζ
            let zeta := mload(add(mem, STATE_ZETA))
            let zeta_power_n_minus_one := addmod(pow(zeta, mload(VK_DOMAIN_SIZE), freeMem), sub(R_MOD, 1), R_MOD)
            mstore(add(mem, STATE_ZETA_POWER_N_MINUS_ONE), zeta_power_n_minus_one)

            // public inputs contribution
            let l_pi := sum_pi_wo_api_commit(public_inputs.offset, public_inputs.length, freeMem)
            if mload(VK_NB_CUSTOM_GATES) {
                let l_pi_commit := sum_pi_commit(proof.offset, public_inputs.length, freeMem)
                l_pi := addmod(l_pi_commit, l_pi, R_MOD)
            }
            mstore(add(mem, STATE_PI), l_pi)

            compute_alpha_square_lagrange_0()
            compute_opening_linearised_polynomial(proof.offset)
            fold_h(proof.offset)
            compute_commitment_linearised_polynomial(proof.offset)
            compute_gamma_kzg(proof.offset)
            fold_state(proof.offset)
            batch_verify_multi_points(proof.offset)

            success := mload(add(mem, STATE_SUCCESS))

            // ---- errors (gnark's messages, which zkml's tools decode)

            function revert_with(len, msg) {
                let ptError := mload(0x40)
                mstore(ptError, ERROR_STRING_ID)
                mstore(add(ptError, 0x4), 0x20)
                mstore(add(ptError, 0x24), len)
                mstore(add(ptError, 0x44), msg)
                revert(ptError, 0x64)
            }
            function error_nb_public_inputs() {
                revert_with(0x1d, "wrong number of public inputs")
            }
            function error_mod_exp() {
                revert_with(0xc, "error mod exp")
            }
            function error_ec_op() {
                revert_with(0x12, "error ec operation")
            }
            function error_inputs_size() {
                revert_with(0x18, "inputs are bigger than r")
            }
            function error_proof_size() {
                revert_with(0x10, "wrong proof size")
            }
            function error_proof_openings_size() {
                revert_with(0x16, "openings bigger than r")
            }
            function error_pairing() {
                revert_with(0xd, "error pairing")
            }
            function error_verify() {
                revert_with(0xc, "error verify")
            }
            function error_random_generation() {
                revert_with(0x14, "error random gen kzg")
            }

            // ---- checks

            function check_number_of_public_inputs(s) {
                if iszero(eq(s, mload(VK_NB_PUBLIC_INPUTS))) {
                    error_nb_public_inputs()
                }
            }

            /// Checks that the public inputs are < R_MOD.
            function check_inputs_size(s, p) {
                for { let i } lt(i, s) { i := add(i, 1) } {
                    if iszero(lt(calldataload(p), R_MOD)) {
                        error_inputs_size()
                    }
                    p := add(p, 0x20)
                }
            }

            /// The proof has 3 words per custom gate besides the fixed part.
            function check_proof_size(actual_proof_size) {
                let expected_proof_size := add(FIXED_PROOF_SIZE, mul(mload(VK_NB_CUSTOM_GATES), 0x60))
                if iszero(eq(actual_proof_size, expected_proof_size)) {
                    error_proof_size()
                }
            }

            /// Checks that the claimed evaluations are < R_MOD.
            function check_proof_openings_size(aproof) {
                let bad := iszero(lt(calldataload(add(aproof, PROOF_L_AT_ZETA)), R_MOD))
                bad := or(bad, iszero(lt(calldataload(add(aproof, PROOF_R_AT_ZETA)), R_MOD)))
                bad := or(bad, iszero(lt(calldataload(add(aproof, PROOF_O_AT_ZETA)), R_MOD)))
                bad := or(bad, iszero(lt(calldataload(add(aproof, PROOF_S1_AT_ZETA)), R_MOD)))
                bad := or(bad, iszero(lt(calldataload(add(aproof, PROOF_S2_AT_ZETA)), R_MOD)))
                bad := or(bad, iszero(lt(calldataload(add(aproof, PROOF_GRAND_PRODUCT_AT_ZETA_OMEGA)), R_MOD)))
                let p := add(aproof, PROOF_OPENING_QCP_AT_ZETA)
                for { let i := 0 } lt(i, mload(VK_NB_CUSTOM_GATES)) { i := add(i, 1) } {
                    bad := or(bad, iszero(lt(calldataload(p), R_MOD)))
                    p := add(p, 0x20)
                }
                if bad {
                    error_proof_openings_size()
                }
            }

            // ---- challenges

            /// The proof's BSB22 commitments, after the k openings of the qcp_i.
            function proof_bsb_commitments(aproof) -> p {
                p := add(aproof, add(PROOF_OPENING_QCP_AT_ZETA, mul(mload(VK_NB_CUSTOM_GATES), 0x20)))
            }

            /// gamma = SHA-256("gamma" ‖ [S₁] [S₂] [S₃] [Ql] [Qr] [Qm] [Qo] [Qk] [Qcp_i]
            /// ‖ public inputs ‖ [L] [R] [O]), gnark's transcript: the key's
            /// points lie in memory in that order already, so one MCOPY.
            function derive_gamma(aproof, nb_pi, pi) -> gamma_not_reduced {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)

                mstore(mPtr, FS_GAMMA) // "gamma"
                let size_vk := add(0x200, mul(mload(VK_NB_CUSTOM_GATES), 0x40))
                mcopy(add(mPtr, 0x20), VK_S1_COM_X, size_vk)
                let _mPtr := add(add(mPtr, 0x20), size_vk)

                // public inputs
                let size_pi_in_bytes := mul(nb_pi, 0x20)
                calldatacopy(_mPtr, pi, size_pi_in_bytes)
                _mPtr := add(_mPtr, size_pi_in_bytes)

                // commitments to l, r, o
                calldatacopy(_mPtr, aproof, 0xc0)

                // "gamma" (5 bytes), the key's points, the inputs, [L] [R] [O]
                let size := add(add(0xc5, size_vk), size_pi_in_bytes)
                let l_success := staticcall(gas(), 0x2, add(mPtr, 0x1b), size, mPtr, 0x20)
                if iszero(l_success) {
                    error_verify()
                }
                gamma_not_reduced := mload(mPtr)
                mstore(add(state, STATE_GAMMA), mod(gamma_not_reduced, R_MOD))
            }

            /// beta = SHA-256("beta" ‖ gamma not reduced)
            function derive_beta(gamma_not_reduced) -> beta_not_reduced {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)
                mstore(mPtr, FS_BETA) // "beta"
                mstore(add(mPtr, 0x20), gamma_not_reduced)
                let l_success := staticcall(gas(), 0x2, add(mPtr, 0x1c), 0x24, mPtr, 0x20)
                if iszero(l_success) {
                    error_verify()
                }
                beta_not_reduced := mload(mPtr)
                mstore(add(state, STATE_BETA), mod(beta_not_reduced, R_MOD))
            }

            /// alpha = SHA-256("alpha" ‖ beta not reduced ‖ BSB22 commitments ‖ [Z])
            function derive_alpha(aproof, beta_not_reduced) -> alpha_not_reduced {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)

                mstore(mPtr, FS_ALPHA) // "alpha"
                let _mPtr := add(mPtr, 0x20)
                mstore(_mPtr, beta_not_reduced)
                _mPtr := add(_mPtr, 0x20)
                let size_bsb_commitments := mul(0x40, mload(VK_NB_CUSTOM_GATES))
                calldatacopy(_mPtr, proof_bsb_commitments(aproof), size_bsb_commitments)
                _mPtr := add(_mPtr, size_bsb_commitments)
                calldatacopy(_mPtr, add(aproof, PROOF_GRAND_PRODUCT_COMMITMENT_X), 0x40)
                let full_size := add(0x65, size_bsb_commitments)
                let l_success := staticcall(gas(), 0x2, add(mPtr, 0x1b), full_size, mPtr, 0x20)
                if iszero(l_success) {
                    error_verify()
                }
                alpha_not_reduced := mload(mPtr)
                mstore(add(state, STATE_ALPHA), mod(alpha_not_reduced, R_MOD))
            }

            /// zeta = SHA-256("zeta" ‖ alpha not reduced ‖ [H₀] [H₁] [H₂])
            function derive_zeta(aproof, alpha_not_reduced) {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)
                mstore(mPtr, FS_ZETA) // "zeta"
                mstore(add(mPtr, 0x20), alpha_not_reduced)
                calldatacopy(add(mPtr, 0x40), add(aproof, PROOF_H_0_COM_X), 0xc0)
                let l_success := staticcall(gas(), 0x2, add(mPtr, 0x1c), 0xe4, mPtr, 0x20)
                if iszero(l_success) {
                    error_verify()
                }
                mstore(add(state, STATE_ZETA), mod(mload(mPtr), R_MOD))
            }

            // ---- public inputs

            /// Σ input_i·L_i(ζ) over the public inputs (the commitments aside).
            function sum_pi_wo_api_commit(ins, n, mPtr) -> pi_wo_commit {
                let state := mload(0x40)
                let z := mload(add(state, STATE_ZETA))
                let zpnmo := mload(add(state, STATE_ZETA_POWER_N_MINUS_ONE))

                let li := mPtr
                batch_compute_lagranges_at_z(z, zpnmo, n, li)

                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    pi_wo_commit := addmod(pi_wo_commit, mulmod(mload(li), calldataload(ins), R_MOD), R_MOD)
                    li := add(li, 0x20)
                    ins := add(ins, 0x20)
                }
            }

            /// [L_0(z), .., L_{n-1}(z)] at mPtr, L_i(z) = ωⁱ/n·(zⁿ-1)/(z-ωⁱ)
            function batch_compute_lagranges_at_z(z, zpnmo, n_pub, mPtr) {
                let omega := mload(VK_OMEGA)
                let zn := mulmod(zpnmo, mload(VK_INV_DOMAIN_SIZE), R_MOD) // 1/n * (ζⁿ - 1)

                let _w := 1
                let _mPtr := mPtr
                for { let i := 0 } lt(i, n_pub) { i := add(i, 1) } {
                    mstore(_mPtr, addmod(z, sub(R_MOD, _w), R_MOD))
                    _w := mulmod(_w, omega, R_MOD)
                    _mPtr := add(_mPtr, 0x20)
                }
                batch_invert(mPtr, n_pub, _mPtr)
                _mPtr := mPtr
                _w := 1
                for { let i := 0 } lt(i, n_pub) { i := add(i, 1) } {
                    mstore(_mPtr, mulmod(mulmod(mload(_mPtr), zn, R_MOD), _w, R_MOD))
                    _mPtr := add(_mPtr, 0x20)
                    _w := mulmod(_w, omega, R_MOD)
                }
            }

            /// Montgomery's batch inversion mod R_MOD.
            function batch_invert(ins, nb_ins, mPtr) {
                mstore(mPtr, 1)
                let offset := 0
                for { let i := 0 } lt(i, nb_ins) { i := add(i, 1) } {
                    let prev := mload(add(mPtr, offset))
                    let cur := mload(add(ins, offset))
                    cur := mulmod(prev, cur, R_MOD)
                    offset := add(offset, 0x20)
                    mstore(add(mPtr, offset), cur)
                }
                ins := add(ins, sub(offset, 0x20))
                mPtr := add(mPtr, offset)
                let inv := pow(mload(mPtr), sub(R_MOD, 2), add(mPtr, 0x20))
                for { let i := 0 } lt(i, nb_ins) { i := add(i, 1) } {
                    mPtr := sub(mPtr, 0x20)
                    let tmp := mload(ins)
                    let cur := mulmod(inv, mload(mPtr), R_MOD)
                    mstore(ins, cur)
                    inv := mulmod(inv, tmp, R_MOD)
                    ins := sub(ins, 0x20)
                }
            }

            /// Σ hash_fr(commitment_i)·L_{nb_pi + index_i}(ζ): the public
            /// inputs the custom gates derive from their commitments.
            function sum_pi_commit(aproof, nb_public_inputs, mPtr) -> pi_commit {
                let state := mload(0x40)
                let z := mload(add(state, STATE_ZETA))
                let zpnmo := mload(add(state, STATE_ZETA_POWER_N_MINUS_ONE))
                let k := mload(VK_NB_CUSTOM_GATES)
                let p := proof_bsb_commitments(aproof)
                let index := add(VK_QCP, mul(k, 0x40))
                for { let i := 0 } lt(i, k) { i := add(i, 1) } {
                    let h_fr := hash_fr(calldataload(p), calldataload(add(p, 0x20)), mPtr)
                    let ith_lagrange := compute_ith_lagrange_at_z(z, zpnmo, add(nb_public_inputs, mload(index)), mPtr)
                    pi_commit := addmod(pi_commit, mulmod(h_fr, ith_lagrange, R_MOD), R_MOD)
                    p := add(p, 0x40)
                    index := add(index, 0x20)
                }
            }

            /// L_i(ζ) = ωⁱ/n·(ζⁿ-1)/(ζ-ωⁱ)
            function compute_ith_lagrange_at_z(z, zpnmo, i, mPtr) -> res {
                let w := pow(mload(VK_OMEGA), i, mPtr) // w**i
                i := addmod(z, sub(R_MOD, w), R_MOD) // z-w**i
                w := mulmod(w, mload(VK_INV_DOMAIN_SIZE), R_MOD) // w**i/n
                i := pow(i, sub(R_MOD, 2), mPtr) // (z-w**i)**-1
                w := mulmod(w, i, R_MOD) // w**i/n*(z-w)**-1
                res := mulmod(w, zpnmo, R_MOD)
            }

            /// hash_to_field of the point (x, y) with expand_message_xmd
            /// (SHA-256, DST "BSB22-Plonk", 48 bytes), as gnark's prover.
            /// @dev https://tools.ietf.org/html/draft-irtf-cfrg-hash-to-curve-06#section-5.2
            function hash_fr(x, y, mPtr) -> res {
                // b0 = H(0^64 ‖ x ‖ y ‖ I2OSP(48, 2) ‖ 0 ‖ DST ‖ 11)
                mstore(mPtr, 0)
                mstore(add(mPtr, 0x20), 0)
                mstore(add(mPtr, 0x40), x)
                mstore(add(mPtr, 0x60), y)
                mstore(add(mPtr, 0x80), 0x0030000000000000000000000000000000000000000000000000000000000000)
                mstore(add(mPtr, 0x83), HASH_FR_DST)
                let l_success := staticcall(gas(), 0x2, mPtr, 0x8f, mPtr, 0x20)
                if iszero(l_success) {
                    error_verify()
                }
                let b0 := mload(mPtr)

                // b1 = H(b0 ‖ 1 ‖ DST ‖ 11), at mPtr
                mstore8(add(mPtr, 0x20), 1)
                mstore(add(mPtr, 0x21), HASH_FR_DST)
                l_success := staticcall(gas(), 0x2, mPtr, 0x2d, mPtr, 0x20)
                if iszero(l_success) {
                    error_verify()
                }

                // b2 = H(b0 ^ b1 ‖ 2 ‖ DST ‖ 11), at mPtr + 0x20
                mstore(add(mPtr, 0x20), xor(mload(mPtr), b0))
                mstore8(add(mPtr, 0x40), 2)
                mstore(add(mPtr, 0x41), HASH_FR_DST)
                let offset := add(mPtr, 0x20)
                l_success := staticcall(gas(), 0x2, offset, 0x2d, offset, 0x20)
                if iszero(l_success) {
                    error_verify()
                }

                // (b1 ‖ b2[:16]) as a big-endian integer mod r
                res := mulmod(mload(mPtr), HASH_FR_BB, R_MOD)
                res := addmod(res, shr(128, mload(add(mPtr, 0x20))), R_MOD)
            }

            /// α²·1/n·(ζⁿ-1)/(ζ-1)
            function compute_alpha_square_lagrange_0() {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)

                let res := mload(add(state, STATE_ZETA_POWER_N_MINUS_ONE))
                let den := addmod(mload(add(state, STATE_ZETA)), sub(R_MOD, 1), R_MOD)
                den := pow(den, sub(R_MOD, 2), mPtr)
                den := mulmod(den, mload(VK_INV_DOMAIN_SIZE), R_MOD)
                res := mulmod(den, res, R_MOD)

                let l_alpha := mload(add(state, STATE_ALPHA))
                res := mulmod(res, l_alpha, R_MOD)
                res := mulmod(res, l_alpha, R_MOD)
                mstore(add(state, STATE_ALPHA_SQUARE_LAGRANGE_0), res)
            }

            /// Batched KZG check of the openings at ζ and ζω, alg. p.13 of
            /// https://eprint.iacr.org/2019/953.pdf with t₁ = t₂ = 1.
            function batch_verify_multi_points(aproof) {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)

                // The random folding factor, derived from both digests, their
                // quotients, ζ and gamma_kzg so that the prover cannot steer it.
                mstore(mPtr, mload(add(state, STATE_FOLDED_DIGESTS_X)))
                mstore(add(mPtr, 0x20), mload(add(state, STATE_FOLDED_DIGESTS_Y)))
                calldatacopy(add(mPtr, 0x40), add(aproof, PROOF_BATCH_OPENING_AT_ZETA_X), 0x40)
                calldatacopy(add(mPtr, 0x80), add(aproof, PROOF_GRAND_PRODUCT_COMMITMENT_X), 0x40)
                calldatacopy(add(mPtr, 0xc0), add(aproof, PROOF_OPENING_AT_ZETA_OMEGA_X), 0x40)
                mstore(add(mPtr, 0x100), mload(add(state, STATE_ZETA)))
                mstore(add(mPtr, 0x120), mload(add(state, STATE_GAMMA_KZG)))
                let random := staticcall(gas(), 0x2, mPtr, 0x140, mPtr, 0x20)
                if iszero(random) {
                    error_random_generation()
                }
                random := mod(mload(mPtr), R_MOD)

                let folded_quotients := mPtr
                mPtr := add(folded_quotients, 0x40)
                mstore(folded_quotients, calldataload(add(aproof, PROOF_BATCH_OPENING_AT_ZETA_X)))
                mstore(add(folded_quotients, 0x20), calldataload(add(aproof, PROOF_BATCH_OPENING_AT_ZETA_Y)))
                point_acc_mul_calldata(folded_quotients, add(aproof, PROOF_OPENING_AT_ZETA_OMEGA_X), random, mPtr)

                let folded_digests := add(state, STATE_FOLDED_DIGESTS_X)
                point_acc_mul_calldata(folded_digests, add(aproof, PROOF_GRAND_PRODUCT_COMMITMENT_X), random, mPtr)

                let folded_evals := add(state, STATE_FOLDED_CLAIMED_VALUES)
                fr_acc_mul_calldata(folded_evals, add(aproof, PROOF_GRAND_PRODUCT_AT_ZETA_OMEGA), random)

                let folded_evals_commit := mPtr
                mPtr := add(folded_evals_commit, 0x40)
                mstore(folded_evals_commit, mload(G1_SRS_X))
                mstore(add(folded_evals_commit, 0x20), mload(G1_SRS_Y))
                mstore(add(folded_evals_commit, 0x40), mload(folded_evals))
                let check_staticcall := staticcall(gas(), 0x7, folded_evals_commit, 0x60, folded_evals_commit, 0x40)
                if iszero(check_staticcall) {
                    error_verify()
                }

                let folded_evals_commit_y := add(folded_evals_commit, 0x20)
                mstore(folded_evals_commit_y, sub(P_MOD, mload(folded_evals_commit_y)))
                point_add(folded_digests, folded_digests, folded_evals_commit, mPtr)

                let folded_points_quotients := mPtr
                mPtr := add(mPtr, 0x40)
                point_mul_calldata(
                    folded_points_quotients, add(aproof, PROOF_BATCH_OPENING_AT_ZETA_X), mload(add(state, STATE_ZETA)), mPtr
                )
                let zeta_omega := mulmod(mload(add(state, STATE_ZETA)), mload(VK_OMEGA), R_MOD)
                random := mulmod(random, zeta_omega, R_MOD)
                point_acc_mul_calldata(folded_points_quotients, add(aproof, PROOF_OPENING_AT_ZETA_OMEGA_X), random, mPtr)

                point_add(folded_digests, folded_digests, folded_points_quotients, mPtr)

                let folded_quotients_y := add(folded_quotients, 0x20)
                mstore(folded_quotients_y, sub(P_MOD, mload(folded_quotients_y)))

                // e(folded digests, [1]₂)·e(-folded quotients, [τ]₂) = 1
                mstore(mPtr, mload(folded_digests))
                mstore(add(mPtr, 0x20), mload(add(folded_digests, 0x20)))
                mcopy(add(mPtr, 0x40), G2_SRS_0_X_0, 0x80)
                mstore(add(mPtr, 0xc0), mload(folded_quotients))
                mstore(add(mPtr, 0xe0), mload(add(folded_quotients, 0x20)))
                mcopy(add(mPtr, 0x100), G2_SRS_1_X_0, 0x80)
                check_pairing_kzg(mPtr)
            }

            function check_pairing_kzg(mPtr) {
                let state := mload(0x40)
                let l_success := staticcall(gas(), 0x8, mPtr, 0x180, 0x00, 0x20)
                if iszero(l_success) {
                    error_pairing()
                }
                mstore(add(state, STATE_SUCCESS), mload(0x00))
            }

            /// Fold the openings at ζ with powers of gamma_kzg:
            /// [linearised] + γ[L] + γ²[R] + γ³[O] + γ⁴[S₁] + γ⁵[S₂] + Σᵢγ⁵⁺ⁱ[Qcp_i],
            /// and the same combination of the claimed values.
            function fold_state(aproof) {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)
                let mPtr20 := add(mPtr, 0x20)
                let mPtr40 := add(mPtr, 0x40)

                let l_gamma_kzg := mload(add(state, STATE_GAMMA_KZG))
                let acc_gamma := l_gamma_kzg
                let state_folded_digests := add(state, STATE_FOLDED_DIGESTS_X)
                let state_folded_claimed := add(state, STATE_FOLDED_CLAIMED_VALUES)

                mstore(state_folded_digests, mload(add(state, STATE_LINEARISED_POLYNOMIAL_X)))
                mstore(add(state, STATE_FOLDED_DIGESTS_Y), mload(add(state, STATE_LINEARISED_POLYNOMIAL_Y)))
                mstore(state_folded_claimed, mload(add(state, STATE_OPENING_LINEARISED_POLYNOMIAL_ZETA)))

                point_acc_mul_calldata(state_folded_digests, add(aproof, PROOF_L_COM_X), acc_gamma, mPtr)
                fr_acc_mul_calldata(state_folded_claimed, add(aproof, PROOF_L_AT_ZETA), acc_gamma)

                acc_gamma := mulmod(acc_gamma, l_gamma_kzg, R_MOD)
                point_acc_mul_calldata(state_folded_digests, add(aproof, PROOF_R_COM_X), acc_gamma, mPtr)
                fr_acc_mul_calldata(state_folded_claimed, add(aproof, PROOF_R_AT_ZETA), acc_gamma)

                acc_gamma := mulmod(acc_gamma, l_gamma_kzg, R_MOD)
                point_acc_mul_calldata(state_folded_digests, add(aproof, PROOF_O_COM_X), acc_gamma, mPtr)
                fr_acc_mul_calldata(state_folded_claimed, add(aproof, PROOF_O_AT_ZETA), acc_gamma)

                acc_gamma := mulmod(acc_gamma, l_gamma_kzg, R_MOD)
                point_acc_mul(state_folded_digests, VK_S1_COM_X, acc_gamma, mPtr)
                fr_acc_mul_calldata(state_folded_claimed, add(aproof, PROOF_S1_AT_ZETA), acc_gamma)

                acc_gamma := mulmod(acc_gamma, l_gamma_kzg, R_MOD)
                point_acc_mul(state_folded_digests, VK_S2_COM_X, acc_gamma, mPtr)
                fr_acc_mul_calldata(state_folded_claimed, add(aproof, PROOF_S2_AT_ZETA), acc_gamma)

                let poqaz := add(aproof, PROOF_OPENING_QCP_AT_ZETA)
                let qcp := VK_QCP
                for { let i := 0 } lt(i, mload(VK_NB_CUSTOM_GATES)) { i := add(i, 1) } {
                    acc_gamma := mulmod(acc_gamma, l_gamma_kzg, R_MOD)
                    point_acc_mul(state_folded_digests, qcp, acc_gamma, mPtr)
                    fr_acc_mul_calldata(state_folded_claimed, poqaz, acc_gamma)
                    poqaz := add(poqaz, 0x20)
                    qcp := add(qcp, 0x40)
                }
            }

            /// gamma_kzg = SHA-256("gamma" ‖ ζ ‖ [linearised] ‖ [L] [R] [O] ‖ [S₁] [S₂]
            /// ‖ [Qcp_i] ‖ linearised(ζ) ‖ L(ζ) R(ζ) O(ζ) S₁(ζ) S₂(ζ) ‖ qcp_i(ζ) ‖ Z(ζω))
            function compute_gamma_kzg(aproof) {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)
                let k := mload(VK_NB_CUSTOM_GATES)
                mstore(mPtr, FS_GAMMA) // "gamma"
                mstore(add(mPtr, 0x20), mload(add(state, STATE_ZETA)))
                mstore(add(mPtr, 0x40), mload(add(state, STATE_LINEARISED_POLYNOMIAL_X)))
                mstore(add(mPtr, 0x60), mload(add(state, STATE_LINEARISED_POLYNOMIAL_Y)))
                calldatacopy(add(mPtr, 0x80), add(aproof, PROOF_L_COM_X), 0xc0)
                mcopy(add(mPtr, 0x140), VK_S1_COM_X, 0x80)
                let size_qcp := mul(k, 0x40)
                mcopy(add(mPtr, 0x1c0), VK_QCP, size_qcp)
                let _mPtr := add(add(mPtr, 0x1c0), size_qcp)

                mstore(_mPtr, mload(add(state, STATE_OPENING_LINEARISED_POLYNOMIAL_ZETA)))
                // L(ζ), R(ζ), O(ζ), S₁(ζ), S₂(ζ) are contiguous in the proof.
                calldatacopy(add(_mPtr, 0x20), add(aproof, PROOF_L_AT_ZETA), 0xa0)
                _mPtr := add(_mPtr, 0xc0)
                calldatacopy(_mPtr, add(aproof, PROOF_OPENING_QCP_AT_ZETA), mul(k, 0x20))
                _mPtr := add(_mPtr, mul(k, 0x20))
                mstore(_mPtr, calldataload(add(aproof, PROOF_GRAND_PRODUCT_AT_ZETA_OMEGA)))

                // 0x14 words (ζ, 6 digests, 6 openings, Z(ζω)) + 3 per custom gate, after "gamma"
                let size_input := add(0x5, mul(add(0x14, mul(k, 3)), 0x20))
                let check_staticcall := staticcall(gas(), 0x2, add(mPtr, 0x1b), size_input, add(state, STATE_GAMMA_KZG), 0x20)
                if iszero(check_staticcall) {
                    error_verify()
                }
                mstore(add(state, STATE_GAMMA_KZG), mod(mload(add(state, STATE_GAMMA_KZG)), R_MOD))
            }

            /// [linearised] = l(ζ)[Ql] + r(ζ)[Qr] + r(ζ)l(ζ)[Qm] + o(ζ)[Qo] + [Qk]
            /// + Σᵢqcp_i(ζ)[BsbCommitment_i] + s₁[S₃] + s₂[Z] - Z_H(ζ)·[H]
            function compute_commitment_linearised_polynomial_ec(aproof, s1, s2) {
                let state := mload(0x40)
                let mPtr := add(state, STATE_LAST_MEM)
                let lin := add(state, STATE_LINEARISED_POLYNOMIAL_X)

                point_mul(lin, VK_QL_COM_X, calldataload(add(aproof, PROOF_L_AT_ZETA)), mPtr)
                point_acc_mul(lin, VK_QR_COM_X, calldataload(add(aproof, PROOF_R_AT_ZETA)), mPtr)
                let rl :=
                    mulmod(calldataload(add(aproof, PROOF_L_AT_ZETA)), calldataload(add(aproof, PROOF_R_AT_ZETA)), R_MOD)
                point_acc_mul(lin, VK_QM_COM_X, rl, mPtr)
                point_acc_mul(lin, VK_QO_COM_X, calldataload(add(aproof, PROOF_O_AT_ZETA)), mPtr)
                point_add(lin, lin, VK_QK_COM_X, mPtr)

                let qcp_opening_at_zeta := add(aproof, PROOF_OPENING_QCP_AT_ZETA)
                let bsb_commitments := proof_bsb_commitments(aproof)
                for { let i := 0 } lt(i, mload(VK_NB_CUSTOM_GATES)) { i := add(i, 1) } {
                    point_acc_mul_calldata(lin, bsb_commitments, calldataload(qcp_opening_at_zeta), mPtr)
                    qcp_opening_at_zeta := add(qcp_opening_at_zeta, 0x20)
                    bsb_commitments := add(bsb_commitments, 0x40)
                }

                point_acc_mul(lin, VK_S3_COM_X, s1, mPtr)
                point_acc_mul_calldata(lin, add(aproof, PROOF_GRAND_PRODUCT_COMMITMENT_X), s2, mPtr)
                point_add(lin, lin, add(state, STATE_FOLDED_H_X), mPtr)
            }

            /// The scalars s₁, s₂ of [S₃] and [Z] in the linearised polynomial:
            /// s₁ = α·Z(μζ)·β·(l(ζ)+β·s₁(ζ)+γ)·(r(ζ)+β·s₂(ζ)+γ)
            /// s₂ = -α·(l(ζ)+β·ζ+γ)·(r(ζ)+β·u·ζ+γ)·(o(ζ)+β·u²·ζ+γ) + α²·L₁(ζ)
            function compute_commitment_linearised_polynomial(aproof) {
                let state := mload(0x40)
                let l_beta := mload(add(state, STATE_BETA))
                let l_gamma := mload(add(state, STATE_GAMMA))
                let l_zeta := mload(add(state, STATE_ZETA))
                let l_alpha := mload(add(state, STATE_ALPHA))

                let u := mulmod(calldataload(add(aproof, PROOF_GRAND_PRODUCT_AT_ZETA_OMEGA)), l_beta, R_MOD)
                let v := mulmod(l_beta, calldataload(add(aproof, PROOF_S1_AT_ZETA)), R_MOD)
                v := addmod(v, calldataload(add(aproof, PROOF_L_AT_ZETA)), R_MOD)
                v := addmod(v, l_gamma, R_MOD)

                let w := mulmod(l_beta, calldataload(add(aproof, PROOF_S2_AT_ZETA)), R_MOD)
                w := addmod(w, calldataload(add(aproof, PROOF_R_AT_ZETA)), R_MOD)
                w := addmod(w, l_gamma, R_MOD)

                let s1 := mulmod(u, v, R_MOD)
                s1 := mulmod(s1, w, R_MOD)
                s1 := mulmod(s1, l_alpha, R_MOD)

                let coset_shift := mload(VK_COSET_SHIFT)
                let coset_square := mulmod(coset_shift, coset_shift, R_MOD)
                let betazeta := mulmod(l_beta, l_zeta, R_MOD)
                u := addmod(betazeta, calldataload(add(aproof, PROOF_L_AT_ZETA)), R_MOD)
                u := addmod(u, l_gamma, R_MOD)

                v := mulmod(betazeta, coset_shift, R_MOD)
                v := addmod(v, calldataload(add(aproof, PROOF_R_AT_ZETA)), R_MOD)
                v := addmod(v, l_gamma, R_MOD)

                w := mulmod(betazeta, coset_square, R_MOD)
                w := addmod(w, calldataload(add(aproof, PROOF_O_AT_ZETA)), R_MOD)
                w := addmod(w, l_gamma, R_MOD)

                let s2 := mulmod(u, v, R_MOD)
                s2 := mulmod(s2, w, R_MOD)
                s2 := sub(R_MOD, s2)
                s2 := mulmod(s2, l_alpha, R_MOD)
                s2 := addmod(s2, mload(add(state, STATE_ALPHA_SQUARE_LAGRANGE_0)), R_MOD)

                compute_commitment_linearised_polynomial_ec(aproof, s1, s2)
            }

            /// -Z_H(ζ)·([H₀] + ζⁿ⁺²[H₁] + ζ²⁽ⁿ⁺²⁾[H₂]) at state_folded_h
            function fold_h(aproof) {
                let state := mload(0x40)
                let n_plus_two := add(mload(VK_DOMAIN_SIZE), 2)
                let mPtr := add(state, STATE_LAST_MEM)
                let h := add(state, STATE_FOLDED_H_X)
                let zeta_power_n_plus_two := pow(mload(add(state, STATE_ZETA)), n_plus_two, mPtr)
                point_mul_calldata(h, add(aproof, PROOF_H_2_COM_X), zeta_power_n_plus_two, mPtr)
                point_add_calldata(h, h, add(aproof, PROOF_H_1_COM_X), mPtr)
                point_mul(h, h, zeta_power_n_plus_two, mPtr)
                point_add_calldata(h, h, add(aproof, PROOF_H_0_COM_X), mPtr)
                point_mul(h, h, mload(add(state, STATE_ZETA_POWER_N_MINUS_ONE)), mPtr)
                mstore(add(state, STATE_FOLDED_H_Y), sub(P_MOD, mload(add(state, STATE_FOLDED_H_Y))))
            }

            /// The opening of the linearised polynomial at ζ:
            /// -[PI(ζ) - α²·L₁(ζ) + α·(l(ζ)+β·s₁(ζ)+γ)·(r(ζ)+β·s₂(ζ)+γ)·(o(ζ)+γ)·z(ωζ)]
            function compute_opening_linearised_polynomial(aproof) {
                let state := mload(0x40)

                let s1
                s1 := mulmod(calldataload(add(aproof, PROOF_S1_AT_ZETA)), mload(add(state, STATE_BETA)), R_MOD)
                s1 := addmod(s1, mload(add(state, STATE_GAMMA)), R_MOD)
                s1 := addmod(s1, calldataload(add(aproof, PROOF_L_AT_ZETA)), R_MOD)

                let s2
                s2 := mulmod(calldataload(add(aproof, PROOF_S2_AT_ZETA)), mload(add(state, STATE_BETA)), R_MOD)
                s2 := addmod(s2, mload(add(state, STATE_GAMMA)), R_MOD)
                s2 := addmod(s2, calldataload(add(aproof, PROOF_R_AT_ZETA)), R_MOD)

                let o
                o := addmod(calldataload(add(aproof, PROOF_O_AT_ZETA)), mload(add(state, STATE_GAMMA)), R_MOD)

                s1 := mulmod(s1, s2, R_MOD)
                s1 := mulmod(s1, o, R_MOD)
                s1 := mulmod(s1, mload(add(state, STATE_ALPHA)), R_MOD)
                s1 := mulmod(s1, calldataload(add(aproof, PROOF_GRAND_PRODUCT_AT_ZETA_OMEGA)), R_MOD)

                s1 := addmod(s1, mload(add(state, STATE_PI)), R_MOD)
                s2 := mload(add(state, STATE_ALPHA_SQUARE_LAGRANGE_0))
                s2 := sub(R_MOD, s2)
                s1 := addmod(s1, s2, R_MOD)
                s1 := sub(R_MOD, s1)

                mstore(add(state, STATE_OPENING_LINEARISED_POLYNOMIAL_ZETA), s1)
            }

            // ---- curve and field arithmetic

            /// dst <- p + q (points in memory)
            function point_add(dst, p, q, mPtr) {
                mstore(mPtr, mload(p))
                mstore(add(mPtr, 0x20), mload(add(p, 0x20)))
                mstore(add(mPtr, 0x40), mload(q))
                mstore(add(mPtr, 0x60), mload(add(q, 0x20)))
                if iszero(staticcall(gas(), 0x6, mPtr, 0x80, dst, 0x40)) {
                    error_ec_op()
                }
            }

            /// dst <- p + q (p in memory, q in calldata)
            function point_add_calldata(dst, p, q, mPtr) {
                mstore(mPtr, mload(p))
                mstore(add(mPtr, 0x20), mload(add(p, 0x20)))
                mstore(add(mPtr, 0x40), calldataload(q))
                mstore(add(mPtr, 0x60), calldataload(add(q, 0x20)))
                if iszero(staticcall(gas(), 0x6, mPtr, 0x80, dst, 0x40)) {
                    error_ec_op()
                }
            }

            /// dst <- [s]src (src in memory)
            function point_mul(dst, src, s, mPtr) {
                mstore(mPtr, mload(src))
                mstore(add(mPtr, 0x20), mload(add(src, 0x20)))
                mstore(add(mPtr, 0x40), s)
                if iszero(staticcall(gas(), 0x7, mPtr, 0x60, dst, 0x40)) {
                    error_ec_op()
                }
            }

            /// dst <- [s]src (src in calldata)
            function point_mul_calldata(dst, src, s, mPtr) {
                mstore(mPtr, calldataload(src))
                mstore(add(mPtr, 0x20), calldataload(add(src, 0x20)))
                mstore(add(mPtr, 0x40), s)
                if iszero(staticcall(gas(), 0x7, mPtr, 0x60, dst, 0x40)) {
                    error_ec_op()
                }
            }

            /// dst <- dst + [s]src (src in memory)
            function point_acc_mul(dst, src, s, mPtr) {
                mstore(mPtr, mload(src))
                mstore(add(mPtr, 0x20), mload(add(src, 0x20)))
                mstore(add(mPtr, 0x40), s)
                let l_success := staticcall(gas(), 0x7, mPtr, 0x60, mPtr, 0x40)
                mstore(add(mPtr, 0x40), mload(dst))
                mstore(add(mPtr, 0x60), mload(add(dst, 0x20)))
                l_success := and(l_success, staticcall(gas(), 0x6, mPtr, 0x80, dst, 0x40))
                if iszero(l_success) {
                    error_ec_op()
                }
            }

            /// dst <- dst + [s]src (src in calldata)
            function point_acc_mul_calldata(dst, src, s, mPtr) {
                mstore(mPtr, calldataload(src))
                mstore(add(mPtr, 0x20), calldataload(add(src, 0x20)))
                mstore(add(mPtr, 0x40), s)
                let l_success := staticcall(gas(), 0x7, mPtr, 0x60, mPtr, 0x40)
                mstore(add(mPtr, 0x40), mload(dst))
                mstore(add(mPtr, 0x60), mload(add(dst, 0x20)))
                l_success := and(l_success, staticcall(gas(), 0x6, mPtr, 0x80, dst, 0x40))
                if iszero(l_success) {
                    error_ec_op()
                }
            }

            /// dst <- dst + src·s mod r (src in calldata)
            function fr_acc_mul_calldata(dst, src, s) {
                mstore(dst, addmod(mload(dst), mulmod(calldataload(src), s, R_MOD), R_MOD))
            }

            /// x ** e mod r
            function pow(x, e, mPtr) -> res {
                mstore(mPtr, 0x20)
                mstore(add(mPtr, 0x20), 0x20)
                mstore(add(mPtr, 0x40), 0x20)
                mstore(add(mPtr, 0x60), x)
                mstore(add(mPtr, 0x80), e)
                mstore(add(mPtr, 0xa0), R_MOD)
                if iszero(staticcall(gas(), 0x5, mPtr, 0xc0, mPtr, 0x20)) {
                    error_mod_exp()
                }
                res := mload(mPtr)
            }
        }
    }
}
