package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/contracts/bindings"
	"github.com/zkml/zkml/prover"
)

// The on-chain half of `zkml demo`: on the embedded chain, the verifier and
// a registry are deployed, the model registered, the proof verified through
// the registry, and the proven output read back by a consumer contract.

type demoChainResult struct {
	ChainID  string          `json:"chain_id"`
	Verifier *deployResult   `json:"verifier"`
	Registry *registryResult `json:"registry"`
	// The registry's verify, sent as a transaction.
	VerifyTx  common.Hash  `json:"verify_tx"`
	VerifyGas uint64       `json:"verify_gas"`
	Consumer  demoConsumer `json:"consumer"`
}

// demoConsumer is the ZkmlThresholdOracle of the demo: it reads output
// Index of the registry's result and decodes it as ZkmlFixedPoint does.
type demoConsumer struct {
	Address   common.Address `json:"address"`
	Output    string         `json:"output"` // the output tensor's name
	Index     int            `json:"index"`
	Threshold float64        `json:"threshold"`
	// Raw is the fixed-point integer the contract holds, Value it divided
	// by 2^Scale, Proven the proof file's value of the same output.
	Raw       string  `json:"raw"`
	Scale     int     `json:"scale"`
	Value     float64 `json:"value"`
	Proven    float64 `json:"proven"`
	Triggered bool    `json:"triggered"`
	SyncGas   uint64  `json:"sync_gas"`
}

// demoOnChain runs the on-chain steps on a fresh embedded chain. The
// verifier is zkml's generic one, whose bytecode ships with zkml, so that
// the demo needs no Solidity compiler.
func demoOnChain(ctx context.Context, build, proofPath string, p *progress) (*demoChainResult, error) {
	b, proof, err := openBuildAndProof(build, proofPath)
	if err != nil {
		return nil, err
	}
	chain := contracts.NewSimulated()
	defer chain.Close()
	res := &demoChainResult{ChainID: chain.ChainID().String()}
	d, err := contracts.DeployForBuild(ctx, chain, b, contracts.DeployOptions{Verifier: contracts.GenericVerifier, Progress: p.Stage})
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	res.Verifier = &deployResult{Address: d.Contract, TxHash: d.TxHash, GasUsed: d.GasUsed, CodeBytes: d.CodeBytes,
		ChainID: res.ChainID, Embedded: true, Generic: true}
	if res.Registry, err = registerBuild(ctx, chain, "new", b, d.Contract, p); err != nil {
		return nil, err
	}
	id, err := parseHash32("model id", res.Registry.ModelID)
	if err != nil {
		return nil, err
	}
	p.Stage("verifying the proof through the registry (transaction)")
	v, err := contracts.VerifyThroughRegistry(ctx, chain, res.Registry.Registry, id, proof, true)
	if err != nil {
		p.Fail()
		return nil, fmt.Errorf("%s: %w", proofPath, err)
	}
	p.End()
	res.VerifyTx, res.VerifyGas = *v.TxHash, v.Gas
	res.Registry.describe(v.Model)
	res.Registry.InputKey = "0x" + hex.EncodeToString(v.InputKey[:])
	p.Stage("reading the proven output back through a ZkmlThresholdOracle")
	if err := demoConsumerRead(ctx, chain, b, proof, res.Registry.Registry, id, v.InputKey, &res.Consumer); err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	return res, nil
}

// demoConsumerRead deploys a ZkmlThresholdOracle on output 0 of the model
// (threshold 0), has it read the result the registry recorded, and reads
// back what it decoded.
func demoConsumerRead(ctx context.Context, chain *contracts.Chain, b *prover.Build, proof *prover.Proof,
	registry common.Address, id, inputKey [32]byte, c *demoConsumer) error {
	if len(proof.Outputs) == 0 || len(proof.Outputs[0]) == 0 || len(proof.OutputScales) == 0 {
		return fmt.Errorf("the demo's proof shows no public output to read back")
	}
	oracle := bindings.NewZkmlThresholdOracle()
	k := b.Packing()
	// The demo's keys come from zkml's development setup: the oracle is
	// told to accept them (a real consumer would refuse them).
	args := oracle.PackConstructor(registry, id, big.NewInt(0), big.NewInt(0), uint8(k.Bits), uint8(k.PerWord), true)
	dep, err := chain.Deploy(ctx, append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin), args...))
	if err != nil {
		return fmt.Errorf("deploying the ZkmlThresholdOracle: %w", err)
	}
	r, err := chain.Transact(ctx, dep.Contract, oracle.PackSync(inputKey))
	if err != nil {
		return fmt.Errorf("ZkmlThresholdOracle.sync: %w", err)
	}
	out, err := chain.Call(ctx, dep.Contract, oracle.PackObservations(inputKey))
	if err != nil {
		return fmt.Errorf("ZkmlThresholdOracle.observations: %w", err)
	}
	obs, err := oracle.UnpackObservations(out)
	if err != nil {
		return fmt.Errorf("ZkmlThresholdOracle.observations: %w", err)
	}
	scale := proof.OutputScales[0]
	value, _ := new(big.Float).Quo(new(big.Float).SetInt(obs.Value), new(big.Float).SetFloat64(math.Ldexp(1, scale))).Float64()
	*c = demoConsumer{Address: dep.Contract, Index: 0, Raw: obs.Value.String(), Scale: scale, Value: value,
		Proven: proof.Outputs[0][0], Triggered: obs.Triggered, SyncGas: r.GasUsed}
	if len(proof.OutputNames) > 0 {
		c.Output = proof.OutputNames[0]
	}
	if value != c.Proven {
		return fmt.Errorf("the ZkmlThresholdOracle read %v (raw %s), but the proof's output is %v", value, c.Raw, c.Proven)
	}
	return nil
}

func (r *demoChainResult) print(w io.Writer) {
	fmt.Fprintf(w, "verifier: %s (zkml's generic verifier with the build's key, gas used %d)\n", r.Verifier.Address, r.Verifier.GasUsed)
	reg := r.Registry
	fmt.Fprintf(w, "registry: %s (ZkmlRegistry", reg.Registry)
	if reg.Deployed != nil {
		fmt.Fprintf(w, ", gas used %d", reg.Deployed.GasUsed)
	}
	fmt.Fprintf(w, ")\nmodel id: %s (registered, gas used %d)\n", reg.ModelID, reg.RegisterGas)
	fmt.Fprintf(w, "proof is valid on chain %s through the registry (transaction %s, gas used %d)\n", r.ChainID, r.VerifyTx.Hex(), r.VerifyGas)
	c := r.Consumer
	fmt.Fprintf(w, "consumer: ZkmlThresholdOracle %s read %s[%d] from the registry: raw %s / 2^%d = %v (the proof's output: %v); threshold %v reached: %v\n",
		c.Address, c.Output, c.Index, c.Raw, c.Scale, c.Value, c.Proven, c.Threshold, c.Triggered)
	reg.notes(w)
}

// zkmlCommand is how the user runs the binary that runs now: its path,
// when it is a built zkml, else "zkml" after `go install` (for `go run`
// and tests, whose binary does not stay).
func zkmlCommand() (cmd, install string) {
	exe, err := os.Executable()
	if err == nil && filepath.Base(exe) == "zkml" && !strings.Contains(exe, "go-build") {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, exe); err == nil && !strings.HasPrefix(rel, "..") {
				exe = "./" + rel
			}
		}
		return exe, ""
	}
	return "zkml", "go install ./cmd/zkml    # in the zkml repository: puts zkml on $PATH (or `make build`: bin/zkml)"
}
