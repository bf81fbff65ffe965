package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/prover"
)

// The on-chain commands: export-verifier, calldata, deploy, verify-onchain.

var (
	rpcFlag = &cli.StringFlag{
		Name:    "rpc",
		EnvVars: []string{"ZKML_RPC_URL"},
		Usage:   "JSON-RPC `URL` of the chain (default: an embedded chain that lives only while the command runs)",
	}
	privateKeyFlag = &cli.StringFlag{
		Name:    "private-key",
		EnvVars: []string{"ZKML_PRIVATE_KEY"},
		Usage:   "hex `KEY` of the account that pays (prefer $ZKML_PRIVATE_KEY: flags show in process lists); never printed",
	}
	chainIDFlag = &cli.Uint64Flag{
		Name:  "chain-id",
		Usage: "refuse to run unless the RPC's chain id is `ID`",
	}
)

const embeddedNote = "the embedded chain exists only while this command runs: for a chain that stays, run `zkml devnet` and pass --rpc http://127.0.0.1:8545"

func exportVerifierCommand() *cli.Command {
	return &cli.Command{
		Name:      "export-verifier",
		Usage:     "write the Solidity verifier of a build (for Foundry, Hardhat or solc)",
		ArgsUsage: "build/",
		Description: `Examples:
   zkml export-verifier build/ --out Verifier.sol
   zkml export-verifier build/ --foundry verifier/ --proof proof.json && cd verifier && forge test

The contract is gnark's verifier with the build's verifying key built in. Groth16 builds
give contract Verifier with verifyProof(bytes proof, uint256[n] input), which reverts
unless the proof is valid; PLONK builds give contract PlonkVerifier with
Verify(bytes proof, uint256[] public_inputs) returns (bool). ` + "`zkml calldata`" + ` prints the call.

With --foundry DIR it writes a Foundry project instead: foundry.toml (solc ` + contracts.SolcVersion + `, which
forge downloads, and zkml's compiler settings), src/Verifier.sol, test/ProofFixture.sol
(the --proof as Solidity constants) and test/Verifier.t.sol, whose tests check the proof
with plain calls, then that a changed public input and a changed proof are rejected.
Exporting again into the same folder replaces these files.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to `FILE` (default: standard output)"},
			&cli.StringFlag{Name: "foundry", Usage: "write a Foundry project into `DIR`: the verifier, and a test of the --proof"},
			&cli.StringFlag{Name: "proof", Usage: "the proof `FILE` the --foundry project's test checks"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/")
			if err != nil {
				return err
			}
			b, err := prover.Open(a[0])
			if err != nil {
				return err
			}
			v, err := contracts.NewVerifier(b)
			if err != nil {
				return err
			}
			if contracts.SpecializedTooLarge(v.Backend, v.PublicInputs) {
				// Written all the same: chains that lift EIP-170 take it.
				fmt.Fprintf(c.App.ErrWriter, "WARNING: %s has %d public inputs: this specialized %s verifier (gnark's template unrolls one ecMul per input) is over the %d-byte code limit of a contract (EIP-170) and cannot be deployed on Ethereum; deploy zkml's generic verifier instead: `zkml deploy %s --generic` (no solc needed; up to 2048 public inputs)\n",
					a[0], v.PublicInputs, v.Backend, contracts.MaxCodeSize, a[0])
			}
			if dir := c.String("foundry"); dir != "" || c.String("proof") != "" {
				return exportFoundry(c, a[0], b, v)
			}
			out := c.String("out")
			if out == "" || out == "-" {
				if c.Bool("json") {
					return errors.New("export-verifier: --json needs --out FILE (the contract goes to the file, the summary to standard output)")
				}
				_, err := c.App.Writer.Write(v.Source)
				return err
			}
			if err := os.WriteFile(out, v.Source, 0o644); err != nil {
				return err
			}
			res := exportResult{File: out, Backend: v.Backend, Contract: v.Contract, Function: verifierFunction(v), PublicInputs: v.PublicInputs,
				InsecureKeys: b.Settings().Setup.Insecure}
			return output(c, res, func(w io.Writer) {
				fmt.Fprintf(w, "wrote %s: contract %s, %s\n", out, v.Contract, res.Function)
				if res.InsecureKeys {
					fmt.Fprintln(w, insecureVerifierWarning)
				}
			})
		},
	}
}

const insecureVerifierWarning = "WARNING: the keys come from an insecure development setup: whoever knows its secret can forge proofs this contract accepts"

// exportFoundry is export-verifier --foundry DIR --proof FILE.
func exportFoundry(c *cli.Context, buildDir string, b *prover.Build, v *contracts.Verifier) error {
	dir, proofPath := c.String("foundry"), c.String("proof")
	switch {
	case dir == "":
		return errors.New("export-verifier: --proof is the fixture of a Foundry project: pass --foundry DIR too")
	case proofPath == "":
		return fmt.Errorf("export-verifier --foundry: pass --proof FILE, a proof of %s, for the project's test to check", buildDir)
	case c.String("out") != "":
		return errors.New("export-verifier: --out and --foundry exclude each other (the project holds the verifier as src/Verifier.sol)")
	}
	p, err := prover.ReadProof(proofPath)
	if err != nil {
		return err
	}
	files, err := contracts.FoundryFiles(v, b, p, proofPath)
	if err != nil {
		return fmt.Errorf("%s: %w", proofPath, err)
	}
	paths, err := contracts.WriteFoundry(dir, files)
	if err != nil {
		return err
	}
	res := exportResult{File: filepath.Join(dir, "src", v.File), Backend: v.Backend, Contract: v.Contract, Function: verifierFunction(v),
		PublicInputs: v.PublicInputs, InsecureKeys: b.Settings().Setup.Insecure, Foundry: dir, Files: paths}
	return output(c, res, func(w io.Writer) {
		fmt.Fprintf(w, "wrote a Foundry project in %s: contract %s, %s, and a test of %s\n", dir, v.Contract, res.Function, proofPath)
		fmt.Fprintf(w, "next: cd %s && forge test\n", dir)
		if res.InsecureKeys {
			fmt.Fprintln(w, insecureVerifierWarning)
		}
	})
}

type exportResult struct {
	File         string         `json:"file"`
	Backend      prover.Backend `json:"backend"`
	Contract     string         `json:"contract"`
	Function     string         `json:"function"`
	PublicInputs int            `json:"public_inputs"`
	InsecureKeys bool           `json:"insecure_keys"`
	// With --foundry: the project's folder and the files written.
	Foundry string   `json:"foundry,omitempty"`
	Files   []string `json:"files,omitempty"`
}

func verifierFunction(v *contracts.Verifier) string {
	if v.Backend == prover.PLONK {
		return "Verify(bytes,uint256[])"
	}
	return fmt.Sprintf("verifyProof(bytes,uint256[%d])", v.PublicInputs)
}

func calldataCommand() *cli.Command {
	return &cli.Command{
		Name:      "calldata",
		Usage:     "print the hex calldata that checks a proof with the build's deployed verifier, or through a ZkmlRegistry",
		ArgsUsage: "build/ proof.json",
		Description: `Examples:
   zkml calldata build/ proof.json
   cast call 0xVERIFIER $(zkml calldata build/ proof.json)
   zkml calldata build/ proof.json --registry 0xREGISTRY --model-id 0x50a9...87fb
   cast send 0xREGISTRY $(zkml calldata build/ proof.json --registry 0xREGISTRY --model-id 0x50a9...87fb)
   zkml calldata build/ proof.json --registry 0xREGISTRY --address 0xVERIFIER --rpc URL --json

Any Ethereum client can send the data, as an eth_call or a transaction. Without --registry it
calls the verifier itself: verifyProof(bytes,uint256[n]) for Groth16, Verify(bytes,uint256[])
for PLONK. With --registry (or --model-id) it calls the registry's
verify(bytes32 modelId, bytes proof, uint256[] publicInputs), which records the outputs as
the result of the proof's input (its input key, in --json) when sent as a transaction.

The model id is the one ` + "`zkml deploy --registry`" + ` printed: pass it with --model-id (no
chain access), or pass the verifier's --address and an RPC (--rpc, $ZKML_RPC_URL) and zkml
computes it from the verifier's code. A --model-id is checked against the build with the
registry when --registry ADDRESS and an RPC are given (another model's id is an error), and
noted as unchecked otherwise; --force-model-id skips both. Like verify, calldata
refuses (exit status 1) a proof file whose outputs are not its public inputs; it does not
check that the proof is valid, nor that the model is registered: the call does.

With --json it prints, next to the data, the call's arguments for clients that encode
the call themselves (ethers, viem, web3.py): proof, the proof's bytes as the verifiers
take them (0x hex), and public_inputs, decimal strings; examples/js in the repository
sends them to a registry with ethers.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "registry", Usage: "print the call of verify on the ZkmlRegistry at `ADDRESS` (shown as \"to\" in --json)"},
			modelIDFlag,
			&cli.StringFlag{Name: "address", Usage: "the verifier's `ADDRESS`: \"to\" in --json; with --registry and --rpc, the model id is computed from its code"},
			&cli.StringFlag{Name: "rpc", EnvVars: rpcFlag.EnvVars,
				Usage: "JSON-RPC `URL` of the verifier's chain, read only to compute the model id from --address (calldata needs no chain otherwise)"},
			forceModelIDFlag, chainIDFlag, jsonFlag,
		},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/", "proof.json")
			if err != nil {
				return err
			}
			b, p, err := openBuildAndProof(a[0], a[1])
			if err != nil {
				return err
			}
			// The contract checks the public inputs only: the outputs the
			// file shows must be theirs, as for verify.
			if err := prover.CheckConsistent(b, p); err != nil {
				return reject(c, err)
			}
			data, err := contracts.Calldata(b, p)
			if err != nil {
				return fmt.Errorf("%s: %w", a[1], err)
			}
			var res calldataResult
			if c.String("registry") != "" || c.String("model-id") != "" {
				res, err = registryCalldata(c, b, p, a[1])
				if err != nil {
					return err
				}
			} else {
				if s := c.String("address"); s != "" {
					to, err := parseAddress("--address", s)
					if err != nil {
						return err
					}
					res.To = &to
				}
				v := &contracts.Verifier{Backend: b.Backend(), PublicInputs: len(p.PublicInputs)}
				res.Function, res.Data = verifierFunction(v), "0x"+common.Bytes2Hex(data)
			}
			if res.Proof, res.PublicInputs, err = callArguments(p); err != nil {
				return fmt.Errorf("%s: %w", a[1], err)
			}
			return output(c, res, func(w io.Writer) { fmt.Fprintln(w, res.Data) })
		},
	}
}

