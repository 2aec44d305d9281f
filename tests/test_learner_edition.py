"""The learner and student notebooks (``notebooks/``), generated from the chapters by one command.

- unit tests of the generator on small specimens (``_ext/learner_edition.py``, ``_ext/model_source.py``)
  and of each checker below on a broken specimen, so that every check can fail;
- the committed notebooks, read as a learner's client reads them: no MyST syntax left; exercises as
  headings with chapter-local numbers, each followed by an answer cell; solutions only inside a closed
  ``<details>`` (learner) or not at all (student); code cells with their tags; the install cell; model
  source as signature and body without the docstring; the evidence check as a block quote; every
  in-notebook link resolving; every "Exercise N.M" the prose mentions being that exercise;
- with the book built (``built_book``, ``learner_build`` in conftest): the committed notebooks are what
  the generator writes now (not stale), every glued value of a chapter page is in its learner
  notebook, and the site numbers exercises the same way.

Every notebook in ``notebooks/`` is also run by nbval (``testpaths`` in pyproject.toml).
"""

from __future__ import annotations

import ast
import html
import json
import re
from pathlib import Path

import pytest
import yaml

from tools.book_toc import toc_pages
from conftest import ROOT, BookBuild, LearnerBuild, load_module as _module
from conftest import cell_source as _text, markdown_text as _markdown, read_notebook as _load


ext = _module("learner_edition_ext", ROOT / "_ext" / "learner_edition.py")
model_source = _module("model_source_ext", ROOT / "_ext" / "model_source.py")
from tools import learner_edition as tool  # noqa: E402  (the extension of the same name is loaded by its path)

NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = [ROOT / f"{page}.ipynb" for page in toc_pages(ROOT / "_toc.yml") if page.startswith("chapters/")]
NUMBER = {path.stem: i for i, path in enumerate(CHAPTERS, start=1)}  # the numbered toc: chapter order
GENERATED = sorted(NOTEBOOKS.glob("*/*.ipynb"))
EXERCISE_DIRECTIVE = re.compile(r"```\{exercise\}[^\n]*\n:label:\s*(\S+)")
#: The MyST syntax of the issue's list: none of it may reach a generated notebook's markdown.
MYST = {
    "glue": re.compile(r"\{glue"),
    "cite": re.compile(r"\{cite"),
    "term": re.compile(r"\{term"),
    "numref": re.compile(r"\{numref"),
    "ref": re.compile(r"\{ref\}"),
    "doc": re.compile(r"\{doc\}"),
    "directive fence": re.compile(r"```+\{|:::+\{"),
    "label option": re.compile(r":label:"),
    "class option": re.compile(r":class:"),
    "pyobject option": re.compile(r":pyobject:"),
}


def _role(cell: dict) -> dict:
    return cell.get("metadata", {}).get("legday", {})


def _labels(chapter: Path) -> list[str]:
    return EXERCISE_DIRECTIVE.findall(_markdown(_load(chapter)))


def _learner(chapter: Path) -> dict:
    return _load(NOTEBOOKS / "learner" / chapter.name)


def _student(chapter: Path) -> dict:
    return _load(NOTEBOOKS / "student" / chapter.name)


