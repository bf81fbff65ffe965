// Command servicesplit measures split builds proven through the proving
// service: a model of internal/onnxbuild is compiled with --shards K and
// set up (zkml CLI, once; -work keeps it), then `zkml serve` and 1, then 2
// `zkml worker` processes (each --max-jobs 1, a fresh cache) run on
// 127.0.0.1, and two requests are timed from submission to the verified
// chain: the first with the workers' caches empty (fetching the segments
// and loading their keys included), the second, another input, with the
// keys loaded. Every chain is checked with prover.VerifyChain and then on
// the embedded chain (ZkmlChain.verifyChain, generic verifiers). It prints
// markdown rows for bench/SERVICE.md.
//
//	go run ./bench/cmd/servicesplit -model mlp -shards 3
//	go run ./bench/cmd/servicesplit -model resnet -shards 2 -work /tmp/svc-split
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zkml/zkml/bench/internal/measure"
	"github.com/zkml/zkml/internal/onnxbuild"
	"github.com/zkml/zkml/prover"
)

var (
	modelF  = flag.String("model", "mlp", "mlp (32-128-128-128-10), resnet (ResNet-18 shape, 3×16×16, width 4) or nanogpt (the shared model, cut with --max-constraints 1600000 unless -work holds its split build in builds/nanogpt)")
	shared  = flag.String("shared", "../shared/models", "the shared models' folder (-model nanogpt)")
	shards  = flag.Int("shards", 3, "--shards")
	work    = flag.String("work", "", "keep the build in `DIR` and reuse it (default: a temporary folder)")
	workers = flag.String("workers", "1,2", "worker counts to measure")
)

const token = "bench-token"

func main() {
	flag.Parse()
	log.SetFlags(log.Ltime)
	root := *work
	if root == "" {
		var err error
		if root, err = os.MkdirTemp("", "servicesplit"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(root)
	}
	bin, err := measure.Build(root, "github.com/zkml/zkml/cmd/zkml")
	if err != nil {
		log.Fatal(err)
	}
	var model []byte
	var inputs [][]float64
	cut := []string{"--shards", strconv.Itoa(*shards)}
	switch *modelF {
	case "mlp":
		model = onnxbuild.MLP("mlp", 11, 32, 128, 128, 128, 10).Bytes()
		inputs = [][]float64{onnxbuild.Input(32, 2), onnxbuild.Input(32, 3)}
	case "resnet":
		model = onnxbuild.ResNet("resnet", 1, 4, 16).Bytes()
		inputs = [][]float64{onnxbuild.Input(3*16*16, 2), onnxbuild.Input(3*16*16, 3)}
	case "nanogpt":
		// The shared sample's tokens, and the same tokens reversed.
		var err error
		model, err = os.ReadFile(filepath.Join(*shared, "nanoGPT", "network.onnx"))
		must(err)
		in, err := os.ReadFile(filepath.Join(*shared, "nanoGPT", "input.json"))
		must(err)
		var doc struct {
			InputData [][]float64 `json:"input_data"`
		}
		must(json.Unmarshal(in, &doc))
		rev := slices.Clone(doc.InputData[0])
		slices.Reverse(rev)
		inputs = [][]float64{doc.InputData[0], rev}
		cut = []string{"--max-constraints", "1600000"}
	default:
		log.Fatalf("-model %q: mlp, resnet or nanogpt", *modelF)
	}
	builds := filepath.Join(root, "builds")
	build := filepath.Join(builds, *modelF)
	onnxPath, input := filepath.Join(root, "network.onnx"), filepath.Join(root, "input.json")
	must(os.WriteFile(onnxPath, model, 0o644))
	data, _ := json.Marshal(map[string][][]float64{"input_data": {inputs[0]}})
	must(os.WriteFile(input, data, 0o644))
	if !prover.IsSplit(build) {
		run(bin, append([]string{"compile", onnxPath, "--out", build, "--calibration", input, "--input-visibility", "hashed"}, cut...)...)
	}
	sp, err := prover.OpenSplit(build)
	must(err)
	segs := sp.Segments()
	if segs[len(segs)-1].Settings().Setup == nil {
		run(bin, "setup", build)
		sp, err = prover.OpenSplit(build)
		must(err)
	}
	var cons []string
	for _, e := range sp.Manifest().Segments {
		cons = append(cons, strconv.Itoa(e.Constraints))
	}
	log.Printf("load before: %s", measure.Load())
	fmt.Printf("Machine: %s; load average before %s.\n\n", measure.Machine(), measure.Load())
	fmt.Println("| model | segments (constraints) | workers | first request (s) | second request (s) | segment prove seconds (second request) | verifyChain gas |")
	fmt.Println("|---|---|---:|---:|---:|---|---:|")
	for _, w := range strings.Split(*workers, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(w))
		must(err)
		times, proves, gas := measureWorkers(bin, builds, sp, inputs, k)
		fmt.Printf("| %s | %d (%s) | %d | %.1f | %.1f | %s | %d |\n", *modelF, len(segs), strings.Join(cons, ", "), k, times[0], times[1], proves, gas)
	}
	log.Printf("load after: %s", measure.Load())
}

