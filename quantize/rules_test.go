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
