package prover

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/bits"
	"os"
	"runtime"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// A .ptau file is snarkjs's powers of tau: "ptau", a version, a section
// count, then sections (type uint32, size uint64, data), all little-endian.
// Field elements are 32 bytes in Montgomery form, which is also how
// gnark-crypto keeps them in memory; a point is x, y (G2: x.c0, x.c1, y.c0,
// y.c1). Only the sections below are read. A prepared file (snarkjs
// `powersoftau prepare phase2`) adds the powers' Lagrange forms (12–15) for
// every domain size 2^0, 2^1, … concatenated (section 12 up to 2^(power+1),
// the others up to 2^power): a Groth16 ceremony reads the circuit's domain's
// (see lagrangeForms).
const (
	ptauHeader        = 1
	ptauTauG1         = 2 // [τⁱ]₁, i < 2·2^power − 1
	ptauTauG2         = 3 // [τⁱ]₂, i < 2^power
	ptauAlphaTauG1    = 4 // [ατⁱ]₁, i < 2^power
	ptauBetaTauG1     = 5 // [βτⁱ]₁, i < 2^power
	ptauBetaG2        = 6 // [β]₂
	ptauContributions = 7

	ptauLagrangeTauG1      = 12 // [Lᵢ(τ)]₁ for each domain size 2^0 … 2^(power+1)
	ptauLagrangeTauG2      = 13 // [Lᵢ(τ)]₂ for each domain size 2^0 … 2^power
	ptauLagrangeAlphaTauG1 = 14 // [αLᵢ(τ)]₁, likewise
	ptauLagrangeBetaTauG1  = 15 // [βLᵢ(τ)]₁, likewise
)

var ptauSectionNames = map[uint32]string{
	ptauTauG1: "tauG1", ptauTauG2: "tauG2", ptauAlphaTauG1: "alphaTauG1", ptauBetaTauG1: "betaTauG1", ptauBetaG2: "betaG2",
	ptauLagrangeTauG1: "lagrange tauG1", ptauLagrangeTauG2: "lagrange tauG2", ptauLagrangeAlphaTauG1: "lagrange alphaTauG1", ptauLagrangeBetaTauG1: "lagrange betaTauG1",
}

// PTauInfo identifies the .ptau file a setup used.
type PTauInfo struct {
	File   string `json:"file"`   // as given to zkml
	SHA256 string `json:"sha256"` // of the whole file
	Power  int    `json:"power"`  // the file holds 2^power powers
	// Contributions is the number of phase-1 contributions the file lists.
	Contributions int `json:"contributions"`
	// TauG2 is [τ]G2 in compressed form, hex: it names the ceremony
	// independently of the file's encoding.
	TauG2 string `json:"tau_g2"`
}

// ptauPowers are the prefixes of a .ptau's sections that a setup needs.
type ptauPowers struct {
	TauG1, AlphaTauG1, BetaTauG1 []bn254.G1Affine
	TauG2                        []bn254.G2Affine
	BetaG2                       bn254.G2Affine
	// Lagrange: the Lagrange forms for the domain, when need asked for them
	// and the file is prepared (all four sections); not checked by check.
	Lagrange *lagrangeForms
	Info     PTauInfo
}

// ptauNeed says how many points of each section to read.
type ptauNeed struct {
	tauG1, tauG2, alphaBeta int
	// domain is the circuit's domain size, for the error of a file too small.
	domain uint64
	// lagrange: also read the Lagrange forms for domain, if the file has them.
	lagrange bool
}

