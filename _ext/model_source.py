"""Sphinx extension: ``literalinclude`` of a Python object shows its signature and body, not its docstring.

The chapters show the real model source with ``literalinclude`` and ``:pyobject:``. A NumPy docstring
is often longer than the function itself, and its content (units, ranges, sources) is on the API page
(``api.md``, from the same docstrings), so a chapter shows the code only: with ``:pyobject:`` the
docstring of the object, and those of the functions and classes defined inside it, are left out.
The ``:docstring:`` flag keeps them where a chapter wants to show one.

Sphinx's own ``literalinclude`` has no such option (``:lines:`` relative to the object would break
whenever a docstring changes length), hence this small subclass. It works on the block Sphinx
produced, so every other option (``:language:``, ``:emphasize-lines:`` ...) behaves as before, in
every builder (HTML, PDF, the learner notebooks).
"""

from __future__ import annotations

import ast
import textwrap
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.directives.code import LiteralInclude


def strip_docstrings(source: str) -> str:
    """Remove the docstring of the first function or class in ``source`` and of those nested in it.

    Parameters
    ----------
    source : str
        The source of one object, as ``literalinclude :pyobject:`` extracts it (it may be indented).

    Returns
    -------
    str
        The same source without the docstring lines (and one blank line after each, if any).
        Source that does not parse, or has no docstring, is returned unchanged.
    """
    lines = source.splitlines(keepends=True)
    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:
        return source
    drop: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or not node.body:
            continue
        first = node.body[0]
        if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)):
            continue
        if len(node.body) == 1:
            continue  # a body that is only a docstring stays readable as it is
        start, end = first.lineno - 1, first.end_lineno  # 0-based, end exclusive
        drop.update(range(start, end))
        if end < len(lines) and not lines[end].strip():
            drop.add(end)
    return "".join(line for i, line in enumerate(lines) if i not in drop)


class ModelSourceInclude(LiteralInclude):
    """``literalinclude`` that leaves out docstrings when it shows a ``:pyobject:``."""

    option_spec = {**LiteralInclude.option_spec, "docstring": directives.flag}

    def run(self) -> list[nodes.Node]:
        keep = "docstring" in self.options
        self.options.pop("docstring", None)
        result = super().run()
        if keep or "pyobject" not in self.options:
            return result
        for block in result:
            for literal in block.findall(nodes.literal_block):
                text = literal.astext()
                stripped = strip_docstrings(text)
                if stripped != text:
                    literal.children = [nodes.Text(stripped)]
                    literal.rawsource = stripped
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("literalinclude", ModelSourceInclude, override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
