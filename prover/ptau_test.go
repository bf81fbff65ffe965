package prover

import (
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/zkml/zkml/internal/testenv"
)

// sharedPTau is the power-10 .ptau made by snarkjs (../shared/ptau/README.md).
func sharedPTau(t testing.TB) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "ptau", "pot10_snarkjs.ptau")
	if _, err := os.Stat(p); err != nil {
		testenv.MissingShared(t, "the shared .ptau fixture", err)
	}
	return p
}

// snarkjsPTau makes a raw (not prepared) .ptau of the given power and curve
// with snarkjs (`make tools`), once per argument set; it skips without it.
var snarkjsFiles sync.Map

func snarkjsPTau(t testing.TB, curve string, power int, entropy string) string {
	t.Helper()
	bin, err := filepath.Abs(filepath.Join("..", ".tools", "node_modules", ".bin", "snarkjs"))
	if err == nil {
		_, err = os.Stat(bin)
	}
	if err != nil {
		testenv.MissingTool(t, "snarkjs", err)
	}
	key := curve + "/" + string(rune('0'+power)) + "/" + entropy
	type result struct {
		once sync.Once
		path string
		err  error
		out  []byte
	}
	v, _ := snarkjsFiles.LoadOrStore(key, &result{})
	r := v.(*result)
	r.once.Do(func() {
		dir, err := os.MkdirTemp(fixtureRoot, "ptau")
		if err != nil {
			r.err = err
			return
		}
		p0, p1 := filepath.Join(dir, "p0.ptau"), filepath.Join(dir, "p1.ptau")
		if r.out, r.err = exec.Command(bin, "powersoftau", "new", curve, string(rune('0'+power)), p0).CombinedOutput(); r.err != nil {
			return
		}
		r.out, r.err = exec.Command(bin, "powersoftau", "contribute", p0, p1, "--name=test", "-e="+entropy).CombinedOutput()
		r.path = p1
	})
	if r.err != nil {
		t.Fatalf("snarkjs: %v\n%s", r.err, r.out)
	}
	return r.path
}

func quiet(string) {}

