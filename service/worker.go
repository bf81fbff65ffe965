package service

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/semaphore"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/prover"
)

// DefaultGrace is a stopping worker's time to finish its jobs.
const DefaultGrace = 30 * time.Second

// WorkerConfig configures [Work].
type WorkerConfig struct {
	// NATSURL and Token: the NATS server (zkml serve's embedded one, or a
	// cluster) and its token (zkml serve's API token; empty for none).
	NATSURL string
	Token   string
	// Name identifies the worker in job statuses and logs (host name and
	// process id by default).
	Name string
	// CacheDir keeps the builds fetched from NATS, by build id.
	CacheDir string
	// Memory is the budget, in bytes, for proofs in progress and for the
	// proving keys kept loaded between jobs: each proof reserves its build's
	// estimated prove memory (BuildInfo.ProveMemory) and waits until it
	// fits, so concurrency follows from memory; a build larger than the
	// budget still proves, alone.
	Memory int64
	// MaxJobs caps the jobs in progress at once (default 4).
	MaxJobs int
	// Grace: after ctx is done, how long jobs in progress may take to
	// finish; then they are returned to the queue (Nak) for another worker.
	Grace time.Duration
	// MetricsListen, when set, serves Prometheus metrics at /metrics there.
	MetricsListen string
	Log           *slog.Logger
	// Ready, when set, is called once the worker is connected and pulling.
	Ready func(metrics string)
}

// Work pulls jobs until ctx is done, proves them, checks each proof with
// prover.Verify, stores the result (once per job) and only then
// acknowledges the job. Then it stops fetching, gives the jobs in hand
// cfg.Grace to finish, returns the others to the queue and closes.
func Work(ctx context.Context, cfg WorkerConfig) error {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Name == "" {
		host, _ := os.Hostname()
		cfg.Name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	if cfg.Memory <= 0 {
		cfg.Memory = 4 << 30
	}
	if cfg.MaxJobs <= 0 {
		cfg.MaxJobs = 4
	}
	if cfg.CacheDir == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return fmt.Errorf("no --cache folder: %w", err)
		}
		cfg.CacheDir = dir + "/zkml/builds"
	}
	log := cfg.Log.With("worker", cfg.Name)
	nc, err := connect(cfg.NATSURL, cfg.Token, "zkml worker "+cfg.Name)
	if err != nil {
		return err
	}
	defer nc.Close()
	q, err := openQueue(ctx, nc, func(err error) { log.Warn("waiting for the work queue", "err", err) })
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	info, err := q.consumer.Info(ctx)
	if err != nil {
		return err
	}
	w := &worker{q: q, cfg: cfg, log: log, ackWait: info.Config.AckWait, maxDeliver: info.Config.MaxDeliver,
		mem: semaphore.NewWeighted(cfg.Memory), m: newMetrics(),
		cache: &buildCache{q: q, dir: cfg.CacheDir, budget: cfg.Memory, log: log, loaded: map[string]*cachedBuild{}}}
	w.initMetrics()
	if cfg.MetricsListen != "" {
		ln, err := net.Listen("tcp", cfg.MetricsListen)
		if err != nil {
			return fmt.Errorf("--metrics: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", w.m.handler())
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		cfg.MetricsListen = "http://" + ln.Addr().String() + "/metrics"
	}
	log.Info("worker ready", "nats", cfg.NATSURL, "ack_wait", w.ackWait.String(), "max_deliver", w.maxDeliver,
		"memory", cfg.Memory, "max_jobs", cfg.MaxJobs, "metrics", cfg.MetricsListen)
	if cfg.Ready != nil {
		cfg.Ready(cfg.MetricsListen)
	}

	// Jobs run under jobCtx, which outlives ctx by the grace period.
	jobCtx, cancelJobs := context.WithCancel(context.Background())
	defer cancelJobs()
	var wg sync.WaitGroup
	for range cfg.MaxJobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.loop(ctx, jobCtx)
		}()
	}
	<-ctx.Done()
	log.Info("stopping: no more fetches", "grace", cfg.Grace.String())
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(cfg.Grace):
		log.Warn("grace period over: returning the jobs in hand to the queue")
		cancelJobs()
		<-finished
	}
	if err := nc.Drain(); err != nil {
		return nil
	}
	for !nc.IsClosed() {
		time.Sleep(10 * time.Millisecond)
	}
	log.Info("worker stopped")
	return nil
}

type worker struct {
	q          *queue
	cfg        WorkerConfig
	log        *slog.Logger
	ackWait    time.Duration
	maxDeliver int
	mem        *semaphore.Weighted
	cache      *buildCache
	m          *metrics
	running    sync.Map // job id -> struct{}
	// reserved: memory claimed by proofs in progress; largest: the
	// largest reservation a job needed so far; fetched: jobs fetched that
	// have not reserved memory yet (each counts as largest).
	reserved, largest, fetched atomic.Int64
	claimMu                    sync.Mutex
}

// claim counts one more fetched job if the memory budget has room for it.
func (w *worker) claim() bool {
	w.claimMu.Lock()
	defer w.claimMu.Unlock()
	if w.room() {
		w.fetched.Add(1)
		return true
	}
	return false
}