// measureWorkers runs serve and k workers on fresh data and times one
// request per input.
func measureWorkers(bin, builds string, sp *prover.Split, inputs [][]float64, k int) ([]float64, string, uint64) {
	tmp, err := os.MkdirTemp("", "servicesplit-run")
	must(err)
	defer os.RemoveAll(tmp)
	tokFile := filepath.Join(tmp, "token")
	must(os.WriteFile(tokFile, []byte(token+"\n"), 0o600))
	natsAddr := freeAddr()
	serve, rec := start(bin, "serving", "serve", "--builds", builds, "--listen", "127.0.0.1:0", "--token-file", tokFile,
		"--data", filepath.Join(tmp, "data"), "--nats-listen", natsAddr)
	defer stop(serve)
	api := rec["api"].(string)
	for i := range k {
		w, _ := start(bin, "worker ready", "worker", "--nats", "nats://"+natsAddr, "--token-file", tokFile, "--name", fmt.Sprintf("w%d", i+1),
			"--cache", filepath.Join(tmp, fmt.Sprintf("cache%d", i)), "--max-jobs", "1")
		defer stop(w)
	}
	var times []float64
	var proves string
	var gas uint64
	for _, in := range inputs {
		body, _ := json.Marshal(map[string]any{"build": filepath.Base(sp.Dir()), "input": map[string]any{"input_data": [][]float64{in}}})
		t0 := time.Now()
		v := call(api, "POST", "/v1/proofs", body)
		id, _ := v["id"].(string)
		if id == "" {
			log.Fatalf("submit: %v", v)
		}
		for v["status"] != "done" {
			if v["status"] == "failed" {
				log.Fatalf("request %s failed: %v", id, v["reason"])
			}
			time.Sleep(100 * time.Millisecond)
			v = call(api, "GET", "/v1/proofs/"+id, nil)
		}
		times = append(times, time.Since(t0).Seconds())
		raw, _ := json.Marshal(v["proof"])
		path := filepath.Join(tmp, "chain.json")
		must(os.WriteFile(path, raw, 0o644))
		c, err := prover.ReadChainProof(path)
		must(err)
		if err := prover.VerifyChain(sp, c); err != nil {
			log.Fatalf("request %s: %v", id, err)
		}
		g, err := measure.ChainOnChain(context.Background(), sp, c)
		if err != nil {
			log.Fatalf("request %s: on chain: %v", id, err)
		}
		gas = g.Verify
		var ps []string
		for _, s := range v["segments"].([]any) {
			s := s.(map[string]any)
			ps = append(ps, fmt.Sprintf("%.1f (%v)", s["prove_seconds"], s["worker"]))
		}
		proves = strings.Join(ps, ", ")
		log.Printf("%d workers: request done in %.1f s, chain verified off chain and on the embedded chain (%d gas); segments %s", k, times[len(times)-1], gas, proves)
	}
	return times, proves, gas
}

func call(api, method, path string, body []byte) map[string]any {
	req, err := http.NewRequest(method, api+path, bytes.NewReader(body))
	must(err)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	must(err)
	defer resp.Body.Close()
	var v map[string]any
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &v); err != nil {
		log.Fatalf("%s %s: %q", method, path, data)
	}
	return v
}

// start runs `nice -n 10 zkml args` and waits for its log line msg.
func start(bin, msg string, args ...string) (*exec.Cmd, map[string]any) {
	cmd := exec.Command("nice", append([]string{"-n", "10", bin}, args...)...)
	cmd.Env = append(os.Environ(), "ZKML_TOKEN=")
	stderr, err := cmd.StderrPipe()
	must(err)
	must(cmd.Start())
	ready := make(chan map[string]any, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var rec map[string]any
			switch err := json.Unmarshal(sc.Bytes(), &rec); {
			case err == nil && rec["msg"] == msg:
				select {
				case ready <- rec:
				default:
				}
			case err != nil || rec["level"] == "ERROR":
				// The command's own errors ("zkml: …") are not JSON.
				log.Printf("%s: %s", args[0], sc.Text())
			}
		}
	}()
	exited := make(chan error, 1)
	done := make(chan struct{})
	waited[cmd] = done
	go func() { exited <- cmd.Wait(); close(done) }()
	select {
	case rec := <-ready:
		return cmd, rec
	case err := <-exited:
		log.Fatalf("zkml %s exited before it was ready: %v", args[0], err)
	case <-time.After(5 * time.Minute):
		log.Fatalf("zkml %s: not ready", args[0])
	}
	return nil, nil
}

// waited holds, for each command start began, a channel closed once it
// has exited (start's goroutine waits for it).
var waited = map[*exec.Cmd]chan struct{}{}

func stop(cmd *exec.Cmd) {
	cmd.Process.Signal(os.Interrupt)
	select {
	case <-waited[cmd]:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
	}
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(err)
	defer ln.Close()
	return ln.Addr().String()
}

func run(bin string, args ...string) {
	log.Printf("zkml %s", strings.Join(args, " "))
	cmd := exec.Command("nice", append([]string{"-n", "10", bin}, append(args, "--quiet")...)...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	must(cmd.Run())
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
