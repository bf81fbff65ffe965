package quantize

import "testing"

func TestScratchReport(t *testing.T) {
	for _, name := range []string{"4l_relu_conv_fc", "accuracy", "1l_average", "1l_mean", "sklearn_mlp", "1l_identity", "linear_regression"} {
		g, _, sample := loadModel(t, name)
		cal, _ := Calibrate(g, [][][]float64{sample})
		p, err := Compile(g, cal, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		t.Log(name)
		for _, n := range g.Nodes {
			t.Logf("   node %s %s in=%v attrs=%d", n.Name, n.OpType, n.Inputs, len(n.Attrs))
		}
		for _, in := range p.Inputs {
			t.Logf("   input %q scale %d", p.Tensors[in].Name, p.Tensors[in].Scale)
		}
		for _, l := range p.Report() {
			t.Logf("   %s", l)
		}
	}
}
