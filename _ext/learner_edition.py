"""Sphinx extension: the learner and student notebooks, built from the chapters by the book build.

A learner opens a notebook, not the website. The chapters are MyST notebooks that only Sphinx can
read (glue, citations, glossary terms, literalinclude, exercise directives), so what learners open is
a *learner edition* of each chapter, written by the Sphinx builder ``learner`` defined here::

    jupyter-book build . --builder custom --custom-builder learner      # or: python tools/learner_edition.py

It builds on QuantEcon's sphinx-tojupyter (its ``jupyter`` builder turns a resolved doctree into a
notebook: glued numbers as values, author-year citations with the chapter's reference list, glossary
terms as links, literalinclude as a fenced code block) and adds what it lacks, in three small steps:

1. a doctree step (``doctree-resolved``, this builder only) that replaces sphinx-exercise's exercise and
   solution nodes and the "Evidence check" admonition by ``learner_block`` nodes carrying the label and
   the chapter-local number Sphinx assigned (``Exercise 4.2``; the toc is numbered);
2. a translator subclass that marks every cell written inside such a block (``metadata.legday.role``),
   keeps each code cell's tags (sphinx-tojupyter drops them: chapter 7's deliberate error cell would
   lose ``raises-exception``), writes an anchor and heading per exercise and an answer cell after it,
   records every glued value, and writes each figure's number and caption under its code cell;
3. a notebook step (``learner_notebook``, a pure function on the notebook JSON) that collapses each
   solution into one closed ``<details>`` element (its text, and its code as fenced Python blocks: a
   collapsed code cell would show its output again after Run All in JupyterLab, and Colab ignores
   ``jupyter.source_hidden``), shows the evidence check as a block quote, puts back the install cell
   (hidden on the site, needed on a fresh Colab runtime), points glossary/API links at the published
   site and chapter links at the neighbouring notebook, and makes the file deterministic (cell ids,
   metadata) so that a test can tell when the committed copies are stale.

Each exercise is followed by an answer cell holding its scaffold (``...`` where code goes, from
``legday.exercises``) and, for a checked exercise, a check cell ``grader.check("ex-...")``; one grader
set-up cell (``grader = legday.exercises.Notebook()``, which answers otter-grader's ``grader.check``
with legday's own checks) follows the install cell, and the builder writes each check's OK-format test to ``<edition>/tests/<label>.py`` (``otter_tests``): the
test calls ``legday.exercises.check``, so no expected value is written down.

``student_notebook`` derives the student edition from the learner edition: the same notebook without
any solution cell, with the same practice checks (assessed work is set separately: see the guide). Outputs: ``<outdir>/learner/NN_slug.ipynb``, ``<outdir>/student/NN_slug.ipynb`` and
``<outdir>/manifest.json`` (exercise and figure numbers, glued values), for the chapters only.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import nbformat
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

BUILDER = "learner"
#: The MyST/Sphinx syntax that must never reach a generated notebook's markdown.
MYST_LEFTOVERS = re.compile(
    r"\{(?:glue|cite|term|numref|ref|doc|eq|math|download|exercise|solution)[:}]|```\{|:label:|:class:|:pyobject:"
)
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
INSTALL_NOTE = (
    "*Setup.* On Colab or a fresh JupyterHub, the next cell installs the course package `legday`; "
    "where it is installed already (a clone set up with the README, Binder) it does nothing."
)


class learner_block(nodes.Element):
    """An exercise, a solution or the evidence check, as the learner builder writes it."""


# ---------------------------------------------------------------------------
# 1. The doctree step
# ---------------------------------------------------------------------------


def _number(fignumbers: dict, kind: str, label: str) -> str:
    number = fignumbers.get(kind, {}).get(label)
    return ".".join(str(n) for n in number) if number else ""


def _body(node: nodes.Element, skip: tuple[type, ...]) -> list[nodes.Node]:
    """The children of a directive node without its title; its content section unwrapped."""
    children: list[nodes.Node] = []
    for child in node.children:
        if isinstance(child, skip):
            continue
        if isinstance(child, nodes.section) and not isinstance(child.parent, nodes.document):
            children.extend(child.children)
        else:
            children.append(child)
    return children


def prepare_doctree(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace exercises, solutions and the evidence check by ``learner_block`` nodes."""
    if app.builder.name != BUILDER:
        return
    from sphinx_exercise.nodes import (
        exercise_enumerable_node,
        exercise_node,
        exercise_subtitle,
        exercise_title,
        solution_node,
        solution_title,
    )

    fignumbers = app.env.toc_fignumbers.get(docname, {})
    for node in list(doctree.findall(lambda n: isinstance(n, (exercise_enumerable_node, exercise_node)))):
        label = node.get("label", "")
        subtitle = next(iter(node.findall(exercise_subtitle)), None)
        block = learner_block(
            role="exercise", label=label, number=_number(fignumbers, "exercise", label),
            title=subtitle.astext() if subtitle is not None else "",
        )
        block.extend(_body(node, (exercise_title, nodes.title)))
        node.replace_self(block)
    for node in list(doctree.findall(solution_node)):
        label = node.get("target_label", "")
        block = learner_block(role="solution", label=label, number=_number(fignumbers, "exercise", label))
        block.extend(_body(node, (solution_title, nodes.title)))
        node.replace_self(block)
    for node in list(doctree.findall(nodes.admonition)):
        title = node.next_node(nodes.title)
        if title is None or not title.astext().strip().lower().startswith("evidence check"):
            continue
        block = learner_block(role="evidence", title=title.astext().strip())
        # glued values in the title (the verdict) are recorded like those of the body
        block["title_glued"] = [n.astext() for n in title.findall(nodes.inline) if "pasted-text" in n.get("classes", [])]
        block.extend(_body(node, (nodes.title,)))
        node.replace_self(block)


