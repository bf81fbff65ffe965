package contracts

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/contracts/bindings"
	"github.com/zkml/zkml/prover"
)

// as returns c paying with key instead: another account on the same chain.
// Close c, not the copy.
func (c *Chain) as(key *ecdsa.PrivateKey) *Chain {
	d := *c
	d.key = key
	return &d
}

// acceptAllCode is the creation code of a contract that answers keyHash()
// with key and accepts any other call: a Groth16 "verifier" that accepts
// every proof, for testing the registry's bookkeeping alone.
func acceptAllCode(key [32]byte) []byte {
	sel := crypto.Keccak256([]byte("keyHash()"))[:4]
	runtime := []byte{
		0x60, 0x00, 0x35, // PUSH1 0 CALLDATALOAD
		0x60, 0xe0, 0x1c, // PUSH1 224 SHR
		0x63, sel[0], sel[1], sel[2], sel[3], // PUSH4 keyHash()
		0x14,             // EQ
		0x60, 0x10, 0x57, // PUSH1 16 JUMPI
		0x00, // STOP: accept
		0x5b, // JUMPDEST
		0x7f, // PUSH32 key
	}
	runtime = append(runtime, key[:]...)
	runtime = append(runtime, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3) // MSTORE 0, RETURN 0 32
	// PUSH1 len DUP1 PUSH1 11 PUSH1 0 CODECOPY PUSH1 0 RETURN
	return append([]byte{0x60, byte(len(runtime)), 0x80, 0x60, 0x0b, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3}, runtime...)
}

// registerRaw registers a synthetic build with the verifier at verifier
// and returns its model id.
func registerRaw(t *testing.T, ctx context.Context, chain *Chain, registry, verifier common.Address, key [32]byte, setup SetupKind, publicInputs, inputs int) [32]byte {
	t.Helper()
	plan := [32]byte{byte(publicInputs), byte(inputs), byte(setup)}
	data := registryABI.PackRegister(plan, key, uint8(setup), nil, verifier, 0, uint32(publicInputs), uint32(inputs))
	out, err := chain.Call(ctx, registry, data)
	if err != nil {
		t.Fatalf("register: %v", err)
	}
	if _, err := chain.Transact(ctx, registry, data); err != nil {
		t.Fatalf("register: %v", err)
	}
	code, err := chain.CodeAt(ctx, verifier)
	if err != nil {
		t.Fatal(err)
	}
	bh := [32]byte(crypto.Keccak256(plan[:], key[:], []byte{byte(setup)}))
	id := ModelID(bh, code, prover.Groth16, publicInputs, inputs)
	if [32]byte(out) != id {
		t.Fatalf("the registry's model id %x, ModelID %x", out, id)
	}
	return id
}

func ints(v ...int64) []*big.Int {
	out := make([]*big.Int, len(v))
	for i, x := range v {
		out[i] = big.NewInt(x)
	}
	return out
}

func sameInts(a, b []*big.Int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Cmp(b[i]) != 0 {
			return false
		}
	}
	return true
}

