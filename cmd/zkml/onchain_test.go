package main

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zkml/zkml/internal/testenv"
)

// The on-chain user stories are in testdata/onchain: the same testscript
// runner as TestScripts, plus the solcjs of `make tools` (condition [solc];
// scripts that deploy skip without it) and a free loopback port for a
// devnet ($PORT).
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
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "onchain"),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fixture": cmdFixture,
			"tamper":  cmdTamper,
			"waitrpc": cmdWaitRPC,
			"ethcall": cmdEthCall,
			"capture": cmdCapture,
		},
		Setup: func(env *testscript.Env) error {
			if haveSolc {
				env.Setenv("ZKML_SOLCJS", solc)
			}
			if haveAnvil {
				env.Setenv("ANVIL", anvil)
			}
			port, err := freePort()
			if err != nil {
				return err
			}
			env.Setenv("PORT", strconv.Itoa(port))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "solc":
				return haveSolc, nil
			case "anvil":
				return haveAnvil, nil
			}
			return false, nil
		},
	})
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitrpc URL waits up to 20 seconds for a JSON-RPC endpoint to answer.
func cmdWaitRPC(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: waitrpc URL")
	}
	body := []byte(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`)
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Post(args[0], "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			ts.Fatalf("%s did not answer within 20s: %v", args[0], err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ethcall URL TO DATAFILE [REVERT] makes an eth_call of TO with the hex
// data in DATAFILE through plain net/http (no zkml or go-ethereum code), and
// fails unless the call succeeds. Negated, it fails unless the call reverts,
// and, given REVERT (hex, e.g. an error's selector), unless the revert data
// starts with it.
func cmdEthCall(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 && !(neg && len(args) == 4) {
		ts.Fatalf("usage: [!] ethcall URL TO DATAFILE, or ! ethcall URL TO DATAFILE REVERTDATA")
	}
	data := strings.TrimSpace(ts.ReadFile(args[2]))
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
