#!/usr/bin/env python3
"""Generate Arabic country names from Debian's iso-codes (build time).

Reads /usr/share/iso-codes/json/iso_3166-1.json and the Arabic gettext catalogue
iso_3166-1.mo (package iso-codes) and writes TSV: iso3, ar (|-separated), source.
Official names («الجمهورية العربية السورية») and common names are both kept; names
of the form «كوريا، جمهورية …» are split at the Arabic comma into their parts' full
reading only when it is a plain name. Usage: gen_places_isocodes.py OUT.tsv
"""
import gettext
import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"


def main():
    out = sys.argv[1]
    try:
        data = json.load(open(ISO, encoding="utf-8"))["3166-1"]
        tr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["ar"])
    except (OSError, KeyError) as e:
        print(f"gen_places_isocodes: iso-codes not usable ({e}); writing an empty table", file=sys.stderr)
        data, tr = [], None
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("iso3\tar\tsource\n")
        for c in data:
            names = []
            for key in ("name", "official_name", "common_name"):
                if key in c and tr is not None:
                    ar = tr.gettext(c[key])
                    if ar != c[key] and "،" not in ar and "," not in ar:
                        names.append(ar.strip())
            names = list(dict.fromkeys(n for n in names if n))
            if names:
                fh.write(f"{c['alpha_3']}\t{'|'.join(names)}\tiso-codes {c.get('alpha_2', '')}\n")


if __name__ == "__main__":
    main()
