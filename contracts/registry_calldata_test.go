package contracts

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// The registry's calldata, as any client decodes it: the selector of
// RegistryVerifyFunction, then the model id, the proof's Solidity bytes, its
// public inputs.
func TestRegistryCalldata(t *testing.T) {
	for _, v := range []variant{variants[0], variants[2]} {
		t.Run(v.name, func(t *testing.T) {
			_, proofs := tinyBuild(t, v, 0)
			p := proofs[0]
			id := [32]byte{0: 0x50, 31: 0xfb}
			data, err := RegistryCalldata(id, p)
			if err != nil {
				t.Fatal(err)
			}
			sig := RegistryVerifyFunction()
			if sig != "verify(bytes32,bytes,uint256[])" {
				t.Errorf("RegistryVerifyFunction() = %q", sig)
			}
			if sel := crypto.Keccak256([]byte(sig))[:4]; !bytes.Equal(data[:4], sel) {
				t.Fatalf("selector %x, want %x (keccak256 of %s)", data[:4], sel, sig)
			}
			args, err := registryABI.GetABI().Methods["verify"].Inputs.Unpack(data[4:])
			if err != nil {
				t.Fatal(err)
			}
			raw, err := p.SolidityCalldata()
			if err != nil {
				t.Fatal(err)
			}
			if args[0].([32]byte) != id || !bytes.Equal(args[1].([]byte), raw) {
				t.Errorf("decoded (%x, %d proof bytes, _), want (%x, %d, _)", args[0], len(args[1].([]byte)), id, len(raw))
			}
			got := args[2].([]*big.Int)
			if len(got) != len(p.PublicInputs) {
				t.Fatalf("%d public inputs, want %d", len(got), len(p.PublicInputs))
			}
			for i := range got {
				if got[i].Cmp(p.PublicInputs[i]) != 0 {
					t.Errorf("public input %d = %s, want %s", i, got[i], p.PublicInputs[i])
				}
			}
		})
	}
}
