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

// The registry options of deploy and verify-onchain.

var (
	registryFlag = &cli.StringFlag{
		Name: "registry",
		Usage: "register the model in the ZkmlRegistry at `ADDRESS` (deploy), or verify through it (verify-onchain); " +
			"\"new\" deploys a registry first (its bytecode ships with zkml: no compiler needed)",
	}
	modelIDFlag = &cli.StringFlag{
		Name:  "model-id",
		Usage: "the registry's `ID` of the model (default: computed from the build and the verifier at --address)",
	}
)

type registryResult struct {
	Registry    common.Address `json:"registry"`
	Deployed    *deployResult  `json:"deployed,omitempty"` // set when the registry was deployed by this command
	ModelID     string         `json:"model_id"`
	BuildHash   string         `json:"build_hash"`
	Verifier    common.Address `json:"verifier"`              // the registered verifier (an earlier deployment when registered before)
	RegisterTx  *common.Hash   `json:"register_tx,omitempty"` // nil: the model was registered before
	RegisterGas uint64         `json:"register_gas,omitempty"`
	// What the registry records of the model: the number of leading public
	// inputs that are its input part (0: private, one result per model that
	// anyone can overwrite) and its setup kind ("development" or "ceremony").
	Inputs int    `json:"input_public_inputs"`
	Setup  string `json:"setup,omitempty"`
	// InputKey is the key the result of the proof is stored under.
	InputKey string `json:"input_key,omitempty"`
}

// describe fills in what the registry says of the model.
func (r *registryResult) describe(m *contracts.RegisteredModel) {
	r.Inputs, r.Setup = m.Inputs, m.Setup.String()
}

// notes prints what a consumer of the model's results must know.
func (r *registryResult) notes(w io.Writer) {
	if r.Setup == contracts.SetupDevelopment.String() {
		fmt.Fprintln(w, "setup:    development (recorded on chain): whoever ran the setup can forge proofs; consumers should refuse the model (ZkmlThresholdOracle does unless told to accept it)")
	}
	if r.Inputs == 0 {
		fmt.Fprintln(w, "input:    private: the registry keeps one result for the model, which anyone can overwrite with a proof of any input")
	} else {
		fmt.Fprintf(w, "input:    proven (%d public inputs): results are kept per input\n", r.Inputs)
	}
}

// registerBuild deploys a registry when asked ("new") and registers b with
// its verifier at verifier.
func registerBuild(ctx context.Context, chain *contracts.Chain, flag string, b *prover.Build, verifier common.Address, p *progress) (*registryResult, error) {
	res := &registryResult{}
	if strings.EqualFold(flag, "new") {
		p.Stage("deploying a ZkmlRegistry on " + chain.String())
		r, err := contracts.DeployRegistry(ctx, chain)
		if err != nil {
			p.Fail()
			return nil, err
		}
		res.Registry = r.Contract
		res.Deployed = &deployResult{Address: r.Contract, TxHash: r.TxHash, GasUsed: r.GasUsed, CodeBytes: 0, ChainID: chain.ChainID().String()}
	} else {
		a, err := parseAddress("--registry", flag)
		if err != nil {
			return nil, err
		}
		res.Registry = a
	}
	p.Stage("registering the model")
	reg, err := contracts.RegisterModel(ctx, chain, res.Registry, b, verifier)
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	res.Verifier = reg.Verifier
	res.ModelID, res.BuildHash = "0x"+hex.EncodeToString(reg.ModelID[:]), "0x"+hex.EncodeToString(reg.BuildHash[:])
	m, err := contracts.ModelInfo(ctx, chain, res.Registry, reg.ModelID)
	if err != nil {
		return nil, err
	}
	res.describe(m)
	if reg.Receipt != nil {
		res.RegisterTx, res.RegisterGas = &reg.Receipt.TxHash, reg.Receipt.GasUsed
	}
	return res, nil
}

func parseAddress(flag, s string) (common.Address, error) {
	if !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("%s %q is not an address (0x and 40 hexadecimal digits)", flag, s)
	}
	return common.HexToAddress(s), nil
}

func parseHash32(flag, s string) ([32]byte, error) {
	var h [32]byte
	if s == "" {
		return h, nil
	}
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
	if err != nil || len(b) != 32 {
		return h, fmt.Errorf("%s %q is not 32 bytes in hex (0x and 64 hexadecimal digits)", flag, s)
	}
	return [32]byte(b), nil
}

