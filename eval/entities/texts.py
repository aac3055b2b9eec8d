"""Article bodies of the evaluation set as plain text: paragraphs separated by a blank line."""
import json
import pathlib
import sys

EVENTS = {
    "3db93526": "dev",
    "74708dbf": "dev",
    "97566c74": "held-out",
    "f11c2566": "held-out",
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
