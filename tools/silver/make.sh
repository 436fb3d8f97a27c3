#!/usr/bin/env bash
# The one command for the silver data: spaCy's small English pipeline run over
# OUR tokens and sentences (attache's cleaner and segmenter), as CoNLL-U.
#
#   tools/silver/make.sh [CORPUS_DIR]        (default: data/corpus)
#
# Writes under target/silver/ (never committed; SILVER_OUT=DIR writes there instead):
#   corpus.conllu   every article of CORPUS_DIR/**/*.txt
#   train.conllu    corpus.conllu less the held-out articles (~95%)
#   heldout.conllu  ~5% of the articles, chosen by sha1 of the article id
#   shared.conllu   when ../shared exists: PLOVER GSR and PETRARCH texts, for training only
#   gold.conllu     when ../shared/gold/articles exists: the 18 gold articles, for evaluation ONLY
# and the intermediate files under work/. ../shared is the folder beside the
# repo (SILVER_SHARED=DIR names another, SILVER_SHARED=none skips it).
# SILVER_HEADLINES=1 also parses each headline as a one-sentence record
# (default: headlines are left out, as attache never parses them).
# SILVER_NPROC=N sets the teacher's worker processes (default 2);
# SILVER_HELDOUT=P the held-out percentage (default 5).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:-$root/data/corpus}"
out="${SILVER_OUT:-$root/target/silver}"
shared="${SILVER_SHARED:-$root/../shared}"
nproc="${SILVER_NPROC:-2}"
venv_py="$root/target/silver/venv/bin/python"

[ -d "$corpus" ] || { echo "silver: no corpus folder $corpus" >&2; exit 1; }
corpus="$(cd "$corpus" && pwd)"
mkdir -p "$out/work"
out="$(cd "$out" && pwd)"
work="$out/work"
t_start=$(date +%s)
step() { echo; echo "== silver: $*"; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

step "setup (target/silver/venv)"
bash "$here/setup.sh"

step "cargo build --release -p attache-cli"
t=$(now)
(cd "$root" && cargo build --release -p attache-cli --quiet)
attache="$(cd "$root" && realpath -m "${CARGO_TARGET_DIR:-target}")/release/attache"
echo "built $attache in $(took "$t")"

# attache read --format conllu over a feed, sentence ids renamed after the records.
tokenise_feed() { # FEED OUT
    local rc=0
    "$attache" read --format conllu "$1" > "$work/raw.conllu" 2> "$work/$(basename "$2").log" || rc=$?
    if [ "$rc" != 0 ]; then
        echo "silver: attache read exited $rc on $1; its errors ($(grep -c 'error' "$work/$(basename "$2").log" || true)) are in $work/$(basename "$2").log" >&2
    fi
    "$venv_py" "$here/corpus.py" relabel "$work/raw.conllu" "$1" "$2"
    rm -f "$work/raw.conllu"
}

teach() { # TOKENS OUT
    "$venv_py" "$here/teacher.py" "$1" -o "$2" --n-process "$nproc" --batch-size 256
    "$venv_py" "$here/check.py" "$2" "$1"
}

step "corpus $corpus"
t=$(now)
headlines=()
[ "${SILVER_HEADLINES:-0}" = 1 ] && headlines=(--headlines)
"$venv_py" "$here/corpus.py" feed "$corpus" "$work/corpus.jsonl" "${headlines[@]}"
tokenise_feed "$work/corpus.jsonl" "$work/corpus.tok.conllu"
echo "tokenised in $(took "$t")"
t=$(now)
teach "$work/corpus.tok.conllu" "$out/corpus.conllu"
"$venv_py" "$here/corpus.py" split "$out/corpus.conllu" "$out/train.conllu" "$out/heldout.conllu" "${SILVER_HELDOUT:-5}"
echo "corpus done in $(took "$t")"

rm -f "$out/shared.conllu" "$out/gold.conllu"
if [ "$shared" != none ] && [ -d "$shared" ]; then
    step "shared texts $shared (training only)"
    t=$(now)
    "$venv_py" "$here/corpus.py" shared "$shared" "$work/shared.jsonl"
    tokenise_feed "$work/shared.jsonl" "$work/shared.tok.conllu"
    teach "$work/shared.tok.conllu" "$out/shared.conllu"
    echo "shared done in $(took "$t")"
    if [ -d "$shared/gold/articles" ]; then
        step "gold articles $shared/gold/articles (evaluation ONLY, never training)"
        t=$(now)
        rc=0
        # As the scorer does: attache read on each .txt; sentence ids are the file names.
        (cd "$shared/gold/articles" && "$attache" read --format conllu ./*.txt) \
            > "$work/gold.tok.conllu" 2> "$work/gold.conllu.log" || rc=$?
        [ "$rc" = 0 ] || echo "silver: attache read exited $rc on the gold articles (see $work/gold.conllu.log)" >&2
        sed -i 's/^# sent_id = \.\//# sent_id = /' "$work/gold.tok.conllu"
        echo "gold: $(ls "$shared/gold/articles"/*.txt | wc -l) articles"
        teach "$work/gold.tok.conllu" "$out/gold.conllu"
        echo "gold done in $(took "$t")"
    else
        echo "silver: no $shared/gold/articles: gold.conllu not written"
    fi
else
    echo; echo "silver: no shared folder ($shared): shared.conllu and gold.conllu not written"
fi

step "counts"
files=("$out/corpus.conllu" "$out/train.conllu" "$out/heldout.conllu")
[ -f "$out/shared.conllu" ] && files+=("$out/shared.conllu")
[ -f "$out/gold.conllu" ] && files+=("$out/gold.conllu")
"$venv_py" "$here/corpus.py" count "${files[@]}"
echo "silver: done in $(( $(date +%s) - t_start )) s"
