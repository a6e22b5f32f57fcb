package book

// The words recueil prints itself in German, Spanish, Italian, Portuguese
// and Dutch, and British English's marks and dates. Typography (spacing,
// quotation marks inside the text) is the typographer's; these are the
// labels of the PDF, the EPUB, the site, the cards and the share kit.

var german = Labels{
	Contents: "Inhalt", FullContents: "Inhaltsverzeichnis", IndexOrganizations: "Verzeichnis der Organisationen", IndexCities: "Verzeichnis der Orte", Landmarks: "Orientierungspunkte", Cover: "Umschlag", TitlePage: "Titelseite",
	Copyright: "Impressum", Start: "Textbeginn",
	Introduction: "Einleitung", Afterword: "Nachwort", Partners: "Partner",
	Index: "Verzeichnis der Beitragenden", Contributors: "Beitragende", Part: "Teil",
	LegalDeposit: "Pflichtexemplar", Publisher: "Verlag", License: "Lizenz", Identifier: "Kennung", Edition: "Auflage", Date: "Datum",
	SourceVersion: "Version der Quellen", Download: "Download", FreeDownload: "Kostenloser Download",
	TypesetWith: "Gesetzt mit recueil in Liberation Serif und Liberation Sans.",
	WholeBook:   "Das ganze Buch",
	A11ySummary: "Dieses E-Book ist ohne Sehvermögen lesbar: Jedes Bild hat einen Alternativtext. " +
		"Es bietet ein Inhaltsverzeichnis, eine Navigation nach Überschriften, eine logische Lesereihenfolge " +
		"und ein verlinktes Verzeichnis der Beitragenden. Keine bekannten Gefahren.",
	ShareKit: "Paket zum Teilen",
	ShareIntro: "Für alle Beitragenden: die Karte zum Teilen (breit für LinkedIn, X und Linkvorschauen, quadratisch und hochformatig für Instagram und LinkedIn, mit einem QR-Code zur eigenen Seite), " +
		"ihr Alternativtext für das entsprechende Feld des Netzwerks, fertige Beitragstexte für jedes Netzwerk und der Sonderdruck der eigenen Seiten.",
	CardAlt: "Alternativtext der Karte", ReadyPost: "Fertiger Beitragstext", SquareCard: "Quadratische Karte", PortraitCard: "Hochformatige Karte (1080 × 1350)", WideCard: "Breite Karte",
	Offprint: "Sonderdruck (PDF)", Page: "Seite", Pages: "Seiten",
	Draft: "ENTWURF", DraftNote: "Entwurf: Diese Fassung des Buches ist nicht veröffentlicht und kann sich noch ändern.",
	PreviewErrors: "Vorschau eines Textes mit Fehlern: Beheben Sie sie, damit er ins Buch aufgenommen wird.",
	Line:          "Zeile", more: "… und %d weitere",
	Home: "Startseite", SkipToText: "Zum Text springen", ContributorsAZ: "Die Beitragenden von A bis Z",
	Previous: "Zurück", Next: "Weiter", Search: "Suchen", SearchHint: "Ein Name, eine Organisation, ein Wort aus dem Text",
	NoResult: "Kein Ergebnis.", ReadPDF: "Das Buch als PDF", ReadEPUB: "Das Buch als EPUB", InTheBook: "Im Buch",
	Colophon: "Kolophon", TheBook: "Das Buch", WebPage: "Die eigene Seite im Web",
	and: " und ", editedBy: "Herausgegeben von", portrait: "Porträt von", in: "in",
	quotes: [2]string{"„", "“"},
	months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni",
		"Juli", "August", "September", "Oktober", "November", "Dezember"},
	colon: ": ", date: dateDE, from: "Auszug aus", p: "S.", pp: "S.",
}

