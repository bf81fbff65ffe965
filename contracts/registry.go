package contracts

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/contracts/bindings"
	"github.com/zkml/zkml/prover"
)

// registryABI packs and unpacks the calls of the ZkmlRegistry contract.
var registryABI = bindings.NewZkmlRegistry()

// RegistryBytecode is the creation code of the ZkmlRegistry contract
// (solidity/ZkmlRegistry.sol), compiled with solc SolcVersion and committed:
// deploying a registry needs no compiler.
func RegistryBytecode() []byte { return common.FromHex(bindings.ZkmlRegistryMetaData.Bin) }

// BuildHash binds what a proof of build b means: its quantized model (the
// plan hash, which proofs carry as model_hash), its verifying key, the kind
// of setup the key comes from, the fixed-point scales of its outputs and,
// when the outputs are packed, the packing layout:
//
//	keccak256(planHash ‖ keyHash ‖ setupKind ‖ layout)
//	layout = scale_1 ‖ … ‖ scale_k [‖ "pack" ‖ bits ‖ perWord ‖ offset]
//
// with planHash the 32 bytes of settings.json's plan_hash, keyHash the
// [KeyHash] of vk.bin, setupKind one byte (see [SetupKind]), each output
// tensor's scale as a 4-byte big-endian
// integer and, for a packed build (settings.json's circuit.output_packing),
// the 4 bytes "pack", the bits per output and the outputs per public input
// as 4-byte and the offset as an 8-byte big-endian integer. The registry
// computes it at registration (buildHashOf), after checking that the
// verifier's keyHash() is keyHash, and derives the model id from it (see
// [ModelID]), so a model id says which key verifies it and how to unpack
// its outputs.
func BuildHash(b *prover.Build) ([32]byte, error) {
	h, err := buildHashParts(b)
	if err != nil {
		return [32]byte{}, err
	}
	return h.hash(), nil
}

// buildHashPreimage is the preimage of a build hash.
type buildHashPreimage struct {
	plan, key [32]byte
	setup     SetupKind
	layout    []byte // the layout of the outputs
}

func (h buildHashPreimage) hash() [32]byte {
	return [32]byte(crypto.Keccak256(h.plan[:], h.key[:], []byte{byte(h.setup)}, h.layout))
}

// A SetupKind says where a build's keys come from, as the registry records
// it (in the build hash, and returned by its model view).
type SetupKind uint8

const (
	// SetupDevelopment is a setup whose secret zkml knew: Groth16's
	// single-party setup, PLONK's development SRS (settings.json's
	// setup.insecure). Whoever ran it (anyone, for the development SRS)
	// can forge proofs of any outputs.
	SetupDevelopment SetupKind = 0
	// SetupCeremony is a setup nobody running zkml knew the secret of: a
	// PLONK SRS from a .ptau or SRS file, or a Groth16 phase-2 ceremony on
	// a .ptau (prover.Build.SetupKind "ptau" or "ceremony").
	SetupCeremony SetupKind = 1
)

func (k SetupKind) String() string {
	switch k {
	case SetupDevelopment:
		return "development"
	case SetupCeremony:
		return "ceremony"
	}
	return fmt.Sprintf("setup kind %d", uint8(k))
}

// setupKind is the kind of b's setup ([prover.Build.SetupKind]).
func setupKind(b *prover.Build) (SetupKind, error) {
	switch b.SetupKind() {
	case "":
		return 0, fmt.Errorf("%s: settings.json records no setup: run `zkml setup`", b.Dir())
	case prover.SetupDevelopment:
		return SetupDevelopment, nil
	}
	return SetupCeremony, nil // a .ptau or a ceremony
}

// inputPublicInputs is the number of b's leading public inputs that are its
// input part: 0 (private input), 1 (hashed) or the packed input values
// (public).
func inputPublicInputs(b *prover.Build) int { return b.Layout().Input }

