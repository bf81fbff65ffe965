package circuits

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
	"github.com/zkml/zkml/plan"
)

// TestPackRoundtrip: Unpack inverts Pack for every layout zkml can choose,
// at the edges of the range too, and rejects words Pack never makes.
func TestPackRoundtrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, bits := range []int{8, 16, 31, 32, 40} {
		k := Packing{Bits: bits, PerWord: MaxPackedBits / bits}
		lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
		for _, n := range []int{1, k.PerWord - 1, k.PerWord, k.PerWord + 1, 3*k.PerWord + 2} {
			vals := make([]int64, n)
			for i := range vals {
				switch i % 4 {
				case 0:
					vals[i] = lo
				case 1:
					vals[i] = hi - 1
				default:
					vals[i] = rng.Int64N(hi-lo) + lo
				}
			}
			words, err := k.Pack(vals)
			if err != nil {
				t.Fatalf("bits=%d n=%d: %v", bits, n, err)
			}
			if len(words) != k.Words(n) {
				t.Fatalf("bits=%d n=%d: %d words, want %d", bits, n, len(words), k.Words(n))
			}
			for _, w := range words {
				if w.Cmp(field) >= 0 || w.BitLen() > MaxPackedBits {
					t.Fatalf("bits=%d n=%d: word %s is not below 2^%d", bits, n, w, MaxPackedBits)
				}
			}
			got, err := k.Unpack(words, n)
			if err != nil || !slices.Equal(got, vals) {
				t.Fatalf("bits=%d n=%d: Unpack(Pack(v)) = %v, %v; want %v", bits, n, got, err, vals)
			}
			// A bit above the last slot of the last word is no packed word.
			last := words[len(words)-1]
			slots := n - (len(words)-1)*k.PerWord
			bad := slices.Clone(words)
			bad[len(bad)-1] = new(big.Int).SetBit(new(big.Int).Set(last), slots*bits, 1)
			if _, err := k.Unpack(bad, n); err == nil {
				t.Fatalf("bits=%d n=%d: a word with bit %d set unpacked", bits, n, slots*bits)
			}
			if _, err := k.Unpack(words[:len(words)-1], n); err == nil && n > 0 {
				t.Fatalf("bits=%d n=%d: too few words unpacked", bits, n)
			}
		}
		if _, err := k.Pack([]int64{hi}); err == nil {
			t.Errorf("bits=%d: Pack accepted 2^(B-1)", bits)
		}
		if _, err := k.Pack([]int64{lo - 1}); err == nil {
			t.Errorf("bits=%d: Pack accepted -2^(B-1)-1", bits)
		}
	}
	// Without packing, Pack and Unpack are the plain field encoding.
	words, _ := Packing{}.Pack([]int64{-3, 4})
	if words[0].Cmp(new(big.Int).Sub(field, big.NewInt(3))) != 0 || words[1].Int64() != 4 {
		t.Errorf("unpacked encoding: %v", words)
	}
	if got, err := (Packing{}).Unpack(words, 2); err != nil || !slices.Equal(got, []int64{-3, 4}) {
		t.Errorf("unpacked decoding: %v, %v", got, err)
	}
}

func TestDefaultPacking(t *testing.T) {
	if k := DefaultPacking(mlpPlan(32)); k != (Packing{Bits: 32, PerWord: 7}) {
		t.Errorf("mlp (6 outputs, 32 bits): %+v, want 32 bits × 7", k)
	}
	if k := DefaultPacking(reluPlan(1)); k.Enabled() {
		t.Errorf("one output: %+v, want no packing", k)
	}
	if err := (Packing{Bits: 32, PerWord: 8}).Validate(32); err == nil {
		t.Error("256 bits per word validated")
	}
	if err := (Packing{Bits: 16, PerWord: 2}).Validate(32); err == nil {
		t.Error("16-bit slots for 32-bit activations validated")
	}
}

// tamperedWords returns copies of w with one packed word changed by ±1 or
// by a whole slot (2^Bits), for every word.
func tamperedWords(w *Circuit, k Packing) []*Circuit {
	var out []*Circuit
	for i := range w.Packed {
		for _, d := range []*big.Int{big.NewInt(1), big.NewInt(-1), new(big.Int).Lsh(big.NewInt(1), uint(k.Bits))} {
			c := *w
			c.Packed = slices.Clone(w.Packed)
			v := new(big.Int).Add(w.Packed[i].(*big.Int), d)
			c.Packed[i] = v.Mod(v, field)
			out = append(out, &c)
		}
	}
	return out
}

