"""Prints missed and wrong entities of one system, article by article, for one split."""
import json
import sys

from score import load_reference, overlaps, KINDS
import pathlib

reference, splits = load_reference(pathlib.Path(__file__).parent / "reference.txt")
predictions = json.loads(pathlib.Path(sys.argv[1]).read_text())
split = sys.argv[2]
for stem, gold in reference.items():
    if splits[stem] != split:
        continue
    predicted = predictions.get(stem, [])
    wrong = [p for p in predicted if not any(g["kind"] == p["kind"] and overlaps(p["forms"], g["forms"]) for g in gold)]
    missed = [g for g in gold if not any(g["kind"] == p["kind"] and overlaps(p["forms"], g["forms"]) for p in predicted)]
    print("==", stem)
    for p in wrong:
        print("  wrong ", p["kind"], p["forms"])
    for g in missed:
        print("  missed", g["kind"], g["forms"])
