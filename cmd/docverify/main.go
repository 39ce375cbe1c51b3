// Command docverify checks Markdown documentation against the code: every
// environment variable, command-line flag, config key and feature flag the
// docs say exists must be read somewhere in the code. See the README.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}
