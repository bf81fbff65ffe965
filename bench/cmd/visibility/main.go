// Command visibility measures what each visibility choice (zkml compile
// --input-visibility, --output-visibility, --param-visibility) costs and
// writes bench/VISIBILITY.md: per model and visibility, the constraints,
// the public inputs, the median Groth16 proving time and the gas of a
// verification through the specialized verifier; the gas of
// ZkmlPoseidon2.commitInput per input size; and how long verification
// takes with and without reading plan.bin, on an MLP with 4.3 million
// weights. Run it from the repository root after `make tools`:
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
	"github.com/zkml/zkml/internal/onnxbuild"
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
	only   = flag.String("only", "", "\"params\": measure only the hashed-params rows and keep the other rows of -out as they are (setups of the larger circuits take long on a shared machine)")
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

type visibility struct{ in, out, params circuits.Visibility }

var visibilities = []visibility{
	{circuits.Private, circuits.Public, circuits.Fixed},
	{circuits.Public, circuits.Public, circuits.Fixed},
	{circuits.Hashed, circuits.Public, circuits.Fixed},
	{circuits.Private, circuits.Hashed, circuits.Fixed},
	{circuits.Hashed, circuits.Hashed, circuits.Fixed},
	{circuits.Hashed, circuits.Private, circuits.Fixed},
	{circuits.Private, circuits.Public, circuits.Hashed},
	{circuits.Hashed, circuits.Hashed, circuits.Hashed},
}

// kept are the table rows of the existing report that -only params keeps,
// already formatted.
var kept []string

type row struct {
	model, rangeChecks        string
	v                         visibility
	inputs, params            int // params: the committed values (hashed params)
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

	if *only == "params" {
		var err error
		if kept, err = keptRows(*out); err != nil {
			log.Fatal(err)
		}
	} else if *only != "" {
		log.Fatalf("-only %q: only \"params\" is known", *only)
	}
	var rows []row
	for _, m := range models {
		pl, in, err := load(ctx, m.name)
		if err != nil {
			log.Fatalf("%s: %v", m.name, err)
		}
		for _, v := range visibilities {
			if *only == "params" && v.params != circuits.Hashed {
				continue
			}
			log.Printf("%s: %+v", m.name, v)
			r, err := measure(ctx, chain, solc, tmp, m.name, m.bits, pl, in, v)
			if err != nil {
				log.Fatalf("%s, %+v: %v", m.name, v, err)
			}
			rows = append(rows, r)
		}
	}
	gas, err := commitGas(ctx, chain, solc)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("verification with and without plan.bin")
	vt, err := verifyTimes(ctx, tmp)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, []byte(report(rows, gas, vt)), 0o644); err != nil {
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

func measure(ctx context.Context, chain *contracts.Chain, solc *contracts.Solc, tmp, model string, bits bool, pl *plan.Plan, in [][]float64, v visibility) (row, error) {
	r := row{model: model, rangeChecks: "lookup", v: v}
	opts := []prover.Option{prover.WithInputVisibility(v.in), prover.WithOutputVisibility(v.out), prover.WithParamVisibility(v.params)}
	if v.params == circuits.Hashed {
		ps, err := circuits.ParamsOf(pl)
		if err != nil {
			return r, err
		}
		r.params = len(ps.Coeffs) + len(ps.Biases)
	}
	if bits {
		opts = append(opts, prover.WithBitDecompositionRangeChecks())
		r.rangeChecks = "bits"
	}
	for _, x := range in {
		r.inputs += len(x)
	}
	b, err := prover.Compile(ctx, filepath.Join(tmp, fmt.Sprintf("%s-%s-%s-%s", model, v.in, v.out, v.params)), pl, prover.Groth16, prover.Meta{}, opts...)
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

// verifyTiming is the verification of one proof of a model with many
// weights: from the whole build (Open, then the plan read as zkml verify
// did before it stopped reading plan.bin) and from settings.json and
// vk.bin alone.
type verifyTiming struct {
	model, shape      string
	constraints       int
	planBytes         int64
	withPlan, without time.Duration
}

// verifyTimes builds and proves an MLP 64-2048-2048-10 (4.3 million
// weights) and times Open + Verify, the median of a few, with plan.bin read
// and with a folder of settings.json and vk.bin only.
func verifyTimes(ctx context.Context, tmp string) (*verifyTiming, error) {
	m := onnxbuild.MLP("mlp", 1, 64, 2048, 2048, 10)
	g, err := onnx.Parse(m.Bytes(), "mlp-2048", nil)
	if err != nil {
		return nil, err
	}
	x := make([]float64, 64)
	for i := range x {
		x[i] = float64(i%17)/8 - 1
	}
	in := [][]float64{x}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		return nil, err
	}
	pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(tmp, "mlp-2048")
	b, err := prover.Compile(ctx, dir, pl, prover.Groth16, prover.Meta{})
	if err != nil {
		return nil, err
	}
	if err := b.Setup(ctx, prover.SetupOptions{}); err != nil {
		return nil, err
	}
	proof, err := b.Prove(ctx, in)
	if err != nil {
		return nil, err
	}
	vt := &verifyTiming{model: "mlp-2048", shape: "64-2048-2048-10", constraints: b.Settings().Circuit.Constraints}
	st, err := os.Stat(filepath.Join(dir, "plan.bin"))
	if err != nil {
		return nil, err
	}
	vt.planBytes = st.Size()
	only := filepath.Join(tmp, "mlp-2048-verifier")
	if err := os.MkdirAll(only, 0o755); err != nil {
		return nil, err
	}
	for _, f := range []string{"settings.json", "vk.bin"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(only, f), data, 0o644); err != nil {
			return nil, err
		}
	}
	timeIt := func(dir string, readPlan bool) (time.Duration, error) {
		var ts []time.Duration
		for range 5 {
			start := time.Now()
			b, err := prover.Open(dir)
			if err != nil {
				return 0, err
			}
			if readPlan {
				if _, err := b.Plan(); err != nil {
					return 0, err
				}
			}
			if err := prover.Verify(b, proof); err != nil {
				return 0, err
			}
			ts = append(ts, time.Since(start))
		}
		slices.Sort(ts)
		return ts[len(ts)/2], nil
	}
	if vt.withPlan, err = timeIt(dir, true); err != nil {
		return nil, err
	}
	if vt.without, err = timeIt(only, false); err != nil {
		return nil, err
	}
	return vt, nil
}

