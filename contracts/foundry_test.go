package contracts

import (
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/internal/testenv"
)

// TestFoundryFiles: the Foundry project of export-verifier --foundry holds
// the proof as the verifiers take it, and its test contract, run here on
// the embedded chain (solcjs, no forge), passes on a valid proof of each
// backend and fails on a forged one. cmd/zkml's foundry script runs forge
// itself on it.
func TestFoundryFiles(t *testing.T) {
	for _, v := range []variant{variants[0], variants[2]} {
		t.Run(v.name, func(t *testing.T) {
			b, proofs := tinyBuild(t, v, 0)
			ver, err := NewVerifier(b)
			if err != nil {
				t.Fatal(err)
			}
			p := proofs[0]
			files, err := FoundryFiles(ver, b, p, "dir/proof.json")
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for n := range files {
				names = append(names, n)
			}
			sort.Strings(names)
			if got := strings.Join(names, " "); got != ".gitignore foundry.toml src/Verifier.sol test/ProofFixture.sol test/Verifier.t.sol" {
				t.Fatalf("files %s", got)
			}
			raw, _ := p.SolidityCalldata()
			fixture := string(files["test/ProofFixture.sol"])
			if !strings.Contains(strings.NewReplacer("\"\n        hex\"", "").Replace(fixture), hex.EncodeToString(raw)) ||
				!strings.Contains(fixture, "from proof.json;") || !strings.Contains(fixture, "input[0] = "+p.PublicInputs[0].String()+";") {
				t.Fatalf("the fixture lacks the proof's bytes or public inputs:\n%s", fixture)
			}
			if strings.Contains(string(files["test/Verifier.t.sol"]), "vm.") {
				t.Fatal("the test uses cheatcodes")
			}
			// A proof of another build is refused.
			otherVariant := variants[2]
			if v.backend == otherVariant.backend {
				otherVariant = variants[0]
			}
			other, otherProofs := tinyBuild(t, otherVariant, 0)
			if _, err := FoundryFiles(ver, b, otherProofs[0], "other.json"); err == nil {
				t.Fatalf("a proof of %s was taken as one of %s", other.Dir(), b.Dir())
			}

			solc := optionalSolc(t)
			if solc == nil {
				return
			}
			// The project's tests on the embedded chain, as forge runs them:
			// setUp in a transaction, each test_ function in a call that must
			// not revert.
			run := func(files map[string][]byte) map[string]error {
				sources := map[string]string{}
				for n, c := range files {
					if strings.HasSuffix(n, ".sol") {
						sources[n] = string(c)
					}
				}
				art, err := solc.Compile(testContext(t), sources, "test/Verifier.t.sol", "VerifierTest")
				if err != nil {
					t.Fatal(err)
				}
				chain := NewSimulated()
				defer chain.Close()
				r, err := chain.Deploy(testContext(t), art.Bytecode)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := chain.Transact(testContext(t), r.Contract, crypto.Keccak256([]byte("setUp()"))[:4]); err != nil {
					t.Fatal(err)
				}
				res := map[string]error{}
				for _, f := range []string{"test_ProofVerifies()", "test_ChangedPublicInputRejected()", "test_ChangedProofRejected()"} {
					_, res[f] = chain.Call(testContext(t), r.Contract, crypto.Keccak256([]byte(f))[:4])
				}
				return res
			}
			for f, err := range run(files) {
				if err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}
			// A forged output: the fixture's first public input plus one.
			forged := *p
			forged.PublicInputs = append(forged.PublicInputs[:0:0], p.PublicInputs...)
			forged.PublicInputs[0] = new(big.Int).Add(p.PublicInputs[0], big.NewInt(1))
			files, err = FoundryFiles(ver, b, &forged, "forged.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := run(files)["test_ProofVerifies()"]; err == nil {
				t.Fatal("test_ProofVerifies passed on a forged proof")
			}
		})
	}
}

// TestWriteFoundry: a project is written, written again over itself, and
// never over a foundry.toml zkml did not write.
func TestWriteFoundry(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"foundry.toml": []byte(foundryHeader + "\n"), "src/Verifier.sol": []byte("contract Verifier {}\n")}
	for range 2 {
		paths, err := WriteFoundry(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 2 || paths[1] != filepath.Join(dir, "src", "Verifier.sol") {
			t.Fatalf("paths %v", paths)
		}
	}
	mine := t.TempDir()
	os.WriteFile(filepath.Join(mine, "foundry.toml"), []byte("[profile.default]\n"), 0o644)
	if _, err := WriteFoundry(mine, files); err == nil || !strings.Contains(err.Error(), "was not written by zkml") {
		t.Fatalf("a foreign foundry.toml: %v", err)
	}
	if _, err := os.Stat(filepath.Join(mine, "src")); err == nil {
		t.Fatal("files written next to a foreign foundry.toml")
	}
}

