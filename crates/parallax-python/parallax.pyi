"""Compare how news outlets report the same event: the Parallax engine in Python.

Results are the JSON documents the ``parallax`` command line prints (``--json``), as dicts.
Every function releases the GIL while the engine works; failures raise :class:`ParallaxError`
with the engine's message.
"""

import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

__version__: str

class ParallaxError(Exception):
    """A failure of the Parallax engine or library, with its message."""

PathLike = Union[str, "os.PathLike[str]"]
#: A file (``pathlib.Path``), an article's body text (``str``) or an article dict with ``text``
#: and any of ``title``, ``outlet`` (or passim's ``series``), ``published`` (or ``date``),
#: ``byline``, ``url``, ``id``, ``ref``.
Article = Union["os.PathLike[str]", str, Mapping[str, Any]]

def extract(source: Union[PathLike, bytes], file_name: Optional[str] = None) -> Dict[str, Any]:
    """The article in a document, as ``parallax extract --json`` prints it.

    ``source`` is a path or the document's bytes; with bytes, ``file_name`` tells the format
    (``"report.html"``). Keys: ``path``, ``format``, ``title``, ``outlet``, ``byline``,
    ``published``, ``url``, ``language``, ``text``, ``word_count``.
    """

def compare(items: Sequence[Article]) -> Dict[str, Any]:
    """Compares two or more articles, as ``parallax compare --json`` does.

    For ``pathlib.Path`` items the result equals the CLI's document for those files. Keys:
    ``articles``, ``pairs`` (alignments, word diffs, ``shared_passages``, ``conflicts``),
    ``entities``, ``disputed_facts``, ``timeline``, ...
    """

def entities(items: Union[Article, Sequence[Article]]) -> Dict[str, Any]:
    """People, organisations, places and quantities.

    One article gives ``{"entities", "quantities"}``; a list gives the entities resolved across
    the articles (``mentions`` per article) and their ``overlap``.
    """

def group_events(articles: Sequence[Article]) -> List[Dict[str, Any]]:
    """Groups articles into events, in the order given (give them by publication).

    Returns ``[{"event": int, "title": str, "articles": [index, ...]}]``; every article is in
    exactly one event.
    """

def read_library(path: PathLike) -> List[Dict[str, Any]]:
    """A Parallax library file's articles as records: ``pandas.DataFrame(read_library(p))``.

    Keys: ``id``, ``title``, ``outlet``, ``published``, ``text``, ``event``, ``byline``,
    ``url``, ``language``, ``format``, ``path``, ``word_count``, ``tags``, ``imported``, ...
    """
