#!/usr/bin/env bash
# Measures Parallax and spaCy en_core_web_sm on the 12 reference articles: F1 tables and words/second.
# Needs the corpus and a venv with spaCy and the small English model (SPACY_PYTHON, default /tmp/spacy-venv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-"$here/../../../shared/corpus/basil-dev"}
python=${SPACY_PYTHON:-/tmp/spacy-venv/bin/python}
work=$(mktemp -d)
python3 "$here/texts.py" "$corpus" "$work/texts" >/dev/null
(cd "$here/../.." && cargo run -q --release -p parallax-core --example entities_eval -- "$work/texts" "$work/parallax.json")
"$python" "$here/spacy_ner.py" "$work/texts" "$work/spacy.json"
python3 "$here/score.py" "$work/parallax.json" "$work/spacy.json"
