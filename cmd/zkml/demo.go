package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/zkml/zkml/internal/fixtures"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
)

type demoResult struct {
	Dir     string         `json:"dir"`
	Compile *compileResult `json:"compile"`
	Setup   *setupResult   `json:"setup"`
	Prove   *proveResult   `json:"prove"`
	Verify  *verifyResult  `json:"verify"`
}

// runDemo writes the built-in demo model and its sample input to dir, then
// runs compile, setup, prove and verify on it exactly as the commands do.
func runDemo(ctx context.Context, dir string, backend prover.Backend, p *progress) (*demoResult, error) {
	m := fixtures.Demo()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	model, input := filepath.Join(dir, "model.onnx"), filepath.Join(dir, "input.json")
	if err := os.WriteFile(model, m.ONNX, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(input, m.Input, 0o644); err != nil {
		return nil, err
	}
	build, proof := filepath.Join(dir, "build"), filepath.Join(dir, "proof.json")
	res := &demoResult{Dir: dir}
	var err error
	if res.Compile, err = compileModel(ctx, model, build, []string{input}, backend, plan.DefaultConfig(), nil, nil, p); err != nil {
		return nil, err
	}
	if res.Setup, err = setupBuild(build, prover.SetupOptions{}, p); err != nil {
		return nil, err
	}
	if res.Prove, err = proveInput(build, input, proof, p); err != nil {
		return nil, err
	}
	if res.Verify, err = verifyProof(build, proof, p); err != nil {
		return nil, err
	}
	return res, nil
}

func (r *demoResult) print(w io.Writer) {
	fmt.Fprintln(w, "== compile")
	r.Compile.print(w)
	fmt.Fprintln(w, "== setup")
	r.Setup.print(w)
	fmt.Fprintln(w, "== prove")
	r.Prove.print(w)
	fmt.Fprintln(w, "== verify")
	r.Verify.print(w)
	d := r.Dir
	fmt.Fprintf(w, `
The same steps by hand:
  zkml inspect %[1]s/model.onnx
  zkml compile %[1]s/model.onnx --out %[1]s/build --calibration %[1]s/input.json
  zkml setup %[1]s/build
  zkml prove %[1]s/build --input %[1]s/input.json --out %[1]s/proof.json
  zkml verify %[1]s/build %[1]s/proof.json
`, d)
}
