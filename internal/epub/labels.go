package epub

import (
	"strconv"
	"strings"
	"time"
)

// labels are the words the EPUB prints itself, in the book's language
// (French, or English for any other language).
type labels struct {
	contents, landmarks, cover, coverAlt, titlePage, copyright, start   string
	introduction, afterword, partners, index, editedBy, publisher       string
	license, identifier, edition, date, version, download, contributors string
	summary                                                             string
	months                                                              [12]string
	dateFormat                                                          func(d, m string, y int) string
}

func isFrench(lang string) bool {
	l := strings.ToLower(lang)
	return l == "fr" || strings.HasPrefix(l, "fr-")
}

func labelsFor(lang string) labels {
	if isFrench(lang) {
		return labels{
			contents:     "Sommaire",
			landmarks:    "Repères",
			cover:        "Couverture",
			coverAlt:     "Couverture : ",
			titlePage:    "Page de titre",
			copyright:    "Mentions légales",
			start:        "Début du texte",
			introduction: "Introduction",
			afterword:    "Postface",
			partners:     "Partenaires",
			index:        "Index des contributeurs",
			editedBy:     "Sous la direction de ",
			publisher:    "Éditeur : ",
			license:      "Licence : ",
			identifier:   "Identifiant : ",
			edition:      "Édition : ",
			date:         "Date : ",
			version:      "Version des sources : ",
			download:     "Téléchargement : ",
			contributors: "Contributeurs",
			summary: "Ce livre numérique se lit sans recours à la vue : toutes ses images ont un texte de remplacement. " +
				"Il propose un sommaire, une navigation structurée par titres, un ordre de lecture logique " +
				"et un index des contributeurs avec des liens. Aucun danger connu.",
			months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin",
				"juillet", "août", "septembre", "octobre", "novembre", "décembre"},
			dateFormat: func(d, m string, y int) string {
				if d == "1" {
					d = "1er"
				}
				return d + " " + m + " " + strconv.Itoa(y)
			},
		}
	}
	return labels{
		contents:     "Contents",
		landmarks:    "Landmarks",
		cover:        "Cover",
		coverAlt:     "Cover: ",
		titlePage:    "Title page",
		copyright:    "Copyright",
		start:        "Start of content",
		introduction: "Introduction",
		afterword:    "Afterword",
		partners:     "Partners",
		index:        "Index of contributors",
		editedBy:     "Edited by ",
		publisher:    "Publisher: ",
		license:      "License: ",
		identifier:   "Identifier: ",
		edition:      "Edition: ",
		date:         "Date: ",
		version:      "Source version: ",
		download:     "Download: ",
		contributors: "Contributors",
		summary: "This e-book can be read without sight: every image has a text alternative. " +
			"It offers a table of contents, structural navigation by headings, a logical reading order " +
			"and a linked index of contributors. No known hazards.",
		months: [12]string{"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
		dateFormat: func(d, m string, y int) string { return m + " " + d + ", " + strconv.Itoa(y) },
	}
}

// longDate writes a date for readers ("21 novembre 2026").
func (l labels) longDate(t time.Time) string {
	return l.dateFormat(strconv.Itoa(t.Day()), l.months[t.Month()-1], t.Year())
}
