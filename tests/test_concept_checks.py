"""The concept-check directive (``_ext/concept_checks.py``) on small specimen books.

Each test builds a tiny Sphinx project (MyST-NB, a notebook with stored glue outputs, no execution)
in a subprocess and reads what it wrote: the HTML (fieldset, legend, labelled radio inputs, a
Check button, an ``aria-live`` region, the answers in a ``<details>``), the glued numbers inside
questions, options and answers, the learner notebook (question, options, a closed ``<details>``),
the LaTeX (questions and options, no answers) and the instructor list (``{concept-check-list}``).
Broken specimens (no correct option, two correct options, one option, a missing glued answer, a
stray ``{choice}``) must stop the build with an error naming the problem.
"""

from __future__ import annotations

import html.parser
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, load_module

EXT = ROOT / "_ext"
cc = load_module("concept_checks_under_test", EXT / "concept_checks.py")

CONF = """
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_nb", "sphinx_exercise", "learner_edition", "concept_checks"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
nb_execution_mode = "off"
master_doc = "index"
exclude_patterns = ["_build"]
html_theme = "alabaster"
learner_site_url = "https://example.org/book/"
"""

INDEX = """
# Specimen

```{toctree}
:numbered:
chapters/01_demo
guide
```
"""

GUIDE = """
# Guide

## Exit tickets

```{concept-check-list} chapters/01_demo
```
"""

#: One multiple-choice and one numeric check; glued numbers in question, option, feedback and answer.
GOOD = """
::::{concept-check}
:label: cc-demo-double
If weekly sets double, what does the gain of {glue:text}`gain10:.1f` % become?

:::{choice} It doubles, to twice {glue:text}`gain10:.1f` %.
The curve is a square root, not a straight line: doubling cannot double it.
:::

:::{choice} It rises to {glue:text}`gain20:.1f` %.
:correct:
A square root grows by $\\sqrt{2}$ when its argument doubles: {glue:text}`gain20:.1f` %.
:::

:::{choice} It stays the same.
More sets do add growth in this model, just less for each extra set.
:::
::::

::::{concept-check}
:answer: gain20:.1f
:tolerance: 0.1
:unit: %
What gain does the model give at 20 sets?

It is the square root at work: {glue:text}`gain20:.2f` %.
::::
"""


def _glue_cell(values: dict[str, float]) -> dict:
    outputs = [
        {"output_type": "display_data", "data": {"text/plain": repr(v)},
         "metadata": {"scrapbook": {"name": k, "mime_prefix": ""}}}
        for k, v in values.items()
    ]
    return {"cell_type": "code", "execution_count": 1, "id": "aa000001", "metadata": {},
            "outputs": outputs, "source": "glue(...)"}


def _notebook(markdown: str) -> dict:
    cells = [
        {"cell_type": "markdown", "id": "aa000000", "metadata": {}, "source": "# Demo chapter\n\nSome text."},
        _glue_cell({"gain10": 4.7434, "gain20": 6.7082}),
        {"cell_type": "markdown", "id": "aa000002", "metadata": {}, "source": markdown},
        {"cell_type": "markdown", "id": "aa000003", "metadata": {}, "source": "## Summary\n\nDone."},
    ]
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def build(tmp_path: Path, markdown: str, builder: str = "html", guide: bool = True) -> tuple[int, str, Path]:
    """Build the specimen book whose one chapter holds ``markdown``."""
    return build_chapters(tmp_path, {"01_demo": markdown}, builder, guide)


def build_chapters(tmp_path: Path, chapters: dict[str, str], builder: str = "html",
                   guide: bool = True) -> tuple[int, str, Path]:
    """Build a specimen book with one chapter notebook per ``{file stem: markdown}`` (one Sphinx
    run for several specimens: each warning names its chapter's file)."""
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(CONF.format(ext=str(EXT)), encoding="utf-8")
    entries = "".join(f"chapters/{stem}\n" for stem in chapters)
    index = INDEX.replace("chapters/01_demo\n", entries)
    (src / "index.md").write_text(index if guide else index.replace("guide\n", ""), encoding="utf-8")
    if guide:
        (src / "guide.md").write_text(GUIDE, encoding="utf-8")
    for stem, markdown in chapters.items():
        (src / "chapters" / f"{stem}.ipynb").write_text(json.dumps(_notebook(markdown)), encoding="utf-8")
    out = tmp_path / f"_build_{builder}"
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-q", "-E", str(src), str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env={"PYTHONPATH": f"{ROOT}:{EXT}", "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"})
    return proc.returncode, proc.stdout + proc.stderr, out


@pytest.fixture(scope="module")
def good_html(tmp_path_factory) -> tuple[Path, str]:
    rc, log, out = build(tmp_path_factory.mktemp("html"), GOOD)
    assert rc == 0, log
    return out, (out / "chapters" / "01_demo.html").read_text(encoding="utf-8")


