package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/quantize"
)

// conformanceSubset is the CI's sample of the conformance run: the full
// report over every shared model is `make conformance` (TestSharedModels
// already proves the first milestone's models). A convolution, a max
// reduction, boolean inputs and logic, a comparison, a classifier with
// top-1 scores, and a model with no reference.json (checked against the
// float executor).
var conformanceSubset = []string{"1l_conv", "max", "boolean_identity", "1l_mlp", "bitwise_ops", "less"}

// TestConformance runs the subset through the report's pipeline, plus two
// model folders that must fail with their reason: a file that is not ONNX
// and a model with an op zkml does not support.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("proves six shared models; skipped with -short")
	}
	root := testmodels.Dir(t)
	dir := t.TempDir()
	for _, name := range conformanceSubset {
		if err := os.Symlink(mustAbs(t, filepath.Join(root, name)), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	writeModel(t, dir, "zz_not_onnx", []byte("this is not a protobuf"), `{"input_data": [[1]]}`)
	det := onnxbuild.NewModel("det", 13).
		Input("x", onnxbuild.Float, 2, 2).Output("y", onnxbuild.Float).
		Node("Det", []string{"x"}, []string{"y"}).Bytes()
	writeModel(t, dir, "zz_det", det, `{"input_data": [[1, 2, 3, 4]]}`)
	// A model without reference.json: the float executor is the reference.
	relu := onnxbuild.NewModel("relu", 13).
		Input("x", onnxbuild.Float, 1, 4).Output("y", onnxbuild.Float, 1, 4).
		Node("Relu", []string{"x"}, []string{"y"}).Bytes()
	writeModel(t, dir, "zz_relu_noref", relu, `{"input_data": [[-1, 0.5, 2, -0.25]]}`)

	var log bytes.Buffer
	rep, err := Run(context.Background(), dir, Options{MaxConstraints: DefaultMaxConstraints, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", log.String())
	rows := map[string]Row{}
	for _, r := range rep.Rows {
		rows[r.Model] = r
	}
	if len(rows) != len(conformanceSubset)+3 {
		t.Fatalf("%d rows, want %d", len(rows), len(conformanceSubset)+3)
	}
	for _, name := range append(conformanceSubset, "zz_relu_noref") {
		r := rows[name]
		if r.Status != StatusPass || !r.Verified || r.Constraints == 0 || r.Cases == 0 || r.RelErr > PassError {
			t.Errorf("%s: %+v, want a verified pass within %.2g%%", name, r, 100*PassError)
		}
	}
	if r := rows["zz_relu_noref"]; r.Reference || r.Cases != 1 || r.RelErr > 1e-6 {
		t.Errorf("zz_relu_noref: %+v, want one case against the float executor", r)
	}
	if r := rows["1l_mlp"]; r.Top1Total != r.Cases || r.Top1Agree != r.Cases || r.MAPE <= 0 || r.MAPE > 1 {
		t.Errorf("1l_mlp: top-1 %d/%d over %d cases, MAPE %g%%; want every case agreeing and a small MAPE", r.Top1Agree, r.Top1Total, r.Cases, r.MAPE)
	}
	for name, want := range map[string]string{
		"zz_not_onnx": "network.onnx: not an ONNX model",
		"zz_det":      "Det",
	} {
		r := rows[name]
		if r.Status != StatusFail || !strings.Contains(r.Reason, want) || strings.Contains(r.Reason, "\n") {
			t.Errorf("%s: status %q, reason %q; want a one-line failure naming %q", name, r.Status, r.Reason, want)
		}
		if name == "zz_det" && (!strings.Contains(r.Cause, "Det") || strings.Contains(r.Cause, "node")) {
			t.Errorf("%s: cause %q, want the op", name, r.Cause)
		}
	}

	var md bytes.Buffer
	rep.WriteMarkdown(&md)
	for _, want := range []string{
		"# zkml conformance report",
		"| model | ops | constraints |",
		"| 1l_conv | Conv |",
		"| zz_det | Det |",
		"## What the other models need",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, md.String())
		}
	}
}

// TestConformanceTooLarge checks that a circuit above the constraint budget
// is listed with its constraint count rather than proven or dropped.
func TestConformanceTooLarge(t *testing.T) {
	root := testmodels.Dir(t)
	rep, err := Run(context.Background(), root, Options{Models: []string{"1l_mlp"}, MaxConstraints: 10})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Rows[0]
	if r.Status != StatusTooLarge || r.Constraints <= 10 || r.Verified || !strings.Contains(r.Reason, "constraints exceed") {
		t.Fatalf("%+v, want a too-large row with its constraint count", r)
	}
}

func TestAccuracyMeasures(t *testing.T) {
	var a accuracy
	// Case 1: a class-score vector with the same argmax, and a zero
	// reference, which the MAPE leaves out.
	a.add([][]float64{{0.1, 0.9, 0}}, [][]float64{{0.1, 1.0, 0}})
	// Case 2: a different argmax.
	a.add([][]float64{{1, 0, 0}}, [][]float64{{0.5, 0.6, 0}})
	if a.top1 != 1 || a.top1n != 2 {
		t.Errorf("top-1 %d/%d, want 1/2", a.top1, a.top1n)
	}
	// |ape| over the non-zero references: 0, 0.1, 1, 1.
	if got, want := a.mape(), 100*(0+0.1+1+1)/4; math.Abs(got-want) > 1e-9 {
		t.Errorf("MAPE %g, want %g", got, want)
	}
	// Worst relative L∞: case 2, max|err| 0.6 over max|ref| 0.6.
	if math.Abs(a.worst-1) > 1e-12 {
		t.Errorf("worst relative error %g, want 1", a.worst)
	}
	var single accuracy
	single.add([][]float64{{3}}, [][]float64{{4}})
	if single.top1n != 0 {
		t.Error("a single value counted as class scores")
	}
	var zeros accuracy
	zeros.add([][]float64{{0, 0}}, [][]float64{{0, 0}})
	if zeros.mape() != 0 {
		t.Errorf("MAPE of all-zero references %g, want 0", zeros.mape())
	}
}

// TestFailure checks that failing rows are classified by the errors' types.
func TestFailure(t *testing.T) {
	unsupported := &onnx.UnsupportedOpsError{Ops: []onnx.UnsupportedOp{{OpType: "Sigmoid", Count: 1, Node: "s"}, {OpType: "Tanh", Count: 2, Node: "t"}}}
	check := &quantize.CheckError{File: "network.onnx", Nodes: []*quantize.NodeError{
		{Node: "a", Op: "Less", Err: fmt.Errorf("%w (zkml compiles Add, Conv)", quantize.ErrUnsupportedOp)},
		{Node: "b", Op: "Not", Err: errors.New("no")},
	}}
	for _, c := range []struct {
		err           error
		reason, cause string
	}{
		{fmt.Errorf("network.onnx: %w", unsupported), `network.onnx: unsupported ops: Sigmoid (1, node "s"), Tanh (2, node "t")`, "unsupported ops: Sigmoid, Tanh"},
		{check, `network.onnx: 2 node(s) cannot be compiled to a circuit: node "a" (Less): op Less is not supported (and 1 more)`, "Less: op Less is not supported"},
		{fmt.Errorf("network.onnx: %w", &quantize.NodeError{Node: "g", Op: "Gemm", Err: errors.New("inner dimensions differ")}), `network.onnx: node "g" (Gemm): inner dimensions differ`, "Gemm: inner dimensions differ"},
		{errors.New("first\nsecond"), "first", "first"},
	} {
		if reason, cause := failure(c.err); reason != c.reason || cause != c.cause {
			t.Errorf("failure(%q) = %q, %q; want %q, %q", c.err, reason, cause, c.reason, c.cause)
		}
	}
}

func writeModel(t *testing.T, dir, name string, model []byte, input string) {
	t.Helper()
	d := filepath.Join(dir, name)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, "network.onnx"), model, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, "input.json"), []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestConformanceFailures needs no shared model: folders that fail in the
