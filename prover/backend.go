package prover

import (
	"fmt"
	"strings"
)

// Backend names a proof system.
type Backend string

const (
	// Groth16 gives the smallest proofs (about 200 bytes) and the cheapest
	// on-chain verification, but its keys come from a setup specific to one
	// circuit: zkml runs that setup alone, so the keys are for development
	// only (see [Build.Setup]).
	Groth16 Backend = "groth16"
	// PLONK proofs are larger and slower to make, but the keys derive from a
	// universal KZG SRS that a public ceremony can provide (see
	// [SetupOptions.SRSPath]).
	PLONK Backend = "plonk"
)

// ParseBackend returns the Backend named s ("groth16" or "plonk", in any
// case).
func ParseBackend(s string) (Backend, error) {
	if b := Backend(strings.ToLower(s)); b.valid() {
		return b, nil
	}
	return "", unknownBackend(s)
}

func unknownBackend(name string) error {
	return fmt.Errorf("unknown backend %q: expected %s or %s", name, Groth16, PLONK)
}

func (b Backend) valid() bool { return b.scheme() != nil }

// code is the backend's byte in artifact headers; 0 is never written so a
// zeroed header cannot pass for a valid one.
func (b Backend) code() byte {
	switch b {
	case Groth16:
		return 1
	case PLONK:
		return 2
	}
	return 0
}

func backendFromCode(c byte) (Backend, bool) {
	switch c {
	case 1:
		return Groth16, true
	case 2:
		return PLONK, true
	}
	return "", false
}
