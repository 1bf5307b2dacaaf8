#!/usr/bin/env python3
"""The HTTP API as a client sees it: ingests the sample articles, starts `hadath serve` on a
free port and checks every endpoint of the OpenAPI document, the JSON errors and status
codes, the limits, bound parameters, concurrent requests and the UI's files.
Exits 1 on the first failed check (each check prints PASS/FAIL)."""
import argparse
import concurrent.futures
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def check(name, ok, detail=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
    if not ok:
        failures.append(name)


def request(base, path, method="GET", body=None, ctype=None):
    req = urllib.request.Request(base + path, data=body, method=method)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get_json(base, path, **kw):
    status, headers, body = request(base, path, **kw)
    try:
        return status, json.loads(body.decode("utf-8")), headers
    except ValueError:
        return status, None, headers


def q(s):
    return urllib.parse.quote(s)


def ingest(hadath, db):
    with open(os.path.join(ROOT, "examples", "dates.tsv"), encoding="utf-8") as f:
        for line in f:
            name, _, date = line.rstrip("\n").partition("\t")
            if name == "file" or not name:
                continue
            subprocess.run([hadath, "ingest", "--db", db, "--date", date, os.path.join(ROOT, "examples", name)],
                           check=True, capture_output=True)
    subprocess.run([hadath, "ingest", "--db", db, os.path.join(ROOT, "examples", "articles.jsonl")],
                   check=True, capture_output=True)


def start(hadath, db, extra=()):
    p = subprocess.Popen([hadath, "serve", "--db", db, "--port", "0", "--threads", "4", *extra],
                         stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        p.kill()
        raise SystemExit(f"FAIL serve did not start: {line}{p.stderr.read()}")
    return p, f"http://127.0.0.1:{m.group(1)}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    hadath = ap.parse_args().hadath
    tmp = tempfile.mkdtemp(prefix="hadath-server-")
    db = os.path.join(tmp, "news.db")
    ingest(hadath, db)
    proc, base = start(hadath, db, ["--max-body", "65536"])
    try:
        run(base, hadath, db)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    # Bound to loopback unless told otherwise; a missing database is an error, not a new file.
    p = subprocess.run([hadath, "serve", "--db", os.path.join(tmp, "missing.db"), "--port", "0"],
                       capture_output=True, text=True, timeout=30)
    check("a missing database is named and nothing is served", p.returncode == 1 and "missing.db" in p.stderr
          and not os.path.exists(os.path.join(tmp, "missing.db")), p.stderr)
    print(f"server: {len(failures)} failed")
    return 1 if failures else 0


def run(base, hadath, db):
    status, stats, _ = get_json(base, "/api/stats")
    check("stats", status == 200 and stats["documents"] == 8 and stats["events"] > 0 and
          stats["schema"].startswith("sqlite"), stats)

    # Every path of the OpenAPI document answers (GET with no parameters, or POST).
    status, spec, _ = get_json(base, "/api/openapi.json")
    check("openapi document", status == 200 and spec["openapi"].startswith("3."), status)
    status, events, _ = get_json(base, "/api/events?limit=1000")
    first = events["events"][0]
    for path, ops in spec["paths"].items():
        concrete = path.replace("{id}", q(first["id"] if "events" in path else first["doc_id"]))
        if "get" in ops:
            params = "?q=" + q("روسيا") if path == "/api/search" else ""
            st, body, headers = get_json(base, concrete + params)
            check(f"GET {path} answers JSON", st == 200 and body is not None and
                  headers["Content-Type"].startswith("application/json"), (st, body))
        if "post" in ops:
            st, body, _ = get_json(base, concrete, method="POST",
                                   body=json.dumps({"text": "زار لافروف الصين أمس."}).encode(),
                                   ctype="application/json")
            check(f"POST {path} answers JSON", st == 200 and body and body["schema"] == "hadath/1", (st, body))

    # Search: clitic variants, marks, paging totals, filters.
    st, r, _ = get_json(base, "/api/search?q=" + q("لروسيا"))
    check("search finds any clitic form, snippet marks the match", st == 200 and r["total"] >= 1 and
          all("<mark>" in h["snippet"] for h in r["hits"]), r)
    st, r2, _ = get_json(base, "/api/search?limit=1&q=" + q("الرئيس"))
    check("search pages and reports the total", st == 200 and len(r2["hits"]) == 1 and r2["total"] > 1, r2)
    st, r3, _ = get_json(base, "/api/search?q=" + q('"روسيا'))
    check("a malformed query is 400 invalid_query with its position",
          st == 400 and r3["error"]["code"] == "invalid_query" and r3["error"]["position"] == 1, r3)
    st, r4, _ = get_json(base, "/api/search")
    check("a missing query is 400 naming q", st == 400 and r4["error"]["parameter"] == "q", r4)

    # Events: filters hold on every row; total ignores paging; one event by id.
    st, r, _ = get_json(base, "/api/events?root=04&limit=1000")
    check("events filtered by root", st == 200 and r["events"] and all(e["root"] == "04" for e in r["events"]), r)
    st, page, _ = get_json(base, "/api/events?root=04&limit=2&offset=1")
    check("events paging", st == 200 and page["total"] == r["total"] and
          [e["id"] for e in page["events"]] == [e["id"] for e in r["events"][1:3]], page)
    actor = next(e["source"]["code"] for e in events["events"] if e["source"] and e["source"]["code"])
    st, r, _ = get_json(base, "/api/events?limit=1000&actor=" + actor[:3].lower())
    check("events filtered by actor prefix, any case", st == 200 and r["events"] and all(
        (e["source"] or {}).get("code", "") and e["source"]["code"].startswith(actor[:3]) or
        (e["target"] or {}).get("code") and e["target"]["code"].startswith(actor[:3]) for e in r["events"]), actor)
    st, r, _ = get_json(base, "/api/events?modality=negated&limit=1000")
    check("events filtered by modality", st == 200 and all(e["modality"] == "negated" for e in r["events"]), r)
    st, r, _ = get_json(base, "/api/events?from=2019-09&to=2019-09&limit=1000")
    check("events filtered by month", st == 200 and r["events"] and
          all(e["date"].startswith("2019-09") for e in r["events"]), r)
    st, gr, _ = get_json(base, "/api/events?grouped=1&limit=1000")
    ok = st == 200 and gr["groups"] and sum(len(g["mentions"]) for g in gr["groups"]) == events["total"]
    for g in gr["groups"] if ok else []:
        ok &= all(m["date"] == g["date"] and m["cameo"] == g["cameo"] and
                  ((m["source"] or {}).get("code") or None) == g["source"] for m in g["mentions"])
        ok &= sorted({m["doc_id"] for m in g["mentions"]}) == g["documents"]
    check("grouped events keep every mention, each group one date/source/code", ok, (st, gr and gr.get("total")))
    st, one, _ = get_json(base, "/api/events/" + q(first["id"]))
    check("one event by id", st == 200 and one["id"] == first["id"] and one["event"]["id"] == first["event"]["id"], one)
    st, r, _ = get_json(base, "/api/events/" + q(first["doc_id"] + ":ev99999"))
    check("an unknown event is 404", st == 404 and r["error"]["code"] == "not_found", r)

    # Documents: text and analysis; offsets are code points into the text.
    st, d, _ = get_json(base, "/api/documents/" + q(first["doc_id"]))
    ok = st == 200 and d["analysis"]["schema"] == "hadath/1"
    if ok:
        for e in d["analysis"]["entities"]:
            ok &= d["text"][e["start"]:e["end"]] == e["text"]
    check("document with its analysis, offsets into its text", ok, st)
    st, r, _ = get_json(base, "/api/documents/" + q("no such doc"))
    check("an unknown document is 404", st == 404, r)

    st, t, _ = get_json(base, "/api/timeline?root=04")
    check("timeline by day", st == 200 and t["days"] and all(re.match(r"^\d{4}-\d\d-\d\d$", x["day"]) and
                                                            x["root"] == "04" for x in t["days"]), t)
    st, g, _ = get_json(base, "/api/graph")
    ids = {n["id"] for n in g["nodes"]}
    check("graph edges join its nodes", st == 200 and g["edges"] and
          all(e["source"] in ids and e["target"] in ids for e in g["edges"]), g)
    st, a, _ = get_json(base, "/api/actors?known=1&limit=5")
    check("actors, learned and known", st == 200 and len(a["actors"]) <= 5 and a["known"], st)

    # Parameters are bound, never spliced: SQL in a value is just a value.
    for inj in ["' OR 1=1 --", "RUS' OR '1'='1", "x\"; DROP TABLE events; --"]:
        st, r, _ = get_json(base, "/api/events?doc=" + q(inj))
        check(f"SQL in a parameter matches nothing ({inj})", st == 200 and r["total"] == 0, r)
        st, r, _ = get_json(base, "/api/search?source=" + q(inj) + "&q=" + q("روسيا"))
        check(f"SQL in a search filter matches nothing ({inj})", st == 200 and r["total"] == 0, r)
    st, r, _ = get_json(base, "/api/stats")
    check("the store is intact afterwards", r["events"] == stats["events"], r)

    # Errors: JSON with status codes.
    cases = [("/api/events?root=99", 400, "invalid_parameter"), ("/api/events?limit=0", 400, "invalid_parameter"),
             ("/api/events?from=yesterday", 400, "invalid_parameter"), ("/api/events?colour=red", 400, "invalid_parameter"),
             ("/api/events?root=04&root=05", 400, "invalid_parameter"), ("/api/nothing", 404, "not_found"),
             ("/nothing.html", 404, "not_found")]
    for path, want, code in cases:
        st, r, _ = get_json(base, path)
        check(f"{path} -> {want} {code}", st == want and r and r["error"]["code"] == code and r["error"]["message"],
              (st, r))
    st, r, _ = get_json(base, "/api/events", method="DELETE")
    check("DELETE is 405", st == 405 and r["error"]["code"] == "method_not_allowed", (st, r))
    st, r, _ = get_json(base, "/api/analyze")
    check("GET /api/analyze is 405", st == 405, (st, r))

    # Analyze: bad bodies named with their position; limits; plain text.
    for body, what in [(b'{"text": "abc"', "malformed JSON"), (b'{"title": "x"}', "missing text"),
                       (b'{"text": "\xff\xfe"}', "invalid UTF-8"), (b'{"text": "a\\u0000b"}', "NUL"),
                       (b"[1,2]", "not an object"), (b"", "empty")]:
        st, r, _ = get_json(base, "/api/analyze", method="POST", body=body, ctype="application/json")
        check(f"analyze rejects {what} with 400", st == 400 and r["error"]["code"] == "invalid_input" and
              "body" in r["error"]["message"], (st, r))
    st, r, _ = get_json(base, "/api/analyze", method="POST", body=b'{"text": "abc"', ctype="application/json")
    check("malformed JSON names the byte", "byte" in r["error"]["message"], r)
    st, r, _ = get_json(base, "/api/analyze", method="POST", body="عنوان\nالتقى بوتين شي في بكين.".encode(),
                        ctype="text/plain; charset=utf-8")
    check("analyze plain text", st == 200 and r["title"] == "عنوان" and r["events"], (st, r))
    st, r, _ = get_json(base, "/api/analyze", method="POST", body=b"x" * 70000, ctype="text/plain")
    check("a body over --max-body is 413", st == 413 and r and r["error"]["code"] == "too_large", (st, r))
    st, r, _ = get_json(base, "/api/analyze", method="POST", body=b"<a/>", ctype="application/xml")
    check("an unknown content type is 415", st == 415, (st, r))
    st, r, _ = get_json(base, "/api/stats")
    check("analyze stores nothing", r["documents"] == stats["documents"], r)

    # Many clients at once: every answer complete and the same.
    urls = ["/api/events?limit=20", "/api/search?q=" + q("الرئيس"), "/api/timeline", "/api/graph", "/api/stats"] * 40
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as ex:
        answers = list(ex.map(lambda u: (u, request(base, u)), urls))
    same = {}
    ok = True
    for u, (st, _, body) in answers:
        ok &= st == 200
        ok &= same.setdefault(u, body) == body
    check("200 concurrent requests answered consistently", ok)

    # The UI: served from the binary, right-to-left Arabic, with a strict content policy.
    st, headers, body = request(base, "/")
    html = body.decode("utf-8")
    check("the UI page", st == 200 and headers["Content-Type"].startswith("text/html") and 'dir="rtl"' in html and
          'lang="ar"' in html, st)
    check("the UI loads nothing from elsewhere", "default-src 'self'" in headers.get("Content-Security-Policy", "") and
          not re.search(r"(src|href)=\"(https?:)?//", html), headers)
    for asset in re.findall(r'(?:src|href)="(?!data:)([^"#]+)"', html):
        st, h, _ = request(base, "/" + asset.lstrip("/"))
        check(f"UI file {asset}", st == 200, st)
    st, _, _ = request(base, "/../CMakeLists.txt")
    check("no path outside the UI", st in (400, 404), st)


if __name__ == "__main__":
    sys.exit(main())
