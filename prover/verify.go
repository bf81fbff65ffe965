package prover

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/witness"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// Verify returns nil only if p is a valid proof, for this build's model and
// keys, that the model produced p.Outputs. It needs settings.json and
// vk.bin only: not the weights (plan.bin), the proving key or the circuit.
// Its error for a proof that does not
// verify matches [ErrInvalidProof]; another error is a build it cannot read.
//
// Besides the cryptographic check, which covers only the public inputs,
// Verify checks that the human-readable fields of the proof say the same
// ([CheckConsistent]).
func Verify(b *Build, p *Proof) error {
	if err := CheckConsistent(b, p); err != nil {
		return err
	}
	name := proofName(p)
	proof, err := decodeGnarkProof(p.Backend, p.Bytes)
	if err != nil {
		return invalid(fmt.Errorf("%s: %v", name, err))
	}
	vk, err := b.verifyingKey()
	if err != nil {
		return err
	}
	if err := b.checkShape(name, proof, vk); err != nil {
		return err
	}
	pw, err := publicWitness(p.PublicInputs)
	if err != nil {
		return invalid(fmt.Errorf("%s: %v", name, err))
	}
	if _, err := runGnark(context.Background(), b.gnarkLog, func() (struct{}, error) {
		return struct{}{}, b.scheme.verify(proof, vk, pw)
	}); err != nil {
		return invalid(fmt.Errorf("%s: the proof is invalid: it does not prove these outputs for this model and keys (%v)", name, err))
	}
	return nil
}

// CheckShape checks that p was made with keys of b's circuit, as far as
// the proof's shape tells without cryptography: it carries as many BSB22
// commitments (gnark's lookup arguments) as b's verifying key expects. A
// proof from a build of the same model compiled with other range checks
// (--range-checks bits vs lookup) has the same model hash and public inputs
// and passes [CheckConsistent], but fails here with an error that says so,
// rather than in the cryptographic check or on chain. It reads vk.bin;
// [Verify] makes the same check.
func CheckShape(b *Build, p *Proof) error {
	name := proofName(p)
	if p.Backend != b.settings.Backend {
		return invalid(fmt.Errorf("%s is a %s proof but %s uses %s", name, p.Backend, dirName(b.dir), b.settings.Backend))
	}
	proof, err := decodeGnarkProof(p.Backend, p.Bytes)
	if err != nil {
		return invalid(fmt.Errorf("%s: %v", name, err))
	}
	vk, err := b.verifyingKey()
	if err != nil {
		return err
	}
	return b.checkShape(name, proof, vk)
}

func (b *Build) checkShape(name string, proof gnarkProof, vk verifyingKey) error {
	got, want := b.scheme.proofCommitments(proof), b.scheme.keyCommitments(vk)
	if got == want {
		return nil
	}
	return invalid(fmt.Errorf("%s was made by another build of this model: its proof carries %s, %s's verifying key expects %d (a build compiled with other --range-checks?); prove with %s",
		name, plural(got, "lookup commitment"), dirName(b.dir), want, dirName(b.dir)))
}

// ErrInvalidProof is matched (errors.Is) by the errors of [Verify] and
// [CheckConsistent] for a proof that is not valid for the build.
var ErrInvalidProof = errors.New("invalid proof")

type invalidError struct{ error }

func (e invalidError) Unwrap() error        { return e.error }
func (e invalidError) Is(target error) bool { return target == ErrInvalidProof }

func invalid(err error) error { return invalidError{err} }

