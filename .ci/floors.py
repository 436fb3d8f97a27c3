#!/usr/bin/env python3
"""Run the shared scorers and fail when a figure drops below the floor the project reached.

Usage: floors.py BIN SHARED_DIR. Floors live in FLOORS below; raise them when a figure rises.
"""
import json
import subprocess
import sys

# Figures the landed main has reached; CI fails below them.
# Reached on 2026-11-29 (debug build): gold events P 1.000 R 0.947, quotes 1.0/1.0, speakers 1.0,
# channels 1.0/1.0, conflicts 1.0; PETRARCH dev suite 128 of 139 records (0.921).
FLOORS = {
    "gold": {
        "event_precision": 1.0,
        "event_recall": 0.947,
        "quote_precision": 1.0,
        "quote_recall": 1.0,
        "speaker_accuracy": 1.0,
        "channel_precision": 1.0,
        "channel_recall": 1.0,
        "conflict_recall": 1.0,
    },
    "petrarch": {
        "pass_rate": 0.921,
        "event_precision": 0.977,
        "event_recall": 0.918,
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
    bad = check("gold", gold, FLOORS["gold"]) + check("petrarch", pet, FLOORS["petrarch"])
    if bad:
        sys.exit("scores below floor: " + "; ".join(bad))
    print("scores at or above their floors")


if __name__ == "__main__":
    main()
