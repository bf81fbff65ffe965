package prover

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/internal/testmodels"
)

// TestOpenRejects damages a copy of a good build in one way at a time and
// checks that Open, or the first use of the damaged file, names the file
// and says what is wrong.
func TestOpenRejects(t *testing.T) {
	g16, _ := built(t, Groth16)
	plk, _ := built(t, PLONK)

	// Another model, compiled and set up: its files must not be mixed in.
	otherModel := filepath.Join(t.TempDir(), "other")
	ob, err := Compile(context.Background(), otherModel, testmodels.TinyPlan(6), Groth16, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ob.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	// Another setup of the same model.
	otherSetup := copyBuild(t, g16)
	osb, err := Open(otherSetup)
	if err != nil {
		t.Fatal(err)
	}
	if err := osb.Setup(context.Background(), SetupOptions{}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		src    string
		damage func(t *testing.T, dir string)
		use    func(b *Build) error // nil: Open itself must fail
		want   []string
	}{
		{"vk from another model", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(otherModel, "vk.bin"), filepath.Join(dir, "vk.bin"))
		}, nil, []string{"vk.bin belongs to another model", "rerun `zkml setup`"}},
		{"pk from another model", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(otherModel, "pk.bin"), filepath.Join(dir, "pk.bin"))
		}, nil, []string{"pk.bin belongs to another model"}},
		{"circuit from another model", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(otherModel, "circuit.ccs"), filepath.Join(dir, "circuit.ccs"))
		}, nil, []string{"circuit.ccs belongs to another model", "zkml compile"}},
		{"plan from another model", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(otherModel, "plan.bin"), filepath.Join(dir, "plan.bin"))
		}, nil, []string{"plan.bin belongs to another model"}},
		{"vk from another setup", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(otherSetup, "vk.bin"), filepath.Join(dir, "vk.bin"))
		}, nil, []string{"vk.bin comes from another setup"}},
		{"vk from another backend", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(plk, "vk.bin"), filepath.Join(dir, "vk.bin"))
		}, nil, []string{"vk.bin is a plonk verifying key but this build uses groth16"}},
		{"pk renamed to vk", g16, func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "pk.bin"), filepath.Join(dir, "vk.bin"))
		}, nil, []string{"vk.bin holds a proving key, not a verifying key"}},
		{"truncated pk", g16, func(t *testing.T, dir string) {
			truncate(t, filepath.Join(dir, "pk.bin"), 1000)
		}, nil, []string{"pk.bin is truncated", "rerun `zkml setup`"}},
		{"truncated to the header", plk, func(t *testing.T, dir string) {
			truncate(t, filepath.Join(dir, "pk.bin"), 10)
		}, nil, []string{"pk.bin: too short to be a zkml file"}},
		{"empty vk", g16, func(t *testing.T, dir string) {
			truncate(t, filepath.Join(dir, "vk.bin"), 0)
		}, nil, []string{"vk.bin: too short"}},
		{"extended vk", g16, func(t *testing.T, dir string) {
			appendBytes(t, filepath.Join(dir, "vk.bin"), []byte{0})
		}, nil, []string{"vk.bin is corrupt"}},
		{"not a zkml file", g16, func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "circuit.ccs"), strings.Repeat("x", 200))
		}, nil, []string{"circuit.ccs: not a zkml file"}},
		{"corrupt pk", g16, func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, "pk.bin"), -100)
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"pk.bin is corrupt (checksum mismatch)"}},
		{"corrupt vk", plk, func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, "vk.bin"), -1)
		}, func(b *Build) error {
			_, proof := built(t, PLONK)
			err := Verify(b, proof)
			if errors.Is(err, ErrInvalidProof) {
				t.Errorf("a corrupt build is blamed on the proof: %v", err)
			}
			return err
		}, []string{"vk.bin is corrupt"}},
		{"corrupt circuit", plk, func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, "circuit.ccs"), headerSize+3)
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"circuit.ccs is corrupt"}},
		{"corrupt plan", g16, func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, "plan.bin"), -1)
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"plan.bin is corrupt"}},
		{"corrupt header", g16, func(t *testing.T, dir string) {
			flipByte(t, filepath.Join(dir, "vk.bin"), 20)
		}, nil, []string{"vk.bin belongs to another model"}},
		{"missing pk", g16, func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "pk.bin"))
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"pk.bin is missing", "zkml setup"}},
		{"missing circuit", g16, func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "circuit.ccs"))
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"circuit.ccs is missing", "zkml compile"}},
		{"missing plan", g16, func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "plan.bin"))
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"plan.bin is missing"}},
		{"missing settings", g16, func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "settings.json"))
		}, nil, []string{"not a zkml build directory (no settings.json); run `zkml compile` first"}},
		{"settings of a newer zkml", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["format"] = "zkml-build/2"; m["new_field"] = 1 })
		}, nil, []string{`build format "zkml-build/2" is not supported`}},
		{"settings not JSON", g16, func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "settings.json"), "{")
		}, nil, []string{"settings.json: not valid JSON"}},
		{"settings with unknown field", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["extra"] = true })
		}, nil, []string{"settings.json", "extra"}},
		{"settings with other plan hash", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["plan_hash"] = strings.Repeat("00", 32) })
		}, nil, []string{"plan.bin belongs to another model"}},
		{"settings with other scale", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["outputs"].([]any)[0].(map[string]any)["scale"] = 3 })
		}, func(b *Build) error { _, err := b.Prove(context.Background(), tinyInput); return err }, []string{"settings.json: outputs 0", "scale 3"}},
		{"settings with other shape", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["outputs"].([]any)[0].(map[string]any)["shape"] = []any{1, 99} })
		}, nil, []string{"settings.json: public_inputs", "does not match the visibility and the shapes"}},
		{"settings with other backend", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["backend"] = "plonk" })
		}, nil, []string{"plan.bin is a groth16 plan but this build uses plonk"}},
		{"settings with unknown backend", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["backend"] = "stark" })
		}, nil, []string{`unknown backend "stark"`}},
		{"settings without setup", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { delete(m, "setup") })
		}, nil, []string{"pk.bin comes from another setup"}},
		{"settings with bad setup id", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["setup"].(map[string]any)["id"] = "zz" })
		}, nil, []string{"setup id"}},
		{"settings with other curve", g16, func(t *testing.T, dir string) {
			editSettings(t, dir, func(m map[string]any) { m["curve"] = "bls12-381" })
		}, nil, []string{`curve "bls12-381" is not supported`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyBuild(t, tt.src)
			tt.damage(t, dir)
			b, err := Open(dir)
			if tt.use != nil {
				if err != nil {
					t.Fatalf("Open: %v (the damage should only show on use)", err)
				}
				err = tt.use(b)
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

func TestOpenMissingDirectory(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "build"))
	if err == nil || !strings.HasSuffix(err.Error(), "build/: no such directory; run `zkml compile` first") {
		t.Errorf("Open of a missing directory: %v", err)
	}
}

// TestVerifyOnlyBuild: a verifier needs settings.json and vk.bin only, not
// the weights in plan.bin; the model hash is still checked (vk.bin's
// header names it, and the proof must carry it).
func TestVerifyOnlyBuild(t *testing.T) {
	for _, backend := range backends {
		dir, proof := built(t, backend)
		dst := copyBuild(t, dir)
		for _, f := range []string{"pk.bin", "circuit.ccs", "plan.bin"} {
			if err := os.Remove(filepath.Join(dst, f)); err != nil {
				t.Fatal(err)
			}
		}
		b, err := Open(dst)
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(b, proof); err != nil {
			t.Errorf("%s: %v", backend, err)
		}
		other := *proof
		other.ModelHash[0] ^= 1
		if err := Verify(b, &other); !errors.Is(err, ErrInvalidProof) || !strings.Contains(err.Error(), "another model") {
			t.Errorf("%s: a proof of another model hash: %v", backend, err)
		}
		if _, err := b.Prove(context.Background(), tinyInput); err == nil || !strings.Contains(err.Error(), "plan.bin is missing") {
			t.Errorf("%s: Prove without plan.bin: %v", backend, err)
		}
	}
}

func TestArtifactHeaderBounds(t *testing.T) {
	h := header{kind: kindVerifyingKey, backend: PLONK, size: 7}
	h.planHash[0], h.setupID[15], h.sum[31] = 1, 2, 3
	enc := h.encode()
	if len(enc) != headerSize {
		t.Fatalf("header is %d bytes", len(enc))
	}
	got, err := decodeHeader(enc, "f", "fix")
	if err != nil || got != h {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	// Every truncation is an error, never a panic.
	for n := 0; n < headerSize; n++ {
		if _, err := decodeHeader(enc[:n], "f", "fix"); err == nil || !strings.Contains(err.Error(), "too short") {
			t.Errorf("%d bytes: %v", n, err)
		}
	}
	for _, tt := range []struct {
		off  int
		val  byte
		want string
	}{
		{0, 'X', "bad magic"},
		{5, 2, "format version 2 is not supported"},
		{6, 0, "unknown kind 0"},
		{6, 6, "unknown kind 6"}, // 5 is the ceremony phase 1
		{7, 0, "unknown backend 0"},
		{7, 3, "unknown backend 3"},
	} {
		b := append([]byte(nil), enc...)
		b[tt.off] = tt.val
		if _, err := decodeHeader(b, "f", "fix"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("byte %d = %d: %v, want %q", tt.off, tt.val, err, tt.want)
		}
	}
}

func truncate(t *testing.T, path string, n int64) {
	t.Helper()
	if err := os.Truncate(path, n); err != nil {
		t.Fatal(err)
	}
}

func appendBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// flipByte flips the byte at off (from the end when negative).
func flipByte(t *testing.T, path string, off int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if off < 0 {
		off += len(b)
	}
	b[off] ^= 0x40
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func editSettings(t *testing.T, dir string, edit func(map[string]any)) {
	t.Helper()
	path := filepath.Join(dir, "settings.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	if data, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGroth16VerifyingKey checks the accessor: the key of the tiny model
// (its range checks make one BSB22 commitment), a copy the caller may
// change, and errors for PLONK and for a build without keys.
func TestGroth16VerifyingKey(t *testing.T) {
	dir, _ := built(t, Groth16)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	vk, err := b.Groth16VerifyingKey()
	if err != nil {
		t.Fatal(err)
	}
	n := b.Settings().Circuit.PublicInputs
	if len(vk.PublicAndCommitmentCommitted) != 1 || len(vk.CommitmentKeys) != 1 || len(vk.G1.K) != n+2 {
		t.Fatalf("key with %d commitments, %d commitment keys, %d points; want 1, 1, %d", len(vk.PublicAndCommitmentCommitted), len(vk.CommitmentKeys), len(vk.G1.K), n+2)
	}
	vk.G1.K[0] = vk.G1.K[1]
	again, err := b.Groth16VerifyingKey()
	if err != nil {
		t.Fatal(err)
	}
	if again.G1.K[0].Equal(&again.G1.K[1]) {
		t.Error("changing the returned key changed the build's")
	}

	pdir, _ := built(t, PLONK)
	pb, err := Open(pdir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pb.Groth16VerifyingKey(); err == nil || !strings.Contains(err.Error(), "plonk build") {
		t.Errorf("PLONK build: got %v, want an error naming the backend", err)
	}
	fresh, err := Compile(context.Background(), filepath.Join(t.TempDir(), "build"), testmodels.TinyPlan(5), Groth16, Meta{ModelFile: "tiny.onnx"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Groth16VerifyingKey(); err == nil || !strings.Contains(err.Error(), "zkml setup") {
		t.Errorf("build without keys: got %v, want advice to run zkml setup", err)
	}
}

// TestPlonkVerifyingKey checks the PLONK accessor the same way: the key of
// the tiny model, a copy, and errors for Groth16 and for a build without keys.
func TestPlonkVerifyingKey(t *testing.T) {
	dir, _ := built(t, PLONK)
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	vk, err := b.PlonkVerifyingKey()
	if err != nil {
		t.Fatal(err)
	}
	if n := b.Settings().Circuit.PublicInputs; int(vk.NbPublicVariables) != n || len(vk.Qcp) != len(vk.CommitmentConstraintIndexes) {
		t.Fatalf("key with %d public variables, %d Qcp, %d commitment indexes; want %d public variables", vk.NbPublicVariables, len(vk.Qcp), len(vk.CommitmentConstraintIndexes), n)
	}
	vk.NbPublicVariables++
	vk.Ql = vk.Qr
	again, err := b.PlonkVerifyingKey()
	if err != nil {
		t.Fatal(err)
	}
	if again.NbPublicVariables == vk.NbPublicVariables || again.Ql.Equal(&again.Qr) {
		t.Error("changing the returned key changed the build's")
	}

	gdir, _ := built(t, Groth16)
	gb, err := Open(gdir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gb.PlonkVerifyingKey(); err == nil || !strings.Contains(err.Error(), "groth16 build") {
		t.Errorf("Groth16 build: got %v, want an error naming the backend", err)
	}
	fresh, err := Compile(context.Background(), filepath.Join(t.TempDir(), "build"), testmodels.TinyPlan(5), PLONK, Meta{ModelFile: "tiny.onnx"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.PlonkVerifyingKey(); err == nil || !strings.Contains(err.Error(), "zkml setup") {
		t.Errorf("build without keys: got %v, want advice to run zkml setup", err)
	}
}
