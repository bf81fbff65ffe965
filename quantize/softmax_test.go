package quantize

import (
	"math"
	"slices"
	"testing"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// TestSoftmaxBound: Softmax's quotients are at most one, so its output's
// Bound is the quotient's shift, not the activation range; then the
// product scores·V needs no rounding of the scores to fit the executor's
// 62 bits, and the plan still validates and tracks the float reference. A
// quotient of two inputs keeps the generic bound. Rows of three elements
// keep the division (TestSoftmaxReciprocal has longer rows).
func TestSoftmaxBound(t *testing.T) {
	b := newGraph()
	s := b.input("s", 1, 8, 3)
	v := b.input("v", 1, 3, 8)
	a := b.node("Softmax", []string{s}, aInt("axis", -1))
	y := b.node("MatMul", []string{a, v})
	g := b.output(y)
	sample := func(off float64) [][]float64 {
		x, w := make([]float64, 24), make([]float64, 24)
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

// TestSoftmaxReciprocal: rows of eight share their sum, which is inverted
// once per row (an OpDiv of ones, R = 2^k / S with S ≥ 2^16) and multiplied
// into each exponential: the output's bound stays that of a value at most
// one, the product scores·V reads it unrounded, and the result tracks the
// float reference.
func TestSoftmaxReciprocal(t *testing.T) {
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
	var divs, muls []*plan.Op
	for k := range p.Ops {
		switch p.Ops[k].Kind {
		case plan.OpDiv:
			divs = append(divs, &p.Ops[k])
		case plan.OpMul:
			muls = append(muls, &p.Ops[k])
		}
	}
	if len(divs) != 1 || p.Tensors[divs[0].Out].Size() != 4 || len(muls) != 2 {
		t.Fatalf("want one division of 4 row sums and two products, got %d and %d", len(divs), len(muls))
	}
	sm := p.Tensors[muls[0].Out]
	if sm.Name != a || sm.Bound > sm.Scale+1 {
		t.Errorf("the softmax output %q has bound 2^%d at scale 2^%d, want a value at most one", sm.Name, sm.Bound, sm.Scale)
	}
	if muls[1].In[0] != muls[0].Out {
		t.Errorf("the product scores·V reads %q, not the softmax output", p.Tensors[muls[1].In[0]].Name)
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
		for i, w := range want[y] {
			if math.Abs(got[0][i]-w) > 1e-3*(1+math.Abs(w)) {
				t.Fatalf("sample %v: y[%d] = %g, float %g", off, i, got[0][i], w)
			}
		}
	}
}

// TestSoftmaxLateNormalization: softmax(s)·V, the Softmax read only by the
// MatMul over its rows, multiplies the exponentials by V and normalizes
// the 4×4 results (not the 4×8 probabilities): its products are e·V and
// the output times each row's reciprocal, and the result tracks the float
// reference, also for inputs beyond the calibrated ones.
func TestSoftmaxLateNormalization(t *testing.T) {
	b := newGraph()
	s := b.input("s", 1, 4, 8)
	v := b.input("v", 1, 8, 4)
	a := b.node("Softmax", []string{s}, aInt("axis", -1))
	y := b.node("MatMul", []string{a, v})
	b.g.Values[a] = onnx.Value{Name: a, DType: onnx.Float32, Shape: []int{1, 4, 8}}
	b.g.Values[y] = onnx.Value{Name: y, DType: onnx.Float32, Shape: []int{1, 4, 4}}
	g := b.output(y)
	sample := func(off, mag float64) [][]float64 {
		x, w := make([]float64, 32), make([]float64, 32)
		for i := range x {
			x[i] = mag * 3 * math.Sin(float64(i)+off)
			w[i] = 2 * math.Cos(float64(3*i)+off)
		}
		return [][]float64{x, w}
	}
	p := compileOn(t, g, plan.DefaultConfig(), sample(0, 1), sample(1, 1))
	var sizes []int
	for _, op := range p.Ops {
		switch op.Kind {
		case plan.OpMul, plan.OpDiv:
			sizes = append(sizes, p.Tensors[op.Out].Size())
		}
	}
	if !slices.Equal(sizes, []int{16, 4, 16}) {
		t.Errorf("products and quotients of sizes %v, want e·V (16), the row reciprocals (4), the normalization (16)", sizes)
	}
	for _, x := range [][][]float64{sample(0, 1), sample(0.5, 1), sample(2, 1.5)} {
		want, err := RunFloat(g, x)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Predict(x)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range want[y] {
			if math.Abs(got[0][i]-w) > 1e-3*(1+math.Abs(w)) {
				t.Fatalf("y[%d] = %g, float %g", i, got[0][i], w)
			}
		}
	}
}
