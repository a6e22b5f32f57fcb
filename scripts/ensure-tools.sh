#!/usr/bin/env bash
# Makes sure the outside checkers the tests run are installed: qpdf,
# poppler-utils (pdftotext, pdffonts, pdftoppm) and epubcheck (Java).
# Installs them with apt-get when possible, otherwise says what to install.
set -euo pipefail

missing=()
command -v qpdf >/dev/null || missing+=(qpdf)
{ command -v pdftotext && command -v pdffonts && command -v pdftoppm; } >/dev/null || missing+=(poppler-utils)
{ command -v java >/dev/null && [ -f /usr/share/java/epubcheck.jar ]; } || missing+=(epubcheck)

[ ${#missing[@]} -eq 0 ] && exit 0

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
  exit 0
fi
cat >&2 <<MSG
Please install them, then run make test again:
  Debian/Ubuntu: sudo apt-get install ${missing[*]}
  macOS (Homebrew): brew install qpdf poppler epubcheck
MSG
exit 1
