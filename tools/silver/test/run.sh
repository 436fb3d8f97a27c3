#!/usr/bin/env bash
# Runs make.sh on the tiny test corpus beside this file (no shared folder)
# into target/silver/test/ (50% held out, so both sides get articles) and
# checks what it wrote; first the teacher's unit tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/target/silver/test"
rm -rf "$out"
"$root/target/silver/venv/bin/python" "$here/test_teacher.py" 2>/dev/null || bash "$here/../setup.sh"
"$root/target/silver/venv/bin/python" "$here/test_teacher.py"
SILVER_OUT="$out" SILVER_SHARED=none SILVER_HELDOUT=50 bash "$here/../make.sh" "$here/corpus"
fail() { echo "silver test: FAIL: $*" >&2; exit 1; }
for f in corpus train heldout; do [ -f "$out/$f.conllu" ] || fail "no $f.conllu"; done
[ ! -e "$out/shared.conllu" ] && [ ! -e "$out/gold.conllu" ] || fail "shared/gold written without a shared folder"
n() { grep -c '^# sent_id' "$1" || true; }
total=$(n "$out/corpus.conllu"); tr=$(n "$out/train.conllu"); he=$(n "$out/heldout.conllu")
[ "$total" -ge 12 ] || fail "only $total sentences"
[ $((tr + he)) = "$total" ] || fail "split lost sentences: $tr + $he != $total"
# Five articles with a body (the headline-only one is skipped), headlines not parsed.
[ "$(sed -n 's/^# sent_id = \(.*\)-[0-9]*$/\1/p' "$out/corpus.conllu" | sort -u | wc -l)" = 5 ] || fail "not 5 articles"
! grep -q '^# text = Port workers in Valdora strike' "$out/corpus.conllu" || fail "a headline was parsed"
grep -q '^# sent_id = world/02#3-1$' "$out/corpus.conllu" || fail "article ids not renamed"
# spaCy's analysis is there: a verb root, an entity, SpaceAfter kept.
grep -qP '\tVERB\tVBD\t_\t0\tROOT\t' "$out/corpus.conllu" || fail "no verb root"
[ "$tr" -gt 0 ] && [ "$he" -gt 0 ] || fail "a 50% split left one side empty"
grep -qP '\tNER=B-(GPE|ORG|PERSON)' "$out/corpus.conllu" || fail "no entity"
grep -qP '\tSpaceAfter=No|\|SpaceAfter=No' "$out/corpus.conllu" || fail "SpaceAfter=No lost"
# Deterministic: a second run writes the same files.
cp "$out/corpus.conllu" "$out/work/first.conllu"
SILVER_OUT="$out" SILVER_SHARED=none SILVER_HELDOUT=50 bash "$here/../make.sh" "$here/corpus" > /dev/null 2>&1
cmp -s "$out/corpus.conllu" "$out/work/first.conllu" || fail "second run differs"
echo "silver test: ok ($total sentences: $tr train, $he held out)"
