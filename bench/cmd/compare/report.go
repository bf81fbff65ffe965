package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/modelio"
)

func readInput(path string) ([][]float64, error) { return modelio.ReadInputFile(path) }

type sideRow struct {
	backend      string
	zkml, circom *result
	skipped      string // why the circom side did not run
}

type bareRow struct {
	model, backend string
	zkml, gnark    *result
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func report(mlp string, sizes []int, side []sideRow, bare []bareRow, loadBefore string, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# zkml side by side\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/cmd/compare %s` (`make bench-compare` runs it with defaults but -out; %d run(s) of\n",
		strings.Join(os.Args[1:], " "), *runs)
	fmt.Fprintf(&b, "each stage, medians) on %s in %s: %s.\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), took.Round(time.Second), measure.Machine())
	fmt.Fprintf(&b, "Load average (1, 5, 15 min) at the start: %s; at the end: %s. The machine is shared: with a load above its\n", loadBefore, measure.Load())
	fmt.Fprintf(&b, "core count, times are inflated for every tool alike; compare ratios, not seconds.\n\n")

	fmt.Fprintf(&b, "## zkml vs circom 2 + snarkjs\n\n")
	fmt.Fprintf(&b, "The MLP %s (`onnxbuild.MLP(\"mlp\", 1, %s)`: Gemm layers with Relu between them, weights from a seeded generator)\n", mlp, strings.Trim(strings.Join(strings.Fields(fmt.Sprint(sizes)), ", "), "[]"))
	fmt.Fprintf(&b, "is compiled by zkml (`zkml compile --pack-outputs=false`: one public input per output, as in circom). The circom\n")
	fmt.Fprintf(&b, "circuit is written from zkml's plan by package bench/circom (its own templates, no circomlib), so both prove\n")
	fmt.Fprintf(&b, "the same statement on the same integers: inputs and every rescaled value in the %d-bit activation range,\n", 32)
	fmt.Fprintf(&b, "remainders in range, Relu; the run checks that snarkjs's public outputs equal zkml's integer reference. zkml's range\n")
	fmt.Fprintf(&b, "checks are log-derivative lookups, circom's are bit decompositions (`circom2 --O2` for Groth16, `--O1` for PLONK, the smaller\n")
	fmt.Fprintf(&b, "circuit for each; PLONK's constraints are snarkjs's PLONK gates). Each stage is a separate\n")
	fmt.Fprintf(&b, "process (`zkml setup|prove|verify`, `snarkjs`); setup is `snarkjs <backend> setup` + `zkey export verificationkey`\n")
	fmt.Fprintf(&b, "on a locally made powers of tau (`%s`, whose one-time making is not counted; zkml's Groth16 setup needs none and\n", *ptau)
	fmt.Fprintf(&b, "its PLONK setup derives a development SRS); snarkjs's prove is `wtns calculate` + `prove` (zkml's includes its witness).\n\n")
	for _, r := range side {
		fmt.Fprintf(&b, "**%s**", r.backend)
		if r.circom == nil {
			fmt.Fprintf(&b, ": circom/snarkjs skipped: %s\n\n", r.skipped)
			continue
		}
		z, c := r.zkml, r.circom
		fmt.Fprintf(&b, "\n\n| | zkml | circom + snarkjs | circom+snarkjs / zkml |\n|---|---:|---:|---:|\n")
		fmt.Fprintf(&b, "| constraints | %d | %d | %s |\n", z.constraints, c.constraints, ratio(float64(c.constraints), float64(z.constraints)))
		if c.failed != "" {
			fmt.Fprintf(&b, "| compile s | %.2f | %.2f | %s |\n\n", z.time("compile"), c.time("compile"), ratio(c.time("compile"), z.time("compile")))
			fmt.Fprintf(&b, "circom's count is R1CS constraints (snarkjs counts PLONK gates at setup). snarkjs's setup, prove and verify did not run: %s\n\n", c.failed)
			continue
		}
		fmt.Fprintf(&b, "| compile s | %.2f | %.2f | %s |\n", z.time("compile"), c.time("compile"), ratio(c.time("compile"), z.time("compile")))
		fmt.Fprintf(&b, "| setup s | %.2f | %.2f | %s |\n", z.time("setup"), c.time("setup"), ratio(c.time("setup"), z.time("setup")))
		cp := c.time("witness") + c.time("prove")
		fmt.Fprintf(&b, "| prove s | %.2f | %.2f | %s |\n", z.time("prove"), cp, ratio(cp, z.time("prove")))
		fmt.Fprintf(&b, "| verify s | %.3f | %.3f | %s |\n", z.time("verify"), c.time("verify"), ratio(c.time("verify"), z.time("verify")))
		fmt.Fprintf(&b, "| peak RSS MiB (largest stage) | %s | %s | %s |\n", measure.MiB(z.peakRSS), measure.MiB(c.peakRSS), ratio(float64(c.peakRSS), float64(z.peakRSS)))
		fmt.Fprintf(&b, "| proof | %d B binary | %s JSON | |\n\n", z.proofBytes, measure.Size(c.proofBytes))
	}

	fmt.Fprintf(&b, "## zkml's pipeline vs bare gnark\n\n")
	fmt.Fprintf(&b, "The same constraint system (compiled from the build's plan with the build's options, its constraint count\n")
	fmt.Fprintf(&b, "checked) through gnark's `Setup`, `Prove` and `Verify` alone, timed in process with the witness precomputed\n")
	fmt.Fprintf(&b, "(PLONK: the SRS made beforehand by gnark's unsafekzg, not timed). zkml's times are whole CLI processes: start,\n")
	fmt.Fprintf(&b, "loading and checking the build's files, quantizing and running the model for the witness, writing the outputs.\n")
	fmt.Fprintf(&b, "Peak RSS: zkml's largest stage process; gnark's one process (compile, setup, prove, verify). The MLP is compiled\n")
	fmt.Fprintf(&b, "with --pack-outputs=false, the shared models (../shared/models) with zkml's defaults.\n\n")
	fmt.Fprintf(&b, "| model | backend | constraints | setup s zkml / gnark | prove s zkml / gnark | verify s zkml / gnark | peak MiB zkml / gnark | prove zkml / gnark |\n")
	fmt.Fprintf(&b, "|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range bare {
		z, g := r.zkml, r.gnark
		fmt.Fprintf(&b, "| %s | %s | %d | %.2f / %.2f | %.2f / %.2f | %.3f / %.3f | %s / %s | %s |\n", r.model, r.backend, z.constraints,
			z.time("setup"), g.time("setup"), z.time("prove"), g.time("prove"), z.time("verify"), g.time("verify"),
			measure.MiB(z.peakRSS), measure.MiB(g.peakRSS), ratio(z.time("prove"), g.time("prove")))
	}
	return b.String()
}
