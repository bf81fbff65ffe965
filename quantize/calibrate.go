package quantize

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/onnx"
)

// Calibration holds the ranges the float executor observed on sample
// inputs; Compile picks every tensor's scale from them.
type Calibration struct {
	// MaxAbs maps every computed value (graph inputs and node outputs) to
	// the largest |x| it reached over all samples.
	MaxAbs map[string]float64
	// Samples is the number of sample inputs.
	Samples int
}

// Calibrate runs RunFloat on every sample (one list per graph input, as for
// RunFloat) and records each value's largest magnitude. It first checks
// that Compile supports every node, and reports all unsupported nodes at
// once.
func Calibrate(g *onnx.Graph, samples [][][]float64) (*Calibration, error) {
	if len(samples) == 0 {
		return nil, errors.New("calibration needs at least one sample input")
	}
	if err := Check(g); err != nil {
		return nil, err
	}
	cal := &Calibration{MaxAbs: map[string]float64{}, Samples: len(samples)}
	for i, s := range samples {
		vals, err := RunFloat(g, s)
		if err != nil {
			return nil, fmt.Errorf("calibration sample %d: %w", i, err)
		}
		for name, v := range vals {
			m := cal.MaxAbs[name]
			for j, x := range v {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					return nil, fmt.Errorf("calibration sample %d: value %q[%d] is %g; the model produces no finite result for this input", i, name, j, x)
				}
				m = max(m, math.Abs(x))
			}
			cal.MaxAbs[name] = m
		}
	}
	return cal, nil
}
