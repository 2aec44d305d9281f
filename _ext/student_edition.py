"""Sphinx extension: a student edition of the book with every solution removed.

The chapters write each solution in the *gated* form of sphinx-exercise: a markdown
cell opening ```` ```{solution-start} ex-label ````, then ordinary code cells (the
worked solution, which the test suite runs), then a markdown cell with
```` ```{solution-end} ````. sphinx-exercise 1.2.1 has a ``hide_solutions`` option,
but for the gated form it only drops the opening directive: the solution's prose
and code cells stay on the page, and the orphaned ``solution-end`` node then
crashes the HTML writer ("unknown node type: solution_end_node").

This extension makes ``hide_solutions: true`` do what it says, for both forms:

- ``solution-start`` leaves a marker node when solutions are hidden, and a
  transform (before sphinx-exercise merges gated solutions) removes everything
  from the marker up to and including the matching ``solution-end``: the prose,
  the code cells, their outputs and figures;
- the ``.ipynb`` copies offered by the page's download button
  (``_sources/**/*.ipynb``) get the same cells removed, so a student who downloads
  a chapter gets the exercises without their solutions; the ``.md`` copies
  (``_sources/**/*.md``) keep only the student edition's ``only`` blocks (below).

Pages other than the chapters write text meant for one edition in ``only`` blocks:
``{only} student_edition`` (student wording) and ``{only} not student_edition`` (the full
book's, e.g. links to the instructor guide, which the student edition leaves out). The
extension sets the tag ``student_edition`` when solutions are hidden and drops the
non-matching blocks before cross-references are resolved (Sphinx itself does it after, so a
link inside a dropped block to a page the student edition lacks would still be a warning).

With ``hide_solutions`` false (the normal book) the extension changes nothing.
Enable it with ``sphinx: local_extensions: {student_edition: _ext}`` in
``_config.yml``; build the student edition with ``python tools/student_edition.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import process_only_nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: A markdown cell that opens a gated solution, and one that closes it.
SOLUTION_START = re.compile(r"^(```+|:::+)\s*\{solution-start\}", re.M)
SOLUTION_END = re.compile(r"^(```+|:::+)\s*\{solution-end\}\s*\n\1[ \t]*$\n?", re.M)


class removed_solution(nodes.Element):
    """Placeholder where a hidden gated solution starts; removed before writing."""


def _start_directive_class() -> type:
    from sphinx_exercise.directive import SolutionStartDirective

    class StudentSolutionStart(SolutionStartDirective):
        """``solution-start`` that leaves a marker when solutions are hidden."""

        def run(self) -> list[nodes.Node]:
            result = super().run()  # registers the gate, so the structure checks still run
            if not self.env.app.config.hide_solutions:
                return result
            marker = removed_solution()
            marker["target_label"] = self.arguments[0]
            self.set_source_info(marker)
            return [marker]

    return StudentSolutionStart


class RemoveHiddenSolutions(SphinxTransform):
    """Delete each hidden gated solution: the marker, every sibling up to the
    matching ``solution-end``, and that end node."""

    # After sphinx-exercise checks the gates (priority 1), before it merges them (10).
    default_priority = 5

    def apply(self, **kwargs: Any) -> None:
        if not self.config.hide_solutions:
            return
        from sphinx_exercise.nodes import solution_end_node

        for marker in list(self.document.findall(removed_solution)):
            parent = marker.parent
            start = parent.index(marker)
            end = next(
                (i for i in range(start + 1, len(parent)) if isinstance(parent[i], solution_end_node)),
                None,
            )
            if end is None:
                logger.warning(
                    "student edition: no {solution-end} after the solution to %r at the same level; "
                    "only the opening directive was removed",
                    marker["target_label"],
                    location=marker,
                )
                parent.remove(marker)
                continue
            for child in list(parent.children[start : end + 1]):
                parent.remove(child)


#: The Sphinx tag set in the student edition (for ``only`` blocks).
STUDENT_TAG = "student_edition"


def _tag_student_edition(app: Sphinx, config: Any) -> None:
    if config.hide_solutions:
        app.tags.add(STUDENT_TAG)


class EarlyOnlyBlocks(SphinxPostTransform):
    """In the student edition, resolve ``only`` blocks before cross-references, so that
    links in the full book's blocks are dropped with them, never reported missing."""

    default_priority = 5  # Sphinx's ReferencesResolver runs at 10, its OnlyNodeTransform at 50

    def run(self, **kwargs: Any) -> None:
        if self.config.hide_solutions:
            process_only_nodes(self.document, self.app.tags)


