package prover

import (
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
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
	g1Points := fixedBaseG1(&g1, g1Scalars)
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
	g2Points := fixedBaseG2(&g2, g2Scalars)
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
	L := lagrangeAt(domain, tau, nbC)
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

// lagrangeAt returns Lⱼ(τ) for j < m on domain.
func lagrangeAt(domain *fft.Domain, tau *fr.Element, m int) []fr.Element {
	var c fr.Element
	one := fr.One()
	c.Exp(*tau, new(big.Int).SetUint64(domain.Cardinality)).Sub(&c, &one).Mul(&c, &domain.CardinalityInv)
	L := make([]fr.Element, m)
	parallelRange(m, func(lo, hi int) {
		var w fr.Element
		w.Exp(domain.Generator, big.NewInt(int64(lo)))
		den := make([]fr.Element, hi-lo)
		num := make([]fr.Element, hi-lo)
		for j := range den {
			num[j].Mul(&c, &w)
			den[j].Sub(tau, &w)
			w.Mul(&w, &domain.Generator)
		}
		inv := fr.BatchInvert(den)
		for j := range den {
			L[lo+j].Mul(&num[j], &inv[j])
		}
	})
	return L
}

// powers sets p[i] = first·xⁱ, in parallel.
func powers(p []fr.Element, first, x *fr.Element) {
	parallelRange(len(p), func(lo, hi int) {
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

// parallelRange calls f on about GOMAXPROCS·4 disjoint ranges covering
// [0, n), concurrently.
func parallelRange(n int, f func(lo, hi int)) {
	if n == 0 {
		return
	}
	tasks := min(runtime.GOMAXPROCS(0)*4, n)
	chunk := (n + tasks - 1) / tasks
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// combWindow picks the window c (bits) of the comb tables for n scalars:
// the tables cost about ⌈254/c⌉·2^c additions, the points n·⌈254/c⌉.
func combWindow(n int) int {
	best, bestCost := 4, ^uint64(0)
	for c := 4; c <= 16; c++ {
		chunks := uint64((fr.Bits + c - 1) / c)
		if cost := chunks * (uint64(1)<<c + uint64(n)); cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}

// digit returns bits [lo, lo+c) of the little-endian 256-bit s.
func digit(s *[4]uint64, lo, c int) uint64 {
	w, off := lo/64, lo%64
	d := s[w] >> off
	if off+c > 64 && w+1 < 4 {
		d |= s[w+1] << (64 - off)
	}
	return d & (1<<c - 1)
}

// fixedBaseG1 returns [sᵢ]base for every scalar, in affine form.
func fixedBaseG1(base *curve.G1Affine, scalars []fr.Element) []curve.G1Affine {
	return fixedBaseG1Window(base, scalars, combWindow(len(scalars)))
}

func fixedBaseG1Window(base *curve.G1Affine, scalars []fr.Element, c int) []curve.G1Affine {
	chunks, rowLen := (fr.Bits+c-1)/c, 1<<c-1
	// table[j·rowLen + d−1] = d·2^(c·j)·base
	table := make([]curve.G1Affine, chunks*rowLen)
	var b curve.G1Jac
	b.FromAffine(base)
	rowBase := make([]curve.G1Jac, chunks)
	for j := range rowBase {
		rowBase[j] = b
		for range c {
			b.DoubleAssign()
		}
	}
	parallelRange(chunks, func(lo, hi int) {
		row := make([]curve.G1Jac, rowLen)
		for j := lo; j < hi; j++ {
			var first curve.G1Affine
			first.FromJacobian(&rowBase[j])
			row[0] = rowBase[j]
			for d := 1; d < rowLen; d++ {
				row[d] = row[d-1]
				row[d].AddMixed(&first)
			}
			copy(table[j*rowLen:], curve.BatchJacobianToAffineG1(row))
		}
	})
	out := make([]curve.G1Affine, len(scalars))
	const batch = 1 << 12
	parallelRange((len(scalars)+batch-1)/batch, func(lo, hi int) {
		jac := make([]curve.G1Jac, batch)
		for blk := lo; blk < hi; blk++ {
			start := blk * batch
			end := min(start+batch, len(scalars))
			for i := start; i < end; i++ {
				s := scalars[i].Bits()
				p := &jac[i-start]
				p.X.SetOne()
				p.Y.SetOne()
				p.Z.SetZero()
				for j := range chunks {
					if d := digit(&s, j*c, c); d != 0 {
						p.AddMixed(&table[j*rowLen+int(d)-1])
					}
				}
			}
			copy(out[start:end], curve.BatchJacobianToAffineG1(jac[:end-start]))
		}
	})
	return out
}

// fixedBaseG2 is fixedBaseG1 in G2.
func fixedBaseG2(base *curve.G2Affine, scalars []fr.Element) []curve.G2Affine {
	return fixedBaseG2Window(base, scalars, combWindow(len(scalars)))
}

func fixedBaseG2Window(base *curve.G2Affine, scalars []fr.Element, c int) []curve.G2Affine {
	chunks, rowLen := (fr.Bits+c-1)/c, 1<<c-1
	table := make([]curve.G2Affine, chunks*rowLen)
	var b curve.G2Jac
	b.FromAffine(base)
	rowBase := make([]curve.G2Jac, chunks)
	for j := range rowBase {
		rowBase[j] = b
		for range c {
			b.DoubleAssign()
		}
	}
	parallelRange(chunks, func(lo, hi int) {
		row := make([]curve.G2Jac, rowLen)
		for j := lo; j < hi; j++ {
			var first curve.G2Affine
			first.FromJacobian(&rowBase[j])
			row[0] = rowBase[j]
			for d := 1; d < rowLen; d++ {
				row[d] = row[d-1]
				row[d].AddMixed(&first)
			}
			copy(table[j*rowLen:], batchToAffineG2(row))
		}
	})
	out := make([]curve.G2Affine, len(scalars))
	const batch = 1 << 12
	parallelRange((len(scalars)+batch-1)/batch, func(lo, hi int) {
		jac := make([]curve.G2Jac, batch)
		for blk := lo; blk < hi; blk++ {
			start := blk * batch
			end := min(start+batch, len(scalars))
			for i := start; i < end; i++ {
				s := scalars[i].Bits()
				p := &jac[i-start]
				p.X.SetOne()
				p.Y.SetOne()
				p.Z.SetZero()
				for j := range chunks {
					if d := digit(&s, j*c, c); d != 0 {
						p.AddMixed(&table[j*rowLen+int(d)-1])
					}
				}
			}
			copy(out[start:end], batchToAffineG2(jac[:end-start]))
		}
	})
	return out
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

// batchToAffineG2 converts points to affine form with one inversion (gnark-crypto
// has this for G1 only).
func batchToAffineG2(points []curve.G2Jac) []curve.G2Affine {
	result := make([]curve.G2Affine, len(points))
	var acc curve.E2
	acc.SetOne()
	// result[i].X holds the product of the Z before i.
	for i := range points {
		if points[i].Z.IsZero() {
			continue
		}
		result[i].X = acc
		acc.Mul(&acc, &points[i].Z)
	}
	var inv curve.E2
	inv.Inverse(&acc)
	for i := len(points) - 1; i >= 0; i-- {
		if points[i].Z.IsZero() {
			continue // (0, 0) is the affine infinity
		}
		var zInv, zInv2 curve.E2
		zInv.Mul(&result[i].X, &inv)
		inv.Mul(&inv, &points[i].Z)
		zInv2.Square(&zInv)
		result[i].X.Mul(&points[i].X, &zInv2)
		result[i].Y.Mul(&points[i].Y, &zInv2).Mul(&result[i].Y, &zInv)
	}
	return result
}
