package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word, Line and Page are what pdftotext -bbox-layout gives, in points,
// y downwards.
type Word struct {
	XMin, YMin, XMax, YMax float64
	Text                   string
}

// Line is a line of words in reading order.
type Line struct {
	XMin, YMin, XMax, YMax float64
	Words                  []Word
}

// Text is the line's words joined by spaces.
func (l Line) Text() string {
	ws := make([]string, len(l.Words))
	for i, w := range l.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}

// Page is one page's lines, in reading order.
type Page struct {
	Width, Height float64
	Lines         []Line
}

// Doc is a whole PDF.
type Doc struct{ Pages []Page }

type xmlDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Flows  []struct {
			Blocks []struct {
				Lines []struct {
					XMin  float64 `xml:"xMin,attr"`
					YMin  float64 `xml:"yMin,attr"`
					XMax  float64 `xml:"xMax,attr"`
					YMax  float64 `xml:"yMax,attr"`
					Words []struct {
						XMin float64 `xml:"xMin,attr"`
						YMin float64 `xml:"yMin,attr"`
						XMax float64 `xml:"xMax,attr"`
						YMax float64 `xml:"yMax,attr"`
						Text string  `xml:",chardata"`
					} `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

// Parse reads the XHTML that pdftotext -bbox-layout writes.
func Parse(data []byte) (*Doc, error) {
	var x xmlDoc
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&x); err != nil {
		return nil, fmt.Errorf("reading pdftotext output: %w", err)
	}
	doc := &Doc{}
	for _, xp := range x.Pages {
		p := Page{Width: xp.Width, Height: xp.Height}
		for _, f := range xp.Flows {
			for _, b := range f.Blocks {
				for _, xl := range b.Lines {
					l := Line{XMin: xl.XMin, YMin: xl.YMin, XMax: xl.XMax, YMax: xl.YMax}
					for _, w := range xl.Words {
						l.Words = append(l.Words, Word{w.XMin, w.YMin, w.XMax, w.YMax, w.Text})
					}
					if len(l.Words) > 0 {
						p.Lines = append(p.Lines, l)
					}
				}
			}
		}
		doc.Pages = append(doc.Pages, p)
	}
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("no page in the pdftotext output")
	}
	return doc, nil
}

// Range limits the measure to pages First..Last (1-based, 0 = no limit).
type Range struct{ First, Last int }

// Example is one offending line.
type Example struct {
	Page int    `json:"page"`
	Text string `json:"text"`
}

// Report holds the figures. Every count is over body lines: lines of the
// document's dominant line height.
type Report struct {
	Label         string  `json:"label"`
	Pages         int     `json:"pages"`
	PagesMeasured int     `json:"pages_measured"`
	BodyLines     int     `json:"body_lines"`
	BodyHeight    float64 `json:"body_line_height_pt"`
	// Measure: the text block's left and right edges, found per page
	// parity as the most frequent edges of body lines.
	Measure [2][2]float64 `json:"measure_pt"` // [even|odd page][left, right]
	// OutOfMeasure: lines whose right edge is beyond the right edge of the
	// text block plus 0.5 pt.
	OutOfMeasure int       `json:"out_of_measure"`
	OutExamples  []Example `json:"out_of_measure_examples,omitempty"`
	// BadStarts: lines starting with ; : ! ? »; BadEnds: lines ending with «.
	BadStarts     int       `json:"bad_line_starts"`
	BadEnds       int       `json:"bad_line_ends"`
	BadExamples   []Example `json:"bad_start_end_examples,omitempty"`
	HyphenLines   int       `json:"lines_ending_with_hyphen"`
	HyphenRuns3   int       `json:"runs_of_3_or_more_hyphens"`
	LongestRun    int       `json:"longest_hyphen_run"`
	HyphenExample []Example `json:"hyphen_run_examples,omitempty"`
	// Justified: lines reaching the right edge of the text block (so not
	// the last line of a paragraph), with at least one inter-word space.
	Justified int `json:"justified_lines"`
	// Uneven: lines at the measure whose spaces differ by more than 2.5×
	// (tables of contents, index entries with leaders): not justified text,
	// left out of the spread.
	Uneven    int     `json:"uneven_lines_skipped"`
	MedianGap float64 `json:"median_gap_pt"`
	// Spread: each justified line's mean inter-word gap divided by the
	// document's median gap.
	SpreadP5  float64   `json:"spread_p5"`
	SpreadMin float64   `json:"spread_min"`
	SpreadP95 float64   `json:"spread_p95"`
	SpreadMax float64   `json:"spread_max"`
	Loosest   []Example `json:"loosest_lines,omitempty"`
	// Widows: a paragraph's last line alone at the top of a page; orphans:
	// its first line alone at the bottom. Approximated from indentation
	// (the paragraph indent) and line lengths.
	Widows         int       `json:"widows"`
	Orphans        int       `json:"orphans"`
	WidowExamples  []Example `json:"widow_orphan_examples,omitempty"`
	IndentDetected float64   `json:"paragraph_indent_pt"`
	// Page faults (issue 14): a page of running text whose last body line
	// ends with a hyphen, continued on the next page; a paragraph's last
	// line (short of the measure, under a line at the measure) of fewer
	// than 5 letters or digits; a page of one to three body lines after a
	// page of running text (a text's short last page).
	HyphenTurns    int       `json:"hyphen_page_turns"`
	ShortLastLines int       `json:"short_last_lines"`
	ShortPages     int       `json:"short_last_pages"`
	FaultExamples  []Example `json:"page_fault_examples,omitempty"`
}

const maxExamples = 5

func add(xs []Example, page int, l Line) []Example {
	if len(xs) >= maxExamples {
		return xs
	}
	return append(xs, Example{Page: page, Text: l.Text()})
}

// mode returns the most frequent value of xs rounded to step (ties: the
// smallest value).
func mode(xs []float64, step float64) float64 {
	count := map[int64]int{}
	for _, x := range xs {
		count[int64(math.Round(x/step))]++
	}
	best, bestN := int64(0), 0
	keys := make([]int64, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		if count[k] > bestN {
			best, bestN = k, count[k]
		}
	}
	return float64(best) * step
}

// quantile of sorted xs, nearest rank.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	if i < 0 {
		i = 0
	}
	return sorted[i]
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// fixedSpace reports whether the gap between a and b is one of French
// typography's fixed spaces (before ; : ! ? », after «), not a justified one.
func fixedSpace(a, b string) bool {
	return strings.ContainsRune(";:!?»", firstRune(b)) && utf8.RuneCountInString(b) <= 2 || lastRune(a) == '«'
}

type bodyLine struct {
	page int // index into doc.Pages
	Line
}

// Measure computes the report over the pages of r.
func Measure(doc *Doc, r Range) Report {
	rep := Report{Pages: len(doc.Pages)}
	first, last := 0, len(doc.Pages)-1
	if r.First > 0 {
		first = r.First - 1
	}
	if r.Last > 0 && r.Last-1 < last {
		last = r.Last - 1
	}
	var heights []float64
	for p := first; p <= last; p++ {
		for _, l := range doc.Pages[p].Lines {
			heights = append(heights, l.YMax-l.YMin)
		}
	}
	if first > last || len(heights) == 0 {
		return rep
	}
	rep.PagesMeasured = last - first + 1
	rep.BodyHeight = mode(heights, 0.1)
	var body []bodyLine
	var lefts, rights [2][]float64
	for p := first; p <= last; p++ {
		for _, l := range doc.Pages[p].Lines {
			if math.Abs(l.YMax-l.YMin-rep.BodyHeight) > 0.6 {
				continue
			}
			body = append(body, bodyLine{p, l})
			if len(l.Words) >= 3 {
				lefts[p%2] = append(lefts[p%2], l.XMin)
				rights[p%2] = append(rights[p%2], l.XMax)
			}
		}
	}
	rep.BodyLines = len(body)
	for par := 0; par < 2; par++ {
		if len(rights[par]) == 0 { // a one-page range: borrow the other parity
			lefts[par], rights[par] = lefts[1-par], rights[1-par]
		}
		rep.Measure[par] = [2]float64{mode(lefts[par], 0.25), mode(rights[par], 0.25)}
	}
	left := func(b bodyLine) float64 { return rep.Measure[b.page%2][0] }
	right := func(b bodyLine) float64 { return rep.Measure[b.page%2][1] }
	atMeasure := func(b bodyLine) bool { return math.Abs(b.XMax-right(b)) <= 0.75 }

	var gaps, means []float64
	type loose struct {
		mean float64
		ex   Example
	}
	var looseLines []loose
	run := 0
	var runStart bodyLine
	for i, b := range body {
		pageNo := b.page + 1
		if b.XMax > right(b)+0.5 {
			rep.OutOfMeasure++
			rep.OutExamples = add(rep.OutExamples, pageNo, b.Line)
		}
		ws := b.Words
		if strings.ContainsRune(";:!?»", firstRune(ws[0].Text)) {
			rep.BadStarts++
			rep.BadExamples = add(rep.BadExamples, pageNo, b.Line)
		}
		if lastRune(ws[len(ws)-1].Text) == '«' {
			rep.BadEnds++
			rep.BadExamples = add(rep.BadExamples, pageNo, b.Line)
		}
		if e := lastRune(ws[len(ws)-1].Text); e == '-' || e == '\u2010' || e == '\u00ad' {
			rep.HyphenLines++
			if run == 0 {
				runStart = b
			}
			run++
			if run == 3 {
				rep.HyphenRuns3++
				rep.HyphenExample = add(rep.HyphenExample, runStart.page+1, runStart.Line)
			}
			if run > rep.LongestRun {
				rep.LongestRun = run
			}
		} else {
			run = 0
		}
		_ = i
		// The spread: lines at the measure, starting at the left edge or
		// at a paragraph indent (not centred or right-aligned text).
		if !atMeasure(b) || b.XMin < left(b)-0.75 || b.XMin > left(b)+40 {
			continue
		}
		var lg []float64
		for j := 1; j < len(ws); j++ {
			g := ws[j].XMin - ws[j-1].XMax
			if g < 0.5 || fixedSpace(ws[j-1].Text, ws[j].Text) {
				continue
			}
			lg = append(lg, g)
		}
		if len(lg) == 0 {
			continue
		}
		mn, mx, sum := lg[0], lg[0], 0.0
		for _, g := range lg {
			mn, mx, sum = math.Min(mn, g), math.Max(mx, g), sum+g
		}
		if mx > 2.5*mn && mx-mn > 2 {
			rep.Uneven++
			continue
		}
		rep.Justified++
		gaps = append(gaps, lg...)
		m := sum / float64(len(lg))
		means = append(means, m)
		looseLines = append(looseLines, loose{m, Example{pageNo, b.Text()}})
	}
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		rep.MedianGap = quantile(gaps, 0.5)
		ratios := make([]float64, len(means))
		for i, m := range means {
			ratios[i] = m / rep.MedianGap
		}
		sort.Float64s(ratios)
		round := func(x float64) float64 { return math.Round(x*100) / 100 }
		rep.SpreadMin, rep.SpreadP5 = round(ratios[0]), round(quantile(ratios, 0.05))
		rep.SpreadP95, rep.SpreadMax = round(quantile(ratios, 0.95)), round(ratios[len(ratios)-1])
		rep.MedianGap = math.Round(rep.MedianGap*1000) / 1000
		sort.SliceStable(looseLines, func(i, j int) bool { return looseLines[i].mean > looseLines[j].mean })
		for i := 0; i < len(looseLines) && i < 3; i++ {
			rep.Loosest = append(rep.Loosest, looseLines[i].ex)
		}
	}
	widowsOrphans(&rep, body, left, atMeasure)
	pageFaults(&rep, body, atMeasure)
	return rep
}

// pageFaults counts the page faults of issue 14 over body lines.
func pageFaults(rep *Report, body []bodyLine, atMeasure func(bodyLine) bool) {
	letters := func(l Line) int {
		n := 0
		for _, w := range l.Words {
			for _, r := range w.Text {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					n++
				}
			}
		}
		return n
	}
	perPage := map[int]int{}
	for _, b := range body {
		perPage[b.page]++
	}
	for i, b := range body {
		last := i+1 == len(body) || body[i+1].page != b.page
		if last && i+1 < len(body) && body[i+1].page == b.page+1 && atMeasure(b) {
			if e := lastRune(b.Words[len(b.Words)-1].Text); e == '-' || e == '\u2010' || e == '\u00ad' {
				rep.HyphenTurns++
				rep.FaultExamples = add(rep.FaultExamples, b.page+1, b.Line)
			}
		}
		if i > 0 && !atMeasure(b) && atMeasure(body[i-1]) && body[i-1].page >= b.page-1 && letters(b.Line) < 5 {
			rep.ShortLastLines++
			rep.FaultExamples = add(rep.FaultExamples, b.page+1, b.Line)
		}
		first := i == 0 || body[i-1].page != b.page
		if first && perPage[b.page] >= 1 && perPage[b.page] <= 3 && i > 0 && body[i-1].page == b.page-1 &&
			perPage[b.page-1] >= 10 && atMeasure(body[i-1]) {
			rep.ShortPages++
			rep.FaultExamples = add(rep.FaultExamples, b.page+1, b.Line)
		}
	}
}

// widowsOrphans finds paragraphs that leave a single line alone at the top
// (widow) or the bottom (orphan) of a page. A paragraph starts with the
// document's paragraph indent; it ends on a line short of the measure.
func widowsOrphans(rep *Report, body []bodyLine, left func(bodyLine) float64, atMeasure func(bodyLine) bool) {
	var indents []float64
	for _, b := range body {
		if d := b.XMin - left(b); d > 3 && d < 40 {
			indents = append(indents, d)
		}
	}
	if len(indents) == 0 {
		return
	}
	indent := mode(indents, 0.25)
	rep.IndentDetected = indent
	starts := func(b bodyLine) bool { return math.Abs(b.XMin-left(b)-indent) <= 1 }
	flush := func(b bodyLine) bool { return math.Abs(b.XMin-left(b)) <= 0.75 }
	// Group body lines by page; only pages of running text count.
	type span struct{ from, to int } // body[from:to]
	var pages []span
	for i := 0; i < len(body); {
		j := i
		for j < len(body) && body[j].page == body[i].page {
			j++
		}
		pages = append(pages, span{i, j})
		i = j
	}
	text := func(s span) bool {
		n, at := s.to-s.from, 0
		for _, b := range body[s.from:s.to] {
			if atMeasure(b) {
				at++
			}
		}
		return n >= 6 && at*2 >= n
	}
	for k := 1; k < len(pages); k++ {
		prev, cur := pages[k-1], pages[k]
		if cur.from >= cur.to || prev.from >= prev.to || body[cur.from].page != body[prev.from].page+1 || !text(prev) || !text(cur) {
			continue
		}
		lastPrev, firstCur := body[prev.to-1], body[cur.from]
		// Widow: the page opens on a paragraph's last line, continued from
		// the page before.
		if atMeasure(lastPrev) && flush(firstCur) && firstCur.XMax < rep.Measure[firstCur.page%2][1]-0.75 {
			rep.Widows++
			rep.WidowExamples = add(rep.WidowExamples, firstCur.page+1, firstCur.Line)
		}
		// Orphan: the page closes on a paragraph's first line, continued on
		// the next page.
		if starts(lastPrev) && atMeasure(lastPrev) && flush(firstCur) {
			rep.Orphans++
			rep.WidowExamples = add(rep.WidowExamples, lastPrev.page+1, lastPrev.Line)
		}
	}
}

// Markdown is a short summary of the report.
func (r Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", r.Label)
	fmt.Fprintf(&b, "| measure | value |\n|---|---:|\n")
	row := func(k string, v any) { fmt.Fprintf(&b, "| %s | %v |\n", k, v) }
	row("pages (measured)", fmt.Sprintf("%d (%d)", r.Pages, r.PagesMeasured))
	row("body lines", r.BodyLines)
	row("lines out of the measure (> 0.5 pt)", r.OutOfMeasure)
	row("lines starting with ; : ! ? »", r.BadStarts)
	row("lines ending with «", r.BadEnds)
	row("lines ending with a hyphen", r.HyphenLines)
	row("runs of 3+ hyphenated lines (longest)", fmt.Sprintf("%d (%d)", r.HyphenRuns3, r.LongestRun))
	row("justified lines measured", r.Justified)
	row("median inter-word gap", fmt.Sprintf("%.2f pt", r.MedianGap))
	row("spread p95 / max", fmt.Sprintf("%.2f / %.2f", r.SpreadP95, r.SpreadMax))
	row("spread p5 / min", fmt.Sprintf("%.2f / %.2f", r.SpreadP5, r.SpreadMin))
	row("widows / orphans", fmt.Sprintf("%d / %d", r.Widows, r.Orphans))
	row("hyphenated words across a page turn", r.HyphenTurns)
	row("last lines of fewer than 5 letters", r.ShortLastLines)
	row("short last pages (1–3 lines)", r.ShortPages)
	b.WriteString("\n")
	ex := func(title string, xs []Example) {
		if len(xs) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s:\n\n", title)
		for _, x := range xs {
			fmt.Fprintf(&b, "- p. %d: `%s`\n", x.Page, strings.ReplaceAll(x.Text, "`", "'"))
		}
		b.WriteString("\n")
	}
	ex("Out of the measure", r.OutExamples)
	ex("Bad line starts or ends", r.BadExamples)
	ex("Hyphen runs (first line)", r.HyphenExample)
	ex("Loosest justified lines", r.Loosest)
	ex("Widows and orphans", r.WidowExamples)
	ex("Page faults", r.FaultExamples)
	return b.String()
}

