#!/usr/bin/env python3
"""Combine CAMEO speech acts with the frames of the acts they are about.

CAMEO codes appeals (02x), intents (03x), demands (10x), rejections (12x) and threats (13x)
by what the speaker asks, promises, demands, refuses or threatens to DO, and each of those
topics is an action code of its own: "urged Iran to release the sailors" is 0253 because
releasing is 084; "refused to lift sanctions" is 1244 because lifting sanctions is 085;
"threatened to expel diplomats" is 1313 because expelling diplomats is 161. This tool writes
data/verbs_frames.txt: every reviewed act head of tools/lexicon/acts.tsv combined with every
verb pattern of the matching action codes in data/verbs.txt and data/verbs_wordnet.txt, e.g.

  urge ... to release|to free ... $PRISONER      (0253 = appeal x 0841)

Bare action patterns become "to VERB" phrases (so "demanded free elections" is no release);
an action pattern with conditions keeps them after its verb. Python 3 stdlib only.
Usage: frames.py            (writes data/verbs_frames.txt)
"""
import os
import sys

from lexfile import pattern_lines, write_blocks

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "tools", "lexicon")
FLAGS = {"@recip", "@obj", "@from", "@speaker", "@neg"}

# topic (the last digits of the 02x/03x/10x code) -> the action codes that carry it out
TOPICS = {
    "1": ["060"], "11": ["061"], "12": ["062"], "13": ["063"], "14": ["064"],
    "3": ["070"], "31": ["071"], "32": ["072"], "33": ["073"], "34": ["074"],
    "4": ["083"], "41": ["0831"], "42": ["0832"], "43": ["0833"], "44": ["0834"],
    "5": ["080"], "51": ["081", "0811", "0812", "0813", "0814"], "52": ["082"],
    "53": ["084", "0841", "0842"], "54": ["085"], "55": ["086", "0861", "0862", "0863"],
    "56": ["087", "0871", "0872", "0873", "0874"], "6": ["040", "046"],
}
# rejections are numbered differently (121 material cooperation, 122 aid, 123 reform, ...)
REJECT = {"1": "121", "3": "122", "4": "123", "5": "124", "6": "125"}
# threats: action code -> threat code
THREATS = {
    "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311", "163": "1312",
    "160": "1313", "161": "1313", "172": "132", "1721": "1321", "1722": "1322",
    "1723": "1323", "1724": "1324", "164": "134", "165": "135", "166": "136",
    "1661": "136", "1662": "136", "1663": "136", "175": "137", "191": "1381",
    "192": "1382", "180": "1383", "181": "1383", "183": "1383", "185": "1383",
    "186": "1383", "190": "1384", "193": "1384", "194": "1384", "195": "1384",
    "204": "1385", "2041": "1385", "2042": "1385",
}
# action patterns that are no topic of an appeal, promise, demand or refusal to meet
NOT_TOPIC = {"notify", "inform", "brief", "receive", "exchange"}


def family_code(family, topic):
    if family == "appeal":
        return "02" + topic
    if family == "intent":
        return "03" + topic
    if family == "demand":
        return "10" + topic
    if family == "reject":
        if topic in REJECT:
            return REJECT[topic]
        if len(topic) == 2 and topic[0] in REJECT:
            return REJECT[topic[0]] + topic[1]
    return None


def read_patterns(path):
    out = []
    for code, n, line in pattern_lines(path):
        words = [w for w in line.split() if w not in FLAGS]
        head, sep, rest = " ".join(words).partition("...")
        out.append((code, os.path.basename(path), n, line, head.split(), rest.strip()))
    return out


def complement(head, rest, mode):
    """The action as a condition sequence after the act, or None."""
    trig = head[0]
    if trig.startswith(("n:", "a:")) or trig in NOT_TOPIC:
        return None
    if trig == "be":
        return None
    lemmas = trig.split("|")
    tail = " ".join(head[1:])
    phrases = [f"{lem} {tail}".strip() for lem in lemmas]
    if not rest or mode == "to":
        phrases = [f"to {p}" for p in phrases]
    # particles with alternatives ("call on|upon") become one phrase per alternative
    expanded = []
    for p in phrases:
        words = p.split()
        alts = [[]]
        for w in words:
            alts = [a + [x] for a in alts for x in w.split("|")]
        expanded += [" ".join(a) for a in alts]
    cond = "|".join(dict.fromkeys(expanded))
    return cond + (" ... " + rest if rest else "")


def main():
    codes = set()
    with open(os.path.join(ROOT, "data", "cameo_codes.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#") and line.strip():
                codes.add(line.split("\t")[0])
    labels = {}
    with open(os.path.join(ROOT, "data", "verbs.txt"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("=="):
                c = line[2:].split()[0]
                labels[c] = line[2:].strip()[len(c):].strip()
    actions = read_patterns(os.path.join(ROOT, "data", "verbs.txt"))
    actions += read_patterns(os.path.join(ROOT, "data", "verbs_wordnet.txt"))
    by_code = {}
    for a in actions:
        by_code.setdefault(a[0], []).append(a)
    acts = []
    with open(os.path.join(HERE, "acts.tsv"), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#")[0].rstrip("\n")
            if line.strip():
                fam, head, mode = [c.strip() for c in line.split("\t") if c.strip()]
                acts.append((fam, head, mode))
    # (target code, act head, action code, action pattern)
    jobs = []
    for topic, acodes in TOPICS.items():
        for fam in ("appeal", "intent", "demand", "reject"):
            target = family_code(fam, topic)
            if target not in codes:
                continue
            for acode in acodes:
                jobs += [(target, fam, acode)]
    for acode, target in THREATS.items():
        jobs.append((target, "threaten", acode))
    existing = set()
    for code, _, _, line, head, rest in actions:
        existing.add((code, " ".join(head), rest))
    out = {}
    seen = set()
    for target, fam, acode in jobs:
        for afam, head, mode in acts:
            if afam != fam:
                continue
            for code, fname, n, line, ahead, arest in by_code.get(acode, []):
                cond = complement(ahead, arest, mode)
                if cond is None:
                    continue
                key = (target, head, cond)
                if key in seen or key in existing:
                    continue
                seen.add(key)
                prov = f'# frame: {fam} "{head}" x {acode} "{line.split(" #")[0].strip()}" ({fname}:{n})'
                out.setdefault(target, []).append(f"{head} ... {cond}  {prov}")
    path = os.path.join(ROOT, "data", "verbs_frames.txt")
    write_blocks(path, HEADER, labels, out)


HEADER = """\
# attache CAMEO lexicon, act x topic frames: GENERATED by tools/lexicon/frames.py from the
# reviewed act heads of tools/lexicon/acts.tsv and the action patterns of data/verbs.txt and
# data/verbs_wordnet.txt. Do not edit by hand: change those and regenerate.
# Same format as data/verbs.txt (its defines are in force here). Each pattern is an appeal,
# intent, demand, rejection or threat whose content is an action code's pattern; its comment
# names the act head, the action code and the action pattern with its file and line.
"""

if __name__ == "__main__":
    main()
