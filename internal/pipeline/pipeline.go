// Package pipeline is the orchestrator: it alone knows the order of the
// stages (load, check, order, typeset, write) and writes the artifacts
// atomically into the output folder.
package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cards"
	"github.com/recueil/recueil/internal/check"
	"github.com/recueil/recueil/internal/epub"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/pdf"
	"github.com/recueil/recueil/internal/share"
	"github.com/recueil/recueil/internal/site"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typo"
	"github.com/recueil/recueil/internal/work"
	"github.com/recueil/recueil/layout"
)

// Outputs that compile can be restricted to with --only.
var Outputs = []string{"pdf", "epub", "cards", "extracts", "site"}

// Options are the inputs of a run.
type Options struct {
	Root   string              // the book folder
	Out    string              // the output folder; default Root/output
	Only   []string            // subset of Outputs; empty means all
	Strict bool                // warnings count as errors
	Env    func(string) string // environment lookup; nil means none
	Jobs   int                 // parallelism; <= 0 means 1
	// Files, when set, are the book-relative files Check reports on: the
	// whole book is still checked, so that a name, handle or file name
	// colliding with another contributor's is found.
	Files map[string]bool
	// MsgLang is the language of the findings' messages, fr or en; ""
	// means the book's.
	MsgLang string
	// Draft marks the book as a draft (compile --draft): the locale's
	// Draft word (ÉPREUVE, DRAFT) on every page of the PDF, and a banner on
	// every page of the site.
	Draft bool
	// Context, when set, stops the run's workers when it is done (the
	// CLI's Ctrl-C): the output is then left as it was.
	Context context.Context
	// Progress, when set, is told of each stage as it starts.
	Progress func(stage string)
	// fs is what the output is committed through; nil is the real one.
	fs commitFS
	// hook, when set, is called as each contribution's offprint is made
	// (tests make it panic).
	hook func(stage, file string)
}

// ErrFindings is returned when the contributions have errors (or warnings
// with Strict): nothing was written.
var ErrFindings = errors.New("the book has errors: nothing was written")

// UsageError is a problem with how recueil was called (an option's value,
// an output folder that cannot be used): the CLI maps it to its usage exit
// code with errors.As, whatever the message says.
// Its message is English; French holds it in French, for a book in French.
type UsageError struct {
	Err    error
	French string
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// InFrench is the error said in French, "" when it has no French text.
func (e *UsageError) InFrench() string { return e.French }

// usageErrorf is a UsageError said in French (fr) and in English (en),
// with the same arguments.
func usageErrorf(fr, en string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(en, args...), French: fmt.Sprintf(fr, args...)}
}

// usageWrap is usageErrorf for messages that wrap an error (%w).
func usageWrap(fr, en string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(en, args...), French: fmt.Errorf(fr, args...).Error()}
}

// ErrBookConfig is returned when book.yaml itself has errors.
var ErrBookConfig = errors.New("book.yaml has errors")

// Result is what a run produced.
type Result struct {
	Book  *book.Book
	Diags book.Diagnostics
	Files []string            // artifacts written, relative to Out
	Pages []typeset.PageRange // where each published contribution is, when typeset
	// Rendered counts the cards drawn by this run, the others coming from
	// the cache, and the offprints drawn rather than cut out of the book's
	// PDF (0 unless cutting failed: see pdf.Cutter).
	Rendered struct{ Cards, Offprints int }
	// Cut counts the offprints cut by this run, the others coming from
	// the cache (their pages, fonts and colophon unchanged).
	Cut     int
	typeset *typeset.Result
	// memo is the typography of each text, set once by the typesetter
	// for the EPUB and the site.
	memo    *typo.Memo
	bookPDF []byte
}

func (o Options) out() string {
	if o.Out != "" {
		return o.Out
	}
	return filepath.Join(o.Root, "output")
}

func (o Options) progress(s string) {
	if o.Progress != nil {
		o.Progress(s)
	}
}

