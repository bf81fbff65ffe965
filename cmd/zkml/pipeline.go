package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

// The steps behind the commands, shared by the commands and `zkml demo`.

type compileResult struct {
	Dir          string         `json:"dir"`
	Model        string         `json:"model"`
	Backend      prover.Backend `json:"backend"`
	RangeChecks  string         `json:"range_checks"`
	Constraints  int            `json:"constraints"`
	PublicInputs int            `json:"public_inputs"`
	// OutputElements is the number of output values; OutputPacking says
	// how they fill the public inputs (nil: one each).
	OutputElements int                   `json:"output_elements"`
	OutputPacking  *prover.PackingInfo   `json:"output_packing,omitempty"`
	Visibility     prover.VisibilityInfo `json:"visibility"`
	Layout         prover.PublicLayout   `json:"public_input_layout"`
	// ParamsCommitment: with --param-visibility hashed, what every proof
	// carries for the weights.
	ParamsCommitment string              `json:"params_commitment,omitempty"`
	Calibration      []calibrationSample `json:"calibration"`
	Layers           []plan.LayerReport  `json:"layers"`
	// Segments, for a split build (--max-constraints, --shards): each
	// segment's folder, ops and size.
	Segments []segmentResult `json:"segments,omitempty"`
	Seconds  float64         `json:"seconds"`
	// Warning says that the model was calibrated on a default sample.
	Warning string `json:"warning,omitempty"`
}

// defaultSampleSeed seeds the default calibration sample, so that a
// compile without --calibration is reproducible.
const defaultSampleSeed = 1

// defaultSample is the calibration sample of a compile without
// --calibration: uniform random values in [-1, 1] for float inputs, 0 or 1
// for boolean ones and zeros for integer ones (often indices), from a
// fixed seed. It returns the sample and what it is.
func defaultSample(g *onnx.Graph) ([][]float64, string, error) {
	r := rand.New(rand.NewPCG(defaultSampleSeed, 0))
	in := make([][]float64, len(g.Inputs))
	for i, v := range g.Inputs {
		n := 1
		for _, d := range v.Shape {
			if d <= 0 {
				return nil, "", fmt.Errorf("input %q has the dynamic shape %v: pass --calibration with a sample input (or fix the dimension with --dim)", v.Name, v.Shape)
			}
			n *= d
		}
		in[i] = make([]float64, n)
		for j := range in[i] {
			switch {
			case v.DType.IsFloat():
				in[i][j] = 2*r.Float64() - 1
			case v.DType == onnx.Bool:
				in[i][j] = float64(r.IntN(2))
			}
		}
	}
	return in, fmt.Sprintf("a default sample (uniform random values in [-1, 1], seed %d)", defaultSampleSeed), nil
}

// calibrationSample is how far the integer executor lands from the float
// reference on one calibration input: the accuracy a user can expect.
type calibrationSample struct {
	File        string  `json:"file"`
	RelativeErr float64 `json:"relative_linf_error"`
}

