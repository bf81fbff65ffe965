//go:build !icicle

package prover

import (
	"context"
	"errors"
	"testing"
)

// Without the icicle tag, auto proves on the CPU and gpu is one clear error.
func TestNoGPUBuild(t *testing.T) {
	dir, _ := built(t, Groth16)
	b, err := Open(dir, WithDevice(GPU))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Prove(context.Background(), tinyInput); !errors.Is(err, errNoGPUBuild) {
		t.Errorf("--prover gpu without the tag: %v", err)
	}
	b, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := b.Prove(context.Background(), tinyInput); err != nil || p.Device != CPU || p.Fallback != "" {
		t.Errorf("auto without the tag: %v", err)
	}
}
