"""Every event of a corpus compared with Parallax on Apache Spark.

    python spark_events.py ARTICLES OUTPUT [--master local[2]]
    spark-submit spark_events.py ARTICLES OUTPUT            # on a cluster

ARTICLES is JSON Lines (``.jsonl``/``.json``, one article an object) or Parquet (a file or a
folder) with the columns ``id, outlet, title, published, text``; passim's names are accepted
too (``series`` for the outlet, ``date`` for the publication date). OUTPUT is a folder that
receives one Parquet dataset each:

- ``events``: ``event, title, articles, ids`` (every article is in exactly one event);
- ``pairs``: per event, every two articles: ``similarity``, how many sentences are aligned or
  only in one of them, how many passages they share and facts they dispute;
- ``alignments``: the aligned sentences of every pair, with their texts and ``score``;
- ``passages``: the passages two articles share word for word (character offsets into each
  text, and ``earlier_id`` when the dates tell which was published first);
- ``disputed_facts``: one row per fact the event's articles disagree on, with each value and
  the ids of the articles that give it;
- ``entities``: per event, each person, organisation and place, its mentions per article and
  the ids of the articles that name it (the event's entity overlap).

Events: when the input has an ``event`` column it is kept. Otherwise the driver groups the
articles with ``parallax.group_events`` (the library's incremental grouping, in order of
publication); it streams only ``id, title, text, published`` to the driver, which holds their
profiles (a few hundred terms an article), not the corpus. Each event is then compared on the
executors in a pandas UDF (``groupBy("event").applyInPandas``); an event's articles travel to
one executor together, so an event must fit in one task's memory (events have tens of
articles, not millions).

The ``parallax`` package must be installed where the executors run Python
(``pip install ./crates/parallax-python``, or ship the wheel with ``--py-files``/a packed
environment); in local mode this script points Spark's workers at its own interpreter. Another
job may call ``spark_events.run(spark, articles, output)``: it then ships this file to the workers
with ``spark.sparkContext.addPyFile(spark_events.__file__)``, as the UDF is pickled by reference.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Iterator, List

import pandas as pd

import parallax

# What the pandas UDF emits: one row per finding, its kind and its fields as JSON; each kind is
# then parsed with its own schema below and written to its own dataset.
FINDINGS_SCHEMA = "event long, kind string, payload string"

OUTPUT_SCHEMAS = {
    "pairs": (
        "left_id string, right_id string, left_outlet string, right_outlet string, "
        "similarity double, aligned long, left_only long, right_only long, "
        "shared_passages long, conflicts long"
    ),
    "alignments": (
        "left_id string, right_id string, left_sentences array<long>, "
        "right_sentences array<long>, left_text string, right_text string, score double"
    ),
    "passages": (
        "left_id string, right_id string, text string, words long, left_start long, "
        "left_end long, right_start long, right_end long, earlier_id string"
    ),
    "disputed_facts": (
        "kind string, what string, values array<struct<text: string, ids: array<string>>>"
    ),
    "entities": (
        "name string, kind string, aliases array<string>, mentions array<long>, "
        "ids array<string>, named_by array<string>"
    ),
}


def read_articles(spark, path: str):
    """The corpus as a DataFrame of ``id, outlet, title, published, text`` (and ``event``)."""
    from pyspark.sql import functions as F

    if path.endswith((".jsonl", ".json", ".jsonl.gz", ".json.gz")):
        frame = spark.read.json(path)
    else:
        frame = spark.read.parquet(path)
    columns = set(frame.columns)
    if "text" not in columns or "id" not in columns:
        raise SystemExit(f"{path}: articles need 'id' and 'text' columns, found {sorted(columns)}")

    def first_of(*names):
        present = [F.col(n).cast("string") for n in names if n in columns]
        return F.coalesce(*present) if present else F.lit(None).cast("string")

    selected = [
        F.col("id").cast("string").alias("id"),
        first_of("outlet", "series").alias("outlet"),
        first_of("title").alias("title"),
        first_of("published", "date").alias("published"),
        F.col("text").cast("string").alias("text"),
    ]
    if "event" in columns:
        selected.append(F.col("event").cast("long").alias("event"))
    return frame.select(*selected)


def assign_events(spark, articles):
    """Adds ``event``: the events ``parallax.group_events`` finds, grouped on the driver in
    order of publication (undated articles last)."""
    from pyspark.sql import functions as F

    ordered = articles.select("id", "title", "text", "published").orderBy(
        F.col("published").asc_nulls_last(), F.col("id")
    )
    rows = list(ordered.toLocalIterator())
    events = parallax.group_events(
        [{"title": r.title or "", "text": r.text or "", "published": r.published} for r in rows]
    )
    pairs = [(rows[i].id, event["event"]) for event in events for i in event["articles"]]
    assigned = spark.createDataFrame(pairs, "id string, event long")
    return articles.join(assigned, "id")


def compare_event(frame: pd.DataFrame) -> pd.DataFrame:
    """Compares one event's articles with Parallax; one row per finding (see FINDINGS_SCHEMA)."""
    event = int(frame["event"].iloc[0])
    frame = frame.sort_values(["published", "id"], na_position="last")
    rows: List[tuple] = []
    if len(frame) >= 2:
        for kind, payload in findings(frame):
            rows.append((event, kind, json.dumps(payload)))
    return pd.DataFrame(rows, columns=["event", "kind", "payload"])


