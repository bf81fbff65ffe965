package prover

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// VisibilityInfo records what a build's proofs reveal (see
// circuits.Visibility): inputs private, public or hashed; outputs public,
// hashed or private; params fixed (the weights are circuit constants).
type VisibilityInfo struct {
	Input  circuits.Visibility `json:"input"`
	Output circuits.Visibility `json:"output"`
	Params circuits.Visibility `json:"params"`
}

// defaultVisibility is what zkml builds unless told otherwise.
var defaultVisibility = VisibilityInfo{Input: circuits.Private, Output: circuits.Public, Params: circuits.Fixed}

// DefaultVisibility is what Compile builds without visibility options:
// private inputs, public outputs, fixed params.
func DefaultVisibility() VisibilityInfo { return defaultVisibility }

func (v VisibilityInfo) check() error {
	switch v.Input {
	case circuits.Private, circuits.Public, circuits.Hashed:
	default:
		return fmt.Errorf("visibility.input %q is not private, public or hashed", v.Input)
	}
	switch v.Output {
	case circuits.Public, circuits.Hashed, circuits.Private:
	default:
		return fmt.Errorf("visibility.output %q is not public, hashed or private", v.Output)
	}
	switch v.Params {
	case circuits.Fixed, circuits.Hashed:
	default:
		return fmt.Errorf("visibility.params %q is not fixed or hashed", v.Params)
	}
	return nil
}

// PublicLayout counts the public inputs of each part, in the order a proof
// holds them: Input, then Output, then Params, then Domain.
type PublicLayout struct {
	Input  int `json:"input"`  // private: 0; public: the inputs, packed like the outputs; hashed: 1
	Output int `json:"output"` // public: the outputs (packed); hashed: 1; private: 0
	Params int `json:"params"` // fixed: 0; hashed: 1
	Domain int `json:"domain"` // 1 with the domain flag, else 0
}

// Total is the number of public inputs.
func (l PublicLayout) Total() int { return l.Input + l.Output + l.Params + l.Domain }

// publicLayout is the layout of a build whose inputs and outputs have nIn
// and nOut elements in all.
func publicLayout(nIn, nOut int, v VisibilityInfo, k circuits.Packing, domainFlag bool) PublicLayout {
	var l PublicLayout
	if domainFlag {
		l.Domain = 1
	}
	switch v.Input {
	case circuits.Public:
		l.Input = k.Words(nIn)
	case circuits.Hashed:
		l.Input = 1
	}
	switch v.Output {
	case circuits.Public:
		l.Output = k.Words(nOut)
	case circuits.Hashed:
		l.Output = 1
	}
	if v.Params == circuits.Hashed {
		l.Params = 1
	}
	return l
}

func elements(p *plan.Plan, idx []int) int {
	n := 0
	for _, t := range idx {
		n += p.Tensors[t].Size()
	}
	return n
}

// WithInputVisibility makes Compile build a circuit whose inputs are
// circuits.Private (the default), circuits.Public or circuits.Hashed.
// settings.json records it as visibility.input.
func WithInputVisibility(v circuits.Visibility) Option {
	return func(o *options) { o.visibility.Input = v }
}

// WithOutputVisibility makes Compile build a circuit whose outputs are
// circuits.Public (the default), circuits.Hashed or circuits.Private.
// settings.json records it as visibility.output.
func WithOutputVisibility(v circuits.Visibility) Option {
	return func(o *options) { o.visibility.Output = v }
}

// WithParamVisibility makes the weights circuits.Fixed circuit constants
// (the default) or circuits.Hashed private witnesses bound by one public
// commitment (see circuits.Params), so that verification needs no weights.
// settings.json records it as visibility.params and the commitment as
// params_commitment.
func WithParamVisibility(v circuits.Visibility) Option {
	return func(o *options) { o.visibility.Params = v }
}

// Visibility is what the build's proofs reveal.
func (b *Build) Visibility() VisibilityInfo { return b.settings.Visibility }

// Layout is how many public inputs each part of a proof takes.
func (b *Build) Layout() PublicLayout { return b.settings.Layout }

