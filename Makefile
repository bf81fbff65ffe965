# zkml — the two commands a newcomer needs:
#   make demo   compile, set up, prove and verify the built-in demo model end to end
#   make test   run the test suite (what CI runs)

GO ?= go
BIN := bin/zkml

.PHONY: all build demo test test-short fuzz bench bench-record fixtures vet clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/zkml

demo: build
	./$(BIN) demo --dir zkml-demo

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
	$(GO) test ./quantize/ -run '^$$' -fuzz FuzzUnmarshalBinary -fuzztime $(FUZZTIME)

# Whole-pipeline benchmarks; bench-record rewrites bench/RESULTS.md.
bench:
	$(GO) test ./bench/ -run '^$$' -bench . -benchtime 3x -timeout 60m

bench-record:
	$(GO) run ./bench/cmd/record -out bench/RESULTS.md

# Regenerate the fixtures in testdata/ from the code that defines them.
fixtures:
	$(GO) generate ./internal/fixtures

vet:
	$(GO) vet ./...

clean:
	rm -rf bin zkml-demo
