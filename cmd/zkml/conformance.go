package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/bench/conformance"
)

const defaultModelsDir = "../shared/models"

func conformanceCommand() *cli.Command {
	return &cli.Command{
		Name:      "conformance",
		Usage:     "run every model of a folder through compile, setup, prove and verify, and write a Markdown report",
		ArgsUsage: "[DIR]",
		Description: `Example:
   zkml conformance ../shared/models --out bench/CONFORMANCE.md
   zkml conformance ../shared/models --models 1l_mlp,1l_conv --out /tmp/report.md

DIR (default ` + defaultModelsDir + `) holds one folder per model with network.onnx and
input.json, and optionally reference.json (ONNX Runtime outputs: every case
runs through the integer executor and is compared with them). Each model is
calibrated on its sample input, compiled, set up and proven with Groth16,
and the proof verified; models whose circuit exceeds --max-constraints are
listed with their constraint count instead of proven. Exits non-zero only
when the report cannot be written: failing models are rows of the report.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Value: "bench/CONFORMANCE.md", Usage: "the Markdown report to write (- for stdout)"},
			&cli.StringFlag{Name: "models", Usage: "comma-separated model folders to run (default: all)"},
			&cli.IntFlag{Name: "max-constraints", Value: conformance.DefaultMaxConstraints, Usage: "set up and prove only circuits up to `N` constraints"},
			&cli.DurationFlag{Name: "budget", Value: conformance.DefaultBudget, Usage: "per-model time `BUDGET`: later stages are skipped once it is spent"},
			jsonFlag, quietFlag,
		},
		Action: func(c *cli.Context) error {
			dir := defaultModelsDir
			switch c.NArg() {
			case 0:
			case 1:
				dir = c.Args().First()
			default:
				return fmt.Errorf("conformance: expected at most one argument (DIR), got %d; see `zkml help conformance`", c.NArg())
			}
			opts := conformance.Options{MaxConstraints: c.Int("max-constraints"), Budget: c.Duration("budget"), Version: version}
			if s := c.String("models"); s != "" {
				opts.Models = strings.Split(s, ",")
			}
			if !c.Bool("quiet") && !c.Bool("json") {
				opts.Log = c.App.ErrWriter
			}
			rep, err := conformance.Run(c.Context, dir, opts)
			if err != nil {
				return err
			}
			out := c.String("out")
			if out == "-" {
				rep.WriteMarkdown(c.App.Writer)
			} else if err := rep.WriteFile(out); err != nil {
				return err
			}
			return output(c, rep, func(w io.Writer) {
				if out != "-" {
					fmt.Fprintf(w, "wrote %s: %d of %d models pass\n", out, rep.Passed(), len(rep.Rows))
				}
			})
		},
	}
}
