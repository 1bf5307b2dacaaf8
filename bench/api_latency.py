#!/usr/bin/env python3
"""Latency of the HTTP API with a corpus loaded, and throughput under wrk.

usage: bench/api_latency.py --hadath build/hadath --db news.db [--input corpus.jsonl]
                            [--runs 200] [--wrk-seconds 30]

With --input (and no database yet) it first ingests the corpus (timed: documents/s and
the database size). Then it starts `hadath serve` on a free loopback port, runs each of 5
search and 5 event queries --runs times one after another (after 10 warm-up runs) and
prints the median and p99 latency of each, and finally runs wrk against /api/events for
--wrk-seconds (requests/s and latency percentiles), if wrk is installed."""
import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

SEARCHES = ["روسيا", "الرئيس", '"وزير الخارجية"', "السعودية OR الإمارات", "اجتماع*"]
EVENTS = ["limit=50", "root=04&limit=50", "actor=SAU&limit=50", "country=USA&from=2014&limit=50",
          "modality=negated&offset=100&limit=50"]


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--input")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--wrk-seconds", type=int, default=30)
    ap.add_argument("--threads", type=int, default=16)
    a = ap.parse_args()

    if a.input and not os.path.exists(a.db):
        t = time.time()
        p = subprocess.run([a.hadath, "ingest", "--db", a.db, a.input], capture_output=True, text=True)
        secs = time.time() - t
        print(p.stderr.strip().splitlines()[-1])
        m = re.search(r"ingested: (\d+) added", p.stderr)
        n = int(m.group(1)) if m else 0
        size = sum(os.path.getsize(a.db + s) for s in ("", "-wal") if os.path.exists(a.db + s))
        print(f"ingest: {n} documents in {secs:.1f} s = {n / secs:.0f} documents/s; database {size / 1e6:.0f} MB")
        t = time.time()
        p = subprocess.run([a.hadath, "ingest", "--db", a.db, a.input], capture_output=True, text=True)
        print(f"re-ingest: {time.time() - t:.1f} s: {p.stderr.strip().splitlines()[-1]}")

    srv = subprocess.Popen([a.hadath, "serve", "--db", a.db, "--port", "0", "--threads", str(a.threads)],
                           stderr=subprocess.PIPE, text=True)
    line = srv.stderr.readline()
    m = re.search(r":(\d+)/", line)
    if not m:
        print("serve did not start: " + line, file=sys.stderr)
        return 1
    port = int(m.group(1))
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        paths = [("search " + q, "/api/search?q=" + urllib.parse.quote(q)) for q in SEARCHES]
        paths += [("events " + q, "/api/events?" + q) for q in EVENTS]
        print(f"{'query':44} {'p50 ms':>8} {'p99 ms':>8} {'results':>8}")
        all50 = []
        for name, path in paths:
            times = []
            body = b""
            for i in range(a.runs + 10):
                t = time.perf_counter()
                conn.request("GET", path)
                r = conn.getresponse()
                body = r.read()
                if r.status != 200:
                    print(f"{name}: HTTP {r.status} {body[:200]!r}", file=sys.stderr)
                    return 1
                if i >= 10:
                    times.append((time.perf_counter() - t) * 1000)
            total = re.search(rb'"total":(\d+)', body)
            p50 = statistics.median(times)
            all50.append(p50)
            print(f"{name:44} {p50:8.2f} {percentile(times, 99):8.2f} {total.group(1).decode() if total else '-':>8}")
        print(f"median of the medians: {statistics.median(all50):.2f} ms")
        wrk = shutil.which("wrk")
        if wrk and a.wrk_seconds > 0:
            out = subprocess.run([wrk, "-t2", "-c16", f"-d{a.wrk_seconds}s", "--latency",
                                  f"http://127.0.0.1:{port}/api/events?limit=50"], capture_output=True, text=True)
            rps = re.search(r"Requests/sec:\s+([\d.]+)", out.stdout)
            p99 = re.search(r"99%\s+([\d.]+\w+)", out.stdout)
            p50 = re.search(r"50%\s+([\d.]+\w+)", out.stdout)
            print(f"wrk /api/events?limit=50, 2 threads, 16 connections, {a.wrk_seconds} s: "
                  f"{rps.group(1) if rps else '?'} requests/s, p50 {p50.group(1) if p50 else '?'}, "
                  f"p99 {p99.group(1) if p99 else '?'}")
        elif a.wrk_seconds > 0:
            print("wrk not installed (apt-get install wrk): throughput not measured")
    finally:
        srv.terminate()
        srv.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
