// Command ceremony measures a Groth16 ceremony round next to the
// single-party setup, each step its own `zkml` process: compile, `zkml
// ceremony init` from a .ptau, one `ceremony contribute`, `zkml setup`
// (single party), `ceremony verify`, `ceremony finalize`, then a proof with
// the ceremony's keys, checked. It records each step's wall time, CPU time
// and peak resident memory, and the sizes of phase1.bin and of a
// contribution file, and writes bench/CEREMONY.md, rewritten after every
// step so that a run stopped early keeps what it measured; when the largest
// model finished is below a power-20 domain, the report extrapolates to it.
// Run it with `make bench-ceremony` from the repository root: by default up
// to a ResNet-18-shaped CNN of 706k constraints (power 20), about 40 minutes
// on 2 cores (hours with -raw).
//
// The .ptau is written here from a known τ (internal/ptautest, the power
// the circuit needs, prepared for phase 2 unless -raw) unless -ptau names
// one: making a power-20 file with
// snarkjs (new, contribute, prepare phase2) takes hours of CPU, and what
// the ceremony costs does not depend on where its powers came from.
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
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/internal/ptautest"
	"github.com/zkml/zkml/prover"
)

var (
	out        = flag.String("out", "bench/CEREMONY.md", "file to write (- for stdout)")
	models     = flag.String("models", "resnet18-w2-8,resnet18-w2-16,resnet18-w8-32", "comma-separated models: mlp-W (64-W-W-10) or resnet18-wW-S (internal/onnxbuild.ResNet)")
	ptau       = flag.String("ptau", "", "powers-of-tau `FILE` to use (default: one written from a known τ at the power each circuit needs)")
	snarkPower = flag.Int("snarkjs", 12, "also time snarkjs making a phase 1 of this `power` (new, one contribute) when `make tools` installed it; 0: don't")
	raw        = flag.Bool("raw", false, "write the .ptau without the Lagrange forms of `snarkjs powersoftau prepare phase2`, so that init, verify and finalize compute them with gnark's group FFTs (hours at power 20)")
	keep       = flag.String("keep", "", "keep the builds and ceremony files under `DIR` (default: a temporary folder, removed)")
)

// notesMarker starts the part of the report written by hand (what the
// numbers mean), which a new run keeps.
const notesMarker = "<!-- notes: written by hand; bench/cmd/ceremony keeps what follows -->"

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
	var snark *snarkjsRun
	// write rewrites the report; it runs after every step, so that a run
	// stopped early leaves the steps it measured.
	write := func() {
		if *out == "-" {
			return
		}
		text := report(rows, snark, loadBefore, time.Since(start))
		if old, err := os.ReadFile(*out); err == nil {
			if i := strings.Index(string(old), notesMarker); i >= 0 {
				text += "\n" + string(old[i:])
			}
		}
		if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	var ms []model
	for _, name := range strings.Split(*models, ",") {
		m, err := parseModel(strings.TrimSpace(name))
		if err != nil {
			log.Fatal(err)
		}
		ms = append(ms, m)
	}
	for _, m := range ms {
		r := &row{model: m, samples: map[string]measure.Sample{}}
		rows = append(rows, r)
		if err := measureModel(bin, tmp, r, write); err != nil {
			log.Fatalf("%s: %v", m.name, err)
		}
	}
	if *snarkPower > 0 {
		if snark, err = timeSnarkjs(tmp, *snarkPower); err != nil {
			log.Fatal(err)
		}
	}
	if *out == "-" {
		fmt.Print(report(rows, snark, loadBefore, time.Since(start)))
		return
	}
	write()
	log.Printf("wrote %s", *out)
}

func measureModel(bin, tmp string, r *row, done func()) error {
	m := r.model
	dir := filepath.Join(tmp, m.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if *keep == "" {
		defer os.RemoveAll(dir)
	}
	p := func(n string) string { return filepath.Join(dir, n) }
	if err := os.WriteFile(p("network.onnx"), m.build().Bytes(), 0o644); err != nil {
		return err
	}
	in, _ := json.Marshal(map[string][][]float64{"input_data": {onnxbuild.Input(m.inputs, 2)}})
	if err := os.WriteFile(p("input.json"), in, 0o644); err != nil {
		return err
	}
	zkml := func(step string, args ...string) error {
		log.Printf("%s: %s", m.name, step)
		cmd := exec.Command(bin, append(args, "--quiet")...)
		// The single-party setup is measured, not fetched from the key cache.
		cmd.Env = append(os.Environ(), "ZKML_KEY_CACHE=off")
		s, err := measure.Run(cmd)
		if err != nil {
			return err
		}
		r.samples[step] = s
		log.Printf("%s: %s took %.1f s (CPU %.1f s), peak %s MiB", m.name, step, s.Wall.Seconds(), s.CPU.Seconds(), measure.MiB(s.RSS))
		done()
		return nil
	}
	build := p("build")
	if err := zkml("compile", "compile", p("network.onnx"), "--out", build, "--calibration", p("input.json"), "--backend", "groth16"); err != nil {
		return err
	}
	b, err := prover.Open(build)
	if err != nil {
		return err
	}
	r.constraints = b.Settings().Circuit.Constraints
	r.power = bits.Len64(ecc.NextPowerOfTwo(uint64(r.constraints)) - 1)
	ptauPath := *ptau
	if ptauPath == "" {
		ptauPath = p("synthetic.ptau")
		write, what := ptautest.WritePrepared, "prepared"
		if *raw {
			write, what = ptautest.Write, "raw"
		}
		log.Printf("%s: writing a power-%d %s .ptau", m.name, r.power, what)
		t, cpu := time.Now(), cpuTime()
		if err := write(ptauPath, r.power, 1234567, 89, 1011); err != nil {
			return err
		}
		r.samples["ptau"] = measure.Sample{Wall: time.Since(t), CPU: cpuTime() - cpu}
		done()
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
			return err
		}
		switch s[0] {
		case "init":
			r.phase1 = measure.FileSize(filepath.Join(build, "phase1.bin"))
			if *ptau == "" && *keep == "" {
				os.Remove(ptauPath) // hundreds of MiB at power 20
			}
		case "contribute":
			r.contrib = measure.FileSize(p("c1"))
		}
	}
	if kind := mustOpen(build).SetupKind(); kind != prover.SetupCeremony {
		return fmt.Errorf("after finalize the build's setup is %q, not %q", kind, prover.SetupCeremony)
	}
	return nil
}

