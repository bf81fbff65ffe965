package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/prover"
)

func ceremonyCommand() *cli.Command {
	return &cli.Command{
		Name:  "ceremony",
		Usage: "run a Groth16 trusted-setup ceremony (phase 2) with several contributors",
		Description: `The coordinator starts from a public powers-of-tau file (phase 1), each contributor
adds a secret and passes the file on, anyone verifies the chain, and the coordinator
seals it with a public random beacon:

   zkml ceremony init build/ --ptau powersOfTau28_hez_final_20.ptau --out c0
   zkml ceremony contribute c0 --out c1            # contributor 1, on their machine
   zkml ceremony contribute c1 --out c2            # contributor 2
   zkml ceremony verify build/ c0 c1 c2            # anyone
   zkml ceremony finalize build/ c0 c1 c2 --beacon HEX

The keys are sound if one contributor discarded their secret. Publish every file and
hash; see README.md, "Going to production". ` + "`ceremony verify`" + ` exits 1 when a file does not
verify (altered, or not a contribution on top of the file before it).`,
		Subcommands: []*cli.Command{
			{
				Name:      "init",
				Usage:     "start a ceremony for a compiled Groth16 build from a .ptau file",
				ArgsUsage: "build/",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "ptau", Usage: "powers-of-tau `FILE` (snarkjs format; one prepared for phase 2, such as the Hermez _final_ files, makes init, verify and finalize about 10x faster)", Required: true},
					&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "c0", Usage: "first ceremony `FILE` to write"},
					jsonFlag, quietFlag,
				},
				Action: func(c *cli.Context) error {
					a, err := args(c, "build/")
					if err != nil {
						return err
					}
					p := progressFor(c)
					b, err := prover.Open(a[0], prover.WithProgress(p.Stage))
					if err != nil {
						return err
					}
					h, err := b.CeremonyInit(context.Background(), c.String("ptau"), c.String("out"))
					if err != nil {
						p.Fail()
						return err
					}
					p.End()
					res := ceremonyResult{File: c.String("out"), Hash: h}
					return output(c, res, func(w io.Writer) {
						fmt.Fprintf(w, "wrote %s, the ceremony's first file\nhash: %s\n", res.File, res.Hash)
						fmt.Fprintf(w, "next: the first contributor runs `zkml ceremony contribute %s --out c1`\n", res.File)
					})
				},
			},
			{
				Name:      "contribute",
				Usage:     "add a secret contribution (from the OS's random source) to a ceremony file",
				ArgsUsage: "IN",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "ceremony `FILE` to write", Required: true},
					jsonFlag, quietFlag,
				},
				Action: func(c *cli.Context) error {
					a, err := args(c, "IN")
					if err != nil {
						return err
					}
					p := progressFor(c)
					h, err := prover.Contribute(a[0], c.String("out"), p.Stage)
					if err != nil {
						p.Fail()
						return err
					}
					p.End()
					res := ceremonyResult{File: c.String("out"), Hash: h}
					return output(c, res, func(w io.Writer) {
						fmt.Fprintf(w, "wrote %s\ncontribution hash: %s\n", res.File, res.Hash)
						fmt.Fprintln(w, "publish this hash and pass the file on; the secret is already gone")
					})
				},
			},
			{
				Name:      "verify",
				Usage:     "check every contribution of a ceremony and the chain of hashes",
				ArgsUsage: "build/ c0 [c1...]",
				Flags:     []cli.Flag{jsonFlag, quietFlag},
				Action: func(c *cli.Context) error {
					a := c.Args().Slice()
					if len(a) < 2 {
						return fmt.Errorf("verify: expected build/ and the ceremony files from c0 on; see `zkml ceremony verify --help`")
					}
					p := progressFor(c)
					b, err := prover.Open(a[0], prover.WithProgress(p.Stage))
					if err != nil {
						return err
					}
					hashes, err := b.CeremonyVerify(context.Background(), a[1:]...)
					if err != nil {
						p.Fail()
						if errors.Is(err, prover.ErrInvalidCeremony) {
							return reject(c, err)
						}
						return err
					}
					p.End()
					res := struct {
						Valid         bool     `json:"valid"`
						Contributions []string `json:"contributions"`
					}{true, hashes}
					return output(c, res, func(w io.Writer) {
						fmt.Fprintf(w, "ceremony is valid: %s\n", plural(len(hashes), "contribution"))
						for i, h := range hashes {
							fmt.Fprintf(w, "  %d  %s  %s\n", i+1, h, a[i+2])
						}
					})
				},
			},
			{
				Name:      "finalize",
				Usage:     "seal a ceremony with a public random beacon and write the keys into the build",
				ArgsUsage: "build/ [c0...] cN",
				Description: `Give every file from c0 to check them all, or only the last one to trust the chain
of hashes it carries (the build records which).`,
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "beacon", Usage: "public random value, `HEX` (e.g. a block hash announced before the ceremony ended)", Required: true},
					jsonFlag, quietFlag,
				},
				Action: func(c *cli.Context) error {
					a := c.Args().Slice()
					if len(a) < 2 {
						return fmt.Errorf("finalize: expected build/ and the last ceremony file; see `zkml ceremony finalize --help`")
					}
					beacon, err := hex.DecodeString(strings.TrimPrefix(c.String("beacon"), "0x"))
					if err != nil || len(beacon) == 0 {
						return fmt.Errorf("--beacon %q: expected a non-empty hexadecimal value", c.String("beacon"))
					}
					p := progressFor(c)
					b, err := prover.Open(a[0], prover.WithProgress(p.Stage))
					if err != nil {
						return err
					}
					if err := b.CeremonyFinalize(context.Background(), beacon, a[1:]...); err != nil {
						p.Fail()
						return err
					}
					p.End()
					res := setupResultOf(b, 0)
					return output(c, res, func(w io.Writer) { res.print(w) })
				},
			},
		},
	}
}

