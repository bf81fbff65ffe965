package onnxbuild

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// The synthetic model families of the benchmarks (bench/cmd/compare,
// bench/cmd/scaling): every weight is drawn from a generator seeded by the
// caller, so a model is reproducible from its parameters alone. Weights are
// scaled by 1/√fan-in so that activations stay of order one at any size.

type weights struct{ r *rand.Rand }

func newWeights(seed uint64) *weights { return &weights{rand.New(rand.NewPCG(seed, 0x7a6b6d6c))} }

// uniform returns n values in [-s, s).
func (w *weights) uniform(n int, s float64) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32((2*w.r.Float64() - 1) * s)
	}
	return v
}

// Input returns n reproducible values in [-1, 1), a sample input for the
// models of this file.
func Input(n int, seed uint64) []float64 {
	w := newWeights(seed)
	v := make([]float64, n)
	for i := range v {
		v[i] = 2*w.r.Float64() - 1
	}
	return v
}

// MLP is a fully connected network: input of sizes[0] features (shape
// [1, sizes[0]]), then Gemm layers to each following size with Relu between
// them (none after the last). Its input is "x" and its output "y".
func MLP(name string, seed uint64, sizes ...int) *Model {
	if len(sizes) < 2 {
		panic("onnxbuild.MLP: need at least two sizes")
	}
	w := newWeights(seed)
	m := NewModel(name, 13).Input("x", Float, 1, int64(sizes[0]))
	cur := "x"
	for l := 1; l < len(sizes); l++ {
		in, out := sizes[l-1], sizes[l]
		s := 1 / math.Sqrt(float64(in))
		wn, bn, yn := fmt.Sprintf("w%d", l), fmt.Sprintf("b%d", l), fmt.Sprintf("fc%d", l)
		m.Floats(wn, []int64{int64(out), int64(in)}, w.uniform(in*out, s))
		m.Floats(bn, []int64{int64(out)}, w.uniform(out, s))
		m.Node("Gemm", []string{cur, wn, bn}, []string{yn}, Int("transB", 1))
		cur = yn
		if l < len(sizes)-1 {
			m.Node("Relu", []string{cur}, []string{yn + "_relu"})
			cur = yn + "_relu"
		}
	}
	m.Node("Identity", []string{cur}, []string{"y"})
	return m.Output("y", Float, 1, int64(sizes[len(sizes)-1]))
}

// cnn tracks the current tensor of a convolutional network under construction.
type cnn struct {
	m       *Model
	w       *weights
	cur     string
	c, h, n int // channels, spatial size (square), name counter
}

func (b *cnn) name(p string) string { b.n++; return fmt.Sprintf("%s%d", p, b.n) }

// conv adds a k×k convolution to out channels with the given stride and
// padding (no activation) and returns its output.
func (b *cnn) conv(in string, out, k, stride, pad int) string {
	s := 1 / math.Sqrt(float64(b.c*k*k))
	wn, bn, y := b.name("W"), b.name("B"), b.name("conv")
	b.m.Floats(wn, []int64{int64(out), int64(b.c), int64(k), int64(k)}, b.w.uniform(out*b.c*k*k, s))
	b.m.Floats(bn, []int64{int64(out)}, b.w.uniform(out, s))
	p := int64(pad)
	b.m.Node("Conv", []string{in, wn, bn}, []string{y},
		Ints("kernel_shape", int64(k), int64(k)), Ints("strides", int64(stride), int64(stride)), Ints("pads", p, p, p, p))
	b.c, b.h = out, (b.h+2*pad-k)/stride+1
	return y
}

func (b *cnn) op(op string, in []string, attrs ...Attr) string {
	y := b.name(op)
	b.m.Node(op, in, []string{y}, attrs...)
	return y
}

func (b *cnn) relu(in string) string { return b.op("Relu", []string{in}) }

func (b *cnn) maxPool(in string) string {
	b.h /= 2
	return b.op("MaxPool", []string{in}, Ints("kernel_shape", 2, 2), Ints("strides", 2, 2))
}

// head flattens the current tensor and adds Gemm layers to each size, Relu
// between them, the last one writing "y".
func (b *cnn) head(in string, sizes ...int) *Model {
	cur := b.op("Flatten", []string{in}, Int("axis", 1))
	n := b.c * b.h * b.h
	for i, out := range sizes {
		s := 1 / math.Sqrt(float64(n))
		wn, bn := b.name("W"), b.name("B")
		b.m.Floats(wn, []int64{int64(out), int64(n)}, b.w.uniform(out*n, s))
		b.m.Floats(bn, []int64{int64(out)}, b.w.uniform(out, s))
		y := "y"
		if i < len(sizes)-1 {
			y = b.name("fc")
		}
		b.m.Node("Gemm", []string{cur, wn, bn}, []string{y}, Int("transB", 1))
		cur, n = y, out
		if i < len(sizes)-1 {
			cur = b.relu(cur)
		}
	}
	return b.m.Output("y", Float, 1, int64(n))
}

func newCNN(name string, seed uint64, c, h int) *cnn {
	m := NewModel(name, 13).Input("x", Float, 1, int64(c), int64(h), int64(h))
	return &cnn{m: m, w: newWeights(seed), cur: "x", c: c, h: h}
}

// LeNet is LeNet-5's shape with its channel counts multiplied by width
// (width 1: 6 and 16 channels) on a 1×28×28 input: two 5×5 convolutions
// (the first padded) with Relu and 2×2 max pooling, then Gemm layers of
// 120, 84 and 10 units.
func LeNet(name string, seed uint64, width int) *Model {
	b := newCNN(name, seed, 1, 28)
	x := b.maxPool(b.relu(b.conv("x", 6*width, 5, 1, 2)))
	x = b.maxPool(b.relu(b.conv(x, 16*width, 5, 1, 0)))
	return b.head(x, 120, 84, 10)
}

// ResNet is ResNet-18's shape scaled down: on a 3×size×size input, a 3×3
// stem convolution to width channels and Relu, then four stages of two
// basic blocks (3×3 conv, Relu, 3×3 conv, added to the shortcut, Relu) of
// width, 2·width, 4·width and 8·width channels, each stage after the first
// starting with stride 2 and a 1×1 projection shortcut; global average
// pooling and a Gemm to 10 outputs. Batch normalization is left out (zkml
// folds it into the convolutions). ResNet-18 itself is width 64 on 224×224
// (with a 7×7 stride-2 stem and a max pool this family leaves out).
func ResNet(name string, seed uint64, width, size int) *Model {
	b := newCNN(name, seed, 3, size)
	x := b.relu(b.conv("x", width, 3, 1, 1))
	for stage := 0; stage < 4; stage++ {
		out := width << stage
		for block := 0; block < 2; block++ {
			stride := 1
			if stage > 0 && block == 0 {
				stride = 2
			}
			inC, inH := b.c, b.h
			y := b.relu(b.conv(x, out, 3, stride, 1))
			y = b.conv(y, out, 3, 1, 1)
			short := x
			if stride != 1 || inC != out {
				oc, oh := b.c, b.h
				b.c, b.h = inC, inH
				short = b.conv(x, out, 1, stride, 0)
				b.c, b.h = oc, oh
			}
			x = b.relu(b.op("Add", []string{y, short}))
		}
	}
	x = b.op("GlobalAveragePool", []string{x})
	b.h = 1
	return b.head(x, 10)
}
