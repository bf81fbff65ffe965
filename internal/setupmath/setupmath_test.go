package setupmath

import (
	"math/big"
	"testing"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// TestFixedBase checks the comb multiplication on edge scalars, for window
// sizes from small to the largest.
func TestFixedBase(t *testing.T) {
	_, _, g1, g2 := curve.Generators()
	var minusOne, big1 fr.Element
	minusOne.SetOne()
	minusOne.Neg(&minusOne)
	big1.SetString("0x2000000000000000000000000000000000000000000000000000000000000001")
	scalars := []fr.Element{{}, fr.One(), minusOne, big1}
	for i := range 20 {
		var s fr.Element
		s.SetRandom()
		if i%3 == 0 {
			s.SetUint64(uint64(1) << (3 * i))
		}
		scalars = append(scalars, s)
	}
	for _, c := range []int{4, 7, 11, 16} {
		p1 := NewG1Table(&g1, c).Mul(scalars)
		var p2 []curve.G2Affine
		if c < 16 {
			p2 = NewG2Table(&g2, c).Mul(scalars)
		}
		for i, s := range scalars {
			var w1 curve.G1Affine
			var w2 curve.G2Affine
			w1.ScalarMultiplicationBase(s.BigInt(new(big.Int)))
			w2.ScalarMultiplicationBase(s.BigInt(new(big.Int)))
			if !p1[i].Equal(&w1) {
				t.Errorf("window %d: scalar %d (%s): wrong multiple in G1", c, i, s.String())
			}
			if p2 != nil && !p2[i].Equal(&w2) {
				t.Errorf("window %d: scalar %d (%s): wrong multiple in G2", c, i, s.String())
			}
		}
	}
	if c := Window(1 << 22); c != 16 {
		t.Errorf("window for 4M points: %d, want the largest (16)", c)
	}
}
