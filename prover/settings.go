package prover

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/plan"
)

// settingsFormat names the layout of settings.json and, with it, of the whole
// build directory. Bump it when either changes incompatibly.
const settingsFormat = "zkml-build/1"

// Settings is the content of settings.json: everything a person or a tool
// needs to know about a build without loading its keys. zkml writes it; it
// is meant to be read, not edited (Open rejects a settings.json that
// disagrees with plan.bin).
type Settings struct {
	Format      string       `json:"format"`       // "zkml-build/1"
	ZKMLVersion string       `json:"zkml_version"` // the zkml that compiled the model
	Backend     Backend      `json:"backend"`
	Curve       string       `json:"curve"`     // always "bn254"
	PlanHash    string       `json:"plan_hash"` // hex SHA-256 of the quantized model; proofs carry it as model_hash
	Model       ModelInfo    `json:"model"`
	Inputs      []TensorInfo `json:"inputs"`
	Outputs     []TensorInfo `json:"outputs"`
	Config      QuantConfig  `json:"quantization"`
	// Visibility is what the proofs reveal; Layout how many public inputs
	// each part of a proof takes, in order.
	Visibility VisibilityInfo `json:"visibility"`
	Layout     PublicLayout   `json:"public_inputs"`
	// ParamsCommitment is, with hashed params, the commitment of the
	// weights (circuits.Params.Commit) that every proof carries: 0x and 64
	// hexadecimal digits, as FormatCommitment writes it.
	ParamsCommitment string      `json:"params_commitment,omitempty"`
	Circuit          CircuitInfo `json:"circuit"`
	Setup            *SetupInfo  `json:"setup,omitempty"` // nil until Setup ran
	// Chain is set in the builds of a split model's segments (see
	// CompileSplit): which segment this is.
	Chain *ChainInfo `json:"chain,omitempty"`
}

// ModelInfo identifies the ONNX file a build was compiled from.
type ModelInfo struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// TensorInfo describes a model input or output: a row-major tensor whose
// elements are fixed-point integers q with value q / 2^Scale.
type TensorInfo struct {
	Name  string `json:"name"`
	Shape []int  `json:"shape"`
	Scale int    `json:"scale"`
}

// Size is the number of elements.
func (t TensorInfo) Size() int {
	n := 1
	for _, d := range t.Shape {
		n *= d
	}
	return n
}

// QuantConfig records the plan.Config of the plan.
type QuantConfig struct {
	ActivationBits int     `json:"activation_bits"`
	WeightBits     int     `json:"weight_bits"`
	MaxScale       int     `json:"max_scale"`
	Headroom       float64 `json:"headroom"`
}

// CircuitInfo gives the size of the compiled circuit.
type CircuitInfo struct {
	// Constraints is the number of R1CS constraints (Groth16) or PLONK
	// gates: what proving time and key size grow with.
	Constraints int `json:"constraints"`
	// PublicInputs is the number of public field elements: the model's
	// output elements, or the words they are packed into (see
	// OutputPacking); gnark's constant-one wire excluded.
	PublicInputs int `json:"public_inputs"`
	// SecretInputs counts the private witness elements: the model's inputs.
	SecretInputs int `json:"secret_inputs"`
	// RangeChecks is how the circuit proves ranges: "lookup" (gnark's
	// log-derivative argument, Compile's default) or "bit-decomposition"
	// (WithBitDecompositionRangeChecks, or WithAutoRangeChecks's choice).
	RangeChecks string `json:"range_checks"`
	// OutputPacking is how the outputs are packed into the public inputs;
	// nil when every output element is its own public input.
	OutputPacking *PackingInfo `json:"output_packing,omitempty"`
	// DomainFlag says the public inputs end with the domain bit (see
	// WithDomainFlag).
	DomainFlag bool `json:"domain_flag,omitempty"`
}

// PackingInfo is the layout of packed public inputs (see
// circuits.Packing): output element e (the outputs flattened in order) is
// the slot e mod OutputsPerWord of public input e / OutputsPerWord, bits
// [BitsPerOutput·slot, BitsPerOutput·(slot+1)), holding q + Offset.
type PackingInfo struct {
	BitsPerOutput  int   `json:"bits_per_output"`
	OutputsPerWord int   `json:"outputs_per_word"`
	Offset         int64 `json:"offset"` // 2^(BitsPerOutput-1)
}

func packingInfo(k circuits.Packing) *PackingInfo {
	if !k.Enabled() {
		return nil
	}
	return &PackingInfo{BitsPerOutput: k.Bits, OutputsPerWord: k.PerWord, Offset: k.Offset().Int64()}
}

// Packing is the circuits' form of i; the zero Packing for nil.
func (i *PackingInfo) Packing() circuits.Packing {
	if i == nil {
		return circuits.Packing{}
	}
	return circuits.Packing{Bits: i.BitsPerOutput, PerWord: i.OutputsPerWord}
}

