package book

import "fmt"

// PanicError is a panic of a stage, caught and named after the file it was
// working on ("" when the stage works on the whole book): one hostile file
// is a finding about that file, never a crash of the whole run.
type PanicError struct {
	File  string
	Value any
}

func (e *PanicError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("internal error: %v", e.Value)
	}
	return fmt.Sprintf("%s: internal error: %v", e.File, e.Value)
}

// Guard, deferred, turns a panic into a *PanicError in *err.
func Guard(file string, err *error) {
	if r := recover(); r != nil {
		*err = &PanicError{File: file, Value: r}
	}
}