type calldataResult struct {
	Function string          `json:"function"`
	To       *common.Address `json:"to,omitempty"` // the contract to send the data to, when given
	ModelID  string          `json:"model_id,omitempty"`
	// InputKey is the key the registry keeps the result under (--registry).
	InputKey string `json:"input_key,omitempty"`
	Data     string `json:"data"`
	// Proof and PublicInputs are the call's two arguments for a client that
	// encodes the call itself (ethers, viem, cast): the proof's bytes in the
	// verifiers' layout (0x hex) and the public inputs (decimal strings).
	Proof        string   `json:"proof"`
	PublicInputs []string `json:"public_inputs"`
}

// callArguments are the proof bytes and the public inputs of p as calldata
// --json shows them.
func callArguments(p *prover.Proof) (string, []string, error) {
	raw, err := p.SolidityCalldata()
	if err != nil {
		return "", nil, err
	}
	public := make([]string, len(p.PublicInputs))
	for i, v := range p.PublicInputs {
		public[i] = v.String()
	}
	return "0x" + hex.EncodeToString(raw), public, nil
}

func openBuildAndProof(dir, proofPath string) (*prover.Build, *prover.Proof, error) {
	b, err := prover.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	p, err := prover.ReadProof(proofPath)
	if err != nil {
		return nil, nil, err
	}
	return b, p, nil
}

