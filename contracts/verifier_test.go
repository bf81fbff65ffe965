package contracts

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/contracts/bindings"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/prover"
)

// TestCalldataEncoding checks the hand-written ABI encoding against
// go-ethereum's encoder, for both verifier signatures.
func TestCalldataEncoding(t *testing.T) {
	const abiJSON = `[
	 {"type":"function","name":"verifyProof","stateMutability":"view","inputs":[{"name":"proof","type":"bytes"},{"name":"input","type":"uint256[3]"}],"outputs":[]},
	 {"type":"function","name":"Verify","stateMutability":"view","inputs":[{"name":"proof","type":"bytes"},{"name":"public_inputs","type":"uint256[]"}],"outputs":[{"type":"bool"}]}]`
	a, err := abi.JSON(strings.NewReader(abiJSON))
	if err != nil {
		t.Fatal(err)
	}
	public := []*big.Int{big.NewInt(7), big.NewInt(0), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 253), big.NewInt(1))}
	for _, proofLen := range []int{0, 1, 31, 32, 33, 256, 384, 800} {
		proof := bytes.Repeat([]byte{0xab}, proofLen)
		arr := reflect.New(reflect.ArrayOf(3, reflect.TypeOf(&big.Int{}))).Elem()
		for i, v := range public {
			arr.Index(i).Set(reflect.ValueOf(v))
		}
		want, err := a.Pack("verifyProof", proof, arr.Interface())
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeCall(prover.Groth16, proof, public); !bytes.Equal(got, want) {
			t.Errorf("groth16, %d-byte proof:\ngot  %x\nwant %x", proofLen, got, want)
		}
		want, err = a.Pack("Verify", proof, public)
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeCall(prover.PLONK, proof, public); !bytes.Equal(got, want) {
			t.Errorf("plonk, %d-byte proof:\ngot  %x\nwant %x", proofLen, got, want)
		}
	}
}

// TestVerifierOnChain deploys each kind of verifier on the simulated chain,
// verifies real proofs with calls and transactions, and checks that every
// kind of tampering is rejected with the verifier's own reason.
func TestVerifierOnChain(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			ctx := testContext(t)
			b, proofs := tinyBuild(t, v, 5)
			_, art := compileVerifier(t, b)
			if len(art.Runtime) > MaxCodeSize {
				t.Fatalf("verifier is %d bytes of code, over the limit", len(art.Runtime))
			}
			chain := NewSimulated()
			defer chain.Close()
			dep, err := chain.Deploy(ctx, art.Bytecode)
			if err != nil {
				t.Fatal(err)
			}
			code, err := chain.CodeAt(ctx, dep.Contract)
			if err != nil || !bytes.Equal(code, art.Runtime) {
				t.Fatalf("deployed code differs from the compiled runtime code (err %v)", err)
			}
			for i, p := range proofs {
				res, err := VerifyOnChain(ctx, chain, dep.Contract, b, p, false)
				if err != nil {
					t.Fatalf("proof %d, eth_call: %v", i, err)
				}
				if res.TxHash != nil || res.Gas == 0 {
					t.Errorf("proof %d, eth_call: got %+v", i, res)
				}
				res, err = VerifyOnChain(ctx, chain, dep.Contract, b, p, true)
				if err != nil {
					t.Fatalf("proof %d, transaction: %v", i, err)
				}
				if res.TxHash == nil {
					t.Errorf("proof %d: no transaction hash", i)
				}
				t.Logf("%s: code %d bytes, deploy %d gas, verification %d gas (transaction, %d public inputs)",
					v.name, len(art.Runtime), dep.GasUsed, res.Gas, len(p.PublicInputs))
			}

			// A changed output: the proof no longer matches its public inputs.
			edited := *proofs[0]
			edited.PublicInputs = append([]*big.Int(nil), edited.PublicInputs...)
			edited.PublicInputs[len(edited.PublicInputs)-1] = new(big.Int).Add(edited.PublicInputs[len(edited.PublicInputs)-1], big.NewInt(1))
			expectRejected(t, "tampered output", ctx, chain, dep.Contract, b, &edited)

			// A valid proof of other outputs, presented with these outputs.
			swapped := *proofs[0]
			swapped.Bytes = proofs[1].Bytes
			expectRejected(t, "proof of other outputs", ctx, chain, dep.Contract, b, &swapped)

			// Flipped bits in the proof's curve points, sent as a call and as
			// a transaction.
			data, err := Calldata(b, proofs[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, at := range []int{proofOffset(v.backend, len(proofs[0].PublicInputs)) + 31, len(data) - 32*len(proofs[0].PublicInputs) - 40} {
				bad := bytes.Clone(data)
				bad[at] ^= 1
				_, err := chain.Call(ctx, dep.Contract, bad)
				var rev *RevertError
				if v.backend == prover.PLONK && err == nil {
					continue // the PLONK verifier may return false instead
				}
				if !errors.As(err, &rev) || !rev.Known {
					t.Errorf("proof with byte %d flipped, eth_call: got %v, want a known revert", at, err)
				}
				if _, err := chain.Transact(ctx, dep.Contract, bad); !errors.As(err, &rev) {
					t.Errorf("proof with byte %d flipped, transaction: got %v, want a revert", at, err)
				}
			}
		})
	}
}

