// pdf-struct.mjs reads tagged PDFs as pdf.js (Firefox's reader) does and
// prints, for each file, what a test needs to judge their tagging, as JSON:
// for every page its structure tree (getStructTree) with each marked-content
// leaf replaced by the text it marks, its link annotations, and the text
// drawn outside any structure element: inside an artifact (running heads,
// folios) or, what must never happen, in no marked content at all.
//
//   node pdf-struct.mjs book.pdf [offprint.pdf ...] > report.json
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

async function readPage(page) {
  const tc = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map(); // marked-content id -> text
  const artifacts = [];
  const unmarked = [];
  const stack = [];
  for (const it of tc.items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
      stack.push(it.id ? { id: it.id } : { tag: it.tag });
      continue;
    }
    if (it.type === "endMarkedContent") {
      stack.pop();
      continue;
    }
    if (typeof it.str !== "string" || (it.str === "" && !it.hasEOL)) continue;
    const top = stack[stack.length - 1];
    // the spaces between words are text too (pdf.js gives some their own
    // item); only visible text counts as marked or not
    if (top && top.id) {
      // a line's end is a space between its words and the next line's
      byId.set(top.id, (byId.get(top.id) || "") + it.str + (it.hasEOL ? " " : ""));
      continue;
    }
    if (it.str.trim() === "") continue;
    if (!top) unmarked.push(it.str);
    else if (top.tag === "Artifact") artifacts.push(it.str);
    else unmarked.push(it.str);
  }
  const resolve = (n) => {
    if (!n) return null;
    if (n.type === "content") return { text: byId.get(n.id) ?? null, id: n.id };
    if (n.type === "annotation" || n.type === "object") return { annotation: n.id };
    const out = { role: n.role };
    if (n.alt !== undefined) out.alt = n.alt;
    if (n.lang !== undefined) out.lang = n.lang;
    out.children = (n.children || []).map(resolve);
    return out;
  };
  const tree = resolve(await page.getStructTree());
  const annots = (await page.getAnnotations())
    .filter((a) => a.subtype === "Link")
    .map((a) => ({ id: a.id, url: a.url ?? null, dest: a.dest ? true : false, contents: a.contentsObj?.str ?? "" }));
  return { tree, annots, artifacts, unmarked };
}

const out = {};
for (const path of process.argv.slice(2)) {
  const doc = await getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    pages.push(await readPage(await doc.getPage(i)));
  }
  const md = await doc.getMetadata();
  out[path] = { pages, lang: md.info?.Language ?? null, title: md.info?.Title ?? null, marked: (await doc.getMarkInfo())?.Marked ?? false };
  await doc.destroy();
}
process.stdout.write(JSON.stringify(out));