// Check loads the book, checks it and puts it in book order. Its findings
// are every finding of check, typography included (compile sees the same
// as check), about o.Files and book.yaml when o.Files is set.
func Check(o Options) (*book.Book, book.Diagnostics, error) {
	o.progress("load")
	b, diags, err := load.Load(load.Options{Root: o.Root, Env: o.Env, Jobs: o.Jobs, Glyphs: textGlyphs, FontCheck: pdf.ProbeFont, Context: o.Context})
	if err != nil {
		return nil, nil, err
	}
	o.progress("check")
	diags = append(diags, check.Book(b)...)
	diags = append(diags, o.typography(b, o.scope(b))...)
	if o.Files != nil {
		keep := map[string]bool{"book.yaml": true}
		for f := range o.Files {
			keep[f] = true
		}
		// Collisions are reported on both files, so the named files
		// still learn that their handle or name is taken.
		diags = diags.ForFiles(keep)
	}
	b.Sort()
	diags.Sort()
	return b, diags.In(o.msgLang(b)), nil
}

// textGlyphs is what the book's text face can print. A font that cannot be
// loaded is reported by the typesetter; here it means no glyph check.
func textGlyphs(b *book.Book) func(rune) bool {
	set, err := fonts.LoadFS(b.Files(), b.Fonts.Serif, b.Fonts.Sans)
	if err != nil {
		return nil
	}
	has := set.Face(fonts.Serif).Has
	if e, err := fonts.Emoji(); err == nil && b.KeepEmoji() {
		// emoji: keep: the emoji the bundled font draws are no finding
		return func(r rune) bool { return has(r) || e.Has(r) }
	}
	return has
}

// Failed reports whether the findings stop a build, and why.
func Failed(diags book.Diagnostics, strict bool) error {
	for _, d := range diags {
		if d.Severity == book.Error && d.File == "book.yaml" {
			return ErrBookConfig
		}
	}
	if diags.HasErrors() || (strict && diags.Count(book.Warning) > 0) {
		return ErrFindings
	}
	return nil
}

// owns reports whether rel, an artifact of an earlier run, is one this
// run remakes (or drops): everything but the previews for a whole compile,
// only the chosen kinds' files with --only. The others are carried over.
func (o Options) owns(rel string) bool {
	switch (book.Artifacts{}).Kind(rel) {
	case "preview":
		return false
	case "pdf", "epub", "cards", "extracts", "site":
		return len(o.Only) == 0 || o.want((book.Artifacts{}).Kind(rel))
	case "print":
		return len(o.Only) == 0 || o.want("pdf")
	case "share":
		return len(o.Only) == 0 || o.want("cards") || o.want("extracts")
	}
	return len(o.Only) == 0
}

// outputError keeps a usage error as it is, and says that others are the
// output folder's.
func outputError(err error) error {
	var ue *UsageError
	if errors.As(err, &ue) {
		return err
	}
	return fmt.Errorf("output: %w", err)
}

func (o Options) want(what string) bool {
	if len(o.Only) == 0 {
		return true
	}
	for _, w := range o.Only {
		if w == what {
			return true
		}
	}
	return false
}

// merge returns the findings of the writing stages that add something to
// those of check: a missing glyph that check already reported at its exact
// position is not reported again by the typesetter or the cards, and a
// finding without a column points at the start of its line.
func merge(checked, later book.Diagnostics) book.Diagnostics {
	// A later finding without a column (the typesetter knows the line) is
	// the same as check's when it is on the same line of the same file.
	type at struct {
		file      string
		line, col int
	}
	// A finding with no position at all (line 0: the typesetter setting a
	// book.yaml field) is check's when check found a missing glyph in that
	// file: check's has the position.
	glyphs := func(rule string) bool { return rule == "glyph-missing" || rule == "emoji" }
	seen := map[string]map[at]bool{"glyph-missing": {}, "emoji": {}}
	for _, d := range checked {
		if glyphs(d.Rule) {
			seen[d.Rule][at{d.File, d.Pos.Line, d.Pos.Col}] = true
			seen[d.Rule][at{d.File, d.Pos.Line, 0}] = true
			seen[d.Rule][at{d.File, 0, 0}] = true
		}
	}
	var out book.Diagnostics
	for _, d := range later {
		if glyphs(d.Rule) && seen[d.Rule][at{d.File, d.Pos.Line, d.Pos.Col}] {
			continue
		}
		if d.Pos.Line < 1 {
			d.Pos = book.Pos{Line: 1, Col: 1}
		}
		d.Pos.Col = max(d.Pos.Col, 1)
		out = append(out, d)
	}
	return out
}

