"""The teaching kit: glossary, instructor guide, how-to-run page, API reference, PDF stub.

Fast checks of the sources (no build), except the one marked ``build``:

- every chapter links the glossary with at least one ``{term}``, and every ``{term}``
  anywhere in the book names a term the glossary defines;
- the glossary defines the course's core technical terms, each once, each with a definition;
- the instructor guide has a session for every chapter that exists, each with objectives,
  an in-class activity, discussion prompts and an assessment idea;
- the how-to-run page repeats the README's two commands exactly and covers every platform;
- the API page documents every public module of ``legday`` and nothing that does not exist;
- the Python examples on these pages run;
- the API reference (with the glossary, bibliography and index) builds with zero warnings.
"""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import legday
from conftest import ROOT
from tools.book_toc import toc_pages

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
KIT_PAGES = ("instructors", "running", "glossary", "bibliography", "api", "genindex")
TERM = re.compile(r"\{term\}`([^`]+)`")


def _markdown(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def _term_target(role_text: str) -> str:
    """The glossary term a ``{term}`` role points to (``text <Term>`` or ``Term``)."""
    match = re.fullmatch(r"(?s).*<([^<>]+)>\s*", role_text)
    return re.sub(r"\s+", " ", match.group(1) if match else role_text).strip()


def _glossary() -> dict[str, str]:
    """Defined terms (lower case) -> definition, parsed from glossary.md's {glossary} block."""
    text = (ROOT / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, flags=re.S)
    assert block, "glossary.md has no {glossary} directive"
    terms: dict[str, str] = {}
    pending: list[str] = []
    definition: list[str] = []

    def flush() -> None:
        for term in pending:
            assert term.lower() not in terms, f"glossary term defined twice: {term!r}"
            terms[term.lower()] = " ".join(definition).strip()

    for line in block.group(1).splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if line[0].isspace():
            definition.append(line.strip())
        else:
            if definition:
                flush()
                pending, definition = [], []
            pending.append(line.strip())
    flush()
    return terms


def _book_pages() -> list[Path]:
    pages = []
    for stem in toc_pages():
        for suffix in (".ipynb", ".md"):
            if (ROOT / f"{stem}{suffix}").exists():
                pages.append(ROOT / f"{stem}{suffix}")
    return pages


# ---------------------------------------------------------------------------
# Glossary
# ---------------------------------------------------------------------------

CORE_TERMS = (
    "MET", "EPOC", "fractional set", "fitness–fatigue model", "CTL", "ATL", "TSB", "1RM",
    "hypertrophy", "CSA", "Performance Management Chart", "dose–response", "readiness",
    "skeletal muscle mass", "within-subject design", "statistical power", "leg drive",
)


def test_glossary_defines_the_core_terms() -> None:
    terms = _glossary()
    missing = [t for t in CORE_TERMS if t.lower() not in terms]
    assert not missing, f"glossary.md lacks: {missing}"
    empty = [t for t, d in terms.items() if len(d.split()) < 8]
    assert not empty, f"glossary terms without a real definition: {empty}"


def test_glossary_is_sorted_and_in_the_toc() -> None:
    assert ":sorted:" in (ROOT / "glossary.md").read_text(encoding="utf-8")
    missing = [page for page in KIT_PAGES if page not in toc_pages()]
    assert not missing, f"_toc.yml does not list: {missing}"


def test_every_term_role_names_a_glossary_term() -> None:
    terms = _glossary()
    unknown = {}
    for page in _book_pages():
        bad = sorted({_term_target(t) for t in TERM.findall(_markdown(page))}, key=str.lower)
        bad = [t for t in bad if t.lower() not in terms]
        if bad:
            unknown[str(page.relative_to(ROOT))] = bad
    assert not unknown, f"{{term}} roles naming terms that glossary.md does not define: {unknown}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_chapter_links_the_glossary(path: Path) -> None:
    assert TERM.search(_markdown(path)), (
        f"{path.name} links no glossary term: add {{term}}`...` at the first use of a technical term"
    )


# ---------------------------------------------------------------------------
# Instructor guide and how-to-run page
# ---------------------------------------------------------------------------


def _sessions() -> dict[str, str]:
    """Session heading -> its text, from instructors.md."""
    text = (ROOT / "instructors.md").read_text(encoding="utf-8")
    parts = re.split(r"^### (Session \d+:.*)$", text, flags=re.M)
    return {parts[i]: parts[i + 1].split("\n## ", 1)[0] for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_instructor_guide_has_a_session_for_every_chapter(path: Path) -> None:
    number = int(path.name[:2])
    sessions = {h: body for h, body in _sessions().items() if h.startswith(f"Session {number}:")}
    assert sessions, f"instructors.md has no '### Session {number}: ...' for {path.name}"
    heading, body = next(iter(sessions.items()))
    missing = [part for part in ("Objectives", "In-class activity", "Discussion prompts", "Assessment idea")
               if f"**{part}" not in body]
    assert not missing, f"instructors.md, {heading!r} lacks: {missing}"
    assert "Verdict" in body or "verdict" in body, f"{heading!r} does not state the chapter's verdict"


def test_instructor_guide_covers_the_required_topics() -> None:
    text = (ROOT / "instructors.md").read_text(encoding="utf-8")
    for heading in ("Audience and prerequisites", "A course sequence", "critical-reading",
                    "Adapting the models to your class's own data", "student edition"):
        assert heading.lower() in text.lower(), f"instructors.md lacks a section on {heading!r}"
    assert "tools/student_edition.py" in text


def _readme_command(marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- ci:{marker} -->\s*```\w*\n(.*?)\n```", readme, flags=re.S)
    assert match, f"README.md lacks the ci:{marker} command"
    return match.group(1).strip()


def test_running_page_repeats_the_readme_commands_exactly() -> None:
    text = (ROOT / "running.md").read_text(encoding="utf-8")
    for marker in ("install", "test"):
        assert _readme_command(marker) in text, f"running.md does not repeat README's ci:{marker} command"


def test_running_page_covers_every_platform_and_troubleshooting() -> None:
    text = (ROOT / "running.md").read_text(encoding="utf-8")
    for needle in ("Binder", "Colab", "JupyterHub", "nbgitpuller", "git-pull?repo=", "Troubleshooting", "Windows"):
        assert needle in text, f"running.md does not mention {needle!r}"
    assert f"git+{legday.REPOSITORY_URL}" in text, "running.md must install from the course's repository URL"


# ---------------------------------------------------------------------------
# API reference
# ---------------------------------------------------------------------------


def _public_modules() -> set[str]:
    return {f"legday.{m.name}" for m in pkgutil.iter_modules(legday.__path__) if not m.name.startswith("_")}


def test_api_page_documents_every_public_module() -> None:
    text = (ROOT / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"automodule::\s*(legday\.\w+)", text))
    assert documented == _public_modules(), (
        f"api.md out of step with legday/: undocumented {sorted(_public_modules() - documented)}, "
        f"documented but missing {sorted(documented - _public_modules())}"
    )


def _python_examples(page: str) -> list[str]:
    text = (ROOT / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)\n```", text, flags=re.S)
    return [b for b in blocks if not re.search(r"^\s*%", b, flags=re.M)]  # IPython magics run only in Jupyter


@pytest.mark.parametrize("page", ["api.md", "instructors.md", "running.md"])
def test_python_examples_run(page: str) -> None:
    examples = _python_examples(page)
    if page != "running.md":
        assert examples, f"{page} has no Python example"
    for code in examples:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert proc.returncode == 0, f"{page}: example failed:\n{code}\n{proc.stderr[-2000:]}"


def test_pdf_handout_escapes_underscores_in_text() -> None:
    import pdf_handout  # _ext is on pytest's pythonpath (pyproject.toml)
    assert pdf_handout.escape_text_underscores(r'x_n (\text{"same_day"}) \text{a\_b}') == (
        r'x_n (\text{"same\_day"}) \text{a\_b}'
    )
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    for extra in config["sphinx"]["config"].get("latex_additional_files", []):
        assert (ROOT / extra).exists(), f"latex_additional_files names a missing file: {extra}"


@pytest.mark.build
def test_reference_pages_build_without_warnings(built_book) -> None:
    """The API page (autodoc of every module), glossary and index in the session's one book build
    (``conftest.built_book``, warnings as errors): no warning from them or from a docstring, every
    public module documented, no empty section, every parameter typed."""
    warnings = [line for line in built_book.log.splitlines()
                if ("WARNING" in line or "ERROR" in line) and "[IPKernelApp]" not in line
                and re.search(r"(api|glossary|genindex)\.md|legday[/.]|docstring", line)]
    assert not warnings, "\n".join(warnings[:40])
    page = (built_book.html / "api.html").read_text(encoding="utf-8")
    for module in sorted(_public_modules()):
        assert f'id="module-{module}"' in page, f"api.html does not document {module}"
    assert api_page_problems(page) == []
    assert len(re.findall(r"</strong> \(", page)) > 300  # the parameters are found, and typed


def _owner(page: str, at: int) -> str:
    found = re.findall(r'<dt class="sig sig-object py" id="([^"]+)"', page[:at])
    return found[-1] if found else "api.html"


def api_page_problems(page: str) -> list[str]:
    """Empty sections (a "Notes" heading with nothing under it, an empty field) and parameters
    shown without a type, in the API page's HTML (autodoc + napoleon output)."""
    problems = []
    for m in re.finditer(r'<p class="rubric">([^<]*)</p>\s*(?=</dd>|<p class="rubric">|<dl class="py |</section>|$)', page):
        problems.append(f"{_owner(page, m.start())}: empty {m[1]} section")
    fields = re.finditer(r'<dt class="field-(?:odd|even)">([^<]*)<span class="colon">:</span></dt>\s*'
                         r'<dd class="field-(?:odd|even)">(.*?)</dd>\s*(?=<dt class="field|</dl>)', page, flags=re.S)
    for m in fields:
        if not re.sub(r"<[^>]+>|\s", "", m[2]):
            problems.append(f"{_owner(page, m.start())}: empty {m[1]} field")
        if m[1] == "Parameters":
            for name, after in re.findall(r"(?:<li>|^\s*)<p><strong>([^<]+)</strong>(.{0,2})", m[2]):
                if after != " (":
                    problems.append(f"{_owner(page, m.start())}: parameter {name} has no type")
    return problems


def test_the_api_page_checks_catch_empty_sections_and_untyped_parameters() -> None:
    head = '<dl class="py function"><dt class="sig sig-object py" id="legday.x.f">f</dt><dd><p>Do it.</p>'
    fields = ('<dl class="field-list simple"><dt class="field-odd">Parameters<span class="colon">:</span></dt>'
              '<dd class="field-odd"><ul class="simple"><li><p><strong>a</strong> (<em>float</em>) – A.</p></li>'
              '<li><p><strong>b</strong> – B, <strong>bold</strong>.</p></li></ul>\n</dd>'
              '<dt class="field-even">Returns<span class="colon">:</span></dt><dd class="field-even"><p></p>\n</dd></dl>')
    good = head + fields.replace("<strong>b</strong> –", "<strong>b</strong> (<em>int</em>) –").replace(
        "<p></p>", "<p>The sum.</p>") + '<p class="rubric">Notes</p>\n<p>Source: x.</p>\n</dd></dl>'
    bad = head + fields + '<p class="rubric">Notes</p>\n</dd></dl>'
    assert api_page_problems(good) == []
    assert api_page_problems(bad) == ["legday.x.f: empty Notes section", "legday.x.f: parameter b has no type",
                                      "legday.x.f: empty Returns field"]


# ---------------------------------------------------------------------------
# Exercise numbers in the instructor guide: the book's, by reference
# ---------------------------------------------------------------------------

NUMREF = re.compile(r"\{numref\}`(?:[^`<]*<)?([^`<>]+)>?`")


def _exercise_numbers() -> dict[str, str]:
    """Exercise label -> its chapter-local number ("4.2"), from notebooks/manifest.json."""
    manifest = json.loads((ROOT / "notebooks" / "manifest.json").read_text(encoding="utf-8"))
    return {e["label"]: e["number"] for chapter in manifest["chapters"] for e in chapter["exercises"]}


def exercise_reference_problems(text: str, numbers: dict[str, str]) -> list[str]:
    """An exercise is referred to by its label ({numref}), never by a typed number, and every
    label referred to exists."""
    problems = [f"typed exercise number {m.group(0)!r}: use {{numref}}`label`"
                for m in re.finditer(r"\bExercises? \d+(?:\.\d+)?\b", text)]
    problems += [f"{{numref}} to unknown label {label!r}" for label in NUMREF.findall(text)
                 if label.startswith("ex-") and label not in numbers]
    return problems


def test_instructor_guide_refers_to_exercises_by_label() -> None:
    numbers = _exercise_numbers()
    text = (ROOT / "instructors.md").read_text(encoding="utf-8")
    problems = exercise_reference_problems(text, numbers)
    assert not problems, "instructors.md:\n  " + "\n  ".join(problems)
    referred = {label for label in NUMREF.findall(text) if label.startswith("ex-")}
    assert referred == set(numbers), f"exercises the session plans do not list: {sorted(set(numbers) - referred)}"


def test_exercise_reference_check_fails_on_typed_numbers() -> None:
    problems = exercise_reference_problems("Set Exercise 4.2 and {numref}`ex-nowhere` as homework.", {"ex-a": "1.1"})
    assert problems == ["typed exercise number 'Exercise 4.2': use {numref}`label`",
                        "{numref} to unknown label 'ex-nowhere'"], problems


@pytest.mark.build
def test_instructor_guide_shows_the_chapters_exercise_numbers(built_book) -> None:
    """In the built guide each reference reads "Exercise N.M" and links to that exercise."""
    numbers = _exercise_numbers()
    page = (built_book.html / "instructors.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="reference internal" href="chapters/[^"#]+\.html#(ex-[^"]+)">'
                       r'<span class="std std-numref">Exercise ([\d.]+)</span></a>', page)
    assert {label for label, _ in links} == set(numbers), f"references in instructors.html: {links}"
    wrong = [(label, shown, numbers[label]) for label, shown in links if numbers[label] != shown]
    assert not wrong, f"instructors.html shows the wrong number (label, shown, chapter's): {wrong}"
