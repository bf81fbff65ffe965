package prover

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testmodels"
)

// TestVisibility: for every input and output visibility, on both
// backends, a proof verifies after a trip through proof.json, its layout
// is the one settings.json records, a hashed input's commitment is
// CommitInputs', and changing an input, a commitment or a public input
// makes Verify fail. Every build verifies from a folder without plan.bin,
// and with hashed params the proof carries the build's params commitment.
func TestVisibility(t *testing.T) {
	cases := []struct{ in, out, params circuits.Visibility }{
		{circuits.Public, circuits.Public, circuits.Fixed},
		{circuits.Hashed, circuits.Public, circuits.Fixed},
		{circuits.Private, circuits.Hashed, circuits.Fixed},
		{circuits.Hashed, circuits.Private, circuits.Fixed},
		{circuits.Private, circuits.Private, circuits.Fixed},
		{circuits.Private, circuits.Public, circuits.Hashed},
		{circuits.Public, circuits.Hashed, circuits.Hashed},
		{circuits.Hashed, circuits.Private, circuits.Hashed},
	}
	for _, backend := range []Backend{Groth16, PLONK} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/input=%s/output=%s/params=%s", backend, c.in, c.out, c.params), func(t *testing.T) {
				if testing.Short() && backend == PLONK {
					t.Skip("-short: Groth16 only")
				}
				dir := filepath.Join(t.TempDir(), "build")
				b, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), backend, Meta{},
					WithInputVisibility(c.in), WithOutputVisibility(c.out), WithParamVisibility(c.params))
				if err != nil {
					t.Fatal(err)
				}
				if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
					t.Fatal(err)
				}
				p, err := b.Prove(context.Background(), tinyInput)
				if err != nil {
					t.Fatal(err)
				}
				b, err = Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				l := b.Layout()
				if l.Total() != len(p.PublicInputs) || l.Total() != b.Settings().Circuit.PublicInputs {
					t.Fatalf("layout %+v, %d public inputs, settings %d", l, len(p.PublicInputs), b.Settings().Circuit.PublicInputs)
				}
				path := filepath.Join(t.TempDir(), "proof.json")
				if err := WriteProof(path, p); err != nil {
					t.Fatal(err)
				}
				if p, err = ReadProof(path); err != nil {
					t.Fatal(err)
				}
				if err := Verify(b, p); err != nil {
					t.Fatalf("valid proof rejected: %v", err)
				}
				checkStatement(t, b, p)
				if err := os.Remove(filepath.Join(dir, "plan.bin")); err != nil {
					t.Fatal(err)
				}
				if b, err = Open(dir); err != nil {
					t.Fatal(err)
				}
				if err := Verify(b, p); err != nil {
					t.Fatalf("without plan.bin: %v", err)
				}
				if got, want := p.ParamsCommitment() != nil, c.params == circuits.Hashed; got != want {
					t.Fatalf("params commitment %v, hashed params %v", p.ParamsCommitment(), want)
				}
				if h := p.ParamsCommitment(); h != nil && FormatCommitment(h) != b.Settings().ParamsCommitment {
					t.Fatalf("params commitment %s, settings.json %s", FormatCommitment(h), b.Settings().ParamsCommitment)
				}
				if c.in == circuits.Hashed {
					h, err := b.CommitInputs(tinyInput)
					if err != nil {
						t.Fatal(err)
					}
					if p.InputCommitment().Cmp(h) != 0 {
						t.Fatalf("input commitment %s, CommitInputs %s", FormatCommitment(p.InputCommitment()), FormatCommitment(h))
					}
				}
				if c.out != circuits.Public && len(p.Outputs) != 0 {
					t.Fatalf("the proof shows %s outputs", c.out)
				}
				if c.in == circuits.Public {
					bad := cloneProof(t, p)
					bad.Inputs[0][1] += 0.5
					if err := Verify(b, bad); !errors.Is(err, ErrInvalidProof) {
						t.Fatalf("an edited input: %v", err)
					}
				}
				for i := range p.PublicInputs {
					bad := cloneProof(t, p)
					bad.PublicInputs[i] = new(big.Int).Add(bad.PublicInputs[i], big.NewInt(1))
					if err := Verify(b, bad); !errors.Is(err, ErrInvalidProof) {
						t.Fatalf("public input %d edited: %v", i, err)
					}
				}
			})
		}
	}
}

// TestVisibilityErrors: Compile refuses a visibility it cannot build.
func TestVisibilityErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "build")
	if _, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), Groth16, Meta{}, WithInputVisibility("secret")); err == nil {
		t.Fatal("Compile accepted input visibility \"secret\"")
	}
	if _, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), Groth16, Meta{}, WithParamVisibility("open")); err == nil {
		t.Fatal("Compile accepted param visibility \"open\"")
	}
}

