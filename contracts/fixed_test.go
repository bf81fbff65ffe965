package contracts

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/contracts/bindings"
)

var update = flag.Bool("update", false, "rewrite the committed bytecode and ABI of the fixed contracts (solidity/build)")

// TestFixedBytecode recompiles the fixed contracts with the pinned solc and
// fails when the committed bytecode or ABI (solidity/build, from which the
// Go bindings are generated) differs: a source was edited without running
// `go generate ./contracts`.
func TestFixedBytecode(t *testing.T) {
	solc := needSolc(t)
	arts, err := compileFixed(testContext(t), solc)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range fixedContracts {
		a := arts[c.Name]
		binPath := filepath.Join("solidity", "build", c.Name+".bin")
		abiPath := filepath.Join("solidity", "build", c.Name+".abi")
		var abiBuf bytes.Buffer
		if err := json.Indent(&abiBuf, a.ABI, "", " "); err != nil {
			t.Fatal(err)
		}
		abiBuf.WriteByte('\n')
		bin := hex.EncodeToString(a.Bytecode) + "\n"
		if *update {
			if err := os.MkdirAll(filepath.Dir(binPath), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(binPath, []byte(bin), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(abiPath, abiBuf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		gotBin, err := os.ReadFile(binPath)
		if err != nil {
			t.Fatalf("%v: run `go generate ./contracts`", err)
		}
		if string(gotBin) != bin {
			t.Errorf("%s: the committed bytecode differs from a fresh compile of solidity/%s with solc %s: run `go generate ./contracts` and commit the result", binPath, c.File, SolcVersion)
		}
		gotABI, err := os.ReadFile(abiPath)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gotABI, abiBuf.Bytes()) {
			t.Errorf("%s: the committed ABI differs from a fresh compile: run `go generate ./contracts`", abiPath)
		}
		// The bindings embed the bytecode too.
		if !bindingsHold(t, c.Name, strings.TrimSpace(bin)) {
			t.Errorf("the Go binding of %s does not hold the committed bytecode: run `go generate ./contracts`", c.Name)
		}
	}
}

func bindingsHold(t *testing.T, name, bin string) bool {
	t.Helper()
	md, ok := map[string]string{
		"ZkmlRegistry":          bindings.ZkmlRegistryMetaData.Bin,
		"ZkmlThresholdOracle":   bindings.ZkmlThresholdOracleMetaData.Bin,
		"ZkmlFixedPointHarness": bindings.ZkmlFixedPointHarnessMetaData.Bin,
	}[name]
	if !ok {
		// The generic verifiers have no binding: their bytecode is
		// embedded from solidity/build directly.
		return name == "ZkmlGroth16Verifier" || name == "ZkmlPlonkVerifier" || name == "ZkmlChain"
	}
	return md == "0x"+bin
}
