package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
)

// Split builds: `zkml compile --max-constraints N` or `--shards K` cuts the
// model into segments (see package prover, split.go), and setup, prove and
// verify handle a split build directory as a whole.

// splitFlags are compile's flags that split the model.
var splitFlags = []cli.Flag{
	&cli.IntFlag{Name: "max-constraints", Usage: "split the model at layer boundaries into segments of at most about `N` constraints each, each its own circuit, chained by hashed commitments of the tensors at the cuts"},
	&cli.IntFlag{Name: "shards", Usage: "split the model into `K` segments of about equal size (see --max-constraints)"},
}

// jobsFlag is prove's parallelism for split builds; segmentFlag proves
// one segment alone, as one job of a scheduler would.
var (
	jobsFlag    = &cli.IntFlag{Name: "jobs", Value: 1, Usage: "split builds: prove up to `N` segments at once (each holds its proving key in memory)"}
	segmentFlag = &cli.IntFlag{Name: "segment", Value: -1, Usage: "split builds: prove segment `I` alone (its input computed from the model input by the integer executor) and write its proof.json"}
)

type splitRequest struct{ maxConstraints, shards int }

// splitRequestOf reads --max-constraints and --shards; nil when neither
// asks for a split.
func splitRequestOf(c *cli.Context) (*splitRequest, error) {
	r := splitRequest{c.Int("max-constraints"), c.Int("shards")}
	switch {
	case r.maxConstraints < 0:
		return nil, fmt.Errorf("--max-constraints %d: expected a positive number", r.maxConstraints)
	case r.shards < 0:
		return nil, fmt.Errorf("--shards %d: expected a positive number", r.shards)
	case r.maxConstraints > 0 && r.shards > 0:
		return nil, fmt.Errorf("--max-constraints and --shards: give one")
	case r.maxConstraints == 0 && r.shards <= 1:
		return nil, nil
	}
	return &r, nil
}

type segmentResult struct {
	Dir         string `json:"dir"`
	Ops         [2]int `json:"ops"`
	Constraints int    `json:"constraints"`
	Boundary    int    `json:"boundary_tensors"` // tensors its outputs commit to (0 for the last)
}

func compileSplit(dir string, pl *plan.Plan, backend prover.Backend, meta prover.Meta, r splitRequest, p *progress, res *compileResult, popts ...prover.Option) error {
	// The cuts come from estimates; when a compiled segment exceeds the
	// limit, cut again with the limit lowered by the overshoot (twice at
	// most), so that what the user asked for holds whenever it can.
	limit := r.maxConstraints
	var s *prover.Split
	for try := 0; ; try++ {
		p.Stage("estimating each layer's constraints")
		cuts, err := prover.SplitCuts(pl, backend, limit, r.shards, popts...)
		if err != nil && s != nil {
			// No tighter split: keep the last one, and say so.
			res.Warning = fmt.Sprintf("a segment has %d constraints, more than --max-constraints %d, and no tighter split exists (%v)", largest(s), r.maxConstraints, err)
			break
		}
		if err != nil {
			return err
		}
		if len(cuts) == 0 {
			return fmt.Errorf("the model fits %d constraints whole: compile it without --max-constraints", r.maxConstraints)
		}
		s, err = prover.CompileSplit(context.Background(), dir, pl, backend, meta, cuts, func(i, n int) {
			p.Stage(fmt.Sprintf("compiling segment %d of %d", i+1, n))
		}, popts...)
		if err != nil {
			return err
		}
		top := largest(s)
		if r.maxConstraints == 0 || top <= r.maxConstraints {
			break
		}
		if try == 2 {
			res.Warning = fmt.Sprintf("a segment has %d constraints, more than --max-constraints %d: the estimates were off; give a lower limit", top, r.maxConstraints)
			break
		}
		limit = int(int64(limit) * int64(r.maxConstraints) / int64(top))
	}
	p.End()
	segs := s.Segments()
	first := segs[0].Settings()
	res.RangeChecks = first.Circuit.RangeChecks
	res.Visibility = s.Manifest().Visibility
	for i, e := range s.Manifest().Segments {
		res.Constraints += e.Constraints
		sr := segmentResult{Dir: e.Dir, Ops: e.Ops, Constraints: e.Constraints}
		if i+1 < len(segs) {
			sr.Boundary = len(e.Outputs)
		}
		res.Segments = append(res.Segments, sr)
	}
	last := segs[len(segs)-1].Settings()
	res.PublicInputs, res.OutputPacking = last.Circuit.PublicInputs, last.Circuit.OutputPacking
	res.Layout = last.Layout
	for _, o := range last.Outputs {
		res.OutputElements += o.Size()
	}
	return nil
}

