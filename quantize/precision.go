package quantize

import (
	"math"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// ReportOn is p.Report() with each layer's error measured on one sample input:
// the relative L∞ distance, max|y−f| / max(max|f|, 1e-6), between the
// layer's dequantized integer output and the float executor's value of the
// same ONNX tensor. Errors grow from layer to layer; the first layer where
// the error jumps is where precision is lost (too few significant bits at
// its scale, a coarse weight, or a lookup table's clamped domain). Layers
// whose output is not an ONNX value (internal copies) get an Error of -1.
func ReportOn(p *plan.Plan, g *onnx.Graph, inputs [][]float64) ([]plan.LayerReport, error) {
	rep := p.Report()
	ref, err := RunFloat(g, inputs)
	if err != nil {
		return nil, err
	}
	q, err := p.QuantizeInputs(inputs)
	if err != nil {
		return nil, err
	}
	all, err := p.Run(q)
	if err != nil {
		return nil, err
	}
	i := 0
	for _, op := range p.Ops {
		if op.Out < 0 || op.Out >= len(p.Tensors) {
			continue
		}
		rep[i].Error = layerError(&p.Tensors[op.Out], all[op.Out], ref)
		i++
	}
	return rep, nil
}

// layerError compares one plan tensor with the float value of its name.
func layerError(t *plan.Tensor, q []int64, ref map[string][]float64) float64 {
	f, ok := ref[t.Name]
	if !ok || len(f) != len(q) {
		return -1
	}
	maxErr, maxRef := 0.0, 0.0
	for j, v := range q {
		maxErr = max(maxErr, math.Abs(plan.Dequantize(v, t.Scale)-f[j]))
		maxRef = max(maxRef, math.Abs(f[j]))
	}
	return maxErr / max(maxRef, 1e-6)
}
