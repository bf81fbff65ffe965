package prover

import (
	"context"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/consensys/gnark/logger"
	"github.com/rs/zerolog"

	"github.com/zkml/zkml/internal/testmodels"
)

// tinyInput gives z both signs, so that y has zeros and the public inputs
// include negative values.
var tinyInput = [][]float64{{0.5, -1.25, 2, 0.75}}

// fixture is a build with keys, made once per backend and shared by the
// tests that only read it; tests that change files work on a copy.
type fixture struct {
	once  sync.Once
	dir   string
	proof *Proof
	err   error
}

type fixtureKey struct {
	backend Backend
	packed  bool
}

var fixtures = map[fixtureKey]*fixture{
	{Groth16, false}: {}, {PLONK, false}: {}, {Groth16, true}: {}, {PLONK, true}: {},
}

var fixtureRoot string

func TestMain(m *testing.M) {
	// gnark is silent in test binaries; give it the logger it has in any
	// other program (standard output, as it is when the call runs), so that
	// the examples' "Output:" shows that this package keeps it quiet.
	logger.Set(zerolog.New(zerolog.ConsoleWriter{Out: stdout{}}))
	var err error
	fixtureRoot, err = os.MkdirTemp("", "zkml-prover-test")
	if err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(fixtureRoot)
	os.Exit(code)
}

// built returns the shared build of testmodels.TinyPlan(5) for backend, one
// public input per output element (WithoutPackedOutputs), and a proof of
// tinyInput made with it.
func built(t testing.TB, backend Backend) (dir string, proof *Proof) {
	t.Helper()
	return builtWith(t, backend, false)
}

// builtPacked is built with the default, packed outputs: the six outputs of
// TinyPlan in one public input.
func builtPacked(t testing.TB, backend Backend) (dir string, proof *Proof) {
	t.Helper()
	return builtWith(t, backend, true)
}

func builtWith(t testing.TB, backend Backend, packed bool) (dir string, proof *Proof) {
	t.Helper()
	f := fixtures[fixtureKey{backend, packed}]
	f.once.Do(func() {
		name := string(backend)
		var opts []Option
		if packed {
			name += "-packed"
		} else {
			opts = append(opts, WithoutPackedOutputs())
		}
		f.dir = filepath.Join(fixtureRoot, name)
		b, err := Compile(context.Background(), f.dir, testmodels.TinyPlan(5), backend, Meta{ModelFile: "tiny.onnx"}, opts...)
		if err != nil {
			f.err = err
			return
		}
		if f.err = b.Setup(context.Background(), SetupOptions{}); f.err != nil {
			return
		}
		f.proof, f.err = b.Prove(context.Background(), tinyInput)
	})
	if f.err != nil {
		t.Fatalf("%s fixture: %v", backend, f.err)
	}
	return f.dir, f.proof
}

// stdout writes to os.Stdout as it is at the time of the write, which an
// example replaces to capture its output.
type stdout struct{}

func (stdout) Write(p []byte) (int, error) { return os.Stdout.Write(p) }

// copyBuild copies the build in src to a new temporary directory.
func copyBuild(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "build")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		copyFile(t, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
	}
	return dst
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// cloneProof deep-copies p so a test can tamper with it.
func cloneProof(t *testing.T, p *Proof) *Proof {
	t.Helper()
	data, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	q, err := parseProof(data, "proof.json")
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func bigInt(t *testing.T, s string) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad integer %q", s)
	}
	return v
}