// proofOffset is where the proof bytes start in calldata from encodeCall.
func proofOffset(backend prover.Backend, n int) int {
	if backend == prover.PLONK {
		return 4 + 3*32
	}
	return 4 + 32*(2+n)
}

// expectRejected checks that VerifyOnChain rejects p. A proof file whose
// outputs are not its public inputs is rejected before any call, so the
// verifier contract is then asked directly.
func expectRejected(t *testing.T, what string, ctx context.Context, chain *Chain, addr common.Address, b *prover.Build, p *prover.Proof) {
	t.Helper()
	for _, send := range []bool{false, true} {
		_, err := VerifyOnChain(ctx, chain, addr, b, p, send)
		if !errors.Is(err, ErrRejected) {
			t.Errorf("%s (send=%v): got %v, want a rejection", what, send, err)
			continue
		}
		if errors.Is(err, prover.ErrInvalidProof) {
			if prover.CheckConsistent(b, p) == nil {
				t.Errorf("%s: %v blames a consistent proof file", what, err)
			}
			data, cerr := Calldata(b, p)
			if cerr != nil {
				t.Fatal(cerr)
			}
			if err = chain.checkVerifies(ctx, addr, b.Backend(), data, p.PublicInputs); !errors.Is(err, ErrRejected) {
				t.Errorf("%s, the contract itself: got %v, want a rejection", what, err)
				continue
			}
		}
		if msg := err.Error(); !strings.Contains(msg, addr.Hex()) || !strings.Contains(msg, "does not verify") {
			t.Errorf("%s: unclear message %q", what, msg)
		}
	}
}

// TestProofForAnotherModel checks that a verifier rejects a proof of
// another model with the same number of outputs.
func TestProofForAnotherModel(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			ctx := testContext(t)
			b, proofs := tinyBuild(t, v, 5)
			other, _ := tinyBuild(t, v, 7)
			_, art := compileVerifier(t, other)
			chain := NewSimulated()
			defer chain.Close()
			dep, err := chain.Deploy(ctx, art.Bytecode)
			if err != nil {
				t.Fatal(err)
			}
			expectRejected(t, "proof of another model", ctx, chain, dep.Contract, b, proofs[0])
		})
	}
}

