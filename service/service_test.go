package service_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/zkml/zkml/contracts"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/service"
)

// -load sets the number of requests of TestLoad (make test-service-load
// raises it).
var loadRequests = flag.Int("load", 200, "requests of TestLoad")

func TestBadRequests(t *testing.T) { testBadRequests(t, false) }

func TestBadRequestsExternalNATS(t *testing.T) { testBadRequests(t, true) }

// Bad requests get their 4xx with a message, and change nothing: no job
// status, no result, nothing queued.
func testBadRequests(t *testing.T, external bool) {
	c := newCluster(t, tinyBuilds(t), external, "--max-body", "4KiB")
	ids := c.buildIDs()
	good := []byte(`{"build": "tiny1", "input": {"input_data": [[0.1, 0.2, 0.3, 0.4]]}}`)
	big := []byte(`{"build": "tiny1", "input": {"input_data": [[` + strings.Repeat("0.1, ", 2000) + `0.1]]}}`)
	for _, tc := range []struct {
		name, method, path, auth string
		body                     []byte
		code                     int
		msg                      string
	}{
		{"no token", "POST", "/v1/proofs", "", good, 401, "missing API token"},
		{"wrong token", "POST", "/v1/proofs", "Bearer nope", good, 401, "wrong API token"},
		{"no token for a job", "GET", "/v1/proofs/00", "", nil, 401, "missing API token"},
		{"no token for builds", "GET", "/v1/builds", "", nil, 401, "missing API token"},
		{"unknown build", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": "nope", "input": {"input_data": [[1, 2, 3, 4]]}}`), 404, `unknown build "nope"`},
		{"not JSON", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": `), 400, "request body"},
		{"unknown field", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"model": "tiny1"}`), 400, "unknown field"},
		{"no input", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": "tiny1"}`), 400, `no "input"`},
		{"malformed input", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": "tiny1", "input": {"input_data": [["a", 2, 3, 4]]}}`), 400, "input:"},
		{"no input_data", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": "tiny1", "input": {"data": [[1, 2, 3, 4]]}}`), 400, "input:"},
		{"wrong shape", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": "tiny1", "input": {"input_data": [[1, 2, 3]]}}`), 400, "has 3 value(s); the model expects 4"},
		{"segment", "POST", "/v1/proofs", "Bearer " + token, []byte(`{"build": "tiny1", "segment": 1, "input": {"input_data": [[1, 2, 3, 4]]}}`), 400, "not split into segments"},
		{"oversized", "POST", "/v1/proofs", "Bearer " + token, big, 413, "larger than 4096 bytes"},
		{"unknown job", "GET", "/v1/proofs/" + strings.Repeat("0", 64), "Bearer " + token, nil, 404, "no job"},
		{"unknown build info", "GET", "/v1/builds/nope", "Bearer " + token, nil, 404, "unknown build"},
	} {
		code, v := c.do(tc.method, tc.path, tc.auth, tc.body)
		msg, _ := v["error"].(string)
		if code != tc.code || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: %d %q, want %d and a message with %q", tc.name, code, msg, tc.code, tc.msg)
		}
	}
	if s, r, q := c.counts(); s != 0 || r != 0 || q != 0 {
		t.Errorf("after bad requests: %d job statuses, %d results, %d queued; want none", s, r, q)
	}
	// The build's id and its folder name are the same build: the same job.
	code1, v1 := c.submit("tiny1", []float64{0.1, 0.2, 0.3, 0.4})
	code2, v2 := c.submit(ids["tiny1"], []float64{0.1, 0.2, 0.3, 0.4})
	if code1 != http.StatusAccepted || code2 != http.StatusOK || v1["id"] != v2["id"] || v1["build"] != ids["tiny1"] {
		t.Errorf("submit by name then id: %d %v, %d %v", code1, v1, code2, v2)
	}
	// A result that does not verify for the job's build (here a valid proof
	// of another build, written by a NATS client that is no worker) is not
	// handed out.
	b2, err := prover.Open(filepath.Join(c.builds, "tiny2"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := b2.Prove(context.Background(), [][]float64{{0.1, 0.2, 0.3, 0.4}})
	if err != nil {
		t.Fatal(err)
	}
	pj, _ := other.MarshalJSON()
	job := v1["id"].(string)
	forged, _ := json.Marshal(service.Result{ID: job, Build: ids["tiny1"], Proof: pj, Calldata: "0x00", Worker: "mallory"})
	js, closeNC := c.store()
	kv, err := js.KeyValue(context.Background(), "zkml_results")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Create(context.Background(), job, forged); err != nil {
		t.Fatal(err)
	}
	defer closeNC()
	if code, v := c.do("GET", "/v1/proofs/"+job, "Bearer "+token, nil); code != 200 || v["status"] != service.Failed ||
		!strings.Contains(v["reason"].(string), "does not verify") || v["proof"] != nil {
		t.Errorf("job with a forged result: %d %v", code, v)
	}
	if code, v := c.do("GET", "/v1/proofs/"+job+"/proof.json", "Bearer "+token, nil); code != http.StatusBadGateway {
		t.Errorf("proof.json of a forged result: %d %v", code, v)
	}
	// Nor a valid proof of the right build, with its calldata, for another
	// input: it does not carry the job's statement.
	b1, err := prover.Open(filepath.Join(c.builds, "tiny1"))
	if err != nil {
		t.Fatal(err)
	}
	another, err := b1.Prove(context.Background(), [][]float64{{0.4, 0.3, 0.2, 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	cd, err := contracts.Calldata(b1, another)
	if err != nil {
		t.Fatal(err)
	}
	pj, _ = another.MarshalJSON()
	forged, _ = json.Marshal(service.Result{ID: job, Build: ids["tiny1"], Proof: pj, Calldata: "0x" + hex.EncodeToString(cd), Worker: "mallory"})
	if _, err := kv.Put(context.Background(), job, forged); err != nil {
		t.Fatal(err)
	}
	if code, v := c.do("GET", "/v1/proofs/"+job, "Bearer "+token, nil); code != 200 || v["status"] != service.Failed ||
		!strings.Contains(v["reason"].(string), "another input's statement") || v["proof"] != nil {
		t.Errorf("job with another input's proof as its result: %d %v", code, v)
	}

	resp, err := http.Get(c.api + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`zkml_requests_rejected_total{code="401"} 4`, `zkml_requests_rejected_total{code="413"} 1`, "zkml_jobs_accepted_total 1", "zkml_jobs_duplicate_total 1", "zkml_queue_depth 1"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestLoad(t *testing.T) { testLoad(t, false, *loadRequests) }

func TestLoadExternalNATS(t *testing.T) { testLoad(t, true, *loadRequests) }

// testLoad: n requests over 4 builds from 8 concurrent clients, two
// workers; a fifth of them repeat an earlier request. Every request ends
// with exactly one valid proof: one result per distinct request, none
// lost, none duplicated, and the repeats get the job of the first.
func testLoad(t *testing.T, external bool, n int) {
	c := newCluster(t, tinyBuilds(t), external)
	ids := c.buildIDs()
	// w1's memory holds one proof at a time, whatever --max-jobs says.
	w1 := c.worker("w1", "--max-jobs", "4", "--memory", "1B", "--metrics", "127.0.0.1:0")
	w2 := c.worker("w2", "--max-jobs", "2", "--metrics", "127.0.0.1:0")
	maxRunning := make(chan int)
	stopWatch := make(chan struct{})
	go func() {
		most := 0
		for {
			select {
			case <-stopWatch:
				maxRunning <- most
				return
			case <-time.After(10 * time.Millisecond):
			}
			resp, err := http.Get(w1.rec["metrics"].(string))
			if err != nil {
				continue
			}
			var buf bytes.Buffer
			buf.ReadFrom(resp.Body)
			resp.Body.Close()
			var k int
			for _, line := range strings.Split(buf.String(), "\n") {
				if _, err := fmt.Sscanf(line, "zkml_worker_jobs_running %d", &k); err == nil {
					most = max(most, k)
				}
			}
		}
	}()

	type request struct {
		build string
		input []float64
	}
	reqs := make([]request, n)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range reqs {
		if i >= 10 && rng.IntN(5) == 0 {
			reqs[i] = reqs[rng.IntN(i)]
			continue
		}
		in := make([]float64, 4)
		for j := range in {
			in[j] = float64(rng.IntN(200)-100) / 128 // exact at scale 8: distinct inputs stay distinct
		}
		reqs[i] = request{fmt.Sprintf("tiny%d", 1+rng.IntN(4)), in}
	}
	jobOf := make([]string, n)
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []string
	for client := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := client; i < n; i += 8 {
				code, v := c.submit(reqs[i].build, reqs[i].input)
				mu.Lock()
				if code != http.StatusAccepted && code != http.StatusOK {
					errs = append(errs, fmt.Sprintf("request %d: %d %v", i, code, v))
				}
				jobOf[i], _ = v["id"].(string)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	submitted := time.Since(start)
	if len(errs) > 0 {
		t.Fatal(strings.Join(errs, "\n"))
	}
	distinct := map[string]int{} // job id -> first request
	sameRequest := map[string]string{}
	for i, r := range reqs {
		key := fmt.Sprint(r.build, r.input)
		if id, ok := sameRequest[key]; ok && id != jobOf[i] {
			t.Fatalf("request %d repeats an earlier one but got job %s, not %s", i, jobOf[i], id)
		}
		sameRequest[key] = jobOf[i]
		if _, ok := distinct[jobOf[i]]; !ok {
			distinct[jobOf[i]] = i
		}
	}
	if len(distinct) != len(sameRequest) {
		t.Fatalf("%d distinct requests got %d job ids", len(sameRequest), len(distinct))
	}
	views := map[string]map[string]any{}
	for id := range distinct {
		views[id] = c.waitDone(id, 5*time.Minute)
	}
	t.Logf("%d requests submitted in %.2f s; all %d jobs done %.2f s after the first request",
		n, submitted.Seconds(), len(distinct), time.Since(start).Seconds())
	close(stopWatch)
	if most := <-maxRunning; most > 1 {
		t.Errorf("w1, with memory for one proof, held %d jobs at once", most)
	}
	for id, i := range distinct {
		checkProof(t, filepath.Join(c.builds, reqs[i].build), ids[reqs[i].build], reqs[i].input, views[id])
	}
	if s, r, q := c.counts(); s != len(distinct) || r != len(distinct) || q != 0 {
		t.Errorf("%d statuses, %d results, %d still queued; want %d, %d and 0", s, r, q, len(distinct), len(distinct))
	}
	t.Logf("%d requests, %d distinct jobs, all proven once", n, len(distinct))
	// Metrics: serve counts every result once; the worker its own.
	want := fmt.Sprintf("zkml_jobs_done_total %d\n", len(distinct))
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		m := metricsText(t, c.api+"/metrics")
		if strings.Contains(m, want) && strings.Contains(m, fmt.Sprintf("zkml_prove_seconds_count %d\n", len(distinct))) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve's /metrics lacks %q:\n%s", want, m)
		}
	}
	m := metricsText(t, w2.rec["metrics"].(string))
	for _, want := range []string{"zkml_worker_jobs_done_total ", "zkml_worker_prove_seconds_bucket{le=\"+Inf\"} ", "zkml_worker_builds_loaded "} {
		if !strings.Contains(m, want) || strings.Contains(m, want+"0\n") {
			t.Errorf("the worker's /metrics: no %q above 0:\n%s", want, m)
		}
	}
}

func TestFault(t *testing.T) { testFault(t, false) }

func TestFaultExternalNATS(t *testing.T) { testFault(t, true) }

// testFault kills a worker with SIGKILL in the middle of a proof and
// restarts the NATS server once; every accepted request still ends with
// exactly one valid proof.
func testFault(t *testing.T, external bool) {
	if testing.Short() {
		t.Skip("-short: the fault test proves a model for seconds")
	}
	c := newCluster(t, bigBuilds(t), external)
	id := c.buildIDs()["big"]
	victim := c.worker("victim", "--max-jobs", "1")
	const n = 4
	inputs := make([][]float64, n)
	jobs := make([]string, n)
	for i := range inputs {
		inputs[i] = make([]float64, 64)
		for j := range inputs[i] {
			inputs[i][j] = float64((i*7+j*3)%17-8) / 16
		}
		code, v := c.submit("big", inputs[i])
		if code != http.StatusAccepted {
			t.Fatalf("submit %d: %d %v", i, code, v)
		}
		jobs[i] = v["id"].(string)
	}
	// Wait until the victim is proving, then kill it.
	deadline := time.Now().Add(2 * time.Minute)
	runningByVictim := func() []string {
		var in []string
		for _, j := range jobs {
			_, v := c.do("GET", "/v1/proofs/"+j, "Bearer "+token, nil)
			if v["status"] == service.Running && v["worker"] == "victim" {
				in = append(in, j)
			}
		}
		return in
	}
	for len(runningByVictim()) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the victim never started a job")
		}
		time.Sleep(20 * time.Millisecond)
	}
	victim.cmd.Process.Signal(syscall.SIGKILL)
	<-victim.done
	// The job in hand when it died still shows it running (a dead worker
	// updates nothing): it may be another than the one seen above, which a
	// quick proof can finish before the signal lands.
	killed := map[string]bool{}
	for _, j := range runningByVictim() {
		killed[j] = true
		t.Logf("killed the victim while it proved job %s", j)
	}
	if len(killed) == 0 {
		// It died between two jobs: nothing to redeliver, and every job
		// must still end once.
		t.Log("the victim had finished its job and not yet taken another when it was killed")
	}
	c.worker("survivor", "--max-jobs", "1")
	// Let it start, then restart NATS under it.
	time.Sleep(500 * time.Millisecond)
	c.restartNATS()
	for i, j := range jobs {
		v := c.waitDone(j, 4*time.Minute)
		checkProof(t, filepath.Join(c.builds, "big"), id, inputs[i], v)
		t.Logf("job %s: proven by %v in %.2f s, attempt %v", j[:8], v["worker"], v["prove_seconds"], v["attempts"])
		if killed[j] && (v["worker"] != "survivor" || v["attempts"].(float64) < 2) {
			t.Errorf("the killed job %s: done by %v at attempt %v; want the survivor, at attempt 2 or later", j, v["worker"], v["attempts"])
		}
	}
	if s, r, q := c.counts(); s != n || r != n || q != 0 {
		t.Errorf("%d statuses, %d results, %d still queued; want %d, %d and 0", s, r, q, n, n)
	}
}

// A job whose workers keep dying is marked failed after --max-deliver
// deliveries, with the reason, and leaves the queue; a job naming a build
// nobody published (only possible by writing to the queue directly: the
// API refuses it) fails at once.
func TestPoisonJobs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: proves a model for seconds")
	}
	c := newClusterWith(t, bigBuilds(t), false, "1", "3s")
	w := c.worker("victim", "--max-jobs", "1")
	in := make([]float64, 64)
	code, v := c.submit("big", in)
	if code != http.StatusAccepted {
		t.Fatalf("submit: %d %v", code, v)
	}
	job := v["id"].(string)
	for {
		_, v := c.do("GET", "/v1/proofs/"+job, "Bearer "+token, nil)
		if v["status"] == service.Running {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	w.cmd.Process.Signal(syscall.SIGKILL)
	<-w.done
	v = c.waitDone(job, time.Minute)
	if v["status"] != service.Failed || !strings.Contains(v["reason"].(string), "delivered 1 times without a result") {
		t.Errorf("job of a killed worker with --max-deliver 1: %v", v)
	}

	// Submitted again, a failed job is tried again.
	if code, v := c.submit("big", in); code != http.StatusAccepted || v["status"] != service.Queued {
		t.Errorf("failed job submitted again: %d %v", code, v)
	}

	// Straight onto the queue: a job of an unknown build.
	js, closeNC := c.store()
	defer closeNC()
	ctx := context.Background()
	bad := service.Job{ID: strings.Repeat("ab", 32), Build: strings.Repeat("00", 32), Inputs: [][]int64{{1}}}
	data, _ := json.Marshal(bad)
	if _, err := js.Publish(ctx, "zkml.jobs."+bad.Build, data); err != nil {
		t.Fatal(err)
	}
	c.worker("w2", "--max-jobs", "1")
	v = c.waitDone(bad.ID, time.Minute)
	if v["status"] != service.Failed || !strings.Contains(v["reason"].(string), "unknown build") {
		t.Errorf("job of an unknown build: %v", v)
	}
	if v := c.waitDone(job, time.Minute); v["status"] != service.Done || v["worker"] != "w2" {
		t.Errorf("the failed job, submitted again: %v by %v (%v)", v["status"], v["worker"], v["reason"])
	}
	if _, _, q := c.counts(); q != 0 {
		t.Errorf("%d jobs still queued", q)
	}
}

// waitRunning waits until job is being proven by worker.
func (c *cluster) waitRunning(job, worker string) {
	c.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		_, v := c.do("GET", "/v1/proofs/"+job, "Bearer "+token, nil)
		if v["status"] == service.Running && v["worker"] == worker {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("job %s: not running on %s after a minute: %v", job, worker, v)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A SIGTERM'd worker stops fetching and finishes the job in hand within
// --grace; past it, it returns the job to the queue, where another worker
// gets it at once (not after the ack wait, a minute here).
func TestWorkerShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: proves a model for seconds")
	}
	c := newClusterWith(t, bigBuilds(t), false, "4", "1m")
	submit := func(x float64) string {
		in := make([]float64, 64)
		in[0] = x
		code, v := c.submit("big", in)
		if code != http.StatusAccepted {
			t.Fatalf("submit: %d %v", code, v)
		}
		return v["id"].(string)
	}
	patient := c.worker("patient", "--max-jobs", "1", "--grace", "1m")
	job := submit(0.25)
	c.waitRunning(job, "patient")
	patient.stop()
	if code := patient.cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("the SIGTERM'd worker exited with %d", code)
	}
	if v := c.waitDone(job, 5*time.Second); v["status"] != service.Done || v["worker"] != "patient" {
		t.Errorf("the job in hand at SIGTERM: %v by %v, want done by the patient worker", v["status"], v["worker"])
	}

	hasty := c.worker("hasty", "--max-jobs", "1", "--grace", "0s")
	job = submit(0.5)
	c.waitRunning(job, "hasty")
	hasty.stop()
	_, v := c.do("GET", "/v1/proofs/"+job, "Bearer "+token, nil)
	if v["status"] != service.Queued || v["reason"] != "the worker stopped" {
		t.Errorf("the job returned at shutdown: %v (%v)", v["status"], v["reason"])
	}
	c.worker("next", "--max-jobs", "1")
	if v := c.waitDone(job, 30*time.Second); v["status"] != service.Done || v["worker"] != "next" {
		t.Errorf("the returned job: %v by %v, want done by the next worker", v["status"], v["worker"])
	}
}
