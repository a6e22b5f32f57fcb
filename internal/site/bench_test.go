package site_test

import (
	"crypto/sha256"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

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
	before := cpu()
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		n := 0
		put := func(rel string, data []byte) error {
			sum := sha256.Sum256(data)
			mu.Lock()
			n += len(data) + int(sum[0]&0)
			mu.Unlock()
			return nil
		}
		if _, err := site.Write(put, bk, bk.Files(), extra, site.Options{Jobs: 2}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "bytes/op")
	}
	b.ReportMetric((cpu()-before).Seconds()/float64(b.N), "cpu-s/op")
}

// cpu is the CPU time the process used so far, user and system, the
// garbage collector's included.
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
