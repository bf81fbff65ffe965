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
	"math/big"
	"os"
	"path/filepath"
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
	plonk = flag.Bool("plonk", false, "count PLONK constraints instead of Groth16's")
	solve = flag.Bool("solve", false, "also solve the circuit on the sample input with plan.Run's witness, and check that a wrong output is rejected")
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
	pl, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		return err
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
