package plan

import (
	"fmt"
	"math"
)

// QuantizeInputs converts model inputs to fixed point at each input tensor's
// scale. It checks that there is one list per input, that each has the
// input's number of elements, and that every value fits the activation range.
func (p *Plan) QuantizeInputs(inputs [][]float64) ([][]int64, error) {
	if len(inputs) != len(p.Inputs) {
		return nil, fmt.Errorf("the model has %d input(s) but %d were given", len(p.Inputs), len(inputs))
	}
	if err := p.Config.Validate(); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	limit := int64(1) << (p.Config.ActivationBits - 1)
	out := make([][]int64, len(inputs))
	for i, x := range inputs {
		if p.Inputs[i] < 0 || p.Inputs[i] >= len(p.Tensors) {
			return nil, fmt.Errorf("plan: input tensor index %d out of range", p.Inputs[i])
		}
		t := &p.Tensors[p.Inputs[i]]
		if len(x) != t.Size() {
			return nil, fmt.Errorf("input %d (%q) has %d value(s); the model expects %d (shape %v)", i, t.Name, len(x), t.Size(), t.Shape)
		}
		q := make([]int64, len(x))
		for j, v := range x {
			qv, ok := Quantize(v, t.Scale)
			if !ok || qv >= limit || qv < -limit {
				return nil, fmt.Errorf("input %d (%q): element %d = %g is outside the range the plan allows ([-%g, %g) at scale 2^%d); recompile with calibration samples that cover such inputs, or a larger headroom",
					i, t.Name, j, v, math.Ldexp(1, p.Config.ActivationBits-1-t.Scale), math.Ldexp(1, p.Config.ActivationBits-1-t.Scale), t.Scale)
			}
			q[j] = qv
		}
		out[i] = q
	}
	return out, nil
}

// Run executes the plan on quantized inputs (see QuantizeInputs) and returns
// every tensor, indexed like p.Tensors: the circuit's full witness. It
// checks what the circuit proves, no more and no less: that every tensor
// RangeChecked names lies in the activation range [-2^(A-1), 2^(A-1)), A
// = ActivationBits, and that the two values a max compares differ by less
// than 2^A. A value outside means the input is beyond what calibration
// prepared the scales for, and the error names the node.
func (p *Plan) Run(inputs [][]int64) ([][]int64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(inputs) != len(p.Inputs) {
		return nil, fmt.Errorf("the model has %d input(s) but %d were given", len(p.Inputs), len(inputs))
	}
	checked := p.RangeChecked()
	vals := make([][]int64, len(p.Tensors))
	for i, ti := range p.Inputs {
		t := &p.Tensors[ti]
		if len(inputs[i]) != t.Size() {
			return nil, fmt.Errorf("input %d (%q) has %d value(s); the model expects %d (shape %v)", i, t.Name, len(inputs[i]), t.Size(), t.Shape)
		}
		if err := p.checkRange(ti, inputs[i], "the model input"); err != nil {
			return nil, err
		}
		vals[ti] = inputs[i]
	}
	for k := range p.Ops {
		op := &p.Ops[k]
		out := make([]int64, p.Tensors[op.Out].Size())
		ins := make([][]int64, len(op.In))
		for j, in := range op.In {
			ins[j] = vals[in]
		}
		switch op.Kind {
		case OpAffine:
			for i := range out {
				var acc int64
				if op.Bias != nil {
					acc = op.Bias[i]
				}
				for _, t := range op.Terms[op.RowStart[i]:op.RowStart[i+1]] {
					acc += t.Coeff * ins[t.In][t.Idx]
				}
				out[i], _ = Rescale(acc, op.Shift)
			}
		case OpRelu:
			for i, v := range ins[0] {
				out[i] = max(v, 0)
			}
		case OpMax:
			if err := p.runMax(op, ins, out); err != nil {
				return nil, err
			}
		case OpLookup:
			if err := runLookup(op, ins[0], out, p.Config.ActivationBits); err != nil {
				return nil, fmt.Errorf("node %q: %w", op.Node, err)
			}
		case OpMul:
			runMul(op, ins, out)
		case OpDiv:
			if err := runDiv(op, ins, out); err != nil {
				return nil, fmt.Errorf("node %q: %w", op.Node, err)
			}
		}
		if !checked[op.Out] {
			vals[op.Out] = out
			continue
		}
		if err := p.checkRange(op.Out, out, fmt.Sprintf("node %q", op.Node)); err != nil {
			return nil, err
		}
		vals[op.Out] = out
	}
	return vals, nil
}

