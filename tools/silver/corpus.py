#!/usr/bin/env python3
"""Corpus plumbing for the silver data (standard library only; make.sh calls it).

  corpus.py feed CORPUS_DIR OUT.jsonl [--headlines]
      Every article of CORPUS_DIR/**/*.txt as one JSON Lines record
      {"id", "title", "text"} for `attache read`. Corpus format: articles
      separated by a line `%%%`; in an article the first line is the headline,
      then a blank line, then paragraphs one per line separated by blank lines.
      The id is `<file path under CORPUS_DIR without .txt>#<article number>`.
      The headline goes in "title", which attache keeps as metadata and never
      segments or parses (as for a .txt file, whose headline line the cleaner
      takes out), so headlines are not in the silver data. With --headlines
      each headline is also its own record `<id>/headline` (kept with its
      article in the split).
      Prints the number of files and articles.
  corpus.py shared SHARED_DIR OUT.jsonl
      The `text` of every record of SHARED_DIR/plover/gsr/*.json and the
      <Text> of every record of SHARED_DIR/petrarch/*.xml, one record each
      (line breaks inside a text become spaces).
  corpus.py relabel IN.conllu FEED.jsonl OUT.conllu
      `attache read FEED.jsonl` names sentences `FEED.jsonl:LINE-N`; this
      renames them `<record id>-N` from the feed.
  corpus.py split IN.conllu TRAIN.conllu HELDOUT.conllu [PERCENT]
      Splits by article: an article (sent_id up to its last `-N`) goes to
      HELDOUT when sha1(id) mod 10000 < PERCENT*100 (default 5), else TRAIN.
  corpus.py count FILE.conllu...
      Sentences, tokens and articles of each file.
"""

import glob
import hashlib
import json
import os
import re
import sys


def corpus_articles(root):
    """(id, headline, paragraphs) of every article, in a fixed order."""
    files = sorted(glob.glob(os.path.join(root, "**", "*.txt"), recursive=True))
    out = []
    for path in files:
        rel = os.path.relpath(path, root)
        stem = rel[:-4] if rel.endswith(".txt") else rel
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read().replace("\r\n", "\n").replace("\r", "\n")
        chunks = re.split(r"(?m)^[ \t]*%%%[ \t]*$", text)
        n = 0
        for chunk in chunks:
            lines = [l.strip() for l in chunk.split("\n")]
            while lines and not lines[0]:
                lines.pop(0)
            if not lines:
                continue
            headline = lines[0]
            paragraphs = [l for l in lines[1:] if l]
            n += 1
            if not paragraphs:
                print(f"corpus: {rel} article {n}: a headline and no paragraphs, skipped", file=sys.stderr)
                continue
            out.append((f"{stem}#{n}", headline, paragraphs))
    return files, out


def cmd_feed(root, out_path, headlines=False):
    if not os.path.isdir(root):
        sys.exit(f"corpus: no corpus folder {root}")
    files, articles = corpus_articles(root)
    with open(out_path, "w", encoding="utf-8") as out:
        for aid, headline, paragraphs in articles:
            rec = {"id": aid, "title": headline, "text": "\n\n".join(paragraphs)}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if headlines:
                rec = {"id": f"{aid}/headline", "text": headline}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(
        f"corpus: {len(files)} files, {len(articles)} articles from {root}"
        + (" (headlines as records of their own)" if headlines else " (headlines left out)")
    )


def one_line(s):
    return " ".join(s.split())


