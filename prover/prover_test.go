package prover

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/plan"
)

var backends = []Backend{Groth16, PLONK}

// tinyFloat is TinyPlan(5) in floating point, from its definition rather
// than from the plan: z = W·x + b with W the plan's coefficients at scale 4
// and b its bias at the accumulator's scale 12, y = relu(z). The outputs
// are [y, z].
func tinyFloat(x []float64) [][]float64 {
	w := [][]float64{{3, -5, 7, 2}, {-1, 4, 0, 6}, {8, 1, -2, -3}}
	bias := []float64{5, -5, 10}
	y, z := make([]float64, 3), make([]float64, 3)
	for i, row := range w {
		z[i] = bias[i] / 4096
		for j, c := range row {
			z[i] += c / 16 * x[j]
		}
		y[i] = max(z[i], 0)
	}
	return [][]float64{y, z}
}

// checkTinyOutputs compares outputs with tinyFloat(x): the inputs are exact
// at scale 8, so the only error is the rescale's rounding to scale 8, at
// most half a unit in the last place.
func checkTinyOutputs(t *testing.T, what string, outputs [][]float64, x []float64) {
	t.Helper()
	want := tinyFloat(x)
	if len(outputs) != len(want) {
		t.Fatalf("%s: %d outputs, want %d", what, len(outputs), len(want))
	}
	for i := range want {
		if len(outputs[i]) != len(want[i]) {
			t.Fatalf("%s: output %d has %d values, want %d", what, i, len(outputs[i]), len(want[i]))
		}
		for j := range want[i] {
			if d := outputs[i][j] - want[i][j]; d > 1.0/512 || d < -1.0/512 {
				t.Errorf("%s: outputs[%d][%d] = %v, the float model gives %v", what, i, j, outputs[i][j], want[i][j])
			}
		}
	}
}

