package prover

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	plonk_bn254 "github.com/consensys/gnark/backend/plonk/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// The files of a build directory.
const (
	settingsFile = "settings.json"
	planFile     = "plan.bin"
	circuitFile  = "circuit.ccs"
	pkFile       = "pk.bin"
	vkFile       = "vk.bin"
)

// Meta is what the caller knows about the model beyond the plan; Compile
// records it in settings.json.
type Meta struct {
	ModelFile   string // the ONNX file, as the user named it
	ModelSHA256 string // hex SHA-256 of the ONNX file; empty when unknown
	// InputNames and OutputNames are the graph's input and output names, in
	// the plan's order. Nil means the plan's tensor names.
	InputNames, OutputNames []string
	// ZKMLVersion is recorded in settings.json; empty means the version of
	// the running binary's module.
	ZKMLVersion string
}

// An Option changes how Compile and Open behave.
type Option func(*options)

type options struct {
	progress         func(stage string)
	gnarkLog         io.Writer
	bitDecomposition bool
	autoRangeChecks  bool
	noPacking        bool
	visibility       VisibilityInfo
	device           Device
	pinKeys          bool
	domainFlag       bool
	strictDomain     bool
	keyCache         string
	chain            *ChainInfo // set by CompileSplit
}

// WithoutPackedOutputs makes Compile give every output element its own
// public input. By default, when that reduces their number, Compile packs
// the outputs several to a public input (circuits.DefaultPacking: one
// ActivationBits-bit slot each, 7 per field element at 32 bits), which
// makes on-chain verification cheaper by one elliptic-curve multiplication
// per public input saved. settings.json records the layout as
// circuit.output_packing.
func WithoutPackedOutputs() Option {
	return func(o *options) { o.noPacking = true }
}

// WithProgress calls f with a short description ("compiling circuit",
// "proving", ...) whenever a long stage of the build's work starts, so that
// a command line tool can tell the user what it is waiting for. f is kept
// by the Build and used by Setup and Prove too; Setup calls it from the
// goroutine that runs gnark, and not for work a cancelled call left running.
func WithProgress(f func(stage string)) Option {
	return func(o *options) { o.progress = f }
}

// WithGnarkLog sends gnark's own log lines (circuit sizes, solver and
// prover timings) to w while the build's calls run gnark. Without it this
// package prints nothing. gnark's logger is global: see the package
// documentation.
func WithGnarkLog(w io.Writer) Option {
	return func(o *options) { o.gnarkLog = w }
}

// WithBitDecompositionRangeChecks makes Compile build every range check of
// the circuit as a plain bit decomposition instead of gnark's lookup
// argument (see circuits.WithBitDecompositionRangeChecks): more constraints,
// but a Groth16 proof without a commitment, which is cheaper to verify on
// chain. settings.json records the choice as circuit.range_checks.
func WithBitDecompositionRangeChecks() Option {
	return func(o *options) { o.bitDecomposition = true }
}

// WithAutoRangeChecks makes Compile choose the range checks of a Groth16
// circuit by the cost of verifying its proofs on chain: it builds the
// circuit with the default lookup range checks and, when that circuit
// needs a BSB22 commitment (about 120k gas more per verification, see
// bench/GAS.md) that plain bit decomposition would avoid, takes the bit
// decomposition instead if [PreferBitDecomposition] says its extra
// constraints are few. A plan with a lookup table (Sigmoid, Softmax, ...)
// keeps the lookup range checks: its table needs the commitment anyway.
// PLONK circuits keep the lookup range checks. settings.json records the
// outcome as circuit.range_checks. WithBitDecompositionRangeChecks wins
// over it.
func WithAutoRangeChecks() Option {
	return func(o *options) { o.autoRangeChecks = true }
}

