package quantize

import (
	"testing"

	"github.com/zkml/zkml/onnx"
)

// TestEveryImportedOpHasARule: an op that onnx.Load can leave in a graph
// is lowered by a rule or refused with a reason, never by accident.
func TestEveryImportedOpHasARule(t *testing.T) {
	for _, op := range onnx.SupportedOps() {
		_, lowered := rules[op]
		_, refused := rejected[op]
		switch {
		case onnx.FoldOnly(op):
		case lowered == refused:
			t.Errorf("op %s: lowered %v, rejected %v; it needs exactly one of a rule or a rejection", op, lowered, refused)
		}
	}
	for op, r := range rules {
		if (r.lower == nil) == (r.lowerAll == nil) {
			t.Errorf("op %s: the rule needs exactly one of lower and lowerAll", op)
		}
		if r.lower != nil && r.table != nil && r.ranges == nil {
			t.Errorf("op %s: a lookup reads its input as a tensor in range", op)
		}
	}
}

// TestRejectedOpsSayWhy: Check gives the reason for an op onnx.Load keeps
// but Compile refuses, and lists SupportedOps for an op it does not know.
func TestRejectedOpsSayWhy(t *testing.T) {
	b := newGraph()
	x := b.input("x", 2)
	g := b.output(b.node("ThresholdedRelu", []string{x}, aFloat("alpha", 1)), b.node("Hardmax", []string{x}))
	wantErr(t, Check(g), `"ThresholdedRelu_1" (ThresholdedRelu): op ThresholdedRelu is not supported: its step at alpha`,
		`"Hardmax_2" (Hardmax): op Hardmax is not supported (zkml compiles Abs, Acos, Add,`)
}