// CommitInputs quantizes inputs as Prove does and returns their commitment
// (circuits.Commit): the public input a proof of a build with hashed inputs
// carries for them, whatever the build's visibility.
func (b *Build) CommitInputs(inputs [][]float64) (*big.Int, error) {
	if err := b.checkInputs(len(inputs), func(i int) int { return len(inputs[i]) }); err != nil {
		return nil, err
	}
	var flat []int64
	for i, in := range b.settings.Inputs {
		for j, x := range inputs[i] {
			q, ok := plan.Quantize(x, in.Scale)
			if !ok {
				return nil, fmt.Errorf("input %d (%q) element %d: %v cannot be quantized at scale %d", i, in.Name, j, x, in.Scale)
			}
			flat = append(flat, q)
		}
	}
	return circuits.Commit(b.inputDomain(), b.settings.Config.ActivationBits, flat)
}

// Statement returns the public inputs that a proof of these inputs (in
// fixed point, as for ProveQuantized) must carry, in order: what the
// build's visibility lets a verifier check about the inference, domain bit
// included. Two inputs with the same statement cannot be told apart by
// their proofs (with private inputs and outputs, every input has the same).
func (b *Build) Statement(inputs [][]int64) ([]*big.Int, error) {
	if err := b.checkInputs(len(inputs), func(i int) int { return len(inputs[i]) }); err != nil {
		return nil, err
	}
	p, err := b.Plan()
	if err != nil {
		return nil, err
	}
	tensors, err := p.Run(inputs)
	if err != nil {
		return nil, err
	}
	public, err := b.publicInputs(tensors)
	if err != nil {
		return nil, err
	}
	if b.settings.Circuit.DomainFlag {
		public = append(public, big.NewInt(int64(boolBit(len(p.Clamps(tensors)) == 0))))
	}
	return public, nil
}

// ParamsCommitment returns the commitment of the build's weights
// (circuits.Params.Commit): settings.json's with hashed params, where it
// is what every proof carries; for fixed params it is computed from
// plan.bin, as a build of the same model with hashed params would have it.
func (b *Build) ParamsCommitment() (*big.Int, error) {
	if b.settings.Visibility.Params == circuits.Hashed {
		h, ok := parseCommitment(b.settings.ParamsCommitment)
		if !ok {
			return nil, fmt.Errorf("%s: params_commitment %q is not a commitment; recompile with `zkml compile`", b.path(settingsFile), b.settings.ParamsCommitment)
		}
		return h, nil
	}
	p, err := b.Plan()
	if err != nil {
		return nil, err
	}
	ps, err := circuits.ParamsOf(p)
	if err != nil {
		return nil, err
	}
	return ps.Commit()
}

// publicInputs is the public input vector of one inference: the input
// part, then the output part.
func (b *Build) publicInputs(tensors [][]int64) ([]*big.Int, error) {
	v, k, p := b.settings.Visibility, b.Packing(), b.plan
	var ins []int64
	for _, t := range p.Inputs {
		ins = append(ins, tensors[t]...)
	}
	var public []*big.Int
	switch v.Input {
	case circuits.Public:
		words, err := k.Pack(ins)
		if err != nil {
			return nil, err
		}
		public = append(public, words...)
	case circuits.Hashed:
		h, err := circuits.Commit(b.inputDomain(), p.Config.ActivationBits, ins)
		if err != nil {
			return nil, err
		}
		public = append(public, h)
	}
	switch v.Output {
	case circuits.Public:
		words, err := PublicInputs(p, tensors, k)
		if err != nil {
			return nil, err
		}
		public = append(public, words...)
	case circuits.Hashed:
		var outs []int64
		for _, t := range p.Outputs {
			outs = append(outs, tensors[t]...)
		}
		h, err := circuits.Commit(b.outputDomain(), p.Config.ActivationBits, outs)
		if err != nil {
			return nil, err
		}
		public = append(public, h)
	}
	if v.Params == circuits.Hashed {
		h, ok := parseCommitment(b.settings.ParamsCommitment)
		if !ok {
			return nil, fmt.Errorf("%s: params_commitment %q is not a commitment; recompile with `zkml compile`", b.path(settingsFile), b.settings.ParamsCommitment)
		}
		public = append(public, h)
	}
	return public, nil
}

