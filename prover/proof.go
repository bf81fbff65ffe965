package prover

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// proofFormat is the "format" of proof.json.
const proofFormat = "zkml-proof/1"

// maxProofFile bounds what ReadProof reads: a proof.json is a few kilobytes
// plus about 100 bytes per output element.
const maxProofFile = 256 << 20

// A Proof is a zero-knowledge proof that the model of one build, run on
// some private input, produced Outputs. Its JSON form is proof.json:
//
//	{
//	  "format": "zkml-proof/1",
//	  "backend": "groth16",
//	  "model_hash": "<hex plan hash>",
//	  "proof": "<hex, gnark's compressed encoding>",
//	  "public_inputs": ["<decimal field elements>", ...],
//	  "outputs": [[<dequantized floats of output 0>], ...],
//	  "output_shapes": [[1, 10]],
//	  "output_names": ["logits"],
//	  "output_scales": [16],
//	  "output_packing": {"bits_per_output": 32, "outputs_per_word": 7, "offset": 2147483648}
//	}
//
// The public inputs are what the proof is about: by default the model's
// outputs as fixed-point integers, flattened in order (other visibilities
// add "visibility", "inputs", "input_commitment" and "output_commitment";
// see the package documentation). Without output_packing each is
// one public input (negative values as r − |q|); with it, they are packed
// several to a public input as [PackingInfo] says (the build's
// settings.json has the same layout). The other output fields say how to
// read them; [Verify] checks that they agree with the public inputs and
// with the build, so that an edited proof.json cannot show other numbers
// than the ones proven.
type Proof struct {
	Backend      Backend
	ModelHash    [32]byte
	Bytes        []byte     // the gnark proof, compressed encoding
	PublicInputs []*big.Int // in [0, r), r the BN254 scalar field order
	Outputs      [][]float64
	OutputShapes [][]int
	OutputNames  []string
	OutputScales []int
	// Packing is the layout of packed public inputs; nil when each output
	// element is one public input.
	Packing *PackingInfo
	// Visibility is the build's; nil for the default (private inputs,
	// public outputs, fixed params). With outputs hashed or private the
	// output fields are empty: the proof does not reveal them.
	Visibility *VisibilityInfo
	// Inputs are the dequantized inputs, flattened per input, when the build
	// makes them public (the input part of the public inputs holds them).
	Inputs [][]float64
	// InDomain is the domain bit, the last public input, of a build
	// compiled WithDomainFlag: true when no value left its calibrated
	// domain. nil for other builds.
	InDomain *bool

	// Clamps is filled by Prove: the lookups whose inputs left their
	// calibrated domain (plan.Plan.Clamps), empty when none did. It speaks
	// of the private input, so it is not part of proof.json.
	Clamps []plan.Clamp

	// Timings is filled by Prove; it is not part of proof.json.
	Timings Timings
	// HiddenOutputs are the dequantized outputs when the build does not
	// make them public: Prove fills it for the prover's eyes; it is not
	// part of proof.json.
	HiddenOutputs [][]float64
	// Device is the hardware that made the proof and Fallback, when not
	// empty, why a GPU prove failed and the CPU made it instead; Prove
	// fills them, proof.json does not record them.
	Device   Device
	Fallback string

	source string // the file it was read from, for messages
	// listed holds the commitments the file lists (input, output,
	// params), which CheckConsistent compares with the public inputs.
	listed [3]string
}

// Timings says where Prove spent its time.
type Timings struct {
	// Load is the wait for circuit.ccs and pk.bin after the witness was
	// ready: they load while the model runs (first proof of a Build only).
	Load    time.Duration
	Witness time.Duration // quantizing, running the plan, assigning the circuit
	Prove   time.Duration // the proof system's prover
}

