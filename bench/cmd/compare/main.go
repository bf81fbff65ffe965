// Command compare measures zkml side by side with a hand-written circom 2
// circuit proven by snarkjs, and with bare gnark on zkml's own constraint
// system, and writes bench/COMPARE.md. Run it with `make bench-compare`
// from the repository root (`make tools` first, for circom2 and snarkjs).
//
// The MLP (same weights, same fixed point: the circom circuit is written
// from the plan zkml compiled, by package bench/circom) goes through zkml's
// CLI and through circom2 + snarkjs, Groth16 and PLONK, on a powers of tau
// made locally. Every model (the MLP and the shared models named by
// -models) also goes through gnark's Setup/Prove/Verify alone, in a child
// process, to show what zkml's pipeline adds around gnark.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zkml/zkml/bench/circom"
	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/prover"
)

var (
	out       = flag.String("out", "bench/COMPARE.md", "file to write (- for stdout)")
	mlpFlag   = flag.String("mlp", "64,32,10", "layer sizes of the MLP of the side-by-side comparison")
	models    = flag.String("models", "4l_relu_conv_fc,accuracy", "comma-separated models of -shared for the bare gnark comparison (empty: the MLP only)")
	shared    = flag.String("shared", "../shared/models", "the shared models folder")
	runs      = flag.Int("runs", 3, "runs of each stage (the median is reported)")
	ptau      = flag.String("ptau", ".tools/ptau/pot14.ptau", "snarkjs powers of tau; made locally (insecure, for benchmarks) when missing")
	ptauPower = flag.Int("ptau-power", 14, "power of the powers of tau to make when -ptau is missing (0: make none, skip snarkjs's stages)")
	ptauWait  = flag.Duration("ptau-wait", 0, "wait up to this long for -ptau to appear (made by another process) before making it")
	bare      = flag.String("bare", "", "internal: run bare gnark on this build directory and print JSON")
	bareInput = flag.String("bare-input", "", "internal: the input file of -bare")
)

// stage names, in table order.
var stages = []string{"setup", "prove", "verify"}

// result is one pipeline (zkml CLI, snarkjs or bare gnark) on one model and
// backend.
type result struct {
	constraints int
	stage       map[string]*measure.Stage
	seconds     map[string]float64 // bare gnark: in-process timings (medians)
	peakRSS     int64
	proofBytes  int64
	failed      string // snarkjs: why setup, prove and verify did not run
}

func newResult() *result {
	r := &result{stage: map[string]*measure.Stage{}, seconds: map[string]float64{}}
	for _, s := range append(stages, "compile", "witness") {
		r.stage[s] = &measure.Stage{}
	}
	return r
}

func (r *result) add(stage string, s measure.Sample) {
	r.stage[stage].Add(s)
	r.peakRSS = max(r.peakRSS, s.RSS)
}

// time is a stage's median seconds (bare gnark: the in-process median).
func (r *result) time(stage string) float64 {
	if v, ok := r.seconds[stage]; ok {
		return v
	}
	return r.stage[stage].Seconds()
}