// TestRegistryResultsPerInput checks the registry's bookkeeping with a
// verifier that accepts everything: results are kept per input key, a
// second account's proof of another input leaves the first input's result
// alone, a model with a private input has one result anyone overwrites,
// and the example consumer refuses a development setup unless told to
// accept it.
func TestRegistryResultsPerInput(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	alice, bob := chain, chain.as(devKeys()[1])
	dep, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	registry := dep.Contract
	key := [32]byte{0xac}
	acc, err := chain.Deploy(ctx, acceptAllCode(key))
	if err != nil {
		t.Fatal(err)
	}
	if got := readKeyHash(t, ctx, chain, acc.Contract); got != key {
		t.Fatalf("the accept-all verifier's keyHash() is %x", got)
	}

	// The input key, in Go and in the registry.
	for _, in := range [][]*big.Int{nil, ints(7), ints(7, 8), ints(7, 8, 9)} {
		out, err := chain.Call(ctx, registry, registryABI.PackInputKeyOf(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := InputKey(in); [32]byte(out) != got {
			t.Errorf("inputKeyOf(%v) = %x on chain, InputKey %x", in, out, got)
		}
	}

	// Registrations: the input part within the public inputs, a known
	// setup kind; model() reports both.
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister([32]byte{1}, key, 1, nil, acc.Contract, 0, 3, 4))
	expectRevert(t, "4 input public inputs of 3", err, false, "BadInputCount(4, 3)")
	_, err = chain.Transact(ctx, registry, registryABI.PackRegister([32]byte{1}, key, 2, nil, acc.Contract, 0, 3, 1))
	expectRevert(t, "setup kind 2", err, false, "UnsupportedSetupKind(2)")
	hashed := registerRaw(t, ctx, chain, registry, acc.Contract, key, SetupCeremony, 3, 1)
	public := registerRaw(t, ctx, chain, registry, acc.Contract, key, SetupCeremony, 4, 2)
	private := registerRaw(t, ctx, chain, registry, acc.Contract, key, SetupCeremony, 2, 0)
	dev := registerRaw(t, ctx, chain, registry, acc.Contract, key, SetupDevelopment, 3, 1)
	for _, c := range []struct {
		id        [32]byte
		n, inputs int
		setup     SetupKind
	}{{hashed, 3, 1, SetupCeremony}, {public, 4, 2, SetupCeremony}, {private, 2, 0, SetupCeremony}, {dev, 3, 1, SetupDevelopment}} {
		m, err := ModelInfo(ctx, chain, registry, c.id)
		if err != nil || m.PublicInputs != c.n || m.Inputs != c.inputs || m.Setup != c.setup || m.Verifier != acc.Contract {
			t.Errorf("model %x: %+v, %v", c.id[:4], m, err)
		}
	}

	verify := func(who *Chain, id [32]byte, public []*big.Int) ([32]byte, error) {
		data := registryABI.PackVerify(id, []byte("any proof"), public)
		out, err := who.Call(ctx, registry, data)
		if err != nil {
			return [32]byte{}, err
		}
		ret, err := registryABI.UnpackVerify(out)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := who.Transact(ctx, registry, data); err != nil {
			return [32]byte{}, err
		}
		return ret.InputKey, nil
	}
	check := func(what string, id, inputKey [32]byte, prover common.Address, seq uint32, outputs []*big.Int) {
		t.Helper()
		r, err := ResultOf(ctx, chain, registry, id, inputKey)
		if err != nil {
			t.Errorf("%s: %v", what, err)
			return
		}
		if r.Prover != prover || r.Sequence != seq || !sameInts(r.Outputs, outputs) {
			t.Errorf("%s: %+v from %s, want %v from %s, sequence %d", what, r, r.Prover, outputs, prover, seq)
		}
	}

	// A hashed input: the commitment is the key. Alice proves her input,
	// Bob proves another one: Alice's result stays hers.
	k1, err := verify(alice, hashed, ints(1001, 5, 6))
	if err != nil || k1 != InputKey(ints(1001)) {
		t.Fatalf("alice's proof: key %x, %v", k1, err)
	}
	if k2, err := verify(bob, hashed, ints(2002, 7, 8)); err != nil || k2 != InputKey(ints(2002)) {
		t.Fatalf("bob's proof: key %x, %v", k2, err)
	}
	check("alice's input after bob's proof", hashed, k1, alice.From(), 1, ints(5, 6))
	check("bob's input", hashed, InputKey(ints(2002)), bob.From(), 1, ints(7, 8))
	out, err := chain.Call(ctx, registry, registryABI.PackResultFor(hashed, ints(1001)))
	if r, uerr := registryABI.UnpackResultFor(out); err != nil || uerr != nil || r.Prover != alice.From() || !sameInts(r.Outputs, ints(5, 6)) {
		t.Errorf("resultFor(alice's commitment): %+v, %v, %v", r, err, uerr)
	}
	_, err = chain.Call(ctx, registry, registryABI.PackResultFor(hashed, ints(1001, 2)))
	expectRevert(t, "resultFor with 2 input values of 1", err, false, "WrongInputCount(0x", "2 input values given")
	_, err = ResultOf(ctx, chain, registry, hashed, InputKey(ints(3003)))
	expectRevert(t, "an input nobody proved", err, false, "NoResult(0x", "no proof of model")
	// A new proof of the same input replaces its result (with a sound
	// verifier, the same outputs: TestRegistryPerInputGroth16).
	if _, err := verify(bob, hashed, ints(1001, 5, 6)); err != nil {
		t.Fatal(err)
	}
	check("alice's input proven again by bob", hashed, k1, bob.From(), 2, ints(5, 6))
	// The input part must be field elements too.
	_, err = verify(bob, hashed, []*big.Int{ecc.BN254.ScalarField(), big.NewInt(1), big.NewInt(2)})
	expectRevert(t, "a commitment outside the field", err, false, "OutputNotInField(0x", ", 0)")

	// A public input: the key is the hash of its values.
	pk, err := verify(alice, public, ints(3, 4, 50, 60))
	if err != nil || pk != InputKey(ints(3, 4)) {
		t.Fatalf("public input: key %x, %v", pk, err)
	}
	if _, err := verify(bob, public, ints(3, 5, 70, 80)); err != nil {
		t.Fatal(err)
	}
	check("alice's public input after bob's", public, pk, alice.From(), 1, ints(50, 60))

	// A private input: one result, which anyone overwrites with any input.
	if k, err := verify(alice, private, ints(1, 2)); err != nil || k != ([32]byte{}) {
		t.Fatalf("private input: key %x, %v", k, err)
	}
	if _, err := verify(bob, private, ints(3, 4)); err != nil {
		t.Fatal(err)
	}
	check("a private-input model's result", private, [32]byte{}, bob.From(), 2, ints(3, 4))

	// The example consumer: per input, and development setups refused
	// unless accepted.
	oracle := bindings.NewZkmlThresholdOracle()
	deployOracle := func(id [32]byte, acceptDev bool) (common.Address, error) {
		r, err := chain.Deploy(ctx, append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin),
			oracle.PackConstructor(registry, id, big.NewInt(0), big.NewInt(10), 0, 0, acceptDev)...))
		if err != nil {
			return common.Address{}, err
		}
		return r.Contract, nil
	}
	code := append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin), oracle.PackConstructor(registry, dev, big.NewInt(0), big.NewInt(10), 0, 0, false)...)
	if _, err := deployOracle(dev, false); err == nil {
		t.Error("the oracle accepted a development-setup model without being told to")
	}
	_, err = chain.client.CallContract(ctx, ethereum.CallMsg{From: chain.From(), Data: code}, nil)
	expectRevert(t, "oracle of a development setup", chain.callError(common.Address{}, err), false, "DevelopmentSetup(0x", "development setup")
	if _, err := deployOracle(dev, true); err != nil {
		t.Errorf("the oracle told to accept development setups: %v", err)
	}
	o, err := deployOracle(hashed, false)
	if err != nil {
		t.Fatal(err)
	}
	// Bob's proof through the oracle is about his input only.
	raw := []byte("any proof")
	if _, err := bob.Transact(ctx, o, oracle.PackSubmit(raw, ints(2002, 3, 0))); err != nil {
		t.Fatal(err)
	}
	if _, err := alice.Transact(ctx, o, oracle.PackSync(k1)); err != nil {
		t.Fatal(err)
	}
	obs := func(k [32]byte) bindings.ObservationsOutput {
		out, err := chain.Call(ctx, o, oracle.PackObservations(k))
		if err != nil {
			t.Fatal(err)
		}
		r, err := oracle.UnpackObservations(out)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if a, b := obs(k1), obs(InputKey(ints(2002))); a.Value.Int64() != 5 || a.Triggered || a.Sequence != 2 || b.Value.Int64() != 3 || b.Sequence != 2 {
		t.Errorf("the oracle saw %+v for alice's input, %+v for bob's", a, b)
	}
	_, err = chain.Call(ctx, o, oracle.PackSync(k1))
	expectRevert(t, "oracle sync of a result seen", err, false, "NoNewResult(0x")
}

