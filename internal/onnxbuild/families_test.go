package onnxbuild_test

import (
	"context"
	"testing"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

// Every family loads, compiles to a plan, and the plan's outputs follow the
// float model's.
func TestFamilies(t *testing.T) {
	for _, c := range []struct {
		m  *onnxbuild.Model
		in int
	}{
		{onnxbuild.MLP("mlp", 1, 8, 4, 3), 8},
		{onnxbuild.LeNet("lenet", 2, 1), 28 * 28},
		{onnxbuild.ResNet("resnet", 3, 1, 8), 3 * 8 * 8},
	} {
		name := c.m.Proto().Graph.Name
		g, err := onnx.Parse(c.m.Bytes(), name, nil)
		if err != nil {
			t.Fatal(err)
		}
		in := [][]float64{onnxbuild.Input(c.in, 9)}
		want, err := quantize.RunFloat(g, in)
		if err != nil {
			t.Fatal(err)
		}
		cal, err := quantize.Calibrate(g, [][][]float64{in})
		if err != nil {
			t.Fatal(err)
		}
		p, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Predict(in)
		if err != nil {
			t.Fatal(err)
		}
		y := want["y"]
		if len(got[0]) != len(y) {
			t.Fatalf("%s: %d outputs, want %d", name, len(got[0]), len(y))
		}
		for i := range y {
			if d := got[0][i] - y[i]; d > 1e-3 || d < -1e-3 {
				t.Errorf("%s: y[%d] = %g, float model %g", name, i, got[0][i], y[i])
			}
		}
	}
}