type proofJSON struct {
	Format       string          `json:"format"`
	Backend      Backend         `json:"backend"`
	ModelHash    string          `json:"model_hash"`
	Proof        string          `json:"proof"`
	PublicInputs []string        `json:"public_inputs"`
	Outputs      [][]float64     `json:"outputs"`
	OutputShapes [][]int         `json:"output_shapes"`
	OutputNames  []string        `json:"output_names"`
	OutputScales []int           `json:"output_scales"`
	Packing      *PackingInfo    `json:"output_packing,omitempty"`
	Visibility   *VisibilityInfo `json:"visibility,omitempty"`
	Inputs       [][]float64     `json:"inputs,omitempty"`
	InDomain     *bool           `json:"in_domain,omitempty"`
	// The commitments are public inputs too; shown in hex for people and
	// contracts (see FormatCommitment).
	InputCommitment  string `json:"input_commitment,omitempty"`
	OutputCommitment string `json:"output_commitment,omitempty"`
	ParamsCommitment string `json:"params_commitment,omitempty"`
}

// WriteProof writes p to path as proof.json.
func WriteProof(path string, p *Proof) error {
	data, err := p.MarshalJSON()
	if err != nil {
		return err
	}
	data = append(data, '\n')
	tmp, err := createTemp(path)
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// createTemp creates the temporary file that will be renamed to path, in
// path's folder; its error names path, the file the user asked for, not
// the temporary one.
func createTemp(path string) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return f, nil
}

