"""The student edition: the same book with every solution removed, built by one command.

- ``strip_solution_cells`` (the course's extension, ``_ext/student_edition.py``) removes
  gated solutions from a notebook, keeping text around them;
- ``tools/student_edition.py`` derives the student configuration from ``_config.yml``
  (``hide_solutions: true``, no launch buttons) without changing anything else;
- a toy book shows what sphinx-exercise alone misses: with ``hide_solutions`` the gated
  solution's code cells, their outputs and its prose are gone, the exercise stays;
- the whole student edition builds with zero warnings, and no text of any solution in
  the full book is left in it, while every exercise still is;
- it protects assessed work: no instructor page (the guide, the session results) and no
  link to one, the introduction and running pages worded for students, and the edition's
  marker on every page; each checker is run on the full book too, where it must fail.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, BookBuild, build_book, follow_up_result, load_module as _load


from tools import student_edition as tool
from tools.book_toc import toc_dict

# The extension and the build script share a module name; the extension is loaded by its path.
ext = _load("legday_ext_student_edition", ROOT / "_ext" / "student_edition.py")


def _md(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(text: str) -> dict:
    return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": text}


def _nb(*cells: dict) -> dict:
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


# ---------------------------------------------------------------------------
# strip_solution_cells
# ---------------------------------------------------------------------------

EXERCISE = "```{exercise}\n:label: ex-a\nDo it.\n```"


def test_strip_removes_the_gated_solution_and_its_code_cells() -> None:
    nb = _nb(
        _md(EXERCISE),
        _md("```{solution-start} ex-a\n:class: dropdown\n```\nThe idea."),
        _code("answer = 42"),
        _code("print(answer)"),
        _md("```{solution-end}\n```"),
        _md("## Summary"),
    )
    stripped, removed = ext.strip_solution_cells(nb)
    assert removed == 1
    sources = [c["source"] for c in stripped["cells"]]
    assert sources == [EXERCISE, "## Summary"]
    assert len(nb["cells"]) == 6, "the input notebook must not be modified"


def test_strip_keeps_text_before_and_after_the_gate_in_the_same_cells() -> None:
    nb = _nb(
        _md("Before.\n\n```{solution-start} ex-a\n:class: dropdown\n```\nHidden."),
        _code("x = 1"),
        _md("Also hidden.\n```{solution-end}\n```\nAfter."),
    )
    stripped, removed = ext.strip_solution_cells(nb)
    assert removed == 1
    assert [c["source"] for c in stripped["cells"]] == ["Before.\n", "After."]


def test_strip_handles_a_solution_in_one_cell_and_several_solutions() -> None:
    one_cell = _md("```{solution-start} ex-a\n```\nShort answer.\n```{solution-end}\n```")
    nb = _nb(_md(EXERCISE), one_cell, _md("Between."), one_cell, _code("kept = True"))
    stripped, removed = ext.strip_solution_cells(nb)
    assert removed == 2
    assert [c["source"] for c in stripped["cells"]] == [EXERCISE, "Between.", "kept = True"]


def test_strip_rejects_an_unclosed_solution() -> None:
    nb = _nb(_md("```{solution-start} ex-a\n```"), _code("x = 1"))
    with pytest.raises(ValueError, match="solution-start.*without a .solution-end"):
        ext.strip_solution_cells(nb)


def test_strip_leaves_a_notebook_without_solutions_alone() -> None:
    nb = _nb(_md(EXERCISE), _code("x = 1"))
    stripped, removed = ext.strip_solution_cells(nb)
    assert removed == 0 and stripped["cells"] == nb["cells"]


def test_student_markdown_keeps_the_student_blocks_only() -> None:
    text = (
        "Intro.\n\n````{only} not student_edition\nSee the {doc}`guide <instructors>`.\n\n```bash\nx\n```\n````\n\n"
        "````{only} student_edition\nWork alone.\n````\n\n```{only} html\nKept as is.\n```\n\nEnd.\n"
    )
    result, resolved = ext.student_markdown(text)
    assert resolved == 2
    assert result == "Intro.\n\nWork alone.\n\n```{only} html\nKept as is.\n```\n\nEnd.\n"
    assert ext.student_markdown("No blocks.\n") == ("No blocks.\n", 0)


@pytest.mark.parametrize("page", ["intro.md", "running.md"])
def test_pages_have_both_wordings_in_only_blocks(page: str) -> None:
    """The student wording of intro and running is in the source, next to the full book's."""
    text = (ROOT / page).read_text(encoding="utf-8")
    student, resolved = ext.student_markdown(text)
    assert resolved >= 2 and "{only}" not in student
    assert "{doc}`instructors`" not in student and "<instructors>`" not in student


