// Command overhead measures the time around gnark's prover on the
// project's ResNet-18-shaped model (internal/onnxbuild.ResNet): compile,
// the development Groth16 setup (fresh, and reused from the key cache),
// `zkml prove` next to gnark's bare groth16.Prove on the same constraint
// system and keys, and verify, each stage its own process, all in one run.
// With -baseline it runs the same stages with another zkml binary (an
// older build, for before/after), and with -gnark-setup it also times
// gnark's own groth16.Setup on the same constraint system. It writes its
// table into bench/RESULTS.md between the overhead markers. Run it with
// `make bench-overhead` from the repository root.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/logger"

	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/prover"
)

var (
	out        = flag.String("out", "bench/RESULTS.md", "file whose overhead section to (re)write (- for stdout)")
	models     = flag.String("models", "resnet18-w8-32", "comma-separated members resnet18-wW-S of the ResNet family (width W, input 3×S×S)")
	beforeMax  = flag.Int("before-max", 1<<62, "run -baseline and -gnark-setup only on models up to `N` constraints")
	runs       = flag.Int("runs", 2, "runs of prove and of the bare gnark prover (the fastest is reported)")
	baseline   = flag.String("baseline", "", "another zkml `BINARY` to run the same stages with (before/after)")
	gnarkSetup = flag.Bool("gnark-setup", false, "also time gnark's own groth16.Setup on the same constraint system (slow)")
	bare       = flag.String("bare", "", "internal: time gnark alone on the build `DIR` and print JSON")
	input      = flag.String("input", "", "internal: the input file of -bare")
)

const (
	beginMark = "<!-- overhead:begin (written by bench/cmd/overhead) -->"
	endMark   = "<!-- overhead:end -->"
)

