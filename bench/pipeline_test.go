package bench

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

var benchModels = []string{"4l_relu_conv_fc", "accuracy"}

// BenchmarkPipeline/<model>/<backend>/<stage> times each stage of the
// pipeline on the models quoted in the README; proof size and constraints
// are reported as custom metrics.
func BenchmarkPipeline(b *testing.B) {
	root := testenv.SharedModels(b)
	for _, name := range benchModels {
		for _, backend := range []prover.Backend{prover.Groth16, prover.PLONK} {
			b.Run(name+"/"+string(backend), func(b *testing.B) {
				benchModel(b, filepath.Join(root, name), backend)
			})
		}
	}
}

func benchModel(b *testing.B, dir string, backend prover.Backend) {
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		b.Fatal(err)
	}
	in, err := modelio.ReadInputFile(filepath.Join(dir, "input.json"))
	if err != nil {
		b.Fatal(err)
	}
	build := b.TempDir()
	var bld *prover.Build
	b.Run("compile", func(b *testing.B) {
		for b.Loop() {
			cal, err := quantize.Calibrate(g, [][][]float64{in})
			if err != nil {
				b.Fatal(err)
			}
			pl, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				b.Fatal(err)
			}
			if bld, err = prover.Compile(context.Background(), build, pl, backend, prover.Meta{ModelFile: "network.onnx"}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(bld.Settings().Circuit.Constraints), "constraints")
	})
	b.Run("setup", func(b *testing.B) {
		for b.Loop() {
			if err := bld.Setup(context.Background(), prover.SetupOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	var proof *prover.Proof
	b.Run("prove", func(b *testing.B) {
		for b.Loop() {
			if proof, err = bld.Prove(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(proof.Bytes)), "proof-bytes")
	})
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			if err := prover.Verify(bld, proof); err != nil {
				b.Fatal(err)
			}
		}
	})
}