#: A fenced ``only`` block whose expression is the student tag or its negation.
ONLY_BLOCK = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{only\}[ \t]+(?P<expr>(?:not[ \t]+)?" + STUDENT_TAG + r")[ \t]*\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*(?:\n|\Z)",
    re.M | re.S,
)


def student_markdown(text: str) -> tuple[str, int]:
    """The student edition's copy of a MyST page: ``{only} student_edition`` blocks unwrapped,
    ``{only} not student_edition`` blocks removed (other ``only`` blocks are left as they are).

    Returns the text and the number of blocks resolved.
    """
    count = 0

    def resolve(match: re.Match) -> str:
        nonlocal count
        count += 1
        return "" if match["expr"].startswith("not") else match["body"]

    result = ONLY_BLOCK.sub(resolve, text)
    return re.sub(r"\n{3,}", "\n\n", result), count


def strip_solution_cells(notebook: dict) -> tuple[dict, int]:
    """Remove every gated solution from a notebook given as a JSON dict.

    Cells from the one that opens ``{solution-start}`` to the one that holds the
    matching ``{solution-end}`` are removed; markdown written before the opening
    directive or after the closing one in those cells is kept.

    Parameters
    ----------
    notebook : dict
        The notebook (nbformat 4 JSON). It is not modified.

    Returns
    -------
    tuple of (dict, int)
        The notebook without solutions, and the number of solutions removed.

    Raises
    ------
    ValueError
        If a ``{solution-start}`` has no ``{solution-end}`` after it.
    """

    def text(cell: dict) -> str:
        src = cell.get("source", "")
        return "".join(src) if isinstance(src, list) else src

    kept: list[dict] = []
    removed = 0
    cells = notebook.get("cells", [])
    i = 0
    while i < len(cells):
        cell = cells[i]
        start = SOLUTION_START.search(text(cell)) if cell.get("cell_type") == "markdown" else None
        if start is None:
            kept.append(cell)
            i += 1
            continue
        before = text(cell)[: start.start()]
        j = i
        end = None
        while j < len(cells):
            if cells[j].get("cell_type") == "markdown":
                end = SOLUTION_END.search(text(cells[j]), start.end() if j == i else 0)
                if end is not None:
                    break
            j += 1
        if end is None:
            raise ValueError(f"cell {i}: a {{solution-start}} without a {{solution-end}} after it")
        after = text(cells[j])[end.end() :]
        if before.strip():
            kept.append({**cell, "source": before.rstrip() + "\n"})
        if after.strip():
            kept.append({**cells[j], "source": after.lstrip()})
        removed += 1
        i = j + 1
    return {**notebook, "cells": kept}, removed


def _strip_downloadable_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not app.config.hide_solutions or app.builder.format != "html":
        return
    sources = Path(app.outdir) / "_sources"
    for path in sorted(sources.rglob("*.ipynb")) if sources.exists() else []:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        stripped, removed = strip_solution_cells(notebook)
        if removed:
            path.write_text(json.dumps(stripped, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for path in sorted(sources.rglob("*.md")) if sources.exists() else []:
        text, resolved = student_markdown(path.read_text(encoding="utf-8"))
        if resolved:
            path.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exercise")  # provides hide_solutions and the directives we extend
    app.add_directive("solution-start", _start_directive_class(), override=True)
    app.add_node(removed_solution)
    app.add_transform(RemoveHiddenSolutions)
    app.connect("config-inited", _tag_student_edition)
    app.add_post_transform(EarlyOnlyBlocks)
    app.connect("build-finished", _strip_downloadable_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
