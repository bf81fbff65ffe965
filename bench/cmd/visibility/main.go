// Command visibility measures what each visibility choice (zkml compile
// --input-visibility, --output-visibility) costs and writes
// bench/VISIBILITY.md: per model and visibility, the constraints, the
// public inputs, the median Groth16 proving time and the gas of a
// verification through the specialized verifier; and the gas of
// ZkmlPoseidon2.commitInput per input size. Run it from the repository root
// after `make tools`:
//
//	go run ./bench/cmd/visibility
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

var (
	out    = flag.String("out", "bench/VISIBILITY.md", "file to write")
	shared = flag.String("shared", "../shared/models", "the shared models folder")
	runs   = flag.Int("runs", 3, "proofs per build (the median is reported)")
)

// models: 4l_relu_conv_fc, and scatter_elements with bit-decomposition
// range checks, the shared model whose default circuit has over 100k
// R1CS constraints (circuits/testdata/constraints.golden).
var models = []struct {
	name string
	bits bool
}{
	{"4l_relu_conv_fc", false},
	{"scatter_elements", true},
}

var visibilities = []struct{ in, out circuits.Visibility }{
	{circuits.Private, circuits.Public},
	{circuits.Public, circuits.Public},
	{circuits.Hashed, circuits.Public},
	{circuits.Private, circuits.Hashed},
	{circuits.Hashed, circuits.Hashed},
	{circuits.Hashed, circuits.Private},
}

type row struct {
	model, rangeChecks        string
	in, out                   circuits.Visibility
	inputs                    int
	constraints, publicInputs int
	prove                     time.Duration
	verifyGas                 uint64
}

func main() {
	flag.Parse()
	log.SetFlags(0)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Minute)
	defer cancel()
	solc, err := contracts.FindSolc()
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "zkml-visibility")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	chain := contracts.NewSimulated()
	defer chain.Close()

	var rows []row
	for _, m := range models {
		pl, in, err := load(ctx, m.name)
		if err != nil {
			log.Fatalf("%s: %v", m.name, err)
		}
		for _, v := range visibilities {
			log.Printf("%s: input %s, output %s", m.name, v.in, v.out)
			r, err := measure(ctx, chain, solc, tmp, m.name, m.bits, pl, in, v.in, v.out)
			if err != nil {
				log.Fatalf("%s, input %s, output %s: %v", m.name, v.in, v.out, err)
			}
			rows = append(rows, r)
		}
	}
	gas, err := commitGas(ctx, chain, solc)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, []byte(report(rows, gas)), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}

func load(ctx context.Context, model string) (*plan.Plan, [][]float64, error) {
	dir := filepath.Join(*shared, model)
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		return nil, nil, err
	}
	sample, err := modelio.ReadInputFile(filepath.Join(dir, "input.json"))
	if err != nil {
		return nil, nil, err
	}
	cal, err := quantize.Calibrate(g, [][][]float64{sample})
	if err != nil {
		return nil, nil, err
	}
	pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
	return pl, sample, err
}

func measure(ctx context.Context, chain *contracts.Chain, solc *contracts.Solc, tmp, model string, bits bool, pl *plan.Plan, in [][]float64, vin, vout circuits.Visibility) (row, error) {
	r := row{model: model, rangeChecks: "lookup", in: vin, out: vout}
	opts := []prover.Option{prover.WithInputVisibility(vin), prover.WithOutputVisibility(vout)}
	if bits {
		opts = append(opts, prover.WithBitDecompositionRangeChecks())
		r.rangeChecks = "bits"
	}
	for _, x := range in {
		r.inputs += len(x)
	}
	b, err := prover.Compile(ctx, filepath.Join(tmp, fmt.Sprintf("%s-%s-%s", model, vin, vout)), pl, prover.Groth16, prover.Meta{}, opts...)
	if err != nil {
		return r, err
	}
	r.constraints, r.publicInputs = b.Settings().Circuit.Constraints, b.Settings().Circuit.PublicInputs
	if err := b.Setup(ctx, prover.SetupOptions{}); err != nil {
		return r, err
	}
	var times []time.Duration
	var proof *prover.Proof
	for range *runs {
		if proof, err = b.Prove(ctx, in); err != nil {
			return r, err
		}
		times = append(times, proof.Timings.Prove)
	}
	slices.Sort(times)
	r.prove = times[len(times)/2]
	if r.publicInputs == 0 {
		return r, nil // gnark's Solidity template needs a public input
	}
	ver, err := contracts.NewVerifier(b)
	if err != nil {
		return r, err
	}
	art, err := ver.Compile(ctx, solc)
	if err != nil {
		return r, err
	}
	dep, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		return r, err
	}
	res, err := contracts.VerifyOnChain(ctx, chain, dep.Contract, b, proof, true)
	if err != nil {
		return r, err
	}
	r.verifyGas = res.Gas
	return r, nil
}

