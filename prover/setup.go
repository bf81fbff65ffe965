package prover

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	kzg_bn254 "github.com/consensys/gnark-crypto/ecc/bn254/kzg"
	"github.com/consensys/gnark/constraint"
)

// SetupOptions configures [Build.Setup].
type SetupOptions struct {
	// SRSPath (PLONK only) names a KZG SRS for BN254 in gnark-crypto's
	// encoding (kzg.SRS WriteTo/WriteRawTo, canonical form), for instance
	// one converted from a public powers-of-tau ceremony. It must hold at
	// least the circuit's domain size + 3 G1 points; larger files are fine.
	// Empty means the insecure development SRS, derived from a public seed.
	SRSPath string
	// PTauPath names a BN254 powers-of-tau file in snarkjs's format (.ptau,
	// raw or prepared for phase 2), such as the Perpetual Powers of Tau's.
	// PLONK uses its powers of τ as the KZG SRS; Groth16 runs a ceremony on
	// it with a single contribution from this machine and a random beacon
	// (see [Build.CeremonyInit] for one with several contributors).
	PTauPath string
}

// devSRSSeed derives the development SRS's secret τ = SHA-256(seed) mod r.
// It is public on purpose: the dev SRS must be reproducible by anyone, which
// is exactly why anyone can forge proofs under it.
const devSRSSeed = "zkml insecure development KZG SRS, version 1"

// Setup generates the proving and verifying keys (pk.bin, vk.bin) and
// records the setup in settings.json. Earlier keys are replaced, and with
// them the ability to verify earlier proofs.
//
// Groth16 needs a setup specific to the circuit. Without opts.PTauPath zkml
// runs it alone, with random secrets it discards but could have kept: the
// keys are marked insecure, good for development and benchmarks only. PLONK
// derives its keys from a universal SRS: the dev SRS (insecure,
// deterministic) unless opts.PTauPath or opts.SRSPath names a ceremony's.
// With [WithKeyCache], a development setup of a circuit the cache has seen
// copies its keys instead of making new ones ([SetupInfo].ReusedFrom).
//
// When ctx is done before the keys are written, Setup returns ctx.Err()
// and the build keeps its earlier keys, if any; gnark's key generation
// cannot be interrupted and finishes in the background.
func (b *Build) Setup(ctx context.Context, opts SetupOptions) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	useCache := b.keyCache != "" && cacheable(opts)
	if useCache {
		if ok, err := b.reuseKeys(); ok || err != nil {
			return err
		}
	}
	ccs, err := b.constraintSystem()
	if err != nil {
		return err
	}
	type keys struct {
		pk   provingKey
		vk   verifyingKey
		info SetupInfo
	}
	// The stages of a setup abandoned to the background go unreported.
	report := func(stage string) {
		if ctx.Err() == nil {
			b.report(stage)
		}
	}
	k, err := runGnark(ctx, b.gnarkLog, func() (keys, error) {
		pk, vk, info, err := b.scheme.setup(ccs, opts, report)
		return keys{pk, vk, info}, err
	})
	if err != nil {
		return err
	}
	if err := b.installKeys(ctx, k.pk, k.vk, k.info); err != nil {
		return err
	}
	if useCache {
		b.storeKeys()
	}
	return nil
}

// installKeys writes pk.bin, vk.bin and the setup's settings.
func (b *Build) installKeys(ctx context.Context, pk provingKey, vk verifyingKey, info SetupInfo) error {
	// The setup id is derived from the verifying key: it changes with every
	// Groth16 setup and stays the same for identical PLONK keys, which is
	// what "these two files belong together" means.
	if info.Kind == "" {
		info.Kind = SetupDevelopment
	}
	var vkBytes bytes.Buffer
	if _, err := vk.WriteRawTo(&vkBytes); err != nil {
		return fmt.Errorf("encode verifying key: %w", err)
	}
	sum := sha256.Sum256(vkBytes.Bytes())
	var id [16]byte
	copy(id[:], sum[:])
	info.ID = hex.EncodeToString(id[:])

	if err := ctx.Err(); err != nil {
		return err
	}
	b.report("writing " + pkFile)
	h := header{kind: kindProvingKey, backend: b.settings.Backend, planHash: b.planHash, setupID: id}
	// Raw (uncompressed) points: the file is about twice as large but loads
	// several times faster, and proving loads it every time.
	var err error
	if info.ProvingKeyBytes, err = writeArtifact(b.path(pkFile), h, func(w io.Writer) error {
		_, err := pk.WriteRawTo(w)
		return err
	}); err != nil {
		return err
	}
	if info.ProvingKeySHA256, err = payloadSum(b.path(pkFile)); err != nil {
		return err
	}
	h.kind = kindVerifyingKey
	if info.VerifyingKeyBytes, err = writeArtifact(b.path(vkFile), h, func(w io.Writer) error {
		_, err := w.Write(vkBytes.Bytes())
		return err
	}); err != nil {
		return err
	}

	b.mu.Lock()
	defer b.mu.Unlock()
	b.settings.Setup = &info
	b.pk, b.vk = pk, vk
	return writeSettings(b.dir, &b.settings)
}

