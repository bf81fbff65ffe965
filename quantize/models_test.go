package quantize

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// The conformance models live outside the repository (../shared/models from
// the repository root); tests skip when they are absent.
func modelsDir(t testing.TB) string { t.Helper(); return testenv.SharedModels(t) }

// conformanceModels are the shared models whose every op zkml compiles.
var conformanceModels = slices.Concat(testenv.MilestoneModels, []string{"max", "min"}, testenv.NonlinearModels, []string{
	// recurrent: unrolled over the sequence at load time
	"rnn",
	// data movement at computed indices, comparisons and logic, tree ensembles, constant outputs
	"1l_conv_transpose", "1l_where", "arange", "bitwise_ops", "blackman_window", "boolean_identity",
	"doodles", "gather_elements", "hummingbird_decision_tree", "less", "lightgbm", "linear_svc",
	"oh_decision_tree", "scatter_elements", "xgboost_reg",
})

// loadModel loads a conformance model, its reference outputs and its sample input.
func loadModel(t testing.TB, name string) (*onnx.Graph, *modelio.Reference, [][]float64) {
	t.Helper()
	dir := filepath.Join(modelsDir(t), name)
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := modelio.ReadReference(filepath.Join(dir, "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := modelio.ReadInputFile(filepath.Join(dir, "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != len(g.Inputs) && len(ref.Cases) > 0 {
		// input.json of arange and bitwise_ops lists inputs the graph does
		// not have; reference case 0 is that sample with the model's own.
		in = ref.Cases[0].Inputs
	}
	return g, ref, in
}

// maxFloatErr is how far the float64 executor may land from ONNX Runtime's
// float32 results (relative L∞).
const maxFloatErr = 1e-4

// maxQuantErr is the accuracy zkml promises on these models with the
// default configuration, calibrated on one sample (relative L∞).
const maxQuantErr = 0.005

func TestModels(t *testing.T) {
	modelsDir(t)
	for _, name := range conformanceModels {
		t.Run(name, func(t *testing.T) {
			g, ref, sample := loadModel(t, name)
			for i, c := range ref.Cases {
				vals, err := RunFloat(g, c.Inputs)
				if err != nil {
					t.Fatalf("case %d: %v", i, err)
				}
				got := make([][]float64, len(g.Outputs))
				for j, o := range g.Outputs {
					got[j] = vals[o.Name]
				}
				if e := modelio.RelativeLInf(got, c.Outputs); e > maxFloatErr {
					t.Errorf("case %d: float executor differs from ONNX Runtime by %.3g (relative L∞)\ngot  %v\nwant %v", i, e, got, c.Outputs)
				}
			}
			cal, err := Calibrate(g, [][][]float64{sample})
			if err != nil {
				t.Fatal(err)
			}
			plan, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			worst, worstCase := 0.0, 0
			for i, c := range ref.Cases {
				got, err := plan.Predict(c.Inputs)
				if err != nil {
					t.Fatalf("case %d: %v", i, err)
				}
				if e := modelio.RelativeLInf(got, c.Outputs); e > worst {
					worst, worstCase = e, i
				}
			}
			t.Logf("%-18s worst relative L∞ error %.3g%% (case %d of %d), %d ops", name, 100*worst, worstCase, len(ref.Cases), len(plan.Ops))
			if worst > maxQuantErr {
				t.Errorf("integer executor error %.3g%% exceeds %.3g%%", 100*worst, 100*maxQuantErr)
			}
		})
	}
}

// TestModelsOwnCalibration calibrates on samples a user would bring — the
// reference cases 1 to 3, not the model's input.json — and checks every case
// against ONNX Runtime: the accuracy must not hinge on one particular sample.
func TestModelsOwnCalibration(t *testing.T) {
	modelsDir(t)
	for _, name := range conformanceModels {
		t.Run(name, func(t *testing.T) {
			g, ref, _ := loadModel(t, name)
			if len(ref.Cases) < 4 {
				t.Skipf("only %d reference cases", len(ref.Cases))
			}
			var samples [][][]float64
			for _, c := range ref.Cases[1:4] {
				samples = append(samples, c.Inputs)
			}
			cal, err := Calibrate(g, samples)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			worst := 0.0
			for i, c := range ref.Cases {
				out, err := plan.Predict(c.Inputs)
				if err != nil {
					t.Fatalf("case %d: %v", i, err)
				}
				worst = max(worst, modelio.RelativeLInf(out, c.Outputs))
			}
			if worst > maxQuantErr {
				t.Errorf("relative L∞ error %.4g%% > %.2g%%", 100*worst, 100*maxQuantErr)
			}
		})
	}
}
