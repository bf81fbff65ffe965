package quantize

import (
	"fmt"
	"math"
)

// LayerReport describes one op of a plan: what `zkml compile` prints so that
// a user can see where precision and constraints go.
type LayerReport struct {
	Node   string `json:"node"`   // the ONNX node it implements
	Kind   string `json:"kind"`   // affine, relu or max
	Output string `json:"output"` // the output tensor's name
	Shape  []int  `json:"shape"`
	Scale  int    `json:"scale"` // output values are q / 2^Scale
	// MaxAbs is the largest |value| calibration saw; Limit the largest the
	// output's scale can represent in the activation range. Their ratio is
	// the headroom left for inputs unlike the calibration samples.
	MaxAbs float64 `json:"max_abs"`
	Limit  float64 `json:"limit"`
	Rows   int     `json:"rows"`  // output elements
	Terms  int     `json:"terms"` // coefficient·input products (affine, max)
	// Shift > 0 rounds the accumulator down by 2^Shift, which the circuit
	// pays for with range checks on every row; 0 is free.
	Shift int `json:"shift"`
	Bound int `json:"bound"` // static bound on |q|, as log2
}

// String is the one-line form `zkml compile` prints.
func (l LayerReport) String() string {
	s := fmt.Sprintf("%-6s %-28s -> %q %v scale 2^%d, range %.3g of %.3g, bound 2^%d", l.Kind, l.Node, l.Output, l.Shape, l.Scale, l.MaxAbs, l.Limit, l.Bound)
	if l.Kind != OpRelu.String() {
		s += fmt.Sprintf(", %d terms", l.Terms)
	}
	if l.Shift > 0 {
		s += fmt.Sprintf(", shift %d", l.Shift)
	}
	return s
}

// Report describes every op of the plan, in execution order.
func (p *Plan) Report() []LayerReport {
	out := make([]LayerReport, 0, len(p.Ops))
	for _, op := range p.Ops {
		if op.Out < 0 || op.Out >= len(p.Tensors) {
			continue
		}
		t := &p.Tensors[op.Out]
		out = append(out, LayerReport{
			Node:   op.Node,
			Kind:   op.Kind.String(),
			Output: t.Name,
			Shape:  t.Shape,
			Scale:  t.Scale,
			MaxAbs: t.MaxAbs,
			Limit:  math.Ldexp(1, p.Config.ActivationBits-1-t.Scale),
			Rows:   t.Size(),
			Terms:  len(op.Terms),
			Shift:  op.Shift,
			Bound:  t.Bound,
		})
	}
	return out
}
