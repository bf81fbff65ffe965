package prover

import (
	"errors"
	"fmt"
	"math/big"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
	"github.com/zkml/zkml/internal/setupmath"
)

// The development Groth16 setup.
//
// gnark's groth16.Setup computes the same keys (but for the Pedersen key's
// G2 point G, which it draws apart from γ: see toxicWaste), but spends most of its time
// in two places: its batch scalar multiplication by a generator doubles
// every point about 256 times (a windowed double-and-add per scalar), and
// the Pedersen keys of the BSB22 commitment (what the lookup range checks
// commit to) are one full variable-base scalar multiplication and one field
// inversion per committed wire, on one core. devSetup evaluates the QAP at
// τ in parallel, multiplies by the generators with precomputed comb tables
// (one table of d·2^(c·j)·G per window j, so each point is about 254/c
// mixed additions and no doublings), and, since it knows the Pedersen
// secret σ, gets σ·basis from the same fixed-base pass. The keys are gnark's
// own structs, laid out exactly as gnark's Setup lays them out (same
// infinity filtering, same order of the K points, Z bit-reversed), so that
// gnark's Prove and Verify use them unchanged.

// toxicWaste is the secret of a Groth16 setup. Anyone who knows it can
// forge proofs: the development setup draws it at random and forgets it.
type toxicWaste struct {
	t, alpha, beta, gamma, delta fr.Element
	// sigma (one per commitment) is the Pedersen keys' secret. Their G2
	// point G is [γ]G2, the verifying key's γ, as in the keys of gnark's
	// phase-2 ceremony (where both are the generator): zkml's Solidity
	// verifiers then check the commitment's proof of knowledge with one
	// pairing less (contracts/foldpok.go says why that is sound).
	sigma []fr.Element
}

// randomToxicWaste draws nonzero secrets from crypto/rand.
func randomToxicWaste(nbCommitments int) (toxicWaste, error) {
	var tw toxicWaste
	tw.sigma = make([]fr.Element, nbCommitments)
	all := []*fr.Element{&tw.t, &tw.alpha, &tw.beta, &tw.gamma, &tw.delta}
	for i := range tw.sigma {
		all = append(all, &tw.sigma[i])
	}
	for _, e := range all {
		for e.IsZero() {
			if _, err := e.SetRandom(); err != nil {
				return tw, err
			}
		}
	}
	return tw, nil
}

