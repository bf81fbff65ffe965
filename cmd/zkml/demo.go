package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/zkml/zkml/contracts"
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
	// OnChain is the on-chain half, on the embedded chain.
	OnChain *demoChainResult `json:"onchain"`
}

// runDemo writes the built-in demo model and its sample input to dir, then
// runs compile, setup, prove and verify on it exactly as the commands do,
// then the on-chain steps on the embedded chain (demoOnChain).
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
	if res.Compile, err = compileModel(ctx, model, build, []string{input}, backend, plan.DefaultConfig(), nil, nil, nil, p, prover.WithAutoRangeChecks()); err != nil {
		return nil, err
	}
	if res.Setup, err = setupBuild(build, prover.SetupOptions{}, "", p); err != nil {
		return nil, err
	}
	if res.Prove, err = proveInput(build, input, proof, p); err != nil {
		return nil, err
	}
	if res.Verify, err = verifyProof(build, proof, p); err != nil {
		return nil, err
	}
	if res.OnChain, err = demoOnChain(ctx, build, proof, p); err != nil {
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
	fmt.Fprintln(w, "== on chain (embedded, gone when the demo ends)")
	r.OnChain.print(w)
	zkml, install := zkmlCommand()
	fmt.Fprintln(w, "\nThe same steps by hand:")
	if install != "" {
		fmt.Fprintf(w, "  %s\n", install)
	}
	d, backend := r.Dir, ""
	if r.Compile.Backend != prover.Groth16 {
		backend = " --backend " + string(r.Compile.Backend)
	}
	line := func(c string) { fmt.Fprintf(w, "  %s %s\n", zkml, strings.ReplaceAll(c, "%[1]s", d)) }
	for _, c := range []string{
		"inspect %[1]s/model.onnx",
		"compile %[1]s/model.onnx --out %[1]s/build --calibration %[1]s/input.json" + backend,
		"setup %[1]s/build",
		"prove %[1]s/build --input %[1]s/input.json --out %[1]s/proof.json",
		"verify %[1]s/build %[1]s/proof.json",
		"devnet &    # a local chain that stays (kill %1 ends it)",
	} {
		line(c)
	}
	fmt.Fprintf(w, "  export ZKML_RPC_URL=http://127.0.0.1:8545 ZKML_PRIVATE_KEY=0x%s    # devnet's first PUBLIC test key\n",
		contracts.DevAccounts()[0].PrivateKey)
	line("deploy %[1]s/build --generic --registry new    # prints REGISTRY and MODEL_ID")
	line("verify-onchain %[1]s/build %[1]s/proof.json --registry REGISTRY --model-id MODEL_ID --tx")
}
