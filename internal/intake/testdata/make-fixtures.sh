#!/bin/sh
# make-fixtures.sh rebuilds the documents the intake tests read, from the
# texts written for them (source.md, pieces.md). It needs pandoc,
# LibreOffice (soffice) and python3; the tests need
# none of them: they read the files this script checked in.
#
#   source.md  --pandoc-->  pandoc.docx  (pandoc's own Word file)
#   pandoc.docx --soffice--> libreoffice.docx, libreoffice.odt
#                            (the same text, as LibreOffice writes it)
#   libreoffice.docx --python (edits word/document.xml)--> tracked.docx
#                            (a deletion, an insertion, a comment, a word
#                            split over two bold runs)
#   tracked.docx --soffice--> tracked.odt (LibreOffice keeps the changes
#                            as text:tracked-changes and the comment as an
#                            office:annotation)
#   pieces.md --pandoc--> pieces.docx --soffice--> pieces.odt (a table and
#                            an equation, which import cannot convert)
#   *.plain   pandoc -t plain of each document (changes accepted): the
#             words the imported Markdown must hold, in order.
set -eu
cd "$(dirname "$0")"
profile="file://$(mktemp -d)/lo"   # a LibreOffice profile of our own
lo() { soffice -env:UserInstallation="$profile" --headless --convert-to "$@" >/dev/null; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

python3 - <<'PNG'
import struct, zlib
w, h = 48, 64   # a small brown gradient: the portrait of the fixture
raw = b"".join(b"\0" + bytes([192 - y * 2, 128 - y, 64] * w) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
open("portrait.png", "wb").write(png)
PNG
pandoc source.md -o pandoc.docx
pandoc pieces.md -o pieces.docx
rm portrait.png

lo docx --outdir "$out" pandoc.docx && mv "$out/pandoc.docx" libreoffice.docx
lo odt --outdir "$out" pandoc.docx && mv "$out/pandoc.odt" libreoffice.odt
lo odt --outdir . pieces.docx

python3 - <<'PY'
import re, zipfile
src, dst = "libreoffice.docx", "tracked.docx"
zin = zipfile.ZipFile(src)
parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
names = [i.filename for i in zin.infolist()]
doc = parts["word/document.xml"].decode()
# The paragraph "Ce paragraphe sera révisé." follows the link: cut it out of
# its paragraph and give it a paragraph of its own, as a reviewer's
# changes: "abandonné" deleted, "révisé" inserted, "soin" split over two
# bold runs, a comment on "avec soin".
m = re.search(r"(<w:t[^>]*>)\. Ce paragraphe sera révisé\.</w:t></w:r>", doc)
assert m, "the paragraph to revise was not found"
d = 'w:author="Relecteur" w:date="2026-01-05T10:00:00Z"'
new = ('<w:t>.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Ce paragraphe a été </w:t></w:r>'
       '<w:del w:id="901" ' + d + '><w:r><w:delText>abandonné</w:delText></w:r></w:del>'
       '<w:ins w:id="902" ' + d + '><w:r><w:t>révisé</w:t></w:r></w:ins>'
       '<w:commentRangeStart w:id="0"/>'
       '<w:r><w:t xml:space="preserve"> avec </w:t></w:r>'
       '<w:r><w:rPr><w:b/></w:rPr><w:t>so</w:t></w:r>'
       '<w:r><w:rPr><w:b/></w:rPr><w:t>in</w:t></w:r>'
       '<w:commentRangeEnd w:id="0"/>'
       '<w:r><w:commentReference w:id="0"/></w:r>'
       '<w:r><w:t>.</w:t></w:r>')
doc = doc[:m.start()] + new + doc[m.end():]
parts["word/document.xml"] = doc.encode()
parts["word/comments.xml"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:comment w:id="0" w:author="Relecteur" w:date="2026-01-05T10:00:00Z" w:initials="R">'
    '<w:p><w:r><w:t>Remarque confidentielle du relecteur</w:t></w:r></w:p></w:comment></w:comments>').encode()
names.append("word/comments.xml")
rels = parts["word/_rels/document.xml.rels"].decode()
rels = rels.replace("</Relationships>",
    '<Relationship Id="rIdComments1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
parts["word/_rels/document.xml.rels"] = rels.encode()
ct = parts["[Content_Types].xml"].decode()
ct = ct.replace("</Types>",
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
parts["[Content_Types].xml"] = ct.encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for n in names:
        zi = zipfile.ZipInfo(n, (2026, 1, 5, 10, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, parts[n])
PY
lo odt --outdir . tracked.docx

for f in pandoc.docx libreoffice.docx libreoffice.odt tracked.docx tracked.odt pieces.docx pieces.odt; do
	pandoc --track-changes=accept -t plain --wrap=none "$f" -o "$f.plain"
done
