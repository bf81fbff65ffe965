// Command gas measures what zkml's contracts cost on chain and writes
// bench/GAS.md: for each model, the deployment of its specialized verifier,
// a verification through it, the registration in a ZkmlRegistry and a
// verification through the registry, for Groth16 with and without the BSB22
// commitment and for PLONK; and zkml's generic verifier of each (the
// verifying key as constructor data): its deployment, a verification
// through it and through the registry. Run it from the repository root after `make
// tools` (the verifiers are compiled with solcjs):
//
//	go run ./bench/cmd/gas
//
// The chain is zkml's embedded chain (go-ethereum's simulated backend with
// mainnet's Osaka rules), so the figures are mainnet gas.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

var (
	out    = flag.String("out", "bench/GAS.md", "file to write")
	models = flag.String("models", "1l_mlp,accuracy,4l_relu_conv_fc,1l_sigmoid", "comma-separated models of ../shared/models")
	shared = flag.String("shared", "../shared/models", "the shared models folder")
)

type variant struct {
	name     string
	backend  prover.Backend
	bits     bool
	unpacked bool // one public input per output element (zkml compile --pack-outputs=false)
	auto     bool // --range-checks auto, zkml compile's default
}

var variants = []variant{
	{"Groth16, default flags (--range-checks auto)", prover.Groth16, false, false, true},
	{"Groth16, lookup range checks", prover.Groth16, false, false, false},
	{"Groth16, bit-decomposition range checks", prover.Groth16, true, false, false},
	{"Groth16, bit-decomposition range checks, outputs not packed", prover.Groth16, true, true, false},
	{"PLONK", prover.PLONK, false, false, false},
}

type row struct {
	model, variant     string
	outputs, codeBytes int
	publicInputs       int
	deploy, verify     uint64 // specialized verifier
	register           uint64
	regFirst, regLater uint64 // verification through the registry: first result of the model, a later one
	generic            *genericRow
}

// genericRow is the generic verifier with the same build's key.
type genericRow struct {
	codeBytes          int
	deploy, verify     uint64
	regFirst, regLater uint64
}

func main() {
	flag.Parse()
	log.SetFlags(0)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	solc, err := contracts.FindSolc()
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "zkml-gas")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	chain := contracts.NewSimulated()
	defer chain.Close()
	regDep, err := contracts.DeployRegistry(ctx, chain)
	if err != nil {
		log.Fatal(err)
	}
	registry := regDep.Contract

	var rows []row
	for _, m := range strings.Split(*models, ",") {
		for _, v := range variants {
			log.Printf("%s: %s", m, v.name)
			r, err := measure(ctx, chain, solc, registry, tmp, m, v)
			if err != nil {
				log.Fatalf("%s, %s: %v", m, v.name, err)
			}
			rows = append(rows, r)
		}
	}
	if err := os.WriteFile(*out, []byte(report(rows, regDep.GasUsed)), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}

