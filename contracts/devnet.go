package contracts

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"
)

// A Devnet is a local development chain served over JSON-RPC on a loopback
// address: the chain of [NewSimulated] (go-ethereum, chain id 1337, the
// [DevAccounts] funded), but mining a block as soon as a transaction
// arrives, like anvil or `geth --dev`, so that any Ethereum tool can use it.
// Its state lives in memory and ends with it.
type Devnet struct {
	URL  string // the JSON-RPC endpoint, http://127.0.0.1:PORT
	node *node.Node
}

// StartDevnet serves a new development chain on 127.0.0.1:port (0 picks a
// free port; URL tells which). It answers the eth, net and web3 namespaces,
// and dev_ (dev_setFeeRecipient, dev_addWithdrawal) as `geth --dev` does.
func StartDevnet(port int) (*Devnet, error) {
	if port < 0 || port > 65535 {
		return nil, fmt.Errorf("port %d is not a TCP port (0 to 65535)", port)
	}
	// node reports a busy port only as a log line and a failed Start; a
	// listen first gives the user the reason.
	if port != 0 {
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			return nil, fmt.Errorf("cannot serve on 127.0.0.1:%d: %v (choose another --port)", port, err)
		}
		l.Close()
	}
	nodeConf := node.DefaultConfig
	nodeConf.DataDir = "" // in memory
	nodeConf.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""}
	nodeConf.HTTPHost = "127.0.0.1"
	nodeConf.HTTPPort = port
	nodeConf.HTTPModules = []string{"eth", "net", "web3", "dev"}
	// Browser wallets and dapps served from other local ports may call it;
	// the chain is reachable from this machine only.
	nodeConf.HTTPCors = []string{"*"}
	nodeConf.HTTPVirtualHosts = []string{"localhost", "127.0.0.1"}
	nodeConf.AuthPort = 0 // the engine API is driven in process
	stack, err := node.New(&nodeConf)
	if err != nil {
		return nil, fmt.Errorf("devnet: %v", err)
	}
	alloc := core.SystemContractAllocs()
	maps.Copy(alloc, devAlloc())
	ethConf := ethconfig.Defaults
	ethConf.Genesis = &core.Genesis{
		Config:   chainConfig(),
		GasLimit: ethconfig.Defaults.Miner.GasCeil,
		Alloc:    alloc,
	}
	ethConf.SyncMode = ethconfig.FullSync
	ethConf.TxPool.NoLocals = true
	backend, err := eth.New(stack, &ethConf)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: %v", err)
	}
	filterSystem := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)}})
	// Period 0: a block as soon as a transaction is pending (the dev API's
	// loop does the mining).
	beacon, err := catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: %v", err)
	}
	catalyst.RegisterSimulatedBeaconAPIs(stack, beacon)
	stack.RegisterLifecycle(beacon)
	if err := stack.Start(); err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: cannot serve on 127.0.0.1:%d: %v", port, err)
	}
	// The transaction indexer starts with the first block after genesis;
	// until then receipts are "in progress". An empty block starts it.
	beacon.Commit()
	if err := waitIndexed(stack); err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: %v", err)
	}
	return &Devnet{URL: stack.HTTPEndpoint(), node: stack}, nil
}

// waitIndexed waits for the transaction indexer's first pass: until then
// the node answers eth_getTransactionReceipt with "transaction indexing is
// in progress", which clients take for a failure.
func waitIndexed(stack *node.Node) error {
	c := stack.Attach()
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var r json.RawMessage
		err := c.Call(&r, "eth_getTransactionReceipt", common.Hash{})
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the chain did not start within 10s: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// ChainID is the devnet's chain id, [SimulatedChainID].
func (d *Devnet) ChainID() uint64 { return SimulatedChainID }

// Close stops serving and discards the chain.
func (d *Devnet) Close() error {
	if d.node == nil {
		return errors.New("devnet already closed")
	}
	err := d.node.Close()
	d.node = nil
	return err
}

func devAlloc() types.GenesisAlloc {
	alloc := types.GenesisAlloc{}
	for _, a := range DevAccounts() {
		alloc[a.Address] = types.Account{Balance: devBalance()}
	}
	return alloc
}
