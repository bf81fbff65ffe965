// Command split measures split proving (zkml compile --max-constraints):
// a ResNet-18-shaped model of internal/onnxbuild and nanoGPT from
// ../shared/models, each cut into segments, through the zkml CLI, each
// stage its own process: segment count and constraints, compile and setup
// time and peak memory, each segment proven alone (`zkml prove
// --segment I`), the whole chain with 1 and 2 segments proven at once
// (`--jobs`), verification, and the gas of verifying the chain in one
// transaction through ZkmlChain on the embedded chain. It writes
// bench/SPLIT.md; run it with `make bench-split`.
//
// The runs are long (a Groth16 setup of a 2M-constraint segment takes
// minutes); -work keeps the build folders so that a later run with -reuse
// goes on where the last one stopped, and -stages limits what runs.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/prover"
)

var (
	out     = flag.String("out", "bench/SPLIT.md", "file to write (- for stdout)")
	models  = flag.String("models", "resnet,nanogpt", "comma-separated models: resnet, nanogpt")
	work    = flag.String("work", "", "keep the builds in `DIR` (default: a temporary folder, removed)")
	reuse   = flag.Bool("reuse", false, "with -work: reuse a compiled (and set up) build found there")
	stages  = flag.String("stages", "compile,setup,segments,prove,verify,gas", "stages to run (prove: --jobs 1 and 2; prove1 or prove2 for one of them)")
	resnetK = flag.Int("resnet-shards", 2, "--shards for the ResNet")
	gptN    = flag.Int("nanogpt-max", 2_000_000, "--max-constraints for nanoGPT")
	gptOut  = flag.String("nanogpt-output", "hashed", "nanoGPT's --output-visibility (its 4,160 logits as public inputs need more than a transaction's 2^24 gas on chain)")
	shared  = flag.String("shared", "../shared/models", "the real models' folder")
)

type model struct {
	name, shape  string
	maxCons      int
	shards       int
	onnx, input  string // files; the ResNet's are written first
	makeModel    func() []byte
	inputs       int
	unsplitCount string // the whole circuit's constraints, as recorded elsewhere
	output       string // --output-visibility; empty for the default
}

type row struct {
	model
	segments            []prover.SegmentEntry
	compile, setup      measure.Stage
	segProve            []measure.Stage
	prove1, prove2      measure.Stage
	verify              measure.Stage
	gas, regGas, segGas uint64
	notes               []string
}

