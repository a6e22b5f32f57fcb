#!/usr/bin/env bash
# make bench: time recueil on generated corpora of 612 and 5,000
# contributions and write the figures to docs/benchmarks.md: every row of
# issue 17's table (check, PDF+EPUB, everything cold with its peak RSS,
# after one contribution changed, the web edition's share) and pandoc's
# EPUB of the same texts when pandoc is installed.
#
#   scripts/bench.sh                 # both corpora, 3 runs each (5 for check)
#   RUNS=5 SIZES="612" scripts/bench.sh
#   BENCH_REV=HEAD scripts/bench.sh      # measure a commit, not the working tree
#   OUT=/tmp/bench.md scripts/bench.sh   # write the table elsewhere
#
# Each command runs under GNU time (/usr/bin/time -v); the table gives the
# median wall-clock time, the median user+system CPU time (less sensitive to
# a loaded machine than wall time) and the largest peak resident set size
# over the runs. Every compile starts from an empty output folder. The
# corpora are generated once into testdata/corpus-N (git-ignored).
#
# pandoc, when installed, converts the same Markdown bodies to an EPUB for
# comparison (not installed by this script; never needed by recueil or CI).
# Not run by CI: it takes minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
CHECK_RUNS=${CHECK_RUNS:-5}
SIZES=${SIZES:-"612 5000"}
OUT=${OUT:-docs/benchmarks.md}
PANDOC_RUNS=${PANDOC_RUNS:-1}
BIG_RUNS=${BIG_RUNS:-1} # full compile of the 5,000 corpus: minutes per run
WORK=$(mktemp -d /tmp/recueil-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [ ! -x /usr/bin/time ]; then
	echo "bench: GNU time is missing; installing the Debian package 'time'" >&2
	apt-get install -y time >/dev/null
fi

# BENCH_REV=HEAD (or any commit) measures that commit instead of the
# working tree, built from a clean export.
if [ -n "${BENCH_REV:-}" ]; then
	echo "bench: building recueil at $BENCH_REV" >&2
	mkdir "$WORK/src"
	git archive "$BENCH_REV" | tar -x -C "$WORK/src"
	(cd "$WORK/src" && go build -o "$WORK/recueil" ./cmd/recueil)
	commit=$(git rev-parse --short "$BENCH_REV")
	cdate=$(git log -1 --format=%cs "$BENCH_REV")
else
	echo "bench: building recueil from the working tree" >&2
	go build -o "$WORK/recueil" ./cmd/recueil
	commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' + uncommitted changes')"
	cdate=$(git log -1 --format=%cs HEAD)
fi
BIN="$WORK/recueil"

ROWS="$WORK/rows.tsv"
: >"$ROWS"

# measure CORPUS LABEL TARGET RUNS CMD... : runs CMD RUNS times under
# /usr/bin/time -v, before each run removing $WORK/out, and appends a row.
measure() {
	local corpus=$1 label=$2 target=$3 runs=$4
	shift 4
	local walls=() cpus=() rss=0 i f status=ok
	for ((i = 0; i < runs; i++)); do
		[ "${KEEP_OUT:-}" ] || rm -rf "$WORK/out"
		[ -z "${PRE:-}" ] || eval "$PRE"
		f="$WORK/time.txt"
		if ! /usr/bin/time -v -o "$f" "$@" >"$WORK/cmd.log" 2>&1; then
			status="failed (exit $(awk -F': ' '/Exit status/ {print $2}' "$f"))"
			tail -5 "$WORK/cmd.log" >&2
		fi
		local wall user sys kb
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(j=1;j<=n;j++) s=s*60+a[j]; print s}' "$f")
		user=$(awk -F': ' '/User time/ {print $2}' "$f")
		sys=$(awk -F': ' '/System time/ {print $2}' "$f")
		kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$f")
		walls+=("$wall")
		cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u+s}')")
		[ "$kb" -gt "$rss" ] && rss=$kb
		echo "bench: $corpus $label run $((i + 1))/$runs: ${wall}s wall, $((kb / 1024)) MB" >&2
	done
	local mw mc
	mw=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	mc=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$label" "$mw" "$mc" "$((rss / 1024))" "$runs" "$target" "$status" >>"$ROWS"
}

