package service_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
	"github.com/zkml/zkml/service"
)

var (
	splitOnce sync.Once
	splitDir  string
	splitErr  error
)

// splitBuilds is a folder with one split build: a 32-128-128-128-10 MLP
// cut in 3 segments (each proof a fraction of a second here).
func splitBuilds(t *testing.T) string {
	splitOnce.Do(func() {
		splitDir, splitErr = os.MkdirTemp("", "zkml-service-split")
		if splitErr != nil {
			return
		}
		ctx := context.Background()
		g, err := onnx.Parse(onnxbuild.MLP("split", 11, 32, 128, 128, 128, 10).Bytes(), "split.onnx", nil)
		if err != nil {
			splitErr = err
			return
		}
		cal, err := quantize.Calibrate(g, [][][]float64{{onnxbuild.Input(32, 1)}})
		if err != nil {
			splitErr = err
			return
		}
		pl, err := quantize.Compile(ctx, g, cal, plan.DefaultConfig())
		if err != nil {
			splitErr = err
			return
		}
		cuts, err := prover.SplitCuts(pl, prover.Groth16, 0, 3)
		if err != nil {
			splitErr = err
			return
		}
		sp, err := prover.CompileSplit(ctx, filepath.Join(splitDir, "mlp"), pl, prover.Groth16, prover.Meta{ModelFile: "split.onnx"}, cuts, nil)
		if err != nil {
			splitErr = err
			return
		}
		splitErr = sp.Setup(ctx, prover.SetupOptions{}, nil)
	})
	if splitErr != nil {
		t.Fatal(splitErr)
	}
	return splitDir
}

func splitInput(i int) []float64 {
	in := make([]float64, 32)
	for j := range in {
		in[j] = float64((i*5+j*3)%13-6) / 8
	}
	return in
}

// checkChain checks a done split request: its proof is a chain proof that
// prover.VerifyChain and `zkml verify DIR chain.json` accept, of this input.
func checkChain(t *testing.T, dir string, input []float64, v map[string]any) {
	t.Helper()
	if v["status"] != service.Done {
		t.Fatalf("request %v: %v (%v)", v["id"], v["status"], v["reason"])
	}
	raw, _ := json.Marshal(v["proof"])
	path := filepath.Join(t.TempDir(), "chain.json")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := prover.ReadChainProof(path)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := prover.OpenSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := prover.VerifyChain(sp, c); err != nil {
		t.Fatalf("request %v: %v", v["id"], err)
	}
	// Of this input: the last segment's outputs are the model's on it.
	ins, err := sp.SegmentInputs([][]float64{input})
	if err != nil {
		t.Fatal(err)
	}
	segs := sp.Segments()
	for i, b := range segs {
		want, err := b.Statement(ins[i])
		if err != nil {
			t.Fatal(err)
		}
		got := c.Segments[i].PublicInputs
		if len(got) != len(want) {
			t.Fatalf("segment %d: %d public inputs, want %d", i, len(got), len(want))
		}
		for k := range want {
			if got[k].Cmp(want[k]) != 0 {
				t.Fatalf("segment %d: public input %d is not this input's", i, k)
			}
		}
	}
	if out, err := exec.Command(zkmlBin, "verify", dir, path).CombinedOutput(); err != nil {
		t.Fatalf("zkml verify %s %s: %v\n%s", dir, path, err, out)
	}
}

