package onnx

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/testenv"
)

// modelsDir is the shared conformance models folder, relative to this
// package (see /work/shared/models/README.md).
var modelsDir = filepath.Join("..", "..", "shared", "models")

// milestone1 are the models the first milestone must import.
var milestone1 = testenv.MilestoneModels

type reference struct {
	InputNames  []string `json:"input_names"`
	InputShapes [][]int  `json:"input_shapes"`
	OutputNames []string `json:"output_names"`
	Cases       []struct {
		OutputShapes [][]int `json:"output_shapes"`
	} `json:"cases"`
}

func modelNames(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(modelsDir)
	if err != nil {
		testenv.MissingShared(t, "the shared models", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

func readReference(t *testing.T, name string) *reference {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(modelsDir, name, "reference.json"))
	if err != nil {
		return nil
	}
	var ref reference
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s/reference.json: %v", name, err)
	}
	return &ref
}

// TestConformanceModels loads every shared model: the milestone-1 models
// must import with the reference's input and output shapes; every other
// model must import or fail with an "unsupported ops" error.
func TestConformanceModels(t *testing.T) {
	names := modelNames(t)
	must := map[string]bool{}
	for _, m := range milestone1 {
		must[m] = true
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-26s %-8s %6s %s\n", "model", "result", "nodes", "ops / error")
	for _, name := range names {
		path := filepath.Join(modelsDir, name, "network.onnx")
		start := time.Now()
		g, err := Load(path, nil)
		elapsed := time.Since(start)
		if elapsed > time.Second {
			t.Errorf("%s: Load took %v, want well under a second", name, elapsed)
		}
		if err != nil {
			fmt.Fprintf(&table, "%-26s %-8s %6s %s\n", name, "error", "-", strings.TrimPrefix(err.Error(), path+": "))
			if must[name] {
				t.Errorf("%s: %v", name, err)
			} else if !strings.Contains(err.Error(), ": unsupported ops: ") || !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("%s: want an unsupported-ops error, got: %v", name, err)
			}
			continue
		}
		fmt.Fprintf(&table, "%-26s %-8s %6d %s\n", name, "ok", len(g.Nodes), opList(g))
		if err := checkGraph(g); err != nil {
			t.Errorf("%s: inconsistent graph: %v", name, err)
		}
		ref := readReference(t, name)
		if ref == nil {
			continue
		}
		if len(ref.Cases) == 0 || len(ref.Cases[0].OutputShapes) != len(g.Outputs) {
			t.Errorf("%s: %d outputs, reference has %v", name, len(g.Outputs), ref.Cases)
			continue
		}
		for i, o := range g.Outputs {
			if o.Name != ref.OutputNames[i] {
				t.Errorf("%s: output %d is %q, reference says %q", name, i, o.Name, ref.OutputNames[i])
			}
			if want := ref.Cases[0].OutputShapes[i]; !sameShape(o.Shape, want) {
				t.Errorf("%s: output %q has shape %v, reference %v", name, o.Name, o.Shape, want)
			}
		}
		for i, in := range g.Inputs {
			if i < len(ref.InputShapes) && !sameShape(in.Shape, ref.InputShapes[i]) {
				t.Errorf("%s: input %q has shape %v, reference %v", name, in.Name, in.Shape, ref.InputShapes[i])
			}
		}
	}
	t.Log(table.String())
}

func sameShape(a, b []int) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func opList(g *Graph) string {
	counts := map[string]int{}
	var order []string
	for _, n := range g.Nodes {
		if counts[n.OpType] == 0 {
			order = append(order, n.OpType)
		}
		counts[n.OpType]++
	}
	parts := make([]string, len(order))
	for i, op := range order {
		parts[i] = fmt.Sprintf("%s×%d", op, counts[op])
	}
	return strings.Join(parts, " ")
}

// checkGraph verifies the invariants Load promises: every node input is a
// constant or a typed value produced earlier, every node has a non-constant
// input, and every output is typed.
func checkGraph(g *Graph) error {
	known := map[string]bool{}
	for _, in := range g.Inputs {
		known[in.Name] = true
	}
	for _, n := range g.Nodes {
		if n.Name == "" {
			return fmt.Errorf("a %s node has no name", n.OpType)
		}
		dynamic := false
		for _, in := range n.Inputs {
			if in == "" {
				continue
			}
			if _, ok := g.Constants[in]; ok {
				continue
			}
			if !known[in] {
				return fmt.Errorf("%s: input %q is not produced before it", n.Describe(), in)
			}
			if _, ok := g.Values[in]; !ok {
				return fmt.Errorf("%s: input %q has no type", n.Describe(), in)
			}
			dynamic = true
		}
		if !dynamic {
			return fmt.Errorf("%s: all inputs are constant but it was not folded", n.Describe())
		}
		for _, o := range n.Outputs {
			if o != "" {
				known[o] = true
			}
		}
	}
	for _, o := range g.Outputs {
		if _, isConst := g.Constants[o.Name]; !isConst && !known[o.Name] {
			return fmt.Errorf("output %q is not produced", o.Name)
		}
	}
	return nil
}

// BenchmarkLoad times importing the larger shared models.
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{"4l_relu_conv_fc", "accuracy", "self_attention", "nanoGPT", "random_forest"} {
		data, err := os.ReadFile(filepath.Join(modelsDir, name, "network.onnx"))
		if err != nil {
			testenv.MissingShared(b, "the shared models", err)
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_, _ = Parse(data, name, nil)
			}
		})
	}
}
