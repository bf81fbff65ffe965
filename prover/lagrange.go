package prover

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/bits"
	"slices"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	gcmpc "github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
)

// lagrangeForms are the powers of τ of a phase 1 in the Lagrange basis of
// the circuit's domain (size n, generator ω as gnark-crypto's fft.Domain):
// [Lᵢ(τ)]₁, [αLᵢ(τ)]₁, [βLᵢ(τ)]₁ and [Lᵢ(τ)]₂ for i < n, where Lᵢ is 1 at ωⁱ
// and 0 at the other ωʲ. A phase-2-prepared .ptau carries them (sections
// 12–15); with them, the ceremony's first state is sums of these points
// instead of gnark's group FFTs over the domain, the bulk of init, verify
// and finalize.
type lagrangeForms struct {
	TauG1, AlphaTauG1, BetaTauG1 []curve.G1Affine
	TauG2                        []curve.G2Affine
}

// check verifies that l is the Lagrange form of c's powers, with a random
// linear combination per section: for random rᵢ, Σ rᵢ[Lᵢ(τ)] = Σ cⱼ[τʲ]
// where c are the coefficients of the polynomial taking the values rᵢ at
// ωⁱ (an inverse FFT in the field). Two multi-scalar multiplications per
// section; one wrong point fails it except with probability about 2⁻²⁵⁴.
func (l *lagrangeForms) check(c *mpcsetup.SrsCommons) error {
	n := len(c.G1.AlphaTau)
	if len(l.TauG1) != n || len(l.AlphaTauG1) != n || len(l.BetaTauG1) != n || len(l.TauG2) != n {
		return fmt.Errorf("Lagrange forms of %d, %d, %d and %d points for a domain of %d", len(l.TauG1), len(l.AlphaTauG1), len(l.BetaTauG1), len(l.TauG2), n)
	}
	r := randomScalars(n)
	coeffs := slices.Clone(r)
	if n > 1 {
		d := fft.NewDomain(uint64(n))
		d.FFTInverse(coeffs, fft.DIF)
		fft.BitReverse(coeffs)
	}
	var cfg ecc.MultiExpConfig
	g1 := func(name string, lag, mono []curve.G1Affine) error {
		var a, b curve.G1Jac
		if _, err := a.MultiExp(lag, r, cfg); err != nil {
			return err
		}
		if _, err := b.MultiExp(mono[:n], coeffs, cfg); err != nil {
			return err
		}
		if !a.Equal(&b) {
			return fmt.Errorf("the Lagrange forms (%s) do not match the powers of tau for a domain of %d", name, n)
		}
		return nil
	}
	if err := g1("tauG1", l.TauG1, c.G1.Tau); err != nil {
		return err
	}
	if err := g1("alphaTauG1", l.AlphaTauG1, c.G1.AlphaTau); err != nil {
		return err
	}
	if err := g1("betaTauG1", l.BetaTauG1, c.G1.BetaTau); err != nil {
		return err
	}
	var a, b curve.G2Jac
	if _, err := a.MultiExp(l.TauG2, r, cfg); err != nil {
		return err
	}
	if _, err := b.MultiExp(c.G2.Tau[:n], coeffs, cfg); err != nil {
		return err
	}
	if !a.Equal(&b) {
		return fmt.Errorf("the Lagrange forms (tauG2) do not match the powers of tau for a domain of %d", n)
	}
	return nil
}

// lagrangeTag starts the Lagrange forms that phase1.bin carries after
// gnark's phase 1 when the .ptau had them: the tag, the domain size
// (uint64, big-endian), then the four sections in the .ptau's encoding.
const lagrangeTag = "lagrange"

func writeLagrange(w io.Writer, l *lagrangeForms) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(lagrangeTag)
	binary.Write(bw, binary.BigEndian, uint64(len(l.TauG1)))
	for _, s := range [][]curve.G1Affine{l.TauG1, l.AlphaTauG1, l.BetaTauG1} {
		bw.Write(encodeG1s(s))
	}
	bw.Write(encodeG2s(l.TauG2))
	return bw.Flush()
}

