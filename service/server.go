package service

import (
	"context"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/modelio"
	"github.com/zkml/zkml/prover"
)

// ServeConfig configures [Serve].
type ServeConfig struct {
	// Listen is the HTTP API's address (127.0.0.1:8080 by default).
	Listen string
	// Token is the API token: every /v1/ request must carry it as
	// "Authorization: Bearer TOKEN". It is also the token of the embedded
	// NATS server, which workers pass the same way. Required.
	Token string
	// BuildsDir is a folder of build folders (compiled, with keys), each
	// published to the workers.
	BuildsDir string
	// NATSURL is an external NATS server or cluster with JetStream; empty:
	// embed one, storing its data in DataDir, listening on NATSListen.
	NATSURL    string
	DataDir    string
	NATSListen string
	// MaxBody limits a request's body, in bytes (1 MiB by default).
	MaxBody int64
	Queue   QueueConfig
	Log     *slog.Logger
	// Ready, when set, is called once the API and NATS listen, with their
	// addresses.
	Ready func(api, nats string)
}

// Serve runs the API until ctx is done, then drains: the HTTP server stops
// taking requests and finishes those in hand, the NATS connection flushes,
// and an embedded NATS server shuts down (its JetStream data stays in
// DataDir for the next start).
func Serve(ctx context.Context, cfg ServeConfig) error {
	if cfg.Token == "" {
		return errors.New("no API token: pass --token-file or set $ZKML_TOKEN")
	}
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:8080"
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.Queue == (QueueConfig{}) {
		cfg.Queue = DefaultQueue
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	builds, err := loadBuilds(cfg.BuildsDir)
	if err != nil {
		return err
	}

	url := cfg.NATSURL
	if url == "" {
		ns, err := embedNATS(cfg)
		if err != nil {
			return err
		}
		defer func() {
			ns.Shutdown()
			ns.WaitForShutdown()
			cfg.Log.Info("NATS stopped")
		}()
		url = ns.ClientURL()
	}
	nc, err := connect(url, cfg.Token, "zkml serve")
	if err != nil {
		return err
	}
	defer nc.Close()
	setup, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	q, err := createQueue(setup, nc, cfg.Queue)
	if err != nil {
		return err
	}
	s := &api{q: q, cfg: cfg, log: cfg.Log, byKey: map[string]*localBuild{}, segs: map[string]*localBuild{}, m: newMetrics()}
	for _, lb := range builds {
		// A split build's segments are published as builds of their own.
		for _, seg := range lb.segments {
			if err := q.publish(setup, seg.dir, seg, cfg.Log); err != nil {
				return err
			}
			s.segs[seg.info.ID] = seg
		}
		if lb.split == nil {
			if err := q.publish(setup, lb.dir, lb, cfg.Log); err != nil {
				return err
			}
		}
		s.builds = append(s.builds, lb)
		s.byKey[lb.info.ID] = lb
		s.byKey[lb.info.Name] = lb
		cfg.Log.Info("serving build", "build", lb.info.ID, "name", lb.info.Name, "constraints", lb.info.Constraints, "segments", len(lb.segments))
	}
	s.initMetrics()
	go s.watch(ctx)
	sub, err := nc.Subscribe(maxDeliveriesAdvisory, func(m *nats.Msg) { go s.maxDelivered(ctx, m.Data) })
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()

	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("--listen: %w", err)
	}
	srv := &http.Server{Handler: s.routes(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute}
	cfg.Log.Info("serving", "api", "http://"+ln.Addr().String(), "nats", url)
	if cfg.Ready != nil {
		cfg.Ready("http://"+ln.Addr().String(), url)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	cfg.Log.Info("draining")
	shut, cancel2 := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel2()
	err = srv.Shutdown(shut)
	if derr := nc.Drain(); err == nil && derr != nil && !errors.Is(derr, nats.ErrConnectionClosed) {
		err = derr
	}
	for !nc.IsClosed() && shut.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// embedNATS starts a NATS server with JetStream in this process.
func embedNATS(cfg ServeConfig) (*server.Server, error) {
	host, port := "127.0.0.1", 4222
	if cfg.NATSListen != "" {
		h, p, err := net.SplitHostPort(cfg.NATSListen)
		if err != nil {
			return nil, fmt.Errorf("--nats-listen %q: %w", cfg.NATSListen, err)
		}
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("--nats-listen %q: bad port", cfg.NATSListen)
		}
		host = h
	}
	if cfg.DataDir == "" {
		return nil, errors.New("no --data folder for the embedded NATS server")
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("--data: %w", err)
	}
	ns, err := server.NewServer(&server.Options{
		ServerName:    "zkml",
		Host:          host,
		Port:          port,
		JetStream:     true,
		StoreDir:      cfg.DataDir,
		Authorization: cfg.Token,
		NoSigs:        true,
		MaxPayload:    8 << 20,
		// A stream drops what arrives beyond its ingest queue (128 MiB by
		// default) with a 429; one object store Put keeps up to 4,000
		// chunks of 128 KiB (500 MiB) in flight, which a server slowed by
		// the provers beside it can let pile up while publishing a
		// proving key.
		StreamMaxBufferedSize: 640 << 20,
	})
	if err != nil {
		return nil, fmt.Errorf("embedded NATS: %w", err)
	}
	ns.SetLogger(natsLog{cfg.Log.With("component", "nats")}, false, false)
	ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("embedded NATS did not start listening on %s:%d", host, port)
	}
	return ns, nil
}

// natsLog sends the embedded server's log to slog: its warnings and
// errors as such, its notices (the start-up banner among them) at debug.
type natsLog struct{ l *slog.Logger }

func (n natsLog) Noticef(f string, v ...any) { n.l.Debug(fmt.Sprintf(f, v...)) }
func (n natsLog) Warnf(f string, v ...any)   { n.l.Warn(fmt.Sprintf(f, v...)) }
func (n natsLog) Fatalf(f string, v ...any)  { n.l.Error(fmt.Sprintf(f, v...)) }
func (n natsLog) Errorf(f string, v ...any)  { n.l.Error(fmt.Sprintf(f, v...)) }
func (n natsLog) Debugf(f string, v ...any)  { n.l.Debug(fmt.Sprintf(f, v...)) }
func (n natsLog) Tracef(f string, v ...any)  { n.l.Debug(fmt.Sprintf(f, v...)) }

type api struct {
	q      *queue
	cfg    ServeConfig
	log    *slog.Logger
	builds []*localBuild
	byKey  map[string]*localBuild // id and folder name
	segs   map[string]*localBuild // the segments of split builds, by id
	m      *metrics
	// verified: the ids of the jobs whose stored result verified;
	// chains: split requests' chain proofs (JSON) once assembled and verified.
	verified, chains sync.Map
}

func (s *api) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/proofs", s.auth(s.submit))
	mux.HandleFunc("GET /v1/proofs/{id}", s.auth(s.get))
	mux.HandleFunc("GET /v1/proofs/{id}/proof.json", s.auth(s.getProof))
	mux.HandleFunc("GET /v1/builds", s.auth(s.listBuilds))
	mux.HandleFunc("GET /v1/builds/{id}", s.auth(s.getBuild))
	mux.Handle("GET /metrics", s.m.handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if s.q.nc.Status() != nats.CONNECTED {
			s.fail(w, http.StatusServiceUnavailable, "not connected to NATS: %s", s.q.nc.Status())
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, http.StatusNotFound, "no such endpoint: %s %s (see the README's \"Proving service\")", r.Method, r.URL.Path)
	})
	return mux
}