func measure(ctx context.Context, chain *contracts.Chain, solc *contracts.Solc, registry [20]byte, tmp, model string, v variant) (row, error) {
	r := row{model: model, variant: v.name}
	dir := filepath.Join(*shared, model)
	path := filepath.Join(dir, "network.onnx")
	g, err := onnx.Load(path, nil)
	if err != nil {
		return r, err
	}
	ref, err := modelio.ReadReference(filepath.Join(dir, "reference.json"))
	if err != nil {
		return r, err
	}
	if len(ref.Cases) < 2 {
		return r, fmt.Errorf("reference.json has %d cases, the recorder proves two", len(ref.Cases))
	}
	sample, err := modelio.ReadInputFile(filepath.Join(dir, "input.json"))
	if err != nil {
		return r, err
	}
	cal, err := quantize.Calibrate(g, [][][]float64{sample})
	if err != nil {
		return r, err
	}
	pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
	if err != nil {
		return r, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	sum := sha256.Sum256(data)
	var opts []prover.Option
	if v.bits {
		opts = append(opts, prover.WithBitDecompositionRangeChecks())
	}
	if v.unpacked {
		opts = append(opts, prover.WithoutPackedOutputs())
	}
	if v.auto {
		opts = append(opts, prover.WithAutoRangeChecks())
	}
	b, err := prover.Compile(ctx, filepath.Join(tmp, fmt.Sprintf("%s-%s-%v-%v-%v", model, v.backend, v.bits, v.unpacked, v.auto)), pl, v.backend,
		prover.Meta{ModelFile: path, ModelSHA256: hex.EncodeToString(sum[:])}, opts...)
	if err != nil {
		return r, err
	}
	if v.auto {
		r.variant = strings.TrimSuffix(v.name, ")") + ": " + b.Settings().Circuit.RangeChecks + ")"
	}
	if err := b.Setup(ctx, prover.SetupOptions{}); err != nil {
		return r, err
	}
	var proofs []*prover.Proof
	for _, c := range ref.Cases[:2] {
		p, err := b.Prove(ctx, c.Inputs)
		if err != nil {
			return r, err
		}
		proofs = append(proofs, p)
	}
	r.publicInputs = len(proofs[0].PublicInputs)
	if v.backend == prover.Groth16 {
		// A lookup table needs the BSB22 commitment whatever the range
		// checks; the proof then carries it after A, B, C.
		cd, err := proofs[0].SolidityCalldata()
		if err != nil {
			return r, err
		}
		if len(cd) > 256 {
			r.variant += "; BSB22 commitment"
		} else {
			r.variant += "; no commitment"
		}
	}
	for _, o := range proofs[0].Outputs {
		r.outputs += len(o)
	}

	ver, err := contracts.NewVerifier(b)
	if err != nil {
		return r, err
	}
	art, err := ver.Compile(ctx, solc)
	if err != nil {
		return r, err
	}
	r.codeBytes = len(art.Runtime)
	dep, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		return r, err
	}
	r.deploy = dep.GasUsed
	res, err := contracts.VerifyOnChain(ctx, chain, dep.Contract, b, proofs[0], true)
	if err != nil {
		return r, err
	}
	r.verify = res.Gas
	reg, err := contracts.RegisterModel(ctx, chain, registry, b, dep.Contract)
	if err != nil {
		return r, err
	}
	if reg.Receipt == nil {
		return r, fmt.Errorf("model registered before")
	}
	r.register = reg.Receipt.GasUsed
	first, err := contracts.VerifyThroughRegistry(ctx, chain, registry, reg.ModelID, proofs[0], true)
	if err != nil {
		return r, err
	}
	later, err := contracts.VerifyThroughRegistry(ctx, chain, registry, reg.ModelID, proofs[1], true)
	if err != nil {
		return r, err
	}
	r.regFirst, r.regLater = first.Gas, later.Gas
	if r.generic, err = measureGeneric(ctx, chain, registry, b, proofs); err != nil {
		return r, fmt.Errorf("generic verifier: %w", err)
	}
	return r, nil
}

// measureGeneric deploys the generic verifier of b's backend with b's key, verifies
// proofs[0] with it, registers it as a model of its own and verifies both
// proofs through the registry.
func measureGeneric(ctx context.Context, chain *contracts.Chain, registry [20]byte, b *prover.Build, proofs []*prover.Proof) (*genericRow, error) {
	g := &genericRow{}
	dep, err := contracts.DeployGeneric(ctx, chain, b)
	if err != nil {
		return nil, err
	}
	g.deploy = dep.GasUsed
	code, err := chain.CodeAt(ctx, dep.Contract)
	if err != nil {
		return nil, err
	}
	g.codeBytes = len(code)
	res, err := contracts.VerifyOnChain(ctx, chain, dep.Contract, b, proofs[0], true)
	if err != nil {
		return nil, err
	}
	g.verify = res.Gas
	reg, err := contracts.RegisterModel(ctx, chain, registry, b, dep.Contract)
	if err != nil {
		return nil, err
	}
	first, err := contracts.VerifyThroughRegistry(ctx, chain, registry, reg.ModelID, proofs[0], true)
	if err != nil {
		return nil, err
	}
	later, err := contracts.VerifyThroughRegistry(ctx, chain, registry, reg.ModelID, proofs[1], true)
	if err != nil {
		return nil, err
	}
	g.regFirst, g.regLater = first.Gas, later.Gas
	return g, nil
}