// readLagrange reads what writeLagrange wrote for a domain of n; nil, nil
// at the end of r (a phase1.bin without them).
func readLagrange(r io.Reader, n int) (*lagrangeForms, error) {
	tag := make([]byte, len(lagrangeTag))
	if k, err := io.ReadFull(r, tag); k == 0 && err == io.EOF {
		return nil, nil
	} else if err != nil || string(tag) != lagrangeTag {
		return nil, errors.New("unexpected data after the phase 1")
	}
	var m uint64
	if err := binary.Read(r, binary.BigEndian, &m); err != nil {
		return nil, errTruncated
	}
	if m != uint64(n) {
		return nil, fmt.Errorf("Lagrange forms for a domain of %d, the phase 1 has %d", m, n)
	}
	l := &lagrangeForms{}
	buf := make([]byte, 64*n)
	for _, s := range []struct {
		dst *[]curve.G1Affine
		sec uint32
	}{{&l.TauG1, ptauLagrangeTauG1}, {&l.AlphaTauG1, ptauLagrangeAlphaTauG1}, {&l.BetaTauG1, ptauLagrangeBetaTauG1}} {
		if err := readFull(r, buf); err != nil {
			return nil, err
		}
		var err error
		if *s.dst, err = decodeG1s(buf, ptauSectionNames[s.sec]); err != nil {
			return nil, err
		}
	}
	buf = make([]byte, 128*n)
	if err := readFull(r, buf); err != nil {
		return nil, err
	}
	// phase1.bin is zkml's own checksummed file, trusted as the powers it
	// holds are (the published first hash, which anyone recomputes from the
	// .ptau, is what vouches for both): no subgroup checks, as for keys.
	var err error
	l.TauG2, err = decodeG2s(buf, ptauSectionNames[ptauLagrangeTauG2], false)
	return l, err
}

func putFp(b []byte, e *fp.Element) {
	for j := range 4 {
		binary.LittleEndian.PutUint64(b[8*j:], e[j])
	}
}

// encodeG1s encodes points as a .ptau does (Montgomery form, little-endian).
func encodeG1s(pts []curve.G1Affine) []byte {
	b := make([]byte, 64*len(pts))
	parallel(len(pts), func(start, end int) error {
		for i := start; i < end; i++ {
			putFp(b[64*i:], &pts[i].X)
			putFp(b[64*i+32:], &pts[i].Y)
		}
		return nil
	})
	return b
}

func encodeG2s(pts []curve.G2Affine) []byte {
	b := make([]byte, 128*len(pts))
	parallel(len(pts), func(start, end int) error {
		for i := start; i < end; i++ {
			putFp(b[128*i:], &pts[i].X.A0)
			putFp(b[128*i+32:], &pts[i].X.A1)
			putFp(b[128*i+64:], &pts[i].Y.A0)
			putFp(b[128*i+96:], &pts[i].Y.A1)
		}
		return nil
	})
	return b
}

// A sparse column of one of the R1CS's matrices: the constraints a wire
// appears in (its row) with the coefficient's index.
type r1csEntry struct{ row, coeff uint32 }

type r1csColumns struct {
	start []uint32 // wire w's entries are e[start[w]:start[w+1]]
	e     []r1csEntry
}

func (c *r1csColumns) of(w int) []r1csEntry { return c.e[c.start[w]:c.start[w+1]] }

// r1csByWire transposes the R1CS: for each wire, where it appears in L, R
// and O. It returns the number of constraints.
func r1csByWire(r1cs *cs_bn254.R1CS, nWires int) (cols [3]r1csColumns, nbConstraints int) {
	for k := range cols {
		cols[k].start = make([]uint32, nWires+1)
	}
	each := func(f func(k int, row uint32, t constraint.Term)) int {
		it := r1cs.GetR1CIterator()
		row := uint32(0)
		for c := it.Next(); c != nil; c = it.Next() {
			for k, le := range [3]constraint.LinearExpression{c.L, c.R, c.O} {
				for _, t := range le {
					if t.CoeffID() != constraint.CoeffIdZero {
						f(k, row, t)
					}
				}
			}
			row++
		}
		return int(row)
	}
	nbConstraints = each(func(k int, _ uint32, t constraint.Term) { cols[k].start[t.WireID()+1]++ })
	for k := range cols {
		for w := range nWires {
			cols[k].start[w+1] += cols[k].start[w]
		}
		cols[k].e = make([]r1csEntry, cols[k].start[nWires])
	}
	next := [3][]uint32{slices.Clone(cols[0].start), slices.Clone(cols[1].start), slices.Clone(cols[2].start)}
	each(func(k int, row uint32, t constraint.Term) {
		w := t.WireID()
		cols[k].e[next[k][w]] = r1csEntry{row, uint32(t.CoeffID())}
		next[k][w]++
	})
	return cols, nbConstraints
}

