"""The whole book builds from a clean output folder with zero warnings.

The build uses ``-W -n --keep-going`` (warnings are errors, nitpicky references,
report every problem) and a fresh output folder, so no stale execution cache can
hide a notebook that a change in ``legday/`` broke.
"""

from __future__ import annotations

import re

import pytest

from conftest import BookBuild

pytestmark = pytest.mark.build


def test_book_builds_without_warnings(built_book: BookBuild) -> None:
    warnings = [
        line for line in built_book.log.splitlines()
        if ("WARNING" in line or "ERROR" in line)
        # ipykernel's own start-up notice ("Kernel is running over TCP without encryption")
        # is printed by the notebook kernel, not by Sphinx; it is not a build warning.
        and "[IPKernelApp]" not in line
    ]
    assert built_book.returncode == 0 and not warnings, (
        f"jupyter-book build failed (rc={built_book.returncode}) with {len(warnings)} warning(s):\n"
        + "\n".join(warnings[:40])
        + "\n--- end of log ---\n"
        + built_book.log[-4000:]
    )


def test_no_notebook_failed_to_execute(built_book: BookBuild) -> None:
    failed = re.findall(r"Executing notebook failed.*", built_book.log)
    reports = sorted((built_book.html / "reports").rglob("*.log")) if (built_book.html / "reports").exists() else []
    assert not failed and not reports, f"notebooks failed to execute: {failed} {reports}"


def test_every_toc_page_was_written(built_book: BookBuild, root) -> None:
    from test_book_hygiene import _toc_files

    missing = [f for f in _toc_files() if not (built_book.html / f"{f}.html").exists()]
    assert not missing, f"pages missing from the built HTML: {missing}"


def test_chapter_pages_show_their_figures(built_book: BookBuild) -> None:
    """Each chapter page embeds at least three executed figures (SVG outputs of legday.plotting, or PNG)."""
    thin = {}
    for page in sorted((built_book.html / "chapters").glob("*.html")):
        images = re.findall(r"<img[^>]+src=\"[^\"]*_images/[0-9a-f]{64}\.(?:svg|png)\"", page.read_text(encoding="utf-8"))
        if len(images) < 3:
            thin[page.name] = len(images)
    assert not thin, f"chapter pages with fewer than 3 rendered figures: {thin}"
