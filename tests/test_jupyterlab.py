"""The learner notebooks in a real JupyterLab, driven by a real browser.

What a learner does — open a chapter's learner notebook (``notebooks/learner/``) in
JupyterLab and choose *Run → Run All Cells* — done for every chapter, with the checks a
demanding learner would make. One JupyterLab server (127.0.0.1, a free port, token
authentication, started and always stopped by the tests) and one headless Chromium
(Playwright) serve every notebook; the notebooks are copied to a temporary folder first,
so running them never touches the committed files. For each notebook:

* no error output, except in a cell tagged ``raises-exception`` (chapter 7's deliberate
  error), and every code cell ran;
* no MyST syntax (``{glue``, ``{cite``, ``{term``, ``{numref``, ``{ref}``, ``{doc}``, a
  ```` ```{ ```` fence, ``:label:``, ``:class:``, ``:pyobject:``) in the rendered page;
* every glued value of the chapter (``notebooks/manifest.json``) is in the rendered page;
* every solution is collapsed when the notebook opens and still after Run All, and a
  click shows it;
* every figure caption has its figure, rendered, right above it;
* no request leaves 127.0.0.1 and no uncaught error in the page.

The checkers (``tests/_jupyterlab.py``) are proved on specimen notebooks written by the
tests: a clean one passes, and one with raw MyST, one with an error cell, one with an
open solution, one whose (collapsed) solution code cell prints, one whose caption has no
figure, one that loads a picture from another site, and a missing glued value each fail
with the matching message; the server refuses a request without its token.

The browser is found as in ``tests/test_site.py`` (Debian's ``chromium`` first;
``$LEGDAY_BROWSER`` overrides): without one the tests are skipped with a message, except
under ``CI=true``, where that is an error.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from _jupyterlab import (
    LabBrowser,
    NotebookRun,
    browser_problems,
    contents,
    error_problems,
    figure_problems,
    glue_problems,
    lab_server,
    myst_problems,
    notebook_problems,
    solution_problems,
)
from _site import find_browser, missing_browser_reason
from conftest import ROOT, in_ci

MANIFEST = ROOT / "notebooks" / "manifest.json"

pytestmark = pytest.mark.browser


def _chapters() -> list[dict]:
    if not MANIFEST.is_file():
        return []
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["chapters"]


CHAPTERS = _chapters()
CHAPTER_NAMES = [chapter["name"] for chapter in CHAPTERS]
CHAPTER_SOURCES = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))


# --------------------------------------------------------------------------- specimens

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def _markdown(source: str, **legday) -> dict:
    return {"cell_type": "markdown", "metadata": {"legday": legday} if legday else {}, "source": source}


def _code(source: str, tags: list[str] | None = None, hidden: bool = False, **legday) -> dict:
    metadata: dict = {}
    if tags:
        metadata["tags"] = tags
    if legday:
        metadata["legday"] = legday
    if hidden:
        metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
    return {"cell_type": "code", "execution_count": None, "metadata": metadata, "outputs": [], "source": source}


def _solution_text(body: str, is_open: bool = False) -> dict:
    details = "<details open>" if is_open else "<details>"
    return _markdown(f"{details}\n<summary>Solution to Exercise 1.1 (click to show)</summary>\n\n{body}\n\n</details>",
                     role="solution", label="ex-specimen", number="1.1")


#: A "plotting" cell that shows a (1 x 1 pixel) PNG without importing matplotlib: fast to run.
FIGURE_CODE = (
    "from base64 import b64decode\nfrom IPython.display import Image, display\n"
    "display(Image(data=b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')))"
)


def specimen(defect: str | None = None) -> dict:
    """A small learner notebook marked the way the generator marks them
    (``metadata.legday.role``); ``defect`` adds one fault the checks must catch."""
    solution_code = "# @title Solution code for Exercise 1.1\nanswer_kcal = 6 * 7\nprint(answer_kcal)"
    cells = [
        _markdown("# 1. A specimen chapter\n\nA session costs **42.5** kcal (Smith, 2020)."),
        _code("import math\nprint(f'{math.pi:.2f}')"),
        _code(FIGURE_CODE if defect != "no figure" else "x = [0, 1]", tags=["hide-input"]),
        _markdown('<a id="fig-specimen"></a>\n\n**Figure 1.1.** A straight line.',
                  role="figure-caption", label="fig-specimen", number="1.1"),
        _markdown('<a id="ex-specimen"></a>\n### Exercise 1.1\n\nMultiply six by seven.',
                  role="exercise", label="ex-specimen", number="1.1"),
        _code("# Your answer to Exercise 1.1\n", role="answer", label="ex-specimen", number="1.1"),
        _solution_text("Six sevens are **42**.\n\n```python\nanswer = 6 * 7\n```", is_open=defect == "open solution"),
        _code("raise ValueError('a deliberate error, as in chapter 7')", tags=["raises-exception"]),
        # Run All returns at the deliberate error while the kernel still runs these: the
        # wait must not stop there (it did, under load, before it waited for the kernel)
        _code("import time\ntime.sleep(0.5)  # a slow cell after the error"),
        _code("print('after the deliberate error')"),
    ]
    if defect == "raw myst":
        cells.insert(1, _markdown("It costs {glue:text}`kcal:.0f` kcal {cite:p}`smith2020`.\n\n"
                                  "```{admonition} Evidence check\n:class: tip\nSupported.\n```"))
    elif defect == "external":
        cells.insert(1, _markdown("A picture from another site: ![logo](https://example.org/logo.png)"))
    elif defect == "error":
        cells.insert(2, _code("1 / 0"))
    elif defect == "printing solution":  # a collapsed solution code cell (the generator writes none)
        cells.insert(7, _code(solution_code, hidden=True, role="solution", label="ex-specimen", number="1.1"))
    elif defect not in (None, "open solution", "no figure", "external"):
        raise ValueError(f"unknown specimen defect {defect!r}")
    return {"cells": cells, "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


SPECIMENS = {"clean": None, "raw-myst": "raw myst", "error": "error", "open-solution": "open solution",
             "printing-solution": "printing solution", "no-figure": "no figure",
             "external": "external"}
SPECIMEN_GLUED = ["42.5"]  # in the prose
SPECIMEN_GLUED_IN_SOLUTIONS = ["42"]  # in the (collapsed) solution


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def lab_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder JupyterLab serves: copies of the learner notebooks, and the specimens."""
    root = tmp_path_factory.mktemp("lab-root")
    (root / "learner").mkdir()
    for chapter in CHAPTERS:
        shutil.copy2(ROOT / chapter["learner"], root / "learner" / f"{chapter['name']}.ipynb")
    (root / "specimens").mkdir()
    for name, defect in SPECIMENS.items():
        (root / "specimens" / f"{name}.ipynb").write_text(json.dumps(specimen(defect), indent=1), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def lab(lab_root: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """One JupyterLab server and one browser page for every notebook of this module; the
    time of each run is reported at the end (``-s`` not needed)."""
    reason = missing_browser_reason(["playwright", "jupyterlab"])
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and the JupyterLab checks cannot run: {reason}")
        pytest.skip(f"JupyterLab checks skipped: {reason}")
    started = time.monotonic()
    with lab_server(lab_root, tmp_path_factory.mktemp("lab-home")) as server:
        browser = LabBrowser(find_browser(), server)
        runs = _Runs(browser)
        runs.startup = time.monotonic() - started
        try:
            yield runs
        finally:
            browser.close()
    lines = [f"JupyterLab checks: {time.monotonic() - started:.1f} s in all (server and browser start "
             f"{runs.startup:.1f} s)"] + [f"  {path}: {run.seconds:.1f} s (open, Run All, read, click)"
                                          for path, run in runs.done.items()]
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print("\n" + "\n".join(lines))


class _Runs:
    """Each notebook is run once, on first use, and the run is kept for every test."""

    def __init__(self, browser: LabBrowser) -> None:
        self.browser = browser
        self.done: dict[str, NotebookRun] = {}
        self.startup = 0.0

    def __call__(self, path: str) -> NotebookRun:
        if path not in self.done:
            self.done[path] = self.browser.run_notebook(path)
        return self.done[path]


def _report(run, problems: list[str]) -> str:
    return f"{run.path} in JupyterLab ({run.seconds:.1f} s):\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------- the learner notebooks


def test_every_chapter_has_a_learner_notebook() -> None:
    assert MANIFEST.is_file(), "notebooks/manifest.json is missing: run `python tools/learner_edition.py`"
    assert sorted(CHAPTER_NAMES) == CHAPTER_SOURCES, (
        f"notebooks/manifest.json lists {CHAPTER_NAMES}, chapters/ has {CHAPTER_SOURCES}")
    for chapter in CHAPTERS:
        assert (ROOT / chapter["learner"]).is_file(), f"{chapter['learner']} is missing"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=CHAPTER_NAMES)
def test_learner_notebook_runs_in_jupyterlab(lab, chapter: dict) -> None:
    run = lab(f"learner/{chapter['name']}.ipynb")
    problems = notebook_problems(run, chapter["glued"], chapter.get("glued_in_solutions", []))
    assert not problems, _report(run, problems)
    assert any(cell["executionCount"] for cell in run.cells if cell["type"] == "code"), f"{run.path}: nothing ran"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=CHAPTER_NAMES)