// snarkjsRun is the time snarkjs took to make a phase 1.
type snarkjsRun struct {
	version         string
	power           int
	new, contribute measure.Sample
}

// timeSnarkjs times `snarkjs powersoftau new` and one `contribute` at
// power, with the snarkjs of `make tools`; nil when it is not installed.
func timeSnarkjs(tmp string, power int) (*snarkjsRun, error) {
	bin := filepath.Join(".tools", "node_modules", ".bin", "snarkjs")
	pkg, err := os.ReadFile(filepath.Join(".tools", "node_modules", "snarkjs", "package.json"))
	if err != nil {
		log.Printf("snarkjs: not installed (make tools); not timed")
		return nil, nil
	}
	var v struct{ Version string }
	json.Unmarshal(pkg, &v)
	r := &snarkjsRun{version: "snarkjs " + v.Version, power: power}
	p0, p1 := filepath.Join(tmp, "snarkjs_0.ptau"), filepath.Join(tmp, "snarkjs_1.ptau")
	defer os.Remove(p0)
	defer os.Remove(p1)
	log.Printf("snarkjs: powersoftau new bn128 %d", power)
	if r.new, err = measure.Run(exec.Command(bin, "powersoftau", "new", "bn128", strconv.Itoa(power), p0)); err != nil {
		return nil, err
	}
	log.Printf("snarkjs: powersoftau contribute")
	if r.contribute, err = measure.Run(exec.Command(bin, "powersoftau", "contribute", p0, p1, "--name=bench", "-e=bench entropy")); err != nil {
		return nil, err
	}
	return r, nil
}

