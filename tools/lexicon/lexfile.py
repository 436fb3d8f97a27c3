"""Reading and writing lexicon files in the data/verbs.txt format (shared by frames.py and
wordnet_propose.py)."""
import sys


def write_blocks(path, header, labels, blocks):
    """Writes `header`, then one `== CODE  label` block per code of `labels` (in its order)
    that has lines in `blocks` (code -> pattern lines)."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for c in labels:
            if c in blocks:
                fh.write(f"\n== {c}  {labels[c]}\n")
                for line in blocks[c]:
                    fh.write(line + "\n")
    n = sum(len(v) for v in blocks.values())
    print(f"wrote {path}: {n} patterns", file=sys.stderr)


def pattern_lines(path):
    """(code, line_no, line) for every pattern line of a lexicon file: comments stripped,
    defines skipped, `code` the CAMEO code of the block the line is in."""
    code = None
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.split("#")[0].strip()
            if not line or line.startswith("define "):
                continue
            if line.startswith("=="):
                code = line[2:].split()[0]
                continue
            yield code, n, line