// room reports whether the memory budget has room for one more job.
func (w *worker) room() bool {
	r, f := w.reserved.Load(), w.fetched.Load()
	if r == 0 && f == 0 {
		return true
	}
	l := w.largest.Load()
	return l > 0 && r+(f+1)*l <= w.cfg.Memory // l == 0: no size known yet, one at a time
}

func (w *worker) initMetrics() {
	m := w.m
	m.counter("zkml_worker_jobs_done_total", "Jobs this worker proved, verified and stored.")
	m.counter("zkml_worker_jobs_failed_total", "Jobs this worker marked failed.")
	m.counter("zkml_worker_jobs_retried_total", "Jobs this worker returned to the queue after an error or at shutdown.")
	m.counter("zkml_worker_jobs_skipped_total", "Deliveries of jobs whose result was already stored.")
	m.histogram("zkml_worker_prove_seconds", "Prove time of this worker's jobs.", proveBuckets)
	m.gauge("zkml_worker_jobs_running", "Jobs this worker holds now.", func() float64 {
		n := 0
		w.running.Range(func(any, any) bool { n++; return true })
		return float64(n)
	})
	m.gauge("zkml_worker_builds_loaded", "Builds whose keys this worker keeps in memory.", func() float64 {
		n, _ := w.cache.loadedBuilds()
		return float64(n)
	})
	m.gauge("zkml_worker_builds_loaded_bytes", "Estimated prove memory of the builds kept loaded.", func() float64 {
		_, b := w.cache.loadedBuilds()
		return float64(b)
	})
}

// loop fetches and handles one job at a time until ctx is done.
func (w *worker) loop(ctx, jobCtx context.Context) {
	for ctx.Err() == nil {
		// Fetch only with room for a proof as large as the largest seen so
		// far (or nothing in progress), so that a worker short of memory
		// leaves jobs to the others instead of holding them.
		if !w.claim() {
			select {
			case <-ctx.Done():
			case <-time.After(50 * time.Millisecond):
			}
			continue
		}
		msg, err := w.q.consumer.Next(jetstream.FetchMaxWait(time.Second))
		if err != nil {
			w.fetched.Add(-1)
			if !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, nats.ErrTimeout) {
				w.log.Debug("fetch", "err", err)
				select {
				case <-ctx.Done():
				case <-time.After(250 * time.Millisecond):
				}
			}
			continue
		}
		if ctx.Err() != nil {
			w.fetched.Add(-1)
			msg.Nak() // fetched as we stopped: straight back to the queue
			return
		}
		var once sync.Once
		unfetch := func() { once.Do(func() { w.fetched.Add(-1) }) }
		w.handle(jobCtx, msg, unfetch)
		unfetch()
	}
}

// permanent marks an error that no retry can cure.
type permanent struct{ error }

// handle works on one job; unfetch is called when the job reserves its
// memory (or by the caller, when it is done without proving).
func (w *worker) handle(ctx context.Context, msg jetstream.Msg, unfetch func()) {
	md, err := msg.Metadata()
	if err != nil {
		w.log.Error("job without metadata", "err", err)
		msg.Term()
		return
	}
	var job Job
	if err := json.Unmarshal(msg.Data(), &job); err != nil || job.ID == "" {
		w.log.Error("malformed job message: dropped", "err", err, "subject", msg.Subject())
		msg.Term()
		return
	}
	log := w.log.With("job", job.ID, "build", job.Build, "attempt", md.NumDelivered)
	if _, err := w.q.results.Get(ctx, job.ID); err == nil {
		log.Info("job already done: acknowledged")
		w.m.add("zkml_worker_jobs_skipped_total", "", 1)
		msg.Ack()
		return
	}
	// The job's memory stays reserved until it is acknowledged or returned.
	var need int64
	reserve := func(n int64) error {
		w.reserved.Add(n) // before unfetch: room() always counts the job
		need = n
		unfetch()
		if err := w.mem.Acquire(ctx, n); err != nil {
			w.reserved.Add(-n)
			need = 0
			return err
		}
		w.setStatus(ctx, &job, Running, "", int(md.NumDelivered))
		return nil
	}
	defer func() {
		if need > 0 {
			w.mem.Release(need)
			w.reserved.Add(-need)
		}
	}()
	w.running.Store(job.ID, struct{}{})
	defer w.running.Delete(job.ID)

	// Heartbeats keep the job ours while we work on it.
	hbCtx, stopHB := context.WithCancel(ctx)
	defer stopHB()
	go func() {
		t := time.NewTicker(max(w.ackWait/3, 100*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-hbCtx.Done():
				return
			case <-t.C:
				msg.InProgress()
			}
		}
	}()

	log.Info("proving")
	res, err := w.prove(ctx, &job, reserve)
	if err == nil {
		err = w.store(ctx, res)
	}
	stopHB()
	if err == nil {
		if err := msg.DoubleAck(ctx); err != nil {
			// The result is stored: a redelivery finds it and acks.
			log.Warn("ack failed (the job may be delivered again, and acknowledged then)", "err", err)
		}
		w.m.add("zkml_worker_jobs_done_total", "", 1)
		w.m.observe("zkml_worker_prove_seconds", res.ProveSeconds)
		log.Info("job done", "prove_seconds", res.ProveSeconds)
		return
	}
	var perm permanent
	switch {
	case ctx.Err() != nil:
		log.Warn("job returned to the queue at shutdown")
		w.setStatus(context.Background(), &job, Queued, "the worker stopped", int(md.NumDelivered))
		msg.Nak()
		w.m.add("zkml_worker_jobs_retried_total", "", 1)
	case errors.As(err, &perm) || (w.maxDeliver > 0 && int(md.NumDelivered) >= w.maxDeliver):
		log.Error("job failed", "err", err)
		w.setStatus(ctx, &job, Failed, err.Error(), int(md.NumDelivered))
		msg.Term()
		w.m.add("zkml_worker_jobs_failed_total", "", 1)
	default:
		log.Warn("job failed, will retry", "err", err)
		w.setStatus(ctx, &job, Queued, err.Error(), int(md.NumDelivered))
		msg.NakWithDelay(time.Duration(md.NumDelivered) * time.Second)
		w.m.add("zkml_worker_jobs_retried_total", "", 1)
	}
}

