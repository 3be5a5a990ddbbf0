#!/usr/bin/env bash
# Provision `pulumi-language-yaml` (the YAML language host, which the native-plugin e2e runs
# YAML programs with) into tools/pulumi/bin, built from its Go module the same way
# provision-pulumi.sh builds the CLI, and cached beside it: a second run only links it.
set -euo pipefail
YAML_VERSION="${PULUMI_YAML_VERSION:-1.25.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/tools/pulumi/bin"
CACHE_ROOT="${CLOUDFN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cloudfn}"
CACHED="$CACHE_ROOT/pulumi-language-yaml-v$YAML_VERSION"

link() { mkdir -p "$BIN"; ln -f "$CACHED" "$BIN/pulumi-language-yaml" 2>/dev/null || cp "$CACHED" "$BIN/pulumi-language-yaml"; }
if [ -x "$CACHED" ]; then link; echo "pulumi-language-yaml v$YAML_VERSION (cached)"; exit 0; fi

WORK="$CACHE_ROOT/yaml-build"
mkdir -p "$WORK"; cd "$WORK"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
# As for the CLI: only pulumi's own modules are exempt from the checksum database.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/*"
[ -f go.mod ] || go mod init cloudfn.local/pulumi-yaml-build >/dev/null
go get "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$YAML_VERSION"
go build -trimpath -ldflags "-s -w" -o "$CACHED.tmp" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
mv "$CACHED.tmp" "$CACHED"
link
echo "pulumi-language-yaml v$YAML_VERSION built into $CACHED"