// auth lets only requests with the API token through.
func (s *api) auth(h http.HandlerFunc) http.HandlerFunc {
	want := "Bearer " + s.cfg.Token
	return func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("Authorization")
		if got == "" {
			s.fail(w, http.StatusUnauthorized, "missing API token: send \"Authorization: Bearer TOKEN\"")
			return
		}
		if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			s.fail(w, http.StatusUnauthorized, "wrong API token")
			return
		}
		h(w, r)
	}
}

// fail writes {"error": ...} with code and counts the rejection.
func (s *api) fail(w http.ResponseWriter, code int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.m.add("zkml_requests_rejected_total", fmt.Sprintf("code=%q", strconv.Itoa(code)), 1)
	writeJSON(w, code, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// ProofRequest is the body of POST /v1/proofs.
type ProofRequest struct {
	// Build: the build id (or its folder name).
	Build string `json:"build"`
	// Segment: refused; a request for a split build makes one job per
	// segment itself.
	Segment *int `json:"segment,omitempty"`
	// Input is the input in EZKL's input.json format ({"input_data": ...}).
	Input json.RawMessage `json:"input"`
}

func (s *api) submit(w http.ResponseWriter, r *http.Request) {
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var req ProofRequest
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, http.StatusRequestEntityTooLarge, "request body larger than %d bytes", s.cfg.MaxBody)
			return
		}
		s.fail(w, http.StatusBadRequest, "request body: %v (want {\"build\": ID, \"input\": {\"input_data\": [...]}})", err)
		return
	}
	if dec.More() {
		s.fail(w, http.StatusBadRequest, "request body: more than one JSON value")
		return
	}
	if req.Build == "" {
		s.fail(w, http.StatusBadRequest, "request body: no \"build\"")
		return
	}
	lb, ok := s.byKey[req.Build]
	if !ok {
		s.fail(w, http.StatusNotFound, "unknown build %q (GET /v1/builds lists them)", req.Build)
		return
	}
	if req.Segment != nil {
		if lb.split != nil {
			s.fail(w, http.StatusBadRequest, "build %s: omit \"segment\": a request for a split build makes one job per segment itself", lb.info.Name)
		} else {
			s.fail(w, http.StatusBadRequest, "build %s is not split into segments: omit \"segment\"", lb.info.Name)
		}
		return
	}
	if len(req.Input) == 0 {
		s.fail(w, http.StatusBadRequest, "request body: no \"input\"")
		return
	}
	in, err := modelio.ParseInput(req.Input)
	if err != nil {
		s.fail(w, http.StatusBadRequest, "input: %v", err)
		return
	}
	var names []string
	var shapes [][]int
	for _, t := range lb.info.Inputs {
		names, shapes = append(names, t.Name), append(shapes, t.Shape)
	}
	// As the CLI: {"input_data": [[]]} is no inputs for a model without any.
	if in, err = modelio.ForModel(in, names, shapes); err != nil {
		s.fail(w, http.StatusBadRequest, "input: %v", err)
		return
	}
	if lb.split != nil {
		s.submitSplit(w, r, lb, in)
		return
	}
	pl, err := lb.build.Plan()
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "build: %v", err)
		return
	}
	quant, err := pl.QuantizeInputs(in)
	if err != nil {
		s.fail(w, http.StatusBadRequest, "input: %v", err)
		return
	}
	// The model must run on it (the worker would refuse it otherwise); what
	// it gives is what the proof must say.
	statement, err := lb.build.Statement(quant)
	if err != nil {
		s.fail(w, http.StatusBadRequest, "input: the model refuses it: %v", err)
		return
	}

	job := Job{ID: JobID(lb.info.ID, nil, quant), Build: lb.info.ID, Inputs: quant, Submitted: time.Now().UTC()}
	ctx := r.Context()
	st := Status{ID: job.ID, Build: job.Build, State: Queued, Submitted: job.Submitted, Updated: job.Submitted,
		Statement: statementHash(statement)}
	data, _ := json.Marshal(st)
	_, err = s.q.status.Create(ctx, job.ID, data)
	if errors.Is(err, jetstream.ErrKeyExists) {
		// The same request again: the same job. If it is still queued, its
		// message may have been lost before reaching the stream (a crash
		// between the two writes): publish it again; the stream drops
		// the duplicate within its dedupe window, and a worker that finds
		// the result already stored drops it after that.
		s.m.add("zkml_jobs_duplicate_total", "", 1)
		found, err := getJSON(ctx, s.q.status, job.ID, &st)
		if err != nil || !found {
			s.fail(w, http.StatusServiceUnavailable, "job %s: %v", job.ID, err)
			return
		}
		switch st.State {
		case Queued:
			if err := s.enqueue(ctx, &job, job.ID); err != nil {
				s.fail(w, http.StatusServiceUnavailable, "queue job: %v", err)
				return
			}
		case Failed:
			// Asked again after it failed: try again, as a new message
			// (the stream would drop one with the first's id).
			if _, err := s.q.results.Get(ctx, job.ID); errors.Is(err, jetstream.ErrKeyNotFound) {
				s.retry(w, r, &job, &st)
				return
			}
		}
		s.writeStatus(w, r, http.StatusOK, job.ID)
		return
	}
	if err != nil {
		s.fail(w, http.StatusServiceUnavailable, "record job: %v", err)
		return
	}
	if err := s.enqueue(ctx, &job, job.ID); err != nil {
		// Resubmitting the request publishes it again.
		s.fail(w, http.StatusServiceUnavailable, "queue job %s (submit it again): %v", job.ID, err)
		return
	}
	s.m.add("zkml_jobs_accepted_total", "", 1)
	s.log.Info("job accepted", "job", job.ID, "build", job.Build)
	writeJSON(w, http.StatusAccepted, st)
}

