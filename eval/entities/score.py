"""Document-level F1 of entity predictions against reference.txt, per kind and per split.

Usage: score.py PREDICTIONS.json [MORE.json ...]
A predictions file maps an article's file stem to a list of {"kind", "forms"}.
"""
import json
import pathlib
import re
import sys

KINDS = ("person", "organization", "place")


def load_reference(path):
    reference, splits, current = {}, {}, None
    for line in pathlib.Path(path).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            _, stem, split = line.split()
            current = reference.setdefault(stem, [])
            splits[stem] = split
            continue
        kind, forms = line.split("\t")
        current.append({"kind": kind, "forms": [f.strip() for f in forms.split("|")]})
    return reference, splits


def fold(form):
    form = form.replace("\u2019", "'")
    form = re.sub(r"'s$", "", form)
    form = form.replace(".", "").lower().strip()
    form = re.sub(r"^the ", "", form)
    return " ".join(form.split())


def overlaps(a_forms, b_forms):
    for a in map(fold, a_forms):
        for b in map(fold, b_forms):
            if a == b:
                return True
            wa, wb = set(a.split()), set(b.split())
            if wa and wb and (wa <= wb or wb <= wa):
                return True
    return False


def match(gold, predicted):
    """One-to-one matching: which reference entities were found, and the predictions that are wrong."""
    matched, wrong = [False] * len(gold), []
    for p in predicted:
        if p["kind"] not in KINDS:
            continue
        hit = next((i for i, g in enumerate(gold) if not matched[i] and g["kind"] == p["kind"] and overlaps(p["forms"], g["forms"])), None)
        if hit is not None:
            matched[hit] = True
        elif any(g["kind"] == p["kind"] and overlaps(p["forms"], g["forms"]) for g in gold):
            continue  # a second prediction of an entity already found
        else:
            wrong.append(p)
    return matched, wrong


def score_article(gold, predicted):
    """Counts (true positives, false positives, false negatives) per kind."""
    counts = {k: [0, 0, 0] for k in KINDS}
    matched, wrong = match(gold, predicted)
    for g, m in zip(gold, matched):
        counts[g["kind"]][0 if m else 2] += 1
    for p in wrong:
        counts[p["kind"]][1] += 1
    return counts


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(reference, splits, predictions, chosen=None):
    """P, R, F1 per kind and overall over the articles whose split is in `chosen` (all when None)."""
    total = {k: [0, 0, 0] for k in KINDS}
    for stem, gold in reference.items():
        if chosen and splits[stem] not in chosen:
            continue
        counts = score_article(gold, predictions.get(stem, []))
        for k in KINDS:
            for i in range(3):
                total[k][i] += counts[k][i]
    rows = {k: prf(*total[k]) for k in KINDS}
    rows["overall"] = prf(*(sum(total[k][i] for k in KINDS) for i in range(3)))
    return rows


def main():
    here = pathlib.Path(__file__).parent
    reference, splits = load_reference(here / "reference.txt")

    def count(split):
        return sum(1 for s in splits.values() if s == split)

    systems = {pathlib.Path(p).stem: json.loads(pathlib.Path(p).read_text()) for p in sys.argv[1:]}
    tables = [(f"{split} ({count(split)} articles)", (split,)) for split in ("dev", "held-out", "held-out-2", "held-out-3")]
    tables.append((f"held-out + held-out-2 ({count('held-out') + count('held-out-2')} articles)", ("held-out", "held-out-2")))
    tables.append((f"all ({len(reference)} articles)", None))
    for title, chosen in tables:
        print(f"\n{title}")
        print(f"{'system':<12} {'kind':<13} {'P':>5} {'R':>5} {'F1':>6}")
        for name, predictions in systems.items():
            for kind, (p, r, f) in table(reference, splits, predictions, chosen).items():
                print(f"{name:<12} {kind:<13} {p:5.2f} {r:5.2f} {f:6.3f}")


def by_rule(reference, predictions):
    """Per recognition rule (a prediction's `rule`, when it has one): predictions and precision."""
    rules = {}
    for stem, gold in reference.items():
        predicted = [p for p in predictions.get(stem, []) if p["kind"] in KINDS]
        _, wrong = match(gold, predicted)
        wrong_ids = {id(p) for p in wrong}
        for p in predicted:
            if "rule" not in p:
                continue
            row = rules.setdefault(p["rule"], [0, 0])
            row[0] += 1
            row[1] += id(p) not in wrong_ids
    return rules


def print_rules(reference, systems):
    for name, predictions in systems.items():
        rules = by_rule(reference, predictions)
        if not rules:
            continue
        print(f"\n{name}: entities by the rule that gave their kind (held-out articles)")
        print(f"{'rule':<36} {'entities':>8} {'P':>5}")
        for rule, (n, right) in sorted(rules.items(), key=lambda r: -r[1][0]):
            print(f"{rule:<36} {n:>8} {right / n:5.2f}")


if __name__ == "__main__":
    main()
    here = pathlib.Path(__file__).parent
    reference, splits = load_reference(here / "reference.txt")
    print_rules({stem: gold for stem, gold in reference.items() if splits[stem] != "dev"},
                {pathlib.Path(p).stem: json.loads(pathlib.Path(p).read_text()) for p in sys.argv[1:]})
