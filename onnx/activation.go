package onnx

import (
	"fmt"
	"math"

	"github.com/zkml/zkml/internal/tensor"
)

// Elementwise real functions: activations and math ops that map each element
// on its own. One definition serves load-time folding here, the float
// executor and the lookup tables of quantize/, so that the three agree.

// activationDefaults lists the float attributes of each parametrized
// activation with their ONNX defaults; canonActivation fills them in.
var activationDefaults = map[string]map[string]float64{
	"Elu":             {"alpha": 1},
	"Celu":            {"alpha": 1},
	"Selu":            {"alpha": 1.67326319217681884765625, "gamma": 1.05070102214813232421875},
	"LeakyRelu":       {"alpha": 0.01},
	"HardSigmoid":     {"alpha": 0.2, "beta": 0.5},
	"ThresholdedRelu": {"alpha": 1},
}

// canonActivation fills in the default attributes of an activation and
// checks the ones the file gives. Gelu's approximate is "none" or "tanh".
func canonActivation(c *nodeCtx) error {
	for name, def := range activationDefaults[c.n.OpType] {
		if err := c.attrKind(name, AttrFloat); err != nil {
			return err
		}
		v := c.n.Float(name, def)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("attribute %s = %g is not a finite number", name, v)
		}
		c.setFloat(name, v)
	}
	if c.n.OpType == "Celu" && c.n.Float("alpha", 1) == 0 {
		return fmt.Errorf("attribute alpha = 0 divides by zero")
	}
	if c.n.OpType == "Gelu" {
		if err := c.attrKind("approximate", AttrString); err != nil {
			return err
		}
		switch a := c.n.String("approximate", "none"); a {
		case "none", "tanh":
			c.setString("approximate", a)
		default:
			return fmt.Errorf("approximate = %q is not a Gelu approximation (none or tanh)", a)
		}
	}
	return nil
}

// ElementwiseFunc returns the real function that node n applies to every
// element, its attributes (as canonicalized by Load) included, and false
// when n is not such an op. It covers the activations (Sigmoid, Tanh, Erf,
// Gelu, Elu, Selu, Celu, Softplus, Softsign, HardSigmoid, HardSwish, Mish,
// LeakyRelu, ThresholdedRelu, Relu) and the math functions (Exp, Log, Sqrt,
// Reciprocal, Sin, Cos, Tan, Asin, Acos, Atan, Abs, Neg, Sign, Floor, Ceil,
// Round), with ONNX semantics computed in float64 (Round rounds halves to
// even).
func ElementwiseFunc(n *Node) (func(float64) float64, bool) {
	if f, ok := unaryFloat[n.OpType]; ok && n.OpType != "Not" {
		return f, true
	}
	alpha := n.Float("alpha", activationDefaults[n.OpType]["alpha"])
	switch n.OpType {
	case "Elu":
		return func(x float64) float64 {
			if x >= 0 {
				return x
			}
			return alpha * math.Expm1(x)
		}, true
	case "Celu":
		return func(x float64) float64 { return max(0, x) + min(0, alpha*math.Expm1(x/alpha)) }, true
	case "Selu":
		gamma := n.Float("gamma", activationDefaults["Selu"]["gamma"])
		return func(x float64) float64 {
			if x > 0 {
				return gamma * x
			}
			return gamma * alpha * math.Expm1(x)
		}, true
	case "LeakyRelu":
		return func(x float64) float64 {
			if x >= 0 {
				return x
			}
			return alpha * x
		}, true
	case "ThresholdedRelu":
		return func(x float64) float64 {
			if x > alpha {
				return x
			}
			return 0
		}, true
	case "HardSigmoid":
		beta := n.Float("beta", activationDefaults["HardSigmoid"]["beta"])
		return func(x float64) float64 { return max(0, min(1, alpha*x+beta)) }, true
	case "HardSwish":
		return func(x float64) float64 { return x * max(0, min(1, x/6+0.5)) }, true
	case "Softplus":
		return softplus, true
	case "Softsign":
		return func(x float64) float64 { return x / (1 + math.Abs(x)) }, true
	case "Mish":
		return func(x float64) float64 { return x * math.Tanh(softplus(x)) }, true
	case "Gelu":
		if n.String("approximate", "none") == "tanh" {
			k := math.Sqrt(2 / math.Pi)
			return func(x float64) float64 { return 0.5 * x * (1 + math.Tanh(k*(x+0.044715*x*x*x))) }, true
		}
		return func(x float64) float64 { return 0.5 * x * (1 + math.Erf(x/math.Sqrt2)) }, true
	}
	return nil, false
}

// softplus is log(1 + e^x), computed without overflow for large x.
func softplus(x float64) float64 { return max(x, 0) + math.Log1p(math.Exp(-math.Abs(x))) }

// evalActivation folds an activation of a constant.
func evalActivation(c *nodeCtx) error {
	if _, ok := unaryFloat[c.n.OpType]; ok {
		return evalUnary(c) // exact on int64 (Abs)
	}
	f, ok := ElementwiseFunc(c.n)
	if !ok {
		return fmt.Errorf("op %s has no elementwise function", c.n.OpType)
	}
	in := c.consts[0]
	out, err := c.newTensor(in.DType, clone(in.Shape))
	if err != nil {
		return err
	}
	for i := range in.Len() {
		out.set(i, f(in.At(i)))
	}
	c.outT[0] = out
	return nil
}

// inferPRelu: PRelu's slope broadcasts to the data (unidirectionally), and
// the result has the data's type and shape.
func inferPRelu(c *nodeCtx) error {
	if err := c.sameDTypes(0); err != nil {
		return err
	}
	if err := broadcastsTo(c.shape(1), c.shape(0)); err != nil {
		return fmt.Errorf("the slope: %w", err)
	}
	c.setOut(0, c.dtype(0), clone(c.shape(0)))
	return nil
}

// broadcastsTo checks that shape from broadcasts to shape to without
// changing it (numpy rules, right-aligned).
func broadcastsTo(from, to []int) error {
	if len(from) > len(to) {
		return fmt.Errorf("shape %v has more axes than %v", from, to)
	}
	off := len(to) - len(from)
	for i, d := range from {
		if d != 1 && d != to[off+i] {
			return fmt.Errorf("shape %v does not broadcast to %v", from, to)
		}
	}
	return nil
}

// evalPRelu folds PRelu of constants.
func evalPRelu(c *nodeCtx) error {
	x, s := c.consts[0], c.consts[1]
	if err := broadcastsTo(s.Shape, x.Shape); err != nil {
		return err
	}
	out, err := c.newTensor(x.DType, clone(x.Shape))
	if err != nil {
		return err
	}
	idx := tensor.BroadcastIndex(s.Shape, x.Shape)
	for i := range x.Len() {
		v := x.At(i)
		if v < 0 {
			v *= s.At(idx[i])
		}
		out.set(i, v)
	}
	c.outT[0] = out
	return nil
}

// inferPow: the base's type, broadcast with the exponent's shape (the
// exponent may have another numeric type).
func inferPow(c *nodeCtx) error {
	out, err := tensor.BroadcastShape(c.shape(0), c.shape(1))
	if err != nil {
		return err
	}
	c.setOut(0, c.dtype(0), out)
	return nil
}