// publicOutputs reads an unpacked proof's public inputs back as outputs at
// TinyPlan's scale 8: p − |q| stands for −|q|.
func publicOutputs(t *testing.T, p *Proof) [][]float64 {
	t.Helper()
	if len(p.PublicInputs) != 6 {
		t.Fatalf("%d public inputs, want 6", len(p.PublicInputs))
	}
	r := ecc.BN254.ScalarField()
	var out [][]float64
	for i, v := range p.PublicInputs {
		q := new(big.Int).Set(v)
		if q.Cmp(new(big.Int).Rsh(r, 1)) > 0 {
			q.Sub(q, r)
		}
		if i%3 == 0 {
			out = append(out, nil)
		}
		out[i/3] = append(out[i/3], float64(q.Int64())/256)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for _, backend := range backends {
		t.Run(string(backend), func(t *testing.T) {
			dir, proof := built(t, backend)

			// What the proof proves, its public inputs, is the model's
			// output, and proof.Outputs says the same.
			checkTinyOutputs(t, "public inputs", publicOutputs(t, proof), tinyInput[0])
			if got := publicOutputs(t, proof); !slices.EqualFunc(got, proof.Outputs, slices.Equal) {
				t.Errorf("outputs %v, but the public inputs are %v", proof.Outputs, got)
			}
			checkTinyOutputs(t, "outputs", proof.Outputs, tinyInput[0])
			_, packed := builtPacked(t, backend)
			checkTinyOutputs(t, "packed outputs", packed.Outputs, tinyInput[0])
			if !slices.Equal(proof.OutputNames, []string{"y", "z"}) || !slices.Equal(proof.OutputScales, []int{8, 8}) {
				t.Errorf("output names %v scales %v", proof.OutputNames, proof.OutputScales)
			}
			if proof.Timings.Prove <= 0 {
				t.Errorf("timings not filled: %+v", proof.Timings)
			}

			// Through proof.json and a freshly opened build, which loads
			// vk.bin from disk.
			path := filepath.Join(t.TempDir(), "proof.json")
			if err := WriteProof(path, proof); err != nil {
				t.Fatal(err)
			}
			read, err := ReadProof(path)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(b, read); err != nil {
				t.Fatalf("Verify: %v", err)
			}

			// The opened build proves too (circuit.ccs and pk.bin from disk),
			// here another input, with ProveQuantized.
			p2, err := b.ProveQuantized(context.Background(), [][]int64{{-100, 200, 300, -400}})
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(b, p2); err != nil {
				t.Fatalf("Verify second proof: %v", err)
			}
			checkTinyOutputs(t, "second proof", publicOutputs(t, p2), []float64{-100.0 / 256, 200.0 / 256, 300.0 / 256, -400.0 / 256})
			if p2.Timings.Load <= 0 {
				t.Errorf("first proof of an opened build should count loading time: %+v", p2.Timings)
			}

			s := b.Settings()
			if s.Backend != backend || s.Circuit.Constraints == 0 || s.Circuit.PublicInputs != 6 || s.Circuit.SecretInputs != 4 ||
				s.Setup == nil || !s.Setup.Insecure || s.Setup.Warning == "" || s.Model.File != "tiny.onnx" ||
				s.Circuit.RangeChecks != "lookup" {
				t.Errorf("settings: %+v, setup %+v", s, s.Setup)
			}
			if backend == PLONK && (s.Setup.SRS == nil || s.Setup.SRS.Source != "dev") {
				t.Errorf("plonk setup should record the dev SRS: %+v", s.Setup.SRS)
			}
		})
	}
}

func TestProofJSONForm(t *testing.T) {
	_, proof := built(t, Groth16)
	data, err := proof.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"format", "backend", "model_hash", "proof", "public_inputs", "outputs", "output_shapes", "output_names", "output_scales"} {
		if _, ok := m[key]; !ok {
			t.Errorf("proof.json lacks %q", key)
		}
	}
	if m["format"] != "zkml-proof/1" || m["backend"] != "groth16" {
		t.Errorf("format %v backend %v", m["format"], m["backend"])
	}
	// z has a negative element: it appears as r - |q|.
	pl := testmodels.TinyPlan(5)
	in, _ := pl.QuantizeInputs(tinyInput)
	all, _ := pl.Run(in)
	want, err := PublicInputs(pl, all, circuits.Packing{})
	if err != nil {
		t.Fatal(err)
	}
	pub := m["public_inputs"].([]any)
	negative := false
	for i, v := range pub {
		if v != want[i].String() {
			t.Errorf("public_inputs[%d] = %v, want %v", i, v, want[i])
		}
		negative = negative || len(v.(string)) > 70
	}
	if !negative {
		t.Errorf("the fixture should have a negative output; public inputs %v", pub)
	}
}

func TestPublicInputs(t *testing.T) {
	pl := testmodels.TinyPlan(5)
	all := [][]int64{{0, 0, 0, 0}, {-1, 0, 1 << 40}, {0, 0, 1 << 40}}
	got, err := PublicInputs(pl, all, circuits.Packing{})
	if err != nil {
		t.Fatal(err)
	}
	r := ecc.BN254.ScalarField()
	minusOne := new(big.Int).Sub(r, big.NewInt(1))
	want := []*big.Int{big.NewInt(0), big.NewInt(0), big.NewInt(1 << 40), minusOne, big.NewInt(0), big.NewInt(1 << 40)}
	if len(got) != len(want) {
		t.Fatalf("got %d public inputs, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Cmp(want[i]) != 0 {
			t.Errorf("public input %d = %v, want %v", i, got[i], want[i])
		}
	}
	if _, err := PublicInputs(pl, all[:2], circuits.Packing{}); err == nil || !strings.Contains(err.Error(), "all tensors") {
		t.Errorf("too few tensors: %v", err)
	}
	bad := [][]int64{{0, 0, 0, 0}, {1}, {0, 0, 0}}
	if _, err := PublicInputs(pl, bad, circuits.Packing{}); err == nil || !strings.Contains(err.Error(), `"z"`) {
		t.Errorf("short output tensor: %v", err)
	}
}