// largest is the constraint count of s's largest segment.
func largest(s *prover.Split) int {
	n := 0
	for _, e := range s.Manifest().Segments {
		n = max(n, e.Constraints)
	}
	return n
}

// printSegments adds a split build's segments to compile's human output.
func (r *compileResult) printSegments(w io.Writer) {
	if len(r.Segments) == 0 {
		return
	}
	if r.Warning != "" {
		defer fmt.Fprintf(w, "warning: %s\n", r.Warning)
	}
	fmt.Fprintf(w, "split into %d segments (constraints above: their sum):\n", len(r.Segments))
	for _, s := range r.Segments {
		fmt.Fprintf(w, "  %s: ops %d..%d, %d constraints", s.Dir, s.Ops[0], s.Ops[1]-1, s.Constraints)
		if s.Boundary > 0 {
			fmt.Fprintf(w, ", outputs %s committed for the next segment", plural(s.Boundary, "tensor"))
		}
		fmt.Fprintln(w)
	}
}

type splitSetupResult struct {
	Dir      string         `json:"dir"`
	Backend  prover.Backend `json:"backend"`
	Kind     string         `json:"kind"`
	Insecure bool           `json:"insecure"`
	Segments []string       `json:"segments"` // the folders set up, in order
	Seconds  float64        `json:"seconds"`
}

func setupSplit(dir string, opts prover.SetupOptions, keyCache string, p *progress) (*splitSetupResult, error) {
	start := time.Now()
	s, err := prover.OpenSplit(dir, prover.WithProgress(p.Stage), prover.WithKeyCache(keyCache))
	if err != nil {
		return nil, err
	}
	if err := s.Setup(context.Background(), opts, func(i, n int) { p.Stage(fmt.Sprintf("segment %d of %d", i+1, n)) }); err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	r := &splitSetupResult{Dir: dir, Backend: s.Manifest().Backend, Seconds: time.Since(start).Seconds()}
	for _, b := range s.Segments() {
		r.Segments = append(r.Segments, b.Dir())
		r.Kind, r.Insecure = b.SetupKind(), b.Settings().Setup.Insecure
	}
	return r, nil
}

func (r *splitSetupResult) print(w io.Writer) {
	for _, d := range r.Segments {
		fmt.Fprintf(w, "wrote proving and verifying keys to %s (%s, %s setup)\n", d, r.Backend, r.Kind)
	}
	if r.Insecure {
		fmt.Fprintln(w, "warning: development setup — INSECURE for production (the setup's secret was on this machine)")
	}
	fmt.Fprintf(w, "next: zkml prove %s --input INPUT.json --out proof.json\n", r.Dir)
}

type splitProveResult struct {
	Proof    string       `json:"proof_file"`
	Outputs  [][]float64  `json:"outputs"`
	Names    []string     `json:"output_names"`
	Segments int          `json:"segments"`
	Segment  *int         `json:"segment,omitempty"` // --segment: the one proven
	Jobs     int          `json:"jobs"`
	Links    []string     `json:"links"` // the commitments at the cuts
	InDomain *bool        `json:"in_domain,omitempty"`
	Clamped  []plan.Clamp `json:"clamped"`
	// InputCommitment and OutputCommitment are the model's (hashed
	// visibility only).
	InputCommitment  string  `json:"input_commitment,omitempty"`
	OutputCommitment string  `json:"output_commitment,omitempty"`
	Seconds          float64 `json:"seconds"`
}

