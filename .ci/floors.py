#!/usr/bin/env python3
"""Run the shared scorers and fail when a figure drops below the floor the project reached.

Usage: floors.py BIN SHARED_DIR [SILVER_DIR]. Floors live in FLOORS below; raise them when a figure
rises. With SILVER_DIR (what tools/silver/make.sh wrote), the syntax models are also scored against
the teacher on gold.conllu (the 18 development articles, never trained on) and heldout.conllu.
"""
import os
import json
import subprocess
import sys

# Figures the landed main has reached; CI fails below them. Aggregates over the whole gold set,
# set a little under what main reached so that a general change costing one example still lands.
# Reached on 2026-12-02 (release and debug agree) on the 18 gold articles: events P 0.631 R 0.219
# (F1 0.325), quotes 1.0/1.0 (36), speakers 0.833, channels P 0.947 R 0.562 (32), conflicts 0.6 (5);
# PETRARCH dev suite 128 of 139 (0.921), P 0.977 R 0.918; PLOVER GSR dev (164 records): type recall
# 0.482, dyad+type recall 0.311, type precision 0.635.
# Re-measured 2026-12-03 after retraining the syntax models on the full corpus (35,144 sentences): events
# P 0.648 R 0.201; GSR type recall 0.476, dyad+type 0.293, precision 0.652. Syntax against the teacher:
# gold (18 articles, 193 sentences) UPOS 0.980, UAS 0.920, LAS 0.902, entity F1 0.868; held-out corpus
# slice (1,691 sentences) UPOS 0.985, UAS 0.940, LAS 0.927, entity F1 0.875.
# Then arguments from the dependency tree and targets from the article's dyad: events P 0.607 R 0.233
# (F1 0.337); GSR type recall 0.463, dyad+type 0.329, precision 0.654; PETRARCH unchanged.
# Then the one-article rule (a reported hostile act recoded as the speaker's criticism) removed: events
# P 0.584 R 0.226; GSR 0.476 / 0.341 / 0.669. Then the WordNet/frames lexicon (8,790 patterns), partner
# senses and denials from the tree: events P 0.588 R 0.240 (F1 0.341); GSR 0.512 / 0.372 / 0.658.
# 2026-12-03 (second session): headlines coded as sentences, one-article lexicon lines replaced by
# general classes, converse visits (042/043), name parts and context countries for titled names,
# dyad phrases ("the two countries"), mutual fights, agentless diplomatic passives, relations as a
# channel when severed: events P 0.662 R 0.362 (F1 0.468); channels P 0.905 R 0.594 (F1 0.717);
# quotes 1.0/1.0, speakers 0.833, conflicts 0.6; GSR 0.512 / 0.390 / 0.649; PETRARCH unchanged.
# 2026-12-03 (third session): speakers 1.000 (36); channels from the tagger and the tree (agents,
# appointments), evacuations, orders to leave, downgrades, mirrored acts: channels P 0.939 R 0.969
# (F1 0.954, 32); mutual accusations as conflicts: conflict recall 1.0 (5 of 5, 5 predicted).
FLOORS = {
    "gold": {
        "event_precision": 0.63,
        "event_recall": 0.34,
        "quote_precision": 0.95,
        "quote_recall": 0.95,
        "speaker_accuracy": 0.90,
        "channel_precision": 0.90,
        "channel_recall": 0.90,
        "conflict_recall": 0.79,
    },
    "petrarch": {
        "pass_rate": 0.91,
        "event_precision": 0.96,
        "event_recall": 0.90,
    },
    # Agreement of the committed syntax models with the teacher (attache syntax-eval --json):
    # accuracies in [0, 1], attachment without punctuation.
    "syntax_gold": {
        "upos_accuracy": 0.97,
        "uas": 0.905,
        "las": 0.885,
        "entity_f1": 0.85,
    },
    "syntax_heldout": {
        "upos_accuracy": 0.975,
        "uas": 0.925,
        "las": 0.91,
        "entity_f1": 0.86,
    },
    "gsr": {
        "type_recall": 0.49,
        "dyad_type_recall": 0.37,
        "type_precision": 0.62,
    },
}


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    lines = [l for l in out.stdout.splitlines() if l.strip().startswith("{")]
    if not lines:
        print(out.stdout[-2000:], out.stderr[-2000:])
        sys.exit(f"scorer printed no summary: {' '.join(cmd)}")
    return json.loads(lines[-1])


def check(name, summary, floors):
    bad = []
    for key, floor in floors.items():
        got = summary.get(key, 0.0)
        status = "ok" if got + 1e-9 >= floor else "BELOW FLOOR"
        print(f"  {name:9} {key:24} {got:7.3f}  (floor {floor:.3f})  {status}")
        if status != "ok":
            bad.append(f"{name} {key} {got} < {floor}")
    return bad


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    gold = run(["python3", f"{shared}/score/score.py", "--bin", binary, f"{shared}/gold", "--json"])
    pet = run(["python3", f"{shared}/score/score_petrarch.py", "--bin", binary, "--dict",
               f"{shared}/petrarch/validate", f"{shared}/petrarch/PETR.UnitTest.dev.xml", "--json"])
    gsr = run(["python3", f"{shared}/score/score_gsr.py", binary,
               f"{shared}/plover/gsr/PLOVER_GSR_dev.json", "--json"])
    bad = (check("gold", gold, FLOORS["gold"]) + check("petrarch", pet, FLOORS["petrarch"])
           + check("gsr", gsr, FLOORS["gsr"]))
    silver = sys.argv[3] if len(sys.argv) > 3 else None
    for part in ("gold", "heldout"):
        path = os.path.join(silver, f"{part}.conllu") if silver else None
        if not path or not os.path.exists(path):
            print(f"  syntax    {part}: no silver file ({path or 'no SILVER_DIR given'}): skipped")
            continue
        scores = run([binary, "syntax-eval", path, "--json"])
        bad += check(f"syn-{part}"[:9], scores, FLOORS[f"syntax_{part}"])
    if bad:
        sys.exit("scores below floor: " + "; ".join(bad))
    print("scores at or above their floors")


if __name__ == "__main__":
    main()
