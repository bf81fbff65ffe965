// Command constraints says where a model's Groth16 constraints go: it
// calibrates a model of the shared folder on its input.json, plans it with
// the default config, compiles its circuit as `zkml conformance` does
// (R1CS, packed outputs) and prints the constraints per op kind
// (circuits.Measure). It compiles only: no setup, no proof.
//
//	go run ./bench/cmd/constraints ../shared/models/self_attention
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

var plonk = flag.Bool("plonk", false, "count PLONK constraints instead of Groth16's")

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: constraints [-plonk] MODEL_DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
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
	b, _, err := circuits.Measure(pl, builder, circuits.WithPackedOutputs(circuits.DefaultPacking(pl)))
	if err != nil {
		return err
	}
	fmt.Printf("## %s: %d %s constraints (compiled in %.0f s)\n\n%s\n", filepath.Base(dir), b.Total, system, time.Since(start).Seconds(), b)
	return nil
}