// buildHashParts returns the preimage of b's build hash.
func buildHashParts(b *prover.Build) (h buildHashPreimage, err error) {
	if _, err := os.Stat(filepath.Join(b.Dir(), "vk.bin")); err != nil {
		return h, fmt.Errorf("%s: the build hash needs the verifying key: %w (run `zkml setup`)", b.Dir(), err)
	}
	if h.key, err = KeyHash(b); err != nil {
		return h, fmt.Errorf("%s: the build hash needs the verifying key: %w", b.Dir(), err)
	}
	if h.setup, err = setupKind(b); err != nil {
		return h, err
	}
	var layout []byte
	for _, o := range b.Settings().Outputs {
		layout = binary.BigEndian.AppendUint32(layout, uint32(o.Scale))
	}
	if k := b.Settings().Circuit.OutputPacking; k != nil {
		layout = append(layout, "pack"...)
		layout = binary.BigEndian.AppendUint32(layout, uint32(k.BitsPerOutput))
		layout = binary.BigEndian.AppendUint32(layout, uint32(k.OutputsPerWord))
		layout = binary.BigEndian.AppendUint64(layout, uint64(k.Offset))
	}
	// The visibility and the public-input parts, for builds that are not
	// the default (whose build hash stays what it was).
	if v := b.Visibility(); v != prover.DefaultVisibility() {
		l := b.Layout()
		layout = append(layout, "vis"...)
		for _, s := range []string{string(v.Input), string(v.Output), string(v.Params)} {
			layout = append(append(layout, byte(len(s))), s...)
		}
		for _, n := range []int{l.Input, l.Output, l.Params, l.Domain} {
			layout = binary.BigEndian.AppendUint32(layout, uint32(n))
		}
	}
	// A segment of a split build says which, so that a segment's build
	// hash never equals an unsplit build's.
	if c := b.Settings().Chain; c != nil {
		layout = append(layout, "chain"...)
		layout = binary.BigEndian.AppendUint32(layout, uint32(c.Segment))
		layout = binary.BigEndian.AppendUint32(layout, uint32(c.Segments))
	}
	h.plan, h.layout = b.PlanHash(), layout
	return h, nil
}

// ModelID is the id the registry gives the model of buildHash with the
// verifier whose runtime code is verifierCode:
//
//	keccak256(abi.encode(buildHash, keccak256(verifierCode), backend, publicInputs, inputs))
//
// with backend 0 for Groth16 and 1 for PLONK, and inputs the number of
// leading public inputs that are the input part (0 for a private input).
// Since a zkml verifier's code holds its verifying key or its key hash,
// nobody can register another verifier under a model's id.
func ModelID(buildHash [32]byte, verifierCode []byte, backend prover.Backend, publicInputs, inputs int) [32]byte {
	var w [5][32]byte
	w[0] = buildHash
	copy(w[1][:], crypto.Keccak256(verifierCode))
	w[2][31] = templateOf(backend).registryCode
	binary.BigEndian.PutUint32(w[3][28:], uint32(publicInputs))
	binary.BigEndian.PutUint32(w[4][28:], uint32(inputs))
	return [32]byte(crypto.Keccak256(w[0][:], w[1][:], w[2][:], w[3][:], w[4][:]))
}

// BuildModelID is [ModelID] of build b with the verifier whose runtime
// code is verifierCode.
func BuildModelID(b *prover.Build, verifierCode []byte) ([32]byte, error) {
	bh, err := BuildHash(b)
	if err != nil {
		return [32]byte{}, err
	}
	return ModelID(bh, verifierCode, b.Backend(), b.Settings().Circuit.PublicInputs, inputPublicInputs(b)), nil
}

// InputKey is the key the registry stores a result under
// (inputKeyOf): for the input part of a proof's public inputs, nothing
// (a private input: the zero key, one result per model), the commitment
// itself (a hashed input) or keccak256 of the 32-byte values (a public
// input).
func InputKey(inputPart []*big.Int) [32]byte {
	switch len(inputPart) {
	case 0:
		return [32]byte{}
	case 1:
		var k [32]byte
		inputPart[0].FillBytes(k[:])
		return k
	}
	buf := make([]byte, 32*len(inputPart))
	for i, v := range inputPart {
		v.FillBytes(buf[32*i : 32*i+32])
	}
	return [32]byte(crypto.Keccak256(buf))
}

// DeployRegistry deploys a ZkmlRegistry from its committed bytecode.
func DeployRegistry(ctx context.Context, c *Chain) (*Receipt, error) {
	return c.Deploy(ctx, RegistryBytecode())
}

// A Registration is a model registered in a registry.
type Registration struct {
	ModelID   [32]byte
	BuildHash [32]byte
	Verifier  common.Address
	// Inputs is the number of leading public inputs that are the input
	// part: results are kept per input when it is not 0.
	Inputs int
	Setup  SetupKind
	// Receipt is the registering transaction; nil when the model was
	// registered before.
	Receipt *Receipt
}

