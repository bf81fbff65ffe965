package contracts

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/contracts/bindings"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/prover"
)

// registryModel is a tiny model deployed and registered for the registry
// tests.
type registeredModel struct {
	build  *prover.Build
	proofs []*prover.Proof
	reg    *Registration
}

func deployAndRegister(t *testing.T, ctx context.Context, chain *Chain, registry common.Address, v variant, bias int64) registeredModel {
	t.Helper()
	b, proofs := tinyBuild(t, v, bias)
	_, art := compileVerifier(t, b)
	dep, err := chain.Deploy(ctx, art.Bytecode)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := RegisterModel(ctx, chain, registry, b, dep.Contract)
	if err != nil {
		t.Fatalf("%s: %v", v.name, err)
	}
	if reg.Receipt == nil {
		t.Fatalf("%s: registered without a transaction", v.name)
	}
	bh, _ := BuildHash(b)
	if reg.ModelID != ModelID(bh, art.Runtime, b.Backend(), len(proofs[0].PublicInputs), 0) {
		t.Errorf("%s: model id differs from ModelID of the compiled runtime code", v.name)
	}
	// Registering again is a no-op.
	again, err := RegisterModel(ctx, chain, registry, b, dep.Contract)
	if err != nil || again.Receipt != nil || again.ModelID != reg.ModelID {
		t.Errorf("%s: second registration: %+v, %v", v.name, again, err)
	}
	return registeredModel{b, proofs, reg}
}

// expectRevert checks that err is a revert of a zkml contract whose decoded
// message holds each of want.
func expectRevert(t *testing.T, what string, err error, rejected bool, want ...string) {
	t.Helper()
	var rev *RevertError
	if !errors.As(err, &rev) || !rev.Known {
		t.Errorf("%s: got %v, want a decoded revert", what, err)
		return
	}
	if rejected != errors.Is(err, ErrRejected) {
		t.Errorf("%s: errors.Is(err, ErrRejected) = %v, want %v (%v)", what, !rejected, rejected, err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s: %q does not say %q", what, err, w)
		}
	}
}