func main() {
	flag.Parse()
	log.SetFlags(0)
	if *bare != "" {
		if err := runBare(*bare, *bareInput); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *runs < 1 {
		log.Fatal("-runs must be at least 1")
	}
	sizes, err := parseSizes(*mlpFlag)
	if err != nil {
		log.Fatal(err)
	}
	loadBefore := measure.Load()
	start := time.Now()
	tmp, err := os.MkdirTemp("", "zkml-compare")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin, err := measure.Build(tmp, "./cmd/zkml")
	if err != nil {
		log.Fatal(err)
	}
	self, err := measure.Build(tmp, "./bench/cmd/compare")
	if err != nil {
		log.Fatal(err)
	}

	// The MLP and its input.
	mlpName := "mlp-" + strings.ReplaceAll(*mlpFlag, ",", "-")
	mlpDir := filepath.Join(tmp, mlpName)
	if err := writeMLP(mlpDir, sizes); err != nil {
		log.Fatal(err)
	}
	type model struct{ name, dir string }
	all := []model{{mlpName, mlpDir}}
	if *models != "" {
		for _, m := range strings.Split(*models, ",") {
			dir := filepath.Join(*shared, m)
			if _, err := os.Stat(filepath.Join(dir, "network.onnx")); err != nil {
				log.Printf("skipping %s: %v", m, err)
				continue
			}
			all = append(all, model{m, dir})
		}
	}

	tools, toolsErr := circom.FindTools(".")
	var sideBySide []sideRow
	var bareRows []bareRow
	for _, backend := range []string{"groth16", "plonk"} {
		for _, m := range all {
			log.Printf("%s/%s: zkml", m.name, backend)
			build := filepath.Join(tmp, m.name+"-"+backend)
			z, err := runZKML(bin, build, m.dir, backend, m.name == mlpName)
			if err != nil {
				log.Fatalf("%s/%s: %v", m.name, backend, err)
			}
			log.Printf("%s/%s: bare gnark", m.name, backend)
			g, err := runBareChild(self, build, filepath.Join(m.dir, "input.json"))
			if err != nil {
				log.Fatalf("%s/%s: bare gnark: %v", m.name, backend, err)
			}
			bareRows = append(bareRows, bareRow{m.name, backend, z, g})
			if m.name == mlpName {
				sideBySide = append(sideBySide, sideRow{backend: backend, zkml: z})
			}
		}
	}
	// circom and snarkjs last, on the MLP's builds: they need the powers of tau.
	for i := range sideBySide {
		row := &sideBySide[i]
		if toolsErr != nil {
			row.skipped = toolsErr.Error()
			continue
		}
		log.Printf("%s/%s: circom + snarkjs", mlpName, row.backend)
		if row.circom, err = runCircom(tools, filepath.Join(tmp, mlpName+"-"+row.backend), mlpDir, row.backend); err != nil {
			log.Fatalf("%s/%s: circom + snarkjs: %v", mlpName, row.backend, err)
		}
	}
	text := report(mlpName, sizes, sideBySide, bareRows, loadBefore, time.Since(start))
	measure.WriteReport(*out, text)
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 4096 {
			return nil, fmt.Errorf("-mlp %q: want comma-separated layer sizes in [1, 4096], like 64,32,10", s)
		}
		sizes = append(sizes, n)
	}
	if len(sizes) < 2 {
		return nil, fmt.Errorf("-mlp %q: want at least an input and an output size", s)
	}
	return sizes, nil
}

func writeMLP(dir string, sizes []int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m := onnxbuild.MLP("mlp", 1, sizes...)
	if err := os.WriteFile(filepath.Join(dir, "network.onnx"), m.Bytes(), 0o644); err != nil {
		return err
	}
	in, _ := json.Marshal(map[string][][]float64{"input_data": {onnxbuild.Input(sizes[0], 2)}})
	return os.WriteFile(filepath.Join(dir, "input.json"), in, 0o644)
}

// runZKML runs the zkml CLI's stages, each as its own process. With
// unpacked, the outputs are public one per element (--pack-outputs=false),
// as in the circom circuit.
func runZKML(bin, build, dir, backend string, unpacked bool) (*result, error) {
	r := newResult()
	input := filepath.Join(dir, "input.json")
	proof := filepath.Join(build, "proof.json")
	zkml := func(stage string, args ...string) error {
		s, err := measure.Run(exec.Command(bin, append(args, "--quiet")...))
		if err != nil {
			return err
		}
		r.add(stage, s)
		return nil
	}
	for i := 0; i < *runs; i++ {
		os.RemoveAll(build)
		if err := zkml("compile", "compile", filepath.Join(dir, "network.onnx"), "--out", build, "--calibration", input,
			"--backend", backend, fmt.Sprintf("--pack-outputs=%t", !unpacked)); err != nil {
			return nil, err
		}
		if err := zkml("setup", "setup", build); err != nil {
			return nil, err
		}
		if err := zkml("prove", "prove", build, "--input", input, "--out", proof); err != nil {
			return nil, err
		}
		if err := zkml("verify", "verify", build, proof); err != nil {
			return nil, err
		}
	}
	b, err := prover.Open(build)
	if err != nil {
		return nil, err
	}
	r.constraints = b.Settings().Circuit.Constraints
	p, err := prover.ReadProof(proof)
	if err != nil {
		return nil, err
	}
	r.proofBytes = int64(len(p.Bytes))
	return r, nil
}

