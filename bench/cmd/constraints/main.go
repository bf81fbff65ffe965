// Command constraints says where a model's Groth16 constraints go: it
// calibrates a model of the shared folder on its input.json, plans it with
// the default config, compiles its circuit as `zkml conformance` does
// (R1CS, packed outputs) and prints the constraints per op kind
// (circuits.Measure). It compiles only: no setup, no proof. With -solve it
// also solves the circuit with plan.Run's witness for the sample input
// (what a prover does before proving) and checks that an output off by one
// is rejected.
//
//	go run ./bench/cmd/constraints [-solve] ../shared/models/self_attention
package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	fcs "github.com/consensys/gnark/frontend/cs"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/logger"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

var (
	plonk      = flag.Bool("plonk", false, "count PLONK constraints instead of Groth16's")
	solve      = flag.Bool("solve", false, "also solve the circuit on the sample input with plan.Run's witness, and check that a wrong output is rejected")
	window     = flag.Int("window", 0, "count in pieces of about this many output values plus terms/8 each (plan.Split), summing their tables, instead of compiling the whole circuit at once (nanoGPT's whole circuit needs ~15 GB; 500000 keeps a piece near 2 GB); an estimate: each piece re-checks its inputs, which are not counted")
	actBits    = flag.Int("activation-bits", 0, "plan.Config.ActivationBits (0: the default)")
	weightBits = flag.Int("weight-bits", 0, "plan.Config.WeightBits (0: the default)")
	maxScale   = flag.Int("max-scale", -1, "plan.Config.MaxScale (-1: the default)")
	onlyError  = flag.Bool("error", false, "only plan the model and print its error, without counting")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: constraints [-plonk] MODEL_DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	logger.Disable()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	for _, dir := range flag.Args() {
		if err := measure(dir); err != nil {
			log.Fatalf("%s: %v", dir, err)
		}
	}
}

