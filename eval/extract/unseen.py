"""Body F1 (4-word shingles, as examples/extract_eval.rs) of `parallax extract` on news pages
Parallax was never developed on: the HTML test pages of the newspaper4k package (its sdist, from
PyPI), against the article text that package's tests expect. Nothing of those pages is committed.

    python3 eval/extract/unseen.py PARALLAX_BINARY [SDIST_FOLDER]

With TRAFILATURA_PYTHON set to a Python that has trafilatura installed, trafilatura runs on the
same pages beside Parallax.
"""
import collections
import json
import os
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile

VERSION = "0.9.6"


def shingles(text):
    words = [w.lower() for w in re.split(r"[^\w]|_", text) if w]
    if len(words) < 4:
        return collections.Counter([" ".join(words)] if words else [])
    return collections.Counter(" ".join(words[i:i + 4]) for i in range(len(words) - 3))


def f1(found, expected):
    a, b = shingles(found), shingles(expected)
    common = sum((a & b).values())
    if not a or not b or not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def sdist(folder):
    folder = pathlib.Path(folder)
    archives = list(folder.glob(f"newspaper4k-{VERSION}.tar.gz"))
    if not archives:
        subprocess.run([sys.executable, "-m", "pip", "download", f"newspaper4k=={VERSION}",
                        "--no-binary", ":all:", "--no-deps", "-q", "-d", str(folder)], check=True)
        archives = list(folder.glob(f"newspaper4k-{VERSION}.tar.gz"))
    with tarfile.open(archives[0]) as tar:
        tar.extractall(folder, filter="data")
    return folder / f"newspaper4k-{VERSION}" / "tests" / "data"


TRAFILATURA = """
import json, sys, trafilatura
out = {}
for path in sys.argv[1:]:
    html = open(path, encoding="utf-8", errors="replace").read()
    out[path] = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
print(json.dumps(out))
"""


def parallax(binary, page):
    run = subprocess.run([binary, "extract", str(page), "--json"], capture_output=True, text=True)
    return json.loads(run.stdout)["text"] if run.returncode == 0 else None


def main():
    binary = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    data = sdist(folder)
    pages = [p for p in sorted((data / "html").glob("*.html")) if (data / "txt" / (p.stem + ".txt")).exists()]
    systems = {"parallax": {str(p): parallax(binary, p) for p in pages}}
    python = os.environ.get("TRAFILATURA_PYTHON")
    if python:
        run = subprocess.run([python, "-c", TRAFILATURA, *map(str, pages)], capture_output=True, text=True, check=True)
        systems["trafilatura"] = json.loads(run.stdout)
    print(f"{'page':<24} {'script':<7} " + " ".join(f"{name:>12}" for name in systems))
    scores = {name: [] for name in systems}
    for page in pages:
        gold = (data / "txt" / (page.stem + ".txt")).read_text(encoding="utf-8")
        latin = sum(c.isascii() for c in gold) > 0.8 * max(len(gold), 1)
        row = []
        for name, found in systems.items():
            text = found[str(page)]
            score = 0.0 if text is None else f1(text, gold)
            scores[name].append((latin, score))
            row.append(f"{score:>12.3f}" if text is not None else f"{'error':>12}")
        print(f"{page.stem:<24} {'latin' if latin else 'other':<7} " + " ".join(row))
    for name, results in scores.items():
        for label, keep in (("all pages", lambda latin: True), ("Latin-script pages", lambda latin: latin)):
            kept = sorted(score for latin, score in results if keep(latin))
            print(f"{name:<12} {label}: {len(kept)} pages, body F1 mean {sum(kept) / len(kept):.3f}, "
                  f"median {kept[len(kept) // 2]:.3f}, >= 0.97: {sum(s >= 0.97 for s in kept)}")


if __name__ == "__main__":
    main()
