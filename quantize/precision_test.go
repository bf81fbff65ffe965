package quantize

import (
	"strings"
	"testing"
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
	p := compileOn(t, g, DefaultConfig(), in)
	for _, l := range p.Report() {
		if l.Error != -1 {
			t.Errorf("Report: layer %s has error %g, want -1 (not measured)", l.Node, l.Error)
		}
	}
	rep, err := p.ReportOn(g, in)
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
	if _, err := p.ReportOn(g, [][]float64{{1}}); err == nil {
		t.Error("ReportOn accepted an input of the wrong size")
	}
}

func TestSignificantBits(t *testing.T) {
	for _, c := range []struct {
		m     float64
		scale int
		want  int
	}{{0, 20, 0}, {1, 0, 1}, {1, 20, 21}, {0.75, 2, 2}, {1e-9, 20, 0}, {3, 0, 2}} {
		if got := significantBits(c.m, c.scale); got != c.want {
			t.Errorf("significantBits(%g, %d) = %d, want %d", c.m, c.scale, got, c.want)
		}
	}
}
