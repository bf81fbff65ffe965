# zkml — the commands a newcomer needs:
#   make demo         compile, set up, prove and verify the built-in demo model, then on an embedded chain
#   make test         run the test suite (what CI runs)
#   make test-short   the quick tier for development: the same, less the heavy tests

GO ?= go
BIN := bin/zkml

.PHONY: all build demo test test-short fuzz bench bench-record bench-gas fixtures vet clean tools clean-tools conformance icicle-libs build-icicle test-icicle gpu-carry
.PHONY: bench-compare bench-scaling bench-overhead bench-rangechecks bench-ceremony bench-split test-service-load

all: build

build:
	$(GO) build -o $(BIN) ./cmd/zkml

demo: build
	./$(BIN) demo --dir zkml-demo

# The npm tools of the on-chain tests and of `zkml deploy`: solcjs (the pinned
# Solidity compiler), anvil and forge (Foundry's node and test runner; the
# tests run forge offline with solcjs as its solc), in the ignored folder
# .tools/. Without npm the on-chain tests skip, saying so, unless
# ZKML_REQUIRE_TOOLS=1 (CI), which makes a missing tool an error here and in
# the tests. Foundry's packages exist for linux-amd64 only. The JavaScript
# example's ethers (pinned in examples/js/package.json) goes into
# examples/js/node_modules.
TOOLS := .tools
SOLC_VERSION := 0.8.37
ANVIL_VERSION := 1.7.1
FORGE_VERSION := 1.7.1
# snarkjs makes the .ptau fixtures of the powers-of-tau tests; with circom2
# (circom 2 in WebAssembly) it is also the baseline of `make bench-compare`.
SNARKJS_VERSION := 0.7.6
CIRCOM2_VERSION := 0.2.23
NPM_INSTALL = npm install --prefix $(TOOLS) --no-audit --no-fund --save-exact

tools:
	@if ! command -v npm >/dev/null; then \
		if [ "$${ZKML_REQUIRE_TOOLS:-}" = 1 ]; then echo "make tools: npm not found, and ZKML_REQUIRE_TOOLS=1 requires the tools" >&2; exit 1; fi; \
		echo "make tools: npm not found; the on-chain and .ptau tests will skip"; exit 0; fi; \
	mkdir -p $(TOOLS) && \
	$(NPM_INSTALL) solc@$(SOLC_VERSION) snarkjs@$(SNARKJS_VERSION) circom2@$(CIRCOM2_VERSION) && \
	npm install --prefix examples/js --no-audit --no-fund --no-package-lock && \
	if [ "$$(uname -s)-$$(uname -m)" = Linux-x86_64 ]; then \
		$(NPM_INSTALL) @foundry-rs/anvil-linux-amd64@$(ANVIL_VERSION) @foundry-rs/forge-linux-amd64@$(FORGE_VERSION); \
	elif [ "$${ZKML_REQUIRE_TOOLS:-}" = 1 ]; then \
		echo "make tools: no anvil or forge package for $$(uname -s)-$$(uname -m), and ZKML_REQUIRE_TOOLS=1 requires them" >&2; exit 1; \
	else echo "make tools: no anvil or forge package for $$(uname -s)-$$(uname -m); the anvil and Foundry tests will skip"; fi

# The whole suite (what CI runs): unit tests, gadget soundness and
# adversarial-hint tests, real Groth16 and PLONK proofs of every gadget, CLI
# scripts and the end-to-end runs over ../shared/models (skipped with a
# message when absent, failing under ZKML_REQUIRE_SHARED=1). Prints each
# package's result, the output of failed tests, then the skipped tests.
test:
	$(GO) vet ./...
	bash -o pipefail -c '$(GO) test -count=1 -timeout 80m -json ./... | $(GO) run ./internal/testenv/skips'

# The development tier: the same tests less the heavy ones (real models,
# large setups), which skip with -short. Minutes rather than tens of them.
test-short:
	$(GO) test -short -count=1 ./...

# The proving service under a bigger load than make test gives it: 2000
# requests over 4 builds from 8 concurrent clients and two workers, on the
# embedded NATS and on Debian's nats-server (when installed), then the
# fault tests (a worker killed mid-proof, NATS restarted).
SERVICE_LOAD ?= 2000
test-service-load:
	$(GO) test ./service/ -run 'TestLoad|TestFault' -count=1 -v -timeout 30m -args -load $(SERVICE_LOAD)

# Each parser's fuzz target for a while (FUZZTIME=5m make fuzz for longer).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./onnx/ -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)
	$(GO) test ./modelio/ -run '^$$' -fuzz FuzzParseInput -fuzztime $(FUZZTIME)
	$(GO) test ./prover/ -run '^$$' -fuzz FuzzParseProof -fuzzminimizetime 0 -fuzztime $(FUZZTIME)
	$(GO) test ./plan/ -run '^$$' -fuzz FuzzUnmarshalBinary -fuzztime $(FUZZTIME)

# Whole-pipeline benchmarks; bench-record rewrites bench/RESULTS.md.
bench:
	$(GO) test ./bench/ -run '^$$' -bench . -benchtime 3x -timeout 60m

bench-record:
	$(GO) run ./bench/cmd/record -out bench/RESULTS.md

# Gas of the verifiers and of the registry on mainnet rules; rewrites
# bench/GAS.md (needs `make tools` for solcjs).
bench-gas:
	$(GO) run ./bench/cmd/gas -out bench/GAS.md

