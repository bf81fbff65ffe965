package plan

import "fmt"

// Config holds the fixed-point settings of a plan. The zero value is not
// valid; start from DefaultConfig.
type Config struct {
	// ActivationBits bounds every activation: |q| < 2^(ActivationBits-1).
	// It is the width of the circuit's range checks.
	ActivationBits int
	// WeightBits bounds every quantized weight: |w| < 2^(WeightBits-1).
	WeightBits int
	// MaxScale caps the scale exponent the planner gives a value from its
	// calibrated range (values near zero would otherwise get an unbounded
	// scale); an exact scaling by a power of two may raise it further.
	MaxScale int
	// Headroom multiplies the largest magnitude seen during calibration
	// before a tensor's scale is chosen, so that inputs somewhat larger than
	// the calibration samples still fit the range.
	Headroom float64
}

// DefaultConfig returns the settings zkml uses unless told otherwise.
func DefaultConfig() Config {
	return Config{ActivationBits: 32, WeightBits: 16, MaxScale: 20, Headroom: 4}
}

// Validate reports a setting outside the range zkml supports.
func (c Config) Validate() error {
	switch {
	case c.ActivationBits < 8 || c.ActivationBits > 40:
		return fmt.Errorf("activation bits %d: must be in [8, 40]", c.ActivationBits)
	case c.WeightBits < 4 || c.WeightBits > 24:
		return fmt.Errorf("weight bits %d: must be in [4, 24]", c.WeightBits)
	case c.MaxScale < 0 || c.MaxScale > 30:
		return fmt.Errorf("max scale %d: must be in [0, 30]", c.MaxScale)
	case !(c.Headroom >= 1 && c.Headroom <= 1<<20):
		return fmt.Errorf("headroom %g: must be in [1, 2^20]", c.Headroom)
	}
	return nil
}
