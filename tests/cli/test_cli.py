#!/usr/bin/env python3
"""CLI behaviour a user sees: exit codes, FILE[:LINE] error messages for bad input while
the other inputs are still processed, usage errors, and idempotent SQLite ingest."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
results = []


def run(hadath, *argv, stdin=None):
    return subprocess.run([hadath, *argv], input=stdin, capture_output=True, timeout=120)


def case(name, cond, detail=""):
    results.append(cond)
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    h = ap.parse_args().hadath
    tmp = tempfile.mkdtemp(prefix="hadath-cli-")
    good = os.path.join(ROOT, "examples", "02_visit_talks.txt")
    bad_utf8 = os.path.join(tmp, "bad.txt")
    open(bad_utf8, "wb").write("عنوان\nنص".encode() + b"\xff\xfe")
    nul = os.path.join(tmp, "nul.txt")
    open(nul, "wb").write(b"abc\x00def")
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "wb").write(b"")
    binary = os.path.join(tmp, "blob.txt")
    open(binary, "wb").write(bytes(range(256)) * 4)

    huge = os.path.join(tmp, "huge.txt")
    open(huge, "w", encoding="utf-8").write("عنوان\n" + "كلمة " * 1000000)
    p = run(h, "analyze", huge, good)
    case("oversized document rejected with its name, the rest analysed",
         p.returncode == 1 and f"{huge}: document of" in p.stderr.decode() and
         len([l for l in p.stdout.decode().split("\n") if l.strip()]) == 1, p.stderr)

    p = run(h, "analyze", "--date", "2019-09-10", bad_utf8, nul, good, empty, binary)
    out = [l for l in p.stdout.decode().split("\n") if l.strip()]
    err = p.stderr.decode()
    case("bad inputs exit 1", p.returncode == 1, p.returncode)
    case("good input still analysed", len(out) == 1 and json.loads(out[0])["id"] == "02_visit_talks", out[:1])
    case("invalid UTF-8 named with position", f"{bad_utf8}: byte" in err, err)
    case("NUL byte named", f"{nul}: byte 3" in err and "NUL" in err, err)
    case("empty input named", f"{empty}: empty document" in err, err)
    case("binary input named", f"{binary}:" in err, err)

    jl = os.path.join(tmp, "in.jsonl")
    with open(jl, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": "زار وزير الخارجية الروسي سيرغي لافروف القاهرة أمس.",
                             "published": "2021-04-12"}, ensure_ascii=False) + "\n")
        fh.write("{broken\n")
        fh.write(json.dumps({"id": "c", "title": "no text"}) + "\n")
        fh.write(json.dumps({"id": "d", "text": "نص قصير."}, ensure_ascii=False) + "\n")
    p = run(h, "analyze", jl)
    out = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    err = p.stderr.decode()
    case("jsonl: bad lines exit 1", p.returncode == 1, p.returncode)
    case("jsonl: good lines analysed", [o["id"] for o in out] == ["a", "d"], [o["id"] for o in out])
    case("jsonl: malformed line named", f"{jl}:2: malformed JSON" in err, err)
    case("jsonl: missing text named", f"{jl}:3: field 'text'" in err, err)
    case("jsonl: published carried", out and out[0]["published"] == "2021-04-12", out[:1])

    p = run(h, "analyze", "--no-such-option", good)
    case("unknown option is a usage error (2)", p.returncode == 2, p.returncode)
    p = run(h, "analyze", "--date", "20-09-2023", good)
    case("bad --date is a usage error (2)", p.returncode == 2, p.returncode)
    p = run(h, "analyze", "-", stdin="عنوان\n\nقال لافروف إن الحوار مستمر.".encode())
    case("stdin input", p.returncode == 0 and p.stdout.decode().startswith('{"schema":"hadath/1"'), p.stderr)

    p = run(h, "segment", "--format", "conllu", "--one-sentence-per-line", "-",
            stdin="وبكين وللصحافيين\nسطر ثان".encode())
    conllu = p.stdout.decode()
    case("segment: one sentence per line", conllu.count("# text =") == 2, conllu)
    case("segment: multiword token line", "1-2\tوبكين" in conllu, conllu)

    db = os.path.join(tmp, "t.db")
    p = run(h, "ingest", "--db", db, "--date", "2019-09-10", good, bad_utf8)
    case("ingest: bad input exit 1, good stored", p.returncode == 1 and "1 added" in p.stderr.decode(), p.stderr)
    p = run(h, "ingest", "--db", db, "--date", "2019-09-10", good)
    case("ingest: re-ingest changes nothing", p.returncode == 0 and "1 unchanged" in p.stderr.decode(), p.stderr)
    p = run(h, "events", "--db", db, "--format", "jsonl")
    rows = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    case("events: stored events listed", p.returncode == 0 and len(rows) > 0, p.stderr)
    p = run(h, "events", "--db", db, "--root", "04", "--format", "csv")
    lines = [l for l in p.stdout.decode().split("\r\n") if l]
    case("events: root filter", all(",04" in l for l in lines[1:]) and len(lines) > 1, lines[:3])
    n_events = len(rows)
    p = run(h, "export", "--db", db, "--format", "gdelt")
    glines = [l for l in p.stdout.decode().split("\n") if l]
    case("export gdelt: one line of 61 tab-separated columns per event",
         p.returncode == 0 and len(glines) == n_events and all(l.count("\t") == 60 for l in glines), glines[:1])
    case("export gdelt: CAMEO code and root in columns 27 and 29",
         all(l.split("\t")[28] == l.split("\t")[26][:2] for l in glines), glines[:1])
    p = run(h, "export", "--db", db, "--format", "plover")
    plines = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    case("export plover: one JSON object per event with its type",
         len(plines) == n_events and all(x["event_type"] and "actor" in x and "recipient" in x for x in plines), plines[:1])
    p = run(h, "export", "--db", db)
    clines = [l for l in p.stdout.decode().split("\r\n") if l]
    case("export csv (default): header and one row per event",
         clines[0].startswith("doc_id,event_id,date") and len(clines) == n_events + 1, clines[:2])
    p = run(h, "stats", "--db", db, "--format", "json")
    st = json.loads(p.stdout.decode())
    case("stats: counts what is stored", st["documents"] == 1 and st["events"] == n_events and st["sentences"] > 0,
         st)
    p = run(h, "events", "--db", db, "--grouped", "--format", "jsonl")
    groups = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    case("events --grouped: every stored event is a mention of one group",
         p.returncode == 0 and sum(len(g["mentions"]) for g in groups) == n_events, groups[:1])
    p = run(h, "export", "--db", db, "--format", "xml")
    case("export: unknown format is a usage error", p.returncode == 2, p.stderr)
    learn = os.path.join(tmp, "learn.jsonl")
    with open(learn, "w", encoding="utf-8") as fh:
        for k in range(2):
            fh.write(json.dumps({"id": f"l{k}", "published": "2016-03-0" + str(k + 1),
                                 "text": "وأعلن وزير الخارجية الإستوني أورماس راينسالو أن بلاده تدعم الحوار."},
                                ensure_ascii=False) + "\n")
    p = run(h, "ingest", "--db", db, learn)
    p = run(h, "actors", "--db", db, "--learned", "--format", "jsonl")
    rows = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    case("actors --learned: name learned from two documents",
         any(r["name"] == "أورماس راينسالو" and r["documents"] == 2 and r["code"] == "ESTGOV" for r in rows), rows)
    p = run(h, "actors", "--format", "jsonl")
    known = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    case("actors: known actors listed with their terms",
         any(r["name"] == "Sergei Lavrov" and r["code"] == "RUSGOV" for r in known) and len(known) > 1000, len(known))
    p = run(h, "events", "--db", os.path.join(tmp, "missing.db"))
    case("events: missing database is an error", p.returncode == 1, p.returncode)

    p = run(h, "search", "--db", db, "--format", "jsonl", "الإستونى")  # hamza and alef maqsura as typed
    hits = [json.loads(l) for l in p.stdout.decode().split("\n") if l.strip()]
    case("search: documents found with the matched word marked",
         p.returncode == 0 and sorted(x["id"] for x in hits) == ["l0", "l1"] and "[الإستوني]" in hits[0]["snippet"],
         (p.returncode, hits, p.stderr))
    p = run(h, "search", "--db", db, "--to", "2016-03-01", "--format", "jsonl", "راينسالو")
    hits = [json.loads(l)["id"] for l in p.stdout.decode().split("\n") if l.strip()]
    case("search: date filter", p.returncode == 0 and hits == ["l0"], (hits, p.stderr))
    p = run(h, "search", "--db", db, "وزير", "OR")
    case("search: malformed query is a usage error (2) naming the position",
         p.returncode == 2 and "OR needs a term after it (character 6)" in p.stderr.decode(), p.stderr)
    p = run(h, "search", "--db", db, "--root", "4", "وزير")
    case("search: bad --root is a usage error (2)", p.returncode == 2, p.returncode)
    p = run(h, "search", "--db", os.path.join(tmp, "missing.db"), "وزير")
    case("search: missing database is an error", p.returncode == 1, p.returncode)

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