// msmFrom is the number of terms with a general coefficient from which a
// wire's sum is a multi-scalar multiplication rather than one scalar
// multiplication per term.
const msmFrom = 32

// shortCoeff is a coefficient c with |c| < 2⁶⁴ (c or −c in the field): a
// double-and-add over its bits costs less than gnark-crypto's scalar
// multiplication (about 128 doublings whatever the scalar). Most of a
// quantized model's coefficients are short; bits is 0 for the others.
type shortCoeff struct {
	mag  uint64
	bits int
	neg  bool
}

func shortCoeffs(coeffs []big.Int) []shortCoeff {
	s := make([]shortCoeff, len(coeffs))
	var m big.Int
	for i := range coeffs {
		c := &coeffs[i]
		switch {
		case c.BitLen() <= 64:
			s[i] = shortCoeff{mag: c.Uint64(), bits: c.BitLen()}
		case m.Sub(fr.Modulus(), c).BitLen() <= 64:
			s[i] = shortCoeff{mag: m.Uint64(), bits: m.BitLen(), neg: true}
		}
	}
	return s
}

// wireSum computes Σ coeff·base[row] over a wire's entries in G1 or G2.
type wireSum[A any, J any] struct {
	coeffs []big.Int
	frs    []fr.Element
	short  []shortCoeff
	// the group's operations
	fromAffine func(*J, *A)
	neg        func(*A, *A)
	double     func(*J)
	addMixed   func(*J, *A)
	subMixed   func(*J, *A)
	addJac     func(*J, *J)
	scalarMul  func(*J, *A, *big.Int)
	msm        func(*J, []A, []fr.Element)
}

func (s *wireSum[A, J]) sum(res *J, entries []r1csEntry, base []A, pts []A, scs []fr.Element) ([]A, []fr.Element) {
	general := 0
	for _, e := range entries {
		switch e.coeff {
		case constraint.CoeffIdOne:
			s.addMixed(res, &base[e.row])
		case constraint.CoeffIdMinusOne:
			s.subMixed(res, &base[e.row])
		case constraint.CoeffIdTwo:
			s.addMixed(res, &base[e.row])
			s.addMixed(res, &base[e.row])
		default:
			general++
		}
	}
	if general == 0 {
		return pts, scs
	}
	if general < msmFrom {
		var t J
		for _, e := range entries {
			if e.coeff <= constraint.CoeffIdMinusOne {
				continue
			}
			if sc := s.short[e.coeff]; sc.bits > 0 {
				s.shortMul(&t, &base[e.row], sc)
			} else {
				s.scalarMul(&t, &base[e.row], &s.coeffs[e.coeff])
			}
			s.addJac(res, &t)
		}
		return pts, scs
	}
	pts, scs = pts[:0], scs[:0]
	for _, e := range entries {
		if e.coeff > constraint.CoeffIdMinusOne {
			pts = append(pts, base[e.row])
			scs = append(scs, s.frs[e.coeff])
		}
	}
	var t J
	s.msm(&t, pts, scs)
	s.addJac(res, &t)
	return pts, scs
}

// shortMul sets t to c·p by double-and-add.
func (s *wireSum[A, J]) shortMul(t *J, p *A, c shortCoeff) {
	q := *p
	if c.neg {
		s.neg(&q, p)
	}
	s.fromAffine(t, &q)
	for i := c.bits - 2; i >= 0; i-- {
		s.double(t)
		if c.mag>>uint(i)&1 == 1 {
			s.addMixed(t, &q)
		}
	}
}

var oneTask = ecc.MultiExpConfig{NbTasks: 1}

func g1Sum(coeffs []big.Int, frs []fr.Element, short []shortCoeff) *wireSum[curve.G1Affine, curve.G1Jac] {
	return &wireSum[curve.G1Affine, curve.G1Jac]{
		coeffs: coeffs, frs: frs, short: short,
		fromAffine: func(j *curve.G1Jac, a *curve.G1Affine) { j.FromAffine(a) },
		neg:        func(n, a *curve.G1Affine) { n.Neg(a) },
		double:     func(j *curve.G1Jac) { j.DoubleAssign() },
		addMixed:   func(j *curve.G1Jac, a *curve.G1Affine) { j.AddMixed(a) },
		subMixed: func(j *curve.G1Jac, a *curve.G1Affine) {
			var n curve.G1Affine
			n.Neg(a)
			j.AddMixed(&n)
		},
		addJac: func(j, t *curve.G1Jac) { j.AddAssign(t) },
		scalarMul: func(j *curve.G1Jac, a *curve.G1Affine, s *big.Int) {
			var q curve.G1Jac
			q.FromAffine(a)
			j.ScalarMultiplication(&q, s)
		},
		msm: func(j *curve.G1Jac, p []curve.G1Affine, s []fr.Element) {
			if _, err := j.MultiExp(p, s, oneTask); err != nil {
				panic(err) // only for a configuration error
			}
		},
	}
}

