package plan

import "math"

// The rounding and rescaling rules of zkml's fixed point, defined once: the
// integer executor, the circuit's hints and the planner all call these.

// Quantize returns round(x · 2^scale), rounding halves up (toward +∞), and
// false when the result does not fit in an int64 or x is not finite.
func Quantize(x float64, scale int) (int64, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	// Not ⌊y + 0.5⌋: that sum rounds up for the float just below 0.5.
	// y − ⌊y⌋ is exact, so this comparison is too.
	y := math.Ldexp(x, scale)
	v := math.Floor(y)
	if y-v >= 0.5 {
		v++
	}
	if v >= 0x1p62 || v <= -0x1p62 {
		return 0, false
	}
	return int64(v), true
}

// Dequantize returns q / 2^scale.
func Dequantize(q int64, scale int) float64 { return math.Ldexp(float64(q), -scale) }

// Rescale divides acc by 2^shift and rounds halves up: ⌊(acc + 2^(shift-1)) / 2^shift⌋.
// It also returns the remainder r = acc + 2^(shift-1) − q·2^shift ∈ [0, 2^shift),
// which the circuit range-checks. shift must be in [0, 62] and |acc| < 2^62.
func Rescale(acc int64, shift int) (q, r int64) {
	if shift == 0 {
		return acc, 0
	}
	t := acc + int64(1)<<(shift-1)
	q = t >> shift // arithmetic shift: floor division by 2^shift
	r = t - q<<shift
	return q, r
}