func deployCommand() *cli.Command {
	return &cli.Command{
		Name:      "deploy",
		Usage:     "compile the build's verifier and deploy it; prints its address",
		ArgsUsage: "build/",
		Description: `Example:
   zkml devnet &                      # or any chain: --rpc URL, $ZKML_RPC_URL
   zkml deploy build/ --rpc http://127.0.0.1:8545 --private-key ac09...ff80

Without --rpc the verifier goes to an embedded chain that exists only while the command
runs (useful to measure gas); ` + "`zkml verify-onchain`" + ` without --address deploys and
verifies in one go. The verifier is compiled with solc ` + contracts.SolcVersion + `: a native solc of that
version on $PATH, else solcjs from $ZKML_SOLCJS or the repository's .tools/ (` + "`make tools`" + `
installs it); deploy prints which.

With --registry new, a ZkmlRegistry is deployed too (its bytecode ships with zkml) and the
model registered in it; --registry ADDRESS registers the model in an existing one. Contracts
then verify proofs through the registry and read from it the outputs proven for an input.
The registry records whether the keys come from a development setup (zkml setup's own:
anyone who ran it can forge proofs), and how many public inputs are the model's input: 0
for a private input, whose single result anyone can overwrite with a proof of any input.

With --generic no compiler is needed: zkml deploys its generic Groth16 verifier (bytecode
shipped with zkml) with the build's verifying key as constructor data. It takes the same
calldata as the specialized verifier, checks the same proofs (Groth16 with or without the
BSB22 commitment of lookup range checks; PLONK builds get zkml's generic PLONK verifier)
and costs 0.2 to 2% more gas per verification, but less to deploy. When solc is not
installed, or when the model has so many outputs that the specialized verifier exceeds the
24,576-byte code limit of a contract (from about 255 public inputs), the generic verifier is
deployed automatically, with a note on stderr; --generic=false insists on the specialized
verifier (and fails without solc, or over the limit). The generic verifier takes up to 2,048
public inputs: a key of over 382 is spread over several data contracts, one transaction each.

A split build (zkml compile --max-constraints or --shards) gets a verifier per segment, each
segment registered in a ZkmlRegistry (--registry: required with --rpc, new by default on the
embedded chain), and a ZkmlChain (deployed, or --chain-contract ADDRESS) that registers the
chain of the segments' model ids: deploy prints the chain contract and the chain's model id,
which verify-onchain takes as --chain-contract and --model-id.`,
		Flags: []cli.Flag{rpcFlag, privateKeyFlag, chainIDFlag, registryFlag, genericFlag, chainContractFlag, jsonFlag, quietFlag},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/")
			if err != nil {
				return err
			}
			if prover.IsSplit(a[0]) {
				return deploySplitAction(c, a[0])
			}
			if c.IsSet("chain-contract") {
				return fmt.Errorf("--chain-contract: %s is not a split build (zkml compile --max-constraints or --shards)", a[0])
			}
			ctx, cancel := commandContext()
			defer cancel()
			b, err := prover.Open(a[0])
			if err != nil {
				return err
			}
			chain, err := openChain(ctx, c, true)
			if err != nil {
				return err
			}
			defer chain.Close()
			p := progressFor(c)
			res, err := deployBuildVerifier(ctx, c, chain, b, p)
			if err != nil {
				return err
			}
			if r := c.String("registry"); r != "" {
				if res.Registry, err = registerBuild(ctx, chain, r, b, res.Address, p); err != nil {
					return err
				}
			}
			return output(c, res, func(w io.Writer) {
				fmt.Fprintf(w, "verifier: %s\n", res.Address)
				fmt.Fprintf(w, "chain:    %s (chain id %s)\n", chain, chain.ChainID())
				fmt.Fprintf(w, "tx:       %s\n", res.TxHash)
				fmt.Fprintf(w, "gas used: %d (code %d bytes)\n", res.GasUsed, res.CodeBytes)
				if res.Compiler != "" {
					fmt.Fprintf(w, "compiler: %s\n", res.Compiler)
				}
				if r := res.Registry; r != nil {
					fmt.Fprintf(w, "registry: %s", r.Registry)
					if r.Deployed != nil {
						fmt.Fprintf(w, " (deployed, tx %s, gas used %d)", r.Deployed.TxHash, r.Deployed.GasUsed)
					}
					fmt.Fprintf(w, "\nmodel id: %s\n", r.ModelID)
					if r.RegisterTx != nil {
						fmt.Fprintf(w, "registered: tx %s, gas used %d\n", r.RegisterTx, r.RegisterGas)
					} else {
						fmt.Fprintf(w, "registered: already, with verifier %s (same code)\n", r.Verifier)
					}
					r.notes(w)
				}
				if res.Embedded {
					fmt.Fprintln(w, "note: "+embeddedNote)
				}
			})
		},
	}
}