func main() {
	flag.Parse()
	log.SetFlags(0)
	if *bare != "" {
		if err := runBare(*bare, *input, *gnarkSetup, *runs); err != nil {
			log.Fatal(err)
		}
		return
	}
	loadBefore := measure.Load()
	start := time.Now()
	tmp, err := os.MkdirTemp("", "zkml-overhead")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin, err := measure.Build(tmp, "./cmd/zkml")
	if err != nil {
		log.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	var text strings.Builder
	for _, name := range strings.Split(*models, ",") {
		var w, sz int
		if _, err := fmt.Sscanf(name, "resnet18-w%d-%d", &w, &sz); err != nil || w <= 0 || sz <= 0 {
			log.Fatalf("-models: %q is not resnet18-wW-S", name)
		}
		rows, err := measureModel(name, w, sz, tmp, bin, self)
		if err != nil {
			log.Fatal(err)
		}
		text.WriteString(report(name, rows))
	}
	all := "## Setup and the time around the prover\n\n" + footer(loadBefore, time.Since(start)) + text.String()
	if *out == "-" {
		fmt.Print(all)
		return
	}
	if err := writeSection(*out, all); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}

func measureModel(name string, w, sz int, tmp, bin, self string) ([]*result, error) {
	dir := filepath.Join(tmp, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	model, in := filepath.Join(dir, "network.onnx"), filepath.Join(dir, "input.json")
	if err := os.WriteFile(model, onnxbuild.ResNet("resnet", 1, w, sz).Bytes(), 0o644); err != nil {
		return nil, err
	}
	data, _ := json.Marshal(map[string][][]float64{"input_data": {onnxbuild.Input(3*sz*sz, 2)}})
	if err := os.WriteFile(in, data, 0o644); err != nil {
		return nil, err
	}
	log.Printf("%s: this tree", name)
	r, err := measureBinary(bin, dir, "after", model, in, self, true)
	if err != nil {
		return nil, err
	}
	rows := []*result{r}
	if *baseline != "" && r.constraints <= *beforeMax {
		log.Printf("%s: baseline %s", name, *baseline)
		before, err := measureBinary(*baseline, dir, "before", model, in, self, false)
		if err != nil {
			return nil, err
		}
		rows = append([]*result{before}, rows...)
	}
	return rows, nil
}

// result is one binary's run.
type result struct {
	label                         string
	constraints                   int
	compile, setup, reuse, verify measure.Stage
	prove                         measure.Stage
	bareProve, bareSetup          []float64 // seconds
	bareRSS                       int64
	zkmlProveGnark                []float64 // gnark's prover inside zkml prove (Timings.Prove)
	pk, ccs, plan                 int64
	setupNote                     string
}

func measureBinary(bin, tmp, label, model, in, self string, current bool) (*result, error) {
	r := &result{label: label}
	build := filepath.Join(tmp, label)
	proof := filepath.Join(tmp, label+"-proof.json")
	cache := filepath.Join(tmp, label+"-cache")
	run := func(st *measure.Stage, env []string, args ...string) error {
		cmd := exec.Command(bin, append(args, "--quiet")...)
		cmd.Env = append(os.Environ(), env...)
		s, err := measure.Run(cmd)
		if err != nil {
			return err
		}
		st.Add(s)
		return nil
	}
	if err := run(&r.compile, nil, "compile", model, "--out", build, "--calibration", in, "--backend", "groth16"); err != nil {
		return nil, err
	}
	// settings.json, not prover.Open: a child's peak RSS starts from this
	// process's (the child shares its memory until exec), so this process
	// must stay small.
	var settings struct {
		Circuit struct{ Constraints int } `json:"circuit"`
	}
	if data, err := os.ReadFile(filepath.Join(build, "settings.json")); err == nil {
		json.Unmarshal(data, &settings)
	}
	r.constraints = settings.Circuit.Constraints
	log.Printf("  %s: %d constraints, compiled in %.1f s", label, r.constraints, r.compile.Seconds())
	// A fresh development setup, storing its keys in an empty cache, then
	// the same setup again, which the cache answers.
	env := []string{"ZKML_KEY_CACHE=" + cache}
	if err := run(&r.setup, env, "setup", build); err != nil {
		return nil, err
	}
	log.Printf("  %s: set up in %.1f s", label, r.setup.Seconds())
	if current {
		if err := run(&r.reuse, env, "setup", build); err != nil {
			return nil, err
		}
	}
	for i := 0; i < *runs; i++ {
		if err := run(&r.prove, nil, "prove", build, "--input", in, "--out", proof); err != nil {
			return nil, err
		}
		if current {
			// gnark alone, in its own process, right after.
			if err := bareChild(self, build, in, r); err != nil {
				return nil, err
			}
		}
	}
	log.Printf("  %s: proved in %.1f s", label, minWall(&r.prove))
	if err := run(&r.verify, nil, "verify", build, proof); err != nil {
		return nil, err
	}
	if current && *gnarkSetup && r.constraints <= *beforeMax {
		if err := bareChildSetup(self, build, in, r); err != nil {
			return nil, err
		}
	}
	r.pk = measure.FileSize(filepath.Join(build, "pk.bin"))
	r.ccs = measure.FileSize(filepath.Join(build, "circuit.ccs"))
	r.plan = measure.FileSize(filepath.Join(build, "plan.bin"))
	os.RemoveAll(build)
	os.RemoveAll(cache)
	return r, nil
}

type bareResult struct {
	Prove []float64
	Setup float64
}

func bareChild(self, build, in string, r *result) error {
	var stdout bytes.Buffer
	cmd := exec.Command(self, "-bare", build, "-input", in, "-runs", "1")
	cmd.Stdout = &stdout
	s, err := measure.Run(cmd)
	if err != nil {
		return err
	}
	var br bareResult
	if err := json.Unmarshal(stdout.Bytes(), &br); err != nil {
		return fmt.Errorf("bare: %v: %s", err, stdout.String())
	}
	r.bareProve = append(r.bareProve, br.Prove...)
	r.bareRSS = max(r.bareRSS, s.RSS)
	return nil
}

func bareChildSetup(self, build, in string, r *result) error {
	var stdout bytes.Buffer
	cmd := exec.Command(self, "-bare", build, "-input", in, "-runs", "0", "-gnark-setup")
	cmd.Stdout = &stdout
	if _, err := measure.Run(cmd); err != nil {
		return err
	}
	var br bareResult
	if err := json.Unmarshal(stdout.Bytes(), &br); err != nil {
		return fmt.Errorf("bare: %v: %s", err, stdout.String())
	}
	r.bareSetup = append(r.bareSetup, br.Setup)
	return nil
}

// runBare loads the build's circuit.ccs and pk.bin with gnark's own
// readers (the payload after zkml's 96-byte header), computes the witness
// as zkml does, and times groth16.Prove alone, with the options zkml
// passes it; with setup, it times groth16.Setup instead.
func runBare(dir, in string, setup bool, runs int) error {
	logger.Disable() // gnark logs to stdout, where the result goes
	b, err := prover.Open(dir)
	if err != nil {
		return err
	}
	ccs := groth16.NewCS(ecc.BN254)
	if err := readPayload(filepath.Join(dir, "circuit.ccs"), ccs.ReadFrom); err != nil {
		return err
	}
	var res bareResult
	if setup {
		t := time.Now()
		if _, _, err := groth16.Setup(ccs); err != nil {
			return err
		}
		res.Setup = time.Since(t).Seconds()
	}
	if runs > 0 {
		pk := groth16.NewProvingKey(ecc.BN254)
		if err := readPayload(filepath.Join(dir, "pk.bin"), pk.UnsafeReadFrom); err != nil {
			return err
		}
		inputs, err := modelio.ReadInputFile(in)
		if err != nil {
			return err
		}
		p, err := b.Plan()
		if err != nil {
			return err
		}
		q, err := p.QuantizeInputs(inputs)
		if err != nil {
			return err
		}
		tensors, err := p.Run(q)
		if err != nil {
			return err
		}
		st := b.Settings()
		opts := []circuits.Option{circuits.WithInputVisibility(st.Visibility.Input), circuits.WithOutputVisibility(st.Visibility.Output)}
		if k := b.Packing(); k.Enabled() {
			opts = append(opts, circuits.WithPackedOutputs(k))
		}
		if st.Circuit.DomainFlag {
			opts = append(opts, circuits.WithDomainFlag())
		}
		assignment, err := circuits.Assign(p, tensors, opts...)
		if err != nil {
			return err
		}
		w, err := frontend.NewWitness(assignment, ecc.BN254.ScalarField())
		if err != nil {
			return err
		}
		for range runs {
			t := time.Now()
			if _, err := groth16.Prove(ccs, pk, w, solidity.WithProverTargetSolidityVerifier(backend.GROTH16)); err != nil {
				return err
			}
			res.Prove = append(res.Prove, time.Since(t).Seconds())
		}
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}

// readPayload hands read the payload of the zkml artifact at path.
func readPayload(path string, read func(io.Reader) (int64, error)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Seek(96, io.SeekStart); err != nil {
		return err
	}
	_, err = read(bufio.NewReaderSize(f, 1<<20))
	return err
}

func minWall(st *measure.Stage) float64 {
	if len(st.Samples) == 0 {
		return 0
	}
	m := st.Samples[0].Wall
	for _, s := range st.Samples {
		m = min(m, s.Wall)
	}
	return m.Seconds()
}

func minOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return slices.Min(xs)
}

func report(name string, rows []*result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", name)
	fmt.Fprintf(&b, "| binary | constraints | compile s | setup s | setup, keys reused s | zkml prove s (wall) | bare gnark Prove s | prove / bare | setup / bare prove | verify s | peak MiB (compile / setup / prove / bare prove) | pk / ccs / plan |\n")
	fmt.Fprintf(&b, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n")
	var bareProve float64
	for _, r := range rows {
		if len(r.bareProve) > 0 {
			bareProve = minOf(r.bareProve)
		}
	}
	for _, r := range rows {
		reuse, ratio, setupRatio := "–", "–", "–"
		if len(r.reuse.Samples) > 0 {
			reuse = fmt.Sprintf("%.2f", r.reuse.Seconds())
		}
		bp := "–"
		if len(r.bareProve) > 0 {
			bp = fmt.Sprintf("%.2f", minOf(r.bareProve))
		}
		if bareProve > 0 {
			ratio = fmt.Sprintf("%.2f×", minWall(&r.prove)/bareProve)
			setupRatio = fmt.Sprintf("%.2f×", r.setup.Seconds()/bareProve)
		}
		bareRSS := "–"
		if r.bareRSS > 0 {
			bareRSS = measure.MiB(r.bareRSS)
		}
		fmt.Fprintf(&b, "| %s | %d | %.1f | %.1f | %s | %.2f | %s | %s | %s | %.2f | %s / %s / %s / %s | %s / %s / %s |\n",
			r.label, r.constraints, r.compile.Seconds(), r.setup.Seconds(), reuse, minWall(&r.prove), bp, ratio, setupRatio, r.verify.Seconds(),
			measure.MiB(r.compile.PeakRSS()), measure.MiB(r.setup.PeakRSS()), measure.MiB(r.prove.PeakRSS()), bareRSS,
			measure.Size(r.pk), measure.Size(r.ccs), measure.Size(r.plan))
	}
	for _, r := range rows {
		if len(r.bareSetup) > 0 {
			fmt.Fprintf(&b, "\ngnark's own groth16.Setup on the same constraint system, same run: %.1f s (%.2f× the bare prove).\n", r.bareSetup[0], r.bareSetup[0]/bareProve)
		}
	}
	b.WriteString("\n")
	return b.String()
}

func footer(loadBefore string, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/overhead%s` (`make bench-overhead`) on %s in %s: %s.\n",
		flagsUsed(), time.Now().UTC().Format("2006-01-02 15:04 UTC"), took.Round(time.Second), measure.Machine())
	fmt.Fprintf(&b, "Load average (1, 5, 15 min) at the start: %s; at the end: %s. The machine is shared with other\n", loadBefore, measure.Load())
	fmt.Fprintf(&b, "jobs, so absolute times are inflated; the targets are ratios within one run. The models are\n")
	fmt.Fprintf(&b, "internal/onnxbuild.ResNet (the scaling family, ResNet-18's shape), lookup range checks, packed outputs.\n")
	fmt.Fprintf(&b, "Each stage is one process of the `zkml` CLI; prove and the bare gnark prover alternate (%d runs each,\n", *runs)
	fmt.Fprintf(&b, "the fastest reported). \"bare gnark Prove\" is groth16.Prove alone on the build's own circuit.ccs and pk.bin,\n")
	fmt.Fprintf(&b, "witness precomputed, in its own process. \"before\" is -baseline, an older zkml binary, on the same model.\n\n")
	return b.String()
}

func flagsUsed() string {
	var s []string
	flag.Visit(func(f *flag.Flag) {
		if f.Name != "out" {
			s = append(s, fmt.Sprintf("-%s %s", f.Name, f.Value))
		}
	})
	if len(s) == 0 {
		return ""
	}
	return " " + strings.Join(s, " ")
}

// writeSection replaces the overhead section of path (between the
// markers), or appends it.
func writeSection(path, text string) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	section := beginMark + "\n" + text + endMark + "\n"
	s := string(old)
	if i, j := strings.Index(s, beginMark), strings.Index(s, endMark); i >= 0 && j > i {
		s = s[:i] + section + s[j+len(endMark)+1:]
	} else {
		if s != "" && !strings.HasSuffix(s, "\n\n") {
			s += "\n"
		}
		s += section
	}
	return os.WriteFile(path, []byte(s), 0o644)
}
