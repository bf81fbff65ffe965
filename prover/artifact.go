package prover

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// Every binary file of a build directory (plan.bin, circuit.ccs, pk.bin,
// vk.bin) starts with a fixed header:
//
//	offset size
//	0      4    magic "ZKML"
//	4      2    artifact format version, big endian
//	6      1    kind (plan, constraint system, proving key, verifying key)
//	7      1    backend (1 groth16, 2 plonk)
//	8      32   plan hash: the model the file belongs to
//	40     16   setup id: which setup made the key (zero for plan and circuit)
//	56     8    payload length, big endian
//	64     32   SHA-256 of the payload
//	96          payload (gnark's or quantize's own encoding)
//
// The header lets Open name the file that belongs to another model, backend
// or setup without parsing megabytes of keys, and detect truncation from the
// file size alone. The checksum is verified before the payload is parsed:
// gnark's decoders trust the length fields they read (a flipped bit can ask
// for a terabyte slice), so a corrupt file must never reach them. With the
// checksum verified, keys can also be read without the costly subgroup
// checks: they are exactly the bytes zkml wrote.
const (
	artifactMagic   = "ZKML"
	artifactVersion = 1
	headerSize      = 96
)

type kind byte

const (
	kindPlan kind = iota + 1
	kindCircuit
	kindProvingKey
	kindVerifyingKey
	kindPhase1 // a Groth16 ceremony's phase 1 (phase1.bin)
)

func (k kind) String() string {
	switch k {
	case kindPlan:
		return "plan"
	case kindCircuit:
		return "constraint system"
	case kindProvingKey:
		return "proving key"
	case kindVerifyingKey:
		return "verifying key"
	case kindPhase1:
		return "ceremony phase 1"
	}
	return fmt.Sprintf("kind %d", byte(k))
}

type header struct {
	kind     kind
	backend  Backend
	planHash [32]byte
	setupID  [16]byte
	size     uint64
	sum      [32]byte
}

func (h *header) encode() []byte {
	b := make([]byte, headerSize)
	copy(b, artifactMagic)
	binary.BigEndian.PutUint16(b[4:], artifactVersion)
	b[6] = byte(h.kind)
	b[7] = h.backend.code()
	copy(b[8:40], h.planHash[:])
	copy(b[40:56], h.setupID[:])
	binary.BigEndian.PutUint64(b[56:], h.size)
	copy(b[64:96], h.sum[:])
	return b
}

// decodeHeader parses b (headerSize bytes); name is the file and fix the
// command that rewrites it, for errors.
func decodeHeader(b []byte, name, fix string) (header, error) {
	var h header
	if len(b) < headerSize {
		return h, fmt.Errorf("%s: too short to be a zkml file (%d bytes): %s", name, len(b), fix)
	}
	if string(b[:4]) != artifactMagic {
		return h, fmt.Errorf("%s: not a zkml file (bad magic %q): %s", name, b[:4], fix)
	}
	if v := binary.BigEndian.Uint16(b[4:]); v != artifactVersion {
		return h, fmt.Errorf("%s: file format version %d is not supported (this zkml reads version %d): %s", name, v, artifactVersion, fix)
	}
	h.kind = kind(b[6])
	if h.kind < kindPlan || h.kind > kindPhase1 {
		return h, fmt.Errorf("%s: corrupt header (unknown kind %d): %s", name, b[6], fix)
	}
	var ok bool
	if h.backend, ok = backendFromCode(b[7]); !ok {
		return h, fmt.Errorf("%s: corrupt header (unknown backend %d): %s", name, b[7], fix)
	}
	copy(h.planHash[:], b[8:40])
	copy(h.setupID[:], b[40:56])
	h.size = binary.BigEndian.Uint64(b[56:])
	copy(h.sum[:], b[64:96])
	return h, nil
}

// readHeader reads and checks the header of the file at path, and that the
// file is exactly as long as the header says.
// fix is the command that rewrites the file, for messages.
func readHeader(path, fix string) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, err
	}
	defer f.Close()
	return readHeaderFrom(f, path, fix)
}

func readHeaderFrom(f *os.File, path, fix string) (header, error) {
	st, err := f.Stat()
	if err != nil {
		return header{}, err
	}
	buf := make([]byte, headerSize)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return header{}, fmt.Errorf("%s: %w", path, err)
	}
	h, err := decodeHeader(buf[:n], path, fix)
	if err != nil {
		return h, err
	}
	want := uint64(headerSize) + h.size
	if h.size > 1<<50 || uint64(st.Size()) != want {
		if uint64(st.Size()) < want {
			return h, fmt.Errorf("%s is truncated (%d bytes, the header announces %d): %s", path, st.Size(), want, fix)
		}
		return h, fmt.Errorf("%s is corrupt (%d bytes, the header announces %d): %s", path, st.Size(), want, fix)
	}
	return h, nil
}