// CheckConsistent is the part of [Verify] that needs no cryptography: p is
// a proof of b's backend and model, and its outputs are exactly its public
// inputs (unpacked, when the build packs them, with the build's layout,
// which output_packing must repeat) dequantized at b's scales, with b's
// shapes and names. A verifier contract checks the rest, the public inputs;
// check the file with CheckConsistent before trusting its outputs. With
// other visibilities (see the package documentation) it checks the same of
// the public inputs' input part against proof.json's inputs, and of the
// commitments it lists against the public inputs.
func CheckConsistent(b *Build, p *Proof) error {
	name := proofName(p)
	if p.Backend != b.settings.Backend {
		return invalid(fmt.Errorf("%s is a %s proof but %s uses %s", name, p.Backend, dirName(b.dir), b.settings.Backend))
	}
	if p.ModelHash != b.planHash {
		return invalid(fmt.Errorf("%s was made for another model (model hash %s, this build %s)", name, hex.EncodeToString(p.ModelHash[:]), hex.EncodeToString(b.planHash[:])))
	}
	if got, want := p.visibility(), b.settings.Visibility; got != want {
		return invalid(fmt.Errorf("%s: visibility %+v, but this build's is %+v", name, got, want))
	}
	if err := p.checkCommitments(name); err != nil {
		return invalid(err)
	}
	if err := checkInputs(b, p, name); err != nil {
		return invalid(err)
	}
	if err := checkDomain(b, p, name); err != nil {
		return invalid(err)
	}
	if err := checkParams(b, p, name); err != nil {
		return invalid(err)
	}
	if p.visibility().Output != circuits.Public {
		if len(p.PublicInputs) != b.settings.Layout.Total() {
			return invalid(fmt.Errorf("%s: %d public inputs, this build's proofs have %d", name, len(p.PublicInputs), b.settings.Layout.Total()))
		}
		return nil
	}
	if err := checkOutputs(b, p, name); err != nil {
		return invalid(err)
	}
	return nil
}

// checkDomain checks p's in_domain claim against the build's domain flag
// and against the domain bit, the last public input.
func checkDomain(b *Build, p *Proof, name string) error {
	if (p.InDomain != nil) != b.settings.Circuit.DomainFlag {
		return fmt.Errorf("%s: in_domain is %s, but this build's domain flag is %v", name, describeDomain(p.InDomain), b.settings.Circuit.DomainFlag)
	}
	if p.InDomain == nil {
		return nil
	}
	if n := len(p.PublicInputs); n == 0 || p.PublicInputs[n-1].Cmp(big.NewInt(int64(boolBit(*p.InDomain)))) != 0 {
		return fmt.Errorf("%s: in_domain is %v but the domain bit, the last public input, says otherwise; the file was edited", name, *p.InDomain)
	}
	return nil
}

// checkParams checks, with hashed params, that p proves the build's params
// commitment: the weights this build committed to. (The verifying key
// checks it too: the commitment is a constant of the circuit.)
func checkParams(b *Build, p *Proof, name string) error {
	if b.settings.Visibility.Params != circuits.Hashed {
		return nil
	}
	got := p.ParamsCommitment()
	if got == nil || FormatCommitment(got) != b.settings.ParamsCommitment {
		have := "none"
		if got != nil {
			have = FormatCommitment(got)
		}
		return fmt.Errorf("%s: proves params commitment %s, but this build's weights commit to %s; the proof is of another model", name, have, b.settings.ParamsCommitment)
	}
	return nil
}

// checkInputs checks the inputs a proof of public inputs shows against
// the input part of its public inputs.
func checkInputs(b *Build, p *Proof, name string) error {
	if b.settings.Visibility.Input != circuits.Public {
		return nil
	}
	ins := b.settings.Inputs
	if len(p.Inputs) != len(ins) {
		return fmt.Errorf("%s: %d inputs, this model has %d", name, len(p.Inputs), len(ins))
	}
	total := 0
	for i, in := range ins {
		if len(p.Inputs[i]) != in.Size() {
			return fmt.Errorf("%s: input %d (%q) has %d values, want %d", name, i, in.Name, len(p.Inputs[i]), in.Size())
		}
		total += in.Size()
	}
	k := b.Packing()
	n := k.Words(total)
	if len(p.PublicInputs) < n {
		return fmt.Errorf("%s: %d public inputs, fewer than the inputs take", name, len(p.PublicInputs))
	}
	q, err := k.Unpack(p.PublicInputs[:n], total)
	if err != nil {
		return fmt.Errorf("%s: the public inputs are not this model's inputs (%v); the file was edited", name, err)
	}
	e := 0
	for i, in := range ins {
		for j, x := range p.Inputs[i] {
			if got := plan.Dequantize(q[e], in.Scale); got != x {
				return fmt.Errorf("%s: inputs[%d][%d] = %v is not what the proof proves (%v); the file was edited", name, i, j, x, got)
			}
			e++
		}
	}
	return nil
}

func proofName(p *Proof) string {
	if p.source == "" {
		return "proof"
	}
	return p.source
}

