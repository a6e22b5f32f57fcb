package pdfobj

// UsedResources adds to fonts the font resources a content stream selects
// (Tf) and to xobjects the XObjects it draws (Do), skipping strings (text
// drawn with an Identity-H font is binary UTF-16).
func UsedResources(content []byte, fonts, xobjects map[Name]bool) {
	var last Name // the last name met, with the number of tokens since
	since := 0
	for i := 0; i < len(content); {
		ch := content[i]
		switch {
		case isSpace(ch):
			i++
		case ch == '(':
			n := 0
			for ; i < len(content); i++ {
				if content[i] == '\\' {
					i++
					continue
				}
				if content[i] == '(' {
					n++
				} else if content[i] == ')' {
					n--
					if n == 0 {
						i++
						break
					}
				}
			}
			since++
		case ch == '/':
			j := i + 1
			for j < len(content) && !isDelim(content[j]) {
				j++
			}
			last, since = Name(content[i+1:j]), 0
			i = j
		default:
			j := i + 1
			for j < len(content) && !isDelim(content[j]) {
				j++
			}
			if j == i+1 && isDelim(ch) {
				i++
				since++
				continue
			}
			switch string(content[i:j]) {
			case "Do":
				if since == 0 {
					xobjects[last] = true
				}
			case "Tf":
				if since == 1 {
					fonts[last] = true
				}
			}
			since++
			i = j
		}
	}
}
