package contracts

import (
	"bytes"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/prover"
)

// KeyHash is the hash of b's verifying key (vk.bin) that zkml's verifiers
// expose as keyHash() and the registry checks at registration:
//
//   - Groth16: keccak256 of α, -β, -γ, -δ, the commitment flag (a word),
//     the Pedersen key G and GSigmaNeg (zero words without a commitment),
//     the points K_0..K_m and the 1-based indices of the committed inputs
//     (2 bytes each), as the generic verifier's constructor takes them
//     ([GenericVerifierArgs]);
//   - PLONK: keccak256 of the words of [GenericPlonkVerifierArgs].
//
// The generic verifiers compute it in their constructor from the key they
// are given, all their data contracts' contents included; the specialized
// verifiers ([NewVerifier]) carry it as a constant next to the key compiled
// into their code.
func KeyHash(b *prover.Build) ([32]byte, error) {
	if b.Backend() == prover.PLONK {
		vk, err := b.PlonkVerifyingKey()
		if err != nil {
			return [32]byte{}, err
		}
		args, err := plonkVerifierArgs(vk)
		if err != nil {
			return [32]byte{}, fmt.Errorf("%s: %w", b.Dir(), err)
		}
		return [32]byte(crypto.Keccak256(args[64:])), nil
	}
	vk, err := b.Groth16VerifyingKey()
	if err != nil {
		return [32]byte{}, err
	}
	k, err := encodeGroth16Key(vk, b.Settings().Circuit.PublicInputs, b.Dir())
	if err != nil {
		return [32]byte{}, err
	}
	return k.hash(), nil
}

// withKeyHash adds keyHash, a constant, to the contract named name of the
// Solidity source src, right after its opening brace.
func withKeyHash(src []byte, name string, keyHash [32]byte) ([]byte, error) {
	at := bytes.Index(src, []byte("\ncontract "+name))
	if at < 0 {
		return nil, fmt.Errorf("the exported verifier has no contract %s", name)
	}
	brace := bytes.IndexByte(src[at:], '{')
	if brace < 0 {
		return nil, fmt.Errorf("the exported verifier's contract %s has no body", name)
	}
	at += brace + 1
	decl := fmt.Sprintf("\n  /// zkml's hash of the verifying key compiled into this contract\n  /// (contracts.KeyHash), which the registry checks at registration.\n  bytes32 public constant keyHash = 0x%x;\n", keyHash)
	out := append([]byte{}, src[:at]...)
	out = append(out, decl...)
	return append(out, src[at:]...), nil
}