// TestPackedPlanSolves: with packed outputs, Plan.Run's outputs satisfy the
// circuit and any other word does not, with both range checkers and for
// layouts with one and several words.
func TestPackedPlanSolves(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, tp := range testPlans {
		p := tp.plan(16)
		for _, k := range []Packing{DefaultPacking(p), {Bits: 16, PerWord: 2}} {
			for _, rc := range [][]Option{nil, {WithBitDecompositionRangeChecks()}} {
				t.Run(fmt.Sprintf("%s/perword=%d/options=%d", tp.name, k.PerWord, len(rc)), func(t *testing.T) {
					if !k.Enabled() {
						t.Fatalf("no default packing for %s", tp.name)
					}
					opts := append([]Option{WithPackedOutputs(k)}, rc...)
					for range 3 {
						tensors, err := p.Run(randomInputs(p, rng, tp.magnitude))
						if err != nil {
							t.Fatal(err)
						}
						w, err := Assign(p, tensors, WithPackedOutputs(k))
						if err != nil {
							t.Fatal(err)
						}
						if len(w.Output) != 0 || len(w.Packed) != k.Words(outputElements(p)) {
							t.Fatalf("witness has %d outputs and %d words", len(w.Output), len(w.Packed))
						}
						if err := solve(p, w, opts...); err != nil {
							t.Fatalf("valid witness rejected: %v", err)
						}
						for j, bad := range tamperedWords(w, k) {
							if solve(p, bad, opts...) == nil {
								t.Fatalf("tampered word %d accepted", j)
							}
						}
					}
				})
			}
		}
	}
}

func outputElements(p *plan.Plan) int {
	n := 0
	for _, t := range p.Outputs {
		n += p.Tensors[t].Size()
	}
	return n
}

// sumPlan: two inputs, output their element-wise sum with no rescale. The
// sum may reach 2^A, outside the activation range: nothing but the packing
// proves the output's range.
func sumPlan(actBits int) *plan.Plan {
	b := newPlanBuilder(actBits)
	x := b.input("x", 2)
	y := b.input("y", 2)
	b.output(b.affine("add", []int{x, y}, []row{{term(0, 0, 1), term(1, 0, 1)}, {term(0, 1, 1), term(1, 1, 1)}}, nil, 0))
	return b.plan()
}

// TestPackedOutputRange: an output that leaves its B-bit slot would carry
// into the next one, and the word would read as other outputs than the
// model's. The circuit range checks such outputs before packing, so no
// witness makes the verifier read a wrong value.
func TestPackedOutputRange(t *testing.T) {
	const actBits = 16
	p := sumPlan(actBits)
	k := Packing{Bits: actBits, PerWord: 2}
	off := int64(1) << (actBits - 1)
	word := func(z0, z1 int64) *big.Int {
		w := big.NewInt(z1 + off)
		w.Lsh(w, actBits)
		return w.Add(w, big.NewInt(z0+off))
	}
	witness := func(x, y [2]int64) *Circuit {
		return &Circuit{
			Input:  [][]frontend.Variable{{fe(x[0]), fe(x[1])}, {fe(y[0]), fe(y[1])}},
			Packed: []frontend.Variable{word(x[0]+y[0], x[1]+y[1])},
		}
	}
	for _, rc := range [][]Option{nil, {WithBitDecompositionRangeChecks()}} {
		opts := append([]Option{WithPackedOutputs(k)}, rc...)
		if err := solve(p, witness([2]int64{1000, -7}, [2]int64{-3000, 2}), opts...); err != nil {
			t.Fatalf("in-range sum rejected: %v", err)
		}
		// The edges of the range are fine.
		if err := solve(p, witness([2]int64{off - 1, -off}, [2]int64{0, 0}), opts...); err != nil {
			t.Fatalf("sum at the edges rejected: %v", err)
		}
		// z0 = 2^A − 2 is no activation: its word is the word of
		// (z0 − 2^A, z1 + 1), which the verifier would read.
		x, y := [2]int64{off - 1, 5}, [2]int64{off - 1, 6}
		bad := witness(x, y)
		read, err := k.Unpack([]*big.Int{bad.Packed[0].(*big.Int)}, 2)
		if err != nil || read[0] == x[0]+y[0] {
			t.Fatalf("the aliasing word reads %v (%v); the test does not alias", read, err)
		}
		if solve(p, bad, opts...) == nil {
			t.Fatalf("an output out of its slot was accepted: the verifier would read %v instead of %v", read, []int64{x[0] + y[0], x[1] + y[1]})
		}
		if solve(p, witness([2]int64{-off, 0}, [2]int64{-1, 0}), opts...) == nil {
			t.Fatal("an output below -2^(A-1) was accepted")
		}
	}
}

// TestPackedBackends compiles a packed plan for Groth16 and PLONK.
func TestPackedBackends(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	p := mlpPlan(16)
	k := DefaultPacking(p)
	tensors, err := p.Run(randomInputs(p, rng, 1<<9))
	if err != nil {
		t.Fatal(err)
	}
	w, err := Assign(p, tensors, WithPackedOutputs(k))
	if err != nil {
		t.Fatal(err)
	}
	bad := tamperedWords(w, k)
	test.NewAssert(t).CheckCircuit(New(p, WithPackedOutputs(k)),
		test.WithValidAssignment(w),
		test.WithInvalidAssignment(bad[0]),
		test.WithInvalidAssignment(bad[len(bad)-1]),
		test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK))
}
