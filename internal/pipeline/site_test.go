package pipeline

import (
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	metaRE = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
	srcRE  = regexp.MustCompile(`(?:src|href)="([^"]+)"`)
)

// TestSampleSite reads the sample book's web edition as a link unfurler
// and a browser would: every contributor has a page whose og:image is
// their 1200×630 card, at the path its absolute URL names; every share
// points at a page that exists; pages are light, and request nothing from
// a third party.
func TestSampleSite(t *testing.T) {
	res, dir := sampleOut(t)
	siteDir := filepath.Join(dir, "site")
	var kit struct {
		Contributors []struct {
			Slug string `json:"slug"`
			Page string `json:"page"`
			Post string `json:"post"`
		} `json:"contributors"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "share.json"))
	if err != nil || json.Unmarshal(raw, &kit) != nil {
		t.Fatalf("share.json: %v", err)
	}
	if len(kit.Contributors) != len(res.Book.Published()) || len(kit.Contributors) == 0 {
		t.Fatalf("%d shares for %d contributors", len(kit.Contributors), len(res.Book.Published()))
	}
	base := strings.TrimSuffix(res.Book.URL, "/")
	for _, c := range kit.Contributors {
		page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(c.Page)))
		if err != nil {
			t.Errorf("%s: the share's page %s: %v", c.Slug, c.Page, err)
			continue
		}
		if !strings.Contains(c.Post, base+"/"+c.Slug+".html") {
			t.Errorf("%s: the post does not link to the page: %q", c.Slug, c.Post)
		}
		meta := map[string]string{}
		for _, m := range metaRE.FindAllStringSubmatch(string(page), -1) {
			meta[m[1]] = m[2]
		}
		img := meta["og:image"]
		if meta["og:type"] != "article" || meta["og:image:alt"] == "" || meta["twitter:card"] != "summary_large_image" || !strings.HasPrefix(img, base+"/") {
			t.Errorf("%s: link preview metadata %v", c.Slug, meta)
			continue
		}
		f, err := os.Open(filepath.Join(siteDir, filepath.FromSlash(strings.TrimPrefix(img, base+"/"))))
		if err != nil {
			t.Errorf("%s: og:image %s is not in the site: %v", c.Slug, img, err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: og:image is %dx%d (%v), want 1200x630", c.Slug, cfg.Width, cfg.Height, err)
		}
		if !strings.Contains(string(page), `<html lang="fr">`) || !strings.Contains(string(page), "application/ld+json") {
			t.Errorf("%s: no lang or no JSON-LD", c.Slug)
		}
	}
	entries, _ := os.ReadDir(siteDir)
	pages := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		pages++
		page, _ := os.ReadFile(filepath.Join(siteDir, e.Name()))
		if len(page) > 100<<10 {
			t.Errorf("%s is %d KB: over 100 KB before images", e.Name(), len(page)>>10)
		}
		// Resources (not links in the texts) stay on the site.
		for _, tag := range regexp.MustCompile(`<(?:img|link|script)[^>]*>`).FindAllString(string(page), -1) {
			for _, m := range srcRE.FindAllStringSubmatch(tag, -1) {
				if strings.Contains(m[1], "://") && !strings.HasPrefix(tag, `<link rel="canonical"`) {
					t.Errorf("%s requests %s from elsewhere", e.Name(), m[1])
				}
				if !strings.Contains(m[1], "://") {
					if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(strings.Split(m[1], " ")[0]))); err != nil {
						t.Errorf("%s: %s is missing", e.Name(), m[1])
					}
				}
			}
		}
	}
	if pages < len(kit.Contributors)+3 {
		t.Errorf("only %d pages", pages)
	}
	if sm, err := os.ReadFile(filepath.Join(siteDir, "sitemap.xml")); err != nil || strings.Count(string(sm), "<loc>") != pages {
		t.Errorf("sitemap.xml lists %d pages of %d (%v)", strings.Count(string(sm), "<loc>"), pages, err)
	}
}

// TestSampleSiteCheckers runs the outside checkers on the sample book's
// web edition: the Nu Html Checker on every page (no error), axe-core in
// headless Chromium on every page at 390 and 1280 px (no violation, no
// third-party request), and screenshots of the home and a contributor
// page. make tools installs them (scripts/ensure-tools.sh).
func TestSampleSiteCheckers(t *testing.T) {
	need(t, "java", "node")
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		t.Fatal("chromium is not installed: run `make tools` (Debian: apt-get install chromium)")
	}
	if _, err := os.Stat("../../scripts/site-check/node_modules"); err != nil {
		t.Fatal("the site checkers are not installed: run `make tools` (npm ci in scripts/site-check)")
	}
	_, dir := sampleOut(t)
	siteDir := filepath.Join(dir, "site")
	if out, err := exec.Command("../../scripts/site-check/vnu.sh", siteDir).CombinedOutput(); err != nil {
		t.Errorf("the Nu Html Checker: %v\n%s", err, out)
	}
	shots := t.TempDir()
	cmd := exec.Command("node", "../../scripts/site-check/check.mjs", siteDir, "--screenshots", shots, "index.html", "elodie-marchetti.html")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var report struct {
		Pages      int               `json:"pages"`
		Violations []json.RawMessage `json:"violations"`
		ThirdParty []json.RawMessage `json:"thirdParty"`
		Fonts      []struct {
			Family, Weight, Style, Status string
		} `json:"fonts"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("axe: %v %v\n%s\n%s", err, jerr, out, stderr.String())
	}
	if err != nil || len(report.Violations) > 0 || len(report.ThirdParty) > 0 {
		t.Errorf("axe: %v\n%s", err, out)
	}
	if report.Pages < 20 {
		t.Errorf("axe checked %d pages", report.Pages)
	}
	// The book's six faces ship with the site, and Chromium takes each.
	loaded := 0
	for _, f := range report.Fonts {
		if f.Status != "loaded" {
			t.Errorf("Chromium does not load the font %s %s %s: %s", f.Family, f.Weight, f.Style, f.Status)
		} else if strings.HasPrefix(f.Family, "recueil-") {
			loaded++
		}
	}
	if loaded != 6 {
		t.Errorf("%d of the book's faces loaded, want 6: %+v", loaded, report.Fonts)
	}
	entries, _ := os.ReadDir(shots)
	if len(entries) != 4 {
		t.Errorf("%d screenshots, want 4", len(entries))
	}
}
