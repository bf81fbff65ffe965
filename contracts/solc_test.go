package contracts

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSolc writes an executable `solc` into dir that prints version.
func fakeSolc(t *testing.T, dir, version string) string {
	t.Helper()
	p := filepath.Join(dir, "solc")
	script := "#!/bin/sh\necho 'solc, the solidity compiler commandline interface'\necho 'Version: " + version + "+commit.abcdef12.Linux.g++'\n"
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFindSolcOrder checks where FindSolc looks: a native solc of the
// pinned version on $PATH first, then $ZKML_SOLCJS, then .tools/; a solc of
// another version on $PATH is passed over, and said so when nothing else is
// found.
func TestFindSolcOrder(t *testing.T) {
	node, nodeErr := exec.LookPath("node")
	bin := t.TempDir()
	t.Setenv("PATH", bin)
	t.Chdir(t.TempDir())

	// The pinned version on $PATH wins, even over $ZKML_SOLCJS.
	native := fakeSolc(t, bin, SolcVersion)
	pkg := t.TempDir()
	os.WriteFile(filepath.Join(pkg, "package.json"), []byte(`{"version": "`+SolcVersion+`"}`), 0o644)
	os.WriteFile(filepath.Join(pkg, "solc.js"), nil, 0o644)
	t.Setenv("ZKML_SOLCJS", pkg)
	s, err := FindSolc()
	if err != nil {
		t.Fatal(err)
	}
	if s.bin != native || s.script != "" || !strings.Contains(s.String(), "on $PATH") {
		t.Errorf("solc %s on $PATH: found %s", SolcVersion, s)
	}

	// Another version on $PATH: $ZKML_SOLCJS (solcjs needs node).
	fakeSolc(t, bin, "0.8.20")
	if nodeErr == nil {
		if err := os.Symlink(node, filepath.Join(bin, "node")); err != nil {
			t.Fatal(err)
		}
		s, err = FindSolc()
		if err != nil {
			t.Fatal(err)
		}
		if s.script != filepath.Join(pkg, "solc.js") || !strings.Contains(s.String(), "$ZKML_SOLCJS") {
			t.Errorf("solc 0.8.20 on $PATH and $ZKML_SOLCJS: found %s", s)
		}
		os.Remove(filepath.Join(bin, "node"))
	}

	// Nothing else: the error says why the solc on $PATH was not used.
	t.Setenv("ZKML_SOLCJS", "")
	_, err = FindSolc()
	if !errors.Is(err, ErrNoSolc) || !strings.Contains(err.Error(), "is solc 0.8.20, not "+SolcVersion) {
		t.Errorf("only solc 0.8.20 on $PATH: %v", err)
	}

	// .tools/ in a parent directory.
	root := t.TempDir()
	tools := filepath.Join(root, ".tools", "node_modules", "solc")
	os.MkdirAll(tools, 0o755)
	os.WriteFile(filepath.Join(tools, "package.json"), []byte(`{"version": "`+SolcVersion+`"}`), 0o644)
	os.WriteFile(filepath.Join(tools, "solc.js"), nil, 0o644)
	sub := filepath.Join(root, "a", "b")
	os.MkdirAll(sub, 0o755)
	t.Chdir(sub)
	_, err = FindSolc()
	if err == nil || !strings.Contains(err.Error(), "Node.js") {
		t.Errorf(".tools/ without node on $PATH: %v, want the Node.js error", err)
	}
}
