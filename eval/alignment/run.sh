#!/usr/bin/env bash
# Scores the engine's sentence alignment, and a side-by-side diff's, against the hand-made
# reference: precision, recall and alignment error rate per split. Needs the corpus (argument 1,
# default ../shared/corpus/basil-dev). EVAL_ERRORS=1 also lists each missed and wrong link.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-"$here/../../../shared/corpus/basil-dev"}
cd "$here/../.."
cargo run -q --release -p parallax-core --example compare_eval -- align "$corpus" "$here/reference.txt"
