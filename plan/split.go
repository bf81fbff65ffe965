package plan

import (
	"errors"
	"fmt"
	"slices"
)

// Splitting a plan: a model too large for one circuit is cut between ops
// into segments, each a plan of its own (and a circuit of its own), whose
// boundary tensors the circuits bind by hashed commitments.
//
// A cut before op c passes every tensor live across it to the next
// segment: a tensor defined before c (a model input or the output of an op
// before c) that an op at c or later reads, or that is a model output.
// Skip and residual connections therefore cross cuts like any other
// tensor. The canonical order of the tensors live across a cut is their
// index in the whole plan, ascending: segment i's outputs (i < K−1) and
// segment i+1's inputs are those tensors in that order, so the two
// segments commit to the same values in the same order.
//
// Segment 0's inputs are the model's inputs, in the model's order; the last
// segment's outputs are the model's outputs, in the model's order. A tensor
// a segment passes on without computing it (a model input read only later,
// a skip connection across several cuts, a model output computed early) is
// copied by an exact affine op with coefficient 1, which costs no R1CS
// constraint. Running the segments one after the other on the boundary
// values gives, bit for bit, what Run gives on the whole plan, and the
// same errors: a cut is allowed only where every live tensor is range
// checked by the whole plan or provably inside the activation range, since
// a segment range checks its inputs and outputs.

// A Segment is the ops [From, To) of a plan, as a plan of its own.
type Segment struct {
	Plan     *Plan
	From, To int   // the whole plan's ops this segment runs
	Inputs   []int // the whole plan's tensors Plan.Inputs stand for, in order
	Outputs  []int // the whole plan's tensors Plan.Outputs stand for, in order
}

// Live returns the tensors live across a cut before op c, in canonical
// order (ascending tensor index): defined before op c and read by an op at
// c or later, or model outputs. Live(0) is the model inputs and the model
// outputs that are inputs (none in a valid plan), Live(len(p.Ops)) the
// model outputs; both sorted like any cut.
func (p *Plan) Live(c int) []int {
	defined := make([]bool, len(p.Tensors))
	for _, t := range p.Inputs {
		if t >= 0 && t < len(defined) {
			defined[t] = true
		}
	}
	for k := 0; k < c && k < len(p.Ops); k++ {
		if o := p.Ops[k].Out; o >= 0 && o < len(defined) {
			defined[o] = true
		}
	}
	live := make([]bool, len(p.Tensors))
	for k := c; k < len(p.Ops); k++ {
		for _, t := range p.Ops[k].In {
			if t >= 0 && t < len(live) && defined[t] {
				live[t] = true
			}
		}
	}
	for _, t := range p.Outputs {
		if t >= 0 && t < len(live) && defined[t] {
			live[t] = true
		}
	}
	var out []int
	for t, l := range live {
		if l {
			out = append(out, t)
		}
	}
	return out
}

// CanCut reports why the plan cannot be cut before op c, or nil when it
// can: c must lie strictly inside the ops, and every tensor live across the
// cut must be range checked by the whole plan or bounded strictly inside
// the activation range, so that the segments' range checks of their
// boundaries refuse nothing that Run on the whole plan accepts.
func (p *Plan) CanCut(c int) error {
	if c <= 0 || c >= len(p.Ops) {
		return fmt.Errorf("a cut must lie between two ops (1..%d), not before op %d", len(p.Ops)-1, c)
	}
	checked := p.RangeChecked()
	ab := p.Config.ActivationBits
	for _, t := range p.Live(c) {
		if !checked[t] && p.Tensors[t].Bound >= ab-1 {
			return fmt.Errorf("tensor %q (bound 2^%d) crosses the cut before op %d (node %q) but is not range checked: it is an exact intermediate that may leave the activation range", p.Tensors[t].Name, p.Tensors[t].Bound, c, p.Ops[c].Node)
		}
	}
	return nil
}