func main() {
	flag.Parse()
	log.SetFlags(log.Ltime)
	want := map[string]bool{}
	for _, s := range strings.Split(*stages, ",") {
		want[strings.TrimSpace(s)] = true
	}
	loadBefore := measure.Load()
	start := time.Now()
	dir := *work
	if dir == "" {
		tmp, err := os.MkdirTemp("", "zkml-split")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	bin, err := measure.Build(dir, "./cmd/zkml")
	if err != nil {
		log.Fatal(err)
	}
	var rows []*row
	for _, name := range strings.Split(*models, ",") {
		var m model
		switch strings.TrimSpace(name) {
		case "resnet":
			m = model{name: "resnet18-w4-16", shape: "ResNet-18 shape, 3×16×16 input, width 4 (onnxbuild.ResNet)", shards: *resnetK, inputs: 3 * 16 * 16,
				makeModel: func() []byte { return onnxbuild.ResNet("resnet", 1, 4, 16).Bytes() }, unsplitCount: "102,112 (bench/SCALING.md)"}
		case "nanogpt":
			m = model{name: "nanoGPT", shape: "../shared/models/nanoGPT", maxCons: *gptN,
				onnx: filepath.Join(*shared, "nanoGPT", "network.onnx"), input: filepath.Join(*shared, "nanoGPT", "input.json"), unsplitCount: "3,719,650 (bench/TRANSFORMERS.md)", output: *gptOut}
		default:
			log.Fatalf("unknown model %q", name)
		}
		r, err := measureModel(bin, dir, m, want)
		if err != nil {
			log.Printf("%s: %v", m.name, err)
			r.notes = append(r.notes, "stopped: "+firstLine(err.Error()))
		}
		rows = append(rows, r)
	}
	text := report(rows, loadBefore, time.Since(start))
	measure.WriteReport(*out, text)
}

func measureModel(bin, root string, m model, want map[string]bool) (*row, error) {
	r := &row{model: m}
	dir := filepath.Join(root, m.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return r, err
	}
	if m.makeModel != nil {
		r.onnx, r.input = filepath.Join(dir, "network.onnx"), filepath.Join(dir, "input.json")
		if err := os.WriteFile(r.onnx, m.makeModel(), 0o644); err != nil {
			return r, err
		}
		in, _ := json.Marshal(map[string][][]float64{"input_data": {onnxbuild.Input(m.inputs, 2)}})
		if err := os.WriteFile(r.input, in, 0o644); err != nil {
			return r, err
		}
	}
	build, chain := filepath.Join(dir, "build"), filepath.Join(dir, "chain.json")
	zkml := func(st *measure.Stage, args ...string) error {
		log.Printf("%s: zkml %s", m.name, strings.Join(args, " "))
		cmd := exec.Command("nice", append([]string{"-n", "10", bin}, append(args, "--quiet")...)...)
		s, err := measure.Run(cmd)
		if err != nil {
			return err
		}
		st.Add(s)
		return nil
	}
	have := *reuse && prover.IsSplit(build)
	if want["compile"] && !have {
		split := []string{"--max-constraints", strconv.Itoa(m.maxCons)}
		if m.shards > 0 {
			split = []string{"--shards", strconv.Itoa(m.shards)}
		}
		args := []string{"compile", r.onnx, "--out", build, "--calibration", r.input, "--input-visibility", "hashed"}
		if m.output != "" {
			args = append(args, "--output-visibility", m.output)
		}
		if err := zkml(&r.compile, append(args, split...)...); err != nil {
			return r, err
		}
	}
	s, err := prover.OpenSplit(build)
	if err != nil {
		return r, err
	}
	r.segments = s.Manifest().Segments
	keys := s.Segments()[len(r.segments)-1].Settings().Setup != nil
	if want["setup"] && !(have && keys) {
		if err := zkml(&r.setup, "setup", build); err != nil {
			return r, err
		}
	}
	if want["segments"] {
		for i := range r.segments {
			var st measure.Stage
			if err := zkml(&st, "prove", build, "--input", r.input, "--segment", strconv.Itoa(i), "--out", filepath.Join(dir, fmt.Sprintf("segment-%d.json", i))); err != nil {
				return r, err
			}
			r.segProve = append(r.segProve, st)
		}
	}
	if want["prove"] || want["prove1"] {
		if err := zkml(&r.prove1, "prove", build, "--input", r.input, "--jobs", "1", "--out", chain); err != nil {
			return r, err
		}
	}
	if want["prove"] || want["prove2"] {
		if err := zkml(&r.prove2, "prove", build, "--input", r.input, "--jobs", "2", "--out", chain); err != nil {
			return r, err
		}
	}
	if want["verify"] {
		if err := zkml(&r.verify, "verify", build, chain); err != nil {
			return r, err
		}
	}
	if want["gas"] {
		if err := measureGas(r, build, chain); err != nil {
			return r, err
		}
	}
	return r, nil
}

// measureGas verifies the chain through ZkmlChain on the embedded chain,
// and each segment's proof through the registry alone, for comparison.
func measureGas(r *row, build, chainPath string) error {
	s, err := prover.OpenSplit(build)
	if err != nil {
		return err
	}
	cp, err := prover.ReadChainProof(chainPath)
	if err != nil {
		return err
	}
	g, err := measure.ChainOnChain(context.Background(), s, cp)
	if err != nil {
		return err
	}
	r.gas, r.regGas, r.segGas = g.Verify, g.Register, g.Segments
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func secs(st measure.Stage) string {
	if len(st.Samples) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", st.Seconds())
}

func mib(st measure.Stage) string {
	if len(st.Samples) == 0 {
		return "–"
	}
	return measure.MiB(st.PeakRSS())
}

func report(rows []*row, loadBefore string, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Split proving\n\n")
	fmt.Fprintf(&b, "Models cut at layer boundaries into segments (`zkml compile --max-constraints N`), each its own\n")
	fmt.Fprintf(&b, "Groth16 circuit, chained by Poseidon2 commitments of the tensors at each cut; every stage is one\n")
	fmt.Fprintf(&b, "`zkml` process (`nice -n 10`), its wall time and peak resident memory measured. Reproduce with\n\n")
	fmt.Fprintf(&b, "    make bench-split          # go run ./bench/cmd/split -out bench/SPLIT.md\n\n")
	fmt.Fprintf(&b, "Machine: %s; load average before %s, after %s; %s in all. The machine was shared with\n", measure.Machine(), loadBefore, measure.Load(), took.Round(time.Second))
	fmt.Fprintf(&b, "other engineers' runs: times are upper bounds of an idle machine's.\n\n")
	for _, r := range rows {
		how := fmt.Sprintf("--max-constraints %d", r.maxCons)
		if r.shards > 0 {
			how = fmt.Sprintf("--shards %d", r.shards)
		}
		vis := "hashed input"
		if r.output != "" {
			vis += ", " + r.output + " output"
		}
		fmt.Fprintf(&b, "## %s\n\n%s; the unsplit circuit: %s constraints. `%s`, %s.\n\n", r.name, r.shape, r.unsplitCount, how, vis)
		if len(r.segments) > 0 {
			fmt.Fprintf(&b, "| segment | ops | constraints | tensors passed on | prove alone (s) | its peak RSS (MiB) |\n|---|---|---:|---:|---:|---:|\n")
			total := 0
			for i, s := range r.segments {
				total += s.Constraints
				passed := "– (the outputs)"
				if i+1 < len(r.segments) {
					passed = strconv.Itoa(len(s.Outputs))
				}
				p, m := "–", "–"
				if i < len(r.segProve) {
					p, m = secs(r.segProve[i]), mib(r.segProve[i])
				}
				fmt.Fprintf(&b, "| %d | %d..%d | %d | %s | %s | %s |\n", i, s.Ops[0], s.Ops[1]-1, s.Constraints, passed, p, m)
			}
			fmt.Fprintf(&b, "| **all** | | **%d** | | | |\n\n", total)
		}
		fmt.Fprintf(&b, "| stage | wall (s) | peak RSS (MiB) |\n|---|---:|---:|\n")
		fmt.Fprintf(&b, "| compile (cuts chosen from per-op estimates, every segment compiled) | %s | %s |\n", secs(r.compile), mib(r.compile))
		fmt.Fprintf(&b, "| setup (every segment, one after the other) | %s | %s |\n", secs(r.setup), mib(r.setup))
		fmt.Fprintf(&b, "| prove the chain, `--jobs 1` | %s | %s |\n", secs(r.prove1), mib(r.prove1))
		fmt.Fprintf(&b, "| prove the chain, `--jobs 2` | %s | %s |\n", secs(r.prove2), mib(r.prove2))
		fmt.Fprintf(&b, "| verify the chain | %s | %s |\n\n", secs(r.verify), mib(r.verify))
		if r.gas > 0 {
			fmt.Fprintf(&b, "On chain (embedded chain, generic Groth16 verifiers): `ZkmlChain.verifyChain` of the %d proofs and links in one transaction: **%d gas**; the %d segments verified one by one through the registry would cost %d gas (estimates, summed) — the chain adds its links and its own result. Registering the chain (after its segments): %d gas.\n\n",
				len(r.segments), r.gas, len(r.segments), r.segGas, r.regGas)
		}
		for _, n := range r.notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
		if len(r.notes) > 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}
