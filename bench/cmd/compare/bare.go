package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/plonk"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/logger"
	"github.com/consensys/gnark/test/unsafekzg"
	"github.com/zkml/zkml/circuits"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/prover"
)

// bareResult is what the child process (-bare) prints: gnark alone on
// zkml's constraint system, in seconds.
type bareResult struct {
	Constraints          int
	Setup, Prove, Verify float64
}

// runBare compiles the circuit of the build in dir as zkml does (same plan,
// same options, so the same constraint system), precomputes the witness
// from input, and times gnark's Setup, Prove and Verify alone; the result
// goes to stdout as JSON.
func runBare(dir, input string) error {
	logger.Disable() // gnark logs to stdout, where the result goes
	b, err := prover.Open(dir)
	if err != nil {
		return err
	}
	in, err := modelio.ReadInputFile(input)
	if err != nil {
		return err
	}
	st := b.Settings()
	var opts []circuits.Option
	if k := b.Packing(); k.Enabled() {
		opts = append(opts, circuits.WithPackedOutputs(k))
	}
	if st.Circuit.RangeChecks != "lookup" {
		opts = append(opts, circuits.WithBitDecompositionRangeChecks())
	}
	p, err := b.Plan()
	if err != nil {
		return err
	}
	var builder frontend.NewBuilder = r1cs.NewBuilder
	if b.Backend() == prover.PLONK {
		builder = scs.NewBuilder
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), builder, circuits.New(p, opts...))
	if err != nil {
		return err
	}
	if ccs.GetNbConstraints() != st.Circuit.Constraints {
		return fmt.Errorf("bare: %d constraints, the build has %d: not the same constraint system", ccs.GetNbConstraints(), st.Circuit.Constraints)
	}
	q, err := p.QuantizeInputs(in)
	if err != nil {
		return err
	}
	tensors, err := p.Run(q)
	if err != nil {
		return err
	}
	assignment, err := circuits.Assign(p, tensors, opts...)
	if err != nil {
		return err
	}
	w, err := frontend.NewWitness(assignment, ecc.BN254.ScalarField())
	if err != nil {
		return err
	}
	pub, err := w.Public()
	if err != nil {
		return err
	}
	r := bareResult{Constraints: ccs.GetNbConstraints()}
	if b.Backend() == prover.PLONK {
		err = barePlonk(ccs, w, pub, &r)
	} else {
		err = bareGroth16(ccs, w, pub, &r)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

func since(t time.Time) float64 { return time.Since(t).Seconds() }

func bareGroth16(ccs constraint.ConstraintSystem, w, pub witness.Witness, r *bareResult) error {
	t := time.Now()
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return err
	}
	r.Setup = since(t)
	t = time.Now()
	proof, err := groth16.Prove(ccs, pk, w)
	if err != nil {
		return err
	}
	r.Prove = since(t)
	t = time.Now()
	if err := groth16.Verify(proof, vk, pub); err != nil {
		return err
	}
	r.Verify = since(t)
	return nil
}

// barePlonk times plonk.Setup from an SRS made beforehand (gnark's
// unsafekzg, not timed).
func barePlonk(ccs constraint.ConstraintSystem, w, pub witness.Witness, r *bareResult) error {
	srs, lagrange, err := unsafekzg.NewSRS(ccs)
	if err != nil {
		return err
	}
	t := time.Now()
	pk, vk, err := plonk.Setup(ccs, srs, lagrange)
	if err != nil {
		return err
	}
	r.Setup = since(t)
	t = time.Now()
	proof, err := plonk.Prove(ccs, pk, w)
	if err != nil {
		return err
	}
	r.Prove = since(t)
	t = time.Now()
	if err := plonk.Verify(proof, vk, pub); err != nil {
		return err
	}
	r.Verify = since(t)
	return nil
}
