package load

import "github.com/recueil/recueil/internal/book"

// guardNesting returns body guarded by book.GuardNesting, after recording
// a nesting-limit error where a limit is first exceeded: the text is never
// published.
func guardNesting(src *source, base int, body []byte, diags *book.Diagnostics) []byte {
	out, cuts := book.GuardNesting(body)
	if len(cuts) > 0 {
		diags.Add(src.path, src.pos(base+cuts[0].From), book.Error, "nesting-limit",
			book.M("Ce texte %s : recueil ne le lit pas plus loin. Simplifiez ce passage.", "This text %s: recueil does not read it any further. Simplify this passage."), cuts[0].Why)
	}
	return out
}
