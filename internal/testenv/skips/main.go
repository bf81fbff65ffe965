// Command skips reads `go test -json` on standard input and prints what a
// plain `go test` would (each package's result line, and the output of the
// tests that fail), then the tests that skipped, with their reasons, and a
// closing line: "PASS: ..." or "FAIL: ..." with the failed packages. It
// exits with status 1 when a test or a build failed, so that a pipeline
// with `set -o pipefail` fails either way. `make test` (and so .ci/run)
// uses it:
//
//	go test -json ./... | go run ./internal/testenv/skips
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action     string
	Package    string
	ImportPath string // build-output and build-fail
	Test       string
	Output     string
}

type skip struct{ name, reason string }

func main() {
	failed, err := filter(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "skips:", err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

func filter(r io.Reader, w io.Writer) (failed bool, err error) {
	// The output of each running test, kept until it passes (dropped),
	// fails (printed) or skips (its last line is the reason).
	output := map[string][]string{}
	var skips []skip
	var packages int
	var failedPkgs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if json.Unmarshal(line, &e) != nil || e.Action == "" {
			fmt.Fprintln(w, string(line)) // not test2json: pass it on
			continue
		}
		key := e.Package + " " + e.Test
		switch {
		case e.Action == "build-output":
			fmt.Fprint(w, e.Output)
		case e.Action == "build-fail":
			failed = true // the package's own fail event follows
		case e.Test == "" && e.Action == "output":
			if o := strings.TrimSpace(e.Output); o != "PASS" && o != "FAIL" && !strings.HasPrefix(o, "=== ") {
				fmt.Fprint(w, e.Output)
			}
		case e.Test == "" && e.Action == "fail":
			failed = true
			packages++
			failedPkgs = append(failedPkgs, e.Package)
		case e.Test == "" && (e.Action == "pass" || e.Action == "skip"):
			packages++
		case e.Action == "output":
			output[key] = append(output[key], e.Output)
		case e.Action == "fail":
			failed = true
			for _, o := range output[key] {
				fmt.Fprint(w, o)
			}
			delete(output, key)
		case e.Action == "skip":
			skips = append(skips, skip{e.Package + " " + e.Test, reason(output[key])})
			delete(output, key)
		case e.Action == "pass":
			delete(output, key)
		}
	}
	if err := sc.Err(); err != nil {
		return failed, err
	}
	fmt.Fprintf(w, "\n%d tests skipped\n", len(skips))
	for _, s := range skips {
		fmt.Fprintf(w, "SKIP %s: %s\n", s.name, s.reason)
	}
	if failed {
		fmt.Fprintf(w, "FAIL: %d of %d packages failed (%s); %d tests skipped\n", len(failedPkgs), packages, strings.Join(failedPkgs, ", "), len(skips))
	} else {
		fmt.Fprintf(w, "PASS: %d packages ok; %d tests skipped\n", packages, len(skips))
	}
	return failed, nil
}

// reason returns the skip message among a skipped test's output lines: the
// last one that is not go test's own.
func reason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- SKIP") {
			continue
		}
		return l
	}
	return "(no reason given)"
}