// Compile checks the book and, when it has no errors, writes the artifacts.
// On any failure the output folder is left as it was.
func Compile(o Options) (*Result, error) {
	for _, w := range o.Only {
		if !slices.Contains(Outputs, w) {
			return nil, usageErrorf("--only %s : choisissez parmi %s", "--only %s: choose among %s", w, strings.Join(Outputs, ", "))
		}
	}
	if err := CheckOut(o.Root, o.out()); err != nil {
		return nil, err
	}
	b, diags, err := Check(o)
	if err != nil {
		return nil, err
	}
	res := &Result{Book: b, Diags: diags}
	if err := Failed(diags, o.Strict); err != nil {
		return res, err
	}
	st, err := newStage(o.out(), o.fs)
	if err != nil {
		return res, outputError(err)
	}
	if err := st.carry(func(rel string) bool { return rel == "SHA256SUMS" || o.owns(rel) }); err != nil {
		st.abort()
		return res, fmt.Errorf("output: %w", err)
	}
	checked := len(res.Diags)
	// Every finding is said in French and English; the run's are put in
	// the language of the messages, as Check's are.
	defer func() { res.Diags.In(o.msgLang(b)) }()
	if err := o.guarded(st, res); err != nil {
		st.abort()
		var pe *book.PanicError
		if errors.As(err, &pe) && pe.File != "" {
			res.Diags.Add(pe.File, book.Pos{Line: 1, Col: 1}, book.Error, "internal-error",
				book.M("recueil n’a pas pu mettre ce texte en page (erreur interne : %v). Rien n’a été écrit. Signalez-le sur https://github.com/recueil/recueil/issues en joignant ce fichier.", "recueil could not lay out this text (internal error: %v). Nothing was written. Report it on https://github.com/recueil/recueil/issues with this file attached."), pe.Value)
			res.Diags.Sort()
			return res, ErrFindings
		}
		return res, err
	}
	res.Diags = append(res.Diags[:checked], merge(res.Diags[:checked], res.Diags[checked:])...)
	res.Diags.Sort()
	if err := Failed(res.Diags, o.Strict); err != nil {
		st.abort()
		return res, err
	}
	if res.Pages != nil {
		// For list: where the pages are, and what they were made from.
		rec, _ := json.Marshal(pagesRecord{Sources: sources(b), Pages: res.Pages})
		st.writeAside(pagesFile, rec)
	}
	if err := st.sums(); err != nil {
		st.abort()
		return res, fmt.Errorf("output: %w", err)
	}
	if err := st.commit(); err != nil {
		return res, fmt.Errorf("output: %w", err)
	}
	res.Files = slices.Clone(st.made)
	sort.Strings(res.Files)
	return res, nil
}

// guarded is build with its panics turned into errors: the last guard
// against a file that a stage cannot handle.
func (o Options) guarded(st *stage, res *Result) (err error) {
	defer book.Guard("", &err)
	return o.build(st, res)
}