type deployResult struct {
	Address   common.Address `json:"address"`
	TxHash    common.Hash    `json:"tx_hash"`
	GasUsed   uint64         `json:"gas_used"`
	CodeBytes int            `json:"code_bytes"`
	ChainID   string         `json:"chain_id"`
	Embedded  bool           `json:"embedded_chain"`
	Generic   bool           `json:"generic,omitempty"` // zkml's generic verifier, not a compiled one
	// Compiler is the solc that compiled the verifier and where it was found.
	Compiler string          `json:"compiler,omitempty"`
	Registry *registryResult `json:"registry,omitempty"`
}

var genericFlag = &cli.BoolFlag{Name: "generic", Usage: "deploy zkml's precompiled generic verifier (Groth16 or PLONK) with the build's key (no solc needed; the default when solc is not installed, --generic=false to refuse it)"}

// deployBuildVerifier deploys b's verifier as contracts.DeployForBuild
// chooses: --generic asks for the generic verifier, --generic=false for the
// specialized one, and without the flag the generic one replaces the
// specialized one when solc is missing or the contract would be too large,
// with a note on stderr.
func deployBuildVerifier(ctx context.Context, c *cli.Context, chain *contracts.Chain, b *prover.Build, p *progress) (*deployResult, error) {
	choice := contracts.AnyVerifier
	if c.IsSet("generic") {
		choice = contracts.SpecializedVerifier
		if c.Bool("generic") {
			choice = contracts.GenericVerifier
		}
	}
	d, err := contracts.DeployForBuild(ctx, chain, b, contracts.DeployOptions{Verifier: choice, Progress: p.Stage})
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	if d.Fallback != "" {
		fmt.Fprintf(c.App.ErrWriter, "zkml: %s; --generic=false to refuse\n", d.Fallback)
	}
	return &deployResult{Address: d.Contract, TxHash: d.TxHash, GasUsed: d.GasUsed, CodeBytes: d.CodeBytes,
		ChainID: chain.ChainID().String(), Embedded: chain.Embedded(), Generic: d.Generic, Compiler: d.Compiler}, nil
}

func verifyOnchainCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify-onchain",
		Usage:     "check a proof with the verifier contract: eth_call, or a transaction with --tx",
		ArgsUsage: "build/ proof.json",
		Description: `Examples:
   zkml verify-onchain build/ proof.json                      # embedded chain: deploys, then verifies
   zkml deploy build/ --rpc URL --registry new                # a real chain: deploy once ...
   zkml verify-onchain build/ proof.json --rpc http://127.0.0.1:8545 --address 0x5FbD...
   zkml verify-onchain build/ proof.json --rpc URL --address 0x.. --tx   # pays; prints gas used
   zkml verify-onchain build/ proof.json --rpc URL --address 0x.. --registry 0x.. --tx
                                          # through a ZkmlRegistry: records the outputs
                                          # as the result of the proof's input

On the embedded chain (no --rpc), a verifier is deployed first when --address is not given (see
` + "`zkml deploy`" + `; --generic as there), and --registry new deploys a registry too. On an --rpc
chain, verify-onchain deploys nothing, so that a check spends no gas it was not asked to:
pass the verifier's --address, or --registry ADDRESS with --model-id (` + "`zkml deploy`" + ` prints
both). The
proof file's outputs must be what its public inputs prove, as for ` + "`zkml verify`" + `. Exits 1
when the proof is rejected, printing the contract's reason (with --json, {"valid": false,
"reason": ...} on stdout), and 2 on any other error.

For a split build, proof.json is the chain proof of zkml prove, and the ZkmlChain checks every
segment's proof (through the registry) and every link in one call: on the embedded chain,
everything is deployed first (as zkml deploy does); on an --rpc chain, pass the
--chain-contract and --model-id that zkml deploy printed.`,
		Flags: []cli.Flag{
			rpcFlag, privateKeyFlag, chainIDFlag,
			&cli.StringFlag{Name: "address", Usage: "the verifier's `ADDRESS` (needed with --rpc, unless --registry and --model-id; default on the embedded chain: deploy one first)"},
			&cli.BoolFlag{Name: "tx", Usage: "send a transaction (needs a funded --private-key) instead of an eth_call"},
			registryFlag, modelIDFlag, genericFlag, chainContractFlag,
			jsonFlag, quietFlag,
		},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/", "proof.json")
			if err != nil {
				return err
			}
			if prover.IsSplit(a[0]) {
				return verifyOnchainSplitAction(c, a[0], a[1])
			}
			if c.IsSet("chain-contract") {
				return fmt.Errorf("--chain-contract: %s is not a split build (zkml compile --max-constraints or --shards)", a[0])
			}
			ctx, cancel := commandContext()
			defer cancel()
			b, p, err := openBuildAndProof(a[0], a[1])
			if err != nil {
				return err
			}
			// The contract checks the public inputs only: the outputs the
			// file shows must be theirs, as for verify.
			if err := prover.CheckConsistent(b, p); err != nil {
				return reject(c, err)
			}
			var addr common.Address
			if s := c.String("address"); s != "" {
				if !common.IsHexAddress(s) {
					return fmt.Errorf("--address %q is not an address (0x and 40 hexadecimal digits)", s)
				}
				addr = common.HexToAddress(s)
			}
			regFlag := c.String("registry")
			if regFlag != "" && !strings.EqualFold(regFlag, "new") && c.String("model-id") != "" {
				// A known registry and model: only the registry is needed.
				return verifyThroughRegistry(ctx, c, b, p, a[1], regFlag)
			}
			deploying := addr == (common.Address{})
			if err := noDeployOnRPC(c, deploying); err != nil {
				return err
			}
			chain, err := openChain(ctx, c, deploying || c.Bool("tx"))
			if err != nil {
				return err
			}
			defer chain.Close()
			prog := progressFor(c)
			res := verifyOnchainResult{ChainID: chain.ChainID().String()}
			if deploying {
				d, err := deployBuildVerifier(ctx, c, chain, b, prog)
				if err != nil {
					return err
				}
				addr, res.Deployed = d.Address, d
			}
			if regFlag != "" {
				return registryVerify(ctx, c, chain, b, p, a[1], addr, deploying, res, prog)
			}
			prog.Stage("verifying on " + chain.String())
			v, err := contracts.VerifyOnChain(ctx, chain, addr, b, p, c.Bool("tx"))
			if err != nil {
				prog.Fail()
				if errors.Is(err, contracts.ErrRejected) {
					return reject(c, fmt.Errorf("%s: rejected on chain: %w", a[1], err))
				}
				return err
			}
			prog.End()
			res.Valid, res.Verifier, res.Gas, res.TxHash = true, v.Verifier, v.Gas, v.TxHash
			return output(c, res, func(w io.Writer) {
				how := "eth_call"
				if v.TxHash != nil {
					how = "transaction " + v.TxHash.Hex()
				}
				fmt.Fprintf(w, "proof is valid on chain %s (verifier %s, %s)\n", res.ChainID, v.Verifier, how)
				if v.TxHash != nil {
					fmt.Fprintf(w, "gas used: %d\n", v.Gas)
				} else {
					fmt.Fprintf(w, "gas (estimated, as a transaction): %d\n", v.Gas)
				}
			})
		},
	}
}

