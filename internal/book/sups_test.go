package book

import (
	"strings"
	"testing"
)

// show writes the raised parts in brackets: "XIX[e] siècle".
func show(ps []Piece, s string) string {
	if ps == nil {
		return s
	}
	var b strings.Builder
	for _, p := range ps {
		if p.Sup {
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func TestSuperscripts(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		// French ordinals
		{"fr", "le 1er mai", "le 1[er] mai"},
		{"fr", "la 1re fois, les 1res, les 1ers", "la 1[re] fois, les 1[res], les 1[ers]"},
		{"fr", "le 2e étage et la 2de", "le 2[e] étage et la 2[de]"},
		{"fr", "en 2d lieu, les 2ds", "en 2[d] lieu, les 2[ds]"},
		{"fr", "le 21e siècle, le 100e jour", "le 21[e] siècle, le 100[e] jour"},
		{"fr", "le XIXe siècle, les XVIIIe et XIXes", "le XIX[e] siècle, les XVIII[e] et XIX[es]"},
		{"fr", "la Ve République, le Xe arrondissement", "la V[e] République, le X[e] arrondissement"},
		{"fr", "François Ier et le IIe Empire", "François I[er] et le II[e] Empire"},
		{"fr", "arrivée 2e.", "arrivée 2[e]."},
		{"fr", "(3e)", "(3[e])"},
		// French abbreviations and the numero sign
		{"fr", "Mme Dupont et Mlle Roux", "M[me] Dupont et M[lle] Roux"},
		{"fr", "Mmes et Mlles, Mgr Lustiger", "M[mes] et Mlles, M[gr] Lustiger"}, // Mlles before a comma: not a title before a name
		{"fr", "Mme\u00a0Dupont", "M[me]\u00a0Dupont"},
		{"fr", "le n° 5, le nº 12, la no 3, N° 7", "le n[o] 5, le n[o] 12, la n[o] 3, N[o] 7"},
		// never these
		{"fr", "Mme.", "Mme."},
		{"fr", "Mme. Dupont", "Mme. Dupont"},
		{"fr", "voir Mme", "voir Mme"},
		{"fr", "Ce que Le Monde De Me dit", "Ce que Le Monde De Me dit"},
		{"fr", "1e 1ère 2ème 2nde 3er 3d", "1e 1ère 2ème 2nde 3er 3d"},
		{"fr", "02e 0e", "02e 0e"},
		{"fr", "IIer VIer IIIre", "IIer VIer IIIre"},
		{"fr", "IIIIe VVe IC e", "IIIIe VVe IC e"},
		{"fr", "#2e2e2e 0x2e 2e5 2e-3", "#2e2e2e 0x2e 2e5 2[e]-3"},
		{"fr", "exemple.fr/2e et @1er et fichier_2e", "exemple.fr/2e et @1er et fichier_2e"},
		{"fr", "www.2e.fr", "www.2e.fr"},
		{"fr", "nos 5 enfants, no comment, n° de série", "nos 5 enfants, no comment, n° de série"},
		{"fr", "le 1st de 2nd", "le 1st de 2nd"},
		// English
		{"en", "the 1st, 2nd, 3rd and 4th", "the 1[st], 2[nd], 3[rd] and 4[th]"},
		{"en", "11th 12th 13th 21st 22nd 101st 111th", "11[th] 12[th] 13[th] 21[st] 22[nd] 101[st] 111[th]"},
		{"en", "1th 2st 3nd 11st 12nd", "1th 2st 3nd 11st 12nd"},
		{"en", "le 1er Mme Dupont XIXe", "le 1er Mme Dupont XIXe"},
		{"en-GB", "the 2nd", "the 2[nd]"},
		// languages without rules
		{"de", "der 1. und 2e Mme", "der 1. und 2e Mme"},
	} {
		got := show(ResolveLocale(c.lang).Superscripts(c.in), c.in)
		if got != c.want {
			t.Errorf("%s %q:\n got  %q\n want %q", c.lang, c.in, got, c.want)
		}
	}
}

func TestSuperscriptsKeepTheText(t *testing.T) {
	in := "Le 1er mai, Mme Dupont, n° 5, au XIXe siècle."
	var b strings.Builder
	for _, p := range ResolveLocale("fr").Superscripts(in) {
		b.WriteString(p.Text)
	}
	if got := strings.Replace(in, "°", "o", 1); b.String() != got {
		t.Errorf("pieces joined give %q, want %q", b.String(), got)
	}
}
