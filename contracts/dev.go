package contracts

import (
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// devKeyHex are the first accounts of the public test mnemonic "test test
// test test test test test test test test test junk" that anvil and
// Hardhat fund too, so that wallets and scripts written for those work
// with zkml's chains unchanged. Everybody knows these keys: they are for
// local chains only.
var devKeyHex = []string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
	"7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
	"47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
}

// A DevAccount is an account funded on zkml's local chains ([NewSimulated],
// [StartDevnet]).
type DevAccount struct {
	Address    common.Address
	PrivateKey string // hex, without 0x: a well-known key, never for real funds
}

// DevAccounts lists the funded accounts of zkml's local chains; the first
// pays for what zkml does on the embedded chain.
func DevAccounts() []DevAccount {
	var out []DevAccount
	for i, k := range devKeys() {
		out = append(out, DevAccount{Address: crypto.PubkeyToAddress(k.PublicKey), PrivateKey: devKeyHex[i]})
	}
	return out
}

func devKeys() []*ecdsa.PrivateKey {
	keys := make([]*ecdsa.PrivateKey, len(devKeyHex))
	for i, h := range devKeyHex {
		k, err := crypto.HexToECDSA(h)
		if err != nil {
			panic(err) // constants
		}
		keys[i] = k
	}
	return keys
}

// devBalance is each dev account's balance: 10,000 ether, as anvil gives.
func devBalance() *big.Int {
	return new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18))
}

// ParsePrivateKey reads a hex secp256k1 private key (with or without 0x).
// Its errors never repeat the key.
func ParsePrivateKey(s string) (*ecdsa.PrivateKey, error) {
	k, err := crypto.HexToECDSA(trim0x(s))
	if err != nil {
		return nil, errBadKey
	}
	return k, nil
}

var errBadKey = errorString("the private key is not 64 hexadecimal digits of a valid secp256k1 key (the key itself is not shown)")

type errorString string

func (e errorString) Error() string { return string(e) }

func trim0x(s string) string {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:]
	}
	return s
}
