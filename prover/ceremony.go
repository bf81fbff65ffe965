package prover

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
)

// The kinds of setup [Build.SetupKind] reports.
const (
	// SetupDevelopment: keys whose secret zkml knew (Groth16's single-party
	// setup, PLONK's development SRS). Anyone who had it can forge proofs.
	SetupDevelopment = "development"
	// SetupPTau: PLONK keys from a universal SRS made elsewhere, a
	// powers-of-tau file (or an SRS file in gnark-crypto's encoding).
	SetupPTau = "ptau"
	// SetupCeremony: Groth16 keys from a phase-2 ceremony on a
	// powers-of-tau file.
	SetupCeremony = "ceremony"
)

// SetupKind says what made the build's keys: [SetupDevelopment],
// [SetupPTau] or [SetupCeremony]; "" before `zkml setup`. Only the last two
// are fit for production.
func (b *Build) SetupKind() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.settings.Setup
	switch {
	case s == nil:
		return ""
	case s.Kind != "":
		return s.Kind
	case s.Insecure:
		return SetupDevelopment
	}
	return SetupPTau
}

// CeremonyInfo records the Groth16 phase 2 that made the keys: with the
// contribution files, anyone can check it (`zkml ceremony verify`).
type CeremonyInfo struct {
	// Initial is the hash of the ceremony's first file, which depends only
	// on the circuit and the .ptau: anyone can recompute it.
	Initial string `json:"initial"`
	// Contributions are the hashes of the contributions, in order, as
	// each contributor published theirs.
	Contributions []string `json:"contributions"`
	// Beacon is the public random value that sealed the ceremony, hex.
	Beacon string `json:"beacon"`
	// Verified is false when finalize was given only the last file and
	// trusted the chain of hashes it carries.
	Verified bool `json:"verified"`
}

// A ceremony file: ceremonyMagic, the plan hash, the number of earlier
// files and their hashes (the chain), then gnark's phase-2 state. A file's
// hash is SHA-256 of that state, which the next contribution commits to.
const ceremonyMagic = "zkml-ceremony/1\n"

// What init leaves in the build directory for verify and
// finalize: the phase 1 (the powers the circuit needs, from the .ptau).
const (
	phase1File   = "phase1.bin"
	ceremonyFile = "ceremony.json"
)

type ceremonyRecord struct {
	PTau    PTauInfo `json:"ptau"`
	Initial string   `json:"initial"`
}

type ceremonyFileData struct {
	path  string
	chain [][32]byte
	p     mpcsetup.Phase2
	hash  [32]byte
}

func (c *ceremonyFileData) chainHex() []string {
	s := make([]string, len(c.chain))
	for i, h := range c.chain {
		s[i] = hex.EncodeToString(h[:])
	}
	return s
}

// ContributionHash is the hash a contributor publishes.
type ContributionHash = string

func phase2Hash(p *mpcsetup.Phase2) ([32]byte, error) {
	h := sha256.New()
	if _, err := p.WriteTo(h); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
}

