"""Sphinx extension for the API reference page (``api.md``).

1. napoleon reads the first line of a *data*, *attribute* or *property* docstring of the form
   ``text: more text`` as ``type: description``, so a module constant documented as
   ``#: Reis 2017: energy cost of ...`` came out with the "type" *Reis 2017* (and a
   nitpicky cross-reference warning). NumPy-style sections are never used in those
   one-line doc comments, so the docstring is saved before napoleon runs and put
   back afterwards.
2. The course's docstrings end with ``Source: key`` lines; after a ``Returns`` or
   ``Raises`` section napoleon would read them as one more entry, so they are moved
   in front of the first section (see :func:`sources_before_sections`); a
   ``Returns`` entry written as a sentence without a type gets the type ``object``
   (:func:`prose_returns_as_descriptions`).
3. ``legday-reference-data`` (used inside ``eval-rst``, after ``automodule`` of the
   module without members) documents every class and every public
   constant of :mod:`legday.reference`, documented or not, with its value, unit,
   confidence and citation key, in source order. autodoc alone skips constants
   without a ``#:`` comment (and shows a bare ``dict`` docstring for some), so the
   literature numbers would be incomplete and references to them would not resolve.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

_UNTOUCHED = ("data", "attribute", "property")


_SOURCE_LINE = re.compile(r"^Sources?:\s")
_UNDERLINE = re.compile(r"^-{3,}\s*$")


def sources_before_sections(lines: list[str]) -> list[str]:
    """Move unindented ``Source: key`` paragraphs that follow a NumPy section up
    in front of the first section.

    The course's docstrings end with a plain ``Source: janssen2000`` line; placed
    after ``Returns`` or ``Raises``, napoleon would read it as one more returned
    value or exception named "Source". Moved, it renders as a paragraph of the
    description, as its author meant.
    """
    headers = [i for i in range(len(lines) - 1) if lines[i].strip() and _UNDERLINE.match(lines[i + 1])]
    if not headers:
        return lines
    first = headers[0]
    body, moved = lines[:first], []
    rest = lines[first:]
    i = 0
    kept: list[str] = []
    while i < len(rest):
        if _SOURCE_LINE.match(rest[i]):
            block = []
            while i < len(rest) and rest[i].strip() and not (i + 1 < len(rest) and _UNDERLINE.match(rest[i + 1])):
                block.append(rest[i])
                i += 1
            moved += block + [""]
            continue
        kept.append(rest[i])
        i += 1
    if not moved:
        return lines
    if body and body[-1].strip():
        body.append("")
    return body + moved + kept


_RETURNS = ("Returns", "Yields")


def prose_returns_as_descriptions(lines: list[str]) -> list[str]:
    """Give an untyped ``Returns`` entry written as a sentence the type ``object``.

    NumPy style wants a type on the first line of each returned value and the
    description indented below it. A docstring that writes only a sentence there
    (``The (converted) value, so ...``) would make napoleon take the sentence for a
    type, and every word of it for a cross-reference. An unindented line of four or
    more words ending with a full stop is such a sentence: it is indented under the
    type ``object``.
    """
    out: list[str] = []
    section = None
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and line.strip() and _UNDERLINE.match(lines[i + 1]):
            section = line.strip()
        elif section in _RETURNS and line and not line[0].isspace() and not _UNDERLINE.match(line):
            if line.rstrip().endswith(".") and len(line.split()) >= 4 and " : " not in line:
                out += ["object", "    " + line.strip()]
                continue
        out.append(line)
    return out


def _save(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    lines[:] = prose_returns_as_descriptions(sources_before_sections(lines))
    if what in _UNTOUCHED:
        app.env.temp_data.setdefault("api_docs_saved", {})[name] = list(lines)


def _restore(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    saved = app.env.temp_data.get("api_docs_saved", {}).pop(name, None)
    if what in _UNTOUCHED and saved is not None:
        lines[:] = saved


def _escape(text: str) -> str:
    """Escape reStructuredText inline markup in free text."""
    return re.sub(r"([\\*`_|])", r"\\\1", str(text))


def _number(value: Any) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def _describe_cited(value: Any) -> str:
    """One ``Cited`` value: a course assumption is never shown with a bibliography key.

    A value whose source is the course's pseudo-source (``reference.COURSE``) reads
    "course assumption"; the works that motivated it follow as "related reading".
    """
    course = getattr(importlib.import_module(type(value).__module__), "COURSE", None)
    head = f"**{_escape(_number(value.value))}** {_escape(value.unit)}"
    if value.source == course:
        text = f"{head} (*course assumption*"
        related = [k.strip() for k in getattr(value, "related", "").split(",") if k.strip()]
        if related:
            text += "; related reading " + ", ".join(f"``{k}``" for k in related)
        text += ")"
    else:
        text = f"{head} (*{value.confidence}*; source ``{value.source}``)"
    return text + (f": {_escape(value.note)}" if value.note else "")


def _describe(value: Any, cited: type) -> str:
    """One line of reStructuredText for a value of the reference module."""
    if isinstance(value, cited):
        return _describe_cited(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name} = {_escape(repr(getattr(value, f.name)))}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}: {fields}"
    return f"``{repr(value)}``" if len(repr(value)) < 80 else _escape(repr(value))


def _lines(value: Any, cited: type, indent: str = "") -> list[str]:
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, (dict, list, tuple)):
                out += [f"{indent}- ``{key}``:", ""] + _lines(item, cited, indent + "  ") + [""]
            else:
                out.append(f"{indent}- ``{key}``: {_describe(item, cited)}")
        return out
    if isinstance(value, (list, tuple)):
        return [f"{indent}- {_describe(item, cited)}" for item in value]
    return [f"{indent}{_describe(value, cited)}"]


class ReferenceData(SphinxDirective):
    """Document every public constant of a module of ``Cited`` values."""

    required_arguments = 1  # the module, e.g. legday.reference

    def run(self) -> list[nodes.Node]:
        modname = self.arguments[0]
        module = importlib.import_module(modname)
        cited = getattr(module, "Cited")
        attr_docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        rst: list[str] = []
        for name, value in vars(module).items():
            if name.startswith("_") or inspect.ismodule(value):
                continue
            if inspect.isclass(value) and value.__module__ == modname:
                rst += [f".. autoclass:: {modname}.{name}", "   :members:", ""]
                continue
            if callable(value) and not isinstance(value, cited):
                continue
            if getattr(value, "__module__", modname) not in (modname, "typing") and not isinstance(value, (dict, tuple, list)):
                continue  # imported helpers such as Literal
            if not name.isupper():
                continue
            doc = [line for line in attr_docs.get(("", name), []) if line.strip()]
            rst += [f".. py:data:: {name}", ""]
            rst += [f"   {line}" for line in doc] + ([""] if doc else [])
            rst += [f"   {line}" if line else "" for line in _lines(value, cited)] + [""]
        container = nodes.container(classes=["legday-reference-data"])
        self.state.nested_parse(StringList(rst, source=f"<{modname} constants>"), self.content_offset, container)
        return container.children


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("sphinx.ext.napoleon")
    app.connect("autodoc-process-docstring", _save, priority=400)  # napoleon runs at 500
    app.connect("autodoc-process-docstring", _restore, priority=600)
    app.add_directive("legday-reference-data", ReferenceData)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