# ---------------------------------------------------------------------------
# 2. The translator
# ---------------------------------------------------------------------------


def _translator_class() -> type:
    from sphinx_tojupyter.writers.translate_all import JupyterTranslator

    class LearnerTranslator(JupyterTranslator):
        """sphinx-tojupyter's translator, marking exercise, solution and evidence cells."""

        def __init__(self, builder, document) -> None:
            super().__init__(builder, document)
            self.blocks: list[dict[str, str]] = []
            self.cell_starts: list[int] = []
            self.glued: list[str] = []
            self.glued_in_solutions: list[str] = []
            self.figures: list[dict[str, str]] = []

        def _mark(self, cell) -> None:
            if self.blocks:
                cell.metadata["legday"] = dict(self.blocks[-1])

        def add_markdown_cell(self, slide_type="slide", title=False) -> None:
            before = len(self.output["cells"])
            super().add_markdown_cell(slide_type, title)
            if len(self.output["cells"]) > before:
                self._mark(self.output["cells"][-1])

        def visit_learner_block(self, node) -> None:
            self.add_markdown_cell()
            info = {"role": node["role"]}
            if node.get("label"):
                info.update(label=node["label"], number=node["number"])
            self.blocks.append(info)
            if node["role"] == "exercise":
                heading = f"Exercise {node['number']}" + (f": {node['title']}" if node.get("title") else "")
                self.markdown_lines.append(f'<a id="{node["label"]}"></a>\n\n### {heading}\n\n')
            elif node["role"] == "evidence":
                self.markdown_lines.append(f"**{node['title']}**\n\n")
                self.glued.extend(node.get("title_glued", []))

        def depart_learner_block(self, node) -> None:
            self.add_markdown_cell()
            info = self.blocks.pop()
            if info["role"] == "exercise":
                for cell in answer_cells(info):
                    self.output["cells"].append(nbformat.v4.new_code_cell(cell["source"], metadata=cell["metadata"]))

        # {numref} resolves to sphinx's number_reference (a reference subclass), which
        # sphinx-tojupyter writes as bare text: make it the link it is on the site.
        def visit_number_reference(self, node) -> None:
            self.visit_reference(node)

        def depart_number_reference(self, node) -> None:
            self.depart_reference(node)

        # Inline math as $x$, not sphinx-tojupyter's "$ x $": with spaces inside the dollars, VS Code's
        # and Colab's KaTeX (pandoc's rule) do not read it as math.
        def visit_Text(self, node) -> None:
            if not self.in_math or self.in_code_block:
                return super().visit_Text(node)
            text = f"${node.astext().strip()}$"
            if self.table_builder:
                self.table_builder["line_pending"] += text
            else:
                self.markdown_lines.append(text)

        def visit_inline(self, node) -> None:
            if "pasted-text" in node.get("classes", []):
                in_solution = any(block["role"] == "solution" for block in self.blocks)
                (self.glued_in_solutions if in_solution else self.glued).append(node.astext())
            super().visit_inline(node)

        def visit_container(self, node) -> None:
            if node.get("nb_element") == "cell_code":
                self.cell_starts.append(len(self.output["cells"]))
            super().visit_container(node)

        def depart_container(self, node) -> None:
            if node.get("nb_element") != "cell_code":
                return
            start = self.cell_starts.pop()
            tags = list((node.get("cell_metadata") or {}).get("tags", []))
            for cell in self.output["cells"][start:]:
                if cell.cell_type != "code":
                    continue
                cell.metadata.pop("hide-output", None)
                if tags:
                    cell.metadata["tags"] = tags
                self._mark(cell)
            for figure in node.findall(nodes.figure):
                caption = figure.next_node(nodes.caption)
                if not figure["ids"] or caption is None:
                    continue
                label = figure["ids"][0]
                number = _number(self.builder.env.toc_fignumbers.get(self.builder.docname, {}), "figure", label)
                self.add_markdown_cell()
                cell = nbformat.v4.new_markdown_cell(
                    f'<a id="{label}"></a>\n\n**Figure {number}.** {caption.astext().strip()}'
                )
                cell.metadata["legday"] = {"role": "figure-caption", "label": label, "number": number}
                self.output["cells"].append(cell)
                self.figures.append({"label": label, "number": number})

        def depart_document(self, node) -> None:
            super().depart_document(node)
            self.builder.learner_records[self.builder.docname] = {
                "glued": list(self.glued), "glued_in_solutions": list(self.glued_in_solutions),
                "figures": list(self.figures),
            }

    return LearnerTranslator