// check reports a layout that is not one circuits can build for
// activationBits, or whose offset disagrees with its bits.
func (i *PackingInfo) check(activationBits int) error {
	if i == nil {
		return nil
	}
	k := i.Packing()
	if !k.Enabled() {
		return errors.New("output_packing is present but empty")
	}
	if err := k.Validate(activationBits); err != nil {
		return err
	}
	if i.Offset != k.Offset().Int64() {
		return fmt.Errorf("output_packing.offset %d, want 2^(bits_per_output-1) = %d", i.Offset, k.Offset().Int64())
	}
	return nil
}

const (
	rangeChecksLookup = "lookup"
	rangeChecksBits   = "bit-decomposition"
)

// SetupInfo tells where the keys come from.
type SetupInfo struct {
	// ID binds pk.bin and vk.bin to this settings.json: both carry it in
	// their header, so keys copied from another setup are caught.
	ID string `json:"id"`
	// Insecure is true for every setup whose secret zkml knew (Groth16's
	// single-party setup, PLONK's dev SRS): whoever knows it can forge
	// proofs. Such keys are for development only.
	Insecure bool `json:"insecure"`
	// Kind is what made the keys: "development", "ptau" or "ceremony"
	// (see [Build.SetupKind]). Empty in builds older than the field.
	Kind    string   `json:"kind,omitempty"`
	Method  string   `json:"method"`
	Warning string   `json:"warning,omitempty"`
	SRS     *SRSInfo `json:"srs,omitempty"` // PLONK only
	// PTau is the powers-of-tau file: PLONK's SRS, or the phase 1 of a
	// Groth16 ceremony.
	PTau *PTauInfo `json:"ptau,omitempty"`
	// Ceremony is the Groth16 phase 2 that made the keys.
	Ceremony *CeremonyInfo `json:"ceremony,omitempty"`
	// ReusedFrom is the key cache entry the keys were copied from (see
	// [WithKeyCache]); empty when this build's setup made them.
	ReusedFrom string `json:"reused_from,omitempty"`
	// ProvingKeySHA256 is the SHA-256 of pk.bin's payload (hex): prove
	// refuses a pk.bin that does not have it before decoding a byte, since
	// it reads the key without the subgroup checks. Empty in builds older
	// than the field, which rely on the file's own checksum.
	ProvingKeySHA256 string `json:"proving_key_sha256,omitempty"`
	// Sizes of the key files in bytes.
	ProvingKeyBytes   int64 `json:"proving_key_bytes"`
	VerifyingKeyBytes int64 `json:"verifying_key_bytes"`
}

// SRSInfo identifies the KZG SRS a PLONK setup used.
type SRSInfo struct {
	Source string `json:"source"`           // "dev" or the path of the SRS file
	SHA256 string `json:"sha256,omitempty"` // of the SRS file
	Size   int    `json:"size"`             // G1 points used: the domain size + 3
	// TauG2 is [τ]G2 in compressed form, hex: it identifies the SRS (and
	// the ceremony) independently of how the file was encoded.
	TauG2 string `json:"tau_g2"`

	ptau *PTauInfo // the .ptau it came from, for SetupInfo.PTau
}

func tensorInfos(p *plan.Plan, idx []int, names []string) []TensorInfo {
	infos := make([]TensorInfo, len(idx))
	for i, t := range idx {
		tt := &p.Tensors[t]
		name := tt.Name
		if names != nil {
			name = names[i]
		}
		infos[i] = TensorInfo{Name: name, Shape: slices.Clone(tt.Shape), Scale: tt.Scale}
	}
	return infos
}

func quantConfig(c plan.Config) QuantConfig {
	return QuantConfig{ActivationBits: c.ActivationBits, WeightBits: c.WeightBits, MaxScale: c.MaxScale, Headroom: c.Headroom}
}

// checkPlan reports where settings.json disagrees with the plan loaded from
// plan.bin (a hand-edited settings.json, or files from two builds).
func (s *Settings) checkPlan(p *plan.Plan, hash [32]byte, path string) error {
	if got := hex.EncodeToString(hash[:]); got != s.PlanHash {
		return fmt.Errorf("%s: plan_hash %s does not match plan.bin (%s); recompile with `zkml compile`", path, s.PlanHash, got)
	}
	if s.Visibility.Params == circuits.Hashed {
		ps, err := circuits.ParamsOf(p)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		h, err := ps.Commit()
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if got := FormatCommitment(h); got != s.ParamsCommitment {
			return fmt.Errorf("%s: params_commitment %s does not match plan.bin's weights (%s); recompile with `zkml compile`", path, s.ParamsCommitment, got)
		}
	}
	if quantConfig(p.Config) != s.Config {
		return fmt.Errorf("%s: quantization settings differ from plan.bin's; recompile with `zkml compile`", path)
	}
	check := func(what string, infos []TensorInfo, idx []int) error {
		if len(infos) != len(idx) {
			return fmt.Errorf("%s: %d %s, plan.bin has %d; recompile with `zkml compile`", path, len(infos), what, len(idx))
		}
		for i, t := range idx {
			tt := &p.Tensors[t]
			if !slices.Equal(infos[i].Shape, tt.Shape) || infos[i].Scale != tt.Scale {
				return fmt.Errorf("%s: %s %d (%q): shape %v scale %d, plan.bin says shape %v scale %d; recompile with `zkml compile`",
					path, what, i, infos[i].Name, infos[i].Shape, infos[i].Scale, tt.Shape, tt.Scale)
			}
		}
		return nil
	}
	if err := check("inputs", s.Inputs, p.Inputs); err != nil {
		return err
	}
	return check("outputs", s.Outputs, p.Outputs)
}

