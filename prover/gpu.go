package prover

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
)

// Device is the hardware that makes a build's proofs.
type Device string

const (
	// Auto proves on a GPU when the binary has one (see [GPU]) and a CUDA
	// device answers, and on the CPU otherwise. It is the default.
	Auto Device = "auto"
	// CPU proves with gnark's pure-Go prover, on all cores.
	CPU Device = "cpu"
	// GPU proves Groth16 on an NVIDIA GPU through ICICLE, in binaries
	// built with the icicle tag (make build-icicle; see the README); other
	// binaries refuse it with an error. Witness solving stays on the CPU.
	// Prove checks every GPU proof with the native verifier; a device
	// error, a panic or a proof that fails the check makes it prove again
	// on the CPU and say why in [Proof.Fallback].
	GPU Device = "gpu"
)

// ParseDevice returns the Device named s ("auto", "cpu" or "gpu", in any
// case).
func ParseDevice(s string) (Device, error) {
	switch d := Device(strings.ToLower(s)); d {
	case Auto, CPU, GPU:
		return d, nil
	}
	return "", fmt.Errorf("unknown prover %q: expected %s, %s or %s", s, Auto, CPU, GPU)
}

// WithDevice makes Prove use device d (see [Device]).
func WithDevice(d Device) Option {
	return func(o *options) { o.device = d }
}

// WithPinKeysToGPU keeps the proving key in GPU memory between the proofs
// of a Build instead of copying it for each, for long-running provers: the
// key stays there until the process exits.
func WithPinKeysToGPU() Option {
	return func(o *options) { o.pinKeys = true }
}

// gpuScheme is a scheme whose proofs a GPU can make: Groth16's.
type gpuScheme interface {
	// available is nil when a GPU answers, else says why none does.
	available() error
	// gpuKey is pk in the form the GPU prover takes; pin keeps it in GPU
	// memory between proofs.
	gpuKey(pk provingKey, pin bool) (any, error)
	proveGPU(ccs constraint.ConstraintSystem, key any, w witness.Witness) (gnarkProof, error)
}

// errNoGPUBuild is the answer of binaries built without the icicle tag.
var errNoGPUBuild = errors.New("this binary has no GPU prover: build it with the icicle tag (make build-icicle, see the README), or prove with --prover cpu or auto")

// useGPU says whether Prove tries the GPU, or why it must not prove at all.
func (b *Build) useGPU() (bool, error) {
	gs, ok := b.scheme.(gpuScheme)
	switch b.device {
	case CPU:
		return false, nil
	case "", Auto:
		return ok && gs.available() == nil, nil
	case GPU:
		if !ok {
			return false, fmt.Errorf("the GPU prover makes Groth16 proofs only and %s is a %s build: prove with --prover cpu or auto", dirName(b.dir), b.settings.Backend)
		}
		if err := gs.available(); err != nil {
			return false, fmt.Errorf("--prover gpu: %w", err)
		}
		return true, nil
	}
	return false, fmt.Errorf("unknown prover %q: expected %s, %s or %s", b.device, Auto, CPU, GPU)
}

// proveOn proves w on the device the build was opened with. fallback is
// empty unless a GPU prove failed and the CPU prover took over; it then
// says why.
func (b *Build) proveOn(ctx context.Context, ccs constraint.ConstraintSystem, pk provingKey, w witness.Witness) (proof gnarkProof, on Device, fallback string, err error) {
	cpu := func() (gnarkProof, error) {
		return runGnark(ctx, b.gnarkLog, func() (gnarkProof, error) { return b.scheme.prove(ccs, pk, w) })
	}
	gpu, err := b.useGPU()
	if err != nil {
		return nil, "", "", err
	}
	if !gpu {
		proof, err = cpu()
		return proof, CPU, "", err
	}
	proof, err = runGnark(ctx, b.gnarkLog, func() (gnarkProof, error) { return b.proveGPU(ccs, pk, w) })
	if err == nil {
		return proof, GPU, "", nil
	}
	if ctx.Err() != nil {
		return nil, "", "", err
	}
	fallback = fmt.Sprintf("the GPU prover failed (%v); proved on the CPU instead", err)
	b.report(fallback)
	proof, err = cpu()
	return proof, CPU, fallback, err
}

// proveGPU proves on the GPU and checks the proof with the native verifier:
// ICICLE's CUDA code has had reports of invalid proofs.
func (b *Build) proveGPU(ccs constraint.ConstraintSystem, pk provingKey, w witness.Witness) (gnarkProof, error) {
	gs := b.scheme.(gpuScheme)
	b.mu.Lock()
	if b.gpuKey == nil {
		k, err := gs.gpuKey(pk, b.pinKeys)
		if err != nil {
			b.mu.Unlock()
			return nil, fmt.Errorf("load the proving key for the GPU: %w", err)
		}
		b.gpuKey = k
	}
	key := b.gpuKey
	b.mu.Unlock()
	proof, err := gs.proveGPU(ccs, key, w)
	if err != nil {
		return nil, err
	}
	vk, err := b.verifyingKey()
	if err != nil {
		return nil, err
	}
	public, err := w.Public()
	if err != nil {
		return nil, err
	}
	if err := b.scheme.verify(proof, vk, public); err != nil {
		return nil, fmt.Errorf("its proof does not verify: %w", err)
	}
	return proof, nil
}