// enqueue publishes the job with msgID as its Nats-Msg-Id.
func (s *api) enqueue(ctx context.Context, job *Job, msgID string) error {
	data, err := json.Marshal(job)
	if err != nil {
		return err
	}
	_, err = s.q.js.Publish(ctx, "zkml.jobs."+job.Build, data, jetstream.WithMsgID(msgID))
	return err
}

// retry queues a failed job again.
func (s *api) retry(w http.ResponseWriter, r *http.Request, job *Job, st *Status) {
	again, err := s.requeue(r.Context(), job, st)
	if err != nil {
		s.fail(w, http.StatusServiceUnavailable, "%v", err)
		return
	}
	if !again { // someone else retried it meanwhile
		s.writeStatus(w, r, http.StatusOK, job.ID)
		return
	}
	writeJSON(w, http.StatusAccepted, st)
}

// requeue queues the failed job again, as a new message (the stream would
// drop one with the first's id); again is false if someone else did.
func (s *api) requeue(ctx context.Context, job *Job, st *Status) (again bool, err error) {
	e, err := s.q.status.Get(ctx, job.ID)
	if err != nil {
		return false, fmt.Errorf("job %s: %v", job.ID, err)
	}
	st.State, st.Reason, st.Updated = Queued, "submitted again after: "+st.Reason, time.Now().UTC()
	data, _ := json.Marshal(st)
	rev, err := s.q.status.Update(ctx, job.ID, data, e.Revision())
	if err != nil {
		return false, nil
	}
	if err := s.enqueue(ctx, job, fmt.Sprintf("%s.%d", job.ID, rev)); err != nil {
		return false, fmt.Errorf("queue job %s (submit it again): %v", job.ID, err)
	}
	s.m.add("zkml_jobs_retried_total", "", 1)
	s.log.Info("failed job submitted again", "job", job.ID)
	return true, nil
}

