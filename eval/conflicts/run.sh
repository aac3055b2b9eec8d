#!/usr/bin/env bash
# Scores the engine's conflicts of facts against the hand-made reference: precision and recall.
# Needs the corpus (argument 1, default ../shared/corpus/basil-dev). EVAL_ERRORS=1 also lists each
# missed conflict and each one the reference does not have.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-"$here/../../../shared/corpus/basil-dev"}
cd "$here/../.."
cargo run -q --release -p parallax-core --example compare_eval -- conflicts "$corpus" "$here/reference.txt"
