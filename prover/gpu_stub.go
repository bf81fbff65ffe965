//go:build !icicle

package prover

import (
	"github.com/consensys/gnark/backend"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
)

// Without the icicle tag there is no GPU prover: Auto proves on the CPU,
// GPU is refused with errNoGPUBuild.

func gpuAvailable() error { return errNoGPUBuild }

func icicleKey(*groth16_bn254.ProvingKey, bool) (any, error) { return nil, errNoGPUBuild }

func icicleProve(constraint.ConstraintSystem, any, witness.Witness, ...backend.ProverOption) (gnarkProof, error) {
	return nil, errNoGPUBuild
}
