package prover

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
)

// splitModel is a small ResNet (skip connections cross the cuts) with its
// calibration input.
func splitModel(t testing.TB) (*plan.Plan, [][]float64) {
	t.Helper()
	m := onnxbuild.ResNet("resnet", 3, 1, 4)
	g, err := onnx.Parse(m.Bytes(), "resnet", nil)
	if err != nil {
		t.Fatal(err)
	}
	in := [][]float64{onnxbuild.Input(3*4*4, 9)}
	cal, err := quantize.Calibrate(g, [][][]float64{in})
	if err != nil {
		t.Fatal(err)
	}
	p, err := quantize.Compile(context.Background(), g, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return p, in
}

type splitFixture struct {
	plan  *plan.Plan
	input [][]float64
	dir   string
	split *Split
	chain *ChainProof
	// other is a second split build of the same model, cut elsewhere.
	otherDir string
}

var (
	splitOnce sync.Once
	splitFix  splitFixture
	splitErr  error
)

// splitBuilt compiles, sets up and proves the ResNet split in three
// segments (once per test binary), and a second split build of it in two.
func splitBuilt(t *testing.T) splitFixture {
	t.Helper()
	splitOnce.Do(func() {
		p, in := splitModel(t)
		root := filepath.Join(fixtureRoot, "split")
		f := splitFixture{plan: p, input: in, dir: filepath.Join(root, "split"), otherDir: filepath.Join(root, "other")}
		ctx := context.Background()
		cuts, err := SplitCuts(p, Groth16, 0, 3)
		if err != nil {
			splitErr = err
			return
		}
		if _, err := CompileSplit(ctx, f.dir, p, Groth16, Meta{}, cuts, nil, WithInputVisibility(circuits.Hashed)); err != nil {
			splitErr = err
			return
		}
		if f.split, err = OpenSplit(f.dir); err != nil {
			splitErr = err
			return
		}
		if err := f.split.Setup(ctx, SetupOptions{}, nil); err != nil {
			splitErr = err
			return
		}
		if f.chain, err = f.split.Prove(ctx, in, 2); err != nil {
			splitErr = err
			return
		}
		other, err := SplitCuts(p, Groth16, 0, 2)
		if err != nil {
			splitErr = err
			return
		}
		s2, err := CompileSplit(ctx, f.otherDir, p, Groth16, Meta{}, other, nil, WithInputVisibility(circuits.Hashed))
		if err == nil {
			err = s2.Setup(ctx, SetupOptions{}, nil)
		}
		if err != nil {
			splitErr = err
			return
		}
		splitFix = f
	})
	if splitErr != nil {
		t.Fatal(splitErr)
	}
	return splitFix
}

// A split build's chain proof verifies, after a trip through its file,
// and proves the whole plan's outputs bit for bit; its first input
// commitment is the model's (CommitInputs of an unsplit hashed build).
func TestSplitProveVerify(t *testing.T) {
	f := splitBuilt(t)
	s, err := OpenSplit(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Segments()); n != 3 {
		t.Fatalf("%d segments, want 3", n)
	}
	path := filepath.Join(t.TempDir(), "chain.json")
	if err := WriteChainProof(path, f.chain); err != nil {
		t.Fatal(err)
	}
	if !IsChainProof(path) {
		t.Fatal("IsChainProof: false")
	}
	c, err := ReadChainProof(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyChain(s, c); err != nil {
		t.Fatal(err)
	}
	want, err := f.plan.Predict(f.input)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Outputs()
	if len(got) != len(want) || !slices.Equal(got[0], want[0]) {
		t.Fatalf("chain outputs %v, plan.Run %v", got, want)
	}
	// The first segment commits to the model's inputs as an unsplit build
	// with hashed inputs does.
	first := s.Segments()[0]
	h, err := first.CommitInputs(f.input)
	if err != nil {
		t.Fatal(err)
	}
	if c.Segments[0].InputCommitment().Cmp(h) != 0 {
		t.Error("segment 0's input commitment is not the model input's commitment")
	}
	q, _ := f.plan.QuantizeInputs(f.input)
	var flat []int64
	for _, x := range q {
		flat = append(flat, x...)
	}
	whole, _ := circuits.Commit(circuits.DomainInput, f.plan.Config.ActivationBits, flat)
	if whole.Cmp(h) != 0 {
		t.Error("the split build's input commitment differs from circuits.Commit of the input")
	}
	// Segments proven as separate jobs, in reverse order, make a chain
	// that verifies.
	jobs := make([]*Proof, len(c.Segments))
	for i := len(jobs) - 1; i >= 0; i-- {
		if jobs[i], err = s.ProveSegmentFor(context.Background(), i, f.input); err != nil {
			t.Fatal(err)
		}
	}
	if err := VerifyChain(s, s.Chain(jobs)); err != nil {
		t.Fatalf("chain of separate jobs: %v", err)
	}
	// The boundaries are committed under the chain domain.
	for i := 0; i+1 < len(c.Segments); i++ {
		if c.Segments[i].OutputCommitment() == nil || c.Segments[i+1].InputCommitment().Cmp(c.Segments[i].OutputCommitment()) != 0 {
			t.Errorf("link %d: commitments differ", i)
		}
	}
}

// Chains that do not prove one inference of this build are refused.
func TestSplitChainForgeries(t *testing.T) {
	f := splitBuilt(t)
	s, err := OpenSplit(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	segs := f.chain.Segments
	chain := func(ps ...*Proof) *ChainProof { return &ChainProof{ModelHash: f.chain.ModelHash, Segments: ps} }

	// Segment 1 proven on another boundary value than segment 0 produced:
	// a valid proof, but the link breaks.
	ins, err := s.SegmentInputs(f.input)
	if err != nil {
		t.Fatal(err)
	}
	forged := make([][]int64, len(ins[1]))
	for i, x := range ins[1] {
		forged[i] = slices.Clone(x)
	}
	forged[0][0] ^= 1
	p1, err := s.ProveSegment(context.Background(), 1, forged, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(s.Segments()[1], p1); err != nil {
		t.Fatalf("the forged segment's own proof should be valid: %v", err)
	}

	// A segment of another split build of the same model.
	other, err := OpenSplit(f.otherDir)
	if err != nil {
		t.Fatal(err)
	}
	oc, err := other.Prove(context.Background(), f.input, 1)
	if err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name  string
		chain *ChainProof
		want  string
	}{
		{"boundary changed", chain(segs[0], p1, segs[2]), "not linked"},
		{"swapped", chain(segs[1], segs[0], segs[2]), "another model"},
		{"reordered", chain(segs[0], segs[2], segs[1]), "another model"},
		{"dropped", chain(segs[0], segs[2]), "segment proofs"},
		{"duplicated", chain(segs[0], segs[1], segs[1], segs[2]), "segment proofs"},
		{"duplicated in place", chain(segs[0], segs[1], segs[1]), "another model"},
		{"other split's segment", chain(oc.Segments[0], segs[1], segs[2]), "segment 0"},
		{"other split's chain", oc, "segment proofs"},
		{"other model hash", &ChainProof{Segments: segs}, "another model"},
	} {
		err := VerifyChain(s, c.chain)
		if !errors.Is(err, ErrInvalidProof) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an invalid proof error with %q", c.name, err, c.want)
		}
	}
	// The other split's segment 0, against this build's segment 0 keys:
	// same plan? Only when both splits cut at the same first op; whatever
	// the cut, the keys differ.
	if err := Verify(s.Segments()[0], oc.Segments[0]); err == nil {
		t.Error("another split build's segment 0 verifies with this build's keys")
	}
}

// A split build whose segment folders were swapped, or whose split.json
// was edited, does not open.
func TestOpenSplitRejects(t *testing.T) {
	f := splitBuilt(t)
	dir := filepath.Join(t.TempDir(), "split")
	if err := os.CopyFS(dir, os.DirFS(f.dir)); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "segment-0"), filepath.Join(dir, "segment-1")
	if err := os.Rename(a, a+".x"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(b, a); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(a+".x", b); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenSplit(dir); err == nil || !strings.Contains(err.Error(), "segment 0") {
		t.Errorf("swapped segment folders: %v", err)
	}
	if _, err := OpenSplit(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a split") {
		t.Errorf("empty directory: %v", err)
	}
	if _, err := Open(f.dir); err == nil {
		t.Error("Open of a split build directory succeeded")
	}
}