// readPTau reads the powers need asks for from a BN254 .ptau file in one
// pass, hashing the whole file on the way and keeping only those powers in
// memory, and checks them: curve, size, every point on the curve and in
// its subgroup, and the powers consistent with one τ (and α, β). Errors name
// the file and the check that failed.
func readPTau(path string, need ptauNeed, report func(string)) (*ptauPowers, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	report(fmt.Sprintf("reading %s (%d MiB)", path, st.Size()>>20))
	hash := sha256.New()
	r := &countingReader{r: bufio.NewReaderSize(io.TeeReader(f, hash), 1<<20)}
	p, err := decodePTau(r, st.Size(), need)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := io.Copy(io.Discard, r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	p.Info.File = path
	p.Info.SHA256 = hex.EncodeToString(hash.Sum(nil))
	report(fmt.Sprintf("checking the powers of tau (%d points)", len(p.TauG1)+len(p.TauG2)+2*len(p.AlphaTauG1)))
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b := p.TauG2[1].Bytes()
	p.Info.TauG2 = hex.EncodeToString(b[:])
	return p, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// errTruncated is what a read past the end of the file becomes.
var errTruncated = errors.New("truncated file: it ends inside a section")

func readFull(r io.Reader, b []byte) error {
	if _, err := io.ReadFull(r, b); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return errTruncated
		}
		return err
	}
	return nil
}

func decodePTau(r *countingReader, fileSize int64, need ptauNeed) (*ptauPowers, error) {
	var head [12]byte
	if err := readFull(r, head[:]); err != nil || string(head[:4]) != "ptau" {
		return nil, errors.New("not a snarkjs powers-of-tau file (no \"ptau\" magic)")
	}
	if v := binary.LittleEndian.Uint32(head[4:]); v != 1 {
		return nil, fmt.Errorf("ptau format version %d is not supported (zkml reads version 1)", v)
	}
	nSections := binary.LittleEndian.Uint32(head[8:])
	p := &ptauPowers{}
	power := -1
	seen := map[uint32]bool{}
	for range nSections {
		var sh [12]byte
		if err := readFull(r, sh[:]); err != nil {
			return nil, err
		}
		typ, size := binary.LittleEndian.Uint32(sh[:]), binary.LittleEndian.Uint64(sh[4:])
		if size > uint64(fileSize-r.n) {
			return nil, fmt.Errorf("truncated file: section %d announces %d bytes, %d remain", typ, size, fileSize-r.n)
		}
		if seen[typ] {
			return nil, fmt.Errorf("section %d appears twice", typ)
		}
		seen[typ] = true
		if typ != ptauHeader && power < 0 {
			return nil, errors.New("section 1 (the header) is not the first")
		}
		var err error
		var used uint64
		switch typ {
		case ptauHeader:
			power, err = readPTauHeader(r, size, need)
			used = size
		case ptauTauG1, ptauTauG2, ptauAlphaTauG1, ptauBetaTauG1, ptauBetaG2:
			used, err = p.readSection(r, typ, size, power, need)
		case ptauLagrangeTauG1, ptauLagrangeTauG2, ptauLagrangeAlphaTauG1, ptauLagrangeBetaTauG1:
			if need.lagrange {
				used, err = p.readLagrangeSection(r, typ, size, power, need.domain)
			}
		case ptauContributions:
			if size >= 4 {
				var n [4]byte
				err = readFull(r, n[:])
				p.Info.Contributions = int(binary.LittleEndian.Uint32(n[:]))
				used = 4
			}
		}
		if err != nil {
			return nil, err
		}
		if _, err := io.CopyN(io.Discard, r, int64(size-used)); err != nil {
			return nil, errTruncated
		}
	}
	for _, typ := range []uint32{ptauTauG1, ptauTauG2, ptauAlphaTauG1, ptauBetaTauG1, ptauBetaG2} {
		if !seen[typ] && (typ <= ptauTauG2 || need.alphaBeta > 0) {
			return nil, fmt.Errorf("section %d (%s) is missing", typ, ptauSectionNames[typ])
		}
	}
	p.Info.Power = power
	if l := p.Lagrange; l != nil && (l.TauG1 == nil || l.TauG2 == nil || l.AlphaTauG1 == nil || l.BetaTauG1 == nil) {
		p.Lagrange = nil // not all four: not a prepared file
	}
	return p, nil
}

