#!/usr/bin/env bash
# Run the whole test suite the way CI does: install headless Chromium (Debian packages) if
# missing, start a throwaway Neo4j for the neo4j-marked tests (unless NEO4J_URI points at one
# already), run pytest, stop Neo4j. Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium and chromium-driver (Debian packages) for the browser tests"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        chromium chromium-driver >/dev/null || echo "warning: could not install chromium"
fi

# a CJK font, so that the browser tests' screenshots (/tmp/ringtrace-viz-*.png) show Chinese
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    echo "installing a Chinese font (fonts-wqy-microhei) for readable screenshots"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        fonts-wqy-microhei >/dev/null || echo "warning: could not install a Chinese font"
fi

# lint first (ruff, mypy); the doctests of every module run inside pytest (tests/test_doctests.py)
echo "ruff:" && "$VENV/bin/ruff" check ringtrace tests benchmarks tools || exit 1
echo "mypy:" && "$VENV/bin/mypy" || exit 1

if [ -n "${NEO4J_URI:-}" ]; then
    exec "$VENV/bin/pytest" -q -p no:cacheprovider "$@"
fi
exec bash tools/neo4j-dev/with-neo4j.sh "$VENV/bin/pytest" -q -p no:cacheprovider "$@"