def _ids(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


# ---------------------------------------------------------------------------
# Checkers (each proven on a broken specimen below)
# ---------------------------------------------------------------------------


def myst_syntax(nb: dict) -> list[str]:
    """``name: snippet`` for every piece of MyST syntax in a notebook's markdown cells."""
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for name, pattern in MYST.items():
            for match in pattern.finditer(_text(cell)):
                found.append(f"{name}: {_text(cell)[max(0, match.start() - 30):match.end() + 30]!r}")
    return found


def exercise_problems(nb: dict, labels: list[str], chapter: int) -> list[str]:
    """What is wrong with the exercises of a learner/student notebook: each label must have a heading
    "Exercise <chapter>.<i>" with its anchor, followed at once by its answer cell."""
    problems = []
    cells = nb["cells"]
    for i, label in enumerate(labels, start=1):
        number = f"{chapter}.{i}"
        at = [k for k, c in enumerate(cells) if _role(c).get("role") == "exercise" and _role(c).get("label") == label]
        if len(at) != 1:
            problems.append(f"{label}: {len(at)} exercise cells")
            continue
        text = _text(cells[at[0]])
        if f'<a id="{label}"></a>' not in text or not re.search(rf"^### Exercise {re.escape(number)}\b", text, re.M):
            problems.append(f"{label}: no anchor and heading 'Exercise {number}'")
        nxt = cells[at[0] + 1] if at[0] + 1 < len(cells) else {}
        if nxt.get("cell_type") != "code" or _role(nxt) != {"role": "answer", "label": label, "number": number}:
            problems.append(f"{label}: not followed by its answer cell")
    answers = [c for c in cells if _role(c).get("role") == "answer"]
    if len(answers) != len(labels):
        problems.append(f"{len(answers)} answer cells for {len(labels)} exercises")
    return problems


def solution_snippets(chapter: dict) -> list[str]:
    """Distinctive lines (>= 25 characters) of the gated solutions of a chapter: code lines and
    prose lines without MyST roles or math (which show up in the learner notebook verbatim) that do
    not also occur outside the solutions."""
    snippets, inside, outside = [], False, []
    for cell in chapter["cells"]:
        text = _text(cell)
        if cell["cell_type"] == "markdown" and "{solution-start}" in text:
            inside = True
            text = text.split("```", 2)[-1] if text.count("```") >= 2 else ""
        if not inside:
            outside.append(cell)
            continue
        closing = cell["cell_type"] == "markdown" and "{solution-end}" in text
        if closing:
            text = text.split("```{solution-end}")[0]
        for line in text.splitlines():
            line = line.strip()
            prose_ok = cell["cell_type"] == "code" or not re.search(r"[{}$`*_\\]|^#", line)
            if len(line) >= 25 and prose_ok:
                snippets.append(line)
        if closing:
            inside = False
    # the exercises' scaffolds (legday.exercises) are shown on purpose: a line they share with the
    # solution (an input such as a grid, or a call sketched in a comment) is not a leak
    from legday import exercises

    scaffolds = "\n".join(exercises.get(label).scaffold for label in exercises.labels())
    elsewhere = "\n".join(_text(c) for c in outside) + "\n" + scaffolds
    return [s for s in snippets if s not in elsewhere]


def visible_solution_text(nb: dict, snippets: list[str]) -> list[str]:
    """Snippets found in a notebook anywhere but inside a closed ``<details>`` of a solution cell."""
    leaked = []
    for cell in nb["cells"]:
        text = _text(cell)
        hidden = ""
        if cell["cell_type"] == "markdown" and _role(cell).get("role") == "solution":
            match = re.fullmatch(r"<details>\n<summary>[^<]*</summary>\n(.*)\n</details>", text, re.S)
            hidden = match.group(1) if match else ""
        outside = text.replace(hidden, "") if hidden else text
        leaked += [s for s in snippets if s in outside]
    return leaked


def broken_anchors(nb: dict) -> list[str]:
    """In-notebook links ``](#x)`` with no ``<a id="x">`` (or ``id='x'``) in the notebook."""
    markdown = _markdown(nb)
    anchors = set(re.findall(r"<a id=[\"']([^\"']+)[\"']", markdown))
    return sorted({t for t in re.findall(r"\]\(#([^)\s]+)\)", markdown) if t not in anchors})


def misnumbered_mentions(nb: dict, labels: list[str], chapter: int) -> list[str]:
    """Every "Exercise N.M" in the markdown must be an exercise of this chapter, and a link
    ``[Exercise N.M](#label)`` must point at the exercise that has that number."""
    markdown = _markdown(nb)
    numbers = {f"{chapter}.{i}": label for i, label in enumerate(labels, start=1)}
    bad = [f"Exercise {n}" for n in re.findall(r"\bExercises? (\d+(?:\.\d+)?)", markdown) if n not in numbers]
    for number, label in re.findall(r"\[Exercise (\d+(?:\.\d+)?)\]\(#([^)]+)\)", markdown):
        if numbers.get(number) != label:
            bad.append(f"[Exercise {number}](#{label}) but {label} is Exercise "
                       f"{next((n for n, lab in numbers.items() if lab == label), '?')}")
    return bad


# --- the checkers fail on broken specimens ---------------------------------


def _nb(*cells: dict) -> dict:
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _md(text: str, **legday: str) -> dict:
    return {"cell_type": "markdown", "metadata": {"legday": legday} if legday else {}, "source": text}


def _code(text: str, **legday: str) -> dict:
    return {"cell_type": "code", "metadata": {"legday": legday} if legday else {}, "source": text,
            "outputs": [], "execution_count": None}


@pytest.mark.parametrize(
    "snippet",
    ["{glue:text}`x:.0f`", "{cite:p}`key`", "{term}`MET`", "{numref}`fig-a`", "{ref}`sec`", "{doc}`intro`",
     "```{exercise}\n:label: ex-a\nDo.\n```", ":class: dropdown", ":language: python\n:pyobject: f"],
)
def test_myst_checker_catches(snippet: str) -> None:
    assert myst_syntax(_nb(_md(f"Text {snippet} text.")))
    assert not myst_syntax(_nb(_code(snippet)))  # code cells are code, not MyST


def test_myst_checker_passes_clean_markdown() -> None:
    assert not myst_syntax(_nb(_md("A [link](#x) with `code`, $x$ and\n```python\nprint(1)\n```")))


def _exercise_nb(number: str = "4.1", answer: bool = True) -> dict:
    cells = [_md('<a id="ex-a"></a>\n\n### Exercise ' + number + "\n\nDo it.", role="exercise", label="ex-a",
                 number=number)]
    if answer:
        cells.append(_code("# Your answer to Exercise " + number, role="answer", label="ex-a", number=number))
    return _nb(*cells)


def test_exercise_checker() -> None:
    assert not exercise_problems(_exercise_nb(), ["ex-a"], 4)
    assert exercise_problems(_exercise_nb("13"), ["ex-a"], 4), "a book-global number must fail"
    assert exercise_problems(_exercise_nb(answer=False), ["ex-a"], 4), "a missing answer cell must fail"
    assert exercise_problems(_exercise_nb(), ["ex-a", "ex-b"], 4), "a missing exercise must fail"


def test_solution_checkers() -> None:
    chapter = _nb(
        _md("```{exercise}\n:label: ex-a\nDo it.\n```"),
        _md("```{solution-start} ex-a\n:class: dropdown\n```\nThe answer follows from the slope of the line."),
        _code("result_value = compute_the_thing(4)\nprint(result_value)"),
        _md("```{solution-end}\n```"),
    )
    snippets = solution_snippets(chapter)
    assert snippets == ["The answer follows from the slope of the line.", "result_value = compute_the_thing(4)"]
    hidden = _md("<details>\n<summary>Solution to Exercise 4.1 (click to show)</summary>\n\n"
                 "The answer follows from the slope of the line.\n\n```python\nresult_value = compute_the_thing(4)\n"
                 "```\n\n</details>", role="solution", label="ex-a", number="4.1")
    assert not visible_solution_text(_nb(hidden), snippets)
    shown = _md("The answer follows from the slope of the line.")
    assert visible_solution_text(_nb(shown), snippets)
    assert visible_solution_text(_nb(_code("result_value = compute_the_thing(4)")), snippets)


def test_anchor_and_numbering_checkers() -> None:
    good = _nb(_md('<a id="ex-a"></a>\n\n### Exercise 4.1'), _md("See [Exercise 4.1](#ex-a) and [x](#id1)."),
               _md("<a id='id1'></a>\nA reference."))
    assert not broken_anchors(good) and not misnumbered_mentions(good, ["ex-a"], 4)
    assert broken_anchors(_nb(_md("See [Exercise 4.1](#ex-b).")))
    assert misnumbered_mentions(_nb(_md("As Exercise 2 shows.")), ["ex-a", "ex-b"], 4)
    assert misnumbered_mentions(_nb(_md("[Exercise 4.2](#ex-a)")), ["ex-a", "ex-b"], 4)


# ---------------------------------------------------------------------------
# The generator, on specimens
# ---------------------------------------------------------------------------


def test_site_url_from_repository() -> None:
    assert ext.site_url_from_repository("https://github.com/Leg-Day/leg-day") == "https://leg-day.github.io/leg-day/"
    with pytest.raises(ValueError, match="github.com/<owner>/<name>"):
        ext.site_url_from_repository("https://gitlab.com/a/b")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    manifest = _load(NOTEBOOKS / "manifest.json")
    assert manifest["site_url"] == ext.site_url_from_repository(config["repository"]["url"])


def test_rewrite_links() -> None:
    chapters = {"chapters/04_calorie_burn", "chapters/05_recovery"}
    site = "https://o.github.io/n/"
    text = ("[MET](../glossary.ipynb#term-MET), [next](05_recovery.ipynb), [sec](05_recovery.ipynb#a-b), "
            "[x](https://example.org/a.ipynb), [here](#id3)")
    assert ext.rewrite_links(text, "chapters/04_calorie_burn", chapters, site) == (
        "[MET](https://o.github.io/n/glossary.html#term-MET), [next](05_recovery.ipynb), "
        "[sec](05_recovery.ipynb#a-b), [x](https://example.org/a.ipynb), [here](#id3)"
    )


def _raw_chapter() -> dict:
    """A notebook as the learner translator writes it (cells marked by role)."""
    return _nb(
        _md("# Calorie burn"),
        _md("See the [glossary](../glossary.ipynb#term-MET)."),
        {**_code("import legday"), "metadata": {"tags": ["hide-input"], "hide-output": False}},
        _md("**Evidence check: partly supported**\n\nLegs cost more.", role="evidence"),
        _md('<a id="ex-a"></a>\n\n### Exercise 4.1\n\nDo it.', role="exercise", label="ex-a", number="4.1"),
        _code("# Your answer to Exercise 4.1", role="answer", label="ex-a", number="4.1"),
        _md("Because of the slope.", role="solution", label="ex-a", number="4.1"),
        _code("print(6 * 7)", role="solution", label="ex-a", number="4.1"),
        _md("And then some.", role="solution", label="ex-a", number="4.1"),
        _md("## Summary"),
    )


def test_learner_notebook_from_a_specimen() -> None:
    nb = ext.learner_notebook(
        _raw_chapter(), chapter=4, docname="chapters/04_calorie_burn",
        install_source="try:\n    import legday\nexcept ImportError:\n    %pip install legday\n",
        chapters={"chapters/04_calorie_burn"}, site_url="https://o.github.io/n/", glued=["420"],
    )
    cells = nb["cells"]
    texts = [_text(c) for c in cells]
    assert texts[0] == "# 4. Calorie burn", "the title carries the chapter number"
    assert _role(cells[1]) == {"role": "install-note"} and _role(cells[2]) == {"role": "install"}
    assert texts[2].startswith("try:") and "jupyter" not in cells[2]["metadata"], "the install cell is visible"
    assert "https://o.github.io/n/glossary.html#term-MET" in texts[3]
    assert cells[4]["metadata"] == {"tags": ["hide-input"], "jupyter": {"source_hidden": True}}
    assert texts[5] == "> **Evidence check: partly supported**\n>\n> Legs cost more."
    solution = [c for c in cells if _role(c).get("role") == "solution"]
    assert len(solution) == 1 and solution[0]["cell_type"] == "markdown"
    assert _text(solution[0]) == (
        "<details>\n<summary>Solution to Exercise 4.1 (click to show)</summary>\n\nBecause of the slope.\n\n"
        "```python\nprint(6 * 7)\n```\n\nAnd then some.\n\n</details>"
    )
    assert texts[-1] == "## Summary"
    assert nb["metadata"]["legday"]["glued"] == ["420"] and nb["metadata"]["kernelspec"]["name"] == "python3"
    assert [c["id"] for c in cells] == [f"l04-{i:03d}" for i in range(len(cells))], "ids are deterministic"
    student = ext.student_notebook(nb)
    assert not [c for c in student["cells"] if _role(c).get("role") == "solution"]
    assert [_role(c).get("role") for c in student["cells"]].count("answer") == 1
    assert student["metadata"]["legday"]["edition"] == "student"


def test_learner_notebook_rejects_a_chapter_without_title() -> None:
    with pytest.raises(ValueError, match="no '# title' cell"):
        ext.learner_notebook(_nb(_md("## Summary")), chapter=4, docname="chapters/x", install_source=None,
                             chapters=set(), site_url="https://o.github.io/n/")


def test_strip_docstrings() -> None:
    source = (
        "    def f(x: float) -> float:\n"
        '        """Double x.\n\n        Parameters\n        ----------\n        x : float\n        """\n'
        "\n"
        "        def inner():\n"
        "            '''Inner doc.'''\n"
        "            return 2\n"
        "        return inner() * x\n"
    )
    assert model_source.strip_docstrings(source) == (
        "    def f(x: float) -> float:\n        def inner():\n            return 2\n        return inner() * x\n"
    )
    plain = "def g():\n    return 1\n"
    assert model_source.strip_docstrings(plain) == plain
    only_doc = 'def h():\n    """Only a docstring."""\n'
    assert model_source.strip_docstrings(only_doc) == only_doc


# ---------------------------------------------------------------------------
# The committed notebooks
# ---------------------------------------------------------------------------


def test_one_learner_and_one_student_notebook_per_chapter() -> None:
    for edition in ("learner", "student"):
        names = sorted(p.name for p in (NOTEBOOKS / edition).glob("*.ipynb"))
        assert names == sorted(p.name for p in CHAPTERS), edition
    manifest = _load(NOTEBOOKS / "manifest.json")
    assert [c["name"] for c in manifest["chapters"]] == [p.stem for p in CHAPTERS]
    for entry in manifest["chapters"]:
        assert (ROOT / entry["learner"]).is_file() and (ROOT / entry["student"]).is_file()
        assert entry["chapter"] == NUMBER[entry["name"]]
        labels = _labels(ROOT / "chapters" / f"{entry['name']}.ipynb")
        assert entry["exercises"] == [{"label": lab, "number": f"{entry['chapter']}.{i}"}
                                      for i, lab in enumerate(labels, start=1)]


@pytest.mark.parametrize("path", GENERATED, ids=_ids)
def test_no_myst_syntax_left(path: Path) -> None:
    nb = _load(path)
    found = myst_syntax(nb)
    assert not found, f"{_ids(path)}: MyST syntax in markdown: {found[:5]}"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in nb["cells"] if c["cell_type"] == "code"), "stored without outputs"


