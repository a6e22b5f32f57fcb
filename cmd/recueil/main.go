// Command recueil turns a folder of contributions into a collective book:
// a typeset PDF, an EPUB 3, share cards and offprints.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
