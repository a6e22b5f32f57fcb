#!/usr/bin/env bash
# make typeset-report: compare recueil's PDF with TeX's (pandoc + xelatex)
# on the same text, page size, margins, font, size and leading, measured
# from the PDFs with poppler (tools/typesetreport). Writes
# docs/typesetting.md.
#
#   scripts/typeset-report.sh                  # sample book + 612 corpus
#   BOOKS=". " scripts/typeset-report.sh       # the sample book only
#   REV=HEAD scripts/typeset-report.sh         # measure a commit, not the working tree
#
# TeX is needed only here: the script installs it with apt when it is
# missing (never in CI, never for the build).
set -euo pipefail

cd "$(dirname "$0")/.."
BOOKS=${BOOKS:-". testdata/corpus-612"}
OUT=${OUT:-docs/typesetting.md}
WORK=$(mktemp -d /tmp/recueil-typeset.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

need=()
command -v xelatex >/dev/null || need+=(texlive-xetex texlive-lang-french texlive-fonts-recommended)
command -v pandoc >/dev/null || need+=(pandoc)
fc-list | grep -q "Liberation Serif" || need+=(fonts-liberation2)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
if [ ${#need[@]} -gt 0 ]; then
	echo "typeset-report: installing ${need[*]} (for this comparison only)" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
kpsewhich hyph-fr.tex >/dev/null || { echo "typeset-report: French hyphenation patterns missing: apt-get install texlive-lang-french" >&2; exit 1; }

if [ -n "${REV:-}" ]; then
	mkdir "$WORK/src"
	git archive "$REV" | tar -x -C "$WORK/src"
	(cd "$WORK/src" && go build -o "$WORK/recueil" ./cmd/recueil)
	commit=$(git rev-parse --short "$REV")
else
	go build -o "$WORK/recueil" ./cmd/recueil
	commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' + uncommitted changes')"
fi
go build -o "$WORK/typesetreport" ./tools/typesetreport
[ -f testdata/corpus-612/book.yaml ] || go run ./tools/corpus -n 612 -out testdata/corpus-612

# book.yaml's page settings, read from the sample book (the corpus copies
# them): A5, margins top 18, bottom 20, inner 18, outer 15 mm, 10.5 pt.
# recueil's points are PDF points (1/72 in), TeX's are 1/72.27 in: 10.5 PDF
# points are 10.539 TeX points. KOMA takes that size only as
# fontsize=10.539pt (a bare "10.5pt" class option is ignored and gives
# 10.95 pt). recueil sets a 13.86 pt leading; KOMA's baselineskip at that
# size is 12.60 pt, hence \linespread{1.1001}. Check with
#   qpdf --qdf TEX.pdf - | grep -a ' Tf'     (10.4996 Tf)
# and the baseline distance in pdftotext -bbox-layout (13.86).
PANDOC_OPTS=(
	--pdf-engine=xelatex
	-V documentclass=scrartcl -V classoption=fontsize=10.539pt -V classoption=twoside
	-V papersize=a5 -V geometry:top=18mm,bottom=20mm,inner=18mm,outer=15mm
	-V mainfont="Liberation Serif" -V lang=fr -V indent=true
	-V microtypeoptions=protrusion=false
	-V header-includes='\linespread{1.1001}'
)

reports=()
for dir in $BOOKS; do
	name=$(basename "$(cd "$dir" && pwd)")
	[ "$dir" = . ] && name=sample
	echo "typeset-report: $name: recueil" >&2
	/usr/bin/time -f "%e s wall, %U+%S s CPU" -o "$WORK/$name-recueil.time" \
		"$WORK/recueil" --book "$dir" compile --quiet --only pdf --out "$WORK/$name-out" >&2
	pdf=$(ls "$WORK/$name-out"/*.pdf)

	# The same text for TeX: every contribution's body in book order, the
	# front matter stripped, each on a new page under the contributor's name.
	md="$WORK/$name.md"
	printf -- '---\ntitle: ""\n---\n' >"$md"
	"$WORK/recueil" --book "$dir" list | awk 'NR>1 {for (i=1;i<=NF;i++) if ($i ~ /^contributions\/.*\.md$/) print $i}' >"$WORK/$name.order"
	while read -r f; do
		who=$(sed -n 's/^name: *//p' "$dir/$f" | head -1 | sed 's/^"\(.*\)"$/\1/')
		printf '\n\\newpage\n\n# %s\n\n' "$who" >>"$md"
		awk 'NR==1 && /^---$/ {fm=1; next} fm && /^---$/ {fm=0; next} !fm' "$dir/$f" >>"$md"
	done <"$WORK/$name.order"
	echo "typeset-report: $name: pandoc + xelatex ($(wc -l <"$WORK/$name.order") contributions)" >&2
	/usr/bin/time -f "%e s wall, %U+%S s CPU" -o "$WORK/$name-tex.time" \
		pandoc -f markdown -o "$WORK/$name-tex.pdf" "${PANDOC_OPTS[@]}" "$md" >&2

	# The comparison is only fair at the same size: check the body font
	# TeX actually used (the most frequent Tf operand) against book.yaml's.
	texsize=$(qpdf --qdf --object-streams=disable "$WORK/$name-tex.pdf" - | grep -a -o '[0-9.]* Tf' | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
	awk -v s="$texsize" 'BEGIN {exit !(s > 10.49 && s < 10.51)}' || {
		echo "typeset-report: TeX set the body at $texsize pt, not 10.5: the comparison would be unfair" >&2
		exit 1
	}

	# TeX again on the text as recueil corrects it (check --fix: French
	# spaces, apostrophes), to compare the line breaking alone.
	fixed="$WORK/$name-fixed"
	mkdir -p "$fixed"
	cp -r "$dir/book.yaml" "$dir/contributions" "$fixed/"
	[ -d "$dir/editorial" ] && cp -r "$dir/editorial" "$fixed/"
	"$WORK/recueil" --book "$fixed" check --fix >/dev/null 2>&1 || true
	fmd="$WORK/$name-fixed.md"
	printf -- '---\ntitle: ""\n---\n' >"$fmd"
	while read -r f; do
		who=$(sed -n 's/^name: *//p' "$fixed/$f" | head -1 | sed 's/^"\(.*\)"$/\1/')
		printf '\n\\newpage\n\n# %s\n\n' "$who" >>"$fmd"
		awk 'NR==1 && /^---$/ {fm=1; next} fm && /^---$/ {fm=0; next} !fm' "$fixed/$f" >>"$fmd"
	done <"$WORK/$name.order"
	fixes=$(diff "$md" "$fmd" | grep -c '^>' || true)
	echo "typeset-report: $name: pandoc + xelatex on the text fixed by recueil check --fix ($fixes lines changed)" >&2
	pandoc -f markdown -o "$WORK/$name-texfixed.pdf" "${PANDOC_OPTS[@]}" "$fmd" >&2
	echo "$fixes" >"$WORK/$name-fixes"

	"$WORK/typesetreport" -json -label "$name: TeX, fixed text" "$WORK/$name-texfixed.pdf" >"$WORK/$name-texfixed.json"
	"$WORK/typesetreport" -label "$name: TeX on the text fixed by recueil check --fix" "$WORK/$name-texfixed.pdf" >"$WORK/$name-texfixed.md"
	"$WORK/typesetreport" -json -label "$name: recueil" "$pdf" >"$WORK/$name-recueil.json"
	"$WORK/typesetreport" -json -label "$name: TeX" "$WORK/$name-tex.pdf" >"$WORK/$name-tex.json"
	"$WORK/typesetreport" -label "$name: recueil" "$pdf" >"$WORK/$name-recueil.md"
	"$WORK/typesetreport" -label "$name: TeX (pandoc + xelatex)" "$WORK/$name-tex.pdf" >"$WORK/$name-tex.md"
	reports+=("$WORK/$name-recueil.json" "$WORK/$name-tex.json" "$WORK/$name-texfixed.json")
	if [ -n "${KEEP:-}" ]; then
		mkdir -p "$KEEP"
		cp "$pdf" "$KEEP/$name-recueil.pdf"
		cp "$WORK/$name-tex.pdf" "$WORK/$name.md" "$KEEP/"
	fi
done

{
	echo "Written by \`make typeset-report\` (\`scripts/typeset-report.sh\`) between the markers; notes outside them are kept."
	echo
	echo "- recueil at \`$commit\`; $(xelatex --version | head -1); $(pandoc --version | head -1); $(pdftotext -v 2>&1 | head -1)"
	echo "- TeX gets each contribution's Markdown body in book order, front matter stripped, on a new page"
	echo "  under the contributor's name: \`pandoc -f markdown ${PANDOC_OPTS[*]}\`"
	echo "  (KOMA \`scrartcl\` at 10.539 TeX points, i.e. 10.5 PDF points like recueil, on the same 13.86 pt leading; polyglossia French: hyphenation with hyph-fr, French spacing;"
	echo "  microtype's protrusion is off so that no line leaves the measure by design)."
	echo "- \"TeX, fixed text\": the same, after \`recueil check --fix\` on a copy of the book (French spaces"
	echo "  made non-breaking, apostrophes), so that TeX gets what recueil typesets ($(for dir in $BOOKS; do n=$(basename "$(cd "$dir" && pwd)"); [ "$dir" = . ] && n=sample; printf '%s: %s Markdown lines changed; ' "$n" "$(cat "$WORK/$n-fixes")"; done | sed 's/; $//'))."
	echo "- recueil: \`recueil compile --only pdf\`, its PDF also holds the cover, title and copyright pages,"
	echo "  the table of contents, the introduction, contributor openings and the index."
	echo "- measured by \`go run ./tools/typesetreport FILE.pdf\` on body lines (the dominant line height): see"
	echo "  \`tools/typesetreport/measure.go\` for each definition. Spread: each justified line's mean"
	echo "  inter-word gap (French fixed spaces left out) divided by the document's median gap."
	echo
	"$WORK/typesetreport" -table "${reports[@]}"
	echo
	for dir in $BOOKS; do
		name=$(basename "$(cd "$dir" && pwd)")
		[ "$dir" = . ] && name=sample
		echo "Time to build the PDF ($name): recueil $(cat "$WORK/$name-recueil.time"), TeX $(cat "$WORK/$name-tex.time")."
		echo
	done
	echo "## Details"
	echo
	for dir in $BOOKS; do
		name=$(basename "$(cd "$dir" && pwd)")
		[ "$dir" = . ] && name=sample
		sed 's/^## /### /' "$WORK/$name-recueil.md"
		sed 's/^## /### /' "$WORK/$name-tex.md"
		sed 's/^## /### /' "$WORK/$name-texfixed.md"
	done
} >"$WORK/report.md"
# Only the part between the markers is rewritten: notes around it stay.
begin='<!-- typeset-report:begin -->' end='<!-- typeset-report:end -->'
if [ -f "$OUT" ] && grep -q "$begin" "$OUT" && grep -q "$end" "$OUT"; then
	awk -v b="$begin" -v e="$end" -v t="$WORK/report.md" '
		$0 == b {print; while ((getline l < t) > 0) print l; skip=1; next}
		$0 == e {skip=0}
		!skip' "$OUT" >"$WORK/new.md"
	mv "$WORK/new.md" "$OUT"
else
	{ echo "# Typesetting: recueil and TeX on the same text"; echo; echo "$begin"; cat "$WORK/report.md"; echo "$end"; } >"$OUT"
fi
echo "typeset-report: wrote $OUT" >&2
