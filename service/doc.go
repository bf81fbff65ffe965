// Package service is zkml's proving service: an HTTP API that takes proof
// requests (zkml serve) and workers that prove them (zkml worker), joined
// by a NATS JetStream work queue, so that one binary serves on one machine
// and the same code runs against a NATS cluster with workers anywhere.
//
// # Serving
//
// [Serve] opens every build of a folder (compiled and set up), publishes
// its files to a JetStream object store for the workers, and answers
//
//	POST /v1/proofs           {"build": ID, "input": {"input_data": [[...]]}} -> 202 (new) or 200 (known) + status
//	GET  /v1/proofs/ID        the status: queued, running, done (with proof and calldata) or failed (with reason)
//	GET  /v1/proofs/ID/proof.json  the proof alone, as `zkml prove` writes it (a split build's: the chain proof)
//	GET  /v1/builds[/ID]      the builds served
//	GET  /metrics, /healthz   Prometheus metrics and health, without token
//
// Every /v1/ request needs "Authorization: Bearer TOKEN": submitting spends
// the provers' CPU, and reads need it too because a job id is the hash of
// build and input, so whoever could read jobs freely could test whether
// someone asked for a guessed (private) input. A build's id is the SHA-256
// of its settings.json, which names the model and its keys; the folder name
// is accepted too. Errors are {"error": "..."} with 400 (malformed input,
// with the modelio message; an input the model refuses), 401 (token), 404
// (unknown build or job) or 413 (body over the limit); a refused request
// changes nothing. Serve verifies each stored proof against its build
// (prover.Verify, and its calldata) and checks that it carries the public
// inputs of the job's own input (Status.Statement, from
// prover.Build.Statement at submission) before handing it out.
//
// There is one token: the embedded NATS server takes it too, so whoever
// holds it can also act as a worker. Give it to trusted back ends only.
//
// Requests are idempotent: the input is quantized at submission, and the
// job id is [JobID] of the build, the segment (for a segment job) and the
// quantized input. The job's status is created in a
// key-value bucket only if absent, and the job is published with its id as
// Nats-Msg-Id, so that JetStream drops a duplicate message; the same
// request again returns the same job (and republishes it if still queued,
// in case the first publish was lost; a failed job is queued again).
//
// A split build (prover.IsSplit; zkml compile --shards) is served like any
// build, its id the hash of its split.json and its segments' ids; each
// segment is published as a build of its own (BuildInfo.Segments), so a
// worker fetches and keeps loaded only the segments it proves. A request
// for it is recorded with one ordinary job per segment (Status.Jobs, each
// with the segment's own inputs and statement), proven by any workers in
// parallel; its status shows each segment's, it fails with a failed
// segment's reason (submitting again retries only what failed), and once
// every segment's stored proof checks out serve assembles the chain
// (Split.Chain), checks it with prover.VerifyChain and hands it out as the
// request's proof: the chain proof file of `zkml prove`.
//
// # Working
//
// [Work] pulls jobs from the durable consumer all workers share, fetches
// the job's build once (cached on disk by build id, every file checked
// against its published SHA-256), keeps builds and their keys loaded while
// they fit in the memory budget (least recently used out), proves, checks
// the proof with prover.Verify, stores the result in a key-value bucket
// only if absent (exactly one result per job, whoever finishes first), and
// only then acknowledges the job. While proving it sends an in-progress
// heartbeat every third of the ack wait, so only a dead or stalled
// worker's job goes to another after the ack wait (30 s by default). A
// proof reserves its build's estimated memory from the budget, which sets
// the concurrency (a build larger than the budget proves alone). A job
// that fails is retried, up to max-deliver deliveries, then marked failed
// with the reason; one that cannot succeed (an unknown build, an input the
// model refuses) fails at once; one whose workers keep dying is marked
// failed by serve from JetStream's max-deliveries advisory. At shutdown a
// worker stops fetching, lets the jobs in hand finish within the grace
// period and returns the others to the queue (Nak), where another worker
// takes them at once.
//
// # NATS
//
// By default serve embeds a NATS server with JetStream (its data in a
// folder, so jobs and results survive a restart) that listens for workers
// with the API token as its token; ServeConfig.NATSURL uses an external
// server or cluster instead. The queue uses only features of nats-server
// 2.9: a work-queue stream ZKML_JOBS (subjects zkml.jobs.BUILD), its
// durable consumer zkml-workers, the key-value buckets zkml_jobs
// (statuses), zkml_results and zkml_builds, and the object store
// zkml_build_files. service/KUBERNETES.md deploys it on a cluster.
package service
