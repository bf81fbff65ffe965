package onnx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	ob "github.com/zkml/zkml/internal/onnxbuild"
)

// FuzzParse checks that no input makes Parse panic, hang or return an
// inconsistent graph. Run it with: go test ./onnx -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	f.Add(mlp().Bytes())
	f.Add(bnModel("Conv", false).Bytes())
	f.Add(opCase{opset: 13, op: "Slice", x: i64(4, 5), params: []param{ip("b", -1, 1), ip("e", -9, 100), ip("a", 0, 1), ip("s", -2, 3)}}.model(false).Bytes())
	f.Add(opCase{opset: 11, op: "Pad", x: i64(2, 3), params: []param{ip("p", 1, -1, 2, 3), scalar("v", 1)}}.model(true).Bytes())
	f.Add(foldModel(13, "Range", []param{scalar("a", 0), scalar("b", 5), scalar("c", 1)}).Bytes())
	f.Add(ob.NewModel("u", 13).Input("x", ob.Float, 4).Node("Loop", []string{"x"}, []string{"y"}).Output("y", ob.Float).Bytes())
	for _, p := range []string{"../testdata/tiny_mlp/model.onnx", "../testdata/demo/model.onnx", "../testdata/unsupported/model.onnx"} {
		if data, err := os.ReadFile(p); err == nil && len(data) < 1<<16 {
			f.Add(data)
		}
	}
	if names, err := filepath.Glob(filepath.Join(modelsDir, "1l_*", "network.onnx")); err == nil {
		for _, p := range names {
			if data, err := os.ReadFile(p); err == nil && len(data) < 1<<12 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(data, "fuzz.onnx", nil)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "fuzz.onnx: ") || strings.Contains(msg, "internal error") {
				t.Fatalf("bad error: %v", err)
			}
			return
		}
		if err := checkGraph(g); err != nil {
			t.Fatalf("inconsistent graph: %v", err)
		}
		for name, v := range g.Values {
			if NumElements(v.Shape) < 0 {
				t.Fatalf("value %s has shape %v", name, v.Shape)
			}
		}
	})
}