// importer, in the quantizer, and one that passes against the float
// executor, each a row with a reason and a cause taken from the error's type.
func TestConformanceFailures(t *testing.T) {
	dir := t.TempDir()
	writeModel(t, dir, "not_onnx", []byte("this is not a protobuf"), `{"input_data": [[1]]}`)
	det := onnxbuild.NewModel("det", 13).
		Input("x", onnxbuild.Float, 2, 2).Output("y", onnxbuild.Float).
		Node("Det", []string{"x"}, []string{"y"}).Bytes()
	writeModel(t, dir, "det", det, `{"input_data": [[1, 2, 3, 4]]}`)
	// Div of a constant by a computed value: imported, but not compiled.
	div := onnxbuild.NewModel("div", 13).
		Input("x", onnxbuild.Float, 1, 2).Output("y", onnxbuild.Float, 1, 2).
		Floats("c", []int64{1, 2}, []float32{1, 2}).
		Node("Div", []string{"c", "x"}, []string{"y"}).Bytes()
	writeModel(t, dir, "div", div, `{"input_data": [[1, 2]]}`)
	relu := onnxbuild.NewModel("relu", 13).
		Input("x", onnxbuild.Float, 1, 4).Output("y", onnxbuild.Float, 1, 4).
		Node("Relu", []string{"x"}, []string{"y"}).Bytes()
	writeModel(t, dir, "relu", relu, `{"input_data": [[-1, 0.5, 2, -0.25]]}`)

	rep, err := Run(context.Background(), dir, Options{MaxConstraints: DefaultMaxConstraints})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]Row{}
	for _, r := range rep.Rows {
		rows[r.Model] = r
	}
	if r := rows["relu"]; r.Status != StatusPass || !r.Verified || r.Reference || r.Cases != 1 || r.RelErr > 1e-6 {
		t.Errorf("relu: %+v, want a verified pass against the float executor", r)
	}
	for name, want := range map[string]struct{ reason, cause string }{
		"not_onnx": {"network.onnx: not an ONNX model", "network.onnx: not an ONNX model"},
		"det":      {`network.onnx: unsupported ops: Det (1, node "Det_0")`, "unsupported ops: Det"},
		"div":      {`network.onnx: 1 node(s) cannot be compiled to a circuit: node "Div_0" (Div): `, "Div: "},
	} {
		r := rows[name]
		if r.Status != StatusFail || !strings.HasPrefix(r.Reason, want.reason) || !strings.HasPrefix(r.Cause, want.cause) ||
			strings.Contains(r.Cause, "node") || strings.Contains(r.Reason, dir) || strings.Contains(r.Reason, "\n") {
			t.Errorf("%s: status %q, reason %q, cause %q; want a failure %q, cause %q", name, r.Status, r.Reason, r.Cause, want.reason, want.cause)
		}
	}
	var md bytes.Buffer
	rep.WriteMarkdown(&md)
	if !strings.Contains(md.String(), "- fail: unsupported ops: Det — det") || !strings.Contains(md.String(), "- fail: Div: ") {
		t.Errorf("the report does not group the failures by cause:\n%s", md.String())
	}
}

// TestModelCasesNoInputs checks that a model without inputs whose
// input.json is {"input_data": [[]]} (as exporters write it, and as the
// shared arange has it) runs with no inputs, as the CLI takes it, while a
// list of values is still one input too many.
func TestModelCasesNoInputs(t *testing.T) {
	dir := t.TempDir()
	g := &onnx.Graph{}
	for input, want := range map[string]string{
		`{"input_data": [[]]}`:  "",
		`{"input_data": []}`:    "",
		`{"input_data": [[1]]}`: "the model has no inputs but input_data holds 1 list(s)",
	} {
		if err := os.WriteFile(filepath.Join(dir, "input.json"), []byte(input), 0o644); err != nil {
			t.Fatal(err)
		}
		cases, ref, err := modelCases(dir, g)
		if want != "" {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: got %v, want an error containing %q", input, err, want)
			}
			continue
		}
		if err != nil || ref || len(cases) != 1 || len(cases[0].Inputs) != 0 {
			t.Errorf("%s: got %+v, %v, %v; want one case without inputs", input, cases, ref, err)
		}
	}
}
