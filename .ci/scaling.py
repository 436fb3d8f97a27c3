#!/usr/bin/env python3
"""CI: fails when the pipeline's cost grows faster than the article.

Usage: python3 .ci/scaling.py path/to/attache [small_bytes large_bytes]

Two articles are made from our own committed texts (data/corpus/**/*.txt,
then examples/*.txt, laid end to end in path order): a small one (100 KB)
and a large one (2 MB, 20 times as long). In one run, on the same machine,
`attache read --format json` reads the small article 20 times over (one
process, the same bytes in all as the large article) and the large article
once; each is timed in CPU time (user + system of the child process), the
best of a few runs. The start-up (lexicons, models) is the same in both and
cancels out when it is subtracted: it is measured on a one-line article.
The check is the ratio of the time per sentence of the large article to that
of the small one: a linear pipeline gives about 1.0, a quadratic one about
the ratio of the sizes. It fails at 1.6 or more, a ratio machine noise does
not reach, since both sizes are measured side by side.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile

MAX_RATIO = 1.6
RUNS = 3


def texts(root):
    files = []
    for d, _, names in os.walk(os.path.join(root, "data", "corpus")):
        files += [os.path.join(d, n) for n in names if n.endswith(".txt")]
    files.sort()
    ex = os.path.join(root, "examples")
    files += sorted(os.path.join(ex, n) for n in os.listdir(ex) if n.endswith(".txt"))
    out = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            t = fh.read().strip()
        if t:
            out.append(t)
    return out


def article(ts, size):
    parts, n = [], 0
    while n < size:
        for t in ts:
            parts.append(t)
            n += len(t.encode("utf-8")) + 2
            if n >= size:
                break
    return "\n\n".join(parts) + "\n"


def cpu_run(cmd):
    """CPU seconds of the child and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    secs = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return secs, p.stdout


def sentences(stdout):
    return sum(len(json.loads(line)["sentences"]) for line in stdout.splitlines() if line.strip())


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    small = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    large = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000_000
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    ts = texts(root)
    copies = max(1, round(large / small))
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, body in [
            ("tiny", "Kenya and Uganda agreed on Tuesday to reopen the border.\n"),
            ("small", article(ts, small)),
            ("large", article(ts, large)),
        ]:
            paths[name] = os.path.join(tmp, name + ".txt")
            with open(paths[name], "w", encoding="utf-8") as fh:
                fh.write(body)
        base = [binary, "read", "--format", "json"]
        runs = {
            "tiny": base + [paths["tiny"]],
            "small": base + [paths["small"]] * copies,
            "large": base + [paths["large"]],
        }
        best, sent = {}, {}
        for _ in range(RUNS):
            for name, cmd in runs.items():
                secs, stdout = cpu_run(cmd)
                best[name] = min(best.get(name, secs), secs)
                sent.setdefault(name, sentences(stdout))
    t_small = max(best["small"] - best["tiny"], 1e-3)
    t_large = max(best["large"] - best["tiny"], 1e-3)
    per_small = t_small / sent["small"] * 1e6
    per_large = t_large / sent["large"] * 1e6
    ratio = per_large / per_small
    print(
        f"start-up {best['tiny']:.2f} s; {small // 1000} KB × {copies}: {sent['small']} sentences "
        f"in {t_small:.2f} s ({per_small:.0f} µs each); {large // 1000} KB × 1: {sent['large']} "
        f"sentences in {t_large:.2f} s ({per_large:.0f} µs each); ratio {ratio:.2f} "
        f"(limit {MAX_RATIO})"
    )
    if ratio >= MAX_RATIO:
        print("FAIL: the time per sentence grows with the article's length (super-linear cost)")
        return 1
    print("ok: linear in the article's length")
    return 0


if __name__ == "__main__":
    sys.exit(main())
