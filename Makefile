# docverify's tasks. `make test` is what CI and the README run.
GO ?= go

.PHONY: all build test vet fmt-check self bench clean

all: test

build:
	$(GO) build -o bin/docverify ./cmd/docverify

# vet, a gofmt check, and every test (unit tests, fixtures, CLI scripts)
test: vet fmt-check
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change these files:"; echo "$$out"; exit 1; fi

# docverify on its own docs: they must pass
self:
	$(GO) run ./cmd/docverify .

# benchmarks of this tree against a baseline revision, in one run
BENCH_BASE ?= HEAD~1
bench:
	./scripts/bench.sh $(BENCH_BASE)

clean:
	rm -rf bin