var spanish = Labels{
	Contents: "Índice", FullContents: "Índice detallado", IndexOrganizations: "Índice de organizaciones", IndexCities: "Índice de ciudades", Landmarks: "Puntos de referencia", Cover: "Cubierta", TitlePage: "Portada",
	Copyright: "Créditos", Start: "Inicio del texto",
	Introduction: "Introducción", Afterword: "Epílogo", Partners: "Socios",
	Index: "Índice de autores", Contributors: "Autores", Part: "Parte",
	LegalDeposit: "Depósito legal", Publisher: "Editorial", License: "Licencia", Identifier: "Identificador", Edition: "Edición", Date: "Fecha",
	SourceVersion: "Versión de las fuentes", Download: "Descarga", FreeDownload: "Descarga gratuita",
	TypesetWith: "Compuesto con recueil en Liberation Serif y Liberation Sans.",
	WholeBook:   "El libro completo",
	A11ySummary: "Este libro electrónico puede leerse sin la vista: todas sus imágenes tienen un texto alternativo. " +
		"Ofrece un índice, una navegación estructurada por encabezados, un orden de lectura lógico " +
		"y un índice de autores con enlaces. Sin riesgos conocidos.",
	ShareKit: "Kit para compartir",
	ShareIntro: "Para cada autora y cada autor: la tarjeta para compartir (ancha para LinkedIn, X y las vistas previas de enlaces; cuadrada y vertical para Instagram y LinkedIn, con un código QR a su página), " +
		"su texto alternativo para el campo correspondiente de la red, un texto listo para publicar en cada red y la separata de sus páginas.",
	CardAlt: "Texto alternativo de la tarjeta", ReadyPost: "Texto listo para publicar", SquareCard: "Tarjeta cuadrada", PortraitCard: "Tarjeta vertical (1080 × 1350)", WideCard: "Tarjeta ancha",
	Offprint: "Separata (PDF)", Page: "página", Pages: "páginas",
	Draft: "BORRADOR", DraftNote: "Borrador: esta versión del libro no está publicada; todavía puede cambiar.",
	PreviewErrors: "Vista previa de un texto con errores: corríjalos para que entre en el libro.",
	Line:          "línea", more: "… y %d más",
	Home: "Inicio", SkipToText: "Ir al texto", ContributorsAZ: "Los autores de la A a la Z",
	Previous: "Anterior", Next: "Siguiente", Search: "Buscar", SearchHint: "Un nombre, una organización, una palabra del texto",
	NoResult: "Ningún resultado.", ReadPDF: "El libro en PDF", ReadEPUB: "El libro en EPUB", InTheBook: "En el libro",
	Colophon: "Colofón", TheBook: "El libro", WebPage: "Su página en la web",
	and: " y ", editedBy: "Edición a cargo de", portrait: "Retrato de", in: "en",
	quotes: [2]string{"«", "»"},
	months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio",
		"julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	colon: ": ", date: dateDeDe, from: "Extracto de", p: "p.", pp: "pp.",
}

var italian = Labels{
	Contents: "Indice", FullContents: "Indice dettagliato", IndexOrganizations: "Indice delle organizzazioni", IndexCities: "Indice delle città", Landmarks: "Punti di riferimento", Cover: "Copertina", TitlePage: "Frontespizio",
	Copyright: "Note legali", Start: "Inizio del testo",
	Introduction: "Introduzione", Afterword: "Postfazione", Partners: "Partner",
	Index: "Indice degli autori", Contributors: "Autori", Part: "Parte",
	LegalDeposit: "Deposito legale", Publisher: "Editore", License: "Licenza", Identifier: "Identificativo", Edition: "Edizione", Date: "Data",
	SourceVersion: "Versione dei sorgenti", Download: "Download", FreeDownload: "Download gratuito",
	TypesetWith: "Composto con recueil in Liberation Serif e Liberation Sans.",
	WholeBook:   "Il libro completo",
	A11ySummary: "Questo libro digitale si può leggere senza la vista: ogni immagine ha un testo alternativo. " +
		"Offre un indice, una navigazione strutturata per titoli, un ordine di lettura logico " +
		"e un indice degli autori con collegamenti. Nessun rischio noto.",
	ShareKit: "Kit di condivisione",
	ShareIntro: "Per ogni autrice e ogni autore: la scheda da condividere (larga per LinkedIn, X e le anteprime dei link; quadrata e verticale per Instagram e LinkedIn, con un codice QR alla sua pagina), " +
		"il testo alternativo da incollare nel campo apposito del social, un testo pronto da pubblicare per ogni social e l’estratto delle sue pagine.",
	CardAlt: "Testo alternativo della scheda", ReadyPost: "Testo pronto da pubblicare", SquareCard: "Scheda quadrata", PortraitCard: "Scheda verticale (1080 × 1350)", WideCard: "Scheda larga",
	Offprint: "Estratto (PDF)", Page: "pagina", Pages: "pagine",
	Draft: "BOZZA", DraftNote: "Bozza: questa versione del libro non è pubblicata; può ancora cambiare.",
	PreviewErrors: "Anteprima di un testo con errori: correggili perché entri nel libro.",
	Line:          "riga", more: "… e altri %d",
	Home: "Home", SkipToText: "Vai al testo", ContributorsAZ: "Gli autori dalla A alla Z",
	Previous: "Precedente", Next: "Successivo", Search: "Cerca", SearchHint: "Un nome, un’organizzazione, una parola del testo",
	NoResult: "Nessun risultato.", ReadPDF: "Il libro in PDF", ReadEPUB: "Il libro in EPUB", InTheBook: "Nel libro",
	Colophon: "Colophon", TheBook: "Il libro", WebPage: "La sua pagina sul sito",
	and: " e ", editedBy: "A cura di", portrait: "Ritratto di", in: "in",
	quotes: [2]string{"«", "»"},
	months: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
		"luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	colon: ": ", date: dateIT, from: "Estratto da", p: "p.", pp: "pp.",
}