func TestVerifyRejects(t *testing.T) {
	for _, backend := range backends {
		t.Run(string(backend), func(t *testing.T) {
			dir, proof := built(t, backend)
			b, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			other := testmodels.TinyPlan(5)
			r := ecc.BN254.ScalarField()

			tests := []struct {
				name   string
				tamper func(p *Proof)
				want   string
			}{
				{"proof bytes", func(p *Proof) { p.Bytes[len(p.Bytes)/2] ^= 1 }, "proof"},
				{"last proof byte", func(p *Proof) { p.Bytes[len(p.Bytes)-1] ^= 0x10 }, "proof"},
				{"truncated proof", func(p *Proof) { p.Bytes = p.Bytes[:len(p.Bytes)-1] }, "not a valid"},
				{"public input, outputs edited to match", func(p *Proof) {
					p.PublicInputs[0] = new(big.Int).Add(p.PublicInputs[0], big.NewInt(1))
					p.Outputs[0][0] = plan.Dequantize(p.PublicInputs[0].Int64(), 8)
				}, "the proof is invalid"},
				{"public inputs swapped", func(p *Proof) {
					p.PublicInputs[0], p.PublicInputs[2] = p.PublicInputs[2], p.PublicInputs[0]
					p.Outputs[0][0], p.Outputs[0][2] = p.Outputs[0][2], p.Outputs[0][0]
				}, "the proof is invalid"},
				{"outputs field", func(p *Proof) { p.Outputs[0][2] += 1 }, "outputs[0][2]"},
				{"output scale", func(p *Proof) { p.OutputScales[1] = 7 }, "scale"},
				{"output name", func(p *Proof) { p.OutputNames[0] = "probability" }, "probability"},
				{"output shape", func(p *Proof) { p.OutputShapes[0] = []int{3, 1} }, "shape"},
				{"outputs dropped", func(p *Proof) {
					p.Outputs, p.OutputNames, p.OutputScales, p.OutputShapes = p.Outputs[:1], p.OutputNames[:1], p.OutputScales[:1], p.OutputShapes[:1]
					p.PublicInputs = p.PublicInputs[:3]
				}, "1 outputs, this model has 2"},
				{"extra public input", func(p *Proof) { p.PublicInputs = append(p.PublicInputs, big.NewInt(0)) }, "public inputs"},
				{"non-canonical public input", func(p *Proof) { p.PublicInputs[0] = new(big.Int).Add(p.PublicInputs[0], r) }, "outputs[0][0]"},
				{"another model", func(p *Proof) { p.ModelHash = testmodels.TinyPlan(6).Hash() }, "was made for another model"},
				{"another backend", func(p *Proof) {
					if p.Backend == Groth16 {
						p.Backend = PLONK
					} else {
						p.Backend = Groth16
					}
				}, "proof but"},
			}
			if other.Hash() != b.PlanHash() {
				t.Fatal("the fixture's plan hash is not testmodels.TinyPlan(5)'s")
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					p := cloneProof(t, proof)
					tt.tamper(p)
					err := Verify(b, p)
					if err == nil {
						t.Fatal("Verify accepted a tampered proof")
					}
					if !strings.Contains(err.Error(), tt.want) {
						t.Errorf("error %q does not mention %q", err, tt.want)
					}
				})
			}
			if err := Verify(b, proof); err != nil {
				t.Fatalf("tampering changed the fixture proof: %v", err)
			}
		})
	}
}

func TestProofFromAnotherBuildOfSameModel(t *testing.T) {
	// A second Groth16 setup of the same model: same plan hash, other keys.
	dir, proof := built(t, Groth16)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, proof); err == nil || !strings.Contains(err.Error(), "the proof is invalid") {
		t.Fatalf("proof under other keys: %v", err)
	}
}