// readLagrangeSection reads the Lagrange form for a domain of size d from
// section typ (12–15), which holds those of every domain 2^0 … 2^top: the
// points of size d start after the 2^0 + … + d/2 = d − 1 of the smaller ones.
func (p *ptauPowers) readLagrangeSection(r io.Reader, typ uint32, size uint64, power int, d uint64) (uint64, error) {
	top, pointSize := power, uint64(64)
	switch typ {
	case ptauLagrangeTauG1:
		top++
	case ptauLagrangeTauG2:
		pointSize = 128
	}
	count := uint64(1)<<(top+1) - 1
	if size != count*pointSize {
		return 0, fmt.Errorf("section %d (%s) has %d bytes, want %d (%d points) for power %d", typ, ptauSectionNames[typ], size, count*pointSize, count, power)
	}
	if d == 0 || d&(d-1) != 0 || d > uint64(1)<<top {
		return 0, nil
	}
	if _, err := io.CopyN(io.Discard, r, int64((d-1)*pointSize)); err != nil {
		return 0, errTruncated
	}
	buf := make([]byte, d*pointSize)
	if err := readFull(r, buf); err != nil {
		return 0, err
	}
	if p.Lagrange == nil {
		p.Lagrange = &lagrangeForms{}
	}
	name := ptauSectionNames[typ]
	var err error
	switch typ {
	case ptauLagrangeTauG1:
		p.Lagrange.TauG1, err = decodeG1s(buf, name)
	case ptauLagrangeTauG2:
		p.Lagrange.TauG2, err = decodeG2s(buf, name, true)
	case ptauLagrangeAlphaTauG1:
		p.Lagrange.AlphaTauG1, err = decodeG1s(buf, name)
	case ptauLagrangeBetaTauG1:
		p.Lagrange.BetaTauG1, err = decodeG1s(buf, name)
	}
	return (d - 1 + d) * pointSize, err
}

// readPTauHeader checks the curve and that the file is large enough.
func readPTauHeader(r io.Reader, size uint64, need ptauNeed) (int, error) {
	if size != 4+32+8 {
		if size >= 4 {
			var n8 [4]byte
			if err := readFull(r, n8[:]); err != nil {
				return 0, err
			}
			return 0, fmt.Errorf("wrong curve: the file's base field has %d-byte elements, BN254's has 32 (zkml uses BN254, snarkjs's bn128)", binary.LittleEndian.Uint32(n8[:]))
		}
		return 0, fmt.Errorf("header section of %d bytes, want 44", size)
	}
	var h [44]byte
	if err := readFull(r, h[:]); err != nil {
		return 0, err
	}
	q := make([]byte, 32)
	for i := range q { // little-endian to big-endian
		q[i] = h[4+31-i]
	}
	if binary.LittleEndian.Uint32(h[:4]) != 32 || new(big.Int).SetBytes(q).Cmp(fp.Modulus()) != 0 {
		return 0, errors.New("wrong curve: the file's base field is not BN254's (zkml uses BN254, snarkjs's bn128)")
	}
	power := int(binary.LittleEndian.Uint32(h[36:]))
	if power < 1 || power > 28 {
		return 0, fmt.Errorf("header: power %d is out of range", power)
	}
	n := uint64(1) << power
	if need.domain > n || uint64(need.tauG1) > 2*n-1 || uint64(need.tauG2) > n || uint64(need.alphaBeta) > n {
		want := bits.Len64(need.domain - 1)
		return 0, fmt.Errorf("too small for this circuit: it has power %d (2^%d powers of tau) and the circuit needs power %d (domain size %d); use a larger .ptau file", power, power, want, need.domain)
	}
	return power, nil
}

