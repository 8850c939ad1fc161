#!/usr/bin/env bash
# `make bench`: every benchmark, each printing its figures next to a baseline measured in the
# same run. Heavy: generates 250,000 cases (cached under .bench/).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${VENV:-.venv}/bin/python
CASES=${BENCH_CASES:-250000}
# every benchmark runs even when an earlier one misses its budget; the misses are listed at the
# end and make the run fail
missed=()
bench() {
    local title=$1; shift
    echo "== $title"
    "$@" || missed+=("$title")
}
bench "scan (${CASES} cases) vs networkx baseline" $PY benchmarks/bench_scan.py --cases "$CASES"
# resolution on the workspace the scan benchmark just ingested (else a 50,000-case one of its own)
resolve_ws=".bench/ws-${CASES}-20261128"
if [ -f "$resolve_ws/ringtrace.sqlite" ]; then resolve_args=(--workspace "$resolve_ws"); else resolve_args=(--cases 50000); fi
bench "entity resolution vs the code before its speed-up" $PY benchmarks/bench_resolve.py "${resolve_args[@]}"
# per-entity queries on the same scanned workspace (else a 50,000-case one of their own)
bench "per-entity queries: employer, agent, person, ring (issue 16)" $PY benchmarks/bench_queries.py "${resolve_args[@]}"
bench "synthetic province generation" $PY benchmarks/bench_synth.py
bench "raw-document ingest vs the code before scale27 (one process, then every core)" \
    bash -c "$PY benchmarks/bench_ingest.py --jobs 1 && $PY benchmarks/bench_ingest.py --jobs $(nproc)"
bench "evidence packs, exports and feedback" $PY benchmarks/bench_second_half.py
bench "hostile inputs: bounded work per file (issue 12)" $PY benchmarks/bench_hostile.py
if [ -f benchmarks/bench_parse.py ]; then
    bench "parse throughput" $PY benchmarks/bench_parse.py
fi
if [ -f benchmarks/bench_push.py ]; then
    uri_file=$(mktemp)
    if [ -z "${NEO4J_URI:-}" ]; then
        bash tools/neo4j-dev/start.sh "$uri_file" && export NEO4J_URI=$(cat "$uri_file")
        trap 'bash tools/neo4j-dev/stop.sh >/dev/null 2>&1 || true' EXIT
    fi
    bench "Neo4j push throughput" $PY benchmarks/bench_push.py
fi
if [ ${#missed[@]} -gt 0 ]; then
    printf 'missed its budget: %s\n' "${missed[@]}" >&2
    exit 1
fi
