// Command ceremony measures a Groth16 ceremony round next to the
// single-party setup, each step its own `zkml` process: compile, `zkml
// setup` (single party), `zkml ceremony init` from a .ptau, one `ceremony
// contribute`, `ceremony verify`, `ceremony finalize`, then a proof with
// the ceremony's keys, checked. It records each step's wall time and peak
// resident memory, and the sizes of phase1.bin and of a contribution file,
// and writes bench/CEREMONY.md. Run it with `make bench-ceremony` from the
// repository root.
//
// The .ptau is written here from a known τ (internal/ptautest, the power
// the circuit needs) unless -ptau names one: making a power-20 file with
// snarkjs takes hours on a small machine, and what the ceremony costs does
// not depend on where its powers came from.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/internal/ptautest"
	"github.com/zkml/zkml/prover"
)

var (
	out    = flag.String("out", "bench/CEREMONY.md", "file to write (- for stdout)")
	models = flag.String("models", "mlp-128,resnet18-w8-32", "comma-separated models: mlp-W (64-W-W-10) or resnet18-wW-S (internal/onnxbuild.ResNet)")
	ptau   = flag.String("ptau", "", "powers-of-tau `FILE` to use (default: one written from a known τ at the power each circuit needs)")
	keep   = flag.String("keep", "", "keep the builds and ceremony files under `DIR` (default: a temporary folder, removed)")
)

// A model of internal/onnxbuild by name.
type model struct {
	name, shape string
	inputs      int
	build       func() *onnxbuild.Model
}

func parseModel(name string) (model, error) {
	var w, s int
	if _, err := fmt.Sscanf(name, "mlp-%d", &w); err == nil && w > 0 {
		return model{name, fmt.Sprintf("MLP 64-%d-%d-10", w, w), 64, func() *onnxbuild.Model { return onnxbuild.MLP("mlp", 1, 64, w, w, 10) }}, nil
	}
	if _, err := fmt.Sscanf(name, "resnet18-w%d-%d", &w, &s); err == nil && w > 0 && s > 0 {
		return model{name, fmt.Sprintf("ResNet-18 shape, 3×%d×%d, width %d", s, s, w), 3 * s * s, func() *onnxbuild.Model { return onnxbuild.ResNet("resnet", 1, w, s) }}, nil
	}
	return model{}, fmt.Errorf("model %q: want mlp-W or resnet18-wW-S", name)
}

// The steps, in order.
var steps = []string{"compile", "ptau", "init", "contribute", "setup", "verify", "finalize", "prove", "verify proof"}

type row struct {
	model
	constraints, power int
	samples            map[string]measure.Sample
	phase1, contrib    int64
}