// squareCircuit proves Y = X·X with both public: X is the "input" part of
// its public inputs, Y the "output".
type squareCircuit struct {
	X frontend.Variable `gnark:",public"`
	Y frontend.Variable `gnark:",public"`
}

func (c *squareCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(api.Mul(c.X, c.X), c.Y)
	return nil
}

// TestRegistryPerInputGroth16 is issue 14's overwrite, with a real Groth16
// circuit whose first public input is the input: on the embedded chain,
// the devnet and anvil (when installed), through the generic verifier (and
// the specialized one when solc is installed), a second account's proofs
// of another input, or of other outputs for the first input, leave the
// result a consumer reads for the first input unchanged.
func TestRegistryPerInputGroth16(t *testing.T) {
	ctx := testContext(t)
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &squareCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	pk, vkAny, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	vk := vkAny.(*groth16_bn254.VerifyingKey)
	prove := func(x int64) ([]byte, []*big.Int) {
		t.Helper()
		wit, err := frontend.NewWitness(&squareCircuit{X: x, Y: x * x}, ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		p, err := groth16.Prove(ccs, pk, wit, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
		if err != nil {
			t.Fatal(err)
		}
		return p.(*groth16_bn254.Proof).MarshalSolidity(), ints(x, x*x)
	}
	aliceProof, alicePublic := prove(3)
	bobProof, bobPublic := prove(5)
	gk, err := newGenericKey(vk, 2, "square")
	if err != nil {
		t.Fatal(err)
	}
	var specialized []byte
	if solc, err := FindSolc(); err == nil {
		var src bytes.Buffer
		if err := vk.ExportSolidity(&src); err != nil {
			t.Fatal(err)
		}
		// gnark's template has no keyHash(): add it, as zkml's specialized verifiers have.
		h := gk.hash()
		s := strings.Replace(src.String(), "contract Verifier {", "contract Verifier {\n    bytes32 public constant keyHash = 0x"+common.Bytes2Hex(h[:])+";", 1)
		art, err := solc.Compile(ctx, map[string]string{"Verifier.sol": s}, "Verifier.sol", "Verifier")
		if err != nil {
			t.Fatal(err)
		}
		specialized = art.Bytecode
	}

	chains := map[string]func(t *testing.T) *Chain{
		"embedded": func(t *testing.T) *Chain { return NewSimulated() },
		"devnet": func(t *testing.T) *Chain {
			d, err := StartDevnet(0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { d.Close() })
			c, err := Dial(ctx, d.URL, devKeys()[0], d.ChainID())
			if err != nil {
				t.Fatal(err)
			}
			return c
		},
		"anvil": startAnvil,
	}
	for name, open := range chains {
		t.Run(name, func(t *testing.T) {
			chain := open(t)
			defer chain.Close()
			alice, bob := chain, chain.as(devKeys()[1])
			dep, err := DeployRegistry(ctx, chain)
			if err != nil {
				t.Fatal(err)
			}
			registry := dep.Contract
			verifiers := map[string][]byte{"generic": append(GenericVerifierBytecode(), gk.args(nil)...)}
			if specialized != nil {
				verifiers["specialized"] = specialized
			}
			for vname, code := range verifiers {
				v, err := chain.Deploy(ctx, code)
				if err != nil {
					t.Fatal(err)
				}
				id := registerRaw(t, ctx, chain, registry, v.Contract, gk.hash(), SetupDevelopment, 2, 1)
				send := func(who *Chain, proof []byte, public []*big.Int) (*RegistryVerification, error) {
					return verifyThroughRegistry(ctx, who, registry, registryABI.PackVerify(id, proof, public), true)
				}
				res, err := send(alice, aliceProof, alicePublic)
				if err != nil {
					t.Fatalf("%s: alice's proof: %v", vname, err)
				}
				t.Logf("%s on %s: verification through the registry, first result of an input: %d gas", vname, name, res.Gas)
				if res.InputKey != InputKey(ints(3)) {
					t.Errorf("%s: input key %x", vname, res.InputKey)
				}
				// Bob proves another input: his own result.
				if res, err = send(bob, bobProof, bobPublic); err != nil {
					t.Fatalf("%s: bob's proof: %v", vname, err)
				}
				// Bob's proof relabelled as one of alice's input, and
				// alice's proof with other outputs: rejected.
				_, err = send(bob, bobProof, ints(3, 25))
				expectRevert(t, vname+": bob's proof under alice's input", err, true, "ProofRejected(0x", "ProofInvalid()")
				_, err = send(bob, aliceProof, ints(3, 10))
				expectRevert(t, vname+": alice's proof with other outputs", err, true, "ProofRejected(0x", "ProofInvalid()")
				// The development setup is visible on chain, and the example
				// consumer refuses it unless told to accept it.
				if m, err := ModelInfo(ctx, chain, registry, id); err != nil || m.Setup != SetupDevelopment || m.Inputs != 1 {
					t.Errorf("%s: the registry's model view: %+v, %v", vname, m, err)
				}
				oracle := bindings.NewZkmlThresholdOracle()
				oracleCode := func(accept bool) []byte {
					return append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin),
						oracle.PackConstructor(registry, id, big.NewInt(0), big.NewInt(10), 0, 0, accept)...)
				}
				if _, err := chain.Deploy(ctx, oracleCode(false)); err == nil {
					t.Errorf("%s: an oracle of a development-setup model deployed without acceptDevelopmentSetup", vname)
				}
				o, err := chain.Deploy(ctx, oracleCode(true))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := bob.Transact(ctx, o.Contract, oracle.PackSync(InputKey(ints(3)))); err != nil {
					t.Fatal(err)
				}
				out, err := chain.Call(ctx, o.Contract, oracle.PackObservations(InputKey(ints(3))))
				if obs, uerr := oracle.UnpackObservations(out); err != nil || uerr != nil || obs.Value.Int64() != 9 || obs.Triggered {
					t.Errorf("%s: the oracle's observation of alice's input: %+v (%v, %v)", vname, obs, err, uerr)
				}
				for _, c := range []struct {
					x, y int64
					who  common.Address
				}{{3, 9, alice.From()}, {5, 25, bob.From()}} {
					out, err := chain.Call(ctx, registry, registryABI.PackResultFor(id, ints(c.x)))
					r, uerr := registryABI.UnpackResultFor(out)
					if err != nil || uerr != nil || r.Prover != c.who || r.Sequence != 1 || !sameInts(r.Outputs, ints(c.y)) {
						t.Errorf("%s: result for x = %d: %+v (%v, %v), want y = %d from %s", vname, c.x, r, err, uerr, c.y, c.who)
					}
				}
			}
		})
	}
}

