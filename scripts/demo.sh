#!/usr/bin/env bash
# README command (a): install, build, ingest the bundled sample articles into an
# embedded SQLite store and print the events table.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
db=${HADATH_DB:-build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
# Each .txt sample carries no date: its publication date (examples/README.md).
while IFS=$'\t' read -r file date; do
  [ "$file" = "file" ] && continue
  build/hadath ingest --db "$db" --date "$date" "examples/$file"
done < examples/dates.tsv
build/hadath ingest --db "$db" examples/articles.jsonl
echo
build/hadath events --db "$db"