func g2Sum(coeffs []big.Int, frs []fr.Element, short []shortCoeff) *wireSum[curve.G2Affine, curve.G2Jac] {
	return &wireSum[curve.G2Affine, curve.G2Jac]{
		coeffs: coeffs, frs: frs, short: short,
		fromAffine: func(j *curve.G2Jac, a *curve.G2Affine) { j.FromAffine(a) },
		neg:        func(n, a *curve.G2Affine) { n.Neg(a) },
		double:     func(j *curve.G2Jac) { j.DoubleAssign() },
		addMixed:   func(j *curve.G2Jac, a *curve.G2Affine) { j.AddMixed(a) },
		subMixed: func(j *curve.G2Jac, a *curve.G2Affine) {
			var n curve.G2Affine
			n.Neg(a)
			j.AddMixed(&n)
		},
		addJac: func(j, t *curve.G2Jac) { j.AddAssign(t) },
		scalarMul: func(j *curve.G2Jac, a *curve.G2Affine, s *big.Int) {
			var q curve.G2Jac
			q.FromAffine(a)
			j.ScalarMultiplication(&q, s)
		},
		msm: func(j *curve.G2Jac, p []curve.G2Affine, s []fr.Element) {
			if _, err := j.MultiExp(p, s, oneTask); err != nil {
				panic(err)
			}
		},
	}
}

