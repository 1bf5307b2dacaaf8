#!/usr/bin/env python3
"""Search quality: ingests docs.jsonl with `hadath ingest`, runs every query of
queries.jsonl with `hadath search`, and checks that each expected document is returned
and each absent one is not. Exits 1 if any query fails. With --db-uri the documents go
into that database (an empty PostgreSQL database: tests/pg/run_pg.py) instead of a
temporary SQLite file."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    ap.add_argument("--db-uri", help="store the documents here (e.g. postgresql://…) instead of a temporary SQLite file")
    args = ap.parse_args()
    h = args.hadath
    db = args.db_uri or os.path.join(tempfile.mkdtemp(prefix="hadath-search-"), "search.db")
    docs = os.path.join(HERE, "docs.jsonl")
    for attempt in ("first", "again"):
        p = subprocess.run([h, "ingest", "--db", db, docs], capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            print(f"FAIL ingest ({attempt}): exit {p.returncode}: {p.stderr}")
            return 1
    if " 0 added, 0 replaced," not in p.stderr:
        print(f"FAIL re-ingest of unchanged documents changed something: {p.stderr.strip()}")
        return 1

    passed = total = 0
    with open(os.path.join(HERE, "queries.jsonl"), encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            q = json.loads(line)
            total += 1
            p = subprocess.run([h, "search", "--db", db, "--format", "jsonl", "--limit", "100",
                                *q.get("args", []), q["query"]],
                               capture_output=True, text=True, timeout=60)
            if p.returncode != 0:
                print(f"FAIL queries.jsonl:{line_no} {q['query']}: exit {p.returncode}: {p.stderr.strip()}")
                continue
            got = [json.loads(l)["id"] for l in p.stdout.splitlines() if l.strip()]
            missing = [d for d in q["expect"] if d not in got]
            unwanted = [d for d in q.get("absent", []) if d in got]
            if missing or unwanted:
                print(f"FAIL queries.jsonl:{line_no} ({q['what']}) {q['query']}: got {got}, "
                      f"missing {missing}, should be absent {unwanted}")
            else:
                passed += 1
    print(f"search quality: {passed}/{total} queries passed")
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
