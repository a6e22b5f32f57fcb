// Package serve is recueil serve: the web edition on 127.0.0.1, rebuilt
// when a source changes and reloaded in the browser, as hugo server and
// mdbook serve do. It serves output/site only, through os.Root.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/markup"
	"github.com/recueil/recueil/internal/pipeline"
)

// Options are what serve needs: the compile's options and a port on
// 127.0.0.1 (0: any free one). Ready, when set, is told the address once
// the first build is served.
type Options struct {
	Compile pipeline.Options
	Port    int
	Log     io.Writer
	Ready   func(addr string)
}

type state struct {
	mu       sync.Mutex
	gen      int    // builds so far
	problems string // the last build's findings or error, "" when clean
	changed  chan struct{}
}

// Run builds the site, serves it until ctx is done, and rebuilds it when
// book.yaml, contributions/ (and its photos) or editorial/ change.
func Run(ctx context.Context, o Options) error {
	c := o.Compile
	c.Only = []string{"site"}
	c.Context = ctx
	out := c.Out
	if out == "" {
		out = filepath.Join(c.Root, "output")
	}
	st := &state{changed: make(chan struct{})}
	build := func() {
		res, err := pipeline.Compile(c)
		var msg strings.Builder
		if res != nil && len(res.Diags) > 0 {
			msg.WriteString(res.Diags.Text())
		}
		if err != nil {
			fmt.Fprintf(&msg, "%v\n", err)
		}
		said := book.M("%s : édition web reconstruite", "%s rebuilt").Format(time.Now().Format("15:04:05"))
		fmt.Fprint(o.Log, said.In(load.BookLanguage(c.Root)))
		if msg.Len() > 0 {
			fmt.Fprintf(o.Log, ":\n%s", msg.String())
		} else {
			fmt.Fprintln(o.Log)
		}
		st.mu.Lock()
		st.gen++
		st.problems = msg.String()
		close(st.changed)
		st.changed = make(chan struct{})
		st.mu.Unlock()
	}
	build()
	if ctx.Err() != nil {
		return nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, d := range []string{"", "contributions", "contributions/photos", "editorial"} {
		w.Add(filepath.Join(c.Root, d)) // a folder that does not exist is not watched
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", o.Port))
	if err != nil {
		return &pipeline.UsageError{Err: err}
	}
	srv := &http.Server{Handler: handler(book.DirFS(filepath.Join(out, "site")), st), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	addr := "http://" + ln.Addr().String() + "/"
	fmt.Fprintln(o.Log, book.M("édition web servie sur %s (Ctrl-C pour arrêter)", "serving %s (Ctrl-C to stop)").Format(addr).In(load.BookLanguage(c.Root)))
	if o.Ready != nil {
		o.Ready(addr)
	}
	var debounce <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			srv.Shutdown(shut)
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Remove|fsnotify.Rename) != 0 && !strings.HasPrefix(filepath.Base(ev.Name), ".") {
				debounce = time.After(150 * time.Millisecond)
			}
		case err := <-w.Errors:
			fmt.Fprintln(o.Log, book.M("surveillance des fichiers : %v", "watching the files: %v").Format(err).In(load.BookLanguage(c.Root)))
		case <-debounce:
			debounce = nil
			build()
		}
	}
}

// reload is added to every page: it waits for the next build and reloads.
const reload = `<script>(function(){var g=%d;function w(){fetch("/_recueil/wait?gen="+g).then(function(r){return r.text()}).then(function(t){if(t!==String(g))location.reload();else w()}).catch(function(){setTimeout(w,1000)})}w()})();</script>`

func handler(site fs.FS, st *state) http.Handler {
	files := http.FileServerFS(site)
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_recueil/wait" {
			st.mu.Lock()
			gen, ch := st.gen, st.changed
			st.mu.Unlock()
			if r.URL.Query().Get("gen") == fmt.Sprint(gen) {
				select {
				case <-ch:
				case <-time.After(25 * time.Second):
				case <-r.Context().Done():
					return
				}
			}
			st.mu.Lock()
			gen = st.gen
			st.mu.Unlock()
			fmt.Fprint(rw, gen)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if p == "/" {
			p = "/index.html"
		}
		if !strings.HasSuffix(p, ".html") {
			files.ServeHTTP(rw, r)
			return
		}
		page, err := fs.ReadFile(site, strings.TrimPrefix(p, "/"))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				http.NotFound(rw, r)
				return
			}
			http.Error(rw, err.Error(), http.StatusInternalServerError)
			return
		}
		st.mu.Lock()
		gen, problems := st.gen, st.problems
		st.mu.Unlock()
		extra := fmt.Sprintf(reload, gen)
		if problems != "" {
			extra = "<pre role=\"alert\" style=\"position:fixed;bottom:0;left:0;right:0;max-height:40vh;overflow:auto;margin:0;padding:1rem;background:#5c0011;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap\">" +
				markup.Esc(problems) + "</pre>" + extra
		}
		html := strings.Replace(string(page), "</body>", extra+"\n</body>", 1)
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.Header().Set("Cache-Control", "no-store")
		io.WriteString(rw, html)
	})
}
