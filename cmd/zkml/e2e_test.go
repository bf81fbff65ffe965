package main

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/fixtures"
	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
)

// The first milestone's models in ../shared/models, each run through the
// whole pipeline; the first five also with PLONK.
var milestoneModels = testenv.MilestoneModels

const maxRelativeError = 0.005 // 0.5% relative L∞, the bar

// TestSharedModels compiles each model with its sample input as calibration,
// proves and verifies case 0 of reference.json, and checks all cases through
// the integer executor against ONNX Runtime's outputs.
func TestSharedModels(t *testing.T) {
	if testing.Short() {
		t.Skip("proves shared models end to end; skipped with -short")
	}
	root := testmodels.Dir(t)
	for i, name := range milestoneModels {
		backends := []prover.Backend{prover.Groth16}
		if i < 5 {
			backends = append(backends, prover.PLONK)
		}
		for _, backend := range backends {
			t.Run(name+"/"+string(backend), func(t *testing.T) {
				dir := filepath.Join(root, name)
				ref, err := modelio.ReadReference(filepath.Join(dir, "reference.json"))
				if err != nil {
					t.Fatal(err)
				}
				build := t.TempDir()
				cal := filepath.Join(dir, "input.json")
				if _, err := compileModel(context.Background(), filepath.Join(dir, "network.onnx"), build, []string{cal}, backend, plan.DefaultConfig(), nil, nil, nil, nil); err != nil {
					t.Fatal(err)
				}
				b, err := prover.Open(build)
				if err != nil {
					t.Fatal(err)
				}
				pl, err := b.Plan()
				if err != nil {
					t.Fatal(err)
				}
				worst := 0.0
				for c, rc := range ref.Cases {
					q, err := pl.QuantizeInputs(rc.Inputs)
					if err != nil {
						t.Fatalf("case %d: %v", c, err)
					}
					all, err := pl.Run(q)
					if err != nil {
						t.Fatalf("case %d: %v", c, err)
					}
					e := modelio.RelativeLInf(pl.DequantizeOutputs(all), rc.Outputs)
					worst = max(worst, e)
					if e > maxRelativeError {
						t.Errorf("case %d: relative L∞ error %.4g%% > %.2g%%", c, 100*e, 100*maxRelativeError)
					}
				}
				t.Logf("worst relative L∞ error over %d cases: %.4g%%", len(ref.Cases), 100*worst)

				// Prove case 0 from a file, as a user would.
				in := filepath.Join(t.TempDir(), "in.json")
				writeInput(t, in, ref.Cases[0].Inputs)
				if _, err := setupBuild(build, prover.SetupOptions{}, "", nil); err != nil {
					t.Fatal(err)
				}
				proofPath := filepath.Join(t.TempDir(), "proof.json")
				res, err := proveInput(build, in, proofPath, nil)
				if err != nil {
					t.Fatal(err)
				}
				// The proven outputs are the integer executor's, bit for bit.
				q, _ := pl.QuantizeInputs(ref.Cases[0].Inputs)
				all, _ := pl.Run(q)
				want := pl.DequantizeOutputs(all)
				for o := range want {
					for j := range want[o] {
						if res.Outputs[o][j] != want[o][j] {
							t.Fatalf("proof output %d[%d] = %v, integer executor %v", o, j, res.Outputs[o][j], want[o][j])
						}
					}
				}
				if _, err := verifyProof(build, proofPath, nil); err != nil {
					t.Fatalf("valid proof rejected: %v", err)
				}
				// A tampered public output is rejected.
				proof, err := prover.ReadProof(proofPath)
				if err != nil {
					t.Fatal(err)
				}
				tamperPublicInput(t, proof)
				if err := prover.Verify(b, proof); err == nil {
					t.Fatal("proof with a tampered public input verified")
				}
			})
		}
	}
}

func writeInput(t *testing.T, path string, in [][]float64) {
	t.Helper()
	data := []byte(`{"input_data": ` + fmt.Sprint(jsonFloats(in)) + "}")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func jsonFloats(in [][]float64) string {
	s := "["
	for i, row := range in {
		if i > 0 {
			s += ","
		}
		s += "["
		for j, v := range row {
			if j > 0 {
				s += ","
			}
			s += fmt.Sprintf("%.17g", v)
		}
		s += "]"
	}
	return s + "]"
}

// TestRandomModels runs models nobody wrote by hand — random stacks of the
// supported ops — through the whole pipeline: the integer executor must track
// the float reference, and the circuit must accept its outputs.
func TestRandomModels(t *testing.T) {
	n := 12
	if testing.Short() {
		n = 3
	}
	for seed := uint64(1); seed <= uint64(n); seed++ {
		m := fixtures.Random(seed)
		t.Run(m.Name, func(t *testing.T) {
			dir := t.TempDir()
			model, input := filepath.Join(dir, "model.onnx"), filepath.Join(dir, "input.json")
			os.WriteFile(model, m.ONNX, 0o644)
			os.WriteFile(input, m.Input, 0o644)
			build := filepath.Join(dir, "build")
			res, err := compileModel(context.Background(), model, build, []string{input}, prover.Groth16, plan.DefaultConfig(), nil, nil, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if e := res.Calibration[0].RelativeErr; e > maxRelativeError {
				t.Errorf("relative L∞ error %.4g%% > %.2g%%", 100*e, 100*maxRelativeError)
			}
			g, err := onnx.Load(model, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d nodes, %d constraints, error %.3g%%", len(g.Nodes), res.Constraints, 100*res.Calibration[0].RelativeErr)
			if _, err := setupBuild(build, prover.SetupOptions{}, "", nil); err != nil {
				t.Fatal(err)
			}
			proofPath := filepath.Join(dir, "proof.json")
			if _, err := proveInput(build, input, proofPath, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := verifyProof(build, proofPath, nil); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// tamperPublicInput changes the first public input by one and the matching
// dequantized output with it, so that only the cryptography can notice.
func tamperPublicInput(t *testing.T, p *prover.Proof) {
	t.Helper()
	p.PublicInputs[0] = new(big.Int).Add(p.PublicInputs[0], big.NewInt(1))
	p.Outputs[0][0] += plan.Dequantize(1, p.OutputScales[0])
}