// TestFoundryDependency: zkml's contracts as a Foundry dependency, as
// `forge install` and the README's remapping give them: a project with the
// repository in lib/zkml (and the optimizer on, which ZkmlPlonkVerifier
// needs) imports every library and contract as zkml/...,
// and its tests (forge, offline) use ZkmlFixedPoint, ZkmlPoseidon2 and a
// ZkmlRegistry.
func TestFoundryDependency(t *testing.T) {
	forge, err := testenv.FindForge(t.TempDir())
	if err != nil {
		testenv.MissingTool(t, "forge", err)
	}
	repo := testenv.Repo()
	proj := t.TempDir()
	lib := filepath.Join(proj, "lib", "zkml")
	// What forge install clones, less what forge never reads.
	copyFile(t, filepath.Join(repo, "foundry.toml"), filepath.Join(lib, "foundry.toml"))
	sols, _ := filepath.Glob(filepath.Join(repo, "contracts", "solidity", "*.sol"))
	if len(sols) < 6 {
		t.Fatalf("contracts/solidity holds %d sources", len(sols))
	}
	for _, s := range sols {
		copyFile(t, s, filepath.Join(lib, "contracts", "solidity", filepath.Base(s)))
	}
	commitment, err := circuits.Commit(circuits.DomainInput, 8, []int64{3, -2})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(proj, "foundry.toml"), "[profile.default]\nsrc = \"src\"\nout = \"out\"\nlibs = [\"lib\"]\nevm_version = \"cancun\"\noptimizer = true\n")
	writeFile(t, filepath.Join(proj, "remappings.txt"), "zkml/=lib/zkml/contracts/solidity/\n")
	writeFile(t, filepath.Join(proj, "test", "Zkml.t.sol"), `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ZkmlRegistry} from "zkml/ZkmlRegistry.sol";
import {ZkmlFixedPoint} from "zkml/ZkmlFixedPoint.sol";
import {ZkmlPoseidon2} from "zkml/ZkmlPoseidon2.sol";
import {ZkmlThresholdOracle} from "zkml/ZkmlThresholdOracle.sol";
import {ZkmlGroth16Verifier} from "zkml/ZkmlGroth16Verifier.sol";
import {ZkmlPlonkVerifier} from "zkml/ZkmlPlonkVerifier.sol";

contract ZkmlTest {
    function test_FixedPoint() public pure {
        // Outputs 3 and -2, 8 bits each, 2 per public input: q + 128 each.
        uint256[] memory words = new uint256[](1);
        words[0] = 131 | (126 << 8);
        require(ZkmlFixedPoint.unpack(words, 0, 8, 2) == 3, "unpack 0");
        require(ZkmlFixedPoint.unpack(words, 1, 8, 2) == -2, "unpack 1");
        require(ZkmlFixedPoint.toSigned(ZkmlFixedPoint.R - 1) == -1, "toSigned");
    }

    function test_Poseidon2() public pure {
        int256[] memory values = new int256[](2);
        values[0] = 3;
        values[1] = -2;
        require(ZkmlPoseidon2.commitInput(values, 8) == `+commitment.String()+`, "commitInput is not circuits.Commit");
    }

    function test_Registry() public {
        ZkmlRegistry registry = new ZkmlRegistry();
        try registry.model(bytes32(uint256(1))) {
            revert("an unknown model");
        } catch {}
    }
}
`)
	cmd := exec.Command(forge.Path, "test", "--root", proj)
	cmd.Env = append(os.Environ(), forge.Env...)
	cmd.Env = append(cmd.Env, "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "3 passed; 0 failed") {
		t.Fatalf("forge test: %v\n%s", err, out)
	}
}

// TestNpmPackage: the repository is an npm package of the Solidity sources
// for Hardhat (npm install <repository>; import
// "zkml/contracts/solidity/ZkmlRegistry.sol"), and nothing else.
func TestNpmPackage(t *testing.T) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		testenv.MissingTool(t, "npm", err)
	}
	cmd := exec.Command(npm, "pack", "--dry-run", "--json", "--ignore-scripts")
	cmd.Dir = testenv.Repo()
	cmd.Env = append(os.Environ(), "npm_config_cache="+t.TempDir(), "npm_config_update_notifier=false")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("npm pack: %v\n%s", err, out)
	}
	var packs []struct {
		Name  string
		Files []struct{ Path string }
	}
	if err := json.Unmarshal(out, &packs); err != nil || len(packs) != 1 {
		t.Fatalf("npm pack --json: %v\n%s", err, out)
	}
	var got []string
	for _, f := range packs[0].Files {
		got = append(got, f.Path)
	}
	sort.Strings(got)
	sols, _ := filepath.Glob(filepath.Join(testenv.Repo(), "contracts", "solidity", "*.sol"))
	want := []string{"README.md", "foundry.toml", "package.json"}
	for _, s := range sols {
		want = append(want, "contracts/solidity/"+filepath.Base(s))
	}
	sort.Strings(want)
	if packs[0].Name != "zkml" || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("package %s holds\n%s\nwant\n%s", packs[0].Name, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