// PreferBitDecomposition is the rule of [WithAutoRangeChecks]: a circuit
// of lookup constraints with lookup range checks (and a commitment) is
// built with bit-decomposition range checks instead, bits constraints and
// no commitment, when bits ≤ 2·lookup or bits ≤ lookup + 2^16. Proving
// time and key sizes grow about linearly in the constraints, so the
// factor 2 bounds what the cheaper verification costs the prover; the
// 2^16 lets small circuits, whose proofs take a fraction of a second
// either way, always verify cheaply. bench/RANGECHECKS.md measures both
// counts on the shared models (`make bench-rangechecks`).
func PreferBitDecomposition(lookup, bits int) bool {
	return bits <= 2*lookup || bits <= lookup+1<<16
}

// WithDomainFlag makes Compile add the domain bit to the public inputs,
// after the outputs (circuits.WithDomainFlag): a proven bit that is 1 when
// no lookup input of the inference left its calibrated domain at an end
// where the function does not saturate. Proof.InDomain reports it, and a
// contract can reject proofs where it is 0. settings.json records the
// choice as circuit.domain_flag.
func WithDomainFlag() Option {
	return func(o *options) { o.domainFlag = true }
}

// WithStrictDomain makes Prove of a build opened with it refuse an input
// that leaves its calibrated domain (see Proof.Clamps) with a
// *DomainError, instead of proving an approximate output.
func WithStrictDomain() Option {
	return func(o *options) { o.strictDomain = true }
}

// A Build is a compiled model in its build directory: the plan, the
// circuit, and once Setup ran, the keys. Compile creates one, Open loads
// one. Files are read when first needed (a verifier never loads the
// proving key) and then kept in memory. Prove and Verify may be called from
// several goroutines at once; Setup must not overlap other calls.
type Build struct {
	dir      string
	settings Settings
	plan     *plan.Plan
	planHash [32]byte
	scheme   scheme
	progress func(string)
	gnarkLog io.Writer
	device   Device
	pinKeys  bool
	strict   bool
	keyCache string // see WithKeyCache

	// mu guards settings and the loaded keys; ccsMu and pkMu serialize the
	// loading of circuit.ccs and pk.bin, which Prove runs concurrently.
	mu     sync.Mutex
	ccsMu  sync.Mutex
	pkMu   sync.Mutex
	ccs    constraint.ConstraintSystem
	pk     provingKey
	vk     verifyingKey
	gpuKey any // pk for the GPU prover, loaded by its first proof
}

