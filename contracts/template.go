package contracts

import (
	"context"
	"fmt"
	"strings"

	"github.com/zkml/zkml/prover"
)

// A template is what contracts needs to know of the Solidity verifier gnark
// exports for one backend ([prover.Build.ExportSolidity]) and of the
// backend's place in zkml's own contracts: one row per backend, instead of
// backend comparisons wherever they differ.
type template struct {
	contract string // the contract's name in the exported source
	// function is the signature of the verifying function, %d standing
	// for the number of public inputs (Groth16's uint256[n]).
	function string
	// dynamicInputs: the public inputs are a uint256[] (PLONK), not a
	// uint256[n] written inline (Groth16).
	dynamicInputs bool
	// returnsBool: the function returns false for a proof that does not
	// verify (PLONK); otherwise it reverts, and returns nothing when the
	// proof verifies (Groth16).
	returnsBool bool
	// maxInputs is the number of public inputs beyond which the verifier
	// is sure to exceed MaxCodeSize; 0 when it always fits. gnark's Groth16
	// verifier unrolls one ecMul per input: about 6.6 kB plus 71 bytes per
	// input (24,263 bytes at 250 inputs, 26,397 at 280 with solc 0.8.37).
	// PLONK verifiers loop over their inputs.
	maxInputs int
	// registryCode is the backend in ModelID and in the registry.
	registryCode uint8
	// deployGeneric deploys zkml's generic verifier of the backend.
	deployGeneric func(context.Context, *Chain, *prover.Build) (*Receipt, error)
}

var templates = map[prover.Backend]*template{
	prover.Groth16: {
		contract:      "Verifier",
		function:      "verifyProof(bytes,uint256[%d])",
		maxInputs:     280,
		registryCode:  0,
		deployGeneric: DeployGenericVerifier,
	},
	prover.PLONK: {
		contract:      "PlonkVerifier",
		function:      "Verify(bytes,uint256[])",
		dynamicInputs: true,
		returnsBool:   true,
		registryCode:  1,
		deployGeneric: DeployGenericPlonkVerifier,
	},
}

// templateOf returns the row of backend: an empty one for a backend that
// prover does not know, which no build or proof has.
func templateOf(backend prover.Backend) *template {
	if t, ok := templates[backend]; ok {
		return t
	}
	return &template{}
}

// signature is the verifying function's signature for n public inputs.
func (t *template) signature(n int) string {
	if !strings.Contains(t.function, "%d") {
		return t.function
	}
	return fmt.Sprintf(t.function, n)
}

// DeployGeneric deploys zkml's generic verifier of b's backend with b's
// verifying key: [DeployGenericVerifier] for Groth16,
// [DeployGenericPlonkVerifier] for PLONK.
func DeployGeneric(ctx context.Context, c *Chain, b *prover.Build) (*Receipt, error) {
	t := templateOf(b.Backend())
	if t.deployGeneric == nil {
		return nil, fmt.Errorf("%s: no generic verifier for backend %q", b.Dir(), b.Backend())
	}
	return t.deployGeneric(ctx, c, b)
}