// checkOutputs checks the readable fields of p against the build and the
// public inputs.
func checkOutputs(b *Build, full *Proof, name string) error {
	// The output part follows the input part.
	p := *full
	p.PublicInputs = full.PublicInputs[min(full.inputPart(), len(full.PublicInputs)):]
	outs := b.settings.Outputs
	if len(p.Outputs) != len(outs) || len(p.OutputShapes) != len(outs) || len(p.OutputNames) != len(outs) || len(p.OutputScales) != len(outs) {
		return fmt.Errorf("%s: %d outputs, this model has %d", name, len(p.Outputs), len(outs))
	}
	pack := b.Packing()
	if p.Packing.Packing() != pack {
		return fmt.Errorf("%s: output_packing %s, but this build packs %s", name, describePacking(p.Packing), describePacking(b.settings.Circuit.OutputPacking))
	}
	public := p.PublicInputs
	if d := b.domainBits() + full.paramsPart(); d > 0 && len(public) >= d {
		public = public[:len(public)-d] // checked by checkDomain and checkParams
	}
	total := 0
	for i, out := range outs {
		if p.OutputNames[i] != out.Name || !slices.Equal(p.OutputShapes[i], out.Shape) || p.OutputScales[i] != out.Scale {
			return fmt.Errorf("%s: output %d is %q with shape %v at scale %d, but this model's output %d is %q with shape %v at scale %d",
				name, i, p.OutputNames[i], p.OutputShapes[i], p.OutputScales[i], i, out.Name, out.Shape, out.Scale)
		}
		if len(p.Outputs[i]) != out.Size() {
			return fmt.Errorf("%s: output %d (%q) has %d values, want %d", name, i, out.Name, len(p.Outputs[i]), out.Size())
		}
		total += out.Size()
	}
	var unpacked []int64
	if pack.Enabled() {
		var err error
		if unpacked, err = pack.Unpack(public, total); err != nil {
			return fmt.Errorf("%s: the public inputs are not this model's packed outputs (%v); the file was edited", name, err)
		}
	}
	r := ecc.BN254.ScalarField()
	half := new(big.Int).Rsh(r, 1)
	k := 0
	for i, out := range outs {
		for j, x := range p.Outputs[i] {
			if pack.Enabled() {
				q := unpacked[k]
				k++
				if plan.Dequantize(q, out.Scale) != x {
					return fmt.Errorf("%s: outputs[%d][%d] = %v is not what the proof proves (slot %d of public input %d dequantizes to %v); the file was edited",
						name, i, j, x, (k-1)%pack.PerWord, (k-1)/pack.PerWord, plan.Dequantize(q, out.Scale))
				}
				continue
			}
			if k >= len(public) {
				return fmt.Errorf("%s: %d public inputs, fewer than the output values", name, len(public))
			}
			v := public[k]
			k++
			q, ok := signedValue(v, r, half)
			if !ok || plan.Dequantize(q, out.Scale) != x {
				return fmt.Errorf("%s: outputs[%d][%d] = %v is not what the proof proves (public input %d dequantizes to %s); the file was edited", name, i, j, x, k-1, proven(v, r, half, out.Scale))
			}
		}
	}
	if !pack.Enabled() && k != len(public) {
		return fmt.Errorf("%s: %d public inputs, but the model has %d output values", name, len(public), k)
	}
	return nil
}

func describeDomain(in *bool) string {
	if in == nil {
		return "absent"
	}
	return fmt.Sprint(*in)
}

func describePacking(i *PackingInfo) string {
	if i == nil {
		return "none (one public input per output element)"
	}
	return fmt.Sprintf("%d outputs of %d bits per public input", i.OutputsPerWord, i.BitsPerOutput)
}

// signedValue reads a field element as the signed integer the circuit
// encodes: v > (r-1)/2 stands for v - r.
func signedValue(v, r, half *big.Int) (int64, bool) {
	if v == nil || v.Sign() < 0 || v.Cmp(r) >= 0 {
		return 0, false
	}
	s := v
	if v.Cmp(half) > 0 {
		s = new(big.Int).Sub(v, r)
	}
	if !s.IsInt64() {
		return 0, false
	}
	return s.Int64(), true
}

func proven(v, r, half *big.Int, scale int) string {
	q, ok := signedValue(v, r, half)
	if !ok {
		return "no model output (out of range)"
	}
	return fmt.Sprint(plan.Dequantize(q, scale))
}

// publicWitness builds gnark's public witness from the public inputs.
func publicWitness(public []*big.Int) (witness.Witness, error) {
	w, err := witness.New(ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	values := make(chan any, len(public))
	for _, v := range public {
		var e fr.Element
		e.SetBigInt(v)
		values <- e
	}
	close(values)
	if err := w.Fill(len(public), 0, values); err != nil {
		return nil, err
	}
	return w, nil
}
