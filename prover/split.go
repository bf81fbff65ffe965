package prover

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// Split builds. A model too large for one circuit is cut at op boundaries
// into segments (plan.Plan.Split), each compiled into a build of its own
// in a folder of the split build's directory:
//
//	DIR/split.json        the manifest (SplitManifest)
//	DIR/plan.bin          the whole plan
//	DIR/segment-0/ ...    one ordinary build directory per segment
//
// Segment 0's inputs have the visibility the user asked for, the last
// segment's outputs too; every other boundary is hashed under
// circuits.DomainChain, so that segment i's output commitment, a public
// input of its proof, equals segment i+1's input commitment. A chain proof
// (ChainProof) holds one proof per segment; VerifyChain checks every proof
// against its segment's keys, the commitment links, and the first inputs
// and last outputs as Verify does for an unsplit build.

// The files of a split build directory.
const (
	splitFile   = "split.json"
	splitFormat = "zkml-split/1"
	chainFormat = "zkml-chain/1"
)

// ChainInfo, in a segment's settings.json, says which segment of a split
// build the build is.
type ChainInfo struct {
	Segment  int `json:"segment"` // from 0
	Segments int `json:"segments"`
}

func (c *ChainInfo) chainedInput() bool  { return c != nil && c.Segment > 0 }
func (c *ChainInfo) chainedOutput() bool { return c != nil && c.Segment < c.Segments-1 }

func (c *ChainInfo) check(v VisibilityInfo) error {
	if c == nil {
		return nil
	}
	if c.Segments < 2 || c.Segment < 0 || c.Segment >= c.Segments {
		return fmt.Errorf("chain: segment %d of %d", c.Segment, c.Segments)
	}
	if c.chainedInput() && v.Input != circuits.Hashed {
		return fmt.Errorf("chain: segment %d's inputs must be hashed, not %s", c.Segment, v.Input)
	}
	if c.chainedOutput() && v.Output != circuits.Hashed {
		return fmt.Errorf("chain: segment %d's outputs must be hashed, not %s", c.Segment, v.Output)
	}
	return nil
}

func withChain(c ChainInfo) Option { return func(o *options) { o.chain = &c } }

// SplitManifest is the content of split.json.
type SplitManifest struct {
	Format      string         `json:"format"` // "zkml-split/1"
	ZKMLVersion string         `json:"zkml_version"`
	Backend     Backend        `json:"backend"`
	PlanHash    string         `json:"plan_hash"` // the whole plan's (plan.bin)
	Model       ModelInfo      `json:"model"`
	Inputs      []TensorInfo   `json:"inputs"`  // the model's
	Outputs     []TensorInfo   `json:"outputs"` // the model's
	Visibility  VisibilityInfo `json:"visibility"`
	Segments    []SegmentEntry `json:"segments"`
}

// SegmentEntry describes one segment of a split build.
type SegmentEntry struct {
	Dir         string `json:"dir"` // relative to the split build's directory
	PlanHash    string `json:"plan_hash"`
	Ops         [2]int `json:"ops"` // the whole plan's ops [from, to)
	Constraints int    `json:"constraints"`
	// Inputs and Outputs are the whole plan's tensors at the segment's
	// boundaries, in the order the segment commits to them.
	Inputs  []BoundaryTensor `json:"inputs"`
	Outputs []BoundaryTensor `json:"outputs"`
}

// BoundaryTensor is one tensor at a segment boundary.
type BoundaryTensor struct {
	Tensor int    `json:"tensor"` // index in the whole plan
	Name   string `json:"name"`
	Shape  []int  `json:"shape"`
	Scale  int    `json:"scale"`
}

// A Split is a split build: the whole plan and one Build per segment.
type Split struct {
	dir      string
	manifest SplitManifest
	plan     *plan.Plan
	planHash [32]byte
	segments []plan.Segment
	builds   []*Build
}

// IsSplit reports whether dir holds a split build.
func IsSplit(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, splitFile))
	return err == nil
}

