package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/zkml/zkml/prover"
)

// The files of a build a worker needs to prove (and verify its proof).
var buildFileNames = []string{"settings.json", "plan.bin", "circuit.ccs", "pk.bin", "vk.bin"}

// BuildInfo describes a published build: GET /v1/builds lists them.
type BuildInfo struct {
	// ID is the hex SHA-256 of the build's settings.json, which names the
	// model (plan hash) and its keys (setup id): the build id of requests.
	ID string `json:"id"`
	// Name is the build's folder name under zkml serve --builds, which the
	// API accepts in place of the id.
	Name        string              `json:"name"`
	Backend     prover.Backend      `json:"backend"`
	PlanHash    string              `json:"plan_hash"`
	Constraints int                 `json:"constraints"`
	Inputs      []prover.TensorInfo `json:"inputs"`
	Outputs     []prover.TensorInfo `json:"outputs"`
	Insecure    bool                `json:"insecure_setup"`
	// ProveMemory estimates the memory of one proof, in bytes: what a
	// worker reserves of its --memory budget while proving it.
	ProveMemory int64 `json:"prove_memory"`
	// Files: the SHA-256 of each file, as published (none for a split
	// build: its segments are published, each as a build of its own).
	Files map[string]string `json:"files,omitempty"`
	// Segments, for a build split into segments (zkml compile --shards or
	// --max-constraints): the segments' builds, in order. A request for
	// the split build becomes one job per segment; workers fetch only the
	// segment they prove.
	Segments []SegmentBuild `json:"segments,omitempty"`
}

// SegmentBuild is one segment of a split build, published as a build.
type SegmentBuild struct {
	ID          string `json:"id"`
	Constraints int    `json:"constraints"`
	ProveMemory int64  `json:"prove_memory"`
}

// buildID is the id of the build whose settings.json is data.
func buildID(settings []byte) string {
	h := sha256.Sum256(settings)
	return hex.EncodeToString(h[:])
}

// localBuild is a build zkml serve found in its --builds folder: an
// ordinary build, or a split one (split and its segments set, build nil).
type localBuild struct {
	info     BuildInfo
	build    *prover.Build
	dir      string
	split    *prover.Split
	segments []*localBuild
}

// loadBuilds opens every build folder in dir (each must have keys).
func loadBuilds(dir string) ([]*localBuild, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--builds: %w", err)
	}
	var out []*localBuild
	seen := map[string]string{}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		// Symbolic links to build folders count (a Kubernetes volume's
		// entries are links, and so is a build kept elsewhere).
		if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
			continue
		}
		var lb *localBuild
		var err error
		switch {
		case prover.IsSplit(path):
			lb, err = loadSplit(path)
		case fileExists(filepath.Join(path, "settings.json")):
			lb, err = loadBuild(path)
		default:
			continue // not a build
		}
		if err != nil {
			return nil, err
		}
		if other, ok := seen[lb.info.ID]; ok {
			return nil, fmt.Errorf("%s and %s are the same build (id %s)", other, path, lb.info.ID)
		}
		seen[lb.info.ID] = path
		out = append(out, lb)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--builds %s: no build folders (with settings.json or split.json) in it", dir)
	}
	return out, nil
}

