package contracts

import (
	"context"
	_ "embed"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

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

// maxGenericInputs is the most public inputs the generic verifier takes
// (its MAX_INPUTS): each costs an ecMul and an ecAdd, about 6.3k gas, so
// that verifying 2,048 in a transaction (about 14M gas) stays under
// EIP-7825's cap of 2^24 gas per transaction.
const maxGenericInputs = 2048

// genericChunk is the key data one data contract holds: its code is one
// STOP byte and up to 24,575 bytes of data (EIP-170).
const genericChunk = MaxCodeSize - 1

// GenericVerifierArgs ABI-encodes b's Groth16 verifying key as the
// constructor arguments of the generic verifier. The key may carry one
// BSB22 commitment (zkml's default lookup range checks) or none
// (`zkml compile --range-checks bits`); gnark's keys with several
// commitments, which zkml does not make, are refused. The constructor then
// keeps the key's public-input points in its code (up to 4 points, when
// the commitment covers no public input: zkml's keys of up to 3 public
// inputs, 2 with a commitment) or creates the data contract that holds
// them, which bounds the number of public inputs to 382 (370 with a
// commitment covering every input); larger keys are refused here:
// [DeployGenericVerifier] deploys them in several transactions.
func GenericVerifierArgs(b *prover.Build) ([]byte, error) {
	k, err := genericKeyOf(b)
	if err != nil {
		return nil, err
	}
	if len(k.chunks) > 0 {
		return nil, fmt.Errorf("%s: the model has %d public inputs, too many for one transaction: its key takes %d data contracts; deploy with DeployGenericVerifier (zkml deploy --generic)", b.Dir(), k.n, len(k.chunks))
	}
	return k.args(nil), nil
}

func genericKeyOf(b *prover.Build) (*genericKey, error) {
	if b.Backend() != prover.Groth16 {
		return nil, fmt.Errorf("%s is a %s build; the generic verifier verifies Groth16 proofs only: deploy the specialized verifier", b.Dir(), b.Backend())
	}
	vk, err := b.Groth16VerifyingKey()
	if err != nil {
		return nil, fmt.Errorf("the generic verifier needs the verifying key: %w", err)
	}
	return newGenericKey(vk, b.Settings().Circuit.PublicInputs, b.Dir())
}

// A genericKey is a verifying key encoded for the generic verifier: either
// all in its constructor arguments (chunks empty), or in data contracts
// deployed first (the creation codes in chunks) and named in its
// constructor arguments.
type genericKey struct {
	n      int
	head   []byte // alpha, -beta, -gamma, -delta
	cmt    []byte // the commitment flag and the Pedersen key
	ic     []byte // K_0..K_m, 64 bytes each
	offs   []int  // the 1-based indices of the committed inputs
	chunks [][]byte
}

// newGenericKey encodes vk, a key for n public inputs, naming dir in its
// errors.
func newGenericKey(vk *groth16_bn254.VerifyingKey, n int, dir string) (*genericKey, error) {
	k, err := encodeGroth16Key(vk, n, dir)
	if err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, fmt.Errorf("%s: the model has no public inputs; the generic verifier takes at least one", dir)
	}
	if n > maxGenericInputs {
		return nil, fmt.Errorf("%s: the model has %d public inputs, too many for the generic verifier (at most %d: each costs about 6.3k gas, and verifying more would exceed the 2^24 gas a transaction may use): pack the outputs (`zkml compile --pack-outputs`) or make the model output less", dir, n, maxGenericInputs)
	}
	// The data the verifier reads: the points, then the indices; in data
	// contracts of its own when the constructor's one would not hold it.
	if data := k.data(); 1+len(data) > MaxCodeSize {
		for len(data) > 0 {
			c := data[:min(len(data), genericChunk)]
			data = data[len(c):]
			// PUSH2 size, DUP1, PUSH1 10, RETURNDATASIZE, CODECOPY,
			// RETURNDATASIZE, RETURN: returns the code after these 10
			// bytes, a STOP byte and the chunk.
			code := []byte{0x61, byte((len(c) + 1) >> 8), byte(len(c) + 1), 0x80, 0x60, 0x0a, 0x3d, 0x39, 0x3d, 0xf3, 0x00}
			k.chunks = append(k.chunks, append(code, c...))
		}
	}
	return k, nil
}

// data is the key data the verifier reads from its data contracts: the
// points K_0..K_m, then the committed inputs' indices, 2 bytes each.
func (k *genericKey) data() []byte {
	data := slices.Clone(k.ic)
	for _, o := range k.offs {
		data = append(data, byte(o>>8), byte(o))
	}
	return data
}

// hash is the key hash the verifier computes in its constructor (keyHash):
// keccak256 of the fixed points, the commitment flag and Pedersen key, and
// the data.
func (k *genericKey) hash() [32]byte {
	return [32]byte(crypto.Keccak256(k.head, k.cmt, k.data()))
}