// checkSelf reports where settings.json disagrees with itself: the public
// input layout must follow from the visibility, the packing and the shapes
// of the inputs and outputs. It is all Open checks of a build that
// verification alone will use, so that a verifier needs no plan.bin.
func (s *Settings) checkSelf(path string) error {
	if err := s.Circuit.OutputPacking.check(s.Config.ActivationBits); err != nil {
		return fmt.Errorf("%s: %v; recompile with `zkml compile`", path, err)
	}
	size := func(ts []TensorInfo) int {
		n := 0
		for _, t := range ts {
			n += t.Size()
		}
		return n
	}
	if _, ok := parseCommitment(s.ParamsCommitment); ok != (s.Visibility.Params == circuits.Hashed) {
		return fmt.Errorf("%s: params_commitment %q, but visibility.params is %s; recompile with `zkml compile`", path, s.ParamsCommitment, s.Visibility.Params)
	}
	if want := publicLayout(size(s.Inputs), size(s.Outputs), s.Visibility, s.Circuit.OutputPacking.Packing(), s.Circuit.DomainFlag); s.Layout != want || s.Circuit.PublicInputs != want.Total() {
		return fmt.Errorf("%s: public_inputs %+v (%d in all) does not match the visibility and the shapes (%+v); recompile with `zkml compile`", path, s.Layout, s.Circuit.PublicInputs, want)
	}
	return nil
}

// readSettings reads dir/settings.json; dirName is dir as shown in errors.
func readSettings(dir, dirName string) (*Settings, error) {
	path := filepath.Join(dir, "settings.json")
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such directory; run `zkml compile` first", dirName)
			}
			return nil, fmt.Errorf("%s: not a zkml build directory (no settings.json); run `zkml compile` first", dirName)
		}
		return nil, err
	}
	name := filepath.Join(dir, "settings.json")
	// Peek at the format first so that a build from a newer zkml gets a
	// clear message rather than a complaint about a field it added.
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%s: not valid JSON (%v); recompile with `zkml compile`", name, err)
	}
	if head.Format != settingsFormat {
		return nil, fmt.Errorf("%s: build format %q is not supported (this zkml reads %q); recompile with `zkml compile`", name, head.Format, settingsFormat)
	}
	var s Settings
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %v; recompile with `zkml compile`", name, err)
	}
	if !s.Backend.valid() {
		return nil, fmt.Errorf("%s: unknown backend %q; recompile with `zkml compile`", name, s.Backend)
	}
	if s.Curve != "bn254" {
		return nil, fmt.Errorf("%s: curve %q is not supported (zkml uses bn254); recompile with `zkml compile`", name, s.Curve)
	}
	if s.Circuit.RangeChecks != rangeChecksLookup && s.Circuit.RangeChecks != rangeChecksBits {
		return nil, fmt.Errorf("%s: circuit.range_checks %q is not one of %q, %q; recompile with `zkml compile`", name, s.Circuit.RangeChecks, rangeChecksLookup, rangeChecksBits)
	}
	if err := s.Visibility.check(); err != nil {
		return nil, fmt.Errorf("%s: %v; recompile with `zkml compile`", name, err)
	}
	if err := s.Chain.check(s.Visibility); err != nil {
		return nil, fmt.Errorf("%s: %v; recompile with `zkml compile`", name, err)
	}
	if _, err := decodeHash32(s.PlanHash); err != nil {
		return nil, fmt.Errorf("%s: plan_hash: %v; recompile with `zkml compile`", name, err)
	}
	if s.Setup != nil {
		if _, err := decodeSetupID(s.Setup.ID); err != nil {
			return nil, fmt.Errorf("%s: setup id: %v; rerun `zkml setup`", name, err)
		}
		if h := s.Setup.ProvingKeySHA256; h != "" {
			if _, err := decodeHash32(h); err != nil {
				return nil, fmt.Errorf("%s: setup.proving_key_sha256: %v; rerun `zkml setup`", name, err)
			}
		}
	}
	return &s, nil
}

func writeSettings(dir string, s *Settings) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	data = append(compactArrays(data), '\n')
	path := filepath.Join(dir, "settings.json")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func decodeHash32(s string) ([32]byte, error) {
	var h [32]byte
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 32 {
		return h, fmt.Errorf("%q is not 64 hexadecimal digits", s)
	}
	copy(h[:], b)
	return h, nil
}

func decodeSetupID(s string) ([16]byte, error) {
	var id [16]byte
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		return id, fmt.Errorf("%q is not 32 hexadecimal digits", s)
	}
	copy(id[:], b)
	return id, nil
}