func TestReadPTau(t *testing.T) {
	path := sharedPTau(t)
	p, err := readPTau(path, ptauNeed{tauG1: 63, tauG2: 32, alphaBeta: 32, domain: 32}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	if p.Info.Power != 10 || p.Info.Contributions != 1 || len(p.Info.SHA256) != 64 || len(p.TauG1) != 63 || len(p.TauG2) != 32 {
		t.Errorf("info %+v, %d G1, %d G2 points", p.Info, len(p.TauG1), len(p.TauG2))
	}
	// The whole file is hashed, not just the powers read.
	q, err := readPTau(path, ptauNeed{tauG1: 2, tauG2: 2, domain: 1}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	if q.Info.SHA256 != p.Info.SHA256 || q.Info.TauG2 != p.Info.TauG2 {
		t.Error("the file's identity depends on how much of it was read")
	}
}

// TestReadPTauRaw reads a file before `prepare phase2`, as snarkjs's
// `powersoftau contribute` writes it.
func TestReadPTauRaw(t *testing.T) {
	path := snarkjsPTau(t, "bn128", 4, "raw test entropy")
	p, err := readPTau(path, ptauNeed{tauG1: 31, tauG2: 16, alphaBeta: 16, domain: 16}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	if p.Info.Power != 4 {
		t.Errorf("power %d", p.Info.Power)
	}
}

// ptauSection returns the offset of section typ's data in a .ptau file.
func ptauSection(t *testing.T, data []byte, typ uint32) int {
	t.Helper()
	off := 12
	for off < len(data) {
		ty, size := binary.LittleEndian.Uint32(data[off:]), binary.LittleEndian.Uint64(data[off+4:])
		if ty == typ {
			return off + 12
		}
		off += 12 + int(size)
	}
	t.Fatalf("no section %d", typ)
	return 0
}

// g1Bytes encodes p as a .ptau does: x, y little-endian in Montgomery form.
func g1Bytes(p *bn254.G1Affine) []byte {
	b := make([]byte, 64)
	for i := range 4 {
		binary.LittleEndian.PutUint64(b[8*i:], p.X[i])
		binary.LittleEndian.PutUint64(b[32+8*i:], p.Y[i])
	}
	return b
}

func TestReadPTauRejects(t *testing.T) {
	path := sharedPTau(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	need := ptauNeed{tauG1: 63, tauG2: 32, alphaBeta: 32, domain: 32}
	variant := func(name string, edit func(b []byte) []byte) string {
		b := edit(append([]byte(nil), data...))
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tauG1 := ptauSection(t, data, ptauTauG1)
	alpha := ptauSection(t, data, ptauAlphaTauG1)
	tauG2 := ptauSection(t, data, ptauTauG2)

	// One point replaced by another point of the curve: only the
	// consistency check can tell.
	swap := func(off, i int) func([]byte) []byte {
		return func(b []byte) []byte {
			pts, err := decodeG1s(b[off:off+64*(i+1)], "")
			if err != nil {
				t.Fatal(err)
			}
			var d bn254.G1Affine
			d.Double(&pts[i])
			copy(b[off+64*i:], g1Bytes(&d))
			return b
		}
	}
	for _, tt := range []struct {
		name string
		edit func([]byte) []byte
		need ptauNeed
		want string
	}{
		{"tauG1-swapped", swap(tauG1, 17), need, "consistency check failed: the tauG1 powers"},
		{"alpha-swapped", swap(alpha, 5), need, "consistency check failed: the alphaTauG1 powers"},
		{"tauG1-flipped", func(b []byte) []byte { b[tauG1+64*3+7] ^= 1; return b }, need, "tauG1 point 3 is not on the curve"},
		{"tauG2-flipped", func(b []byte) []byte { b[tauG2+128*2+100] ^= 1; return b }, need, "tauG2 point 2 is not on the curve"},
		{"truncated", func(b []byte) []byte { return b[:len(b)-1000] }, need, "truncated file"},
		{"truncated-in-tauG1", func(b []byte) []byte { return b[:tauG1+100] }, need, "truncated file"},
		{"wrong-field", func(b []byte) []byte { b[12+12+4] ^= 1; return b }, need, "wrong curve"},
		{"not-ptau", func(b []byte) []byte { return []byte("{}") }, need, "not a snarkjs powers-of-tau file"},
		{"fine", func(b []byte) []byte { return b }, ptauNeed{tauG1: 4095, tauG2: 2048, domain: 2048}, "too small for this circuit: it has power 10 (2^10 powers of tau) and the circuit needs power 11"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readPTau(variant(tt.name, tt.edit), tt.need, quiet)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.name) {
				t.Errorf("the error does not name the file: %v", err)
			}
		})
	}

	t.Run("bls12-381", func(t *testing.T) {
		_, err := readPTau(snarkjsPTau(t, "bls12-381", 2, "bls"), need, quiet)
		if err == nil || !strings.Contains(err.Error(), "wrong curve: the file's base field has 48-byte elements") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestPLONKSetupFromPTau(t *testing.T) {
	path := sharedPTau(t)
	dir, _ := built(t, PLONK)
	b, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := b.Setup(ctx, SetupOptions{PTauPath: path}); err != nil {
		t.Fatal(err)
	}
	s := b.Settings().Setup
	if b.SetupKind() != SetupPTau || s.Insecure || s.Warning != "" || s.PTau == nil || s.PTau.Power != 10 || s.SRS.TauG2 != s.PTau.TauG2 {
		t.Errorf("setup info %+v, ptau %+v", s, s.PTau)
	}
	p, err := b.Prove(ctx, tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}

	// The same proof against keys from another .ptau.
	other, err := Open(copyBuild(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Setup(ctx, SetupOptions{PTauPath: snarkjsPTau(t, "bn128", 9, "another ceremony")}); err != nil {
		t.Fatal(err)
	}
	if err := Verify(other, p); err == nil || !strings.Contains(err.Error(), "the proof is invalid") {
		t.Fatalf("a proof against the keys of another .ptau: %v", err)
	}
}