// SplitCuts chooses where to cut pl for CompileSplit: with maxConstraints
// > 0, as few segments as fit that many constraints each; else shards
// segments of about equal cost. It estimates each op's cost by compiling
// the whole circuit once (circuits.OpCosts) with the circuit options opts
// give; the segments' real counts differ a little, since each checks its
// boundaries.
func SplitCuts(pl *plan.Plan, backend Backend, maxConstraints, shards int, opts ...Option) ([]int, error) {
	o := collect(opts)
	var copts []circuits.Option
	if o.bitDecomposition {
		copts = append(copts, circuits.WithBitDecompositionRangeChecks())
	}
	if !o.noPacking {
		copts = append(copts, circuits.WithPackedOutputs(circuits.DefaultPacking(pl)))
	}
	sch := backend.scheme()
	if sch == nil {
		return nil, unknownBackend(string(backend))
	}
	costs, overhead, err := opCosts(pl, sch, copts)
	if err != nil {
		return nil, fmt.Errorf("estimate the ops' costs: %w", err)
	}
	// Every segment pays the overhead (its range table, the model's inputs
	// or outputs) again, and each side of a cut checks and commits the
	// tensors live across it.
	a, per, err := circuits.BoundaryCost(pl.Config.ActivationBits, sch.builder(), copts...)
	if err != nil {
		return nil, fmt.Errorf("estimate the cuts' costs: %w", err)
	}
	cut := func(c int) int {
		var ts []int
		switch {
		case c == 0 && o.visibility.Input == circuits.Hashed:
			ts = pl.Inputs
		case c == len(pl.Ops) && o.visibility.Output == circuits.Hashed:
			ts = pl.Outputs
		case c > 0 && c < len(pl.Ops):
			ts = pl.Live(c)
		default:
			return 0 // private or public: the overhead's input checks or packing
		}
		n := 0
		for _, t := range ts {
			n += pl.Tensors[t].Size()
		}
		return int(a + per*float64(n))
	}
	if maxConstraints > 0 {
		return pl.ChooseCuts(costs, overhead, cut, maxConstraints)
	}
	if shards < 1 {
		return nil, fmt.Errorf("split: give a constraint limit or a number of segments, not %d", shards)
	}
	return pl.BalanceCuts(costs, overhead, cut, shards)
}

// measureWindow bounds the work of one compile that SplitCuts runs to
// measure the ops' costs, in output elements plus terms/8 (see weight):
// nanoGPT, 7.25M constraints, weighs about 3.9M and its whole circuit
// needs ~16 GB to compile.
const measureWindow = 1 << 20

// weight is a static proxy of what compiling op k costs.
func weight(p *plan.Plan, k int) int {
	op := &p.Ops[k]
	return p.Tensors[op.Out].Size() + len(op.Terms)/8
}

// opCosts measures each op's constraints (circuits.OpCosts) by compiling
// the plan in windows of about measureWindow weight, so that a model too
// large to compile whole can still be cut; overhead is the largest
// window's.
func opCosts(pl *plan.Plan, sch scheme, copts []circuits.Option) ([]int, int, error) {
	ws := make([]int, len(pl.Ops))
	total := 0
	for k := range pl.Ops {
		ws[k] = weight(pl, k)
		total += ws[k]
	}
	windows := (total + measureWindow - 1) / measureWindow
	var cuts []int
	if windows > 1 {
		var err error
		if cuts, err = pl.BalanceCuts(ws, 0, nil, windows); err != nil {
			cuts = nil // measure whole
		}
	}
	if len(cuts) == 0 {
		costs, overhead, err := circuits.OpCosts(pl, sch.builder(), copts...)
		debug.FreeOSMemory()
		return costs, overhead, err
	}
	segs, err := pl.Split(cuts)
	if err != nil {
		return nil, 0, err
	}
	costs := make([]int, len(pl.Ops))
	overhead := 0
	for _, seg := range segs {
		c, o, err := circuits.OpCosts(seg.Plan, sch.builder(), copts...)
		debug.FreeOSMemory()
		if err != nil {
			return nil, 0, err
		}
		copy(costs[seg.From:seg.To], c)
		overhead = max(overhead, o)
	}
	return costs, overhead, nil
}