// modelIDFor is the model id of b in a registry: --model-id, or computed
// from the verifier deployed at verifier.
func modelIDFor(ctx context.Context, c *cli.Context, chain *contracts.Chain, b *prover.Build, verifier common.Address) ([32]byte, error) {
	if s := c.String("model-id"); s != "" {
		return parseHash32("--model-id", s)
	}
	if verifier == (common.Address{}) {
		return [32]byte{}, fmt.Errorf("--registry: pass --model-id, or the verifier's --address to compute it")
	}
	code, err := chain.CodeAt(ctx, verifier)
	if err != nil {
		return [32]byte{}, err
	}
	if len(code) == 0 {
		return [32]byte{}, fmt.Errorf("no contract at the verifier address %s on %s: check --address", verifier, chain)
	}
	return contracts.BuildModelID(b, code)
}

// verifyThroughRegistry is verify-onchain --registry ADDRESS --model-id ID.
func verifyThroughRegistry(ctx context.Context, c *cli.Context, b *prover.Build, p *prover.Proof, proofPath, regFlag string) error {
	registry, err := parseAddress("--registry", regFlag)
	if err != nil {
		return err
	}
	if _, err := contracts.Calldata(b, p); err != nil {
		return fmt.Errorf("%s: %w", proofPath, err)
	}
	chain, err := openChain(ctx, c, c.Bool("tx"))
	if err != nil {
		return err
	}
	defer chain.Close()
	res := verifyOnchainResult{ChainID: chain.ChainID().String(), Registry: &registryResult{Registry: registry}}
	return finishRegistryVerify(ctx, c, chain, b, p, proofPath, registry, &res, progressFor(c))
}

// registryVerify is verify-onchain --registry with a verifier at addr or
// deployed by this command.
func registryVerify(ctx context.Context, c *cli.Context, chain *contracts.Chain, b *prover.Build, p *prover.Proof, proofPath string,
	addr common.Address, deployed bool, res verifyOnchainResult, prog *progress) error {
	regFlag := c.String("registry")
	if deployed || strings.EqualFold(regFlag, "new") {
		r, err := registerBuild(ctx, chain, regFlag, b, addr, prog)
		if err != nil {
			return err
		}
		res.Registry = r
		return finishRegistryVerify(ctx, c, chain, b, p, proofPath, r.Registry, &res, prog)
	}
	registry, err := parseAddress("--registry", regFlag)
	if err != nil {
		return err
	}
	id, err := modelIDFor(ctx, c, chain, b, addr)
	if err != nil {
		return err
	}
	res.Registry = &registryResult{Registry: registry, ModelID: "0x" + hex.EncodeToString(id[:])}
	return finishRegistryVerify(ctx, c, chain, b, p, proofPath, registry, &res, prog)
}

func finishRegistryVerify(ctx context.Context, c *cli.Context, chain *contracts.Chain, b *prover.Build, p *prover.Proof, proofPath string,
	registry common.Address, res *verifyOnchainResult, prog *progress) error {
	if res.Registry.ModelID == "" {
		if s := c.String("model-id"); s != "" {
			res.Registry.ModelID = s
		}
	}
	id, err := parseHash32("--model-id", res.Registry.ModelID)
	if err != nil {
		return err
	}
	prog.Stage("verifying through the registry on " + chain.String())
	v, err := contracts.VerifyThroughRegistry(ctx, chain, registry, id, p, c.Bool("tx"))
	if err != nil {
		prog.Fail()
		if errors.Is(err, contracts.ErrRejected) {
			return reject(c, fmt.Errorf("%s: rejected on chain: %w", proofPath, err))
		}
		return err
	}
	prog.End()
	// The verifier that checked the proof is the model's, as the registry
	// has it; the registry's own address is registry.registry.
	res.Valid, res.Verifier, res.Gas, res.TxHash = true, v.Model.Verifier, v.Gas, v.TxHash
	res.Registry.Verifier = v.Model.Verifier
	if res.Registry.BuildHash == "" {
		h, err := contracts.BuildHash(b)
		if err != nil {
			return err
		}
		res.Registry.BuildHash = "0x" + hex.EncodeToString(h[:])
	}
	res.Registry.describe(v.Model)
	res.Registry.InputKey = "0x" + hex.EncodeToString(v.InputKey[:])
	return output(c, res, func(w io.Writer) {
		how := "eth_call"
		if v.TxHash != nil {
			how = "transaction " + v.TxHash.Hex()
		}
		fmt.Fprintf(w, "proof is valid on chain %s (registry %s, model %s, %s)\n", res.ChainID, registry, res.Registry.ModelID, how)
		if v.TxHash != nil {
			fmt.Fprintf(w, "gas used: %d (the outputs are now the model's result for input key %s in the registry)\n", v.Gas, res.Registry.InputKey)
		} else {
			fmt.Fprintf(w, "gas (estimated, as a transaction): %d\n", v.Gas)
		}
		res.Registry.notes(w)
	})
}

