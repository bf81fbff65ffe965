package prover

import (
	"errors"
	"fmt"
	"io"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/plonk"
	plonk_bn254 "github.com/consensys/gnark/backend/plonk/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	gnarkio "github.com/consensys/gnark/io"
)

// A scheme is what differs between the proof systems: each method is one
// call of gnark's groth16 or plonk package, or a fact about their
// encodings. The values it returns are that scheme's own: the other
// scheme's methods never see them.
type scheme interface {
	builder() frontend.NewBuilder
	newCS() constraint.ConstraintSystem
	// publicInputs is the number of public inputs of ccs, the ones a
	// verifier passes.
	publicInputs(ccs constraint.ConstraintSystem) int

	// setup generates the keys, telling report the stages it starts.
	setup(ccs constraint.ConstraintSystem, opts SetupOptions, report func(string)) (provingKey, verifyingKey, SetupInfo, error)
	newProvingKey() provingKey
	newVerifyingKey() verifyingKey
	// keyPublicInputs is the length of the public witness vk verifies.
	keyPublicInputs(vk verifyingKey) int

	prove(ccs constraint.ConstraintSystem, pk provingKey, w witness.Witness) (gnarkProof, error)
	verify(p gnarkProof, vk verifyingKey, public witness.Witness) error
	newProof() gnarkProof
	// proofFrame reads the layout of a compressed proof from f.
	proofFrame(f *frame)
	// calldata is the proof in the layout of gnark's Solidity verifier.
	calldata(p gnarkProof) []byte
	// proofCommitments and keyCommitments are the number of BSB22
	// commitments (gnark's, for lookups) a proof carries and a verifying
	// key expects.
	proofCommitments(p gnarkProof) int
	keyCommitments(vk verifyingKey) int
}

type provingKey interface {
	gnarkio.WriterRawTo
	gnarkio.UnsafeReaderFrom
}

type verifyingKey interface {
	io.ReaderFrom
	gnarkio.WriterRawTo
	solidity.VerifyingKey
}

type gnarkProof interface {
	io.ReaderFrom
	io.WriterTo
}

// scheme returns the proof system of b; nil for an unknown backend.
func (b Backend) scheme() scheme {
	switch b {
	case Groth16:
		return groth16Scheme{}
	case PLONK:
		return plonkScheme{}
	}
	return nil
}

type groth16Scheme struct{}

func (groth16Scheme) builder() frontend.NewBuilder       { return r1cs.NewBuilder }
func (groth16Scheme) newCS() constraint.ConstraintSystem { return groth16.NewCS(ecc.BN254) }
func (groth16Scheme) newProvingKey() provingKey          { return groth16.NewProvingKey(ecc.BN254) }
func (groth16Scheme) newVerifyingKey() verifyingKey      { return groth16.NewVerifyingKey(ecc.BN254) }
func (groth16Scheme) newProof() gnarkProof               { return groth16.NewProof(ecc.BN254) }

// R1CS counts the constant-one wire as a public variable.
func (groth16Scheme) publicInputs(ccs constraint.ConstraintSystem) int {
	return ccs.GetNbPublicVariables() - 1
}

func (groth16Scheme) setup(ccs constraint.ConstraintSystem, opts SetupOptions, report func(string)) (provingKey, verifyingKey, SetupInfo, error) {
	if opts.SRSPath != "" {
		return nil, nil, SetupInfo{}, errors.New("an SRS file is for PLONK; Groth16 needs a ceremony specific to the circuit: use a powers-of-tau file (--ptau), or compile with the plonk backend")
	}
	if opts.PTauPath != "" {
		return groth16PTauSetup(ccs, opts.PTauPath, report)
	}
	report("generating Groth16 keys (insecure single-party setup)")
	pk, vk, err := groth16DevSetup(ccs)
	if err != nil {
		return nil, nil, SetupInfo{}, fmt.Errorf("groth16 setup: %w", err)
	}
	return pk, vk, SetupInfo{
		Insecure: true,
		Method:   "groth16 single-party setup (random secrets generated and discarded by this process)",
		Warning:  "INSECURE: whoever ran this setup could have kept its secrets and can forge proofs. Use these keys for development only.",
	}, nil
}

// gnark's NbPublicWitness counts the commitment wires too.
func (groth16Scheme) keyPublicInputs(vk verifyingKey) int {
	k := vk.(*groth16_bn254.VerifyingKey)
	return len(k.G1.K) - len(k.PublicAndCommitmentCommitted) - 1
}

