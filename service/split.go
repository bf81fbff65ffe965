package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/zkml/zkml/prover"
)

// Split builds. A request for a split build is recorded under its id
// (JobID of the split build's id and the quantized model input) with the
// ids of its segment jobs, one per segment: JobID of the segment's build,
// its index and the segment's quantized inputs (the integer executor's
// tensors at the cut). Each segment job is an ordinary job of the
// segment's build (published like any build), so any worker proves any
// segment, in parallel, and fetches only that segment's files. The
// request's state follows from its segments': failed as soon as one is
// (with its reason), done when every segment's stored proof verifies
// (with its statement) and Split.Chain of them passes prover.VerifyChain;
// its proof is then the chain proof, as `zkml prove` writes it for a
// split build.

// segmentView is one segment job in a split request's status.
type segmentView struct {
	Segment      int     `json:"segment"`
	ID           string  `json:"id"`
	State        string  `json:"status"`
	Reason       string  `json:"reason,omitempty"`
	Worker       string  `json:"worker,omitempty"`
	Attempts     int     `json:"attempts,omitempty"`
	ProveSeconds float64 `json:"prove_seconds,omitempty"`
}

// submitSplit records a request for the split build lb and one job per
// segment (each idempotent like an ordinary job: a failed segment is
// queued again, the others are left as they are).
func (s *api) submitSplit(w http.ResponseWriter, r *http.Request, lb *localBuild, in [][]float64) {
	quant, err := lb.split.Plan().QuantizeInputs(in)
	if err != nil {
		s.fail(w, http.StatusBadRequest, "input: %v", err)
		return
	}
	segIns, err := lb.split.SegmentInputs(in)
	if err != nil {
		s.fail(w, http.StatusBadRequest, "input: the model refuses it: %v", err)
		return
	}
	now := time.Now().UTC()
	jobs := make([]Job, len(lb.segments))
	statuses := make([]Status, len(lb.segments))
	ids := make([]string, len(lb.segments))
	for i, seg := range lb.segments {
		statement, err := seg.build.Statement(segIns[i])
		if err != nil {
			s.fail(w, http.StatusBadRequest, "input: segment %d refuses it: %v", i, err)
			return
		}
		i := i
		jobs[i] = Job{ID: JobID(seg.info.ID, &i, segIns[i]), Build: seg.info.ID, Segment: &i, Inputs: segIns[i], Submitted: now}
		statuses[i] = Status{ID: jobs[i].ID, Build: seg.info.ID, Segment: &i, State: Queued, Submitted: now, Updated: now,
			Statement: statementHash(statement)}
		ids[i] = jobs[i].ID
	}
	id := JobID(lb.info.ID, nil, quant)
	ctx := r.Context()
	st := Status{ID: id, Build: lb.info.ID, State: Queued, Jobs: ids, Submitted: now, Updated: now}
	data, _ := json.Marshal(st)
	code := http.StatusAccepted
	if _, err := s.q.status.Create(ctx, id, data); errors.Is(err, jetstream.ErrKeyExists) {
		code = http.StatusOK
		s.m.add("zkml_jobs_duplicate_total", "", 1)
	} else if err != nil {
		s.fail(w, http.StatusServiceUnavailable, "record request: %v", err)
		return
	}
	retried := false
	for i := range jobs {
		again, err := s.ensureJob(ctx, &jobs[i], &statuses[i])
		if err != nil {
			s.fail(w, http.StatusServiceUnavailable, "segment %d: %v (submit it again)", i, err)
			return
		}
		retried = retried || again
	}
	if code == http.StatusAccepted {
		s.m.add("zkml_jobs_accepted_total", "", 1)
		s.log.Info("split request accepted", "job", id, "build", lb.info.ID, "segments", len(jobs))
	} else if retried {
		code = http.StatusAccepted
	}
	s.writeStatus(w, r, code, id)
}

// ensureJob creates the job and queues it, unless it exists: then a
// queued job is published again (the stream drops the duplicate) and a
// failed one without a result is queued again (again: true).
func (s *api) ensureJob(ctx context.Context, job *Job, st *Status) (again bool, err error) {
	data, _ := json.Marshal(st)
	_, err = s.q.status.Create(ctx, job.ID, data)
	if err == nil {
		if err := s.enqueue(ctx, job, job.ID); err != nil {
			return false, err
		}
		s.m.add("zkml_segment_jobs_accepted_total", "", 1)
		return false, nil
	}
	if !errors.Is(err, jetstream.ErrKeyExists) {
		return false, err
	}
	var cur Status
	if found, err := getJSON(ctx, s.q.status, job.ID, &cur); err != nil || !found {
		return false, fmt.Errorf("job %s: no status (%v)", job.ID, err)
	}
	switch cur.State {
	case Queued:
		return false, s.enqueue(ctx, job, job.ID)
	case Failed:
		if _, err := s.q.results.Get(ctx, job.ID); errors.Is(err, jetstream.ErrKeyNotFound) {
			return s.requeue(ctx, job, &cur)
		}
	}
	return false, nil
}

