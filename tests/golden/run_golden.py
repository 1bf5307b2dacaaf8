#!/usr/bin/env python3
"""Golden tests: each bundled example is analysed with its publication date and its
user-visible facts (entities with canonical name and actor code, times with values,
quotes with speakers, events with CAMEO code, dyad, modality and date) are checked
against tests/golden/<example>.json, written by hand from the article:
  "must":       facts that must be produced (per kind), compared as strings;
  "must_not":   facts that must not be produced (known traps);
  "known_gaps": correct facts the engine does not produce yet (reported, not asserted).
--dump prints the facts the engine produces now, in the same string form."""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def facts(a):
    ents = {e["id"]: e for e in a["entities"]}
    def canon(eid):
        e = ents.get(eid)
        while e and e.get("ref") and e["ref"] in ents and ents[e["ref"]] is not e:
            e = ents[e["ref"]]
        return (e or {}).get("canonical") or (e or {}).get("text")
    return {
        "entities": sorted({f"{e['text']}|{e['type']}|{e['canonical'] or ''}|{(e['actor'] or {}).get('code') or ''}"
                            for e in a["entities"]}),
        "nominals": sorted({f"{e['text']}|{e['type']}|{e['canonical'] or ''}|{(e['actor'] or {}).get('code') or ''}"
                            for e in a.get("nominals", [])}),
        "times": sorted({f"{t['text']}|{t['value']}" for t in a["times"]}),
        "quotes": sorted({f"{q['text'][:40]}|{canon(q['speaker']) if q['speaker'] else ''}" for q in a["quotes"]}),
        # one fact per telling: an event told in the headline and again in the body is one
        # event with two mentions, each checked with the event's merged fields
        "events": sorted({f"{e['cameo']}|{(e['source'] or {}).get('code') or '-'}|{(e['target'] or {}).get('code') or '-'}|"
                          f"{e['modality']}|{(e['date'] or {}).get('value') or '-'}|{m['text']}"
                          for e in a["events"] for m in (e.get("mentions") or [e["trigger"]])}),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    ap.add_argument("--dump", action="store_true")
    args = ap.parse_args()
    dates = {}
    for line in open(os.path.join(ROOT, "examples", "dates.tsv"), encoding="utf-8"):
        f, d = line.rstrip("\n").split("\t")
        if f != "file":
            dates[f] = d
    failed = passed = 0
    for f, d in sorted(dates.items()):
        p = subprocess.run([args.hadath, "analyze", "--date", d, os.path.join(ROOT, "examples", f)],
                           capture_output=True, timeout=120)
        got = facts(json.loads(p.stdout.decode()))
        exp_path = os.path.join(HERE, f.replace(".txt", ".json"))
        if args.dump:
            print(json.dumps({f: got}, ensure_ascii=False, indent=1))
            continue
        exp = json.load(open(exp_path, encoding="utf-8"))
        ok = True
        for k, want in exp.get("must", {}).items():
            for m in sorted(set(want) - set(got.get(k, []))):
                print(f"FAIL {f} {k}: expected, not produced: {m}")
                ok = False
        for k, bad in exp.get("must_not", {}).items():
            for m in sorted(set(bad) & set(got.get(k, []))):
                print(f"FAIL {f} {k}: produced, must not be: {m}")
                ok = False
        gaps = sum(len(v) for v in exp.get("known_gaps", {}).values())
        print(("ok   " if ok else "FAIL ") + f + (f" ({gaps} known gaps)" if gaps else ""))
        passed += ok
        failed += not ok
    if not args.dump:
        print(f"{passed} passed, {failed} failed")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