// registryCalldata is calldata --registry / --model-id: the data of the
// registry's verify(modelId, proof, publicInputs), for a
// client other than zkml to send.
func registryCalldata(c *cli.Context, b *prover.Build, p *prover.Proof, proofPath string) (calldataResult, error) {
	var res calldataResult
	if s := c.String("registry"); s != "" {
		if strings.EqualFold(s, "new") {
			return res, errors.New("--registry new: calldata is sent to a deployed registry: pass its ADDRESS (`zkml deploy build/ --registry new` deploys one and prints it)")
		}
		to, err := parseAddress("--registry", s)
		if err != nil {
			return res, err
		}
		res.To = &to
	}
	id, err := calldataModelID(c, b)
	if err != nil {
		return res, err
	}
	data, err := contracts.RegistryCalldata(id, p)
	if err != nil {
		return res, fmt.Errorf("%s: %w", proofPath, err)
	}
	key, err := contracts.ProofInputKey(b, p)
	if err != nil {
		return res, fmt.Errorf("%s: %w", proofPath, err)
	}
	res.InputKey = "0x" + hex.EncodeToString(key[:])
	res.Function = contracts.RegistryVerifyFunction()
	res.ModelID, res.Data = "0x"+hex.EncodeToString(id[:]), "0x"+hex.EncodeToString(data)
	return res, nil
}

// calldataModelID is --model-id, offline, or the id of the build with the
// verifier at --address, whose code hash is read from the --rpc chain (the
// embedded chain would hold no verifier).
func calldataModelID(c *cli.Context, b *prover.Build) ([32]byte, error) {
	var verifier common.Address
	if s := c.String("address"); s != "" {
		a, err := parseAddress("--address", s)
		if err != nil {
			return [32]byte{}, err
		}
		verifier = a
	}
	if s := c.String("model-id"); s != "" {
		id, err := parseHash32("--model-id", s)
		if err != nil {
			return id, err
		}
		return id, checkCalldataModelID(c, b, id)
	}
	if verifier == (common.Address{}) {
		return [32]byte{}, errors.New("the registry's calldata needs the model id: pass --model-id 0x.. (as `zkml deploy --registry` printed it), or the verifier's --address and --rpc URL to compute it")
	}
	if c.String("rpc") == "" {
		return [32]byte{}, errors.New("--address: the model id is computed from the verifier's code on its chain: pass --rpc URL (or set $ZKML_RPC_URL), or pass --model-id 0x..")
	}
	ctx, cancel := commandContext()
	defer cancel()
	chain, err := openChain(ctx, c, false)
	if err != nil {
		return [32]byte{}, err
	}
	defer chain.Close()
	return modelIDFor(ctx, c, chain, b, verifier)
}

var forceModelIDFlag = &cli.BoolFlag{Name: "force-model-id", Usage: "use --model-id as given, without checking that it is the build's model"}

// checkCalldataModelID checks that id is the model of b. The id hashes the
// build with its verifier's code, so it is checked where the registry is:
// with --registry ADDRESS and --rpc, the registry's verifier of id must
// have b's model id. Offline, calldata says that it could not check.
func checkCalldataModelID(c *cli.Context, b *prover.Build, id [32]byte) error {
	if c.Bool("force-model-id") {
		return nil
	}
	reg := c.String("registry")
	if reg == "" || c.String("rpc") == "" {
		fmt.Fprintf(c.App.ErrWriter, "zkml: note: --model-id is not checked against %s offline: pass --registry ADDRESS and --rpc URL to check it with the registry, or --force-model-id to skip this note\n", b.Dir())
		return nil
	}
	registry, err := parseAddress("--registry", reg)
	if err != nil {
		return err
	}
	ctx, cancel := commandContext()
	defer cancel()
	chain, err := openChain(ctx, c, false)
	if err != nil {
		return err
	}
	defer chain.Close()
	m, err := contracts.ModelInfo(ctx, chain, registry, id)
	if err != nil {
		return fmt.Errorf("--model-id 0x%x: %w", id, err)
	}
	code, err := chain.CodeAt(ctx, m.Verifier)
	if err != nil {
		return err
	}
	want, err := contracts.BuildModelID(b, code)
	if err != nil {
		return err
	}
	if want != id {
		return fmt.Errorf("--model-id 0x%x is another model's: with its verifier %s, the model of %s would be 0x%x; pass the id `zkml deploy %s --registry` printed (or --force-model-id to send it anyway)",
			id, m.Verifier, b.Dir(), want, b.Dir())
	}
	return nil
}
