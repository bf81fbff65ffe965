package prover

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadProofRejects(t *testing.T) {
	_, proof := built(t, Groth16)
	good, err := proof.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	r := "21888242871839275222246405745257275088548364400416034343698204186575808495617"
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "not a valid proof file"},
		{"not JSON", "proof", "not a valid proof file"},
		{"array", "[]", "not a valid proof file"},
		{"trailing data", string(good) + "{}", "data after the JSON object"},
		{"format", edit(func(m map[string]any) { m["format"] = "zkml-proof/2" }), `format "zkml-proof/2" is not supported`},
		{"no format", edit(func(m map[string]any) { delete(m, "format") }), `format "" is not supported`},
		{"unknown field", edit(func(m map[string]any) { m["comment"] = "hi" }), "comment"},
		{"backend", edit(func(m map[string]any) { m["backend"] = "halo2" }), `unknown backend "halo2"`},
		{"model hash", edit(func(m map[string]any) { m["model_hash"] = "abc" }), "model_hash"},
		{"proof not hex", edit(func(m map[string]any) { m["proof"] = "xyz" }), "not hexadecimal"},
		{"proof empty", edit(func(m map[string]any) { m["proof"] = "" }), "truncated"},
		{"proof of other backend", edit(func(m map[string]any) { m["backend"] = "plonk" }), "not a valid plonk proof"},
		{"proof uncompressed", edit(func(m map[string]any) {
			b, _ := hex.DecodeString(m["proof"].(string))
			b[0] &^= 0xc0
			m["proof"] = hex.EncodeToString(b)
		}), "not compressed"},
		{"proof huge slice", edit(func(m map[string]any) {
			b, _ := hex.DecodeString(m["proof"].(string))
			b[128], b[129] = 0xff, 0xff // commitment count
			m["proof"] = hex.EncodeToString(b)
		}), "longer than the data"},
		{"public input r", edit(func(m map[string]any) { m["public_inputs"].([]any)[0] = r }), "public_inputs[0]"},
		{"public input negative", edit(func(m map[string]any) { m["public_inputs"].([]any)[0] = "-1" }), "public_inputs[0]"},
		{"public input leading zero", edit(func(m map[string]any) { m["public_inputs"].([]any)[0] = "01" }), "public_inputs[0]"},
		{"public input hex", edit(func(m map[string]any) { m["public_inputs"].([]any)[0] = "0x1" }), "public_inputs[0]"},
		{"public input number", edit(func(m map[string]any) { m["public_inputs"].([]any)[0] = 1 }), "not a valid proof file"},
		{"missing public input", edit(func(m map[string]any) { m["public_inputs"] = m["public_inputs"].([]any)[1:] }), "6 output values but 5 public inputs"},
		{"short output", edit(func(m map[string]any) { m["outputs"].([]any)[0] = []any{1.0} }), "outputs[0] has 1 values but its shape [1 3] has 3 elements"},
		{"negative shape", edit(func(m map[string]any) { m["output_shapes"].([]any)[0] = []any{-1, -3} }), "not a valid shape"},
		{"huge shape", edit(func(m map[string]any) { m["output_shapes"].([]any)[0] = []any{1 << 30, 1 << 30} }), "not a valid shape"},
		{"names missing", edit(func(m map[string]any) { delete(m, "output_names") }), "0 output_names"},
		{"output not a number", edit(func(m map[string]any) { m["outputs"].([]any)[0].([]any)[0] = "NaN" }), "not a valid proof file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "proof.json")
			writeFile(t, path, tt.data)
			_, err := ReadProof(path)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want the path and %q", err, tt.want)
			}
		})
	}
	if _, err := ReadProof(filepath.Join(t.TempDir(), "none.json")); err == nil || !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzParseProof: parseProof never panics, and whatever it accepts
// re-encodes to a file it reads back identically.
func FuzzParseProof(f *testing.F) {
	for _, backend := range backends {
		_, proof := built(f, backend)
		data, err := proof.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format":"zkml-proof/1","backend":"plonk","model_hash":"` + strings.Repeat("0", 64) + `","proof":"","public_inputs":[],"outputs":[],"output_shapes":[],"output_names":[],"output_scales":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parseProof(data, "proof.json")
		if err != nil {
			return
		}
		again, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("accepted proof does not marshal: %v", err)
		}
		q, err := parseProof(again, "proof.json")
		if err != nil {
			t.Fatalf("re-encoded proof rejected: %v", err)
		}
		third, _ := q.MarshalJSON()
		if !bytes.Equal(again, third) {
			t.Fatal("encoding is not stable")
		}
	})
}
