// Command record measures the zkml CLI on the benchmark models and writes
// bench/RESULTS.md. Run it with `make bench-record` from the repository root.
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
	"sort"
	"strings"
	"syscall"
	"time"

	benchmeasure "github.com/zkml/zkml/bench/internal/measure"
)

var (
	out    = flag.String("out", "bench/RESULTS.md", "file to write")
	models = flag.String("models", "4l_relu_conv_fc,accuracy", "comma-separated models of ../shared/models")
	runs   = flag.Int("runs", 3, "runs of each stage (the median is reported)")
	shared = flag.String("shared", "../shared/models", "the shared models folder")
)

type measure struct {
	seconds []float64
	peakRSS int64 // bytes, max over runs
}

func (m *measure) add(d time.Duration, rss int64) {
	m.seconds = append(m.seconds, d.Seconds())
	m.peakRSS = max(m.peakRSS, rss)
}

func (m *measure) median() float64 {
	s := append([]float64(nil), m.seconds...)
	sort.Float64s(s)
	return s[len(s)/2]
}

type row struct {
	model, backend           string
	constraints, proofBytes  int
	compile, setup, prove, v measure
}

func main() {
	flag.Parse()
	tmp, err := os.MkdirTemp("", "zkml-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin, err := benchmeasure.Build(tmp, "./cmd/zkml")
	if err != nil {
		log.Fatal(err)
	}
	var rows []*row
	for _, m := range strings.Split(*models, ",") {
		for _, backend := range []string{"groth16", "plonk"} {
			r, err := measureModel(bin, tmp, m, backend)
			if err != nil {
				log.Fatalf("%s/%s: %v", m, backend, err)
			}
			rows = append(rows, r)
		}
	}
	text := report(rows)
	// Keep the section bench/cmd/overhead writes into the same file.
	if old, err := os.ReadFile(*out); err == nil {
		const begin, end = "<!-- overhead:begin", "<!-- overhead:end -->"
		if i, j := bytes.Index(old, []byte(begin)), bytes.Index(old, []byte(end)); i >= 0 && j > i {
			text += "\n" + string(old[i:j+len(end)]) + "\n"
		}
	}
	if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}

func measureModel(bin, tmp, model, backend string) (*row, error) {
	dir := filepath.Join(*shared, model)
	build := filepath.Join(tmp, model+"-"+backend)
	proof := filepath.Join(build, "proof.json")
	input := filepath.Join(dir, "input.json")
	r := &row{model: model, backend: backend}
	for i := 0; i < *runs; i++ {
		os.RemoveAll(build)
		steps := []struct {
			m    *measure
			args []string
		}{
			{&r.compile, []string{"compile", filepath.Join(dir, "network.onnx"), "--out", build, "--calibration", input, "--backend", backend}},
			{&r.setup, []string{"setup", build}},
			{&r.prove, []string{"prove", build, "--input", input, "--out", proof}},
			{&r.v, []string{"verify", build, proof}},
		}
		for _, s := range steps {
			d, rss, err := timeRun(bin, append(s.args, "--quiet")...)
			if err != nil {
				return nil, err
			}
			s.m.add(d, rss)
		}
	}
	var settings struct {
		Circuit struct{ Constraints int } `json:"circuit"`
	}
	if err := readJSON(filepath.Join(build, "settings.json"), &settings); err != nil {
		return nil, err
	}
	r.constraints = settings.Circuit.Constraints
	var p struct{ Proof string }
	if err := readJSON(proof, &p); err != nil {
		return nil, err
	}
	r.proofBytes = len(p.Proof) / 2
	return r, nil
}

// timeRun runs the binary and returns its wall time and peak resident memory.
func timeRun(bin string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("zkml %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	d := time.Since(start)
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	if ru != nil {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return d, rss, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func report(rows []*row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# zkml benchmark results\n\n")
	fmt.Fprintf(&b, "Written by `make bench-record` (bench/cmd/record) on %s: %s.\n",
		time.Now().UTC().Format("2006-01-02"), benchmeasure.Machine())
	fmt.Fprintf(&b, "Each stage runs the `zkml` CLI as a separate process; times are medians of %d runs, memory is the\n", *runs)
	fmt.Fprintf(&b, "largest peak resident set size of that stage's process. Calibration and proof input: the model's `input.json`.\n\n")
	fmt.Fprintf(&b, "| model | backend | constraints | compile s | setup s | prove s | verify s | peak MiB (compile / setup / prove / verify) | proof bytes |\n")
	fmt.Fprintf(&b, "|---|---|---:|---:|---:|---:|---:|---|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %d | %.2f | %.2f | %.2f | %.3f | %s / %s / %s / %s | %d |\n",
			r.model, r.backend, r.constraints, r.compile.median(), r.setup.median(), r.prove.median(), r.v.median(),
			benchmeasure.MiB(r.compile.peakRSS), benchmeasure.MiB(r.setup.peakRSS), benchmeasure.MiB(r.prove.peakRSS), benchmeasure.MiB(r.v.peakRSS), r.proofBytes)
	}
	return b.String()
}