// unwrapPath is err without the file name an *fs.PathError or
// *os.LinkError adds (that of a temporary file).
func unwrapPath(err error) error {
	switch e := err.(type) {
	case *fs.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}

// ReadProof reads and checks the form of a proof.json: every field present
// and well formed, and the gnark proof decodable. Whether it proves
// anything is for [Verify] to say.
func ReadProof(path string) (*Proof, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxProofFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxProofFile {
		return nil, fmt.Errorf("%s: larger than %d MiB, not a proof.json", path, maxProofFile>>20)
	}
	return parseProof(data, path)
}

// MarshalJSON returns the proof.json form of p.
func (p *Proof) MarshalJSON() ([]byte, error) {
	j := proofJSON{
		Format:       proofFormat,
		Backend:      p.Backend,
		ModelHash:    hex.EncodeToString(p.ModelHash[:]),
		Proof:        hex.EncodeToString(p.Bytes),
		PublicInputs: make([]string, len(p.PublicInputs)),
		Outputs:      p.Outputs,
		OutputShapes: p.OutputShapes,
		OutputNames:  p.OutputNames,
		OutputScales: p.OutputScales,
		Packing:      p.Packing,
		InDomain:     p.InDomain,
		Visibility:   p.Visibility,
		Inputs:       p.Inputs,
	}
	if h := p.InputCommitment(); h != nil {
		j.InputCommitment = FormatCommitment(h)
	}
	if h := p.OutputCommitment(); h != nil {
		j.OutputCommitment = FormatCommitment(h)
	}
	if h := p.ParamsCommitment(); h != nil {
		j.ParamsCommitment = FormatCommitment(h)
	}
	for i, v := range p.PublicInputs {
		if v == nil {
			return nil, fmt.Errorf("public input %d is missing", i)
		}
		j.PublicInputs[i] = v.String()
	}
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return compactArrays(data), nil
}

// UnmarshalJSON parses and checks the proof.json form, like ReadProof.
func (p *Proof) UnmarshalJSON(data []byte) error {
	q, err := parseProof(data, "proof")
	if err != nil {
		return err
	}
	*p = *q
	return nil
}

// parseProof decodes data; name is the file for error messages.
func parseProof(data []byte, name string) (*Proof, error) {
	var j proofJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("%s: not a valid proof file: %v", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: not a valid proof file: data after the JSON object", name)
	}
	if j.Format != proofFormat {
		return nil, fmt.Errorf("%s: format %q is not supported (this zkml reads %q)", name, j.Format, proofFormat)
	}
	if !j.Backend.valid() {
		return nil, fmt.Errorf("%s: unknown backend %q", name, j.Backend)
	}
	p := &Proof{Backend: j.Backend, source: name, OutputNames: j.OutputNames, OutputScales: j.OutputScales, OutputShapes: j.OutputShapes, Outputs: j.Outputs, Packing: j.Packing,
		Visibility: j.Visibility, Inputs: j.Inputs, InDomain: j.InDomain}
	if j.Visibility != nil {
		if err := j.Visibility.check(); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if *j.Visibility == defaultVisibility {
			p.Visibility = nil // one file per proof
		}
	}
	if j.Packing != nil {
		// The bits bound the slots by themselves; Verify checks that they
		// are the build's.
		k := j.Packing.Packing()
		if err := j.Packing.check(k.Bits); err != nil || k.Bits > 63 {
			return nil, fmt.Errorf("%s: output_packing: %+v is not a packing layout", name, *j.Packing)
		}
	}
	var err error
	if p.ModelHash, err = decodeHash32(j.ModelHash); err != nil {
		return nil, fmt.Errorf("%s: model_hash: %v", name, err)
	}
	if p.Bytes, err = hex.DecodeString(j.Proof); err != nil {
		return nil, fmt.Errorf("%s: proof: not hexadecimal: %v", name, err)
	}
	if _, err := decodeGnarkProof(p.Backend, p.Bytes); err != nil {
		return nil, fmt.Errorf("%s: proof: %v", name, err)
	}

	r := ecc.BN254.ScalarField()
	p.PublicInputs = make([]*big.Int, len(j.PublicInputs))
	for i, s := range j.PublicInputs {
		v, ok := parseFieldElement(s, r)
		if !ok {
			return nil, fmt.Errorf("%s: public_inputs[%d]: %.40q is not a field element (a decimal integer in [0, r))", name, i, s)
		}
		p.PublicInputs[i] = v
	}

	n := len(p.Outputs)
	if len(p.OutputShapes) != n || len(p.OutputNames) != n || len(p.OutputScales) != n {
		return nil, fmt.Errorf("%s: %d outputs but %d output_shapes, %d output_names and %d output_scales", name, n, len(p.OutputShapes), len(p.OutputNames), len(p.OutputScales))
	}
	total := 0
	for i, shape := range p.OutputShapes {
		size := 1
		for _, d := range shape {
			if d < 0 || (d > 0 && size > math.MaxInt32/d) {
				return nil, fmt.Errorf("%s: output_shapes[%d]: %v is not a valid shape", name, i, shape)
			}
			size *= d
		}
		if len(p.Outputs[i]) != size {
			return nil, fmt.Errorf("%s: outputs[%d] has %d values but its shape %v has %d elements", name, i, len(p.Outputs[i]), shape, size)
		}
		total += size
	}
	d := 0
	if p.InDomain != nil {
		d = 1
		if len(p.PublicInputs) == 0 || p.PublicInputs[len(p.PublicInputs)-1].Cmp(big.NewInt(int64(boolBit(*p.InDomain)))) != 0 {
			return nil, fmt.Errorf("%s: in_domain is %v but the last public input, the domain bit, is not %d", name, *p.InDomain, boolBit(*p.InDomain))
		}
	}
	v := p.visibility()
	if v.Output != circuits.Public && n != 0 {
		return nil, fmt.Errorf("%s: the outputs are %s, yet the file lists %d of them", name, v.Output, n)
	}
	if (v.Input == circuits.Public) != (len(p.Inputs) > 0) {
		return nil, fmt.Errorf("%s: inputs are listed if and only if they are public (visibility.input is %s)", name, v.Input)
	}
	nIn := p.inputPart()
	if v.Input != circuits.Private || v.Output != circuits.Public || v.Params != circuits.Fixed {
		if want := nIn + p.outputPart(total) + p.paramsPart() + d; want != len(p.PublicInputs) {
			return nil, fmt.Errorf("%s: %d public inputs, want %d for inputs %s, outputs %s and params %s", name, len(p.PublicInputs), want, v.Input, v.Output, v.Params)
		}
		p.listed = [3]string{j.InputCommitment, j.OutputCommitment, j.ParamsCommitment}
		for i, s := range p.listed {
			if _, ok := parseCommitment(s); s != "" && !ok {
				return nil, fmt.Errorf("%s: %s: %.70q is not 0x and 64 hexadecimal digits", name, [3]string{"input_commitment", "output_commitment", "params_commitment"}[i], s)
			}
		}
		return p, nil
	}
	if j.InputCommitment != "" || j.OutputCommitment != "" || j.ParamsCommitment != "" {
		return nil, fmt.Errorf("%s: a commitment is listed but nothing is hashed", name)
	}
	if want := p.Packing.Packing().Words(total) + d; want != len(p.PublicInputs) {
		if p.Packing == nil {
			return nil, fmt.Errorf("%s: %d output values but %d public inputs; every output element is one public input", name, total, len(p.PublicInputs))
		}
		return nil, fmt.Errorf("%s: %d output values but %d public inputs; packed %d per public input they take %d", name, total, len(p.PublicInputs), p.Packing.OutputsPerWord, want)
	}
	return p, nil
}

// parseFieldElement accepts only the canonical decimal form: digits without
// sign or leading zeros, below r. Anything else would let two different
// files carry the same proof.
func parseFieldElement(s string, r *big.Int) (*big.Int, bool) {
	if s == "" || len(s) > 80 || (len(s) > 1 && s[0] == '0') {
		return nil, false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return nil, false
		}
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Cmp(r) >= 0 {
		return nil, false
	}
	return v, true
}

// decodeGnarkProof parses the compressed encoding Prove writes. gnark's
// decoder allocates whatever slice lengths the bytes announce, so the frame
// (which points are where, how many) is checked first; only the compressed
// form is accepted, and it must re-encode to the same bytes, so that a proof
// has exactly one encoding.
func decodeGnarkProof(b Backend, data []byte) (gnarkProof, error) {
	s := b.scheme()
	if s == nil {
		return nil, fmt.Errorf("unknown backend %q", b)
	}
	if err := checkProofFrame(s, b, data); err != nil {
		return nil, err
	}
	proof := s.newProof()
	r := bytes.NewReader(data)
	if err := safeDecode(func() error {
		_, err := proof.ReadFrom(r)
		return err
	}); err != nil {
		return nil, fmt.Errorf("not a valid %s proof: %v", b, err)
	}
	var again bytes.Buffer
	if _, err := proof.WriteTo(&again); err != nil || r.Len() != 0 || !bytes.Equal(again.Bytes(), data) {
		return nil, fmt.Errorf("not a valid %s proof: not in canonical compressed form", b)
	}
	return proof, nil
}

// Sizes of compressed BN254 encodings.
const (
	g1Size = 32
	g2Size = 64
	frSize = 32
)

// checkProofFrame checks that data has the layout of a compressed proof:
// each point's first byte flags it as compressed (the top two bits are
// not 00), and each slice length matches the bytes that follow.
func checkProofFrame(s scheme, b Backend, data []byte) error {
	f := frame{data: data}
	s.proofFrame(&f)
	if f.err == nil && f.off != len(data) {
		f.err = fmt.Errorf("%d bytes after the end of the proof", len(data)-f.off)
	}
	if f.err != nil {
		return fmt.Errorf("not a valid %s proof: %v", b, f.err)
	}
	return nil
}

type frame struct {
	data []byte
	off  int
	err  error
}

func (f *frame) take(n int) []byte {
	if f.err != nil {
		return nil
	}
	if len(f.data)-f.off < n {
		f.err = errors.New("truncated")
		return nil
	}
	b := f.data[f.off : f.off+n]
	f.off += n
	return b
}

func (f *frame) point(size int) {
	if b := f.take(size); b != nil && b[0]>>6 == 0 {
		f.err = fmt.Errorf("point at byte %d is not compressed", f.off-size)
	}
}

func (f *frame) scalar() { f.take(frSize) }

func (f *frame) slice(elem int, points bool) {
	b := f.take(4)
	if b == nil {
		return
	}
	n := binary.BigEndian.Uint32(b)
	if uint64(n)*uint64(elem) > uint64(len(f.data)-f.off) {
		f.err = fmt.Errorf("slice of %d elements at byte %d is longer than the data", n, f.off-4)
		return
	}
	for range n {
		if points {
			f.point(elem)
		} else {
			f.take(elem)
		}
	}
}

// SolidityCalldata returns the proof in the byte layout the Solidity
// verifier exported by [Build.ExportSolidity] takes.
func (p *Proof) SolidityCalldata() ([]byte, error) {
	proof, err := decodeGnarkProof(p.Backend, p.Bytes)
	if err != nil {
		return nil, err
	}
	return p.Backend.scheme().calldata(proof), nil
}
