#!/usr/bin/env bash
# Start a throwaway Neo4j Community server (tools/neo4j-dev) for development and tests.
#
#   tools/neo4j-dev/start.sh [--port N] [URI_FILE]
#
# Builds the launcher on first use (offline from ~/.m2 when possible, else from Maven Central),
# starts it in the background on 127.0.0.1 (auth disabled, data in a temporary directory that is
# deleted when it stops), waits until Bolt answers a handshake, writes the bolt:// URI to URI_FILE
# (default: $NEO4J_DEV_STATE/uri) and prints it on stdout. If this state directory already has a
# live server, prints its URI instead of starting another. Stop it with tools/neo4j-dev/stop.sh.
#
# Environment: NEO4J_DEV_STATE (state directory, default tools/neo4j-dev/target/run),
# NEO4J_DEV_HEAP (JVM heap, default 2g), NEO4J_DEV_PAGECACHE_MB (default 512),
# NEO4J_DEV_TIMEOUT (seconds to wait for Bolt, default 180), JAVA_HOME or JAVA (java binary).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${NEO4J_DEV_STATE:-$here/target/run}"
heap="${NEO4J_DEV_HEAP:-2g}"
pagecache="${NEO4J_DEV_PAGECACHE_MB:-512}"
timeout_s="${NEO4J_DEV_TIMEOUT:-180}"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
port=0
uri_file=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "start.sh: unknown option $1" >&2; exit 2 ;;
    *) uri_file="$1"; shift ;;
  esac
done

say() { echo "neo4j-dev: $*" >&2; }

# True when a Bolt server at host:port answers the handshake with a protocol version.
bolt_answers() {
  local host="$1" port="$2" reply
  reply="$(
    exec 3<>"/dev/tcp/$host/$port" || exit 1
    # magic 0x6060B017, then four proposals: 5.8 (range 8), 4.4 (range 4), 3.0, none.
    printf '\x60\x60\xb0\x17\x00\x08\x08\x05\x00\x04\x04\x04\x00\x00\x00\x03\x00\x00\x00\x00' >&3
    timeout 5 head -c 4 <&3 | od -An -tx1 | tr -d ' \n'
  )" 2>/dev/null || return 1
  [[ ${#reply} -eq 8 && "$reply" != "00000000" ]]
}

uri_answers() {
  local hostport="${1#*://}"
  bolt_answers "${hostport%:*}" "${hostport##*:}"
}

alive() { [[ -f "$state/pid" ]] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

mkdir -p "$state"
if alive && [[ -f "$state/uri-file" ]] && [[ -f "$(cat "$state/uri-file")" ]]; then
  uri="$(cat "$(cat "$state/uri-file")")"
  if uri_answers "$uri"; then
    say "already running (pid $(cat "$state/pid")) at $uri"
    [[ -n "$uri_file" ]] && { mkdir -p "$(dirname "$uri_file")"; echo "$uri" > "$uri_file"; }
    echo "$uri"
    exit 0
  fi
fi
if alive; then
  say "a previous server (pid $(cat "$state/pid")) does not answer; stopping it"
  NEO4J_DEV_STATE="$state" "$here/stop.sh"
fi

# Build the launcher when it is missing or older than its sources.
jar="$here/target/neo4j-dev.jar"
if [[ ! -f "$jar" || "$here/pom.xml" -nt "$jar" || -n "$(find "$here/src" -newer "$jar" -type f)" ]]; then
  if [[ -f "$jar" ]] && mvn -q -o -B -f "$here/pom.xml" package >"$state/build.log" 2>&1; then
    say "rebuilt the launcher offline"
  else
    say "building the launcher (downloads Neo4j from Maven Central on first use)"
    if ! mvn -q -B -f "$here/pom.xml" package >"$state/build.log" 2>&1; then
      tail -n 30 "$state/build.log" >&2
      say "build failed; full log in $state/build.log"
      exit 1
    fi
  fi
fi

# Start it. The launcher writes the URI file only once the default database is available.
target_uri_file="${uri_file:-$state/uri}"
mkdir -p "$(dirname "$target_uri_file")"
target_uri_file="$(cd "$(dirname "$target_uri_file")" && pwd)/$(basename "$target_uri_file")"
rm -f "$target_uri_file"
echo "$target_uri_file" > "$state/uri-file"
nohup "$java" "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -jar "$jar" --port "$port" --uri-file "$target_uri_file" --pagecache-mb "$pagecache" \
  >"$state/server.log" 2>&1 </dev/null &
pid=$!
echo "$pid" > "$state/pid"

deadline=$((SECONDS + timeout_s))
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    tail -n 30 "$state/server.log" >&2
    say "server exited during start-up; log in $state/server.log"
    rm -f "$state/pid"
    exit 1
  fi
  if [[ -s "$target_uri_file" ]]; then
    uri="$(cat "$target_uri_file")"
    if uri_answers "$uri"; then
      break
    fi
  fi
  if (( SECONDS >= deadline )); then
    say "no Bolt answer after ${timeout_s}s; log in $state/server.log"
    NEO4J_DEV_STATE="$state" "$here/stop.sh"
    exit 1
  fi
  sleep 0.5
done
say "up (pid $pid) at $uri; stop with tools/neo4j-dev/stop.sh"
echo "$uri"
