package contracts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/prover"
)

// ErrRejected is wrapped by the errors of [VerifyOnChain] when a verifier
// of the right kind ran and found the proof invalid, as opposed to there
// being no verifier at the address.
var ErrRejected = errors.New("the verifier rejected the proof")

// inconsistent is the error of a proof file that does not say what its
// public inputs prove: rejected without asking the chain.
type inconsistent struct{ error }

func (e inconsistent) Unwrap() error        { return e.error }
func (e inconsistent) Is(target error) bool { return target == ErrRejected }

// A Verification is a proof accepted on chain.
type Verification struct {
	Verifier common.Address
	// Gas is what a transaction calling the verifier uses, 21,000 base cost
	// and calldata included: measured by the transaction when TxHash is
	// set, else estimated by the node.
	Gas    uint64
	TxHash *common.Hash // set when the proof was verified by a transaction
}

// VerifyOnChain checks p, a proof of build b, with the verifier contract at
// addr: an eth_call, and when send is true then also a transaction (which
// needs the chain's paying account). It returns an error wrapping
// [ErrRejected] when the verifier says the proof is invalid, and another
// error when addr holds no verifier of b's kind. A proof file whose outputs
// are not its public inputs ([prover.CheckConsistent]) is rejected before
// any call, with an error that matches both [ErrRejected] and
// [prover.ErrInvalidProof]: the contract checks only the public inputs.
func VerifyOnChain(ctx context.Context, c *Chain, addr common.Address, b *prover.Build, p *prover.Proof, send bool) (*Verification, error) {
	if err := prover.CheckConsistent(b, p); err != nil {
		return nil, inconsistent{err}
	}
	data, err := Calldata(b, p)
	if err != nil {
		return nil, err
	}
	code, err := c.CodeAt(ctx, addr)
	if err != nil {
		return nil, err
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("no contract at %s on %s (chain %s), so it is not a zkml verifier (an account, or an address on another chain): check --address, and that the chain is the one the verifier was deployed on", addr, c, c.chainID)
	}
	if err := c.checkVerifies(ctx, addr, b.Backend(), data, p.PublicInputs); err != nil {
		return nil, err
	}
	v := &Verification{Verifier: addr}
	if !send {
		if v.Gas, err = c.EstimateGas(ctx, addr, data); err != nil {
			return nil, err
		}
		return v, nil
	}
	r, err := c.Transact(ctx, addr, data)
	if err != nil {
		return nil, err
	}
	v.Gas, v.TxHash = r.GasUsed, &r.TxHash
	return v, nil
}

// checkVerifies calls the verifier at addr with data and explains what went
// wrong, if anything.
func (c *Chain) checkVerifies(ctx context.Context, addr common.Address, backend prover.Backend, data []byte, public []*big.Int) error {
	notVerifier := func(why string) error {
		return fmt.Errorf("the contract at %s on %s is not a zkml %s verifier for this model (%s): check --address", addr, c, backend, why)
	}
	out, err := c.Call(ctx, addr, data)
	var rev *RevertError
	switch {
	case errors.As(err, &rev) && rev.Known && isShapeRevert(rev.Reason):
		return notVerifier("it " + rev.describe())
	case errors.As(err, &rev) && rev.Known:
		return fmt.Errorf("%w: %v", ErrRejected, rev)
	case errors.As(err, &rev):
		return notVerifier("it " + rev.describe())
	case err != nil:
		return err
	}
	if templateOf(backend).returnsBool {
		// false is a proof that does not verify.
		switch {
		case len(out) == 32 && new(big.Int).SetBytes(out).Cmp(big.NewInt(1)) == 0:
			return nil
		case len(out) == 32 && new(big.Int).SetBytes(out).Sign() == 0:
			return fmt.Errorf("%w: the verifier at %s returned false (the proof does not verify: tampered, or made for another model or keys)", ErrRejected, addr)
		}
		return notVerifier(fmt.Sprintf("Verify returned %d bytes, not a bool", len(out)))
	}
	// The Groth16 verifier returns nothing, as does any contract with an
	// empty fallback function: a verifier must also refuse a public input
	// outside the field, with its own error.
	if len(out) != 0 {
		return notVerifier(fmt.Sprintf("verifyProof returned %d bytes, a verifier returns none", len(out)))
	}
	probe := make([]*big.Int, len(public))
	copy(probe, public)
	probe[0] = ecc.BN254.ScalarField()
	bad := encodeCall(backend, proofBytes(data, len(public)), probe)
	_, err = c.Call(ctx, addr, bad)
	if errors.As(err, &rev) && rev.Reason == "PublicInputNotInField()" {
		return nil
	}
	return notVerifier("it accepts a public input outside the field")
}

// proofBytes extracts the proof argument from Groth16 calldata made by
// encodeCall.
func proofBytes(data []byte, n int) []byte {
	at := 4 + 32*(1+n)
	length := new(big.Int).SetBytes(data[at : at+32]).Int64()
	return bytes.Clone(data[at+32 : at+32+int(length)])
}
