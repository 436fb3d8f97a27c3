#!/usr/bin/env bash
# Ingest throughput: builds a corpus of N (default 10,000) distinct articles from
# the shipped examples (examples/*.txt bodies and examples/feed.jsonl lines, each
# re-dated so every copy is a new article), as eight .jsonl feeds and two
# .jsonl.gz feeds, then times `attache ingest` into a fresh SQLite store with
# /usr/bin/time -v (peak memory), and times a second, idempotent run.
#   tools/bench-ingest.sh [N] [--db URL]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
DB_URL="${3:-}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cargo build --release -p attache-cli >/dev/null 2>&1
BIN=target/release/attache

python3 - "$N" "$WORK/corpus" <<'PY'
import datetime, glob, gzip, json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
bases = []
for path in sorted(glob.glob("examples/*.txt")):
    bases.append({"outlet": None, "text": open(path, encoding="utf-8").read()})
for line in open("examples/feed.jsonl", encoding="utf-8"):
    if line.strip():
        rec = json.loads(line)
        bases.append({"outlet": rec.get("outlet"), "text": rec["text"]})
start = datetime.date(2020, 1, 1)
files = 10
per = (n + files - 1) // files
k = 0
for f in range(files):
    lines = []
    for _ in range(per):
        if k >= n:
            break
        b = bases[k % len(bases)]
        day = start + datetime.timedelta(days=k // len(bases))
        rec = {"id": f"bench-{k}", "published": day.isoformat(), "text": b["text"]}
        if b["outlet"]:
            rec["outlet"] = b["outlet"]
        lines.append(json.dumps(rec))
        k += 1
    data = ("\n".join(lines) + "\n").encode()
    if f < 2:
        with gzip.open(f"{out}/feed{f:02}.jsonl.gz", "wb") as g:
            g.write(data)
    else:
        with open(f"{out}/feed{f:02}.jsonl", "wb") as g:
            g.write(data)
PY

BYTES=$(python3 -c "
import glob, gzip, sys
t = 0
for p in glob.glob(sys.argv[1] + '/*'):
    t += len(gzip.open(p).read()) if p.endswith('.gz') else len(open(p, 'rb').read())
print(t)" "$WORK/corpus")
DB="${DB_URL:-sqlite:$WORK/bench.db}"
echo "corpus: $N articles, $BYTES bytes of feed text, $(nproc) cores; store $DB"

run() {
  /usr/bin/time -v "$BIN" ingest "$WORK/corpus" --db "$DB" --quiet >"$WORK/out" 2>"$WORK/time" || true
  local secs rss cpu
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/time")
  echo "$1: $(head -1 "$WORK/out")"
  python3 -c "
n, b, s, rss, cpu = $N, $BYTES, $secs, $rss, $cpu
print(f'  {s:.2f} s wall, {n/s:,.0f} articles/s, {b/s/1e6:.2f} MB/s, peak RSS {rss/1024:.0f} MiB; '
      f'{cpu:.2f} CPU-s = {n/cpu:,.0f} articles per CPU-second; load average now: $(cut -d" " -f1 /proc/loadavg)')"
}
run "first run "
run "second run"
"$BIN" query events --db "$DB" --limit 1 >/dev/null
echo "command: tools/bench-ingest.sh $N"