# ---------------------------------------------------------------------------
# 3. The notebook step (pure functions on nbformat-4 JSON dicts)
# ---------------------------------------------------------------------------

#: The grader set-up cell of a notebook with checked exercises: ``grader.check("ex-...")``, the call of
#: otter-grader's notebooks (the Data 8 standard), answered by legday's own checks, so a learner needs
#: no extra package and no tests folder (Binder, Colab). Instructors grade with otter-grader from the
#: OK-format tests the builder writes beside the notebooks (notebooks/learner/tests/, .../student/tests/).
GRADER_SOURCE = (
    "# The exercise checks: grader.check(\"ex-...\") after an answer says PASS or gives a hint.\n"
    "# (The same call as otter-grader's notebooks, so an instructor can grade this notebook with otter.)\n"
    "from legday.exercises import Notebook\n"
    "grader = Notebook()"
)
GRADER_NOTE = (
    "*Checks.* Each exercise below has an answer cell (replace every `...`) and a check cell: run it to see "
    "**PASS**, or a hint that points at the mistake. The checks compute the expected values with the same "
    "`legday` models the chapter teaches."
)


def answer_cells(info: dict) -> list[dict]:
    """The answer cell (the exercise's scaffold, ``...`` where code goes) and, for a checked exercise,
    the check cell ``grader.check("<label>")`` that follow an exercise in the learner notebook."""
    from legday import exercises

    label, number = info.get("label", ""), info.get("number", "")
    item = exercises.REGISTRY.get(label)
    head = f"# Your answer to Exercise {number}"
    if item is None:
        return [_code(head, {**info, "role": "answer"})]
    if not item.checked:
        text = f"{head} (open-ended: work in code here, write your sentences in a markdown cell, then compare with the model answer)"
        return [_code(text, {**info, "role": "answer"})]
    cells = [_code(f"{head}: set `{item.answer}`, {item.what}\n{item.scaffold}", {**info, "role": "answer"})]
    cells.append(_code(f'grader.check("{label}")', {**info, "role": "check"}))
    return cells


