# The two commands a fresh machine needs:
#   make compile   builds the sample book in contributions/ into output/
#   make test      installs the outside checkers if missing, runs every test
GO ?= go
RECUEIL = $(GO) run ./cmd/recueil

.PHONY: compile test race tools check build bench vet corpus typeset-report dist

compile:
	$(RECUEIL) compile

check:
	$(RECUEIL) check

build:
	$(GO) build -o recueil ./cmd/recueil

tools:
	@scripts/ensure-tools.sh

# Release archives for Linux, macOS and Windows (amd64, arm64), reproducible:
# make dist VERSION=v1.2.3 writes dist/ and dist/SHA256SUMS.
VERSION ?= v0.0.0-dev
dist:
	scripts/dist.sh $(VERSION) dist

test: tools
	$(GO) vet ./...
	# The releases are built for macOS and Windows too: their code and tests
	# must build there (vet type-checks the tests), not only on Linux.
	GOOS=darwin $(GO) vet ./...
	GOOS=windows $(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) race

# The packages that run work in parallel, under the race detector.
RACE_PKGS = ./internal/work/... ./internal/load/... ./internal/pipeline/... ./internal/cards/... ./internal/pdf/...
race:
	$(GO) test -race -count=1 $(RACE_PKGS)

# Generated corpora for measurements (git-ignored): testdata/corpus-612, -5000.
corpus:
	@for n in 612 5000; do [ -f testdata/corpus-$$n/book.yaml ] || $(GO) run ./tools/corpus -n $$n -out testdata/corpus-$$n; done

# Times check and compile on 612 and 5,000 contributions (minutes; not in CI):
# writes docs/benchmarks.md. Go micro-benchmarks: go test -run '^$$' -bench . ./...
bench: corpus
	scripts/bench.sh

# Compares recueil's PDF with pandoc + xelatex on the same text (installs TeX
# with apt when run; never needed by the build or CI): writes docs/typesetting.md.
typeset-report: corpus
	scripts/typeset-report.sh
