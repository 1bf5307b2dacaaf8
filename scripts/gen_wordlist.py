#!/usr/bin/env python3
"""Generate the known-word list used to validate clitic splits (build time).

Sources (Debian packages): hunspell-ar's ar.dic stems (clean lemmas and stems) and
aspell-ar-large's master dictionary (`aspell -d ar-large dump master`, stems without
affix flags). The aspell list also holds many forms with clitics already attached
(«والرئيس», «لتكون», «بإنشاء»); a word that starts with a proclitic sequence whose
remainder is itself in the lists is dropped unless hunspell lists it as a stem, so that
«وصل» and «وزير» stay and «وتراقب» goes. Usage: gen_wordlist.py OUT.txt [COMMON.tsv]

COMMON.tsv (optional) lists the hunspell stems that are ordinary words: those with an
affix class that takes the article or the adjective endings (flags AA or BA of ar.aff) or
a verb class (flags with a lower-case letter). Stems whose classes are all of the
proper-noun kind («جورج/57», «باريس/60», «عرفات/93»: no article) are left out, and so are
the words only aspell-ar-large lists — its corpus-built list holds thousands of names
(«نتنياهو», «شيراك»), so it says nothing about whether a name is also a word.
"""
import os
import subprocess
import sys

PREFIXES = sorted({"و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وب", "ول", "وك", "فب", "فل", "فك",
                   "وال", "بال", "فال", "كال", "ولل", "فلل", "وبال", "فبال", "وس", "فس"},
                  key=len, reverse=True)


ENCLITICS = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه"]


def strip_flags(line):
    return line.split("/", 1)[0].split("\t", 1)[0].strip()


def common_class(flags):
    """Whether a hunspell AF flag string is a class of ordinary words."""
    pairs = [flags[i:i + 2] for i in range(0, len(flags) - 1, 2)]
    return any(p in ("AA", "BA") or any(c.islower() for c in p) for p in pairs)


def read_af(path):
    """AF aliases of a hunspell .aff: number (1-based) → flag string."""
    af = []
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("AF ") and not line[3:].strip().isdigit():
                    af.append(line.split()[1])
    return af


def main():
    out = sys.argv[1]
    common_out = sys.argv[2] if len(sys.argv) > 2 else None
    af = read_af("/usr/share/hunspell/ar.aff")
    common = set()
    hun = set()
    dic = "/usr/share/hunspell/ar.dic"
    if os.path.exists(dic):
        with open(dic, encoding="utf-8", errors="replace") as fh:
            next(fh, None)
            for line in fh:
                w = strip_flags(line)
                if w and not w.startswith(":") and not w.endswith(".dic"):
                    hun.add(w)
                    head = line.split("\t", 1)[0].strip()
                    if "/" in head:
                        ref = head.split("/", 1)[1]
                        flags = af[int(ref) - 1] if ref.isdigit() and 0 < int(ref) <= len(af) else ref
                        if common_class(flags):
                            common.add(w)
    else:
        print("gen_wordlist: hunspell-ar not found", file=sys.stderr)
    asp = set()
    try:
        p = subprocess.run(["aspell", "-d", "ar-large", "dump", "master"], capture_output=True, check=True)
        for line in p.stdout.decode("utf-8", "replace").split("\n"):
            w = strip_flags(line)
            if w:
                asp.add(w)
    except (OSError, subprocess.CalledProcessError):
        print("gen_wordlist: aspell-ar-large not found; the word list will be smaller", file=sys.stderr)
    allw = hun | asp
    keep = set(hun)
    dropped = 0
    for w in asp - hun:
        redundant = False
        for p in PREFIXES:
            rest = w[len(p):]
            if p.endswith("س") and rest[:1] not in ("ي", "ت", "ن", "أ"):
                continue  # the future marker only before an imperfect verb
            # One-letter ب ل ك: only when the rest is a clean hunspell stem («لتكون»),
            # so that «كمية» (ك + مية?) stays a word.
            pool = hun if p in ("ب", "ل", "ك") else allw
            if len(rest) >= 3 and w.startswith(p) and rest in pool:
                redundant = True
                break
        if not redundant:
            # Forms with a pronoun suffix («بلاده», «منطقتهم»): dropped when the stem
            # (ت read as ة) is a word of its own. Not ي or ك: nisba adjectives end in ي.
            for suf in ENCLITICS:
                stem = w[:-len(suf)]
                if w.endswith(suf) and len(stem) >= 3 and (
                        stem in allw or (stem.endswith("ت") and stem[:-1] + "ة" in allw)):
                    redundant = True
                    break
        if redundant:
            dropped += 1
        else:
            keep.add(w)
    with open(out, "w", encoding="utf-8") as fh:
        for w in sorted(keep):
            fh.write(w + "\n")
    if common_out:
        with open(common_out, "w", encoding="utf-8") as fh:
            fh.write("word\n")
            for w in sorted(common):
                fh.write(w + "\n")
    print(f"gen_wordlist: {len(keep)} words, {len(common)} ordinary hunspell stems ({len(hun)} hunspell stems, {len(asp)} aspell stems, "
          f"{dropped} aspell forms with clitics attached dropped)", file=sys.stderr)


if __name__ == "__main__":
    main()
