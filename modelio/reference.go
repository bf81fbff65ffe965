package modelio

import (
	"encoding/json"
	"fmt"
	"os"
)

// Reference is an ONNX Runtime reference file (reference.json in the shared
// conformance models): inputs and the outputs ONNX Runtime computed for them.
type Reference struct {
	InputNames  []string  `json:"input_names"`
	InputTypes  []string  `json:"input_types"`
	InputShapes [][]int   `json:"input_shapes"`
	OutputNames []string  `json:"output_names"`
	Cases       []RefCase `json:"cases"`
}

// RefCase is one input and its reference outputs.
type RefCase struct {
	Inputs       [][]float64 `json:"input_data"`
	Outputs      [][]float64 `json:"output_data"`
	OutputShapes [][]int     `json:"output_shapes"`
}

// ReadReference reads a reference.json file.
func ReadReference(path string) (*Reference, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Reference
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(r.Cases) == 0 {
		return nil, fmt.Errorf("%s: no cases", path)
	}
	return &r, nil
}

// RelativeLInf is max|y−ref| / max(max|ref|, 1e-6) over all outputs: the
// accuracy measure zkml's tests and reports use.
func RelativeLInf(got, ref [][]float64) float64 {
	maxErr, maxRef := 0.0, 0.0
	for i := range ref {
		for j, r := range ref[i] {
			if a := abs(r); a > maxRef {
				maxRef = a
			}
			if i < len(got) && j < len(got[i]) {
				if e := abs(got[i][j] - r); e > maxErr {
					maxErr = e
				}
			}
		}
	}
	return maxErr / max(maxRef, 1e-6)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
