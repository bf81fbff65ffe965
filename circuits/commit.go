package circuits

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	p2 "github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/hash"
	"github.com/consensys/gnark/std/permutation/poseidon2"
	"github.com/zkml/zkml/plan"
)

// Visibility says what a proof reveals of a tensor, in EZKL's vocabulary.
type Visibility string

const (
	// Private: the values are secret witnesses and nothing about them is
	// public. The default for inputs.
	Private Visibility = "private"
	// Public: the values themselves are public inputs, packed like the
	// outputs (see [Packing]). The default for outputs.
	Public Visibility = "public"
	// Hashed: the values are secret witnesses bound by one public
	// commitment that the circuit computes (see [Commit]).
	Hashed Visibility = "hashed"
	// Fixed: the weights are circuit constants. The default for params.
	Fixed Visibility = "fixed"
)

// Domain separates the commitments of inputs, outputs and parameters, so
// that one can never stand for another.
type Domain int64

const (
	DomainInput  Domain = 1
	DomainOutput Domain = 2
	DomainParams Domain = 3
	// DomainChain commits the tensors at a cut of a split model: segment
	// i's outputs and segment i+1's inputs (see [WithChain]), so that the
	// two commitments are equal, and neither can stand for a whole model's
	// input or output.
	DomainChain Domain = 4
)

// WithChain commits hashed inputs (in) and hashed outputs (out) under
// [DomainChain] instead of [DomainInput] and [DomainOutput]: the segments
// of a split model bind their boundaries this way, segment i's output
// commitment being segment i+1's input commitment. [Assign] must get the
// same option.
func WithChain(in, out bool) Option {
	return func(o *options) { o.chainIn, o.chainOut = in, out }
}

func (o *options) inputDomain() Domain {
	if o.chainIn {
		return DomainChain
	}
	return DomainInput
}

func (o *options) outputDomain() Domain {
	if o.chainOut {
		return DomainChain
	}
	return DomainOutput
}

// WithInputVisibility makes the model's inputs [Private] (the default),
// [Public] or [Hashed]. [Assign] must get the same option.
func WithInputVisibility(v Visibility) Option {
	return func(o *options) { o.input = v }
}

// WithOutputVisibility makes the model's outputs [Public] (the default),
// [Hashed] or [Private]. [Assign] must get the same option.
func WithOutputVisibility(v Visibility) Option {
	return func(o *options) { o.output = v }
}

func (o *options) inputVisibility() Visibility {
	if o.input == "" {
		return Private
	}
	return o.input
}

func (o *options) outputVisibility() Visibility {
	if o.output == "" {
		return Public
	}
	return o.output
}

func (o *options) checkVisibility() error {
	switch o.inputVisibility() {
	case Private, Public, Hashed:
	default:
		return fmt.Errorf("input visibility %q is not private, public or hashed", o.input)
	}
	switch o.outputVisibility() {
	case Private, Public, Hashed:
	default:
		return fmt.Errorf("output visibility %q is not public, hashed or private", o.output)
	}
	switch o.paramVisibility() {
	case Fixed, Hashed:
	default:
		return fmt.Errorf("param visibility %q is not fixed or hashed", o.params)
	}
	return nil
}

// Why Poseidon2, and why over packed words: the commitment is computed in
// the circuit, where a Poseidon2 compression (width 2, BN254's default
// parameters) costs a few hundred constraints against tens of thousands for
// SHA-256 or Keccak, and a contract can still recompute it (see
// contracts/solidity/Poseidon2.sol). Every committed value is proven to lie
// in the activation range first, so ⌊253/A⌋ of them fit one field element
// with no constraint (the packing of [Packing]): the hash then costs one
// compression per word instead of one per value.

// commitPacking is how values are packed before they are hashed.
func commitPacking(bits int) Packing {
	return Packing{Bits: bits, PerWord: MaxPackedBits / bits}
}

// Commit returns the commitment of the quantized values vals, each in
// [-2^(bits-1), 2^(bits-1)) where bits is the plan's ActivationBits: the
// Poseidon2 Merkle–Damgård hash (gnark's construction, initial state 0) of
// domain, bits, len(vals) and the values packed as [Packing] packs outputs
// (bits per value, ⌊253/bits⌋ per word). The circuit computes the same.
func Commit(d Domain, bits int, vals []int64) (*big.Int, error) {
	k := commitPacking(bits)
	if err := k.Validate(bits); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	words, err := k.Pack(vals)
	if err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return hashWords([]int64{int64(d), int64(bits), int64(len(vals))}, words), nil
}

// hashWords is the Poseidon2 Merkle–Damgård hash (width 2, BN254's default
// parameters, initial state 0) of the header values, then the words.
func hashWords(header []int64, words []*big.Int) *big.Int {
	perm := p2.NewDefaultPermutation()
	var state fr.Element
	absorb := func(x *big.Int) {
		var in [2]fr.Element
		in[0] = state
		in[1].SetBigInt(x)
		right := in[1]
		_ = perm.Permutation(in[:]) // width 2: cannot fail
		state.Add(&in[1], &right)
	}
	for _, v := range header {
		absorb(big.NewInt(v))
	}
	for _, w := range words {
		absorb(w)
	}
	var out big.Int
	state.BigInt(&out)
	return &out
}