def _code(source: str, legday: dict) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": {"legday": legday}, "outputs": [],
            "source": source}


def otter_tests(nb: dict) -> dict[str, str]:
    """``tests/<label>.py`` (OK format) for every check cell of a generated notebook, by file name."""
    from legday import exercises

    labels = [_role(c)["label"] for c in nb["cells"] if _role(c).get("role") == "check"]
    return {f"{label}.py": exercises.ok_test_source(label) for label in labels}


def _text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _role(cell: dict) -> dict:
    return (cell.get("metadata") or {}).get("legday") or {}


def site_url_from_repository(repository_url: str) -> str:
    """The GitHub Pages address of a GitHub repository: ``https://github.com/o/n`` -> ``https://o.github.io/n/``.

    Raises ``ValueError`` for an address that is not ``https://github.com/<owner>/<name>``.
    """
    parts = urlparse(repository_url.strip())
    path = [p for p in parts.path.split("/") if p]
    if parts.netloc.lower() not in {"github.com", "www.github.com"} or len(path) != 2:
        raise ValueError(
            f"repository.url {repository_url!r} is not https://github.com/<owner>/<name>; "
            "set sphinx.config.learner_site_url to the published book's address"
        )
    owner, name = path[0], path[1].removesuffix(".git")
    return f"https://{owner.lower()}.github.io/{name}/"


LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)#\s]+?)\.ipynb(#[^)\s]*)?\)")


def rewrite_links(text: str, docname: str, chapters: set[str], site_url: str) -> str:
    """Point links at what a learner can open: a chapter at its neighbouring notebook, any other
    page (glossary, API, instructor guide ...) at the published site."""
    folder = Path(docname).parent

    def repl(match: re.Match) -> str:
        target = (folder / match.group(1)).as_posix()
        parts: list[str] = []
        for part in target.split("/"):
            if part == "..":
                parts = parts[:-1]
            elif part and part != ".":
                parts.append(part)
        target = "/".join(parts)
        anchor = match.group(2) or ""
        if target in chapters:
            return f"]({Path(target).name}.ipynb{anchor})"
        return f"]({site_url}{target}.html{anchor})"

    return LINK.sub(repl, text)


def _markdown(source: str, legday: dict | None = None) -> dict:
    cell = {"cell_type": "markdown", "metadata": {}, "source": source}
    if legday:
        cell["metadata"]["legday"] = legday
    return cell


def _merge_blocks(cells: list[dict]) -> list[dict]:
    """Join consecutive markdown cells of the same exercise, solution or evidence check."""
    merged: list[dict] = []
    for cell in cells:
        prev = merged[-1] if merged else None
        if (
            prev is not None and cell["cell_type"] == prev["cell_type"] == "markdown"
            and _role(cell) and _role(cell) == _role(prev) and _role(cell)["role"] in {"exercise", "solution", "evidence"}
        ):
            prev["source"] = _text(prev).rstrip() + "\n\n" + _text(cell).lstrip()
        else:
            merged.append(copy.deepcopy(cell))
    return merged


