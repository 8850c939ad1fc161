#!/usr/bin/env bash
# Stop the Neo4j server started by tools/neo4j-dev/start.sh (same NEO4J_DEV_STATE).
#
#   tools/neo4j-dev/stop.sh
#
# Sends SIGTERM (the launcher shuts Neo4j down cleanly and deletes its temporary data), waits up
# to NEO4J_DEV_STOP_TIMEOUT seconds (default 60), then SIGKILL. Does nothing when no server runs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${NEO4J_DEV_STATE:-$here/target/run}"
timeout_s="${NEO4J_DEV_STOP_TIMEOUT:-60}"

say() { echo "neo4j-dev: $*" >&2; }

if [[ ! -f "$state/pid" ]]; then
  say "no server recorded in $state"
  exit 0
fi
pid="$(cat "$state/pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  deadline=$((SECONDS + timeout_s))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      say "pid $pid still running after ${timeout_s}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  say "stopped (pid $pid)"
else
  say "pid $pid was not running"
fi
if [[ -f "$state/uri-file" ]]; then
  rm -f "$(cat "$state/uri-file")" "$state/uri-file"
fi
rm -f "$state/pid"
