"""Writing a generated lexicon file in the data/verbs.txt format (shared by frames.py and
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
