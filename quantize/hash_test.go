package quantize

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// hashModel is a fixed model touching every lowering path that matters:
// a padded strided Conv with bias, Relu, MaxPool with ceil_mode, Flatten
// folded into a Gemm, a second branch through GlobalAveragePool and a
// MatMul, a residual Add of two computed values, a Div by a constant and a
// Concat with an AveragePool branch.
func hashModel() *onnx.Graph {
	b := newGraph()
	x := b.input("x", 1, 2, 6, 6)
	w := func(n int, scale float64) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = scale * math.Sin(float64(7*i+n))
		}
		return v
	}
	c := b.node("Conv", []string{x, b.constant([]int{3, 2, 3, 3}, w(54, 0.4)...), b.constant([]int{3}, 0.1, -0.2, 0.05)},
		aInts("pads", 1, 1, 1, 1), aInts("strides", 1, 1))
	r := b.node("Relu", []string{c})
	p := b.node("MaxPool", []string{r}, aInts("kernel_shape", 2, 2), aInts("strides", 2, 2), aInt("ceil_mode", 1))
	f := b.node("Flatten", []string{p})
	g1 := b.node("Gemm", []string{f, b.constant([]int{4, 27}, w(108, 0.3)...), b.constant([]int{4}, w(4, 0.1)...)}, aInt("transB", 1))
	gap := b.node("GlobalAveragePool", []string{x})
	f2 := b.node("Flatten", []string{gap})
	g2 := b.node("MatMul", []string{f2, b.constant([]int{2, 4}, w(8, 2)...)})
	a := b.node("Add", []string{g1, g2})
	d := b.node("Div", []string{a, b.constant(nil, 3)})
	ap := b.node("AveragePool", []string{x}, aInts("kernel_shape", 3, 3), aInts("strides", 3, 3))
	f3 := b.node("Reshape", []string{ap}, aInts("shape", 1, -1))
	cat := b.node("Concat", []string{d, f3}, aInt("axis", 1))
	return b.output(b.node("Relu", []string{cat}))
}

func randomInput(rng *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 2*rng.Float64() - 1
	}
	return v
}

// TestAccumulatedHash pins the planner and the integer executor: it
// compiles a fixed model, runs 1000 seeded random inputs and hashes every
// value of every witness. If a change to the planner or the executor is
// intended, update the constants (and say why in the change).
func TestAccumulatedHash(t *testing.T) {
	const (
		wantPlan    = "4f2535263870216009785cae108c765c78ec1ef4dc8078d5e5d77da4b3453768" // plan format 2: lookups record their saturation
		wantWitness = "58ae6900ecf28fba4ee692c4a775d5aeea25c98ea9a08fac85bbc1f96d49c092"
	)
	g := hashModel()
	rng := rand.New(rand.NewPCG(2024, 7))
	var samples [][][]float64
	for range 4 {
		samples = append(samples, [][]float64{randomInput(rng, 72)})
	}
	p := compileOn(t, g, plan.DefaultConfig(), samples...)
	ph := p.Hash()
	h := sha256.New()
	var buf []byte
	for i := range 1000 {
		q, err := p.QuantizeInputs([][]float64{randomInput(rng, 72)})
		if err != nil {
			t.Fatal(err)
		}
		all, err := p.Run(q)
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		for _, v := range all {
			buf = buf[:0]
			for _, x := range v {
				buf = binary.LittleEndian.AppendUint64(buf, uint64(x))
			}
			h.Write(buf)
		}
	}
	if got := hex.EncodeToString(ph[:]); got != wantPlan {
		t.Errorf("plan hash %s, want %s", got, wantPlan)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != wantWitness {
		t.Errorf("witness hash %s, want %s", got, wantWitness)
	}
}

// The hash model must also be accurate: it is a real check of its paths.
func TestHashModelAccuracy(t *testing.T) {
	g := hashModel()
	rng := rand.New(rand.NewPCG(1, 1))
	p := compileOn(t, g, plan.DefaultConfig(), [][]float64{randomInput(rng, 72)}, [][]float64{randomInput(rng, 72)})
	for range 20 {
		in := [][]float64{randomInput(rng, 72)}
		got, err := p.Predict(in)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := RunFloat(g, in)
		ref := want[g.Outputs[0].Name]
		for i := range ref {
			if math.Abs(got[0][i]-ref[i]) > 1e-4 {
				t.Fatalf("output %d = %g, float %g\n%v", i, got[0][i], ref[i], p.Report())
			}
		}
	}
	if len(p.Ops) > 9 {
		t.Errorf("%d ops: folding stopped working?\n%v", len(p.Ops), p.Report())
	}
}