func proveSplit(dir, inputPath, out string, jobs, segment int, p *progress, opts ...prover.Option) (*splitProveResult, error) {
	start := time.Now()
	s, err := prover.OpenSplit(dir, append([]prover.Option{prover.WithProgress(p.Stage)}, opts...)...)
	if err != nil {
		return nil, err
	}
	in, err := modelio.ReadInputFile(inputPath)
	if err != nil {
		return nil, err
	}
	m := s.Manifest()
	var names []string
	var shapes [][]int
	for _, t := range m.Inputs {
		names, shapes = append(names, t.Name), append(shapes, t.Shape)
	}
	if err := modelio.CheckInputs(in, names, shapes); err != nil {
		return nil, fmt.Errorf("%s: %w", inputPath, err)
	}
	if jobs < 1 {
		return nil, fmt.Errorf("--jobs %d: expected at least 1", jobs)
	}
	if segment >= 0 {
		return proveOneSegment(s, in, out, segment, p, start)
	}
	c, err := s.Prove(context.Background(), in, jobs)
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	if err := prover.WriteChainProof(out, c); err != nil {
		return nil, err
	}
	res := &splitProveResult{Proof: out, Segments: len(c.Segments), Jobs: jobs, InDomain: c.InDomain(), Clamped: []plan.Clamp{}, Seconds: time.Since(start).Seconds()}
	last := c.Segments[len(c.Segments)-1]
	res.Outputs = last.Outputs
	if last.HiddenOutputs != nil {
		res.Outputs = last.HiddenOutputs
	}
	for _, o := range m.Outputs {
		res.Names = append(res.Names, o.Name)
	}
	for i, sp := range c.Segments {
		res.Clamped = append(res.Clamped, sp.Clamps...)
		if i+1 < len(c.Segments) {
			res.Links = append(res.Links, prover.FormatCommitment(sp.OutputCommitment()))
		}
	}
	res.InputCommitment = commitments(c.Segments[0]).InputCommitment
	res.OutputCommitment = commitments(last).OutputCommitment
	return res, nil
}

// proveOneSegment proves segment i of s on the model input in.
func proveOneSegment(s *prover.Split, in [][]float64, out string, i int, p *progress, start time.Time) (*splitProveResult, error) {
	if i >= len(s.Segments()) {
		return nil, fmt.Errorf("--segment %d: the build has segments 0..%d", i, len(s.Segments())-1)
	}
	ins, err := s.SegmentInputs(in)
	if err != nil {
		return nil, err
	}
	proof, err := s.ProveSegment(context.Background(), i, ins[i], true)
	if err != nil {
		p.Fail()
		return nil, err
	}
	p.End()
	if err := prover.WriteProof(out, proof); err != nil {
		return nil, err
	}
	res := &splitProveResult{Proof: out, Segments: 1, Jobs: 1, Segment: &i, Clamped: proof.Clamps, Seconds: time.Since(start).Seconds()}
	if res.Clamped == nil {
		res.Clamped = []plan.Clamp{}
	}
	c := commitments(proof)
	res.InputCommitment, res.OutputCommitment = c.InputCommitment, c.OutputCommitment
	return res, nil
}

func (r *splitProveResult) print(w io.Writer) {
	for i, o := range r.Outputs {
		fmt.Fprintf(w, "output %s: %s\n", r.Names[i], formatFloats(o, 16))
	}
	proofCommitments{InputCommitment: r.InputCommitment, OutputCommitment: r.OutputCommitment}.print(w)
	for _, c := range r.Clamped {
		fmt.Fprintf(w, "warning: %s\n", c)
	}
	if r.InDomain != nil {
		fmt.Fprintf(w, "domain bit: %d (proven, every segment's)\n", boolInt(*r.InDomain))
	}
	if r.Segment != nil {
		fmt.Fprintf(w, "wrote %s (the proof of segment %d alone; verify it with zkml verify DIR/segment-%d)\n", r.Proof, *r.Segment, *r.Segment)
		return
	}
	fmt.Fprintf(w, "wrote %s (%d segment proofs, chained by %s)\n", r.Proof, r.Segments, plural(len(r.Links), "commitment"))
}

type splitVerifyResult struct {
	Valid    bool           `json:"valid"`
	Backend  prover.Backend `json:"backend"`
	Segments int            `json:"segments"`
	Outputs  [][]float64    `json:"outputs"`
	// The model's commitments (hashed visibility only).
	InputCommitment  string `json:"input_commitment,omitempty"`
	OutputCommitment string `json:"output_commitment,omitempty"`
}

