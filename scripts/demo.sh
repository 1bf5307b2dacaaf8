#!/usr/bin/env bash
# README command (a): install, build, ingest the bundled sample articles into an
# embedded SQLite store, print the events table and a search, and leave the web UI
# and HTTP API running on http://127.0.0.1:${HADATH_PORT:-8080}/ (stop it with
# `kill $(cat build/demo-serve.pid)`).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
db=${HADATH_DB:-build/demo.db}
port=${HADATH_PORT:-8080}
pidfile=build/demo-serve.pid
if [ -f "$pidfile" ]; then  # a server from an earlier run holds the old database
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
  sleep 0.5
fi
rm -f "$db" "$db-wal" "$db-shm"
# Each .txt sample carries no date: its publication date (examples/README.md).
while IFS=$'\t' read -r file date; do
  [ "$file" = "file" ] && continue
  build/hadath ingest --db "$db" --date "$date" "examples/$file"
done < examples/dates.tsv
build/hadath ingest --db "$db" examples/articles.jsonl
echo
build/hadath events --db "$db"
echo
echo "\$ hadath search --db $db لروسيا   (any clitic, hamza or digit spelling finds the word)"
build/hadath search --db "$db" لروسيا
echo
nohup build/hadath serve --db "$db" --port "$port" > build/demo-serve.log 2>&1 &
echo $! > "$pidfile"
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/api/stats', timeout=1)" 2>/dev/null; then
    echo "web UI and API: http://127.0.0.1:$port/  (API under /api/, described at /api/openapi.json)"
    echo "stop the server: kill \$(cat $pidfile)"
    exit 0
  fi
  sleep 0.2
done
echo "hadath serve did not start: see build/demo-serve.log" >&2
cat build/demo-serve.log >&2
exit 1
