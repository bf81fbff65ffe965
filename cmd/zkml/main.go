// Command zkml turns an ONNX model into a zero-knowledge circuit and proves
// inferences of it.
//
//	zkml inspect model.onnx
//	zkml compile model.onnx --out build/ --calibration input.json [--backend groth16|plonk]
//	zkml setup build/
//	zkml prove build/ --input input.json --out proof.json
//	zkml verify build/ proof.json
//	zkml demo
//	zkml conformance ../shared/models --out bench/CONFORMANCE.md
//
// Run `zkml help COMMAND` for the details of each command.
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
		return 1
	}
	return 0
}

// oneLine keeps an error on one line: joined errors become "; "-separated.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ")
}

var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print machine-readable JSON on stdout"}
var quietFlag = &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress output on stderr"}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:            "zkml",
		Usage:           "zero-knowledge proofs of ONNX model inferences, verifiable on Ethereum",
		Version:         version,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // run() prints errors and exits
		Commands: []*cli.Command{
			inspectCommand(),
			compileCommand(),
			setupCommand(),
			proveCommand(),
			verifyCommand(),
			demoCommand(),
			exportVerifierCommand(),
			calldataCommand(),
			deployCommand(),
			verifyOnchainCommand(),
			devnetCommand(),
			conformanceCommand(),
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
