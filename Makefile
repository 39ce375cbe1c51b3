# docverify's tasks. `make test` is what CI and the README run.
GO ?= go

.PHONY: all build test vet fmt-check self bench fuzz clean

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

# benchmarks of this tree against a baseline revision, in one run; that
# doubling an input (a one-line JSON file, a sentence of a thousand names,
# a repository warm after one edit) at most about doubles the time; then
# docverify against ripgrep's floor (rg -F -w -f the claimed names) on
# generated trees of real shapes at 1x and 4x, and on any BENCH_TREES
# (fetched checkouts, never committed)
BENCH_BASE ?= HEAD~1
BENCH_TREES ?=
bench:
	./scripts/bench.sh $(BENCH_BASE)
	./scripts/scaling.sh
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	$(GO) run ./scripts/synth $$tmp/synth-1x 1 && $(GO) run ./scripts/synth $$tmp/synth-4x 4 && \
	./scripts/bench-vs-rg.sh $$tmp/synth-1x $$tmp/synth-4x $(BENCH_TREES)

# every fuzz target in turn, FUZZTIME each (go test runs one target at a
# time); a failing input is written under the package's testdata/fuzz
FUZZTIME ?= 1m
FUZZ_TARGETS = ./extract:FuzzMarkdown ./extract/configblock:FuzzParse ./extract/shellcmd:FuzzParse ./langs:FuzzIndexers ./verify/report:FuzzFormats ./langs/index:FuzzMentions ./langs/index:FuzzFlagFiles
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

clean:
	rm -rf bin
