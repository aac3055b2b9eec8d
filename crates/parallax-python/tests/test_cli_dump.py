"""`parallax dump --format parquet` read by pandas, and a Parquet file pandas wrote loaded by
`parallax load`."""

import json

import pandas as pd


def test_pandas_reads_the_parquet_dump(run_cli, sample_files, tmp_path):
    run_cli("import", *sample_files)
    run_cli("tag", 4, "kyiv")
    listed = sorted(run_cli("list")["articles"], key=lambda a: a["id"])

    path = tmp_path / "library.parquet"
    assert run_cli("dump", path, "--format", "parquet")["articles"] == len(listed)
    frame = pd.read_parquet(path)

    assert list(frame["id"]) == [a["id"] for a in listed]
    assert list(frame["outlet"]) == [a["outlet"] for a in listed]
    assert list(frame["title"]) == [a["title"] for a in listed]
    assert list(frame["published"]) == [a["published"] for a in listed]
    assert list(frame["event"]) == [a["event"] for a in listed]
    assert frame["text"].str.len().min() > 100
    extras = {i: json.loads(e) for i, e in zip(frame["id"], frame["extras"]) if e is not None}
    assert extras[4]["tags"] == ["kyiv"]


def test_a_parquet_file_pandas_wrote_loads(run_cli, tmp_path):
    frame = pd.DataFrame(
        {
            "id": ["agency-1", "agency-2"],
            "outlet": ["Agency", "Gazette"],
            "title": ["Storm closes the harbour", "Harbour shut as storm hits"],
            "published": pd.to_datetime(["2025-11-20T09:15:00Z", "2025-11-20T11:00:00Z"]),
            "text": [
                "A storm closed the harbour on Monday, the port authority said.",
                "The harbour was shut on Monday as a storm hit the coast, officials said.",
            ],
        }
    )
    path = tmp_path / "from-pandas.parquet"
    frame.to_parquet(path)

    report = run_cli("load", path)
    assert [a["title"] for a in report["imported"]] == list(frame["title"])
    listed = {a["title"]: a for a in run_cli("list")["articles"]}
    assert listed["Storm closes the harbour"]["published"] == "2025-11-20T09:15:00Z"
    assert listed["Harbour shut as storm hits"]["outlet"] == "Gazette"