// runBareChild runs this command with -bare, runs times, in one process.
func runBareChild(self, build, input string) (*result, error) {
	r := newResult()
	per := map[string][]float64{}
	cmd := exec.Command(self, "-bare", build, "-bare-input", input)
	for i := 0; i < *runs; i++ {
		var stdout bytes.Buffer
		cmd := exec.Command(cmd.Path, cmd.Args[1:]...)
		cmd.Stdout = &stdout
		s, err := measure.Run(cmd)
		if err != nil {
			return nil, err
		}
		r.peakRSS = max(r.peakRSS, s.RSS)
		var br bareResult
		if err := json.Unmarshal(stdout.Bytes(), &br); err != nil {
			return nil, fmt.Errorf("bare output %q: %v", stdout.String(), err)
		}
		r.constraints = br.Constraints
		per["setup"] = append(per["setup"], br.Setup)
		per["prove"] = append(per["prove"], br.Prove)
		per["verify"] = append(per["verify"], br.Verify)
	}
	for k, v := range per {
		slices.Sort(v)
		r.seconds[k] = v[len(v)/2]
	}
	return r, nil
}

var (
	constraintsRE = regexp.MustCompile(`# of Constraints: (\d+)`)
	plonkRE       = regexp.MustCompile(`Plonk constraints: (\d+)`)
)

// runCircom writes the circom circuit from the plan in build, compiles it
// with circom2, and runs snarkjs's setup, witness, prove and verify; the
// proven outputs must be the integer reference's.
func runCircom(tools *circom.Tools, build, dir, backend string) (*result, error) {
	b, err := prover.Open(build)
	if err != nil {
		return nil, err
	}
	p, err := b.Plan()
	if err != nil {
		return nil, err
	}
	work := filepath.Join(build, "circom")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	var src bytes.Buffer
	if err := circom.Generate(&src, p); err != nil {
		return nil, err
	}
	in, err := readInput(filepath.Join(dir, "input.json"))
	if err != nil {
		return nil, err
	}
	q, err := p.QuantizeInputs(in)
	if err != nil {
		return nil, err
	}
	wit, err := circom.Input(p, q)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(work, "model.circom"), src.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(work, "input.json"), wit, 0o644); err != nil {
		return nil, err
	}
	r := newResult()
	var stdout bytes.Buffer // of the last command
	run := func(stage, tool string, args ...string) error {
		stdout.Reset()
		cmd := tools.Command(work, tool, args...)
		cmd.Stdout = &stdout
		s, err := measure.Run(cmd)
		if err != nil {
			return fmt.Errorf("%v\n%s", err, stdout.Bytes())
		}
		if stage != "" {
			r.add(stage, s)
		}
		return nil
	}
	// Full linear simplification (--O2) gives Groth16 its fewest constraints,
	// but substitutes long linear combinations into the others, each term of
	// which costs PLONK a gate: PLONK gets --O1.
	opt := "--O2"
	if backend == "plonk" {
		opt = "--O1"
	}
	if err := run("compile", "circom", "model.circom", "--r1cs", "--wasm", opt); err != nil {
		return nil, err
	}
	info, err := tools.Command(work, "snarkjs", "r1cs", "info", "model.r1cs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("snarkjs r1cs info: %v\n%s", err, info)
	}
	if m := constraintsRE.FindSubmatch(info); m != nil {
		r.constraints, _ = strconv.Atoi(string(m[1]))
	}
	pt, err := ensurePtau(tools)
	if err != nil {
		// The constraint count stands without the setup: report it.
		r.failed = err.Error()
		return r, nil
	}
	for i := 0; i < *runs; i++ {
		if err := run("setup", "snarkjs", backend, "setup", "model.r1cs", pt, "model.zkey"); err != nil {
			return nil, err
		}
		// PLONK counts its own gates: an R1CS constraint's linear
		// combinations take several.
		if m := plonkRE.FindSubmatch(stdout.Bytes()); m != nil {
			r.constraints, _ = strconv.Atoi(string(m[1]))
		}
		// The verifying key is part of the setup's output, as zkml's vk.bin.
		if err := run("setup", "snarkjs", "zkey", "export", "verificationkey", "model.zkey", "vk.json"); err != nil {
			return nil, err
		}
		if err := run("witness", "snarkjs", "wtns", "calculate", "model_js/model.wasm", "input.json", "w.wtns"); err != nil {
			return nil, err
		}
		if err := run("prove", "snarkjs", backend, "prove", "model.zkey", "w.wtns", "proof.json", "public.json"); err != nil {
			return nil, err
		}
		if err := run("verify", "snarkjs", backend, "verify", "vk.json", "public.json", "proof.json"); err != nil {
			return nil, err
		}
	}
	// setup is two processes per run: sum them per run before the median.
	sumPairs(r.stage["setup"])
	pub, err := os.ReadFile(filepath.Join(work, "public.json"))
	if err != nil {
		return nil, err
	}
	got, err := circom.Outputs(pub)
	if err != nil {
		return nil, err
	}
	tensors, err := p.Run(q)
	if err != nil {
		return nil, err
	}
	if want := slices.Concat(p.OutputInts(tensors)...); !slices.Equal(got, want) {
		return nil, fmt.Errorf("snarkjs proved outputs %v, the integer reference computes %v", got, want)
	}
	r.proofBytes = measure.FileSize(filepath.Join(work, "proof.json"))
	return r, nil
}

