# zkml — the two commands a newcomer needs:
#   make demo   compile, set up, prove and verify the built-in demo model end to end
#   make test   run the test suite (what CI runs)

GO ?= go
BIN := bin/zkml

.PHONY: all build demo test test-short fuzz bench bench-record bench-gas fixtures vet clean tools clean-tools conformance
.PHONY: bench-compare bench-scaling

all: build

build:
	$(GO) build -o $(BIN) ./cmd/zkml

demo: build
	./$(BIN) demo --dir zkml-demo

# The npm tools of the on-chain tests and of `zkml deploy`: solcjs (the pinned
# Solidity compiler) and anvil, in the ignored folder .tools/. Without npm the
# on-chain tests skip, saying so. anvil's package exists for linux-amd64 only.
# circom2 (circom 2 in WebAssembly) and snarkjs are the baseline of
# `make bench-compare` and of its test, which skips without them.
TOOLS := .tools
SOLC_VERSION := 0.8.37
ANVIL_VERSION := 1.7.1
SNARKJS_VERSION := 0.7.6
CIRCOM2_VERSION := 0.2.23
NPM_INSTALL = npm install --prefix $(TOOLS) --no-audit --no-fund --save-exact

tools:
	@if ! command -v npm >/dev/null; then echo "make tools: npm not found; the on-chain tests will skip"; exit 0; fi; \
	mkdir -p $(TOOLS) && \
	$(NPM_INSTALL) solc@$(SOLC_VERSION) snarkjs@$(SNARKJS_VERSION) circom2@$(CIRCOM2_VERSION) && \
	if [ "$$(uname -s)-$$(uname -m)" = Linux-x86_64 ]; then \
		$(NPM_INSTALL) @foundry-rs/anvil-linux-amd64@$(ANVIL_VERSION); \
	else echo "make tools: no anvil package for $$(uname -s)-$$(uname -m); the anvil test will skip"; fi

# The whole suite: unit tests, gadget soundness tests, CLI scripts and the
# end-to-end runs over ../shared/models (skipped with a message when absent).
test:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 80m ./...

test-short:
	$(GO) test -short -count=1 ./...

# Each parser's fuzz target for a while (FUZZTIME=5m make fuzz for longer).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./onnx/ -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)
	$(GO) test ./internal/modelio/ -run '^$$' -fuzz FuzzParseInput -fuzztime $(FUZZTIME)
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

# Every model of ../shared/models through compile, setup, prove and verify;
# rewrites bench/CONFORMANCE.md (MODELS=a,b for a subset).
MODELS ?=
conformance: build
	./$(BIN) conformance ../shared/models --out bench/CONFORMANCE.md $(if $(MODELS),--models $(MODELS))

# Regenerate the fixtures in testdata/ from the code that defines them.
fixtures:
	$(GO) generate ./internal/fixtures

vet:
	$(GO) vet ./...

clean:
	rm -rf bin zkml-demo

# Also remove the npm tools.
clean-tools:
	rm -rf $(TOOLS)
