package prover

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// Prove runs the model on inputs (one flat row-major slice per model input,
// in the order of Settings().Inputs), and proves the result. The inputs
// stay private: the proof reveals only the outputs.
//
// When ctx is done first, Prove returns ctx.Err(); gnark's prover cannot be
// interrupted and finishes in the background.
func (b *Build) Prove(ctx context.Context, inputs [][]float64) (*Proof, error) {
	start := time.Now()
	if err := b.checkInputs(len(inputs), func(i int) int { return len(inputs[i]) }); err != nil {
		return nil, err
	}
	pl, err := b.Plan()
	if err != nil {
		return nil, err
	}
	q, err := pl.QuantizeInputs(inputs)
	if err != nil {
		return nil, fmt.Errorf("quantize inputs: %w", err)
	}
	return b.prove(ctx, q, start)
}

// ProveQuantized is Prove for inputs already in fixed point, at the scales
// of Settings().Inputs.
func (b *Build) ProveQuantized(ctx context.Context, inputs [][]int64) (*Proof, error) {
	if err := b.checkInputs(len(inputs), func(i int) int { return len(inputs[i]) }); err != nil {
		return nil, err
	}
	return b.prove(ctx, inputs, time.Now())
}

// checkInputs gives the user an error in the model's terms (names, shapes)
// before anything else looks at the inputs.
func (b *Build) checkInputs(n int, length func(int) int) error {
	ins := b.settings.Inputs
	if n != len(ins) {
		return fmt.Errorf("got %d inputs, the model takes %d (%s)", n, len(ins), describe(ins))
	}
	for i, in := range ins {
		if got := length(i); got != in.Size() {
			return fmt.Errorf("input %d (%q): got %d values, want %d (shape %v)", i, in.Name, got, in.Size(), in.Shape)
		}
	}
	return nil
}

func describe(ts []TensorInfo) string {
	var buf bytes.Buffer
	for i, t := range ts {
		if i > 0 {
			buf.WriteString(", ")
		}
		fmt.Fprintf(&buf, "%q %v", t.Name, t.Shape)
	}
	return buf.String()
}

func (b *Build) prove(ctx context.Context, inputs [][]int64, start time.Time) (*Proof, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// circuit.ccs and pk.bin load while the model runs: on a first proof
	// of a large model, reading them takes about as long as the witness.
	type loaded[T any] struct {
		v   T
		err error
	}
	b.mu.Lock()
	loading := b.pk == nil && b.settings.Setup != nil
	b.mu.Unlock()
	if loading {
		b.report("loading " + pkFile + " and " + circuitFile)
	}
	ccsDone, pkDone := make(chan loaded[constraint.ConstraintSystem], 1), make(chan loaded[provingKey], 1)
	go func() {
		ccs, err := b.loadConstraintSystem(false)
		ccsDone <- loaded[constraint.ConstraintSystem]{ccs, err}
	}()
	go func() {
		pk, err := b.loadProvingKey(false)
		pkDone <- loaded[provingKey]{pk, err}
	}()
	if _, err := b.Plan(); err != nil { // b.plan from here on
		return nil, err
	}
	b.report("running the model")
	tensors, err := b.plan.Run(inputs)
	if err != nil {
		return nil, err
	}
	clamps := b.plan.Clamps(tensors)
	if b.strict && len(clamps) > 0 {
		return nil, &DomainError{Clamps: clamps}
	}
	assignment, err := circuits.Assign(b.plan, tensors, b.circuitOptions()...)
	if err != nil {
		return nil, fmt.Errorf("assign circuit: %w", err)
	}
	w, err := runGnark(context.Background(), b.gnarkLog, func() (witness.Witness, error) {
		return frontend.NewWitness(assignment, ecc.BN254.ScalarField())
	})
	if err != nil {
		return nil, fmt.Errorf("witness: %w", err)
	}
	public, err := b.publicInputs(tensors)
	if err != nil {
		return nil, err
	}
	var inDomain *bool
	if b.settings.Circuit.DomainFlag {
		in := len(clamps) == 0
		inDomain = &in
		public = append(public, big.NewInt(int64(boolBit(in))))
	}
	// The public inputs a verifier rebuilds from proof.json must be the
	// ones the circuit commits to; a disagreement is a zkml bug, caught here
	// rather than as an unverifiable proof.
	pw, err := w.Public()
	if err != nil {
		return nil, err
	}
	if vec, ok := pw.Vector().(fr.Vector); !ok || !sameElements(vec, public) {
		return nil, fmt.Errorf("the circuit's public witness differs from the model outputs (a zkml bug in circuits.Assign or prover.PublicInputs)")
	}
	witnessTime := time.Since(start)

	// Everything the proof file needs from the tensors, taken now: the
	// tensors and the assignment (a copy of the witness) are garbage while
	// gnark proves, which keeps the heap, and the GC's work, at gnark's own.
	p := &Proof{
		Backend:      b.settings.Backend,
		ModelHash:    b.planHash,
		PublicInputs: public,
		Packing:      packingInfo(b.Packing()),
		Inputs:       b.publicInputValues(tensors),
		InDomain:     inDomain,
		Clamps:       clamps,
	}
	if v := b.settings.Visibility; v != defaultVisibility {
		p.Visibility = &v
	}
	for i, t := range b.plan.Outputs {
		tt := &b.plan.Tensors[t]
		out := make([]float64, len(tensors[t]))
		for j, q := range tensors[t] {
			out[j] = plan.Dequantize(q, tt.Scale)
		}
		p.Outputs = append(p.Outputs, out)
		p.OutputShapes = append(p.OutputShapes, slices.Clone(tt.Shape))
		p.OutputNames = append(p.OutputNames, b.settings.Outputs[i].Name)
		p.OutputScales = append(p.OutputScales, tt.Scale)
	}
	if b.settings.Visibility.Output != circuits.Public {
		p.HiddenOutputs, p.Outputs = p.Outputs, nil
		p.OutputShapes, p.OutputNames, p.OutputScales = nil, nil, nil
	}
	tensors, assignment = nil, nil

	loadStart := time.Now()
	c, k := <-ccsDone, <-pkDone
	if c.err != nil {
		return nil, c.err
	}
	if k.err != nil {
		return nil, k.err
	}
	ccs, pk := c.v, k.v
	loadTime := time.Since(loadStart)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	b.report("proving")
	proveStart := time.Now()
	proof, device, fallback, err := b.proveOn(ctx, ccs, pk, w)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("prove: %w", err)
	}
	var proofBytes bytes.Buffer
	if _, err := proof.WriteTo(&proofBytes); err != nil {
		return nil, fmt.Errorf("encode proof: %w", err)
	}
	p.Bytes = proofBytes.Bytes()
	p.Timings = Timings{Load: loadTime, Witness: witnessTime, Prove: time.Since(proveStart)}
	p.Device, p.Fallback = device, fallback
	return p, nil
}

