package circuits

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/consensys/gnark/frontend"
	"github.com/zkml/zkml/plan"
)

// liftRescaleCircuit is rescaleWitnessCircuit with the remainder checks
// widened to whole limbs (checkInteger), as Define does in large circuits.
type liftRescaleCircuit struct {
	Acc, Q frontend.Variable
	shift  int
	checkQ bool
}

func (c *liftRescaleCircuit) Define(api frontend.API) error {
	g := newGadgets(api, 32, options{})
	g.lift = true
	if !c.checkQ {
		// What a relu reading q proves instead.
		if _, err := g.relu(c.Q); err != nil {
			return err
		}
	}
	return g.rescaleTo(c.Acc, c.Q, c.shift, c.checkQ)
}

// TestLiftedRescale: with lifted remainder checks the rescale still accepts
// exactly Rescale's quotient: off by one, or a q that makes the scaled
// remainder t = r·2^(w−s) a small field element though r is not an integer
// in [0, 2^s), is rejected, whether q's range is checked by the rescale or
// by a relu reading it.
func TestLiftedRescale(t *testing.T) {
	for _, shift := range []int{1, 6, 15, 17, 20, 31} {
		for _, checkQ := range []bool{true, false} {
			t.Run(fmt.Sprintf("shift=%d,checkQ=%v", shift, checkQ), func(t *testing.T) {
				w := (shift + limbBits - 1) / limbBits * limbBits
				inv := new(big.Int).ModInverse(pow2(w-shift), field)
				var valid, invalid []frontend.Circuit
				for _, acc := range []int64{0, 1, -1, 1<<(shift-1) - 1, 1 << (shift - 1), 12345<<shift + 7, -(12345 << shift) - 3, (1<<31 - 1) << shift, -(1 << 31) << shift} {
					q, _ := plan.Rescale(acc, shift)
					valid = append(valid, &liftRescaleCircuit{Acc: fe(acc), Q: fe(q)})
					for _, d := range []int64{-1, 1} {
						invalid = append(invalid, &liftRescaleCircuit{Acc: fe(acc), Q: fe(q + d)})
					}
					if w == shift {
						continue
					}
					// r' = 1/2^(w−s) mod p: t = r'·2^(w−s) = 1 passes the
					// widened check; q' = (acc + 2^(s−1) − r')/2^s mod p.
					num := new(big.Int).Sub(new(big.Int).Add(big.NewInt(acc), pow2(shift-1)), inv)
					qBad := num.Mul(num, new(big.Int).ModInverse(pow2(shift), field))
					invalid = append(invalid, &liftRescaleCircuit{Acc: fe(acc), Q: feBig(qBad)})
				}
				checkGadget(t, &liftRescaleCircuit{shift: shift, checkQ: checkQ}, valid, invalid)
			})
		}
	}
}

// liftDivCircuit is the quotient gadget with lifted remainder checks.
type liftDivCircuit struct {
	A, B, Q  frontend.Variable
	shift, k int
}

func (c *liftDivCircuit) Define(api frontend.API) error {
	g := newGadgets(api, 32, options{})
	g.lift = true
	if err := g.checkDivisor(c.B, c.k); err != nil {
		return err
	}
	return g.divTo(c.A, c.B, c.Q, c.shift, c.k)
}

// TestLiftedDiv: the quotient gadget with lifted checks accepts exactly the
// rounded quotient.
func TestLiftedDiv(t *testing.T) {
	const shift, k = 8, 22
	var valid, invalid []frontend.Circuit
	for _, ab := range [][2]int64{{0, 1}, {5, 3}, {-5, 3}, {1 << 20, 1<<22 - 1}, {-(1 << 22), 1 << 22}, {12345, 1}, {1, 1 << 22}} {
		a, b := ab[0], ab[1]
		num := big.NewInt(2*a<<shift + b)
		q := new(big.Int).Div(num, big.NewInt(2*b)).Int64() // Euclidean: floor for b > 0
		valid = append(valid, &liftDivCircuit{A: fe(a), B: fe(b), Q: fe(q)})
		for _, d := range []int64{-1, 1} {
			invalid = append(invalid, &liftDivCircuit{A: fe(a), B: fe(b), Q: fe(q + d)})
		}
	}
	checkGadget(t, &liftDivCircuit{shift: shift, k: k}, valid, invalid)
}
