package prover

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProvingKeyHashRecorded shows that prove refuses a pk.bin whose own
// checksum is consistent but whose payload is not the one settings.json
// records: the key is read without subgroup checks, so only the exact bytes
// Setup wrote may reach the decoder.
func TestProvingKeyHashRecorded(t *testing.T) {
	src, _ := built(t, Groth16)
	dir := copyBuild(t, src)
	path := filepath.Join(dir, pkFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Change one byte of the payload and fix the header's checksum.
	data[headerSize+len(data[headerSize:])/2] ^= 1
	sum := sha256.Sum256(data[headerSize:])
	copy(data[64:96], sum[:])
	if binary.BigEndian.Uint64(data[56:]) != uint64(len(data)-headerSize) {
		t.Fatal("header layout changed; update this test")
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Open checks the headers of the key files: it refuses the build.
	b, err := Open(dir)
	if err == nil {
		_, err = b.Prove(context.Background(), tinyInput)
	}
	if err == nil || !strings.Contains(err.Error(), "not the proving key settings.json records") {
		t.Fatalf("a pk.bin with another payload: got %v", err)
	}
	if !bytes.Contains([]byte(err.Error()), []byte(pkFile)) {
		t.Errorf("the error does not name %s: %v", pkFile, err)
	}
}

// TestBuildWithoutProvingKeyHash: a build made before settings.json
// recorded pk.bin's hash is still read and proves (its pk.bin is then
// guarded by the file's own checksum only); a malformed hash is refused.
func TestBuildWithoutProvingKeyHash(t *testing.T) {
	src, _ := built(t, Groth16)
	dir := copyBuild(t, src)
	editSettings(t, dir, func(m map[string]any) {
		delete(m["setup"].(map[string]any), "proving_key_sha256")
	})
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Prove(context.Background(), tinyInput)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(b, p); err != nil {
		t.Fatal(err)
	}
	editSettings(t, dir, func(m map[string]any) {
		m["setup"].(map[string]any)["proving_key_sha256"] = "abc"
	})
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "proving_key_sha256") {
		t.Errorf("a malformed proving_key_sha256: got %v", err)
	}
}
