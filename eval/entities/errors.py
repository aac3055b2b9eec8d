"""Prints missed and wrong entities of one system, article by article, for one split.

Matching is score.py's, one-to-one: a prediction spanning two reference entities ("House and
Senate") finds one of them, and the other is listed as missed.
"""
import json
import pathlib
import sys

from score import load_reference, match

reference, splits = load_reference(pathlib.Path(__file__).parent / "reference.txt")
predictions = json.loads(pathlib.Path(sys.argv[1]).read_text())
split = sys.argv[2]
for stem, gold in reference.items():
    if splits[stem] != split:
        continue
    matched, wrong = match(gold, predictions.get(stem, []))
    print("==", stem)
    for p in wrong:
        print("  wrong ", p["kind"], p["forms"])
    for g, m in zip(gold, matched):
        if not m:
            print("  missed", g["kind"], g["forms"])
