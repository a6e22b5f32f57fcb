#!/usr/bin/env bash
# Makes sure the outside checkers the tests run are installed: qpdf,
# poppler-utils (pdftotext, pdffonts, pdftoppm), epubcheck (Java), and for
# the web edition Debian's chromium (/usr/bin/chromium) with the pinned npm
# packages of scripts/site-check (axe-core, puppeteer-core, vnu-jar), which
# need Node.js and npm (pdfjs-dist for the tagged PDF too); shellcheck for
# scripts/actionlint.sh; pdfcpu, built with go install.
# Installs them with apt-get and npm ci when possible, otherwise says what to
# install. Quiet when everything is there.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
sitecheck="$root/scripts/site-check"

missing=()
command -v qpdf >/dev/null || missing+=(qpdf)
{ command -v pdftotext && command -v pdffonts && command -v pdftoppm; } >/dev/null || missing+=(poppler-utils)
{ command -v java >/dev/null && [ -f /usr/share/java/epubcheck.jar ]; } || missing+=(epubcheck)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v shellcheck >/dev/null || missing+=(shellcheck) # for scripts/actionlint.sh

if [ ${#missing[@]} -gt 0 ]; then
  echo "recueil tests need: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
  fi
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
    echo "installing them with apt-get..." >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    cat >&2 <<MSG
Please install them, then run make test again:
  Debian/Ubuntu: sudo apt-get install ${missing[*]}
  macOS (Homebrew): brew install qpdf poppler epubcheck chromium
MSG
    exit 1
  fi
fi

# Node.js and npm are not installed here: Debian's nodejs is too old for
# puppeteer-core (it needs Node.js 20 or later).
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if ! command -v npm >/dev/null || [ "$node_major" -lt 20 ]; then
  cat >&2 <<MSG
recueil tests need Node.js 20 or later and npm (for scripts/site-check).
Please install them (from nodejs.org, NodeSource's Debian packages, or
Homebrew: brew install node), then run make test again.
MSG
  exit 1
fi

# The site checkers' packages, exactly as pinned in package-lock.json. npm
# writes node_modules/.package-lock.json last, so it tells an install that
# finished from one that did not or that is older than the lock.
# --ignore-scripts: none of them needs one (vnu-jar's would fetch a JDK).
if [ ! -f "$sitecheck/node_modules/.package-lock.json" ] ||
   [ "$sitecheck/package-lock.json" -nt "$sitecheck/node_modules/.package-lock.json" ]; then
  echo "installing scripts/site-check's npm packages with npm ci..." >&2
  (cd "$sitecheck" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi

# pdfcpu, the PDF validator the tagged-PDF test runs in strict mode, built
# from the Go module proxy at the pinned version into bin/ (git-ignored).
pdfcpu_version=v0.15.0
if [ ! -x "$root/bin/pdfcpu" ] || [ "$(cat "$root/bin/.pdfcpu-version" 2>/dev/null)" != "$pdfcpu_version" ]; then
  echo "installing pdfcpu $pdfcpu_version into bin/..." >&2
  mkdir -p "$root/bin"
  GOBIN="$root/bin" GOFLAGS=-mod=mod go install "github.com/pdfcpu/pdfcpu/cmd/pdfcpu@$pdfcpu_version"
  echo "$pdfcpu_version" >"$root/bin/.pdfcpu-version"
fi
exit 0
