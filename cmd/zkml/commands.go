package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

var dimFlag = &cli.StringSliceFlag{Name: "dim", Usage: "bind a symbolic dimension, `NAME=VALUE` (default: every symbolic dimension is 1)"}

func inspectCommand() *cli.Command {
	return &cli.Command{
		Name:      "inspect",
		Usage:     "show a model's inputs, outputs, ops and parameters, and which ops zkml does not support",
		ArgsUsage: "model.onnx|build/",
		Description: `Example:
   zkml inspect model.onnx
   zkml inspect model.onnx --json
   zkml inspect build/          # a compiled model: its circuit and where its keys come from
                                # (a split build: each segment's folder, size and keys)

Exits non-zero, listing every unsupported op at once, when the model cannot be compiled.`,
		Flags: []cli.Flag{dimFlag, jsonFlag},
		Action: func(c *cli.Context) error {
			a, err := args(c, "model.onnx")
			if err != nil {
				return err
			}
			if st, err := os.Stat(a[0]); err == nil && st.IsDir() {
				if prover.IsSplit(a[0]) {
					return inspectSplit(c, a[0])
				}
				return inspectBuild(c, a[0])
			}
			opts, err := loadOptions(c)
			if err != nil {
				return err
			}
			g, err := onnx.Load(a[0], opts)
			if err != nil {
				return err
			}
			// The importer understands more ops than can be proven (shape
			// arithmetic that folds away, say): ask the quantizer too.
			if err := quantize.Check(g); err != nil {
				return err
			}
			s := summarize(g)
			return output(c, s, func(w io.Writer) { s.print(w) })
		},
	}
}

func loadOptions(c *cli.Context) (*onnx.Options, error) {
	opts := &onnx.Options{Dims: map[string]int{}}
	for _, d := range c.StringSlice("dim") {
		name, val, ok := strings.Cut(d, "=")
		n, err := strconv.Atoi(val)
		if !ok || name == "" || err != nil || n < 1 {
			return nil, fmt.Errorf("--dim %q: expected NAME=VALUE with a positive integer VALUE", d)
		}
		opts.Dims[name] = n
	}
	return opts, nil
}

type valueSummary struct {
	Name  string `json:"name"`
	DType string `json:"dtype"`
	Shape []int  `json:"shape"`
}

type modelSummary struct {
	File       string         `json:"file"`
	Producer   string         `json:"producer,omitempty"`
	Opset      int64          `json:"opset"`
	Inputs     []valueSummary `json:"inputs"`
	Outputs    []valueSummary `json:"outputs"`
	Ops        map[string]int `json:"ops"`
	Nodes      int            `json:"nodes"`
	Parameters int            `json:"parameters"`
}

func summarize(g *onnx.Graph) modelSummary {
	s := modelSummary{File: g.File, Producer: g.Producer, Opset: g.Opset, Ops: map[string]int{}, Nodes: len(g.Nodes)}
	for _, v := range g.Inputs {
		s.Inputs = append(s.Inputs, valueSummary{v.Name, v.DType.String(), v.Shape})
	}
	for _, v := range g.Outputs {
		s.Outputs = append(s.Outputs, valueSummary{v.Name, v.DType.String(), v.Shape})
	}
	for _, n := range g.Nodes {
		s.Ops[n.OpType]++
	}
	for _, t := range g.Constants {
		s.Parameters += t.Len()
	}
	return s
}

