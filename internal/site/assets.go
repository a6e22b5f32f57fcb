package site

// css is the whole style sheet but its @font-face rules (see fonts.go):
// the book's fonts, shipped with the site (then the reader's Liberation
// and metric-compatible system faces, while they load or if they fail), a measure that reads
// well on a phone and on a desktop, hyphenation in the page's language,
// and a print style. Colours keep at least 4.5:1 against their ground.
const css = `:root { --ink: #1d1d1f; --soft: #4a4a4f; --accent: #8a5a00; --link: #1f4e8c; --paper: #fdfcf9; --rule: #d8d4cc; }
* { box-sizing: border-box; }
html { font-family: "recueil-serif", "Liberation Serif", "Times New Roman", Georgia, serif; font-size: 112.5%; line-height: 1.55; color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 44rem; padding: 0 1.1rem 2rem; }
p, li, blockquote, dd { hyphens: auto; -webkit-hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3, header.site, footer.site, .role, .meta, .links, .inbook, .prevnext, .downloads, .toc, .az, form, .skip { font-family: "recueil-sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.2rem 0 0.4rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.4rem; color: var(--soft); }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: 0.4rem 0.8rem; }
header.site { padding: 0.8rem 0; border-bottom: 1px solid var(--rule); font-size: 0.95rem; }
header.site a { color: var(--ink); text-decoration: none; font-weight: bold; }
.draft { margin: 0.8rem 0; padding: 0.5rem 0.8rem; border: 2px solid #9b111e; background: #fdecea; color: #8a1c1c; font-family: "recueil-sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-weight: bold; }
footer.site { margin-top: 3rem; border-top: 1px solid var(--rule); font-size: 0.9rem; }
footer.site ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
.book { display: grid; gap: 1.2rem; margin-top: 1.2rem; }
@media (min-width: 40rem) { .book { grid-template-columns: 14rem 1fr; align-items: start; } }
img { max-width: 100%; height: auto; }
.cover img { display: block; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
.subtitle { font-style: italic; font-size: 1.15rem; margin: 0; }
.editors, .role, .meta { color: var(--soft); margin: 0.2rem 0; }
.downloads { padding-left: 1.1rem; }
.opening { display: flex; flex-wrap: wrap-reverse; gap: 1rem; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid var(--accent); padding-bottom: 1rem; }
.opening .photo img { width: 9rem; border-radius: 0.2rem; }
.links { list-style: none; padding: 0; margin: 0.3rem 0; font-size: 0.9rem; }
.extract { font-style: italic; font-size: 1.15rem; border-left: 3px solid var(--accent); margin: 1.5rem 0; padding: 0.2rem 0 0.2rem 1rem; }
.text p { margin: 0 0 0.8rem; }
blockquote { margin: 1rem 0 1rem 1rem; color: var(--soft); }
figure { margin: 1rem 0; }
table { border-collapse: collapse; margin: 1rem 0; border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink); }
th, td { padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
th { border-bottom: 1px solid var(--ink); font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
th.center, td.center { text-align: center; }
th.right, td.right { text-align: right; }
sup { line-height: 0; }
p.signature { text-align: right; margin-top: 0.8rem; hyphens: manual; }
.noteref { padding: 0 0.1rem; }
.notes { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: 0.6rem; font-size: 0.92rem; }
.notes p { margin: 0 0 0.5rem; }
.inbook { margin-top: 2rem; padding: 0.8rem 1rem; background: #f1eee7; font-size: 0.95rem; }
.inbook p { margin: 0 0 0.4rem; }
.prevnext { display: flex; justify-content: space-between; gap: 1rem; margin-top: 1.5rem; font-size: 0.95rem; }
.prevnext a[rel=next] { margin-left: auto; text-align: right; }
.toc, .az, .partners { padding-left: 1.1rem; }
.toc li, .az li { margin: 0.25rem 0; }
.partners { list-style: none; padding: 0; display: grid; gap: 1.5rem; }
.partners img { max-width: 14rem; }
.colophon dt { font-weight: bold; }
.colophon dd { margin: 0 0 0.5rem; }
form.search { margin: 1rem 0; }
form.search input { font: inherit; width: 100%; padding: 0.5rem; border: 1px solid var(--soft); border-radius: 0.2rem; }
#results a { display: block; margin: 0.3rem 0; }
@media print { header.site, footer.site, .prevnext, form.search, .skip { display: none; } body { max-width: none; } a { color: inherit; text-decoration: none; } html { background: none; } }
`

// searchJS makes the contributors' page searchable, offline: it loads
// search-index.js when the reader first types and lists the pages whose name,
// role, organisation or text has every word typed. Without JavaScript the
// page is the A–Z list, which is all a reader needs.
const searchJS = `(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  form.hidden = false;
  var input = document.getElementById("q"), out = document.getElementById("results"), index = null;
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae"); }
  function show() {
    var words = fold(input.value).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
    out.textContent = "";
    if (!words.length || !index) return;
    var hits = index.filter(function (e) {
      var hay = fold(e.n + " " + (e.r || "")) + " " + e.w;
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    if (!hits.length) { out.textContent = out.getAttribute("data-none"); return; }
    hits.slice(0, 50).forEach(function (e) {
      var a = document.createElement("a");
      a.href = e.u;
      a.textContent = e.n + (e.r ? " — " + e.r : "");
      out.appendChild(a);
    });
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  input.addEventListener("input", function () {
    if (index) { show(); return; }
    if (document.getElementById("search-index")) return;
    var s = document.createElement("script");
    s.id = "search-index";
    s.src = "search-index.js";
    s.onload = function () { index = window.recueilSearch || []; show(); };
    document.head.appendChild(s);
  });
})();
`