// TestVisibilityProofForm: ReadProof names what is wrong with the
// visibility fields of a proof.json.
func TestVisibilityProofForm(t *testing.T) {
	_, p := built(t, Groth16)
	data, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		edit func(map[string]any)
		want string
	}{
		{"unknown visibility", func(d map[string]any) {
			d["visibility"] = map[string]any{"input": "secret", "output": "public", "params": "fixed"}
		}, `visibility.input "secret"`},
		{"unknown params visibility", func(d map[string]any) {
			d["visibility"] = map[string]any{"input": "private", "output": "public", "params": "open"}
		}, "visibility.params"},
		{"hashed params without their commitment", func(d map[string]any) {
			d["visibility"] = map[string]any{"input": "private", "output": "public", "params": "hashed"}
		}, "public inputs, want"},
		{"inputs of a private input", func(d map[string]any) { d["inputs"] = [][]float64{{1}} }, "inputs are listed if and only if"},
		{"commitment without hashing", func(d map[string]any) { d["input_commitment"] = "0x" + strings.Repeat("0", 64) }, "nothing is hashed"},
		{"bad commitment", func(d map[string]any) {
			d["visibility"] = map[string]any{"input": "hashed", "output": "public", "params": "fixed"}
			d["public_inputs"] = append([]any{"1"}, d["public_inputs"].([]any)...)
			d["input_commitment"] = "0x12"
		}, "input_commitment"},
		{"public input count", func(d map[string]any) {
			d["visibility"] = map[string]any{"input": "hashed", "output": "public", "params": "fixed"}
		}, "public inputs, want"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d map[string]any
			_ = json.Unmarshal(data, &d)
			c.edit(d)
			bad, _ := json.Marshal(d)
			_, err := parseProof(bad, "proof.json")
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "proof.json: ") {
				t.Fatalf("got %v, want an error naming proof.json with %q", err, c.want)
			}
		})
	}
}

// The domain bit comes last whatever the visibility: a build with hashed or
// private parts and the domain flag proves, verifies, and rejects a proof
// whose in_domain claim was flipped.
func TestVisibilityWithDomainFlag(t *testing.T) {
	for _, c := range []struct{ in, out circuits.Visibility }{
		{circuits.Hashed, circuits.Public},
		{circuits.Public, circuits.Hashed},
		{circuits.Private, circuits.Hashed},
		{circuits.Hashed, circuits.Private},
	} {
		t.Run(fmt.Sprintf("input=%s/output=%s", c.in, c.out), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "build")
			b, err := Compile(context.Background(), dir, testmodels.TinyPlan(5), Groth16, Meta{},
				WithInputVisibility(c.in), WithOutputVisibility(c.out), WithDomainFlag())
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
				t.Fatal(err)
			}
			p, err := b.Prove(context.Background(), tinyInput)
			if err != nil {
				t.Fatal(err)
			}
			l := b.Layout()
			if l.Domain != 1 || l.Total() != len(p.PublicInputs) {
				t.Fatalf("layout %+v, %d public inputs", l, len(p.PublicInputs))
			}
			if p.InDomain == nil || !*p.InDomain || p.PublicInputs[len(p.PublicInputs)-1].Int64() != 1 {
				t.Fatalf("domain bit: claim %v, last public input %v", p.InDomain, p.PublicInputs[len(p.PublicInputs)-1])
			}
			if err := Verify(b, p); err != nil {
				t.Fatalf("valid proof rejected: %v", err)
			}
			checkStatement(t, b, p)
			out := false
			p.InDomain = &out
			if err := Verify(b, p); err == nil {
				t.Fatal("a flipped in_domain claim verified")
			}
		})
	}
}

// checkStatement: Statement of the proof's input is its public inputs, and
// another input's differs unless the proof reveals nothing of either.
func checkStatement(t *testing.T, b *Build, p *Proof) {
	t.Helper()
	pl, err := b.Plan()
	if err != nil {
		t.Fatal(err)
	}
	q, err := pl.QuantizeInputs(tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	st, err := b.Statement(q)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != len(p.PublicInputs) {
		t.Fatalf("Statement: %d public inputs, the proof %d", len(st), len(p.PublicInputs))
	}
	for i := range st {
		if st[i].Cmp(p.PublicInputs[i]) != 0 {
			t.Fatalf("Statement: public input %d is %v, the proof's %v", i, st[i], p.PublicInputs[i])
		}
	}
	other := [][]int64{append([]int64(nil), q[0]...)}
	other[0][0] += 7
	st2, err := b.Statement(other)
	if err != nil {
		t.Fatal(err)
	}
	same := true
	for i := range st {
		same = same && st[i].Cmp(st2[i]) == 0
	}
	v := b.Visibility()
	if reveals := v.Input != circuits.Private || v.Output != circuits.Private; same && reveals {
		t.Fatal("Statement: two inputs with different outputs gave the same statement")
	}
	if _, err := b.Statement([][]int64{{1}}); err == nil {
		t.Fatal("Statement of a wrong-sized input: no error")
	}
}

// TestHashedParamsOtherModel: two models of one structure with hashed
// params have different commitments, and a proof of one does not verify
// for the other, even with its model hash edited to match.
func TestHashedParamsOtherModel(t *testing.T) {
	var dirs [2]string
	var proofs [2]*Proof
	for i, bias := range []int64{5, 6} {
		dirs[i] = filepath.Join(t.TempDir(), "build")
		b, err := Compile(context.Background(), dirs[i], testmodels.TinyPlan(bias), Groth16, Meta{}, WithParamVisibility(circuits.Hashed))
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Setup(context.Background(), SetupOptions{}); err != nil {
			t.Fatal(err)
		}
		if proofs[i], err = b.Prove(context.Background(), tinyInput); err != nil {
			t.Fatal(err)
		}
	}
	a, err := Open(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(dirs[1])
	if err != nil {
		t.Fatal(err)
	}
	if a.Settings().ParamsCommitment == other.Settings().ParamsCommitment {
		t.Fatal("two models with different weights have the same params commitment")
	}
	forged := cloneProof(t, proofs[1])
	forged.ModelHash = a.PlanHash()
	err = Verify(a, forged)
	if !errors.Is(err, ErrInvalidProof) || !strings.Contains(err.Error(), "params commitment") {
		t.Fatalf("another model's proof: %v", err)
	}
}