// CompileSplit cuts pl before each op in cuts (plan.Plan.Split) and
// compiles every segment into DIR/segment-I, with the options opts give
// (visibility: the model's inputs and outputs; the boundaries in between
// are hashed), and writes split.json and the whole plan. progress, when
// not nil, is called before each segment is compiled.
func CompileSplit(ctx context.Context, dir string, pl *plan.Plan, backend Backend, meta Meta, cuts []int, progress func(segment, of int), opts ...Option) (*Split, error) {
	if pl == nil {
		return nil, errors.New("prover.CompileSplit: nil plan")
	}
	if len(cuts) == 0 {
		return nil, errors.New("prover.CompileSplit: no cuts; compile the model whole with Compile")
	}
	o := collect(opts)
	if err := o.visibility.check(); err != nil {
		return nil, fmt.Errorf("prover.CompileSplit: %w", err)
	}
	segs, err := pl.Split(cuts)
	if err != nil {
		return nil, err
	}
	if err := checkSplitDir(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &Split{dir: dir, plan: pl, planHash: pl.Hash(), segments: segs}
	m := &s.manifest
	*m = SplitManifest{Format: splitFormat, ZKMLVersion: meta.ZKMLVersion, Backend: backend, PlanHash: hex.EncodeToString(s.planHash[:]),
		Model:  ModelInfo{File: meta.ModelFile, SHA256: strings.ToLower(meta.ModelSHA256)},
		Inputs: tensorInfos(pl, pl.Inputs, meta.InputNames), Outputs: tensorInfos(pl, pl.Outputs, meta.OutputNames), Visibility: o.visibility}
	if m.ZKMLVersion == "" {
		m.ZKMLVersion = moduleVersion()
	}
	for i, seg := range segs {
		if progress != nil {
			progress(i, len(segs))
		}
		v := o.visibility
		sm := Meta{ModelFile: meta.ModelFile, ModelSHA256: meta.ModelSHA256, ZKMLVersion: meta.ZKMLVersion}
		if i > 0 {
			v.Input = circuits.Hashed
		} else {
			sm.InputNames = meta.InputNames
		}
		if i < len(segs)-1 {
			v.Output = circuits.Hashed
		} else {
			sm.OutputNames = meta.OutputNames
		}
		sopts := append(slices.Clone(opts), WithInputVisibility(v.Input), WithOutputVisibility(v.Output), withChain(ChainInfo{Segment: i, Segments: len(segs)}))
		name := fmt.Sprintf("segment-%d", i)
		b, err := Compile(ctx, filepath.Join(dir, name), seg.Plan, backend, sm, sopts...)
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		h := seg.Plan.Hash()
		m.Segments = append(m.Segments, SegmentEntry{Dir: name, PlanHash: hex.EncodeToString(h[:]), Ops: [2]int{seg.From, seg.To},
			Constraints: b.settings.Circuit.Constraints, Inputs: boundary(pl, seg.Inputs), Outputs: boundary(pl, seg.Outputs)})
		b.release()
		s.builds = append(s.builds, b)
	}
	planBytes, err := pl.MarshalBinary()
	if err != nil {
		return nil, err
	}
	if _, err := writeArtifact(filepath.Join(dir, planFile), header{kind: kindPlan, backend: backend, planHash: s.planHash}, func(w io.Writer) error {
		_, err := w.Write(planBytes)
		return err
	}); err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, splitFile), append(compactArrays(data), '\n'), 0o644); err != nil {
		return nil, err
	}
	return s, nil
}

func boundary(p *plan.Plan, ts []int) []BoundaryTensor {
	out := make([]BoundaryTensor, len(ts))
	for i, t := range ts {
		tt := &p.Tensors[t]
		out[i] = BoundaryTensor{Tensor: t, Name: tt.Name, Shape: slices.Clone(tt.Shape), Scale: tt.Scale}
	}
	return out
}