var portuguese = Labels{
	Contents: "Sumário", FullContents: "Índice", IndexOrganizations: "Índice de organizações", IndexCities: "Índice de cidades", Landmarks: "Pontos de referência", Cover: "Capa", TitlePage: "Folha de rosto",
	Copyright: "Ficha técnica", Start: "Início do texto",
	Introduction: "Introdução", Afterword: "Posfácio", Partners: "Parceiros",
	Index: "Índice de autores", Contributors: "Autores", Part: "Parte",
	LegalDeposit: "Depósito legal", Publisher: "Editora", License: "Licença", Identifier: "Identificador", Edition: "Edição", Date: "Data",
	SourceVersion: "Versão das fontes", Download: "Transferência", FreeDownload: "Transferência gratuita",
	TypesetWith: "Composto com recueil em Liberation Serif e Liberation Sans.",
	WholeBook:   "O livro completo",
	A11ySummary: "Este livro digital pode ser lido sem a visão: todas as imagens têm um texto alternativo. " +
		"Oferece um sumário, uma navegação estruturada por títulos, uma ordem de leitura lógica " +
		"e um índice de autores com ligações. Sem riscos conhecidos.",
	ShareKit: "Kit de partilha",
	ShareIntro: "Para cada autora e cada autor: o cartão a partilhar (largo para o LinkedIn, o X e as pré-visualizações de ligações; quadrado e vertical para o Instagram e o LinkedIn, com um código QR para a sua página), " +
		"o texto alternativo a colar no campo próprio da rede, um texto pronto a publicar em cada rede e a separata das suas páginas.",
	CardAlt: "Texto alternativo do cartão", ReadyPost: "Texto pronto a publicar", SquareCard: "Cartão quadrado", PortraitCard: "Cartão vertical (1080 × 1350)", WideCard: "Cartão largo",
	Offprint: "Separata (PDF)", Page: "página", Pages: "páginas",
	Draft: "RASCUNHO", DraftNote: "Rascunho: esta versão do livro não está publicada; ainda pode mudar.",
	PreviewErrors: "Pré-visualização de um texto com erros: corrija-os para que entre no livro.",
	Line:          "linha", more: "… e mais %d",
	Home: "Início", SkipToText: "Ir para o texto", ContributorsAZ: "Os autores de A a Z",
	Previous: "Anterior", Next: "Seguinte", Search: "Pesquisar", SearchHint: "Um nome, uma organização, uma palavra do texto",
	NoResult: "Nenhum resultado.", ReadPDF: "O livro em PDF", ReadEPUB: "O livro em EPUB", InTheBook: "No livro",
	Colophon: "Colofão", TheBook: "O livro", WebPage: "A sua página no site",
	and: " e ", editedBy: "Coordenação de", portrait: "Retrato de", in: "em",
	quotes: [2]string{"«", "»"},
	months: [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho",
		"julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
	colon: ": ", date: dateDeDe, from: "Excerto de", p: "p.", pp: "pp.",
}

var dutch = Labels{
	Contents: "Inhoud", FullContents: "Uitgebreide inhoud", IndexOrganizations: "Register van organisaties", IndexCities: "Register van plaatsen", Landmarks: "Oriëntatiepunten", Cover: "Omslag", TitlePage: "Titelpagina",
	Copyright: "Verantwoording", Start: "Begin van de tekst",
	Introduction: "Inleiding", Afterword: "Nawoord", Partners: "Partners",
	Index: "Register van auteurs", Contributors: "Auteurs", Part: "Deel",
	LegalDeposit: "Wettelijk depot", Publisher: "Uitgever", License: "Licentie", Identifier: "Identificatie", Edition: "Editie", Date: "Datum",
	SourceVersion: "Versie van de bronnen", Download: "Download", FreeDownload: "Gratis download",
	TypesetWith: "Gezet met recueil in Liberation Serif en Liberation Sans.",
	WholeBook:   "Het hele boek",
	A11ySummary: "Dit e-boek is zonder zicht te lezen: elke afbeelding heeft een alternatieve tekst. " +
		"Het biedt een inhoudsopgave, navigatie via koppen, een logische leesvolgorde " +
		"en een register van auteurs met links. Geen bekende risico’s.",
	ShareKit: "Deelpakket",
	ShareIntro: "Voor elke auteur: de kaart om te delen (breed voor LinkedIn, X en linkvoorbeelden; vierkant en staand voor Instagram en LinkedIn, met een QR-code naar de eigen pagina), " +
		"de alternatieve tekst voor het daarvoor bestemde veld van het netwerk, een kant-en-klare tekst per netwerk en de overdruk van de eigen pagina’s.",
	CardAlt: "Alternatieve tekst van de kaart", ReadyPost: "Kant-en-klare tekst", SquareCard: "Vierkante kaart", PortraitCard: "Staande kaart (1080 × 1350)", WideCard: "Brede kaart",
	Offprint: "Overdruk (PDF)", Page: "pagina", Pages: "pagina’s",
	Draft: "CONCEPT", DraftNote: "Concept: deze versie van het boek is niet gepubliceerd; ze kan nog veranderen.",
	PreviewErrors: "Voorbeeld van een tekst met fouten: verbeter ze, zodat de tekst in het boek komt.",
	Line:          "regel", more: "… en nog %d",
	Home: "Start", SkipToText: "Naar de tekst", ContributorsAZ: "De auteurs van A tot Z",
	Previous: "Vorige", Next: "Volgende", Search: "Zoeken", SearchHint: "Een naam, een organisatie, een woord uit de tekst",
	NoResult: "Geen resultaten.", ReadPDF: "Het boek als pdf", ReadEPUB: "Het boek als EPUB", InTheBook: "In het boek",
	Colophon: "Colofon", TheBook: "Het boek", WebPage: "Eigen pagina op de site",
	and: " en ", editedBy: "Onder redactie van", portrait: "Portret van", in: "in",
	quotes: [2]string{"“", "”"},
	months: [12]string{"januari", "februari", "maart", "april", "mei", "juni",
		"juli", "augustus", "september", "oktober", "november", "december"},
	colon: ": ", date: dateDMY, from: "Uit", p: "p.", pp: "pp.",
}

// britishEnglish is English with British marks and dates.
var britishEnglish = func() Labels {
	l := english
	l.quotes = [2]string{"‘", "’"}
	l.date = dateDMY
	return l
}()

// How a language writes a date.
const (
	dateMDY  = iota // November 1, 2026 (American English)
	dateFR          // 1er novembre 2026
	dateDMY         // 1 November 2026 (British English, Dutch)
	dateDE          // 1. November 2026
	dateDeDe        // 1 de noviembre de 2026 (Spanish, Portuguese)
	dateIT          // 1º novembre 2026
)

// labelsFor is the table of a language, by its base and region; English
// for a language recueil has no words of.
func labelsFor(base, region string) Labels {
	switch base {
	case "fr":
		return french
	case "de":
		return german
	case "es":
		return spanish
	case "it":
		return italian
	case "pt":
		return portuguese
	case "nl":
		return dutch
	case "en":
		switch region {
		case "GB", "IE", "AU", "NZ", "ZA", "IN":
			return britishEnglish
		}
	}
	return english
}