func compileModel(ctx context.Context, modelPath, dir string, calFiles []string, backend prover.Backend, cfg plan.Config, qopts []quantize.Option, opts *onnx.Options, split *splitRequest, p *progress, popts ...prover.Option) (*compileResult, error) {
	start := time.Now()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	p.Stage("loading " + filepath.Base(modelPath))
	g, err := onnx.Load(modelPath, opts)
	if err != nil {
		p.Fail()
		return nil, err
	}
	samples := make([][][]float64, len(calFiles))
	for i, f := range calFiles {
		in, err := readInputsFor(g, f)
		if err != nil {
			p.Fail()
			return nil, err
		}
		samples[i] = in
	}
	var warning string
	if len(calFiles) == 0 {
		in, what, err := defaultSample(g)
		if err != nil {
			p.Fail()
			return nil, err
		}
		samples, calFiles = [][][]float64{in}, []string{what}
		warning = "no --calibration: calibrated on " + what + ", not on your data: the fixed-point scales may clip real inputs or lose precision on them; pass --calibration with inputs like the ones you will prove"
	}
	p.Stage("calibrating on " + plural(len(samples), "sample"))
	cal, err := quantize.Calibrate(g, samples)
	if err != nil {
		p.Fail()
		return nil, err
	}
	pl, err := quantize.Compile(ctx, g, cal, cfg, qopts...)
	if err != nil {
		p.Fail()
		return nil, err
	}
	// Per-layer errors on the first sample show where precision is lost.
	layers, err := quantize.ReportOn(pl, g, samples[0])
	if err != nil {
		p.Fail()
		return nil, fmt.Errorf("%s: %w", calFiles[0], err)
	}
	res := &compileResult{Dir: dir, Model: modelPath, Backend: backend, Layers: layers, Warning: warning}
	for i, in := range samples {
		e, err := integerError(g, pl, in)
		if err != nil {
			p.Fail()
			return nil, fmt.Errorf("%s: %w", calFiles[i], err)
		}
		res.Calibration = append(res.Calibration, calibrationSample{calFiles[i], e})
	}
	p.End() // prover reports its own stages
	sum, err := fileSHA256(modelPath)
	if err != nil {
		p.Fail()
		return nil, err
	}
	meta := prover.Meta{ModelFile: filepath.Base(modelPath), ModelSHA256: sum, ZKMLVersion: version}
	for _, v := range g.Inputs {
		meta.InputNames = append(meta.InputNames, v.Name)
	}
	for _, v := range g.Outputs {
		meta.OutputNames = append(meta.OutputNames, v.Name)
	}
	if split != nil {
		if err := compileSplit(dir, pl, backend, meta, *split, p, res, popts...); err != nil {
			p.Fail()
			return nil, err
		}
		res.Seconds = time.Since(start).Seconds()
		return res, nil
	}
	b, err := prover.Compile(context.Background(), dir, pl, backend, meta, append(popts, prover.WithProgress(p.Stage))...)
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	res.RangeChecks = b.Settings().Circuit.RangeChecks
	res.Constraints = b.Settings().Circuit.Constraints
	res.PublicInputs = b.Settings().Circuit.PublicInputs
	res.OutputPacking = b.Settings().Circuit.OutputPacking
	res.Visibility, res.Layout = b.Visibility(), b.Layout()
	res.ParamsCommitment = b.Settings().ParamsCommitment
	for _, o := range b.Settings().Outputs {
		res.OutputElements += o.Size()
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// integerError runs one input through both reference executors and returns
// the relative L∞ distance of the outputs.
func integerError(g *onnx.Graph, pl *plan.Plan, in [][]float64) (float64, error) {
	vals, err := quantize.RunFloat(g, in)
	if err != nil {
		return 0, err
	}
	ref := make([][]float64, len(g.Outputs))
	for i, o := range g.Outputs {
		ref[i] = vals[o.Name]
	}
	q, err := pl.QuantizeInputs(in)
	if err != nil {
		return 0, err
	}
	all, err := pl.Run(q)
	if err != nil {
		return 0, err
	}
	return modelio.RelativeLInf(pl.DequantizeOutputs(all), ref), nil
}

func readInputsFor(g *onnx.Graph, path string) ([][]float64, error) {
	in, err := modelio.ReadInputFile(path)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(g.Inputs))
	shapes := make([][]int, len(g.Inputs))
	for i, v := range g.Inputs {
		names[i], shapes[i] = v.Name, v.Shape
	}
	in, err = modelio.ForModel(in, names, shapes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return in, nil
}

func fileSHA256(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:]), nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// publicParts says what the public inputs hold, part by part.
func (r *compileResult) publicParts() []string {
	var parts []string
	switch r.Visibility.Input {
	case circuits.Public:
		parts = append(parts, fmt.Sprintf("%d for the input", r.Layout.Input))
	case circuits.Hashed:
		parts = append(parts, "the input's commitment")
	}
	switch r.Visibility.Output {
	case circuits.Hashed:
		parts = append(parts, "the commitment of "+plural(r.OutputElements, "output"))
	case circuits.Private:
		parts = append(parts, "no outputs: they are private")
	default:
		if k := r.OutputPacking; k != nil {
			parts = append(parts, fmt.Sprintf("%s packed, %d of %d bits per public input", plural(r.OutputElements, "output"), k.OutputsPerWord, k.BitsPerOutput))
		} else {
			parts = append(parts, "one per output")
		}
	}
	if r.Layout.Params > 0 {
		parts = append(parts, "the params commitment")
	}
	if r.Layout.Domain > 0 {
		parts = append(parts, "the domain bit")
	}
	return parts
}

func (r *compileResult) print(w io.Writer) {
	fmt.Fprintf(w, "compiled %s into %s (%s, %s range checks)\n", r.Model, r.Dir, r.Backend, r.RangeChecks)
	if r.Warning != "" {
		fmt.Fprintln(w, "WARNING: "+r.Warning)
	}
	fmt.Fprintf(w, "constraints:   %d\n", r.Constraints)
	fmt.Fprintf(w, "public inputs: %d (%s)\n", r.PublicInputs, strings.Join(r.publicParts(), ", "))
	if r.ParamsCommitment != "" {
		fmt.Fprintf(w, "params commitment: %s (the weights are private)\n", r.ParamsCommitment)
	}
	for _, c := range r.Calibration {
		fmt.Fprintf(w, "accuracy on %s: relative L∞ error %.3g%% (integer vs float reference)\n", c.File, 100*c.RelativeErr)
	}
	if len(r.Layers) > 0 {
		fmt.Fprintln(w, "layers (scale; calibrated range of the largest the scale holds, with its significant bits; error vs float on the first sample):")
		for _, l := range r.Layers {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	r.printSegments(w)
	fmt.Fprintf(w, "next: zkml setup %s\n", r.Dir)
}

type setupResult struct {
	Dir      string         `json:"dir"`
	Backend  prover.Backend `json:"backend"`
	Insecure bool           `json:"insecure"`
	Kind     string         `json:"kind"` // development, ptau or ceremony
	SRS      string         `json:"srs,omitempty"`
	PTau     string         `json:"ptau,omitempty"`
	Warning  string         `json:"warning,omitempty"`
	// ReusedFrom is the key cache entry the keys come from, when an
	// identical circuit was set up before.
	ReusedFrom string  `json:"reused_from,omitempty"`
	Seconds    float64 `json:"seconds"`
}

func setupBuild(dir string, opts prover.SetupOptions, keyCache string, p *progress) (*setupResult, error) {
	start := time.Now()
	var b *prover.Build
	b, err := prover.Open(dir, prover.WithKeyCache(keyCache), prover.WithProgress(func(stage string) {
		// gnark's key generation reports nothing while it runs (minutes
		// on large models): it is shown against an estimate.
		if strings.HasPrefix(stage, "generating") && b != nil {
			n := b.Settings().Circuit.Constraints
			p.StageEstimate(stage, setupEstimate(b.Backend(), n),
				fmt.Sprintf("a rough estimate for %s constraints on a few cores", groupThousands(n)))
			return
		}
		p.Stage(stage)
	}))
	if err != nil {
		return nil, err
	}
	if err := b.Setup(context.Background(), opts); err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	return setupResultOf(b, time.Since(start).Seconds()), nil
}

// setupEstimate is roughly how long key generation takes for n constraints:
// Groth16's development setup (prover/devsetup.go) took 161 s for 706k
// constraints on a loaded 2-core machine (bench/RESULTS.md), about 0.25 ms
// per constraint; PLONK (more, cheaper constraints) about 0.1 ms.
func setupEstimate(backend prover.Backend, n int) time.Duration {
	per := 250 * time.Microsecond
	if backend == prover.PLONK {
		per = 100 * time.Microsecond
	}
	return time.Second + time.Duration(n)*per
}

// groupThousands writes n with thousands separators: 760,000.
func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func setupResultOf(b *prover.Build, seconds float64) *setupResult {
	s := b.Settings().Setup
	r := &setupResult{Dir: b.Dir(), Backend: b.Backend(), Insecure: s.Insecure, Kind: b.SetupKind(), Warning: s.Warning, ReusedFrom: s.ReusedFrom, Seconds: seconds}
	if s.SRS != nil && s.SRS.Source != "dev" && s.PTau == nil {
		r.SRS = s.SRS.Source
	}
	if s.PTau != nil {
		r.PTau = s.PTau.File
	}
	return r
}

func (r *setupResult) print(w io.Writer) {
	fmt.Fprintf(w, "wrote proving and verifying keys to %s (%s, %s setup)\n", r.Dir, r.Backend, r.Kind)
	if r.ReusedFrom != "" {
		fmt.Fprintf(w, "reused the keys of an identical circuit from the key cache (%s); --no-cache sets up afresh\n", r.ReusedFrom)
	}
	if r.Insecure && r.Backend == prover.PLONK && r.SRS == "" && r.PTau == "" {
		fmt.Fprintln(w, "warning: development setup — INSECURE for production (the SRS's secret τ is derived from a public seed: anyone can compute it and forge proofs)")
	} else if r.Insecure {
		fmt.Fprintln(w, "warning: development setup — INSECURE for production (the setup's secret was on this machine)")
	} else if r.Warning != "" {
		fmt.Fprintln(w, "warning: "+r.Warning)
	}
	fmt.Fprintf(w, "next: zkml prove %s --input INPUT.json --out proof.json\n", r.Dir)
}

type proveResult struct {
	Proof   string      `json:"proof_file"`
	Outputs [][]float64 `json:"outputs"`
	Shapes  [][]int     `json:"output_shapes"`
	Names   []string    `json:"output_names"`
	// The commitments the proof carries as public inputs (hashed
	// visibility only), as zkml commit prints them.
	proofCommitments
	// Device made the proof; Fallback says why the CPU did when the GPU
	// prover failed.
	Device   prover.Device `json:"prover"`
	Fallback string        `json:"fallback,omitempty"`
	// InDomain is the proven domain bit of a build compiled with
	// --domain-flag; Clamped the layers whose inputs left their calibrated
	// domain (empty when none did).
	InDomain *bool        `json:"in_domain,omitempty"`
	Clamped  []plan.Clamp `json:"clamped"`
	Seconds  float64      `json:"seconds"`
}

func proveInput(dir, inputPath, out string, p *progress, opts ...prover.Option) (*proveResult, error) {
	start := time.Now()
	b, err := prover.Open(dir, append([]prover.Option{prover.WithProgress(p.Stage)}, opts...)...)
	if err != nil {
		return nil, err
	}
	in, err := modelio.ReadInputFile(inputPath)
	if err != nil {
		return nil, err
	}
	var names []string
	var shapes [][]int
	for _, t := range b.Settings().Inputs {
		names, shapes = append(names, t.Name), append(shapes, t.Shape)
	}
	in, err = modelio.ForModel(in, names, shapes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", inputPath, err)
	}
	proof, err := b.Prove(context.Background(), in)
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	if err := prover.WriteProof(out, proof); err != nil {
		return nil, err
	}
	res := &proveResult{Proof: out, Outputs: proof.Outputs, Shapes: proof.OutputShapes, Names: proof.OutputNames, Seconds: time.Since(start).Seconds(),
		Device: proof.Device, Fallback: proof.Fallback}
	if proof.HiddenOutputs != nil {
		// Not in the proof, but the prover ran the model and may see them.
		res.Outputs, res.Names = proof.HiddenOutputs, nil
		for _, o := range b.Settings().Outputs {
			res.Names, res.Shapes = append(res.Names, o.Name), append(res.Shapes, o.Shape)
		}
	}
	res.proofCommitments = commitments(proof)
	res.InDomain, res.Clamped = proof.InDomain, proof.Clamps
	if res.Clamped == nil {
		res.Clamped = []plan.Clamp{}
	}
	return res, nil
}

func (r *proveResult) print(w io.Writer) {
	for i, o := range r.Outputs {
		name := fmt.Sprint(i)
		if i < len(r.Names) {
			name = r.Names[i]
		}
		fmt.Fprintf(w, "output %s %v: %s\n", name, r.Shapes[i], formatFloats(o, 16))
	}
	r.proofCommitments.print(w)
	if r.Fallback != "" {
		fmt.Fprintf(w, "warning: %s\n", r.Fallback)
	}
	for _, c := range r.Clamped {
		fmt.Fprintf(w, "warning: %s\n", c)
	}
	if len(r.Clamped) > 0 {
		fmt.Fprintln(w, "warning: the input leaves the calibrated domain; the outputs above approximate the model (--strict refuses such inputs)")
	}
	if r.InDomain != nil {
		fmt.Fprintf(w, "domain bit: %d (proven)\n", boolInt(*r.InDomain))
	}
	fmt.Fprintf(w, "wrote %s\n", r.Proof)
}

func formatFloats(v []float64, limit int) string {
	s := "["
	for i, x := range v {
		if i == limit {
			s += fmt.Sprintf(" … %d more", len(v)-limit)
			break
		}
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%.6g", x)
	}
	return s + "]"
}

type verifyResult struct {
	Valid   bool           `json:"valid"`
	Backend prover.Backend `json:"backend"`
	Outputs [][]float64    `json:"outputs"`
	// What the proof binds hashed inputs, outputs and params to.
	proofCommitments
}

func verifyProof(dir, proofPath string, p *progress) (*verifyResult, error) {
	b, err := prover.Open(dir)
	if err != nil {
		return nil, err
	}
	proof, err := prover.ReadProof(proofPath)
	if err != nil {
		return nil, err
	}
	p.Stage("verifying")
	if err := prover.Verify(b, proof); err != nil { // names the proof file
		p.Fail()
		return nil, err
	}
	p.End()
	res := &verifyResult{Valid: true, Backend: b.Backend(), Outputs: proof.Outputs}
	res.proofCommitments = commitments(proof)
	return res, nil
}

func (r *verifyResult) print(w io.Writer) {
	fmt.Fprintf(w, "proof is valid (%s)\n", r.Backend)
	r.proofCommitments.print(w)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
