package load

import (
	"bytes"
	"errors"
	"image"
	_ "image/jpeg" // photos
	_ "image/png"  // photos
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/imaging"
)

// MaxPixels bounds the size of an accepted image (a 40-megapixel photo),
// so that a forged header cannot make the tool allocate gigabytes.
const MaxPixels = imaging.MaxPixels

// assetProblem is why an image path was refused or, when warn is set, what
// is wrong with an image that is used all the same.
type assetProblem struct {
	kind string // missing | outside | too-large | unreadable; rotated (a warning)
	msg  book.Msg
	warn bool
}

// resolveAsset checks an image path written relative to dir (a book-relative
// folder such as "contributions") and returns its book-relative path.
func resolveAsset(root, dir, p string, maxBytes int64) (string, *assetProblem) {
	if p == "" {
		return "", nil
	}
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || strings.Contains(p, ":") {
		return "", &assetProblem{"outside", book.M("Le chemin « %s » doit être relatif au dossier %s/ (par exemple photos/portrait.jpg).", "The path “%s” must be relative to the %s/ folder (for example photos/portrait.jpg).").Format(p, dir), false}
	}
	rel := path.Clean(dir + "/" + p)
	if !strings.HasPrefix(rel, dir+"/") {
		return "", &assetProblem{"outside", book.M("Le fichier « %s » est en dehors du dossier %s/ : placez l’image dans %s/photos/.", "The file “%s” is outside the %s/ folder: put the image in %s/photos/.").Format(p, dir, dir), false}
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", &assetProblem{"missing", book.M("Le fichier « %s » est introuvable : vérifiez le nom (majuscules comprises) et qu’il est bien dans %s/.", "The file “%s” cannot be found: check its name (capital letters included) and that it is in %s/.").Format(p, dir), false}
	}
	base, err := filepath.EvalSymlinks(filepath.Join(root, dir))
	if err != nil {
		base = filepath.Join(root, dir)
	}
	// The folder itself may be a link: it must stay in the book too.
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	if r, err := filepath.Rel(realRoot, base); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		base = filepath.Join(realRoot, dir)
	}
	if r, err := filepath.Rel(base, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", &assetProblem{"outside", book.M("Le fichier « %s » est un lien vers l’extérieur du dossier %s/ : copiez l’image elle-même.", "The file “%s” is a link to outside the %s/ folder: copy the image itself.").Format(p, dir), false}
	}
	st, err := os.Stat(real)
	if err != nil || !st.Mode().IsRegular() {
		return "", &assetProblem{"unreadable", book.M("« %s » n’est pas un fichier d’image lisible.", "“%s” is not a readable image file.").Format(p), false}
	}
	if maxBytes > 0 && st.Size() > maxBytes {
		return "", &assetProblem{"too-large", book.M("L’image « %s » pèse %s : la limite est %s. Réduisez-la (2000 pixels de large suffisent).", "The image “%s” weighs %s: the limit is %s. Make it smaller (2000 pixels wide is enough).").Format(p, size(st.Size()), size(maxBytes)), false}
	}
	f, err := os.Open(real)
	if err != nil {
		return "", &assetProblem{"unreadable", book.M("L’image « %s » ne peut pas être lue.", "The image “%s” cannot be read.").Format(p), false}
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("\xff\xd8\xff")) && !bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")) {
		return "", &assetProblem{"unreadable", book.M("« %s » n’est ni un JPEG ni un PNG : enregistrez l’image dans l’un de ces formats.", "“%s” is neither a JPEG nor a PNG: save the image in one of these formats.").Format(p), false}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", &assetProblem{"unreadable", book.M("L’image « %s » ne peut pas être lue.", "The image “%s” cannot be read.").Format(p), false}
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return "", &assetProblem{"unreadable", book.M("L’image « %s » est abîmée ou incomplète : exportez-la à nouveau.", "The image “%s” is damaged or incomplete: export it again.").Format(p), false}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return "", &assetProblem{"too-large", book.M("L’image « %s » mesure %d × %d pixels : c’est trop grand (40 mégapixels au plus).", "The image “%s” is %d × %d pixels: that is too big (40 megapixels at most).").Format(p, cfg.Width, cfg.Height), false}
	}
	if interlacedPNG(head) {
		// fpdf refuses interlaced PNGs: compile would fail after check passed.
		return "", &assetProblem{"interlaced", book.M("L’image « %s » est un PNG entrelacé, que le livre ne sait pas imprimer : enregistrez-la à nouveau sans entrelacement (option « entrelacé » ou « Adam7 » décochée).", "The image “%s” is an interlaced PNG, which the book cannot print: save it again without interlacing (the “interlaced” or “Adam7” option unticked).").Format(p), false}
	}
	if err := checkComplete(f, st.Size()); err != nil {
		return "", &assetProblem{"unreadable", book.M("L’image « %s » est abîmée ou incomplète : exportez-la à nouveau.", "The image “%s” is damaged or incomplete: export it again.").Format(p), false}
	}
	if o := exifOrientation(f); o > 1 && o <= 8 {
		// Phones often store a portrait lying down, with a tag saying how
		// to turn it. The PDF and the cards draw the pixels as stored.
		return rel, &assetProblem{"rotated", book.M("L’image « %s » est enregistrée tournée ou retournée, avec une simple indication de rotation (EXIF) que le livre n’applique pas : elle paraîtrait de côté dans le PDF et sur les cartes. Redressez-la dans un éditeur d’images (rotation, puis enregistrer) et remplacez le fichier.", "The image “%s” is stored turned or flipped, with only a rotation tag (EXIF) that the book does not apply: it would show sideways in the PDF and on the cards. Straighten it in an image editor (rotate, then save) and replace the file.").Format(p), true}
	}
	return rel, nil
}

