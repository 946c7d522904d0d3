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
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// stopGrace is how long a command has, after SIGINT or SIGTERM cancelled
// its context, to stop on its own before the process exits regardless.
const stopGrace = 10 * time.Second

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go stopOnSignal(sigs, cancel, stopGrace)
	err := newRootCmd().ExecuteContext(ctx)
	if cause := context.Cause(ctx); err != nil && errors.Is(err, context.Canceled) && cause != nil {
		err = cause // "stopped by interrupt", not "context canceled"
	}
	cancel(nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph:", err)
		os.Exit(1)
	}
}

// stopOnSignal cancels the commands' context at the first signal, which
// stops them at their next read, write or step. A command that has not
// returned after grace, or a second signal, ends the process: something
// may block where no context reaches (a read from a hung network file
// system). The stores are safe to stop at any moment (a write left
// unfinished is undone when the store is next opened).
func stopOnSignal(sigs <-chan os.Signal, cancel context.CancelCauseFunc, grace time.Duration) {
	sig := <-sigs
	cancel(fmt.Errorf("stopped by %v", sig))
	select {
	case <-sigs:
	case <-time.After(grace):
	}
	fmt.Fprintf(os.Stderr, "newsgraph: stopped by %v\n", sig)
	code := 1
	if s, ok := sig.(syscall.Signal); ok {
		code = 128 + int(s)
	}
	os.Exit(code)
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