// RegisterModel registers build b, whose verifier is deployed at verifier,
// in the registry at registry, unless it is registered already with this
// verifier. The registry reverts KeyMismatch when the verifier is not one
// of b's verifying key. A model registered with another deployment of the
// same code (the same model id) is an error: use that verifier, or check
// that it is the one you expect.
func RegisterModel(ctx context.Context, c *Chain, registry common.Address, b *prover.Build, verifier common.Address) (*Registration, error) {
	h, err := buildHashParts(b)
	if err != nil {
		return nil, err
	}
	bh := h.hash()
	code, err := c.CodeAt(ctx, verifier)
	if err != nil {
		return nil, err
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("no contract at the verifier address %s on %s: deploy the verifier first", verifier, c)
	}
	n, k := b.Settings().Circuit.PublicInputs, inputPublicInputs(b)
	reg := &Registration{ModelID: ModelID(bh, code, b.Backend(), n, k), BuildHash: bh, Verifier: verifier, Inputs: k, Setup: h.setup}
	if err := checkRegistry(ctx, c, registry); err != nil {
		return nil, err
	}
	// The registry computes the id itself; a mismatch is a registry of
	// another version.
	out, err := c.Call(ctx, registry, registryABI.PackModelIdOf(bh, verifier, templateOf(b.Backend()).registryCode, uint32(n), uint32(k)))
	if err != nil {
		return nil, err
	}
	if id, err := registryABI.UnpackModelIdOf(out); err != nil || id != reg.ModelID {
		return nil, fmt.Errorf("the registry at %s computes another model id than this zkml (%x): is it a ZkmlRegistry of this version?", registry, id)
	}
	if m, err := registryModel(ctx, c, registry, reg.ModelID); err == nil {
		if m.Verifier != verifier {
			return nil, fmt.Errorf("model 0x%x is already registered in %s with the verifier at %s, not %s (the same code): its proofs go to that verifier", reg.ModelID, registry, m.Verifier, verifier)
		}
		return reg, nil
	}
	r, err := c.Transact(ctx, registry, registryABI.PackRegister(h.plan, h.key, uint8(h.setup), h.layout, verifier, templateOf(b.Backend()).registryCode, uint32(n), uint32(k)))
	if err != nil {
		return nil, fmt.Errorf("register model %x in %s: %w", reg.ModelID, registry, err)
	}
	reg.Receipt = r
	return reg, nil
}

// checkRegistry tells an address without a registry before any call does.
func checkRegistry(ctx context.Context, c *Chain, registry common.Address) error {
	code, err := c.CodeAt(ctx, registry)
	if err != nil {
		return err
	}
	if len(code) == 0 {
		return fmt.Errorf("no contract at the registry address %s on %s (chain %s): check --registry, and that it is the chain the registry was deployed on", registry, c, c.chainID)
	}
	out, err := c.Call(ctx, registry, registryABI.PackPLONK())
	if v, uerr := registryABI.UnpackPLONK(out); err != nil || uerr != nil || v != 1 {
		return fmt.Errorf("the contract at %s on %s is not a ZkmlRegistry: check --registry", registry, c)
	}
	return nil
}

func registryModel(ctx context.Context, c *Chain, registry common.Address, id [32]byte) (bindings.ModelOutput, error) {
	out, err := c.Call(ctx, registry, registryABI.PackModel(id))
	if err != nil {
		return bindings.ModelOutput{}, err
	}
	return registryABI.UnpackModel(out)
}

// A RegisteredModel is what the registry records of a model.
type RegisteredModel struct {
	Verifier     common.Address
	Backend      prover.Backend
	PublicInputs int
	// Inputs is the number of leading public inputs that are the input
	// part; 0 (a private input) means one result per model, which anyone
	// can overwrite with a proof of any input.
	Inputs int
	Setup  SetupKind
}

// ModelInfo reads the registration of modelID in the registry at registry.
func ModelInfo(ctx context.Context, c *Chain, registry common.Address, modelID [32]byte) (*RegisteredModel, error) {
	if err := checkRegistry(ctx, c, registry); err != nil {
		return nil, err
	}
	return modelInfo(ctx, c, registry, modelID)
}

func modelInfo(ctx context.Context, c *Chain, registry common.Address, modelID [32]byte) (*RegisteredModel, error) {
	m, err := registryModel(ctx, c, registry, modelID)
	if err != nil {
		return nil, err
	}
	r := &RegisteredModel{Verifier: m.Verifier, Backend: prover.Groth16, PublicInputs: int(m.PublicInputs), Inputs: int(m.Inputs), Setup: SetupKind(m.SetupKind)}
	if m.Backend == 1 {
		r.Backend = prover.PLONK
	}
	return r, nil
}

// RegistryCalldata is the transaction data of verify(modelId, proof,
// publicInputs) on a ZkmlRegistry, for any client.
func RegistryCalldata(modelID [32]byte, p *prover.Proof) ([]byte, error) {
	raw, err := p.SolidityCalldata()
	if err != nil {
		return nil, err
	}
	return registryABI.PackVerify(modelID, raw, p.PublicInputs), nil
}

