package quantize

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
)

// topKGraph is TopK over axis of an input of the given shape, with both
// outputs.
func topKGraph(shape []int, axis, k, largest int64) *onnx.Graph {
	b := newGraph()
	x := b.input("x", shape...)
	n := &onnx.Node{Name: "topk", OpType: "TopK", Inputs: []string{x}, Outputs: []string{"values", "indices"}, Attrs: map[string]*onnx.Attr{
		"axis": {Kind: onnx.AttrInt, Int: axis}, "k": {Kind: onnx.AttrInt, Int: k}, "largest": {Kind: onnx.AttrInt, Int: largest}, "sorted": {Kind: onnx.AttrInt, Int: 1}}}
	b.g.Nodes = append(b.g.Nodes, n)
	b.g.Outputs = []onnx.Value{{Name: "values", DType: onnx.Float32}, {Name: "indices", DType: onnx.Int64}}
	return b.g
}

// TestTopK: hand-computed ONNX results, ties to the lower index, in the
// float executor and, exactly, in the integer one.
func TestTopK(t *testing.T) {
	for _, tc := range []struct {
		shape            []int
		axis, k, largest int64
		x                []float64
		values, indices  []float64
	}{
		{[]int{4}, 0, 2, 1, []float64{3, 1, 3, 2}, []float64{3, 3}, []float64{0, 2}},
		{[]int{4}, 0, 3, 0, []float64{3, 1, 3, 1}, []float64{1, 1, 3}, []float64{1, 3, 0}},
		{[]int{4}, 0, 4, 1, []float64{-0.5, 2.25, -0.5, 2.25}, []float64{2.25, 2.25, -0.5, -0.5}, []float64{1, 3, 0, 2}},
		// axis 0 of a 3×2: the columns are the rows ranked.
		{[]int{3, 2}, 0, 2, 1, []float64{1, 6, 5, 2, 3, 4}, []float64{5, 6, 3, 4}, []float64{1, 0, 2, 2}},
		{[]int{2, 1}, 1, 1, 1, []float64{7, -7}, []float64{7, -7}, []float64{0, 0}},
	} {
		t.Run(fmt.Sprintf("%v/axis%d/k%d/largest%d", tc.shape, tc.axis, tc.k, tc.largest), func(t *testing.T) {
			g := topKGraph(tc.shape, tc.axis, tc.k, tc.largest)
			vals, err := RunFloat(g, [][]float64{tc.x})
			if err != nil {
				t.Fatal(err)
			}
			if v, i := vals["values"], vals["indices"]; !slices.Equal(v, tc.values) || !slices.Equal(i, tc.indices) {
				t.Errorf("float TopK = %v, %v; want %v, %v", v, i, tc.values, tc.indices)
			}
			cal, err := Calibrate(g, [][][]float64{{tc.x}})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Compile(context.Background(), g, cal, plan.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Predict([][]float64{tc.x})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got[0], tc.values) || !slices.Equal(got[1], tc.indices) {
				t.Errorf("integer TopK = %v, %v; want %v, %v", got[0], got[1], tc.values, tc.indices)
			}
		})
	}
}
