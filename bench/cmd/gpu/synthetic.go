package main

import (
	"fmt"
	"math"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

// chain is n constraints: x ← x·x + i, then the result is public.
type chain struct {
	X frontend.Variable
	Y frontend.Variable `gnark:",public"`
	n int
}

func (c *chain) Define(api frontend.API) error {
	x := c.X
	for i := range c.n - 1 {
		x = api.Add(api.Mul(x, x), i)
	}
	api.AssertIsEqual(api.Mul(x, 1), c.Y)
	return nil
}

func chainWitness(n int) (witness.Witness, error) {
	var x, k fr.Element
	x.SetUint64(3)
	for i := range n - 1 {
		k.SetUint64(uint64(i))
		x.Square(&x).Add(&x, &k)
	}
	return frontend.NewWitness(&chain{X: 3, Y: x, n: n}, ecc.BN254.ScalarField())
}

func measureSynthetic(n, runs int) (result, error) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &chain{n: n})
	if err != nil {
		return result{}, err
	}
	w, err := chainWitness(n)
	if err != nil {
		return result{}, err
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return result{}, err
	}
	public, err := w.Public()
	if err != nil {
		return result{}, err
	}
	r := result{name: fmt.Sprintf("synthetic 2^%.2f", math.Log2(float64(n))), constraints: ccs.GetNbConstraints()}
	var cpu, solve []time.Duration
	for range runs {
		start := time.Now()
		if _, err := ccs.Solve(w); err != nil {
			return result{}, err
		}
		solve = append(solve, time.Since(start))
		start = time.Now()
		p, err := groth16.Prove(ccs, pk, w)
		if err != nil {
			return result{}, err
		}
		cpu = append(cpu, time.Since(start))
		if err := groth16.Verify(p, vk, public); err != nil {
			return result{}, err
		}
	}
	r.cpu, r.solve = median(cpu), median(solve)
	if !gpuBuilt {
		return r, nil
	}
	gpu, err := gpuProver(ccs, pk.(*groth16_bn254.ProvingKey))
	if err != nil {
		r.note = err.Error()
		return r, nil
	}
	var times []time.Duration
	for i := range runs + 1 {
		start := time.Now()
		p, err := gpu(w)
		if err != nil {
			r.note = err.Error()
			return r, nil
		}
		if i > 0 {
			times = append(times, time.Since(start))
		}
		if err := groth16.Verify(p, vk, public); err != nil {
			r.note = "INVALID GPU PROOF: " + err.Error()
			return r, nil
		}
	}
	r.gpu = median(times)
	return r, nil
}

// gpuBuilt says whether this binary has the GPU prover.
var gpuBuilt = false

// gpuProver returns a prover of ccs on the GPU with the key pinned;
// gpu_icicle.go has the one binaries built with the icicle tag use.
var gpuProver = func(constraint.ConstraintSystem, *groth16_bn254.ProvingKey) (func(witness.Witness) (groth16.Proof, error), error) {
	return nil, fmt.Errorf("built without the icicle tag")
}
