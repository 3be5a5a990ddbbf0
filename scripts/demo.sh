#!/usr/bin/env bash
# `make demo`: start the emulator, `pulumi up` the quickstart example, invoke the deployed
# function and print its answer, then stop the emulator. Everything runs locally.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EXAMPLE="$ROOT/examples/functiongraph-basic"
WORK="$(mktemp -d -t cloudfn-demo-XXXX)"
export PATH="$ROOT/tools/pulumi/bin:$PATH"
export PULUMI_HOME="$WORK/home" PULUMI_BACKEND_URL="file://$WORK" PULUMI_CONFIG_PASSPHRASE="cloudfn-demo"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
eval "$(node -e 'const d=require(process.argv[1]).EMULATOR_DEFAULTS.functiongraph; for (const [k,v] of Object.entries(d)) console.log(`FG_${k}=${JSON.stringify(v)}`)' "$ROOT/dist/emulator/defaults.js")"

emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "==> starting the emulator"
node "$ROOT/dist/emulator/cli.js" --port 0 > "$WORK/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 50); do [ -s "$WORK/emulator.log" ] && break; sleep 0.1; done
URL="$(head -n1 "$WORK/emulator.log")"
echo "    $URL"

echo "==> installing the example (pulumi-cloudfn from its packed tarball)"
(cd "$EXAMPLE" && npm install --no-audit --no-fund --prefer-offline --silent)

cd "$EXAMPLE"
pulumi stack init demo --non-interactive >/dev/null
pulumi config set cloudfn:functiongraphEndpoint "$URL"
pulumi config set cloudfn:functiongraphIamEndpoint "$URL"
pulumi config set cloudfn:functiongraphRegion "$FG_region"
pulumi config set cloudfn:functiongraphProjectId "$FG_projectId"
pulumi config set --secret cloudfn:functiongraphAccessKey "$FG_accessKey"
pulumi config set --secret cloudfn:functiongraphSecretKey "$FG_secretKey"
trap 'rm -f "$EXAMPLE/Pulumi.demo.yaml"; cleanup' EXIT

echo "==> pulumi up"
pulumi up --yes --non-interactive
URN="$(pulumi stack output functionUrn)"

echo "==> invoking $URN"
# An IAM token from the emulator's /v3/auth/tokens, then a sync invoke with X-Auth-Token.
TOKEN="$(curl -s -D - -o /dev/null -X POST "$URL/v3/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$FG_userName\",\"password\":\"$FG_password\",\"domain\":{\"name\":\"$FG_domainName\"}}}},\"scope\":{\"project\":{\"id\":\"$FG_projectId\"}}}}" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')"
ANSWER="$(curl -s -X POST "$URL/v2/$FG_projectId/fgs/functions/$URN/invocations" \
  -H 'Content-Type: application/json' -H "X-Auth-Token: $TOKEN" -d '{"name":"cloudfn demo"}')"
echo "==> the function answered:"
node -e 'const r=JSON.parse(process.argv[1]); console.log(r.result ?? r)' "$ANSWER"
echo "==> stopping the emulator (state was kept in a temp folder and is discarded)"
