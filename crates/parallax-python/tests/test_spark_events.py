"""The Spark job (examples/spark_events.py) on Spark local mode, on a corpus of three events."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import parallax

JOB = Path(__file__).resolve().parents[1] / "examples" / "spark_events.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, ferry_files, sample_files):
    """Twelve articles of three events as JSON Lines, half with passim's field names."""
    folder = tmp_path_factory.mktemp("corpus")
    articles = {}
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for number, path in enumerate(ferry_files + sample_files):
            article = parallax.extract(path)
            key = f"{path.parent.name}-{number}"
            articles[key] = {"event": path.parent.name, "text": article["text"]}
            if number % 2:
                line = {"id": key, "series": article["outlet"], "date": article["published"]}
            else:
                line = {"id": key, "outlet": article["outlet"], "published": article["published"]}
            line.update(title=article["title"], text=article["text"])
            out.write(json.dumps(line) + "\n")
    return folder / "articles.jsonl", articles


@pytest.fixture(scope="module")
def output(corpus, tmp_path_factory):
    path, _ = corpus
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run(
        [sys.executable, str(JOB), str(path), str(out), "--master", "local[2]", "--partitions", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    return out, counts


def read(output, name):
    folder, _ = output
    return pd.read_parquet(folder / name)


def test_every_article_is_in_one_event_of_its_own_story(output, corpus):
    _, articles = corpus
    events = read(output, "events")
    assert len(events) == 3
    ids = [i for row in events["ids"] for i in row]
    assert sorted(ids) == sorted(articles)
    for row in events.itertuples():
        assert len({articles[i]["event"] for i in row.ids}) == 1, row.ids
        assert row.articles == len(row.ids)
    assert sorted(events["articles"]) == [3, 4, 5]


def test_every_two_articles_of_an_event_are_compared(output, corpus):
    _, articles = corpus
    pairs = read(output, "pairs")
    assert len(pairs) == 3 + 6 + 10
    for row in pairs.itertuples():
        assert articles[row.left_id]["event"] == articles[row.right_id]["event"]
        assert 0.0 < row.similarity <= 1.0
    assert output[1]["pairs"] == len(pairs)


def test_aligned_sentences_are_written_with_their_texts(output):
    alignments = read(output, "alignments")
    pairs = read(output, "pairs")
    assert len(alignments) == pairs["aligned"].sum() > 0
    assert (alignments["left_text"].str.len() > 0).all()
    assert (alignments["right_text"].str.len() > 0).all()


def test_shared_passages_point_at_the_same_words_in_both_articles(output, corpus):
    _, articles = corpus
    passages = read(output, "passages")
    assert len(passages) == read(output, "pairs")["shared_passages"].sum() > 0
    for row in passages.itertuples():
        left = articles[row.left_id]["text"][row.left_start:row.left_end]
        right = articles[row.right_id]["text"][row.right_start:row.right_end]
        assert row.text.split()[0] in left and row.text.split()[-1] in right, row


def test_disputed_facts_name_the_articles_giving_each_value(output, corpus):
    _, articles = corpus
    facts = read(output, "disputed_facts")
    money = [
        {v["text"]: list(v["ids"]) for v in row.values}
        for row in facts[facts["kind"] == "money"].itertuples()
    ]
    repairs = [values for values in money if "$46.2 million" in values]
    assert len(repairs) == 1, money
    values = repairs[0]
    assert set(values) == {"$46.2 million", "$42.6 million"}
    for text, ids in values.items():
        for i in ids:
            assert articles[i]["event"] == "harbour-bridge"
            assert text in articles[i]["text"]


def test_entity_overlap_counts_mentions_per_article(output, corpus):
    _, articles = corpus
    found = read(output, "entities")
    calloway = found[found["name"] == "Ines Calloway"].iloc[0]
    named_by = set(calloway["named_by"])
    assert named_by and all("Calloway" in articles[i]["text"] for i in named_by)
    for row in found.itertuples():
        assert len(row.mentions) == len(row.ids)
        assert list(row.named_by) == [i for i, m in zip(row.ids, row.mentions) if m > 0]
