package contracts

import (
	"bytes"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/ethereum/go-ethereum/crypto"
)

// One pairing call for a Groth16 proof with a BSB22 commitment.
//
// A Groth16 proof of a build with lookups carries a Pedersen commitment D
// and a proof of knowledge PoK of its opening. gnark's verifier checks two
// pairing equations, each in its own call of the pairing precompile
// (45,000 gas per call plus 34,000 per pairing):
//
//	P₁ = e(A, B)·e(C, −δ)·e(α, −β)·e(L, −γ) = 1   (the proof, L including D)
//	P₂ = e(D, −σG)·e(PoK, G) = 1                 (the proof of knowledge)
//
// zkml's verifiers (the specialized one, rewritten by foldCommitmentCheck,
// and ZkmlGroth16Verifier.sol) check instead, in one call of six pairings,
//
//	P₁·P₂ʳ = e(A, B)·e(C, −δ)·e(α, −β)·e(L, −γ)·e(r·D, −σG)·e(r·PoK, G) = 1
//
// with r = 1 + (keccak256(calldata without the selector) mod (q − 1)), q the
// order of the groups: two ecMul (12,000 gas) for one pairing call less.
//
// Soundness. P₁ and P₂ lie in G_T, a group of prime order q. If P₂ ≠ 1 it
// generates G_T, so for the given P₁ exactly one exponent r mod q makes
// P₁·P₂ʳ = 1. The calldata fixes A, B, C, D, PoK and the public inputs,
// hence P₁ and P₂ (the key is in the contract), before r is computed from
// it: a prover who wants a proof with P₂ ≠ 1 accepted must find calldata
// whose hash hits that one value: with keccak256 as a random oracle, each
// value of r has probability at most 6/2²⁵⁶ < 2⁻²⁵³ per hash evaluation
// (2²⁵⁶ is about 5.3·(q − 1), so a value mod q − 1 has at most 6
// preimages among 256-bit hashes). So, but with
// that probability, P₂ = 1 (the proof of knowledge holds) and then P₁ = 1
// (the Groth16 equation holds): the folded check accepts the proofs that
// gnark's two checks, and so prover.Verify, accept, and no others. r ≥ 1,
// so that P₂ is never dropped. D and PoK go through ecMul, which rejects
// points off the curve (BN254's G1 has cofactor 1) with CommitmentInvalid,
// as gnark's check did; a valid point with a wrong proof of knowledge now
// fails the one pairing call, with ProofInvalid.
//
// Five pairings when G = γ. When the Pedersen key's G2 point G is the
// verifying key's γ, e(L, −γ)·e(r·PoK, G) = e(L − r·PoK, −γ): the
// verifiers check the same product P₁·P₂ʳ with five pairings, L − r·PoK
// in L's place (r·PoK subtracted as (q − r)·PoK: one ecAdd, 150 gas, for
// 34,000 less), and the argument above holds as it is. Keys with G ≠ γ
// (gnark's groth16.Setup draws G apart) get the six pairings. zkml's
// development setup (prover/devsetup.go) makes G = γ, as gnark's phase-2
// ceremony (mpcsetup, zkml's ceremony and ptau setups) does: there
// γ = G = the generator G₂ of G2. Publishing G = γ assumes nothing new: a
// key with G = γ = [c]G₂, c a uniform secret, is a key of the ceremony's
// shape with γ, G and σG multiplied by c and the G1 points divided by γ
// (the K points, the Pedersen basis and σ·basis) by 1/c. Proofs map along
// (D and PoK times 1/c; the commitment's hash, a random oracle,
// reprogrammed to match), both of gnark's equations are preserved, so a
// forger for keys with G = γ gives one for the ceremony's keys.
//
// foldChallenge computes r from calldata, the verifying call as a verifier
// receives it (the selector first), for tests.
func foldChallenge(calldata []byte) *big.Int {
	q := ecc.BN254.ScalarField()
	h := new(big.Int).SetBytes(crypto.Keccak256(calldata[4:]))
	qm1 := new(big.Int).Sub(q, big.NewInt(1))
	return h.Mod(h, qm1).Add(h, big.NewInt(1))
}