@pytest.mark.parametrize("path", GENERATED, ids=_ids)
def test_exercises_have_chapter_numbers_and_answer_cells(path: Path) -> None:
    chapter = ROOT / "chapters" / path.name
    problems = exercise_problems(_load(path), _labels(chapter), NUMBER[chapter.stem])
    assert not problems, f"{_ids(path)}: {problems}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_learner_solutions_are_collapsed(chapter: Path) -> None:
    snippets = solution_snippets(_load(chapter))
    learner = _learner(chapter)
    text = json.dumps(learner, ensure_ascii=False)
    present = [s for s in snippets if json.dumps(s, ensure_ascii=False)[1:-1] in text]
    assert len(present) >= 3, f"{chapter.name}: too few solution lines found in the learner notebook to check"
    leaked = visible_solution_text(learner, snippets)
    assert not leaked, f"{chapter.name}: solution text outside a closed <details>: {leaked[:3]}"
    labels = _labels(chapter)
    solutions = [_role(c)["label"] for c in learner["cells"] if _role(c).get("role") == "solution"]
    assert solutions == labels, f"{chapter.name}: one collapsed solution per exercise, in order"
    for i, cell in enumerate(learner["cells"]):
        if _role(cell).get("role") == "solution":
            assert _role(learner["cells"][i - 1]).get("role") in ("answer", "check"), "a solution follows its answer (and check) cell"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebooks_have_no_solution(chapter: Path) -> None:
    student = _student(chapter)
    snippets = solution_snippets(_load(chapter))
    text = json.dumps(student, ensure_ascii=False)
    leaked = [s for s in snippets if json.dumps(s, ensure_ascii=False)[1:-1] in text]
    assert not leaked, f"{chapter.name}: solution text in the student notebook: {leaked[:3]}"
    assert "<details>" not in text and "Solution to" not in text
    assert not [c for c in student["cells"] if _role(c).get("role") == "solution"]
    learner = [c for c in _learner(chapter)["cells"] if _role(c).get("role") not in {"solution", "concept-answer"}]
    assert [_text(c) for c in student["cells"]] == [_text(c) for c in learner], (
        "student = learner - solutions - concept-check answers")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_code_cells_keep_their_source_and_tags(chapter: Path) -> None:
    source = _load(chapter)
    learner = _learner(chapter)
    code = {_text(c): c.get("metadata", {}).get("tags", []) for c in learner["cells"] if c["cell_type"] == "code"}
    in_solution = False
    missing, retagged = [], []
    for cell in source["cells"]:
        text = _text(cell)
        if cell["cell_type"] == "markdown":
            in_solution = (in_solution or "{solution-start}" in text) and "{solution-end}" not in text
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        if in_solution or "remove-cell" in tags:
            continue
        if text not in code:
            missing.append(text[:60])
        elif code[text] != tags:
            retagged.append(f"{text[:40]!r}: {tags} -> {code[text]}")
    assert not missing, f"{chapter.name}: code cells missing from the learner notebook: {missing}"
    assert not retagged, f"{chapter.name}: tags changed: {retagged}"