func TestProveInputErrors(t *testing.T) {
	dir, _ := built(t, Groth16)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		inputs [][]float64
		want   string
	}{
		{"no inputs", nil, `got 0 inputs, the model takes 1 ("input" [1 4])`},
		{"two inputs", [][]float64{{1, 2, 3, 4}, {1}}, "got 2 inputs"},
		{"short", [][]float64{{1, 2, 3}}, `input 0 ("input"): got 3 values, want 4 (shape [1 4])`},
		{"long", [][]float64{{1, 2, 3, 4, 5}}, "got 5 values, want 4"},
		{"out of range", [][]float64{{1, 2, 3, 1e12}}, "outside the range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.Prove(context.Background(), tt.inputs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Prove: %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := b.ProveQuantized(context.Background(), [][]int64{{1, 2}}); err == nil || !strings.Contains(err.Error(), "got 2 values, want 4") {
		t.Errorf("ProveQuantized short input: %v", err)
	}
	if _, err := b.ProveQuantized(context.Background(), [][]int64{{1, 2, 3, 1 << 40}}); err == nil {
		t.Errorf("ProveQuantized accepted an input beyond the activation range")
	}
}

func TestProgress(t *testing.T) {
	var stages []string
	progress := WithProgress(func(s string) { stages = append(stages, s) })
	dir := filepath.Join(t.TempDir(), "build")
	b, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), PLONK, Meta{}, progress)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err = Open(dir, progress)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Prove(context.Background(), tinyInput); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(stages, "|")
	for _, want := range []string{"compiling circuit", "generating the development SRS", "generating PLONK keys", "loading pk.bin", "proving"} {
		if !strings.Contains(all, want) {
			t.Errorf("stages %q lack %q", stages, want)
		}
	}
}

func TestBitDecompositionRangeChecks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "build")
	b, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), Groth16, Meta{}, WithBitDecompositionRangeChecks())
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Settings().Circuit.RangeChecks; got != "bit-decomposition" {
		t.Errorf("range_checks = %q", got)
	}
	if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	p, err := b.Prove(context.Background(), tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}
	// Without a commitment, the Solidity calldata is the bare 8 words.
	cd, err := p.SolidityCalldata()
	if err != nil {
		t.Fatal(err)
	}
	if len(cd) != 256 {
		t.Errorf("calldata is %d bytes, want 256", len(cd))
	}
}

// TestAutoRangeChecks: WithAutoRangeChecks takes bit decomposition for a
// ReLU network (no commitment left), keeps the lookup range checks for a
// plan with a lookup table and for PLONK, and its rule is the documented one.
func TestAutoRangeChecks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pl      *plan.Plan
		backend Backend
		want    string
	}{
		{"relu", testmodels.TinyPlan(5), Groth16, "bit-decomposition"},
		{"table", domainPlan(), Groth16, "lookup"},
		{"plonk", testmodels.TinyPlan(5), PLONK, "lookup"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compile(context.Background(), filepath.Join(t.TempDir(), "build"), tc.pl, tc.backend, Meta{}, WithAutoRangeChecks())
			if err != nil {
				t.Fatal(err)
			}
			if got := b.Settings().Circuit.RangeChecks; got != tc.want {
				t.Errorf("range_checks = %q, want %q", got, tc.want)
			}
			if commits := hasCommitment(b.ccs); commits != (tc.want == "lookup") {
				t.Errorf("commitment: %v", commits)
			}
		})
	}
	for _, tc := range []struct {
		lookup, bits int
		want         bool
	}{{100, 200, true}, {100, 100 + 1<<16, true}, {100, 101 + 1<<16, false}, {1 << 20, 1<<21 + 1, false}, {1 << 20, 1 << 21, true}} {
		if got := PreferBitDecomposition(tc.lookup, tc.bits); got != tc.want {
			t.Errorf("PreferBitDecomposition(%d, %d) = %v", tc.lookup, tc.bits, got)
		}
	}
}

