package contracts

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/prover"
)

// Split builds on chain: every segment is a model of a ZkmlRegistry (its
// own verifier, registered as usual), and a ZkmlChain contract
// (solidity/ZkmlChain.sol) registers the chain of their model ids and
// verifies one proof per segment, and the links between them, in one
// transaction.

//go:embed solidity/build/ZkmlChain.bin
var chainBin string

//go:embed solidity/build/ZkmlChain.abi
var chainABIJSON []byte

var chainABI = func() abi.ABI {
	a, err := abi.JSON(bytes.NewReader(chainABIJSON))
	if err != nil {
		panic(fmt.Sprintf("contracts: the committed ZkmlChain ABI: %v", err)) // a zkml bug, caught by every test
	}
	return a
}()

// ChainContractBytecode is the creation code of ZkmlChain, compiled with
// solc SolcVersion and committed.
func ChainContractBytecode() []byte { return common.FromHex(strings.TrimSpace(chainBin)) }

// DeployChainContract deploys a ZkmlChain.
func DeployChainContract(ctx context.Context, c *Chain) (*Receipt, error) {
	return c.Deploy(ctx, ChainContractBytecode())
}

// SplitBuildHash identifies a split build: keccak256("zkml-split" ‖
// buildHash_0 ‖ … ‖ buildHash_{K-1}) over the segments' [BuildHash]es in
// order, each of which covers its segment's plan, key, setup kind, layout
// and place in the chain.
func SplitBuildHash(s *prover.Split) ([32]byte, error) {
	buf := []byte("zkml-split")
	for i, b := range s.Segments() {
		h, err := BuildHash(b)
		if err != nil {
			return [32]byte{}, fmt.Errorf("segment %d: %w", i, err)
		}
		buf = append(buf, h[:]...)
	}
	return [32]byte(crypto.Keccak256(buf)), nil
}

// ChainID is the id ZkmlChain gives the chain of segment models ids in the
// registry at registry: keccak256(abi.encode(registry, ids)).
func ChainID(registry common.Address, ids [][32]byte) [32]byte {
	buf := make([]byte, 0, 96+32*len(ids))
	buf = append(buf, common.LeftPadBytes(registry[:], 32)...)
	buf = append(buf, common.LeftPadBytes(big.NewInt(64).Bytes(), 32)...)
	buf = append(buf, common.LeftPadBytes(big.NewInt(int64(len(ids))).Bytes(), 32)...)
	for _, id := range ids {
		buf = append(buf, id[:]...)
	}
	return [32]byte(crypto.Keccak256(buf))
}

// A ChainRegistration is a split build registered in a ZkmlChain.
type ChainRegistration struct {
	ChainID  [32]byte
	Registry common.Address
	Segments []*Registration
	Receipt  *Receipt // nil when the chain was registered before
}

// RegisterSplit registers every segment of s in the registry at registry
// with its verifier (verifiers[i], deployed already; see RegisterModel),
// then the chain of their ids in the ZkmlChain at chain, unless it is
// registered already.
func RegisterSplit(ctx context.Context, c *Chain, registry, chain common.Address, s *prover.Split, verifiers []common.Address) (*ChainRegistration, error) {
	segs := s.Segments()
	if len(verifiers) != len(segs) {
		return nil, fmt.Errorf("%d verifiers for %d segments", len(verifiers), len(segs))
	}
	r := &ChainRegistration{Registry: registry}
	var ids [][32]byte
	for i, b := range segs {
		reg, err := RegisterModel(ctx, c, registry, b, verifiers[i])
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		r.Segments = append(r.Segments, reg)
		ids = append(ids, reg.ModelID)
	}
	r.ChainID = ChainID(registry, ids)
	if _, err := c.Call(ctx, chain, chainABI.Methods["chain"].ID); err != nil {
		// Any reply (even a revert) from a ZkmlChain; no code answers nothing.
		if code, cerr := c.CodeAt(ctx, chain); cerr != nil || len(code) == 0 {
			return nil, fmt.Errorf("no ZkmlChain at %s on %s: deploy one first", chain, c)
		}
	}
	known, err := c.Call(ctx, chain, mustPack("chain", r.ChainID))
	if err == nil && len(known) > 0 {
		return r, nil
	}
	data := mustPack("register", registry, ids)
	rc, err := c.Transact(ctx, chain, data)
	if err != nil {
		return nil, fmt.Errorf("register the chain %x in %s: %w", r.ChainID, chain, err)
	}
	r.Receipt = rc
	return r, nil
}

