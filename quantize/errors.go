package quantize

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zkml/zkml/onnx"
)

// NodeError is the error of one node that [Compile], [Check] or [RunFloat]
// cannot handle. Compile's and RunFloat's errors wrap one (after the file
// name); Check's is a [CheckError]. Use errors.As to find it.
type NodeError struct {
	Node string // the node's name
	Op   string // its op type
	Err  error
}

func (e *NodeError) Error() string { return fmt.Sprintf("node %q (%s): %v", e.Node, e.Op, e.Err) }

func (e *NodeError) Unwrap() error { return e.Err }

// CheckError is the error of [Check], and of [Compile] before it lowers
// anything: every node that cannot be compiled, at once. errors.As finds
// its first [NodeError].
type CheckError struct {
	File  string // the model file, when the graph has one
	Nodes []*NodeError
}

func (e *CheckError) Error() string {
	lines := make([]string, len(e.Nodes))
	for i, n := range e.Nodes {
		lines[i] = n.Error()
	}
	prefix := ""
	if e.File != "" {
		prefix = e.File + ": "
	}
	return fmt.Sprintf("%s%d node(s) cannot be compiled to a circuit:\n  %s", prefix, len(e.Nodes), strings.Join(lines, "\n  "))
}

func (e *CheckError) Unwrap() []error {
	out := make([]error, len(e.Nodes))
	for i, n := range e.Nodes {
		out[i] = n
	}
	return out
}

// ErrUnsupportedOp is matched (errors.Is) by the error of a node whose op
// type zkml does not compile at all, as opposed to a supported op with
// attributes or inputs it cannot handle.
var ErrUnsupportedOp = errors.New("op not supported")

type unsupportedOpError struct{ op string }

func (e unsupportedOpError) Error() string {
	if why, ok := rejected[e.op]; ok {
		return fmt.Sprintf("op %s is not supported: %s", e.op, why)
	}
	return fmt.Sprintf("op %s is not supported (zkml compiles %s)", e.op, strings.Join(SupportedOps(), ", "))
}

func (e unsupportedOpError) Is(target error) bool { return target == ErrUnsupportedOp }

func newNodeError(n *onnx.Node, err error) *NodeError {
	return &NodeError{Node: n.Name, Op: n.OpType, Err: err}
}

func nodeErr(g *onnx.Graph, n *onnx.Node, err error) error {
	return fmt.Errorf("%s%w", filePrefix(g), newNodeError(n, err))
}
