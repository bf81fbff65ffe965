package prover_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

// Example proves one inference of the demo model (zkml demo's) and
// verifies the proof, printing only what the program prints itself.
func Example() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	model, input := "../testdata/demo/model.onnx", "../testdata/demo/input.json"

	// Quantize the model, calibrated on the input.
	data, err := os.ReadFile(model)
	if err != nil {
		log.Fatal(err)
	}
	g, err := onnx.Parse(data, model, nil)
	if err != nil {
		log.Fatal(err)
	}
	in, err := modelio.ReadInputFile(input)
	if err != nil {
		log.Fatal(err)
	}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		log.Fatal(err)
	}
	pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}

	// Compile the circuit into a build directory, set up the keys, prove.
	dir, err := os.MkdirTemp("", "zkml-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	b, err := prover.Compile(ctx, filepath.Join(dir, "build"), pl, prover.Groth16, prover.Meta{ModelFile: "model.onnx"})
	if err != nil {
		log.Fatal(err)
	}
	if err := b.Setup(ctx, prover.SetupOptions{}); err != nil {
		log.Fatal(err)
	}
	proof, err := b.Prove(ctx, in)
	if err != nil {
		log.Fatal(err)
	}

	// Anyone with the build directory (or just settings.json and vk.bin)
	// checks the proof.
	if err := prover.Verify(b, proof); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("proved: output %q, shape %v\n", proof.OutputNames[0], proof.OutputShapes[0])
	// Output:
	// proved: output "logits", shape [1 3]
}

// TestREADMEExample keeps the README's library example the code of Example.
func TestREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	between := func(s, from, to string) string {
		_, after, ok := strings.Cut(s, from)
		before, _, ok2 := strings.Cut(after, to)
		if !ok || !ok2 {
			t.Fatalf("no %q ... %q", from, to)
		}
		return before
	}
	want := between(string(src), "func Example() {\n", "\t// Output:")
	want = strings.Replace(want, `"../testdata/demo/model.onnx", "../testdata/demo/input.json"`, `"model.onnx", "input.json" // testdata/demo has both`, 1)
	section := between(string(readme), "## Use it as a library", "\n## ")
	if got := between(section, "func main() {\n", "}\n```"); got != want {
		t.Errorf("README.md's library example is not Example's code; README:\n%s\nExample:\n%s", got, want)
	}
	imports := between(string(src), "import (", ")")
	for _, test := range []string{"\t\"strings\"\n", "\t\"testing\"\n"} {
		imports = strings.Replace(imports, test, "", 1)
	}
	if got := between(section, "import (", ")"); got != imports {
		t.Errorf("README.md's library example imports%s, Example (less strings and testing)%s", got, imports)
	}
}