// checkSplitDir lets CompileSplit write into a new or empty directory or
// over a split build (whose segment folders it removes).
func checkSplitDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if !IsSplit(dir) {
		return fmt.Errorf("%s: exists and is not a split zkml build directory (no %s); choose an empty or new directory", dirName(dir), splitFile)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "segment-") && e.IsDir() {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// OpenSplit loads the split build in dir and checks that it holds together:
// the segments' plans are the whole plan split at the manifest's cuts, and
// every segment folder is the build of its segment (prover.Open's checks,
// and its place in the chain). opts are passed to every segment's Open.
func OpenSplit(dir string, opts ...Option) (*Split, error) {
	path := filepath.Join(dir, splitFile)
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: not a split zkml build directory (no %s); compile with --max-constraints or --shards", dirName(dir), splitFile)
		}
		return nil, err
	}
	s := &Split{dir: dir}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s.manifest); err != nil {
		return nil, fmt.Errorf("%s: %v; recompile with `zkml compile`", path, err)
	}
	m := &s.manifest
	if m.Format != splitFormat {
		return nil, fmt.Errorf("%s: format %q is not supported (this zkml reads %q); recompile with `zkml compile`", path, m.Format, splitFormat)
	}
	if !m.Backend.valid() {
		return nil, fmt.Errorf("%s: unknown backend %q", path, m.Backend)
	}
	if s.planHash, err = decodeHash32(m.PlanHash); err != nil {
		return nil, fmt.Errorf("%s: plan_hash: %v", path, err)
	}
	if len(m.Segments) < 2 {
		return nil, fmt.Errorf("%s: %d segments; a split build has at least 2", path, len(m.Segments))
	}
	s.plan = new(plan.Plan)
	e := expect{kind: kindPlan, backend: m.Backend, planHash: s.planHash, fix: "recompile with `zkml compile`"}
	if _, err := readArtifact(filepath.Join(dir, planFile), e, func(r io.Reader) error {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		return s.plan.UnmarshalBinary(data)
	}); err != nil {
		return nil, err
	}
	if s.plan.Hash() != s.planHash {
		return nil, fmt.Errorf("%s: plan_hash does not match plan.bin; recompile with `zkml compile`", path)
	}
	var cuts []int
	for i, seg := range m.Segments {
		if i > 0 {
			cuts = append(cuts, seg.Ops[0])
		}
	}
	if s.segments, err = s.plan.Split(cuts); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, seg := range m.Segments {
		want := s.segments[i]
		if seg.Ops != [2]int{want.From, want.To} {
			return nil, fmt.Errorf("%s: segment %d: ops %v do not follow the segments before it", path, i, seg.Ops)
		}
		if seg.Dir != fmt.Sprintf("segment-%d", i) {
			return nil, fmt.Errorf("%s: segment %d: folder %q, want segment-%d", path, i, seg.Dir, i)
		}
		b, err := Open(filepath.Join(dir, seg.Dir), opts...)
		if err != nil {
			return nil, err
		}
		h := want.Plan.Hash()
		if b.planHash != h || seg.PlanHash != hex.EncodeToString(h[:]) {
			return nil, fmt.Errorf("%s: segment %d's plan is not the whole plan's ops %d..%d; recompile with `zkml compile`", b.path(settingsFile), i, want.From, want.To-1)
		}
		c := b.settings.Chain
		if c == nil || *c != (ChainInfo{Segment: i, Segments: len(m.Segments)}) || b.settings.Backend != m.Backend {
			return nil, fmt.Errorf("%s: not segment %d of %d of a %s split build; recompile with `zkml compile`", b.path(settingsFile), i, len(m.Segments), m.Backend)
		}
		v := b.settings.Visibility
		if (i == 0 && v.Input != m.Visibility.Input) || (i == len(m.Segments)-1 && v.Output != m.Visibility.Output) {
			return nil, fmt.Errorf("%s: visibility %+v does not match split.json's %+v", b.path(settingsFile), v, m.Visibility)
		}
		s.builds = append(s.builds, b)
	}
	return s, nil
}

// Dir is the split build's directory.
func (s *Split) Dir() string { return s.dir }

// Manifest returns a copy of split.json.
func (s *Split) Manifest() SplitManifest {
	m := s.manifest
	m.Segments = slices.Clone(m.Segments)
	return m
}

// Plan is the whole model's plan.
func (s *Split) Plan() *plan.Plan { return s.plan }

// PlanHash identifies the whole plan; chain proofs carry it.
func (s *Split) PlanHash() [32]byte { return s.planHash }

// Segments returns the segments' builds, in order.
func (s *Split) Segments() []*Build { return slices.Clone(s.builds) }

