//go:build icicle

package prover

import (
	"context"
	"strings"
	"testing"

	"github.com/consensys/gnark/backend/accelerated/icicle"
)

// TestICICLEProver runs the GPU prover's code path (gnark's ICICLE
// prover: the H polynomial NTTs, the MSMs, the commitment MSMs) on
// ICICLE's CPU backend, the device every machine has, and checks that its
// proofs verify natively, with the proving key copied per proof and pinned
// on the device.
func TestICICLEProver(t *testing.T) {
	// A host build has no CUDA backend: the error says where to put one.
	icicleDevice = icicle.CUDA
	if err := initIcicle(); err == nil || !strings.Contains(err.Error(), "CUDA") {
		t.Fatalf("ICICLE without a CUDA backend: %v", err)
	}
	icicleDevice = icicle.CPU
	// gnark's default MSM window (16 bits) suits a GPU; on ICICLE's CPU
	// backend the G2 MSM then spends minutes on empty buckets.
	t.Setenv("ICICLE_MSM_MAX_WINDOW", "8")
	if err := gpuAvailable(); err != nil {
		t.Fatal(err)
	}
	dir, _ := built(t, Groth16)
	for _, pin := range []bool{false, true} {
		opts := []Option{WithDevice(GPU)}
		inputs := [][][]float64{tinyInput}
		if pin {
			// The second proof finds the key on the device.
			opts = append(opts, WithPinKeysToGPU())
			inputs = append(inputs, [][]float64{{1, 2, -3, 0.25}})
		}
		b, err := Open(dir, opts...)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range inputs {
			p, err := b.Prove(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Device != GPU || p.Fallback != "" {
				t.Fatalf("pin=%v: proved on %q, fallback %q", pin, p.Device, p.Fallback)
			}
			if err := Verify(b, p); err != nil {
				t.Fatalf("pin=%v: %v", pin, err)
			}
		}
	}
}
