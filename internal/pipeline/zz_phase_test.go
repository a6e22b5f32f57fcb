package pipeline

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZPhases(t *testing.T) {
	only := strings.Split(os.Getenv("ONLY"), ",")
	for r := 0; r < 2; r++ {
		start := time.Now()
		opts := Options{Root: "../../testdata/corpus-612", Jobs: 2, Only: only, Out: t.TempDir() + "/out",
			Progress: func(s string) { fmt.Printf("%6.2f %s\n", time.Since(start).Seconds(), s) }}
		if _, err := Compile(opts); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%6.2f end\n", time.Since(start).Seconds())
	}
}