// build writes every wanted artifact into the stage.
func (o Options) build(st *stage, res *Result) error {
	b := res.Book
	art := b.Artifacts()
	files := b.Files()
	// The EPUB needs from the typesetter only where the PDF's pages start
	// (its page list): with more than one job it is written alongside the
	// PDF, into memory, and staged after it.
	var epubBuf bytes.Buffer
	var epubDiags book.Diagnostics
	var epubErr error
	epubDone := make(chan struct{})
	startEPUB := func(pages []book.PageStart) {
		if !o.want("epub") {
			close(epubDone)
			return
		}
		o.progress("epub")
		writeEPUB := func() {
			defer close(epubDone)
			defer book.Guard("", &epubErr)
			extra := epub.Extra{Pages: pages, Memo: res.memo}
			if b.Cover == "" {
				// reading systems show a blank for a book without one
				cover, _, err := cards.Cover(b, files) // its findings are the cards'
				if err != nil {
					epubErr = err
					return
				}
				extra.Cover = cover
			}
			d, err := epub.WriteWith(&epubBuf, b, files, extra)
			epubDiags, epubErr = append(epubDiags, d...), err
		}
		if o.Jobs > 1 {
			go writeEPUB()
		} else {
			writeEPUB()
		}
	}
	started := false
	// Wait for the EPUB on every return path: it reads the book.
	defer func() {
		if started {
			<-epubDone
		}
	}()
	cc := openCache(st)
	defer cc.keep()
	// The cards need nothing from the typesetter: with more than one job,
	// in a run that writes no PDF, they are drawn beside it, and shareKit
	// takes them.
	cardsRun := o.startCards(cc, b, files)
	defer cardsRun.stop()
	if o.want("pdf") || o.want("extracts") || o.want("cards") || o.want("site") || o.want("epub") {
		o.progress("typeset")
		res.memo = typo.NewMemo()
		r, d, err := typeset.TypesetWith(b, res.memo)
		if err != nil {
			return fmt.Errorf("typeset: %w", err)
		}
		startEPUB(r.Breaks)
		started = true
		res.Diags = append(res.Diags, d...)
		if o.want("pdf") {
			// the print edition is written: its images' resolution
			res.Diags = append(res.Diags, lowResolution(b, r.Doc)...)
		}
		res.Pages = r.Contributions
		res.typeset = r
		if o.Draft {
			r.MarkDraft(b.Locale().Draft)
		}
		var ready map[string]imaging.Image
		if o.want("pdf") || o.want("extracts") {
			// offprints are cut out of the book's PDF
			o.progress("pdf")
			var buf bytes.Buffer
			ready = o.images(cc, b, r.Doc)
			if err := pdf.WriteReady(&buf, r, b, ready); err != nil {
				return fmt.Errorf("pdf: %w", err)
			}
			res.bookPDF = buf.Bytes()
		}
		if o.want("pdf") {
			if err := st.write(art.PDF(), bytesWriter(res.bookPDF)); err != nil {
				return fmt.Errorf("pdf: %w", err)
			}
			// the print edition: the same pages with bleed and crop marks
			var buf bytes.Buffer
			if err := pdf.WritePrint(&buf, r, b, ready); err != nil {
				return fmt.Errorf("print: %w", err)
			}
			if err := st.write(art.PrintPDF(), bytesWriter(buf.Bytes())); err != nil {
				return fmt.Errorf("print: %w", err)
			}
			var cover bytes.Buffer
			if err := pdf.WriteCover(&cover, r, b, ready); err != nil {
				return fmt.Errorf("cover spread: %w", err)
			}
			if err := st.write(art.CoverPDF(), bytesWriter(cover.Bytes())); err != nil {
				return fmt.Errorf("cover spread: %w", err)
			}
		}
	}
	cardsRun.openGate()
	if !started {
		close(epubDone) // nothing typeset: no EPUB wanted either
		started = true
	}
	if o.want("cards") || o.want("extracts") || o.want("site") {
		cs, from, err := o.shareKit(st, res, files, cc, cardsRun)
		if err != nil {
			return err
		}
		if o.want("site") {
			o.progress("site")
			if err := o.site(st, res, cs, from); err != nil {
				return fmt.Errorf("site: %w", err)
			}
		}
	}
	<-epubDone
	if o.want("epub") {
		if epubErr != nil {
			return fmt.Errorf("epub: %w", epubErr)
		}
		res.Diags = append(res.Diags, epubDiags...)
		if err := st.write(art.EPUB(), bytesWriter(epubBuf.Bytes())); err != nil {
			return fmt.Errorf("epub: %w", err)
		}
	}
	return nil
}

// shareKit writes what each contributor shares: three cards, an offprint,
// and share.json and share.html listing them. Cards and offprints whose
// inputs did not change since the last run come from the cache.
func (o Options) shareKit(st *stage, res *Result, files fs.FS, cc *cache, run *cardsRun) ([]*cards.Card, []cardFiles, error) {
	b := res.Book
	art := b.Artifacts()
	pub := b.Published()
	var cs []*cards.Card
	var from []cardFiles                   // where the cache holds them, to link them
	if o.want("cards") || o.want("site") { // the site's link previews are the cards
		o.progress("cards")
		var err error
		cs, from, err = run.wait(res)
		if err != nil {
			return nil, nil, fmt.Errorf("cards: %w", err)
		}
	}
	if o.want("cards") {
		for i, c := range pub {
			if err := st.linkOr(from[i][0], art.Card(c.Slug), cs[i].Wide); err != nil {
				return nil, nil, fmt.Errorf("cards: %w", err)
			}
			if err := st.linkOr(from[i][1], art.SquareCard(c.Slug), cs[i].Square); err != nil {
				return nil, nil, fmt.Errorf("cards: %w", err)
			}
			if err := st.linkOr(from[i][2], art.PortraitCard(c.Slug), cs[i].Portrait); err != nil {
				return nil, nil, fmt.Errorf("cards: %w", err)
			}
		}
	}
	ranges := make([]share.PageRange, len(pub))
	for i := range pub {
		if i < len(res.Pages) {
			ranges[i] = share.PageRange{First: res.Pages[i].First, Last: res.Pages[i].Last}
		}
	}
	if o.want("extracts") {
		o.progress("extracts")
		if err := o.offprints(st, res, cc); err != nil {
			return nil, nil, fmt.Errorf("extracts: %w", err)
		}
	}
	if !o.want("cards") && !o.want("extracts") {
		return cs, from, nil // the site alone: share.json stays the last run's
	}
	entries := share.Build(b, pub, cs, ranges)
	// With --only, the cards or offprints of an earlier run may have been
	// carried over: share.json lists what the output holds, nothing else.
	for i := range entries {
		for _, f := range []*string{&entries[i].Card, &entries[i].CardSquare, &entries[i].CardPortrait, &entries[i].Offprint, &entries[i].Page} {
			if !st.has(*f) && (f != &entries[i].Page || !o.want("site")) { // the site is written next
				*f = ""
			}
		}
	}
	if err := st.write(book.ShareJSON, func(w io.Writer) error { return share.WriteJSON(w, b, entries) }); err != nil {
		return nil, nil, fmt.Errorf("share: %w", err)
	}
	if err := st.write(book.ShareHTML, func(w io.Writer) error { return share.WriteHTML(w, b, entries) }); err != nil {
		return nil, nil, fmt.Errorf("share: %w", err)
	}
	return cs, from, nil
}

