package contracts

import (
	"bytes"
	"context"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/zkml/zkml/prover"
)

// TestForgeryChunkedKeyCollision is issue 14's first forgery: a generic
// verifier whose key spans two data contracts, rebuilt by an attacker with
// the honest first data contract and a second of his own, whose last point
// K_n makes L = K_0 + 1337·(K_1 + … + K_n) = 0, so that A = α, B = β, C = 0
// "proves" that every input is 1337. gnark and the honest verifier reject
// that proof; the attacker's verifier must not share the honest one's code
// hash, nor be registered under the honest build.
func TestForgeryChunkedKeyCollision(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	const n = 500
	honest := syntheticKey(n, false)
	k, err := newGenericKey(honest, n, "honest")
	if err != nil {
		t.Fatal(err)
	}
	if len(k.chunks) != 2 {
		t.Fatalf("%d data contracts, want 2", len(k.chunks))
	}
	var addrs []common.Address
	for _, code := range k.chunks {
		r, err := chain.Deploy(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		addrs = append(addrs, r.Contract)
	}
	hdep, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), k.args(addrs)...))
	if err != nil {
		t.Fatal(err)
	}

	// syntheticKey's K_i is (i+1)·G: K_n = -(1/1337 + 2 + … + n)·G.
	_, _, g1, _ := bn254.Generators()
	var s, c fr.Element
	c.SetUint64(1337)
	s.Inverse(&c)
	for i := 1; i < n; i++ {
		var e fr.Element
		e.SetUint64(uint64(i + 1))
		s.Add(&s, &e)
	}
	s.Neg(&s)
	forged := *honest
	forged.G1.K = slices.Clone(honest.G1.K)
	forged.G1.K[n].ScalarMultiplication(&g1, s.BigInt(new(big.Int)))
	fk, err := newGenericKey(&forged, n, "forged")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fk.chunks[0], k.chunks[0]) || bytes.Equal(fk.chunks[1], k.chunks[1]) {
		t.Fatal("the forged key should differ from the honest one in its second data contract only")
	}
	second, err := chain.Deploy(ctx, fk.chunks[1])
	if err != nil {
		t.Fatal(err)
	}
	fdep, err := chain.Deploy(ctx, append(GenericVerifierBytecode(), fk.args([]common.Address{addrs[0], second.Contract})...))
	if err != nil {
		t.Fatal(err)
	}

	in := make([]*big.Int, n)
	wit := make(fr.Vector, n)
	for i := range in {
		in[i] = big.NewInt(1337)
		wit[i].SetUint64(1337)
	}
	var proof []byte
	for _, w := range [][]byte{
		g1Bytes(honest.G1.Alpha),
		g2Bytes(honest.G2.Beta),
		make([]byte, 64), // C = 0
	} {
		proof = append(proof, w...)
	}
	// The forged verifier accepts the proof, gnark and the honest
	// verifier do not.
	if _, err := chain.Call(ctx, fdep.Contract, encodeCall(prover.Groth16, proof, in)); err != nil {
		t.Fatalf("the forged verifier rejects the forged proof: %v", err)
	}
	if err := honest.Precompute(); err != nil {
		t.Fatal(err)
	}
	gp := &groth16_bn254.Proof{Ar: honest.G1.Alpha, Bs: honest.G2.Beta}
	if err := groth16_bn254.Verify(gp, honest, wit); err == nil {
		t.Fatal("gnark accepts the forged proof")
	}
	expectCallRevert(t, ctx, chain, hdep.Contract, "honest verifier, forged proof", encodeCall(prover.Groth16, proof, in), "ProofInvalid()")

	hcode, _ := chain.CodeAt(ctx, hdep.Contract)
	fcode, _ := chain.CodeAt(ctx, fdep.Contract)
	if bytes.Equal(hcode, fcode) {
		t.Error("the forged verifier has the honest verifier's code (and code hash)")
	}

	// The verifiers' key hashes: Go's for the honest key, another for the
	// forged one.
	if got := readKeyHash(t, ctx, chain, hdep.Contract); got != k.hash() {
		t.Errorf("the honest verifier's keyHash() is %x, Go computes %x", got, k.hash())
	}
	if got := readKeyHash(t, ctx, chain, fdep.Contract); got != fk.hash() || got == k.hash() {
		t.Errorf("the forged verifier's keyHash() is %x, want %x", got, fk.hash())
	}

	// The attacker registers first, the honest build with his verifier.
	reg, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	plan := [32]byte(crypto.Keccak256([]byte("the honest plan")))
	layout := []byte{0, 0, 1, 0}
	key := k.hash()
	_, err = chain.Transact(ctx, reg.Contract, registryABI.PackRegister(plan, key, 0, layout, fdep.Contract, 0, n, 0))
	expectRevert(t, "the honest build with the forged verifier", err, false, "KeyMismatch(0x")
	// The honest registration, and the forged proof through it.
	bh := [32]byte(crypto.Keccak256(plan[:], key[:], []byte{byte(SetupDevelopment)}, layout))
	id := ModelID(bh, hcode, prover.Groth16, n, 0)
	if _, err := chain.Transact(ctx, reg.Contract, registryABI.PackRegister(plan, key, 0, layout, hdep.Contract, 0, n, 0)); err != nil {
		t.Fatalf("honest registration: %v", err)
	}
	if _, err := chain.Transact(ctx, reg.Contract, registryABI.PackVerify(id, proof, in)); err == nil {
		t.Error("the registry accepted the forged proof under the honest model id")
	} else {
		expectRevert(t, "forged proof through the registry", err, false, "ProofRejected(0x", "ProofInvalid()")
	}
}

