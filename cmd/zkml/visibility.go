package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/prover"
)

// visibilityOptions reads compile's --input-visibility,
// --output-visibility and --param-visibility.
func visibilityOptions(c *cli.Context) ([]prover.Option, error) {
	in := circuits.Visibility(c.String("input-visibility"))
	switch in {
	case circuits.Private, circuits.Public, circuits.Hashed:
	default:
		return nil, fmt.Errorf("--input-visibility %q: expected private, public or hashed", in)
	}
	out := circuits.Visibility(c.String("output-visibility"))
	switch out {
	case circuits.Public, circuits.Hashed, circuits.Private:
	default:
		return nil, fmt.Errorf("--output-visibility %q: expected public, hashed or private", out)
	}
	switch params := c.String("param-visibility"); params {
	case "fixed":
	case "hashed":
		return nil, fmt.Errorf("--param-visibility hashed is not supported yet; use fixed (the weights are circuit constants, bound by the keys)")
	default:
		return nil, fmt.Errorf("--param-visibility %q: expected fixed or hashed", params)
	}
	return []prover.Option{prover.WithInputVisibility(in), prover.WithOutputVisibility(out)}, nil
}

// commitments are p's commitments as zkml prints them, "" where none.
func commitments(p *prover.Proof) (in, out string) {
	if h := p.InputCommitment(); h != nil {
		in = prover.FormatCommitment(h)
	}
	if h := p.OutputCommitment(); h != nil {
		out = prover.FormatCommitment(h)
	}
	return in, out
}

func printCommitments(w io.Writer, in, out string) {
	if in != "" {
		fmt.Fprintf(w, "input commitment: %s\n", in)
	}
	if out != "" {
		fmt.Fprintf(w, "output commitment: %s\n", out)
	}
}

type commitResult struct {
	InputCommitment string `json:"input_commitment"`
}

func commitCommand() *cli.Command {
	return &cli.Command{
		Name:      "commit",
		Usage:     "print the commitment of an input, as a proof of a build with hashed inputs carries it",
		ArgsUsage: "build/ input.json",
		Description: `Example:
   zkml commit build/ input.json

Prints the Poseidon2 commitment of the input, quantized at the build's scales, as 0x and 64
hexadecimal digits: the public input that a proof of a build compiled with
--input-visibility hashed carries for that input, and what the Solidity library
ZkmlPoseidon2 computes from the same quantized values. Works for any build.`,
		Flags: []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/", "input.json")
			if err != nil {
				return err
			}
			b, err := openInputBuild(a[0])
			if err != nil {
				return err
			}
			in, err := modelio.ReadInputFile(a[1])
			if err != nil {
				return err
			}
			var names []string
			var shapes [][]int
			for _, t := range b.Settings().Inputs {
				names, shapes = append(names, t.Name), append(shapes, t.Shape)
			}
			if err := modelio.CheckInputs(in, names, shapes); err != nil {
				return fmt.Errorf("%s: %w", a[1], err)
			}
			h, err := b.CommitInputs(in)
			if err != nil {
				return fmt.Errorf("%s: %w", a[1], err)
			}
			res := commitResult{InputCommitment: prover.FormatCommitment(h)}
			return output(c, res, func(w io.Writer) { fmt.Fprintln(w, res.InputCommitment) })
		},
	}
}
