#!/usr/bin/env python3
"""Contract test: `hadath analyze` on every bundled example must produce one hadath/1
object per document that satisfies doc/formats/analysis-json.md (keys, types, enums,
offsets that spell the text, references). Exit 1 with the field named on a breach."""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "MISC"}
SECTIONS = {"title", "lead", "caption", "heading", "body", "related", "boilerplate"}
MODALITIES = {"asserted", "negated", "future", "possible", "reported"}


class Breach(Exception):
    pass


def need(obj, key, types, where, nullable=False):
    if key not in obj:
        raise Breach(f"{where}.{key} is missing")
    v = obj[key]
    if v is None and nullable:
        return None
    if isinstance(v, bool) and bool not in types:
        raise Breach(f"{where}.{key} is a bool")
    if not isinstance(v, types):
        raise Breach(f"{where}.{key} has type {type(v).__name__}")
    return v


def span(obj, text, where):
    s, e = need(obj, "start", (int,), where), need(obj, "end", (int,), where)
    if not 0 <= s <= e <= len(text):
        raise Breach(f"{where} offsets {s}:{e} outside 0..{len(text)}")
    if "text" in obj and obj["text"] != text[s:e]:
        raise Breach(f"{where}.text {obj['text']!r} != text[{s}:{e}] {text[s:e]!r}")


def check(a, text):
    if a.get("schema") != "hadath/1":
        raise Breach("schema is not hadath/1")
    need(a, "id", (str,), "doc")
    for k in ("title", "url", "source", "published"):
        need(a, k, (str,), "doc", nullable=True)
    if a["published"] is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", a["published"]):
        raise Breach("published is not YYYY-MM-DD")
    for k in ("sentences", "entities", "times", "numbers", "quotes", "events", "relations"):
        need(a, k, (list,), "doc")
    sids = set()
    for i, s in enumerate(a["sentences"]):
        sids.add(need(s, "i", (int,), f"sentences[{i}]"))
        span(s, text, f"sentences[{i}]")
        if s["section"] not in SECTIONS:
            raise Breach(f"sentences[{i}].section {s['section']!r}")
    eids = set()
    for i, e in enumerate(a["entities"]):
        w = f"entities[{i}]"
        eids.add(need(e, "id", (str,), w))
        span(e, text, w)
        if e["type"] not in ENTITY_TYPES:
            raise Breach(f"{w}.type {e['type']!r}")
        need(e, "canonical", (str,), w, True)
        need(e, "role", (str,), w, True)
        need(e, "actor", (dict,), w, True)
        need(e, "geo", (dict,), w, True)
        need(e, "ref", (str,), w, True)
    for i, e in enumerate(a["entities"]):
        if e["ref"] is not None and e["ref"] not in eids:
            raise Breach(f"entities[{i}].ref names no entity")
    for i, t in enumerate(a["times"]):
        span(t, text, f"times[{i}]")
        if t["type"] not in {"DATE", "TIME", "DURATION", "SET"} or t["anchor"] not in {"absolute", "published", "unresolved"}:
            raise Breach(f"times[{i}] type/anchor")
        need(t, "value", (str,), f"times[{i}]")
    for i, n in enumerate(a["numbers"]):
        span(n, text, f"numbers[{i}]")
        need(n, "value", (int, float), f"numbers[{i}]")
        need(n, "approx", (bool,), f"numbers[{i}]")
    qids = set()
    for i, q in enumerate(a["quotes"]):
        qids.add(need(q, "id", (str,), f"quotes[{i}]"))
        span(q, text, f"quotes[{i}]")
        if q["speaker"] is not None and q["speaker"] not in eids:
            raise Breach(f"quotes[{i}].speaker names no entity")
    for i, ev in enumerate(a["events"]):
        w = f"events[{i}]"
        if ev["sentence"] not in sids:
            raise Breach(f"{w}.sentence names no sentence")
        span(ev["trigger"], text, f"{w}.trigger")
        if not re.match(r"^\d\d$", ev["root"]) or not ev["cameo"].startswith(ev["root"]):
            raise Breach(f"{w} root/cameo")
        if not 1 <= need(ev, "quad", (int,), w) <= 4:
            raise Breach(f"{w}.quad")
        need(ev, "goldstein", (int, float), w)
        need(ev, "plover", (str,), w)
        for side in ("source", "target"):
            x = need(ev, side, (dict,), w, True)
            if x is not None:
                span(x, text, f"{w}.{side}")
                if x["entity"] is not None and x["entity"] not in eids:
                    raise Breach(f"{w}.{side}.entity names no entity")
        d = need(ev, "date", (dict,), w, True)
        if d is not None and d["from"] not in {"text", "published"}:
            raise Breach(f"{w}.date.from")
        if ev["modality"] not in MODALITIES:
            raise Breach(f"{w}.modality")
        if ev["quote"] is not None and ev["quote"] not in qids:
            raise Breach(f"{w}.quote names no quote")
        need(ev, "confidence", (int, float), w)
        ms = need(ev, "mentions", (list,), w)
        if not ms or ms[0]["start"] != ev["trigger"]["start"] and all(m["start"] != ev["trigger"]["start"] for m in ms):
            raise Breach(f"{w}.mentions must include the trigger")
        for j, m in enumerate(ms):
            span(m, text, f"{w}.mentions[{j}]")
            if not 0 <= m["sentence"] < len(a["sentences"]):
                raise Breach(f"{w}.mentions[{j}].sentence")
    for i, r in enumerate(a["relations"]):
        for k in ("a", "b", "type"):
            need(r, k, (str,), f"relations[{i}]")
        span(need(r, "evidence", (dict,), f"relations[{i}]"), text, f"relations[{i}].evidence")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    args = ap.parse_args()
    ex = os.path.join(ROOT, "examples")
    txts = sorted(f for f in os.listdir(ex) if f.endswith(".txt"))
    failures = 0
    for f in txts + ["articles.jsonl"]:
        path = os.path.join(ex, f)
        p = subprocess.run([args.hadath, "analyze", "--date", "2023-01-01", path], capture_output=True)
        if p.returncode != 0:
            print(f"FAIL {f}: exit {p.returncode}: {p.stderr.decode()[:300]}")
            failures += 1
            continue
        lines = [l for l in p.stdout.decode("utf-8").split("\n") if l.strip()]
        if f.endswith(".jsonl"):
            texts = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
        else:
            texts = [open(path, encoding="utf-8", newline="").read()]
        if len(lines) != len(texts):
            print(f"FAIL {f}: {len(lines)} output lines for {len(texts)} documents")
            failures += 1
            continue
        for line, text in zip(lines, texts):
            try:
                check(json.loads(line), text)
                print(f"ok   {f}")
            except (Breach, KeyError, TypeError) as e:
                print(f"FAIL {f}: {e}")
                failures += 1
    print(f"{len(txts) + 1 - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