// readSection reads the prefix of a point section that need asks for.
func (p *ptauPowers) readSection(r io.Reader, typ uint32, size uint64, power int, need ptauNeed) (uint64, error) {
	n := uint64(1) << power
	name := ptauSectionNames[typ]
	var count, want uint64
	pointSize := uint64(64)
	switch typ {
	case ptauTauG1:
		count, want = 2*n-1, uint64(need.tauG1)
	case ptauTauG2:
		count, want, pointSize = n, uint64(need.tauG2), 128
	case ptauAlphaTauG1, ptauBetaTauG1:
		count, want = n, uint64(need.alphaBeta)
	case ptauBetaG2:
		count, want, pointSize = 1, 1, 128
		if need.alphaBeta == 0 {
			want = 0
		}
	}
	if size != count*pointSize {
		return 0, fmt.Errorf("section %d (%s) has %d bytes, want %d (%d points) for power %d", typ, name, size, count*pointSize, count, power)
	}
	buf := make([]byte, want*pointSize)
	if err := readFull(r, buf); err != nil {
		return 0, err
	}
	var err error
	if pointSize == 64 {
		var pts []bn254.G1Affine
		pts, err = decodeG1s(buf, name)
		switch typ {
		case ptauTauG1:
			p.TauG1 = pts
		case ptauAlphaTauG1:
			p.AlphaTauG1 = pts
		case ptauBetaTauG1:
			p.BetaTauG1 = pts
		}
	} else {
		var pts []bn254.G2Affine
		pts, err = decodeG2s(buf, name, true)
		if typ == ptauTauG2 {
			p.TauG2 = pts
		} else if len(pts) == 1 {
			p.BetaG2 = pts[0]
		}
	}
	return uint64(len(buf)), err
}

