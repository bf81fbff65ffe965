package contracts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/quantize"
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

// TestVerifierCodeSizeSharedModels checks the code limit (EIP-170) for
// every shared model: the specialized Groth16 verifier grows with the
// number of public inputs (gnark's template unrolls them), so the model
// with the most outputs, packed as `zkml compile` packs them by default,
// must still give a verifier that can be deployed. Its verifier is built
// from a synthetic key of the same shape rather than from a setup of the
// model itself.
func TestVerifierCodeSizeSharedModels(t *testing.T) {
	solc := needSolc(t)
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
		plan := &quantize.Plan{Config: quantize.DefaultConfig()}
		for _, o := range g.Outputs {
			plan.Outputs = append(plan.Outputs, len(plan.Tensors))
			plan.Tensors = append(plan.Tensors, quantize.Tensor{Name: o.Name, Shape: o.Shape})
		}
		n := 0
		for _, t := range plan.Tensors {
			n += t.Size()
		}
		if w := circuits.DefaultPacking(plan).Words(n); w > most {
			most, name = w, e.Name()
		}
	}
	if most == 0 {
		t.Fatalf("no model in %s", dir)
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &manyInputs{Pub: make([]frontend.Variable, most)})
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
	v := &Verifier{File: "Verifier.sol", Contract: "Verifier", Source: src.Bytes(), PublicInputs: most}
	a, err := v.Compile(testContext(t), solc) // fails over the limit
	if err != nil {
		t.Fatalf("%s (%d public inputs): %v", name, most, err)
	}
	t.Logf("largest specialized Groth16 verifier: %s, %d public inputs, %d bytes of code (limit %d)", name, most, len(a.Runtime), MaxCodeSize)
}