def test_learner_notebook_has_collapsed_solutions_to_click(lab, chapter: dict) -> None:
    """Not vacuous: every exercise of the chapter has a solution to reveal in JupyterLab."""
    run = lab(f"learner/{chapter['name']}.ipynb")
    labels = {(c["legday"] or {}).get("label") for c in run.cells if (c["legday"] or {}).get("role") == "solution"}
    expected = {exercise["label"] for exercise in chapter["exercises"]}
    assert expected <= labels, f"{run.path}: exercises without a solution in JupyterLab: {sorted(expected - labels)}"


# --------------------------------------------------------------------------- the checkers, on specimens


def test_checks_pass_a_clean_specimen(lab) -> None:
    run = lab("specimens/clean.ipynb")
    problems = notebook_problems(run, SPECIMEN_GLUED, SPECIMEN_GLUED_IN_SOLUTIONS)
    assert problems == [], _report(run, problems)
    deliberate = [c for c in run.cells if "raises-exception" in c["tags"]]
    assert deliberate and deliberate[0]["outputs"][0]["output_type"] == "error", "the deliberate error did not run"
    last = run.cells[-1]
    assert last["outputs"] and "after the deliberate error" in last["outputs"][0]["text"], (
        f"the cells after the deliberate error were not waited for: {last}")
    assert run.revealed and all(run.revealed.values()), f"solutions not revealed by a click: {run.revealed}"