// TestRegistry registers several models (Groth16 with and without a
// commitment, PLONK, and a second Groth16 model of the same shape) in one
// registry, verifies their proofs through it, and checks every way a proof
// is refused, with the registry's reason decoded.
func TestRegistry(t *testing.T) {
	ctx := testContext(t)
	needSolc(t) // the specialized verifiers are compiled; the registry is not
	chain := NewSimulated()
	defer chain.Close()
	dep, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	registry := dep.Contract
	t.Logf("registry: deploy %d gas", dep.GasUsed)

	models := map[string]registeredModel{}
	for _, v := range variants {
		models[v.name] = deployAndRegister(t, ctx, chain, registry, v, 5)
	}
	models["groth16-other"] = deployAndRegister(t, ctx, chain, registry, variants[0], 7)
	// The variants pack the tiny model's six outputs into one public input;
	// this one keeps one public input per output.
	models["groth16-unpacked"] = deployAndRegister(t, ctx, chain, registry, variant{"groth16-unpacked", prover.Groth16, true, true}, 5)
	if n := len(models["groth16"].proofs[0].PublicInputs); n != 1 {
		t.Fatalf("the packed tiny model has %d public inputs, want 1", n)
	}
	if n := len(models["groth16-unpacked"].proofs[0].PublicInputs); n != 6 {
		t.Fatalf("the unpacked tiny model has %d public inputs, want 6", n)
	}

	a, other := models["groth16"], models["groth16-other"]
	// A registered model without proofs yet has no result.
	_, err = ResultOf(ctx, chain, registry, a.reg.ModelID, [32]byte{})
	expectRevert(t, "last result before any proof", err, false, "NoResult(", "no proof of model")

	for name, m := range models {
		if m.reg.Inputs != 0 || m.reg.Setup != SetupDevelopment {
			t.Errorf("%s: registered with %d input public inputs, %v setup; want 0, development", name, m.reg.Inputs, m.reg.Setup)
		}
		info, err := ModelInfo(ctx, chain, registry, m.reg.ModelID)
		if err != nil || info.Verifier != m.reg.Verifier || info.Backend != m.build.Backend() || info.Inputs != 0 ||
			info.PublicInputs != len(m.proofs[0].PublicInputs) || info.Setup != SetupDevelopment {
			t.Errorf("%s: the registry's model view: %+v, %v", name, info, err)
		}
		var gas []uint64
		for i, p := range m.proofs {
			res, err := VerifyThroughRegistry(ctx, chain, registry, m.reg.ModelID, p, true)
			if err != nil {
				t.Fatalf("%s proof %d: %v", name, i, err)
			}
			gas = append(gas, res.Gas)
			if res.InputKey != ([32]byte{}) {
				t.Errorf("%s proof %d: input key %x, want 0 (private input)", name, i, res.InputKey)
			}
			t.Logf("%s: verification through the registry %d gas (%d public inputs)", name, res.Gas, len(p.PublicInputs))
			last, err := ResultOf(ctx, chain, registry, m.reg.ModelID, [32]byte{})
			if err != nil {
				t.Fatal(err)
			}
			if last.Sequence != uint32(i+1) || last.Prover != chain.From() || len(last.Outputs) != len(p.PublicInputs) {
				t.Fatalf("%s proof %d: last result %+v", name, i, last)
			}
			for j := range p.PublicInputs {
				if last.Outputs[j].Cmp(p.PublicInputs[j]) != 0 {
					t.Errorf("%s proof %d: output %d is %s on chain, %s in the proof", name, i, j, last.Outputs[j], p.PublicInputs[j])
				}
			}
		}
		// register reserved the result's slots (a private input): the
		// first verification rewrites them as a later one does, where
		// creating them would cost 17,100 gas more each.
		if len(gas) >= 2 && gas[0] > gas[1]+10000 {
			t.Errorf("%s: the first verification costs %d gas, a later one %d: register did not reserve the result's storage", name, gas[0], gas[1])
		}
	}

	for _, send := range []bool{false, true} {
		p := a.proofs[0]
		// A tampered output.
		edited := *p
		edited.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
		edited.PublicInputs[len(edited.PublicInputs)-1] = new(big.Int).Add(edited.PublicInputs[len(edited.PublicInputs)-1], big.NewInt(1))
		_, err = VerifyThroughRegistry(ctx, chain, registry, a.reg.ModelID, &edited, send)
		expectRevert(t, "tampered output", err, true, "ProofRejected(0x", "ProofInvalid()", "does not verify")

		// A tampered proof: another valid proof's points with these outputs,
		// and flipped bits.
		swapped := *p
		swapped.Bytes = a.proofs[1].Bytes
		_, err = VerifyThroughRegistry(ctx, chain, registry, a.reg.ModelID, &swapped, send)
		expectRevert(t, "proof of other outputs", err, true, "ProofRejected(0x", "does not verify")
		raw, err := p.SolidityCalldata()
		if err != nil {
			t.Fatal(err)
		}
		raw[40] ^= 1
		_, err = chain.Call(ctx, registry, registryABI.PackVerify(a.reg.ModelID, raw, p.PublicInputs))
		expectRevert(t, "flipped proof bit", err, false, "ProofRejected(0x")

		// A valid proof of another model, never submitted, under a's id.
		_, err = VerifyThroughRegistry(ctx, chain, registry, a.reg.ModelID, other.proofs[0], send)
		expectRevert(t, "proof of another model", err, true, "ProofRejected(0x", "does not verify")

		// A proof already accepted for a, replayed under other's id.
		_, err = VerifyThroughRegistry(ctx, chain, registry, other.reg.ModelID, p, send)
		expectRevert(t, "replay under another model id", err, true, "ProofRejected(0x", "does not verify")

		// A Groth16 proof replayed under the PLONK model's id.
		_, err = VerifyThroughRegistry(ctx, chain, registry, models["plonk"].reg.ModelID, p, send)
		expectRevert(t, "Groth16 proof under a PLONK model id", err, true, "ProofRejected(0x")

		// An unknown model id.
		_, err = VerifyThroughRegistry(ctx, chain, registry, [32]byte{0xde, 0xad}, p, send)
		expectRevert(t, "unknown model", err, false, "UnknownModel(0xdead", "is registered in this registry")

		// A public input outside the field.
		outside := *p
		outside.PublicInputs = append([]*big.Int(nil), p.PublicInputs...)
		outside.PublicInputs[0] = ecc.BN254.ScalarField()
		_, err = VerifyThroughRegistry(ctx, chain, registry, a.reg.ModelID, &outside, send)
		expectRevert(t, "public input outside the field", err, true, "PublicInputNotInField()")
	}
	// A list of outputs of the wrong length.
	long := *a.proofs[0]
	long.PublicInputs = append(append([]*big.Int(nil), long.PublicInputs...), big.NewInt(0))
	_, err = VerifyThroughRegistry(ctx, chain, registry, a.reg.ModelID, &long, false)
	expectRevert(t, "too many outputs", err, true, "WrongPublicInputCount(", fmt.Sprintf("has %d public inputs", len(long.PublicInputs)))

	// The rejections left a's last result alone.
	last, err := ResultOf(ctx, chain, registry, a.reg.ModelID, [32]byte{})
	if err != nil || last.Sequence != uint32(len(a.proofs)) {
		t.Errorf("last result after rejections: %+v, %v", last, err)
	}

	// Registrations that cannot be.
	h, err := buildHashParts(a.build)
	if err != nil {
		t.Fatal(err)
	}
	plan, key, layout := h.plan, h.key, h.layout
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister(plan, key, 0, layout, common.HexToAddress("0x1234"), 0, 3, 0))
	expectRevert(t, "register an address without code", err, false, "NotAContract(0x", "deploy the verifier first")
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister(plan, key, 0, layout, registry, 2, 3, 0))
	expectRevert(t, "register backend 2", err, false, "UnsupportedBackend(2)")
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister(plan, key, 0, layout, registry, 0, 0, 0))
	expectRevert(t, "register no public inputs", err, false, "NoPublicInputs()")
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister(plan, key, 0, layout, registry, 0, 3, 0))
	expectRevert(t, "register a contract that is no verifier", err, false, "NotAZkmlVerifier(0x", "has no keyHash()")
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister(plan, key, 0, layout, other.reg.Verifier, 0, uint32(len(a.proofs[0].PublicInputs)), 0))
	expectRevert(t, "register with the verifier of another key", err, false, "KeyMismatch(0x", "implements the key")
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister(plan, key, 0, layout, a.reg.Verifier, 0, uint32(len(a.proofs[0].PublicInputs)), 0))
	expectRevert(t, "register twice", err, false, "ModelAlreadyRegistered(0x")

	// Not a registry.
	if _, err := VerifyThroughRegistry(ctx, chain, a.reg.Verifier, a.reg.ModelID, a.proofs[0], false); err == nil || !strings.Contains(err.Error(), "is not a ZkmlRegistry") {
		t.Errorf("verifier as registry: got %v", err)
	}
	if _, err := VerifyThroughRegistry(ctx, chain, common.HexToAddress("0x1234"), a.reg.ModelID, a.proofs[0], false); err == nil || !strings.Contains(err.Error(), "no contract at the registry address") {
		t.Errorf("empty address as registry: got %v", err)
	}

	testOracle(t, ctx, chain, registry, a)
	testOracle(t, ctx, chain, registry, models["groth16-unpacked"])
}

