package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/internal/testmodels"
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
	rep, err := runConformance(dir, conformanceOptions{MaxConstraints: defaultMaxConstraints, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", log.String())
	rows := map[string]conformanceRow{}
	for _, r := range rep.Rows {
		rows[r.Model] = r
	}
	if len(rows) != len(conformanceSubset)+3 {
		t.Fatalf("%d rows, want %d", len(rows), len(conformanceSubset)+3)
	}
	for _, name := range append(conformanceSubset, "zz_relu_noref") {
		r := rows[name]
		if r.Status != statusPass || !r.Verified || r.Constraints == 0 || r.Cases == 0 || r.RelErr > passError {
			t.Errorf("%s: %+v, want a verified pass within %.2g%%", name, r, 100*passError)
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
		if r.Status != statusFail || !strings.Contains(r.Reason, want) || strings.Contains(r.Reason, "\n") {
			t.Errorf("%s: status %q, reason %q; want a one-line failure naming %q", name, r.Status, r.Reason, want)
		}
	}

	var md bytes.Buffer
	rep.writeMarkdown(&md)
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
	rep, err := runConformance(root, conformanceOptions{Models: []string{"1l_mlp"}, MaxConstraints: 10})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Rows[0]
	if r.Status != statusTooLarge || r.Constraints <= 10 || r.Verified || !strings.Contains(r.Reason, "constraints exceed") {
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

func TestFailureReason(t *testing.T) {
	dir := "/models/x"
	for _, c := range []struct{ err, want string }{
		{"/models/x/network.onnx: unsupported ops: Sigmoid (1, node \"s\")", "network.onnx: unsupported ops: Sigmoid (1, node \"s\")"},
		{"/models/x/network.onnx: 2 node(s) cannot be compiled to a circuit:\n  node \"a\" (Less): op Less is not supported (zkml compiles Add, Conv)\n  node \"b\" (Not): no", "network.onnx: 2 node(s) cannot be compiled to a circuit: node \"a\" (Less): op Less is not supported (and 1 more)"},
		{"first\nsecond", "first"},
	} {
		if got := failureReason(errString(c.err), dir); got != c.want {
			t.Errorf("failureReason(%q) = %q, want %q", c.err, got, c.want)
		}
	}
	if got := causeOf(`network.onnx: unsupported ops: Sigmoid (1, node "s"), Tanh (2, node "t")`); got != "unsupported ops: Sigmoid, Tanh" {
		t.Errorf("causeOf = %q", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

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
