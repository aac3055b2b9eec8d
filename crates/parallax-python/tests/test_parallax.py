"""The `parallax` Python module against the `parallax` command line on the same files."""

import inspect
import re
import threading
from pathlib import Path

import pandas as pd
import pytest

import parallax


def test_compare_of_files_equals_the_cli_document(run_cli, ferry_files):
    expected = run_cli("compare", *ferry_files)
    assert parallax.compare(ferry_files) == expected
    assert len(expected["pairs"]) == 6


def test_compare_of_two_sample_reports_equals_the_cli_document(run_cli, sample_files):
    kyiv = [f for f in sample_files if f.parent.name == "kyiv-delegation"][:2]
    assert parallax.compare(kyiv) == run_cli("compare", *kyiv)


def test_extract_of_a_file_equals_the_cli_document(run_cli, ferry_files):
    assert parallax.extract(ferry_files[0]) == run_cli("extract", ferry_files[0])
    assert parallax.extract(str(ferry_files[0]))["outlet"] == "Coastal Wire"


def test_extract_reads_bytes_in_the_format_the_file_name_tells():
    page = b"<html><head><title>Storm closes harbour</title></head><body><article><h1>Storm closes harbour</h1><p>A storm closed the harbour on Monday, the port authority said.</p></article></body></html>"
    article = parallax.extract(page, file_name="storm.html")
    assert article["format"] == "html"
    assert "storm closed the harbour" in article["text"]
    assert article["word_count"] == len(article["text"].split())


def test_extract_of_bytes_without_a_file_name_is_an_error():
    with pytest.raises(parallax.ParallaxError, match="file_name"):
        parallax.extract(b"some text")


def test_a_missing_file_raises_the_engines_message(tmp_path, run_cli):
    missing = tmp_path / "gone.txt"
    with pytest.raises(parallax.ParallaxError) as raised:
        parallax.compare([missing, missing])
    cli = run_cli("compare", missing, missing, check=False)
    assert cli.returncode == 1
    assert str(raised.value) in cli.stderr
    assert "gone.txt" in str(raised.value)


def test_comparing_one_article_is_an_error():
    with pytest.raises(parallax.ParallaxError, match="at least two articles, 1 given"):
        parallax.compare(["The ferry ran aground."])


def test_an_item_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="pathlib.Path"):
        parallax.compare([1, 2])


def test_texts_and_article_dicts_compare_with_conflicting_numbers_reported():
    left = {
        "title": "Ferry aground",
        "outlet": "Coastal Wire",
        "published": "2025-11-20",
        "text": "The ferry Marlow ran aground off Kestrel Point on Thursday with 112 passengers on board. The coastguard said the tide would lift the vessel.",
    }
    right = {
        "title": "Ferry runs aground",
        "series": "Morning Ledger",
        "date": "2025-11-21",
        "text": "The ferry Marlow ran aground off Kestrel Point on Thursday with 140 passengers on board. The coastguard said the tide would lift the vessel.",
    }
    report = parallax.compare([left, right])
    assert [a["outlet"] for a in report["articles"]] == ["Coastal Wire", "Morning Ledger"]
    assert [a["published"] for a in report["articles"]] == ["2025-11-20", "2025-11-21"]
    pair = report["pairs"][0]
    assert pair["similarity"] > 0.5
    assert any("112" in c["left"] and "140" in c["right"] for c in pair["conflicts"])
    assert report["disputed_facts"], report["disputed_facts"]
    plain = parallax.compare([left["text"], right["text"]])
    assert plain["pairs"][0]["conflicts"] == pair["conflicts"]


def test_entities_of_one_file_equal_the_cli_document(run_cli, ferry_files):
    assert parallax.entities(ferry_files[0]) == run_cli("entities", ferry_files[0])


def test_entities_across_articles_resolve_name_variants():
    found = parallax.entities(
        [
            "President Volodymyr Zelensky met the delegation in Kyiv on Wednesday.",
            "Zelenskyy told reporters in Kyiv that talks would go on.",
        ]
    )
    people = [e for e in found["entities"] if e["kind"] == "person"]
    assert len(people) == 1, people
    assert people[0]["mentions"] == [1, 1]
    assert found["overlap"]["articles"] == 2


def test_group_events_puts_reports_of_one_event_together(sample_files):
    articles = [parallax.extract(f) for f in sample_files]
    events = parallax.group_events(articles)
    by_folder = {}
    for event in events:
        folders = {sample_files[i].parent.name for i in event["articles"]}
        assert len(folders) == 1, (event, folders)
        by_folder.setdefault(folders.pop(), []).extend(event["articles"])
    assert sorted(i for e in events for i in e["articles"]) == list(range(len(articles)))
    assert len(by_folder["kyiv-delegation"]) == 5
    assert len(by_folder["harbour-bridge"]) == 3
    assert len([e for e in events if sample_files[e["articles"][0]].parent.name == "kyiv-delegation"]) == 1


def test_read_library_gives_the_library_articles_as_records(run_cli, sample_files):
    imported = run_cli("import", *sample_files)
    assert len(imported["imported"]) == len(sample_files)
    listed = run_cli("list")["articles"]
    records = parallax.read_library(run_cli.library)
    assert [r["id"] for r in records] == [a["id"] for a in listed]
    assert [r["event"] for r in records] == [a["event"] for a in listed]
    frame = pd.DataFrame(records)
    assert {"id", "outlet", "title", "published", "text", "event"} <= set(frame.columns)
    northgate = frame[frame["outlet"] == "Northgate Wire"].iloc[0]
    assert northgate["published"] == "2025-11-19T21:40:00Z"
    assert "Kyiv" in northgate["text"]
    assert frame.groupby("event").size().max() >= 5


def test_read_library_of_a_missing_file_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "none.sqlite3"
    with pytest.raises(parallax.ParallaxError, match="no library file"):
        parallax.read_library(missing)
    assert not missing.exists()


def test_comparisons_in_threads_give_the_same_report(ferry_files):
    expected = parallax.compare(ferry_files)
    results = [None] * 4

    def work(slot):
        results[slot] = parallax.compare(ferry_files)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_python_threads_run_while_the_engine_compares(sample_files):
    # With the GIL held through a comparison, this thread could not finish its loop (longer
    # than one switch interval) before the comparison ends.
    articles = [parallax.extract(f) for f in sample_files if f.parent.name == "kyiv-delegation"]
    long = [dict(a, text="\n\n".join([a["text"]] * 8)) for a in articles]
    started, finished = threading.Event(), threading.Event()

    def work():
        started.set()
        parallax.compare(long)
        finished.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    total = 0
    for i in range(1_000_000):
        total += i
    compared_meanwhile = not finished.is_set()
    worker.join()
    assert compared_meanwhile


def test_the_type_stubs_name_what_the_module_has():
    stubs = (Path(__file__).resolve().parents[1] / "parallax.pyi").read_text()
    stubbed = set(re.findall(r"^def (\w+)\(", stubs, re.M)) | set(
        re.findall(r"^class (\w+)\b", stubs, re.M)
    )
    public = {
        name
        for name in dir(parallax)
        if not name.startswith("_") and not inspect.ismodule(getattr(parallax, name))
    }
    assert stubbed == public
