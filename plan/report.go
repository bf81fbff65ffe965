package plan

import (
	"fmt"
	"math"
)

// LayerReport describes one op of a plan: what `zkml compile` prints so that
// a user can see where precision and constraints go.
type LayerReport struct {
	Node   string `json:"node"`   // the ONNX node it implements
	Kind   string `json:"kind"`   // affine, relu, max, lookup or mul
	Output string `json:"output"` // the output tensor's name
	Shape  []int  `json:"shape"`
	Scale  int    `json:"scale"` // output values are q / 2^Scale
	// MaxAbs is the largest |value| calibration saw; Limit the largest the
	// output's scale can represent in the activation range. Their ratio is
	// the headroom left for inputs unlike the calibration samples.
	MaxAbs float64 `json:"max_abs"`
	Limit  float64 `json:"limit"`
	// Bits is how many significant bits the largest calibrated value keeps
	// at the output's scale; Error the layer's relative L∞ error against
	// the float executor on a sample, as measured by ReportOn (-1: not
	// measured). Together they show where precision is lost.
	Bits  int     `json:"bits"`
	Error float64 `json:"relative_error"`
	Rows  int     `json:"rows"`  // output elements
	Terms int     `json:"terms"` // coefficient·input products (affine, max)
	// Shift > 0 rounds the accumulator down by 2^Shift, which the circuit
	// pays for with range checks on every row; 0 is free.
	Shift int `json:"shift"`
	Bound int `json:"bound"` // static bound on |q|, as log2
	// Lookups: the table's entries and the real input domain they cover
	// (inputs beyond it are clamped to its ends).
	Table     int     `json:"table,omitempty"`
	DomainMin float64 `json:"domain_min,omitempty"`
	DomainMax float64 `json:"domain_max,omitempty"`
}

// String is the one-line form `zkml compile` prints.
func (l LayerReport) String() string {
	s := fmt.Sprintf("%-6s %-28s -> %q %v scale 2^%d, range %.3g of %.3g%s, bound 2^%d", l.Kind, l.Node, l.Output, l.Shape, l.Scale, l.MaxAbs, l.Limit, l.precisionNote(), l.Bound)
	if l.Kind != OpRelu.String() && l.Kind != OpLookup.String() {
		s += fmt.Sprintf(", %d terms", l.Terms)
	}
	if l.Shift > 0 {
		s += fmt.Sprintf(", shift %d", l.Shift)
	}
	if l.Table > 0 {
		s += fmt.Sprintf(", table of %d over [%.4g, %.4g]", l.Table, l.DomainMin, l.DomainMax)
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
		var dMin, dMax float64
		if op.Kind == OpLookup && len(op.In) == 1 && op.In[0] >= 0 && op.In[0] < len(p.Tensors) {
			s := p.Tensors[op.In[0]].Scale - op.Shift
			dMin = math.Ldexp(float64(op.TableMin), -s)
			dMax = math.Ldexp(float64(op.TableMin+int64(len(op.Table))-1), -s)
		}
		out = append(out, LayerReport{
			Node:      op.Node,
			Kind:      op.Kind.String(),
			Output:    t.Name,
			Shape:     t.Shape,
			Scale:     t.Scale,
			MaxAbs:    t.MaxAbs,
			Limit:     math.Ldexp(1, p.Config.ActivationBits-1-t.Scale),
			Bits:      significantBits(t.MaxAbs, t.Scale),
			Error:     -1,
			Rows:      t.Size(),
			Terms:     len(op.Terms),
			Shift:     op.Shift,
			Bound:     t.Bound,
			Table:     len(op.Table),
			DomainMin: dMin,
			DomainMax: dMax,
		})
	}
	return out
}

// significantBits is how many bits the largest calibrated value keeps at
// the tensor's scale: log2(MaxAbs·2^Scale). Few bits mean a coarse grid
// relative to the values, which is where quantization loses precision.
func significantBits(maxAbs float64, scale int) int {
	if maxAbs <= 0 {
		return 0
	}
	return max(0, int(math.Floor(math.Log2(math.Ldexp(maxAbs, scale))))+1)
}

// precisionNote is the part of a layer's line that speaks of precision.
func (l LayerReport) precisionNote() string {
	s := fmt.Sprintf(" (%d bits)", l.Bits)
	if l.Error >= 0 {
		s += fmt.Sprintf(", error %.2g%%", 100*l.Error)
	}
	return s
}