// montgomery sets e from 32 little-endian bytes in Montgomery form,
// rejecting a value not below the modulus.
func montgomery(e *fp.Element, b []byte) bool {
	for i := range 4 {
		e[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	// e < q iff its canonical bytes round-trip: compare limbs from the top.
	q := fpModulusLimbs
	for i := 3; i >= 0; i-- {
		if e[i] != q[i] {
			return e[i] < q[i]
		}
	}
	return false
}

var fpModulusLimbs = func() [4]uint64 {
	var l [4]uint64
	m := fp.Modulus()
	for i := range 4 {
		l[i] = new(big.Int).Rsh(m, uint(64*i)).Uint64()
	}
	return l
}()

// parallel runs f over [0, n) in chunks on every core; the first error wins.
func parallel(n int, f func(start, end int) error) error {
	workers := runtime.NumCPU()
	chunk := (n + workers - 1) / workers
	if chunk < 256 {
		chunk = 256
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for start := 0; start < n; start += chunk {
		end := min(start+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(start, end); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}

func decodeG1s(buf []byte, section string) ([]bn254.G1Affine, error) {
	pts := make([]bn254.G1Affine, len(buf)/64)
	err := parallel(len(pts), func(start, end int) error {
		for i := start; i < end; i++ {
			b := buf[64*i:]
			if !montgomery(&pts[i].X, b[:32]) || !montgomery(&pts[i].Y, b[32:64]) {
				return fmt.Errorf("%s point %d: a coordinate is not below the field modulus", section, i)
			}
			if pts[i].IsInfinity() || !pts[i].IsOnCurve() {
				return fmt.Errorf("%s point %d is not on the curve", section, i)
			}
			// BN254's G1 has cofactor 1: on the curve is in the subgroup.
		}
		return nil
	})
	return pts, err
}

// decodeG2s decodes G2 points, checking that each is on the curve and,
// with subgroup, in the prime-order subgroup (the twist's cofactor has
// small factors, so a random linear combination would not catch a point
// outside it).
func decodeG2s(buf []byte, section string, subgroup bool) ([]bn254.G2Affine, error) {
	pts := make([]bn254.G2Affine, len(buf)/128)
	err := parallel(len(pts), func(start, end int) error {
		for i := start; i < end; i++ {
			b := buf[128*i:]
			q := &pts[i]
			if !montgomery(&q.X.A0, b[:32]) || !montgomery(&q.X.A1, b[32:64]) || !montgomery(&q.Y.A0, b[64:96]) || !montgomery(&q.Y.A1, b[96:128]) {
				return fmt.Errorf("%s point %d: a coordinate is not below the field modulus", section, i)
			}
			if q.IsInfinity() || !q.IsOnCurve() {
				return fmt.Errorf("%s point %d is not on the curve", section, i)
			}
			if subgroup && !q.IsInSubGroup() {
				return fmt.Errorf("%s point %d is not in the prime-order subgroup", section, i)
			}
		}
		return nil
	})
	return pts, err
}

// check verifies that the powers come from one τ, α and β, with random
// linear combinations: for random rᵢ, Σ rᵢ[τⁱ⁺¹]₁ = τ·Σ rᵢ[τⁱ]₁ checked
// with one pairing against [τ]₂, and likewise for [τⁱ]₂, [ατⁱ]₁, [βτⁱ]₁;
// [β]₁ must match [β]₂. A single wrong point fails it except with
// probability about 2⁻²⁵⁴.
func (p *ptauPowers) check() error {
	_, _, g1, g2 := bn254.Generators()
	if len(p.TauG1) < 2 || len(p.TauG2) < 2 {
		return errors.New("fewer than 2 powers of tau")
	}
	if !p.TauG1[0].Equal(&g1) || !p.TauG2[0].Equal(&g2) {
		return errors.New("generator check failed: tauG1[0] and tauG2[0] are not the BN254 generators")
	}
	tauG1, tauG2 := p.TauG1[1], p.TauG2[1]
	if tauG1.Equal(&g1) {
		return errors.New("τ is 1: the file was never contributed to")
	}
	var negG1 bn254.G1Affine
	negG1.Neg(&g1)
	// shifted returns Σ rᵢ·s[i] and Σ rᵢ·s[i+1].
	r := randomScalars(max(len(p.TauG1), len(p.TauG2)))
	shiftedG1 := func(s []bn254.G1Affine) (a, b bn254.G1Affine, err error) {
		if _, err = a.MultiExp(s[:len(s)-1], r[:len(s)-1], ecc.MultiExpConfig{}); err != nil {
			return
		}
		_, err = b.MultiExp(s[1:], r[:len(s)-1], ecc.MultiExpConfig{})
		return
	}
	g1Powers := func(name string, s []bn254.G1Affine) error {
		if len(s) < 2 {
			return nil
		}
		a, b, err := shiftedG1(s)
		if err != nil {
			return err
		}
		b.Neg(&b)
		// e(Σrᵢsᵢ, [τ]₂) = e(Σrᵢsᵢ₊₁, G2)
		ok, err := bn254.PairingCheck([]bn254.G1Affine{a, b}, []bn254.G2Affine{tauG2, g2})
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("consistency check failed: the %s powers are not successive powers of τ (one of the first %d points is wrong)", name, len(s))
		}
		return nil
	}
	if err := g1Powers("tauG1", p.TauG1); err != nil {
		return err
	}
	var c, d bn254.G2Affine
	n2 := len(p.TauG2)
	if _, err := c.MultiExp(p.TauG2[:n2-1], r[:n2-1], ecc.MultiExpConfig{}); err != nil {
		return err
	}
	if _, err := d.MultiExp(p.TauG2[1:], r[:n2-1], ecc.MultiExpConfig{}); err != nil {
		return err
	}
	ok, err := bn254.PairingCheck([]bn254.G1Affine{tauG1, negG1}, []bn254.G2Affine{c, d})
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("consistency check failed: the tauG2 powers do not match the tauG1 powers (one of the first %d points is wrong)", n2)
	}
	if len(p.AlphaTauG1) == 0 {
		return nil
	}
	if err := g1Powers("alphaTauG1", p.AlphaTauG1); err != nil {
		return err
	}
	if err := g1Powers("betaTauG1", p.BetaTauG1); err != nil {
		return err
	}
	ok, err = bn254.PairingCheck([]bn254.G1Affine{p.BetaTauG1[0], negG1}, []bn254.G2Affine{g2, p.BetaG2})
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("consistency check failed: betaG2 does not match betaTauG1[0]")
	}
	return nil
}

func randomScalars(n int) []fr.Element {
	r := make([]fr.Element, n)
	for i := range r {
		if _, err := r[i].SetRandom(); err != nil {
			panic(err) // crypto/rand failing is not recoverable
		}
	}
	return r
}
