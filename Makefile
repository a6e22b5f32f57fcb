# The two commands a fresh machine needs:
#   make compile   builds the sample book in contributions/ into output/
#   make test      installs the outside checkers if missing, runs every test
GO ?= go
RECUEIL = $(GO) run ./cmd/recueil

.PHONY: compile test tools check build bench vet

compile:
	$(RECUEIL) compile

check:
	$(RECUEIL) check

build:
	$(GO) build -o recueil ./cmd/recueil

tools:
	@scripts/ensure-tools.sh

test: tools
	$(GO) vet ./...
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