def _details(number: str, body: str) -> str:
    summary = f"Solution to Exercise {number} (click to show)"
    return f"<details>\n<summary>{summary}</summary>\n\n{body.strip()}\n\n</details>"


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def _solution_cell(cells: list[dict]) -> dict:
    """One collapsed markdown cell for a solution: its text, and its code as fenced Python blocks.

    The code is shown, not run: in JupyterLab a collapsed code cell shows its output again as soon as
    Run All executes it, which would put the answer in plain view (measured by 10b in JupyterLab 4).
    The chapter's own test run executes every solution (``pytest chapters/``).
    """
    parts = []
    for cell in cells:
        text = _text(cell).strip("\n")
        if cell["cell_type"] == "code":
            fence = "````" if "```" in text else "```"
            text = f"{fence}python\n{text}\n{fence}"
        if text.strip():
            parts.append(text)
    role = _role(cells[0])
    return _markdown(_details(role["number"], "\n\n".join(parts)), dict(role))


def learner_notebook(
    nb: dict,
    *,
    chapter: int,
    docname: str,
    install_source: str | None,
    chapters: set[str],
    site_url: str,
    glued: list[str] = (),
    glued_in_solutions: list[str] = (),
) -> dict:
    """Turn sphinx-tojupyter's notebook of a chapter (cells marked by the translator) into the learner edition.

    Raises ``ValueError`` if the chapter has no title cell or has exercises without a number.
    """
    cells = _merge_blocks(nb["cells"])
    out: list[dict] = []
    solution: list[dict] = []
    for cell in cells + [_markdown("")]:  # a sentinel flushes a solution at the end
        role = _role(cell)
        cell.setdefault("metadata", {}).pop("hide-output", None)  # sphinx-tojupyter's flag for its HTML
        if solution and (role.get("role") != "solution" or role.get("label") != _role(solution[0]).get("label")):
            out.append(_solution_cell(solution))
            solution = []
        if role.get("role") == "solution":
            if cell["cell_type"] == "markdown":
                cell["source"] = rewrite_links(_text(cell), docname, chapters, site_url)
            solution.append(cell)
            continue
        if cell["cell_type"] == "markdown":
            if not _text(cell).strip():
                continue
            text = rewrite_links(_text(cell), docname, chapters, site_url)
            if role.get("role") == "evidence":
                text = _blockquote(text)
            cell["source"] = text
        elif cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            if "hide-input" in cell["metadata"].get("tags", []):
                cell["metadata"]["jupyter"] = {"source_hidden": True}
        out.append(cell)

    title_at = next((i for i, c in enumerate(out) if c["cell_type"] == "markdown" and _text(c).startswith("# ")), None)
    if title_at is None:
        raise ValueError(f"{docname}: no '# title' cell in the generated notebook")
    title = re.sub(r"^# (\d+\.\s+)?", f"# {chapter}. ", _text(out[title_at]), count=1)
    out[title_at]["source"] = title
    if install_source:
        install = {"cell_type": "code", "execution_count": None, "metadata": {"legday": {"role": "install"}},
                   "outputs": [], "source": install_source.rstrip("\n")}
        out[title_at + 1:title_at + 1] = [_markdown(INSTALL_NOTE, {"role": "install-note"}), install]
    if any(_role(c).get("role") == "check" for c in out):
        at = next((i + 1 for i, c in enumerate(out) if _role(c).get("role") == "install"), title_at + 1)
        out[at:at] = [_markdown(GRADER_NOTE, {"role": "grader-note"}), _code(GRADER_SOURCE, {"role": "grader"})]
    for cell in out:
        if _role(cell).get("role") == "exercise" and not _role(cell).get("number"):
            raise ValueError(f"{docname}: exercise {_role(cell).get('label')} has no number")
    extra = {"glued": list(glued), "glued_in_solutions": list(glued_in_solutions)}
    return _normalise({**nb, "cells": out}, chapter=chapter, docname=docname, edition="learner", extra=extra)


#: Cells the student edition leaves out: solutions, and the answers of concept checks.
STUDENT_DROPS = frozenset({"solution", "concept-answer"})