// testOracle runs the example consumer against model m of the registry, a
// model of a development setup with a private input (input key 0).
func testOracle(t *testing.T, ctx context.Context, chain *Chain, registry common.Address, m registeredModel) {
	oracle := bindings.NewZkmlThresholdOracle()
	p := m.proofs[0]
	// Output 0 of the tiny model is relu'd, so non-negative; a threshold
	// at its value triggers.
	k := m.build.Packing()
	q, err := k.Unpack(p.PublicInputs, 6)
	if err != nil {
		t.Fatal(err)
	}
	value := big.NewInt(q[0])
	if q[0] != int64(p.Outputs[0][0]*256) {
		t.Fatalf("output 0 is %v, unpacked %d", p.Outputs[0][0], q[0])
	}
	bits, perWord := uint8(k.Bits), uint8(k.PerWord)
	deploy := func(index int64, bits, perWord uint8, acceptDev bool) (*Receipt, error) {
		return chain.Deploy(ctx, append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin),
			oracle.PackConstructor(registry, m.reg.ModelID, big.NewInt(index), value, bits, perWord, acceptDev)...))
	}
	// A layout zkml never makes is refused, and so is an index beyond the
	// public inputs.
	for _, bad := range [][2]uint8{{0, 7}, {32, 8}, {64, 1}} {
		if _, err := deploy(0, bad[0], bad[1], true); err == nil || !strings.Contains(err.Error(), "reverted") {
			t.Errorf("oracle with packing %v: deployed (%v)", bad, err)
		}
	}
	if _, err := deploy(int64(max(k.PerWord, 6)), bits, perWord, true); err == nil || !strings.Contains(err.Error(), "reverted") {
		t.Errorf("oracle of an output beyond the public inputs: deployed (%v)", err)
	}
	// The model's keys come from a development setup: refused unless
	// the oracle is told to accept them.
	if _, err := deploy(0, bits, perWord, false); err == nil || !strings.Contains(err.Error(), "reverted") {
		t.Errorf("oracle of a development-setup model without acceptDevelopmentSetup: deployed (%v)", err)
	}
	dep, err := deploy(0, bits, perWord, true)
	if err != nil {
		t.Fatal(err)
	}
	addr := dep.Contract
	read := func(data []byte) []byte {
		out, err := chain.Call(ctx, addr, data)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if dev, _ := oracle.UnpackDevelopmentSetup(read(oracle.PackDevelopmentSetup())); !dev {
		t.Error("the oracle does not say its model is of a development setup")
	}
	raw, err := p.SolidityCalldata()
	if err != nil {
		t.Fatal(err)
	}
	r, err := chain.Transact(ctx, addr, oracle.PackSubmit(raw, p.PublicInputs))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("oracle: deploy %d gas, submit (verification through the registry + action) %d gas", dep.GasUsed, r.GasUsed)
	obs, _ := oracle.UnpackObservations(read(oracle.PackObservations([32]byte{})))
	if !obs.Triggered {
		t.Error("oracle not triggered by a value at its threshold")
	}
	if obs.Value.Cmp(value) != 0 {
		t.Errorf("oracle's last value %s, want %s", obs.Value, value)
	}
	// The same result again: nothing new to act on.
	_, err = chain.Call(ctx, addr, oracle.PackSync([32]byte{}))
	expectRevert(t, "oracle sync without a new result", err, false, "NoNewResult(")
	// A result proven by someone else, read from the registry.
	if _, err := VerifyThroughRegistry(ctx, chain, registry, m.reg.ModelID, m.proofs[1], true); err != nil {
		t.Fatal(err)
	}
	if _, err := chain.Transact(ctx, addr, oracle.PackSync([32]byte{})); err != nil {
		t.Fatal(err)
	}
	obs, _ = oracle.UnpackObservations(read(oracle.PackObservations([32]byte{})))
	last, err := ResultOf(ctx, chain, registry, m.reg.ModelID, [32]byte{})
	if err != nil || obs.Sequence != last.Sequence {
		t.Errorf("oracle sequence %d, registry's %+v (%v)", obs.Sequence, last, err)
	}
	// A tampered submission changes nothing.
	bad := append([]*big.Int(nil), p.PublicInputs...)
	bad[0] = new(big.Int).Add(bad[0], big.NewInt(1))
	_, err = chain.Transact(ctx, addr, oracle.PackSubmit(raw, bad))
	expectRevert(t, "oracle submit of a tampered output", err, false, "ProofRejected(0x")
}

