#!/usr/bin/env python3
"""Checks a silver CoNLL-U file (standard library only; make.sh runs it on every output).

  check.py SILVER.conllu [TOKENS.conllu]

Every sentence: ids 1..n, LEMMA/UPOS/XPOS/HEAD/DEPREL filled, MISC has
NER=O|B-T|I-T (an I- never follows O or another type: spaCy's IOB is consistent),
exactly one HEAD 0 with DEPREL ROOT, every other head in 1..n, no cycles, and
every label in crates/attache/src/syntax/labels.rs. With TOKENS (the
`attache read --format conllu` file the teacher was given): the same sentences
with the same ids, forms and SpaceAfter=No marks. Prints one line; exits 1 on
any problem (the first few are shown).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from teacher import LABELS_RS, load_label_tables  # noqa: E402


def blocks(path):
    sid, rows = "", []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield sid, rows
                sid, rows = "", []
            elif line.startswith("# sent_id ="):
                sid = line.split("=", 1)[1].strip()
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        yield sid, rows


def check_sentence(sid, rows, tables):
    n = len(rows)
    probs = []
    heads = []
    for i, c in enumerate(rows, 1):
        if len(c) != 10:
            return [f"{sid}: word {i} has {len(c)} columns"]
        if c[0] != str(i):
            probs.append(f"{sid}: word id {c[0]} where {i} expected")
        for col, idx, table in (("UPOS", 3, "Upos"), ("XPOS", 4, "Tag"), ("DEPREL", 7, "Dep")):
            if c[idx] not in tables[table]:
                probs.append(f"{sid}: word {i} {col} {c[idx]!r}")
        if c[2] == "_" and c[1] != "_":
            probs.append(f"{sid}: word {i} has no lemma")
        try:
            h = int(c[6])
        except ValueError:
            probs.append(f"{sid}: word {i} head {c[6]!r}")
            h = -1
        if not 0 <= h <= n or h == i:
            probs.append(f"{sid}: word {i} head {h} out of range")
        heads.append(h)
        ner = [m[4:] for m in c[9].split("|") if m.startswith("NER=")]
        if len(ner) != 1:
            probs.append(f"{sid}: word {i} MISC {c[9]!r} has no single NER=")
        elif ner[0] != "O":
            iob, _, kind = ner[0].partition("-")
            if iob not in ("B", "I") or kind not in tables["EntType"] or not kind:
                probs.append(f"{sid}: word {i} NER={ner[0]}")
            elif iob == "I":
                prev = [m[4:] for m in rows[i - 2][9].split("|") if m.startswith("NER=")] if i > 1 else ["O"]
                if not prev or prev[0] == "O" or prev[0].partition("-")[2] != kind:
                    probs.append(f"{sid}: word {i} NER={ner[0]} follows {prev[0] if prev else '?'}")
    roots = [i for i, h in enumerate(heads, 1) if h == 0]
    if len(roots) != 1:
        probs.append(f"{sid}: {len(roots)} roots")
    for r in roots:
        if rows[r - 1][7] != "ROOT":
            probs.append(f"{sid}: root word {r} labelled {rows[r - 1][7]}")
    for i, c in enumerate(rows, 1):
        if heads[i - 1] != 0 and c[7] == "ROOT":
            probs.append(f"{sid}: non-root word {i} labelled ROOT")
    if not probs:
        for i in range(1, n + 1):
            seen, j = set(), i
            while j != 0:
                if j in seen:
                    probs.append(f"{sid}: cycle through word {i}")
                    break
                seen.add(j)
                j = heads[j - 1]
            if probs:
                break
    return probs


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    tables = load_label_tables(LABELS_RS)
    silver = list(blocks(sys.argv[1]))
    probs = []
    for sid, rows in silver:
        probs += check_sentence(sid, rows, tables)
    if len(sys.argv) == 3:
        toks = list(blocks(sys.argv[2]))
        if len(toks) != len(silver):
            probs.append(f"{len(silver)} sentences, but the tokens file has {len(toks)}")
        for (sid, rows), (tid, trows) in zip(silver, toks):
            if sid != tid:
                probs.append(f"sentence {sid!r} where the tokens file has {tid!r}")
                break
            a = [(r[1], "SpaceAfter=No" in r[9].split("|")) for r in rows]
            b = [(r[1], "SpaceAfter=No" in r[9].split("|")) for r in trows]
            if a != b:
                probs.append(f"{sid}: words or SpaceAfter differ from the tokens file")
    words = sum(len(r) for _, r in silver)
    name = sys.argv[1]
    if probs:
        print(f"check: {name}: {len(probs)} problems in {len(silver)} sentences", file=sys.stderr)
        for p in probs[:10]:
            print(f"check:   {p}", file=sys.stderr)
        sys.exit(1)
    print(f"check: {name}: {len(silver)} sentences, {words} words: all complete single-rooted trees, labels known"
          + (", tokens as given" if len(sys.argv) == 3 else ""))


if __name__ == "__main__":
    main()
