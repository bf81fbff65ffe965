package plan

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestQuantize(t *testing.T) {
	for _, tc := range []struct {
		x     float64
		scale int
		want  int64
		ok    bool
	}{
		{0, 0, 0, true},
		{0.5, 0, 1, true}, // halves round up
		{-0.5, 0, 0, true},
		{1.5, 0, 2, true},
		{-1.5, 0, -1, true},
		{2.5, 0, 3, true},
		{-2.5, 0, -2, true},
		{0.49999999999999994, 0, 0, true}, // the largest float below 0.5
		{0.3, 1, 1, true},
		{-0.3, 1, -1, true},
		{1, 20, 1 << 20, true},
		{6, -2, 2, true}, // 1.5 rounds up
		{-6, -2, -1, true},
		{math.Ldexp(1, -1000), 1000, 1, true},
		{math.Ldexp(1, 61), 0, 1 << 61, true},
		{-math.Ldexp(1, 61), 0, -(1 << 61), true},
		{math.Ldexp(1, 62), 0, 0, false}, // |q| must stay below 2^62
		{-math.Ldexp(1, 62), 0, 0, false},
		{1, 61, 1 << 61, true},
		{1, 62, 0, false},
		{math.Ldexp(1, 62) - 1024, 0, 1<<62 - 1024, true}, // the largest float below 2^62
		{1, -1000, 0, true},
		{math.NaN(), 0, 0, false},
		{math.Inf(1), 0, 0, false},
		{math.Inf(-1), 0, 0, false},
	} {
		q, ok := Quantize(tc.x, tc.scale)
		if q != tc.want || ok != tc.ok {
			t.Errorf("Quantize(%g, %d) = %d, %v; want %d, %v", tc.x, tc.scale, q, ok, tc.want, tc.ok)
		}
	}
}

func TestDequantize(t *testing.T) {
	if got := Dequantize(3, 1); got != 1.5 {
		t.Errorf("Dequantize(3, 1) = %g", got)
	}
	if got := Dequantize(-3, -2); got != -12 {
		t.Errorf("Dequantize(-3, -2) = %g", got)
	}
	if got := Dequantize(math.MaxInt64, 62); got != 2 {
		t.Errorf("Dequantize(MaxInt64, 62) = %g", got)
	}
}

func TestRescale(t *testing.T) {
	const p61, p62 = int64(1) << 61, int64(1) << 62
	for _, tc := range []struct {
		acc   int64
		shift int
		q, r  int64
	}{
		{5, 0, 5, 0},
		{-5, 0, -5, 0},
		{p62 - 1, 0, p62 - 1, 0},
		{1, 1, 1, 0},   // 0.5 → 1
		{-1, 1, 0, 0},  // −0.5 → 0
		{3, 1, 2, 0},   // 1.5 → 2
		{-3, 1, -1, 0}, // −1.5 → −1
		{2, 1, 1, 1},
		{-2, 1, -1, 1},
		{0, 1, 0, 1},
		{5, 2, 1, 3},     // 1.25 → 1
		{6, 2, 2, 0},     // 1.5 → 2
		{-6, 2, -1, 0},   // −1.5 → −1
		{-7, 2, -2, 3},   // −1.75 → −2
		{p61, 62, 1, 0},  // 0.5 → 1
		{-p61, 62, 0, 0}, // −0.5 → 0
		{p61 - 1, 62, 0, p62 - 1},
		{p62 - 1, 62, 1, p61 - 1},
		{-(p62 - 1), 62, -1, p61 + 1},
	} {
		q, r := Rescale(tc.acc, tc.shift)
		if q != tc.q || r != tc.r {
			t.Errorf("Rescale(%d, %d) = %d, %d; want %d, %d", tc.acc, tc.shift, q, r, tc.q, tc.r)
		}
	}
}

// TestRescaleExact checks Rescale against exact rational arithmetic on
// random accumulators across every shift: q = ⌊acc/2^shift + 1/2⌋ and the
// remainder identity the circuit relies on.
func TestRescaleExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	half := big.NewRat(1, 2)
	for range 20000 {
		shift := rng.IntN(63)
		bitsN := rng.IntN(63)
		acc := rng.Int64N(int64(1)<<bitsN + 1)
		if rng.IntN(2) == 0 {
			acc = -acc
		}
		q, r := Rescale(acc, shift)
		x := new(big.Rat).SetFrac(big.NewInt(acc), new(big.Int).Lsh(big.NewInt(1), uint(shift)))
		x.Add(x, half)
		want := new(big.Int).Div(x.Num(), x.Denom()) // Euclidean division = floor for a positive denominator
		if big.NewInt(q).Cmp(want) != 0 {
			t.Fatalf("Rescale(%d, %d) = %d, want %v", acc, shift, q, want)
		}
		if shift == 0 {
			if r != 0 {
				t.Fatalf("Rescale(%d, 0) remainder %d", acc, r)
			}
			continue
		}
		if r < 0 || r >= int64(1)<<shift {
			t.Fatalf("Rescale(%d, %d) remainder %d outside [0, 2^%d)", acc, shift, r, shift)
		}
		if q<<shift+r-int64(1)<<(shift-1) != acc {
			t.Fatalf("Rescale(%d, %d) = %d, %d: q·2^s + r − 2^(s−1) ≠ acc", acc, shift, q, r)
		}
	}
}
