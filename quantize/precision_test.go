package quantize

import (
	"strings"
	"testing"

	"github.com/zkml/zkml/plan"
)

// TestReportOnShowsPrecisionLoss: a layer whose values are tiny for the
// largest scale keeps few significant bits, and ReportOn measures the error
// it causes there, not before.
func TestReportOnShowsPrecisionLoss(t *testing.T) {
	b := newGraph()
	x := b.input("x", 4)
	r := b.node("Relu", []string{x})
	g := b.output(b.node("Mul", []string{r, b.constant([]int{1}, 1e-6)}))
	in := [][]float64{{0.3, -1, 0.7, 1}}
	p := compileOn(t, g, plan.DefaultConfig(), in)
	for _, l := range p.Report() {
		if l.Error != -1 {
			t.Errorf("Report: layer %s has error %g, want -1 (not measured)", l.Node, l.Error)
		}
	}
	rep, err := ReportOn(p, g, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep) != 2 {
		t.Fatalf("%d layers, want 2: %v", len(rep), rep)
	}
	relu, mul := rep[0], rep[1]
	if relu.Error > 1e-5 || relu.Bits < 20 {
		t.Errorf("Relu: error %g, %d bits; want the input rounding only, with many bits", relu.Error, relu.Bits)
	}
	if mul.Bits > 2 || mul.Error < 0.01 {
		t.Errorf("Mul by 1e-6: %d bits, error %g; want few bits and a visible error", mul.Bits, mul.Error)
	}
	if s := mul.String(); !strings.Contains(s, "bits), error") {
		t.Errorf("the layer line %q does not show bits and error", s)
	}
	if _, err := ReportOn(p, g, [][]float64{{1}}); err == nil {
		t.Error("ReportOn accepted an input of the wrong size")
	}
}