// TestNotAVerifier checks the errors for an address that holds no verifier
// of the build.
func TestNotAVerifier(t *testing.T) {
	ctx := testContext(t)
	solc := needSolc(t)
	b, proofs := tinyBuild(t, variants[0], 5)
	pb, _ := tinyBuild(t, variants[2], 5)
	_, plonkArt := compileVerifier(t, pb)
	chain := NewSimulated()
	defer chain.Close()

	deploy := func(code []byte) common.Address {
		t.Helper()
		r, err := chain.Deploy(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		return r.Contract
	}
	const src = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Silent { fallback() external {} }
contract Reverter { }
contract Answers { fallback(bytes calldata) external returns (bytes memory) { return abi.encode(uint256(1)); } }`
	addrs := map[string]common.Address{}
	for _, name := range []string{"Silent", "Reverter", "Answers"} {
		a, err := solc.Compile(ctx, map[string]string{"t.sol": src}, "t.sol", name)
		if err != nil {
			t.Fatal(err)
		}
		addrs[name] = deploy(a.Bytecode)
	}
	addrs["PlonkVerifier"] = deploy(plonkArt.Bytecode)
	// Generic verifiers of other builds: another number of public inputs
	// (another selector), and the same model without a commitment (another
	// proof length).
	bits, _ := tinyBuild(t, variants[1], 5)
	for name, gb := range map[string]*prover.Build{"GenericOther": otherShapeBuild(t), "GenericBits": bits} {
		r, err := DeployGenericVerifier(ctx, chain, gb)
		if err != nil {
			t.Fatal(err)
		}
		addrs[name] = r.Contract
	}
	// The registry, and an oracle of a model registered in it.
	addrs["ZkmlRegistry"] = deploy(RegistryBytecode())
	m, err := RegisterModel(ctx, chain, addrs["ZkmlRegistry"], bits, addrs["GenericBits"])
	if err != nil {
		t.Fatal(err)
	}
	oracle := bindings.NewZkmlThresholdOracle()
	addrs["ZkmlThresholdOracle"] = deploy(append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin),
		oracle.PackConstructor(addrs["ZkmlRegistry"], m.ModelID, big.NewInt(0), big.NewInt(0), 0, 0, true)...))

	for _, tc := range []struct {
		addr common.Address
		want string
	}{
		{DevAccounts()[1].Address, "no contract at " + DevAccounts()[1].Address.Hex()},
		{common.HexToAddress("0x00000000000000000000000000000000000000aa"), "no contract at"},
		{addrs["Silent"], "accepts a public input outside the field"},
		{addrs["Reverter"], "reverted without a reason"},
		{addrs["Answers"], "returned 32 bytes"},
		{addrs["PlonkVerifier"], "not a zkml groth16 verifier"},
		{addrs["ZkmlRegistry"], "reverted without a reason"},
		{addrs["ZkmlThresholdOracle"], "reverted without a reason"},
		{addrs["GenericOther"], "verifies a model with another number of public inputs"},
		{addrs["GenericBits"], "invalid proof length"},
	} {
		_, err := VerifyOnChain(ctx, chain, tc.addr, b, proofs[0], false)
		if err == nil || errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "not a zkml") {
			t.Errorf("%s: got %v, want a not-a-verifier error containing %q", tc.addr, err, tc.want)
		} else if t.Logf("%v", err); strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %q is not one line", tc.addr, err)
		}
	}
}

// otherShapeBuild is a Groth16 build (with a commitment) of a model with
// another number of public inputs than the tiny model.
func otherShapeBuild(t *testing.T) *prover.Build {
	t.Helper()
	// Unpacked, its two outputs are two public inputs; the tiny builds
	// pack theirs into one.
	v := variants[0]
	v.unpacked = true
	return buildPlan(t, testmodels.TinyPlan(5), v, prover.Meta{ModelFile: "tiny1.onnx"})
}

// TestSharedModels verifies proofs of real models on chain through their
// specialized verifiers, and logs the gas (go test -run TestSharedModels -v).
func TestSharedModels(t *testing.T) {
	if testing.Short() {
		t.Skip("proves real models; skipped with -short")
	}
	for _, tc := range []struct {
		model string
		v     variant
	}{
		{"1l_mlp", variants[0]},
		{"1l_mlp", variants[1]},
		{"1l_mlp", variants[2]},
		{"4l_relu_conv_fc", variants[0]},
		{"4l_relu_conv_fc", variants[1]},
	} {
		t.Run(tc.model+"/"+tc.v.name, func(t *testing.T) {
			ctx := testContext(t)
			needSolc(t)
			b, ref := buildModel(t, tc.model, tc.v)
			_, art := compileVerifier(t, b)
			chain := NewSimulated()
			defer chain.Close()
			dep, err := chain.Deploy(ctx, art.Bytecode)
			if err != nil {
				t.Fatal(err)
			}
			p, err := b.Prove(context.Background(), ref.Cases[0].Inputs)
			if err != nil {
				t.Fatal(err)
			}
			res, err := VerifyOnChain(ctx, chain, dep.Contract, b, p, true)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %s: %d public inputs, code %d bytes, deploy %d gas, verification %d gas",
				tc.model, tc.v.name, len(p.PublicInputs), len(art.Runtime), dep.GasUsed, res.Gas)
			edited := *p
			edited.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
			edited.PublicInputs[0] = new(big.Int).Add(edited.PublicInputs[0], big.NewInt(1))
			expectRejected(t, "tampered output", ctx, chain, dep.Contract, b, &edited)
		})
	}
}
