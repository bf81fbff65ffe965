package quantize

import (
	"context"
	"testing"

	"github.com/zkml/zkml/plan"
)

// BenchmarkRun times the integer executor (witness generation) on shared
// models, calibrated on their sample input.
func BenchmarkRun(b *testing.B) {
	for _, name := range []string{"accuracy", "4l_relu_conv_fc"} {
		b.Run(name, func(b *testing.B) {
			g, _, sample := loadModel(b, name)
			cal, err := Calibrate(g, [][][]float64{sample})
			if err != nil {
				b.Fatal(err)
			}
			p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				b.Fatal(err)
			}
			q, err := p.QuantizeInputs(sample)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := p.Run(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompile times calibration and lowering.
func BenchmarkCompile(b *testing.B) {
	for _, name := range []string{"accuracy", "4l_relu_conv_fc"} {
		b.Run(name, func(b *testing.B) {
			g, _, sample := loadModel(b, name)
			for b.Loop() {
				cal, err := Calibrate(g, [][][]float64{sample})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Compile(context.Background(), g, cal, plan.DefaultConfig()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
