// Package ptautest writes BN254 powers-of-tau files in snarkjs's .ptau
// format from a known τ, α and β, for tests and benchmarks: anyone who
// reads the call knows the secrets, so keys made from such a file can be
// forged. A real setup uses a public ceremony's file (README.md, "Going to
// production").
package ptautest

import (
	"bufio"
	"encoding/binary"
	"math/big"
	"os"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	"github.com/zkml/zkml/internal/setupmath"
)

// Write writes a raw (not phase-2-prepared) .ptau of 2^power powers to
// path: [τⁱ]₁ for i < 2·2^power − 1, [τⁱ]₂, [ατⁱ]₁ and [βτⁱ]₁ for
// i < 2^power, and [β]₂. The points are computed in batches and written as
// they are made, so a power-20 file (about 400 MiB) needs a few hundred MiB.
func Write(path string, power int, tau, alpha, beta uint64) error {
	return write(path, power, tau, alpha, beta, false)
}

// WritePrepared writes the .ptau that snarkjs's `powersoftau prepare
// phase2` would make of Write's: it adds the Lagrange forms of the powers
// for every domain size 2^0 … 2^power (sections 12–15; [Lᵢ(τ)]₁ up to
// 2^(power+1)), where Lᵢ is the Lagrange polynomial of ωⁱ, ω the generator
// of gnark-crypto's fft.Domain of that size. With τ known, Lᵢ(τ) is a
// field element, ωⁱ(τᵐ − 1)/(m(τ − ωⁱ)) for a domain of size m, and each
// point one fixed-base multiplication: about 3 times Write's work.
func WritePrepared(path string, power int, tau, alpha, beta uint64) error {
	return write(path, power, tau, alpha, beta, true)
}

func write(path string, power int, tau, alpha, beta uint64, prepared bool) error {
	n := 1 << power
	var ft, fa, fb fr.Element
	ft.SetUint64(tau)
	fa.SetUint64(alpha)
	fb.SetUint64(beta)
	powers := make([]fr.Element, 2*n-1)
	powers[0].SetOne()
	for i := 1; i < len(powers); i++ {
		powers[i].Mul(&powers[i-1], &ft)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	u32 := func(v uint32) { binary.Write(w, binary.LittleEndian, v) }
	u64 := func(v uint64) { binary.Write(w, binary.LittleEndian, v) }
	elt := func(e *fp.Element) {
		for j := range 4 {
			u64(e[j]) // Montgomery form, as in memory
		}
	}
	_, _, g1, g2 := bn254.Generators()
	// Comb tables sized for the most points one base multiplies.
	fb1, fb2 := setupmath.NewG1Table(&g1, setupmath.Window(2*n)), setupmath.NewG2Table(&g2, setupmath.Window(n))
	const batch = 1 << 16
	// g1Points writes k·scalars[i]·G1; g2Points, scalars[i]·G2.
	g1Points := func(k *fr.Element, scalars []fr.Element) {
		count := len(scalars)
		s := make([]fr.Element, 0, batch)
		for start := 0; start < count; start += batch {
			s = s[:0]
			for i := start; i < min(count, start+batch); i++ {
				var e fr.Element
				e.Mul(&scalars[i], k)
				s = append(s, e)
			}
			pts := fb1.Mul(s)
			for i := range pts {
				elt(&pts[i].X)
				elt(&pts[i].Y)
			}
		}
	}
	g2Points := func(scalars []fr.Element) {
		for start := 0; start < len(scalars); start += batch {
			pts := fb2.Mul(scalars[start:min(len(scalars), start+batch)])
			for i := range pts {
				elt(&pts[i].X.A0)
				elt(&pts[i].X.A1)
				elt(&pts[i].Y.A0)
				elt(&pts[i].Y.A1)
			}
		}
	}
	g1Section := func(k *fr.Element, count int) {
		u64(uint64(64 * count))
		g1Points(k, powers[:count])
	}
	var one fr.Element
	one.SetOne()

	w.WriteString("ptau")
	u32(1) // version
	sections := uint32(7)
	if prepared {
		sections = 11
	}
	u32(sections)
	u32(1) // header: field element size, BN254's base field modulus, power, ceremony power
	u64(4 + 32 + 4 + 4)
	u32(32)
	q := fp.Modulus().FillBytes(make([]byte, 32))
	for i := len(q) - 1; i >= 0; i-- {
		w.WriteByte(q[i])
	}
	u32(uint32(power))
	u32(uint32(power))
	u32(2)
	g1Section(&one, 2*n-1)
	u32(3)
	u64(uint64(128 * n))
	g2Points(powers[:n])
	u32(4)
	g1Section(&fa, n)
	u32(5)
	g1Section(&fb, n)
	u32(6)
	u64(128)
	var bb big.Int
	var betaG2 bn254.G2Affine
	betaG2.ScalarMultiplication(&g2, fb.BigInt(&bb))
	for _, e := range []*fp.Element{&betaG2.X.A0, &betaG2.X.A1, &betaG2.Y.A0, &betaG2.Y.A1} {
		elt(e)
	}
	u32(7) // contributions: none listed
	u64(4)
	u32(0)
	if prepared {
		// Sections 12–15, each the domains 2^0, 2^1, … in turn.
		for _, sec := range []struct {
			id  uint32
			k   *fr.Element // nil: G2
			top int
		}{{12, &one, power + 1}, {13, nil, power}, {14, &fa, power}, {15, &fb, power}} {
			u32(sec.id)
			size := 64
			if sec.k == nil {
				size = 128
			}
			u64(uint64(size * (2<<sec.top - 1)))
			for p := 0; p <= sec.top; p++ {
				l := setupmath.LagrangeAt(fft.NewDomain(uint64(1)<<p), &ft, 1<<p)
				if sec.k == nil {
					g2Points(l)
				} else {
					g1Points(sec.k, l)
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