// jobView is GET /v1/proofs/ID: the status, and the result once done.
type jobView struct {
	Status
	Proof        json.RawMessage `json:"proof,omitempty"`
	Calldata     string          `json:"calldata,omitempty"`
	ProveSeconds float64         `json:"prove_seconds,omitempty"`
	// Segments: a split request's segment jobs.
	Segments []segmentView `json:"segments,omitempty"`
}

func (s *api) get(w http.ResponseWriter, r *http.Request) {
	s.writeStatus(w, r, http.StatusOK, r.PathValue("id"))
}

func (s *api) writeStatus(w http.ResponseWriter, r *http.Request, code int, id string) {
	ctx := r.Context()
	var v jobView
	found, err := getJSON(ctx, s.q.status, id, &v.Status)
	if err != nil {
		s.fail(w, http.StatusServiceUnavailable, "job %s: %v", id, err)
		return
	}
	if !found {
		s.fail(w, http.StatusNotFound, "no job %q", id)
		return
	}
	if len(v.Jobs) > 0 {
		s.writeSplit(w, r, code, &v)
		return
	}
	var res Result
	if ok, err := getJSON(ctx, s.q.results, id, &res); err != nil {
		s.fail(w, http.StatusServiceUnavailable, "job %s: %v", id, err)
		return
	} else if ok {
		if err := s.check(&res, &v.Status); err != nil {
			// Only a NATS client that is not a zkml worker can store this.
			s.log.Error("stored result does not verify", "job", id, "err", err)
			v.State, v.Reason = Failed, "the stored result does not verify: "+err.Error()
			writeJSON(w, code, v)
			return
		}
		// The stored result is what counts, whatever a late status update says.
		v.State, v.Reason, v.Worker, v.Updated = Done, "", res.Worker, res.Finished
		v.Proof, v.Calldata, v.ProveSeconds = res.Proof, res.Calldata, res.ProveSeconds
	}
	writeJSON(w, code, v)
}

