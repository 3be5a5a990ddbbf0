#!/usr/bin/env bash
# Provision the Pulumi CLI into tools/pulumi/bin, built from Go modules (the official installer
# is not reachable here), plus the two plugins `pulumi up` needs for a nodejs program:
#   pulumi-language-nodejs         our minimal host (scripts/langhost: the official one is a Go
#                                  module the proxy does not serve; see host.js)
#   pulumi-resource-pulumi-nodejs  the dynamic-provider launcher shipped in @pulumi/pulumi
# and pulumi-language-yaml (scripts/provision-pulumi-yaml.sh) for the native plugin's YAML e2e,
# and pulumi-language-python/-go (scripts/provision-pulumi-python.sh) for its Python e2e and gen-sdk.
# Cached: a second run is a no-op. Reuses a `pulumi` on PATH when it is at least the pinned
# version. Requires `npm ci` to have run (the plugins come from node_modules).
set -euo pipefail
PULUMI_VERSION="${PULUMI_VERSION:-3.248.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/tools/pulumi/bin"
# The built CLI is cached outside the clone, so CI's fresh clone and later runs reuse it.
CACHE="${CLOUDFN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cloudfn}/pulumi-v$PULUMI_VERSION"

# A hard link (copy across filesystems), not a symlink: the engine looks for bundled plugins
# beside the resolved executable, and these plugins live here, not in the cache.
link_cli() { ln -f "$1" "$BIN/pulumi" 2>/dev/null || cp "$1" "$BIN/pulumi"; }
install_plugins() {
  ln -sf "$ROOT/scripts/langhost/pulumi-language-nodejs" "$BIN/pulumi-language-nodejs"
  install -m 0755 "$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$BIN/pulumi-resource-pulumi-nodejs"
  bash "$ROOT/scripts/provision-pulumi-yaml.sh"
  bash "$ROOT/scripts/provision-pulumi-python.sh"
}
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

mkdir -p "$BIN"
if [ -x "$CACHE/pulumi" ]; then
  link_cli "$CACHE/pulumi"; install_plugins
  echo "pulumi v$PULUMI_VERSION (cached in $CACHE)"; exit 0
fi
if ambient="$(PATH="${PATH//$BIN:/}" command -v pulumi 2>/dev/null)" && [ "$ambient" != "$BIN/pulumi" ]; then
  have="$("$ambient" version 2>/dev/null | sed 's/^v//')"
  if [ -n "$have" ] && version_ge "$have" "$PULUMI_VERSION"; then
    link_cli "$ambient"; install_plugins
    echo "reusing pulumi $have from $ambient"; exit 0
  fi
fi

WORK="$CACHE/build"
mkdir -p "$WORK"; cd "$WORK"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local
# The checksum database has no entries for these pulumi module versions; exempt only them
# (every other module is still verified).
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/*"
[ -f go.mod ] || go mod init cloudfn.local/pulumi-build >/dev/null
go mod edit -replace=github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION"
LDFLAGS="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"
export CGO_ENABLED=0
go build -trimpath -tags osusergo,grpcnotrace -ldflags "$LDFLAGS" -o "$CACHE/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
mv "$CACHE/pulumi.tmp" "$CACHE/pulumi"
link_cli "$CACHE/pulumi"; install_plugins
"$BIN/pulumi" version
