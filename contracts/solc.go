package contracts

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// SolcVersion is the Solidity compiler zkml compiles with: a native solc
// of this version on $PATH, or the npm package solc@SolcVersion (solcjs),
// installed by `make tools` into .tools/ (see [FindSolc]).
const SolcVersion = "0.8.37"

// EVMVersion is the hard fork the contracts are compiled for. Cancun is
// supported by every major chain and its L2s; newer opcodes would buy the
// verifiers nothing (their cost is the pairing precompile).
const EVMVersion = "cancun"

// optimizerRuns is solc's optimizer setting: verifiers are called far more
// often than deployed.
const optimizerRuns = 200

// Solc compiles Solidity: a native solc binary, or solcjs run by Node.js.
type Solc struct {
	bin    string // a native solc, or the node executable
	script string // solc.js of the npm package; empty for a native solc
	from   string // where it was found, for [Solc.String]
}

// String says which compiler this is and where it was found, e.g. "solc
// 0.8.37 (/usr/bin/solc, on $PATH)".
func (s *Solc) String() string {
	if s.script == "" {
		return fmt.Sprintf("solc %s (%s, %s)", SolcVersion, s.bin, s.from)
	}
	return fmt.Sprintf("solcjs %s (%s, %s)", SolcVersion, filepath.Dir(s.script), s.from)
}

// ErrNoSolc is returned by [FindSolc] when no solc of [SolcVersion] is
// installed.
var ErrNoSolc = errors.New("no Solidity compiler: install solc " + SolcVersion + " on $PATH, or run `make tools` in the zkml repository (installs solc@" + SolcVersion +
	" with npm into .tools/), or set ZKML_SOLCJS to the path of an installed solc npm package")

// FindSolc locates the Solidity compiler, in this order: a native `solc`
// on $PATH whose version is [SolcVersion] (one of another version is passed
// over); the solcjs npm package named by $ZKML_SOLCJS (its directory or its
// solc.js); else .tools/node_modules/solc in the current directory or one of
// its parents, as `make tools` installs it. solcjs needs Node.js on $PATH
// and must be version [SolcVersion] too, so that the bytecode is the one the
// tests and gas figures are for. [Solc.String] says which was found.
func FindSolc() (*Solc, error) {
	skipped := ""
	if bin, err := exec.LookPath("solc"); err == nil {
		v, err := nativeSolcVersion(bin)
		if err == nil && v == SolcVersion {
			return &Solc{bin: bin, from: "on $PATH"}, nil
		}
		if err != nil {
			skipped = fmt.Sprintf(" (%s on $PATH: %v)", bin, err)
		} else {
			skipped = fmt.Sprintf(" (%s on $PATH is solc %s, not %s)", bin, v, SolcVersion)
		}
	}
	script, from := "", ""
	if env := os.Getenv("ZKML_SOLCJS"); env != "" {
		script, from = env, "$ZKML_SOLCJS"
		if fi, err := os.Stat(env); err == nil && fi.IsDir() {
			script = filepath.Join(env, "solc.js")
		}
		if _, err := os.Stat(script); err != nil {
			return nil, fmt.Errorf("ZKML_SOLCJS=%s: %v; point it at the solc npm package directory", env, err)
		}
	} else {
		dir, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		for {
			p := filepath.Join(dir, ".tools", "node_modules", "solc", "solc.js")
			if _, err := os.Stat(p); err == nil {
				script, from = p, "the repository's .tools/"
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				if skipped != "" {
					return nil, fmt.Errorf("%w%s", ErrNoSolc, skipped)
				}
				return nil, ErrNoSolc
			}
			dir = parent
		}
	}
	if err := checkSolcVersion(filepath.Dir(script)); err != nil {
		return nil, err
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("solcjs found at %s, but Node.js (node) is not on $PATH: install Node.js", script)
	}
	return &Solc{bin: node, script: script, from: from}, nil
}

// solcVersionRE finds the version in `solc --version`: "Version:
// 0.8.37+commit.…" (native) or "0.8.37+commit.…" (solcjs).
var solcVersionRE = regexp.MustCompile(`\b(\d+\.\d+\.\d+)\+commit`)

// nativeSolcVersion runs bin --version.
func nativeSolcVersion(bin string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("--version: %v", err)
	}
	m := solcVersionRE.FindSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("--version printed no solc version: %.100q", out)
	}
	return string(m[1]), nil
}