def test_the_deliberate_error_keeps_raises_exception() -> None:
    tagged = [c for path in CHAPTERS for c in _learner(path)["cells"]
              if "raises-exception" in c.get("metadata", {}).get("tags", [])]
    assert tagged, "chapter 7's deliberate error cell lost its raises-exception tag"


@pytest.mark.parametrize("path", GENERATED, ids=_ids)
def test_install_cell_is_visible_and_explained(path: Path) -> None:
    cells = _load(path)["cells"]
    source = _load(ROOT / "chapters" / path.name)["cells"][0]
    assert _text(cells[0]).startswith(f"# {NUMBER[path.stem]}. "), "title with its chapter number first"
    note, install = cells[1], cells[2]
    assert _role(note) == {"role": "install-note"} and len(_text(note).splitlines()) == 1
    assert install["cell_type"] == "code" and _text(install) == _text(source).rstrip("\n")
    assert "jupyter" not in install["metadata"] and "tags" not in install["metadata"], "visible, not removed"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_literalinclude_shows_signature_and_body_without_docstring(chapter: Path) -> None:
    markdown = _markdown(_learner(chapter))
    blocks = re.findall(r"```python\n(.*?)```", markdown, re.S)
    includes = re.findall(r"```\{literalinclude\}\s*(\S+)\s*\n(?:[^`]*?):pyobject:\s*(\S+)", _markdown(_load(chapter)))
    assert includes, f"{chapter.name}: no literalinclude to check"
    problems = []
    for target, obj in includes:
        path = (chapter.parent / target).resolve()
        lines = path.read_text(encoding="utf-8").splitlines()
        scope: list[ast.stmt] = ast.parse("\n".join(lines)).body
        node = None
        for name in obj.split("."):
            node = next(n for n in scope if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == name)
            scope = node.body
        signature, last = lines[node.lineno - 1].strip(), lines[node.end_lineno - 1].strip()
        doc = ast.get_docstring(node, clean=False)
        block = next((b for b in blocks if signature in b and last in b), None)
        if block is None:
            problems.append(f"{obj}: no python block with {signature!r} ... {last!r}")
        elif doc and doc.strip().splitlines()[0] in block:
            problems.append(f"{obj}: the docstring is shown")
    assert not problems, f"{chapter.name}: {problems}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_evidence_check_is_a_highlighted_block(chapter: Path) -> None:
    cells = [c for c in _learner(chapter)["cells"] if _role(c).get("role") == "evidence"]
    assert len(cells) == 1, f"{chapter.name}: {len(cells)} evidence blocks"
    lines = _text(cells[0]).splitlines()
    assert re.fullmatch(r"> \*\*Evidence check: (supported|partly supported|contested|unsupported)[^*]*\*\*",
                        lines[0], re.I), lines[0]
    assert all(line.startswith(">") for line in lines), "every line inside the block quote"
    assert re.search(r"\[\[[^\]]+, \d{4}\]\(#", _text(cells[0])), "author-year citations linked to the list"