// Setup sets up every segment's keys, one after the other (see
// Build.Setup); progress, when not nil, is called before each.
func (s *Split) Setup(ctx context.Context, opts SetupOptions, progress func(segment, of int)) error {
	for i, b := range s.builds {
		if progress != nil {
			progress(i, len(s.builds))
		}
		if err := b.Setup(ctx, opts); err != nil {
			return fmt.Errorf("segment %d: %w", i, err)
		}
		b.release()
	}
	return nil
}

// SegmentInputs runs the model's inputs (as Build.Prove takes them)
// through the integer executor, segment by segment, and returns each
// segment's quantized inputs: what ProveSegment needs, so that the
// segments can be proven independently, in any order and on different
// machines.
func (s *Split) SegmentInputs(inputs [][]float64) ([][][]int64, error) {
	q, err := s.plan.QuantizeInputs(inputs)
	if err != nil {
		return nil, fmt.Errorf("quantize inputs: %w", err)
	}
	all, err := plan.RunSegments(s.segments, q)
	if err != nil {
		return nil, err
	}
	out := make([][][]int64, len(all))
	for i, seg := range s.segments {
		for _, t := range seg.Plan.Inputs {
			out[i] = append(out[i], all[i][t])
		}
	}
	return out, nil
}

// ProveSegment proves segment i on its quantized inputs (SegmentInputs'
// element i). With release, the segment's proving key and circuit are
// dropped from memory afterwards.
func (s *Split) ProveSegment(ctx context.Context, i int, inputs [][]int64, release bool) (*Proof, error) {
	if i < 0 || i >= len(s.builds) {
		return nil, fmt.Errorf("segment %d: the build has segments 0..%d", i, len(s.builds)-1)
	}
	p, err := s.builds[i].ProveQuantized(ctx, inputs)
	if release {
		s.builds[i].release()
	}
	if err != nil {
		return nil, fmt.Errorf("segment %d: %w", i, err)
	}
	return p, nil
}

// ProveSegmentFor proves segment i of the inference of the model inputs
// (as Build.Prove takes them): SegmentInputs then ProveSegment, dropping
// the segment's key afterwards. A scheduler runs one such job per segment,
// anywhere, and assembles the proofs with Chain.
func (s *Split) ProveSegmentFor(ctx context.Context, i int, inputs [][]float64) (*Proof, error) {
	if i < 0 || i >= len(s.builds) {
		return nil, fmt.Errorf("segment %d: the build has segments 0..%d", i, len(s.builds)-1)
	}
	ins, err := s.SegmentInputs(inputs)
	if err != nil {
		return nil, err
	}
	return s.ProveSegment(ctx, i, ins[i], true)
}

// Chain assembles segment proofs made separately (one per segment, in
// order) into the chain proof of s; VerifyChain checks it.
func (s *Split) Chain(proofs []*Proof) *ChainProof {
	return &ChainProof{ModelHash: s.planHash, Segments: slices.Clone(proofs)}
}

// Prove proves every segment of the inference of inputs, up to jobs at
// once (each holds its segment's proving key in memory), and returns the
// chain proof.
func (s *Split) Prove(ctx context.Context, inputs [][]float64, jobs int) (*ChainProof, error) {
	ins, err := s.SegmentInputs(inputs)
	if err != nil {
		return nil, err
	}
	jobs = max(1, min(jobs, len(s.builds)))
	c := &ChainProof{ModelHash: s.planHash, Segments: make([]*Proof, len(s.builds))}
	errs := make([]error, len(s.builds))
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i := range s.builds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				errs[i] = ctx.Err()
				return
			}
			c.Segments[i], errs[i] = s.ProveSegment(ctx, i, ins[i], true)
			debug.FreeOSMemory()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c, nil
}

// A ChainProof is the proof of one inference of a split build: one proof
// per segment, in order.
type ChainProof struct {
	ModelHash [32]byte // the whole plan's hash
	Segments  []*Proof
}

type chainJSON struct {
	Format    string            `json:"format"`
	ModelHash string            `json:"model_hash"`
	Segments  []json.RawMessage `json:"segments"`
}

// Outputs are the model's outputs the chain proves: the last segment's.
func (c *ChainProof) Outputs() [][]float64 {
	if len(c.Segments) == 0 {
		return nil
	}
	return c.Segments[len(c.Segments)-1].Outputs
}