func writeCeremonyFile(path string, planHash [32]byte, chain [][32]byte, p *mpcsetup.Phase2) error {
	f, err := createTemp(path)
	if err != nil {
		return err
	}
	tmp := f.Name()
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(ceremonyMagic)
	w.Write(planHash[:])
	binary.Write(w, binary.BigEndian, uint32(len(chain)))
	for _, h := range chain {
		w.Write(h[:])
	}
	if _, err := p.WriteTo(w); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

func readCeremonyFile(path string) (c *ceremonyFileData, planHash [32]byte, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, planHash, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	magic := make([]byte, len(ceremonyMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != ceremonyMagic {
		return nil, planHash, fmt.Errorf("%s: not a zkml ceremony file", path)
	}
	var n uint32
	if _, err := io.ReadFull(r, planHash[:]); err != nil {
		return nil, planHash, fmt.Errorf("%s: truncated ceremony file", path)
	}
	if err := binary.Read(r, binary.BigEndian, &n); err != nil || n > 1<<20 {
		return nil, planHash, fmt.Errorf("%s: truncated or corrupt ceremony file", path)
	}
	c = &ceremonyFileData{path: path, chain: make([][32]byte, n)}
	for i := range c.chain {
		if _, err := io.ReadFull(r, c.chain[i][:]); err != nil {
			return nil, planHash, fmt.Errorf("%s: truncated ceremony file", path)
		}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, planHash, err
	}
	if err := checkPhase2Sizes(data); err != nil {
		return nil, planHash, fmt.Errorf("%s: corrupt ceremony file: %v", path, err)
	}
	br := bytes.NewReader(data)
	if err := safeDecode(func() error {
		_, err := c.p.ReadFrom(br)
		return err
	}); err != nil {
		return nil, planHash, fmt.Errorf("%s: corrupt ceremony file: %v", path, err)
	}
	if br.Len() != 0 {
		return nil, planHash, fmt.Errorf("%s: corrupt ceremony file: trailing bytes", path)
	}
	if len(c.chain) > 0 && !bytes.Equal(c.p.Challenge, c.chain[len(c.chain)-1][:]) {
		return nil, planHash, fmt.Errorf("%s: corrupt ceremony file: its contribution does not commit to the last hash of its chain", path)
	}
	if c.hash, err = phase2Hash(&c.p); err != nil {
		return nil, planHash, err
	}
	return c, planHash, nil
}

// Contribute adds a contribution to the Groth16 ceremony file in and writes
// the result to out. Its secret comes from the operating system's random
// source and is forgotten when Contribute returns. The returned hash is what
// the contributor publishes: the ceremony's record lists it. report, if not
// nil, is told the stages.
func Contribute(in, out string, report func(string)) (ContributionHash, error) {
	if report == nil {
		report = func(string) {}
	}
	report("reading " + in)
	c, planHash, err := readCeremonyFile(in)
	if err != nil {
		return "", err
	}
	report(fmt.Sprintf("contributing (%d points to update)", len(c.p.Parameters.G1.Z)+len(c.p.Parameters.G1.PKK)))
	chain := append(slices.Clone(c.chain), c.hash)
	if err := safeDecode(func() error { c.p.Contribute(); return nil }); err != nil {
		return "", fmt.Errorf("%s: %v", in, err)
	}
	report("writing " + out)
	if err := writeCeremonyFile(out, planHash, chain, &c.p); err != nil {
		return "", err
	}
	h, err := phase2Hash(&c.p)
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h[:]), nil
}

// checkPhase2Sizes checks the lengths gnark's phase-2 encoding announces
// against the bytes there are, before gnark allocates them: the number of
// commitments (uint16), [δ]₁, the PKK and Z slices, [δ]₂, then per
// commitment a slice of σ bases. Points are compressed: 32 bytes in G1, 64
// in G2; a slice is a uint32 length and its points.
func checkPhase2Sizes(b []byte) error {
	if len(b) < 2 {
		return errTruncated
	}
	nCommitments := int(binary.BigEndian.Uint16(b))
	off := 2
	skip := func(n int) error {
		if n > len(b)-off {
			return errors.New("lengths beyond the end of the file")
		}
		off += n
		return nil
	}
	slice := func() error {
		if err := skip(4); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(b[off-4:]))
		if n > (len(b)-off)/32 {
			return fmt.Errorf("a slice of %d points in %d bytes", n, len(b)-off)
		}
		return skip(32 * n)
	}
	if err := skip(32); err != nil {
		return err
	}
	for _, step := range []func() error{slice, slice, func() error { return skip(64) }} {
		if err := step(); err != nil {
			return err
		}
	}
	for range nCommitments {
		if err := slice(); err != nil {
			return err
		}
	}
	return nil
}

// groth16Domain is the size of the domain gnark's Groth16 uses for ccs.
func groth16Domain(ccs constraint.ConstraintSystem) uint64 {
	return ecc.NextPowerOfTwo(uint64(ccs.GetNbConstraints()))
}

// phase1 is what a ceremony starts from: the powers of τ a circuit of
// domain n needs and, from a phase-2-prepared .ptau, their Lagrange forms
// for the domain (nil otherwise).
type phase1 struct {
	c   *mpcsetup.SrsCommons
	lag *lagrangeForms
}

// phase1FromPTau reads the phase 1 a circuit of domain n needs, and checks
// the Lagrange forms against the powers when the file has them.
func phase1FromPTau(path string, n uint64, report func(string)) (phase1, *PTauInfo, error) {
	p, err := readPTau(path, ptauNeed{tauG1: int(2*n - 1), tauG2: int(n), alphaBeta: int(n), domain: n, lagrange: true}, report)
	if err != nil {
		return phase1{}, nil, err
	}
	var c mpcsetup.SrsCommons
	c.G1.Tau, c.G1.AlphaTau, c.G1.BetaTau = p.TauG1, p.AlphaTauG1, p.BetaTauG1
	c.G2.Tau, c.G2.Beta = p.TauG2, p.BetaG2
	if p.Lagrange != nil {
		report(fmt.Sprintf("checking the Lagrange forms (prepared .ptau, domain %d)", n))
		if err := p.Lagrange.check(&c); err != nil {
			return phase1{}, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return phase1{&c, p.Lagrange}, &p.Info, nil
}

func (b *Build) r1cs() (*cs_bn254.R1CS, error) {
	if b.settings.Backend != Groth16 {
		return nil, fmt.Errorf("%s is a %s build: a ceremony is for Groth16 (PLONK uses the .ptau directly: zkml setup --ptau)", dirName(b.dir), b.settings.Backend)
	}
	ccs, err := b.constraintSystem()
	if err != nil {
		return nil, err
	}
	return ccs.(*cs_bn254.R1CS), nil
}

// CeremonyInit starts a Groth16 phase-2 ceremony for the build: it reads
// and checks the powers of τ the circuit needs from the .ptau file, keeps
// them in the build directory (phase1.bin) and writes the ceremony's first
// file to out, for the first contributor. It returns that file's hash,
// which anyone can recompute from the circuit and the .ptau.
func (b *Build) CeremonyInit(ctx context.Context, ptauPath, out string) (ContributionHash, error) {
	r1cs, err := b.r1cs()
	if err != nil {
		return "", err
	}
	n := groth16Domain(r1cs)
	type read struct {
		p phase1
		i *PTauInfo
	}
	commons, err := runGnark(ctx, b.gnarkLog, func() (read, error) {
		p, i, err := phase1FromPTau(ptauPath, n, b.report)
		return read{p, i}, err
	})
	if err != nil {
		return "", err
	}
	b.report("writing " + phase1File)
	if _, err := writeArtifact(b.path(phase1File), header{kind: kindPhase1, backend: b.settings.Backend, planHash: b.planHash}, func(w io.Writer) error {
		if _, err := commons.p.c.WriteTo(w); err != nil {
			return err
		}
		if commons.p.lag == nil {
			return nil
		}
		return writeLagrange(w, commons.p.lag)
	}); err != nil {
		return "", err
	}
	p, _, err := b.initialPhase2(ctx, r1cs, commons.p)
	if err != nil {
		return "", err
	}
	h, err := phase2Hash(p)
	if err != nil {
		return "", err
	}
	rec := ceremonyRecord{PTau: *commons.i, Initial: hex.EncodeToString(h[:])}
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(b.path(ceremonyFile), append(data, '\n'), 0o644); err != nil {
		return "", err
	}
	b.report("writing " + out)
	if err := writeCeremonyFile(out, b.planHash, nil, p); err != nil {
		return "", err
	}
	return rec.Initial, nil
}

// initialPhase2 computes the ceremony's first state and the circuit's
// evaluations at τ: from the Lagrange forms when the phase 1 has them,
// else with gnark's Phase2.Initialize (group FFTs over the domain, hours
// at a million constraints). Both give the same bytes.
func (b *Build) initialPhase2(ctx context.Context, r1cs *cs_bn254.R1CS, ph phase1) (*mpcsetup.Phase2, *mpcsetup.Phase2Evaluations, error) {
	how := "from the Lagrange forms"
	if ph.lag == nil {
		how = "with gnark's FFTs: a .ptau prepared for phase 2 is much faster"
	}
	b.report(fmt.Sprintf("evaluating the circuit at τ (%d constraints, %s)", r1cs.GetNbConstraints(), how))
	type res struct {
		p *mpcsetup.Phase2
		e *mpcsetup.Phase2Evaluations
	}
	r, err := runGnark(ctx, b.gnarkLog, func() (res, error) {
		p, e, err := phase2Initialize(r1cs, ph)
		return res{p, e}, err
	})
	return r.p, r.e, err
}

func phase2Initialize(r1cs *cs_bn254.R1CS, ph phase1) (*mpcsetup.Phase2, *mpcsetup.Phase2Evaluations, error) {
	if ph.lag != nil {
		return initPhase2(r1cs, ph.c, ph.lag)
	}
	var p mpcsetup.Phase2
	e := p.Initialize(r1cs, ph.c)
	return &p, &e, nil
}

// loadCeremony reads what CeremonyInit left in the build directory.
func (b *Build) loadCeremony(ctx context.Context) (*ceremonyRecord, *mpcsetup.SrsCommons, *mpcsetup.Phase2, *mpcsetup.Phase2Evaluations, error) {
	r1cs, err := b.r1cs()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	data, err := os.ReadFile(b.path(ceremonyFile))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, nil, nil, fmt.Errorf("%s: no ceremony started here; run `zkml ceremony init %s --ptau FILE --out c0` first", dirName(b.dir), dirName(b.dir))
		}
		return nil, nil, nil, nil, err
	}
	var rec ceremonyRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, nil, nil, nil, fmt.Errorf("%s: %v", b.path(ceremonyFile), err)
	}
	b.report("loading " + phase1File)
	var commons mpcsetup.SrsCommons
	var lag *lagrangeForms
	if _, err := readArtifact(b.path(phase1File), b.expect(phase1File), func(r io.Reader) error {
		if _, err := commons.ReadFrom(r); err != nil {
			return err
		}
		var err error
		lag, err = readLagrange(r, len(commons.G1.AlphaTau))
		return err
	}); err != nil {
		return nil, nil, nil, nil, err
	}
	if n := groth16Domain(r1cs); uint64(len(commons.G1.AlphaTau)) != n {
		return nil, nil, nil, nil, fmt.Errorf("%s: made for a domain of %d, the circuit has %d; rerun `zkml ceremony init`", b.path(phase1File), len(commons.G1.AlphaTau), n)
	}
	if lag != nil {
		// The first file's hash is recomputed, not trusted: so are the
		// Lagrange forms it comes from.
		b.report("checking the Lagrange forms against the powers of tau")
		if err := lag.check(&commons); err != nil {
			return nil, nil, nil, nil, fmt.Errorf("%s: %w", b.path(phase1File), err)
		}
	}
	p, e, err := b.initialPhase2(ctx, r1cs, phase1{&commons, lag})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return &rec, &commons, p, e, nil
}

