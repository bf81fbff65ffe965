package prover

import (
	"encoding/json"
	"testing"
)

func TestCompactArrays(t *testing.T) {
	v := map[string]any{
		"shape":  []int{1, 3, 28, 28},
		"floats": []float64{-1.5, 2e-07, 1e+21, 0},
		"nested": [][]int{{1, 2}, {}},
		"names":  []string{"a[1, 2]", "b\"[3,\n4]"},
		"name":   `x[1,` + "\n" + `2]\`,
		"empty":  []int{},
	}
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got := string(compactArrays(data))
	want := `{
  "empty": [],
  "floats": [-1.5, 2e-7, 1e+21, 0],
  "name": "x[1,\n2]\\",
  "names": [
    "a[1, 2]",
    "b\"[3,\n4]"
  ],
  "nested": [
    [1, 2],
    []
  ],
  "shape": [1, 3, 28, 28]
}`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(got), &back); err != nil {
		t.Fatalf("compacted JSON does not parse: %v", err)
	}
}