// TestSplitRequest proves split builds through the workers: one job per
// segment, idempotent requests, a worker SIGKILLed mid-segment, a failed
// segment retried alone, and a forged segment result caught.
func TestSplitRequest(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: proves a split model through processes")
	}
	builds := splitBuilds(t)
	dir := filepath.Join(builds, "mlp")
	c := newClusterWith(t, builds, false, "4", "2s")
	code, b := c.do("GET", "/v1/builds/mlp", "Bearer "+token, nil)
	if segs, _ := b["segments"].([]any); code != http.StatusOK || len(segs) != 3 {
		t.Fatalf("GET /v1/builds/mlp: %d %v; want 3 segments", code, b)
	}
	if code, v := c.do("POST", "/v1/proofs", "Bearer "+token,
		[]byte(`{"build": "mlp", "segment": 1, "input": {"input_data": [[0]]}}`)); code != http.StatusBadRequest ||
		!strings.Contains(v["error"].(string), "one job per segment") {
		t.Errorf("a request naming a segment: %d %v", code, v)
	}

	if code, v := c.submit("mlp", []float64{1, 2}); code != http.StatusBadRequest || !strings.Contains(v["error"].(string), "input") {
		t.Errorf("a split request with a malformed input: %d %v", code, v)
	}
	if s, r, q := c.counts(); s != 0 || r != 0 || q != 0 {
		t.Errorf("after bad requests: %d job statuses, %d results, %d queued; want none", s, r, q)
	}

	// Through two workers, with a duplicate.
	w1, w2 := c.worker("w1", "--max-jobs", "2"), c.worker("w2", "--max-jobs", "2")
	code1, v1 := c.submit("mlp", splitInput(0))
	code2, v2 := c.submit("mlp", splitInput(0))
	if code1 != http.StatusAccepted || code2 != http.StatusOK || v1["id"] != v2["id"] ||
		len(v1["segment_jobs"].([]any)) != 3 || !equalJSON(v1["segment_jobs"], v2["segment_jobs"]) {
		t.Fatalf("submit twice: %d %v, %d %v", code1, v1, code2, v2)
	}
	// The request is one accepted job; its segments, three segment jobs.
	metrics := metricsText(t, c.api+"/metrics")
	for _, want := range []string{"zkml_jobs_accepted_total 1\n", "zkml_jobs_duplicate_total 1\n", "zkml_segment_jobs_accepted_total 3\n"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics after one split request of 3 segments, submitted twice, lacks %q:\n%s", strings.TrimSpace(want), metrics)
		}
	}
	first := c.waitDone(v1["id"].(string), 2*time.Minute)
	checkChain(t, dir, splitInput(0), first)
	workers := map[any]bool{}
	for _, s := range first["segments"].([]any) {
		workers[s.(map[string]any)["worker"]] = true
	}
	t.Logf("request 1: %d segments proven by %v in %.2f s of proving", len(first["segments"].([]any)), workers, first["prove_seconds"])
	code, raw := c.do("GET", "/v1/proofs/"+v1["id"].(string)+"/proof.json", "Bearer "+token, nil)
	if code != http.StatusOK || raw["format"] != "zkml-chain/1" {
		t.Errorf("proof.json of a split request: %d %v", code, raw["format"])
	}
	w1.stop()
	w2.stop()

	// A worker SIGKILLed while it proves a segment.
	victim := c.worker("victim", "--max-jobs", "1")
	_, v := c.submit("mlp", splitInput(1))
	id := v["id"].(string)
	runningByVictim := func() []int {
		var in []int
		_, v := c.do("GET", "/v1/proofs/"+id, "Bearer "+token, nil)
		for i, s := range v["segments"].([]any) {
			if s := s.(map[string]any); s["status"] == service.Running && s["worker"] == "victim" {
				in = append(in, i)
			}
		}
		return in
	}
	for deadline := time.Now().Add(time.Minute); len(runningByVictim()) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the victim never started a segment")
		}
		time.Sleep(10 * time.Millisecond)
	}
	victim.cmd.Process.Signal(syscall.SIGKILL)
	<-victim.done
	// The segment in hand when it died still shows it running (a quick
	// proof may have ended, and another begun, before the signal landed).
	killed := runningByVictim()
	if len(killed) == 0 {
		t.Log("the victim had finished a segment and not yet taken another when it was killed")
	}
	for _, i := range killed {
		t.Logf("killed the victim while it proved segment %d", i)
	}
	survivor := c.worker("survivor", "--max-jobs", "2")
	second := c.waitDone(id, 2*time.Minute)
	checkChain(t, dir, splitInput(1), second)
	for _, i := range killed {
		if s := second["segments"].([]any)[i].(map[string]any); s["worker"] != "survivor" || s["attempts"].(float64) < 2 {
			t.Errorf("the killed segment %d: done by %v at attempt %v; want the survivor, at attempt 2 or later", i, s["worker"], s["attempts"])
		}
	}
	survivor.stop()
	if s, r, q := c.counts(); s != 2+6 || r != 6 || q != 0 {
		t.Errorf("%d statuses, %d results, %d queued; want 8 (2 requests, 6 segments), 6 and 0", s, r, q)
	}

	// No worker: a segment marked failed fails the request with its reason;
	// submitting again retries only that segment.
	_, v = c.submit("mlp", splitInput(2))
	third := v["id"].(string)
	jobs := v["segment_jobs"].([]any)
	js, closeNC := c.store()
	defer closeNC()
	ctx := context.Background()
	statuses, err := js.KeyValue(ctx, "zkml_jobs")
	if err != nil {
		t.Fatal(err)
	}
	e, err := statuses.Get(ctx, jobs[1].(string))
	if err != nil {
		t.Fatal(err)
	}
	var st service.Status
	json.Unmarshal(e.Value(), &st)
	st.State, st.Reason = service.Failed, "out of disk"
	data, _ := json.Marshal(st)
	if _, err := statuses.Put(ctx, st.ID, data); err != nil {
		t.Fatal(err)
	}
	if _, v := c.do("GET", "/v1/proofs/"+third, "Bearer "+token, nil); v["status"] != service.Failed || v["reason"] != "segment 1: out of disk" {
		t.Errorf("a request with a failed segment: %v (%v)", v["status"], v["reason"])
	}
	code, v = c.submit("mlp", splitInput(2))
	if segs := v["segments"].([]any); code != http.StatusAccepted || v["status"] != service.Queued ||
		!strings.Contains(segs[1].(map[string]any)["reason"].(string), "submitted again after: out of disk") ||
		segs[0].(map[string]any)["reason"] != nil {
		t.Errorf("submitted again: %d %v", code, v)
	}
	w := c.worker("w3", "--max-jobs", "2")
	checkChain(t, dir, splitInput(2), c.waitDone(third, 2*time.Minute))
	w.stop()

	// A forged segment result, stored by a NATS client that is no worker
	// (segment 0's valid proof of another input), is caught.
	_, v = c.submit("mlp", splitInput(3))
	fourth, job0 := v["id"].(string), v["segment_jobs"].([]any)[0].(string)
	var chain struct {
		Segments []json.RawMessage `json:"segments"`
	}
	raw2, _ := json.Marshal(first["proof"])
	json.Unmarshal(raw2, &chain)
	results, err := js.KeyValue(ctx, "zkml_results")
	if err != nil {
		t.Fatal(err)
	}
	// The result names the segment's build, as a worker's would.
	e, err = statuses.Get(ctx, job0)
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(e.Value(), &st)
	forged, _ := json.Marshal(service.Result{ID: job0, Build: st.Build, Proof: chain.Segments[0], Worker: "mallory"})
	if _, err := results.Create(ctx, job0, forged); err != nil {
		t.Fatal(err)
	}
	code, v = c.do("GET", "/v1/proofs/"+fourth, "Bearer "+token, nil)
	if reason, _ := v["reason"].(string); code != http.StatusOK || v["status"] != service.Failed || v["proof"] != nil ||
		!strings.Contains(reason, "segment 0: the stored result does not verify") || !strings.Contains(reason, "another input's statement") {
		t.Errorf("a request with a forged segment result: %d %v (%v)", code, v["status"], v["reason"])
	}
	if code, v := c.do("GET", "/v1/proofs/"+fourth+"/proof.json", "Bearer "+token, nil); code != http.StatusBadGateway {
		t.Errorf("proof.json of a request with a forged segment: %d %v", code, v)
	}
}

func equalJSON(a, b any) bool { return mustJSONs(a) == mustJSONs(b) }

func mustJSONs(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}
