package site_test

import (
	"crypto/sha256"
	"os"
	"sync"
	"testing"

	"github.com/recueil/recueil/internal/cpuclock"
	"github.com/recueil/recueil/internal/pipeline"
	"github.com/recueil/recueil/internal/site"
)

// BenchmarkWrite times the site's own work on the generated 612 corpus
// (make corpus writes testdata/corpus-612): every page, the search
// index, the sitemap and the fonts, each file hashed as the output's
// SHA256SUMS hashes it, the cards left out (each page is given a held
// card, as a warm run gives it).
func BenchmarkWrite(b *testing.B) {
	root := "../../testdata/corpus-612"
	if _, err := os.Stat(root); err != nil {
		b.Skip("no generated corpus: run `make corpus` first")
	}
	bk, _, err := pipeline.Check(pipeline.Options{Root: root, Jobs: 2})
	if err != nil {
		b.Fatal(err)
	}
	extra := map[string]site.Contributor{}
	for i, c := range bk.Published() {
		extra[c.Slug] = site.Contributor{First: 2*i + 10, Last: 2*i + 11, CardHeld: true, CardAlt: "Carte de " + c.Name}
	}
	b.ReportAllocs()
	b.ResetTimer()
	before := cpuclock.Used()
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		n, files := 0, 0
		var sums [sha256.Size]byte // the files' SHA-256s, xored, as SHA256SUMS hashes them
		put := func(rel string, data []byte) error {
			sum := sha256.Sum256(data)
			mu.Lock()
			n += len(data)
			files++
			for j := range sum {
				sums[j] ^= sum[j]
			}
			mu.Unlock()
			return nil
		}
		if _, err := site.Write(put, bk, bk.Files(), extra, site.Options{Jobs: 2}); err != nil {
			b.Fatal(err)
		}
		if pages := len(bk.Published()); files < 2*pages || sums == ([sha256.Size]byte{}) {
			b.Fatalf("%d files written for %d contributors", files, pages)
		}
		b.ReportMetric(float64(n), "bytes/op")
	}
	if used := cpuclock.Used() - before; used > 0 { // 0 where the system does not say
		b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/op")
	}
}