@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("*.ipynb")), ids=lambda p: p.name)
def test_every_chapter_strips_cleanly(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    gates = sum("{solution-start}" in "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    stripped, removed = ext.strip_solution_cells(nb)
    text = json.dumps(stripped)
    assert removed == gates >= 3
    assert "{solution-start}" not in text and "{solution-end}" not in text
    assert text.count("{exercise}") == json.dumps(nb).count("{exercise}")


@pytest.mark.build
def test_notebooks_only_writes_the_generators_student_notebooks(tmp_path: Path, learner_build) -> None:
    """``--notebooks-only`` gives the student notebooks of the learner generator: no MyST, no
    solution, an answer cell per exercise (checked in detail in test_learner_edition.py)."""
    written = tool.write_student_notebooks(tmp_path, built=learner_build.folder)
    assert [p.name for p in written] == sorted(p.name for p in (ROOT / "chapters").glob("*.ipynb"))
    for path in written:
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        assert "{solution-start}" not in text and "{exercise}" not in text and "<details>" not in text, path.name
        assert nb["metadata"]["legday"]["edition"] == "student"
        assert any(c["metadata"].get("legday", {}).get("role") == "answer" for c in nb["cells"]), path.name
        assert text == (ROOT / "notebooks" / "student" / path.name).read_text(encoding="utf-8"), (
            f"{path.name}: differs from the committed notebooks/student copy"
        )


# ---------------------------------------------------------------------------
# The derived configuration
# ---------------------------------------------------------------------------


def _config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def test_student_config_hides_solutions_and_changes_nothing_else_of_substance(tmp_path: Path) -> None:
    config = _config()
    before = json.dumps(config, sort_keys=True)
    out = ROOT / "_build_student"
    student = tool.student_config(config, ROOT, out)
    assert json.dumps(config, sort_keys=True) == before, "the book's configuration must not be modified"
    assert student["sphinx"]["config"]["hide_solutions"] is True
    assert "student edition" in student["title"]
    assert student["launch_buttons"]["binderhub_url"] == "" and student["launch_buttons"]["colab_url"] == ""
    assert "_build_student" in student["exclude_patterns"]
    for path in student["sphinx"]["local_extensions"].values():
        assert Path(path).is_absolute() and Path(path).is_dir()
    # Everything else is the book's own configuration.
    assert student["html"] == {**config["html"], "announcement": tool.ANNOUNCEMENT}
    for key in ("execute", "bibtex_bibfiles", "parse", "repository", "latex"):
        assert student.get(key) == config.get(key), key
    for key, value in config["sphinx"]["config"].items():
        assert student["sphinx"]["config"][key] == value, key
    assert student["sphinx"]["extra_extensions"] == config["sphinx"]["extra_extensions"]


def test_student_config_requires_the_extension() -> None:
    config = _config()
    config["sphinx"]["local_extensions"].pop("student_edition")
    with pytest.raises(ValueError, match="student_edition extension"):
        tool.student_config(config)


def test_written_config_is_valid_yaml_next_to_the_output(tmp_path: Path) -> None:
    path = tool.write_student_config(tmp_path / "out")
    assert path.parent == tmp_path / "out"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["sphinx"]["config"]["hide_solutions"] is True
    cmd = tool.build_command(tmp_path / "out", path, ["-W"])
    assert cmd[1:3] == ["build", str(ROOT)] and "--config" in cmd and cmd[-1] == "-W"
    toc = tool.write_student_toc(tmp_path / "out")
    assert toc.parent == tmp_path / "out"
    cmd = tool.build_command(tmp_path / "out", path, ["-W"], toc_path=toc)
    assert cmd[cmd.index("--toc") + 1] == str(toc)


# ---------------------------------------------------------------------------
# The derived table of contents
# ---------------------------------------------------------------------------


def _toc_files(toc: dict) -> list[str]:
    found = []
    for key in ("parts", "chapters", "sections"):
        for entry in toc.get(key) or []:
            if "file" in entry:
                found.append(entry["file"])
            found += _toc_files(entry)
    return found


def test_student_toc_drops_the_instructor_pages_and_keeps_every_other() -> None:
    toc = toc_dict()
    before = json.dumps(toc, sort_keys=True)
    student = tool.student_toc(toc)
    assert json.dumps(toc, sort_keys=True) == before, "the book's toc must not be modified"
    full = _toc_files(toc)
    assert {"instructors", "session_results"} <= set(full), "specimen: the book's toc lists both pages"
    assert _toc_files(student) == [f for f in full if f not in tool.INSTRUCTOR_PAGES]
    assert student["root"] == toc["root"] and student["format"] == toc["format"]
    captions = [part.get("caption") for part in toc["parts"]]
    assert set(tool.STUDENT_CAPTIONS) <= set(captions), "a caption the student edition renames is gone"
    assert [part.get("caption") for part in student["parts"]] == [tool.STUDENT_CAPTIONS.get(c, c) for c in captions]


def test_student_toc_finds_pages_in_sections_and_with_a_suffix() -> None:
    toc = {"format": "jb-book", "root": "intro", "chapters": [
        {"file": "a", "sections": [{"file": "instructors.md"}, {"file": "b"}]},
        {"file": "session_results.ipynb"},
    ]}
    assert _toc_files(tool.student_toc(toc)) == ["a", "b"]


def test_student_toc_rejects_a_missing_instructor_page_and_the_root() -> None:
    toc = {"format": "jb-book", "root": "intro", "chapters": [{"file": "instructors"}]}
    with pytest.raises(ValueError, match="session_results"):
        tool.student_toc(toc)
    with pytest.raises(ValueError, match="root page"):
        tool.student_toc({**toc, "root": "instructors"})


# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------


def _text(page: str) -> str:
    """Visible text of an HTML page: tags dropped, entities decoded, spaces collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


class _SolutionText(HTMLParser):
    """Collects the text inside every ``<div class="solution ...">`` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[list[str]] = []
        self.outside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in {"br", "img", "hr", "input", "meta", "link"}
        elif tag == "div" and "solution" in classes:
            self.depth = 1
            self.parts.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in {"br", "img", "hr", "input", "meta", "link"}:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        (self.parts[-1] if self.depth else self.outside).append(data)


def _solution_snippets(page: str) -> list[str]:
    """Distinctive pieces (>= 25 characters) of every solution's text in a full-book page:
    sentences and code lines that do not also occur outside the solutions."""
    parser = _SolutionText()
    parser.feed(page)
    outside = re.sub(r"\s+", " ", " ".join(parser.outside))
    snippets = []
    for part in parser.parts:
        text = re.sub(r"\s+", " ", " ".join(part)).strip()
        text = re.sub(r"^Solution to Exercise [\d.]+ ?", "", text)
        pieces = [s.strip() for s in re.split(r"(?<=[.!?:])\s", text) if len(s.strip()) >= 25]
        snippets += [piece for piece in pieces if piece not in outside]
    return snippets


def _run_jupyter_book(book: Path) -> subprocess.CompletedProcess[str]:
    jb = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run(
        [str(jb), "build", str(book), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, timeout=600,
    )


def _toy_book(folder: Path, hide: bool) -> Path:
    folder.mkdir()
    nb = _nb(
        _md("# Toy\n\n## Exercises\n\n```{exercise}\n:label: ex-toy\nCompute TOYEXERCISE.\n```"),
        _md("```{solution-start} ex-toy\n:class: dropdown\n```\nTOYPROSE explains."),
        _code("toy_secret_value = 6 * 7\nprint('TOYOUTPUT', toy_secret_value)"),
        _md("```{solution-end}\n```"),
        _md("## Summary\n\nTOYSUMMARY."),
    )
    nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    (folder / "toy.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    # A page with wording for each edition; the full book's links to a guide the student edition lacks.
    (folder / "page.md").write_text(
        "# Page\n\n````{only} not student_edition\nTOYFULL: see the {doc}`guide`.\n````\n\n"
        "````{only} student_edition\nTOYSTUDENT works alone.\n````\n",
        encoding="utf-8",
    )
    chapters = "chapters:\n- file: page\n"
    if not hide:
        (folder / "guide.md").write_text("# Guide\n\nFor instructors.\n", encoding="utf-8")
        chapters += "- file: guide\n"
    (folder / "_toc.yml").write_text("format: jb-book\nroot: toy\n" + chapters, encoding="utf-8")
    config = {
        "title": "toy",
        "execute": {"execute_notebooks": "force"},
        "sphinx": {
            "extra_extensions": ["sphinx_exercise"],
            "local_extensions": {"student_edition": str(ROOT / "_ext")},
            "config": {"hide_solutions": hide},
        },
    }
    (folder / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return folder


@pytest.mark.build
@pytest.mark.parametrize("hide", [True, False], ids=["hidden", "shown"])
def test_toy_book_gated_solution(tmp_path: Path, hide: bool) -> None:
    """sphinx-exercise 1.2.1 alone leaves a hidden gated solution's code on the page
    (and crashes on the orphaned solution-end); with the course's extension all of it goes."""
    book = _toy_book(tmp_path / "toy", hide)
    proc = _run_jupyter_book(book)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    page = (book / "_build" / "html" / "toy.html").read_text(encoding="utf-8")
    text = _text(page)
    assert "TOYEXERCISE" in text and "TOYSUMMARY" in text
    for marker in ("TOYPROSE", "toy_secret_value", "TOYOUTPUT"):
        assert (marker in text) is not hide, f"{marker} {'left in' if hide else 'missing from'} the page"
    download = (book / "_build" / "html" / "_sources" / "toy.ipynb").read_text(encoding="utf-8")
    assert ("toy_secret_value" in download) is not hide
    assert "TOYEXERCISE" in download
    # The only blocks: with -W -n, the hidden build passes only if the full book's block (and its
    # link to the missing guide) is dropped before cross-references are resolved.
    page_text = _text((book / "_build" / "html" / "page.html").read_text(encoding="utf-8"))
    assert ("TOYSTUDENT" in page_text) is hide and ("TOYFULL" in page_text) is not hide
    source = (book / "_build" / "html" / "_sources" / "page.md").read_text(encoding="utf-8")
    assert ("{only}" in source) is not hide and ("TOYFULL" in source) is not hide


@pytest.fixture(scope="module")
def student_book(built_book: BookBuild, tmp_path_factory: pytest.TempPathFactory) -> BookBuild:
    """The student edition, built as ``tools/student_edition.py`` builds it (by
    ``conftest.follow_up``, in the background once the full book is built).

    It reuses the full book's execution cache (same notebooks, same code), so the
    notebooks are not executed a second time.
    """
    return follow_up_result("student_book", built_book, tmp_path_factory)


@pytest.mark.build
def test_student_edition_builds_without_warnings(student_book: BookBuild) -> None:
    warnings = [line for line in student_book.log.splitlines() if "WARNING" in line or "ERROR" in line]
    warnings = [w for w in warnings if "[IPKernelApp]" not in w]
    assert student_book.returncode == 0 and not warnings, "\n".join(warnings[:40]) + student_book.log[-3000:]


@pytest.mark.build
@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("*.ipynb")), ids=lambda p: p.name)
def test_student_edition_has_every_exercise_and_no_solution(
    path: Path, built_book: BookBuild, student_book: BookBuild
) -> None:
    page_name = Path("chapters") / f"{path.stem}.html"
    full = (built_book.html / page_name).read_text(encoding="utf-8")
    student = (student_book.html / page_name).read_text(encoding="utf-8")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    labels = re.findall(r"\{exercise\}[^\n]*\n:label:\s*([\w-]+)", markdown)
    assert labels, f"{path.name}: no labelled exercises found"
    missing = [label for label in labels if f'id="{label}"' not in student]
    assert not missing, f"{path.name}: exercises missing from the student edition: {missing}"

    snippets = _solution_snippets(full)
    assert len(snippets) >= 3, f"{path.name}: the full book shows no solution text to compare with"
    student_text = _text(student)
    leaked = [s for s in snippets if s in student_text]
    assert not leaked, f"{path.name}: solution text left in the student edition: {leaked[:5]}"
    assert 'class="solution' not in student

    download = (student_book.html / "_sources" / "chapters" / path.name).read_text(encoding="utf-8")
    assert "{solution-start}" not in download, f"{path.name}: the downloadable notebook keeps its solutions"
    assert all(label in download for label in labels)


@pytest.mark.build
def test_student_edition_is_marked_and_has_no_launch_buttons(student_book: BookBuild) -> None:
    page = (student_book.html / "chapters" / "04_calorie_burn.html").read_text(encoding="utf-8")
    assert "student edition" in page
    assert "mybinder.org" not in page and "colab.research.google.com" not in page


def test_the_book_never_reads_the_student_edition_output() -> None:
    """A student edition built in the default folder must not be read by the next build of the
    book: its execution cache is a hidden folder, which ``only_build_toc_files`` does not exclude."""
    import fnmatch

    patterns = _config()["exclude_patterns"]
    name = tool.DEFAULT_OUT.relative_to(ROOT).as_posix()
    assert any(fnmatch.fnmatch(name, p) for p in patterns), f"_config.yml exclude_patterns must cover {name}/"


# ---------------------------------------------------------------------------
# Assessed work: no instructor material, student wording, the edition's marker
# ---------------------------------------------------------------------------


def _pages(html_dir: Path) -> dict[str, str]:
    return {p.relative_to(html_dir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(html_dir.rglob("*.html"))
            if "_static" not in p.parts}


def _instructor_material(html_dir: Path) -> list[str]:
    """Instructor pages in a built site, and links to them from its other pages."""
    pages = _pages(html_dir)
    found = [f"page {name}" for name in pages if Path(name).stem in tool.INSTRUCTOR_PAGES]
    link = re.compile(r'href="[^"#]*\b(' + "|".join(tool.INSTRUCTOR_PAGES) + r')\.html')
    found += [f"link to {m.group(1)} in {name}" for name, page in pages.items() for m in link.finditer(page)]
    index = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    found += [f"{doc} in the search index" for doc in tool.INSTRUCTOR_PAGES if f'"{doc}"' in index]
    return found


#: Wording of the full book that must not be in the student edition's intro and running pages.
INSTRUCTOR_WORDING = (
    "collapsed dropdown",
    "Solution to Exercise",
    "click to show",
    "instructor guide",
    "instructors hand out",
    "learning-management system",
    "Teach with it:",
    "notebooks/learner",
)
#: Wording the student edition's intro and running pages must have.
STUDENT_WORDING = {
    "intro.html": ("this is the student edition", "exercises come without solutions", "student notebook"),
    "running.html": ("In this student edition, open the student notebooks", "jupyter lab notebooks/student"),
}


def _wording_problems(html_dir: Path) -> list[str]:
    problems = []
    for name, needed in STUDENT_WORDING.items():
        main = re.search(r"<main\b.*?</main>", (html_dir / name).read_text(encoding="utf-8"), re.S)
        text = _text(main.group(0) if main else "")
        problems += [f"{name}: says {phrase!r}" for phrase in INSTRUCTOR_WORDING if phrase.lower() in text.lower()]
        problems += [f"{name}: lacks {phrase!r}" for phrase in needed if phrase not in text]
    return problems


def _unmarked_pages(html_dir: Path) -> list[str]:
    """Pages without the edition's announcement bar, or without "student edition" in the sidebar title."""
    bar = re.compile(r'<aside class="bd-header-announcement"[^>]*>\s*<div[^>]*>\s*' + re.escape(tool.ANNOUNCEMENT))
    unmarked = []
    for name, page in _pages(html_dir).items():
        if '<meta http-equiv="Refresh"' in page[:200]:
            continue  # index.html: Jupyter Book's redirect to the root page, no content
        if not bar.search(page):
            unmarked.append(f"{name}: no announcement")
        elif not re.search(r'class="[^"]*\blogo__title\b[^"]*"[^>]*>[^<]*student edition', page):
            unmarked.append(f"{name}: no 'student edition' in the sidebar title")
    return unmarked


@pytest.mark.build
def test_student_edition_has_no_instructor_page_and_no_link_to_one(
    built_book: BookBuild, student_book: BookBuild
) -> None:
    assert student_book.returncode == 0, student_book.log[-3000:]
    full = _instructor_material(built_book.html)
    assert any(f.startswith("page instructors") for f in full) and any(f.startswith("page session_results") for f in full)
    assert any(f.startswith("link to instructors in intro") for f in full), "specimen: the full book links the guide"
    assert _instructor_material(student_book.html) == []
    for page in ("intro.md", "running.md"):  # the pages' download button offers these copies
        source = (student_book.html / "_sources" / page).read_text(encoding="utf-8")
        assert "{only}" not in source and "instructors" not in source and "collapsed dropdown" not in source, page


@pytest.mark.build
def test_student_edition_intro_and_running_are_worded_for_students(
    built_book: BookBuild, student_book: BookBuild
) -> None:
    full = _wording_problems(built_book.html)
    for phrase in ("collapsed dropdown", "instructor guide", "Solution to Exercise", "lacks 'this is the student"):
        assert any(phrase in p for p in full), f"specimen: the full book's pages should trip {phrase!r}: {full}"
    assert _wording_problems(student_book.html) == []


@pytest.mark.build
def test_student_edition_marks_every_page(built_book: BookBuild, student_book: BookBuild) -> None:
    pages = _pages(student_book.html)
    assert {"intro.html", "running.html", "search.html", "chapters/04_calorie_burn.html"} <= set(pages)
    assert len(_unmarked_pages(built_book.html)) == len(_pages(built_book.html)) - 1, "specimen: full book unmarked"
    assert _unmarked_pages(student_book.html) == []


@pytest.mark.build
def test_marker_checker_catches_a_page_without_the_sidebar_title(student_book: BookBuild, tmp_path: Path) -> None:
    page = (student_book.html / "intro.html").read_text(encoding="utf-8")
    (tmp_path / "intro.html").write_text(page.replace("(student edition)", ""), encoding="utf-8")
    assert _unmarked_pages(tmp_path) == ["intro.html: no 'student edition' in the sidebar title"]


def _pages_with_solutions(html_dir: Path) -> list[str]:
    """Pages (any, not only the chapters) that show a solution or a button to one."""
    return [name for name, page in _pages(html_dir).items()
            if 'class="solution' in page or "Solution to Exercise" in _text(page)]


@pytest.mark.build
def test_student_edition_shows_no_solution_anywhere(built_book: BookBuild, student_book: BookBuild) -> None:
    full = _pages_with_solutions(built_book.html)
    assert {f"chapters/{p.stem}.html" for p in (ROOT / "chapters").glob("*.ipynb")} <= set(full), "specimen"
    assert _pages_with_solutions(student_book.html) == []