func report(rows []row, registryDeploy uint64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# zkml gas\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/gas` on %s (%s, solc %s, optimizer on, EVM %s). Do not edit by hand.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), contracts.SolcVersion, contracts.EVMVersion)
	fmt.Fprintf(&b, "Measured as transactions on zkml's embedded chain (go-ethereum's simulated backend with mainnet's Osaka\n")
	fmt.Fprintf(&b, "rules), so every figure is the `gasUsed` of a receipt: the 21,000 base cost and calldata included.\n")
	fmt.Fprintf(&b, "Each model is calibrated on its `input.json`, quantized with the default configuration and proven on\n")
	fmt.Fprintf(&b, "reference cases 0 and 1. The outputs are packed into the public inputs as `zkml compile` does by default\n")
	fmt.Fprintf(&b, "(32 bits per output, 7 outputs per field element); the rows \"outputs not packed\" are `--pack-outputs=false`,\n")
	fmt.Fprintf(&b, "one public input per output element. Each public input costs the verifier an ecMul and an ecAdd\n")
	fmt.Fprintf(&b, "(about 6.8k gas with its calldata) and the registry a storage slot (5k gas to rewrite).\n\n")
	fmt.Fprintf(&b, "- *verifier deploy*: the specialized verifier (gnark's template with the verifying key built in).\n")
	fmt.Fprintf(&b, "- *verify*: `verifyProof` / `Verify` of that verifier, called directly.\n")
	fmt.Fprintf(&b, "- *register*: `ZkmlRegistry.register`, once per model. For a private input (these builds) it also\n")
	fmt.Fprintf(&b, "  reserves the storage of the model's one result (input key 0): a slot for the sender, block and sequence\n")
	fmt.Fprintf(&b, "  number, and one per stored public input, about 22k gas each.\n")
	fmt.Fprintf(&b, "- *registry verify, first*: `ZkmlRegistry.verify` for the first result of the model; *later*: a later result\n")
	fmt.Fprintf(&b, "  with other outputs. Both rewrite the reserved slots (5k gas each). A build with a public or hashed input\n")
	fmt.Fprintf(&b, "  has a result per input, whose slots the first proof of each new input creates (about 17k gas more per\n")
	fmt.Fprintf(&b, "  slot than *later*). Both store the outputs (the public inputs after the input part), readable by other\n")
	fmt.Fprintf(&b, "  contracts, with the sender, block and sequence number, and emit `ProofVerified`.\n\n")
	fmt.Fprintf(&b, "The registry itself is deployed once per chain: %d gas.\n\n", registryDeploy)
	fmt.Fprintf(&b, "zkml's Groth16 verifiers check a BSB22 commitment's proof of knowledge in the same pairing call as the\n")
	fmt.Fprintf(&b, "proof, with a challenge hashed from the calldata (contracts/foldpok.go): five pairings in one call, since\n")
	fmt.Fprintf(&b, "zkml's setups make the Pedersen key's G2 point equal to γ (six for a key where it is not). The\n")
	fmt.Fprintf(&b, "default flags (`--range-checks auto`) choose bit-decomposition range checks, and so no commitment, for a\n")
	fmt.Fprintf(&b, "model without lookup tables when that costs at most twice the constraints or 2^16 more (bench/RANGECHECKS.md);\n")
	fmt.Fprintf(&b, "1l_sigmoid has a lookup table, so its default build keeps the lookup range checks and the commitment.\n\n")
	fmt.Fprintf(&b, "| model | proof system | outputs | public inputs | verifier code bytes | verifier deploy | verify | register | registry verify, first | registry verify, later | registry overhead (later − verify) |\n")
	fmt.Fprintf(&b, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %+d |\n", r.model, r.variant, r.outputs, r.publicInputs, r.codeBytes,
			r.deploy, r.verify, r.register, r.regFirst, r.regLater, int64(r.regLater)-int64(r.verify))
	}
	fmt.Fprintf(&b, "\n## The generic verifiers\n\n")
	fmt.Fprintf(&b, "contracts/solidity/ZkmlGroth16Verifier.sol and ZkmlPlonkVerifier.sol: one committed bytecode each, the\n")
	fmt.Fprintf(&b, "verifying key as constructor data (`zkml deploy --generic`, and `zkml deploy` without solc), the same\n")
	fmt.Fprintf(&b, "calldata and the same proofs as the specialized verifier, with or without the BSB22 commitment. Their\n")
	fmt.Fprintf(&b, "deployment also creates the data contract holding the key, but for a Groth16 key of up to 4 points (these\n")
	fmt.Fprintf(&b, "builds but the unpacked 1l_mlp, 4l_relu_conv_fc and 1l_sigmoid), held in the verifier's code, which spares a\n")
	fmt.Fprintf(&b, "verification the data contract's cold access (2,600 gas). Same builds and proofs as above; registered\n")
	fmt.Fprintf(&b, "in the registry as a model of its own. The Groth16 one takes up to 2,048 public inputs (about 14M gas to\n")
	fmt.Fprintf(&b, "verify, under EIP-7825's 2^24 per transaction), where the specialized Groth16 verifier exceeds the\n")
	fmt.Fprintf(&b, "24,576-byte code limit from about 255; keys of over 382 public inputs are spread over several data\n")
	fmt.Fprintf(&b, "contracts, deployed first (their gas is in *deploy*). `go test ./contracts -run TestGenericVerifierDoodles -v`:\n")
	fmt.Fprintf(&b, "doodles (586 public inputs) costs 9.3M gas to deploy (3 transactions) and 4.41M gas per verification.\n\n")
	fmt.Fprintf(&b, "| model | proof system | outputs | code bytes | deploy | deploy, specialized | verify | verify, specialized | verify vs specialized | registry verify, first | registry verify, later |\n")
	fmt.Fprintf(&b, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		g := r.generic
		if g == nil {
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d | %d | %+.2f%% | %d | %d |\n", r.model, r.variant, r.outputs, g.codeBytes,
			g.deploy, r.deploy, g.verify, r.verify, 100*(float64(g.verify)/float64(r.verify)-1), g.regFirst, g.regLater)
	}
	return b.String()
}