// encodeGroth16Key encodes vk, a key for n public inputs, for the generic
// verifier, without its limits; chunks are left empty.
func encodeGroth16Key(vk *groth16_bn254.VerifyingKey, n int, dir string) (*genericKey, error) {
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
	k := &genericKey{n: n}
	fpWord := func(out *[]byte, e fp.Element) {
		var w [32]byte
		fp.BigEndian.PutElement(&w, e)
		*out = append(*out, w[:]...)
	}
	// G2 points in the pairing precompile's order of coordinates.
	g2 := func(out *[]byte, p bn254.G2Affine) {
		fpWord(out, p.X.A1)
		fpWord(out, p.X.A0)
		fpWord(out, p.Y.A1)
		fpWord(out, p.Y.A0)
	}
	g2Neg := func(out *[]byte, p bn254.G2Affine) {
		var neg bn254.G2Affine
		neg.Neg(&p)
		g2(out, neg)
	}
	fpWord(&k.head, vk.G1.Alpha.X)
	fpWord(&k.head, vk.G1.Alpha.Y)
	g2Neg(&k.head, vk.G2.Beta)
	g2Neg(&k.head, vk.G2.Gamma)
	g2Neg(&k.head, vk.G2.Delta)
	if commitments == 1 {
		k.cmt = append(k.cmt, leftPad(big.NewInt(1))...)
		g2(&k.cmt, vk.CommitmentKeys[0].G)
		g2(&k.cmt, vk.CommitmentKeys[0].GSigmaNeg)
	} else {
		k.cmt = make([]byte, 9*32)
	}
	for _, p := range vk.G1.K {
		fpWord(&k.ic, p.X)
		fpWord(&k.ic, p.Y)
	}
	k.offs = append(k.offs, committed...)
	return k, nil
}

// args ABI-encodes the constructor's arguments; chunks are the addresses of
// the data contracts deployed from k.chunks (nil when k has none).
func (k *genericKey) args(chunks []common.Address) []byte {
	var out []byte
	word := func(v int) { out = append(out, leftPad(big.NewInt(int64(v)))...) }
	// The head: 14 words of alpha, beta, gamma, delta; the offset of ic;
	// the commitment flag and the 8 words of the Pedersen key; the offsets
	// of committed and chunks; the shape (n, committed inputs). Then the
	// three arrays.
	const headWords = 14 + 1 + 9 + 1 + 1 + 2
	out = append(out, k.head...)
	var ic []byte
	var committed []int
	if len(chunks) == 0 {
		ic = k.ic
		committed = k.offs
	}
	icWords := len(ic) / 32
	word(32 * headWords)
	out = append(out, k.cmt...)
	word(32 * (headWords + 1 + icWords))
	word(32 * (headWords + 1 + icWords + 1 + len(committed)))
	word(k.n)
	word(len(k.offs))
	word(icWords)
	out = append(out, ic...)
	word(len(committed))
	for _, i := range committed {
		word(i)
	}
	word(len(chunks))
	for _, a := range chunks {
		out = append(out, common.LeftPadBytes(a.Bytes(), 32)...)
	}
	return out
}

// DeployGenericVerifier deploys the generic verifier with b's verifying key
// (see [GenericVerifierArgs]); no Solidity compiler is needed. The
// contract takes the calldata of the specialized verifier, so [Calldata],
// [VerifyOnChain] and the registry work with it unchanged. Its constructor
// also creates the data contract that holds the key's public-input points
// (but for the smallest keys, which it keeps in its code);
// a key of over 382 public inputs (370 with a commitment covering them)
// is spread over several data contracts, deployed first, one transaction
// each (up to 2,048 inputs: 6 data contracts). The receipt is the
// verifier's, but GasUsed counts the data contracts' transactions too.
func DeployGenericVerifier(ctx context.Context, c *Chain, b *prover.Build) (*Receipt, error) {
	k, err := genericKeyOf(b)
	if err != nil {
		return nil, err
	}
	return deployGenericKey(ctx, c, k)
}

func deployGenericKey(ctx context.Context, c *Chain, k *genericKey) (*Receipt, error) {
	var addrs []common.Address
	var gas uint64
	for i, code := range k.chunks {
		r, err := c.Deploy(ctx, code)
		if err != nil {
			return nil, fmt.Errorf("data contract %d of %d of the verifying key: %w", i+1, len(k.chunks), err)
		}
		addrs = append(addrs, r.Contract)
		gas += r.GasUsed
	}
	r, err := c.Deploy(ctx, append(GenericVerifierBytecode(), k.args(addrs)...))
	if err != nil {
		return nil, err
	}
	r.GasUsed += gas
	return r, nil
}