def student_notebook(learner: dict) -> dict:
    """The student edition: the learner notebook without any solution cell (text or code) or
    concept-check answer."""
    # (a concept check's answer, role "concept-answer", is written by _ext/concept_checks.py)
    cells = [copy.deepcopy(c) for c in learner["cells"] if _role(c).get("role") not in STUDENT_DROPS]
    meta = learner.get("metadata", {}).get("legday", {})
    return _normalise({**learner, "cells": cells}, chapter=meta.get("chapter"), docname=meta.get("source", ""),
                      edition="student", extra={"glued": list(meta.get("glued", []))})


def _normalise(nb: dict, *, chapter: int | None, docname: str, edition: str, extra: dict | None = None) -> dict:
    """Deterministic JSON: fixed metadata, cell ids by position, sources as lists of lines."""
    source = docname if docname.endswith(".ipynb") else f"{docname}.ipynb"
    cells = []
    for i, cell in enumerate(nb["cells"]):
        text = _text(cell)
        clean = {"cell_type": cell["cell_type"], "id": f"{edition[0]}{chapter or 0:02d}-{i:03d}",
                 "metadata": cell.get("metadata", {}), "source": text.splitlines(keepends=True)}
        if cell["cell_type"] == "code":
            clean.update(execution_count=None, outputs=[])
        cells.append(clean)
    metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
        "legday": {
            "edition": edition,
            "chapter": chapter,
            "source": source,
            "generated_by": "python tools/learner_edition.py (do not edit: edit the chapter)",
            **(extra or {}),
        },
    }
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def dumps(nb: dict) -> str:
    """The on-disk form, as the chapters are stored (indent 1, UTF-8, trailing newline)."""
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def myst_leftovers(nb: dict) -> list[str]:
    """Markdown snippets of a notebook that still contain MyST/Sphinx syntax."""
    found = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown":
            for match in MYST_LEFTOVERS.finditer(_text(cell)):
                found.append(f"cell {i}: ...{_text(cell)[max(0, match.start() - 30):match.end() + 30]}...")
    return found


# ---------------------------------------------------------------------------
# The builder
# ---------------------------------------------------------------------------