# Constraints of the shared models with lookup and with bit-decomposition
# range checks, and what `--range-checks auto` picks; rewrites
# bench/RANGECHECKS.md (compiles only; nanoGPT, 8.8M constraints, is left out).
bench-rangechecks:
	$(GO) run ./bench/cmd/rangechecks -out bench/RANGECHECKS.md -skip nanoGPT

# zkml side by side with circom 2 + snarkjs on the same MLP, and with bare
# gnark on zkml's constraint systems; rewrites bench/COMPARE.md. The circom
# side needs `make tools` (skipped with a message otherwise); the first run
# makes a power-14 powers of tau in .tools/ptau (minutes, once).
bench-compare:
	$(GO) run ./bench/cmd/compare -out bench/COMPARE.md

# Constraints, times, memory and artifact sizes of synthetic MLP and CNN
# families as they grow; rewrites bench/SCALING.md.
bench-scaling:
	$(GO) run ./bench/cmd/scaling -out bench/SCALING.md

# The development Groth16 setup and `zkml prove` next to gnark's bare
# prover on the ResNet-18-shaped model (about 776k constraints, several
# GiB, tens of minutes on 2 cores); rewrites its section of
# bench/RESULTS.md. OVERHEAD_FLAGS='-baseline OLD_ZKML -gnark-setup' adds
# an older binary and gnark's own setup.
OVERHEAD_FLAGS ?=
bench-overhead:
	$(GO) run ./bench/cmd/overhead -out bench/RESULTS.md $(OVERHEAD_FLAGS)

# A Groth16 ceremony round (init, contribute, verify, finalize) next to the
# single-party setup, up to a ResNet-18-shaped CNN at a power-20 domain (706k
# constraints: about 40 minutes on 2 cores from the prepared .ptau it writes;
# subsets with `go run ./bench/cmd/ceremony -models ...`, gnark's FFT path
# with -raw); rewrites bench/CEREMONY.md.
bench-ceremony:
	$(GO) run ./bench/cmd/ceremony -out bench/CEREMONY.md

# Split proving: a ResNet-18-shaped model and nanoGPT cut into segments,
# compiled, set up, proven (each segment alone, then the chain with 1 and 2
# at once), verified, and the chain's gas; rewrites bench/SPLIT.md. Long:
# SPLIT_FLAGS="-work /tmp/split -reuse" goes on from an earlier run.
bench-split:
	$(GO) run ./bench/cmd/split -out bench/SPLIT.md $(SPLIT_FLAGS)

# Every model of ../shared/models through compile, setup, prove and verify;
# rewrites bench/CONFORMANCE.md (MODELS=a,b for a subset).
MODELS ?=
conformance: build
	./$(BIN) conformance ../shared/models --out bench/CONFORMANCE.md $(if $(MODELS),--models $(MODELS))

# The GPU prover (README, "Proving on a GPU"). build-icicle builds ICICLE's
# BN254 libraries from a patched copy of the icicle-gnark module that gnark
# requires (front end and CPU backend, no CUDA; needs cmake, ninja, a C++
# compiler and python3), then zkml and the GPU benchmark with the icicle tag, beside
# their lib/ in $(ICICLE)/. test-icicle runs the GPU prover's tests on
# ICICLE's CPU backend, which needs no GPU. gpu-carry assembles $(GPU_CARRY)/
# for a GPU machine without Go: gpu-bench, lib/, the ICICLE sources, the
# benchmark's model and gpu-run.sh, which builds the CUDA backend there and
# runs the benchmark in one command ($(GPU_CARRY)/gpu-run.sh).
ICICLE ?= build/icicle
GPU_CARRY ?= build/gpu
ICICLE_CGO = CGO_ENABLED=1 CGO_LDFLAGS="-L$(abspath $(ICICLE))/lib -Wl,--enable-new-dtags -Wl,-rpath,\$$ORIGIN/lib -Wl,-rpath,$(abspath $(ICICLE))/lib"

icicle-libs:
	OUT=$(ICICLE) ./scripts/icicle-host.sh

build-icicle: icicle-libs
	$(ICICLE_CGO) $(GO) build -tags icicle -o $(ICICLE)/zkml ./cmd/zkml
	$(ICICLE_CGO) $(GO) build -tags icicle -ldflags "-s -w" -o $(ICICLE)/gpu-bench ./bench/cmd/gpu

test-icicle: icicle-libs
	$(ICICLE_CGO) $(GO) test -tags icicle -count=1 -timeout 20m -run 'TestICICLE|TestGPU|TestParseDevice|TestNoGPU' ./prover

gpu-carry: build-icicle
	rm -rf $(GPU_CARRY) && mkdir -p $(GPU_CARRY)/models
	cp -r $(ICICLE)/lib $(ICICLE)/gpu-bench scripts/gpu-run.sh $(GPU_CARRY)/
	cp -r $(ICICLE)/src $(GPU_CARRY)/icicle
	cp -r ../shared/models/4l_relu_conv_fc $(GPU_CARRY)/models/
	@du -sh $(GPU_CARRY)

# Regenerate the fixtures in testdata/ from the code that defines them.
fixtures:
	$(GO) generate ./internal/fixtures

vet:
	$(GO) vet ./...

clean:
	rm -rf bin zkml-demo

# Also remove the npm tools.
clean-tools:
	rm -rf $(TOOLS) examples/js/node_modules