@pytest.mark.parametrize("path", GENERATED, ids=_ids)
def test_links_resolve(path: Path) -> None:
    nb = _load(path)
    assert not broken_anchors(nb), f"{_ids(path)}: links to missing anchors: {broken_anchors(nb)}"
    site = _load(NOTEBOOKS / "manifest.json")["site_url"]
    markdown = _markdown(nb)
    for target in re.findall(r"\]\((?!#|https?://)([^)\s]+)\)", markdown):
        name = target.split("#")[0]
        assert (path.parent / name).is_file(), f"{_ids(path)}: relative link to {target} that does not exist"
    glossary = re.findall(r"\]\((https?://[^)\s]*glossary[^)\s]*)\)", markdown)
    assert all(link.startswith(f"{site}glossary.html#term-") for link in glossary), glossary[:3]
    references = [k for k, c in enumerate(nb["cells"]) if _text(c).startswith("## References")]
    assert references and "<a id=" in _text(nb["cells"][references[0]]), "the chapter's reference list"


@pytest.mark.parametrize("path", GENERATED, ids=_ids)
def test_exercise_mentions_are_the_exercises_they_name(path: Path) -> None:
    chapter = ROOT / "chapters" / path.name
    bad = misnumbered_mentions(_load(path), _labels(chapter), NUMBER[chapter.stem])
    assert not bad, f"{_ids(path)}: {bad}"