func mustOpen(dir string) *prover.Build {
	b, err := prover.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func report(rows []*row, snark *snarkjsRun, loadBefore string, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Groth16 ceremony: a round next to the single-party setup\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/ceremony %s` (`make bench-ceremony` runs it with defaults but -out) on %s in %s:\n",
		strings.Join(os.Args[1:], " "), time.Now().UTC().Format("2006-01-02 15:04 MST"), took.Round(time.Second))
	fmt.Fprintf(&b, "%s, %s memory. Load average (1, 5, 15 min) at the start: %s; at the end: %s. **The machine was shared**\n",
		measure.Machine(), measure.Size(memTotal()), loadBefore, measure.Load())
	fmt.Fprintf(&b, "(other engineers' jobs, this one under `nice`): above the core count, wall times are inflated; CPU s (user + system)\n")
	fmt.Fprintf(&b, "is what the load does not inflate. Each step is one run of the `zkml` CLI as its own process; peak MiB is that\n")
	fmt.Fprintf(&b, "process's peak resident set size. Groth16 with zkml's defaults (lookup range checks, so a BSB22 commitment).\n")
	if *ptau == "" {
		fmt.Fprintf(&b, "The .ptau is written by internal/ptautest from a known τ at the power the circuit needs (step \"ptau\", in the\n")
		fmt.Fprintf(&b, "harness's own process): the ceremony's cost does not depend on who made the powers, and `ceremony init` checks them alike.\n")
		if *raw {
			fmt.Fprintf(&b, "The file is raw (-raw: no Lagrange forms), so init, verify and finalize run gnark's group FFTs.\n")
		} else {
			fmt.Fprintf(&b, "The file is phase-2-prepared (Lagrange forms in sections 12–15, as `snarkjs powersoftau prepare phase2` writes them and as\n")
			fmt.Fprintf(&b, "the public ceremonies' `_final_` files have them): init, verify and finalize read them instead of running gnark's group FFTs.\n")
		}
	} else {
		fmt.Fprintf(&b, "The .ptau is %s.\n", *ptau)
	}
	fmt.Fprintf(&b, "\n| model | constraints | ptau power | step | wall s | CPU s | peak MiB |\n|---|---:|---:|---|---:|---:|---:|\n")
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
			fmt.Fprintf(&b, "| %s | %d | %d | %s | %.1f | %.1f | %s |\n", r.name, r.constraints, r.power, st, s.Wall.Seconds(), s.CPU.Seconds(), rss)
		}
	}
	fmt.Fprintf(&b, "\n| model | single-party setup CPU s | ceremony round CPU s (init + contribute + verify + finalize) | largest peak MiB of the round | phase1.bin | a contribution file |\n|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		if !r.complete() {
			continue
		}
		var round float64
		var peak int64
		for _, st := range roundSteps {
			round += r.samples[st].CPU.Seconds()
			peak = max(peak, r.samples[st].RSS)
		}
		fmt.Fprintf(&b, "| %s (%s) | %.1f | %.1f | %s | %s | %s |\n", r.name, r.shape, r.samples["setup"].CPU.Seconds(), round, measure.MiB(peak), measure.Size(r.phase1), measure.Size(r.contrib))
	}
	estimate(&b, rows)
	if snark != nil {
		fmt.Fprintf(&b, "\n**Making the .ptau with snarkjs** (%s, `powersoftau new bn128 %d` then one `contribute`): %.1f s and %.1f s wall,\n",
			snark.version, snark.power, snark.new.Wall.Seconds(), snark.contribute.Wall.Seconds())
		fmt.Fprintf(&b, "%.1f s and %.1f s CPU. The contribution is linear in 2^power: at power 20, about %.1f CPU hours for each contributor\n",
			snark.new.CPU.Seconds(), snark.contribute.CPU.Seconds(), snark.contribute.CPU.Seconds()*float64(int(1)<<(20-snark.power))/3600)
		fmt.Fprintf(&b, "of a phase 1 (and `prepare phase2` more), which is why production uses a public ceremony's file and this harness a synthetic one.\n")
	}
	return b.String()
}

var roundSteps = []string{"init", "contribute", "verify", "finalize"}

func (r *row) complete() bool {
	for _, st := range append([]string{"setup"}, roundSteps...) {
		if _, ok := r.samples[st]; !ok {
			return false
		}
	}
	return true
}

// estimate extrapolates the largest complete row to a power-20 domain
// (about 1M constraints), from how each step grows: with -raw, init, verify
// and finalize are dominated by gnark's Lagrange transform of the powers of
// τ (N/2·log₂N scalar multiplications in G1, three times, and in G2);
// otherwise, and for a contribution and the single-party setup, by
// per-point work (N). Memory grows linearly: the slope between the two
// largest complete rows.
func estimate(b *strings.Builder, rows []*row) {
	var done []*row
	for _, r := range rows {
		if r.complete() {
			done = append(done, r)
		}
	}
	if len(done) < 2 {
		return
	}
	slices.SortFunc(done, func(x, y *row) int { return x.power - y.power })
	big, small := done[len(done)-1], done[len(done)-2]
	const target = 20
	if big.power >= target || big.power == small.power {
		return
	}
	n := func(p int) float64 { return float64(int(1) << p) }
	nlogn := func(p int) float64 { return n(p) * float64(p) }
	fmt.Fprintf(b, "\n## Extrapolated to a power-20 domain (about 1M constraints)\n\n")
	if *raw {
		fmt.Fprintf(b, "From %s (power %d): CPU time scaled by N·log₂N for init, verify and finalize (gnark's Lagrange transform of the\n", big.name, big.power)
		fmt.Fprintf(b, "powers, N/2·log₂N scalar multiplications in G1 three times and in G2 once, dominates them) and by N for contribute and\n")
		fmt.Fprintf(b, "the single-party setup; peak memory along the line through %s and %s. On 2 idle cores, wall time is\n", small.name, big.name)
		fmt.Fprintf(b, "between CPU/2 and CPU (the first level of gnark's transform runs on one core).\n\n")
	} else {
		fmt.Fprintf(b, "From %s (power %d): CPU time scaled by N (from a prepared .ptau every step is per-point work and\n", big.name, big.power)
		fmt.Fprintf(b, "multi-scalar multiplications); peak memory along the line through %s and %s.\n\n", small.name, big.name)
	}
	fmt.Fprintf(b, "| step | CPU s at power %d | estimated CPU s at power 20 | estimated CPU hours | estimated peak MiB |\n|---|---:|---:|---:|---:|\n", big.power)
	for _, st := range append([]string{"setup"}, roundSteps...) {
		s, s0 := big.samples[st], small.samples[st]
		f := nlogn(target) / nlogn(big.power)
		if st == "setup" || st == "contribute" || !*raw {
			f = n(target) / n(big.power)
		}
		cpu := s.CPU.Seconds() * f
		slope := float64(s.RSS-s0.RSS) / (n(big.power) - n(small.power))
		rss := float64(s.RSS) + max(slope, 0)*(n(target)-n(big.power))
		fmt.Fprintf(b, "| %s | %.1f | %.0f | %.1f | %s |\n", st, s.CPU.Seconds(), cpu, cpu/3600, measure.MiB(int64(rss)))
	}
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

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
