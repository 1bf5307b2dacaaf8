#!/usr/bin/env python3
"""Run the time/number phrase suites (tests/time/*.jsonl, tests/time/blind/*.jsonl) through
../shared/tools/score_time.py and fail below a floor. Exit 77 (skipped) when the scorer is not
beside the repository. Usage: run_suite.py --hadath build/hadath [--min 0.97]"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", required=True)
    ap.add_argument("--min", type=float, default=0.97)
    args = ap.parse_args()
    scorer = os.path.join(ROOT, "..", "shared", "tools", "score_time.py")
    if not os.path.exists(scorer):
        print("time suite: ../shared/tools/score_time.py not found; skipped")
        return 77
    ok = True
    for name, pattern in (("tests/time", "*.jsonl"), ("tests/time/blind", "blind/*.jsonl")):
        files = sorted(glob.glob(os.path.join(HERE, pattern)))
        r = subprocess.run([sys.executable, scorer, "--hadath", args.hadath, "--min", str(args.min), "--gold"] + files,
                           capture_output=True, text=True)
        fig = [l for l in r.stdout.splitlines() if l.startswith("FIGURE")]
        print(f"{name}: {fig[-1] if fig else r.stderr.strip()[-300:]}")
        ok &= r.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
