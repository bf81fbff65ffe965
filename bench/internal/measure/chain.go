package measure

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/prover"
)

// ChainGas is what a chain proof costs on the embedded chain.
type ChainGas struct {
	Verify   uint64 // ZkmlChain.verifyChain, one transaction
	Register uint64 // registering the chain (after its segments)
	Segments uint64 // the segments verified one by one through the registry (estimates, summed)
}

// ChainOnChain deploys a generic verifier per segment of s, a registry and
// a ZkmlChain on a fresh embedded chain, registers the chain and verifies
// cp with verifyChain in a transaction.
func ChainOnChain(ctx context.Context, s *prover.Split, cp *prover.ChainProof) (*ChainGas, error) {
	c := contracts.NewSimulated()
	defer c.Close()
	reg, err := contracts.DeployRegistry(ctx, c)
	if err != nil {
		return nil, err
	}
	ch, err := contracts.DeployChainContract(ctx, c)
	if err != nil {
		return nil, err
	}
	var verifiers []common.Address
	for _, b := range s.Segments() {
		rc, err := contracts.DeployGenericVerifier(ctx, c, b)
		if err != nil {
			return nil, err
		}
		verifiers = append(verifiers, rc.Contract)
	}
	cr, err := contracts.RegisterSplit(ctx, c, reg.Contract, ch.Contract, s, verifiers)
	if err != nil {
		return nil, err
	}
	g := &ChainGas{Register: cr.Receipt.GasUsed}
	for i, p := range cp.Segments {
		v, err := contracts.VerifyThroughRegistry(ctx, c, reg.Contract, cr.Segments[i].ModelID, p, false)
		if err != nil {
			return nil, err
		}
		g.Segments += v.Gas
	}
	v, err := contracts.VerifyChainOnChain(ctx, c, ch.Contract, cr.ChainID, cp, true)
	if err != nil {
		return nil, err
	}
	g.Verify = v.Gas
	return g, nil
}
