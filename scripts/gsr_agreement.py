#!/usr/bin/env python3
"""How well does one of the GSR's own annotators score against the GSR?

The arabic_event_gsr labels come from several annotators per sentence, and the labels
score_gsr.py scores against are derived from their votes:
  yes           every annotator accepted the event
  difficult no  at least one, but not all, accepted it
  easy no       nobody accepted it
  ambiguous     (excluded by the scorer)

A human annotator is therefore not perfect against this gold: on a "difficult no" a
random annotator of that sentence said yes with probability accept/total. This script
computes, per event type, the expected precision, recall and F1 of one annotator drawn
at random for each sentence, scored exactly as score_gsr.py scores hadath (ambiguous
excluded). The annotator's own vote is part of the gold, so the figure is, if anything,
generous to the human. It is the level a rule-based coder can hope to approach without
learning the gold's votes.

    python3 scripts/gsr_agreement.py --gold ../shared/data/gsr_dev.jsonl

Standard library only; it reads the gold and prints one table. Nothing is written.
"""
import argparse
import json
import sys
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", required=True, help="gsr_dev.jsonl (records with event_type, label, annotators)")
    args = ap.parse_args()
    tp, fp, pos = defaultdict(float), defaultdict(float), defaultdict(int)
    skipped = 0
    with open(args.gold, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                t, label = r["event_type"], r["label"]
                votes = r["annotators"]
                p_yes = votes["accept"] / votes["total"]
            except (ValueError, KeyError, ZeroDivisionError, TypeError) as e:
                print(f"{args.gold}:{n}: skipped ({e})", file=sys.stderr)
                skipped += 1
                continue
            if label == "ambiguous":
                continue
            if label == "yes":
                pos[t] += 1
                tp[t] += p_yes
            else:
                fp[t] += p_yes
    print(f"{'type':8} {'gold yes':>8} {'P':>7} {'R':>7} {'F1':>6}   one annotator per sentence, expected")
    for t in sorted(pos):
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rc = tp[t] / pos[t] if pos[t] else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"{t:8} {pos[t]:8d} {p:7.2%} {rc:7.2%} {f1:6.3f}")
    if skipped:
        print(f"{skipped} records skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