type verifyOnchainResult struct {
	Valid    bool           `json:"valid"`
	ChainID  string         `json:"chain_id"`
	Verifier common.Address `json:"verifier"`
	Gas      uint64         `json:"gas"`
	TxHash   *common.Hash   `json:"tx_hash,omitempty"`
	Deployed *deployResult  `json:"deployed,omitempty"`
	// Set when the proof went through a registry.
	Registry *registryResult `json:"registry,omitempty"`
}

// noDeployOnRPC refuses to deploy on an --rpc chain: verify-onchain
// checks a deployed verifier or registry there, and spends gas only on
// the verification it is asked to send (--tx). Deploying is zkml deploy's
// job; the embedded chain, which lives only while the command runs, may
// still deploy in-process.
func noDeployOnRPC(c *cli.Context, deploying bool) error {
	if c.String("rpc") == "" {
		return nil
	}
	deploy := "zkml deploy " + c.Args().First()
	if strings.EqualFold(c.String("registry"), "new") {
		return fmt.Errorf("--registry new: verify-onchain does not deploy on an --rpc chain (that spends gas): run `%s --registry new` once, then pass --registry ADDRESS --model-id ID as it prints them", deploy)
	}
	if deploying {
		if c.String("registry") != "" {
			return fmt.Errorf("--registry: pass the model's --model-id (or the verifier's --address to compute it); verify-onchain does not deploy on an --rpc chain (that spends gas): `%s --registry ADDRESS` registers the model and prints its id", deploy)
		}
		return fmt.Errorf("verify-onchain on an --rpc chain needs the verifier's --address (or --registry ADDRESS --model-id ID); it does not deploy one (that spends gas): run `%s` once and pass the address it prints", deploy)
	}
	return nil
}