func loadBuild(dir string) (*localBuild, error) {
	b, err := prover.Open(dir)
	if err != nil {
		return nil, err
	}
	s := b.Settings()
	if s.Setup == nil {
		return nil, fmt.Errorf("%s: no keys yet; run `zkml setup %s` first", dir, dir)
	}
	settings, err := os.ReadFile(filepath.Join(dir, "settings.json"))
	if err != nil {
		return nil, err
	}
	info := BuildInfo{ID: buildID(settings), Name: filepath.Base(dir), Backend: s.Backend, PlanHash: s.PlanHash,
		Constraints: s.Circuit.Constraints, Inputs: s.Inputs, Outputs: s.Outputs, Insecure: s.Setup.Insecure, Files: map[string]string{}}
	var size int64
	for _, f := range buildFileNames {
		sum, n, err := fileSum(filepath.Join(dir, f))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		info.Files[f] = sum
		if f == "pk.bin" || f == "circuit.ccs" {
			size += n
		}
	}
	info.ProveMemory = proveMemory(size)
	return &localBuild{info: info, build: b, dir: dir}, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// loadSplit opens a split build: its id is the SHA-256 of split.json and
// of its segments' ids (each the hash of the segment's settings.json,
// which names its keys), so that new keys make a new build.
func loadSplit(dir string) (*localBuild, error) {
	sp, err := prover.OpenSplit(dir)
	if err != nil {
		return nil, err
	}
	manifest, err := os.ReadFile(filepath.Join(dir, "split.json"))
	if err != nil {
		return nil, err
	}
	m := sp.Manifest()
	h := sha256.New()
	fmt.Fprintf(h, "zkml-split-build/1\n%d\n", len(manifest))
	h.Write(manifest)
	lb := &localBuild{dir: dir, split: sp}
	info := BuildInfo{Name: filepath.Base(dir), Backend: m.Backend, PlanHash: m.PlanHash, Inputs: m.Inputs, Outputs: m.Outputs}
	for i, e := range m.Segments {
		seg, err := loadBuild(filepath.Join(dir, e.Dir))
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		seg.info.Name = info.Name + "/" + e.Dir
		fmt.Fprintf(h, "segment %s\n", seg.info.ID)
		info.Constraints += seg.info.Constraints
		info.Insecure = info.Insecure || seg.info.Insecure
		info.ProveMemory = max(info.ProveMemory, seg.info.ProveMemory)
		info.Segments = append(info.Segments, SegmentBuild{ID: seg.info.ID, Constraints: seg.info.Constraints, ProveMemory: seg.info.ProveMemory})
		lb.segments = append(lb.segments, seg)
	}
	info.ID = hex.EncodeToString(h.Sum(nil))
	lb.info = info
	return lb, nil
}

// proveMemory estimates the peak memory of a proof from the sizes of the
// proving key and constraint system: both loaded, plus the prover's
// working set (the witness, FFT domains and MSM buffers), which in zkml's
// measurements stays below twice their size.
func proveMemory(keyAndCircuit int64) int64 { return 3*keyAndCircuit + 32<<20 }

func fileSum(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// publish puts the build's files into the object store (skipping those
// already there with the same content) and then its BuildInfo into the
// builds bucket, so that a worker that sees the info finds every file.
func (q *queue) publish(ctx context.Context, dir string, lb *localBuild, log *slog.Logger) error {
	for _, f := range buildFileNames {
		name := lb.info.ID + "/" + f
		if oi, err := q.files.GetInfo(ctx, name); err == nil && oi.Headers.Get("Zkml-Sha256") == lb.info.Files[f] {
			continue
		}
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			return err
		}
		meta := jetstream.ObjectMeta{Name: name, Headers: map[string][]string{"Zkml-Sha256": {lb.info.Files[f]}}}
		_, err = q.files.Put(ctx, meta, fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("publish %s/%s: %w", dir, f, err)
		}
		log.Info("published build file", "build", lb.info.ID, "name", lb.info.Name, "file", f)
	}
	data, err := json.Marshal(lb.info)
	if err != nil {
		return err
	}
	_, err = q.builds.Put(ctx, lb.info.ID, data)
	return err
}

// buildCache gives a worker its builds: fetched once from the object store
// into dir/ID (kept across restarts: the id is the hash of settings.json,
// and every file is checked against its published hash), opened, and kept
// in memory while they fit in the budget, least recently used first out.
type buildCache struct {
	q      *queue
	dir    string
	budget int64
	log    *slog.Logger

	fetch sync.Mutex // one download at a time

	mu     sync.Mutex
	loaded map[string]*cachedBuild
	tick   int64
}

type cachedBuild struct {
	info     BuildInfo
	build    *prover.Build
	lastUsed int64
	inUse    int
}

// errUnknownBuild: the job names a build nobody published.
var errUnknownBuild = errors.New("unknown build")

// get returns the build id, loading it if needed; release must be called
// when the caller is done with it.
func (c *buildCache) get(ctx context.Context, id string) (*cachedBuild, func(), error) {
	c.mu.Lock()
	cb, ok := c.loaded[id]
	if ok {
		c.use(cb)
		c.mu.Unlock()
		return cb, c.releaser(cb), nil
	}
	c.mu.Unlock()

	var info BuildInfo
	found, err := getJSON(ctx, c.q.builds, id, &info)
	if err != nil {
		return nil, nil, err
	}
	if !found {
		return nil, nil, fmt.Errorf("%w %s", errUnknownBuild, id)
	}
	dir, err := c.download(ctx, info)
	if err != nil {
		return nil, nil, err
	}
	b, err := prover.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cb, ok := c.loaded[id]; ok { // loaded meanwhile
		c.use(cb)
		return cb, c.releaser(cb), nil
	}
	cb = &cachedBuild{info: info, build: b}
	c.loaded[id] = cb
	c.use(cb)
	c.evict()
	return cb, c.releaser(cb), nil
}

func (c *buildCache) use(cb *cachedBuild) {
	c.tick++
	cb.lastUsed = c.tick
	cb.inUse++
}

func (c *buildCache) releaser(cb *cachedBuild) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			cb.inUse--
			c.evict()
			c.mu.Unlock()
		})
	}
}

