#!/usr/bin/env bash
# Run a command with its own throwaway Neo4j server, exported as NEO4J_URI, and stop it afterwards.
#
#   tools/neo4j-dev/with-neo4j.sh COMMAND [ARGS...]
#   e.g. tools/neo4j-dev/with-neo4j.sh .venv/bin/pytest -m neo4j
#
# The server gets its own state directory (so a developer's `make neo4j` server and its data are
# never touched) and is stopped however the command ends; the command's exit status is returned.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -eq 0 ]]; then
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
export NEO4J_DEV_STATE="${NEO4J_DEV_STATE:-$here/target/run-$$}"
trap '"$here/stop.sh" || true; rm -rf "$NEO4J_DEV_STATE"' EXIT
NEO4J_URI="$("$here/start.sh")"
export NEO4J_URI
set +e
"$@"
status=$?
set -e
exit "$status"