// The pieces of gnark's (v0.16) Groth16 Solidity verifier that
// foldCommitmentCheck replaces, in verifyProof.
const (
	gnarkPoKCheck = `        // Verify pedersen commitments
        bool success;
        assembly ("memory-safe") {
            let f := mload(0x40)

            calldatacopy(f, add(proof.offset, 0x100), 0x40) // Copy first commitment
            mstore(add(f, 0x40), PEDERSEN_GSIGMANEG_X_1)
            mstore(add(f, 0x60), PEDERSEN_GSIGMANEG_X_0)
            mstore(add(f, 0x80), PEDERSEN_GSIGMANEG_Y_1)
            mstore(add(f, 0xa0), PEDERSEN_GSIGMANEG_Y_0)
            calldatacopy(add(f, 0xc0), add(proof.offset, 0x140), 0x40) // Copy PoK
            mstore(add(f, 0x100), PEDERSEN_G_X_1)
            mstore(add(f, 0x120), PEDERSEN_G_X_0)
            mstore(add(f, 0x140), PEDERSEN_G_Y_1)
            mstore(add(f, 0x160), PEDERSEN_G_Y_0)

            success := staticcall(gas(), PRECOMPILE_VERIFY, f, 0x180, f, 0x20)
            success := and(success, mload(f))
        }
        if (!success) {
            revert CommitmentInvalid();
        }
`
	zkmlPoKFold = `        // The commitment's proof of knowledge, e(D, GSigmaNeg)·e(PoK, G) = 1,
        // is checked in the proof's pairing call below, raised to the power
        // r = 1 + keccak256(calldata without the selector) mod (R - 1): see
        // zkml's contracts/foldpok.go for why that is sound. Here r·D and
        // r·PoK; ECMUL rejects points off the curve.
        bool success;
        uint256[4] memory folded;
        assembly ("memory-safe") {
            let f := mload(0x40)
            let n := sub(calldatasize(), 4)
            calldatacopy(f, 4, n)
            let r := add(mod(keccak256(f, n), sub(R, 1)), 1)
            calldatacopy(f, add(proof.offset, 0x100), 0x40)
            mstore(add(f, 0x40), r)
            success := staticcall(gas(), PRECOMPILE_MUL, f, 0x60, folded, 0x40)
            calldatacopy(f, add(proof.offset, 0x140), 0x40)
            mstore(add(f, 0x40), r)
            success := and(success, staticcall(gas(), PRECOMPILE_MUL, f, 0x60, add(folded, 0x40), 0x40))
        }
        if (!success) {
            revert CommitmentInvalid();
        }
`
	// With G = γ: r·D and (R − r)·PoK, that is −r·PoK.
	zkmlPoKFoldGamma = `        // The commitment's proof of knowledge, e(D, GSigmaNeg)·e(PoK, G) = 1,
        // is checked in the proof's pairing call below, raised to the power
        // r = 1 + keccak256(calldata without the selector) mod (R - 1): see
        // zkml's contracts/foldpok.go for why that is sound. Here r·D and,
        // since G = γ, -r·PoK = (R - r)·PoK, added to L; ECMUL rejects points
        // off the curve.
        bool success;
        uint256[4] memory folded;
        assembly ("memory-safe") {
            let f := mload(0x40)
            let n := sub(calldatasize(), 4)
            calldatacopy(f, 4, n)
            let r := add(mod(keccak256(f, n), sub(R, 1)), 1)
            calldatacopy(f, add(proof.offset, 0x100), 0x40)
            mstore(add(f, 0x40), r)
            success := staticcall(gas(), PRECOMPILE_MUL, f, 0x60, folded, 0x40)
            calldatacopy(f, add(proof.offset, 0x140), 0x40)
            mstore(add(f, 0x40), sub(R, r))
            success := and(success, staticcall(gas(), PRECOMPILE_MUL, f, 0x60, add(folded, 0x40), 0x40))
        }
        if (!success) {
            revert CommitmentInvalid();
        }
`
	zkmlPairingGamma = `            mstore(add(f, 0x2e0), GAMMA_NEG_Y_0)
            // G = γ, so e(r·PoK, G) = e(-r·PoK, -γ): L - r·PoK in place of L
            // in e(L, -γ), then e(r·D, GSigmaNeg): the folded proof of
            // knowledge.
            mstore(add(f, 0x300), x)
            mstore(add(f, 0x320), y)
            mstore(add(f, 0x340), mload(add(folded, 0x40)))
            mstore(add(f, 0x360), mload(add(folded, 0x60)))
            success := staticcall(gas(), PRECOMPILE_ADD, add(f, 0x300), 0x80, add(f, 0x240), 0x40)
            mstore(add(f, 0x300), mload(folded))
            mstore(add(f, 0x320), mload(add(folded, 0x20)))
            mstore(add(f, 0x340), PEDERSEN_GSIGMANEG_X_1)
            mstore(add(f, 0x360), PEDERSEN_GSIGMANEG_X_0)
            mstore(add(f, 0x380), PEDERSEN_GSIGMANEG_Y_1)
            mstore(add(f, 0x3a0), PEDERSEN_GSIGMANEG_Y_0)

            // Check pairing equation.
            success := and(success, staticcall(gas(), PRECOMPILE_VERIFY, f, 0x3c0, f, 0x20))
`
	gnarkPairing = `            mstore(add(f, 0x2e0), GAMMA_NEG_Y_0)

            // Check pairing equation.
            success := staticcall(gas(), PRECOMPILE_VERIFY, f, 0x300, f, 0x20)
`
	zkmlPairing = `            mstore(add(f, 0x2e0), GAMMA_NEG_Y_0)
            // e(r·D, GSigmaNeg)·e(r·PoK, G): the folded proof of knowledge.
            mstore(add(f, 0x300), mload(folded))
            mstore(add(f, 0x320), mload(add(folded, 0x20)))
            mstore(add(f, 0x340), PEDERSEN_GSIGMANEG_X_1)
            mstore(add(f, 0x360), PEDERSEN_GSIGMANEG_X_0)
            mstore(add(f, 0x380), PEDERSEN_GSIGMANEG_Y_1)
            mstore(add(f, 0x3a0), PEDERSEN_GSIGMANEG_Y_0)
            mstore(add(f, 0x3c0), mload(add(folded, 0x40)))
            mstore(add(f, 0x3e0), mload(add(folded, 0x60)))
            mstore(add(f, 0x400), PEDERSEN_G_X_1)
            mstore(add(f, 0x420), PEDERSEN_G_X_0)
            mstore(add(f, 0x440), PEDERSEN_G_Y_1)
            mstore(add(f, 0x460), PEDERSEN_G_Y_0)

            // Check pairing equation.
            success := staticcall(gas(), PRECOMPILE_VERIFY, f, 0x480, f, 0x20)
`
)

