package contracts

import (
	"errors"
	"strings"
	"testing"
)

func TestDeployForBuild(t *testing.T) {
	ctx := testContext(t)
	b, proofs := tinyBuild(t, variants[0], 5)
	chain := NewSimulated()
	defer chain.Close()
	if !chain.Embedded() {
		t.Error("NewSimulated's chain is not Embedded")
	}
	deploy := func(choice VerifierChoice) (*Deployment, []string, error) {
		var stages []string
		d, err := DeployForBuild(ctx, chain, b, DeployOptions{Verifier: choice, Progress: func(s string) { stages = append(stages, s) }})
		if err == nil {
			if _, err := VerifyOnChain(ctx, chain, d.Contract, b, proofs[0], false); err != nil {
				t.Errorf("the deployed verifier (%+v): %v", d, err)
			}
		}
		return d, stages, err
	}
	d, stages, err := deploy(GenericVerifier)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Generic || d.Fallback != "" || d.CodeBytes == 0 || len(stages) != 1 {
		t.Errorf("GenericVerifier: %+v, stages %q; want the generic verifier, asked for", d, stages)
	}
	if _, err := FindSolc(); err == nil {
		d, stages, err := deploy(AnyVerifier)
		if err != nil {
			t.Fatal(err)
		}
		if d.Generic || d.Fallback != "" || len(stages) != 2 || !strings.Contains(stages[0], "solc") {
			t.Errorf("AnyVerifier with solc: %+v, stages %q; want the specialized verifier", d, stages)
		}
	}

	// Without solc, the default falls back and says why; insisting fails.
	t.Setenv("ZKML_SOLCJS", "")
	t.Setenv("PATH", t.TempDir()) // no solc there either
	t.Chdir(t.TempDir())
	d, _, err = deploy(AnyVerifier)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Generic || !strings.Contains(d.Fallback, "no Solidity compiler") {
		t.Errorf("AnyVerifier without solc: %+v, want the generic verifier with the reason", d)
	}
	if _, _, err := deploy(SpecializedVerifier); !errors.Is(err, ErrNoSolc) {
		t.Errorf("SpecializedVerifier without solc: %v, want ErrNoSolc", err)
	}
}
