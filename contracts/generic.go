package contracts

import (
	"context"
	_ "embed"
	"encoding/hex"
	"fmt"
	"math/big"
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

// maxGenericData is the largest code of the generic verifier's data
// contract (EIP-170), which holds the public-input MSM's points and the
// calldata offsets of the committed inputs: it bounds the number of public
// inputs (382 without a commitment, 370 with one covering every input).
const maxGenericData = MaxCodeSize

// GenericVerifierArgs ABI-encodes b's Groth16 verifying key as the
// constructor arguments of the generic verifier. The key may carry one
// BSB22 commitment (zkml's default lookup range checks) or none
// (`zkml compile --range-checks bits`); gnark's keys with several
// commitments, which zkml does not make, are refused.
func GenericVerifierArgs(b *prover.Build) ([]byte, error) {
	if b.Backend() != prover.Groth16 {
		return nil, fmt.Errorf("%s is a %s build; the generic verifier verifies Groth16 proofs only: deploy the specialized verifier", b.Dir(), b.Backend())
	}
	vk, err := b.Groth16VerifyingKey()
	if err != nil {
		return nil, fmt.Errorf("the generic verifier needs the verifying key: %w", err)
	}
	return genericVerifierArgs(vk, b.Settings().Circuit.PublicInputs, b.Dir())
}

// genericVerifierArgs encodes vk, a key for n public inputs, naming dir in
// its errors.
func genericVerifierArgs(vk *groth16_bn254.VerifyingKey, n int, dir string) ([]byte, error) {
	commitments := len(vk.PublicAndCommitmentCommitted)
	if commitments > 1 || len(vk.CommitmentKeys) != commitments {
		return nil, fmt.Errorf("%s: the proofs carry %d BSB22 commitments (%d commitment keys); the generic verifier, like gnark's Solidity verifier, checks at most one: deploy the specialized verifier", dir, commitments, len(vk.CommitmentKeys))
	}
	if len(vk.G1.K) != n+1+commitments {
		return nil, fmt.Errorf("%s: the verifying key has %d public-input points, the model has %d public inputs and %d commitments (want %d points): rerun `zkml setup`", dir, len(vk.G1.K), n, commitments, n+1+commitments)
	}
	var committed []int
	if commitments == 1 {
		committed = vk.PublicAndCommitmentCommitted[0]
	}
	for _, i := range committed {
		if i < 1 || i > n {
			return nil, fmt.Errorf("%s: the commitment covers public input %d, the model has %d: rerun `zkml setup`", dir, i, n)
		}
	}
	if n < 1 {
		return nil, fmt.Errorf("%s: the model has no public inputs; the generic verifier takes at least one", dir)
	}
	if size := 1 + 64*len(vk.G1.K) + 2*len(committed); size > maxGenericData {
		return nil, fmt.Errorf("%s: the model has %d public inputs, too many for the generic verifier (its key would take %d bytes of contract code, over %d): deploy the specialized verifier", dir, n, size, maxGenericData)
	}
	var out []byte
	word := func(v int) { out = append(out, leftPad(big.NewInt(int64(v)))...) }
	fpWord := func(e fp.Element) {
		var w [32]byte
		fp.BigEndian.PutElement(&w, e)
		out = append(out, w[:]...)
	}
	// G2 points in the pairing precompile's order of coordinates.
	g2 := func(p bn254.G2Affine) {
		fpWord(p.X.A1)
		fpWord(p.X.A0)
		fpWord(p.Y.A1)
		fpWord(p.Y.A0)
	}
	g2Neg := func(p bn254.G2Affine) {
		var neg bn254.G2Affine
		neg.Neg(&p)
		g2(neg)
	}
	// The head: 14 words of alpha, beta, gamma, delta; the offset of ic;
	// the commitment flag and the 8 words of the Pedersen key; the offset
	// of committed. Then the two arrays.
	const headWords = 14 + 1 + 1 + 8 + 1
	fpWord(vk.G1.Alpha.X)
	fpWord(vk.G1.Alpha.Y)
	g2Neg(vk.G2.Beta)
	g2Neg(vk.G2.Gamma)
	g2Neg(vk.G2.Delta)
	word(32 * headWords)
	if commitments == 1 {
		word(1)
		g2(vk.CommitmentKeys[0].G)
		g2(vk.CommitmentKeys[0].GSigmaNeg)
	} else {
		word(0)
		for range 8 {
			word(0)
		}
	}
	word(32 * (headWords + 1 + 2*len(vk.G1.K)))
	word(2 * len(vk.G1.K))
	for _, k := range vk.G1.K {
		fpWord(k.X)
		fpWord(k.Y)
	}
	word(len(committed))
	for _, i := range committed {
		word(i)
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