// srsSizes returns the sizes of the canonical and Lagrange SRS that
// plonk.Setup needs for ccs: the domain covers the gates and one placeholder
// gate per public input, and the canonical SRS has 3 more points for the
// blinded polynomials.
func srsSizes(ccs constraint.ConstraintSystem) (canonical, lagrange uint64) {
	lagrange = ecc.NextPowerOfTwo(uint64(ccs.GetNbConstraints() + ccs.GetNbPublicVariables()))
	return lagrange + 3, lagrange
}

func plonkSRS(ccs constraint.ConstraintSystem, opts SetupOptions, report func(string)) (*kzg_bn254.SRS, *kzg_bn254.SRS, *SRSInfo, error) {
	nCanonical, nLagrange := srsSizes(ccs)
	path := opts.SRSPath
	if opts.PTauPath != "" {
		return ptauSRS(opts.PTauPath, nCanonical, nLagrange, report)
	}
	if path == "" {
		report(fmt.Sprintf("generating the development SRS (%d points)", nCanonical))
		canonical, lagrange, err := devSRS(nCanonical, nLagrange)
		if err != nil {
			return nil, nil, nil, err
		}
		return canonical, lagrange, &SRSInfo{Source: "dev", Size: int(nCanonical), TauG2: tauG2(canonical)}, nil
	}

	report("reading the SRS " + path)
	srs, sum, err := readSRS(path)
	if err != nil {
		return nil, nil, nil, err
	}
	if uint64(len(srs.Pk.G1)) < nCanonical {
		return nil, nil, nil, fmt.Errorf("%s: the SRS has %d G1 points but this circuit needs %d (domain size %d + 3); use a larger SRS", path, len(srs.Pk.G1), nCanonical, nLagrange)
	}
	srs.Pk.G1 = srs.Pk.G1[:nCanonical:nCanonical]
	report(fmt.Sprintf("converting the SRS to Lagrange form (%d points)", nLagrange))
	lg, err := kzg_bn254.ToLagrangeG1(srs.Pk.G1[:nLagrange])
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	lagrange := &kzg_bn254.SRS{Pk: kzg_bn254.ProvingKey{G1: lg}, Vk: srs.Vk}
	info := &SRSInfo{Source: path, SHA256: hex.EncodeToString(sum), Size: int(nCanonical), TauG2: tauG2(srs)}
	return srs, lagrange, info, nil
}

// readSRS reads a canonical KZG SRS file with the checked decoder (the file
// comes from outside) and checks that it is one: the powers of τ in G1 must
// match [τ]G2 in the verifying part, else proofs would never verify.
func readSRS(path string) (*kzg_bn254.SRS, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// gnark-crypto's decoder allocates the point count the file announces
	// before reading any point; check it against the file size first, so
	// that a wrong file gets an error rather than a terabyte allocation.
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	var count [4]byte
	if _, err := io.ReadFull(f, count[:]); err != nil {
		return nil, nil, fmt.Errorf("%s: not a BN254 KZG SRS in gnark-crypto's encoding: %v", path, err)
	}
	if n := uint64(binary.BigEndian.Uint32(count[:])); n*g1Size > uint64(st.Size())-4 {
		return nil, nil, fmt.Errorf("%s: not a BN254 KZG SRS in gnark-crypto's encoding: it announces %d points but has only %d bytes", path, n, st.Size())
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, nil, err
	}
	hash := sha256.New()
	r := bufio.NewReaderSize(io.TeeReader(f, hash), 1<<20)
	var srs kzg_bn254.SRS
	if err := safeDecode(func() error {
		_, err := srs.ReadFrom(r)
		return err
	}); err != nil {
		return nil, nil, fmt.Errorf("%s: not a BN254 KZG SRS in gnark-crypto's encoding: %v", path, err)
	}
	// Hash the rest too so that the recorded SHA-256 is the whole file's.
	if _, err := io.Copy(io.Discard, r); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := checkSRS(&srs); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	return &srs, hash.Sum(nil), nil
}

