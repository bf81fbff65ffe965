package contracts

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"

	"github.com/zkml/zkml/prover"
)

//go:embed solidity/build/ZkmlGroth16Verifier.bin
var genericVerifierHex string

// GenericVerifierBytecode returns the creation code of ZkmlGroth16Verifier
// (solidity/ZkmlGroth16Verifier.sol), compiled by the zkml developers and
// committed, without constructor arguments: [GenericVerifierArgs] appends
// a model's verifying key.
func GenericVerifierBytecode() []byte {
	code, _ := hex.DecodeString(strings.TrimSpace(genericVerifierHex)) // checked by TestFixedBytecode
	return code
}

// maxGenericInputs is the generic verifier's MAX_INPUTS: the data contract
// with the n + 1 points of the public-input MSM must fit in a contract.
const maxGenericInputs = 382

// GenericVerifierArgs ABI-encodes b's verifying key (vk.bin) as the
// constructor arguments of the generic verifier. b must be a Groth16 build
// without a BSB22 commitment: compiled with
// prover.WithBitDecompositionRangeChecks (`zkml compile --range-checks bits`).
func GenericVerifierArgs(b *prover.Build) ([]byte, error) {
	vk, err := readGroth16VK(b)
	if err != nil {
		return nil, err
	}
	if len(vk.CommitmentKeys) > 0 || len(vk.PublicAndCommitmentCommitted) > 0 {
		return nil, fmt.Errorf("%s: the proofs carry a BSB22 commitment (lookup range checks), which the generic verifier does not check: recompile with `zkml compile --range-checks bits`, or deploy the specialized verifier", b.Dir())
	}
	n := b.Settings().Circuit.PublicInputs
	if len(vk.G1.K) != n+1 {
		return nil, fmt.Errorf("%s: the verifying key has %d public-input points, the model has %d public inputs (want %d points): rerun `zkml setup`", b.Dir(), len(vk.G1.K), n, n+1)
	}
	if n < 1 || n > maxGenericInputs {
		return nil, fmt.Errorf("%s: the model has %d public inputs; the generic verifier takes 1 to %d", b.Dir(), n, maxGenericInputs)
	}
	var out []byte
	fpWord := func(e fp.Element) {
		var w [32]byte
		fp.BigEndian.PutElement(&w, e)
		out = append(out, w[:]...)
	}
	// G2 points negated, coordinates in the pairing precompile's order.
	g2Neg := func(p bn254.G2Affine) {
		var neg bn254.G2Affine
		neg.Neg(&p)
		fpWord(neg.X.A1)
		fpWord(neg.X.A0)
		fpWord(neg.Y.A1)
		fpWord(neg.Y.A0)
	}
	fpWord(vk.G1.Alpha.X)
	fpWord(vk.G1.Alpha.Y)
	g2Neg(vk.G2.Beta)
	g2Neg(vk.G2.Gamma)
	g2Neg(vk.G2.Delta)
	// The head is 14 static words and the offset of the dynamic array.
	out = append(out, leftPad(big.NewInt(15*32))...)
	out = append(out, leftPad(big.NewInt(int64(2*len(vk.G1.K))))...)
	for _, k := range vk.G1.K {
		fpWord(k.X)
		fpWord(k.Y)
	}
	return out, nil
}

// DeployGenericVerifier deploys the generic verifier with b's verifying key
// (see [GenericVerifierArgs]); no Solidity compiler is needed. The
// contract takes the calldata of the specialized verifier, so [Calldata],
// [VerifyOnChain] and the registry work with it unchanged. Its constructor
// also creates the data contract that holds the key's public-input points.
func DeployGenericVerifier(ctx context.Context, c *Chain, b *prover.Build) (*Receipt, error) {
	args, err := GenericVerifierArgs(b)
	if err != nil {
		return nil, err
	}
	return c.Deploy(ctx, append(GenericVerifierBytecode(), args...))
}

// readGroth16VK reads the Groth16 verifying key of b from vk.bin, whose
// header (prover/artifact.go: magic, version, kind, backend, plan hash,
// setup id, payload length, SHA-256 of the payload) it checks first.
func readGroth16VK(b *prover.Build) (*groth16_bn254.VerifyingKey, error) {
	if b.Backend() != prover.Groth16 {
		return nil, fmt.Errorf("%s is a %s build; the generic verifier verifies Groth16 proofs only: deploy the specialized verifier", b.Dir(), b.Backend())
	}
	path := filepath.Join(b.Dir(), "vk.bin")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("the generic verifier needs the verifying key: %w (run `zkml setup`)", err)
	}
	const headerSize = 96
	const kindVerifyingKey, backendGroth16 = 4, 1
	plan := b.PlanHash()
	switch {
	case len(data) < headerSize || string(data[:4]) != "ZKML":
		return nil, fmt.Errorf("%s: not a zkml key file: rerun `zkml setup`", path)
	case data[6] != kindVerifyingKey || data[7] != backendGroth16:
		return nil, fmt.Errorf("%s: not a Groth16 verifying key: rerun `zkml setup`", path)
	case !bytes.Equal(data[8:40], plan[:]):
		return nil, fmt.Errorf("%s belongs to another model: rerun `zkml setup`", path)
	}
	payload := data[headerSize:]
	if binary.BigEndian.Uint64(data[56:64]) != uint64(len(payload)) {
		return nil, fmt.Errorf("%s is truncated or corrupt: rerun `zkml setup`", path)
	}
	if sum := sha256.Sum256(payload); !bytes.Equal(sum[:], data[64:96]) {
		return nil, fmt.Errorf("%s is corrupt (checksum mismatch): rerun `zkml setup`", path)
	}
	var vk groth16_bn254.VerifyingKey
	if _, err := vk.ReadFrom(bytes.NewReader(payload)); err != nil {
		return nil, fmt.Errorf("%s: %v: rerun `zkml setup`", path, err)
	}
	return &vk, nil
}
