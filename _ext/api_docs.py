"""Sphinx extension for the API reference page (``api.md``): the reference-data table.

The rest of the page is plain autodoc + napoleon (configured in ``_config.yml``); this
extension adds only what no Sphinx option does. ``legday-reference-data`` (used inside
``eval-rst``, after ``automodule`` of the module without members) documents every class and
every public constant of :mod:`legday.reference`, documented or not, with its value, unit,
confidence and citation key, in source order. autodoc alone skips constants without a ``#:``
comment (and shows a bare ``dict`` docstring for some), so the literature numbers would be
incomplete and references to them would not resolve.
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
    app.add_directive("legday-reference-data", ReferenceData)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
