// Newsgraph turns news articles into a knowledge graph of people,
// organisations and reforms, and of who said what about them.
//
// Usage:
//
//	newsgraph extract PATH|URL... [-o out.nq] facts as N-Quads, no store needed
//	newsgraph build PATH|URL... [--db FILE]   extract and load into a Cayley store
//	newsgraph watch FEED-URL|DIR... [--every] keep a store up to date
//	newsgraph query 'GIZMO' [--db FILE]       run a Gizmo query, JSON out
//	newsgraph serve [--db FILE] [--addr A]    Cayley-compatible HTTP API and explorer
//	newsgraph export --format F [-o FILE]     GEXF, GraphML, N-Quads, JSON-LD, CSV
//	newsgraph search TEXT                     people, bodies, reforms, topics by name
//	newsgraph said|profile|reform|roles NAME  what a name said, all about it, a reform, roles
//	newsgraph who-said --about TEXT           who said what about a topic, name or phrase
//	newsgraph articles [--from D] [--entity N] articles by date, outlet, who they mention
//
// With no PATH, extract and build read the embedded example articles.
// Run "newsgraph help COMMAND" for each command's flags and an example.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph:", err)
		os.Exit(1)
	}
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "newsgraph",
		Short:         "Turn news articles into a knowledge graph of who said what",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newExtractCmd(),
		newBuildCmd(),
		newWatchCmd(),
		newRmCmd(),
		newQueryCmd(),
		newServeCmd(),
		newExportCmd(),
		newSearchCmd(),
		newTopCmd(),
		newSaidCmd(),
		newProfileCmd(),
		newReformCmd(),
		newWhoSaidCmd(),
		newRolesCmd(),
		newReformsCmd(),
		newArticlesCmd(),
		newArticleCmd(),
		newGenCmd(),
	)
	addProfileFlag(root)
	return root
}