func sumPairs(st *measure.Stage) {
	var s []measure.Sample
	for i := 0; i+1 < len(st.Samples); i += 2 {
		a, b := st.Samples[i], st.Samples[i+1]
		s = append(s, measure.Sample{Wall: a.Wall + b.Wall, RSS: max(a.RSS, b.RSS)})
	}
	st.Samples = s
}

// ensurePtau makes the powers of tau when -ptau does not exist, the way
// /work/shared/ptau's README describes (a single local contribution:
// insecure, for benchmarks).
func ensurePtau(tools *circom.Tools) (string, error) {
	pt, err := filepath.Abs(*ptau)
	if err != nil {
		return "", err
	}
	for deadline := time.Now().Add(*ptauWait); ; time.Sleep(5 * time.Second) {
		if _, err := os.Stat(pt); err == nil {
			return pt, nil
		}
		if time.Now().After(deadline) {
			break
		}
	}
	if *ptauPower <= 0 {
		return "", fmt.Errorf("no powers of tau at %s (and -ptau-power %d: none made)", *ptau, *ptauPower)
	}
	log.Printf("making %s (power %d; minutes, once)", pt, *ptauPower)
	dir := filepath.Dir(pt)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	steps := [][]string{
		{"powersoftau", "new", "bn128", strconv.Itoa(*ptauPower), "p0.ptau"},
		{"powersoftau", "contribute", "p0.ptau", "p1.ptau", "--name=zkml bench", "-e=zkml bench entropy, not secret"},
		{"powersoftau", "prepare", "phase2", "p1.ptau", pt + ".tmp"},
	}
	for _, s := range steps {
		if out, err := tools.Command(dir, "snarkjs", s...).CombinedOutput(); err != nil {
			return "", fmt.Errorf("snarkjs %s: %v\n%s", strings.Join(s, " "), err, out)
		}
	}
	if err := os.Rename(pt+".tmp", pt); err != nil { // only a finished file under the name
		return "", err
	}
	os.Remove(filepath.Join(dir, "p0.ptau"))
	os.Remove(filepath.Join(dir, "p1.ptau"))
	return pt, nil
}
