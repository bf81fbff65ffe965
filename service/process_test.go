package service_test

// These tests run the real thing: the zkml binary (built once in TestMain),
// `zkml serve` and `zkml worker` processes, and a NATS JetStream server
// (serve's embedded one, or Debian's nats-server binary when installed),
// all on 127.0.0.1.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/internal/testenv"
	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/onnx"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/quantize"
	"github.com/zkml/zkml/service"
)

var zkmlBin string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

// runTests runs the tests with $TMPDIR a fresh folder, so that whatever a
// test, a zkml process it starts or the shared builds below write to the
// temporary folder is in it; it removes the shared builds, fails when
// anything else is left, and removes the folder.
func runTests(m *testing.M) int {
	root, err := os.MkdirTemp("", "zkml-service-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(root)
	if err := os.Setenv("TMPDIR", root); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	dir, err := os.MkdirTemp("", "zkml-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	zkmlBin = filepath.Join(dir, "zkml")
	cmd := exec.Command("go", "build", "-o", zkmlBin, "github.com/zkml/zkml/cmd/zkml")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build zkml:", err)
		return 2
	}
	code := m.Run()
	for _, d := range []string{dir, tinyDir, bigDir, splitDir} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	if left, _ := os.ReadDir(root); len(left) > 0 && code == 0 {
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		fmt.Fprintf(os.Stderr, "FAIL: the service tests left %v in the temporary folder\n", names)
		return 1
	}
	return code
}

const token = "test-token-5f1c"

// The builds of the tests, made once: four tiny ones (a proof takes
// milliseconds) and one whose proof takes about a second.
var (
	tinyOnce, bigOnce sync.Once
	tinyDir, bigDir   string
	buildErr          error
)

func tinyBuilds(t *testing.T) string {
	tinyOnce.Do(func() {
		tinyDir, buildErr = os.MkdirTemp("", "zkml-service-builds")
		for i := 1; i <= 4 && buildErr == nil; i++ {
			buildErr = makeBuild(filepath.Join(tinyDir, fmt.Sprintf("tiny%d", i)), testmodels.TinyPlan(int64(i)))
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return tinyDir
}

// bigBuilds is a folder with one MLP build whose proofs take ~1 s here.
func bigBuilds(t *testing.T) string {
	bigOnce.Do(func() {
		bigDir, buildErr = os.MkdirTemp("", "zkml-service-big")
		if buildErr != nil {
			return
		}
		var g *onnx.Graph
		g, buildErr = onnx.Parse(onnxbuild.MLP("big", 7, 64, 256, 256, 10).Bytes(), "big.onnx", nil)
		if buildErr != nil {
			return
		}
		var cal *quantize.Calibration
		if cal, buildErr = quantize.Calibrate(g, [][][]float64{{onnxbuild.Input(64, 1)}}); buildErr != nil {
			return
		}
		var pl *plan.Plan
		if pl, buildErr = quantize.Compile(context.Background(), g, cal, plan.DefaultConfig()); buildErr != nil {
			return
		}
		buildErr = makeBuild(filepath.Join(bigDir, "big"), pl)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return bigDir
}

func makeBuild(dir string, pl *plan.Plan) error {
	ctx := context.Background()
	b, err := prover.Compile(ctx, dir, pl, prover.Groth16, prover.Meta{ModelFile: filepath.Base(dir) + ".onnx"})
	if err != nil {
		return err
	}
	return b.Setup(ctx, prover.SetupOptions{})
}

// freeAddr returns a 127.0.0.1 address with a port free right now.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// proc is a process of the test, its stderr kept in a log.
type proc struct {
	t     *testing.T
	name  string
	cmd   *exec.Cmd
	mu    sync.Mutex
	log   bytes.Buffer
	ready chan map[string]any
	done  chan struct{}
	rec   map[string]any // the ready line
}

// start runs bin args; the process is ready when it logs readyMsg.
func start(t *testing.T, name, readyMsg, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, name: name, ready: make(chan map[string]any, 1), done: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(os.Environ(), "ZKML_TOKEN=")
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stdout = io.Discard
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Bytes()
			p.mu.Lock()
			p.log.Write(line)
			p.log.WriteByte('\n')
			p.mu.Unlock()
			var rec map[string]any
			if readyMsg != "" && json.Unmarshal(line, &rec) == nil && rec["msg"] == readyMsg {
				select {
				case p.ready <- rec:
				default:
				}
			}
		}
		p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
		if t.Failed() {
			t.Logf("--- %s's log:\n%s", p.name, p.logText())
		}
	})
	return p
}

func (p *proc) logText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// wait returns the ready record, failing if the process exits first.
func (p *proc) wait() map[string]any {
	p.t.Helper()
	select {
	case rec := <-p.ready:
		p.rec = rec
		return rec
	case <-p.done:
		p.t.Fatalf("%s exited before it was ready: %s", p.name, p.logText())
	case <-time.After(2 * time.Minute):
		p.t.Fatalf("%s not ready after 2 minutes: %s", p.name, p.logText())
	}
	return nil
}

// stop sends SIGTERM and waits for the exit.
func (p *proc) stop() {
	p.t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(time.Minute):
		p.t.Fatalf("%s did not stop within a minute of SIGTERM", p.name)
	}
}

// cluster is a NATS with JetStream and a zkml serve on it.
type cluster struct {
	t        *testing.T
	builds   string
	data     string
	natsAddr string // embedded: serve's --nats-listen; external: nats-server's
	api      string
	external *proc
	serve    *proc
	ackWait  string
	maxDeliv string
	token    string
}

// newCluster starts serve (and nats-server when external) on builds.
func newCluster(t *testing.T, builds string, external bool, extra ...string) *cluster {
	return newClusterWith(t, builds, external, "4", "3s", extra...)
}

func newClusterWith(t *testing.T, builds string, external bool, maxDeliver, ackWait string, extra ...string) *cluster {
	c := &cluster{t: t, builds: builds, data: t.TempDir(), natsAddr: freeAddr(t), ackWait: ackWait, maxDeliv: maxDeliver, token: filepath.Join(t.TempDir(), "token")}
	if err := os.WriteFile(c.token, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if external {
		c.startNATS()
	}
	c.startServe(freeAddr(t), extra...)
	return c
}

func (c *cluster) natsURL() string { return "nats://" + c.natsAddr }

// startNATS runs Debian's nats-server (skipping the test without it).
func (c *cluster) startNATS() {
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		bin, err = exec.LookPath("/usr/sbin/nats-server") // Debian's, off a user's $PATH
	}
	if err != nil {
		testenv.MissingTool(c.t, "nats-server (apt-get install nats-server)", err)
	}
	host, port, _ := net.SplitHostPort(c.natsAddr)
	c.external = start(c.t, "nats-server", "", bin, "-js", "-sd", c.data, "-a", host, "-p", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.Dial("tcp", c.natsAddr)
		if err == nil {
			conn.Close()
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("nats-server not listening: %s", c.external.logText())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (c *cluster) startServe(listen string, extra ...string) {
	args := []string{"serve", "--builds", c.builds, "--listen", listen, "--token-file", c.token, "--ack-wait", c.ackWait, "--max-deliver", c.maxDeliv}
	if c.external != nil {
		args = append(args, "--nats", c.natsURL())
	} else {
		args = append(args, "--data", c.data, "--nats-listen", c.natsAddr)
	}
	c.serve = start(c.t, "zkml serve", "serving", zkmlBin, append(args, extra...)...)
	rec := c.serve.wait()
	c.api = rec["api"].(string)
}

// restartNATS restarts the NATS server: the embedded one by restarting
// serve with the same data, or the external nats-server.
func (c *cluster) restartNATS() {
	if c.external != nil {
		c.external.stop()
		c.startNATS()
		return
	}
	c.serve.stop()
	if code := c.serve.cmd.ProcessState.ExitCode(); code != 0 {
		c.t.Errorf("zkml serve exited with %d at SIGTERM", code)
	}
	c.startServe(strings.TrimPrefix(c.api, "http://"))
}

func (c *cluster) worker(name string, extra ...string) *proc {
	args := []string{"worker", "--nats", c.natsURL(), "--token-file", c.token, "--name", name, "--cache", c.t.TempDir()}
	w := start(c.t, "worker "+name, "worker ready", zkmlBin, append(args, extra...)...)
	w.wait()
	return w
}

// do sends a request with the token (or another authorization) and
// decodes the JSON answer.
func (c *cluster) do(method, path, auth string, body []byte) (int, map[string]any) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.api+path, bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		c.t.Fatalf("%s %s: %d, not JSON: %q", method, path, resp.StatusCode, data)
	}
	return resp.StatusCode, v
}

// submit posts a proof request for build with input (a flat list).
func (c *cluster) submit(build string, input []float64) (int, map[string]any) {
	body, _ := json.Marshal(map[string]any{"build": build, "input": map[string]any{"input_data": [][]float64{input}}})
	return c.do("POST", "/v1/proofs", "Bearer "+token, body)
}

// waitDone polls the job until it is done (or failed) and returns it.
func (c *cluster) waitDone(id string, within time.Duration) map[string]any {
	c.t.Helper()
	deadline := time.Now().Add(within)
	for {
		code, v := c.do("GET", "/v1/proofs/"+id, "Bearer "+token, nil)
		if code == http.StatusOK && (v["status"] == service.Done || v["status"] == service.Failed) {
			return v
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("job %s not done after %s: %d %v", id, within, code, v)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// store opens the service's JetStream from the test, to count what is there.
func (c *cluster) store() (jetstream.JetStream, func()) {
	c.t.Helper()
	nc, err := nats.Connect(c.natsURL(), nats.Token(token))
	if err != nil {
		c.t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		c.t.Fatal(err)
	}
	return js, nc.Close
}

// counts returns the number of job statuses, results and queued messages.
func (c *cluster) counts() (statuses, results int, queued uint64) {
	c.t.Helper()
	js, closeNC := c.store()
	defer closeNC()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	count := func(bucket string) int {
		kv, err := js.KeyValue(ctx, bucket)
		if err != nil {
			c.t.Fatal(err)
		}
		keys, err := kv.ListKeys(ctx)
		if err != nil {
			c.t.Fatal(err)
		}
		n := 0
		for range keys.Keys() {
			n++
		}
		return n
	}
	s, err := js.Stream(ctx, "ZKML_JOBS")
	if err != nil {
		c.t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		c.t.Fatal(err)
	}
	return count("zkml_jobs"), count("zkml_results"), info.State.Msgs
}

// buildIDs maps the build folder names to their ids, from GET /v1/builds.
func (c *cluster) buildIDs() map[string]string {
	c.t.Helper()
	code, v := c.do("GET", "/v1/builds", "Bearer "+token, nil)
	if code != http.StatusOK {
		c.t.Fatalf("GET /v1/builds: %d %v", code, v)
	}
	ids := map[string]string{}
	for _, b := range v["builds"].([]any) {
		b := b.(map[string]any)
		ids[b["name"].(string)] = b["id"].(string)
	}
	return ids
}

// checkProof verifies the job's proof against the build folder with
// prover.Verify, and that the job id is the hash of its build and input.
func checkProof(t *testing.T, buildDir, buildID string, input []float64, v map[string]any) {
	t.Helper()
	if v["status"] != service.Done {
		t.Fatalf("job %v: %v (%v)", v["id"], v["status"], v["reason"])
	}
	b, err := prover.Open(buildDir)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(v["proof"])
	var proof prover.Proof
	if err := json.Unmarshal(raw, &proof); err != nil {
		t.Fatalf("job %v: proof: %v", v["id"], err)
	}
	if err := prover.Verify(b, &proof); err != nil {
		t.Fatalf("job %v: %v", v["id"], err)
	}
	pl, err := b.Plan()
	if err != nil {
		t.Fatal(err)
	}
	q, err := pl.QuantizeInputs([][]float64{input})
	if err != nil {
		t.Fatal(err)
	}
	// The proof is of this input: its public inputs are this input's outputs.
	tensors, err := pl.Run(q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := prover.PublicInputs(pl, tensors, b.Packing())
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != len(proof.PublicInputs) {
		t.Fatalf("job %v: %d public inputs, want %d", v["id"], len(proof.PublicInputs), len(want))
	}
	for i := range want {
		if want[i].Cmp(proof.PublicInputs[i]) != 0 {
			t.Fatalf("job %v: public input %d is %v, the input's output gives %v", v["id"], i, proof.PublicInputs[i], want[i])
		}
	}
	if want := service.JobID(buildID, nil, q); v["id"] != want {
		t.Fatalf("job id %v, want %s (the hash of build and input)", v["id"], want)
	}
	if cd, _ := v["calldata"].(string); !strings.HasPrefix(cd, "0x") || len(cd) < 10 {
		t.Fatalf("job %v: calldata %q", v["id"], cd)
	}
}

// metrics fetches a Prometheus endpoint.
func metricsText(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("%s: Content-Type %q", url, ct)
	}
	return string(data)
}
