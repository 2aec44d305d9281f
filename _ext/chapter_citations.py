"""Per-chapter reference lists without duplicate-citation warnings.

Each chapter ends with its own reference list (``{bibliography}`` filtered to the
chapter's citations). sphinxcontrib-bibtex warns "duplicate citation for key" when
two chapters list the same work, and its documented remedy is a ``:keyprefix:`` per
document with every citation in that document written with the same prefix.

Authors should not have to write prefixes by hand, so this extension adds them when
a chapter is read: in every page under ``chapters/`` it rewrites

- ``{cite}`a,b``` (and ``{cite:p}``, ``{cite:t}`` ...) to ``{cite}`c04-a,c04-b```, and
- the ``{bibliography}`` directive's options to include ``:keyprefix: c04-``,

where ``c04`` comes from the chapter's file name (``chapters/04_calorie_burn``).
The notebooks themselves keep plain keys, which is what the tests check against
``references.bib``. Only markdown text changes, never code, so the execution cache
is unaffected.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

_CITE = re.compile(r"(\{(?:cite|footcite)(?::[a-z]+)?\}`)([^`]+)(`)")
_BIB = re.compile(r"(```\{bibliography\}[^\n]*?)((?:\\n|\n))")


def prefix_for(docname: str) -> str | None:
    """The key prefix of a chapter (``chapters/04_calorie_burn`` -> ``c04-``), else None."""
    match = re.fullmatch(r"chapters/(\d+)_[\w-]+", docname)
    return f"c{match.group(1)}-" if match else None


def add_prefix(text: str, prefix: str) -> str:
    """Prefix every citation key and the bibliography directive in ``text``."""

    def cite(m: re.Match[str]) -> str:
        keys = [k.strip() for k in m.group(2).split(",")]
        return m.group(1) + ",".join(prefix + k for k in keys if k) + m.group(3)

    text = _CITE.sub(cite, text)
    # The newline is a real one in a .md file and the two characters "\n" inside a
    # notebook's JSON; keep whichever it was.
    return _BIB.sub(lambda m: f"{m.group(1)}{m.group(2)}:keyprefix: {prefix}{m.group(2)}", text)


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    prefix = prefix_for(docname)
    if prefix is not None:
        source[0] = add_prefix(source[0], prefix)


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("source-read", _source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
