package circom_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zkml/zkml/bench/circom"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

func tinyPlan(t *testing.T, sizes ...int) (*plan.Plan, [][]int64) {
	t.Helper()
	m := onnxbuild.MLP("tiny", 1, sizes...)
	g, err := onnx.Parse(m.Bytes(), "tiny", nil)
	if err != nil {
		t.Fatal(err)
	}
	in := [][]float64{onnxbuild.Input(sizes[0], 2)}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	p, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	q, err := p.QuantizeInputs(in)
	if err != nil {
		t.Fatal(err)
	}
	return p, q
}

func TestGenerateRejectsUnsupportedOps(t *testing.T) {
	p, _ := tinyPlan(t, 3, 2, 2)
	p.Ops = append(p.Ops, plan.Op{Kind: plan.OpMax, Node: "MaxPool_7", In: []int{p.Outputs[0]}, Out: len(p.Tensors),
		RowStart: []int32{0, 1}, Terms: []plan.Term{{Idx: 0, Coeff: 1}}})
	p.Tensors = append(p.Tensors, plan.Tensor{Name: "pooled", Shape: []int{1}, Scale: p.Tensors[p.Outputs[0]].Scale, Bound: 31})
	p.Outputs = []int{len(p.Tensors) - 1}
	err := circom.Generate(new(bytes.Buffer), p)
	if err == nil || !strings.Contains(err.Error(), `"MaxPool_7"`) {
		t.Fatalf("got %v, want an error naming node MaxPool_7", err)
	}
}

// The baseline end to end on a tiny MLP: the generated circuit compiles with
// circom2, snarkjs proves it with Groth16 on the shared power-10 ptau, the
// public outputs are the integer reference's (plan.Run) bit for bit, and a
// proof does not verify against other outputs.
func TestCircomSnarkjs(t *testing.T) {
	p, q := tinyPlan(t, 4, 3, 2)
	var src bytes.Buffer
	if err := circom.Generate(&src, p); err != nil {
		t.Fatal(err)
	}
	tools, err := circom.FindTools(filepath.Join("..", ".."))
	if err != nil {
		testenv.MissingTool(t, "circom2 and snarkjs", err)
	}
	if testing.Short() {
		t.Skip("skipping the circom/snarkjs run in -short mode")
	}
	ptau, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "ptau", "pot10_snarkjs.ptau"))
	if _, err := os.Stat(ptau); err != nil {
		testenv.MissingShared(t, "the shared .ptau fixture", err)
	}
	dir := t.TempDir()
	input, err := circom.Input(p, q)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"model.circom": src.Bytes(), "input.json": input} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(tool string, args ...string) {
		t.Helper()
		if out, err := tools.Command(dir, tool, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, out)
		}
	}
	run("circom", "model.circom", "--r1cs", "--wasm", "--O2")
	run("snarkjs", "wtns", "calculate", "model_js/model.wasm", "input.json", "w.wtns")
	run("snarkjs", "groth16", "setup", "model.r1cs", ptau, "model.zkey")
	run("snarkjs", "zkey", "export", "verificationkey", "model.zkey", "vk.json")
	run("snarkjs", "groth16", "prove", "model.zkey", "w.wtns", "proof.json", "public.json")
	run("snarkjs", "groth16", "verify", "vk.json", "public.json", "proof.json")

	pub, err := os.ReadFile(filepath.Join(dir, "public.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := circom.Outputs(pub)
	if err != nil {
		t.Fatal(err)
	}
	all, err := p.Run(q)
	if err != nil {
		t.Fatal(err)
	}
	if want := slices.Concat(p.OutputInts(all)...); !slices.Equal(got, want) {
		t.Fatalf("circom outputs %v, integer reference %v", got, want)
	}

	// Claim other outputs: the proof must not verify.
	wrong := bytes.Replace(pub, []byte(`"`), []byte(`"1`), 1)
	if err := os.WriteFile(filepath.Join(dir, "public.json"), wrong, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := tools.Command(dir, "snarkjs", "groth16", "verify", "vk.json", "public.json", "proof.json").CombinedOutput(); err == nil {
		t.Fatalf("a proof verified against wrong outputs %s:\n%s", wrong, out)
	}
}
