package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"gopkg.in/yaml.v3"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
	"github.com/recueil/recueil/internal/scaffold"
)

// releaseRe is a release tag the action can install: v1.2.3, v1.2.3-rc.1;
// not a Go pseudo-version (v0.0.0-20261203101010-abcdef123456) nor a
// development build.
var releaseRe = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-(rc|beta|alpha)\.[0-9]+)?$`)

// pinnedVersion is the release this recueil pins workflows to: its own
// version when it is a release, "" for a development build.
func pinnedVersion() string {
	if v := version(); releaseRe.MatchString(v) {
		return v
	}
	return ""
}

func upgradeWorkflowsCommand() *cli.Command {
	return &cli.Command{
		Name:  "upgrade-workflows",
		Usage: "pin the book's GitHub workflows (those recueil init wrote) to this version of recueil",
		Description: `Rewrites uses: recueil/recueil@OLD and version: OLD in the files of
.github/workflows that carry recueil init's header line, and prints what
it changed. Other files are never touched; each file is replaced whole
(written aside, then renamed). Nothing changes when the pins are already
this version's, and a workflow pinned to a later release is left as it
is. A development build of recueil has no release to pin to and refuses.`,
		Flags: []cli.Flag{bookFlag()},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return fail(exitUsage, fmt.Errorf("upgrade-workflows takes no arguments (got %q)", c.Args().First()))
			}
			root := flagValue(c, "book", ".")
			fr := bookIsFrench(root)
			msg := func(french, english string) string {
				if fr {
					return french
				}
				return english
			}
			to := pinnedVersion()
			if to == "" {
				return fail(exitUsage, errors.New(msg(
					"ce recueil est une version de développement : il ne connaît pas de version publiée à laquelle épingler les workflows ; lancez upgrade-workflows avec un recueil publié (recueil --version dit lequel vous avez)",
					"this recueil is a development build: it knows no release to pin the workflows to; run upgrade-workflows with a released recueil (recueil --version says which one you have)")))
			}
			dir := filepath.Join(root, ".github", "workflows")
			entries, err := os.ReadDir(dir)
			if errors.Is(err, fs.ErrNotExist) {
				return fail(exitUsage, fmt.Errorf(msg("%s n’existe pas : pas de workflows à mettre à jour (recueil init en écrit dans un nouveau livre)", "%s does not exist: no workflows to upgrade (recueil init writes them in a new book)"), dir))
			}
			if err != nil {
				why := book.ReadReason(err)
				return fail(exitUsage, fmt.Errorf(msg("%s ne peut pas être lu (%s) : pas de workflows mis à jour", "%s cannot be read (%s): no workflows upgraded"), dir, msg(why.Fr, why.En)))
			}
			changed, current, newer := 0, 0, 0
			for _, e := range entries {
				name := e.Name()
				if !e.Type().IsRegular() || !(strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml")) {
					continue
				}
				p := filepath.Join(dir, name)
				data, err := os.ReadFile(p)
				if err != nil {
					return fail(exitFailure, err)
				}
				if !scaffold.Written(data) {
					continue
				}
				out, old := scaffold.Upgrade(data, to)
				if len(old) == 0 {
					current++
					continue
				}
				// Never a step back: a workflow pinned to a later release
				// than this recueil is left as it is.
				if later := slices.IndexFunc(old, func(v string) bool { return scaffold.Newer(v, to) }); later >= 0 {
					newer++
					fmt.Fprintf(c.App.ErrWriter, msg("%s utilise recueil %s, plus récent que ce recueil (%s) : laissé tel quel.\n",
						"%s uses recueil %s, later than this recueil (%s): left as it is.\n"), p, old[later], to)
					continue
				}
				if err := pipeline.WriteAtomic(p, out); err != nil {
					return fail(exitFailure, err)
				}
				changed++
				fmt.Fprintf(c.App.Writer, msg("%s : recueil %s → %s\n", "%s: recueil %s → %s\n"), p, strings.Join(old, ", "), to)
			}
			switch {
			case changed == 0 && newer > 0:
				// said above, file by file
			case changed == 0 && current == 0:
				fmt.Fprintf(c.App.ErrWriter, msg("%s ne contient aucun workflow écrit par recueil init : rien à faire.\n",
					"%s holds no workflow written by recueil init: nothing to do.\n"), dir)
			case changed == 0:
				fmt.Fprintf(c.App.ErrWriter, msg("Les workflows utilisent déjà recueil %s : rien à faire.\n",
					"The workflows already use recueil %s: nothing to do.\n"), to)
			default:
				fmt.Fprintf(c.App.ErrWriter, msg("%d %s : validez-les (git commit) pour que les prochaines exécutions utilisent recueil %s.\n",
					"%d %s: commit them so that the next runs use recueil %s.\n"),
					changed, msg(plural(changed, "workflow mis à jour", "workflows mis à jour"), plural(changed, "workflow upgraded", "workflows upgraded")), to)
			}
			return nil
		},
	}
}

// bookIsFrench reads the language of book.yaml in root, for the messages
// of commands that do not load the book; French when it says none, as
// books are by default, or cannot be read.
func bookIsFrench(root string) bool {
	data, err := os.ReadFile(filepath.Join(root, "book.yaml"))
	if err != nil {
		return true
	}
	var y struct {
		Language string `yaml:"language"`
	}
	if yaml.Unmarshal(data, &y) != nil {
		return true
	}
	return book.IsFrench(y.Language)
}