// keptRows returns the fixed-params rows of the table in the report at
// path, in this version's columns (a report from before the params column
// gets "fixed" and no committed params).
func keptRows(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []string
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		// "| a | b |" splits into "", " a ", " b ", "".
		switch {
		case len(cells) == 11 && strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| model") && !strings.HasPrefix(line, "| values"):
			rows = append(rows, strings.Join(append(append(append([]string{}, cells[:6]...), " fixed ", " — "), cells[6:]...), "|"))
		case len(cells) == 13 && strings.TrimSpace(cells[6]) == "fixed":
			rows = append(rows, line)
		}
	}
	return rows, nil
}

func report(rows []row, gas map[int]uint64, vt *verifyTiming) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# zkml visibility costs\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/visibility` on %s (%s, %s/%s, %d CPUs, solc %s). Do not edit by hand.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), contracts.SolcVersion)
	if *only == "params" {
		fmt.Fprintf(&b, "This run was `-only params`: it measured the rows with hashed params; the others are kept from the previous run.\n\n")
	}
	fmt.Fprintf(&b, "Groth16, default quantization (32 activation bits), outputs packed as `zkml compile` does by default.\n")
	fmt.Fprintf(&b, "A *public* input is packed like the outputs (7 values per public input); a *hashed* one costs one\n")
	fmt.Fprintf(&b, "Poseidon2 compression (about 186 R1CS constraints) per 7 values in the circuit and is one public input.\n")
	fmt.Fprintf(&b, "*prove*: median of %d proofs of the model's input.json (gnark's prover only, on a shared machine:\n", *runs)
	fmt.Fprintf(&b, "compare rows with each other, not with other files). *verify gas*: a transaction to the specialized\n")
	fmt.Fprintf(&b, "verifier on the embedded chain (21,000 base cost and calldata included); none when nothing is public.\n")
	fmt.Fprintf(&b, "*Hashed* params commit every coefficient and bias of the weighted affine ops (one witness per term:\n")
	fmt.Fprintf(&b, "a convolution's weight counts once per position it is applied at; see circuits.Params), so they cost a\n")
	fmt.Fprintf(&b, "product per term plus a Poseidon2 compression per packed word of params.\n\n")
	fmt.Fprintf(&b, "| model | range checks | input values | input | output | params | committed params | constraints | public inputs | prove | verify gas |\n")
	fmt.Fprintf(&b, "|---|---|---:|---|---|---|---:|---:|---:|---:|---:|\n")
	for _, k := range kept {
		fmt.Fprintln(&b, k)
	}
	for _, r := range rows {
		g := "—"
		if r.verifyGas != 0 {
			g = fmt.Sprint(r.verifyGas)
		}
		params := "—"
		if r.params != 0 {
			params = fmt.Sprint(r.params)
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %d | %d | %.2fs | %s |\n", r.model, r.rangeChecks, r.inputs, r.v.in, r.v.out, r.v.params, params,
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
	fmt.Fprintf(&b, "\n## Verification without the weights\n\n")
	fmt.Fprintf(&b, "prover.Open + prover.Verify of one Groth16 proof of %s (%s, %d constraints, plan.bin %.1f MiB), median of 5 in one\n",
		vt.model, vt.shape, vt.constraints, float64(vt.planBytes)/(1<<20))
	fmt.Fprintf(&b, "process: *with plan.bin* also reads and checks the plan, as `zkml verify` did before it stopped needing it;\n")
	fmt.Fprintf(&b, "*settings.json + vk.bin* is a folder holding only those two files (what `zkml verify` reads now, whatever\n")
	fmt.Fprintf(&b, "the folder holds, and all a verifier of a build with hashed params gets).\n\n")
	fmt.Fprintf(&b, "| with plan.bin | settings.json + vk.bin |\n|---:|---:|\n")
	fmt.Fprintf(&b, "| %.1f ms | %.1f ms |\n", float64(vt.withPlan.Microseconds())/1000, float64(vt.without.Microseconds())/1000)
	return b.String()
}