type ceremonyResult struct {
	File string `json:"file"`
	Hash string `json:"hash"`
}

// inspectBuild prints a build's settings: the circuit and the provenance
// of its keys.
func inspectBuild(c *cli.Context, dir string) error {
	b, err := prover.Open(dir)
	if err != nil {
		return err
	}
	s := b.Settings()
	res := struct {
		prover.Settings
		SetupKind string `json:"setup_kind"`
	}{s, b.SetupKind()}
	return output(c, res, func(w io.Writer) {
		fmt.Fprintf(w, "build:       %s (%s, model %s)\n", dir, s.Backend, s.Model.File)
		fmt.Fprintf(w, "plan hash:   %s\n", s.PlanHash)
		fmt.Fprintf(w, "circuit:     %d constraints, %d public inputs, %s range checks\n", s.Circuit.Constraints, s.Circuit.PublicInputs, s.Circuit.RangeChecks)
		fmt.Fprintf(w, "visibility:  input %s, output %s, params %s\n", s.Visibility.Input, s.Visibility.Output, s.Visibility.Params)
		if s.ParamsCommitment != "" {
			fmt.Fprintf(w, "params commitment: %s\n", s.ParamsCommitment)
		}
		k := s.Setup
		if k == nil {
			fmt.Fprintf(w, "keys:        none yet (zkml setup %s)\n", dir)
			return
		}
		fmt.Fprintf(w, "setup:       %s: %s\n", res.SetupKind, k.Method)
		if p := k.PTau; p != nil {
			fmt.Fprintf(w, "ptau:        %s (power %d, %s)\n", p.File, p.Power, plural(p.Contributions, "contribution"))
			fmt.Fprintf(w, "ptau sha256: %s\n", p.SHA256)
			fmt.Fprintf(w, "[τ]G2:       %s\n", p.TauG2)
		} else if k.SRS != nil && k.SRS.Source != "dev" {
			fmt.Fprintf(w, "srs:         %s (sha256 %s)\n", k.SRS.Source, k.SRS.SHA256)
		}
		if e := k.Ceremony; e != nil {
			fmt.Fprintf(w, "ceremony:    initial file %s\n", e.Initial)
			for i, h := range e.Contributions {
				fmt.Fprintf(w, "  contribution %d: %s\n", i+1, h)
			}
			fmt.Fprintf(w, "  beacon: %s\n", e.Beacon)
			if !e.Verified {
				fmt.Fprintln(w, "  finalized from the last file only: check the chain with `zkml ceremony verify`")
			}
		}
		if k.Insecure {
			fmt.Fprintln(w, "warning:     development setup — INSECURE for production")
		} else if k.Warning != "" {
			fmt.Fprintf(w, "warning:     %s\n", k.Warning)
		}
	})
}
