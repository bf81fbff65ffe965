package quantize

import (
	"math"
	"testing"

	"github.com/zkml/zkml/plan"
)

// TestSoftmaxBound: Softmax's quotients are at most one, so its output's
// Bound is the quotient's shift, not the activation range; then the
// product scores·V needs no rounding of the scores to fit the executor's
// 62 bits, and the plan still validates and tracks the float reference. A
// quotient of two inputs keeps the generic bound.
func TestSoftmaxBound(t *testing.T) {
	b := newGraph()
	s := b.input("s", 1, 4, 8)
	v := b.input("v", 1, 8, 4)
	a := b.node("Softmax", []string{s}, aInt("axis", -1))
	y := b.node("MatMul", []string{a, v})
	g := b.output(y)
	sample := func(off float64) [][]float64 {
		x, w := make([]float64, 32), make([]float64, 32)
		for i := range x {
			x[i] = 3 * math.Sin(float64(i)+off)
			w[i] = 2 * math.Cos(float64(3*i)+off)
		}
		return [][]float64{x, w}
	}
	p := compileOn(t, g, plan.DefaultConfig(), sample(0), sample(1))
	var div *plan.Op
	for k := range p.Ops {
		if p.Ops[k].Kind == plan.OpDiv {
			div = &p.Ops[k]
		}
	}
	if div == nil {
		t.Fatal("no quotient in the plan")
	}
	if got := p.Tensors[div.Out].Bound; got != div.Shift {
		t.Errorf("softmax output bound 2^%d, want the shift 2^%d", got, div.Shift)
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		if op.Kind == plan.OpMul {
			for _, in := range op.In {
				if in != div.Out && in != p.Inputs[1] {
					t.Errorf("the product reads %q, not the softmax output itself", p.Tensors[in].Name)
				}
			}
		}
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, off := range []float64{0, 0.5, 2} {
		x := sample(off)
		want, err := RunFloat(g, x)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Predict(x)
		if err != nil {
			t.Fatal(err)
		}
		w := want[y]
		for i := range w {
			if math.Abs(got[0][i]-w[i]) > 1e-3*(1+math.Abs(w[i])) {
				t.Fatalf("sample %v: y[%d] = %g, float %g", off, i, got[0][i], w[i])
			}
		}
	}

	// Tampering with the plan: a divisor row that leaves out its own
	// dividend no longer proves the quotient at most one.
	bad := *p
	bad.Ops = append([]plan.Op(nil), p.Ops...)
	for k := range bad.Ops {
		if bad.Ops[k].Kind == plan.OpAffine && bad.Ops[k].Out == div.In[1] {
			sum := bad.Ops[k]
			sum.Terms = append([]plan.Term(nil), sum.Terms...)
			sum.Terms[0].Idx = sum.Terms[1].Idx
			bad.Ops[k] = sum
		}
	}
	if err := bad.Validate(); err == nil {
		t.Error("a plan whose divisor skips its dividend kept the tight softmax bound")
	}

	b2 := newGraph()
	q := b2.node("Div", []string{b2.input("x", 1, 8), b2.node("Relu", []string{b2.input("d", 1, 8)})})
	p2 := compileOn(t, b2.output(q), plan.DefaultConfig(), [][]float64{{1, 2, 3, 4, 5, 6, 7, 8}, {1, 1, 2, 2, 3, 3, 4, 4}})
	for k := range p2.Ops {
		if op := &p2.Ops[k]; op.Kind == plan.OpDiv && p2.Tensors[op.Out].Bound == op.Shift && op.Shift < p2.Config.ActivationBits-1 {
			t.Errorf("a quotient of two inputs got the softmax bound 2^%d", op.Shift)
		}
	}
}