func verifySplit(dir, proofPath string, p *progress) (*splitVerifyResult, error) {
	s, err := prover.OpenSplit(dir)
	if err != nil {
		return nil, err
	}
	c, err := prover.ReadChainProof(proofPath)
	if err != nil {
		return nil, err
	}
	p.Stage("verifying")
	if err := prover.VerifyChain(s, c); err != nil {
		p.Fail()
		return nil, fmt.Errorf("%s: %w", proofPath, err)
	}
	p.End()
	res := &splitVerifyResult{Valid: true, Backend: s.Manifest().Backend, Segments: len(c.Segments), Outputs: c.Outputs()}
	res.InputCommitment = commitments(c.Segments[0]).InputCommitment
	res.OutputCommitment = commitments(c.Segments[len(c.Segments)-1]).OutputCommitment
	return res, nil
}

func (r *splitVerifyResult) print(w io.Writer) {
	fmt.Fprintf(w, "proof is valid (%s, %d segments, every link checked)\n", r.Backend, r.Segments)
	proofCommitments{InputCommitment: r.InputCommitment, OutputCommitment: r.OutputCommitment}.print(w)
}

// openInputBuild opens the build that takes the model's input: dir's, or
// the first segment's of a split build (for zkml commit).
func openInputBuild(dir string) (*prover.Build, error) {
	if !prover.IsSplit(dir) {
		return prover.Open(dir)
	}
	s, err := prover.OpenSplit(dir)
	if err != nil {
		return nil, err
	}
	return s.Segments()[0], nil
}

// splitInspectResult is `zkml inspect` of a split build.
type splitInspectResult struct {
	prover.SplitManifest
	SegmentSetups []segmentSetup `json:"segment_setups"`
}

type segmentSetup struct {
	Dir         string `json:"dir"`
	Constraints int    `json:"constraints"`
	RangeChecks string `json:"range_checks"`
	// SetupKind is what made the segment's keys; "" before zkml setup.
	SetupKind string `json:"setup_kind"`
	Insecure  bool   `json:"insecure,omitempty"`
}

// inspectSplit prints a split build: the model, and each segment's folder,
// size and keys.
func inspectSplit(c *cli.Context, dir string) error {
	s, err := prover.OpenSplit(dir)
	if err != nil {
		return err
	}
	m := s.Manifest()
	res := splitInspectResult{SplitManifest: m}
	for i, b := range s.Segments() {
		st := b.Settings()
		seg := segmentSetup{Dir: m.Segments[i].Dir, Constraints: st.Circuit.Constraints, RangeChecks: st.Circuit.RangeChecks, SetupKind: b.SetupKind()}
		seg.Insecure = st.Setup != nil && st.Setup.Insecure
		res.SegmentSetups = append(res.SegmentSetups, seg)
	}
	return output(c, res, func(w io.Writer) {
		total := 0
		for _, seg := range res.SegmentSetups {
			total += seg.Constraints
		}
		fmt.Fprintf(w, "split build: %s (%s, model %s, %s)\n", dir, m.Backend, m.Model.File, plural(len(m.Segments), "segment"))
		fmt.Fprintf(w, "plan hash:   %s\n", m.PlanHash)
		fmt.Fprintf(w, "circuits:    %d constraints in all\n", total)
		fmt.Fprintf(w, "visibility:  input %s, output %s, params %s\n", m.Visibility.Input, m.Visibility.Output, m.Visibility.Params)
		for i, seg := range res.SegmentSetups {
			keys := "no keys yet"
			switch {
			case seg.SetupKind == "":
			case seg.Insecure:
				keys = seg.SetupKind + " setup (INSECURE for production)"
			default:
				keys = seg.SetupKind + " setup"
			}
			e := m.Segments[i]
			fmt.Fprintf(w, "  %s: ops %d..%d, %d constraints, %s range checks, %s\n", seg.Dir, e.Ops[0], e.Ops[1]-1, seg.Constraints, seg.RangeChecks, keys)
		}
		if slices.ContainsFunc(res.SegmentSetups, func(s segmentSetup) bool { return s.SetupKind == "" }) {
			fmt.Fprintf(w, "next: zkml setup %s\n", dir)
		}
	})
}
