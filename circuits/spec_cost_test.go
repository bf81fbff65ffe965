//go:build speccost

package circuits

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/plan"
)

// TestSpecCheckEverythingCost measures the alternative SOUNDNESS.md turns down:
// the circuit range checking every tensor (not just those
// plan.RangeChecked names). It counts, per shared model, the elements of
// the tensors no gadget proves in range, and logs them with the model's
// constraints; each would need one A-bit range check (measured below).
// It takes minutes (nanoGPT), so it is built only with the speccost tag:
// go test -tags speccost -run TestSpecCheckEverythingCost -v ./circuits.
// It asserts nothing about the numbers.
func TestSpecCheckEverythingCost(t *testing.T) {
	sharedModels := testenv.SharedModels(t)
	// The marginal cost in a circuit of model size, where the range
	// checker's table is amortized.
	one := compileCounts(t, newRangeCheckPlan(4000))
	two := compileCounts(t, newRangeCheckPlan(8000))
	perCheck := (two.r1cs - one.r1cs) / 4000
	t.Logf("one 32-bit range check: %d R1CS constraints", perCheck)
	var extra, total int
	for _, name := range []string{"1l_mlp", "4l_relu_conv_fc", "1l_softmax", "layernorm", "rnn", "self_attention", "nanoGPT"} {
		dir := filepath.Join(sharedModels, name)
		if _, err := os.Stat(filepath.Join(dir, "network.onnx")); err != nil {
			continue
		}
		p := modelPlan(t, dir)
		l, err := checkPlan(p)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for ti := range p.Tensors {
			if !l.inRange[ti] {
				n += p.Tensors[ti].Size()
			}
		}
		r, _ := compileBoth(t, p)
		t.Logf("%s: %d constraints; %d unchecked elements, ~%d constraints more (+%.0f%%)", name, r.GetNbConstraints(), n, n*perCheck, 100*float64(n*perCheck)/float64(r.GetNbConstraints()))
		extra += n * perCheck
		total += r.GetNbConstraints()
	}
	if total > 0 {
		t.Logf("together: +%.0f%%", 100*float64(extra)/float64(total))
	}
}

// newRangeCheckPlan: n inputs at A = 32, the output their sum (one
// element, statically in range), so that each input costs one range check.
func newRangeCheckPlan(n int) *plan.Plan {
	b := newPlanBuilder(32)
	x := b.input("x", n)
	var r row
	for i := range n {
		r = append(r, term(0, i, 1))
	}
	b.output(b.affine("sum", []int{x}, []row{r}, nil, 20))
	return b.plan()
}