// FormatCommitment writes a commitment as zkml prints it: 0x and 64
// hexadecimal digits, the big-endian bytes a bytes32 or uint256 holds.
func FormatCommitment(h *big.Int) string {
	var b [32]byte
	h.FillBytes(b[:])
	return "0x" + hex.EncodeToString(b[:])
}

func parseCommitment(s string) (*big.Int, bool) {
	hexDigits, ok := strings.CutPrefix(s, "0x")
	if !ok || len(hexDigits) != 64 {
		return nil, false
	}
	b, err := hex.DecodeString(hexDigits)
	if err != nil {
		return nil, false
	}
	return new(big.Int).SetBytes(b), true
}

// visibility is p's visibility, the default when the file names none.
func (p *Proof) visibility() VisibilityInfo {
	if p.Visibility == nil {
		return defaultVisibility
	}
	return *p.Visibility
}

// inputPart is the number of public inputs before the outputs' part.
func (p *Proof) inputPart() int {
	switch p.visibility().Input {
	case circuits.Public:
		n := 0
		for _, in := range p.Inputs {
			n += len(in)
		}
		return p.Packing.Packing().Words(n)
	case circuits.Hashed:
		return 1
	}
	return 0
}

// outputPart is the number of public inputs of the outputs' part, for
// total output elements.
func (p *Proof) outputPart(total int) int {
	switch p.visibility().Output {
	case circuits.Public:
		return p.Packing.Packing().Words(total)
	case circuits.Hashed:
		return 1
	}
	return 0
}

// InputCommitment is the commitment of the inputs that p proves
// (circuits.Commit), or nil when the build does not hash its inputs.
func (p *Proof) InputCommitment() *big.Int {
	if p.visibility().Input != circuits.Hashed || len(p.PublicInputs) == 0 {
		return nil
	}
	return p.PublicInputs[0]
}

// OutputCommitment is the commitment of the outputs that p proves, or nil
// when the build does not hash its outputs.
func (p *Proof) OutputCommitment() *big.Int {
	i := p.inputPart()
	if p.visibility().Output != circuits.Hashed || i >= len(p.PublicInputs) {
		return nil
	}
	return p.PublicInputs[i]
}

// ParamsCommitment is the commitment of the weights that p proves (see
// circuits.Params), or nil when the build does not hash its params.
func (p *Proof) ParamsCommitment() *big.Int {
	if p.visibility().Params != circuits.Hashed {
		return nil
	}
	total := 0
	for _, o := range p.Outputs {
		total += len(o)
	}
	i := p.inputPart() + p.outputPart(total)
	if i >= len(p.PublicInputs) {
		return nil
	}
	return p.PublicInputs[i]
}

// paramsPart is the number of public inputs of the params' part.
func (p *Proof) paramsPart() int {
	if p.visibility().Params == circuits.Hashed {
		return 1
	}
	return 0
}

// checkCommitments reports commitments listed in p's file that are not
// its public inputs. A proof made in memory lists none.
func (p *Proof) checkCommitments(name string) error {
	if p.source == "" && p.listed == [3]string{} {
		return nil
	}
	if err := checkCommitment(name, "input_commitment", p.listed[0], p.InputCommitment()); err != nil {
		return err
	}
	if err := checkCommitment(name, "output_commitment", p.listed[1], p.OutputCommitment()); err != nil {
		return err
	}
	return checkCommitment(name, "params_commitment", p.listed[2], p.ParamsCommitment())
}

// checkCommitment reports a listed commitment (field, s) that is not the
// public input want (nil: none is due).
func checkCommitment(name, field, s string, want *big.Int) error {
	if want == nil {
		if s != "" {
			return fmt.Errorf("%s: %s is listed but not hashed in this proof", name, field)
		}
		return nil
	}
	got, ok := parseCommitment(s)
	if !ok || got.Cmp(want) != 0 {
		return fmt.Errorf("%s: %s %s is not the commitment the proof proves (public input %s); the file was edited", name, field, s, FormatCommitment(want))
	}
	return nil
}
