package testenv

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Repo is the repository's root folder.
func Repo() string {
	_, file, _, _ := runtime.Caller(0) // <repo>/internal/testenv/foundry.go
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Forge is Foundry's forge from `make tools` (the npm package
// @foundry-rs/forge-linux-amd64), set up to compile offline: forge
// downloads solc otherwise, which no test may.
type Forge struct {
	Path string // the forge executable
	// Env sets FOUNDRY_SOLC to a wrapper that runs the pinned solcjs
	// (.tools/node_modules/solc) in standard-JSON mode, and
	// FOUNDRY_OFFLINE=true. Added to a command's environment, it overrides
	// the solc of any foundry.toml.
	Env []string
}

// FindForge returns forge, writing the solc wrapper into dir, or an error
// naming what is missing (forge, solcjs, Node.js): give it to [MissingTool].
func FindForge(dir string) (*Forge, error) {
	tools := filepath.Join(Repo(), ".tools", "node_modules")
	forge := filepath.Join(tools, "@foundry-rs", "forge-linux-amd64", "bin", "forge")
	if _, err := os.Stat(forge); err != nil {
		return nil, err
	}
	solcjs := filepath.Join(tools, "solc", "solc.js")
	if _, err := os.Stat(solcjs); err != nil {
		return nil, fmt.Errorf("forge needs solcjs: %w", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("forge needs solcjs, which needs Node.js (node), not on $PATH")
	}
	wrapper := filepath.Join(dir, "solc")
	if err := os.WriteFile(wrapper, []byte(solcWrapper(node, solcjs)), 0o755); err != nil {
		return nil, err
	}
	return &Forge{Path: forge, Env: []string{"FOUNDRY_SOLC=" + wrapper, "FOUNDRY_OFFLINE=true"}}, nil
}

// solcWrapper is a solc for forge: `solc --version`, and `solc
// --standard-json` (with forge's path options, which the sources forge
// sends inline make needless) on files rather than pipes, as
// contracts.Solc runs solcjs, less the notes solcjs prints before its JSON.
func solcWrapper(node, solcjs string) string {
	return fmt.Sprintf(`#!/bin/sh
# solc for forge, offline: solcjs in standard-JSON mode (written by internal/testenv).
node=%q
solcjs=%q
for a in "$@"; do
	[ "$a" = --version ] && exec "$node" "$solcjs" --version
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/in.json" && "$node" "$solcjs" --standard-json <"$tmp/in.json" >"$tmp/out.json" || exit 1
sed -n '/^{/,$p' "$tmp/out.json"
`, node, solcjs)
}