// Split cuts p before each op in cuts (strictly increasing) and returns the
// len(cuts)+1 segments, each a valid plan.
func (p *Plan) Split(cuts []int) ([]Segment, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if !slices.IsSorted(cuts) || len(slices.Compact(slices.Clone(cuts))) != len(cuts) {
		return nil, fmt.Errorf("plan: cuts %v are not strictly increasing", cuts)
	}
	for _, c := range cuts {
		if err := p.CanCut(c); err != nil {
			return nil, fmt.Errorf("plan: %w", err)
		}
	}
	bounds := append(append([]int{0}, cuts...), len(p.Ops))
	segs := make([]Segment, 0, len(cuts)+1)
	for i := 0; i+1 < len(bounds); i++ {
		s, err := p.segment(bounds[i], bounds[i+1])
		if err != nil {
			return nil, fmt.Errorf("plan: segment %d (ops %d..%d): %w", i, bounds[i], bounds[i+1]-1, err)
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// Segment returns the ops [from, to) of p as a plan (see [Plan.Split]).
func (p *Plan) segment(from, to int) (Segment, error) {
	for _, c := range []int{from, to} {
		if c != 0 && c != len(p.Ops) {
			if err := p.CanCut(c); err != nil {
				return Segment{}, err
			}
		}
	}
	s := Segment{From: from, To: to, Inputs: p.Live(from), Outputs: p.Live(to)}
	if from == 0 {
		s.Inputs = slices.Clone(p.Inputs)
	}
	if to == len(p.Ops) {
		s.Outputs = slices.Clone(p.Outputs)
	}
	ab := p.Config.ActivationBits
	sp := &Plan{Config: p.Config}
	local := make(map[int]int)
	add := func(t int) int {
		local[t] = len(sp.Tensors)
		tt := p.Tensors[t]
		tt.Shape = slices.Clone(tt.Shape)
		sp.Tensors = append(sp.Tensors, tt)
		return local[t]
	}
	for _, t := range s.Inputs {
		sp.Inputs = append(sp.Inputs, add(t))
		sp.Tensors[local[t]].Bound = ab - 1 // inputs are range checked
	}
	for k := from; k < to; k++ {
		op := p.Ops[k]
		op.In = slices.Clone(op.In)
		for j, t := range op.In {
			l, ok := local[t]
			if !ok {
				return Segment{}, fmt.Errorf("op %d (node %q) reads %q, which is neither computed in the segment nor live across its start (a zkml bug)", k, op.Node, p.Tensors[t].Name)
			}
			op.In[j] = l
		}
		op.Out = add(op.Out)
		sp.Ops = append(sp.Ops, op)
	}
	produced := make(map[int]bool)
	for k := from; k < to; k++ {
		produced[p.Ops[k].Out] = true
	}
	for _, t := range s.Outputs {
		if produced[t] {
			sp.Outputs = append(sp.Outputs, local[t])
			continue
		}
		// Passed through: copy it, so that the segment's outputs are not
		// its inputs.
		in, ok := local[t]
		if !ok {
			return Segment{}, fmt.Errorf("output %q is neither computed in the segment nor live across its start (a zkml bug)", p.Tensors[t].Name)
		}
		n := p.Tensors[t].Size()
		cp := Op{Kind: OpAffine, Node: "pass " + p.Tensors[t].Name, In: []int{in}, RowStart: make([]int32, n+1), Terms: make([]Term, n)}
		for i := range n {
			cp.RowStart[i+1] = int32(i + 1)
			cp.Terms[i] = Term{In: 0, Idx: int32(i), Coeff: 1}
		}
		out := len(sp.Tensors)
		tt := sp.Tensors[in]
		tt.Shape = slices.Clone(tt.Shape)
		sp.Tensors = append(sp.Tensors, tt)
		cp.Out = out
		sp.Ops = append(sp.Ops, cp)
		sp.Outputs = append(sp.Outputs, out)
	}
	// The inputs' bounds rose to the activation range: re-derive the
	// bounds that follow from them, as Validate will.
	for k := range sp.Ops {
		op := &sp.Ops[k]
		inBounds := make([]int, len(op.In))
		for j, t := range op.In {
			inBounds[j] = sp.Tensors[t].Bound
		}
		b, _ := OpBound(op, inBounds, ab)
		if op.Kind == OpDiv {
			b = sp.QuotientBound(op, b)
		}
		sp.Tensors[op.Out].Bound = b
	}
	if err := sp.Validate(); err != nil {
		return Segment{}, err
	}
	s.Plan = sp
	return s, nil
}

// RunSegments runs segs (from [Plan.Split]) one after the other on the
// model's quantized inputs and returns each segment's Run result, indexed
// like its plan's tensors. Segment i+1's inputs are segment i's outputs.
func RunSegments(segs []Segment, inputs [][]int64) ([][][]int64, error) {
	if len(segs) == 0 {
		return nil, errors.New("plan: no segments")
	}
	out := make([][][]int64, len(segs))
	in := inputs
	for i, s := range segs {
		all, err := s.Plan.Run(in)
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		out[i] = all
		in = s.Plan.OutputInts(all)
	}
	return out, nil
}

// ChooseCuts returns cuts that split p into segments whose estimated cost
// is at most limit each: cost[k] is op k's, overhead what every segment
// pays (its range table), and cut(c) what a cut before op c adds to each
// of the two segments around it (checking and committing the tensors live
// across it; nil: nothing); cut(0) and cut(len(p.Ops)) are what the model's
// inputs and outputs add to the first and the last segment. It cuts as late as
// it can, where CanCut allows, and fails when one op alone, or a stretch
// of ops with no allowed cut, exceeds the limit.
func (p *Plan) ChooseCuts(cost []int, overhead int, cut func(c int) int, limit int) ([]int, error) {
	if len(cost) != len(p.Ops) {
		return nil, fmt.Errorf("plan: %d op costs for %d ops", len(cost), len(p.Ops))
	}
	if cut == nil {
		cut = func(int) int { return 0 }
	}
	type cand struct{ k, sum, cut int }
	var cuts []int
	var cands []cand                 // allowed cuts after start, with the segment's cost before them
	start, sum := 0, overhead+cut(0) // sum: the segment's cost so far, ops [start, k)
	cost = slices.Clone(cost)        // the last op carries what the model's outputs cost
	if n := len(cost); n > 0 {
		cost[n-1] += cut(n)
	}
	for k := range p.Ops {
		if k > start && p.CanCut(k) == nil {
			cands = append(cands, cand{k, sum, cut(k)})
		}
		for sum+cost[k] > limit {
			// The latest allowed cut whose segment still fits with the
			// cut's own cost.
			j := len(cands) - 1
			for j >= 0 && cands[j].sum+cands[j].cut > limit {
				j--
			}
			if j < 0 {
				why := "and cannot be cut in between"
				if len(cands) > 0 {
					least := cands[0].cut
					for _, c := range cands {
						least = min(least, c.cut)
					}
					why = fmt.Sprintf("and every allowed cut in between passes on tensors whose checks and commitments cost too much (at least %d constraints each side)", least)
				}
				return nil, fmt.Errorf("plan: ops %d..%d (nodes %q..%q) cost more than %d constraints %s; raise the limit or use --shards", start, k, p.Ops[start].Node, p.Ops[k].Node, limit, why)
			}
			c := cands[j]
			cuts = append(cuts, c.k)
			base := overhead + c.cut - c.sum // the new segment's cost is base + (old sum)
			rest := cands[j+1:]
			cands = nil
			for _, r := range rest {
				cands = append(cands, cand{r.k, base + r.sum, r.cut})
			}
			start, sum = c.k, base+sum
			if start == k && sum+cost[k] > limit {
				return nil, fmt.Errorf("plan: op %d (node %q) costs about %d constraints with its segment's share, more than %d", k, p.Ops[k].Node, sum+cost[k], limit)
			}
		}
		sum += cost[k]
	}
	return cuts, nil
}

// BalanceCuts returns the cuts, where CanCut allows, that split p into n
// segments with the smallest largest estimated cost (cost, overhead and
// cut as for ChooseCuts), found by dynamic programming over the allowed
// cuts.
func (p *Plan) BalanceCuts(cost []int, overhead int, cut func(c int) int, n int) ([]int, error) {
	if len(cost) != len(p.Ops) {
		return nil, fmt.Errorf("plan: %d op costs for %d ops", len(cost), len(p.Ops))
	}
	if n < 1 {
		return nil, fmt.Errorf("plan: %d segments", n)
	}
	if cut == nil {
		cut = func(int) int { return 0 }
	}
	// Points: 0, the allowed cuts, len(p.Ops); prefix sums of the costs.
	points := []int{0}
	for c := 1; c < len(p.Ops); c++ {
		if p.CanCut(c) == nil {
			points = append(points, c)
		}
	}
	points = append(points, len(p.Ops))
	if len(points)-1 < n {
		return nil, fmt.Errorf("plan: the model can be cut in %d places only, not into %d segments", len(points)-2, n)
	}
	prefix := make([]int, len(p.Ops)+1)
	for k, c := range cost {
		prefix[k+1] = prefix[k] + c
	}
	side := make([]int, len(points))
	for i, c := range points {
		side[i] = cut(c)
	}
	seg := func(i, j int) int { return overhead + side[i] + prefix[points[j]] - prefix[points[i]] + side[j] }
	const inf = int(^uint(0) >> 1)
	m := len(points)
	// best[s][j]: the least largest cost of s segments over ops [0, points[j]).
	best := make([][]int, n+1)
	from := make([][]int, n+1)
	for s := range best {
		best[s], from[s] = make([]int, m), make([]int, m)
		for j := range best[s] {
			best[s][j] = inf
		}
	}
	best[0][0] = 0
	for s := 1; s <= n; s++ {
		for j := s; j < m; j++ {
			for i := s - 1; i < j; i++ {
				if best[s-1][i] == inf {
					continue
				}
				if v := max(best[s-1][i], seg(i, j)); v < best[s][j] {
					best[s][j], from[s][j] = v, i
				}
			}
		}
	}
	cuts := make([]int, 0, n-1)
	for s, j := n, m-1; s > 1; s-- {
		j = from[s][j]
		cuts = append(cuts, points[j])
	}
	slices.Reverse(cuts)
	return cuts, nil
}