func checkSolcVersion(pkgDir string) error {
	data, err := os.ReadFile(filepath.Join(pkgDir, "package.json"))
	if err != nil {
		return fmt.Errorf("%s: not an npm package: %v", pkgDir, err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(pkgDir, "package.json"), err)
	}
	if pkg.Version != SolcVersion {
		return fmt.Errorf("%s is solc %s, zkml needs solc %s: run `make tools`", pkgDir, pkg.Version, SolcVersion)
	}
	return nil
}

// An Artifact is one compiled contract.
type Artifact struct {
	Name     string          // the contract's name in its source
	ABI      json.RawMessage // the contract's ABI, as solc writes it
	Bytecode []byte          // creation code, without constructor arguments
	Runtime  []byte          // the code the deployed contract holds
}

// Compile compiles sources (file name → Solidity text) with the optimizer
// on and returns contract name from file. Warnings are ignored; errors are
// returned with solc's messages.
func (s *Solc) Compile(ctx context.Context, sources map[string]string, file, name string) (*Artifact, error) {
	out, err := s.run(ctx, sources)
	if err != nil {
		return nil, err
	}
	return parseStandardOutput(out, file, name)
}

// run compiles sources and returns solc's standard JSON output.
func (s *Solc) run(ctx context.Context, sources map[string]string) ([]byte, error) {
	in := standardInput(sources)
	cmd := exec.CommandContext(ctx, s.bin, "--standard-json")
	if s.script != "" {
		cmd = exec.CommandContext(ctx, s.bin, s.script, "--standard-json")
	}
	// solcjs prints its output and calls process.exit, which cuts off
	// what Node has not yet written to a pipe (64 KiB on Linux, less than
	// the fixed contracts' output), and its synchronous read of stdin can
	// fail with EAGAIN on a pipe: files have neither problem.
	dir, err := os.MkdirTemp("", "zkml-solc-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	inPath, outPath := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	if err := os.WriteFile(inPath, in, 0o600); err != nil {
		return nil, err
	}
	stdin, err := os.Open(inPath)
	if err != nil {
		return nil, err
	}
	defer stdin.Close()
	stdout, err := os.Create(outPath)
	if err != nil {
		return nil, err
	}
	defer stdout.Close()
	var stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %v: %s", s, err, strings.TrimSpace(stderr.String()))
	}
	return os.ReadFile(outPath)
}

func standardInput(sources map[string]string) []byte {
	type source struct {
		Content string `json:"content"`
	}
	in := map[string]any{
		"language": "Solidity",
		"sources": func() map[string]source {
			m := make(map[string]source, len(sources))
			for k, v := range sources {
				m[k] = source{v}
			}
			return m
		}(),
		"settings": map[string]any{
			"optimizer":  map[string]any{"enabled": true, "runs": optimizerRuns},
			"evmVersion": EVMVersion,
			"outputSelection": map[string]any{
				"*": map[string]any{"*": []string{"abi", "evm.bytecode.object", "evm.deployedBytecode.object"}},
			},
		},
	}
	data, _ := json.Marshal(in) // maps of strings cannot fail to encode
	return data
}

func parseStandardOutput(out []byte, file, name string) (*Artifact, error) {
	// solcjs prints notes ("Cannot retry compilation with SMT ...") on
	// stdout before the JSON.
	if i := bytes.IndexByte(out, '{'); i > 0 {
		out = out[i:]
	}
	var res struct {
		Errors []struct {
			Severity         string `json:"severity"`
			FormattedMessage string `json:"formattedMessage"`
		} `json:"errors"`
		Contracts map[string]map[string]struct {
			ABI json.RawMessage `json:"abi"`
			EVM struct {
				Bytecode         struct{ Object string } `json:"bytecode"`
				DeployedBytecode struct{ Object string } `json:"deployedBytecode"`
			} `json:"evm"`
		} `json:"contracts"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("solcjs: unreadable output (%v): %.200s", err, out)
	}
	var errs []string
	for _, e := range res.Errors {
		if e.Severity == "error" {
			errs = append(errs, strings.TrimSpace(e.FormattedMessage))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("solc: %s", strings.Join(errs, "\n"))
	}
	c, ok := res.Contracts[file][name]
	if !ok {
		return nil, fmt.Errorf("solc: no contract %s in %s", name, file)
	}
	code, err := hex.DecodeString(c.EVM.Bytecode.Object)
	if err != nil || len(code) == 0 {
		return nil, fmt.Errorf("solc: contract %s has no bytecode (abstract or an interface?)", name)
	}
	runtime, err := hex.DecodeString(c.EVM.DeployedBytecode.Object)
	if err != nil {
		return nil, fmt.Errorf("solc: contract %s: bad deployed bytecode: %v", name, err)
	}
	return &Artifact{Name: name, ABI: c.ABI, Bytecode: code, Runtime: runtime}, nil
}
