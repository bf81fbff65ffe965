// Command gpu measures the GPU prover against the CPU prover of the same
// machine and writes the rows of the table of bench/GPU.md. It
// needs a binary built with the icicle tag (make gpu-carry builds one and
// the script that runs it on a GPU machine, see the README); without the
// tag it measures the CPU only.
//
//	gpu -models ../shared/models -sizes 676000,760000,1048576,4194304 -runs 3 -out gpu.md
//
// With -out, the rows are appended to the file, the header only to an
// empty one: gpu-run.sh runs one case per process, so that a crash in
// ICICLE (its device goroutines cannot be recovered) loses one row.
//
// Cases: the models named by -names, through the prover package exactly as
// zkml prove runs them; then synthetic Groth16 circuits of the -sizes
// constraint counts (a chain of multiplications: the sizes of ResNet-18 and
// mnist_gan, 2^20, 2^22), through gnark directly. Each row gives the median
// of -runs proofs on each device, after one unmeasured GPU proof that loads
// the key, and the witness time: zkml's (quantize, plan.Run, assign) for a
// model, gnark's solver for a synthetic circuit; the share is of the CPU
// prove time.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/consensys/gnark/logger"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

func main() {
	models := flag.String("models", filepath.Join("..", "shared", "models"), "folder of the ONNX models")
	names := flag.String("names", "4l_relu_conv_fc", "comma-separated models of -models to measure")
	sizes := flag.String("sizes", "676000,760000,1048576,4194304", "comma-separated constraint counts of the synthetic circuits")
	runs := flag.Int("runs", 3, "proofs per device and case")
	out := flag.String("out", "", "also append the rows to this file")
	flag.Parse()
	logger.Disable()
	if err := run(*models, *names, *sizes, *runs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gpu:", err)
		os.Exit(1)
	}
}

func run(models, names, sizes string, runs int, out string) error {
	w := io.Writer(os.Stdout)
	header := true
	if out != "" {
		f, err := os.OpenFile(out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		// Rows of several runs append to one table.
		if st, err := f.Stat(); err == nil && st.Size() > 0 {
			header = false
		}
		w = io.MultiWriter(os.Stdout, f)
	}
	if header {
		fmt.Fprintf(w, "%d CPU cores, GPU prover in this binary: %v\n\n", runtime.NumCPU(), gpuBuilt)
		fmt.Fprintln(w, "| case | constraints | CPU prove | GPU prove | speed-up | witness (share of CPU prove) | note |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---|")
	}
	for _, name := range splitList(names) {
		r, err := measureModel(filepath.Join(models, name), runs)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		r.name = name
		r.print(w)
	}
	for _, s := range splitList(sizes) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a constraint count", s)
		}
		r, err := measureSynthetic(n, runs)
		if err != nil {
			return fmt.Errorf("synthetic %d: %w", n, err)
		}
		r.print(w)
	}
	return nil
}

type result struct {
	name        string
	constraints int
	cpu, gpu    time.Duration // medians; gpu 0 when not measured
	solve       time.Duration
	note        string
}

func (r result) print(w io.Writer) {
	gpu, speedup := "—", "—"
	if r.gpu > 0 {
		gpu, speedup = seconds(r.gpu), fmt.Sprintf("%.2g×", r.cpu.Seconds()/r.gpu.Seconds())
	}
	fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s (%.0f%%) | %s |\n", r.name, r.constraints, seconds(r.cpu), gpu, speedup,
		seconds(r.solve), 100*r.solve.Seconds()/r.cpu.Seconds(), r.note)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// measureModel proves the model's sample input as zkml prove does, on the
// CPU and then on the GPU (keys pinned, as a long-running prover would).
func measureModel(dir string, runs int) (result, error) {
	ctx := context.Background()
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		return result{}, err
	}
	in, err := modelio.ReadInputFile(filepath.Join(dir, "input.json"))
	if err != nil {
		return result{}, err
	}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		return result{}, err
	}
	pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
	if err != nil {
		return result{}, err
	}
	tmp, err := os.MkdirTemp("", "zkml-gpu-bench")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(tmp)
	b, err := prover.Compile(ctx, tmp, pl, prover.Groth16, prover.Meta{ModelFile: "network.onnx"})
	if err != nil {
		return result{}, err
	}
	if err := b.Setup(ctx, prover.SetupOptions{}); err != nil {
		return result{}, err
	}
	r := result{constraints: b.Settings().Circuit.Constraints}
	var cpu, solve []time.Duration
	cb, err := prover.Open(tmp, prover.WithDevice(prover.CPU))
	if err != nil {
		return result{}, err
	}
	for range runs {
		p, err := cb.Prove(ctx, in)
		if err != nil {
			return result{}, err
		}
		cpu = append(cpu, p.Timings.Prove)
		solve = append(solve, p.Timings.Witness)
	}
	r.cpu, r.solve = median(cpu), median(solve)
	if !gpuBuilt {
		return r, nil
	}
	gb, err := prover.Open(tmp, prover.WithDevice(prover.GPU), prover.WithPinKeysToGPU())
	if err != nil {
		return result{}, err
	}
	var gpu []time.Duration
	for i := range runs + 1 {
		p, err := gb.Prove(ctx, in)
		if err != nil {
			return result{}, err
		}
		if p.Device != prover.GPU {
			r.note = p.Fallback
			return r, nil
		}
		if i > 0 {
			gpu = append(gpu, p.Timings.Prove)
		}
	}
	r.gpu = median(gpu)
	return r, nil
}
