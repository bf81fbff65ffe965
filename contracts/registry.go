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
// plan hash, which proofs carry as model_hash), its verifying key, the
// fixed-point scales of its outputs and, when the outputs are packed, the
// packing layout:
//
//	keccak256(planHash ‖ keyHash ‖ layout)
//	layout = scale_1 ‖ … ‖ scale_k [‖ "pack" ‖ bits ‖ perWord ‖ offset]
//
// with planHash the 32 bytes of settings.json's plan_hash, keyHash the
// [KeyHash] of vk.bin, each output tensor's scale as a 4-byte big-endian
// integer and, for a packed build (settings.json's circuit.output_packing),
// the 4 bytes "pack", the bits per output and the outputs per public input
// as 4-byte and the offset as an 8-byte big-endian integer. The registry
// computes it at registration (buildHashOf), after checking that the
// verifier's keyHash() is keyHash, and derives the model id from it (see
// [ModelID]), so a model id says which key verifies it and how to unpack
// its outputs.
func BuildHash(b *prover.Build) ([32]byte, error) {
	plan, key, layout, err := buildHashParts(b)
	if err != nil {
		return [32]byte{}, err
	}
	return [32]byte(crypto.Keccak256(plan[:], key[:], layout)), nil
}

// buildHashParts returns the preimage of b's build hash: the plan hash, the
// key hash and the layout of the outputs.
func buildHashParts(b *prover.Build) (plan, key [32]byte, layout []byte, err error) {
	if _, err := os.Stat(filepath.Join(b.Dir(), "vk.bin")); err != nil {
		return plan, key, nil, fmt.Errorf("%s: the build hash needs the verifying key: %w (run `zkml setup`)", b.Dir(), err)
	}
	if key, err = KeyHash(b); err != nil {
		return plan, key, nil, fmt.Errorf("%s: the build hash needs the verifying key: %w", b.Dir(), err)
	}
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
	return b.PlanHash(), key, layout, nil
}

// ModelID is the id the registry gives the model of buildHash with the
// verifier whose runtime code is verifierCode:
//
//	keccak256(abi.encode(buildHash, keccak256(verifierCode), backend, publicInputs))
//
// with backend 0 for Groth16 and 1 for PLONK. Since a zkml verifier's code
// holds its verifying key or its key hash, nobody can register another
// verifier under a model's id.
func ModelID(buildHash [32]byte, verifierCode []byte, backend prover.Backend, publicInputs int) [32]byte {
	var w [4][32]byte
	w[0] = buildHash
	copy(w[1][:], crypto.Keccak256(verifierCode))
	w[2][31] = templateOf(backend).registryCode
	binary.BigEndian.PutUint32(w[3][28:], uint32(publicInputs))
	return [32]byte(crypto.Keccak256(w[0][:], w[1][:], w[2][:], w[3][:]))
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
	plan, key, layout, err := buildHashParts(b)
	if err != nil {
		return nil, err
	}
	bh := [32]byte(crypto.Keccak256(plan[:], key[:], layout))
	code, err := c.CodeAt(ctx, verifier)
	if err != nil {
		return nil, err
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("no contract at the verifier address %s on %s: deploy the verifier first", verifier, c)
	}
	n := b.Settings().Circuit.PublicInputs
	reg := &Registration{ModelID: ModelID(bh, code, b.Backend(), n), BuildHash: bh, Verifier: verifier}
	if err := checkRegistry(ctx, c, registry); err != nil {
		return nil, err
	}
	// The registry computes the id itself; a mismatch is a registry of
	// another version.
	out, err := c.Call(ctx, registry, registryABI.PackModelIdOf(bh, verifier, templateOf(b.Backend()).registryCode, uint32(n)))
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
	r, err := c.Transact(ctx, registry, registryABI.PackRegister(plan, key, layout, verifier, templateOf(b.Backend()).registryCode, uint32(n)))
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

// RegistryCalldata is the transaction data of verify(modelId, proof,
// publicInputs, inputCommitment) on a ZkmlRegistry, for any client.
func RegistryCalldata(modelID [32]byte, p *prover.Proof, inputCommitment [32]byte) ([]byte, error) {
	raw, err := p.SolidityCalldata()
	if err != nil {
		return nil, err
	}
	return registryABI.PackVerify(modelID, raw, p.PublicInputs, inputCommitment), nil
}

// VerifyThroughRegistry checks p with the registry at registry as a proof of
// model modelID: an eth_call, and when send is true then a transaction too,
// which records the outputs as the model's last result. inputCommitment is
// kept and emitted with the result but not proven (see the registry's
// documentation). A proof the model's verifier rejects, or one with another
// number of outputs, gives an error wrapping [ErrRejected] that carries the
// registry's reason.
func VerifyThroughRegistry(ctx context.Context, c *Chain, registry common.Address, modelID [32]byte, p *prover.Proof, inputCommitment [32]byte, send bool) (*Verification, error) {
	data, err := RegistryCalldata(modelID, p, inputCommitment)
	if err != nil {
		return nil, err
	}
	if err := checkRegistry(ctx, c, registry); err != nil {
		return nil, err
	}
	if _, err := c.Call(ctx, registry, data); err != nil {
		return nil, registryRejection(err)
	}
	v := &Verification{Verifier: registry}
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

// A Result is the last proof of a model verified through a registry. Its
// input commitment is not stored on chain: it is in the ProofVerified
// event of its sequence number.
type Result struct {
	Prover   common.Address // who sent the proof
	Block    uint64
	Sequence uint32 // 1 for the model's first verified proof
	// Outputs are the public inputs: the outputs packed as the build's
	// settings.json says (prover.Build.Packing().Unpack reads them), or one
	// per output element, negative values as r - |v|.
	Outputs []*big.Int
}

// LastResult reads the last result the registry recorded for modelID.
func LastResult(ctx context.Context, c *Chain, registry common.Address, modelID [32]byte) (*Result, error) {
	out, err := c.Call(ctx, registry, registryABI.PackLastResult(modelID))
	if err != nil {
		return nil, err
	}
	r, err := registryABI.UnpackLastResult(out)
	if err != nil {
		return nil, fmt.Errorf("the contract at %s is not a ZkmlRegistry (lastResult: %v)", registry, err)
	}
	return &Result{Prover: r.Prover, Block: r.BlockNumber, Sequence: r.Sequence, Outputs: r.Outputs}, nil
}
