#!/usr/bin/env python3
"""Generates data/lemma/wordnet.tsv, the word list behind syntax/lemma.rs.

The lemmatiser (crates/attache/src/syntax/lemma.rs) lemmatises an inflected
noun, verb, adjective or adverb with suffix rules, WordNet's exception lists
and WordNet's index of base forms: the classic WordNet "morphy" scheme as
spaCy's English rule lemmatiser (our teacher) uses it:

  candidates = for each rule (old, new) in order whose `old` ends the word,
               word[:-len(old)] + new, kept if it is a known base form (in
               WordNet's index for that part of speech; each one put in
               front, so the last rule's known form comes first) or not
               alphabetic (put behind);
  the word's exception-list lemmas go in front (the last one first);
  if there is no candidate, the first rule's form is used.

The whole index is 90,000 words, but a base form matters only where knowing
it changes some word's lemma (a word with one candidate form takes it whether
it is known or not): the script writes just those base forms (about 23,000),
which with the exception lists gives the run-time lemmatiser exactly the
scheme's answers (checked here over every word the rules can produce).

Input: WordNet 3.0 as the Debian package `wordnet-base` installs it
(/usr/share/wordnet: index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc),
plus a short list of adverb comparatives below (facts of English usage).
Output lines, sorted: `POS<TAB>base` for a base form, `POS<TAB>word<TAB>lemma
lemma...` for an exception; POS is n, v, a or r.

Usage: tools/gen_lemma.py [--wordnet DIR] [-o data/lemma/wordnet.tsv]
"""

import argparse
import os
import sys

RULES = {
    "n": [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"),
          ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
          ("ed", ""), ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [("", "")],
}

# Adverbs compared with -er/-est whose base is the plain adverb (facts of
# English usage; WordNet's adv.exc has only the handful of suppletive ones).
ADV_EXTRA = {
    "closer": "close", "closest": "close", "deeper": "deeply", "earlier": "early",
    "earliest": "early", "faster": "fast", "fastest": "fast", "harder": "hard",
    "hardest": "hard", "longer": "long", "longest": "long", "nearer": "near",
    "nearest": "near", "nigher": "nigh", "nighest": "nigh", "quicker": "quick",
    "quickest": "quick", "slower": "slow", "sooner": "soon", "soonest": "soon",
}

FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


def isalpha(s):
    return s.isalpha()


def read_index(path):
    words = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            w = line.split(" ", 1)[0]
            if "_" not in w:
                words.add(w)
    return words


def read_exc(path):
    exc = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and "_" not in parts[0]:
                exc[parts[0]] = [p for p in parts[1:] if "_" not in p] or parts[1:2]
    return exc


def lemmatise(word, rules, index, exc, without=None):
    """The scheme the module doc describes, for a lower-case word (`without`:
    a base form to treat as unknown)."""
    forms, oov = [], []
    for old, new in rules:
        if word.endswith(old):
            form = word[: len(word) - len(old)] + new
            if not form:
                continue
            if form in index and form != without:
                forms.insert(0, form)
            elif not isalpha(form):
                forms.append(form)
            else:
                oov.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exc.get(word, []):
        if form not in forms:
            forms.insert(0, form)
    if not forms:
        forms.extend(oov)
    if not forms:
        forms.append(word)
    return forms[0]


def candidates(word, rules):
    """Every rule's form of a word, distinct, in rule order."""
    out = []
    for old, new in rules:
        if word.endswith(old):
            form = word[: len(word) - len(old)] + new
            if form and form not in out:
                out.append(form)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("-o", "--out", default=os.path.join(here, "data", "lemma", "wordnet.tsv"))
    args = ap.parse_args()
    for name in ("index.noun", "verb.exc"):
        if not os.path.exists(os.path.join(args.wordnet, name)):
            sys.exit(f"gen_lemma: {args.wordnet}/{name} missing (apt-get install wordnet-base)")
    rows = []
    for pos, name in FILES.items():
        index = read_index(os.path.join(args.wordnet, "index." + name))
        exc = read_exc(os.path.join(args.wordnet, name + ".exc"))
        if pos == "r":
            for w, l in ADV_EXTRA.items():
                exc.setdefault(w, [l])
        rules = RULES[pos]
        words = set(exc)
        for base in index:
            for old, new in rules:
                if base.endswith(new):
                    words.add(base[: len(base) - len(new)] + old)
        # A base form is written when some word's lemma depends on knowing it.
        need = set()
        for w in words:
            forms = [f for f in candidates(w, rules) if f in index]
            if not forms:
                continue
            got = lemmatise(w, rules, index, exc)
            for f in forms:
                if lemmatise(w, rules, index, exc, without=f) != got:
                    need.add(f)
        for w in sorted(need):
            rows.append((pos, w, None))
        for w, lemmas in sorted(exc.items()):
            if not any(c.isspace() for c in w):
                rows.append((pos, w, " ".join(lemmas)))
        # Check: the reduced list gives the full scheme's answers.
        checked = 0
        for w in words:
            assert lemmatise(w, rules, index, exc) == lemmatise(w, rules, need, exc), w
            checked += 1
        print(f"gen_lemma: {name}: {len(index)} base forms, {len(need)} written, "
              f"{len(exc)} exceptions; {checked} words checked", file=sys.stderr)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gen_lemma.py from WordNet 3.0 (Debian wordnet-base;\n"
                "# WordNet License, Princeton University). Do not edit: re-run the script.\n"
                "# POS<TAB>base: a known base form; POS<TAB>word<TAB>lemmas: an exception.\n")
        for pos, w, l in rows:
            f.write(f"{pos}\t{w}\n" if l is None else f"{pos}\t{w}\t{l}\n")
    print(f"gen_lemma: wrote {len(rows)} words to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