// checkRange reports the first element of tensor ti outside the activation range.
func (p *Plan) checkRange(ti int, q []int64, where string) error {
	limit := int64(1) << (p.Config.ActivationBits - 1)
	for j, v := range q {
		if v >= limit || v < -limit {
			t := &p.Tensors[ti]
			return fmt.Errorf("%s: %q[%d] = %g (fixed point %d) is outside the activation range ([-%g, %g) at scale 2^%d, calibrated max %g); the input goes beyond what calibration saw: recompile with calibration samples like this input, a larger headroom, or more activation bits",
				where, t.Name, j, Dequantize(v, t.Scale), v, math.Ldexp(1, p.Config.ActivationBits-1-t.Scale), math.Ldexp(1, p.Config.ActivationBits-1-t.Scale), t.Scale, t.MaxAbs)
		}
	}
	return nil
}

// OutputInts picks the model outputs, in graph order, out of Run's result.
func (p *Plan) OutputInts(all [][]int64) [][]int64 {
	out := make([][]int64, len(p.Outputs))
	for i, o := range p.Outputs {
		if o >= 0 && o < len(all) {
			out[i] = all[o]
		}
	}
	return out
}

// DequantizeOutputs picks the model outputs out of Run's result and converts
// them back to real numbers.
func (p *Plan) DequantizeOutputs(all [][]int64) [][]float64 {
	out := make([][]float64, len(p.Outputs))
	for i, q := range p.OutputInts(all) {
		if q == nil || p.Outputs[i] >= len(p.Tensors) {
			continue
		}
		s := p.Tensors[p.Outputs[i]].Scale
		f := make([]float64, len(q))
		for j, v := range q {
			f[j] = Dequantize(v, s)
		}
		out[i] = f
	}
	return out
}

// Predict runs real-valued inputs through the integer executor and returns
// the real-valued outputs: QuantizeInputs, Run and DequantizeOutputs in one.
func (p *Plan) Predict(inputs [][]float64) ([][]float64, error) {
	q, err := p.QuantizeInputs(inputs)
	if err != nil {
		return nil, err
	}
	all, err := p.Run(q)
	if err != nil {
		return nil, err
	}
	return p.DequantizeOutputs(all), nil
}

// runMax is OpMax in the integer executor. The circuit compares two values
// by the sign of their difference in A+1 bits, so a difference of 2^A or
// more (possible only between unchecked exact values) is an error here too.
// MaxRowHint is the row length from which the circuit proves a row's
// maximum from a hint (one range check of each term's distance below it)
// rather than by pairwise comparisons (see OpMax).
const MaxRowHint = 6

func (p *Plan) runMax(op *Op, ins [][]int64, out []int64) error {
	limit := int64(1) << p.Config.ActivationBits
	for i := range out {
		row := op.Terms[op.RowStart[i]:op.RowStart[i+1]]
		if len(row) >= MaxRowHint {
			m := ins[row[0].In][row[0].Idx]
			for _, t := range row[1:] {
				m = max(m, ins[t.In][t.Idx])
			}
			for _, t := range row {
				if v := ins[t.In][t.Idx]; m-v >= limit {
					return fmt.Errorf("node %q: element %d: %d lies 2^%d or more below the maximum %d; the input goes beyond what calibration saw: recompile with calibration samples like this input, a larger headroom, or more activation bits",
						op.Node, i, v, p.Config.ActivationBits, m)
				}
			}
			out[i] = m
			continue
		}
		m := ins[row[0].In][row[0].Idx]
		for _, t := range row[1:] {
			v := ins[t.In][t.Idx]
			if d := m - v; d >= limit || d < -limit {
				return fmt.Errorf("node %q: element %d compares %d with %d, which differ by 2^%d or more; the input goes beyond what calibration saw: recompile with calibration samples like this input, a larger headroom, or more activation bits",
					op.Node, i, m, v, p.Config.ActivationBits)
			}
			m = max(m, v)
		}
		out[i] = m
	}
	return nil
}