# targets from issue 17, per corpus size and row (CPU-bound rows are
# compared in wall time, as the issue states them, on 2 cores).
target() {
	case "$1:$2" in
	612:check) echo "≤ 0.1 s" ;;
	612:pdf,epub) echo "≤ 0.5 s" ;;
	612:all) echo "≤ 5 s, ≤ 300 MB" ;;
	612:changed) echo "≤ 0.7 s" ;;
	612:site) echo "≤ 25 % on top of pdf,epub" ;;
	5000:pdf,epub) echo "≤ 4 s" ;;
	5000:all) echo "≤ 40 s, ≤ 1.5 GB" ;;
	5000:site) echo "≤ 25 % on top of pdf,epub" ;;
	*) echo "—" ;;
	esac
}

# value CORPUS LABEL FIELD: a measured row's field (3 wall, 4 CPU, 5 MB).
value() {
	awk -F'\t' -v c="$1" -v l="$2" -v f="$3" '$1 == c && $2 == l {print $f}' "$ROWS"
}

for n in $SIZES; do
	dir="testdata/corpus-$n"
	if [ ! -f "$dir/book.yaml" ]; then
		echo "bench: generating $dir" >&2
		go run ./tools/corpus -n "$n" -out "$dir"
	fi
	runs=$RUNS
	[ "$n" -ge 2000 ] && runs=$BIG_RUNS
	measure "$n" "recueil check" "$(target "$n" check)" "$CHECK_RUNS" "$BIN" --book "$dir" check
	measure "$n" "recueil compile --only pdf,epub" "$(target "$n" pdf,epub)" "$RUNS" \
		"$BIN" --book "$dir" compile --quiet --only pdf,epub --out "$WORK/out"
	measure "$n" "recueil compile --only pdf,epub,site" "—" "$RUNS" \
		"$BIN" --book "$dir" compile --quiet --only pdf,epub,site --out "$WORK/out"
	measure "$n" "recueil compile (everything, cold)" "$(target "$n" all)" "$runs" \
		"$BIN" --book "$dir" compile --quiet --out "$WORK/out"
	# Again over the previous output: cards come from output/.cache when
	# their inputs did not change (offprints are cut from the book's PDF
	# at every compile).
	KEEP_OUT=1 measure "$n" "recueil compile (everything, again: nothing changed)" "—" "$runs" \
		"$BIN" --book "$dir" compile --quiet --out "$WORK/out"
	if [ "$n" -lt 2000 ]; then
		# One contribution edited before each run, over the previous
		# output: a copy of the corpus, its first contribution given one
		# more sentence each time.
		rm -rf "$WORK/book" && cp -r "$dir" "$WORK/book"
		files=("$WORK/book/contributions/"*.md)
		first=${files[0]}
		# Once unmeasured, so that the output is this copy's (its date,
		# without git, is not the corpus's, and every card depends on it).
		"$BIN" --book "$WORK/book" compile --quiet --out "$WORK/out" >/dev/null 2>&1
		PRE="printf '\nUne phrase de plus, %s.\n' \$RANDOM >>'$first'" KEEP_OUT=1 \
			measure "$n" "recueil compile (everything, after one contribution changed)" "$(target "$n" changed)" "$runs" \
			"$BIN" --book "$WORK/book" compile --quiet --out "$WORK/out"
	fi
	if command -v pandoc >/dev/null; then
		# The same bodies, front matter stripped, one heading per contributor.
		md="$WORK/corpus-$n.md"
		: >"$md"
		for f in "$dir"/contributions/*.md; do
			name=$(sed -n 's/^name: //p' "$f" | head -1)
			printf '# %s\n\n' "$name" >>"$md"
			awk 'NR==1 && /^---$/ {fm=1; next} fm && /^---$/ {fm=0; next} !fm' "$f" >>"$md"
			printf '\n' >>"$md"
		done
		measure "$n" "pandoc -o book.epub (same bodies)" "—" "$PANDOC_RUNS" \
			pandoc -f markdown -t epub3 --metadata title="Corpus $n" --metadata lang=fr -o "$WORK/pandoc.epub" "$md"
	fi
done

# The report.
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
# pct A B: how much A adds to B, in per cent.
pct() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%+.0f %%", (a - b) / b * 100; else print "—"}'; }
{
	echo "Written by \`make bench\` (\`scripts/bench.sh\`) between the markers; notes outside them are kept."
	echo
	echo "- commit: \`$commit\` ($cdate)"
	echo "- machine: $(nproc) CPUs, $cpu, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo)"
	echo "- load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: wall times vary with the load; user+sys CPU time much less)"
	echo "- $(go version | cut -d' ' -f3-)$(command -v pandoc >/dev/null && echo ", $(pandoc --version | head -1)")"
	echo "- corpora: \`go run ./tools/corpus -n N -out testdata/corpus-N\` (seed 1); every compile writes into an emptied temporary folder (cold: no output/.cache) except the \"again\" and \"changed\" rows, which compile over the previous run's output"
	echo "- commands: \`recueil --book testdata/corpus-N check\`, \`recueil --book testdata/corpus-N compile --quiet [--only …] --out TMP\`; \"changed\": a copy of the corpus whose first contribution gets one more sentence before each run; pandoc: the contributions' bodies concatenated (front matter stripped, one heading each), \`pandoc -f markdown -t epub3 -o book.epub\`"
	echo
	echo "| corpus | command | wall (median) | user+sys CPU (median) | peak RSS | runs | target (issue 17) |"
	echo "|---:|---|---:|---:|---:|---:|---|"
	while IFS=$'\t' read -r corpus label wall cpu rss runs tgt status; do
		note=""
		[ "$status" != ok ] && note=" — $status"
		printf '| %s | %s%s | %.2f s | %.2f s | %s MB | %s | %s |\n' "$corpus" "$label" "$note" "$wall" "$cpu" "$rss" "$runs" "$tgt"
	done <"$ROWS"
	for n in $SIZES; do
		pe="recueil compile --only pdf,epub"
		site_cpu=$(pct "$(value "$n" "$pe,site" 4)" "$(value "$n" "$pe" 4)")
		site_wall=$(pct "$(value "$n" "$pe,site" 3)" "$(value "$n" "$pe" 3)")
		printf '| %s | the web edition on top of pdf,epub (cold; its link previews are the wide cards) | %s | %s | — | — | %s |\n' \
			"$n" "$site_wall" "$site_cpu" "$(target "$n" site)"
		if [ -n "$(value "$n" "pandoc -o book.epub (same bodies)" 4)" ]; then
			awk -v p="$(value "$n" "pandoc -o book.epub (same bodies)" 4)" -v r="$(value "$n" "$pe" 4)" -v n="$n" \
				'BEGIN {if (r > 0) printf "| %s | pandoc'"'"'s EPUB alone against recueil'"'"'s PDF + EPUB, CPU | %.1f× | | | | — |\n", n, p / r}'
		fi
	done
	echo
	echo "\"everything\" is the PDF, the EPUB, the three cards of each contributor, the offprints, share.json/share.html and the web edition."
}  >"$WORK/table.md"
# Only the part between the markers is rewritten: notes around it stay.
begin='<!-- bench:begin -->' end='<!-- bench:end -->'
if [ -f "$OUT" ] && grep -q "$begin" "$OUT" && grep -q "$end" "$OUT"; then
	awk -v b="$begin" -v e="$end" -v t="$WORK/table.md" '
		$0 == b {print; while ((getline l < t) > 0) print l; skip=1; next}
		$0 == e {skip=0}
		!skip' "$OUT" >"$WORK/new.md"
	mv "$WORK/new.md" "$OUT"
else
	{ echo "$begin"; cat "$WORK/table.md"; echo "$end"; } >"$OUT"
fi
echo "bench: wrote $OUT" >&2
cat "$WORK/table.md"
