package main

import (
	"fmt"
	"io"
	"math/big"

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
	params := circuits.Visibility(c.String("param-visibility"))
	switch params {
	case circuits.Fixed, circuits.Hashed:
	default:
		return nil, fmt.Errorf("--param-visibility %q: expected fixed or hashed", params)
	}
	return []prover.Option{prover.WithInputVisibility(in), prover.WithOutputVisibility(out), prover.WithParamVisibility(params)}, nil
}

// proofCommitments are the commitments a proof carries (hashed
// visibility only), as zkml commit prints them; "" where none.
type proofCommitments struct {
	InputCommitment  string `json:"input_commitment,omitempty"`
	OutputCommitment string `json:"output_commitment,omitempty"`
	ParamsCommitment string `json:"params_commitment,omitempty"`
}

func commitments(p *prover.Proof) proofCommitments {
	var c proofCommitments
	for _, x := range []struct {
		h *big.Int
		s *string
	}{{p.InputCommitment(), &c.InputCommitment}, {p.OutputCommitment(), &c.OutputCommitment}, {p.ParamsCommitment(), &c.ParamsCommitment}} {
		if x.h != nil {
			*x.s = prover.FormatCommitment(x.h)
		}
	}
	return c
}

func (c proofCommitments) print(w io.Writer) {
	if c.InputCommitment != "" {
		fmt.Fprintf(w, "input commitment: %s\n", c.InputCommitment)
	}
	if c.OutputCommitment != "" {
		fmt.Fprintf(w, "output commitment: %s\n", c.OutputCommitment)
	}
	if c.ParamsCommitment != "" {
		fmt.Fprintf(w, "params commitment: %s\n", c.ParamsCommitment)
	}
}

type commitResult struct {
	InputCommitment  string `json:"input_commitment,omitempty"`
	ParamsCommitment string `json:"params_commitment,omitempty"`
}

func commitCommand() *cli.Command {
	return &cli.Command{
		Name:      "commit",
		Usage:     "print the commitment of an input (or of the weights), as a proof of a build with hashed inputs (params) carries it",
		ArgsUsage: "build/ [input.json]",
		Description: `Example:
   zkml commit build/ input.json
   zkml commit build/ --params

Prints the Poseidon2 commitment of the input, quantized at the build's scales, as 0x and 64
hexadecimal digits: the public input that a proof of a build compiled with
--input-visibility hashed carries for that input, and what the Solidity library
ZkmlPoseidon2 computes from the same quantized values. Works for any build.

With --params it prints the commitment of the build's weights instead (see the circuits
package's Params for what it covers): what every proof of a build compiled with
--param-visibility hashed carries, and what two builds with different weights differ in.`,
		Flags: []cli.Flag{jsonFlag, &cli.BoolFlag{Name: "params", Usage: "print the commitment of the weights instead of an input's"}},
		Action: func(c *cli.Context) error {
			if c.Bool("params") {
				a, err := args(c, "build/")
				if err != nil {
					return err
				}
				b, err := prover.Open(a[0])
				if err != nil {
					return err
				}
				h, err := b.ParamsCommitment()
				if err != nil {
					return err
				}
				res := commitResult{ParamsCommitment: prover.FormatCommitment(h)}
				return output(c, res, func(w io.Writer) { fmt.Fprintln(w, res.ParamsCommitment) })
			}
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
			in, err = modelio.ForModel(in, names, shapes)
			if err != nil {
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