// SuggestAsset finds, for an image path p written relative to dir that
// does not exist, the file the contributor most likely meant: one in the
// same folder (or in photos/) whose name is the same but for case and
// accents ("photos/jean.jpg" for "photos/Jean.JPG", "photos/hélène.png"
// for "photos/helene.png"), or but for a .jpg/.jpeg extension. It lists
// the folder through files (the book's os.Root), so it never reads
// outside the book; "" when nothing matches.
func SuggestAsset(files fs.FS, dir, p string) string {
	p = strings.TrimPrefix(path.Clean(p), "./")
	if !fs.ValidPath(p) {
		return ""
	}
	key := func(name string) string {
		k := strings.ToLower(book.FoldAccents(norm.NFC.String(name)))
		if ext := path.Ext(k); ext == ".jpeg" {
			k = strings.TrimSuffix(k, ext) + ".jpg"
		}
		return k
	}
	want := key(path.Base(p))
	folders := []string{path.Dir(p)}
	if folders[0] != "photos" {
		folders = append(folders, "photos")
	}
	for _, sub := range folders {
		entries, err := fs.ReadDir(files, path.Join(dir, sub))
		if err != nil {
			continue
		}
		for _, e := range entries { // sorted by name: the same answer every time
			if e.Type().IsRegular() && key(e.Name()) == want {
				return path.Join(sub, e.Name())
			}
		}
	}
	return ""
}

// exifOrientation reads a JPEG's EXIF Orientation tag (1 upright, 2 to 8
// turned or mirrored); 0 when there is none or the file is not a JPEG.
func exifOrientation(f io.ReaderAt) int {
	head := make([]byte, 64<<10)
	n, _ := f.ReadAt(head, 0)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("\xff\xd8")) {
		return 0
	}
	for i := 2; i+4 <= len(head) && head[i] == 0xff; {
		marker := head[i+1]
		if marker == 0xda || marker == 0xd9 { // image data: no more metadata
			return 0
		}
		size := int(head[i+2])<<8 | int(head[i+3])
		if size < 2 || i+2+size > len(head) {
			return 0
		}
		seg := head[i+4 : i+2+size]
		if marker == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		i += 2 + size
	}
	return 0
}

// tiffOrientation finds tag 0x0112 in the first directory of a TIFF
// header, as EXIF stores it.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var u16 func([]byte) int
	var u32 func([]byte) int
	switch string(t[:2]) {
	case "II":
		u16 = func(b []byte) int { return int(b[0]) | int(b[1])<<8 }
		u32 = func(b []byte) int { return u16(b) | u16(b[2:])<<16 }
	case "MM":
		u16 = func(b []byte) int { return int(b[0])<<8 | int(b[1]) }
		u32 = func(b []byte) int { return u16(b)<<16 | u16(b[2:]) }
	default:
		return 0
	}
	ifd := u32(t[4:])
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	count := u16(t[ifd:])
	for k := 0; k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if u16(t[e:]) == 0x0112 && u16(t[e+2:]) == 3 { // Orientation, SHORT
			return u16(t[e+8:])
		}
	}
	return 0
}

// checkComplete catches a truncated image without decoding it: a JPEG
// ends with its EOI marker (FF D9), a PNG with its IEND chunk. (Damage in
// the middle of a file is reported by the cards, which decode the photo.)
func checkComplete(f *os.File, size int64) error {
	tail := make([]byte, 32)
	if size < int64(len(tail)) {
		tail = tail[:size]
	}
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := f.ReadAt(head, 0); err != nil {
		return err
	}
	if bytes.HasPrefix(head, []byte("\x89PNG")) {
		if !bytes.HasSuffix(tail, []byte("IEND\xaeB`\x82")) {
			return errors.New("png: no IEND chunk at the end")
		}
		return nil
	}
	// Some cameras pad a JPEG after its end marker.
	t := bytes.TrimRight(tail, "\x00\r\n ")
	if !bytes.HasSuffix(t, []byte("\xff\xd9")) {
		return errors.New("jpeg: no end-of-image marker")
	}
	return nil
}

// interlacedPNG tells whether a PNG's header (IHDR, first chunk, its 13th
// data byte) announces Adam7 interlacing.
func interlacedPNG(head []byte) bool {
	return len(head) > 28 && bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")) &&
		string(head[12:16]) == "IHDR" && head[28] != 0
}
