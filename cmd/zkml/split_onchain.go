package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/prover"
)

// deploy and verify-onchain of a split build: a verifier per segment, each
// segment registered in a ZkmlRegistry, and the chain of their model ids
// registered in a ZkmlChain, which verifies the segment proofs and their
// links in one transaction.

var chainContractFlag = &cli.StringFlag{
	Name:  "chain-contract",
	Usage: "split builds: the ZkmlChain at `ADDRESS` that verifies chains of segment proofs (deploy: default, or \"new\", deploys one)",
}

// splitDeployResult is deploy of a split build.
type splitDeployResult struct {
	ChainID  string `json:"chain_id"`
	Embedded bool   `json:"embedded_chain"`
	// Segments are the segments' verifiers and registrations, in order.
	Segments []splitSegmentDeploy `json:"segments"`
	Registry common.Address       `json:"registry"`
	// RegistryDeployed and ContractDeployed are set when this command
	// deployed them.
	RegistryDeployed *deployResult  `json:"registry_deployed,omitempty"`
	Contract         common.Address `json:"chain_contract"`
	ContractDeployed *deployResult  `json:"chain_contract_deployed,omitempty"`
	// ModelID is the chain's id in the ZkmlChain (verify-onchain
	// --model-id); RegisterTx is nil when it was registered before.
	ModelID     string       `json:"model_id"`
	RegisterTx  *common.Hash `json:"register_tx,omitempty"`
	RegisterGas uint64       `json:"register_gas,omitempty"`
}

type splitSegmentDeploy struct {
	Verifier *deployResult `json:"verifier"`
	ModelID  string        `json:"model_id"`
}

func hex32(h [32]byte) string { return "0x" + hex.EncodeToString(h[:]) }

// deploySplit deploys s's segment verifiers (as deploy does a build's),
// the registry (--registry new) and the ZkmlChain (without
// --chain-contract, or with "new"), and registers the segments and the
// chain.
func deploySplit(ctx context.Context, c *cli.Context, chain *contracts.Chain, s *prover.Split, regFlag string, p *progress) (*splitDeployResult, error) {
	res := &splitDeployResult{ChainID: chain.ChainID().String(), Embedded: chain.Embedded()}
	var verifiers []common.Address
	segs := s.Segments()
	for i, b := range segs {
		d, err := deployBuildVerifier(ctx, c, chain, b, p)
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		verifiers = append(verifiers, d.Address)
		res.Segments = append(res.Segments, splitSegmentDeploy{Verifier: d})
	}
	var err error
	if res.Registry, res.RegistryDeployed, err = deployOrParse(ctx, chain, "--registry", regFlag, "ZkmlRegistry", contracts.DeployRegistry, p); err != nil {
		return nil, err
	}
	cf := c.String("chain-contract")
	if cf == "" {
		cf = "new"
	}
	if res.Contract, res.ContractDeployed, err = deployOrParse(ctx, chain, "--chain-contract", cf, "ZkmlChain", contracts.DeployChainContract, p); err != nil {
		return nil, err
	}
	p.Stage(fmt.Sprintf("registering %d segments and their chain", len(segs)))
	reg, err := contracts.RegisterSplit(ctx, chain, res.Registry, res.Contract, s, verifiers)
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	for i, r := range reg.Segments {
		res.Segments[i].ModelID = hex32(r.ModelID)
	}
	res.ModelID = hex32(reg.ChainID)
	if reg.Receipt != nil {
		res.RegisterTx, res.RegisterGas = &reg.Receipt.TxHash, reg.Receipt.GasUsed
	}
	return res, nil
}

// deployOrParse deploys a contract (called name) with deploy when value is
// "new", and otherwise reads value as the address of the flag.
func deployOrParse(ctx context.Context, chain *contracts.Chain, flag, value, name string, deploy func(context.Context, *contracts.Chain) (*contracts.Receipt, error), p *progress) (common.Address, *deployResult, error) {
	if !strings.EqualFold(value, "new") {
		a, err := parseAddress(flag, value)
		return a, nil, err
	}
	p.Stage("deploying a " + name + " on " + chain.String())
	r, err := deploy(ctx, chain)
	if err != nil {
		p.Fail()
		return common.Address{}, nil, err
	}
	p.End()
	return r.Contract, &deployResult{Address: r.Contract, TxHash: r.TxHash, GasUsed: r.GasUsed, ChainID: chain.ChainID().String(), Embedded: chain.Embedded()}, nil
}

func (r *splitDeployResult) print(w io.Writer) {
	for i, s := range r.Segments {
		fmt.Fprintf(w, "segment %d: verifier %s (gas used %d), model id %s\n", i, s.Verifier.Address, s.Verifier.GasUsed, s.ModelID)
	}
	fmt.Fprintf(w, "registry:       %s", r.Registry)
	if d := r.RegistryDeployed; d != nil {
		fmt.Fprintf(w, " (deployed, gas used %d)", d.GasUsed)
	}
	fmt.Fprintf(w, "\nchain contract: %s", r.Contract)
	if d := r.ContractDeployed; d != nil {
		fmt.Fprintf(w, " (deployed, gas used %d)", d.GasUsed)
	}
	fmt.Fprintf(w, "\nmodel id:       %s (the chain of %d segments)\n", r.ModelID, len(r.Segments))
	if r.RegisterTx != nil {
		fmt.Fprintf(w, "registered:     tx %s, gas used %d\n", r.RegisterTx, r.RegisterGas)
	} else {
		fmt.Fprintln(w, "registered:     already")
	}
	if r.Embedded {
		fmt.Fprintln(w, "note: "+embeddedNote)
	}
}