// verifyChain checks files, the ceremony files in order from the first,
// against the initial state init: each one must extend the previous one's
// chain and carry a valid contribution on top of it. It returns the last
// file. With trustChain and a single file that is not the first, it checks
// only that the file's chain starts at init.
func (b *Build) verifyChain(init *mpcsetup.Phase2, files []string, trustChain bool) (*ceremonyFileData, bool, error) {
	if len(files) == 0 {
		return nil, false, errors.New("no ceremony file given")
	}
	h0, err := phase2Hash(init)
	if err != nil {
		return nil, false, err
	}
	var prev *ceremonyFileData
	for i, path := range files {
		b.report(fmt.Sprintf("verifying %s (%d of %d)", path, i+1, len(files)))
		c, planHash, err := readCeremonyFile(path)
		if err != nil {
			return nil, false, err
		}
		if planHash != b.planHash {
			return nil, false, fmt.Errorf("%s: a ceremony file for another circuit (plan hash %x, this build's is %x)", path, planHash[:8], b.planHash[:8])
		}
		if i == 0 {
			if len(c.chain) == 0 {
				if c.hash != h0 {
					return nil, false, fmt.Errorf("%s: not this ceremony's first file: its hash %x differs from the one init computes from phase1.bin (%x)", path, c.hash[:8], h0[:8])
				}
				prev = c
				continue
			}
			if c.chain[0] != h0 {
				return nil, false, fmt.Errorf("%s: its chain does not start at this ceremony's first file", path)
			}
			if len(files) == 1 && trustChain {
				return c, false, nil
			}
			return nil, false, fmt.Errorf("%s: the first file must be the ceremony's first file (c0, from `zkml ceremony init`); it has %d predecessors", path, len(c.chain))
		}
		want := append(slices.Clone(prev.chain), prev.hash)
		if !slices.Equal(c.chain, want) {
			return nil, false, fmt.Errorf("%s: does not follow %s: it is not a contribution on top of it (a skipped or reordered contribution)", path, prev.path)
		}
		q := prev.p // Verify writes next.Challenge and reads prev
		if err := safeDecode(func() error { return q.Verify(&c.p) }); err != nil {
			return nil, false, fmt.Errorf("%s: contribution check failed: %v", path, err)
		}
		prev = c
	}
	return prev, true, nil
}