// PublicInputs returns the public inputs of the proof of one inference:
// the plan's output tensors, flattened in order, as BN254 scalar field
// elements, packed as k says (see circuits.Packing; Build.Packing is the
// build's). Without packing a negative q becomes r − |q|. tensors holds every
// tensor of the plan, as Plan.Run returns them. On-chain verifiers take
// exactly this vector.
func PublicInputs(p *plan.Plan, tensors [][]int64, k circuits.Packing) ([]*big.Int, error) {
	if len(tensors) != len(p.Tensors) {
		return nil, fmt.Errorf("got %d tensors, the plan has %d (pass all tensors, as Plan.Run returns them)", len(tensors), len(p.Tensors))
	}
	var flat []int64
	for _, t := range p.Outputs {
		tt := &p.Tensors[t]
		if len(tensors[t]) != tt.Size() {
			return nil, fmt.Errorf("output tensor %q: got %d values, want %d", tt.Name, len(tensors[t]), tt.Size())
		}
		flat = append(flat, tensors[t]...)
	}
	return k.Pack(flat)
}

// publicInputValues is what a proof shows of the inputs: the dequantized
// inputs when they are public, else nil.
func (b *Build) publicInputValues(tensors [][]int64) [][]float64 {
	if b.settings.Visibility.Input != circuits.Public {
		return nil
	}
	var out [][]float64
	for _, t := range b.plan.Inputs {
		tt := &b.plan.Tensors[t]
		in := make([]float64, len(tensors[t]))
		for j, q := range tensors[t] {
			in[j] = plan.Dequantize(q, tt.Scale)
		}
		out = append(out, in)
	}
	return out
}

// A DomainError is Prove's refusal, with WithStrictDomain, of an input
// that left its calibrated domain.
type DomainError struct {
	Clamps []plan.Clamp
}

func (e *DomainError) Error() string {
	s := "the input leaves the calibrated domain, so the output would be an approximation; not proving it: "
	for i, c := range e.Clamps {
		if i > 0 {
			s += "; "
		}
		s += c.String()
	}
	return s + "; recompile with calibration samples like this input or a larger headroom"
}

func boolBit(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sameElements(vec fr.Vector, public []*big.Int) bool {
	if len(vec) != len(public) {
		return false
	}
	var x big.Int
	for i := range vec {
		vec[i].BigInt(&x)
		if x.Cmp(public[i]) != 0 {
			return false
		}
	}
	return true
}
