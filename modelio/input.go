package modelio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// ReadInputFile reads an input file; errors start with the path.
func ReadInputFile(path string) ([][]float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	in, err := ParseInput(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return in, nil
}

// ParseInput parses EZKL's input format: {"input_data": [[values of input 0],
// [values of input 1], ...]}. Each input's values are its row-major elements;
// nested arrays are flattened, so [[1,2],[3,4]] for one 2x2 input works too
// when wrapped once more. Other keys are ignored. A list of booleans is a
// boolean input (false 0, true 1); a boolean among numbers is refused, and so
// are NaN and infinities. A model without inputs takes {"input_data": []}.
func ParseInput(data []byte) ([][]float64, error) {
	var doc map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonError(data, err)
	}
	raw, ok := doc["input_data"]
	if !ok {
		return nil, errors.New(`missing "input_data": expected {"input_data": [[flat values of input 0], ...]}`)
	}
	var inputs []json.RawMessage
	if err := json.Unmarshal(raw, &inputs); err != nil || inputs == nil {
		return nil, errors.New(`"input_data" must be a list with one list of numbers per model input`)
	}
	out := make([][]float64, len(inputs))
	for i, r := range inputs {
		var v any
		d := json.NewDecoder(bytes.NewReader(r))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			return nil, fmt.Errorf("input_data[%d]: %w", i, err)
		}
		if _, isList := v.([]any); !isList {
			return nil, fmt.Errorf("input_data[%d]: expected a list of numbers, got %s", i, kind(v))
		}
		f := flattener{}
		vals, err := f.flatten(v, fmt.Sprintf("input_data[%d]", i), nil, 0)
		if err != nil {
			return nil, err
		}
		// A list of booleans is a boolean input (as exporters write one);
		// a boolean among numbers is a typo that must not become 1 or 0.
		if f.firstBool != "" && f.numbers > 0 {
			return nil, fmt.Errorf("%s: expected a number, got the boolean %s (booleans are for a boolean input, all of whose values are true or false; write 1 or 0)", f.firstBool, f.firstBoolValue)
		}
		out[i] = vals
	}
	return out, nil
}

const maxNesting = 32

// flattener flattens one input's nested lists, counting its numbers and
// noting its first boolean.
type flattener struct {
	numbers        int
	firstBool      string // where the first boolean is, "" if none
	firstBoolValue string
}

func (f *flattener) flatten(v any, where string, acc []float64, depth int) ([]float64, error) {
	if depth > maxNesting {
		return nil, fmt.Errorf("%s: lists nested more than %d deep", where, maxNesting)
	}
	switch x := v.(type) {
	case []any:
		for j, e := range x {
			var err error
			if acc, err = f.flatten(e, fmt.Sprintf("%s[%d]", where, j), acc, depth+1); err != nil {
				return nil, err
			}
		}
		return acc, nil
	case json.Number:
		fl, err := strconv.ParseFloat(string(x), 64)
		if err != nil || math.IsInf(fl, 0) || math.IsNaN(fl) {
			return nil, fmt.Errorf("%s: %s is not a finite number", where, x)
		}
		f.numbers++
		return append(acc, fl), nil
	case bool:
		if f.firstBool == "" {
			f.firstBool, f.firstBoolValue = where, strconv.FormatBool(x)
		}
		if x {
			return append(acc, 1), nil
		}
		return append(acc, 0), nil
	}
	return nil, fmt.Errorf("%s: expected a number, got %s", where, kind(v))
}

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %q", truncate(x))
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

func truncate(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

// jsonError says why data is not a JSON object, distinguishing a file that
// ends too early, NaN and infinities (which JSON does not have), another
// syntax error (with its line and column) and a value that is no object.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return errors.New(`the file is empty: expected {"input_data": [[flat values of input 0], ...]}`)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return errors.New("truncated JSON: the file ends before its object does")
	case errors.As(err, &syntax):
		off := max(syntax.Offset-1, 0)
		if off > 0 && data[off-1] == '-' {
			off-- // "-Infinity": the error is at its I
		}
		line, col := lineCol(data, off)
		rest := data[off:]
		for _, w := range []string{"NaN", "Infinity", "-Infinity", "inf", "nan"} {
			if bytes.HasPrefix(rest, []byte(w)) {
				return fmt.Errorf("line %d, column %d: %s is not a JSON number (JSON has no NaN or infinities): write finite numbers", line, col, w)
			}
		}
		return fmt.Errorf("not valid JSON: line %d, column %d: %v", line, col, err)
	case errors.As(err, &typ):
		return fmt.Errorf(`not a JSON object but %s: expected {"input_data": [[flat values of input 0], ...]}`, typ.Value)
	}
	return fmt.Errorf("not a JSON object: %w", err)
}

// lineCol is the 1-based line and column of byte offset off in data.
func lineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// ForModel is [CheckInputs] for a model whose inputs have names and
// shapes, returning the inputs to use: for a model without inputs, one empty
// list ({"input_data": [[]]}, as some exporters write it) is taken as none.
func ForModel(inputs [][]float64, names []string, shapes [][]int) ([][]float64, error) {
	if len(names) == 0 && len(inputs) == 1 && len(inputs[0]) == 0 {
		inputs = [][]float64{}
	}
	if err := CheckInputs(inputs, names, shapes); err != nil {
		return nil, err
	}
	return inputs, nil
}

// CheckInputs reports, in one error, every input whose length does not match
// the model: names and shapes describe the model's inputs in order.
func CheckInputs(inputs [][]float64, names []string, shapes [][]int) error {
	if len(inputs) != len(names) {
		if len(names) == 0 {
			return fmt.Errorf(`the model has no inputs but input_data holds %d list(s): write {"input_data": []}`, len(inputs))
		}
		if len(inputs) == 0 {
			return fmt.Errorf(`"input_data" is empty: the model has %d input(s) %q, one list of numbers each`, len(names), names)
		}
		return fmt.Errorf("the model has %d input(s) %q but input_data holds %d list(s)", len(names), names, len(inputs))
	}
	var errs []string
	for i, in := range inputs {
		n := 1
		for _, d := range shapes[i] {
			n *= d
		}
		if len(in) != n {
			errs = append(errs, fmt.Sprintf("input %d (%q) has %d value(s); the model expects %d (shape %v)", i, names[i], len(in), n, shapes[i]))
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}
