#!/usr/bin/env bash
# Run the whole test suite the way CI does: install headless Chromium (Debian packages) if
# missing, start a throwaway Neo4j for the neo4j-marked tests, run pytest, stop Neo4j.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium and chromium-driver (Debian packages) for the browser tests"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        chromium chromium-driver >/dev/null || echo "warning: could not install chromium"
fi

uri_file=$(mktemp)
started=0
if [ -z "${NEO4J_URI:-}" ] && [ -x tools/neo4j-dev/start.sh ]; then
    if bash tools/neo4j-dev/start.sh "$uri_file"; then
        export NEO4J_URI=$(cat "$uri_file")
        started=1
    else
        echo "warning: could not start the development Neo4j (see above)"
    fi
fi

"$VENV/bin/pytest" -q -p no:cacheprovider "$@"
status=$?

if [ "$started" = 1 ]; then
    bash tools/neo4j-dev/stop.sh >/dev/null 2>&1 || true
fi
rm -f "$uri_file"
exit $status