// checkSRS verifies e([τ]G1, G2) = e(G1, [τ]G2) and the generators.
func checkSRS(srs *kzg_bn254.SRS) error {
	if len(srs.Pk.G1) < 2 {
		return fmt.Errorf("the SRS has %d G1 points, fewer than 2", len(srs.Pk.G1))
	}
	_, _, g1, g2 := bn254.Generators()
	if !srs.Pk.G1[0].Equal(&g1) || !srs.Vk.G1.Equal(&g1) || !srs.Vk.G2[0].Equal(&g2) {
		return errors.New("the SRS does not start with the standard BN254 generators")
	}
	var negG1 bn254.G1Affine
	negG1.Neg(&srs.Pk.G1[0])
	ok, err := bn254.PairingCheck([]bn254.G1Affine{srs.Pk.G1[1], negG1}, []bn254.G2Affine{srs.Vk.G2[0], srs.Vk.G2[1]})
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("the SRS is inconsistent: its G1 powers do not match its [τ]G2")
	}
	return nil
}

// devSRS returns the development SRS with nCanonical powers of τ and its
// Lagrange form on the domain of size nLagrange. τ is known here, so the
// Lagrange form is computed on scalars (an inverse FFT of the powers of τ)
// and then lifted to G1, which is much faster than an FFT over G1 points.
func devSRS(nCanonical, nLagrange uint64) (*kzg_bn254.SRS, *kzg_bn254.SRS, error) {
	seed := sha256.Sum256([]byte(devSRSSeed))
	var tau fr.Element
	tau.SetBytes(seed[:]) // reduces mod r
	var bTau big.Int
	tau.BigInt(&bTau)
	canonical, err := kzg_bn254.NewSRS(nCanonical, &bTau)
	if err != nil {
		return nil, nil, fmt.Errorf("development SRS: %w", err)
	}

	// Lᵢ(τ) for the domain of size n: the inverse FFT of (1, τ, …, τⁿ⁻¹).
	powers := make([]fr.Element, nLagrange)
	powers[0].SetOne()
	for i := 1; i < len(powers); i++ {
		powers[i].Mul(&powers[i-1], &tau)
	}
	domain := fft.NewDomain(nLagrange)
	domain.FFTInverse(powers, fft.DIF)
	fft.BitReverse(powers) //nolint:staticcheck // same helper gnark's unsafekzg uses
	_, _, g1, _ := bn254.Generators()
	lagrange := &kzg_bn254.SRS{Vk: canonical.Vk}
	lagrange.Pk.G1 = bn254.BatchScalarMultiplicationG1(&g1, powers)
	return canonical, lagrange, nil
}

// ptauSRS reads the KZG SRS from a .ptau's first powers of τ.
func ptauSRS(path string, nCanonical, nLagrange uint64, report func(string)) (*kzg_bn254.SRS, *kzg_bn254.SRS, *SRSInfo, error) {
	p, err := readPTau(path, ptauNeed{tauG1: int(nCanonical), tauG2: 2, domain: nLagrange}, report)
	if err != nil {
		return nil, nil, nil, err
	}
	_, _, g1, _ := bn254.Generators()
	var srs kzg_bn254.SRS
	srs.Pk.G1 = p.TauG1
	srs.Vk.G1 = g1
	srs.Vk.G2 = [2]bn254.G2Affine{p.TauG2[0], p.TauG2[1]}
	srs.Vk.Lines[0] = bn254.PrecomputeLines(srs.Vk.G2[0])
	srs.Vk.Lines[1] = bn254.PrecomputeLines(srs.Vk.G2[1])
	report(fmt.Sprintf("converting the SRS to Lagrange form (%d points)", nLagrange))
	lg, err := kzg_bn254.ToLagrangeG1(srs.Pk.G1[:nLagrange])
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	lagrange := &kzg_bn254.SRS{Pk: kzg_bn254.ProvingKey{G1: lg}, Vk: srs.Vk}
	info := &SRSInfo{Source: path, SHA256: p.Info.SHA256, Size: int(nCanonical), TauG2: tauG2(&srs), ptau: &p.Info}
	return &srs, lagrange, info, nil
}

func tauG2(srs *kzg_bn254.SRS) string {
	b := srs.Vk.G2[1].Bytes()
	return hex.EncodeToString(b[:])
}

// payloadSum is the hex SHA-256 of the payload of the artifact at path, as
// its header records it.
func payloadSum(path string) (string, error) {
	h, err := readHeader(path, "")
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.sum[:]), nil
}
