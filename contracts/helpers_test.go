package contracts

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
)

var fixtureRoot string

func TestMain(m *testing.M) {
	var err error
	fixtureRoot, err = os.MkdirTemp("", "zkml-contracts-test")
	if err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(fixtureRoot)
	os.Exit(code)
}

// compiled caches the verifiers compiled by the tests: solcjs takes
// seconds per contract.
var (
	compiledMu sync.Mutex
	compiled   = map[[32]byte]*Artifact{}
)

func compileVerifier(t testing.TB, b *prover.Build) (*Verifier, *Artifact) {
	t.Helper()
	solc := needSolc(t)
	v, err := NewVerifier(b)
	if err != nil {
		t.Fatal(err)
	}
	key := sha256.Sum256(v.Source)
	compiledMu.Lock()
	defer compiledMu.Unlock()
	if a, ok := compiled[key]; ok {
		return v, a
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	a, err := v.Compile(ctx, solc)
	if err != nil {
		t.Fatal(err)
	}
	compiled[key] = a
	return v, a
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// needSolc returns solcjs, or skips the test when `make tools` has not
// installed it.
func needSolc(t testing.TB) *Solc {
	t.Helper()
	s, err := FindSolc()
	if errors.Is(err, ErrNoSolc) {
		testenv.MissingTool(t, "solcjs", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// optionalSolc returns solcjs for the checks a test adds when it is
// installed, or nil when it is not (a failure under ZKML_REQUIRE_TOOLS=1).
// Any other error, a wrong version or no Node.js, fails the test.
func optionalSolc(t testing.TB) *Solc {
	t.Helper()
	s, err := FindSolc()
	if errors.Is(err, ErrNoSolc) {
		if testenv.ToolsRequired() {
			t.Fatalf("solcjs not installed (run `make tools`), and %s=1 requires it: %v", testenv.RequireToolsEnv, err)
		}
		t.Logf("solcjs not installed (run `make tools`): the specialized verifier's checks are left out")
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var tinyInputs = [][][]float64{
	{{0.5, -1.25, 2, 0.75}},
	{{-0.5, 1, 0.25, -2}},
}

// variant is one way to build a model for the chain.
type variant struct {
	name    string
	backend prover.Backend
	bits    bool // bit-decomposition range checks: no BSB22 commitment
	// unpacked: one public input per output element instead of the
	// default packing.
	unpacked bool
}

var variants = []variant{
	{"groth16", prover.Groth16, false, false},
	{"groth16-bits", prover.Groth16, true, false},
	{"plonk", prover.PLONK, false, false},
}

func (v variant) options() []prover.Option {
	var opts []prover.Option
	if v.bits {
		opts = append(opts, prover.WithBitDecompositionRangeChecks())
	}
	if v.unpacked {
		opts = append(opts, prover.WithoutPackedOutputs())
	}
	return opts
}

// buildPlan compiles plan into a build with keys.
func buildPlan(t testing.TB, pl *plan.Plan, v variant, meta prover.Meta) *prover.Build {
	t.Helper()
	b, err := prover.Compile(context.Background(), filepath.Join(t.TempDir(), "build"), pl, v.backend, meta, v.options()...)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Setup(context.Background(), prover.SetupOptions{}); err != nil {
		t.Fatal(err)
	}
	return b
}

// tinyBuild is the shared build of testmodels.TinyPlan(bias) for v, with a proof of
// each of tinyInputs; tests must not change it.
type tinyFixture struct {
	once   sync.Once
	build  *prover.Build
	proofs []*prover.Proof
}

var (
	tinyMu       sync.Mutex
	tinyFixtures = map[string]*tinyFixture{}
)

func tinyBuild(t *testing.T, v variant, bias int64) (*prover.Build, []*prover.Proof) {
	t.Helper()
	key := v.name + "/" + string(rune('0'+bias))
	tinyMu.Lock()
	f, ok := tinyFixtures[key]
	if !ok {
		f = &tinyFixture{}
		tinyFixtures[key] = f
	}
	tinyMu.Unlock()
	f.once.Do(func() {
		dir, err := os.MkdirTemp(fixtureRoot, key[:len(v.name)])
		if err != nil {
			t.Fatal(err)
		}
		b, err := prover.Compile(context.Background(), filepath.Join(dir, "build"), testmodels.TinyPlan(bias), v.backend, prover.Meta{ModelFile: "tiny.onnx"}, v.options()...)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Setup(context.Background(), prover.SetupOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, in := range tinyInputs {
			p, err := b.Prove(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			f.proofs = append(f.proofs, p)
		}
		f.build = b
	})
	if f.build == nil {
		t.Fatalf("%s fixture failed in an earlier test", key)
	}
	return f.build, f.proofs
}

// buildModel runs the pipeline on a shared model up to a build with keys,
// and returns it with the model's reference cases.
func buildModel(t testing.TB, name string, v variant) (*prover.Build, *modelio.Reference) {
	t.Helper()
	pl, m := testmodels.Plan(t, name)
	return buildPlan(t, pl, v, prover.Meta{ModelFile: m.Path, ModelSHA256: m.SHA256}), m.Ref
}