# ---------------------------------------------------------------------------
# With the book built
# ---------------------------------------------------------------------------


@pytest.mark.build
def test_learner_build_is_clean_and_the_committed_notebooks_are_fresh(learner_build: LearnerBuild) -> None:
    warnings = [line for line in learner_build.log.splitlines()
                if ("WARNING" in line or "ERROR" in line) and "[IPKernelApp]" not in line]
    assert learner_build.returncode == 0 and not warnings, "\n".join(warnings[:30]) + learner_build.log[-2000:]
    differ = tool.stale(tool.generated_files(learner_build.folder), tool.committed_files())
    assert not differ, f"stale generated notebooks (run `python tools/learner_edition.py`): {differ}"


def test_staleness_check_catches_a_changed_file(tmp_path: Path) -> None:
    committed = tool.committed_files()
    assert committed, "no committed notebooks"
    changed = dict(committed)
    name = next(iter(changed))
    changed[name] = changed[name].replace("Exercise", "Exercize", 1)
    assert tool.stale(committed, changed) == [name]
    assert tool.stale(committed, {k: v for k, v in committed.items() if k != name}) == [name]


def _pasted(page: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", s)).strip()
            for s in re.findall(r'<span class="pasted-text">(.*?)</span>', page, re.S)]


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_glued_value_is_in_the_learner_notebook(chapter: Path, built_book: BookBuild) -> None:
    page = (built_book.html / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    values = _pasted(page)
    assert values, f"{chapter.name}: the page shows no glued value"
    learner = _learner(chapter)
    markdown = _markdown(learner)
    missing = [v for v in values if v not in markdown]
    assert not missing, f"{chapter.name}: glued values missing from the learner notebook: {missing}"
    meta = learner["metadata"]["legday"]
    assert sorted(meta["glued"] + meta["glued_in_solutions"]) == sorted(values), "metadata lists every value"


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_site_numbers_exercises_per_chapter(chapter: Path, built_book: BookBuild) -> None:
    page = (built_book.html / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    number = NUMBER[chapter.stem]
    labels = _labels(chapter)
    for i, label in enumerate(labels, start=1):
        block = re.search(rf'id="{re.escape(label)}".{{0,600}}?caption-number">Exercise ([\d.]+) ', page, re.S)
        assert block and block.group(1) == f"{number}.{i}", f"{chapter.name}: {label} is not Exercise {number}.{i}"
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)))
    mentioned = set(re.findall(r"\bExercises? (\d+(?:\.\d+)?)", text))
    valid = {f"{number}.{i}" for i in range(1, len(labels) + 1)}
    assert mentioned <= valid, f"{chapter.name}: the page mentions {sorted(mentioned - valid)}"
    for href, shown in re.findall(r'href="#([^"]+)"><span class="std std-numref">Exercise ([\d.]+)</span>', page):
        assert labels.index(href) + 1 == int(shown.split(".")[1]), f"{chapter.name}: {href} shown as {shown}"
    assert f"<span class=\"section-number\">{number}. </span>" in page, "the chapter title carries its number"


