#!/usr/bin/env bash
# Runs the Nu Html Checker (vnu.jar, from the pinned vnu-jar npm package) on
# every .html file under DIR, in one JVM, and prints its JSON report on stdout:
#   {"messages": [{"type": "error", "url": "file:...", "lastLine": N, "message": "...", ...}]}
# Exits 0 when there is no error, 1 when there are, 2 on a setup error.
#   scripts/site-check/vnu.sh DIR
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: scripts/site-check/vnu.sh DIR" >&2
  exit 2
fi
dir=$1
if [ ! -d "$dir" ]; then
  echo "vnu.sh: $dir: no such directory" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v java >/dev/null || ! command -v node >/dev/null; then
  echo "vnu.sh: needs java (17 or later) and node: run scripts/ensure-tools.sh" >&2
  exit 2
fi
if ! jar="$(cd "$here" && node -e "console.log(String(require('vnu-jar')))" 2>/dev/null)" || [ ! -f "$jar" ]; then
  echo "vnu.sh: vnu-jar is not installed: run scripts/ensure-tools.sh (npm ci in scripts/site-check)" >&2
  exit 2
fi

# vnu exits 1 when it reports an error; --stdout puts the report on stdout.
rc=0
out="$(java -jar "$jar" --errors-only --format json --stdout --skip-non-html "$dir")" || rc=$?
printf '%s\n' "$out"
if [ "$rc" -eq 0 ]; then
  # Belt and braces: any message left after --errors-only is a failure.
  n="$(printf '%s' "$out" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{try{console.log(JSON.parse(s).messages.length)}catch{console.log(-1)}})")"
  if [ "$n" != 0 ]; then rc=1; fi
fi
[ "$rc" -eq 0 ] || exit 1