// readKeyHash calls keyHash() on a verifier.
func readKeyHash(t *testing.T, ctx context.Context, chain *Chain, verifier common.Address) [32]byte {
	t.Helper()
	out, err := chain.Call(ctx, verifier, crypto.Keccak256([]byte("keyHash()"))[:4])
	if err != nil || len(out) != 32 {
		t.Fatalf("keyHash() of %s: %x, %v", verifier, out, err)
	}
	return [32]byte(out)
}

func g1Bytes(p bn254.G1Affine) []byte {
	x, y := p.X.Bytes(), p.Y.Bytes()
	return append(x[:], y[:]...)
}

func g2Bytes(p bn254.G2Affine) []byte {
	var out []byte
	for _, e := range [][32]byte{p.X.A1.Bytes(), p.X.A0.Bytes(), p.Y.A1.Bytes(), p.Y.A0.Bytes()} {
		out = append(out, e[:]...)
	}
	return out
}

// vanishingSource is issue 14's second forgery: a contract created,
// registered and self-destructed in one transaction (EIP-6780 allows it),
// which leaves a model whose verifier has no code.
const vanishingSource = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface Registry {
    function register(
        bytes32 planHash,
        bytes32 keyHash,
        uint8 setupKind,
        bytes calldata layout,
        address verifier,
        uint8 backend,
        uint32 publicInputs,
        uint32 inputs
    )
        external
        returns (bytes32);
}

contract Vanishing {
    bytes32 public immutable keyHash;

    constructor(bytes32 k) {
        keyHash = k;
    }

    function vanish() external {
        selfdestruct(payable(msg.sender));
    }
}

contract AcceptAll {
    bytes32 public immutable keyHash;

    constructor(bytes32 k) {
        keyHash = k;
    }

    fallback() external {}
}

