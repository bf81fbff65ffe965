package contracts

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
)

// client is what a Chain needs of an Ethereum node: the methods that both
// ethclient.Client (a JSON-RPC endpoint) and the simulated backend's client
// have.
type client interface {
	ethereum.ChainIDReader
	ethereum.ChainStateReader
	ethereum.ContractCaller
	ethereum.GasEstimator
	ethereum.GasPricer1559
	ethereum.PendingStateReader
	ethereum.TransactionReader
	ethereum.TransactionSender
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// A Chain is a connection to an EVM chain, and optionally the account that
// pays for transactions. [Dial] connects to a node over JSON-RPC;
// [NewSimulated] starts an in-process chain. A Chain is not safe for
// concurrent transactions (nonces are taken from the node one at a time).
type Chain struct {
	client  client
	name    string // the RPC endpoint without credentials, or "the embedded chain"
	chainID *big.Int
	key     *ecdsa.PrivateKey // nil: calls only
	sim     *simulated.Backend
	close   func()
}

// SimulatedChainID is the chain id of [NewSimulated] chains (go-ethereum's
// simulated backend always uses 1337).
const SimulatedChainID = 1337

// Dial connects to the JSON-RPC endpoint rawURL. key pays for transactions;
// nil is enough for calls. A non-zero wantChainID is checked against the
// node's, so that a transaction meant for a test network never goes
// elsewhere.
func Dial(ctx context.Context, rawURL string, key *ecdsa.PrivateKey, wantChainID uint64) (*Chain, error) {
	name := redactURL(rawURL)
	c, err := ethclient.DialContext(ctx, rawURL)
	if err != nil {
		return nil, fmt.Errorf("RPC %s: %v", name, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	id, err := c.ChainID(ctx)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("RPC %s is unreachable (%v): check --rpc or $ZKML_RPC_URL, or start a local chain with `zkml devnet`", name, shortNetErr(err))
	}
	if wantChainID != 0 && (!id.IsUint64() || id.Uint64() != wantChainID) {
		c.Close()
		return nil, fmt.Errorf("RPC %s is chain %s, not chain %d (--chain-id): check --rpc", name, id, wantChainID)
	}
	return &Chain{client: c, name: "RPC " + name, chainID: id, key: key, close: c.Close}, nil
}

// NewSimulated starts an in-process chain (go-ethereum's simulated backend,
// chain id 1337) in which the [DevAccounts] hold 10,000 ether each, and
// returns it with the first of them as the paying account. The chain lives
// as long as the Chain: Close it.
func NewSimulated() *Chain {
	sim := simulated.NewBackend(devAlloc(), withMainnetRules)
	return &Chain{
		client:  sim.Client(),
		name:    "the embedded chain",
		chainID: big.NewInt(SimulatedChainID),
		key:     devKeys()[0],
		sim:     sim,
		close:   func() { sim.Close() },
	}
}

// Close releases the connection (and stops a simulated chain).
func (c *Chain) Close() {
	if c.close != nil {
		c.close()
		c.close = nil
	}
}

// ChainID is the chain's id.
func (c *Chain) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// String names the chain in messages: its RPC endpoint (without any
// credentials in the URL) or "the embedded chain".
func (c *Chain) String() string { return c.name }

// Embedded reports whether c is an in-process chain of [NewSimulated],
// which ends with c.
func (c *Chain) Embedded() bool { return c.sim != nil }

// From is the paying account's address (the zero address when none).
func (c *Chain) From() common.Address {
	if c.key == nil {
		return common.Address{}
	}
	return crypto.PubkeyToAddress(c.key.PublicKey)
}

// maxTxGas is the most gas a transaction may use since Osaka (EIP-7825).
const maxTxGas = 1 << 24

// A Receipt is what a mined transaction did.
type Receipt struct {
	TxHash   common.Hash
	Contract common.Address // the contract a deployment created
	GasUsed  uint64         // all the gas the transaction used, 21,000 base cost included
	Block    uint64
}

// Deploy creates a contract from creation code (constructor arguments
// appended) and waits until it is mined.
func (c *Chain) Deploy(ctx context.Context, code []byte) (*Receipt, error) {
	r, err := c.transact(ctx, nil, code)
	if err != nil {
		return nil, fmt.Errorf("deploy on %s: %w", c, err)
	}
	return r, nil
}

// Transact sends a transaction calling to with data and waits until it is
// mined. A transaction that reverts is an error (a *[RevertError] when the
// node says why, found by replaying it as a call).
func (c *Chain) Transact(ctx context.Context, to common.Address, data []byte) (*Receipt, error) {
	return c.transact(ctx, &to, data)
}

// Call runs a read-only call of to with data on the latest block
// (eth_call). A revert is a *[RevertError].
func (c *Chain) Call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	out, err := c.client.CallContract(ctx, ethereum.CallMsg{From: c.From(), To: &to, Data: data}, nil)
	if err != nil {
		return nil, c.callError(to, err)
	}
	return out, nil
}

// EstimateGas is the gas a transaction calling to with data would use,
// 21,000 base cost included.
func (c *Chain) EstimateGas(ctx context.Context, to common.Address, data []byte) (uint64, error) {
	gas, err := c.client.EstimateGas(ctx, ethereum.CallMsg{From: c.From(), To: &to, Data: data})
	if err != nil {
		return 0, c.callError(to, err)
	}
	return gas, nil
}

// CodeAt returns the code of the contract at addr (empty for an account
// without code).
func (c *Chain) CodeAt(ctx context.Context, addr common.Address) ([]byte, error) {
	code, err := c.client.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: read the code at %s: %v", c, addr, shortNetErr(err))
	}
	return code, nil
}