// site writes the web edition into site/, with the cards as the pages'
// link previews.
func (o Options) site(st *stage, res *Result, cs []*cards.Card, from []cardFiles) error {
	b := res.Book
	extra := map[string]site.Contributor{}
	cached := map[string]string{} // slug -> the wide card in the cache
	for i, c := range b.Published() {
		if i < len(from) {
			cached[c.Slug] = from[i][0]
		}
		var x site.Contributor
		if i < len(res.Pages) {
			x.First, x.Last = res.Pages[i].First, res.Pages[i].Last
		}
		if i < len(cs) && cs[i] != nil {
			x.Card, x.CardAlt = cs[i].Wide, cs[i].Alt
			x.CardHeld = x.Card == nil && cached[c.Slug] != ""
		}
		extra[c.Slug] = x
	}
	art := b.Artifacts()
	d, err := site.Write(func(rel string, data []byte) error {
		// A card the run also wrote into cards/ is linked, not copied.
		if slug, ok := strings.CutPrefix(rel, "cards/"); ok {
			slug = strings.TrimSuffix(slug, ".png")
			if src := cached[slug]; src != "" {
				return st.linkOr(src, site.Dir+"/"+rel, data) // the cache's entry, which cards/ links to too
			}
			if o.want("cards") {
				return st.alias(site.Dir+"/"+rel, art.Card(slug), data)
			}
			return st.write(site.Dir+"/"+rel, bytesWriter(data))
		}
		return st.write(site.Dir+"/"+rel, bytesWriter(data))
	}, b, b.Files(), extra, site.Options{Draft: o.Draft, Jobs: o.Jobs, Context: o.ctx(), Memo: res.memo})
	res.Diags = append(res.Diags, d...)
	return err
}

// cachedCard is what the cache keeps of a contributor's cards besides the
// images, which have an entry each, as their bare PNG bytes (so that a
// warm run links them into the output): the text drawn, the findings, and
// each image's SHA-256.
type cachedCard struct {
	Alt, Text string
	Diags     book.Diagnostics
	Sums      [3][sha256.Size]byte
}

// cardFiles are where a contributor's cards are in the cache (the current
// generation's, or the next one's for those drawn by this run), by size;
// "" for a card held in memory (there is no cache).
type cardFiles [3]string

