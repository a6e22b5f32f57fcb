package serve

import (
	"strings"
	"sync"

	"github.com/recueil/recueil/internal/pipeline"
)

func pipelineOptions(root string) pipeline.Options {
	return pipeline.Options{Root: root, Jobs: 2, Env: func(k string) string { return "" }}
}

// logWriter is a strings.Builder safe for the server's goroutine.
type logWriter struct{ b *strings.Builder }

var logMu sync.Mutex

func (l *logWriter) Write(p []byte) (int, error) {
	logMu.Lock()
	defer logMu.Unlock()
	return l.b.Write(p)
}
