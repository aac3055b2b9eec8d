"""examples/export_corpus.py: a library file as Parquet and passim's JSON Lines."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

SCRIPT = Path(__file__).resolve().parents[1] / "examples" / "export_corpus.py"


def export(*arguments):
    done = subprocess.run([sys.executable, str(SCRIPT), *map(str, arguments)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_library_exports_as_parquet_and_as_passims_json_lines(run_cli, sample_files, tmp_path):
    run_cli("import", *sample_files)
    listed = run_cli("list")["articles"]

    assert export(run_cli.library, tmp_path / "corpus.parquet")["articles"] == len(listed)
    frame = pd.read_parquet(tmp_path / "corpus.parquet")
    assert list(frame["id"]) == [a["id"] for a in listed]
    assert list(frame["outlet"]) == [a["outlet"] for a in listed]
    assert list(frame["event"]) == [a["event"] for a in listed]
    assert frame["text"].str.len().min() > 100

    export(run_cli.library, tmp_path / "passim.jsonl", "--passim")
    lines = [json.loads(l) for l in (tmp_path / "passim.jsonl").read_text().splitlines()]
    assert [l["id"] for l in lines] == [str(a["id"]) for a in listed]
    assert [l["series"] for l in lines] == [a["outlet"] or "" for a in listed]
    northgate = next(l for l in lines if l["series"] == "Northgate Wire")
    assert northgate["date"] == "2025-11-19"
    assert list(frame["text"]) == [l["text"] for l in lines]
