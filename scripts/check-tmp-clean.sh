#!/usr/bin/env bash
# Runs a command (a jest run) with TMPDIR pointing at a fresh directory of its own, then fails if
# anything is left in it. Children (node, the Pulumi CLI, the emulator's runtimes) inherit TMPDIR,
# so whatever they forget to remove is caught too. The directory goes away whatever happens.
# Usage: scripts/check-tmp-clean.sh <command> [args...]
set -uo pipefail

host_tmp="${TMPDIR:-/tmp}"
run_tmp="$(mktemp -d "$host_tmp/cloudfn-test-run-XXXXXX")" || exit 1
trap 'rm -rf "$run_tmp"' EXIT
trap 'exit 130' INT TERM

# jest keeps its transform cache in the temp folder; keep it in the shared one (jest.config.js).
export CLOUDFN_HOST_TMPDIR="$host_tmp"
TMPDIR="$run_tmp" "$@"
status=$?

leftovers="$(find "$run_tmp" -mindepth 1 -maxdepth 3 | sort)"
if [[ -n "$leftovers" ]]; then
  echo "check-tmp-clean: the run left these in the temp folder:" >&2
  echo "${leftovers//$run_tmp/\$TMPDIR}" >&2
  # Jest's own failure wins; otherwise the leftovers fail the run.
  [[ $status -ne 0 ]] || status=1
fi
exit "$status"