// evict drops the least recently used builds not in use while the loaded
// ones exceed the budget (their keys go with the garbage collector).
func (c *buildCache) evict() {
	for {
		var total int64
		var idle []*cachedBuild
		for _, cb := range c.loaded {
			total += cb.info.ProveMemory
			if cb.inUse == 0 {
				idle = append(idle, cb)
			}
		}
		if total <= c.budget || len(idle) == 0 {
			return
		}
		sort.Slice(idle, func(i, j int) bool { return idle[i].lastUsed < idle[j].lastUsed })
		c.log.Info("unloading build", "build", idle[0].info.ID)
		delete(c.loaded, idle[0].info.ID)
	}
}

// loadedBuilds returns the number of builds in memory and their estimated bytes.
func (c *buildCache) loadedBuilds() (n int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, cb := range c.loaded {
		n++
		bytes += cb.info.ProveMemory
	}
	return
}

// download fetches the build's files into c.dir/ID unless they are there.
func (c *buildCache) download(ctx context.Context, info BuildInfo) (string, error) {
	c.fetch.Lock()
	defer c.fetch.Unlock()
	dir := filepath.Join(c.dir, info.ID)
	if c.complete(dir, info) {
		return dir, nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(c.dir, ".download-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for _, f := range buildFileNames {
		path := filepath.Join(tmp, f)
		if err := c.q.files.GetFile(ctx, info.ID+"/"+f, path); err != nil {
			return "", fmt.Errorf("fetch build %s file %s: %w", info.ID, f, err)
		}
		if sum, _, err := fileSum(path); err != nil || sum != info.Files[f] {
			return "", fmt.Errorf("fetch build %s: %s does not have its published SHA-256", info.ID, f)
		}
	}
	if got, _, _ := fileSum(filepath.Join(tmp, "settings.json")); got != info.ID {
		return "", fmt.Errorf("fetch build %s: its settings.json hashes to %s", info.ID, got)
	}
	os.RemoveAll(dir)
	if err := os.Rename(tmp, dir); err != nil {
		return "", err
	}
	c.log.Info("fetched build", "build", info.ID, "name", info.Name, "dir", dir)
	return dir, nil
}

// complete reports whether dir holds every file of the build, as published.
func (c *buildCache) complete(dir string, info BuildInfo) bool {
	for _, f := range buildFileNames {
		sum, _, err := fileSum(filepath.Join(dir, f))
		if err != nil || sum != info.Files[f] {
			return false
		}
	}
	return true
}
