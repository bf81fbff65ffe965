package circom

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Tools locates the npm packages the baseline runs on: circom2 (circom 2
// compiled to WebAssembly) and snarkjs, as `make tools` installs them into
// .tools/ at the repository root.
type Tools struct {
	Node    string // the node binary
	Circom  string // circom2's cli.js
	Snarkjs string // snarkjs's cli.cjs
}

// Versions are the npm packages `make tools` installs.
const (
	CircomPackage  = "circom2@0.2.23"
	SnarkjsPackage = "snarkjs@0.7.6"
)

// FindTools looks for node and the packages under root/.tools. Its error
// says what is missing and how to install it.
func FindTools(root string) (*Tools, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node not found: the circom/snarkjs baseline needs Node.js and `make tools`")
	}
	mods, err := filepath.Abs(filepath.Join(root, ".tools", "node_modules"))
	if err != nil {
		return nil, err
	}
	t := &Tools{
		Node:    node,
		Circom:  filepath.Join(mods, "circom2", "cli.js"),
		Snarkjs: filepath.Join(mods, "snarkjs", "build", "cli.cjs"),
	}
	for _, p := range []string{t.Circom, t.Snarkjs} {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("%s not found: run `make tools` (installs %s and %s with npm into .tools/)", p, CircomPackage, SnarkjsPackage)
		}
	}
	return t, nil
}

// Command returns the command running tool ("circom" or "snarkjs") with
// args in dir.
func (t *Tools) Command(dir, tool string, args ...string) *exec.Cmd {
	script := t.Snarkjs
	if tool == "circom" {
		script = t.Circom
	}
	cmd := exec.Command(t.Node, append([]string{script}, args...)...)
	cmd.Dir = dir
	return cmd
}
