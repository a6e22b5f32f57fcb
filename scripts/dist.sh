#!/usr/bin/env bash
# Builds recueil's release archives, byte for byte reproducible: one per
# target (tar.gz for Linux and macOS, zip for Windows) holding the binary,
# README.md and LICENSE, and SHA256SUMS over them.
#   scripts/dist.sh VERSION OUTDIR        (make dist VERSION=v1.2.3)
# DIST_TARGETS overrides the targets ("linux/amd64 darwin/arm64"...).
# Reproducible: -trimpath, CGO_ENABLED=0, no build id, the version and
# commit given by -ldflags; archive entries sorted, owned by 0, dated
# SOURCE_DATE_EPOCH (default: the last commit's time), gzip without name or
# time, zip without extra attributes.
set -euo pipefail
version="${1:?usage: scripts/dist.sh VERSION OUTDIR}"
out="${2:?usage: scripts/dist.sh VERSION OUTDIR}"
root="$(cd "$(dirname "$0")/.." && pwd)"
targets="${DIST_TARGETS:-linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64}"
epoch="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in $targets; do
  os="${t%/*}" arch="${t#*/}"
  name="recueil_${version#v}_${os}_${arch}"
  dir="$work/$name"
  mkdir -p "$dir"
  exe=recueil
  [ "$os" = windows ] && exe=recueil.exe
  (cd "$root" && CGO_ENABLED=0 GOOS="$os" GOARCH="$arch" go build -trimpath -buildvcs=false \
    -ldflags "-s -w -buildid= -X main.releaseVersion=$version" -o "$dir/$exe" ./cmd/recueil)
  cp "$root/README.md" "$dir/"
  [ -f "$root/LICENSE" ] && cp "$root/LICENSE" "$dir/"
  find "$dir" -exec touch -h -d "@$epoch" {} +
  chmod 0644 "$dir"/*.md "$dir"/LICENSE 2>/dev/null || true
  chmod 0755 "$dir/$exe"
  if [ "$os" = windows ]; then
    rm -f "$out/$name.zip"
    (cd "$work" && find "$name" -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q "$out/$name.zip" -@)
  else
    (cd "$work" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
      --format=gnu -cf - "$name") | gzip -n -9 > "$out/$name.tar.gz"
  fi
done
(cd "$out" && find . -maxdepth 1 -type f \( -name '*.tar.gz' -o -name '*.zip' \) -printf '%f\n' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
cat "$out/SHA256SUMS"
