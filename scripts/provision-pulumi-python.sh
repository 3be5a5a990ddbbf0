#!/usr/bin/env bash
# Provision the Python (and Go SDK-generating) language host into tools/pulumi/bin as
# `pulumi-language-python` and `pulumi-language-go`: built from scripts/langhost-python against
# the CLI's pulumi modules (the official hosts' modules are not served by the Go module proxy;
# see main.go there), and cached beside the CLI: a second run only links it. The cache key holds
# the sources' digest, so an edit rebuilds.
set -euo pipefail
PULUMI_VERSION="${PULUMI_VERSION:-3.248.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$ROOT/scripts/langhost-python"
BIN="$ROOT/tools/pulumi/bin"
CACHE_ROOT="${CLOUDFN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cloudfn}"
DIGEST="$(cat "$SRC"/*.go "$SRC"/*.py | sha256sum | cut -c1-12)"
CACHED="$CACHE_ROOT/pulumi-language-python-v$PULUMI_VERSION-$DIGEST"

link() {
  mkdir -p "$BIN"
  for lang in python go; do
    ln -f "$CACHED" "$BIN/pulumi-language-$lang" 2>/dev/null || cp "$CACHED" "$BIN/pulumi-language-$lang"
  done
}
if [ -x "$CACHED" ]; then link; echo "pulumi-language-python v$PULUMI_VERSION-$DIGEST (cached)"; exit 0; fi

WORK="$CACHE_ROOT/python-host-build"
mkdir -p "$WORK"; cd "$WORK"
rm -f ./*.go ./*.py; cp "$SRC"/*.go "$SRC"/*.py .
export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
# As for the CLI: only pulumi's own modules are exempt from the checksum database.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/*"
[ -f go.mod ] || go mod init cloudfn.local/pulumi-python-host >/dev/null
go get "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION"
# The CLI's flags, so the packages both share come from Go's build cache.
go build -trimpath -tags osusergo,grpcnotrace -ldflags "-s -w -X main.pulumiVersion=$PULUMI_VERSION" -o "$CACHED.tmp" .
mv "$CACHED.tmp" "$CACHED"
link
echo "pulumi-language-python v$PULUMI_VERSION-$DIGEST built into $CACHED"
