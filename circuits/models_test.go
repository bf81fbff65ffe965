package circuits

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

// The conformance models of the shared folder (see
// ../../shared/models/README.md): each is imported, calibrated on its
// input.json, planned with the default config and compiled for both
// backends; the circuit must accept Plan.Run's outputs for every reference
// case and reject each with one output element off by one.

var circuitModels = slices.Concat(testenv.MilestoneModels, testenv.NonlinearModels, []string{
	"rnn",                        // unrolled over the sequence at load time
	"arange", "scatter_elements", // constant outputs, selections at computed indices
})

// packedModels are also compiled with packed outputs (the default of
// prover.Compile), for their golden counts: the models bench/GAS.md measures.
var packedModels = map[string]bool{"1l_mlp": true, "4l_relu_conv_fc": true}

type referenceFile struct {
	Cases []struct {
		InputData [][]float64 `json:"input_data"`
	} `json:"cases"`
}

type inputFile struct {
	InputData [][]float64 `json:"input_data"`
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// modelPlan imports, calibrates (on input.json) and plans one shared model.
func modelPlan(t testing.TB, dir string) *plan.Plan {
	t.Helper()
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var in inputFile
	readJSON(t, filepath.Join(dir, "input.json"), &in)
	if len(g.Inputs) == 0 {
		in.InputData = nil // a model without inputs (arange) lists one empty one
	}
	return planOf(t, g, [][][]float64{in.InputData})
}

// planOf quantizes g as `zkml compile` does: calibrated on samples, the
// default configuration.
func planOf(t testing.TB, g *onnx.Graph, samples [][][]float64) *plan.Plan {
	t.Helper()
	cal, err := quantize.Calibrate(g, samples)
	if err != nil {
		t.Fatal(err)
	}
	p, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestModels(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles and solves every shared model; skipped with -short")
	}
	sharedModels := testenv.SharedModels(t)
	for _, name := range circuitModels {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(sharedModels, name)
			if _, err := os.Stat(filepath.Join(dir, "reference.json")); err != nil {
				testenv.MissingShared(t, "shared model "+name, err)
			}
			p := modelPlan(t, dir)
			ccsR1CS, ccsSCS := compileBoth(t, p)
			record("model/"+name, counts{ccsR1CS.GetNbConstraints(), ccsSCS.GetNbConstraints()})
			bitDec := compileCounts(t, p, WithBitDecompositionRangeChecks())
			record("model/"+name+"/bitdec", bitDec)
			pack := DefaultPacking(p)
			if packedModels[name] && pack.Enabled() {
				record("model/"+name+"/packed", compileCounts(t, p, WithPackedOutputs(pack)))
				record("model/"+name+"/packed/bitdec", compileCounts(t, p, WithPackedOutputs(pack), WithBitDecompositionRangeChecks()))
			}

			var ref referenceFile
			readJSON(t, filepath.Join(dir, "reference.json"), &ref)
			if len(ref.Cases) == 0 {
				t.Fatal("reference.json has no case")
			}
			for k, c := range ref.Cases {
				q, err := p.QuantizeInputs(c.InputData)
				if err != nil {
					t.Errorf("case %d: %v", k, err)
					continue
				}
				tensors, err := p.Run(q)
				if err != nil {
					t.Errorf("case %d: %v", k, err)
					continue
				}
				w, err := Assign(p, tensors)
				if err != nil {
					t.Fatalf("case %d: %v", k, err)
				}
				if err := test.IsSolved(New(p), w, field); err != nil {
					t.Errorf("case %d: Plan.Run's outputs rejected: %v", k, err)
				}
				bad := tamperOne(w, k)
				if err := test.IsSolved(New(p), bad, field); err == nil {
					t.Errorf("case %d: an output changed by one was accepted", k)
				}
				if packedModels[name] && pack.Enabled() {
					pw, err := Assign(p, tensors, WithPackedOutputs(pack))
					if err != nil {
						t.Fatalf("case %d: packed: %v", k, err)
					}
					if err := test.IsSolved(New(p, WithPackedOutputs(pack)), pw, field); err != nil {
						t.Errorf("case %d: packed: Plan.Run's outputs rejected: %v", k, err)
					}
					bad := tamperedWords(pw, pack)[k%3]
					if err := test.IsSolved(New(p, WithPackedOutputs(pack)), bad, field); err == nil {
						t.Errorf("case %d: packed: a wrong word was accepted", k)
					}
				}
				if k == 0 {
					// The compiled systems too, where the PLONK gates and the
					// lookup range checks differ from the test engine's.
					solveCompiled(t, "R1CS", ccsR1CS, w, bad)
					solveCompiled(t, "PLONK", ccsSCS, w, bad)
				}
			}
		})
	}
}

// tamperOne returns w with one output element (chosen by k) increased by 1.
func tamperOne(w *Circuit, k int) *Circuit {
	c := *w
	c.Output = make([][]frontend.Variable, len(w.Output))
	for i := range w.Output {
		c.Output[i] = append([]frontend.Variable(nil), w.Output[i]...)
	}
	i := k % len(c.Output)
	j := k % len(c.Output[i])
	v := new(big.Int).Add(c.Output[i][j].(*big.Int), big.NewInt(1))
	c.Output[i][j] = v.Mod(v, field)
	return &c
}

// BenchmarkCompile measures circuit compilation of the largest conformance
// models, per backend: go test ./circuits/ -run X -bench Compile.
func BenchmarkCompile(b *testing.B) {
	sharedModels := testenv.SharedModels(b)
	for _, name := range []string{"4l_relu_conv_fc", "accuracy"} {
		p := modelPlan(b, filepath.Join(sharedModels, name))
		for _, backend := range []struct {
			name    string
			builder frontend.NewBuilder
		}{{"groth16", r1cs.NewBuilder[constraint.U64]}, {"plonk", scs.NewBuilder[constraint.U64]}} {
			b.Run(name+"/"+backend.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := frontend.Compile(field, backend.builder, New(p)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
