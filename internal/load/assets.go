package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // photos
	_ "image/png"  // photos
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// MaxPixels bounds the size of an accepted image (a 40-megapixel photo),
// so that a forged header cannot make the tool allocate gigabytes.
const MaxPixels = 40_000_000

// assetProblem is why an image path was refused.
type assetProblem struct {
	kind string // missing | outside | too-large | unreadable
	msg  string
}

// resolveAsset checks an image path written relative to dir (a book-relative
// folder such as "contributions") and returns its book-relative path.
func resolveAsset(root, dir, p string, maxBytes int64) (string, *assetProblem) {
	if p == "" {
		return "", nil
	}
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || strings.Contains(p, ":") {
		return "", &assetProblem{"outside", fmt.Sprintf("Le chemin « %s » doit être relatif au dossier %s/ (par exemple photos/portrait.jpg).", p, dir)}
	}
	rel := path.Clean(dir + "/" + p)
	if !strings.HasPrefix(rel, dir+"/") {
		return "", &assetProblem{"outside", fmt.Sprintf("Le fichier « %s » est en dehors du dossier %s/ : placez l’image dans %s/photos/.", p, dir, dir)}
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", &assetProblem{"missing", fmt.Sprintf("Le fichier « %s » est introuvable : vérifiez le nom (majuscules comprises) et qu’il est bien dans %s/.", p, dir)}
	}
	base, err := filepath.EvalSymlinks(filepath.Join(root, dir))
	if err != nil {
		base = filepath.Join(root, dir)
	}
	if r, err := filepath.Rel(base, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", &assetProblem{"outside", fmt.Sprintf("Le fichier « %s » est un lien vers l’extérieur du dossier %s/ : copiez l’image elle-même.", p, dir)}
	}
	st, err := os.Stat(real)
	if err != nil || !st.Mode().IsRegular() {
		return "", &assetProblem{"unreadable", fmt.Sprintf("« %s » n’est pas un fichier d’image lisible.", p)}
	}
	if maxBytes > 0 && st.Size() > maxBytes {
		return "", &assetProblem{"too-large", fmt.Sprintf("L’image « %s » pèse %.1f Mo : la limite est %.1f Mo. Réduisez-la (2000 pixels de large suffisent).", p, float64(st.Size())/(1<<20), float64(maxBytes)/(1<<20))}
	}
	f, err := os.Open(real)
	if err != nil {
		return "", &assetProblem{"unreadable", fmt.Sprintf("L’image « %s » ne peut pas être lue.", p)}
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("\xff\xd8\xff")) && !bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")) {
		return "", &assetProblem{"unreadable", fmt.Sprintf("« %s » n’est ni un JPEG ni un PNG : enregistrez l’image dans l’un de ces formats.", p)}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", &assetProblem{"unreadable", fmt.Sprintf("L’image « %s » ne peut pas être lue.", p)}
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return "", &assetProblem{"unreadable", fmt.Sprintf("L’image « %s » est abîmée ou incomplète : exportez-la à nouveau.", p)}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return "", &assetProblem{"too-large", fmt.Sprintf("L’image « %s » mesure %d × %d pixels : c’est trop grand (40 mégapixels au plus).", p, cfg.Width, cfg.Height)}
	}
	if err := checkComplete(f, st.Size()); err != nil {
		return "", &assetProblem{"unreadable", fmt.Sprintf("L’image « %s » est abîmée ou incomplète : exportez-la à nouveau.", p)}
	}
	return rel, nil
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
