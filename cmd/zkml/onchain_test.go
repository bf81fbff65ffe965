package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/internal/testenv"
)

// The on-chain user stories are in testdata/onchain: the same testscript
// runner as TestScripts, plus the solcjs of `make tools` (condition [solc];
// scripts that deploy skip without it), and commands that start a devnet
// or anvil on a port of their own and set $PORT. With the forge of `make
// tools`, $FORGE runs it offline (condition [forge]; internal/testenv.FindForge);
// $JS_EXAMPLE is examples/js, whose ethers `make tools` installs (condition
// [ethers]).
func TestOnchainScripts(t *testing.T) {
	solc, _ := filepath.Abs(filepath.Join("..", "..", ".tools", "node_modules", "solc"))
	_, err := os.Stat(filepath.Join(solc, "solc.js"))
	haveSolc := err == nil
	if !haveSolc {
		if testenv.ToolsRequired() {
			testenv.MissingTool(t, "solcjs", err)
		}
		t.Logf("solcjs not installed (run `make tools`): the scripts that deploy contracts skip")
	}
	anvil, _ := filepath.Abs(filepath.Join("..", "..", ".tools", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"))
	_, err = os.Stat(anvil)
	haveAnvil := err == nil
	if !haveAnvil {
		if testenv.ToolsRequired() {
			testenv.MissingTool(t, "anvil", err)
		}
		t.Logf("anvil not installed (run `make tools`): the anvil script skips")
	}
	forge, err := testenv.FindForge(t.TempDir())
	if err != nil {
		if testenv.ToolsRequired() {
			testenv.MissingTool(t, "forge", err)
		}
		t.Logf("forge not installed (run `make tools`): the Foundry script skips: %v", err)
	}
	jsExample, _ := filepath.Abs(filepath.Join("..", "..", "examples", "js"))
	_, err = os.Stat(filepath.Join(jsExample, "node_modules", "ethers", "package.json"))
	if err == nil {
		_, err = exec.LookPath("node")
	}
	haveEthers := err == nil
	if !haveEthers {
		if testenv.ToolsRequired() {
			testenv.MissingTool(t, "ethers (examples/js)", err)
		}
		t.Logf("examples/js has no ethers (run `make tools`): the JavaScript script skips: %v", err)
	}
	ptau, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "ptau", "pot10_snarkjs.ptau"))
	_, err = os.Stat(ptau)
	havePTau := err == nil
	if !havePTau {
		testenv.MissingShared(t, "the shared .ptau fixture", err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "onchain"),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fixture":  cmdFixture,
			"tamper":   cmdTamper,
			"graft":    cmdGraft,
			"json":     cmdJSON,
			"status":   cmdStatus,
			"devnet":   cmdDevnet,
			"anvil":    cmdAnvil,
			"ethcall":  cmdEthCall,
			"capture":  cmdCapture,
			"flipbyte": cmdFlipByte,
			"shared":   cmdShared,
			"scale":    cmdScale,
		},
		Setup: func(env *testscript.Env) error {
			if err := isolateKeyCache(env); err != nil {
				return err
			}
			if haveSolc {
				env.Setenv("ZKML_SOLCJS", solc)
			}
			if haveAnvil {
				env.Setenv("ANVIL", anvil)
			}
			if havePTau {
				env.Setenv("PTAU", ptau)
			}
			env.Setenv("JS_EXAMPLE", jsExample)
			if forge != nil {
				env.Setenv("FORGE", forge.Path)
				for _, kv := range forge.Env {
					k, v, _ := strings.Cut(kv, "=")
					env.Setenv(k, v)
				}
			}
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "solc":
				return haveSolc, nil
			case "anvil":
				return haveAnvil, nil
			case "ptau":
				return havePTau, nil
			case "ethers":
				return haveEthers, nil
			case "forge":
				return forge != nil, nil
			case "shared":
				return scriptCondition(cond)
			}
			return false, nil
		},
	})
}

