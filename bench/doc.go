// Package bench measures zkml's whole pipeline on real models: compile,
// setup, prove and verify time, peak memory and proof size.
//
// Two ways in:
//
//   - `make bench` runs the Go benchmarks of this package
//     (BenchmarkPipeline/<model>/<backend>/<stage>) on ../shared/models.
//   - `make bench-record` runs the `zkml` binary itself for each stage, as
//     a user would, several times, and rewrites RESULTS.md with the medians,
//     the peak resident memory of each stage's process (getrusage) and the
//     machine it ran on.
//
// `go run ./bench/cmd/visibility` writes VISIBILITY.md: the constraints,
// proving time and verification gas of each input and output visibility,
// and the gas of recomputing a commitment in Solidity.
//
// The conformance report (CONFORMANCE.md: every shared model through the
// whole pipeline, with its accuracy and what failing models need) is
// package bench/conformance, which `zkml conformance` and
// `make conformance` run.
package bench
