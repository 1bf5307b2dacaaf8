#!/usr/bin/env python3
"""Golden tests: each bundled example is analysed with its publication date and the
user-visible facts (entities with canonical name and actor code, times with values,
quotes with speakers, events with CAMEO code, dyad, modality and date) are compared,
field by field and order-free, with tests/golden/<example>.json. --update rewrites the
expected files (review the diff before committing)."""
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
        "times": sorted({f"{t['text']}|{t['value']}" for t in a["times"]}),
        "quotes": sorted({f"{q['text'][:40]}|{canon(q['speaker']) if q['speaker'] else ''}" for q in a["quotes"]}),
        "events": sorted({f"{e['cameo']}|{(e['source'] or {}).get('code') or '-'}|{(e['target'] or {}).get('code') or '-'}|"
                          f"{e['modality']}|{(e['date'] or {}).get('value') or '-'}|{e['trigger']['text']}"
                          for e in a["events"]}),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    ap.add_argument("--update", action="store_true")
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
        if args.update:
            json.dump(got, open(exp_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
            print(f"updated {exp_path}")
            continue
        exp = json.load(open(exp_path, encoding="utf-8"))
        ok = True
        for k in exp:
            missing = sorted(set(exp[k]) - set(got.get(k, [])))
            extra = sorted(set(got.get(k, [])) - set(exp[k]))
            for m in missing:
                print(f"FAIL {f} {k}: expected, not produced: {m}")
            for x in extra:
                print(f"FAIL {f} {k}: produced, not expected: {x}")
            ok = ok and not missing and not extra
        print(("ok   " if ok else "FAIL ") + f)
        passed += ok
        failed += not ok
    if not args.update:
        print(f"{passed} passed, {failed} failed")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
