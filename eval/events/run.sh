#!/usr/bin/env bash
# B-cubed F1 of event grouping on the development corpus beside the repository: every set split
# into a development and a held-out half (see RESULTS.md), each grouped with the dates the
# extractor reads, the dates the corpus records, and no date.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-../shared/corpus}
cargo run --release -q -p parallax-core --example event_quality -- \
  "$corpus/basil-dev" "$corpus/events-dev/ecbplus" "$corpus/events-dev/allsides21" "${@:2}"