// Compile builds the circuit of plan for backend and writes a new build
// directory: settings.json, plan.bin and circuit.ccs. The directory is
// created if needed; a build already in it is replaced (and its keys,
// which cannot match the new circuit, removed), but Compile refuses to
// write into a non-empty directory that is not a build. When ctx is done
// before the files are written, Compile returns ctx.Err() and writes
// nothing; gnark's compiler cannot be interrupted and finishes in the
// background.
func Compile(ctx context.Context, dir string, pl *plan.Plan, backend Backend, meta Meta, opts ...Option) (*Build, error) {
	o := collect(opts)
	sch := backend.scheme()
	if sch == nil {
		return nil, unknownBackend(string(backend))
	}
	if pl == nil {
		return nil, errors.New("prover.Compile: nil plan")
	}
	if meta.InputNames != nil && len(meta.InputNames) != len(pl.Inputs) {
		return nil, fmt.Errorf("prover.Compile: %d input names for a plan with %d inputs", len(meta.InputNames), len(pl.Inputs))
	}
	if meta.OutputNames != nil && len(meta.OutputNames) != len(pl.Outputs) {
		return nil, fmt.Errorf("prover.Compile: %d output names for a plan with %d outputs", len(meta.OutputNames), len(pl.Outputs))
	}
	if meta.ModelSHA256 != "" {
		if _, err := decodeHash32(meta.ModelSHA256); err != nil {
			return nil, fmt.Errorf("prover.Compile: model SHA-256: %v", err)
		}
	}
	if err := o.visibility.check(); err != nil {
		return nil, fmt.Errorf("prover.Compile: %w", err)
	}
	if err := checkBuildDir(dir); err != nil {
		return nil, err
	}

	enterLowGC()
	defer exitLowGC()
	b := &Build{dir: dir, plan: pl, planHash: pl.Hash(), scheme: sch, progress: o.progress, gnarkLog: o.gnarkLog, device: o.device, pinKeys: o.pinKeys, keyCache: o.keyCache}
	b.report("compiling circuit")
	var copts []circuits.Option
	rangeChecks := rangeChecksLookup
	if o.bitDecomposition {
		copts = append(copts, circuits.WithBitDecompositionRangeChecks())
		rangeChecks = rangeChecksBits
	}
	auto := o.autoRangeChecks && !o.bitDecomposition && backend == Groth16 && !hasTable(pl)
	var packing circuits.Packing
	if !o.noPacking {
		packing = circuits.DefaultPacking(pl)
		copts = append(copts, circuits.WithPackedOutputs(packing))
	}
	copts = append(copts, circuits.WithInputVisibility(o.visibility.Input), circuits.WithOutputVisibility(o.visibility.Output), circuits.WithParamVisibility(o.visibility.Params))
	var paramsCommitment string
	if o.visibility.Params == circuits.Hashed {
		ps, err := circuits.ParamsOf(pl)
		if err != nil {
			return nil, fmt.Errorf("prover.Compile: %w", err)
		}
		h, err := ps.Commit()
		if err != nil {
			return nil, fmt.Errorf("prover.Compile: %w", err)
		}
		paramsCommitment = FormatCommitment(h)
	}
	if err := o.chain.check(o.visibility); err != nil {
		return nil, fmt.Errorf("prover.Compile: %w", err)
	}
	if o.chain != nil {
		copts = append(copts, circuits.WithChain(o.chain.chainedInput(), o.chain.chainedOutput()))
	}
	if o.domainFlag {
		copts = append(copts, circuits.WithDomainFlag())
	}
	ccs, err := runGnark(ctx, b.gnarkLog, func() (constraint.ConstraintSystem, error) {
		return frontend.Compile(ecc.BN254.ScalarField(), sch.builder(), circuits.New(pl, copts...))
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("compile circuit: %w", err)
	}
	if auto && hasCommitment(ccs) {
		b.report("compiling circuit with bit-decomposition range checks")
		bits, err := runGnark(ctx, b.gnarkLog, func() (constraint.ConstraintSystem, error) {
			return frontend.Compile(ecc.BN254.ScalarField(), sch.builder(), circuits.New(pl, append(copts, circuits.WithBitDecompositionRangeChecks())...))
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			return nil, fmt.Errorf("compile circuit with bit-decomposition range checks: %w", err)
		}
		if !hasCommitment(bits) && PreferBitDecomposition(ccs.GetNbConstraints(), bits.GetNbConstraints()) {
			ccs, rangeChecks = bits, rangeChecksBits
		}
	}
	b.ccs = ccs
	nbPublic := sch.publicInputs(ccs)
	b.settings = Settings{
		Format:           settingsFormat,
		ZKMLVersion:      meta.ZKMLVersion,
		Backend:          backend,
		Curve:            "bn254",
		PlanHash:         hex.EncodeToString(b.planHash[:]),
		Model:            ModelInfo{File: meta.ModelFile, SHA256: strings.ToLower(meta.ModelSHA256)},
		Inputs:           tensorInfos(pl, pl.Inputs, meta.InputNames),
		Outputs:          tensorInfos(pl, pl.Outputs, meta.OutputNames),
		Config:           quantConfig(pl.Config),
		Visibility:       o.visibility,
		Layout:           publicLayout(elements(pl, pl.Inputs), elements(pl, pl.Outputs), o.visibility, packing, o.domainFlag),
		ParamsCommitment: paramsCommitment,
		Chain:            o.chain,
		Circuit: CircuitInfo{
			Constraints:   ccs.GetNbConstraints(),
			PublicInputs:  nbPublic,
			SecretInputs:  ccs.GetNbSecretVariables(),
			RangeChecks:   rangeChecks,
			OutputPacking: packingInfo(packing),
			DomainFlag:    o.domainFlag,
		},
	}
	if b.settings.ZKMLVersion == "" {
		b.settings.ZKMLVersion = moduleVersion()
	}
	if want := b.settings.Layout.Total(); nbPublic != want {
		return nil, fmt.Errorf("prover.Compile: the circuit has %d public inputs but the layout %+v takes %d; circuits and prover disagree (a zkml bug)", nbPublic, b.settings.Layout, want)
	}

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b.report("writing " + circuitFile)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// The set is written as a whole: settings.json goes first, so that a
	// compile interrupted from here on leaves no build that Open accepts
	// (and whose leftovers checkBuildDir lets the rerun replace), and it is
	// written last. Keys of an earlier setup belong to the old circuit, and
	// temporary files are those of an interrupted write.
	if err := removeBuildFiles(dir); err != nil {
		return nil, err
	}
	planBytes, err := pl.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("prover.Compile: encode plan: %w", err)
	}
	h := header{kind: kindPlan, backend: backend, planHash: b.planHash}
	if _, err := writeArtifact(b.path(planFile), h, func(w io.Writer) error {
		_, err := w.Write(planBytes)
		return err
	}); err != nil {
		return nil, err
	}
	h.kind = kindCircuit
	if _, err := writeArtifact(b.path(circuitFile), h, func(w io.Writer) error {
		_, err := ccs.WriteTo(w)
		return err
	}); err != nil {
		return nil, err
	}
	if err := writeSettings(dir, &b.settings); err != nil {
		return nil, err
	}
	return b, nil
}

// checkBuildDir refuses to let Compile write into a directory that holds
// something other than a build.
func checkBuildDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, settingsFile)); err == nil {
		return nil
	}
	// No settings.json: the leftovers of an interrupted compile are
	// replaced, anything else is the user's.
	for _, e := range entries {
		if !isBuildFile(e.Name()) {
			return fmt.Errorf("%s: exists and is not a zkml build directory (no settings.json, and it holds %s); choose an empty or new directory", dirName(dir), e.Name())
		}
	}
	return nil
}

