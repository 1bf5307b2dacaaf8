#!/usr/bin/env bash
# Browser tests of the web UI against a real `hadath serve`.
#
# usage: tests/web/run_web_tests.sh HADATH_BINARY
#
# Builds a temporary SQLite store from examples/ (as scripts/demo.sh does) plus
# tests/web/hostile.jsonl, starts `HADATH serve` on a free port, runs
# tests/web/ui.test.mjs in Debian's chromium and stops the server.
# Exit status: 0 pass, 1 fail, 77 skipped (node or chromium missing).
# Environment: HADATH_WEB_ARTIFACTS (screenshots, default build/web-artifacts/),
# HADATH_CHROMIUM (default /usr/bin/chromium), HADATH_WEB_DIR (serve the UI from
# this directory with --web instead of the copy built into the binary).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ $# -ne 1 ]; then
  echo "usage: $0 HADATH_BINARY" >&2
  exit 2
fi
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then
  echo "FAIL: $bin is not an executable" >&2
  exit 1
fi

chromium=${HADATH_CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node is not installed (apt-get install nodejs npm)"
  exit 77
fi
if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium is not installed (apt-get install chromium)"
  exit 77
fi
export HADATH_CHROMIUM=$chromium

if [ ! -d "$here/node_modules/playwright-core" ]; then
  if ! (cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1); then
    echo "FAIL: npm ci in tests/web failed (is the npm registry reachable?)" >&2
    exit 1
  fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hadath-web.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$root" || exit 1
export HADATH_WEB_ARTIFACTS=${HADATH_WEB_ARTIFACTS:-$root/build/web-artifacts}

db=$tmp/web.db
ingest() {
  if ! "$bin" ingest --db "$db" "$@" >>"$tmp/ingest.log" 2>&1; then
    echo "FAIL: hadath ingest $*" >&2
    cat "$tmp/ingest.log" >&2
    exit 1
  fi
}
while IFS=$'\t' read -r file date; do
  [ "$file" = "file" ] && continue
  ingest --date "$date" "examples/$file"
done <examples/dates.tsv
ingest examples/articles.jsonl
ingest tests/web/hostile.jsonl

free_port() {
  node -e 'const s = require("net").createServer();
           s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

answers() {
  node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

web_args=()
if [ -n "${HADATH_WEB_DIR:-}" ]; then
  web_args=(--web "$HADATH_WEB_DIR")
fi

# The port is free when chosen; another process may take it before the
# server binds, so try a few.
url=
for attempt in 1 2 3; do
  port=$(free_port) || { echo "FAIL: no free port" >&2; exit 1; }
  "$bin" serve --db "$db" --port "$port" "${web_args[@]}" >"$tmp/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      break
    fi
    if answers "http://127.0.0.1:$port/api/stats"; then
      url=http://127.0.0.1:$port
      break 2
    fi
    sleep 0.2
  done
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  server_pid=
done
if [ -z "$url" ]; then
  echo "FAIL: hadath serve did not answer /api/stats" >&2
  cat "$tmp/serve.log" >&2
  exit 1
fi

node "$here/ui.test.mjs" "$url"
status=$?
if [ $status -ne 0 ]; then
  echo "--- hadath serve log ---"
  tail -n 40 "$tmp/serve.log"
fi
exit $status