// TestFixedPointLibrary checks the decoding of fixed-point public inputs
// by the Solidity library, through its harness.
func TestFixedPointLibrary(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	dep, err := chain.Deploy(ctx, common.FromHex(bindings.ZkmlFixedPointHarnessMetaData.Bin))
	if err != nil {
		t.Fatal(err)
	}
	h := bindings.NewZkmlFixedPointHarness()
	r := ecc.BN254.ScalarField()
	field := func(v int64) *big.Int { return new(big.Int).Mod(big.NewInt(v), r) }
	call := func(data []byte) ([]byte, error) { return chain.Call(ctx, dep.Contract, data) }
	half := new(big.Int).Rsh(r, 1) // (r-1)/2: the largest positive value
	for _, tc := range []struct {
		in   *big.Int
		want *big.Int
	}{
		{field(0), big.NewInt(0)},
		{field(5), big.NewInt(5)},
		{field(-5), big.NewInt(-5)},
		{field(-1), big.NewInt(-1)},
		{half, half},
		{new(big.Int).Add(half, big.NewInt(1)), new(big.Int).Neg(half)},
	} {
		out, err := call(h.PackToSigned(tc.in))
		if err != nil {
			t.Fatalf("toSigned(%s): %v", tc.in, err)
		}
		if got, _ := h.UnpackToSigned(out); got.Cmp(tc.want) != 0 {
			t.Errorf("toSigned(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	_, err = call(h.PackToSigned(r))
	expectRevert(t, "toSigned(r)", err, false, "NotAFieldElement(", "not below the BN254 scalar field order")

	// -1.5 at scale 8 is -384; with 2 decimals -150. Rounded toward zero.
	for _, tc := range []struct {
		q             int64
		scale, digits uint8
		want          int64
	}{{-384, 8, 2, -150}, {384, 8, 2, 150}, {1, 8, 2, 0}, {-1, 8, 2, 0}, {3, 1, 0, 1}, {-3, 1, 0, -1}, {256, 8, 18, 1e18}} {
		out, err := call(h.PackToScaled(field(tc.q), tc.scale, tc.digits))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := h.UnpackToScaled(out); got.Cmp(big.NewInt(tc.want)) != 0 {
			t.Errorf("toScaled(%d, %d, %d) = %s, want %d", tc.q, tc.scale, tc.digits, got, tc.want)
		}
	}

	outs := []*big.Int{field(-7), field(3), field(-2), field(3), field(1)}
	out, err := call(h.PackArgmax(outs, big.NewInt(0), big.NewInt(5)))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := h.UnpackArgmax(out); got.Arg0.Int64() != 1 || got.Arg1.Int64() != 3 {
		t.Errorf("argmax = %v, %v; want the first maximum, 1 (value 3)", got.Arg0, got.Arg1)
	}
	out, err = call(h.PackArgmax(outs, big.NewInt(2), big.NewInt(3)))
	if got, _ := h.UnpackArgmax(out); err != nil || got.Arg0.Int64() != 2 || got.Arg1.Int64() != -2 {
		t.Errorf("argmax of one negative element = %v, %v (%v)", got.Arg0, got.Arg1, err)
	}
	for _, bounds := range [][2]int64{{0, 0}, {3, 2}, {0, 6}} {
		_, err := call(h.PackArgmax(outs, big.NewInt(bounds[0]), big.NewInt(bounds[1])))
		var rev *RevertError
		if !errors.As(err, &rev) || !strings.Contains(rev.Reason, "out-of-range slice") {
			t.Errorf("argmax over [%d, %d): got %v, want a revert", bounds[0], bounds[1], err)
		}
	}
}

// TestBuildHash checks that the build hash is stable across opening the
// build again and changes with the model, and that a missing vk.bin is a
// clear error.
func TestBuildHash(t *testing.T) {
	b, _ := tinyBuild(t, variants[1], 5)
	other, _ := tinyBuild(t, variants[1], 7)
	h1, err := BuildHash(b)
	if err != nil {
		t.Fatal(err)
	}
	reopened, err := prover.Open(b.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if h2, err := BuildHash(reopened); err != nil || h2 != h1 {
		t.Errorf("build hash changed on reopening: %x vs %x (%v)", h1, h2, err)
	}
	if h3, _ := BuildHash(other); h3 == h1 {
		t.Error("two models have the same build hash")
	}
	// The documented preimage, setup kind and packing layout included.
	key, err := KeyHash(b)
	if err != nil {
		t.Fatal(err)
	}
	plan := b.PlanHash()
	pre := append(append([]byte{}, plan[:]...), key[:]...)
	pre = append(pre, byte(SetupDevelopment)) // zkml's own setup
	for _, o := range b.Settings().Outputs {
		pre = binary.BigEndian.AppendUint32(pre, uint32(o.Scale))
	}
	k := b.Settings().Circuit.OutputPacking
	if k == nil {
		t.Fatal("the tiny build is not packed")
	}
	pre = append(pre, "pack"...)
	pre = binary.BigEndian.AppendUint32(pre, uint32(k.BitsPerOutput))
	pre = binary.BigEndian.AppendUint32(pre, uint32(k.OutputsPerWord))
	pre = binary.BigEndian.AppendUint64(pre, uint64(k.Offset))
	if [32]byte(crypto.Keccak256(pre)) != h1 {
		t.Error("BuildHash is not keccak256 of its documented preimage (packing layout included)")
	}
	code := []byte{1, 2, 3}
	if ModelID(h1, code, prover.Groth16, 6, 0) == ModelID(h1, code, prover.PLONK, 6, 0) ||
		ModelID(h1, code, prover.Groth16, 6, 0) == ModelID(h1, code, prover.Groth16, 5, 0) ||
		ModelID(h1, code, prover.Groth16, 6, 0) == ModelID(h1, []byte{1, 2, 4}, prover.Groth16, 6, 0) {
		t.Error("the model id does not bind the backend, the number of outputs and the verifier code")
	}
	if ModelID(h1, code, prover.Groth16, 6, 0) == ModelID(h1, code, prover.Groth16, 6, 1) {
		t.Error("the model id does not bind the number of input public inputs")
	}

	// The same build with keys of a setup that is not a development one:
	// another build hash.
	dir := filepath.Join(t.TempDir(), "build")
	if err := os.CopyFS(dir, os.DirFS(b.Dir())); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(dir, "settings.json")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `"insecure": true`, `"insecure": false`, 1)
	edited = strings.Replace(edited, `"kind": "development"`, `"kind": "ptau"`, 1)
	if edited == string(data) {
		t.Fatal(`settings.json holds no "insecure": true`)
	}
	if err := os.WriteFile(settings, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ceremony, err := prover.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if k, err := setupKind(ceremony); err != nil || k != SetupCeremony {
		t.Errorf("setup kind of a build with insecure false: %v, %v", k, err)
	}
	pre[64] = byte(SetupCeremony)
	if h, err := BuildHash(ceremony); err != nil || h == h1 || h != [32]byte(crypto.Keccak256(pre)) {
		t.Errorf("the build hash does not bind the setup kind: %x (%v)", h, err)
	}
	nokeys, err := prover.Compile(context.Background(), t.TempDir()+"/build", testmodels.TinyPlan(5), prover.Groth16, prover.Meta{ModelFile: "tiny.onnx"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := BuildHash(nokeys); err == nil || !strings.Contains(err.Error(), "run `zkml setup`") {
		t.Errorf("build without keys: got %v", err)
	}
}

// TestFixedPointUnpack: the Solidity library reads every output of packed
// public inputs as circuits.Packing packs them, at the edges of the range
// too, for the layouts zkml makes.
func TestFixedPointUnpack(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	dep, err := chain.Deploy(ctx, common.FromHex(bindings.ZkmlFixedPointHarnessMetaData.Bin))
	if err != nil {
		t.Fatal(err)
	}
	h := bindings.NewZkmlFixedPointHarness()
	call := func(data []byte) ([]byte, error) { return chain.Call(ctx, dep.Contract, data) }
	for _, bits := range []int{8, 32, 40} {
		k := circuits.Packing{Bits: bits, PerWord: circuits.MaxPackedBits / bits}
		lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)
		n := k.PerWord + 3
		vals := make([]int64, n)
		for i := range vals {
			vals[i] = []int64{lo, hi - 1, 0, -1, 1, lo + 12345%hi, hi - 1 - 777%hi}[i%7]
		}
		words, err := k.Pack(vals)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range vals {
			out, err := call(h.PackUnpack(words, big.NewInt(int64(i)), uint8(bits), uint8(k.PerWord)))
			if err != nil {
				t.Fatalf("bits=%d unpack(%d): %v", bits, i, err)
			}
			if got, _ := h.UnpackUnpack(out); got.Cmp(big.NewInt(want)) != 0 {
				t.Errorf("bits=%d unpack(%d) = %s, want %d", bits, i, got, want)
			}
		}
		// toScaled of the unpacked value: q / 2^4 with 3 decimals.
		out, err := call(h.PackUnpackScaled(words, big.NewInt(1), uint8(bits), uint8(k.PerWord), 4, 3))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := h.UnpackUnpackScaled(out); got.Cmp(new(big.Int).Quo(new(big.Int).Mul(big.NewInt(hi-1), big.NewInt(1000)), big.NewInt(16))) != 0 {
			t.Errorf("bits=%d unpackScaled(1) = %s", bits, got)
		}
		// Index 1 holds the largest value; the first maximum wins.
		out, err = call(h.PackArgmaxPacked(words, big.NewInt(0), big.NewInt(int64(n)), uint8(bits), uint8(k.PerWord)))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := h.UnpackArgmaxPacked(out); got.Arg0.Int64() != 1 || got.Arg1.Int64() != hi-1 {
			t.Errorf("bits=%d argmaxPacked = %v, %v", bits, got.Arg0, got.Arg1)
		}
		_, err = call(h.PackUnpack(words, big.NewInt(int64(len(words)*k.PerWord)), uint8(bits), uint8(k.PerWord)))
		expectRevert(t, "unpack beyond the words", err, false, "PackedIndexOutOfRange(")
	}
	for _, bad := range [][2]uint8{{0, 1}, {64, 1}, {32, 8}, {8, 0}} {
		_, err := call(h.PackUnpack([]*big.Int{big.NewInt(0)}, big.NewInt(0), bad[0], bad[1]))
		expectRevert(t, fmt.Sprintf("unpack with layout %v", bad), err, false, "BadPacking(")
	}
}