def _builder_class() -> type:
    from sphinx_tojupyter.builders.jupyter import JupyterBuilder
    from sphinx_tojupyter.writers.jupyter import JupyterWriter

    translator = _translator_class()

    class LearnerWriter(JupyterWriter):
        def _identify_translator(self, builder):
            return translator

    class LearnerBuilder(JupyterBuilder):
        """sphinx-tojupyter's builder, writing the learner and student editions of the chapters."""

        name = BUILDER
        allow_parallel = False
        _writer_class = LearnerWriter

        def init(self) -> None:
            super().init()
            self.learner_records: dict[str, dict] = {}

        def _chapters(self) -> set[str]:
            folder = self.config.learner_chapters_folder.strip("/") + "/"
            return {d for d in self.env.found_docs if d.startswith(folder)}

        def _site_url(self) -> str:
            url = self.config.learner_site_url or site_url_from_repository(
                (self.config.html_theme_options or {}).get("repository_url", "")
            )
            return url if url.endswith("/") else url + "/"

        def write_doc(self, docname: str, doctree: nodes.document) -> None:
            super().write_doc(docname, doctree)
            if docname not in self._chapters():
                return
            written = Path(self.outdir) / f"{docname}.ipynb"
            raw = json.loads(written.read_text(encoding="utf-8"))
            source = json.loads(Path(self.env.doc2path(docname)).read_text(encoding="utf-8"))
            install = next(
                (_text(c) for c in source["cells"]
                 if c["cell_type"] == "code" and "remove-cell" in c.get("metadata", {}).get("tags", [])
                 and "import legday" in _text(c)),
                None,
            )
            secnumber = self.env.toc_secnumbers.get(docname, {}).get("")
            if not secnumber:
                logger.warning("learner edition: %s has no chapter number (is the toc numbered?)", docname,
                               location=docname)
            chapter = secnumber[0] if secnumber else 0
            record = self.learner_records.get(docname, {})
            learner = learner_notebook(raw, chapter=chapter, docname=docname, install_source=install,
                                       chapters=self._chapters(), site_url=self._site_url(),
                                       glued=record.get("glued", []),
                                       glued_in_solutions=record.get("glued_in_solutions", []))
            student = student_notebook(learner)
            for nb in (learner, student):
                for problem in myst_leftovers(nb):
                    logger.warning("learner edition: MyST syntax left in %s: %s", docname, problem,
                                   location=docname)
            name = Path(docname).name
            for edition, nb in (("learner", learner), ("student", student)):
                target = Path(self.outdir) / edition / f"{name}.ipynb"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(dumps(nb), encoding="utf-8")
                for test_name, text in otter_tests(nb).items():
                    test = Path(self.outdir) / edition / "tests" / test_name
                    test.parent.mkdir(parents=True, exist_ok=True)
                    test.write_text(text, encoding="utf-8")
            entry = {
                "chapter": chapter,
                "name": name,
                "learner": f"notebooks/learner/{name}.ipynb",
                "student": f"notebooks/student/{name}.ipynb",
                "exercises": [
                    {"label": _role(c)["label"], "number": _role(c)["number"]}
                    for c in learner["cells"] if _role(c).get("role") == "answer"
                ],
                "figures": record.get("figures", []),
                "glued": record.get("glued", []),
                "glued_in_solutions": record.get("glued_in_solutions", []),
            }
            manifest = Path(self.outdir) / "_manifest" / f"{name}.json"
            manifest.parent.mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps(entry, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

        def finish(self) -> None:
            entries = [json.loads(p.read_text(encoding="utf-8"))
                       for p in sorted((Path(self.outdir) / "_manifest").glob("*.json"))]
            manifest = {"site_url": self._site_url(), "chapters": sorted(entries, key=lambda e: e["chapter"])}
            (Path(self.outdir) / "manifest.json").write_text(
                json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            super().finish()  # sphinx-tojupyter's finish ends with exit(status)

    return LearnerBuilder


def _mime_priorities(app: Sphinx, config) -> None:
    """myst-nb picks output formats per builder: give ``learner`` the ``jupyter`` builder's list."""
    overrides = list(config.nb_mime_priority_overrides or [])
    overrides += [(BUILDER, mime, rank) for name, mime, rank in overrides if name == "jupyter"]
    config.nb_mime_priority_overrides = overrides


#: The sphinx-tojupyter settings ``_config.yml`` gives. They are declared here (so that Sphinx does not
#: warn about an unknown setting) when sphinx-tojupyter itself is not loaded.
TOJUPYTER_SETTINGS = {"tojupyter_lang_synonyms": []}


def builds_learner_edition(app: Sphinx) -> bool:
    """Whether this Sphinx run may be the ``learner`` build (True when that cannot be told).

    sphinx-tojupyter is the slowest import of the build (1.5 s: its notebook runner imports
    dask.distributed), and only the learner build uses it. It must be set up with the other
    extensions, but Sphinx gives an extension the builder's name only after they are all set up.
    The name is the ``buildername`` argument of the ``Sphinx(...)`` call that is setting this
    extension up, whichever front end made it (``jupyter-book build --builder custom
    --custom-builder learner``, ``sphinx-build -b learner``), so it is read from that call. Where
    it cannot be found, sphinx-tojupyter is set up, as it always was before.
    """
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is Sphinx.__init__.__code__:
            return frame.f_locals.get("buildername") in (BUILDER, None)
        frame = frame.f_back
    return True


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exercise")
    app.add_config_value("learner_site_url", "", "env", types=[str])
    app.add_config_value("learner_chapters_folder", "chapters", "env", types=[str])
    app.add_node(learner_block)
    if builds_learner_edition(app):
        app.setup_extension("sphinx_tojupyter")
        app.add_builder(_builder_class())
        app.connect("config-inited", _mime_priorities, priority=900)
    else:
        for name, default in TOJUPYTER_SETTINGS.items():
            app.add_config_value(name, default, "env")
    app.connect("doctree-resolved", prepare_doctree)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