// devSetup returns the Groth16 keys of r1cs for the secrets tw; tw.sigma
// must have one element per commitment of the circuit.
func devSetup(r1cs *cs_bn254.R1CS, tw toxicWaste) (*groth16_bn254.ProvingKey, *groth16_bn254.VerifyingKey, error) {
	pk, vk := new(groth16_bn254.ProvingKey), new(groth16_bn254.VerifyingKey)
	nbPublic := r1cs.GetNbPublicVariables()
	nbWires := r1cs.NbInternalVariables + nbPublic + r1cs.GetNbSecretVariables()

	commitmentInfo := r1cs.CommitmentInfo.(constraint.Groth16Commitments)
	commitmentWires := commitmentInfo.CommitmentIndexes()
	privateCommitted := commitmentInfo.GetPrivateCommitted()
	if len(tw.sigma) != len(commitmentInfo) {
		return nil, nil, fmt.Errorf("development setup: %d Pedersen secrets for %d commitments", len(tw.sigma), len(commitmentInfo))
	}
	nbPrivateCommitted := 0
	for _, s := range privateCommitted {
		nbPrivateCommitted += len(s)
	}
	nbPublicWires := nbPublic + len(commitmentInfo)
	nbPrivateWires := r1cs.GetNbSecretVariables() + r1cs.NbInternalVariables - nbPrivateCommitted - len(commitmentInfo)

	domain := fft.NewDomain(uint64(r1cs.GetNbConstraints()))
	var gammaInv, deltaInv fr.Element
	gammaInv.Inverse(&tw.gamma)
	deltaInv.Inverse(&tw.delta)

	A, B, C := evalQAP(r1cs, domain, &tw.t, nbWires)

	// K: (β·A + α·B + C)/γ for the public wires, the commitments and the
	// privately committed wires, /δ for the others; in gnark's order.
	pkK := make([]fr.Element, nbPrivateWires)
	vkK := make([]fr.Element, nbPublicWires)
	ckK := make([][]fr.Element, len(commitmentInfo))
	for i := range ckK {
		ckK[i] = make([]fr.Element, 0, len(privateCommitted[i]))
	}
	next := make([]int, len(privateCommitted)) // merge position in each privateCommitted[i]
	committedBy := func(w int) int {
		// The smallest head among the sorted lists, as gnark's merge iterator.
		best, bestV := -1, int(^uint(0)>>1)
		for i, s := range privateCommitted {
			if next[i] < len(s) && s[next[i]] < bestV {
				best, bestV = i, s[next[i]]
			}
		}
		if best >= 0 && bestV == w {
			next[best]++
			return best
		}
		return -1
	}
	k := func(i int, coeff *fr.Element) fr.Element {
		var t0, t1 fr.Element
		t1.Mul(&A[i], &tw.beta)
		t0.Mul(&B[i], &tw.alpha)
		t1.Add(&t1, &t0).Add(&t1, &C[i]).Mul(&t1, coeff)
		return t1
	}
	vI, nbPrivateCommittedSeen, nbCommitmentsSeen := 0, 0, 0
	for i := range nbWires {
		commitment := committedBy(i)
		isCommitment, isPublic := false, i < nbPublic
		if !isPublic && nbCommitmentsSeen < len(commitmentWires) && commitmentWires[nbCommitmentsSeen] == i {
			isCommitment = true
			nbCommitmentsSeen++
		}
		switch {
		case isPublic || isCommitment:
			vkK[vI] = k(i, &gammaInv)
			vI++
		case commitment != -1:
			ckK[commitment] = append(ckK[commitment], k(i, &gammaInv))
			nbPrivateCommittedSeen++
		default:
			pkK[i-vI-nbPrivateCommittedSeen] = k(i, &deltaInv)
		}
	}
	if vI != nbPublicWires {
		return nil, nil, errors.New("development setup: public wire count mismatch (a zkml bug)")
	}
	C = nil

	// Z: tⁱ·(tᴺ−1)/δ, bit-reversed; the prover uses the first N−1.
	n := int(domain.Cardinality)
	Z := make([]fr.Element, n)
	var zdt fr.Element
	one := fr.One()
	zdt.Exp(tw.t, new(big.Int).SetUint64(domain.Cardinality)).Sub(&zdt, &one).Mul(&zdt, &deltaInv)
	powers(Z, &zdt, &tw.t)
	fft.BitReverse(Z) //nolint:staticcheck // the order gnark's Setup gives pk.G1.Z
	Z = Z[:n-1]

	// Wires absent from every L (R) have A (B) = 0: gnark leaves them out.
	pk.InfinityA, pk.InfinityB = make([]bool, nbWires), make([]bool, nbWires)
	A, pk.NbInfinityA = filterZero(A, pk.InfinityA)
	B, pk.NbInfinityB = filterZero(B, pk.InfinityB)

	// One fixed-base pass over everything in G1.
	g1Scalars := make([]fr.Element, 0, 3+len(A)+len(B)+len(Z)+len(vkK)+len(pkK)+2*nbPrivateCommitted)
	g1Scalars = append(g1Scalars, tw.alpha, tw.beta, tw.delta)
	g1Scalars = append(g1Scalars, A...)
	g1Scalars = append(g1Scalars, B...)
	g1Scalars = append(g1Scalars, Z...)
	g1Scalars = append(g1Scalars, vkK...)
	g1Scalars = append(g1Scalars, pkK...)
	for i := range ckK {
		g1Scalars = append(g1Scalars, ckK[i]...)
	}
	for i := range ckK {
		for j := range ckK[i] {
			var s fr.Element
			s.Mul(&ckK[i][j], &tw.sigma[i])
			g1Scalars = append(g1Scalars, s)
		}
	}
	A, Z, pkK, vkK = nil, nil, nil, nil
	_, _, g1, g2 := curve.Generators()
	g1Points := setupmath.G1(&g1, g1Scalars)
	g1Scalars = nil
	take := func(m int) []curve.G1Affine {
		p := g1Points[:m:m]
		g1Points = g1Points[m:]
		return p
	}
	ab := take(3)
	pk.G1.Alpha, pk.G1.Beta, pk.G1.Delta = ab[0], ab[1], ab[2]
	pk.G1.A = take(int(uint64(nbWires) - pk.NbInfinityA))
	pk.G1.B = take(int(uint64(nbWires) - pk.NbInfinityB))
	pk.G1.Z = take(n - 1)
	vk.G1.K = take(nbPublicWires)
	pk.G1.K = take(nbPrivateWires)
	bases := make([][]curve.G1Affine, len(ckK))
	for i := range ckK {
		bases[i] = take(len(ckK[i]))
	}
	if len(ckK) > 0 {
		pk.CommitmentKeys = make([]pedersen.ProvingKey, len(ckK))
		vk.CommitmentKeys = make([]pedersen.VerifyingKey, len(ckK))
	}
	var g2Point curve.G2Affine // G = [γ]G2
	g2Point.ScalarMultiplicationBase(tw.gamma.BigInt(new(big.Int)))
	for i := range ckK {
		pk.CommitmentKeys[i] = pedersen.ProvingKey{Basis: bases[i], BasisExpSigma: take(len(ckK[i]))}
		var negSigma fr.Element
		negSigma.Neg(&tw.sigma[i])
		vk.CommitmentKeys[i].G = g2Point
		vk.CommitmentKeys[i].GSigmaNeg.ScalarMultiplication(&g2Point, negSigma.BigInt(new(big.Int)))
	}
	if len(g1Points) != 0 {
		return nil, nil, errors.New("development setup: G1 points left over (a zkml bug)")
	}
	vk.PublicAndCommitmentCommitted = commitmentInfo.GetPublicAndCommitmentCommitted(commitmentWires, nbPublic)

	g2Scalars := append(B, tw.beta, tw.delta, tw.gamma)
	g2Points := setupmath.G2(&g2, g2Scalars)
	nb := len(g2Scalars) - 3
	pk.G2.B = g2Points[:nb:nb]
	pk.G2.Beta, pk.G2.Delta = g2Points[nb], g2Points[nb+1]
	vk.G2.Beta, vk.G2.Delta, vk.G2.Gamma = g2Points[nb], g2Points[nb+1], g2Points[nb+2]

	vk.G1.Alpha, vk.G1.Beta, vk.G1.Delta = pk.G1.Alpha, pk.G1.Beta, pk.G1.Delta
	if err := vk.Precompute(); err != nil {
		return nil, nil, err
	}
	pk.Domain = *domain
	return pk, vk, nil
}

