//go:build icicle

package main

import (
	"bytes"
	"os"
	"strings"

	"github.com/consensys/gnark/backend/accelerated/icicle"
	icicle_bn254 "github.com/consensys/gnark/backend/accelerated/icicle/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
	icicle_runtime "github.com/ingonyama-zk/icicle-gnark/v3/wrappers/golang/runtime"
)

func init() {
	gpuBuilt = true
	gpuProver = icicleProver
}

// icicleProver is what the prover package does for a GPU proof, on a
// circuit that has no plan: the native key reloaded into ICICLE's, pinned.
func icicleProver(ccs constraint.ConstraintSystem, pk *groth16_bn254.ProvingKey) (func(witness.Witness) (groth16.Proof, error), error) {
	device := icicle.CUDA
	if strings.EqualFold(os.Getenv("ZKML_ICICLE_DEVICE"), "cpu") {
		device = icicle.CPU
		if os.Getenv("ICICLE_MSM_MAX_WINDOW") == "" { // see prover/gpu_icicle.go
			os.Setenv("ICICLE_MSM_MAX_WINDOW", "8")
		}
	}
	icicle_runtime.LoadBackendFromEnvOrDefault()
	var buf bytes.Buffer
	if _, err := pk.WriteRawTo(&buf); err != nil {
		return nil, err
	}
	k := &icicle_bn254.ProvingKey{}
	if _, err := k.UnsafeReadFrom(&buf); err != nil {
		return nil, err
	}
	cfg, err := icicle.NewConfig(icicle.WithBackend(device), icicle.WithPinKeysToGPU(true))
	if err != nil {
		return nil, err
	}
	r := ccs.(*cs_bn254.R1CS)
	return func(w witness.Witness) (groth16.Proof, error) {
		return icicle_bn254.Prove(r, k, w, cfg)
	}, nil
}
