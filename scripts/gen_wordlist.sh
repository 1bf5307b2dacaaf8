#!/usr/bin/env bash
# Generate the known-word list (one word per line) used to validate clitic splits,
# from Debian's aspell-ar-large (stems of the master dictionary) and hunspell-ar
# (stems of ar.dic). Build time only. Usage: gen_wordlist.sh OUT.txt
set -u
out="$1"
tmp="$out.tmp"
: > "$tmp"
if command -v aspell >/dev/null 2>&1 && aspell -d ar-large dump master >/dev/null 2>&1; then
  aspell -d ar-large dump master 2>/dev/null | sed 's#/.*##' >> "$tmp"
else
  echo "gen_wordlist: aspell-ar-large not found; the word list will be smaller" >&2
fi
if [ -f /usr/share/hunspell/ar.dic ]; then
  tail -n +2 /usr/share/hunspell/ar.dic | sed -e 's#/.*##' -e 's#\t.*##' | grep -v '^:' | grep -v '\.dic$' >> "$tmp"
else
  echo "gen_wordlist: hunspell-ar not found" >&2
fi
LC_ALL=C sort -u "$tmp" > "$out"
rm -f "$tmp"
echo "gen_wordlist: $(wc -l < "$out") words" >&2