// check verifies a stored result against the job's build, once per job:
// the API hands out only proofs that verify.
func (s *api) check(res *Result, st *Status) error {
	if _, ok := s.verified.Load(res.ID); ok {
		return nil
	}
	build := st.Build
	lb, ok := s.byKey[build]
	if seg, isSeg := s.segs[build]; isSeg && st.Segment != nil {
		lb, ok = seg, true
	}
	if !ok || lb.info.ID != build || lb.build == nil {
		return fmt.Errorf("build %s is not served here", build)
	}
	if res.Build != build {
		return fmt.Errorf("the result is for build %s", res.Build)
	}
	var p prover.Proof
	if err := p.UnmarshalJSON(res.Proof); err != nil {
		return err
	}
	if err := prover.Verify(lb.build, &p); err != nil {
		return err
	}
	if st.Statement == "" || statementHash(p.PublicInputs) != st.Statement {
		return errors.New("it proves another input's statement, not this job's")
	}
	if st.Segment == nil { // a segment's proof goes on chain with its chain
		cd, err := contracts.Calldata(lb.build, &p)
		if err != nil {
			return err
		}
		if res.Calldata != "0x"+hex.EncodeToString(cd) {
			return errors.New("its calldata is not the proof's")
		}
	}
	s.verified.Store(res.ID, true)
	return nil
}

