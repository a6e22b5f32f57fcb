package book

import (
	"errors"
	"io/fs"
	"syscall"
)

// ReadReason says in words why a file could not be read: the system's
// commonest reasons in the book's language, else the system's own words,
// without the file's full path (the finding names the file).
func ReadReason(err error) Msg {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return M("vous n’avez pas le droit de le lire (ses permissions)", "you are not allowed to read it (its permissions)")
	case errors.Is(err, syscall.EISDIR):
		return M("c’est un dossier", "it is a folder")
	case errors.Is(err, syscall.ELOOP):
		return M("ses liens symboliques tournent en rond", "its symbolic links go round in a circle")
	case errors.Is(err, syscall.ENAMETOOLONG):
		return M("son nom est trop long", "its name is too long")
	case errors.Is(err, syscall.EIO):
		return M("le disque signale une erreur de lecture", "the disk reports a read error")
	case errors.Is(err, fs.ErrNotExist):
		return M("il a disparu pendant la lecture", "it disappeared while it was being read")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return M("erreur du système : %s", "system error: %s").Format(err.Error())
}
