// Package setupmath is the arithmetic that makes setup points in bulk on
// BN254: the Lagrange basis of a domain evaluated at τ, and fixed-base
// multiplication of one generator by many scalars with comb tables (one
// table of d·2^(c·j)·base per window j of c bits, so that each point costs
// about 254/c mixed additions and no doublings; gnark-crypto's batch
// multiplication doubles every point about 256 times). zkml's development
// Groth16 setup and internal/ptautest's .ptau writer share it.
package setupmath

import (
	"math/big"
	"runtime"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
)

// ParallelRange calls f on about GOMAXPROCS·4 disjoint ranges covering
// [0, n), concurrently.
func ParallelRange(n int, f func(lo, hi int)) {
	if n == 0 {
		return
	}
	tasks := min(runtime.GOMAXPROCS(0)*4, n)
	chunk := (n + tasks - 1) / tasks
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// LagrangeAt returns Lⱼ(τ) for j < m on domain.
func LagrangeAt(domain *fft.Domain, tau *fr.Element, m int) []fr.Element {
	var c fr.Element
	one := fr.One()
	c.Exp(*tau, new(big.Int).SetUint64(domain.Cardinality)).Sub(&c, &one).Mul(&c, &domain.CardinalityInv)
	L := make([]fr.Element, m)
	ParallelRange(m, func(lo, hi int) {
		var w fr.Element
		w.Exp(domain.Generator, big.NewInt(int64(lo)))
		den := make([]fr.Element, hi-lo)
		num := make([]fr.Element, hi-lo)
		for j := range den {
			num[j].Mul(&c, &w)
			den[j].Sub(tau, &w)
			w.Mul(&w, &domain.Generator)
		}
		inv := fr.BatchInvert(den)
		for j := range den {
			L[lo+j].Mul(&num[j], &inv[j])
		}
	})
	return L
}

// Window picks the window c (bits) of the comb tables for n scalars:
// the tables cost about ⌈254/c⌉·2^c additions, the points n·⌈254/c⌉.
func Window(n int) int {
	best, bestCost := 4, ^uint64(0)
	for c := 4; c <= 16; c++ {
		chunks := uint64((fr.Bits + c - 1) / c)
		if cost := chunks * (uint64(1)<<c + uint64(n)); cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}

// digit returns bits [lo, lo+c) of the little-endian 256-bit s.
func digit(s *[4]uint64, lo, c int) uint64 {
	w, off := lo/64, lo%64
	d := s[w] >> off
	if off+c > 64 && w+1 < 4 {
		d |= s[w+1] << (64 - off)
	}
	return d & (1<<c - 1)
}

// mulBatch is how many points Mul converts to affine form at once.
const mulBatch = 1 << 12

// A G1Table multiplies one G1 point by scalars.
type G1Table struct {
	c, chunks, rowLen int
	// table[j·rowLen + d−1] = d·2^(c·j)·base
	table []curve.G1Affine
}

// NewG1Table builds base's comb tables for windows of c bits (4 to 16).
func NewG1Table(base *curve.G1Affine, c int) *G1Table {
	t := &G1Table{c: c, chunks: (fr.Bits + c - 1) / c, rowLen: 1<<c - 1}
	t.table = make([]curve.G1Affine, t.chunks*t.rowLen)
	var b curve.G1Jac
	b.FromAffine(base)
	rowBase := make([]curve.G1Jac, t.chunks)
	for j := range rowBase {
		rowBase[j] = b
		for range c {
			b.DoubleAssign()
		}
	}
	ParallelRange(t.chunks, func(lo, hi int) {
		row := make([]curve.G1Jac, t.rowLen)
		for j := lo; j < hi; j++ {
			var first curve.G1Affine
			first.FromJacobian(&rowBase[j])
			row[0] = rowBase[j]
			for d := 1; d < t.rowLen; d++ {
				row[d] = row[d-1]
				row[d].AddMixed(&first)
			}
			copy(t.table[j*t.rowLen:], curve.BatchJacobianToAffineG1(row))
		}
	})
	return t
}

// Mul returns [sᵢ]base for every scalar, in affine form.
func (t *G1Table) Mul(scalars []fr.Element) []curve.G1Affine {
	out := make([]curve.G1Affine, len(scalars))
	ParallelRange((len(scalars)+mulBatch-1)/mulBatch, func(lo, hi int) {
		jac := make([]curve.G1Jac, mulBatch)
		for blk := lo; blk < hi; blk++ {
			start := blk * mulBatch
			end := min(start+mulBatch, len(scalars))
			for i := start; i < end; i++ {
				s := scalars[i].Bits()
				p := &jac[i-start]
				p.X.SetOne()
				p.Y.SetOne()
				p.Z.SetZero()
				for j := range t.chunks {
					if d := digit(&s, j*t.c, t.c); d != 0 {
						p.AddMixed(&t.table[j*t.rowLen+int(d)-1])
					}
				}
			}
			copy(out[start:end], curve.BatchJacobianToAffineG1(jac[:end-start]))
		}
	})
	return out
}

// G1 returns [sᵢ]base for every scalar, with tables sized for them.
func G1(base *curve.G1Affine, scalars []fr.Element) []curve.G1Affine {
	return NewG1Table(base, Window(len(scalars))).Mul(scalars)
}

// A G2Table is a G1Table in G2.
type G2Table struct {
	c, chunks, rowLen int
	table             []curve.G2Affine
}

// NewG2Table builds base's comb tables for windows of c bits (4 to 16).
func NewG2Table(base *curve.G2Affine, c int) *G2Table {
	t := &G2Table{c: c, chunks: (fr.Bits + c - 1) / c, rowLen: 1<<c - 1}
	t.table = make([]curve.G2Affine, t.chunks*t.rowLen)
	var b curve.G2Jac
	b.FromAffine(base)
	rowBase := make([]curve.G2Jac, t.chunks)
	for j := range rowBase {
		rowBase[j] = b
		for range c {
			b.DoubleAssign()
		}
	}
	ParallelRange(t.chunks, func(lo, hi int) {
		row := make([]curve.G2Jac, t.rowLen)
		for j := lo; j < hi; j++ {
			var first curve.G2Affine
			first.FromJacobian(&rowBase[j])
			row[0] = rowBase[j]
			for d := 1; d < t.rowLen; d++ {
				row[d] = row[d-1]
				row[d].AddMixed(&first)
			}
			copy(t.table[j*t.rowLen:], batchToAffineG2(row))
		}
	})
	return t
}

// Mul returns [sᵢ]base for every scalar, in affine form.
func (t *G2Table) Mul(scalars []fr.Element) []curve.G2Affine {
	out := make([]curve.G2Affine, len(scalars))
	ParallelRange((len(scalars)+mulBatch-1)/mulBatch, func(lo, hi int) {
		jac := make([]curve.G2Jac, mulBatch)
		for blk := lo; blk < hi; blk++ {
			start := blk * mulBatch
			end := min(start+mulBatch, len(scalars))
			for i := start; i < end; i++ {
				s := scalars[i].Bits()
				p := &jac[i-start]
				p.X.SetOne()
				p.Y.SetOne()
				p.Z.SetZero()
				for j := range t.chunks {
					if d := digit(&s, j*t.c, t.c); d != 0 {
						p.AddMixed(&t.table[j*t.rowLen+int(d)-1])
					}
				}
			}
			copy(out[start:end], batchToAffineG2(jac[:end-start]))
		}
	})
	return out
}

// G2 returns [sᵢ]base for every scalar, with tables sized for them.
func G2(base *curve.G2Affine, scalars []fr.Element) []curve.G2Affine {
	return NewG2Table(base, Window(len(scalars))).Mul(scalars)
}

// batchToAffineG2 converts points to affine form with one inversion (gnark-crypto
// has this for G1 only).
func batchToAffineG2(points []curve.G2Jac) []curve.G2Affine {
	result := make([]curve.G2Affine, len(points))
	var acc curve.E2
	acc.SetOne()
	// result[i].X holds the product of the Z before i.
	for i := range points {
		if points[i].Z.IsZero() {
			continue
		}
		result[i].X = acc
		acc.Mul(&acc, &points[i].Z)
	}
	var inv curve.E2
	inv.Inverse(&acc)
	for i := len(points) - 1; i >= 0; i-- {
		if points[i].Z.IsZero() {
			continue // (0, 0) is the affine infinity
		}
		var zInv, zInv2 curve.E2
		zInv.Mul(&result[i].X, &inv)
		inv.Mul(&inv, &points[i].Z)
		zInv2.Square(&zInv)
		result[i].X.Mul(&points[i].X, &zInv2)
		result[i].Y.Mul(&points[i].Y, &zInv2).Mul(&result[i].Y, &zInv)
	}
	return result
}
