package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	kzg_bn254 "github.com/consensys/gnark-crypto/ecc/bn254/kzg"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zkml/zkml/internal/fixtures"
)

// The CLI's user stories are txtar scripts in testdata/script, run by
// testscript with the real `zkml` binary (this test binary re-executed).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"zkml": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fixture":     cmdFixture,
			"tamper":      cmdTamper,
			"graft":       cmdGraft,
			"json":        cmdJSON,
			"status":      cmdStatus,
			"srs":         cmdSRS,
			"shared":      cmdShared,
			"scale":       cmdScale,
			"claimdomain": cmdClaimDomain,
			"samejson":    cmdSameJSON,
		},
		Setup:               isolateKeyCache,
		RequireExplicitExec: false,
		Condition:           scriptCondition,
	})
}

// isolateKeyCache gives each script its own development-key cache, so that
// no script reuses keys another set up (or leaves keys in a real $HOME).
func isolateKeyCache(env *testscript.Env) error {
	env.Setenv("ZKML_KEY_CACHE", filepath.Join(env.WorkDir, ".zkml-keys"))
	return nil
}

// status N zkml ARGS... runs the zkml command in the script's directory and
// fails unless it exits with status N; its output goes to stdout.N and
// stderr.N. (exec checks only zero or not.)
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || args[1] != "zkml" {
		ts.Fatalf("usage: status N zkml ARGS...")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	cmd := exec.Command(lookPath(ts, "zkml"), args[2:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = scriptEnv(ts)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	got := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		got = exit.ExitCode()
	} else {
		ts.Check(err)
	}
	ts.Check(os.WriteFile(ts.MkAbs("stdout."+args[0]), stdout.Bytes(), 0o644))
	ts.Check(os.WriteFile(ts.MkAbs("stderr."+args[0]), stderr.Bytes(), 0o644))
	if got != want {
		ts.Fatalf("zkml %s exited with %d, want %d; stderr: %s", strings.Join(args[2:], " "), got, want, stderr.String())
	}
}

// srs FILE N writes a KZG SRS of N points (τ known: for tests only) in
// gnark-crypto's encoding, as a ceremony publishes one.
func cmdSRS(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: srs FILE N")
	}
	n, err := strconv.ParseUint(args[1], 10, 64)
	ts.Check(err)
	srs, err := kzg_bn254.NewSRS(n, big.NewInt(987654321))
	ts.Check(err)
	var buf bytes.Buffer
	_, err = srs.WriteTo(&buf)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}

// lookPath finds a program on the script's $PATH (where testscript puts
// zkml).
func lookPath(ts *testscript.TestScript, name string) string {
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	ts.Fatalf("%s is not on $PATH", name)
	return ""
}

// scriptEnv is the part of the script's environment zkml reads.
func scriptEnv(ts *testscript.TestScript) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "ZKML_SOLCJS", "ZKML_RPC_URL", "ZKML_PRIVATE_KEY", "ZKML_KEY_CACHE"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	return env
}

// graft FILE DONOR [SEGMENT] replaces the proof bytes of the proof file FILE with
// DONOR's: a valid proof of other outputs. FILE still says consistently
// what its public inputs are, but its proof does not prove them, so that
// only the cryptographic check (or the contract) can object. With SEGMENT,
// FILE and DONOR are chain proofs and FILE's segment SEGMENT becomes
// DONOR's whole: each segment proof stays valid, the link does not.
func cmdGraft(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 && len(args) != 3 {
		ts.Fatalf("usage: graft FILE DONOR [SEGMENT]")
	}
	var doc, donor map[string]any
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &doc))
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[1])), &donor))
	if len(args) == 3 {
		// Chain proofs: segment SEGMENT of FILE becomes DONOR's.
		k, err := strconv.Atoi(args[2])
		ts.Check(err)
		segs, _ := doc["segments"].([]any)
		from, _ := donor["segments"].([]any)
		if k < 0 || k >= len(segs) || k >= len(from) {
			ts.Fatalf("%s or %s has no segment %d", args[0], args[1], k)
		}
		segs[k] = from[k]
		out, err := json.Marshal(doc)
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), out, 0o644))
		return
	}
	if doc["proof"] == donor["proof"] {
		ts.Fatalf("%s and %s hold the same proof", args[0], args[1])
	}
	doc["proof"] = donor["proof"]
	out, err := json.Marshal(doc)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), out, 0o644))
}

