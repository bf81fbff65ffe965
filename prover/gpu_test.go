package prover

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
)

// fakeGPU is Groth16 with a GPU prover that the test scripts: it runs the
// fallback logic of every build, with or without the icicle tag.
type fakeGPU struct {
	groth16Scheme
	unavailable error
	proveFn     func(ccs constraint.ConstraintSystem, w witness.Witness) (gnarkProof, error)
}

func (f fakeGPU) available() error                   { return f.unavailable }
func (fakeGPU) gpuKey(provingKey, bool) (any, error) { return "gpu key", nil }
func (f fakeGPU) proveGPU(ccs constraint.ConstraintSystem, key any, w witness.Witness) (gnarkProof, error) {
	if key != "gpu key" {
		panic("proveGPU got the wrong key")
	}
	return f.proveFn(ccs, w)
}

func TestParseDevice(t *testing.T) {
	for in, want := range map[string]Device{"auto": Auto, "CPU": CPU, "Gpu": GPU} {
		if got, err := ParseDevice(in); err != nil || got != want {
			t.Errorf("ParseDevice(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseDevice("tpu"); err == nil || !strings.Contains(err.Error(), `unknown prover "tpu": expected auto, cpu or gpu`) {
		t.Errorf("ParseDevice(tpu): %v", err)
	}
}

// TestGPUFallback: a GPU proof is returned only when the native verifier
// accepts it; a device error, a panic or a wrong proof makes Prove prove on
// the CPU and say why.
func TestGPUFallback(t *testing.T) {
	dir, fixtureProof := built(t, Groth16)
	input := [][]float64{{1, 2, -3, 0.25}} // not tinyInput: fixtureProof is wrong for it
	wrongProof := func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) {
		p := groth16Scheme{}.newProof()
		_, err := p.ReadFrom(bytes.NewReader(fixtureProof.Bytes))
		return p, err
	}
	for _, tc := range []struct {
		name     string
		prove    func(*Build) func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error)
		device   Device
		fallback string
	}{
		{"valid", func(b *Build) func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) {
			return func(ccs constraint.ConstraintSystem, w witness.Witness) (gnarkProof, error) {
				pk, err := b.provingKey()
				if err != nil {
					return nil, err
				}
				return groth16Scheme{}.prove(ccs, pk, w)
			}
		}, GPU, ""},
		{"device error", func(*Build) func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) {
			return func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) {
				return nil, errors.New("cudaErrorIllegalAddress")
			}
		}, CPU, "the GPU prover failed (cudaErrorIllegalAddress); proved on the CPU instead"},
		{"panic", func(*Build) func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) {
			return func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) { panic("msm: out of memory") }
		}, CPU, "the GPU prover failed (gnark panicked: msm: out of memory); proved on the CPU instead"},
		{"wrong proof", func(*Build) func(constraint.ConstraintSystem, witness.Witness) (gnarkProof, error) {
			return wrongProof
		}, CPU, "the GPU prover failed (its proof does not verify"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stages []string
			b, err := Open(dir, WithDevice(GPU), WithProgress(func(s string) { stages = append(stages, s) }))
			if err != nil {
				t.Fatal(err)
			}
			b.scheme = fakeGPU{proveFn: tc.prove(b)}
			p, err := b.Prove(context.Background(), input)
			if err != nil {
				t.Fatal(err)
			}
			if p.Device != tc.device || !strings.HasPrefix(p.Fallback, tc.fallback) || (tc.fallback == "") != (p.Fallback == "") {
				t.Errorf("proved on %q, fallback %q; want %q, %q", p.Device, p.Fallback, tc.device, tc.fallback)
			}
			if tc.fallback != "" && !strings.Contains(strings.Join(stages, "\n"), tc.fallback) {
				t.Errorf("progress %q does not report the fallback", stages)
			}
			if err := Verify(b, p); err != nil {
				t.Errorf("the returned proof does not verify: %v", err)
			}
		})
	}
}

func TestGPUUnavailable(t *testing.T) {
	dir, _ := built(t, Groth16)
	noGPU := fakeGPU{unavailable: errors.New("ICICLE's CUDA backend finds no device")}
	for _, tc := range []struct {
		device Device
		err    string // empty: proves on the CPU
	}{
		{Auto, ""},
		{"", ""},
		{CPU, ""},
		{GPU, "--prover gpu: ICICLE's CUDA backend finds no device"},
		{"tpu", `unknown prover "tpu"`},
	} {
		b, err := Open(dir, WithDevice(tc.device))
		if err != nil {
			t.Fatal(err)
		}
		b.scheme = noGPU
		p, err := b.Prove(context.Background(), tinyInput)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.device, err)
		case tc.err == "" && (p.Device != CPU || p.Fallback != ""):
			t.Errorf("%q: proved on %q, fallback %q; want the CPU, silently", tc.device, p.Device, p.Fallback)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: got error %v, want %q", tc.device, err, tc.err)
		}
	}
}

func TestGPUPlonk(t *testing.T) {
	dir, _ := built(t, PLONK)
	b, err := Open(dir, WithDevice(GPU))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Prove(context.Background(), tinyInput); err == nil || !strings.Contains(err.Error(), "makes Groth16 proofs only") {
		t.Errorf("GPU prove of a PLONK build: %v", err)
	}
	b, err = Open(dir, WithDevice(Auto))
	if err != nil {
		t.Fatal(err)
	}
	if p, err := b.Prove(context.Background(), tinyInput); err != nil || p.Device != CPU {
		t.Errorf("auto prove of a PLONK build: %v", err)
	}
}
