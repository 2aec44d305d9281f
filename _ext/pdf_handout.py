"""Sphinx extension for the PDF handout (``jupyter-book build . --builder pdflatex``).

MathJax, which renders the website's maths, accepts an underscore in ``\\text{...}``
(for example ``\\text{"same_day"}`` in a docstring); LaTeX does not, and the PDF
build stops with "Missing $ inserted". For the LaTeX builder only, this post-transform
escapes such underscores (``\\_``) in every inline and display formula, so that the
same sources serve both the website and the PDF.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

_TEXT_COMMAND = re.compile(r"\\(?:text|textrm|textit|textbf|texttt)\{([^{}]*)\}")


def escape_text_underscores(latex: str) -> str:
    """Escape bare underscores inside ``\\text{...}`` (and its font variants).

    >>> escape_text_underscores(r'g_n \\quad (\\text{"same_day"})')
    'g_n \\\\quad (\\\\text{"same\\\\_day"})'
    """

    def fix(match: re.Match[str]) -> str:
        inner = re.sub(r"(?<!\\)_", r"\\_", match.group(1))
        return match.group(0).replace(match.group(1), inner, 1)

    return _TEXT_COMMAND.sub(fix, latex)


class EscapeTextUnderscores(SphinxPostTransform):
    """Make ``\\text{a_b}`` valid LaTeX in every math node of a LaTeX build."""

    default_priority = 400
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))):
            old = node.astext()
            new = escape_text_underscores(old)
            if new != old:
                node[:] = [nodes.Text(new)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(EscapeTextUnderscores)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