// commit returns the in-circuit [Commit] of vals, which must already be
// proven to lie in the activation range (so that the packed slots cannot
// carry into each other).
func (g *gadgets) commit(d Domain, vals []frontend.Variable) (frontend.Variable, error) {
	perm, err := newPoseidon2(g.api)
	if err != nil {
		return nil, err
	}
	h := mdHasher(g.api, perm)
	h.Write(int64(d), g.actBits, len(vals))
	h.Write(g.packWords(commitPacking(g.actBits), vals)...)
	return h.Sum(), nil
}

func newPoseidon2(api frontend.API) (*poseidon2.Permutation, error) {
	return poseidon2.NewPoseidon2(api)
}

// mdHasher is the in-circuit [hashWords].
func mdHasher(api frontend.API, perm *poseidon2.Permutation) hash.StateStorer {
	return hash.NewMerkleDamgardHasher(api, perm, 0)
}

// packWords returns the words that k packs vals (in range) into: linear
// combinations, no constraint. The zero Packing returns vals.
func (g *gadgets) packWords(k Packing, vals []frontend.Variable) []frontend.Variable {
	if !k.Enabled() {
		return vals
	}
	off := k.Offset()
	words := make([]frontend.Variable, k.Words(len(vals)))
	for w := range words {
		lo, hi := w*k.PerWord, min(len(vals), (w+1)*k.PerWord)
		terms := make([]frontend.Variable, 0, hi-lo+1)
		constant := new(big.Int)
		for i := lo; i < hi; i++ {
			shift := new(big.Int).Lsh(big.NewInt(1), uint(k.Bits*(i-lo)))
			constant.Add(constant, new(big.Int).Mul(off, shift))
			terms = append(terms, g.api.Mul(vals[i], shift))
		}
		terms = append(terms, constant)
		if len(terms) == 1 {
			words[w] = terms[0]
		} else {
			words[w] = g.api.Add(terms[0], terms[1], terms[2:]...)
		}
	}
	return words
}

// checkVisibilityShape reports public-input slices that do not match the
// visibility options, as when a Circuit is built by hand.
func (c *Circuit) checkVisibilityShape(p *plan.Plan) error {
	nIn := 0
	for _, t := range p.Inputs {
		nIn += p.Tensors[t].Size()
	}
	wantIn, wantInC, wantOutC := 0, 0, 0
	switch c.opts.inputVisibility() {
	case Public:
		wantIn = c.opts.packing.Words(nIn)
	case Hashed:
		wantInC = 1
	}
	if c.opts.outputVisibility() == Hashed {
		wantOutC = 1
	}
	if len(c.InputPublic) != wantIn || len(c.InputCommitment) != wantInC || len(c.OutputCommitment) != wantOutC {
		return errors.New("circuits: the circuit's public inputs do not match its visibility options; build it with circuits.New")
	}
	if c.opts.paramVisibility() == Fixed && (len(c.Params) != 0 || len(c.ParamsCommitment) != 0) {
		return errors.New("circuits: the circuit has params but they are fixed; build it with circuits.New")
	}
	if c.opts.outputVisibility() != Public && (len(c.Output) != 0 || len(c.Packed) != 0) {
		return errors.New("circuits: the circuit has public outputs but its outputs are not public; build it with circuits.New")
	}
	return nil
}

// bindInputs constrains the input part of the public inputs. Every input
// is already proven in the activation range.
func (c *Circuit) bindInputs(g *gadgets) error {
	var flat []frontend.Variable
	for _, in := range c.Input {
		flat = append(flat, in...)
	}
	switch c.opts.inputVisibility() {
	case Public:
		for w, sum := range g.packWords(c.opts.packing, flat) {
			g.api.AssertIsEqual(c.InputPublic[w], sum)
		}
	case Hashed:
		h, err := g.commit(c.opts.inputDomain(), flat)
		if err != nil {
			return fmt.Errorf("circuits: input commitment: %w", err)
		}
		g.api.AssertIsEqual(c.InputCommitment[0], h)
	}
	return nil
}

// commitOutputs constrains OutputCommitment to be the [Commit] of the
// outputs outs (flattened), each proven in the activation range first
// unless inRange says it already is.
func (c *Circuit) commitOutputs(g *gadgets, outs []frontend.Variable, inRange []bool) error {
	for e, v := range outs {
		if inRange[e] {
			continue
		}
		if err := g.checkActivation(v); err != nil {
			return fmt.Errorf("circuits: output element %d: %w", e, err)
		}
	}
	h, err := g.commit(c.opts.outputDomain(), outs)
	if err != nil {
		return fmt.Errorf("circuits: output commitment: %w", err)
	}
	g.api.AssertIsEqual(c.OutputCommitment[0], h)
	return nil
}
