"""Benchmark (not a test): a corpus of N articles grouped and every event compared through the
Spark job on local[1] and local[2], beside a MinHash LSH baseline (datasketch) for shared
passages.

    pip install ./crates/parallax-python pyspark "pandas<3" pyarrow datasketch
    python crates/parallax-python/benchmarks/spark_scale.py [N=100000] [--workers 1 2]

The corpus: the repository's twelve articles of three events (the CLI's ferry fixtures and the
library's sample events), replicated and perturbed. Each replica is a new occurrence of its
story: its proper names and half its longer words replaced by its own, some numbers changed, a sentence dropped
now and then, dated 40 days after the previous replica (so events cannot chain). Prints, per
worker count: seconds, events, article pairs compared, pairs per second and per core; the
speed-up from the first worker count to the last; and for the baseline, the pairs MinHash LSH
finds (5-word shingles, Jaccard >= 0.3) beside the pairs Parallax finds sharing a passage.
Use the release build (`pip install`), not `maturin develop`'s debug build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import parallax

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "examples"))
import spark_events  # noqa: E402

SENTENCE_START = {
    "The", "A", "An", "He", "She", "It", "They", "We", "In", "On", "At", "After", "But",
    "Its", "His", "Her", "Their", "This", "That", "No", "For", "By", "As", "If", "When",
}
SYLLABLES = ["ka", "lo", "mer", "dan", "vi", "tor", "sel", "bra", "ne", "quin", "hal", "os"]


def base_stories():
    """The repository's articles, by story."""
    stories = {}
    files = sorted((REPO / "crates/parallax-cli/tests/ferry").glob("*.md"))
    files += sorted((REPO / "crates/parallax-library/samples").glob("*/*.md"))
    for path in files:
        stories.setdefault(path.parent.name, []).append(parallax.extract(path))
    return list(stories.values())


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def perturb(text: str, names: dict, rng: random.Random) -> str:
    """The text with this replica's names, a few numbers changed and maybe a sentence dropped."""
    def name(match):
        word = match.group(0)
        return word if word in SENTENCE_START else names.setdefault(word, invented_name(rng))

    def word(match):
        # Half the longer words are this replica's own (decided once a replica, so its
        # articles still share passages): replicas then share few 5-word shingles.
        found = match.group(0)
        if found not in names:
            names[found] = invented_name(rng).lower() if rng.random() < 0.5 else found
        return names[found]

    text = re.sub(r"\b[A-Z][a-z]{3,}\b", name, text)
    text = re.sub(r"\b[a-z]{6,}\b", word, text)
    text = re.sub(r"\b\d+\b", lambda m: str(int(m.group(0)) + rng.choice([0, 0, 0, 1, 2])), text)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 3 and rng.random() < 0.3:
        del sentences[rng.randrange(len(sentences))]
    return " ".join(sentences)


def write_corpus(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    stories = base_stories()
    start = dt.date(2000, 1, 1)
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        replica = 0
        while written < count:
            for story in stories:
                names: dict = {}
                day = start + dt.timedelta(days=40 * replica)
                for number, article in enumerate(story):
                    if written >= count:
                        break
                    published = (day + dt.timedelta(days=rng.randint(0, 1))).isoformat()
                    out.write(json.dumps({
                        "id": f"r{replica}-{written}",
                        "series": f"{article['outlet'] or 'Outlet'} {number}",
                        "date": published,
                        "title": perturb(article["title"], names, rng),
                        "text": perturb(article["text"], names, rng),
                    }) + "\n")
                    written += 1
                replica += 1


def spark_run(corpus: Path, output: Path, workers: int) -> dict:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName(f"parallax-bench-{workers}")
        .config("spark.sql.shuffle.partitions", str(8 * workers))
        .config("spark.driver.memory", "3g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # The UDF is pickled by reference to its module: the workers import it too.
    spark.sparkContext.addPyFile(spark_events.__file__)
    try:
        began = time.perf_counter()
        counts = spark_events.run(spark, str(corpus), str(output))
        counts["seconds"] = time.perf_counter() - began
    finally:
        spark.stop()
    return counts


def minhash_pairs(corpus: Path, threshold: float):
    """Article pairs sharing text by MinHash LSH over 5-word shingles, and the seconds taken."""
    from datasketch import MinHash, MinHashLSH

    began = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    hashes = {}
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            words = article["text"].lower().split()
            shingles = {" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))}
            sketch = MinHash(num_perm=64)
            sketch.update_batch(list(shingles))
            hashes[article["id"]] = sketch
            lsh.insert(article["id"], sketch)
    pairs = set()
    for key, sketch in hashes.items():
        for other in lsh.query(sketch):
            if other != key:
                pairs.add(tuple(sorted((key, other))))
    return pairs, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", help="folder to keep the corpus and outputs in")
    options = parser.parse_args()

    folder = Path(options.keep or tempfile.mkdtemp(prefix="parallax-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "articles.jsonl"
    write_corpus(corpus, options.articles)
    print(f"corpus: {options.articles} articles in {corpus}")

    runs = {}
    for workers in options.workers:
        counts = spark_run(corpus, folder / f"out-{workers}", workers)
        runs[workers] = counts
        rate = counts["pairs"] / counts["seconds"]
        print(
            f"local[{workers}]: {counts['seconds']:.1f} s, {counts['events']} events, "
            f"{counts['pairs']} pairs compared: {rate:.0f} pairs/s, {rate / workers:.0f} pairs/s per core"
        )
    if len(runs) > 1:
        first, last = options.workers[0], options.workers[-1]
        print(f"speed-up local[{first}] -> local[{last}]: {runs[first]['seconds'] / runs[last]['seconds']:.2f}x")

    import pandas as pd

    passages = pd.read_parquet(folder / f"out-{options.workers[-1]}" / "passages")
    found = {tuple(sorted(p)) for p in zip(passages["left_id"], passages["right_id"])}
    events = pd.read_parquet(folder / f"out-{options.workers[-1]}" / "events")
    event_of = {i: row.event for row in events.itertuples() for i in row.ids}
    baseline, seconds = minhash_pairs(corpus, threshold=0.3)
    within = {p for p in baseline if event_of.get(p[0]) == event_of.get(p[1])}
    print(
        f"shared passages: Parallax {len(found)} pairs (compared within events); MinHash LSH "
        f"{len(baseline)} pairs in {seconds:.1f} s over the whole corpus, {len(within)} of them "
        f"within one event; of those, both {len(found & within)}, only Parallax "
        f"{len(found - within)}, only MinHash {len(within - found)}"
    )


if __name__ == "__main__":
    main()
