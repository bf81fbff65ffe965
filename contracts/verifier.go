package contracts

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/prover"
)

// MaxCodeSize is the largest runtime code a contract may have (EIP-170).
const MaxCodeSize = 24576

// A Verifier is the Solidity contract that verifies one build's proofs: gnark's
// verifier template filled in with the build's verifying key, and its
// [KeyHash] as the constant keyHash, which the registry reads.
type Verifier struct {
	Backend      prover.Backend
	File         string // "Verifier.sol"
	Contract     string // the contract's name: "Verifier" (Groth16) or "PlonkVerifier"
	Source       []byte // Solidity
	PublicInputs int    // the number of public inputs verifyProof takes
}

// NewVerifier exports the verifier contract of b, which needs its keys
// (vk.bin).
func NewVerifier(b *prover.Build) (*Verifier, error) {
	var src bytes.Buffer
	if err := b.ExportSolidity(&src); err != nil {
		return nil, fmt.Errorf("%s: export the Solidity verifier: %w", b.Dir(), err)
	}
	v := &Verifier{
		Backend:      b.Backend(),
		File:         "Verifier.sol",
		Contract:     templateOf(b.Backend()).contract,
		Source:       src.Bytes(),
		PublicInputs: b.Settings().Circuit.PublicInputs,
	}
	kh, err := KeyHash(b)
	if err != nil {
		return nil, err
	}
	if v.Backend == prover.Groth16 {
		vk, err := b.Groth16VerifyingKey()
		if err != nil {
			return nil, err
		}
		if v.Source, err = foldCommitmentCheck(v.Source, pedersenGIsGamma(vk)); err != nil {
			return nil, fmt.Errorf("%s: %w", b.Dir(), err)
		}
	}
	if v.Source, err = withKeyHash(v.Source, v.Contract, kh); err != nil {
		return nil, fmt.Errorf("%s: %w", b.Dir(), err)
	}
	return v, nil
}

// Function is the signature of the verifier's verifying function:
// verifyProof(bytes,uint256[n]) for Groth16, Verify(bytes,uint256[]) for
// PLONK.
func (v *Verifier) Function() string {
	return templateOf(v.Backend).signature(v.PublicInputs)
}

// ErrVerifierTooLarge is wrapped by [Verifier.Compile] when the compiled
// verifier exceeds [MaxCodeSize]: gnark's Groth16 template unrolls one
// ecMul per public input, so that from about 255 public inputs it does not
// fit. The generic verifier ([DeployGenericVerifier]) takes up to 2,048.
var ErrVerifierTooLarge = errors.New("deploy zkml's generic verifier instead (`zkml deploy --generic`), which takes up to 2048 public inputs")

// SpecializedTooLarge reports whether the specialized verifier of a
// backend's build with n public inputs is sure to exceed [MaxCodeSize],
// without compiling it: gnark's Groth16 verifier is over the limit beyond
// 280 public inputs; below, only [Verifier.Compile] tells. PLONK verifiers
// always fit.
func SpecializedTooLarge(backend prover.Backend, n int) bool {
	t := templateOf(backend)
	return t.maxInputs > 0 && n > t.maxInputs
}

// Compile compiles the verifier with solc and checks that it fits in a
// contract.
func (v *Verifier) Compile(ctx context.Context, solc *Solc) (*Artifact, error) {
	a, err := solc.Compile(ctx, map[string]string{v.File: string(v.Source)}, v.File, v.Contract)
	if err != nil {
		return nil, err
	}
	if len(a.Runtime) > MaxCodeSize {
		return nil, fmt.Errorf("the %s verifier is %d bytes of code, over the %d-byte limit of a contract (EIP-170): the model has too many outputs (%d public inputs); %w",
			v.Backend, len(a.Runtime), MaxCodeSize, v.PublicInputs, ErrVerifierTooLarge)
	}
	return a, nil
}

// verifierSelector is the selector of the function of gnark's verifier
// templates that takes n public inputs.
func verifierSelector(backend prover.Backend, n int) []byte {
	return crypto.Keccak256([]byte(templateOf(backend).signature(n)))[:4]
}

// Calldata returns the transaction data that calls the verifier of b on p:
// verifyProof(bytes proof, uint256[n] input) for Groth16, Verify(bytes
// proof, uint256[] public_inputs) for PLONK. Any Ethereum client can send it
// (eth_call, or a transaction) to the verifier's address. It checks that p
// belongs to b (its model, its number of public inputs, and by its shape
// b's keys: [prover.CheckShape]), not that it is valid.
func Calldata(b *prover.Build, p *prover.Proof) ([]byte, error) {
	if p.Backend != b.Backend() {
		return nil, fmt.Errorf("the proof is a %s proof but %s uses %s", p.Backend, b.Dir(), b.Backend())
	}
	if p.ModelHash != b.PlanHash() {
		return nil, fmt.Errorf("the proof was made for another model (model hash %s, %s has %s)",
			hex.EncodeToString(p.ModelHash[:]), b.Dir(), b.Settings().PlanHash)
	}
	if n := b.Settings().Circuit.PublicInputs; len(p.PublicInputs) != n {
		return nil, fmt.Errorf("the proof has %d public inputs, the model has %d", len(p.PublicInputs), n)
	}
	if err := prover.CheckShape(b, p); err != nil {
		return nil, err
	}
	raw, err := p.SolidityCalldata()
	if err != nil {
		return nil, err
	}
	return encodeCall(b.Backend(), raw, p.PublicInputs), nil
}

// encodeCall ABI-encodes the verifier call. Both signatures are fixed, so
// the encoding is written out rather than built by reflection.
func encodeCall(backend prover.Backend, proof []byte, public []*big.Int) []byte {
	var out []byte
	word := func(v *big.Int) { out = append(out, leftPad(v)...) }
	n := len(public)
	if templateOf(backend).dynamicInputs {
		out = append(out, verifierSelector(backend, n)...)
		// Head: offsets of the two dynamic arguments; then bytes, then the array.
		proofWords := (len(proof) + 31) / 32
		word(big.NewInt(64))
		word(big.NewInt(int64(64 + 32 + 32*proofWords)))
		word(big.NewInt(int64(len(proof))))
		out = append(out, padRight(proof)...)
		word(big.NewInt(int64(n)))
		for _, v := range public {
			word(v)
		}
		return out
	}
	out = append(out, verifierSelector(backend, n)...)
	// Head: the offset of the proof bytes, then the static array inline.
	word(big.NewInt(int64(32 + 32*n)))
	for _, v := range public {
		word(v)
	}
	word(big.NewInt(int64(len(proof))))
	return append(out, padRight(proof)...)
}

func leftPad(v *big.Int) []byte {
	var w [32]byte
	v.FillBytes(w[:])
	return w[:]
}

func padRight(b []byte) []byte {
	out := make([]byte, (len(b)+31)/32*32)
	copy(out, b)
	return out
}
