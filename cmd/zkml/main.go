// Command zkml turns an ONNX model into a zero-knowledge circuit and proves
// inferences of it.
//
//	zkml inspect model.onnx
//	zkml compile model.onnx --out build/ --calibration input.json [--backend groth16|plonk]
//	zkml setup build/ [--ptau powers.ptau]
//	zkml ceremony init|contribute|verify|finalize ...
//	zkml prove build/ --input input.json --out proof.json
//	zkml verify build/ proof.json
//	zkml demo
//	zkml conformance ../shared/models --out bench/CONFORMANCE.md
//
// Run `zkml help COMMAND` for the details of each command.
//
// zkml exits 0 on success, 1 when verify or verify-onchain rejects a proof,
// and 2 on any other error (usage, unreadable or invalid files, chains).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

func main() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) }

// run is main without the exit, for the CLI tests.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	if err := app.Run(reorderArgs(app, args)); err != nil {
		var exit cli.ExitCoder
		if errors.As(err, &exit) && exit.Error() == "" {
			return exit.ExitCode()
		}
		fmt.Fprintln(stderr, "zkml: "+oneLine(err.Error()))
		if errors.As(err, new(rejectedError)) {
			return exitRejected
		}
		return exitError
	}
	return 0
}

// The exit codes besides 0.
const (
	exitRejected = 1 // verify or verify-onchain rejected the proof
	exitError    = 2 // usage, files, chains: anything else
)

// rejectedError is a proof that verify or verify-onchain rejected.
type rejectedError struct{ error }

func (e rejectedError) Unwrap() error { return e.error }

// reject returns err as a rejected proof, after printing
// {"valid": false, "reason": ...} with --json.
func reject(c *cli.Context, err error) error {
	if c.Bool("json") {
		res := struct {
			Valid  bool   `json:"valid"`
			Reason string `json:"reason"`
		}{false, oneLine(err.Error())}
		if err := output(c, res, nil); err != nil {
			return err
		}
	}
	return rejectedError{err}
}

// oneLine keeps an error on one line: joined errors become "; "-separated,
// and a file named twice at the start is named once (oneName).
func oneLine(s string) string {
	return oneName(strings.ReplaceAll(strings.TrimSpace(s), "\n", "; "))
}

// oneName drops the second mention of the file an error starts with, as
// when a reader prefixes the file name to an error of the os package that
// names it too: "ed.json: ed.json: …" and "ed.json: read ed.json: …" both
// become "ed.json: …".
func oneName(s string) string {
	name, rest, ok := strings.Cut(s, ": ")
	if !ok || name == "" {
		return s
	}
	for _, op := range []string{"", "open ", "read ", "stat ", "lstat ", "write "} {
		if r, ok := strings.CutPrefix(rest, op+name+": "); ok {
			return name + ": " + r
		}
	}
	return s
}

// go-ethereum's internal/flags package, which the embedded chain links in,
// puts cli's --help and --version flags under a "MISC" category (an empty
// heading in zkml's help) and replaces cli's flag formatting with geth's,
// which shows `PLACEHOLDER` quotes and "(default: false)". zkml puts both
// back.
func init() {
	for _, f := range []cli.Flag{cli.HelpFlag, cli.VersionFlag} {
		if b, ok := f.(*cli.BoolFlag); ok {
			b.Category = ""
		}
	}
	cli.FlagStringer = flagString
}

// flagString is cli's own formatting of a flag in help: names with the
// placeholder the usage quotes, a tab, the usage and the default of a flag
// that takes a value, and its environment variables.
func flagString(f cli.Flag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return ""
	}
	placeholder, usage := unquoteUsage(df.GetUsage())
	if !df.TakesValue() {
		placeholder = ""
	} else if placeholder == "" {
		placeholder = "value"
	}
	if df.TakesValue() {
		if d := df.GetDefaultText(); d != "" && d != `""` && d != "0" {
			usage += " (default: " + d + ")"
		}
	}
	s := cli.FlagNamePrefixer(df.Names(), placeholder) + "\t" + strings.TrimSpace(usage)
	return cli.FlagEnvHinter(df.GetEnvVars(), s)
}

// unquoteUsage takes the first `quoted` word of usage as the placeholder and
// drops its quotes, as cli does.
func unquoteUsage(usage string) (placeholder, rest string) {
	i := strings.IndexByte(usage, '`')
	if i < 0 {
		return "", usage
	}
	j := strings.IndexByte(usage[i+1:], '`')
	if j < 0 {
		return "", usage
	}
	name := usage[i+1 : i+1+j]
	return name, usage[:i] + name + usage[i+2+j:]
}

var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print machine-readable JSON on stdout"}
var quietFlag = &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress output on stderr"}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:            "zkml",
		Usage:           "zero-knowledge proofs of ONNX model inferences, verifiable on Ethereum",
		Description:     "Exit status: 0 on success, 1 when verify or verify-onchain rejects a proof, 2 on any other error.",
		Version:         version,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // run() prints errors and exits
		Commands: []*cli.Command{
			inspectCommand(),
			compileCommand(),
			setupCommand(),
			ceremonyCommand(),
			proveCommand(),
			verifyCommand(),
			commitCommand(),
			demoCommand(),
			exportVerifierCommand(),
			calldataCommand(),
			deployCommand(),
			verifyOnchainCommand(),
			devnetCommand(),
			conformanceCommand(),
			serveCommand(), workerCommand(),
		},
	}
}

const version = "0.1.0-dev"

// output prints a command's result: v as indented JSON with --json, else the
// human text produced by human.
func output(c *cli.Context, v any, human func(w io.Writer)) error {
	if c.Bool("json") {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	human(c.App.Writer)
	return nil
}

func progressFor(c *cli.Context) *progress {
	return newProgress(c.App.ErrWriter, c.Bool("quiet") || c.Bool("json"))
}

// args returns the command's positional arguments, checking their number.
func args(c *cli.Context, names ...string) ([]string, error) {
	a := c.Args().Slice()
	if len(a) != len(names) {
		return nil, fmt.Errorf("%s: expected %d argument(s) (%s), got %d; see `zkml help %s`",
			c.Command.Name, len(names), strings.Join(names, ", "), len(a), c.Command.Name)
	}
	return a, nil
}