// commitGas deploys ZkmlPoseidon2Harness and returns the gas of a
// transaction committing n values of 32 bits, for a few n.
func commitGas(ctx context.Context, chain *contracts.Chain, solc *contracts.Solc) (map[int]uint64, error) {
	src, err := os.ReadFile(filepath.Join("contracts", "solidity", "ZkmlPoseidon2.sol"))
	if err != nil {
		return nil, err
	}
	art, err := solc.Compile(ctx, map[string]string{"ZkmlPoseidon2.sol": string(src)}, "ZkmlPoseidon2.sol", "ZkmlPoseidon2Harness")
	if err != nil {
		return nil, err
	}
	a, err := abi.JSON(bytes.NewReader(art.ABI))
	if err != nil {
		return nil, err
	}
	dep, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		return nil, err
	}
	gas := map[int]uint64{}
	for _, n := range commitSizes {
		vals := make([]*big.Int, n)
		for i := range vals {
			vals[i] = big.NewInt(int64(i%200) - 100)
		}
		data, err := a.Pack("measure", big.NewInt(int64(circuits.DomainInput)), vals, big.NewInt(32))
		if err != nil {
			return nil, err
		}
		rec, err := chain.Transact(ctx, dep.Contract, data)
		if err != nil {
			return nil, err
		}
		gas[n] = rec.GasUsed
	}
	return gas, nil
}

var commitSizes = []int{1, 7, 64, 784, 3072}

func report(rows []row, gas map[int]uint64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# zkml visibility costs\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/visibility` on %s (%s, %s/%s, %d CPUs, solc %s). Do not edit by hand.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), contracts.SolcVersion)
	fmt.Fprintf(&b, "Groth16, default quantization (32 activation bits), outputs packed as `zkml compile` does by default.\n")
	fmt.Fprintf(&b, "A *public* input is packed like the outputs (7 values per public input); a *hashed* one costs one\n")
	fmt.Fprintf(&b, "Poseidon2 compression (about 186 R1CS constraints) per 7 values in the circuit and is one public input.\n")
	fmt.Fprintf(&b, "*prove*: median of %d proofs of the model's input.json (gnark's prover only, on a shared machine:\n", *runs)
	fmt.Fprintf(&b, "compare rows with each other, not with other files). *verify gas*: a transaction to the specialized\n")
	fmt.Fprintf(&b, "verifier on the embedded chain (21,000 base cost and calldata included); none when nothing is public.\n\n")
	fmt.Fprintf(&b, "| model | range checks | input values | input | output | constraints | public inputs | prove | verify gas |\n")
	fmt.Fprintf(&b, "|---|---|---:|---|---|---:|---:|---:|---:|\n")
	for _, r := range rows {
		g := "—"
		if r.verifyGas != 0 {
			g = fmt.Sprint(r.verifyGas)
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %d | %d | %.2fs | %s |\n", r.model, r.rangeChecks, r.inputs, r.in, r.out,
			r.constraints, r.publicInputs, r.prove.Seconds(), g)
	}
	fmt.Fprintf(&b, "\n## ZkmlPoseidon2.commitInput\n\n")
	fmt.Fprintf(&b, "What a contract holding the quantized input pays to recompute a hashed input's commitment\n")
	fmt.Fprintf(&b, "(contracts/solidity/ZkmlPoseidon2.sol, through its harness, as a transaction: base cost and calldata\n")
	fmt.Fprintf(&b, "included). 32-bit values, 7 per Poseidon2 compression, plus three compressions for the header.\n\n")
	fmt.Fprintf(&b, "| values | compressions | gas |\n|---:|---:|---:|\n")
	for _, n := range commitSizes {
		fmt.Fprintf(&b, "| %d | %d | %d |\n", n, 3+(n+6)/7, gas[n])
	}
	return b.String()
}
