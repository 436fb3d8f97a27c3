#!/usr/bin/env python3
"""Unit tests of teacher.fill (run with the venv's python: test/run.sh does)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import teacher  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

tables = teacher.load_label_tables(teacher.LABELS_RS)
assert "nsubjpass" in tables["Dep"] and "PRP$" in tables["Tag"] and "GPE" in tables["EntType"]


def rows_for(words, no_space=()):
    return [[str(i + 1), w, "_", "_", "_", "_", "_", "_", "_", "NER=_" + ("|SpaceAfter=No" if i in no_space else "")]
            for i, w in enumerate(words)]


def test_two_roots_become_one():
    words = ["Talks", "failed", ".", "Troops", "left"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 4, 4], deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT"],
              tags=["NNS", "VBD", ".", "NNS", "VBD"], pos=["NOUN", "VERB", "PUNCT", "NOUN", "VERB"],
              ents=["O", "O", "O", "B-ORG", "O"])
    rows = rows_for(words, no_space={1})
    st = teacher.Stats()
    teacher.fill(doc, rows, tables, st)
    assert [r[6] for r in rows] == ["2", "0", "2", "5", "2"], rows
    assert [r[7] for r in rows] == ["nsubj", "ROOT", "punct", "nsubj", "dep"], rows
    assert (st.multi_root_sentences, st.extra_roots) == (1, 1)
    assert rows[1][9] == "NER=O|SpaceAfter=No" and rows[3][9] == "NER=B-ORG", rows
    assert st.unknown == {}


def test_unknown_labels_are_counted_not_mapped():
    words = ["Hello", "world"]
    doc = Doc(Vocab(), words=words, heads=[0, 0], deps=["ROOT", "nonsense"], tags=["UH", "NOTATAG"],
              pos=["INTJ", "NOUN"])
    rows = rows_for(words)
    st = teacher.Stats()
    teacher.fill(doc, rows, tables, st)
    assert rows[1][4] == "_" and rows[1][7] == "_", rows
    assert st.unknown == {("XPOS", "NOTATAG"): 1, ("DEPREL", "nonsense"): 1}, st.unknown


for name, fn in list(globals().items()):
    if name.startswith("test_"):
        fn()
        print(f"test_teacher: {name} ok")
