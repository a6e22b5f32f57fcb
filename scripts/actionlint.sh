#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint, built from source through the
# Go module proxy (no binary download), pinned. shellcheck, when installed,
# is used by actionlint for the run: scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.7.12
bin="${ACTIONLINT_BIN:-$(go env GOPATH)/bin/actionlint-$version}"
if [ ! -x "$bin" ]; then
  tmp="$(mktemp -d)"
  # Outside the module, so go.mod is never touched.
  (cd "$tmp" && GOBIN="$tmp" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$version")
  mkdir -p "$(dirname "$bin")"
  mv "$tmp/actionlint" "$bin"
  rm -rf "$tmp"
fi
# The workflows of this repository (which use action.yml as uses: ./, so
# actionlint reads it too), and the same files as recueil init writes them
# for a book, pinned to a release of the action.
book="$(mktemp -d)"
trap 'rm -rf "$book"' EXIT
go run ./cmd/recueil init "$book/livre" > /dev/null 2>&1
"$bin" -no-color .github/workflows/*.yml
(cd "$book/livre" && "$bin" -no-color .github/workflows/*.yml)
# actionlint does not read the run: scripts of action.yml's steps:
# shellcheck them here, when it is installed, as actionlint does the
# workflows'.
if command -v shellcheck > /dev/null; then
  mkdir "$book/action"
  go run ./tools/actionscripts action.yml "$book/action" | xargs shellcheck -s bash
else
  echo "actionlint.sh: shellcheck is not installed: the run: scripts were not checked (scripts/ensure-tools.sh installs it)" >&2
fi
