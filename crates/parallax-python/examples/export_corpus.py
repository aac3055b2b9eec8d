"""A Parallax library file as a corpus for Spark, pandas or passim.

    python export_corpus.py LIBRARY OUT.parquet          # Parquet: id, outlet, title, published, text, event, ...
    python export_corpus.py LIBRARY OUT.jsonl            # JSON Lines, the same fields
    python export_corpus.py LIBRARY OUT.jsonl --passim   # passim's names: id, series, date, title, text

passim's ``series`` is the outlet and its ``date`` the publication day (``YYYY-MM-DD``); its ids
are strings. Either output is an input of ``spark_events.py``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List

import parallax

FIELDS = ["id", "outlet", "title", "published", "text", "event", "byline", "url", "language", "word_count"]


def records(library: Path, passim: bool) -> List[Dict]:
    """The library's articles with the corpus fields, or passim's."""
    rows = []
    for article in parallax.read_library(library):
        row = {name: article.get(name) for name in FIELDS}
        if passim:
            published = row.pop("published")
            row = {
                "id": str(row["id"]),
                "series": row.pop("outlet") or "",
                "date": published[:10] if published else None,
                "title": row["title"],
                "text": row["text"],
                "url": row["url"],
            }
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("output", type=Path, help="a .parquet or .jsonl file")
    parser.add_argument("--passim", action="store_true", help="passim's field names")
    options = parser.parse_args()
    rows = records(options.library, options.passim)
    if options.output.suffix == ".parquet":
        import pandas as pd

        pd.DataFrame(rows).to_parquet(options.output, index=False)
    else:
        with open(options.output, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps({"path": str(options.output), "articles": len(rows)}))


if __name__ == "__main__":
    main()
