package service

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"time"
)

// Job is one proof request, as it travels on the work queue: the build it
// names (by id: for a segment job, the segment's own build), the segment's
// index (nil for an unsplit build) and the input, already quantized at the
// scales of the build's inputs (a segment's: the model's tensors at the
// cut), so that two requests whose inputs quantize alike are the same job.
type Job struct {
	ID        string    `json:"id"`
	Build     string    `json:"build"`
	Segment   *int      `json:"segment,omitempty"`
	Inputs    [][]int64 `json:"inputs"`
	Submitted time.Time `json:"submitted"`
}

// JobID is the id of the job proving inputs (quantized) with build
// (segment nil: the whole build): the hex SHA-256 of all three, so that
// the same request always gets the same job.
func JobID(build string, segment *int, inputs [][]int64) string {
	h := sha256.New()
	fmt.Fprintf(h, "zkml-job/1\nbuild %s\n", build)
	if segment != nil {
		fmt.Fprintf(h, "segment %d\n", *segment)
	}
	var buf [8]byte
	for _, in := range inputs {
		binary.LittleEndian.PutUint64(buf[:], uint64(len(in)))
		h.Write(buf[:])
		for _, v := range in {
			binary.LittleEndian.PutUint64(buf[:], uint64(v))
			h.Write(buf[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// The states of a job.
const (
	Queued  = "queued"  // accepted, waiting for a worker (or for another try)
	Running = "running" // a worker is proving it (its build and keys are loaded)
	Done    = "done"    // its result is stored
	Failed  = "failed"  // given up: Reason says why
)

// Status is what the service knows of a job: the JSON of GET /v1/proofs/ID
// (with the result's fields once it is done).
type Status struct {
	ID      string `json:"id"`
	Build   string `json:"build"`
	Segment *int   `json:"segment,omitempty"`
	State   string `json:"status"`
	// Reason: why the job failed, or why its last try did.
	Reason string `json:"reason,omitempty"`
	// Worker and Attempts: who holds (or held) the job and how many times
	// it was delivered to a worker.
	Worker string `json:"worker,omitempty"`
	// Statement is the SHA-256 of the public inputs a proof of this job
	// must carry (prover.Build.Statement, as decimal lines): serve hands out
	// only a proof that has them, so a proof of another input cannot pass
	// for this job's (unless the build's proofs reveal nothing of either).
	Statement string `json:"statement,omitempty"`
	// Jobs: a split build's request has no job of its own but one per
	// segment, these (in order); its state follows from theirs.
	Jobs      []string  `json:"segment_jobs,omitempty"`
	Attempts  int       `json:"attempts,omitempty"`
	Submitted time.Time `json:"submitted"`
	Updated   time.Time `json:"updated"`
}

// Result is a job's proof, stored once per job (the first worker to finish
// it wins; a redelivered job finds it and is not proven again).
type Result struct {
	ID    string `json:"id"`
	Build string `json:"build"`
	// Proof is proof.json as `zkml prove` writes it; Calldata the hex
	// calldata of the build's Solidity verifier, as `zkml calldata` prints it.
	Proof        json.RawMessage `json:"proof"`
	Calldata     string          `json:"calldata"`
	Worker       string          `json:"worker"`
	ProveSeconds float64         `json:"prove_seconds"`
	Finished     time.Time       `json:"finished"`
}

// statementHash is Status.Statement of public inputs.
func statementHash(public []*big.Int) string {
	h := sha256.New()
	for _, v := range public {
		fmt.Fprintf(h, "%s\n", v)
	}
	return hex.EncodeToString(h.Sum(nil))
}