class _Tree(html.parser.HTMLParser):
    """The tags of a page with their attributes and the stack of enclosing tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict, tuple[str, ...]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in {"input", "br", "img", "meta", "link", "hr"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def _tree(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    return tree


# --------------------------------------------------------------------------- pure helpers


def test_tolerance_parsing() -> None:
    assert cc.parse_tolerance("0.5", 10.0) == 0.5
    assert cc.parse_tolerance("5%", 40.0) == pytest.approx(2.0)
    assert cc.default_tolerance(".1f") == pytest.approx(0.1)
    assert cc.default_tolerance(".0f") == 1.0
    for bad in ("abc", "-1", "nan"):
        with pytest.raises(ValueError, match="tolerance"):
            cc.parse_tolerance(bad, 1.0)


# --------------------------------------------------------------------------- HTML


def test_html_has_fieldset_legend_labels_and_live_region(good_html) -> None:
    _, page = good_html
    tree = _tree(page)
    checks = [a for t, a, _ in tree.tags if t == "div" and "legday-concept-check" in a.get("class", "").split()]
    assert len(checks) == 2
    assert checks[0]["id"] == "cc-demo-double" and checks[0]["data-kind"] == "choice"
    radios = [(a, s) for t, a, s in tree.tags if t == "input" and a.get("type") == "radio"]
    assert len(radios) == 3
    labels = {a.get("for") for t, a, _ in tree.tags if t == "label"}
    for attrs, stack in radios:
        assert "fieldset" in stack and "form" in stack, stack
        assert attrs["id"] in labels, f"radio {attrs['id']} has no <label for>"
        assert attrs["name"] == "cc-demo-double"
    assert page.count("<legend>") == 2 and page.count("<fieldset>") == 2
    assert "Concept check 1.1" in page and "Concept check 1.2" in page
    live = [a for t, a, _ in tree.tags if a.get("aria-live") == "polite"]
    assert len(live) == 2 and all(a.get("role") == "status" for a in live)
    buttons = [a for t, a, s in tree.tags if t == "button" and "form" in s]
    assert {b.get("type") for b in buttons} == {"submit", "button"}
    # the numeric check: a labelled text field
    number = [a for t, a, _ in tree.tags if t == "input" and a.get("inputmode") == "decimal"]
    assert len(number) == 1 and number[0]["id"] in labels


def test_html_exactly_one_correct_answer_in_the_details(good_html) -> None:
    _, page = good_html
    tree = _tree(page)
    items = [a for t, a, s in tree.tags if t == "li" and "data-correct" in a]
    assert [a["data-correct"] for a in items] == ["false", "true", "false"]
    assert all("details" in s for t, a, s in tree.tags if t == "li" and "data-correct" in a)
    # without JavaScript the answers are in a closed <details> (no "open" attribute)
    details = [a for t, a, _ in tree.tags if t == "details"]
    assert len(details) == 2 and not any("open" in a for a in details)


def test_glue_works_inside_questions_options_and_feedback(good_html) -> None:
    _, page = good_html
    assert "{glue" not in page
    assert "what does the gain of <span class=\"pasted-text\">4.7</span> %" in page  # question
    assert "It rises to <span class=\"pasted-text\">6.7</span> %" in page           # option
    assert "<span class=\"pasted-text\">6.71</span> %" in page                      # numeric explanation
    tree = _tree(page)
    numeric = next(a for t, a, _ in tree.tags if a.get("data-kind") == "numeric")
    assert float(numeric["data-answer"]) == pytest.approx(6.7082)
    assert numeric["data-answer-text"] == "6.7" and float(numeric["data-tolerance"]) == pytest.approx(0.1)


def test_instructor_list_has_the_questions_and_answers(good_html) -> None:
    out, _ = good_html
    guide = (out / "guide.html").read_text(encoding="utf-8")
    assert "Concept check 1.1." in guide and "Concept check 1.2." in guide
    assert "It rises to <span class=\"pasted-text\">6.7</span> %" in guide
    assert "Answer (b):" in guide and "Answer:</strong> 6.7 %" in guide
    assert "dropdown" in guide  # the answers are collapsed when the list is projected
    assert "<fieldset>" not in guide and "type=\"radio\"" not in guide


# --------------------------------------------------------------------------- other builders


def test_learner_notebook_has_question_options_and_collapsed_answer(tmp_path: Path) -> None:
    rc, log, out = build(tmp_path, GOOD, builder="learner", guide=False)
    assert rc == 0, log
    nb = json.loads((out / "learner" / "01_demo.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "**Concept check 1.1.** If weekly sets double, what does the gain of 4.7 %" in text
    assert "- (b) It rises to 6.7 %" in text and "- (c) It stays the same." in text
    assert "<details>\n<summary>Answer to concept check 1.1 (click to show)</summary>" in text
    answer = text.split("Answer to concept check 1.1")[1].split("</details>")[0]
    assert "**Answer (b):** It rises to 6.7 %" in answer and "square root" in answer
    assert "**Answer:** 6.7 %." in text and "Your answer: ____ %" in text
    assert "{glue" not in text and "{choice}" not in text and "concept-check" not in text
    answers = [c for c in nb["cells"] if c["metadata"].get("legday", {}).get("role") == "concept-answer"]
    assert len(answers) == 2 and all("".join(c["source"]).lstrip().startswith("<details>") for c in answers)
    student = json.loads((out / "student" / "01_demo.ipynb").read_text(encoding="utf-8"))
    student_text = json.dumps(student)
    assert "Concept check 1.1." in student_text and "It stays the same." in student_text
    assert "<details>" not in student_text and "not a straight line" not in student_text, "an answer in the student edition"


def test_latex_lists_questions_without_answers(tmp_path: Path) -> None:
    rc, log, out = build(tmp_path, GOOD, builder="latex", guide=False)
    assert rc == 0, log
    tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
    assert "Concept check 1.1." in tex and "Concept check 1.2." in tex and "It stays the same." in tex
    assert r"It rises to \DUrole{pasted-text}{6.7}" in tex
    assert "not a straight line" not in tex, "a wrong option's explanation leaked into the PDF"
    assert "Answer (b)" not in tex and "Your answer: \\_\\_\\_\\_ \\%" in tex


# --------------------------------------------------------------------------- broken specimens

BROKEN = {
    "no correct choice": (GOOD.replace(":correct:\n", ""), "exactly one {choice} marked :correct:; got 0"),
    "two correct choices": (
        GOOD.replace(":::{choice} It stays the same.\n", ":::{choice} It stays the same.\n:correct:\n"),
        "exactly one {choice} marked :correct:; got 2",
    ),
    "one choice": (
        "::::{concept-check}\nA question?\n\n:::{choice} Yes.\n:correct:\nBecause.\n:::\n::::\n",
        "at least two {choice} options; got 1",
    ),
    "missing glued answer": (GOOD.replace(":answer: gain20:.1f", ":answer: gain99:.1f"), "No key 'gain99'"),
    "stray choice": (":::{choice} Alone.\n:correct:\nNo question.\n:::\n", "only allowed inside a {concept-check}"),
    "choice without explanation": (
        GOOD.replace(":::{choice} It stays the same.\nMore sets do add growth in this model, just less for each extra set.\n",
                     ":::{choice} It stays the same.\n"),
        "needs an explanation",
    ),
}


def _stem(case: str) -> str:
    return "broken_" + case.replace(" ", "_")


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory) -> tuple[int, str]:
    """Every broken specimen, each its own chapter, in one build (``-W --keep-going``: each
    chapter's error is reported against its own file, and none stops the others)."""
    rc, log, _ = build_chapters(tmp_path_factory.mktemp("broken"),
                                {_stem(case): markdown for case, (markdown, _) in BROKEN.items()}, guide=False)
    return rc, log


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_specimen_fails_the_build(broken_build, case: str) -> None:
    markdown, message = BROKEN[case]
    assert markdown != GOOD
    rc, log = broken_build
    assert rc != 0, f"{case}: the build passed:\n{log}"
    own = [line for line in log.splitlines() if f"{_stem(case)}.ipynb" in line]
    assert any(message in line for line in own), f"{case}: expected {message!r} against {_stem(case)}.ipynb:\n{log}"


def test_the_good_specimen_beside_a_broken_one_reports_only_the_broken_one(tmp_path: Path) -> None:
    """Specimen for the combined build above: errors are attributed to their own chapter."""
    markdown, message = BROKEN["no correct choice"]
    rc, log, _ = build_chapters(tmp_path, {"01_good": GOOD, "02_broken": markdown}, guide=False)
    assert rc != 0 and any(message in line and "02_broken.ipynb" in line for line in log.splitlines()), log
    assert not [line for line in log.splitlines() if "01_good.ipynb" in line and "WARNING" in line.upper()], log


def test_list_of_a_chapter_without_checks_fails(tmp_path: Path) -> None:
    rc, log, _ = build(tmp_path, "No questions here.")
    assert rc != 0 and "has no concept checks" in log, log


# --------------------------------------------------------------------------- the book's chapters


def _chapter_cells() -> dict[str, list[dict]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))["cells"] for p in sorted((ROOT / "chapters").glob("*.ipynb"))}


def test_every_chapter_has_3_to_5_concept_checks_before_its_summary() -> None:
    for name, cells in _chapter_cells().items():
        ids = [c.get("id") for c in cells]
        assert "concept-checks" in ids, f"{name}: no cell with id 'concept-checks'"
        at = ids.index("concept-checks")
        nxt = "".join(cells[at + 1]["source"])
        assert nxt.startswith("## Summary"), f"{name}: the concept checks are not right before '## Summary'"
        text = "".join(cells[at]["source"])
        count = text.count("{concept-check}")
        assert 3 <= count <= 5, f"{name}: {count} concept checks (want 3 to 5)"
        assert text.lstrip().startswith("## Check your understanding"), name


def test_instructor_guide_lists_every_chapters_checks() -> None:
    guide = (ROOT / "instructors.md").read_text(encoding="utf-8")
    for name in _chapter_cells():
        assert f"```{{concept-check-list}} chapters/{name}\n" in guide, f"instructors.md does not list {name}'s checks"


def test_module_docstring_describes_the_markup() -> None:
    assert "{concept-check}" in textwrap.dedent(cc.__doc__) and "aria-live" in cc.__doc__