// ErrInvalidCeremony is matched (errors.Is) by the errors of
// [Build.CeremonyVerify] for ceremony files that do not verify, as opposed
// to a build it cannot read.
var ErrInvalidCeremony = errors.New("invalid ceremony")

type invalidCeremony struct{ error }

func (e invalidCeremony) Unwrap() error        { return e.error }
func (e invalidCeremony) Is(target error) bool { return target == ErrInvalidCeremony }

// CeremonyVerify checks a whole ceremony: files are its files in order,
// from the first (init's output) to the last contribution. It returns the
// contributions' hashes, to compare with the ones contributors published.
func (b *Build) CeremonyVerify(ctx context.Context, files ...string) ([]ContributionHash, error) {
	_, _, init, _, err := b.loadCeremony(ctx)
	if err != nil {
		return nil, err
	}
	last, _, err := b.verifyChain(init, files, false)
	if err != nil {
		return nil, invalidCeremony{err}
	}
	return append(last.chainHex()[1:], hex.EncodeToString(last.hash[:])), nil
}

// CeremonyFinalize ends the ceremony: it seals the last contribution with
// beacon, a public random value nobody could know before the last
// contribution (a future block hash, say), and writes pk.bin and vk.bin.
// files are the ceremony's files in order, all checked as by
// [Build.CeremonyVerify]; or only the last one, whose chain of hashes is
// then trusted (the record says so): publish the files so that anyone can
// verify them.
func (b *Build) CeremonyFinalize(ctx context.Context, beacon []byte, files ...string) error {
	if len(beacon) == 0 {
		return errors.New("the beacon is empty: give a public random value, such as a future block hash")
	}
	rec, commons, init, evals, err := b.loadCeremony(ctx)
	if err != nil {
		return err
	}
	last, verified, err := b.verifyChain(init, files, true)
	if err != nil {
		return err
	}
	if len(last.chain) == 0 {
		return fmt.Errorf("%s: the ceremony has no contribution yet: run `zkml ceremony contribute` at least once", last.path)
	}
	contribs := append(last.chainHex()[1:], hex.EncodeToString(last.hash[:]))
	info := ceremonySetupInfo(rec.PTau, rec.Initial, contribs, beacon, verified)
	b.report("sealing with the beacon")
	type keys struct {
		pk provingKey
		vk verifyingKey
	}
	k, err := runGnark(ctx, b.gnarkLog, func() (keys, error) {
		pk, vk := last.p.Seal(commons, evals, beacon)
		return keys{pk.(provingKey), vk.(verifyingKey)}, nil
	})
	if err != nil {
		return err
	}
	return b.installKeys(ctx, k.pk, k.vk, info)
}