func mustPack(method string, args ...any) []byte {
	data, err := chainABI.Pack(method, args...)
	if err != nil {
		panic(fmt.Sprintf("contracts: pack ZkmlChain.%s: %v", method, err)) // argument types are fixed here
	}
	return data
}

// ChainCalldata is the transaction data of verifyChain(chainId, proofs,
// publicInputs) on a ZkmlChain.
func ChainCalldata(chainID [32]byte, cp *prover.ChainProof) ([]byte, error) {
	var proofs [][]byte
	var public [][]*big.Int
	for i, p := range cp.Segments {
		raw, err := p.SolidityCalldata()
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		proofs, public = append(proofs, raw), append(public, p.PublicInputs)
	}
	return chainABI.Pack("verifyChain", chainID, proofs, public)
}

// A ChainVerification is a chain proof checked by a ZkmlChain.
type ChainVerification struct {
	Gas      uint64
	InputKey [32]byte
	TxHash   *common.Hash // nil for an eth_call
}

// VerifyChainOnChain checks cp with the ZkmlChain at chain as a proof of
// chain chainID: an eth_call, then a transaction when send is true, which
// records the last segment's outputs as the result of the chain's input.
// A rejection (a segment's proof, a broken link, a wrong count) gives an
// error wrapping ErrRejected.
func VerifyChainOnChain(ctx context.Context, c *Chain, chain common.Address, chainID [32]byte, cp *prover.ChainProof, send bool) (*ChainVerification, error) {
	data, err := ChainCalldata(chainID, cp)
	if err != nil {
		return nil, err
	}
	out, err := c.Call(ctx, chain, data)
	if err != nil {
		return nil, chainRejection(err)
	}
	ret, err := chainABI.Unpack("verifyChain", out)
	if err != nil || len(ret) != 2 {
		return nil, fmt.Errorf("the contract at %s is not a ZkmlChain (verifyChain: %v)", chain, err)
	}
	v := &ChainVerification{InputKey: ret[0].([32]byte)}
	if !send {
		v.Gas, err = c.EstimateGas(ctx, chain, data)
		return v, err
	}
	r, err := c.Transact(ctx, chain, data)
	if err != nil {
		return nil, chainRejection(err)
	}
	v.Gas, v.TxHash = r.GasUsed, &r.TxHash
	return v, nil
}

// chainRejection wraps ErrRejected around every revert of verifyChain:
// all of them mean the chain does not prove an inference of the chain id.
func chainRejection(err error) error {
	var rev *RevertError
	if errors.As(err, &rev) {
		return fmt.Errorf("%w: %w", ErrRejected, err)
	}
	return err
}

// ZkmlChain's errors decode like the registry's.
func init() {
	for _, e := range chainABI.Errors {
		zkmlErrors[[4]byte(e.ID[:4])] = e
	}
}

// ChainResultOf reads the result the ZkmlChain at chain recorded for the
// input of key inputKey of chain chainID.
func ChainResultOf(ctx context.Context, c *Chain, chain common.Address, chainID, inputKey [32]byte) (*Result, error) {
	out, err := c.Call(ctx, chain, mustPack("result", chainID, inputKey))
	if err != nil {
		return nil, err
	}
	ret, err := chainABI.Unpack("result", out)
	if err != nil || len(ret) != 4 {
		return nil, fmt.Errorf("the contract at %s is not a ZkmlChain (result: %v)", chain, err)
	}
	return &Result{Prover: ret[0].(common.Address), Block: ret[1].(uint64), Sequence: ret[2].(uint32), Outputs: ret[3].([]*big.Int)}, nil
}
