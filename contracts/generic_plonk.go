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
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	plonk_bn254 "github.com/consensys/gnark/backend/plonk/bn254"

	"github.com/zkml/zkml/prover"
)

//go:embed solidity/build/ZkmlPlonkVerifier.bin
var genericPlonkVerifierHex string

// GenericPlonkVerifierBytecode returns the creation code of
// ZkmlPlonkVerifier (solidity/ZkmlPlonkVerifier.sol), compiled by the zkml
// developers and committed, without constructor arguments:
// [GenericPlonkVerifierArgs] appends a model's verifying key.
func GenericPlonkVerifierBytecode() []byte {
	code, _ := hex.DecodeString(strings.TrimSpace(genericPlonkVerifierHex)) // checked by TestFixedBytecode
	return code
}

// maxPlonkCommitments is the contract's bound on the number of BSB22
// commitments (custom gates) of a key; zkml's circuits have at most a few.
const maxPlonkCommitments = 256

// GenericPlonkVerifierArgs ABI-encodes b's PLONK verifying key (vk.bin) as
// the constructor argument of the generic PLONK verifier: one uint256[]
// whose words are, in order, the number of public inputs, the domain size
// n, 1/n, the domain's generator ω, the coset shift, the KZG points [1]₁,
// [1]₂, [τ]₂, the number k of BSB22 commitments, [S₁], [S₂], [S₃], [Ql],
// [Qr], [Qm], [Qo], [Qk], the k [Qcp_i] and the k commitment constraint
// indexes (ZkmlPlonkVerifier.sol names each word). G2 coordinates are in
// the pairing precompile's order (x.a1, x.a0, y.a1, y.a0).
func GenericPlonkVerifierArgs(b *prover.Build) ([]byte, error) {
	vk, err := readPlonkVK(b)
	if err != nil {
		return nil, err
	}
	if n := b.Settings().Circuit.PublicInputs; int(vk.NbPublicVariables) != n {
		return nil, fmt.Errorf("%s: the verifying key has %d public inputs, the model has %d: rerun `zkml setup`", b.Dir(), vk.NbPublicVariables, n)
	}
	args, err := plonkVerifierArgs(vk)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", b.Dir(), err)
	}
	return args, nil
}

// plonkVerifierArgs encodes vk as GenericPlonkVerifierArgs describes.
func plonkVerifierArgs(vk *plonk_bn254.VerifyingKey) ([]byte, error) {
	k := len(vk.CommitmentConstraintIndexes)
	if len(vk.Qcp) != k {
		return nil, fmt.Errorf("the verifying key has %d commitment selectors for %d commitments: rerun `zkml setup`", len(vk.Qcp), k)
	}
	if k > maxPlonkCommitments {
		return nil, fmt.Errorf("the circuit has %d BSB22 commitments; the generic PLONK verifier takes at most %d", k, maxPlonkCommitments)
	}
	words := 32 + 3*k
	out := make([]byte, 0, 64+32*words)
	out = append(out, leftPad(big.NewInt(32))...) // offset of the array
	out = append(out, leftPad(big.NewInt(int64(words)))...)
	word := func(v uint64) { out = append(out, leftPad(new(big.Int).SetUint64(v))...) }
	frWord := func(e fr.Element) {
		var w [32]byte
		fr.BigEndian.PutElement(&w, e)
		out = append(out, w[:]...)
	}
	fpWord := func(e fp.Element) {
		var w [32]byte
		fp.BigEndian.PutElement(&w, e)
		out = append(out, w[:]...)
	}
	g1 := func(p bn254.G1Affine) { fpWord(p.X); fpWord(p.Y) }
	g2 := func(p bn254.G2Affine) { fpWord(p.X.A1); fpWord(p.X.A0); fpWord(p.Y.A1); fpWord(p.Y.A0) }
	word(vk.NbPublicVariables)
	word(vk.Size)
	frWord(vk.SizeInv)
	frWord(vk.Generator)
	frWord(vk.CosetShift)
	g1(vk.Kzg.G1)
	g2(vk.Kzg.G2[0])
	g2(vk.Kzg.G2[1])
	word(uint64(k))
	for _, s := range vk.S {
		g1(s)
	}
	for _, q := range []bn254.G1Affine{vk.Ql, vk.Qr, vk.Qm, vk.Qo, vk.Qk} {
		g1(q)
	}
	for _, q := range vk.Qcp {
		g1(q)
	}
	for _, i := range vk.CommitmentConstraintIndexes {
		word(i)
	}
	return out, nil
}

// DeployGenericPlonkVerifier deploys the generic PLONK verifier with b's
// verifying key (see [GenericPlonkVerifierArgs]); no Solidity compiler is
// needed. The contract has the specialized PLONK verifier's function,
// Verify(bytes, uint256[]), so [Calldata], [VerifyOnChain] and the registry
// work with it unchanged. Its constructor also creates the data contract
// that holds the key.
func DeployGenericPlonkVerifier(ctx context.Context, c *Chain, b *prover.Build) (*Receipt, error) {
	args, err := GenericPlonkVerifierArgs(b)
	if err != nil {
		return nil, err
	}
	return c.Deploy(ctx, append(GenericPlonkVerifierBytecode(), args...))
}

// readPlonkVK returns b's PLONK verifying key.
func readPlonkVK(b *prover.Build) (*plonk_bn254.VerifyingKey, error) {
	if b.Backend() != prover.PLONK {
		return nil, fmt.Errorf("%s is a %s build; the generic PLONK verifier verifies PLONK proofs only", b.Dir(), b.Backend())
	}
	vk, err := b.PlonkVerifyingKey()
	if err != nil {
		return nil, fmt.Errorf("the generic verifier needs the verifying key: %w", err)
	}
	return vk, nil
}