// startAnvil starts anvil (`make tools`) on a free port and connects to it,
// paying with the first dev account; the test skips without anvil.
func startAnvil(t *testing.T) *Chain {
	bin, _ := filepath.Abs(filepath.Join("..", ".tools", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"))
	if _, err := os.Stat(bin); err != nil {
		t.Skip("anvil not installed (run `make tools`)")
	}
	for try := 0; ; try++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
		l.Close()
		cmd := exec.Command(bin, "--host", "127.0.0.1", "--port", port, "--silent")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			select {
			case <-exited:
				deadline = time.Time{}
				continue
			default:
			}
			c, err := Dial(context.Background(), "http://127.0.0.1:"+port, devKeys()[0], 31337)
			if err == nil {
				t.Cleanup(func() { cmd.Process.Kill(); <-exited })
				return c
			}
		}
		cmd.Process.Kill()
		if try == 4 {
			t.Fatal("anvil did not serve on a free port in 5 tries")
		}
	}
}

// TestOracleDomain: the example consumer's submitInDomain and syncInDomain
// refuse a result whose domain bit, the last public input, is 0 (an input
// beyond the calibrated domain) and take one whose bit is 1; submit and
// sync, for models without the bit, do not look at it.
func TestOracleDomain(t *testing.T) {
	ctx := testContext(t)
	chain := NewSimulated()
	defer chain.Close()
	dep, err := DeployRegistry(ctx, chain)
	if err != nil {
		t.Fatal(err)
	}
	registry := dep.Contract
	key := [32]byte{0xd0}
	acc, err := chain.Deploy(ctx, acceptAllCode(key))
	if err != nil {
		t.Fatal(err)
	}
	// A hashed input, one output, the domain bit.
	id := registerRaw(t, ctx, chain, registry, acc.Contract, key, SetupCeremony, 3, 1)
	oracle := bindings.NewZkmlThresholdOracle()
	r, err := chain.Deploy(ctx, append(common.FromHex(bindings.ZkmlThresholdOracleMetaData.Bin),
		oracle.PackConstructor(registry, id, big.NewInt(0), big.NewInt(10), 0, 0, false)...))
	if err != nil {
		t.Fatal(err)
	}
	o, raw := r.Contract, []byte("any proof")

	// submitInDomain: the bit 1 is taken, 0 refused.
	if _, err := chain.Transact(ctx, o, oracle.PackSubmitInDomain(raw, ints(101, 20, 1))); err != nil {
		t.Fatalf("in domain: %v", err)
	}
	_, err = chain.Call(ctx, o, oracle.PackSubmitInDomain(raw, ints(102, 20, 0)))
	expectRevert(t, "submitInDomain of an input out of its domain", err, false, "OutOfDomain(0x", "calibrated domain")
	// syncInDomain of results verified through the registry by someone else.
	if _, err := chain.Transact(ctx, registry, registryABI.PackVerify(id, raw, ints(103, 30, 0))); err != nil {
		t.Fatal(err)
	}
	if _, err := chain.Transact(ctx, registry, registryABI.PackVerify(id, raw, ints(104, 30, 1))); err != nil {
		t.Fatal(err)
	}
	_, err = chain.Call(ctx, o, oracle.PackSyncInDomain(InputKey(ints(103))))
	expectRevert(t, "syncInDomain of an input out of its domain", err, false, "OutOfDomain(0x")
	if _, err := chain.Transact(ctx, o, oracle.PackSyncInDomain(InputKey(ints(104)))); err != nil {
		t.Fatalf("syncInDomain in domain: %v", err)
	}
	// sync, for models without the bit, takes either.
	if _, err := chain.Transact(ctx, o, oracle.PackSync(InputKey(ints(103)))); err != nil {
		t.Fatalf("sync: %v", err)
	}
}
