package contracts

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
)

// splitOnChain is a split build in three segments with its chain proof,
// each segment's generic verifier, a registry and a ZkmlChain on the
// embedded chain, the chain registered.
type splitOnChain struct {
	split    *prover.Split
	proof    *prover.ChainProof
	input    [][]float64
	chain    *Chain
	registry common.Address
	contract common.Address
	reg      *ChainRegistration
}

func newSplitOnChain(t *testing.T) *splitOnChain {
	t.Helper()
	ctx := testContext(t)
	m := onnxbuild.MLP("mlp", 1, 8, 6, 4, 3)
	g, err := onnx.Parse(m.Bytes(), "mlp", nil)
	if err != nil {
		t.Fatal(err)
	}
	in := [][]float64{onnxbuild.Input(8, 9)}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	opts := []prover.Option{prover.WithInputVisibility(circuits.Hashed)}
	cuts, err := prover.SplitCuts(pl, prover.Groth16, 0, 3, opts...)
	if err != nil {
		t.Fatal(err)
	}
	s, err := prover.CompileSplit(ctx, filepath.Join(t.TempDir(), "split"), pl, prover.Groth16, prover.Meta{}, cuts, nil, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Setup(ctx, prover.SetupOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	cp, err := s.Prove(ctx, in, 1)
	if err != nil {
		t.Fatal(err)
	}
	f := &splitOnChain{split: s, proof: cp, input: in, chain: NewSimulated()}
	t.Cleanup(f.chain.Close)
	r, err := DeployRegistry(ctx, f.chain)
	if err != nil {
		t.Fatal(err)
	}
	f.registry = r.Contract
	if r, err = DeployChainContract(ctx, f.chain); err != nil {
		t.Fatal(err)
	}
	f.contract = r.Contract
	var verifiers []common.Address
	for _, b := range s.Segments() {
		r, err := DeployGenericVerifier(ctx, f.chain, b)
		if err != nil {
			t.Fatal(err)
		}
		verifiers = append(verifiers, r.Contract)
	}
	if f.reg, err = RegisterSplit(ctx, f.chain, f.registry, f.contract, s, verifiers); err != nil {
		t.Fatal(err)
	}
	return f
}

// A chain proof verifies in one transaction through ZkmlChain, which
// stores the last segment's outputs under the model input's commitment;
// a second registration is a no-op; the chain id covers the segments.
func TestSplitOnChain(t *testing.T) {
	f := newSplitOnChain(t)
	ctx := testContext(t)
	var ids [][32]byte
	for _, r := range f.reg.Segments {
		ids = append(ids, r.ModelID)
	}
	if f.reg.ChainID != ChainID(f.registry, ids) || len(ids) != 3 {
		t.Fatalf("chain id %x over %d segments", f.reg.ChainID, len(ids))
	}
	v, err := VerifyChainOnChain(ctx, f.chain, f.contract, f.reg.ChainID, f.proof, true)
	if err != nil {
		t.Fatal(err)
	}
	want := f.proof.Segments[0].InputCommitment()
	var key [32]byte
	want.FillBytes(key[:])
	if v.InputKey != key {
		t.Fatalf("input key %x, want the input commitment %x", v.InputKey, key)
	}
	t.Logf("verifyChain of 3 Groth16 segments: %d gas", v.Gas)
	res, err := ChainResultOf(ctx, f.chain, f.contract, f.reg.ChainID, key)
	if err != nil {
		t.Fatal(err)
	}
	last := f.proof.Segments[2].PublicInputs[1:]
	if len(res.Outputs) != len(last) {
		t.Fatalf("%d outputs stored, want %d", len(res.Outputs), len(last))
	}
	for i := range last {
		if res.Outputs[i].Cmp(last[i]) != 0 {
			t.Fatalf("output %d: %v, want %v", i, res.Outputs[i], last[i])
		}
	}
	again, err := RegisterSplit(ctx, f.chain, f.registry, f.contract, f.split, []common.Address{f.reg.Segments[0].Verifier, f.reg.Segments[1].Verifier, f.reg.Segments[2].Verifier})
	if err != nil || again.Receipt != nil || again.ChainID != f.reg.ChainID {
		t.Fatalf("second registration: %+v, %v", again, err)
	}
	if _, err := SplitBuildHash(f.split); err != nil {
		t.Fatal(err)
	}
}

// Chains that do not prove one inference are refused on chain, and
// change no result.
func TestSplitOnChainForgeries(t *testing.T) {
	f := newSplitOnChain(t)
	ctx := testContext(t)
	segs := f.proof.Segments
	ins, err := f.split.SegmentInputs(f.input)
	if err != nil {
		t.Fatal(err)
	}
	forged := slices.Clone(ins[1])
	forged[0] = slices.Clone(forged[0])
	forged[0][0] ^= 1
	p1, err := f.split.ProveSegment(ctx, 1, forged, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		segs  []*prover.Proof
		id    [32]byte
		wants string
	}{
		{"broken link", []*prover.Proof{segs[0], p1, segs[2]}, f.reg.ChainID, "BrokenLink"},
		{"swapped", []*prover.Proof{segs[1], segs[0], segs[2]}, f.reg.ChainID, "ProofRejected"},
		{"reordered", []*prover.Proof{segs[0], segs[2], segs[1]}, f.reg.ChainID, "BrokenLink"},
		{"segment 1 twice", []*prover.Proof{segs[0], segs[1], segs[1]}, f.reg.ChainID, "BrokenLink"},
		{"duplicated", []*prover.Proof{segs[0], segs[1], segs[1], segs[2]}, f.reg.ChainID, "WrongSegmentCount"},
		{"dropped", []*prover.Proof{segs[0], segs[2]}, f.reg.ChainID, "WrongSegmentCount"},
		{"unknown chain", segs, [32]byte{1}, "UnknownChain"},
	} {
		_, err := VerifyChainOnChain(ctx, f.chain, f.contract, c.id, &prover.ChainProof{ModelHash: f.proof.ModelHash, Segments: c.segs}, true)
		if !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), c.wants) {
			t.Errorf("%s: %v, want a rejection with %s", c.name, err, c.wants)
		}
	}
	var key [32]byte
	segs[0].InputCommitment().FillBytes(key[:])
	if _, err := ChainResultOf(ctx, f.chain, f.contract, f.reg.ChainID, key); err == nil {
		t.Error("a result was stored by a refused chain")
	}
	// A chain needs two segments, each registered.
	for _, c := range []struct {
		ids  [][32]byte
		want string
	}{
		{[][32]byte{f.reg.Segments[0].ModelID}, "TooFewSegments"},
		{[][32]byte{f.reg.Segments[0].ModelID, {7}}, "UnknownModel"},
	} {
		if _, err := f.chain.Transact(ctx, f.contract, mustPack("register", f.registry, c.ids)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("register %x: %v, want %s", c.ids, err, c.want)
		}
	}
}