// prove proves the job, after reserve(its build's estimated memory), which
// marks it running.
func (w *worker) prove(ctx context.Context, job *Job, reserve func(int64) error) (*Result, error) {
	cb, release, err := w.cache.get(ctx, job.Build)
	if errors.Is(err, errUnknownBuild) {
		return nil, permanent{err}
	}
	if err != nil {
		return nil, err
	}
	defer release()
	b := cb.build
	// A segment job names the segment's own build (published as a build).
	if c := b.Settings().Chain; (job.Segment == nil) != (c == nil) || (c != nil && c.Segment != *job.Segment) {
		return nil, permanent{fmt.Errorf("build %s is not segment %s of a split build", job.Build, segmentName(job.Segment))}
	}
	// Refuse what the model refuses before spending memory on it.
	pl, err := b.Plan()
	if err != nil {
		return nil, err
	}
	if _, err := pl.Run(job.Inputs); err != nil {
		return nil, permanent{fmt.Errorf("the model refuses the input: %w", err)}
	}
	need := min(cb.info.ProveMemory, w.cfg.Memory)
	for {
		old := w.largest.Load()
		if need <= old || w.largest.CompareAndSwap(old, need) {
			break
		}
	}
	if err := reserve(need); err != nil {
		return nil, err
	}
	start := time.Now()
	proof, err := b.ProveQuantized(ctx, job.Inputs)
	if err != nil {
		return nil, fmt.Errorf("prove: %w", err)
	}
	secs := time.Since(start).Seconds()
	if err := prover.Verify(b, proof); err != nil {
		return nil, fmt.Errorf("the worker's own proof does not verify: %w", err)
	}
	pj, err := proof.MarshalJSON()
	if err != nil {
		return nil, err
	}
	res := &Result{ID: job.ID, Build: job.Build, Proof: pj, Worker: w.cfg.Name, ProveSeconds: secs, Finished: time.Now().UTC()}
	if job.Segment == nil { // a segment's proof goes on chain in its chain
		cd, err := contracts.Calldata(b, proof)
		if err != nil {
			return nil, err
		}
		res.Calldata = "0x" + hex.EncodeToString(cd)
	}
	return res, nil
}

func segmentName(seg *int) string {
	if seg == nil {
		return "(none)"
	}
	return fmt.Sprint(*seg)
}

// store creates the job's result; one already there (another worker's,
// for a redelivered job) is kept.
func (w *worker) store(ctx context.Context, res *Result) error {
	data, err := json.Marshal(res)
	if err != nil {
		return err
	}
	_, err = w.q.results.Create(ctx, res.ID, data)
	if errors.Is(err, jetstream.ErrKeyExists) {
		w.log.Info("result already stored by another worker: kept", "job", res.ID)
		return nil
	}
	if err != nil {
		return fmt.Errorf("store result: %w", err)
	}
	w.setStatus(ctx, &Job{ID: res.ID, Build: res.Build}, Done, "", 0)
	return nil
}

// setStatus records the job's state (best effort: the result, not the
// status, is what says a job is done).
func (w *worker) setStatus(ctx context.Context, job *Job, state, reason string, attempts int) {
	var st Status
	if ok, err := getJSON(ctx, w.q.status, job.ID, &st); err != nil || !ok {
		st = Status{ID: job.ID, Build: job.Build, Segment: job.Segment, Submitted: job.Submitted}
	}
	st.State, st.Reason, st.Worker, st.Updated = state, reason, w.cfg.Name, time.Now().UTC()
	if attempts > 0 {
		st.Attempts = attempts
	}
	data, _ := json.Marshal(st)
	if _, err := w.q.status.Put(ctx, job.ID, data); err != nil {
		w.log.Warn("status not recorded", "job", job.ID, "err", err)
	}
}