// initPhase2 computes the ceremony's first state and the circuit's
// evaluations at τ from the Lagrange forms: the same values, bit for bit,
// as gnark's Phase2.Initialize (which computes the Lagrange forms itself
// with group FFTs), which the tests check. Each wire's polynomials at τ are
// sums over the constraints it appears in, computed wire by wire on every
// core.
func initPhase2(r1cs *cs_bn254.R1CS, c *mpcsetup.SrsCommons, l *lagrangeForms) (*mpcsetup.Phase2, *mpcsetup.Phase2Evaluations, error) {
	n := len(c.G1.AlphaTau)
	if len(l.TauG1) != n || len(c.G1.Tau) < 2*n-1 {
		return nil, nil, fmt.Errorf("a phase 1 of %d powers with Lagrange forms of %d", n, len(l.TauG1))
	}
	nbInternal, nbSecret, nbPublic := r1cs.GetNbVariables()
	nWires := nbInternal + nbSecret + nbPublic
	cols, nbConstraints := r1csByWire(r1cs, nWires)
	if nbConstraints > n {
		return nil, nil, fmt.Errorf("%d constraints for a domain of %d", nbConstraints, n)
	}

	coeffs := make([]big.Int, len(r1cs.Coefficients))
	for i := range coeffs {
		r1cs.Coefficients[i].BigInt(&coeffs[i])
	}
	short := shortCoeffs(coeffs)
	s1, s2 := g1Sum(coeffs, r1cs.Coefficients, short), g2Sum(coeffs, r1cs.Coefficients, short)

	// A and B (in G1 and G2) at τ, and K = βA + αB + C, wire by wire.
	a := make([]curve.G1Jac, nWires)
	b := make([]curve.G1Jac, nWires)
	k := make([]curve.G1Jac, nWires)
	b2 := make([]curve.G2Jac, nWires)
	parallel(nWires, func(start, end int) error {
		var p1 []curve.G1Affine
		var p2 []curve.G2Affine
		var scs []fr.Element
		var t curve.G1Jac
		for w := start; w < end; w++ {
			// the zero values (Z = 0) are the point at infinity
			lw, rw, ow := cols[0].of(w), cols[1].of(w), cols[2].of(w)
			p1, scs = s1.sum(&a[w], lw, l.TauG1, p1, scs)
			p1, scs = s1.sum(&k[w], lw, l.BetaTauG1, p1, scs)
			p1, scs = s1.sum(&b[w], rw, l.TauG1, p1, scs)
			p2, scs = s2.sum(&b2[w], rw, l.TauG2, p2, scs)
			t = curve.G1Jac{}
			p1, scs = s1.sum(&t, rw, l.AlphaTauG1, p1, scs)
			p1, scs = s1.sum(&t, ow, l.TauG1, p1, scs)
			k[w].AddAssign(&t)
		}
		return nil
	})
	cols = [3]r1csColumns{}

	var evals mpcsetup.Phase2Evaluations
	evals.G1.A = curve.BatchJacobianToAffineG1(a)
	a = nil
	evals.G1.B = curve.BatchJacobianToAffineG1(b)
	b = nil
	kk := curve.BatchJacobianToAffineG1(k)
	k = nil
	evals.G2.B = make([]curve.G2Affine, nWires)
	parallel(nWires, func(start, end int) error {
		for w := start; w < end; w++ {
			evals.G2.B[w].FromJacobian(&b2[w])
		}
		return nil
	})
	b2 = nil

	commitments := r1cs.CommitmentInfo.(constraint.Groth16Commitments)
	evals.PublicAndCommitmentCommitted = commitments.GetPublicAndCommitmentCommitted(commitments.CommitmentIndexes(), nbPublic)

	var p mpcsetup.Phase2
	_, _, g1, g2 := curve.Generators()
	p.Parameters.G1.Delta = g1
	p.Parameters.G2.Delta = g2

	// Z: [τⁱ(τⁿ − 1)]₁ = [τⁱ⁺ⁿ]₁ − [τⁱ]₁ for i ≤ n − 2, in bit-reversed order
	// over n positions (the last, all ones, is left out).
	z := make([]curve.G1Jac, n)
	parallel(n-1, func(start, end int) error {
		for i := start; i < end; i++ {
			var neg curve.G1Affine
			neg.Neg(&c.G1.Tau[i])
			z[i].FromAffine(&c.G1.Tau[i+n])
			z[i].AddMixed(&neg)
		}
		return nil
	})
	zz := curve.BatchJacobianToAffineG1(z)
	bitReverseSlice(zz)
	p.Parameters.G1.Z = zz[:n-1]

	// The wires split as gnark does: the private committed ones (per
	// commitment, CKK), the public ones and the commitments (VKK), the
	// other private ones (PKK).
	nc := len(commitments)
	evals.G1.CKK = make([][]curve.G1Affine, nc)
	p.Sigmas = make([]gcmpc.UpdateProof, nc)
	p.Parameters.G1.SigmaCKK = make([][]curve.G1Affine, nc)
	p.Parameters.G2.Sigma = make([]curve.G2Affine, nc)
	committed := commitments.GetPrivateCommitted()
	for j := range commitments {
		evals.G1.CKK[j] = make([]curve.G1Affine, 0, len(committed[j]))
		p.Parameters.G2.Sigma[j] = g2
	}
	p.Parameters.G1.PKK = make([]curve.G1Affine, 0, nWires)
	evals.G1.VKK = make([]curve.G1Affine, 0, nbPublic+nc)
	heads := make([][]int, len(committed))
	copy(heads, committed)
	// nextCommitted returns the index of the commitment whose next
	// committed wire is the smallest (the first such), if that wire is w.
	nextCommitted := func(w int) int {
		least, idx := -1, -1
		for j, h := range heads {
			if len(h) > 0 && (idx < 0 || h[0] < least) {
				least, idx = h[0], j
			}
		}
		if idx < 0 || least != w {
			return -1
		}
		heads[idx] = heads[idx][1:]
		return idx
	}
	seen := 0
	for w := range nWires {
		ci := nextCommitted(w)
		isCommitment := seen < nc && commitments[seen].CommitmentIndex == w
		switch {
		case ci != -1:
			evals.G1.CKK[ci] = append(evals.G1.CKK[ci], kk[w])
		case w < nbPublic || isCommitment:
			evals.G1.VKK = append(evals.G1.VKK, kk[w])
		default:
			p.Parameters.G1.PKK = append(p.Parameters.G1.PKK, kk[w])
		}
		if isCommitment {
			seen++
		}
	}
	p.Parameters.G1.PKK = slices.Clip(p.Parameters.G1.PKK)
	for j := range commitments {
		p.Parameters.G1.SigmaCKK[j] = slices.Clone(evals.G1.CKK[j])
	}
	return &p, &evals, nil
}

// bitReverseSlice permutes a (of a power-of-two length) to bit-reversed
// order.
func bitReverseSlice[T any](a []T) {
	n := uint64(len(a))
	if n < 2 {
		return
	}
	shift := 64 - uint(bits.TrailingZeros64(n))
	for i := range n {
		if j := bits.Reverse64(i) >> shift; j > i {
			a[i], a[j] = a[j], a[i]
		}
	}
}
