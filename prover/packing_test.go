package prover

import (
	"encoding/json"
	"errors"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/plan"
)

// TestPackedRoundTrip: by default the six outputs of the fixture take one
// public input, settings.json and proof.json record the layout, and the
// proof verifies after a trip through proof.json.
func TestPackedRoundTrip(t *testing.T) {
	for _, backend := range backends {
		t.Run(string(backend), func(t *testing.T) {
			dir, proof := builtPacked(t, backend)
			b, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			s := b.Settings()
			want := PackingInfo{BitsPerOutput: 32, OutputsPerWord: 7, Offset: 1 << 31}
			if s.Circuit.PublicInputs != 1 || s.Circuit.OutputPacking == nil || *s.Circuit.OutputPacking != want {
				t.Fatalf("settings: %d public inputs, packing %+v; want 1 and %+v", s.Circuit.PublicInputs, s.Circuit.OutputPacking, want)
			}
			if b.Packing() != (circuits.Packing{Bits: 32, PerWord: 7}) {
				t.Errorf("Packing() = %+v", b.Packing())
			}
			if len(proof.PublicInputs) != 1 || proof.Packing == nil || *proof.Packing != want {
				t.Fatalf("proof: %d public inputs, packing %+v", len(proof.PublicInputs), proof.Packing)
			}
			// The word unpacks to the integer executor's outputs.
			pl := testmodels.TinyPlan(5)
			in, _ := pl.QuantizeInputs(tinyInput)
			all, _ := pl.Run(in)
			var flat []int64
			for _, t := range pl.Outputs {
				flat = append(flat, all[t]...)
			}
			got, err := b.Packing().Unpack(proof.PublicInputs, len(flat))
			if err != nil || !slices.Equal(got, flat) {
				t.Fatalf("unpacked %v (%v), want %v", got, err, flat)
			}
			path := filepath.Join(t.TempDir(), "proof.json")
			if err := WriteProof(path, proof); err != nil {
				t.Fatal(err)
			}
			read, err := ReadProof(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(b, read); err != nil {
				t.Fatalf("Verify: %v", err)
			}
			data, _ := read.MarshalJSON()
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil || m["output_packing"] == nil {
				t.Errorf("proof.json lacks output_packing: %s", data)
			}
		})
	}
}

func TestPackedVerifyRejects(t *testing.T) {
	dir, proof := builtPacked(t, Groth16)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, unpacked := built(t, Groth16)
	// slot 0 is y[0] at scale 8.
	tests := []struct {
		name   string
		tamper func(p *Proof)
		want   string
	}{
		{"word, outputs edited to match", func(p *Proof) {
			p.PublicInputs[0] = new(big.Int).Add(p.PublicInputs[0], big.NewInt(1))
			q, _ := b.Packing().Unpack(p.PublicInputs, 6)
			p.Outputs[0][0] = plan.Dequantize(q[0], 8)
		}, "the proof is invalid"},
		{"word", func(p *Proof) { p.PublicInputs[0] = new(big.Int).Add(p.PublicInputs[0], big.NewInt(1)) }, "outputs[0][0]"},
		{"outputs field", func(p *Proof) { p.Outputs[1][2] += 1 }, "slot 5 of public input 0"},
		{"bits beyond the last slot", func(p *Proof) { p.PublicInputs[0] = new(big.Int).SetBit(p.PublicInputs[0], 6*32, 1) }, "not this model's packed outputs"},
		{"another layout", func(p *Proof) { p.Packing = &PackingInfo{BitsPerOutput: 32, OutputsPerWord: 6, Offset: 1 << 31} }, "this build packs 7 outputs of 32 bits"},
		{"unpacked proof", func(p *Proof) { *p = *cloneProof(t, unpacked) }, "output_packing none"},
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
			if !errors.Is(err, ErrInvalidProof) {
				t.Errorf("error %q is not ErrInvalidProof", err)
			}
			// Only the cryptographic check sees public inputs edited
			// consistently with the outputs.
			if err := CheckConsistent(b, p); (err == nil) != (tt.want == "the proof is invalid") {
				t.Errorf("CheckConsistent: %v", err)
			}
		})
	}
	// proof.json with a word count or layout that cannot be right.
	data, _ := proof.MarshalJSON()
	for _, tc := range []struct{ from, to, want string }{
		{`"outputs_per_word": 7`, `"outputs_per_word": 9`, "not a packing layout"},
		{`"offset": 2147483648`, `"offset": 1`, "not a packing layout"},
		{`"bits_per_output": 32`, `"bits_per_output": 0`, "not a packing layout"},
		{`"outputs_per_word": 7`, `"outputs_per_word": 2`, "packed 2 per public input they take 3"},
	} {
		edited := strings.Replace(string(data), tc.from, tc.to, 1)
		if edited == string(data) {
			t.Fatalf("%s not in proof.json: %s", tc.from, data)
		}
		if _, err := parseProof([]byte(edited), "proof.json"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.to, err, tc.want)
		}
	}
}

// TestPackedSettingsChecked: Open rejects a settings.json whose layout
// circuits cannot build.
func TestPackedSettingsChecked(t *testing.T) {
	dir, _ := builtPacked(t, Groth16)
	dst := copyBuild(t, dir)
	s, err := readSettings(dst, dst)
	if err != nil {
		t.Fatal(err)
	}
	s.Circuit.OutputPacking.Offset = 5
	if err := writeSettings(dst, s); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dst); err == nil || !strings.Contains(err.Error(), "offset") {
		t.Errorf("Open with a wrong offset: %v", err)
	}
}
