package contracts

import (
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// chainConfig is the fork schedule of zkml's local chains: every fork up to
// Osaka, the rules Ethereum mainnet runs, from genesis. go-ethereum's dev
// configuration also enables the forks still in development (Amsterdam's
// EIP-8037 state-gas metering charges ~98,000 gas for a new storage slot
// instead of 22,100), which would make every gas figure measured on the
// local chains wrong for mainnet.
func chainConfig() *params.ChainConfig {
	c := *params.AllDevChainProtocolChanges
	c.AmsterdamTime = nil
	c.BogotaTime = nil
	c.UBTTime = nil
	return &c
}

// withMainnetRules sets the simulated backend's fork schedule to chainConfig.
func withMainnetRules(_ *node.Config, ethConf *ethconfig.Config) {
	ethConf.Genesis.Config = chainConfig()
}
