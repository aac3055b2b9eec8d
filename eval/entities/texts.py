"""Article bodies of the evaluation set as plain text: paragraphs separated by a blank line."""
import json
import pathlib
import sys

EVENTS = {
    "3db93526": "dev",
    "74708dbf": "dev",
    "97566c74": "held-out",
    "f11c2566": "held-out",
    # held-out-2: the first four events in sorted order, each on a different topic (a birther
    # inquiry, a Senate candidate's abortion remark, a sheriff's primary endorsement, a Supreme Court sex-bias suit).
    "005a2961": "held-out-2",
    "08bb9bee": "held-out-2",
    "0ffb34cd": "held-out-2",
    "2058ec60": "held-out-2",
    # held-out-3: the last four events in sorted order not used above, none skipped (a vice-presidential
    # debate, a congressman's lewd-photo denial, an Obama-Boehner fiscal-cliff meeting, the 2010 tax deal).
    "b5eefefb": "held-out-3",
    "c21cb217": "held-out-3",
    "cad4bba5": "held-out-3",
    "df5fe55a": "held-out-3",
}


def articles(corpus):
    for path in sorted(pathlib.Path(corpus).glob("*.json")):
        if path.name[:8] in EVENTS:
            data = json.loads(path.read_text())
            body = "\n\n".join(" ".join(s.strip() for s in p) for p in data["body-paragraphs"])
            yield path.stem, EVENTS[path.name[:8]], body


if __name__ == "__main__":
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name, split, body in articles(sys.argv[1]):
        (out / f"{name}.txt").write_text(body)
        print(name, split, len(body.split()))