func measure(dir string) error {
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(dir, "input.json"))
	if err != nil {
		return err
	}
	var in struct {
		InputData [][]float64 `json:"input_data"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return fmt.Errorf("input.json: %v", err)
	}
	if len(g.Inputs) == 0 {
		in.InputData = nil
	}
	cal, err := quantize.Calibrate(g, [][][]float64{in.InputData})
	if err != nil {
		return err
	}
	cfg := plan.DefaultConfig()
	if *actBits > 0 {
		cfg.ActivationBits = *actBits
	}
	if *weightBits > 0 {
		cfg.WeightBits = *weightBits
	}
	if *maxScale >= 0 {
		cfg.MaxScale = *maxScale
	}
	pl, err := quantize.Compile(context.Background(), g, cal, cfg)
	if err != nil {
		return err
	}
	rel, err := relError(g, pl, in.InputData)
	if err != nil {
		return err
	}
	fmt.Printf("## %s: activation bits %d, weight bits %d, max scale %d: relative L∞ %.4g%% against zkml's float executor\n\n", filepath.Base(dir), cfg.ActivationBits, cfg.WeightBits, cfg.MaxScale, 100*rel)
	if *onlyError {
		return nil
	}
	if *window > 0 && !*solve {
		return measurePieces(pl, filepath.Base(dir))
	}
	var builder frontend.NewBuilder = r1cs.NewBuilder
	system := "Groth16 (R1CS)"
	if *plonk {
		builder, system = scs.NewBuilder, "PLONK"
	}
	start := time.Now()
	packing := circuits.WithPackedOutputs(circuits.DefaultPacking(pl))
	b, ccs, err := circuits.Measure(pl, builder, packing)
	if err != nil {
		return err
	}
	fmt.Printf("## %s: %d %s constraints (compiled in %.0f s)\n\n%s\n", filepath.Base(dir), b.Total, system, time.Since(start).Seconds(), b)
	if !*solve {
		return nil
	}
	q, err := pl.QuantizeInputs(in.InputData)
	if err != nil {
		return err
	}
	all, err := pl.Run(q)
	if err != nil {
		return err
	}
	a, err := circuits.Assign(pl, all, packing)
	if err != nil {
		return err
	}
	w, err := frontend.NewWitness(a, ecc.BN254.ScalarField())
	if err != nil {
		return err
	}
	if err := isSolved(ccs, w); err != nil {
		return fmt.Errorf("the circuit rejects plan.Run's witness: %v", err)
	}
	// One output off by one: the last packed word, or the last output.
	if n := len(a.Packed); n > 0 {
		a.Packed[n-1] = new(big.Int).Add(a.Packed[n-1].(*big.Int), big.NewInt(1))
	} else {
		out := a.Output[len(a.Output)-1]
		out[len(out)-1] = new(big.Int).Add(out[len(out)-1].(*big.Int), big.NewInt(1))
	}
	if w, err = frontend.NewWitness(a, ecc.BN254.ScalarField()); err != nil {
		return err
	}
	if isSolved(ccs, w) == nil {
		return errors.New("the circuit accepts a wrong output")
	}
	fmt.Printf("solved with plan.Run's witness; a wrong output is rejected\n\n")
	return nil
}

// isSolved solves ccs with witness w. The BSB22 commitment, which a prover
// computes from its proving key, is replaced by a hash of the committed
// values: solving needs a challenge that depends on them, not the key.
func isSolved(ccs constraint.ConstraintSystem, w witness.Witness) error {
	id := solver.GetHintID(fcs.Bsb22CommitmentComputePlaceholder)
	commit := func(m *big.Int, in, out []*big.Int) error {
		h := sha256.New()
		for _, v := range in {
			h.Write(v.Bytes())
			h.Write([]byte{0})
		}
		out[0].SetBytes(h.Sum(nil))
		out[0].Mod(out[0], m)
		return nil
	}
	_, err := ccs.Solve(w, solver.WithHints(), solver.OverrideHint(id, commit))
	return err
}

// relError is the relative L∞ error of plan.Run's outputs against the float
// executor's on inputs, the worst output's (as `zkml conformance` reports
// it): max|y−f| / max(max|f|, 1e-6).
func relError(g *onnx.Graph, pl *plan.Plan, inputs [][]float64) (float64, error) {
	ref, err := quantize.RunFloat(g, inputs)
	if err != nil {
		return 0, err
	}
	q, err := pl.QuantizeInputs(inputs)
	if err != nil {
		return 0, err
	}
	all, err := pl.Run(q)
	if err != nil {
		return 0, err
	}
	worst := 0.0
	for i, y := range pl.DequantizeOutputs(all) {
		f := ref[g.Outputs[i].Name]
		if len(f) != len(y) {
			return 0, fmt.Errorf("output %d: %d values, the float executor %d", i, len(y), len(f))
		}
		maxErr, maxRef := 0.0, 0.0
		for j := range y {
			maxErr = max(maxErr, math.Abs(y[j]-f[j]))
			maxRef = max(maxRef, math.Abs(f[j]))
		}
		worst = max(worst, maxErr/max(maxRef, 1e-6))
	}
	return worst, nil
}

// measurePieces counts pl's constraints in pieces of about *window weight
// (plan.Split at balanced cuts) and prints the sum of their tables: the
// ops' parts and the deferred constraints add up; the input checks and
// outputs are the first and last pieces' (the boundaries' are left out),
// the range table is counted once.
func measurePieces(pl *plan.Plan, name string) error {
	ws := make([]int, len(pl.Ops))
	total := 0
	for k := range pl.Ops {
		op := &pl.Ops[k]
		ws[k] = pl.Tensors[op.Out].Size() + len(op.Terms)/8
		total += ws[k]
	}
	n := max((total+*window-1) / *window, 1)
	var segs []plan.Segment
	if n == 1 {
		segs = []plan.Segment{{Plan: pl, From: 0, To: len(pl.Ops)}}
	} else {
		cuts, err := pl.BalanceCuts(ws, 0, nil, n)
		if err != nil {
			return err
		}
		if segs, err = pl.Split(cuts); err != nil {
			return err
		}
	}
	var builder frontend.NewBuilder = r1cs.NewBuilder
	if *plonk {
		builder = scs.NewBuilder
	}
	start := time.Now()
	sum := map[string]*circuits.Cost{}
	var order []string
	for i, seg := range segs {
		b, _, err := circuits.Measure(seg.Plan, builder, circuits.WithPackedOutputs(circuits.DefaultPacking(seg.Plan)))
		if err != nil {
			return fmt.Errorf("piece %d (ops %d to %d): %w", i, seg.From, seg.To, err)
		}
		debug.FreeOSMemory()
		for _, c := range b.Parts {
			switch {
			case c.Part == "input" && i > 0, c.Part == "outputs" && i < len(segs)-1:
				continue
			}
			t := sum[c.Part]
			if t == nil {
				t = &circuits.Cost{Part: c.Part}
				sum[c.Part] = t
				order = append(order, c.Part)
			}
			if c.Part == "range table" {
				t.Direct = max(t.Direct, c.Direct)
				continue
			}
			t.Ops += c.Ops
			t.Values += c.Values
			t.Direct += c.Direct
			t.Range += c.Range
			t.Checks += c.Checks
		}
	}
	b := &circuits.Breakdown{}
	for _, p := range order {
		b.Parts = append(b.Parts, *sum[p])
		b.Total += sum[p].Total()
	}
	sort.SliceStable(b.Parts, func(i, j int) bool { return b.Parts[i].Total() > b.Parts[j].Total() })
	fmt.Printf("## %s: about %d constraints, counted in %d pieces (%.0f s)\n\n%s\n", name, b.Total, len(segs), time.Since(start).Seconds(), b)
	return nil
}
