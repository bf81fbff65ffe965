package prover

import (
	"context"
	"math/rand"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/plan"
)

// compileModel runs the pipeline up to a build with keys: load, calibrate
// on input.json, quantize, compile, setup.
func compileModel(t testing.TB, name string, backend Backend) (*Build, *modelio.Reference) {
	t.Helper()
	pl, m := testmodels.Plan(t, name)
	g := m.Graph
	ref := m.Ref
	meta := Meta{ModelFile: m.Path, ModelSHA256: m.SHA256}
	for _, v := range g.Inputs {
		meta.InputNames = append(meta.InputNames, v.Name)
	}
	for _, v := range g.Outputs {
		meta.OutputNames = append(meta.OutputNames, v.Name)
	}
	b, err := Compile(context.Background(), filepath.Join(t.TempDir(), "build"), pl, backend, meta)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	return b, ref
}

// TestModels proves the reference cases of small shared models end to end
// and checks that the proven outputs are ONNX Runtime's, up to quantization.
func TestModels(t *testing.T) {
	if testing.Short() {
		t.Skip("proves real models; skipped with -short")
	}
	for _, tc := range []struct {
		name    string
		backend Backend
		cases   int
	}{
		{"1l_mlp", Groth16, 8},
		{"1l_mlp", PLONK, 2},
		{"1l_max_pool", PLONK, 2},
		{"2l_relu_fc", Groth16, 2},
	} {
		t.Run(tc.name+"/"+string(tc.backend), func(t *testing.T) {
			b, ref := compileModel(t, tc.name, tc.backend)
			reopened, err := Open(b.Dir())
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range ref.Cases[:min(tc.cases, len(ref.Cases))] {
				p, err := b.Prove(context.Background(), c.Inputs)
				if err != nil {
					t.Fatalf("case %d: %v", i, err)
				}
				if err := Verify(reopened, p); err != nil {
					t.Fatalf("case %d: %v", i, err)
				}
				if e := modelio.RelativeLInf(p.Outputs, c.Outputs); e > 0.005 {
					t.Errorf("case %d: proven outputs differ from ONNX Runtime by %.3g (relative L∞)\ngot  %v\nwant %v", i, e, p.Outputs, c.Outputs)
				}
			}
		})
	}
}

// densePlan is a synthetic MLP for benchmarks: layers × (dense n×n affine
// with a rescale, relu), random weights.
func densePlan(n, layers int) *plan.Plan {
	rng := rand.New(rand.NewSource(1))
	p := &plan.Plan{Config: plan.DefaultConfig()}
	p.Tensors = append(p.Tensors, plan.Tensor{Name: "x", Shape: []int{1, n}, Scale: 8, Bound: 31})
	p.Inputs = []int{0}
	prev := 0
	for range layers {
		op := plan.Op{Kind: plan.OpAffine, Node: "fc", In: []int{prev}, Shift: 12, RowStart: []int32{0}}
		for range n {
			for j := range n {
				op.Terms = append(op.Terms, plan.Term{Idx: int32(j), Coeff: rng.Int63n(2000) - 1000})
			}
			op.RowStart = append(op.RowStart, int32(len(op.Terms)))
		}
		p.Tensors = append(p.Tensors, plan.Tensor{Name: "z", Shape: []int{1, n}, Scale: 8, Bound: 31})
		op.Out = len(p.Tensors) - 1
		p.Ops = append(p.Ops, op)
		p.Tensors = append(p.Tensors, plan.Tensor{Name: "y", Shape: []int{1, n}, Scale: 8, Bound: 31})
		p.Ops = append(p.Ops, plan.Op{Kind: plan.OpRelu, Node: "relu", In: []int{op.Out}, Out: len(p.Tensors) - 1})
		prev = len(p.Tensors) - 1
	}
	p.Outputs = []int{prev}
	return p
}

// BenchmarkProve times one proof (witness and prover, keys already loaded)
// of a synthetic 2-layer 128-wide MLP and of a shared model.
func BenchmarkProve(b *testing.B) {
	for _, backend := range backends {
		b.Run(string(backend)+"/dense128x2", func(b *testing.B) {
			build, err := Compile(context.Background(), filepath.Join(b.TempDir(), "build"), densePlan(128, 2), backend, Meta{})
			if err != nil {
				b.Fatal(err)
			}
			if err := build.Setup(context.Background(), SetupOptions{}); err != nil {
				b.Fatal(err)
			}
			in := make([]float64, 128)
			for i := range in {
				in[i] = float64(i%7)/7 - 0.5
			}
			for b.Loop() {
				if _, err := build.Prove(context.Background(), [][]float64{in}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(build.Settings().Circuit.Constraints), "constraints")
		})
		b.Run(string(backend)+"/4l_relu_conv_fc", func(b *testing.B) {
			build, ref := compileModel(b, "4l_relu_conv_fc", backend)
			for b.Loop() {
				if _, err := build.Prove(context.Background(), ref.Cases[0].Inputs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(build.Settings().Circuit.Constraints), "constraints")
		})
	}
}

// BenchmarkOpenAndLoad times what a prover pays before its first proof:
// Open, then loading circuit.ccs and pk.bin (checksums included).
func BenchmarkOpenAndLoad(b *testing.B) {
	build, err := Compile(context.Background(), filepath.Join(b.TempDir(), "build"), densePlan(128, 2), Groth16, Meta{})
	if err != nil {
		b.Fatal(err)
	}
	if err := build.Setup(context.Background(), SetupOptions{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		o, err := Open(build.Dir())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := o.constraintSystem(); err != nil {
			b.Fatal(err)
		}
		if _, err := o.provingKey(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(build.Settings().Setup.ProvingKeyBytes), "pk-bytes")
}

// BenchmarkVerify times Verify with the verifying key loaded.
func BenchmarkVerify(b *testing.B) {
	for _, backend := range backends {
		b.Run(string(backend), func(b *testing.B) {
			dir, proof := built(b, backend)
			build, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			if err := Verify(build, proof); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := Verify(build, proof); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
