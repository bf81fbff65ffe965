package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The JetStream names the service uses. Every serve and worker pointed at
// the same NATS shares them.
const (
	jobStream     = "ZKML_JOBS"    // work queue: one message per accepted job
	jobSubjects   = "zkml.jobs.>"  // zkml.jobs.BUILD
	workers       = "zkml-workers" // the durable pull consumer all workers share
	statusBucket  = "zkml_jobs"    // KV: job id -> Status
	resultBucket  = "zkml_results" // KV: job id -> Result (created once)
	buildsBucket  = "zkml_builds"  // KV: build id -> BuildInfo
	buildFiles    = "zkml_build_files"
	dedupeWindow  = 10 * time.Minute
	maxResultSize = 8 << 20
)

// QueueConfig sets how the work queue redelivers jobs. zkml serve creates
// the queue with it; workers read it back from NATS.
type QueueConfig struct {
	// AckWait: a job whose worker sends no heartbeat for this long goes to
	// another worker. Workers send one every AckWait/3 while proving.
	AckWait time.Duration
	// MaxDeliver: after this many deliveries a job that still fails is
	// marked failed.
	MaxDeliver int
	// Replicas: copies of the stream and buckets in a NATS cluster (1 by
	// default; at most the cluster's size).
	Replicas int
}

// DefaultQueue is what zkml serve uses unless told otherwise.
var DefaultQueue = QueueConfig{AckWait: 30 * time.Second, MaxDeliver: 5, Replicas: 1}

// queue holds the JetStream handles of the service.
type queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	stream   jetstream.Stream
	consumer jetstream.Consumer
	status   jetstream.KeyValue
	results  jetstream.KeyValue
	builds   jetstream.KeyValue
	files    jetstream.ObjectStore
}

// connect opens a NATS connection that keeps reconnecting (a restarted
// server is found again).
func connect(url, token, name string) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(250 * time.Millisecond), nats.RetryOnFailedConnect(false)}
	if token != "" {
		opts = append(opts, nats.Token(token))
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w", url, err)
	}
	return nc, nil
}

// createQueue creates (or updates) the stream, consumer and buckets.
// Only features of nats-server 2.9 are used.
func createQueue(ctx context.Context, nc *nats.Conn, cfg QueueConfig) (*queue, error) {
	q := &queue{nc: nc}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	q.js = js
	if q.stream, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        jobStream,
		Description: "zkml proof jobs (work queue)",
		Subjects:    []string{jobSubjects},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  dedupeWindow,
		Replicas:    cfg.Replicas,
	}); err != nil {
		return nil, fmt.Errorf("create stream %s: %w", jobStream, err)
	}
	if q.consumer, err = q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       workers,
		Description:   "zkml workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    cfg.MaxDeliver,
		MaxAckPending: 10000,
		Replicas:      cfg.Replicas,
	}); err != nil {
		return nil, fmt.Errorf("create consumer %s: %w", workers, err)
	}
	for _, b := range []struct {
		kv   *jetstream.KeyValue
		name string
		size int32
	}{{&q.status, statusBucket, 64 << 10}, {&q.results, resultBucket, maxResultSize}, {&q.builds, buildsBucket, 1 << 20}} {
		if *b.kv, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: b.name, Storage: jetstream.FileStorage, MaxValueSize: b.size, Replicas: cfg.Replicas}); err != nil {
			return nil, fmt.Errorf("create bucket %s: %w", b.name, err)
		}
	}
	if q.files, err = js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: buildFiles, Storage: jetstream.FileStorage, Replicas: cfg.Replicas}); err != nil {
		return nil, fmt.Errorf("create object store %s: %w", buildFiles, err)
	}
	return q, nil
}

// openQueue finds what zkml serve created, waiting for it (a worker may
// start first) until ctx is done.
func openQueue(ctx context.Context, nc *nats.Conn, log func(error)) (*queue, error) {
	q := &queue{nc: nc}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	q.js = js
	for {
		err = q.open(ctx)
		if err == nil {
			return q, nil
		}
		log(err)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("the work queue is not there (is zkml serve running against this NATS?): %w", err)
		case <-time.After(time.Second):
		}
	}
}

func (q *queue) open(ctx context.Context) (err error) {
	if q.stream, err = q.js.Stream(ctx, jobStream); err != nil {
		return fmt.Errorf("stream %s: %w", jobStream, err)
	}
	if q.consumer, err = q.stream.Consumer(ctx, workers); err != nil {
		return fmt.Errorf("consumer %s: %w", workers, err)
	}
	for _, b := range []struct {
		kv   *jetstream.KeyValue
		name string
	}{{&q.status, statusBucket}, {&q.results, resultBucket}, {&q.builds, buildsBucket}} {
		if *b.kv, err = q.js.KeyValue(ctx, b.name); err != nil {
			return fmt.Errorf("bucket %s: %w", b.name, err)
		}
	}
	if q.files, err = q.js.ObjectStore(ctx, buildFiles); err != nil {
		return fmt.Errorf("object store %s: %w", buildFiles, err)
	}
	return nil
}

// getJSON reads key from kv into v; found is false when the key is absent.
func getJSON(ctx context.Context, kv jetstream.KeyValue, key string, v any) (found bool, err error) {
	e, err := kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal(e.Value(), v)
}
