package modelio

import (
	"strings"
	"testing"
)

func TestParseInput(t *testing.T) {
	cases := []struct {
		in   string
		want [][]float64
		err  string
	}{
		{`{"input_data": [[1, 2.5, -3e-2]]}`, [][]float64{{1, 2.5, -0.03}}, ""},
		{`{"input_data": [[1], [2, 3]], "output_data": [[9]], "input_shapes": [[1]]}`, [][]float64{{1}, {2, 3}}, ""},
		{`{"input_data": [[[1, 2], [3, 4]]]}`, [][]float64{{1, 2, 3, 4}}, ""},
		{`{"input_data": [[true, false]]}`, [][]float64{{1, 0}}, ""}, // a boolean input
		{`{"input_data": [[true, 0.5, 1]]}`, nil, `input_data[0][0]: expected a number, got the boolean true (booleans are for a boolean input`},
		{`{"input_data": [[0.5, [false]]]}`, nil, `input_data[0][1][0]: expected a number, got the boolean false`},
		{`{"input_data": [[]]}`, [][]float64{{}}, ""},
		{`{"input_data": [["1"]]}`, nil, `input_data[0][0]: expected a number, got the string "1"`},
		{`{"input_data": [[null]]}`, nil, `input_data[0][0]: expected a number, got null`},
		{`{"input_data": [[{"a":1}]]}`, nil, `input_data[0][0]: expected a number, got an object`},
		{`{"input_data": [1, 2]}`, nil, `input_data[0]: expected a list of numbers, got a number`},
		{`{"input_data": []}`, [][]float64{}, ""}, // a model without inputs
		{`{"input_data": {}}`, nil, `"input_data" must be a list`},
		{`{"input": [[1]]}`, nil, `missing "input_data"`},
		{`[1, 2]`, nil, `not a JSON object but array`},
		{`{"input_data": [[1e999]]}`, nil, `not a finite number`},
		{``, nil, `the file is empty`},
		{`{"input_data": [[1]]`, nil, `truncated JSON`},
		{`{"input_data": [[1, 2`, nil, `truncated JSON`},
		{"{\"input_data\": [[1,\n NaN]]}", nil, `line 2, column 2: NaN is not a JSON number`},
		{`{"input_data": [[-Infinity]]}`, nil, `-Infinity is not a JSON number`},
		{`{"input_data": [[1,]]}`, nil, `not valid JSON: line 1, column 20: invalid character ']'`},
		{`{"input_data": ` + strings.Repeat("[", 40) + "1" + strings.Repeat("]", 40) + `}`, nil, `nested more than`},
	}
	for _, c := range cases {
		got, err := ParseInput([]byte(c.in))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseInput(%s): error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseInput(%s): %v", c.in, err)
			continue
		}
		if len(got) != len(c.want) {
			t.Errorf("ParseInput(%s) = %v, want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if len(got[i]) != len(c.want[i]) {
				t.Errorf("ParseInput(%s) = %v, want %v", c.in, got, c.want)
				continue
			}
			for j := range got[i] {
				if got[i][j] != c.want[i][j] {
					t.Errorf("ParseInput(%s) = %v, want %v", c.in, got, c.want)
				}
			}
		}
	}
}

func TestCheckInputs(t *testing.T) {
	names := []string{"a", "b"}
	shapes := [][]int{{1, 3}, {2}}
	if err := CheckInputs([][]float64{{1, 2, 3}, {4, 5}}, names, shapes); err != nil {
		t.Fatal(err)
	}
	err := CheckInputs([][]float64{{1, 2}, {4, 5, 6}}, names, shapes)
	if err == nil || !strings.Contains(err.Error(), `input 0 ("a") has 2 value(s); the model expects 3 (shape [1 3])`) ||
		!strings.Contains(err.Error(), `input 1 ("b") has 3 value(s)`) {
		t.Fatalf("got %v", err)
	}
	if err := CheckInputs([][]float64{{1, 2, 3}}, names, shapes); err == nil || !strings.Contains(err.Error(), "2 input(s)") {
		t.Fatalf("got %v", err)
	}
}

func FuzzParseInput(f *testing.F) {
	f.Add([]byte(`{"input_data": [[1, 2.5, -3e-2]]}`))
	f.Add([]byte(`{"input_data": [[[1, 2], [3, true]]], "x": null}`))
	f.Add([]byte(`{"input_data": [["a"]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ParseInput(data)
		if err == nil && len(in) == 0 {
			t.Fatal("no error and no inputs")
		}
	})
}