func (c *Chain) transact(ctx context.Context, to *common.Address, data []byte) (*Receipt, error) {
	if c.key == nil {
		return nil, errors.New("no account to pay for the transaction: pass --private-key or set $ZKML_PRIVATE_KEY")
	}
	from := c.From()
	msg := ethereum.CallMsg{From: from, To: to, Data: data}
	gas, err := c.client.EstimateGas(ctx, msg)
	if err != nil {
		if to != nil {
			return nil, c.callError(*to, err)
		}
		return nil, fmt.Errorf("the deployment would fail: %v", err)
	}
	// Estimates assume the state does not change before the transaction
	// runs; a margin keeps it from running out of gas when it does, but
	// not past the cap of a transaction since Osaka (EIP-7825), which
	// the node would refuse: large verifiers get close to it.
	if gas <= maxTxGas {
		gas = min(gas+gas/5, maxTxGas)
	} else {
		gas += gas / 5
	}
	head, err := c.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read the latest block: %v", shortNetErr(err))
	}
	tip, err := c.client.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, fmt.Errorf("suggest a gas tip: %v", shortNetErr(err))
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	balance, err := c.client.BalanceAt(ctx, from, nil)
	if err != nil {
		return nil, fmt.Errorf("read the balance of %s: %v", from, shortNetErr(err))
	}
	if cost := new(big.Int).Mul(feeCap, new(big.Int).SetUint64(gas)); balance.Cmp(cost) < 0 {
		return nil, fmt.Errorf("account %s has %s wei on chain %s but the transaction may cost up to %s wei (%d gas): fund the account or use another --private-key",
			from, balance, c.chainID, cost, gas)
	}
	nonce, err := c.client.PendingNonceAt(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("read the nonce of %s: %v", from, shortNetErr(err))
	}
	tx, err := types.SignNewTx(c.key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID:   c.chainID,
		Nonce:     nonce,
		GasTipCap: tip,
		GasFeeCap: feeCap,
		Gas:       gas,
		To:        to,
		Data:      data,
	})
	if err != nil {
		return nil, fmt.Errorf("sign the transaction: %v", err)
	}
	if err := c.client.SendTransaction(ctx, tx); err != nil {
		return nil, fmt.Errorf("send the transaction: %v", shortNetErr(err))
	}
	if c.sim != nil {
		c.sim.Commit()
	}
	receipt, err := c.waitMined(ctx, tx.Hash())
	if err != nil {
		return nil, err
	}
	r := &Receipt{TxHash: tx.Hash(), Contract: receipt.ContractAddress, GasUsed: receipt.GasUsed, Block: receipt.BlockNumber.Uint64()}
	if receipt.Status != types.ReceiptStatusSuccessful {
		err := fmt.Errorf("transaction %s reverted (gas used %d)", tx.Hash(), receipt.GasUsed)
		if to != nil {
			// Replaying the call at the same block tells why.
			_, callErr := c.client.CallContract(ctx, msg, receipt.BlockNumber)
			var rev *RevertError
			if errors.As(c.callError(*to, callErr), &rev) {
				err = fmt.Errorf("transaction %s: %w", tx.Hash(), rev)
			}
		}
		return r, err
	}
	return r, nil
}

// waitMined polls for the receipt of hash: nodes with instant mining (the
// embedded chain, anvil, zkml devnet) answer at once, others within a block
// time.
func (c *Chain) waitMined(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	delay := 50 * time.Millisecond
	for {
		r, err := c.client.TransactionReceipt(ctx, hash)
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("read the receipt of %s: %v", hash, shortNetErr(err))
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("transaction %s not mined: %v", hash, ctx.Err())
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
	}
}

// redactURL drops what may be a secret from an RPC URL (user, password,
// path and query, where providers put API keys), keeping what identifies the
// node to its user.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "endpoint"
	}
	s := u.Scheme + "://" + u.Host
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
		s += "/…"
	}
	return s
}

// shortNetErr keeps the last, most specific part of a network error
// ("connection refused" rather than the whole dial chain).
func shortNetErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.Contains(s, "dial tcp") {
		return s[i+2:]
	}
	return s
}