// devnet [text] starts `zkml devnet --port 0 --json`, which binds a free
// port itself, reads the address it reports, checks the rest of its JSON,
// and sets $PORT; with text, `zkml devnet --port 0`, whose address is read
// from its first line. The devnet is interrupted when the script ends.
func cmdDevnet(ts *testscript.TestScript, neg bool, args []string) {
	text := len(args) == 1 && args[0] == "text"
	if neg || len(args) > 1 || len(args) == 1 && !text {
		ts.Fatalf("usage: devnet [text]")
	}
	zargs := []string{"devnet", "--port", "0", "--json"}
	if text {
		zargs = zargs[:3]
	}
	cmd := exec.Command(lookPath(ts, "zkml"), zargs...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = scriptEnv(ts)
	out, err := cmd.StdoutPipe()
	ts.Check(err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	ts.Check(cmd.Start())
	ts.Defer(func() {
		cmd.Process.Signal(os.Interrupt)
		if err := cmd.Wait(); err != nil {
			ts.Logf("zkml devnet: %v; stderr: %s", err, stderr.String())
		}
	})
	var info devnetInfo
	r := bufio.NewReader(out)
	if text {
		line, err := r.ReadString('\n')
		_, addr, ok := strings.Cut(strings.TrimSpace(line), "JSON-RPC at ")
		if err != nil || !ok || !strings.HasPrefix(line, "zkml devnet: chain id 1337,") {
			ts.Fatalf("zkml devnet: first line %q (%v); stderr: %s", line, err, stderr.String())
		}
		info = devnetInfo{RPC: addr, ChainID: 1337, Accounts: contracts.DevAccounts()}
	} else if err := json.NewDecoder(r).Decode(&info); err != nil {
		ts.Fatalf("zkml devnet --json: %v; stderr: %s", err, stderr.String())
	}
	go io.Copy(io.Discard, out)
	u, err := url.Parse(info.RPC)
	ts.Check(err)
	if u.Hostname() != "127.0.0.1" || u.Port() == "" || u.Port() == "0" || info.ChainID != 1337 || len(info.Accounts) == 0 {
		ts.Fatalf("zkml devnet: %+v, want the bound address on 127.0.0.1, chain 1337 and funded accounts", info)
	}
	ts.Setenv("PORT", u.Port())
}

// anvil starts $ANVIL on a free port and sets $PORT. The port is free when
// chosen but may be taken before anvil binds it: anvil then exits, and a
// new port is tried.
func cmdAnvil(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: anvil")
	}
	for try := 0; ; try++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		ts.Check(err)
		port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
		l.Close()
		cmd := exec.Command(ts.Getenv("ANVIL"), "--host", "127.0.0.1", "--port", port, "--silent")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		ts.Check(cmd.Start())
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		if waitRPC("http://127.0.0.1:"+port, 20*time.Second, exited) {
			ts.Defer(func() { cmd.Process.Kill(); <-exited })
			ts.Setenv("PORT", port)
			return
		}
		cmd.Process.Kill()
		err = <-exited
		if try == 4 {
			ts.Fatalf("anvil did not serve on a free port in 5 tries; last: %v, %s", err, stderr.String())
		}
	}
}

// waitRPC waits until url answers eth_chainId, for at most d, or until
// exited delivers (the node stopped): it reports whether the node answered.
func waitRPC(url string, d time.Duration, exited chan error) bool {
	body := []byte(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`)
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		resp, err := http.Post(url, "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return true
			}
		}
		select {
		case err := <-exited:
			exited <- err
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return false
}

// ethcall URL TO DATAFILE [REVERT] makes an eth_call of TO with the hex
// data in DATAFILE (or the data itself, when the argument starts with 0x)
// through plain net/http (no zkml or go-ethereum code), and fails unless
// the call succeeds; its return data goes to stdout. Negated, it fails
// unless the call reverts, and, given REVERT (hex, e.g. an error's
// selector), unless the revert data starts with it.
func cmdEthCall(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 && !(neg && len(args) == 4) {
		ts.Fatalf("usage: [!] ethcall URL TO DATAFILE, or ! ethcall URL TO DATAFILE REVERTDATA")
	}
	data := args[2]
	if !strings.HasPrefix(data, "0x") {
		data = strings.TrimSpace(ts.ReadFile(args[2]))
	}
	req, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "eth_call",
		"params": []any{map[string]string{"to": args[1], "data": data}, "latest"}})
	resp, err := http.Post(args[0], "application/json", bytes.NewReader(req))
	ts.Check(err)
	defer resp.Body.Close()
	var out struct {
		Result *string
		Error  *struct {
			Message string
			Data    any
		}
	}
	ts.Check(json.NewDecoder(resp.Body).Decode(&out))
	ok := out.Error == nil && out.Result != nil
	if ok == neg {
		ts.Fatalf("eth_call: result %v, error %+v", out.Result, out.Error)
	}
	if ok {
		fmt.Fprintln(ts.Stdout(), *out.Result)
	}
	if neg && len(args) == 4 {
		rev, _ := out.Error.Data.(string)
		if !strings.HasPrefix(strings.ToLower(rev), strings.ToLower(args[3])) {
			ts.Fatalf("eth_call reverted with %q (%s), want data starting with %s", rev, out.Error.Message, args[3])
		}
	}
}

// capture NAME FILE REGEXP sets $NAME to the first submatch of REGEXP
// (multi-line mode) in FILE, so that a later command can use a value an
// earlier one printed (an address, a model id).
func cmdCapture(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: capture NAME FILE REGEXP")
	}
	re, err := regexp.Compile("(?m)" + args[2])
	ts.Check(err)
	m := re.FindStringSubmatch(ts.ReadFile(args[1]))
	if len(m) < 2 {
		ts.Fatalf("%s: no match for %s", args[1], args[2])
	}
	ts.Setenv(args[0], m[1])
}

// flipbyte FILE flips a bit in the middle of FILE.
func cmdFlipByte(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: flipbyte FILE")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	b[len(b)/2] ^= 1
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
}
