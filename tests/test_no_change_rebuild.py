"""``_ext/no_change_rebuild.py``: a rebuild that reads nothing skips renumbering and re-citing, and
an edit still renumbers the figures and lists the new citation.

A toy book of two numbered chapters, with figures, a cross-chapter figure reference and citations,
is built with the extension, as the course is. A no-change rebuild says it kept the figure numbers
and citations and rewrites no page. Then the first chapter gets a new figure before the referenced
one and a new citation: the rebuild must renumber the chapter's figures and resolve the new citation. The same checker, run on a broken specimen (an extra extension
that claims nothing was read when a document was), reports the stale number and the missing entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import no_change_rebuild as ncr
from conftest import ROOT, build_folder

BIB = """@article{alpha2001,
  author = {Alpha, Ann},
  title = {The first study},
  journal = {Journal of Toys},
  year = {2001},
}
@article{beta2002,
  author = {Beta, Ben},
  title = {The second study},
  journal = {Journal of Toys},
  year = {2002},
}
"""

FIGURE = """```{{figure}} dot.svg
:name: {name}

{caption}
```
"""

#: An extension that wrongly tells no_change_rebuild that nothing was read (the broken specimen).
LIAR = '''
def _lie(app, env, docnames):
    if env.all_docs:  # every build but the first
        app.legday_nothing_read = True

def setup(app):
    app.connect("env-before-read-docs", _lie, priority=999)
    return {"parallel_read_safe": True}
'''

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\n'


def _chapter_one(extra: bool) -> str:
    text = "# One\n\n"
    if extra:
        text += FIGURE.format(name="fig-new", caption="A new first figure.") + "\nSee {cite:p}`beta2002`.\n\n"
    text += FIGURE.format(name="fig-dot", caption="The dot.") + "\nAs {cite:t}`alpha2001` found.\n"
    return text


def _toy_book(folder: Path, liar: bool = False) -> Path:
    folder.mkdir()
    (folder / "dot.svg").write_text(SVG, encoding="utf-8")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    (folder / "intro.md").write_text("# Toy\n\nA toy book.\n", encoding="utf-8")
    (folder / "one.md").write_text(_chapter_one(extra=False), encoding="utf-8")
    (folder / "two.md").write_text("# Two\n\nThe dot is in {numref}`fig-dot`.\n", encoding="utf-8")
    (folder / "refs.md").write_text("# References\n\n```{bibliography}\n```\n", encoding="utf-8")
    (folder / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\noptions:\n  numbered: true\nchapters:\n- file: one\n- file: two\n- file: refs\n",
        encoding="utf-8",
    )
    extensions = f"    no_change_rebuild: {ROOT / '_ext'}\n"
    if liar:
        (folder / "_ext").mkdir()
        (folder / "_ext" / "liar.py").write_text(LIAR, encoding="utf-8")
        extensions += f"    liar: {folder / '_ext'}\n"
    (folder / "_config.yml").write_text(
        "title: toy\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n"
        "bibtex_bibfiles: [refs.bib]\nexclude_patterns: [_ext]\n"
        f"sphinx:\n  local_extensions:\n{extensions}",
        encoding="utf-8",
    )
    return folder


def _build(book: Path) -> tuple[int, str]:
    proc = build_folder(book)
    return proc.returncode, proc.stdout + proc.stderr


def _built(book: Path) -> str:
    code, log = _build(book)
    assert code == 0, log[-3000:]
    return log


def _text(book: Path, page: str) -> str:
    html = (book / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def stale_after_edit(book: Path) -> list[str]:
    """Edit chapter one (a new figure before the dot, a new citation), rebuild, and list what is wrong.

    The edited page itself must show the new numbers and resolve the new citation. (Sphinx rewrites
    only the pages it read or whose own numbers changed, with or without this extension, so other
    pages' references are not checked here; the test suite always builds from a clean folder.)
    """
    (book / "one.md").write_text(_chapter_one(extra=True), encoding="utf-8")
    code, log = _build(book)
    problems = [f"the rebuild warned: {line.strip()}" for line in log.splitlines() if "WARNING" in line]
    if code != 0 and not problems:
        problems.append(f"the rebuild failed: {log[-1500:]}")
    if "no document changed" in log:
        problems.append("the rebuild after an edit said no document changed")
    one = _text(book, "one")
    if not ("Fig. 1.1 A new first figure." in one and "Fig. 1.2 The dot." in one):
        problems.append("chapter one's figures were not renumbered (Fig. 1.1 new, Fig. 1.2 the dot)")
    if "[ Bet02 ]" not in one:
        problems.append("the new citation [Bet02] is not resolved in chapter one")
    return problems


def test_a_no_change_rebuild_keeps_numbers_and_citations_and_an_edit_updates_them(tmp_path: Path) -> None:
    book = _toy_book(tmp_path / "book")
    first = _built(book)
    assert "no document changed" not in first
    assert "Fig. 1.1" in _text(book, "two") and "The first study" in _text(book, "refs")
    assert "Fig. 1.1 The dot." in _text(book, "one")
    pages = {p: p.stat().st_mtime_ns for p in (book / "_build" / "html").glob("*.html")}

    again = _built(book)
    assert "legday: no document changed; figure numbers and citations kept from the last build" in again
    assert "no targets are out of date" in again
    assert {p: p.stat().st_mtime_ns for p in pages} == pages, "a no-change rebuild rewrote a page"

    assert stale_after_edit(book) == []


@pytest.mark.build
def test_the_edit_checker_catches_a_rebuild_that_wrongly_skips(tmp_path: Path) -> None:
    book = _toy_book(tmp_path / "book", liar=True)
    _built(book)
    problems = stale_after_edit(book)
    assert any("renumbered" in p for p in problems), problems
    assert any("beta2002" in p for p in problems) and any("Bet02" in p for p in problems), problems


class _App:
    pass


@pytest.mark.parametrize(("removed", "docnames", "expected"), [
    (False, [], True), (False, ["one"], False), (True, [], False), (None, [], False),
])
def test_nothing_read_needs_no_read_and_no_removed_document(removed, docnames, expected) -> None:
    app, env = _App(), _App()
    env.app = app
    if removed is not None:
        ncr._remember_removed(app, env, set(), set(), {"gone"} if removed else set())
    ncr._remember_read(app, env, docnames)
    assert ncr.nothing_read(env) is expected


def test_the_wrapper_runs_the_pass_unless_nothing_was_read() -> None:
    calls = []

    class Pass:
        def __init__(self, env):
            self.env = env

        def run(self):
            calls.append(1)
            return ["page"]

    wrapped = ncr.skip_when_nothing_read(Pass.run, lambda self, args: self.env)
    assert ncr.skip_when_nothing_read(wrapped, lambda self, args: self.env) is wrapped  # wrapped once
    app, env = _App(), _App()
    env.app = app
    app.legday_nothing_read = False
    assert wrapped(Pass(env)) == ["page"] and calls == [1]
    app.legday_nothing_read = True
    assert wrapped(Pass(env)) == [] and calls == [1]
    assert wrapped(Pass(_App())) == ["page"]  # an environment without an app: run it
