package main

import (
	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/serve"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the web edition on 127.0.0.1, rebuilt and reloaded in the browser when a text or book.yaml changes",
		Description: `Builds output/site (as compile --only site), serves it on http://127.0.0.1:PORT/
and watches book.yaml, contributions/, contributions/photos/ and editorial/: after
a change the site is rebuilt and open pages reload. Findings are printed here
and shown at the foot of every page. Ctrl-C stops it.`,
		Flags: []cli.Flag{
			bookFlag(), outFlag(),
			&cli.IntFlag{Name: "port", Value: 8080, Usage: "port on 127.0.0.1 (0: any free one)"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			o := options(c)
			return bookError(serve.Run(c.Context, serve.Options{Compile: o, Port: c.Int("port"), Log: c.App.ErrWriter}))
		},
	}
}