@pytest.mark.build
def test_site_shows_model_source_without_docstring(built_book: BookBuild) -> None:
    page = (built_book.html / "chapters" / "04_calorie_burn.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "def met_kcal(" in text and "duration = real_array(" in text
    assert "Energy spent in" not in text, "the docstring of met_kcal is shown on the page"


@pytest.mark.build
def test_site_links_of_the_notebooks_exist_on_the_site(built_book: BookBuild) -> None:
    """Glossary, API and other page links of the learner notebooks go to the published site: the
    page and its anchor must exist in the built book (the site is that build, published)."""
    site = _load(NOTEBOOKS / "manifest.json")["site_url"]
    missing = []
    for path in GENERATED:
        for page, anchor in re.findall(rf"\]\({re.escape(site)}([^)#\s]+)(?:#([^)\s]+))?\)", _markdown(_load(path))):
            target = built_book.html / page
            if not target.is_file():
                missing.append(f"{_ids(path)}: {page}")
            elif anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
                missing.append(f"{_ids(path)}: {page}#{anchor}")
    assert not missing, f"links to pages or anchors the site does not have: {sorted(set(missing))[:10]}"


def spaced_inline_math(nb: dict) -> list[str]:
    """Inline math with a space after the opening or before the closing dollar ("$ m $"): KaTeX in
    VS Code and Colab (pandoc's rule) does not read it as math. Dollars are paired in order."""
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        prose = re.sub(r"```.*?```|`[^`\n]*`|\$\$.*?\$\$|\\\$", " ", _text(cell), flags=re.S)
        dollars = [m.start() for m in re.finditer(r"\$", prose)]
        for start, end in zip(dollars[::2], dollars[1::2]):
            inner = prose[start + 1:end]
            if inner != inner.strip():
                found.append(f"${inner}$")
    return found


def test_spaced_math_checker() -> None:
    assert spaced_inline_math(_nb(_md("mass $ m $ in kg")))
    assert not spaced_inline_math(_nb(_md("mass $m$ and $\\tau_f$, costs \\$5, `$ x $`\n$$\na = b\n$$")))


@pytest.mark.parametrize("path", GENERATED, ids=_ids)
def test_inline_math_renders_everywhere(path: Path) -> None:
    found = spaced_inline_math(_load(path))
    assert not found, f"{_ids(path)}: inline math with inner spaces: {found[:5]}"
