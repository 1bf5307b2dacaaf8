#!/usr/bin/env python3
"""The PostgreSQL store against a real server that this script starts and removes:

  1. the store tests (StoreBehaviour/postgresql and Pg*) of the unit-test binary;
  2. four `hadath ingest --db postgresql://…` processes at once over the same input
     store exactly what one SQLite ingest stores (every table's rows, every event once),
     and a fifth ingest adds nothing;
  3. the search-quality suite (tests/search/run_search.py) against PostgreSQL.

Exit status 0 all passed, 1 something failed, 77 no PostgreSQL server binaries (skip).
See README.md beside this file."""
import argparse
import glob
import json
import os
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TABLES = ["documents", "events", "event_mentions", "sentences", "entities", "times", "quotes", "relations",
          "learned_mentions"]


def server_bin():
    """The newest /usr/lib/postgresql/*/bin with initdb, pg_ctl, postgres and psql."""
    def version(d):
        m = re.search(r"/postgresql/(\d+)", d)
        return int(m.group(1)) if m else 0
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if all(os.access(os.path.join(d, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres", "psql")):
            return d
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A throw-away cluster in a temporary directory, on 127.0.0.1 and a free port.
    PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user."""

    def __init__(self, bindir):
        self.bindir = bindir
        self.tmp = tempfile.mkdtemp(prefix="hadath-pg-")
        self.data = os.path.join(self.tmp, "data")
        self.sock = os.path.join(self.tmp, "sock")
        os.mkdir(self.sock)
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")  # KeyError: no such user (handled by the caller)
            for d in (self.tmp, self.sock):
                os.chown(d, pw.pw_uid, pw.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.started = False

    def run(self, *cmd, **kw):
        return subprocess.run(self.as_user + list(cmd), capture_output=True, text=True, **kw)

    def start(self):
        p = self.run(os.path.join(self.bindir, "initdb"), "-D", self.data, "-A", "trust", "-U", "hadath",
                     "-E", "UTF8", "--no-locale", timeout=120)
        if p.returncode != 0:
            raise RuntimeError("initdb failed: " + p.stdout + p.stderr)
        opts = (f"-h 127.0.0.1 -p {self.port} -k {self.sock} -c fsync=off -c synchronous_commit=off"
                " -c full_page_writes=off -c deadlock_timeout=200ms -c max_connections=60")
        p = self.run(os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-o", opts, "-l",
                     os.path.join(self.tmp, "server.log"), "-w", "-t", "60", "start", timeout=90)
        if p.returncode != 0:
            raise RuntimeError("pg_ctl start failed: " + p.stdout + p.stderr + self.log())
        self.started = True

    def log(self):
        try:
            with open(os.path.join(self.tmp, "server.log"), encoding="utf-8", errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return ""

    def uri(self, db):
        return f"postgresql://hadath@127.0.0.1:{self.port}/{db}"

    def psql(self, db, sql):
        p = subprocess.run([os.path.join(self.bindir, "psql"), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                            "-d", self.uri(db), "-c", sql], capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise RuntimeError(f"psql {sql}: {p.stderr}")
        return p.stdout.strip()

    def stop(self):
        if self.started:
            self.run(os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop", timeout=60)
            self.started = False
        shutil.rmtree(self.tmp, ignore_errors=True)


def corpus(path, extra):
    """The search set and the examples, and `extra` more articles made of their texts
    with distinct ids: dated over ten years (so the workers create partitions as they
    go) and some undated."""
    base = []
    for f in ("tests/search/docs.jsonl", "examples/articles.jsonl"):
        with open(os.path.join(ROOT, f), encoding="utf-8") as fh:
            base += [json.loads(l) for l in fh if l.strip()]
    docs = list(base)
    for k in range(extra):
        a, b = base[k % len(base)], base[(k * 7 + 3) % len(base)]
        d = {"id": f"gen-{k:04d}", "title": b.get("title") or a.get("title") or "خبر",
             "text": a["text"] + "\n\n" + b["text"], "source": ("wire", "paper", "site")[k % 3]}
        if k % 9 != 0:
            d["published"] = f"{2014 + k % 10}-{1 + k % 12:02d}-{1 + k % 28:02d}"
        docs.append(d)
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return len(docs)


def sqlite_rows(db):
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    events = sorted(f"{d}:{e}:{c}:{x or ''}" for d, e, c, x in
                    con.execute("SELECT doc_id, event_id, cameo, date FROM events"))
    con.close()
    return counts, events


def pg_rows(server, db):
    counts = {t: int(server.psql(db, f"SELECT count(*) FROM {t}")) for t in TABLES}
    out = server.psql(db, "SELECT doc_id || ':' || event_id || ':' || cameo || ':' || coalesce(date, '') FROM events")
    return counts, sorted(l for l in out.splitlines() if l)


def step_unit_tests(server, tests):
    """Each test in a database of its own, so that no test sees another's rows."""
    flt = "*StoreBehaviour*postgresql*:Pg*"
    p = subprocess.run([tests, "--gtest_list_tests", "--gtest_filter=" + flt], capture_output=True, text=True,
                       timeout=120)
    names, suite = [], ""
    for line in p.stdout.splitlines():
        if not line.strip() or line.startswith("Running main"):
            continue
        if not line.startswith(" "):
            suite = line.split()[0]
        else:
            names.append(suite + line.split()[0])
    if p.returncode != 0 or len(names) < 10:
        print(f"FAIL listing the store unit tests: exit {p.returncode}: {p.stdout[-2000:]}{p.stderr[-2000:]}")
        return False
    failed = []
    for i, name in enumerate(names):
        db = f"unit{i}"
        server.psql("postgres", f"CREATE DATABASE {db}")
        env = dict(os.environ, HADATH_TEST_PG_URI=server.uri(db))
        p = subprocess.run([tests, "--gtest_filter=" + name, "--gtest_brief=1"], capture_output=True, text=True,
                           env=env, timeout=300)
        if p.returncode != 0 or "[  PASSED  ] 1 test" not in p.stdout:
            failed.append(name)
            print(f"FAIL {name} against PostgreSQL (exit {p.returncode}):\n{p.stdout[-4000:]}{p.stderr[-2000:]}")
    if failed:
        return False
    print(f"ok   {len(names)} store unit tests against PostgreSQL (each in a new database)")
    return True


def step_concurrent_ingest(server, hadath, work, given=None):
    if given:
        jsonl = given
        with open(given, encoding="utf-8", errors="replace") as fh:
            n = sum(1 for line in fh if line.strip())
    else:
        jsonl = os.path.join(work, "corpus.jsonl")
        n = corpus(jsonl, 700)
    lite = os.path.join(work, "corpus.db")
    p = subprocess.run([hadath, "ingest", "--db", lite, jsonl], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        print(f"FAIL SQLite ingest: exit {p.returncode}: {p.stderr}")
        return False
    want_counts, want_events = sqlite_rows(lite)

    server.psql("postgres", "CREATE DATABASE ingest")
    uri = server.uri("ingest")
    t0 = time.monotonic()
    procs = [subprocess.Popen([hadath, "ingest", "--db", uri, jsonl], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [pr.communicate(timeout=300) + (pr.returncode,) for pr in procs]
    took = time.monotonic() - t0
    ok = True
    for i, (out, err, rc) in enumerate(results):
        if rc != 0:
            print(f"FAIL ingest worker {i + 1}: exit {rc}: {err[-2000:]}")
            ok = False
    got_counts, got_events = pg_rows(server, "ingest")
    if got_counts != want_counts:
        print(f"FAIL 4 concurrent ingests: PostgreSQL {got_counts} != SQLite {want_counts}")
        ok = False
    if got_events != want_events:
        diff = sorted(set(got_events) ^ set(want_events))[:10]
        print(f"FAIL 4 concurrent ingests: events differ from SQLite's ({len(got_events)} vs {len(want_events)};"
              f" e.g. {diff})")
        ok = False
    # The CLI's event listing (every event, in the stores' order) is the same text.
    csv = [subprocess.run([hadath, "events", "--db", db, "--format", "csv"], capture_output=True, text=True,
                          timeout=120) for db in (lite, uri)]
    if csv[0].stdout.count("\n") < 100 or csv[1].returncode != 0 or csv[1].stdout != csv[0].stdout:
        print(f"FAIL hadath events --format csv differs: SQLite {len(csv[0].stdout.splitlines())} lines,"
              f" PostgreSQL {len(csv[1].stdout.splitlines())} lines (exit {csv[1].returncode}: {csv[1].stderr.strip()})")
        ok = False
    deadlocks = server.psql("ingest", "SELECT deadlocks FROM pg_stat_database WHERE datname = 'ingest'")
    partitions = server.psql("ingest", "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_inherits i"
                                       " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass")
    if ok:
        print(f"ok   4 concurrent ingests of {n} documents in {took:.1f} s: {got_counts['documents']} documents, "
              f"{got_counts['events']} events, as SQLite ({len(csv[1].stdout.splitlines()) - 1} in `hadath events`);"
              f" {deadlocks} deadlocks resolved by replaying a batch; partitions: {partitions}")
        for i, (out, err, rc) in enumerate(results):
            print(f"     worker {i + 1}: {err.strip().splitlines()[-1] if err.strip() else ''}")

    p = subprocess.run([hadath, "ingest", "--db", uri, jsonl], capture_output=True, text=True, timeout=300)
    again_counts, again_events = pg_rows(server, "ingest")
    if p.returncode != 0 or " 0 added, 0 replaced," not in p.stderr or again_counts != got_counts \
            or again_events != got_events:
        print(f"FAIL a 5th ingest changed something: exit {p.returncode}: {p.stderr.strip()}")
        ok = False
    else:
        print(f"ok   a 5th ingest adds nothing: {p.stderr.strip()}")
    return ok


def step_search(server, hadath):
    server.psql("postgres", "CREATE DATABASE search")
    p = subprocess.run([sys.executable, os.path.join(ROOT, "tests/search/run_search.py"), "--hadath", hadath,
                        "--db-uri", server.uri("search")], capture_output=True, text=True, timeout=600)
    print(("ok   " if p.returncode == 0 else "FAIL ") + "search quality against PostgreSQL:\n" + p.stdout.strip() +
          ("\n" + p.stderr.strip() if p.stderr.strip() else ""))
    return p.returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    ap.add_argument("--tests", required=True, help="the unit-test binary (hadath_tests)")
    ap.add_argument("--input", help="a JSON Lines corpus: run only the concurrent-ingest comparison, over it"
                                    " (e.g. ../shared/data/saudinewsnet_dev.jsonl)")
    args = ap.parse_args()
    bindir = server_bin()
    if not bindir:
        print("SKIP: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
        return 77
    try:
        server = Server(bindir)
    except KeyError:
        print("SKIP: running as root and there is no `postgres` user to run the server as")
        return 77
    # ctest's timeout sends SIGTERM: stop the server and remove its files then too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    work = tempfile.mkdtemp(prefix="hadath-pg-work-")
    t0 = time.monotonic()
    try:
        server.start()
        print(f"PostgreSQL from {bindir} on port {server.port}")
        if args.input:
            ok = step_concurrent_ingest(server, args.hadath, work, os.path.abspath(args.input))
        else:
            ok = step_unit_tests(server, args.tests)
            ok = step_concurrent_ingest(server, args.hadath, work) and ok
            ok = step_search(server, args.hadath) and ok
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"FAIL {e}\n{server.log()}")
        ok = False
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"postgresql: {'passed' if ok else 'FAILED'} in {time.monotonic() - t0:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