// cards renders the published contributions' cards of sizes, taking from
// the cache those whose text, photo and book settings did not change. The
// findings about book.yaml are kept in their own entry, so a fully cached
// run reports them too.
func (o Options) cards(cc *cache, base []byte, b *book.Book, res *cardsResult, files fs.FS, sizes cards.Sizes, gate <-chan struct{}) ([]*cards.Card, []cardFiles, error) {
	pub := b.Published()
	out := make([]*cards.Card, len(pub))
	from := make([]cardFiles, len(pub))
	keys := make([][1 + len(cards.SizeNames)]string, len(pub))
	var miss []*book.Contribution
	var missAt []int
	// Keys and cache lookups on the run's workers: each hashes the
	// contributor's photo and reads and checks its cards.
	type lookup struct {
		card  *cards.Card
		paths cardFiles
		diags book.Diagnostics
		ok    bool
	}
	found, err := work.Map(o.ctx(), len(pub), o.Jobs, func(i int) (lookup, error) {
		c := pub[i]
		raw, _ := json.Marshal(c)
		in := [][]byte{base, raw, fileBytes(b.Files(), c.Photo)}
		keys[i][0] = cc.key("cards", in...)
		for k, name := range cards.SizeNames {
			keys[i][1+k] = cc.key("card-"+name, in...)
		}
		var l lookup
		l.card, l.paths, l.diags, l.ok = cachedCards(cc, keys[i], sizes)
		return l, nil
	})
	if err != nil {
		return nil, nil, err
	}
	for i, c := range pub {
		if l := found[i]; l.ok {
			out[i], from[i] = l.card, l.paths
			res.Diags = append(res.Diags, l.diags...)
			continue
		}
		miss, missAt = append(miss, c), append(missAt, i)
	}
	bookKey := cc.key("cards-book", base)
	if len(miss) == 0 {
		var d book.Diagnostics
		if data, ok := cc.get(bookKey); ok && json.Unmarshal(data, &d) == nil {
			res.Diags = append(res.Diags, d...)
			return out, from, nil
		}
		if len(pub) > 0 {
			// No record of the book's own findings: render one card again for them.
			miss, missAt = pub[:1], []int{0}
		}
	}
	// Each card is kept in the cache as soon as it is drawn, and the run
	// keeps only where it is and its hash: the artifacts are linked to
	// the entry. Without a cache, the run holds the bytes.
	sums := make([][3][sha256.Size]byte, len(miss))
	rendered, diags, err := cards.RenderGated(o.ctx(), b, miss, files, o.Jobs, gate, sizes, func(j int, r *cards.Card) error {
		i := missAt[j]
		for k, img := range [...]*[]byte{&r.Wide, &r.Square, &r.Portrait} {
			if *img == nil {
				continue
			}
			sums[j][k] = sha256.Sum256(*img)
			if p := cc.putFile(keys[i][1+k], *img, sums[j][k]); p != "" {
				from[i][k], *img = p, nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	res.Rendered += len(miss)
	per := map[string]book.Diagnostics{}
	var bookDiags book.Diagnostics
	for _, d := range diags {
		if d.File == "book.yaml" {
			bookDiags = append(bookDiags, d)
		} else {
			per[d.File] = append(per[d.File], d)
		}
	}
	res.Diags = append(res.Diags, bookDiags...)
	if raw, err := json.Marshal(bookDiags); err == nil {
		cc.put(bookKey, raw)
	}
	for j, i := range missAt {
		c, r := miss[j], rendered[j]
		if out[i] == nil {
			res.Diags = append(res.Diags, per[c.Path]...)
		}
		out[i] = r
		e := cachedCard{Alt: r.Alt, Text: r.Text, Diags: per[c.Path], Sums: sums[j]}
		if raw, err := json.Marshal(e); err == nil {
			cc.put(keys[i][0], raw)
		}
	}
	return out, from, nil
}

// cardsResult is what drawing the cards adds to the run's Result: their
// findings, in the order the run reports them, and how many were drawn.
type cardsResult struct {
	Diags    book.Diagnostics
	Rendered int
}

// cardsRun is the cards of a run, drawn on their own goroutine beside the
// typesetter when startCards says so (they depend only on the book), else
// when shareKit asks for them. Its findings and
// counts join the Result where the cards' stage used to run, so the
// findings come in the same order either way.
type cardsRun struct {
	o      Options
	cc     *cache
	b      *book.Book
	files  fs.FS
	sizes  cards.Sizes
	want   bool
	done   chan struct{} // nil: not started
	cancel context.CancelFunc
	// gate is closed when the run's PDFs are written: until then the
	// cards are drawn on one goroutine, in the core the typesetter and
	// fpdf leave idle (nil: no PDF, every job from the start).
	gate     chan struct{}
	gateOnce sync.Once

	cs   []*cards.Card
	from []cardFiles
	res  cardsResult
	err  error
}

// startCards starts drawing the cards when they are wanted and the run has
// more than one job, beside the typesetter and the PDF:
//   - in a run that writes no PDF (--only site, --only cards,epub...), on
//     every job;
//   - in a run that writes a PDF and wants the wide cards alone (the web
//     edition's link previews: --only pdf,epub,site), on one goroutine
//     beside the typesetter (which runs on one core) and fpdf, and on
//     every job once openGate says the PDFs are written. The cards then
//     take the core that work leaves idle: at 612, pdf,epub,site takes
//     3.39 s of wall time instead of 3.81 (medians of 5), the same CPU,
//     and a peak RSS of 360 MB instead of 310 (the cards' 10 MB of live
//     memory beside fpdf's pages, and the collector's headroom over it);
//     at 5,000, 32.7 → 28.0 s and 2.57 → 2.96 GB (docs/benchmarks.md);
//   - in a run that draws the three sizes with a PDF (a full compile),
//     after the PDF, as before: three canvases a goroutine beside fpdf
//     raised a full compile's peak RSS from 330–380 MB to 385–415, past
//     issue 17's 300 MB more than it already is.
func (o Options) startCards(cc *cache, b *book.Book, files fs.FS) *cardsRun {
	r := &cardsRun{o: o, cc: cc, b: b, files: files, want: o.want("cards") || o.want("site")}
	r.sizes = cards.Wide // all the site needs
	if o.want("cards") {
		r.sizes = cards.AllSizes
	}
	if !r.want || o.Jobs <= 1 {
		return r
	}
	if o.want("pdf") || o.want("extracts") {
		if r.sizes != cards.Wide {
			return r
		}
		r.gate = make(chan struct{})
	}
	ctx, cancel := context.WithCancel(o.ctx())
	r.o.Context, r.cancel = ctx, cancel
	r.done = make(chan struct{})
	go func() {
		defer close(r.done)
		defer book.Guard("", &r.err)
		r.draw()
	}()
	return r
}

// openGate lets the cards take every job (the PDFs are written, or the run
// gave up on them).
func (r *cardsRun) openGate() {
	if r.gate != nil {
		r.gateOnce.Do(func() { close(r.gate) })
	}
}

func (r *cardsRun) draw() {
	b := r.b
	base := append(settings(b), fileBytes(b.Files(), b.Cards.Logo, fontFile(b.Fonts.Serif), fontFile(b.Fonts.Sans))...)
	r.cs, r.from, r.err = r.o.cards(r.cc, base, b, &r.res, r.files, r.sizes, r.gate)
}

// wait returns the cards (drawing them now if they were not started) and
// adds their findings and count to res.
func (r *cardsRun) wait(res *Result) ([]*cards.Card, []cardFiles, error) {
	if r.done == nil {
		r.draw()
	} else {
		<-r.done
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	res.Diags = append(res.Diags, r.res.Diags...)
	res.Rendered.Cards += r.res.Rendered
	return r.cs, r.from, nil
}

// stop ends a run the build gave up on and waits for it: it uses the
// cache, which the build closes after it.
func (r *cardsRun) stop() {
	if r.done == nil {
		return
	}
	r.openGate()
	r.cancel()
	<-r.done
}

// cachedCards is a contributor's cards of sizes from the cache, with their
// findings; false unless every one of them is there.
func cachedCards(cc *cache, keys [1 + len(cards.SizeNames)]string, sizes cards.Sizes) (*cards.Card, cardFiles, book.Diagnostics, bool) {
	var e cachedCard
	var paths cardFiles
	if data, ok := cc.get(keys[0]); !ok || json.Unmarshal(data, &e) != nil {
		return nil, paths, nil, false
	}
	card := &cards.Card{Alt: e.Alt, Text: e.Text}
	for k, dst := range [...]*[]byte{&card.Wide, &card.Square, &card.Portrait} {
		if sizes&(1<<k) == 0 {
			continue
		}
		if !cc.hasFile(keys[1+k], e.Sums[k]) {
			return nil, paths, nil, false
		}
		*dst, paths[k] = nil, cc.path(keys[1+k]) // linked, not held
	}
	return card, paths, e.Diags, true
}

// images makes the images the book's PDF draws ready for it (decoded,
// checked, scaled to their printed size), in parallel, and keeps the
// result in the cache: a phone's photo takes most of a second to scale.
// An image that cannot be made ready is left to the PDF writer, which
// reports it.
func (o Options) images(cc *cache, b *book.Book, doc *layout.Document) map[string]imaging.Image {
	sides := pdf.PrintSides(doc)
	paths := make([]string, 0, len(sides))
	for p := range sides {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	imgs, _ := work.Map(o.ctx(), len(paths), o.Jobs, func(i int) (*imaging.Image, error) {
		data, err := fs.ReadFile(b.Files(), paths[i])
		if err != nil {
			return nil, nil
		}
		key := cc.key("image", []byte(strconv.Itoa(sides[paths[i]])), data)
		if raw, ok := cc.get(key); ok && len(raw) > 3 {
			return &imaging.Image{Type: string(raw[:3]), Data: raw[3:]}, nil
		}
		img, err := imaging.Normalize(data, sides[paths[i]])
		if err != nil {
			return nil, nil
		}
		if len(img.Data) > 0 && &img.Data[0] != &data[0] { // not passed through as it is
			cc.put(key, append([]byte(img.Type), img.Data...))
		}
		return &img, nil
	})
	ready := map[string]imaging.Image{}
	for i, img := range imgs {
		if img != nil {
			ready[paths[i]] = *img
		}
	}
	return ready
}

// offprints writes each contributor's offprint, cut out of the book's
// PDF. An offprint whose plan (pdf.Planned.Key: its pages' content, the
// fonts and images they draw, its colophon and cover, the structure of
// its pages) hashes as in an earlier run is linked from the cache instead
// of being cut again: a change in one contribution cuts again only the
// offprints it changed (its own, and those of the pages it moved, whose
// folios changed). They are made in parallel, a batch at a time, so that
// a large book does not hold every offprint in memory.
func (o Options) offprints(st *stage, res *Result, cc *cache) error {
	b := res.Book
	pub := b.Published()
	if res.typeset == nil || len(res.Pages) != len(pub) {
		return errors.New("the book was not typeset")
	}
	c, err := pdf.NewCutter(res.bookPDF, res.typeset, b)
	if err != nil {
		return err
	}
	type offprint struct {
		data  []byte // nil when linked from the cache
		from  string // the cache's file, "" when none
		drawn bool   // drawn, not cut (see pdf.Cutter.Offprint)
		cut   bool
	}
	const batch = 64
	for start := 0; start < len(pub); start += batch {
		n := min(batch, len(pub)-start)
		made, err := work.Map(o.ctx(), n, o.Jobs, func(i int) (_ offprint, err error) {
			defer book.Guard(pub[start+i].Path, &err)
			if o.hook != nil {
				o.hook("extracts", pub[start+i].Path)
			}
			pr := res.Pages[start+i]
			var buf bytes.Buffer
			pl, err := c.Plan(pr.First, pr.Last)
			if errors.Is(err, pdf.ErrCannotCut) {
				err = pdf.WritePages(&buf, res.typeset, b, pr.First, pr.Last)
				return offprint{data: buf.Bytes(), drawn: true}, err
			}
			if err != nil {
				return offprint{}, err
			}
			var sumKey, fileKey string
			if cc != nil {
				if k, err := pl.Key(); err == nil {
					sumKey, fileKey = cc.key("offprint", k), cc.key("offprint-pdf", k)
					if raw, ok := cc.get(sumKey); ok && len(raw) == sha256.Size && cc.hasFile(fileKey, [sha256.Size]byte(raw)) {
						return offprint{from: cc.path(fileKey)}, nil
					}
				}
			}
			err = pl.Write(&buf)
			if errors.Is(err, pdf.ErrCannotCut) {
				buf.Reset()
				err = pdf.WritePages(&buf, res.typeset, b, pr.First, pr.Last)
				return offprint{data: buf.Bytes(), drawn: true}, err
			}
			if err != nil {
				return offprint{}, err
			}
			out := offprint{data: buf.Bytes(), cut: true}
			// kept as its bare bytes, its SHA-256 in an entry of its own
			if fileKey != "" {
				sum := sha256.Sum256(out.data)
				if p := cc.putFile(fileKey, out.data, sum); p != "" {
					cc.put(sumKey, sum[:])
					out.from, out.data = p, nil
				}
			}
			return out, nil
		})
		if err != nil {
			return err
		}
		for i, op := range made {
			if op.drawn {
				res.Rendered.Offprints++
			}
			if op.cut {
				res.Cut++
			}
			if err := st.linkOr(op.from, b.Artifacts().Offprint(pub[start+i].Slug), op.data); err != nil {
				return err
			}
		}
	}
	return nil
}

// fontFile is the path of a custom font, or "" for the built-in ones.
func fontFile(name string) string {
	if name == "" || name == "builtin" {
		return ""
	}
	return name
}

func bytesWriter(b []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}

func (o Options) ctx() context.Context {
	if o.Context != nil {
		return o.Context
	}
	return context.Background()
}