// A RegistryVerification is a proof checked through a registry.
type RegistryVerification struct {
	Verification
	// InputKey is the key the result is (or, for an eth_call, would be)
	// stored under: the zero key for a model with a private input.
	InputKey [32]byte
	// Model is the registration of the model, as the registry has it.
	Model *RegisteredModel
}

// ProofInputKey is the key under which a registry keeps the result of p, a
// proof of build b: [InputKey] of its input part.
func ProofInputKey(b *prover.Build, p *prover.Proof) ([32]byte, error) {
	k := inputPublicInputs(b)
	if len(p.PublicInputs) < k {
		return [32]byte{}, fmt.Errorf("the proof has %d public inputs, fewer than the build's %d input ones", len(p.PublicInputs), k)
	}
	return InputKey(p.PublicInputs[:k]), nil
}

// VerifyThroughRegistry checks p with the registry at registry as a proof of
// model modelID: an eth_call, and when send is true then a transaction too,
// which records the outputs as the result of the proof's input (see
// [InputKey]). A proof the model's verifier rejects, or one with another
// number of public inputs, gives an error wrapping [ErrRejected] that
// carries the registry's reason.
func VerifyThroughRegistry(ctx context.Context, c *Chain, registry common.Address, modelID [32]byte, p *prover.Proof, send bool) (*RegistryVerification, error) {
	data, err := RegistryCalldata(modelID, p)
	if err != nil {
		return nil, err
	}
	return verifyThroughRegistry(ctx, c, registry, data, send)
}

// verifyThroughRegistry sends data, a call of the registry's verify.
func verifyThroughRegistry(ctx context.Context, c *Chain, registry common.Address, data []byte, send bool) (*RegistryVerification, error) {
	if err := checkRegistry(ctx, c, registry); err != nil {
		return nil, err
	}
	out, err := c.Call(ctx, registry, data)
	if err != nil {
		return nil, registryRejection(err)
	}
	ret, err := registryABI.UnpackVerify(out)
	if err != nil {
		return nil, fmt.Errorf("the contract at %s is not a ZkmlRegistry of this version (verify: %v)", registry, err)
	}
	v := &RegistryVerification{Verification: Verification{Verifier: registry}, InputKey: ret.InputKey}
	if v.Model, err = modelInfo(ctx, c, registry, [32]byte(data[4:36])); err != nil {
		return nil, err
	}
	if !send {
		if v.Gas, err = c.EstimateGas(ctx, registry, data); err != nil {
			return nil, err
		}
		return v, nil
	}
	r, err := c.Transact(ctx, registry, data)
	if err != nil {
		return nil, registryRejection(err)
	}
	v.Gas, v.TxHash = r.GasUsed, &r.TxHash
	return v, nil
}

// registryRejection wraps ErrRejected around the registry's reverts that
// mean an invalid proof for the model.
func registryRejection(err error) error {
	var rev *RevertError
	if errors.As(err, &rev) && len(rev.Data) >= 4 {
		sel := [4]byte(rev.Data[:4])
		if sel == [4]byte(bindings.ZkmlRegistryProofRejectedErrorID().Bytes()[:4]) ||
			sel == [4]byte(bindings.ZkmlRegistryWrongPublicInputCountErrorID().Bytes()[:4]) {
			return fmt.Errorf("%w: %w", ErrRejected, err)
		}
	}
	return err
}

// A Result is a model's result for one input, verified through a
// registry. The proof's input part is not stored: it is the input key, and
// in the ProofVerified event of the result's sequence number.
type Result struct {
	Prover   common.Address // who sent the proof
	Block    uint64
	Sequence uint32 // 1 for the input's first verified proof
	// Outputs are the public inputs after the input part: the outputs
	// packed as the build's settings.json says (prover.Build.Packing().Unpack
	// reads them), or one per output element, negative values as r - |v|.
	Outputs []*big.Int
}

// ResultOf reads the result the registry recorded for the input of key
// inputKey (see [InputKey]) of model modelID. For a model with a private
// input, inputKey is zero and the result is the last proof of any input,
// sent by anyone.
func ResultOf(ctx context.Context, c *Chain, registry common.Address, modelID, inputKey [32]byte) (*Result, error) {
	out, err := c.Call(ctx, registry, registryABI.PackResult(modelID, inputKey))
	if err != nil {
		return nil, err
	}
	r, err := registryABI.UnpackResult(out)
	if err != nil {
		return nil, fmt.Errorf("the contract at %s is not a ZkmlRegistry (result: %v)", registry, err)
	}
	return &Result{Prover: r.Prover, Block: r.BlockNumber, Sequence: r.Sequence, Outputs: r.Outputs}, nil
}
