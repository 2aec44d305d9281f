"""The book's table of contents (``_toc.yml``), read once, the way Jupyter Book reads it.

Jupyter Book 1 parses ``_toc.yml`` with sphinx-external-toc; so do the course's tools and tests,
through this module, instead of walking the YAML by hand:

* :func:`read_toc` -- the parsed, validated site map (``sphinx_external_toc.api.SiteMap``);
  a malformed toc raises ``sphinx_external_toc.parsing.MalformedError`` as the build would.
* :func:`toc_pages` -- the document names in reading order, root first.
* :func:`toc_dict` -- the toc as plain data (the parser's canonical form), to derive another toc from.
"""

from __future__ import annotations

from pathlib import Path

from sphinx_external_toc.api import Document, SiteMap
from sphinx_external_toc.parsing import create_toc_dict, parse_toc_yaml

#: Source suffixes a toc ``file`` entry may carry (the parser keeps them; Sphinx drops them).
SUFFIXES = (".md", ".ipynb", ".rst")
ROOT = Path(__file__).resolve().parents[1]
#: The book's table of contents.
TOC = ROOT / "_toc.yml"


def read_toc(path: Path = TOC) -> SiteMap:
    """The table of contents at ``path``, parsed and validated by sphinx-external-toc."""
    return parse_toc_yaml(path)


def toc_pages(path: Path = TOC) -> list[str]:
    """Document names of the toc at ``path`` (suffix removed), in reading order, root first.

    URL entries and globs are not documents and are left out.
    """
    site = read_toc(path)
    pages: list[str] = []

    def walk(doc: Document) -> None:
        pages.append(docname(doc.docname))
        for name in doc.child_files():
            walk(site[name])

    walk(site.root)
    return pages


def docname(entry: str) -> str:
    """The document name of a toc ``file`` entry: ``chapters/01_a.ipynb`` -> ``chapters/01_a``."""
    return next((entry[: -len(s)] for s in SUFFIXES if entry.endswith(s)), entry)


def toc_dict(path: Path = TOC) -> dict:
    """The toc at ``path`` as plain data (``format``, ``root``, ``parts``/``chapters``/``sections``
    with ``file`` entries), in the parser's canonical form: defaults the format implies are written
    out (``titlesonly: true`` for ``jb-book``)."""
    return create_toc_dict(read_toc(path))