// Table sets reports side by side, one column each.
func Table(reps []Report) string {
	var b strings.Builder
	b.WriteString("| measure |")
	for _, r := range reps {
		fmt.Fprintf(&b, " %s |", r.Label)
	}
	b.WriteString("\n|---|")
	for range reps {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	rows := []struct {
		name string
		f    func(Report) string
	}{
		{"pages", func(r Report) string { return fmt.Sprint(r.Pages) }},
		{"body lines", func(r Report) string { return fmt.Sprint(r.BodyLines) }},
		{"lines out of the measure", func(r Report) string { return fmt.Sprint(r.OutOfMeasure) }},
		{"lines starting with ; : ! ? »", func(r Report) string { return fmt.Sprint(r.BadStarts) }},
		{"lines ending with «", func(r Report) string { return fmt.Sprint(r.BadEnds) }},
		{"lines ending with a hyphen", func(r Report) string { return fmt.Sprint(r.HyphenLines) }},
		{"runs of 3+ hyphenated lines", func(r Report) string { return fmt.Sprint(r.HyphenRuns3) }},
		{"longest hyphen run", func(r Report) string { return fmt.Sprint(r.LongestRun) }},
		{"justified lines measured", func(r Report) string { return fmt.Sprint(r.Justified) }},
		{"median inter-word gap (pt)", func(r Report) string { return fmt.Sprintf("%.2f", r.MedianGap) }},
		{"**spread p95**", func(r Report) string { return fmt.Sprintf("**%.2f**", r.SpreadP95) }},
		{"**spread max**", func(r Report) string { return fmt.Sprintf("**%.2f**", r.SpreadMax) }},
		{"spread p5", func(r Report) string { return fmt.Sprintf("%.2f", r.SpreadP5) }},
		{"spread min", func(r Report) string { return fmt.Sprintf("%.2f", r.SpreadMin) }},
		{"widows", func(r Report) string { return fmt.Sprint(r.Widows) }},
		{"orphans", func(r Report) string { return fmt.Sprint(r.Orphans) }},
		{"hyphenated words across a page turn", func(r Report) string { return fmt.Sprint(r.HyphenTurns) }},
		{"last lines of fewer than 5 letters", func(r Report) string { return fmt.Sprint(r.ShortLastLines) }},
		{"short last pages (1–3 lines)", func(r Report) string { return fmt.Sprint(r.ShortPages) }},
	}
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s |", row.name)
		for _, r := range reps {
			fmt.Fprintf(&b, " %s |", row.f(r))
		}
		b.WriteString("\n")
	}
	return b.String()
}
