// Package testmodels gives tests the shared conformance models
// (../shared/models beside the repository) and a tiny hand-built plan, so
// that packages right of quantize/ load, calibrate and compile them one way.
// The models are not part of the repository: Dir skips the test when they
// are absent. (onnx/ and quantize/ keep their own loaders: importing this
// package from their internal tests would be an import cycle.)
package testmodels

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

// Dir returns the shared models folder, or skips the test when it is absent
// (fails it under ZKML_REQUIRE_SHARED=1: see internal/testenv).
func Dir(t testing.TB) string { t.Helper(); return testenv.SharedModels(t) }

// Model is one shared model, loaded.
type Model struct {
	Path   string // network.onnx
	SHA256 string // hex digest of network.onnx
	Graph  *onnx.Graph
	Ref    *modelio.Reference
	Sample [][]float64 // input.json
}

// Load reads a shared model, its reference outputs and its sample input.
func Load(t testing.TB, name string) *Model {
	t.Helper()
	dir := filepath.Join(Dir(t), name)
	m := &Model{Path: filepath.Join(dir, "network.onnx")}
	data, err := os.ReadFile(m.Path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	m.SHA256 = hex.EncodeToString(sum[:])
	if m.Graph, err = onnx.Parse(data, m.Path, nil); err != nil {
		t.Fatal(err)
	}
	if m.Ref, err = modelio.ReadReference(filepath.Join(dir, "reference.json")); err != nil {
		t.Fatal(err)
	}
	if m.Sample, err = modelio.ReadInputFile(filepath.Join(dir, "input.json")); err != nil {
		t.Fatal(err)
	}
	return m
}

// Plan loads a shared model and quantizes it as `zkml compile` does by
// default: calibrated on input.json, default configuration.
func Plan(t testing.TB, name string) (*plan.Plan, *Model) {
	t.Helper()
	m := Load(t, name)
	cal, err := quantize.Calibrate(m.Graph, [][][]float64{m.Sample})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := quantize.Compile(context.Background(), m.Graph, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return pl, m
}

// TinyPlan is a hand-built model: y = relu(rescale(W·x + b)) with x of shape
// [1 4] at scale 8, W at scale 4 (so the accumulator has scale 12 and the
// rescale shifts by 4), and two outputs, y and the pre-activation z, so that
// the public inputs include negative values. bias varies the model, so tests
// get "another model" with the same shapes. Its rescale and relu need range
// checks, so a default build has a BSB22 commitment.
func TinyPlan(bias int64) *plan.Plan {
	w := [][]int64{{3, -5, 7, 2}, {-1, 4, 0, 6}, {8, 1, -2, -3}}
	op := plan.Op{Kind: plan.OpAffine, Node: "/fc/Gemm", In: []int{0}, Out: 1, Shift: 4, Bias: []int64{bias, -bias, 2 * bias}}
	op.RowStart = []int32{0}
	for _, row := range w {
		for j, c := range row {
			if c != 0 {
				op.Terms = append(op.Terms, plan.Term{In: 0, Idx: int32(j), Coeff: c})
			}
		}
		op.RowStart = append(op.RowStart, int32(len(op.Terms)))
	}
	return &plan.Plan{
		Config: plan.DefaultConfig(),
		Tensors: []plan.Tensor{
			{Name: "input", Shape: []int{1, 4}, Scale: 8, Bound: 31},
			{Name: "z", Shape: []int{1, 3}, Scale: 8, Bound: 31},
			{Name: "y", Shape: []int{1, 3}, Scale: 8, Bound: 31},
		},
		Inputs:  []int{0},
		Outputs: []int{2, 1},
		Ops: []plan.Op{
			op,
			{Kind: plan.OpRelu, Node: "/relu/Relu", In: []int{1}, Out: 2},
		},
	}
}