func (s modelSummary) print(w io.Writer) {
	fmt.Fprintf(w, "model:      %s\n", s.File)
	if s.Producer != "" {
		fmt.Fprintf(w, "producer:   %s\n", s.Producer)
	}
	fmt.Fprintf(w, "opset:      %d\n", s.Opset)
	for _, v := range s.Inputs {
		fmt.Fprintf(w, "input:      %s %s %v\n", v.Name, v.DType, v.Shape)
	}
	for _, v := range s.Outputs {
		fmt.Fprintf(w, "output:     %s %s %v\n", v.Name, v.DType, v.Shape)
	}
	fmt.Fprintf(w, "parameters: %d\n", s.Parameters)
	fmt.Fprintf(w, "nodes:      %d (after folding constants)\n", s.Nodes)
	ops := make([]string, 0, len(s.Ops))
	for op := range s.Ops {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	for _, op := range ops {
		fmt.Fprintf(w, "  %-24s %d\n", op, s.Ops[op])
	}
	fmt.Fprintln(w, "all ops supported")
}

func compileCommand() *cli.Command {
	def := plan.DefaultConfig()
	return &cli.Command{
		Name:      "compile",
		Usage:     "quantize a model and compile it into a circuit in a build directory",
		ArgsUsage: "model.onnx",
		Description: `Example:
   zkml compile model.onnx --out build/ --calibration input.json
   zkml compile model.onnx --out build/ --calibration a.json --calibration b.json --backend plonk

Calibration files use EZKL's input format, {"input_data": [[flat values of input 0], ...]};
each file is one sample. zkml picks every tensor's fixed-point scale from the ranges the
samples reach (times --headroom), so give inputs like the ones you will prove. Without
--calibration, zkml calibrates on one default sample (uniform random values in [-1, 1],
zeros for integer inputs, from a fixed seed) and warns: scales picked from it may clip
real inputs or waste precision on them.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "build", Usage: "build `DIR` to write"},
			&cli.StringSliceFlag{Name: "calibration", Aliases: []string{"c"}, Usage: "sample input `FILE` (repeatable; without it, a default random sample, with a warning)"},
			&cli.StringFlag{Name: "backend", Value: "groth16", Usage: "proof system: groth16 or plonk"},
			&cli.StringFlag{Name: "range-checks", Value: "auto", Usage: "how the circuit proves ranges: auto (Groth16: bits when the model has no lookup table and bits at most doubles the constraints or adds at most 65,536, lookup otherwise; PLONK: lookup), lookup (fewest constraints; a Groth16 proof then carries a commitment, ~90k more gas on chain) or bits (bit decomposition: more constraints, cheapest on-chain verification)"},
			&cli.BoolFlag{Name: "pack-outputs", Value: true, Usage: "pack several outputs into one public input (activation-bits each; 7 per field element at 32 bits) when that reduces their number: each public input saved saves ~6k gas on chain; --pack-outputs=false gives one public input per output element"},
			&cli.StringFlag{Name: "input-visibility", Value: "private", Usage: "what proofs reveal of the input: private (nothing), public (the quantized values are public inputs) or hashed (their Poseidon2 commitment is; see zkml commit)"},
			&cli.StringFlag{Name: "output-visibility", Value: "public", Usage: "what proofs reveal of the outputs: public (the values), hashed (their Poseidon2 commitment) or private (nothing)"},
			&cli.StringFlag{Name: "param-visibility", Value: "fixed", Usage: "the weights: fixed (circuit constants, covered by the keys) or hashed (private, bound by one public Poseidon2 commitment; verification then needs no weights)"},
			&cli.IntFlag{Name: "activation-bits", Value: def.ActivationBits, Usage: "range of every activation, in bits"},
			&cli.IntFlag{Name: "weight-bits", Value: def.WeightBits, Usage: "precision of quantized weights, in bits"},
			&cli.IntFlag{Name: "max-scale", Value: def.MaxScale, Usage: "largest fixed-point scale exponent"},
			&cli.Float64Flag{Name: "headroom", Value: def.Headroom, Usage: "factor on the calibrated ranges"},
			&cli.BoolFlag{Name: "domain-flag", Usage: "add one proven public bit after the outputs: 1 when no value left its calibrated domain (no lookup input clamped where its function does not saturate), so that a contract can reject out-of-domain inferences; fused tables (GELU's) then clamp at their ends instead of refusing inputs beyond them"},
			splitFlags[0], splitFlags[1], dimFlag, jsonFlag, quietFlag,
		},
		Action: func(c *cli.Context) error {
			a, err := args(c, "model.onnx")
			if err != nil {
				return err
			}
			opts, err := loadOptions(c)
			if err != nil {
				return err
			}
			backend, err := prover.ParseBackend(c.String("backend"))
			if err != nil {
				return fmt.Errorf("--backend: %w", err)
			}
			cfg := plan.Config{
				ActivationBits: c.Int("activation-bits"),
				WeightBits:     c.Int("weight-bits"),
				MaxScale:       c.Int("max-scale"),
				Headroom:       c.Float64("headroom"),
			}
			var popts []prover.Option
			switch c.String("range-checks") {
			case "auto":
				popts = append(popts, prover.WithAutoRangeChecks())
			case "lookup":
			case "bits":
				popts = append(popts, prover.WithBitDecompositionRangeChecks())
			default:
				return fmt.Errorf("--range-checks %q: expected auto, lookup or bits", c.String("range-checks"))
			}
			if !c.Bool("pack-outputs") {
				popts = append(popts, prover.WithoutPackedOutputs())
			}
			vopts, err := visibilityOptions(c)
			if err != nil {
				return err
			}
			popts = append(popts, vopts...)
			var qopts []quantize.Option
			if c.Bool("domain-flag") {
				popts = append(popts, prover.WithDomainFlag())
				// Out-of-domain inputs are proven with the bit 0, not refused.
				qopts = append(qopts, quantize.ClampTables())
			}
			split, err := splitRequestOf(c)
			if err != nil {
				return err
			}
			res, err := compileModel(c.Context, a[0], c.String("out"), c.StringSlice("calibration"), backend, cfg, qopts, opts, split, progressFor(c), popts...)
			if err != nil {
				return err
			}
			return output(c, res, func(w io.Writer) { res.print(w) })
		},
	}
}

func setupCommand() *cli.Command {
	return &cli.Command{
		Name:      "setup",
		Usage:     "generate the proving and verifying keys of a compiled model",
		ArgsUsage: "build/",
		Description: `Example:
   zkml setup build/
   zkml setup build/ --ptau powersOfTau28_hez_final_20.ptau
   zkml setup build/ --srs powers.srs      # PLONK with a KZG SRS in gnark-crypto's format

Without --ptau or --srs, Groth16 keys come from a single-party setup on this machine and
PLONK uses a development SRS generated from a public seed: both are INSECURE for
production (whoever knows the setup's secret can forge proofs). With --ptau, a public
powers-of-tau file (snarkjs format), PLONK uses its powers as the SRS, and Groth16 runs
a ceremony with this machine as its one contributor (one point of trust: see
` + "`zkml ceremony`" + ` for several). Keys are written to the build directory; run setup once
and keep them, since a new setup invalidates old proofs.

Development keys depend only on the circuit: they are kept in a key cache
($ZKML_KEY_CACHE, default zkml/keys in the user's cache directory; "off" for none) and
reused, with a note saying so, when a build of an identical circuit is set up again.
Keys from --ptau or --srs are never cached.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "ptau", Usage: "powers-of-tau `FILE` (snarkjs .ptau, e.g. the Perpetual Powers of Tau)"},
			&cli.StringFlag{Name: "srs", Usage: "KZG SRS `FILE` for PLONK (gnark-crypto format); default: insecure development SRS"},
			&cli.BoolFlag{Name: "no-cache", Usage: "make new development keys even when the key cache has this circuit's"},
			jsonFlag, quietFlag,
		},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/")
			if err != nil {
				return err
			}
			if c.String("ptau") != "" && c.String("srs") != "" {
				return fmt.Errorf("--ptau and --srs: give one")
			}
			sopts := prover.SetupOptions{SRSPath: c.String("srs"), PTauPath: c.String("ptau")}
			cache := prover.DefaultKeyCache()
			if c.Bool("no-cache") {
				cache = ""
			}
			if prover.IsSplit(a[0]) {
				res, err := setupSplit(a[0], sopts, cache, progressFor(c))
				if err != nil {
					return err
				}
				return output(c, res, func(w io.Writer) { res.print(w) })
			}
			res, err := setupBuild(a[0], sopts, cache, progressFor(c))
			if err != nil {
				return err
			}
			return output(c, res, func(w io.Writer) { res.print(w) })
		},
	}
}

