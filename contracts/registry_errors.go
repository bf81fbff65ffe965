package contracts

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/contracts/bindings"
)

// zkmlErrors are the custom errors of the fixed contracts (registry, oracle,
// fixed-point library), by selector.
var zkmlErrors = func() map[[4]byte]abi.Error {
	m := map[[4]byte]abi.Error{}
	for _, a := range []abi.ABI{
		bindings.NewZkmlRegistry().GetABI(),
		bindings.NewZkmlThresholdOracle().GetABI(),
		bindings.NewZkmlFixedPointHarness().GetABI(),
	} {
		for _, e := range a.Errors {
			m[[4]byte(e.ID[:4])] = e
		}
	}
	return m
}()

// decodeZkmlError decodes data as a custom error of a fixed contract: the
// error with its arguments ("UnknownModel(0x12…)") and what it means.
func decodeZkmlError(contract common.Address, data []byte) (reason, why string, ok bool) {
	e, found := zkmlErrors[[4]byte(data[:4])]
	if !found {
		return "", "", false
	}
	vals, err := e.Inputs.Unpack(data[4:])
	if err != nil || len(vals) != len(e.Inputs) {
		return "", "", false
	}
	args := make([]string, len(vals))
	for i, v := range vals {
		args[i] = formatArg(v)
	}
	reason = e.Name + "(" + strings.Join(args, ", ") + ")"
	arg := func(i int) string { return args[i] }
	switch e.Name {
	case "UnknownModel":
		why = fmt.Sprintf("no model %s is registered in this registry: register it (`zkml deploy build/ --registry ADDRESS`) or check the model id and the registry address", arg(0))
	case "ModelAlreadyRegistered":
		why = fmt.Sprintf("model %s is already registered, with a verifier of the same code", arg(0))
	case "DelegatedAccount":
		why = fmt.Sprintf("%s is an account delegated with EIP-7702, whose code its owner can change: deploy the verifier as a contract", arg(0))
	case "NotAZkmlVerifier":
		why = fmt.Sprintf("the contract at %s has no keyHash(): deploy zkml's verifier of the build (`zkml deploy`)", arg(0))
	case "KeyMismatch":
		why = fmt.Sprintf("the verifier at %s implements the key %s, the build's key is %s: it is the verifier of another build or keys", arg(0), arg(1), arg(2))
	case "VerifierCodeChanged":
		why = fmt.Sprintf("the code at the verifier address %s of model %s is gone or no longer the registered code (self-destructed?): the model accepts no proof", arg(1), arg(0))
	case "OutputNotInField":
		why = fmt.Sprintf("public input %s of the proof of model %s is not below the BN254 scalar field order", arg(1), arg(0))
	case "NotAContract":
		why = fmt.Sprintf("there is no contract at the verifier address %s: deploy the verifier first", arg(0))
	case "UnsupportedBackend":
		why = fmt.Sprintf("backend %s is neither Groth16 (0) nor PLONK (1)", arg(0))
	case "UnsupportedSetupKind":
		why = fmt.Sprintf("setup kind %s is neither a development setup (0) nor a ceremony (1)", arg(0))
	case "BadInputCount":
		why = fmt.Sprintf("%s input public inputs out of %s: the input part is part of the public inputs (and at most 65,535)", arg(0), arg(1))
	case "WrongInputCount":
		why = fmt.Sprintf("%s input values given, model %s has %s: pass its input part (the commitment of a hashed input)", arg(1), arg(0), arg(2))
	case "DevelopmentSetup":
		why = fmt.Sprintf("model %s was set up with a development setup, whose keys whoever ran it can forge proofs with: this consumer refuses it unless deployed to accept development setups", arg(0))
	case "NoPublicInputs":
		why = "a model needs at least one public input (output)"
	case "WrongPublicInputCount":
		why = fmt.Sprintf("the proof has %s public inputs but model %s has %s: it is a proof of another model", arg(1), arg(0), arg(2))
	case "ProofRejected":
		inner, _ := vals[1].([]byte)
		why = fmt.Sprintf("the verifier of model %s rejected the proof (tampered, or made for another model or keys)", arg(0))
		if len(inner) >= 4 {
			rev := decodeRevert(contract, inner)
			if rev.Known {
				if rev.explanation != "" {
					why = fmt.Sprintf("the verifier of model %s rejected the proof with %s: %s", arg(0), rev.Reason, rev.explanation)
				} else {
					why = fmt.Sprintf("the verifier of model %s rejected the proof with %s: %s", arg(0), rev.Reason, knownReverts[rev.Reason])
				}
			}
		}
	case "NoResult":
		why = fmt.Sprintf("no proof of model %s for the input of key %s has been verified through this registry yet", arg(0), arg(1))
	case "OutputIndexOutOfRange":
		why = fmt.Sprintf("output index %s is out of range: the model has %s outputs", arg(0), arg(1))
	case "OutOfDomain":
		why = fmt.Sprintf("the proven domain bit of input %s is 0: the input left the calibrated domain, so its outputs are approximations, which this consumer refuses", arg(0))
	case "NoNewResult":
		why = fmt.Sprintf("the registry's result for input %s (sequence %s) was already taken into account", arg(0), arg(1))
	case "BadPacking":
		why = fmt.Sprintf("%s bits per output, %s outputs per public input is no packing layout zkml makes: use settings.json's circuit.output_packing", arg(0), arg(1))
	case "PackedIndexOutOfRange":
		why = fmt.Sprintf("output %s is beyond the %s slots of the packed public inputs", arg(0), arg(1))
	case "NotAFieldElement":
		why = fmt.Sprintf("%s is not below the BN254 scalar field order, so it is no public input of a proof", arg(0))
	default:
		why = "an error of zkml's contracts"
	}
	return reason, why, true
}

func formatArg(v any) string {
	switch v := v.(type) {
	case [32]byte:
		return "0x" + hex.EncodeToString(v[:])
	case []byte:
		return "0x" + shortHex(v)
	case common.Address:
		return v.Hex()
	case *big.Int:
		return v.String()
	}
	return fmt.Sprint(v)
}
