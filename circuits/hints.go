package circuits

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark/constraint/solver"
	"github.com/zkml/zkml/plan"
)

// The hints compute the witness values the constraints cannot compute
// themselves (a sign, a rounded quotient). The constraints never trust them:
// each hint output is pinned down by the checks in gadgets.go, so a prover
// who replaces a hint gains nothing. Hints must still never panic, whatever
// field elements reach them: they return an error instead, which makes the
// solver fail with a message.
//
// Their names are part of every compiled constraint system (gnark derives a
// hint's ID from its function name), so renaming one breaks build directories
// made before the rename.

func init() {
	solver.RegisterHint(signHint, rescaleHint, maxHint)
}

// maxHint: inputs (x1, …, xn), outputs (m) with m the largest of them read
// as signed integers.
func maxHint(field *big.Int, inputs, outputs []*big.Int) error {
	if len(inputs) == 0 || len(outputs) != 1 {
		return fmt.Errorf("max hint: got %d inputs and %d outputs, want some and 1", len(inputs), len(outputs))
	}
	m := signed(field, inputs[0])
	for _, v := range inputs[1:] {
		if s := signed(field, v); s.Cmp(m) > 0 {
			m = s
		}
	}
	outputs[0].Mod(m, field)
	return nil
}

// signHint: inputs (x), outputs (b) with b = 1 when x, read as a signed
// integer, is ≥ 0, and 0 otherwise.
func signHint(field *big.Int, inputs, outputs []*big.Int) error {
	if len(inputs) != 1 || len(outputs) != 1 {
		return fmt.Errorf("sign hint: got %d inputs and %d outputs, want 1 and 1", len(inputs), len(outputs))
	}
	if signed(field, inputs[0]).Sign() >= 0 {
		outputs[0].SetUint64(1)
	} else {
		outputs[0].SetUint64(0)
	}
	return nil
}

// rescaleHint: inputs (shift, acc), outputs (q) with q = plan.Rescale(acc,
// shift), the one definition of rounding the integer executor also uses.
func rescaleHint(field *big.Int, inputs, outputs []*big.Int) error {
	if len(inputs) != 2 || len(outputs) != 1 {
		return fmt.Errorf("rescale hint: got %d inputs and %d outputs, want 2 and 1", len(inputs), len(outputs))
	}
	if !inputs[0].IsUint64() || inputs[0].Uint64() < 1 || inputs[0].Uint64() > maxShift {
		return fmt.Errorf("rescale hint: shift %s outside [1, %d]", inputs[0], maxShift)
	}
	acc := signed(field, inputs[1])
	if acc.CmpAbs(accLimit) >= 0 {
		// plan.Rescale works in int64; the planner keeps every
		// accumulator below 2^62, so an honest witness never gets here.
		return errors.New("rescale hint: accumulator magnitude is 2^62 or more; the plan's bounds do not hold for this input")
	}
	q, _ := plan.Rescale(acc.Int64(), int(inputs[0].Uint64()))
	outputs[0].SetInt64(q)
	outputs[0].Mod(outputs[0], field)
	return nil
}

// maxShift is the largest rescale shift plan.Rescale accepts.
const maxShift = 62

var accLimit = new(big.Int).Lsh(big.NewInt(1), 62)

// signed reads a field element as the integer in (-field/2, field/2] it
// represents.
func signed(field, v *big.Int) *big.Int {
	r := new(big.Int).Mod(v, field)
	half := new(big.Int).Rsh(field, 1)
	if r.Cmp(half) > 0 {
		r.Sub(r, field)
	}
	return r
}

// fieldElement writes a signed integer as the field element the witness
// holds: v itself when v ≥ 0, field − |v| otherwise.
func fieldElement(field *big.Int, v int64) *big.Int {
	r := big.NewInt(v)
	return r.Mod(r, field)
}