def test_checks_fail_on_raw_myst(lab) -> None:
    problems = myst_problems(lab("specimens/raw-myst.ipynb"))
    assert any("{glue" in p and "{cite" in p for p in problems), problems
    assert any("```{" in p and ":class:" in p for p in problems), problems


def test_checks_fail_on_an_error_cell(lab) -> None:
    problems = error_problems(lab("specimens/error.ipynb"))
    assert any("raised ZeroDivisionError" in p for p in problems), problems
    assert any("never ran" in p for p in problems), problems  # Run All stops at the error


def test_checks_fail_on_an_open_solution(lab) -> None:
    problems = solution_problems(lab("specimens/open-solution.ipynb"))
    assert any("solution text visible before a click (on opening)" in p for p in problems), problems


def test_checks_fail_on_a_solution_whose_output_shows_after_run_all(lab) -> None:
    """JupyterLab expands a collapsed output when its cell runs: a printing solution leaks."""
    problems = solution_problems(lab("specimens/printing-solution.ipynb"))
    assert any("solution output visible before a click (after Run All)" in p for p in problems), problems


def test_checks_fail_on_a_caption_without_its_figure(lab) -> None:
    problems = figure_problems(lab("specimens/no-figure.ipynb"))
    assert len(problems) == 1 and "no figure shown above this caption" in problems[0], problems


def test_checks_fail_on_a_request_leaving_127_0_0_1(lab) -> None:
    problems = browser_problems(lab("specimens/external.ipynb"))
    assert "request to another host (blocked): https://example.org/logo.png" in problems, problems


def test_server_is_local_and_needs_the_token(lab) -> None:
    server = lab.browser.server
    assert urlsplit(server.url).hostname == "127.0.0.1"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.url}api/contents", timeout=10)  # noqa: S310 - 127.0.0.1
    assert refused.value.code in (401, 403), refused.value
    assert contents(server)["type"] == "directory"


def test_checks_fail_on_a_missing_glued_value(lab) -> None:
    run = lab("specimens/clean.ipynb")
    problems = glue_problems(run, [*SPECIMEN_GLUED, "97.3"], [*SPECIMEN_GLUED_IN_SOLUTIONS, "6.5"])
    assert problems == ["glued value '97.3' is not visible in the rendered page",
                        "glued value '6.5' is not in the text of any solution"], problems
    # a value that is only inside a collapsed solution is not visible prose
    assert glue_problems(run, ["Six sevens are 42"]) == ["glued value 'Six sevens are 42' is not visible in the rendered page"]