func TestSolidity(t *testing.T) {
	for _, backend := range backends {
		t.Run(string(backend), func(t *testing.T) {
			dir, proof := built(t, backend)
			b, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			var sol bytes.Buffer
			if err := b.ExportSolidity(&sol); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(sol.String(), "pragma solidity") {
				t.Errorf("ExportSolidity wrote no contract")
			}
			cd, err := proof.SolidityCalldata()
			if err != nil {
				t.Fatal(err)
			}
			// The fixture uses lookups, so the Groth16 proof carries one
			// commitment and its proof of knowledge after the 8 words.
			if backend == Groth16 && len(cd) != 256+64+64 {
				t.Errorf("groth16 calldata is %d bytes, want 384", len(cd))
			}
			if len(cd) == 0 {
				t.Errorf("empty calldata")
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tmp := t.TempDir()
	if _, err := Compile(context.Background(), tmp, testmodels.TinyPlan(5), "stark", Meta{}); err == nil || !strings.Contains(err.Error(), `unknown backend "stark"`) {
		t.Errorf("unknown backend: %v", err)
	}
	if _, err := Compile(context.Background(), tmp, nil, Groth16, Meta{}); err == nil {
		t.Errorf("nil plan accepted")
	}
	if _, err := Compile(context.Background(), tmp, testmodels.TinyPlan(5), Groth16, Meta{InputNames: []string{"a", "b"}}); err == nil || !strings.Contains(err.Error(), "2 input names") {
		t.Errorf("input names: %v", err)
	}
	if _, err := Compile(context.Background(), tmp, testmodels.TinyPlan(5), Groth16, Meta{ModelSHA256: "xyz"}); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("bad sha: %v", err)
	}
	// A directory with other things in it is not overwritten.
	if err := os.WriteFile(filepath.Join(tmp, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Compile(context.Background(), tmp, testmodels.TinyPlan(5), Groth16, Meta{}); err == nil || !strings.Contains(err.Error(), "not a zkml build directory") {
		t.Errorf("foreign directory: %v", err)
	}
	// An invalid plan fails in the circuit compiler with its reason.
	bad := testmodels.TinyPlan(5)
	bad.Ops[0].Terms[0].Idx = 99
	if _, err := Compile(context.Background(), filepath.Join(tmp, "bad"), bad, Groth16, Meta{}); err == nil || !strings.Contains(err.Error(), "compile circuit") {
		t.Errorf("invalid plan: %v", err)
	}
}

func TestRecompileRemovesKeys(t *testing.T) {
	dir, _ := built(t, Groth16)
	dst := copyBuild(t, dir)
	b, err := Compile(context.Background(), dst, testmodels.TinyPlan(6), Groth16, Meta{InputNames: []string{"x"}, OutputNames: []string{"a", "b"}, ModelSHA256: strings.Repeat("AB", 32)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"pk.bin", "vk.bin"} {
		if _, err := os.Stat(filepath.Join(dst, f)); !os.IsNotExist(err) {
			t.Errorf("%s survived the recompile: %v", f, err)
		}
	}
	s := b.Settings()
	if s.Inputs[0].Name != "x" || s.Outputs[1].Name != "b" || s.Model.SHA256 != strings.Repeat("ab", 32) || s.Setup != nil {
		t.Errorf("settings: %+v", s)
	}
	if _, err := b.Prove(context.Background(), tinyInput); err == nil || !strings.Contains(err.Error(), "run `zkml setup` first") {
		t.Errorf("Prove without keys: %v", err)
	}
	b, err = Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	_, proof := built(t, Groth16)
	if err := Verify(b, proof); err == nil || !strings.Contains(err.Error(), "another model") {
		t.Errorf("Verify without keys: %v", err)
	}
}

// TestConcurrentUse proves and verifies from several goroutines on one
// opened Build (run with -race to check the lazy loading).
func TestConcurrentUse(t *testing.T) {
	for _, backend := range backends {
		dir, proof := built(t, backend)
		b, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, 4)
		for i := range 2 {
			go func() {
				p, err := b.ProveQuantized(context.Background(), [][]int64{{int64(i), 2, 3, 4}})
				if err == nil {
					err = Verify(b, p)
				}
				errs <- err
			}()
			go func() { errs <- Verify(b, proof) }()
		}
		for range 4 {
			if err := <-errs; err != nil {
				t.Errorf("%s: %v", backend, err)
			}
		}
	}
}
