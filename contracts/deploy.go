package contracts

import (
	"context"
	"errors"
	"fmt"

	"github.com/zkml/zkml/prover"
)

// VerifierChoice says which verifier [DeployForBuild] deploys.
type VerifierChoice int

const (
	// AnyVerifier deploys the specialized verifier, compiled with solc,
	// unless solc is not installed or the verifier is over [MaxCodeSize]:
	// then the generic one, which checks the same proofs with the same
	// calldata for 0.2 to 2% more gas.
	AnyVerifier VerifierChoice = iota
	// SpecializedVerifier deploys the specialized verifier or fails.
	SpecializedVerifier
	// GenericVerifier deploys zkml's generic verifier ([DeployGenericVerifier]
	// or [DeployGenericPlonkVerifier]): no compiler needed.
	GenericVerifier
)

// DeployOptions are the options of [DeployForBuild].
type DeployOptions struct {
	Verifier VerifierChoice
	// Progress, when set, is called as each stage starts (compiling,
	// deploying).
	Progress func(stage string)
}

// A Deployment is the verifier [DeployForBuild] deployed.
type Deployment struct {
	Receipt
	CodeBytes int  // the deployed runtime code
	Generic   bool // zkml's generic verifier, not the specialized one
	// Compiler is the solc that compiled the specialized verifier, and
	// where it was found ([Solc.String]); empty for the generic one.
	Compiler string
	// Fallback says why the generic verifier was deployed when
	// [AnyVerifier] preferred the specialized one; empty otherwise.
	Fallback string
}

// DeployForBuild deploys a verifier of b's proofs on c, the one opts
// choose. A $ZKML_SOLCJS that points nowhere is an error, not a reason to
// fall back: the user asked for that compiler.
func DeployForBuild(ctx context.Context, c *Chain, b *prover.Build, opts DeployOptions) (*Deployment, error) {
	stage := func(s string) {
		if opts.Progress != nil {
			opts.Progress(s)
		}
	}
	if opts.Verifier == GenericVerifier {
		return deployGeneric(ctx, c, b, stage, "")
	}
	n := b.Settings().Circuit.PublicInputs
	tooLarge := fmt.Sprintf("the specialized verifier of %d public inputs does not fit in a contract (EIP-170's %d bytes): deploying zkml's generic verifier instead (same proofs and calldata)", n, MaxCodeSize)
	// Decided from the number of public inputs where it is sure (gnark's
	// Groth16 template unrolls them), so that solc is not run for nothing.
	if SpecializedTooLarge(b.Backend(), n) {
		if opts.Verifier == SpecializedVerifier {
			return nil, fmt.Errorf("%s: the specialized %s verifier of %d public inputs is over the %d-byte code limit of a contract (EIP-170): the model has too many outputs; %w",
				b.Dir(), b.Backend(), n, MaxCodeSize, ErrVerifierTooLarge)
		}
		return deployGeneric(ctx, c, b, stage, tooLarge)
	}
	solc, err := FindSolc()
	if errors.Is(err, ErrNoSolc) && opts.Verifier == AnyVerifier {
		return deployGeneric(ctx, c, b, stage, "no Solidity compiler (solc "+SolcVersion+" on $PATH, or `make tools`): deploying zkml's generic verifier instead (same proofs and calldata, 0.2-2% more gas per verification)")
	}
	if err != nil {
		return nil, fmt.Errorf("deploy compiles the verifier, but: %w", err)
	}
	v, err := NewVerifier(b)
	if err != nil {
		return nil, err
	}
	stage("compiling the verifier with " + solc.String())
	art, err := v.Compile(ctx, solc)
	if errors.Is(err, ErrVerifierTooLarge) && b.Backend() == prover.Groth16 && opts.Verifier == AnyVerifier {
		return deployGeneric(ctx, c, b, stage, tooLarge)
	}
	if err != nil {
		return nil, err
	}
	stage("deploying on " + c.String())
	r, err := c.Deploy(ctx, art.Bytecode)
	if err != nil {
		return nil, err
	}
	return &Deployment{Receipt: *r, CodeBytes: len(art.Runtime), Compiler: solc.String()}, nil
}

// deployGeneric deploys zkml's generic Groth16 or PLONK verifier with b's
// verifying key; fallback is the reason, when it replaces the specialized one.
func deployGeneric(ctx context.Context, c *Chain, b *prover.Build, stage func(string), fallback string) (*Deployment, error) {
	stage("deploying the generic verifier on " + c.String())
	deploy := DeployGenericVerifier
	if b.Backend() == prover.PLONK {
		deploy = DeployGenericPlonkVerifier // any PLONK build, commitments included
	}
	r, err := deploy(ctx, c, b)
	if err != nil {
		return nil, err
	}
	code, err := c.CodeAt(ctx, r.Contract)
	if err != nil {
		return nil, err
	}
	return &Deployment{Receipt: *r, CodeBytes: len(code), Generic: true, Fallback: fallback}, nil
}