// Proofs target gnark's Solidity verifier: Keccak-256 for the hashes that
// would otherwise default to SHA-256.
func (groth16Scheme) prove(ccs constraint.ConstraintSystem, pk provingKey, w witness.Witness) (gnarkProof, error) {
	return groth16.Prove(ccs, pk.(groth16.ProvingKey), w, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
}

// The GPU prover (gpu_icicle.go) makes the same proofs for the same keys.
func (groth16Scheme) available() error { return gpuAvailable() }

func (groth16Scheme) gpuKey(pk provingKey, pin bool) (any, error) {
	return icicleKey(pk.(*groth16_bn254.ProvingKey), pin)
}

func (groth16Scheme) proveGPU(ccs constraint.ConstraintSystem, key any, w witness.Witness) (gnarkProof, error) {
	return icicleProve(ccs, key, w, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
}

func (groth16Scheme) verify(p gnarkProof, vk verifyingKey, public witness.Witness) error {
	return groth16.Verify(p.(groth16.Proof), vk.(groth16.VerifyingKey), public, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16))
}

// Ar, Bs (G2), Krs, the commitments, the proof of knowledge.
func (groth16Scheme) proofFrame(f *frame) {
	f.point(g1Size)
	f.point(g2Size)
	f.point(g1Size)
	f.slice(g1Size, true)
	f.point(g1Size)
}

func (groth16Scheme) calldata(p gnarkProof) []byte {
	return p.(*groth16_bn254.Proof).MarshalSolidity()
}

func (groth16Scheme) proofCommitments(p gnarkProof) int {
	return len(p.(*groth16_bn254.Proof).Commitments)
}

func (groth16Scheme) keyCommitments(vk verifyingKey) int {
	return len(vk.(*groth16_bn254.VerifyingKey).CommitmentKeys)
}

type plonkScheme struct{}

func (plonkScheme) builder() frontend.NewBuilder       { return scs.NewBuilder }
func (plonkScheme) newCS() constraint.ConstraintSystem { return plonk.NewCS(ecc.BN254) }
func (plonkScheme) newProvingKey() provingKey          { return plonk.NewProvingKey(ecc.BN254) }
func (plonkScheme) newVerifyingKey() verifyingKey      { return plonk.NewVerifyingKey(ecc.BN254) }
func (plonkScheme) newProof() gnarkProof               { return plonk.NewProof(ecc.BN254) }

func (plonkScheme) publicInputs(ccs constraint.ConstraintSystem) int {
	return ccs.GetNbPublicVariables()
}

func (plonkScheme) setup(ccs constraint.ConstraintSystem, opts SetupOptions, report func(string)) (provingKey, verifyingKey, SetupInfo, error) {
	srs, lagrange, srsInfo, err := plonkSRS(ccs, opts, report)
	if err != nil {
		return nil, nil, SetupInfo{}, err
	}
	report("generating PLONK keys")
	pk, vk, err := plonk.Setup(ccs, srs, lagrange)
	if err != nil {
		return nil, nil, SetupInfo{}, fmt.Errorf("plonk setup: %w", err)
	}
	info := SetupInfo{SRS: srsInfo}
	switch {
	case opts.PTauPath != "":
		info.Kind, info.PTau = SetupPTau, srsInfo.ptau
		info.Method = "plonk with the KZG SRS of the powers-of-tau file " + opts.PTauPath
	case opts.SRSPath == "":
		info.Insecure = true
		info.Method = "plonk with the development KZG SRS (secret derived from a public seed)"
		info.Warning = "INSECURE: the SRS secret is public, anyone can forge proofs. Use a ceremony's powers of tau (SetupOptions.PTauPath) in production."
	default:
		info.Method = "plonk with the KZG SRS from " + opts.SRSPath
	}
	return pk, vk, info, nil
}

func (plonkScheme) keyPublicInputs(vk verifyingKey) int {
	return int(vk.(*plonk_bn254.VerifyingKey).NbPublicVariables)
}

func (plonkScheme) prove(ccs constraint.ConstraintSystem, pk provingKey, w witness.Witness) (gnarkProof, error) {
	return plonk.Prove(ccs, pk.(plonk.ProvingKey), w, solidity.WithProverTargetSolidityVerifier(backend.PLONK))
}

func (plonkScheme) verify(p gnarkProof, vk verifyingKey, public witness.Witness) error {
	return plonk.Verify(p.(plonk.Proof), vk.(plonk.VerifyingKey), public, solidity.WithVerifierTargetSolidityVerifier(backend.PLONK))
}

// LRO[3], Z, H[3], BatchedProof.H: 8 points; then the claimed values,
// ZShiftedOpening (H, value), the BSB22 commitments.
func (plonkScheme) proofFrame(f *frame) {
	for range 8 {
		f.point(g1Size)
	}
	f.slice(frSize, false)
	f.point(g1Size)
	f.scalar()
	f.slice(g1Size, true)
}

func (plonkScheme) calldata(p gnarkProof) []byte {
	return p.(*plonk_bn254.Proof).MarshalSolidity()
}

func (plonkScheme) proofCommitments(p gnarkProof) int {
	return len(p.(*plonk_bn254.Proof).Bsb22Commitments)
}

func (plonkScheme) keyCommitments(vk verifyingKey) int {
	return len(vk.(*plonk_bn254.VerifyingKey).CommitmentConstraintIndexes)
}
