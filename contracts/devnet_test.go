package contracts

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// rpcCall makes one JSON-RPC request with net/http, as a client that knows
// nothing of go-ethereum would.
func rpcCall(t *testing.T, url, method string, params ...any) json.RawMessage {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	var out struct {
		Result json.RawMessage
		Error  *struct {
			Code    int
			Message string
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	if out.Error != nil {
		t.Fatalf("%s: error %d: %s", method, out.Error.Code, out.Error.Message)
	}
	return out.Result
}

// TestDevnetJSONRPC starts a devnet on a free loopback port and uses it
// through plain JSON-RPC: chain id, a raw deployment transaction, its
// receipt, and a call of the deployed contract.
func TestDevnetJSONRPC(t *testing.T) {
	d, err := StartDevnet(0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if !strings.HasPrefix(d.URL, "http://127.0.0.1:") {
		t.Fatalf("URL %s is not on the loopback interface", d.URL)
	}

	var id string
	json.Unmarshal(rpcCall(t, d.URL, "eth_chainId"), &id)
	if id != fmt.Sprintf("0x%x", SimulatedChainID) {
		t.Fatalf("eth_chainId = %s, want 0x539", id)
	}

	// A contract whose every call returns 42: init code copying the
	// 10-byte runtime PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN.
	code, _ := hex.DecodeString("600a600c600039600a6000f3" + "602a60005260206000f3")
	key := devKeys()[2]
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(SimulatedChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(SimulatedChainID), Nonce: 0, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(10e9), Gas: 100_000, Data: code,
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := tx.MarshalBinary()
	var hash string
	json.Unmarshal(rpcCall(t, d.URL, "eth_sendRawTransaction", "0x"+hex.EncodeToString(raw)), &hash)
	if hash != tx.Hash().Hex() {
		t.Fatalf("eth_sendRawTransaction = %s, want %s", hash, tx.Hash().Hex())
	}

	var receipt struct {
		Status          string
		ContractAddress common.Address
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		res := rpcCall(t, d.URL, "eth_getTransactionReceipt", hash)
		if string(res) != "null" {
			json.Unmarshal(res, &receipt)
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the devnet did not mine the transaction within 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if want := crypto.CreateAddress(crypto.PubkeyToAddress(key.PublicKey), 0); receipt.Status != "0x1" || receipt.ContractAddress != want {
		t.Fatalf("receipt: status %s, contract %s; want 0x1, %s", receipt.Status, receipt.ContractAddress, want)
	}

	var ret string
	json.Unmarshal(rpcCall(t, d.URL, "eth_call", map[string]string{"to": receipt.ContractAddress.Hex(), "data": "0x"}, "latest"), &ret)
	if want := "0x" + strings.Repeat("0", 62) + "2a"; ret != want {
		t.Fatalf("eth_call = %s, want %s", ret, want)
	}
}

// TestDevnetPortInUse checks the error for a busy port.
func TestDevnetPortInUse(t *testing.T) {
	d, err := StartDevnet(0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	port := d.URL[strings.LastIndex(d.URL, ":")+1:]
	var n int
	fmt.Sscan(port, &n)
	if _, err := StartDevnet(n); err == nil || !strings.Contains(err.Error(), "choose another --port") {
		t.Fatalf("second devnet on port %d: got %v", n, err)
	}
	if _, err := StartDevnet(70000); err == nil {
		t.Fatal("port 70000 accepted")
	}
}
