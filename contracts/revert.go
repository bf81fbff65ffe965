package contracts

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// A RevertError is a contract call or transaction that reverted.
type RevertError struct {
	Contract common.Address
	// Reason is the decoded revert: a custom error's signature
	// ("ProofInvalid()"), the message of a require, or "" when the contract
	// gave no reason.
	Reason string
	Data   []byte // the raw revert data
	// Known is true when Reason is one of the errors of zkml's contracts or
	// gnark's verifiers, whose meaning Error explains.
	Known bool
	// explanation says what a zkml contract's custom error means, with its
	// arguments; empty for the errors of knownReverts.
	explanation string
}

func (e *RevertError) Error() string {
	return fmt.Sprintf("the contract at %s %s", e.Contract, e.describe())
}

// describe is Error without the contract: "reverted with ...".
func (e *RevertError) describe() string {
	switch {
	case e.Known && e.explanation != "":
		return fmt.Sprintf("reverted with %s: %s", e.Reason, e.explanation)
	case e.Known:
		return fmt.Sprintf("reverted with %s: %s", e.Reason, knownReverts[e.Reason])
	case e.Reason != "":
		return fmt.Sprintf("reverted: %s", e.Reason)
	case len(e.Data) > 0:
		return fmt.Sprintf("reverted with unknown data 0x%s", shortHex(e.Data))
	}
	return "reverted without a reason"
}

// knownReverts explains the errors of gnark's verifier templates (custom
// errors of the Groth16 verifier, Error(string) messages of the PLONK one).
var knownReverts = map[string]string{
	"ProofInvalid()":                "the proof does not verify (tampered, or made for another model or keys)",
	"PublicInputNotInField()":       "a public input is not a field element below the BN254 scalar field order",
	"CommitmentInvalid()":           "the proof's commitment does not verify: it or its proof of knowledge is not a curve point (tampered)",
	"invalid proof length":          "the proof has the wrong size for this verifier (a proof of another kind or model)",
	"wrong number of public inputs": "the proof has another number of public inputs than this verifier's model",
	"inputs are bigger than r":      "a public input is not a field element below the BN254 scalar field order",
	"wrong proof size":              "the proof has the wrong size for this verifier (a proof of another kind or model)",
	"error pairing":                 "the proof does not verify (tampered, or made for another model or keys)",
	"error verify":                  "the proof does not verify (tampered, or made for another model or keys)",
	"openings bigger than r":        "the proof is malformed (an opening is not a field element)",
	"error ec operation":            "the proof is malformed (a point is not on the curve)",
	"error mod exp":                 "the proof is malformed",
}

// isShapeRevert reports the reverts of a verifier for calldata of the wrong
// shape. Calldata is shaped by the build, so from a build's own calldata
// they mean that the contract verifies another model, or another build of
// it (with or without a commitment), rather than that the proof is bad.
func isShapeRevert(reason string) bool {
	switch reason {
	case "invalid proof length", "wrong number of public inputs", "wrong proof size":
		return true
	}
	return strings.HasPrefix(reason, "NotAVerifierCall(")
}

var (
	errorStringSelector = crypto.Keccak256([]byte("Error(string)"))[:4]
	panicSelector       = crypto.Keccak256([]byte("Panic(uint256)"))[:4]
	// notAVerifierCallSelector is the error of the generic verifier for a
	// call that is not its verifyProof(bytes,uint256[n]).
	notAVerifierCallSelector = crypto.Keccak256([]byte("NotAVerifierCall(bytes4)"))[:4]
	// customErrors maps the selector of each custom error zkml knows to
	// its signature.
	customErrors = func() map[[4]byte]string {
		m := map[[4]byte]string{}
		for _, sig := range []string{"ProofInvalid()", "PublicInputNotInField()", "CommitmentInvalid()"} {
			m[[4]byte(crypto.Keccak256([]byte(sig))[:4])] = sig
		}
		return m
	}()
)

// callError turns the error of a call of contract into a *RevertError when
// the node says the call reverted and with what.
func (c *Chain) callError(contract common.Address, err error) error {
	if err == nil {
		return nil
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if data, herr := hex.DecodeString(strings.TrimPrefix(s, "0x")); herr == nil {
				return decodeRevert(contract, data)
			}
		}
	}
	if strings.Contains(err.Error(), "execution reverted") {
		return &RevertError{Contract: contract}
	}
	return fmt.Errorf("%s: call %s: %v", c, contract, shortNetErr(err))
}

func decodeRevert(contract common.Address, data []byte) *RevertError {
	e := &RevertError{Contract: contract, Data: data}
	if len(data) < 4 {
		return e
	}
	sel, body := data[:4], data[4:]
	switch {
	case string(sel) == string(errorStringSelector):
		if msg, ok := abiString(body); ok {
			e.Reason = msg
		}
	case string(sel) == string(notAVerifierCallSelector) && len(body) == 32:
		e.Reason = fmt.Sprintf("NotAVerifierCall(0x%x)", body[:4])
		e.explanation = fmt.Sprintf("the contract is zkml's generic Groth16 verifier, but has no function with selector 0x%x: it verifies a model with another number of public inputs", body[:4])
		e.Known = true
		return e
	case string(sel) == string(panicSelector) && len(body) == 32:
		e.Reason = fmt.Sprintf("panic 0x%x (a Solidity assertion or arithmetic error)", new(big.Int).SetBytes(body))
	default:
		if reason, why, ok := decodeZkmlError(contract, data); ok {
			e.Reason, e.explanation, e.Known = reason, why, true
			return e
		}
		e.Reason = customErrors[[4]byte(sel)]
	}
	_, e.Known = knownReverts[e.Reason]
	return e
}

// abiString decodes the ABI encoding of one string argument.
func abiString(b []byte) (string, bool) {
	if len(b) < 64 {
		return "", false
	}
	off := new(big.Int).SetBytes(b[:32])
	if !off.IsUint64() || off.Uint64() != 32 {
		return "", false
	}
	n := new(big.Int).SetBytes(b[32:64])
	if !n.IsUint64() || n.Uint64() > uint64(len(b)-64) {
		return "", false
	}
	return string(b[64 : 64+n.Uint64()]), true
}

func shortHex(b []byte) string {
	if len(b) > 68 {
		return hex.EncodeToString(b[:68]) + "…"
	}
	return hex.EncodeToString(b)
}
