// A minimal Pulumi language host, built by scripts/provision-pulumi-python.sh, that serves two
// names: as `pulumi-language-python` it runs Python programs and generates Python SDKs; as
// `pulumi-language-go` it only generates Go SDKs. Used by this repository's tests and docs.
//
// Why it exists: the official pulumi-language-python and pulumi-language-go are Go modules the
// module proxy reachable here does not serve. SDK generation is nevertheless the real thing: it
// calls the same codegen packages of github.com/pulumi/pulumi/pkg/v3 the official hosts call, at
// the CLI's version. Running a program drives the real `pulumi` Python package (runner.py).
// Users of cloudfn install the official hosts with the Pulumi CLI.
//
// Protocol facts: the engine passes its own address as the last argument, reads our gRPC port
// from the first line of stdout, then calls Handshake, GetRequiredPackages and Run.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	language := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-language-")
	host := &languageHost{language: language, engineAddress: lastPositional(os.Args[1:])}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the language host: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stopped: %v\n", err)
		os.Exit(1)
	}
}

// The engine may add flags (-root, -tracing) before its address; we need none of them.
func lastPositional(args []string) string {
	for i := len(args) - 1; i >= 0; i-- {
		if !strings.HasPrefix(args[i], "-") {
			return args[i]
		}
	}
	return ""
}
