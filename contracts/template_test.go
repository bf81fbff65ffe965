package contracts

import (
	"testing"

	"github.com/zkml/zkml/prover"
)

// TestTemplates: each backend's row says what gnark's exported verifier is.
func TestTemplates(t *testing.T) {
	for _, tt := range []struct {
		backend  prover.Backend
		contract string
		function string
		tooLarge bool // at 281 public inputs
	}{
		{prover.Groth16, "Verifier", "verifyProof(bytes,uint256[3])", true},
		{prover.PLONK, "PlonkVerifier", "Verify(bytes,uint256[])", false},
	} {
		v := &Verifier{Backend: tt.backend, PublicInputs: 3}
		if got := templateOf(tt.backend).contract; got != tt.contract {
			t.Errorf("%s: contract %q, want %q", tt.backend, got, tt.contract)
		}
		if got := v.Function(); got != tt.function {
			t.Errorf("%s: function %q, want %q", tt.backend, got, tt.function)
		}
		if SpecializedTooLarge(tt.backend, 280) || SpecializedTooLarge(tt.backend, 281) != tt.tooLarge {
			t.Errorf("%s: SpecializedTooLarge wrong around 280 inputs", tt.backend)
		}
	}
	if got := (&Verifier{Backend: "stark"}).Function(); got != "" {
		t.Errorf("unknown backend: function %q", got)
	}
}
