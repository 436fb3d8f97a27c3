#!/usr/bin/env python3
"""Propose CAMEO lexicon entries from WordNet 3.0, starting from the seed patterns.

Reads data/verbs.txt (the hand-written seed lexicon), the reviewed sense choices in
tools/lexicon/senses.tsv and the reviewed rejections in tools/lexicon/reject.tsv, and
WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet). Python 3 stdlib only.

  wordnet_propose.py senses [LEMMA ...]   list the WordNet senses of the seed triggers
                                          (offset, lemmas, gloss) to choose from
  wordnet_propose.py propose              write tools/lexicon/proposals.txt: every
                                          candidate, kept or rejected, with the reason
  wordnet_propose.py write                also write data/verbs_wordnet.txt (kept entries)

See tools/lexicon/README.md for the review process and the provenance comments.
"""
import os
import re
import sys
from collections import defaultdict
from lexfile import pattern_lines, write_blocks

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WN = os.environ.get("WNDIR", "/usr/share/wordnet")
SEED = os.path.join(ROOT, "data", "verbs.txt")
OUT = os.path.join(ROOT, "data", "verbs_wordnet.txt")
HERE = os.path.join(ROOT, "tools", "lexicon")
POS_FILE = {"v": "verb", "n": "noun", "a": "adj"}
SS_NUM = {"n": 1, "v": 2, "a": 3, "r": 4, "s": 5}
# noun lexicographer files whose nouns name acts or events (not people, objects, places)
EVENT_NOUN_FILES = {4, 10, 11}  # noun.act, noun.communication, noun.event
FLAGS = {"@recip", "@obj", "@from", "@speaker", "@neg"}


class Synset:
    __slots__ = ("pos", "offset", "lexfile", "words", "ptrs", "gloss")

    def __init__(self, pos, offset, lexfile, words, ptrs, gloss):
        self.pos, self.offset, self.lexfile = pos, offset, lexfile
        self.words, self.ptrs, self.gloss = words, ptrs, gloss

    def name(self, word=None):
        w = word or self.words[0][0]
        return f"{w}.{self.pos}.{self.offset}"


class WordNet:
    def __init__(self, d=WN):
        self.synsets = {}
        self.index = {}
        self.counts = {}
        for pos, f in POS_FILE.items():
            self._read_data(pos, os.path.join(d, f"data.{f}"))
            self._read_index(pos, os.path.join(d, f"index.{f}"))
        self._read_counts(os.path.join(d, "cntlist.rev"))

    def _read_data(self, pos, path):
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                body, _, gloss = line.partition(" | ")
                f = body.split()
                off, lexfile, sstype = f[0], int(f[1]), f[2]
                n = int(f[3], 16)
                words = []
                i = 4
                for _ in range(n):
                    w = re.sub(r"\([a-z]+\)$", "", f[i]).lower()
                    words.append((w, int(f[i + 1], 16)))
                    i += 2
                pc = int(f[i])
                i += 1
                ptrs = []
                for _ in range(pc):
                    sym, toff, tpos, st = f[i], f[i + 1], f[i + 2], f[i + 3]
                    ptrs.append((sym, toff, "a" if tpos == "s" else tpos, int(st[:2], 16), int(st[2:], 16)))
                    i += 4
                key = (pos, off)
                self.synsets[key] = Synset(pos, off, lexfile, words, ptrs, gloss.strip())

    def _read_index(self, pos, path):
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                f = line.split()
                lemma, cnt, pc = f[0], int(f[2]), int(f[3])
                offs = f[4 + pc + 2:]
                self.index[(lemma, pos)] = offs[:cnt]

    def _read_counts(self, path):
        # "lemma%ss:lexfile:lexid:head:headid sense tagcount"
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                key, _, cnt = line.split()
                lemma, _, rest = key.partition("%")
                p = rest.split(":")
                self.counts[(lemma.lower(), int(p[0]), int(p[1]), int(p[2]))] = int(cnt)

    def senses(self, lemma, pos):
        return [self.synsets[(pos, o)] for o in self.index.get((lemma, pos), [])]

    def tagcount(self, syn, word):
        for w, lexid in syn.words:
            if w == word:
                for ss in ((1,), (2,), (3, 5))[{"n": 0, "v": 1, "a": 2}[syn.pos]]:
                    c = self.counts.get((word, ss, syn.lexfile, lexid))
                    if c is not None:
                        return c
        return 0

    def derived(self, syn, word, want_pos):
        """Words of other synsets linked to `word` of `syn` by a derivational pointer (+)."""
        idx = [i + 1 for i, (w, _) in enumerate(syn.words) if w == word]
        out = []
        for sym, toff, tpos, src, dst in syn.ptrs:
            if sym != "+" or tpos != want_pos or src not in idx:
                continue
            t = self.synsets[(tpos, toff)]
            out.append((t, t.words[dst - 1][0]))
        return out