// pedersenGIsGamma reports whether vk has one commitment whose Pedersen
// key's G2 point G is γ, so that its verifiers check five pairings.
func pedersenGIsGamma(vk *groth16_bn254.VerifyingKey) bool {
	return len(vk.CommitmentKeys) == 1 && vk.CommitmentKeys[0].G.Equal(&vk.G2.Gamma)
}

// foldCommitmentCheck rewrites verifyProof of gnark's Groth16 verifier src
// for a key with one commitment so that it checks the proof of knowledge in
// the proof's pairing call (see above): with five pairings when the key's
// G is γ (gIsGamma, see [pedersenGIsGamma]), else six. A verifier without
// a commitment is returned as it is; one whose code is not the expected
// gnark's is an error (a gnark upgrade changed the template: update the
// pieces above).
func foldCommitmentCheck(src []byte, gIsGamma bool) ([]byte, error) {
	at := bytes.Index(src, []byte("    function verifyProof("))
	if at < 0 {
		return nil, fmt.Errorf("the Groth16 verifier has no verifyProof")
	}
	head, fn := src[:at], src[at:]
	if !bytes.Contains(fn, []byte("CommitmentInvalid")) {
		return src, nil
	}
	pieces := []struct{ old, new string }{{gnarkPoKCheck, zkmlPoKFold}, {gnarkPairing, zkmlPairing}}
	if gIsGamma {
		pieces = []struct{ old, new string }{{gnarkPoKCheck, zkmlPoKFoldGamma}, {gnarkPairing, zkmlPairingGamma}}
	}
	for _, r := range pieces {
		if n := bytes.Count(fn, []byte(r.old)); n != 1 {
			return nil, fmt.Errorf("gnark's Groth16 verifier is not the one zkml folds the commitment check of (%d matches of a piece, want 1)", n)
		}
		fn = bytes.Replace(fn, []byte(r.old), []byte(r.new), 1)
	}
	return append(bytes.Clone(head), fn...), nil
}