func (s *api) getProof(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if s.getChain(w, r, id) {
		return
	}
	var res Result
	ok, err := getJSON(r.Context(), s.q.results, id, &res)
	if err != nil {
		s.fail(w, http.StatusServiceUnavailable, "job %s: %v", id, err)
		return
	}
	if !ok {
		s.fail(w, http.StatusNotFound, "no proof for job %q (yet: GET /v1/proofs/%s gives its status)", id, id)
		return
	}
	var st Status
	if ok, err := getJSON(r.Context(), s.q.status, id, &st); err != nil || !ok {
		s.fail(w, http.StatusServiceUnavailable, "job %s: no status (%v)", id, err)
		return
	}
	if err := s.check(&res, &st); err != nil {
		s.fail(w, http.StatusBadGateway, "job %s: the stored result does not verify: %v", id, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(res.Proof)
}

func (s *api) listBuilds(w http.ResponseWriter, r *http.Request) {
	out := make([]BuildInfo, 0, len(s.builds))
	for _, lb := range s.builds {
		out = append(out, lb.info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	writeJSON(w, http.StatusOK, map[string]any{"builds": out})
}

func (s *api) getBuild(w http.ResponseWriter, r *http.Request) {
	lb, ok := s.byKey[r.PathValue("id")]
	if !ok {
		s.fail(w, http.StatusNotFound, "unknown build %q", r.PathValue("id"))
		return
	}
	writeJSON(w, http.StatusOK, lb.info)
}

func (s *api) initMetrics() {
	m := s.m
	m.counter("zkml_jobs_accepted_total", "Proof requests accepted as new jobs; a split build's request counts once (its segment jobs: zkml_segment_jobs_accepted_total).")
	m.counter("zkml_segment_jobs_accepted_total", "Segment jobs created and queued for accepted split requests, one per segment.")
	m.counter("zkml_jobs_duplicate_total", "Proof requests for a job that already existed.")
	m.counter("zkml_jobs_retried_total", "Failed jobs queued again because they were submitted again.")
	m.counter("zkml_requests_rejected_total", "API requests refused, by HTTP status.")
	m.counter("zkml_jobs_done_total", "Jobs whose proof was stored (by any worker), seen since start.")
	m.counter("zkml_jobs_failed_total", "Jobs marked failed, seen since start.")
	m.histogram("zkml_prove_seconds", "Prove time of the jobs done, as workers report it.", proveBuckets)
	m.gauge("zkml_queue_depth", "Jobs in the work queue: waiting or being proven.", func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		info, err := s.q.stream.Info(ctx)
		if err != nil {
			return math.NaN()
		}
		return float64(info.State.Msgs)
	})
	m.gauge("zkml_jobs_in_progress", "Jobs delivered to a worker and not yet acknowledged.", func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		info, err := s.q.consumer.Info(ctx)
		if err != nil {
			return math.NaN()
		}
		return float64(info.NumAckPending)
	})
}

// watch counts results and failures as workers store them.
func (s *api) watch(ctx context.Context) {
	for ctx.Err() == nil {
		s.watchOnce(ctx)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (s *api) watchOnce(ctx context.Context) {
	res, err := s.q.results.WatchAll(ctx, jetstream.UpdatesOnly())
	if err != nil {
		return
	}
	defer res.Stop()
	st, err := s.q.status.WatchAll(ctx, jetstream.UpdatesOnly())
	if err != nil {
		return
	}
	defer st.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-res.Updates():
			if !ok {
				return
			}
			if e == nil || e.Operation() != jetstream.KeyValuePut {
				continue
			}
			var r Result
			if json.Unmarshal(e.Value(), &r) == nil {
				s.m.add("zkml_jobs_done_total", "", 1)
				s.m.observe("zkml_prove_seconds", r.ProveSeconds)
			}
		case e, ok := <-st.Updates():
			if !ok {
				return
			}
			if e == nil || e.Operation() != jetstream.KeyValuePut {
				continue
			}
			var v Status
			if json.Unmarshal(e.Value(), &v) == nil && v.State == Failed {
				s.m.add("zkml_jobs_failed_total", "", 1)
			}
		}
	}
}

// maxDeliveriesAdvisory is what the server publishes when a job was
// delivered --max-deliver times and its last worker neither acknowledged
// nor terminated it (it died, or stalled without heartbeats).
const maxDeliveriesAdvisory = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + jobStream + "." + workers

// maxDelivered marks such a job failed and removes it from the queue.
func (s *api) maxDelivered(ctx context.Context, advisory []byte) {
	var adv struct {
		StreamSeq  uint64 `json:"stream_seq"`
		Deliveries uint64 `json:"deliveries"`
	}
	if err := json.Unmarshal(advisory, &adv); err != nil || adv.StreamSeq == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	raw, err := s.q.stream.GetMsg(ctx, adv.StreamSeq)
	if err != nil {
		return // gone already (another serve handled it)
	}
	var job Job
	if json.Unmarshal(raw.Data, &job) == nil && job.ID != "" {
		if _, err := s.q.results.Get(ctx, job.ID); errors.Is(err, jetstream.ErrKeyNotFound) {
			var st Status
			if ok, _ := getJSON(ctx, s.q.status, job.ID, &st); !ok {
				st = Status{ID: job.ID, Build: job.Build, Segment: job.Segment, Submitted: job.Submitted}
			}
			st.State, st.Updated = Failed, time.Now().UTC()
			st.Reason = fmt.Sprintf("delivered %d times without a result: the workers that took it died or stalled (last error: %s)", adv.Deliveries, orNone(st.Reason))
			st.Attempts = int(adv.Deliveries)
			data, _ := json.Marshal(st)
			if _, err := s.q.status.Put(ctx, job.ID, data); err != nil {
				s.log.Warn("status not recorded", "job", job.ID, "err", err)
				return
			}
			s.log.Warn("job failed: too many deliveries", "job", job.ID, "deliveries", adv.Deliveries)
		}
	}
	if err := s.q.stream.DeleteMsg(ctx, adv.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		s.log.Warn("could not remove a job from the queue", "seq", adv.StreamSeq, "err", err)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// tokenFrom reads a token file (the first line, trimmed).
func tokenFrom(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	tok := strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])
	if tok == "" {
		return "", fmt.Errorf("%s: empty token", path)
	}
	return tok, nil
}

// Token returns the API token: from file when given, else from $ZKML_TOKEN.
func Token(file string) (string, error) {
	if file != "" {
		return tokenFrom(file)
	}
	return os.Getenv("ZKML_TOKEN"), nil
}