func main() {
	flag.Parse()
	log.SetFlags(log.Ltime)
	loadBefore := measure.Load()
	start := time.Now()
	tmp := *keep
	if tmp == "" {
		var err error
		if tmp, err = os.MkdirTemp("", "zkml-ceremony"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
	} else if err := os.MkdirAll(tmp, 0o755); err != nil {
		log.Fatal(err)
	}
	bin, err := measure.Build(tmp, "./cmd/zkml")
	if err != nil {
		log.Fatal(err)
	}
	var rows []*row
	for _, name := range strings.Split(*models, ",") {
		m, err := parseModel(strings.TrimSpace(name))
		if err != nil {
			log.Fatal(err)
		}
		r, err := measureModel(bin, tmp, m)
		if err != nil {
			log.Fatalf("%s: %v", m.name, err)
		}
		rows = append(rows, r)
	}
	text := report(rows, loadBefore, time.Since(start))
	if *out == "-" {
		fmt.Print(text)
		return
	}
	if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}

func measureModel(bin, tmp string, m model) (*row, error) {
	r := &row{model: m, samples: map[string]measure.Sample{}}
	dir := filepath.Join(tmp, m.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if *keep == "" {
		defer os.RemoveAll(dir)
	}
	p := func(n string) string { return filepath.Join(dir, n) }
	if err := os.WriteFile(p("network.onnx"), m.build().Bytes(), 0o644); err != nil {
		return nil, err
	}
	in, _ := json.Marshal(map[string][][]float64{"input_data": {onnxbuild.Input(m.inputs, 2)}})
	if err := os.WriteFile(p("input.json"), in, 0o644); err != nil {
		return nil, err
	}
	zkml := func(step string, args ...string) error {
		log.Printf("%s: %s", m.name, step)
		s, err := measure.Run(exec.Command(bin, append(args, "--quiet")...))
		if err != nil {
			return err
		}
		r.samples[step] = s
		log.Printf("%s: %s took %.1f s, peak %s MiB", m.name, step, s.Wall.Seconds(), measure.MiB(s.RSS))
		return nil
	}
	build := p("build")
	if err := zkml("compile", "compile", p("network.onnx"), "--out", build, "--calibration", p("input.json"), "--backend", "groth16"); err != nil {
		return nil, err
	}
	b, err := prover.Open(build)
	if err != nil {
		return nil, err
	}
	r.constraints = b.Settings().Circuit.Constraints
	r.power = bits.Len64(ecc.NextPowerOfTwo(uint64(r.constraints)) - 1)
	ptauPath := *ptau
	if ptauPath == "" {
		ptauPath = p("synthetic.ptau")
		log.Printf("%s: writing a power-%d .ptau", m.name, r.power)
		t := time.Now()
		if err := ptautest.Write(ptauPath, r.power, 1234567, 89, 1011); err != nil {
			return nil, err
		}
		r.samples["ptau"] = measure.Sample{Wall: time.Since(t)}
	}
	// The single-party setup runs between contribute and verify so that
	// finalize's keys are the ones proven with; it leaves the ceremony's
	// files alone.
	steps := [][]string{
		{"init", "ceremony", "init", build, "--ptau", ptauPath, "--out", p("c0")},
		{"contribute", "ceremony", "contribute", p("c0"), "--out", p("c1")},
		{"setup", "setup", build},
		{"verify", "ceremony", "verify", build, p("c0"), p("c1")},
		{"finalize", "ceremony", "finalize", build, p("c0"), p("c1"), "--beacon", "0123456789abcdef"},
		{"prove", "prove", build, "--input", p("input.json"), "--out", p("proof.json")},
		{"verify proof", "verify", build, p("proof.json")},
	}
	for _, s := range steps {
		if err := zkml(s[0], s[1:]...); err != nil {
			return nil, err
		}
		if s[0] == "init" && *ptau == "" && *keep == "" {
			os.Remove(ptauPath) // hundreds of MiB at power 20
		}
	}
	if kind := mustOpen(build).SetupKind(); kind != prover.SetupCeremony {
		return nil, fmt.Errorf("after finalize the build's setup is %q, not %q", kind, prover.SetupCeremony)
	}
	r.phase1 = measure.FileSize(filepath.Join(build, "phase1.bin"))
	r.contrib = measure.FileSize(p("c1"))
	return r, nil
}

func mustOpen(dir string) *prover.Build {
	b, err := prover.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func report(rows []*row, loadBefore string, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Groth16 ceremony: a round next to the single-party setup\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/ceremony %s` (`make bench-ceremony`) on %s in %s: %s, %s memory.\n",
		strings.Join(os.Args[1:], " "), time.Now().UTC().Format("2006-01-02 15:04 MST"), took.Round(time.Second), measure.Machine(), measure.Size(memTotal()))
	fmt.Fprintf(&b, "Load average (1, 5, 15 min) at the start: %s; at the end: %s. The machine is shared (other jobs ran; above\n", loadBefore, measure.Load())
	fmt.Fprintf(&b, "its core count, times are inflated). Each step is one run of the `zkml` CLI as its own process; peak MiB is that\n")
	fmt.Fprintf(&b, "process's peak resident set size. Groth16 with zkml's defaults (lookup range checks, so a BSB22 commitment).\n")
	if *ptau == "" {
		fmt.Fprintf(&b, "The .ptau is written by internal/ptautest from a known τ at the power the circuit needs (\"ptau s\"), not by\n")
		fmt.Fprintf(&b, "snarkjs: the ceremony's cost does not depend on who made the powers, and `zkml ceremony init` checks them alike.\n")
	} else {
		fmt.Fprintf(&b, "The .ptau is %s.\n", *ptau)
	}
	fmt.Fprintf(&b, "\n| model | constraints | ptau power | step | wall s | peak MiB |\n|---|---:|---:|---|---:|---:|\n")
	for _, r := range rows {
		for _, st := range steps {
			s, ok := r.samples[st]
			if !ok {
				continue
			}
			rss := "–"
			if s.RSS > 0 {
				rss = measure.MiB(s.RSS)
			}
			fmt.Fprintf(&b, "| %s | %d | %d | %s | %.1f | %s |\n", r.name, r.constraints, r.power, st, s.Wall.Seconds(), rss)
		}
	}
	fmt.Fprintf(&b, "\n| model | single-party setup s | ceremony round s (init + contribute + verify + finalize) | largest peak MiB of the round | phase1.bin | a contribution file |\n|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		var round float64
		var peak int64
		for _, st := range []string{"init", "contribute", "verify", "finalize"} {
			round += r.samples[st].Wall.Seconds()
			peak = max(peak, r.samples[st].RSS)
		}
		fmt.Fprintf(&b, "| %s (%s) | %.0f | %.0f | %s | %s | %s |\n", r.name, r.shape, r.samples["setup"].Wall.Seconds(), round, measure.MiB(peak), measure.Size(r.phase1), measure.Size(r.contrib))
	}
	return b.String()
}

func memTotal() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			var kb int64
			fmt.Sscan(f[1], &kb)
			return kb * 1024
		}
	}
	return 0
}