// json FILE PATH REGEXP parses FILE (stdout, stderr or a file) as one JSON
// document and fails unless the value at PATH (keys and list indices
// separated by dots; "." is the document) matches REGEXP, anchored: a
// string as itself, anything else in JSON. Negated, it fails unless FILE is
// JSON without PATH.
func cmdJSON(ts *testscript.TestScript, neg bool, args []string) {
	if !(len(args) == 3 || neg && len(args) == 2) {
		ts.Fatalf("usage: json FILE PATH REGEXP, or ! json FILE PATH")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	if dec.More() {
		ts.Fatalf("%s holds more than one JSON document", args[0])
	}
	if args[1] != "." {
		for _, k := range strings.Split(args[1], ".") {
			switch x := v.(type) {
			case map[string]any:
				var ok bool
				if v, ok = x[k]; !ok {
					if neg {
						return
					}
					ts.Fatalf("%s: no %q in %s", args[0], k, args[1])
				}
			case []any:
				i, err := strconv.Atoi(k)
				if err != nil || i < 0 || i >= len(x) {
					ts.Fatalf("%s: %s: index %q out of the list of %d", args[0], args[1], k, len(x))
				}
				v = x[i]
			default:
				ts.Fatalf("%s: %s: %q indexes a %T", args[0], args[1], k, v)
			}
		}
	}
	if neg {
		ts.Fatalf("%s has %s", args[0], args[1])
	}
	got, ok := v.(string)
	if !ok {
		b, err := json.Marshal(v)
		ts.Check(err)
		got = string(b)
	}
	re, err := regexp.Compile("^(?:" + args[2] + ")$")
	ts.Check(err)
	if !re.MatchString(got) {
		ts.Fatalf("%s: %s is %s, want %s", args[0], args[1], got, args[2])
	}
}

// fixture NAME DIR writes a fixture model and its input to DIR/model.onnx and
// DIR/input.json. NAME is a fixture of internal/fixtures, random-SEED, or
// tiny_mlp-SEED (tiny_mlp with other weights).
func cmdFixture(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: fixture NAME DIR")
	}
	var m fixtures.Model
	found := false
	for _, f := range fixtures.All() {
		if f.Name == args[0] {
			m, found = f, true
		}
	}
	var seed uint64
	if n, err := fmt.Sscanf(args[0], "random-%d", &seed); n == 1 && err == nil {
		m, found = fixtures.Random(seed), true
	}
	if n, err := fmt.Sscanf(args[0], "tiny_mlp-%d", &seed); n == 1 && err == nil {
		m, found = fixtures.TinyMLPRetrained(seed), true
	}
	if !found {
		ts.Fatalf("unknown fixture %s", strconv.Quote(args[0]))
	}
	dir := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dir, 0o755))
	ts.Check(os.WriteFile(filepath.Join(dir, "model.onnx"), m.ONNX, 0o644))
	ts.Check(os.WriteFile(filepath.Join(dir, "input.json"), m.Input, 0o644))
}

// tamper FILE KEY [INDEX] adds 1 to the first number (or the one at INDEX
// of public_inputs) of the JSON list KEY in FILE ("outputs", "inputs" or
// "public_inputs"), or changes the last digit of the 0x string KEY (a
// commitment), as someone editing a proof would.
func cmdTamper(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 && len(args) != 3 {
		ts.Fatalf("usage: tamper FILE KEY [INDEX]")
	}
	index := 0
	if len(args) == 3 {
		var err error
		if index, err = strconv.Atoi(args[2]); err != nil || index < 0 {
			ts.Fatalf("tamper: INDEX %q is not an index", args[2])
		}
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	var doc map[string]any
	ts.Check(json.Unmarshal(data, &doc))
	if s, ok := doc[args[1]].(string); ok && strings.HasPrefix(s, "0x") && len(s) > 2 {
		// A commitment: change its last hexadecimal digit.
		last := "1"
		if s[len(s)-1] == '1' {
			last = "2"
		}
		doc[args[1]] = s[:len(s)-1] + last
		out, err := json.Marshal(doc)
		ts.Check(err)
		ts.Check(os.WriteFile(path, out, 0o644))
		return
	}
	list, ok := doc[args[1]].([]any)
	if !ok || len(list) <= index {
		ts.Fatalf("%s has no list %q of over %d elements", args[0], args[1], index)
	}
	switch first := list[index].(type) {
	case string: // public_inputs: decimal field elements
		n, ok := new(big.Int).SetString(first, 10)
		if !ok {
			ts.Fatalf("%s[%d] is not a decimal string", args[1], index)
		}
		list[index] = n.Add(n, big.NewInt(1)).String()
	case []any: // outputs: one list of numbers per output
		if index != 0 {
			ts.Fatalf("tamper: INDEX is for public_inputs")
		}
		first[0] = first[0].(float64) + 1
	default:
		ts.Fatalf("%s[0] is neither a string nor a list", args[1])
	}
	out, err := json.Marshal(doc)
	ts.Check(err)
	ts.Check(os.WriteFile(path, out, 0o644))
}

// samejson FILE1 FILE2 KEY fails unless the top-level string KEY is present
// and the same in both JSON files.
func cmdSameJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: samejson FILE1 FILE2 KEY")
	}
	var vals [2]string
	for i, f := range args[:2] {
		var doc map[string]any
		ts.Check(json.Unmarshal([]byte(ts.ReadFile(f)), &doc))
		s, ok := doc[args[2]].(string)
		if !ok {
			ts.Fatalf("%s has no string %q", f, args[2])
		}
		vals[i] = s
	}
	if (vals[0] == vals[1]) == neg {
		ts.Fatalf("%s: %s in %s, %s in %s", args[2], vals[0], args[0], vals[1], args[1])
	}
}