def parse_seed(path=SEED):
    """(code, line_no, raw, head_words, rest, flags) for every pattern line."""
    out = []
    for code, n, line in pattern_lines(path):
        words = line.split()
        flags = [w for w in words if w in FLAGS]
        body = " ".join(w for w in words if w not in FLAGS)
        head, sep, rest = body.partition("...")
        out.append((code, n, line, head.split(), rest.strip() if sep else "", flags))
    return out


def read_tsv(path):
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.split("#")[0].rstrip("\n")
                if line.strip():
                    rows.append([c.strip() for c in line.split("\t") if c.strip()])
    return rows


def seed_lemmas(head):
    """The WordNet lemmas a seed head stands for: (kind, lemma) pairs.

    kind is v, n or a; multi-word heads ("call on|upon", "n:hunger strike*") become
    WordNet collocations (call_on, hunger_strike)."""
    trig = head[0]
    kind = "v"
    if trig.startswith("n:"):
        kind, trig = "n", trig[2:]
    elif trig.startswith("a:"):
        kind, trig = "a", trig[2:]
    parts = [t.rstrip("*").lower() for t in trig.split("|") if t]
    if len(head) > 2:
        return kind, []
    if len(head) == 2:
        parts = [f"{p}_{q.rstrip('*').lower()}" for p in parts for q in head[1].split("|")]
    return kind, parts


def render(kind, lemma, rest, flags):
    words = lemma.split("_")
    trig = {"v": "", "n": "n:", "a": "a:"}[kind] + words[0]
    s = " ".join([trig] + words[1:])
    if rest:
        s += " ... " + rest
    if flags:
        s += " " + " ".join(flags)
    return s


BAD_LEMMA = re.compile(r"(one's|someone|something|oneself|_up_to$|[^a-z_'-])")


