package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/zkml/zkml/contracts"
)

func devnetCommand() *cli.Command {
	return &cli.Command{
		Name:  "devnet",
		Usage: "run a local EVM chain on 127.0.0.1 with funded dev accounts, until interrupted",
		Description: `Example:
   zkml devnet --port 8545 &
   zkml deploy build/ --rpc http://127.0.0.1:8545 --private-key ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80

The chain is go-ethereum's (chain id 1337), in memory, mining a block as soon as a
transaction arrives; it answers standard JSON-RPC (cast, ethers, wallets). Its accounts are
the well-known test accounts anvil and Hardhat fund: their keys are public, never use
them on a real chain. Stop it with Ctrl-C or SIGTERM; its state is then gone.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "port", Value: 8545, Usage: "TCP `PORT` on 127.0.0.1 (0: any free port)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if _, err := args(c); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			d, err := contracts.StartDevnet(c.Int("port"))
			if err != nil {
				return err
			}
			defer d.Close()
			res := devnetInfo{RPC: d.URL, ChainID: d.ChainID(), Accounts: contracts.DevAccounts()}
			if err := output(c, res, func(w io.Writer) { res.print(w) }); err != nil {
				return err
			}
			<-ctx.Done()
			return nil
		},
	}
}

type devnetInfo struct {
	RPC      string                 `json:"rpc"`
	ChainID  uint64                 `json:"chain_id"`
	Accounts []contracts.DevAccount `json:"accounts"`
}

func (r devnetInfo) print(w io.Writer) {
	fmt.Fprintf(w, "zkml devnet: chain id %d, JSON-RPC at %s\n\n", r.ChainID, r.RPC)
	fmt.Fprintln(w, "funded accounts (10000 ETH each; PUBLIC test keys, for this local chain only):")
	for i, a := range r.Accounts {
		fmt.Fprintf(w, "  (%d) %s  key 0x%s\n", i, a.Address, a.PrivateKey)
	}
	fmt.Fprintf(w, "\nnext: zkml verify-onchain build/ proof.json --rpc %s --tx --private-key 0x%s\n", r.RPC, r.Accounts[0].PrivateKey)
	fmt.Fprintln(w, "press Ctrl-C to stop (the chain is discarded)")
}