// splitState reads the segment jobs of the split request st and, when
// every one is done, assembles and verifies the chain (JSON).
func (s *api) splitState(ctx context.Context, st *Status) (segs []segmentView, state, reason string, chain []byte, err error) {
	lb, ok := s.byKey[st.Build]
	if !ok || lb.split == nil || lb.info.ID != st.Build || len(st.Jobs) != len(lb.segments) {
		return nil, Failed, fmt.Sprintf("split build %s is not served here", st.Build), nil, nil
	}
	proofs := make([]*prover.Proof, len(st.Jobs))
	done, started := 0, false
	for i, id := range st.Jobs {
		v := segmentView{Segment: i, ID: id, State: Queued}
		var seg Status
		found, err := getJSON(ctx, s.q.status, id, &seg)
		if err != nil {
			return nil, "", "", nil, err
		}
		if found {
			v.State, v.Reason, v.Worker, v.Attempts = seg.State, seg.Reason, seg.Worker, seg.Attempts
		} else {
			v.Reason = "not recorded yet (submit the request again)"
		}
		var res Result
		if ok, err := getJSON(ctx, s.q.results, id, &res); err != nil {
			return nil, "", "", nil, err
		} else if ok && found {
			if err := s.check(&res, &seg); err != nil {
				s.log.Error("stored segment result does not verify", "job", id, "err", err)
				v.State, v.Reason = Failed, "the stored result does not verify: "+err.Error()
			} else {
				var p prover.Proof
				if err := p.UnmarshalJSON(res.Proof); err != nil {
					return nil, "", "", nil, err
				}
				proofs[i] = &p
				v.State, v.Reason, v.Worker, v.ProveSeconds = Done, "", res.Worker, res.ProveSeconds
				done++
			}
		}
		if v.State == Failed && reason == "" {
			reason = fmt.Sprintf("segment %d: %s", i, v.Reason)
		}
		started = started || v.State == Running || v.State == Done
		segs = append(segs, v)
	}
	switch {
	case reason != "":
		return segs, Failed, reason, nil, nil
	case done < len(segs):
		if started {
			return segs, Running, "", nil, nil
		}
		return segs, Queued, "", nil, nil
	}
	if c, ok := s.chains.Load(st.ID); ok {
		return segs, Done, "", c.([]byte), nil
	}
	c := lb.split.Chain(proofs)
	if err := prover.VerifyChain(lb.split, c); err != nil {
		return segs, Failed, "the chain of segment proofs does not verify: " + err.Error(), nil, nil
	}
	data, err := c.MarshalJSON()
	if err != nil {
		return nil, "", "", nil, err
	}
	s.chains.Store(st.ID, data)
	return segs, Done, "", data, nil
}

// writeSplit writes a split request's status: its segments' and, once
// done, the chain proof.
func (s *api) writeSplit(w http.ResponseWriter, r *http.Request, code int, v *jobView) {
	segs, state, reason, chain, err := s.splitState(r.Context(), &v.Status)
	if err != nil {
		s.fail(w, http.StatusServiceUnavailable, "job %s: %v", v.ID, err)
		return
	}
	v.Segments, v.State, v.Reason, v.Worker = segs, state, reason, ""
	if chain != nil {
		v.Proof = chain
		for _, sg := range segs {
			v.ProveSeconds += sg.ProveSeconds
		}
	}
	writeJSON(w, code, v)
}

// getChain answers GET /v1/proofs/ID/proof.json for a split request (the
// chain proof); false: id is not one.
func (s *api) getChain(w http.ResponseWriter, r *http.Request, id string) bool {
	var st Status
	found, err := getJSON(r.Context(), s.q.status, id, &st)
	if err != nil || !found || len(st.Jobs) == 0 {
		return false
	}
	_, state, reason, chain, err := s.splitState(r.Context(), &st)
	switch {
	case err != nil:
		s.fail(w, http.StatusServiceUnavailable, "job %s: %v", id, err)
	case state == Failed:
		s.fail(w, http.StatusBadGateway, "job %s failed: %s", id, reason)
	case chain == nil:
		s.fail(w, http.StatusNotFound, "no proof for job %q (yet: GET /v1/proofs/%s gives its status)", id, id)
	default:
		w.Header().Set("Content-Type", "application/json")
		w.Write(chain)
	}
	return true
}
