// Package bench measures zkml's whole pipeline on real models: compile,
// setup, prove and verify time, peak memory and proof size.
//
// The ways in:
//
//   - `make bench` runs the Go benchmarks of this package
//     (BenchmarkPipeline/<model>/<backend>/<stage>) on ../shared/models.
//
//   - `make bench-record` runs the `zkml` binary itself for each stage, as
//     a user would, several times, and rewrites RESULTS.md with the medians,
//     the peak resident memory of each stage's process (getrusage) and the
//     machine it ran on.
//
//   - `make bench-compare` (bench/cmd/compare) rewrites COMPARE.md: an MLP
//     through zkml and through a circom 2 circuit proven by snarkjs (written
//     from zkml's plan by package bench/circom, so both prove the same
//     integers), Groth16 and PLONK; and every benchmarked model through
//     gnark's Setup/Prove/Verify alone, the overhead of zkml's pipeline.
//
//   - `make bench-scaling` (bench/cmd/scaling) rewrites SCALING.md: the
//     synthetic families of internal/onnxbuild (MLPs of growing width, LeNet
//     and ResNet-18-shaped CNNs) with constraints, times, peak memory and
//     artifact sizes per size, and the largest model the machine proves.
//
//   - `go run ./bench/cmd/visibility` writes VISIBILITY.md: the constraints,
//     proving time and verification gas of each input and output visibility,
//     and the gas of recomputing a commitment in Solidity.
//
// The conformance report (CONFORMANCE.md: every shared model through the
// whole pipeline, with its accuracy and what failing models need) is
// package bench/conformance, which `zkml conformance` and
// `make conformance` run.
package bench
