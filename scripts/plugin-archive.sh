#!/usr/bin/env bash
# Packs the native provider plugin as an archive `pulumi plugin install resource cloudfn
# <version> --file <archive>` accepts: the engine unpacks it into its plugin folder and runs the
# `pulumi-resource-cloudfn` found at the archive's root, so the root holds a launcher script
# plus node_modules with the packed pulumi-cloudfn and its production dependencies (node >= 20
# must be on PATH where the plugin runs).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARBALL="$(realpath "${1:-$ROOT/.cache/pulumi-cloudfn.tgz}")"
VERSION="$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")"
SDK="$(node -p 'require(process.argv[1]).devDependencies["@pulumi/pulumi"]' "$ROOT/package.json")"
OUT="$ROOT/.cache/pulumi-resource-cloudfn-v$VERSION.tgz"
STAGE="$(mktemp -d "$ROOT/.cache/plugin-stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT

cat >"$STAGE/package.json" <<JSON
{ "name": "pulumi-resource-cloudfn-plugin", "private": true,
  "dependencies": { "pulumi-cloudfn": "file:$TARBALL", "@pulumi/pulumi": "$SDK" } }
JSON
(cd "$STAGE" && npm install --omit=dev --no-audit --no-fund --prefer-offline --install-links >/dev/null)
# The archive must not point back at this checkout.
rm -f "$STAGE/package.json" "$STAGE/package-lock.json"
cat >"$STAGE/pulumi-resource-cloudfn" <<'SH'
#!/bin/sh
# Launcher of the cloudfn native provider: the engine runs it with its own address as argument.
exec node "$(dirname "$0")/node_modules/pulumi-cloudfn/dist/provider/native/main.js" "$@"
SH
chmod 0755 "$STAGE/pulumi-resource-cloudfn"
tar -czf "$OUT" -C "$STAGE" .
echo "packed $OUT (install: pulumi plugin install resource cloudfn $VERSION --file $OUT)"
