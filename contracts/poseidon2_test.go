package contracts

import (
	"bytes"
	"context"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
)

// TestPoseidon2Source: solidity/ZkmlPoseidon2.sol is what poseidon2Source
// generates from gnark's parameters (-update rewrites it).
func TestPoseidon2Source(t *testing.T) {
	src, err := poseidon2Source()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("solidity", poseidon2File)
	if *update {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != src {
		t.Fatalf("%s is stale or missing (%v): run `go test ./contracts -run TestPoseidon2Source -update`", path, err)
	}
}

// poseidon2Harness deploys ZkmlPoseidon2Harness on a simulated chain.
type poseidon2Harness struct {
	chain *Chain
	abi   abi.ABI
	addr  [20]byte
}

func deployPoseidon2(t *testing.T) *poseidon2Harness {
	t.Helper()
	solc := needSolc(t)
	ctx := testContext(t)
	src, err := poseidon2Source()
	if err != nil {
		t.Fatal(err)
	}
	art, err := solc.Compile(ctx, map[string]string{poseidon2File: src}, poseidon2File, "ZkmlPoseidon2Harness")
	if err != nil {
		t.Fatal(err)
	}
	a, err := abi.JSON(bytes.NewReader(art.ABI))
	if err != nil {
		t.Fatal(err)
	}
	chain := NewSimulated()
	t.Cleanup(chain.Close)
	rec, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	return &poseidon2Harness{chain: chain, abi: a, addr: rec.Contract}
}

func (h *poseidon2Harness) commit(ctx context.Context, d circuits.Domain, vals []int64, bits int) (*big.Int, error) {
	data, err := h.abi.Pack("commit", big.NewInt(int64(d)), bigs(vals), big.NewInt(int64(bits)))
	if err != nil {
		return nil, err
	}
	out, err := h.chain.Call(ctx, h.addr, data)
	if err != nil {
		return nil, err
	}
	res, err := h.abi.Unpack("commit", out)
	if err != nil {
		return nil, err
	}
	return res[0].(*big.Int), nil
}

func bigs(vals []int64) []*big.Int {
	out := make([]*big.Int, len(vals))
	for i, v := range vals {
		out[i] = big.NewInt(v)
	}
	return out
}

// TestPoseidon2Commitment: the Solidity library computes circuits.Commit
// bit for bit, for every domain, several activation widths and lengths
// around the word boundaries, with the range's ends; it reverts for a
// value out of range. Its gas per input size is logged (bench/GAS.md).
func TestPoseidon2Commitment(t *testing.T) {
	h := deployPoseidon2(t)
	ctx := testContext(t)
	rng := rand.New(rand.NewPCG(14, 3))
	for _, bits := range []int{8, 16, 32} {
		half := int64(1) << (bits - 1)
		per := 253 / bits
		for _, n := range []int{0, 1, per - 1, per, per + 1, 3*per + 2} {
			vals := make([]int64, n)
			for i := range vals {
				switch i % 5 {
				case 0:
					vals[i] = -half
				case 1:
					vals[i] = half - 1
				default:
					vals[i] = rng.Int64N(2*half) - half
				}
			}
			for _, d := range []circuits.Domain{circuits.DomainInput, circuits.DomainOutput, circuits.DomainParams} {
				want, err := circuits.Commit(d, bits, vals)
				if err != nil {
					t.Fatal(err)
				}
				got, err := h.commit(ctx, d, vals, bits)
				if err != nil {
					t.Fatalf("bits=%d n=%d domain=%d: %v", bits, n, d, err)
				}
				if got.Cmp(want) != 0 {
					t.Fatalf("bits=%d n=%d domain=%d: Solidity %s, Go %s", bits, n, d, prover.FormatCommitment(got), prover.FormatCommitment(want))
				}
			}
		}
		if _, err := h.commit(ctx, circuits.DomainInput, []int64{0, half}, bits); err == nil {
			t.Errorf("bits=%d: 2^(bits-1) accepted", bits)
		}
	}
}

// TestPoseidon2Gas logs the gas of commitInput per input size, as a
// transaction (21,000 base cost and calldata included).
func TestPoseidon2Gas(t *testing.T) {
	h := deployPoseidon2(t)
	ctx := testContext(t)
	for _, n := range []int{1, 7, 70, 784} {
		data, err := h.abi.Pack("measure", big.NewInt(1), bigs(make([]int64, n)), big.NewInt(32))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := h.chain.Transact(ctx, h.addr, data)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("commitInput of %d values (32 bits, %d words): %d gas", n, (n+6)/7, rec.GasUsed)
	}
}

// TestPoseidon2ProofCommitment: a proof of a build with hashed inputs
// carries the commitment that the Solidity library computes from the
// quantized input.
func TestPoseidon2ProofCommitment(t *testing.T) {
	h := deployPoseidon2(t)
	ctx := testContext(t)
	b, err := prover.Compile(context.Background(), filepath.Join(t.TempDir(), "build"), testmodels.TinyPlan(5), prover.Groth16, prover.Meta{}, prover.WithInputVisibility(circuits.Hashed))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), prover.SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	in := tinyInputs[0]
	p, err := b.Prove(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	var q []int64
	for i, info := range b.Settings().Inputs {
		for _, x := range in[i] {
			v, ok := plan.Quantize(x, info.Scale)
			if !ok {
				t.Fatal("cannot quantize")
			}
			q = append(q, v)
		}
	}
	got, err := h.commit(ctx, circuits.DomainInput, q, b.Settings().Config.ActivationBits)
	if err != nil {
		t.Fatal(err)
	}
	if p.InputCommitment() == nil || got.Cmp(p.InputCommitment()) != 0 {
		t.Fatalf("Solidity commitment %s, the proof's %v", prover.FormatCommitment(got), p.InputCommitment())
	}
}
