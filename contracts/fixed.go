package contracts

import (
	"context"
	"embed"
	"io/fs"
	"path"
)

// The fixed contracts: Solidity sources in solidity/, compiled once by the
// zkml developers with solc SolcVersion and committed as solidity/build/
// (ABI and creation code) and as the Go bindings in contracts/bindings, so
// that deploying them needs no compiler. TestFixedBytecode recompiles the
// sources and fails when the committed bytecode is stale; `go generate
// ./contracts` rewrites it.
//
//go:generate go test -run ^TestFixedBytecode$ -update .
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen@v1.17.10 --v2 --pkg bindings --type ZkmlRegistry --abi solidity/build/ZkmlRegistry.abi --bin solidity/build/ZkmlRegistry.bin --out bindings/registry.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen@v1.17.10 --v2 --pkg bindings --type ZkmlThresholdOracle --abi solidity/build/ZkmlThresholdOracle.abi --bin solidity/build/ZkmlThresholdOracle.bin --out bindings/oracle.go
//go:generate go run github.com/ethereum/go-ethereum/cmd/abigen@v1.17.10 --v2 --pkg bindings --type ZkmlFixedPointHarness --abi solidity/build/ZkmlFixedPointHarness.abi --bin solidity/build/ZkmlFixedPointHarness.bin --out bindings/fixedpoint.go

//go:embed solidity/*.sol
var fixedFS embed.FS

// fixedContracts names the contracts compiled from solidity/: source file
// and contract name.
var fixedContracts = []struct{ File, Name string }{
	{"ZkmlRegistry.sol", "ZkmlRegistry"},
	{"ZkmlThresholdOracle.sol", "ZkmlThresholdOracle"},
	{"ZkmlFixedPoint.sol", "ZkmlFixedPointHarness"},
	// No Go binding: the Go side encodes its constructor and its calls by
	// hand (generic.go), as it does for the specialized verifiers.
	{"ZkmlGroth16Verifier.sol", "ZkmlGroth16Verifier"},
	{"ZkmlPlonkVerifier.sol", "ZkmlPlonkVerifier"},
	// No Go binding either: split.go packs its calls with the committed ABI.
	{"ZkmlChain.sol", "ZkmlChain"},
}

// fixedSources returns the Solidity sources of the fixed contracts, keyed by
// file name (the names the imports and solc's metadata use).
func fixedSources() map[string]string {
	m := map[string]string{}
	entries, _ := fs.ReadDir(fixedFS, "solidity") // embedded: cannot fail
	for _, e := range entries {
		data, _ := fs.ReadFile(fixedFS, path.Join("solidity", e.Name()))
		m[e.Name()] = string(data)
	}
	return m
}

// compileFixed compiles the fixed contracts in one solc run.
func compileFixed(ctx context.Context, solc *Solc) (map[string]*Artifact, error) {
	out, err := solc.run(ctx, fixedSources())
	if err != nil {
		return nil, err
	}
	arts := map[string]*Artifact{}
	for _, c := range fixedContracts {
		a, err := parseStandardOutput(out, c.File, c.Name)
		if err != nil {
			return nil, err
		}
		arts[c.Name] = a
	}
	return arts, nil
}
