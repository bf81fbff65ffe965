package prover

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// The key cache.
//
// A development setup (Groth16's single-party setup, PLONK on the
// development SRS) depends on nothing but the constraint system, so keys
// made once for a circuit serve every build of the same circuit: the cache
// keeps them under the SHA-256 of circuit.ccs (which the file's header
// already holds), the backend, the development setup's version and the
// artifact format version. Keys from a
// powers-of-tau file, an SRS file or a ceremony are never cached: whoever
// set them up chose them for one build, and reusing them silently would
// hide where a build's keys came from.
//
// An entry is a directory holding pk.bin and vk.bin as a build holds them
// (header, checksum, payload) and setup.json, the setup's SetupInfo. Reuse
// copies the payloads into the build under this build's header, checking
// the cached checksums on the way; a damaged entry is removed and the setup
// runs instead. The cache keeps the most recently used keyCacheEntries
// entries.

// keyCacheEntries is how many circuits' keys the cache keeps.
const keyCacheEntries = 4

// devSetupVersion names the shape of the development keys in cache entry
// names: 2 since the Pedersen key's G2 base is γ (five pairings on chain
// instead of six), so that keys cached before are made again, not reused.
const devSetupVersion = 2

// WithKeyCache makes Setup reuse the development keys of an identical
// circuit from dir, and store the keys of its own development setups
// there (see the package documentation). An empty dir means no cache.
// A dir that cannot be created disables the cache silently: it only saves
// time.
func WithKeyCache(dir string) Option {
	return func(o *options) { o.keyCache = dir }
}

// cacheable reports whether a setup with opts is a development setup,
// the only kind the cache holds.
func cacheable(opts SetupOptions) bool { return opts.SRSPath == "" && opts.PTauPath == "" }

// cacheEntry is the directory of this build's circuit in the cache.
func (b *Build) cacheEntry() (string, error) {
	h, err := readHeader(b.path(circuitFile), "recompile with `zkml compile`")
	if err != nil {
		return "", err
	}
	name := fmt.Sprintf("%s-dev%d-v%d-%s", b.settings.Backend, devSetupVersion, artifactVersion, hex.EncodeToString(h.sum[:]))
	return filepath.Join(b.keyCache, name), nil
}

// reuseKeys installs cached keys when the cache has this circuit's. It
// returns false, with no error, when it has not (or the entry is damaged:
// it is then removed).
func (b *Build) reuseKeys() (bool, error) {
	entry, err := b.cacheEntry()
	if err != nil {
		return false, err
	}
	data, err := os.ReadFile(filepath.Join(entry, "setup.json"))
	if err != nil {
		return false, nil
	}
	var info SetupInfo
	if err := json.Unmarshal(data, &info); err != nil {
		os.RemoveAll(entry)
		return false, nil
	}
	b.report("reusing the development keys of an identical circuit from " + entry)
	setupID, err := decodeSetupID(info.ID)
	if err != nil {
		os.RemoveAll(entry)
		return false, nil
	}
	var sizes [2]int64
	for i, f := range []string{pkFile, vkFile} {
		n, err := b.copyCachedKey(filepath.Join(entry, f), f, setupID)
		if err != nil {
			// A damaged entry: forget it and set up afresh.
			b.report(fmt.Sprintf("ignoring the cached keys (%v)", err))
			os.RemoveAll(entry)
			for _, f := range []string{pkFile, vkFile} {
				os.Remove(b.path(f))
			}
			return false, nil
		}
		sizes[i] = n
	}
	now := time.Now()
	os.Chtimes(entry, now, now)
	info.ProvingKeyBytes, info.VerifyingKeyBytes = sizes[0], sizes[1]
	if info.ProvingKeySHA256, err = payloadSum(b.path(pkFile)); err != nil {
		return false, err
	}
	info.ReusedFrom = entry
	b.mu.Lock()
	b.settings.Setup = &info
	b.pk, b.vk, b.gpuKey = nil, nil, nil
	err = writeSettings(b.dir, &b.settings)
	b.mu.Unlock()
	if err != nil {
		return false, err
	}
	// The verifying key gets the checked reader and the public input
	// count check, as for keys the build made itself.
	if _, err := b.verifyingKey(); err != nil {
		return false, err
	}
	return true, nil
}

// copyCachedKey copies the key file src of the cache into the build as f,
// under this build's header, and checks the cached checksum.
func (b *Build) copyCachedKey(src, f string, setupID [16]byte) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	h, err := readHeaderFrom(in, src, "")
	if err != nil {
		return 0, err
	}
	want := kindProvingKey
	if f == vkFile {
		want = kindVerifyingKey
	}
	if h.kind != want || h.backend != b.settings.Backend || h.setupID != setupID {
		return 0, fmt.Errorf("%s is not the cached %s", src, want)
	}
	hash := sha256.New()
	out := header{kind: want, backend: b.settings.Backend, planHash: b.planHash, setupID: setupID}
	n, err := writeArtifact(b.path(f), out, func(w io.Writer) error {
		_, err := io.Copy(io.MultiWriter(w, hash), bufio.NewReaderSize(io.LimitReader(in, int64(h.size)), 1<<20))
		if err == nil && !bytes.Equal(hash.Sum(nil), h.sum[:]) {
			err = fmt.Errorf("%s is corrupt (checksum mismatch)", src)
		}
		return err
	})
	return n, err
}

// storeKeys puts the build's keys, just made by a development setup, into
// the cache, and trims it. Failures are reported and otherwise ignored.
func (b *Build) storeKeys() {
	if err := b.storeKeysErr(); err != nil {
		b.report(fmt.Sprintf("not caching the keys: %v", err))
	}
}

func (b *Build) storeKeysErr() error {
	entry, err := b.cacheEntry()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(b.keyCache, 0o755); err != nil {
		return nil // no cache here (WithKeyCache: silently)
	}
	tmp, err := os.MkdirTemp(b.keyCache, ".entry")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, f := range []string{pkFile, vkFile} {
		// A hard link costs nothing; the build's files are replaced by
		// rename, never rewritten in place, so the link stays intact.
		if err := os.Link(b.path(f), filepath.Join(tmp, f)); err != nil {
			if err := copyPlain(b.path(f), filepath.Join(tmp, f)); err != nil {
				return err
			}
		}
	}
	info := *b.settings.Setup
	info.ReusedFrom = ""
	data, err := json.MarshalIndent(&info, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, "setup.json"), data, 0o644); err != nil {
		return err
	}
	os.RemoveAll(entry)
	if err := os.Rename(tmp, entry); err != nil {
		return err
	}
	trimCache(b.keyCache, keyCacheEntries)
	return nil
}

// trimCache removes all but the keep most recently used entries of dir.
func trimCache(dir string, keep int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type aged struct {
		path string
		t    time.Time
	}
	var all []aged
	for _, e := range entries {
		if !e.IsDir() || e.Name()[0] == '.' {
			continue
		}
		if fi, err := e.Info(); err == nil {
			all = append(all, aged{filepath.Join(dir, e.Name()), fi.ModTime()})
		}
	}
	slices.SortFunc(all, func(a, b aged) int { return b.t.Compare(a.t) })
	for _, a := range all[min(keep, len(all)):] {
		os.RemoveAll(a.path)
	}
}

func copyPlain(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// DefaultKeyCache is the key cache of the zkml command: $ZKML_KEY_CACHE when
// set ("off" for none), else zkml/keys in the user's cache directory
// (os.UserCacheDir); "" when there is none.
func DefaultKeyCache() string {
	if d := os.Getenv("ZKML_KEY_CACHE"); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "zkml", "keys")
}