def main(argv):
    mode = argv[1] if len(argv) > 1 else "propose"
    wn = WordNet()
    seed = parse_seed()
    if mode == "senses":
        want = set(argv[2:])
        seen = set()
        for code, _, _, head, _, _ in seed:
            kind, lemmas = seed_lemmas(head)
            for lem in lemmas:
                if (lem, kind) in seen or (want and lem not in want):
                    continue
                seen.add((lem, kind))
                for i, s in enumerate(wn.senses(lem, kind), 1):
                    syn = ",".join(w for w, _ in s.words)
                    print(f"{lem}\t{kind}\t{s.offset}\t{i}\t{code}\t{wn.tagcount(s, lem)}\t{syn}\t{s.gloss[:90]}")
        return
    # reviewed choices: lemma pos offset code|*  (code * = every block where the lemma is a seed)
    chosen = defaultdict(list)
    nounconds = {}
    for row in read_tsv(os.path.join(HERE, "senses.tsv")):
        lemma, pos, off, codes = row[:4]
        if len(row) > 4:
            nounconds[(lemma, pos, off)] = row[4]
        if codes.startswith("-"):
            chosen[(lemma, pos, "*")].append((off, set(codes[1:].split(","))))
        else:
            for c in codes.split(","):
                chosen[(lemma, pos, c)].append((off, set()))
    # reviewed rejections: word [code|*] -- drop a proposed trigger (for one code or all);
    # n:word or a:word drops only the noun or adjective
    reject = set()
    for row in read_tsv(os.path.join(HERE, "reject.tsv")):
        reject.add((row[0], row[1] if len(row) > 1 else "*"))
    existing = set()
    for code, _, _, head, rest, flags in seed:
        kind, lemmas = seed_lemmas(head)
        for lem in lemmas:
            existing.add((code, kind, lem, rest))
        if head:
            k = head[0][:2] if head[0][:2] in ("n:", "a:") else ""
            for t in head[0][len(k):].split("|"):
                existing.add((code, {"n:": "n", "a:": "a", "": "v"}[k], "_".join([t.rstrip("*")] + head[1:]), rest))
    kept, dropped = [], []
    done = set()

    def offer(code, kind, lemma, rest, flags, prov, seedline):
        key = (code, kind, lemma, rest)
        if key in existing or key in done:
            return
        done.add(key)
        entry = (code, render(kind, lemma, rest, flags), prov, seedline)
        word = lemma.replace("_", " ")
        if BAD_LEMMA.search(lemma):
            dropped.append(entry + ("not a plain word",))
        elif {(w, c) for w in (word, {"v": "", "n": "n:", "a": "a:"}[kind] + word) for c in (code, "*")} & reject:
            dropped.append(entry + ("rejected in review",))
        else:
            kept.append(entry)

    for code, n, raw, head, rest, flags in seed:
        kind, lemmas = seed_lemmas(head)
        for lem in lemmas:
            offs = chosen.get((lem, kind, code), []) + chosen.get((lem, kind, "*"), [])
            for off, unless in offs:
                if code in unless:
                    continue
                syn = wn.synsets.get((kind, off))
                if syn is None:
                    print(f"senses.tsv: no {kind} synset {off} for {lem}", file=sys.stderr)
                    continue
                if lem not in [w for w, _ in syn.words]:
                    print(f"senses.tsv: {lem} not in {syn.name()}", file=sys.stderr)
                    continue
                sname = f"{lem}.{kind}.{off}"
                src = f'seed "{raw}"'
                # synonyms: the other lemmas of the chosen synset
                for w, _ in syn.words:
                    if w != lem:
                        offer(code, kind, w, rest, flags, f"wn: {sname} syn {w}", src)
                # derivations: verb -> event noun, noun -> verb
                words = [w for w, _ in syn.words]
                if kind == "v":
                    for w in words:
                        for t, dw in wn.derived(syn, w, "n"):
                            if t.lexfile not in EVENT_NOUN_FILES:
                                continue
                            default = "with|between" if "@recip" in flags else "of|against"
                            nrest = rest or nounconds.get((lem, kind, off), default)
                            nflags = [f for f in flags if f in ("@recip", "@speaker")]
                            offer(code, "n", dw, nrest, nflags, f"wn: {sname} {w} +deriv {dw}.n.{t.offset}", src)
                elif kind == "n":
                    for w in words:
                        for t, dw in wn.derived(syn, w, "v"):
                            if dw != w and rest == "":
                                continue  # a bare noun frame does not make a bare verb frame
                            offer(code, "v", dw, rest, [f for f in flags if f != "@speaker"],
                                  f"wn: {sname} {w} +deriv {dw}.v.{t.offset}", src)
                elif kind == "a":
                    for sym, toff, tpos, _, _ in syn.ptrs:
                        if sym == "&" and tpos == "a":
                            t = wn.synsets[("a", toff)]
                            for w, _ in t.words:
                                offer(code, "a", w, rest, flags, f"wn: {sname} similar {w}.a.{toff}", src)

    def block_order(c):
        return c
    with open(os.path.join(HERE, "proposals.txt"), "w", encoding="utf-8") as fh:
        fh.write("# proposals from tools/lexicon/wordnet_propose.py (kept and dropped)\n")
        for code, pat, prov, src in kept:
            fh.write(f"KEEP {code}\t{pat}\t# {prov} <- {src}\n")
        for code, pat, prov, src, why in dropped:
            fh.write(f"DROP {code}\t{pat}\t# {prov} <- {src}\t[{why}]\n")
    print(f"kept {len(kept)} dropped {len(dropped)}", file=sys.stderr)
    if mode == "write":
        labels = {}
        with open(SEED, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("=="):
                    c = line[2:].split()[0]
                    labels[c] = line[2:].strip()[len(c):].strip()
        by_code = defaultdict(list)
        for code, pat, prov, src in kept:
            by_code[code].append(f"{pat}  # {prov} <- {src}")
        write_blocks(OUT, HEADER, labels, by_code)


HEADER = """\
# attache CAMEO lexicon, WordNet part: GENERATED by tools/lexicon/wordnet_propose.py write
# from the seed patterns of data/verbs.txt, the reviewed sense choices tools/lexicon/senses.tsv
# and the reviewed rejections tools/lexicon/reject.tsv, with WordNet 3.0 (Princeton University).
# Do not edit by hand: change the seed, senses.tsv or reject.tsv and regenerate.
# Same format as data/verbs.txt (its defines are in force here). Every pattern carries its
# provenance: "wn: LEMMA.POS.OFFSET syn W" (a synonym in the chosen synset) or
# "wn: ... W +deriv D.POS.OFFSET" (a derivationally related form), and the seed it came from;
# the new trigger keeps the seed's particles, conditions and flags.
"""

if __name__ == "__main__":
    main(sys.argv)
