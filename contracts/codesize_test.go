package contracts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
)

// manyInputs has n public inputs and, like zkml's default builds, one BSB22
// commitment: the shape of the largest specialized Groth16 verifier.
type manyInputs struct {
	Pub []frontend.Variable `gnark:",public"`
}

func (c *manyInputs) Define(api frontend.API) error {
	x, err := api.(frontend.Committer).Commit(c.Pub...)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(x, 0)
	return nil
}

// syntheticVerifier returns the specialized Groth16 verifier of a
// manyInputs circuit with n public inputs.
func syntheticVerifier(t *testing.T, n int) *Verifier {
	t.Helper()
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &manyInputs{Pub: make([]frontend.Variable, n)})
	if err != nil {
		t.Fatal(err)
	}
	_, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	var src bytes.Buffer
	if err := vk.ExportSolidity(&src); err != nil {
		t.Fatal(err)
	}
	return &Verifier{Backend: prover.Groth16, File: "Verifier.sol", Contract: "Verifier", Source: src.Bytes(), PublicInputs: n}
}

// TestVerifierCodeSizeBoundary pins the specialized Groth16 verifier's
// code-size limit (EIP-170) on both sides, with a BSB22 commitment like
// default builds: 254 public inputs fit; 256 do not, though
// SpecializedTooLarge cannot tell yet (only Compile does); from 281 on
// SpecializedTooLarge says so without compiling, and Compile agrees.
func TestVerifierCodeSizeBoundary(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles three 25 kB verifiers with solcjs; skipped with -short")
	}
	solc := needSolc(t)
	for _, tc := range []struct {
		n          int
		fits, sure bool // Compile succeeds; SpecializedTooLarge
	}{{254, true, false}, {256, false, false}, {281, false, true}} {
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			if got := SpecializedTooLarge(prover.Groth16, tc.n); got != tc.sure {
				t.Errorf("SpecializedTooLarge(Groth16, %d) = %v, want %v", tc.n, got, tc.sure)
			}
			a, err := syntheticVerifier(t, tc.n).Compile(testContext(t), solc)
			switch {
			case tc.fits && err != nil:
				t.Fatalf("%d public inputs: %v; want a verifier that fits", tc.n, err)
			case tc.fits:
				if len(a.Runtime) > MaxCodeSize {
					t.Fatalf("%d bytes of code, over %d, and no error", len(a.Runtime), MaxCodeSize)
				}
				t.Logf("%d public inputs: %d bytes of code", tc.n, len(a.Runtime))
			case !errors.Is(err, ErrVerifierTooLarge):
				t.Fatalf("%d public inputs: err = %v, want ErrVerifierTooLarge", tc.n, err)
			}
		})
	}
	if !SpecializedTooLarge(prover.Groth16, 1000) || SpecializedTooLarge(prover.PLONK, 1000) {
		t.Error("SpecializedTooLarge: Groth16 with 1000 public inputs is too large, PLONK never is")
	}
}

// TestVerifierCodeSizeSharedModels checks that every shared model, with
// Groth16 and its outputs packed as `zkml compile` packs them by default,
// gets a verifier that can be deployed (EIP-170): the specialized one when
// it fits (gnark's template unrolls the public inputs, so it grows with the
// number of outputs), else the generic one, which takes up to 2,048 public
// inputs. For the model with the most public inputs both are checked on a
// synthetic key of its shape with a commitment covering every input (the
// largest data): the specialized verifier's compile, and the generic
// verifier's deployment and verification of a proof on the simulated
// chain.
func TestVerifierCodeSizeSharedModels(t *testing.T) {
	dir := testmodels.Dir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	most, name := 0, ""
	for _, e := range entries {
		path := filepath.Join(dir, e.Name(), "network.onnx")
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		g, err := onnx.Parse(data, path, nil)
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		pl := &plan.Plan{Config: plan.DefaultConfig()}
		for _, o := range g.Outputs {
			pl.Outputs = append(pl.Outputs, len(pl.Tensors))
			pl.Tensors = append(pl.Tensors, plan.Tensor{Name: o.Name, Shape: o.Shape})
		}
		n := 0
		for _, t := range pl.Tensors {
			n += t.Size()
		}
		w := circuits.DefaultPacking(pl).Words(n)
		if w > maxGenericInputs {
			t.Errorf("%s: %d public inputs, more than the generic verifier's %d: no verifier can be deployed", e.Name(), w, maxGenericInputs)
		}
		if w > most {
			most, name = w, e.Name()
		}
	}
	if most == 0 {
		t.Fatalf("no model in %s", dir)
	}

	specialized := false
	if solc := optionalSolc(t); solc != nil {
		a, err := syntheticVerifier(t, most).Compile(testContext(t), solc)
		switch {
		case err == nil:
			specialized = true
			t.Logf("largest specialized Groth16 verifier: %s, %d public inputs, %d bytes of code (limit %d)", name, most, len(a.Runtime), MaxCodeSize)
			if SpecializedTooLarge(prover.Groth16, most) {
				t.Errorf("SpecializedTooLarge(%d) but the verifier fits", most)
			}
		case errors.Is(err, ErrVerifierTooLarge):
			// TestVerifierCodeSizeBoundary: 254 public inputs fit.
			if most <= 254 {
				t.Errorf("%s (%d public inputs): %v; 254 fit", name, most, err)
			}
		default:
			t.Fatal(err)
		}
	}
	if !specialized {
		chain := NewSimulated()
		defer chain.Close()
		dep, gas := deploySyntheticVerifier(t, testContext(t), chain, most, true)
		t.Logf("largest generic Groth16 verifier: %s, %d public inputs: deploy %d gas, verification %d gas", name, most, dep.GasUsed, gas)
	}
}

// TestGenericVerifierDoodles deploys the generic verifier of the shared
// model with the most outputs (doodles: 4,096 outputs, 586 packed public
// inputs, whose specialized verifier is over the code limit), with its real
// keys, and checks a proof of its first reference case on the simulated
// chain, and a tampered output rejected.
func TestGenericVerifierDoodles(t *testing.T) {
	if testing.Short() {
		t.Skip("Groth16 setup of a 25k-constraint model")
	}
	ctx := testContext(t)
	b, ref := buildModel(t, "doodles", variants[0])
	n := b.Settings().Circuit.PublicInputs
	if !SpecializedTooLarge(prover.Groth16, n) {
		t.Errorf("doodles has %d public inputs, but SpecializedTooLarge says its specialized verifier may fit", n)
	}
	p, err := b.Prove(context.Background(), ref.Cases[0].Inputs)
	if err != nil {
		t.Fatal(err)
	}
	chain := NewSimulated()
	defer chain.Close()
	dep, err := DeployGenericVerifier(ctx, chain, b)
	if err != nil {
		t.Fatal(err)
	}
	res, err := VerifyOnChain(ctx, chain, dep.Contract, b, p, true)
	if err != nil {
		t.Fatalf("valid proof: %v", err)
	}
	t.Logf("generic verifier, doodles: %d public inputs, deploy %d gas (all transactions), verification %d gas", n, dep.GasUsed, res.Gas)
	edited := *p
	edited.PublicInputs = slices.Clone(p.PublicInputs)
	last := len(edited.PublicInputs) - 1
	edited.PublicInputs[last] = new(big.Int).Add(edited.PublicInputs[last], big.NewInt(1))
	expectRejected(t, "tampered output", ctx, chain, dep.Contract, b, &edited)
}