// openChain connects to --rpc, or starts the embedded chain. needKey says
// the command will send transactions.
func openChain(ctx context.Context, c *cli.Context, needKey bool) (*contracts.Chain, error) {
	url := c.String("rpc")
	want := c.Uint64("chain-id")
	if url == "" {
		// The embedded chain pays with its funded dev account; a key meant
		// for a real chain ($ZKML_PRIVATE_KEY) has no funds there.
		if want != 0 && want != contracts.SimulatedChainID {
			return nil, fmt.Errorf("--chain-id %d: the embedded chain is chain %d; pass --rpc to use another chain", want, contracts.SimulatedChainID)
		}
		return contracts.NewSimulated(), nil
	}
	var key *ecdsa.PrivateKey
	if s := c.String("private-key"); s != "" {
		k, err := contracts.ParsePrivateKey(s)
		if err != nil {
			return nil, fmt.Errorf("--private-key / $ZKML_PRIVATE_KEY: %w", err)
		}
		key = k
	} else if needKey {
		return nil, fmt.Errorf("%s sends a transaction on the --rpc chain: pass --private-key or set $ZKML_PRIVATE_KEY", c.Command.Name)
	}
	return contracts.Dial(ctx, url, key, want)
}

// commandContext bounds a command's chain work and stops it on Ctrl-C.
func commandContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	return ctx, func() { cancel(); stop() }
}
