// Command rangechecks measures the rule of `zkml compile --range-checks
// auto` (prover.PreferBitDecomposition) on the shared models and writes
// bench/RANGECHECKS.md: for each model, its Groth16 constraints with the
// lookup range checks and with bit decomposition, whether each needs a BSB22
// commitment, and what auto chooses. It compiles only (no setup, no proof),
// calibrating each model on its input.json with the default config and
// packed outputs, as `zkml compile` does.
//
//	go run ./bench/cmd/rangechecks -out bench/RANGECHECKS.md
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/logger"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

var (
	out    = flag.String("out", "bench/RANGECHECKS.md", "file to write")
	shared = flag.String("shared", "../shared/models", "the shared models folder")
	skip   = flag.String("skip", "", "comma-separated models to leave out (too large for the machine)")
)

type row struct {
	model          string
	err            string
	table          bool // the plan has a lookup table: not compiled
	lookup, bits   int
	lookupCommits  bool
	bitsCommits    bool
	choice         string
	lookupS, bitsS float64
}

func main() {
	flag.Parse()
	log.SetFlags(0)
	logger.Disable()
	entries, err := os.ReadDir(*shared)
	if err != nil {
		log.Fatal(err)
	}
	skipped := map[string]bool{}
	for _, m := range strings.Split(*skip, ",") {
		if m != "" {
			skipped[m] = true
		}
	}
	var rows []row
	for _, e := range entries {
		if !e.IsDir() || skipped[e.Name()] {
			continue
		}
		log.Printf("%s", e.Name())
		rows = append(rows, measure(filepath.Join(*shared, e.Name())))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].model < rows[j].model })
	var left []string
	for m := range skipped {
		left = append(left, m)
	}
	sort.Strings(left)
	if err := os.WriteFile(*out, []byte(report(rows, left)), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}

func measure(dir string) row {
	r := row{model: filepath.Base(dir)}
	pl, err := load(dir)
	if err != nil {
		r.err = err.Error()
		return r
	}
	for i := range pl.Ops {
		if pl.Ops[i].Kind == plan.OpLookup {
			// The table needs the commitment whatever the range checks:
			// auto keeps lookup without compiling anything.
			r.table = true
			r.choice = "lookup (a lookup table commits anyway)"
			return r
		}
	}
	k := circuits.WithPackedOutputs(circuits.DefaultPacking(pl))
	compile := func(opts ...circuits.Option) (constraint.ConstraintSystem, float64, error) {
		start := time.Now()
		ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, circuits.New(pl, opts...))
		return ccs, time.Since(start).Seconds(), err
	}
	lk, s, err := compile(k)
	if err != nil {
		r.err = err.Error()
		return r
	}
	r.lookup, r.lookupCommits, r.lookupS = lk.GetNbConstraints(), commits(lk), s
	lk = nil
	runtime.GC()
	bt, s, err := compile(k, circuits.WithBitDecompositionRangeChecks())
	if err != nil {
		r.err = err.Error()
		return r
	}
	r.bits, r.bitsCommits, r.bitsS = bt.GetNbConstraints(), commits(bt), s
	switch {
	case !r.lookupCommits:
		r.choice = "lookup (no commitment)"
	case r.bitsCommits:
		r.choice = "lookup (bits commits too)"
	case prover.PreferBitDecomposition(r.lookup, r.bits):
		r.choice = "**bits**"
	default:
		r.choice = "lookup (bits too large)"
	}
	return r
}

func commits(ccs constraint.ConstraintSystem) bool {
	return len(ccs.GetCommitments().CommitmentIndexes()) > 0
}

func load(dir string) (*plan.Plan, error) {
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, "input.json"))
	if err != nil {
		return nil, err
	}
	var in struct {
		InputData [][]float64 `json:"input_data"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, fmt.Errorf("input.json: %v", err)
	}
	if len(g.Inputs) == 0 {
		in.InputData = nil
	}
	cal, err := quantize.Calibrate(g, [][][]float64{in.InputData})
	if err != nil {
		return nil, err
	}
	return quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
}

func report(rows []row, skipped []string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "# zkml range checks: lookup or bit decomposition\n\n")
	fmt.Fprintf(&s, "Written by `go run ./bench/cmd/rangechecks` (`make bench-rangechecks`) on %s (%s, %d CPUs, a machine shared with other jobs). Do not edit by hand.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.NumCPU())
	fmt.Fprintf(&s, "Each shared model, calibrated on its input.json with the default config and packed outputs, compiled to\n")
	fmt.Fprintf(&s, "Groth16 (R1CS) twice: with gnark's lookup range checks (the log-derivative argument, which needs a BSB22\n")
	fmt.Fprintf(&s, "commitment, about 90k gas more per on-chain verification: bench/GAS.md) and with plain bit decomposition.\n")
	fmt.Fprintf(&s, "`zkml compile --range-checks auto` (the default) takes bits when the lookup build commits, the bits build\n")
	fmt.Fprintf(&s, "does not (no lookup table), and prover.PreferBitDecomposition holds: bits ≤ 2·lookup or bits ≤ lookup + 2^16.\n")
	fmt.Fprintf(&s, "A model whose plan has a lookup table (Sigmoid, Softmax, comparisons, ...) keeps lookup without a second\n")
	fmt.Fprintf(&s, "compilation, as auto does: the table needs the commitment anyway; its row is left empty.\n\n")
	fmt.Fprintf(&s, "| model | lookup constraints | commits | bits constraints | commits | bits / lookup | auto takes |\n|---|---:|---|---:|---|---:|---|\n")
	var chosen, total int
	for _, r := range rows {
		if r.err != "" {
			fmt.Fprintf(&s, "| %s | not compiled: %s | | | | | |\n", r.model, strings.ReplaceAll(firstLine(r.err), "|", "\\|"))
			continue
		}
		total++
		if r.table {
			fmt.Fprintf(&s, "| %s | | | | | | %s |\n", r.model, r.choice)
			continue
		}
		if r.choice == "**bits**" {
			chosen++
		}
		fmt.Fprintf(&s, "| %s | %d | %s | %d | %s | %.2f | %s |\n", r.model, r.lookup, yes(r.lookupCommits), r.bits, yes(r.bitsCommits), float64(r.bits)/float64(r.lookup), r.choice)
	}
	fmt.Fprintf(&s, "\nauto takes bit decomposition for %d of the %d planned models.", chosen, total)
	if len(skipped) > 0 {
		fmt.Fprintf(&s, " Left out (-skip, too large for a shared machine): %s.", strings.Join(skipped, ", "))
	}
	s.WriteString("\n")
	return s.String()
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