def article_fields(row) -> dict:
    fields = {"ref": str(row.id), "text": row.text or ""}
    for name in ("title", "outlet", "published"):
        value = getattr(row, name)
        if isinstance(value, str) and value:
            fields[name] = value
    return fields


def findings(frame: pd.DataFrame) -> Iterator[tuple]:
    """The comparison of an event's articles as (kind, fields) findings."""
    report = parallax.compare([article_fields(row) for row in frame.itertuples(index=False)])
    articles = report["articles"]
    ids = [a["ref"] for a in articles]
    for pair in report["pairs"]:
        left, right = pair["left"], pair["right"]
        left_sentences = articles[left]["sentences"]
        right_sentences = articles[right]["sentences"]
        yield "pairs", {
            "left_id": ids[left],
            "right_id": ids[right],
            "left_outlet": articles[left].get("outlet"),
            "right_outlet": articles[right].get("outlet"),
            "similarity": pair["similarity"],
            "aligned": len(pair["alignments"]),
            "left_only": len(pair["left_only"]),
            "right_only": len(pair["right_only"]),
            "shared_passages": len(pair["shared_passages"]),
            "conflicts": len(pair["conflicts"]),
        }
        for alignment in pair["alignments"]:
            yield "alignments", {
                "left_id": ids[left],
                "right_id": ids[right],
                "left_sentences": alignment["left"],
                "right_sentences": alignment["right"],
                "left_text": " ".join(left_sentences[i] for i in alignment["left"]),
                "right_text": " ".join(right_sentences[i] for i in alignment["right"]),
                "score": alignment["score"],
            }
        for passage in pair["shared_passages"]:
            earlier = passage.get("earlier")
            yield "passages", {
                "left_id": ids[left],
                "right_id": ids[right],
                "text": passage["text"],
                "words": passage["words"],
                "left_start": passage["left"]["start"],
                "left_end": passage["left"]["end"],
                "right_start": passage["right"]["start"],
                "right_end": passage["right"]["end"],
                "earlier_id": ids[earlier] if earlier is not None else None,
            }
    for fact in report.get("disputed_facts", []):
        yield "disputed_facts", {
            "kind": fact["kind"],
            "what": fact["what"],
            "values": [
                {"text": value["text"], "ids": [ids[i] for i in value["articles"]]}
                for value in fact["values"]
            ],
        }
    for entity in report["entities"]:
        yield "entities", {
            "name": entity["name"],
            "kind": entity["kind"],
            "aliases": entity["aliases"],
            "mentions": entity["mentions"],
            "ids": ids,
            "named_by": [ids[i] for i, count in enumerate(entity["mentions"]) if count > 0],
        }


def run(spark, articles_path: str, output: str) -> dict:
    """Groups and compares the corpus at ``articles_path``, writes the datasets under
    ``output``; returns how many rows each has."""
    from pyspark.sql import functions as F

    articles = read_articles(spark, articles_path)
    if "event" not in articles.columns:
        articles = assign_events(spark, articles)
    articles = articles.cache()

    events = articles.groupBy("event").agg(
        F.count("*").alias("articles"),
        F.sort_array(F.collect_list(F.struct(
            F.coalesce(F.col("published"), F.lit("\uffff")).alias("order"),
            F.col("id").alias("id"),
            F.col("title").alias("title"),
        ))).alias("members"),
    ).select(
        "event",
        F.col("members")[0]["title"].alias("title"),
        "articles",
        F.col("members.id").alias("ids"),
    )
    counts = {"events": write(events.orderBy("event"), output, "events")}

    found = (
        articles.groupBy("event")
        .applyInPandas(compare_event, schema=FINDINGS_SCHEMA)
        .cache()
    )
    for kind, schema in OUTPUT_SCHEMAS.items():
        rows = found.where(F.col("kind") == kind).select(
            "event", F.from_json("payload", schema).alias("finding")
        ).select("event", "finding.*")
        counts[kind] = write(rows, output, kind)
    found.unpersist()
    articles.unpersist()
    return counts


def write(frame, output: str, name: str) -> int:
    frame.write.mode("overwrite").parquet(os.path.join(output, name))
    return frame.sparkSession.read.parquet(os.path.join(output, name)).count()


def main(argv: List[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="JSON Lines or Parquet of id, outlet, title, published, text")
    parser.add_argument("output", help="folder for the Parquet datasets")
    parser.add_argument("--master", help="Spark master, such as local[2] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=8, help="shuffle partitions (default 8)")
    options = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    if options.master and options.master.startswith("local"):
        # Local mode: the Python workers run this interpreter, which has `parallax`.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("parallax-events")
    if options.master:
        builder = builder.master(options.master)
    spark = (
        builder.config("spark.sql.shuffle.partitions", str(options.partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        counts = run(spark, options.articles, options.output)
    finally:
        spark.stop()
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