// evalQAP returns Aᵢ(τ), Bᵢ(τ), Cᵢ(τ) for every wire i: the sums over the
// constraints j of the wire's coefficients times the Lagrange polynomial
// Lⱼ(τ) = ωʲ/N · (τᴺ−1)/(τ−ωʲ) of the domain.
func evalQAP(r1cs *cs_bn254.R1CS, domain *fft.Domain, tau *fr.Element, nbWires int) (A, B, C []fr.Element) {
	nbC := r1cs.GetNbConstraints()
	L := setupmath.LagrangeAt(domain, tau, nbC)
	A, B, C = make([]fr.Element, nbWires), make([]fr.Element, nbWires), make([]fr.Element, nbWires)
	coeffs := r1cs.Coefficients
	acc := func(res []fr.Element, terms constraint.LinearExpression, l *fr.Element) {
		for _, t := range terms {
			r := &res[t.WireID()]
			switch cID := t.CoeffID(); cID {
			case constraint.CoeffIdZero:
			case constraint.CoeffIdOne:
				r.Add(r, l)
			case constraint.CoeffIdMinusOne:
				r.Sub(r, l)
			case constraint.CoeffIdTwo:
				var b fr.Element
				b.Double(l)
				r.Add(r, &b)
			default:
				var b fr.Element
				b.Mul(&coeffs[cID], l)
				r.Add(r, &b)
			}
		}
	}
	// The three matrices are independent: one goroutine each.
	var wg sync.WaitGroup
	for m, res := range [][]fr.Element{A, B, C} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it := r1cs.GetR1CIterator()
			j := 0
			for c := it.Next(); c != nil; c = it.Next() {
				switch m {
				case 0:
					acc(res, c.L, &L[j])
				case 1:
					acc(res, c.R, &L[j])
				default:
					acc(res, c.O, &L[j])
				}
				j++
			}
		}()
	}
	wg.Wait()
	return A, B, C
}

// powers sets p[i] = first·xⁱ, in parallel.
func powers(p []fr.Element, first, x *fr.Element) {
	setupmath.ParallelRange(len(p), func(lo, hi int) {
		var v fr.Element
		v.Exp(*x, big.NewInt(int64(lo))).Mul(&v, first)
		for i := lo; i < hi; i++ {
			p[i] = v
			v.Mul(&v, x)
		}
	})
}

// filterZero removes the zeros of s in place, marks them in inf, and
// returns what is left and how many were removed.
func filterZero(s []fr.Element, inf []bool) ([]fr.Element, uint64) {
	n := 0
	for i := range s {
		if s[i].IsZero() {
			inf[i] = true
			continue
		}
		s[n] = s[i]
		n++
	}
	return s[:n], uint64(len(s) - n)
}

// groth16DevSetup is the development setup of ccs with fresh random
// secrets.
func groth16DevSetup(ccs constraint.ConstraintSystem) (*groth16_bn254.ProvingKey, *groth16_bn254.VerifyingKey, error) {
	r1cs, ok := ccs.(*cs_bn254.R1CS)
	if !ok {
		return nil, nil, fmt.Errorf("development setup: %T is not a BN254 R1CS", ccs)
	}
	tw, err := randomToxicWaste(len(r1cs.CommitmentInfo.(constraint.Groth16Commitments)))
	if err != nil {
		return nil, nil, err
	}
	return devSetup(r1cs, tw)
}