// InDomain is the chain's domain bit, when the build has one: 1 when every
// segment's is.
func (c *ChainProof) InDomain() *bool {
	var in *bool
	for _, p := range c.Segments {
		if p.InDomain == nil {
			return nil
		}
		v := *p.InDomain && (in == nil || *in)
		in = &v
	}
	return in
}

// MarshalJSON returns the chain proof file's form of c.
func (c *ChainProof) MarshalJSON() ([]byte, error) {
	j := chainJSON{Format: chainFormat, ModelHash: hex.EncodeToString(c.ModelHash[:])}
	for i, p := range c.Segments {
		data, err := p.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		j.Segments = append(j.Segments, data)
	}
	return json.MarshalIndent(j, "", "  ")
}

// WriteChainProof writes c to path.
func WriteChainProof(path string, c *ChainProof) error {
	data, err := c.MarshalJSON()
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// IsChainProof reports whether the file at path is a chain proof.
func IsChainProof(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head struct {
		Format string `json:"format"`
	}
	if err := json.NewDecoder(io.LimitReader(f, 64<<20)).Decode(&head); err != nil {
		return false
	}
	return head.Format == chainFormat
}

// ReadChainProof reads a chain proof file and checks its form.
func ReadChainProof(path string) (*ChainProof, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var j chainJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("%s: not a valid chain proof file: %v", path, err)
	}
	if j.Format != chainFormat {
		return nil, fmt.Errorf("%s: format %q is not a chain proof (%q); a proof of an unsplit build is verified against its own build", path, j.Format, chainFormat)
	}
	c := &ChainProof{}
	if c.ModelHash, err = decodeHash32(j.ModelHash); err != nil {
		return nil, fmt.Errorf("%s: model_hash: %v", path, err)
	}
	for i, raw := range j.Segments {
		p, err := parseProof(raw, fmt.Sprintf("%s segment %d", path, i))
		if err != nil {
			return nil, err
		}
		c.Segments = append(c.Segments, p)
	}
	return c, nil
}

// VerifyChain returns nil only if c proves one inference of the split
// build s: one proof per segment, in order, each valid for its segment's
// model and keys (Verify, which also checks the first inputs and the last
// outputs as for an unsplit build), and each segment's output commitment
// equal to the next one's input commitment. Its error for a chain that
// does not verify matches ErrInvalidProof.
func VerifyChain(s *Split, c *ChainProof) error {
	if c.ModelHash != s.planHash {
		return invalid(fmt.Errorf("the chain was made for another model (model hash %s, this build %s)", hex.EncodeToString(c.ModelHash[:]), s.manifest.PlanHash))
	}
	if len(c.Segments) != len(s.builds) {
		return invalid(fmt.Errorf("the chain has %d segment proofs, the build %d segments", len(c.Segments), len(s.builds)))
	}
	for i, p := range c.Segments {
		if p == nil {
			return invalid(fmt.Errorf("segment %d: no proof", i))
		}
		if err := Verify(s.builds[i], p); err != nil {
			return fmt.Errorf("segment %d: %w", i, err)
		}
	}
	for i := 0; i+1 < len(c.Segments); i++ {
		out, in := c.Segments[i].OutputCommitment(), c.Segments[i+1].InputCommitment()
		if out == nil || in == nil || out.Cmp(in) != 0 {
			return invalid(fmt.Errorf("segments %d and %d are not linked: segment %d's output commitment %s is not segment %d's input commitment %s", i, i+1, i, formatOrNone(out), i+1, formatOrNone(in)))
		}
	}
	return nil
}

func formatOrNone(h *big.Int) string {
	if h == nil {
		return "(none)"
	}
	return FormatCommitment(h)
}

// inputDomain and outputDomain are what the build's hashed inputs and
// outputs are committed under.
func (b *Build) inputDomain() circuits.Domain {
	if b.settings.Chain.chainedInput() {
		return circuits.DomainChain
	}
	return circuits.DomainInput
}

func (b *Build) outputDomain() circuits.Domain {
	if b.settings.Chain.chainedOutput() {
		return circuits.DomainChain
	}
	return circuits.DomainOutput
}

// release drops the circuit and the proving key from memory (they are
// read again when needed): the split build's segments are proven one after
// the other without holding every key at once.
func (b *Build) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.ccs, b.pk, b.gpuKey = nil, nil, nil
}