def cmd_shared(root, out_path):
    recs = []
    for path in sorted(glob.glob(os.path.join(root, "plover", "gsr", "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict):
            data = [data]
        name = os.path.basename(path)
        for i, r in enumerate(data, 1):
            text = one_line(str(r.get("text") or ""))
            if text:
                recs.append((f"plover/{name}/{r.get('id', i)}", text))
    for path in sorted(glob.glob(os.path.join(root, "petrarch", "*.xml"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            xml = f.read()
        name = os.path.basename(path)
        for i, m in enumerate(re.finditer(r"<Text>(.*?)</Text>", xml, re.S), 1):
            text = one_line(m.group(1))
            for a, b in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
                text = text.replace(a, b)
            if text:
                recs.append((f"petrarch/{name}/{i}", text))
    with open(out_path, "w", encoding="utf-8") as out:
        for rid, text in recs:
            out.write(json.dumps({"id": rid, "text": text}, ensure_ascii=False) + "\n")
    by = {}
    for rid, _ in recs:
        k = "/".join(rid.split("/")[:2])
        by[k] = by.get(k, 0) + 1
    print(f"corpus: {len(recs)} shared texts (" + ", ".join(f"{k}: {v}" for k, v in sorted(by.items())) + ")")


def cmd_relabel(in_path, feed_path, out_path):
    ids = {}
    with open(feed_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                ids[n] = json.loads(line).get("id") or f"line{n}"
    pat = re.compile(r"^# sent_id = .*:(\d+)-(\d+)$")
    missing = 0
    with open(in_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            m = pat.match(line.rstrip("\n"))
            if m:
                aid = ids.get(int(m.group(1)))
                if aid is None:
                    missing += 1
                else:
                    line = f"# sent_id = {aid}-{m.group(2)}\n"
            out.write(line)
    if missing:
        sys.exit(f"corpus: {missing} sentence ids name no feed line")


def read_sentences(path):
    """(sent_id, lines) of every sentence block."""
    block, sid = [], ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() == "":
                if any(l[:1].isdigit() for l in block):
                    yield sid, block
                block, sid = [], ""
                continue
            if line.startswith("# sent_id ="):
                sid = line.split("=", 1)[1].strip()
            block.append(line)
    if any(l[:1].isdigit() for l in block):
        yield sid, block


def article_of(sid):
    aid = sid.rsplit("-", 1)[0] if re.search(r"-\d+$", sid) else sid
    return aid[: -len("/headline")] if aid.endswith("/headline") else aid


def heldout(aid, percent):
    h = int.from_bytes(hashlib.sha1(aid.encode("utf-8")).digest()[:8], "big")
    return h % 10000 < round(percent * 100)


def cmd_split(in_path, train_path, held_path, percent=5.0):
    arts = {"train": set(), "heldout": set()}
    with open(train_path, "w", encoding="utf-8") as tr, open(held_path, "w", encoding="utf-8") as he:
        for sid, block in read_sentences(in_path):
            aid = article_of(sid)
            side = "heldout" if heldout(aid, percent) else "train"
            arts[side].add(aid)
            (he if side == "heldout" else tr).write("".join(block) + "\n")
    print(
        f"corpus: split {len(arts['train']) + len(arts['heldout'])} articles: "
        f"{len(arts['train'])} train, {len(arts['heldout'])} held out ({percent:g}% by sha1 of the article id)"
    )


def cmd_count(paths):
    for p in paths:
        if not os.path.exists(p):
            print(f"{p}: absent")
            continue
        s = t = 0
        arts = set()
        for sid, block in read_sentences(p):
            s += 1
            t += sum(1 for l in block if l[:1].isdigit())
            arts.add(article_of(sid))
        print(f"{p}: {s} sentences, {t} tokens, {len(arts)} documents")


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, rest = argv[1], argv[2:]
    if cmd == "feed" and len(rest) in (2, 3) and rest[2:] in ([], ["--headlines"]):
        cmd_feed(rest[0], rest[1], headlines=len(rest) == 3)
    elif cmd == "shared" and len(rest) == 2:
        cmd_shared(*rest)
    elif cmd == "relabel" and len(rest) == 3:
        cmd_relabel(*rest)
    elif cmd == "split" and len(rest) in (3, 4):
        cmd_split(*rest[:3], *(float(x) for x in rest[3:]))
    elif cmd == "count" and rest:
        cmd_count(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