// expect is what a file of the build must say about itself.
type expect struct {
	kind     kind
	backend  Backend
	planHash [32]byte
	setupID  *[16]byte // nil: not a key
	sum      *[32]byte // nil: any payload (its own checksum still holds)
	fix      string    // the command that rewrites the file
}

// check compares h with e and explains a mismatch.
func (e expect) check(h header, path string) error {
	if h.kind != e.kind {
		return fmt.Errorf("%s holds a %s, not a %s; it was renamed or copied from elsewhere: %s", path, h.kind, e.kind, e.fix)
	}
	if h.planHash != e.planHash {
		return fmt.Errorf("%s belongs to another model (model hash %s, this build %s): %s", path, short(h.planHash[:]), short(e.planHash[:]), e.fix)
	}
	if h.backend != e.backend {
		return fmt.Errorf("%s is a %s %s but this build uses %s: %s", path, h.backend, h.kind, e.backend, e.fix)
	}
	if e.sum != nil && h.sum != *e.sum {
		return fmt.Errorf("%s is not the %s settings.json records (SHA-256 %s, recorded %s): %s", path, h.kind, short(h.sum[:]), short(e.sum[:]), e.fix)
	}
	if e.setupID != nil && h.setupID != *e.setupID {
		return fmt.Errorf("%s comes from another setup of this model (setup %s, settings.json records %s); pk.bin and vk.bin must come from the same setup: %s", path, hex.EncodeToString(h.setupID[:]), hex.EncodeToString(e.setupID[:]), e.fix)
	}
	return nil
}

// short abbreviates a hash for messages; 8 bytes are plenty to tell two
// models apart by eye.
func short(h []byte) string {
	if len(h) > 8 {
		h = h[:8]
	}
	return hex.EncodeToString(h) + "…"
}

// writeArtifact writes h and the payload produced by write to path. It
// writes a temporary file and renames it, so that an interrupted write never
// leaves a half-written file under the final name.
func writeArtifact(path string, h header, write func(io.Writer) error) (int64, error) {
	f, err := createTemp(path)
	if err != nil {
		return 0, err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(make([]byte, headerSize)); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	hash := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, hash)}
	bw := bufio.NewWriterSize(cw, 1<<20)
	if err := write(bw); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	h.size = uint64(cw.n)
	copy(h.sum[:], hash.Sum(nil))
	if _, err := f.WriteAt(h.encode(), 0); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Sync(); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	ok = true
	return headerSize + cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// readArtifact checks the file at path against e, verifies its checksum and
// then hands the payload to decode, which must consume all of it. A panic in
// decode (gnark's readers panic on some malformed input) becomes an error.
func readArtifact(path string, e expect, decode func(io.Reader) error) (h header, err error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return h, fmt.Errorf("%s is missing: %s", path, e.fix)
		}
		return h, err
	}
	defer f.Close()
	if h, err = readHeaderFrom(f, path, e.fix); err != nil {
		return h, err
	}
	if err := e.check(h, path); err != nil {
		return h, err
	}

	// First pass: the checksum. Reading the file twice costs little next to
	// parsing it (the second read comes from the page cache) and keeps
	// corrupt bytes away from the decoders.
	hash := sha256.New()
	if _, err := io.Copy(hash, bufio.NewReaderSize(f, 1<<20)); err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(hash.Sum(nil), h.sum[:]) {
		return h, fmt.Errorf("%s is corrupt (checksum mismatch): %s", path, e.fix)
	}

	if _, err := f.Seek(headerSize, io.SeekStart); err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	r := bufio.NewReaderSize(io.LimitReader(f, int64(h.size)), 1<<20)
	if err := safeDecode(func() error { return decode(r) }); err != nil {
		return h, fmt.Errorf("%s: cannot decode the %s: %v: %s", path, h.kind, err, e.fix)
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return h, fmt.Errorf("%s: unexpected data after the %s: %s", path, h.kind, e.fix)
	}
	return h, nil
}

// safeDecode runs f and turns a panic into an error.
func safeDecode(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed data (%v)", r)
		}
	}()
	return f()
}