// buildFiles are the files Compile, Setup and the ceremony write into a
// build directory.
var buildFiles = []string{settingsFile, planFile, circuitFile, pkFile, vkFile, phase1File, ceremonyFile}

// isBuildFile says whether name is one of buildFiles or a temporary file
// of one (".circuit.ccs.tmp123", "settings.json.tmp").
func isBuildFile(name string) bool {
	for _, f := range buildFiles {
		if name == f || name == f+".tmp" || strings.HasPrefix(name, "."+f+".tmp") {
			return true
		}
	}
	return false
}

// removeBuildFiles removes, before Compile writes a new set, settings.json,
// the keys and the temporary files of an interrupted write.
func removeBuildFiles(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if n == settingsFile || n == pkFile || n == vkFile || isBuildFile(n) && strings.Contains(n, ".tmp") {
			if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// Open loads the build in dir and checks that its files belong together:
// every file present must carry this build's model hash, backend and (for
// keys) setup id. The plan, keys and circuit are only loaded when needed,
// but their headers and sizes are checked now, so that a file copied from
// another build or truncated is reported by name right away; plan.bin is
// checked against settings.json when it is loaded (by Prove or Plan).
//
// Verification needs only settings.json and vk.bin: settings.json holds
// everything [Verify] reads (the model hash, the visibility and public
// input layout, the inputs' and outputs' names, shapes and scales, the
// packing), and vk.bin's header names the model hash. A build folder of
// just those two files, without the weights in plan.bin, verifies.
func Open(dir string, opts ...Option) (*Build, error) {
	o := collect(opts)
	s, err := readSettings(dir, dirName(dir))
	if err != nil {
		return nil, err
	}
	planHash, _ := decodeHash32(s.PlanHash)
	b := &Build{dir: dir, settings: *s, planHash: planHash, scheme: s.Backend.scheme(), progress: o.progress, gnarkLog: o.gnarkLog, device: o.device, pinKeys: o.pinKeys, strict: o.strictDomain, keyCache: o.keyCache}

	if err := s.checkSelf(b.path(settingsFile)); err != nil {
		return nil, err
	}
	for _, f := range []string{planFile, circuitFile, pkFile, vkFile} {
		path, e := b.path(f), b.expect(f)
		h, err := readHeader(path, e.fix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := e.check(h, path); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// expect returns what file f of the build must say about itself.
func (b *Build) expect(f string) expect {
	e := expect{backend: b.settings.Backend, planHash: b.planHash, fix: "rerun `zkml setup`"}
	switch f {
	case planFile:
		e.kind, e.fix = kindPlan, "recompile with `zkml compile`"
	case circuitFile:
		e.kind, e.fix = kindCircuit, "recompile with `zkml compile`"
	case phase1File:
		e.kind, e.fix = kindPhase1, "rerun `zkml ceremony init`"
	case pkFile, vkFile:
		e.kind = kindProvingKey
		if f == vkFile {
			e.kind = kindVerifyingKey
		}
		// A key in a build whose settings.json records no setup is left
		// over or copied in; the zero id never matches a real key.
		var id [16]byte
		if b.settings.Setup != nil {
			id, _ = decodeSetupID(b.settings.Setup.ID)
		}
		e.setupID = &id
		if f == pkFile && b.settings.Setup != nil && b.settings.Setup.ProvingKeySHA256 != "" {
			sum, err := decodeHash32(b.settings.Setup.ProvingKeySHA256)
			if err == nil {
				e.sum = &sum
			}
		}
	}
	return e
}

// Dir is the build directory.
func (b *Build) Dir() string { return b.dir }

// Backend is the proof system of the build.
func (b *Build) Backend() Backend { return b.settings.Backend }

// Packing is how the build's public inputs hold the outputs: the zero
// circuits.Packing when each output element is one public input.
func (b *Build) Packing() circuits.Packing { return b.settings.Circuit.OutputPacking.Packing() }

// circuitOptions are the circuits options of the build that change the
// witness.
func (b *Build) circuitOptions() []circuits.Option {
	v := b.settings.Visibility
	opts := []circuits.Option{circuits.WithInputVisibility(v.Input), circuits.WithOutputVisibility(v.Output), circuits.WithParamVisibility(v.Params)}
	if k := b.Packing(); k.Enabled() {
		opts = append(opts, circuits.WithPackedOutputs(k))
	}
	if b.settings.Circuit.DomainFlag {
		opts = append(opts, circuits.WithDomainFlag())
	}
	if c := b.settings.Chain; c != nil {
		opts = append(opts, circuits.WithChain(c.chainedInput(), c.chainedOutput()))
	}
	return opts
}

// domainBits is how many domain bits end the public inputs: 1 with
// WithDomainFlag, else 0.
func (b *Build) domainBits() int {
	if b.settings.Circuit.DomainFlag {
		return 1
	}
	return 0
}

// Plan is the quantized model the build proves, read from plan.bin on
// first use and checked against settings.json.
func (b *Build) Plan() (*plan.Plan, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.plan != nil {
		return b.plan, nil
	}
	p := new(plan.Plan)
	e := b.expect(planFile)
	if _, err := readArtifact(b.path(planFile), e, func(r io.Reader) error {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		return p.UnmarshalBinary(data)
	}); err != nil {
		return nil, err
	}
	if err := b.settings.checkPlan(p, p.Hash(), b.path(settingsFile)); err != nil {
		return nil, err
	}
	b.plan = p
	return p, nil
}

// PlanHash identifies the quantized model; proofs carry it as model_hash.
func (b *Build) PlanHash() [32]byte { return b.planHash }

// Settings returns a copy of the build's settings.json.
func (b *Build) Settings() Settings {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.settings
	if s.Setup != nil {
		setup := *s.Setup
		if setup.PTau != nil {
			p := *setup.PTau
			setup.PTau = &p
		}
		if setup.Ceremony != nil {
			c := *setup.Ceremony
			c.Contributions = slices.Clone(c.Contributions)
			setup.Ceremony = &c
		}
		s.Setup = &setup
	}
	if s.Chain != nil {
		c := *s.Chain
		s.Chain = &c
	}
	if s.Circuit.OutputPacking != nil {
		k := *s.Circuit.OutputPacking
		s.Circuit.OutputPacking = &k
	}
	return s
}

// ExportSolidity writes a Solidity contract that verifies this build's
// proofs on chain (the calldata comes from [Proof.SolidityCalldata]). It
// needs vk.bin.
func (b *Build) ExportSolidity(w io.Writer, opts ...solidity.ExportOption) error {
	vk, err := b.verifyingKey()
	if err != nil {
		return err
	}
	_, err = runGnark(context.Background(), b.gnarkLog, func() (struct{}, error) {
		return struct{}{}, vk.ExportSolidity(w, opts...)
	})
	return err
}

// Groth16VerifyingKey returns the build's Groth16 verifying key (vk.bin,
// checked like every artifact: header, plan hash, checksum, subgroups), for
// callers that encode the key themselves, such as the generic on-chain
// verifier of package contracts. The key is a copy: changing it changes
// nothing in the build. It fails for a PLONK build and before `zkml setup`.
func (b *Build) Groth16VerifyingKey() (*groth16_bn254.VerifyingKey, error) {
	if b.settings.Backend != Groth16 {
		return nil, fmt.Errorf("%s is a %s build, it has no Groth16 verifying key", dirName(b.dir), b.settings.Backend)
	}
	vk, err := b.verifyingKey()
	if err != nil {
		return nil, err
	}
	g := vk.(*groth16_bn254.VerifyingKey)
	c := *g
	c.G1.K = slices.Clone(g.G1.K)
	c.CommitmentKeys = slices.Clone(g.CommitmentKeys)
	c.PublicAndCommitmentCommitted = make([][]int, len(g.PublicAndCommitmentCommitted))
	for i, s := range g.PublicAndCommitmentCommitted {
		c.PublicAndCommitmentCommitted[i] = slices.Clone(s)
	}
	return &c, nil
}

func (b *Build) path(f string) string { return filepath.Join(b.dir, f) }

func (b *Build) report(stage string) {
	if b.progress != nil {
		b.progress(stage)
	}
}

// constraintSystem loads circuit.ccs on first use.
func (b *Build) constraintSystem() (constraint.ConstraintSystem, error) {
	return b.loadConstraintSystem(true)
}

// loadConstraintSystem is constraintSystem, reporting the load only when
// report is set (progress callbacks come from one goroutine at a time).
func (b *Build) loadConstraintSystem(report bool) (constraint.ConstraintSystem, error) {
	b.ccsMu.Lock()
	defer b.ccsMu.Unlock()
	if b.ccs != nil {
		return b.ccs, nil
	}
	if report {
		b.report("loading " + circuitFile)
	}
	ccs := b.scheme.newCS()
	if _, err := readArtifact(b.path(circuitFile), b.expect(circuitFile), func(r io.Reader) error {
		_, err := ccs.ReadFrom(r)
		return err
	}); err != nil {
		return nil, err
	}
	b.ccs = ccs
	return ccs, nil
}

// provingKey loads pk.bin on first use.
func (b *Build) provingKey() (provingKey, error) {
	return b.loadProvingKey(true)
}

// loadProvingKey is provingKey, reporting the load only when report is set.
func (b *Build) loadProvingKey(report bool) (provingKey, error) {
	b.pkMu.Lock()
	defer b.pkMu.Unlock()
	b.mu.Lock()
	pk, setup, e := b.pk, b.settings.Setup, b.expect(pkFile)
	b.mu.Unlock()
	if pk != nil {
		return pk, nil
	}
	if setup == nil {
		return nil, fmt.Errorf("%s: no keys yet; run `zkml setup` first", dirName(b.dir))
	}
	if report {
		b.report("loading " + pkFile)
	}
	pk = b.scheme.newProvingKey()
	// The checksum guarantees these are the bytes Setup wrote, so the
	// subgroup checks of the safe reader (most of its time) buy nothing.
	if _, err := readArtifact(b.path(pkFile), e, func(r io.Reader) error {
		_, err := pk.UnsafeReadFrom(r)
		return err
	}); err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.pk = pk
	b.mu.Unlock()
	return pk, nil
}

// verifyingKey loads vk.bin on first use.
func (b *Build) verifyingKey() (verifyingKey, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.vk != nil {
		return b.vk, nil
	}
	if b.settings.Setup == nil {
		return nil, fmt.Errorf("%s: no keys yet; run `zkml setup` first", dirName(b.dir))
	}
	vk := b.scheme.newVerifyingKey()
	// The verifying key is small and is what a verifier trusts, so it gets
	// the fully checked reader.
	if _, err := readArtifact(b.path(vkFile), b.expect(vkFile), func(r io.Reader) error {
		_, err := vk.ReadFrom(r)
		return err
	}); err != nil {
		return nil, err
	}
	if n, want := b.scheme.keyPublicInputs(vk), b.settings.Layout.Total(); n != want {
		return nil, fmt.Errorf("%s: the key expects %d public inputs but settings.json's public_inputs take %d: rerun `zkml setup`", b.path(vkFile), n, want)
	}
	b.vk = vk
	return vk, nil
}

// PlonkVerifyingKey is [Build.Groth16VerifyingKey] for PLONK builds: the
// checked key, a copy, for the generic PLONK verifier of package contracts.
// It fails for a Groth16 build and before `zkml setup`.
func (b *Build) PlonkVerifyingKey() (*plonk_bn254.VerifyingKey, error) {
	if b.settings.Backend != PLONK {
		return nil, fmt.Errorf("%s is a %s build, it has no PLONK verifying key", dirName(b.dir), b.settings.Backend)
	}
	vk, err := b.verifyingKey()
	if err != nil {
		return nil, err
	}
	p := vk.(*plonk_bn254.VerifyingKey)
	c := *p
	c.Qcp = slices.Clone(p.Qcp)
	c.CommitmentConstraintIndexes = slices.Clone(p.CommitmentConstraintIndexes)
	return &c, nil
}

func collect(opts []Option) options {
	o := options{visibility: defaultVisibility}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// dirName shows a directory the way users recognize it in messages: "build/".
func dirName(dir string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir
	}
	return dir + string(filepath.Separator)
}

func outputElements(p *plan.Plan) int {
	n := 0
	for _, t := range p.Outputs {
		n += p.Tensors[t].Size()
	}
	return n
}

func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// hasTable reports whether pl has a lookup table, whose argument needs a
// commitment whatever the range checks.
func hasTable(pl *plan.Plan) bool {
	for i := range pl.Ops {
		if pl.Ops[i].Kind == plan.OpLookup {
			return true
		}
	}
	return false
}

// hasCommitment reports whether ccs commits to some of its wires (BSB22),
// which a Groth16 proof then carries.
func hasCommitment(ccs constraint.ConstraintSystem) bool {
	return len(ccs.GetCommitments().CommitmentIndexes()) > 0
}
