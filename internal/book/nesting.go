package book

import "bytes"

// Limits checked before the Markdown parser sees a text (issue 18): the
// parser's time grows with the square of the nesting of quotes and lists
// on one line and of the unclosed links of a paragraph, so a hostile text
// of a few hundred kilobytes could keep check busy for minutes. Past these
// limits (far above what any testimony needs) the excess is blanked out
// (a dot, then spaces), keeping every offset. Every reader of Markdown
// (the loader, the typography pass) parses the guarded text.
const (
	MaxLineNesting = 64  // quote and list markers opening one line
	MaxParaLinks   = 500 // "](" in one paragraph
)

// NestingCut is a part of a text blanked by GuardNesting: from From to the
// end of its line, To; Why says which limit, in French and in English.
type NestingCut struct {
	From, To int
	Why      Msg
}

// GuardNesting returns body, or a copy with the excess of each line past
// the limits blanked, and where it was cut. Its time is linear in len(body).
func GuardNesting(body []byte) ([]byte, []NestingCut) {
	out := body
	var cuts []NestingCut
	blank := func(from, to int, why Msg) {
		if len(cuts) == 0 {
			out = append([]byte(nil), body...)
		}
		for i := from; i < to; i++ {
			out[i] = ' '
		}
		// A dot where the cut starts, so that the markers left do not
		// read as a thematic break ("- - -").
		out[from] = '.'
		cuts = append(cuts, NestingCut{from, to, why})
	}
	links := 0
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		line := body[start:end]
		if len(bytes.TrimSpace(line)) == 0 {
			links = 0
		}
		// Container markers at the start of the line.
		depth, i := 0, 0
		for i < len(line) {
			j := i
			for k := 0; k < 3 && j < len(line) && line[j] == ' '; k++ {
				j++
			}
			if j >= len(line) {
				break
			}
			n := 0
			switch c := line[j]; {
			case c == '>':
				n = 1
			case c == '-' || c == '*' || c == '+':
				if j+1 < len(line) && (line[j+1] == ' ' || line[j+1] == '\t') {
					n = 1
				}
			case c >= '0' && c <= '9':
				k := j
				for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
					k++
				}
				if k < len(line) && (line[k] == '.' || line[k] == ')') && (k+1 == len(line) || line[k+1] == ' ' || line[k+1] == '\t') {
					n = k + 1 - j
				}
			}
			if n == 0 {
				break
			}
			depth++
			if depth > MaxLineNesting {
				blank(start+j, end, M("imbrique plus de 64 citations ou listes sur une même ligne", "nests more than 64 quotations or lists on one line"))
				break
			}
			i = j + n
			if i < len(line) && (line[i] == ' ' || line[i] == '\t') {
				i++
			}
		}
		// Links opened in the paragraph.
		for k := 0; k+1 < len(line); k++ {
			if line[k] == ']' && line[k+1] == '(' {
				links++
				if links > MaxParaLinks {
					blank(start+k, end, M("ouvre plus de 500 liens dans un même paragraphe", "opens more than 500 links in one paragraph"))
					break
				}
			}
		}
		start = end + 1
	}
	return out, cuts
}