// deploySplitAction is zkml deploy of a split build.
func deploySplitAction(c *cli.Context, dir string) error {
	ctx, cancel := commandContext()
	defer cancel()
	s, err := prover.OpenSplit(dir)
	if err != nil {
		return err
	}
	regFlag := c.String("registry")
	if regFlag == "" {
		if c.String("rpc") != "" {
			return fmt.Errorf("%s is a split build: its proofs are verified through a ZkmlRegistry and a ZkmlChain; pass --registry ADDRESS (or new)", dir)
		}
		regFlag = "new"
	}
	chain, err := openChain(ctx, c, true)
	if err != nil {
		return err
	}
	defer chain.Close()
	res, err := deploySplit(ctx, c, chain, s, regFlag, progressFor(c))
	if err != nil {
		return err
	}
	return output(c, res, func(w io.Writer) { res.print(w) })
}

// splitVerifyOnchainResult is verify-onchain of a chain proof.
type splitVerifyOnchainResult struct {
	Valid    bool           `json:"valid"`
	ChainID  string         `json:"chain_id"`
	Contract common.Address `json:"chain_contract"`
	ModelID  string         `json:"model_id"`
	Segments int            `json:"segments"`
	Gas      uint64         `json:"gas"`
	TxHash   *common.Hash   `json:"tx_hash,omitempty"`
	// InputKey is the key under which the chain's result is (or, for an
	// eth_call, would be) recorded.
	InputKey string             `json:"input_key"`
	Deployed *splitDeployResult `json:"deployed,omitempty"`
}

// verifyOnchainSplitAction is zkml verify-onchain of a split build and a
// chain proof: ZkmlChain.verifyChain, which checks every segment's proof
// through the registry and every link, in one call.
func verifyOnchainSplitAction(c *cli.Context, dir, proofPath string) error {
	ctx, cancel := commandContext()
	defer cancel()
	s, err := prover.OpenSplit(dir)
	if err != nil {
		return err
	}
	cp, err := prover.ReadChainProof(proofPath)
	if err != nil {
		return err
	}
	segs := s.Segments()
	if len(cp.Segments) != len(segs) {
		return reject(c, fmt.Errorf("%s: %d segment proofs for the %d segments of %s", proofPath, len(cp.Segments), len(segs), dir))
	}
	for i, p := range cp.Segments {
		if err := prover.CheckConsistent(segs[i], p); err != nil {
			return reject(c, fmt.Errorf("%s: segment %d: %w", proofPath, i, err))
		}
	}
	if c.String("address") != "" {
		return fmt.Errorf("%s is a split build: pass its ZkmlChain as --chain-contract, not --address", dir)
	}
	cf, idFlag := c.String("chain-contract"), c.String("model-id")
	known := cf != "" && !strings.EqualFold(cf, "new")
	if known != (idFlag != "") {
		return fmt.Errorf("a split build's chain is named by --chain-contract ADDRESS and --model-id ID together (zkml deploy %s prints both)", dir)
	}
	if !known && c.String("rpc") != "" {
		return fmt.Errorf("verify-onchain on an --rpc chain needs --chain-contract ADDRESS --model-id ID; it does not deploy (that spends gas): run `zkml deploy %s --rpc URL --registry new` once and pass what it prints", dir)
	}
	chain, err := openChain(ctx, c, !known || c.Bool("tx"))
	if err != nil {
		return err
	}
	defer chain.Close()
	p := progressFor(c)
	res := splitVerifyOnchainResult{ChainID: chain.ChainID().String(), Segments: len(segs)}
	var id [32]byte
	if known {
		if res.Contract, err = parseAddress("--chain-contract", cf); err != nil {
			return err
		}
		if id, err = parseHash32("--model-id", idFlag); err != nil {
			return err
		}
	} else {
		regFlag := c.String("registry")
		if regFlag == "" {
			regFlag = "new"
		}
		d, err := deploySplit(ctx, c, chain, s, regFlag, p)
		if err != nil {
			return err
		}
		res.Deployed, res.Contract = d, d.Contract
		if id, err = parseHash32("model id", d.ModelID); err != nil {
			return err
		}
	}
	res.ModelID = hex32(id)
	p.Stage(fmt.Sprintf("verifying the chain of %d proofs on %s", len(segs), chain))
	v, err := contracts.VerifyChainOnChain(ctx, chain, res.Contract, id, cp, c.Bool("tx"))
	if err != nil {
		p.Fail()
		if errors.Is(err, contracts.ErrRejected) {
			return reject(c, fmt.Errorf("%s: rejected on chain: %w", proofPath, err))
		}
		return err
	}
	p.End()
	res.Valid, res.Gas, res.TxHash, res.InputKey = true, v.Gas, v.TxHash, hex32(v.InputKey)
	return output(c, res, func(w io.Writer) {
		if d := res.Deployed; d != nil {
			d.print(w)
		}
		how := "eth_call"
		if v.TxHash != nil {
			how = "transaction " + v.TxHash.Hex()
		}
		fmt.Fprintf(w, "chain proof is valid on chain %s (ZkmlChain %s, %d segments and their links, %s)\n", res.ChainID, res.Contract, res.Segments, how)
		if v.TxHash != nil {
			fmt.Fprintf(w, "gas used: %d\nresult recorded under input key %s\n", v.Gas, res.InputKey)
		} else {
			fmt.Fprintf(w, "gas (estimated, as a transaction): %d\n", v.Gas)
		}
	})
}