func proveCommand() *cli.Command {
	return &cli.Command{
		Name:      "prove",
		Usage:     "prove one inference of a compiled model",
		ArgsUsage: "build/",
		Description: `Example:
   zkml prove build/ --input input.json --out proof.json

The input uses EZKL's format, {"input_data": [[flat values of input 0], ...]}. The proof
file holds the proof, its public inputs and the model's outputs (dequantized), which the
proof attests to.

An input beyond the range calibration saw may be clamped at the end of a lookup table
(Sigmoid, Elu, ...); where the function does not saturate there, the proven output is an
approximation. prove warns of it per layer (and lists it under "clamped" with --json);
--strict refuses to prove instead.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "input `FILE`", Required: true},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "proof.json", Usage: "proof `FILE` to write"},
			&cli.StringFlag{Name: "prover", Value: "auto", Usage: "where to prove: auto (a GPU when the binary has the GPU prover and a CUDA device answers, else the CPU), cpu, or gpu (Groth16 only; a binary built with make build-icicle)"},
			&cli.BoolFlag{Name: "strict", Usage: "refuse to prove an input that leaves its calibrated domain"},
			jobsFlag, segmentFlag, jsonFlag, quietFlag,
		},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/")
			if err != nil {
				return err
			}
			device, err := prover.ParseDevice(c.String("prover"))
			if err != nil {
				return err
			}
			popts := []prover.Option{prover.WithDevice(device)}
			if c.Bool("strict") {
				popts = append(popts, prover.WithStrictDomain())
			}
			if prover.IsSplit(a[0]) {
				res, err := proveSplit(a[0], c.String("input"), c.String("out"), c.Int("jobs"), c.Int("segment"), progressFor(c), popts...)
				if err != nil {
					return err
				}
				return output(c, res, func(w io.Writer) { res.print(w) })
			}
			res, err := proveInput(a[0], c.String("input"), c.String("out"), progressFor(c), popts...)
			if err != nil {
				return err
			}
			return output(c, res, func(w io.Writer) { res.print(w) })
		},
	}
}

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "verify a proof against a compiled model; exits 0 only for a valid proof",
		ArgsUsage: "build/ proof.json",
		Description: `Example:
   zkml verify build/ proof.json && echo valid
   zkml verify build/ proof.json --json

Exits 0 for a valid proof, 1 for a rejected one (with --json, {"valid": false, "reason": ...}
on stdout), 2 when the build or the file cannot be read. For a split build (compile
--max-constraints or --shards), the file is the chain zkml prove wrote: every segment's proof
and every link between them are checked.`,
		Flags: []cli.Flag{jsonFlag, quietFlag},
		Action: func(c *cli.Context) error {
			a, err := args(c, "build/", "proof.json")
			if err != nil {
				return err
			}
			if prover.IsSplit(a[0]) {
				res, err := verifySplit(a[0], a[1], progressFor(c))
				if errors.Is(err, prover.ErrInvalidProof) {
					return reject(c, err)
				}
				if err != nil {
					return err
				}
				return output(c, res, func(w io.Writer) { res.print(w) })
			}
			res, err := verifyProof(a[0], a[1], progressFor(c))
			if errors.Is(err, prover.ErrInvalidProof) {
				return reject(c, err)
			}
			if err != nil {
				return err
			}
			return output(c, res, func(w io.Writer) { res.print(w) })
		},
	}
}

func demoCommand() *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "compile, set up, prove and verify the built-in demo model end to end, then verify it on an embedded chain",
		Description: `Example:
   zkml demo
   zkml demo --dir /tmp/zkml-demo --backend plonk

The demo model is a small convolutional network that zkml generates itself (the same
as testdata/demo/model.onnx). After proving and verifying, the demo starts an embedded
chain (in this process: no network, no compiler), deploys zkml's generic verifier with
the build's key and a ZkmlRegistry, registers the model, verifies the proof through the
registry in a transaction, and has a ZkmlThresholdOracle read the proven output back and
decode it with ZkmlFixedPoint. The build directory, input and proof are left in --dir,
and the demo prints the commands that repeat each step by hand (with ` + "`zkml devnet`" + `).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "dir", Value: "zkml-demo", Usage: "working `DIR`"},
			&cli.StringFlag{Name: "backend", Value: "groth16", Usage: "proof system: groth16 or plonk"},
			jsonFlag, quietFlag,
		},
		Action: func(c *cli.Context) error {
			backend, err := prover.ParseBackend(c.String("backend"))
			if err != nil {
				return fmt.Errorf("--backend: %w", err)
			}
			res, err := runDemo(c.Context, c.String("dir"), backend, progressFor(c))
			if err != nil {
				return err
			}
			return output(c, res, func(w io.Writer) { res.print(w) })
		},
	}
}