// plural is "1 contribution", "2 contributions".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func ceremonySetupInfo(ptau PTauInfo, initial string, contribs []string, beacon []byte, verified bool) SetupInfo {
	info := SetupInfo{
		Kind:     SetupCeremony,
		PTau:     &ptau,
		Ceremony: &CeremonyInfo{Initial: initial, Contributions: contribs, Beacon: hex.EncodeToString(beacon), Verified: verified},
		Method:   fmt.Sprintf("groth16 phase-2 ceremony (%s, sealed with a public beacon) on the powers of tau %s", plural(len(contribs), "contribution"), ptau.File),
	}
	if len(contribs) == 1 {
		info.Warning = "one contributor is one point of trust: whoever made the contribution could have kept its secret and can forge proofs. Run a ceremony with independent contributors (zkml ceremony) for production."
	}
	return info
}

// groth16PTauSetup is the ceremony of a single contributor, this process:
// init, one contribution, a beacon from the OS.
func groth16PTauSetup(ccs constraint.ConstraintSystem, path string, report func(string)) (provingKey, verifyingKey, SetupInfo, error) {
	r1cs := ccs.(*cs_bn254.R1CS)
	ph, info, err := phase1FromPTau(path, groth16Domain(ccs), report)
	if err != nil {
		return nil, nil, SetupInfo{}, err
	}
	report(fmt.Sprintf("evaluating the circuit at τ (%d constraints)", r1cs.GetNbConstraints()))
	p, evals, err := phase2Initialize(r1cs, ph)
	if err != nil {
		return nil, nil, SetupInfo{}, err
	}
	h0, err := phase2Hash(p)
	if err != nil {
		return nil, nil, SetupInfo{}, err
	}
	report("contributing")
	p.Contribute()
	h1, err := phase2Hash(p)
	if err != nil {
		return nil, nil, SetupInfo{}, err
	}
	beacon := make([]byte, 32)
	if _, err := rand.Read(beacon); err != nil {
		return nil, nil, SetupInfo{}, err
	}
	report("sealing")
	pk, vk := p.Seal(ph.c, evals, beacon)
	si := ceremonySetupInfo(*info, hex.EncodeToString(h0[:]), []string{hex.EncodeToString(h1[:])}, beacon, true)
	return pk.(provingKey), vk.(verifyingKey), si, nil
}