contract Attacker {
    bytes32 public modelId;
    address public verifier;

    function attack(Registry registry, bytes32 planHash, bytes32 keyHash) external {
        Vanishing v = new Vanishing(keyHash);
        modelId = registry.register(planHash, keyHash, 0, "", address(v), 0, 2, 0);
        verifier = address(v);
        v.vanish();
    }
}
`

// TestForgerySelfDestructedVerifier: after a verifier vanishes, the
// registry must refuse every proof of its model instead of accepting any
// bytes, and outputs outside the field.
func TestForgerySelfDestructedVerifier(t *testing.T) {
	ctx := testContext(t)
	solc := needSolc(t)
	art, err := solc.Compile(ctx, map[string]string{"Vanishing.sol": vanishingSource}, "Vanishing.sol", "Attacker")
	if err != nil {
		t.Fatal(err)
	}
	a, err := abi.JSON(bytes.NewReader(art.ABI))
	if err != nil {
		t.Fatal(err)
	}
	chain := NewSimulated()
	defer chain.Close()
	reg, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	dep, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	data, err := a.Pack("attack", reg.Contract, [32]byte{1}, [32]byte{2})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		out, err := chain.Call(ctx, dep.Contract, a.Methods[name].ID)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if _, err := chain.Transact(ctx, dep.Contract, data); err != nil {
		t.Fatal(err)
	}
	id := [32]byte(read("modelId"))
	verifier := common.BytesToAddress(read("verifier"))
	if code, _ := chain.CodeAt(ctx, verifier); len(code) != 0 {
		t.Fatalf("the verifier at %s did not self-destruct", verifier)
	}
	outs := []*big.Int{new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(42)}
	_, err = chain.Transact(ctx, reg.Contract, registryABI.PackVerify(id, []byte("any bytes"), outs))
	if err == nil {
		last, _ := ResultOf(ctx, chain, reg.Contract, id, [32]byte{})
		t.Fatalf("the registry accepted any bytes as a proof of a model whose verifier has no code; stored %v", last.Outputs)
	}
	if !strings.Contains(err.Error(), "VerifierCodeChanged(") {
		t.Errorf("verify with a vanished verifier: %v", err)
	}

	// A verifier that accepts anything: the registry still stores field
	// elements only.
	all, err := solc.Compile(ctx, map[string]string{"Vanishing.sol": vanishingSource}, "Vanishing.sol", "AcceptAll")
	if err != nil {
		t.Fatal(err)
	}
	key := [32]byte{2}
	acc, err := chain.Deploy(ctx, append(all.Bytecode, key[:]...))
	if err != nil {
		t.Fatal(err)
	}
	m, err := chain.Call(ctx, reg.Contract, registryABI.PackRegister([32]byte{1}, key, 0, nil, acc.Contract, 0, 2, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chain.Transact(ctx, reg.Contract, registryABI.PackRegister([32]byte{1}, key, 0, nil, acc.Contract, 0, 2, 0)); err != nil {
		t.Fatal(err)
	}
	_, err = chain.Transact(ctx, reg.Contract, registryABI.PackVerify([32]byte(m), []byte("any bytes"), outs))
	expectRevert(t, "an output of 2^255", err, false, "OutputNotInField(0x", "not below the BN254 scalar field order")
}

// TestVerifierKeyHash: every kind of verifier exposes the [KeyHash] of its
// build, and registering a build with a verifier of another key reverts
// (RegisterModel then fails with the registry's reason).
func TestVerifierKeyHash(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	reg, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	_, solcErr := FindSolc()
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			b, proofs := tinyBuild(t, v, 5)
			other, _ := tinyBuild(t, v, 7)
			want, err := KeyHash(b)
			if err != nil {
				t.Fatal(err)
			}
			if o, _ := KeyHash(other); o == want {
				t.Fatal("two keys have the same key hash")
			}
			deploy := DeployGenericVerifier
			if v.backend == prover.PLONK {
				deploy = DeployGenericPlonkVerifier
			}
			verifiers := map[string]common.Address{}
			for name, build := range map[string]*prover.Build{"": b, "other ": other} {
				dep, err := deploy(ctx, chain, build)
				if err != nil {
					t.Fatal(err)
				}
				verifiers[name+"generic"] = dep.Contract
				if solcErr == nil {
					_, art := compileVerifier(t, build)
					dep, err := chain.Deploy(ctx, art.Bytecode)
					if err != nil {
						t.Fatal(err)
					}
					verifiers[name+"specialized"] = dep.Contract
				}
			}
			for name, addr := range verifiers {
				kh := readKeyHash(t, ctx, chain, addr)
				if (kh == want) == strings.HasPrefix(name, "other") {
					t.Errorf("%s verifier: keyHash() %x, the build's %x", name, kh, want)
				}
				if !strings.HasPrefix(name, "other") {
					m, err := RegisterModel(ctx, chain, reg.Contract, b, addr)
					if err != nil {
						t.Fatalf("%s verifier: %v", name, err)
					}
					if _, err := VerifyThroughRegistry(ctx, chain, reg.Contract, m.ModelID, proofs[0], false); err != nil {
						t.Errorf("%s verifier through the registry: %v", name, err)
					}
					continue
				}
				_, err := RegisterModel(ctx, chain, reg.Contract, b, addr)
				expectRevert(t, name+" verifier registered for b", err, false, "KeyMismatch(0x", "implements the key")
			}
		})
	}
}

// TestRegisterModelSameCodeElsewhere: RegisterModel does not switch to a
// verifier of the same code registered at another address: it fails,
// naming it.
func TestRegisterModelSameCodeElsewhere(t *testing.T) {
	ctx := testContext(t)
	needSolc(t)
	chain := NewSimulated()
	defer chain.Close()
	reg, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := tinyBuild(t, variants[1], 5)
	_, art := compileVerifier(t, b)
	first, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	second, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RegisterModel(ctx, chain, reg.Contract, b, first.Contract); err != nil {
		t.Fatal(err)
	}
	_, err = RegisterModel(ctx, chain, reg.Contract, b, second.Contract)
	if err == nil || !strings.Contains(err.Error(), first.Contract.Hex()) {
		t.Errorf("registering a second deployment of the same verifier: got %v, want an error naming %s", err, first.Contract)
	}
}

// TestRegistryRefusesDelegatedAccount: an EOA delegated with EIP-7702 to a
// contract that answers keyHash() and accepts anything cannot be
// registered: its owner could change its code at will.
func TestRegistryRefusesDelegatedAccount(t *testing.T) {
	ctx := testContext(t)
	solc := needSolc(t)
	all, err := solc.Compile(ctx, map[string]string{"Vanishing.sol": vanishingSource}, "Vanishing.sol", "AcceptAll")
	if err != nil {
		t.Fatal(err)
	}
	chain := NewSimulated()
	defer chain.Close()
	reg, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	key := [32]byte{2}
	acc, err := chain.Deploy(ctx, append(all.Bytecode, key[:]...))
	if err != nil {
		t.Fatal(err)
	}
	owner := devKeys()[1]
	eoa := crypto.PubkeyToAddress(owner.PublicKey)
	id := uint256.MustFromBig(chain.chainID)
	auth, err := types.SignSetCode(owner, types.SetCodeAuthorization{ChainID: *id, Address: acc.Contract, Nonce: 0})
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := chain.client.PendingNonceAt(ctx, chain.From())
	if err != nil {
		t.Fatal(err)
	}
	tx := types.MustSignNewTx(chain.key, types.LatestSignerForChainID(chain.chainID), &types.SetCodeTx{
		ChainID: id, Nonce: nonce, GasTipCap: uint256.NewInt(1e9), GasFeeCap: uint256.NewInt(1e11), Gas: 100_000,
		To: eoa, AuthList: []types.SetCodeAuthorization{auth},
	})
	if err := chain.client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	chain.sim.Commit()
	if code, _ := chain.CodeAt(ctx, eoa); !bytes.HasPrefix(code, []byte{0xef, 0x01, 0x00}) {
		t.Fatalf("the delegation did not happen: code %x", code)
	}
	if got := readKeyHash(t, ctx, chain, eoa); got != key {
		t.Fatalf("the delegated account's keyHash() is %x", got)
	}
	_, err = chain.Transact(ctx, reg.Contract, registryABI.PackRegister([32]byte{1}, key, 0, nil, eoa, 0, 2, 0))
	expectRevert(t, "register a delegated account", err, false, "DelegatedAccount(0x", "EIP-7702")
}
