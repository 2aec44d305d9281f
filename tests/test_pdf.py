"""The optional PDF handout: ``jupyter-book build . --builder pdflatex`` builds the whole book.

It needs a TeX installation (XeLaTeX, latexmk, xindy; see the README's optional step).
Without one the test is skipped with a message, except under ``CI=true``, where a
missing tool is an error. The build reuses the HTML build's execution cache, so the
notebooks are not executed again, and runs with warnings as errors like every build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TEX_TOOLS, BookBuild, follow_up_result, in_ci, tex_missing

pytestmark = pytest.mark.build

APT_LINE = (
    "apt-get install --no-install-recommends texlive-xetex latexmk texlive-latex-extra "
    "texlive-fonts-recommended fonts-freefont-otf xindy"
)


@pytest.fixture(scope="module")
def pdf_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    """The PDF handout, built (from the full book's execution cache) by ``conftest.follow_up``,
    in the background once the book is built."""
    missing = tex_missing()
    if missing:
        message = f"PDF handout not tested: {', '.join(missing)} not installed (Debian/Ubuntu: {APT_LINE})"
        if in_ci():
            pytest.fail(message + " -- required under CI=true")
        pytest.skip(message)
    built_book: BookBuild = request.getfixturevalue("built_book")  # only once TeX is known to be there
    return follow_up_result("pdf_build", built_book, tmp_path_factory)


def _target_name() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    target = (config.get("latex") or {}).get("latex_documents", {}).get("targetname", "book.tex")
    return Path(target).with_suffix(".pdf").name


def test_pdf_handout_builds_without_warnings(pdf_build: tuple[int, str, Path]) -> None:
    returncode, log, latex = pdf_build
    warnings = [line for line in log.splitlines() if ("WARNING" in line or "ERROR" in line) and "[IPKernelApp]" not in line]
    assert returncode == 0 and not warnings, (
        f"PDF build failed (rc={returncode}):\n" + "\n".join(warnings[:40]) + "\n--- end of log ---\n" + log[-4000:]
    )
    pdf = latex / _target_name()
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-", f"no PDF at {pdf}"


def test_pdf_handout_has_every_chapter(pdf_build: tuple[int, str, Path]) -> None:
    _, _, latex = pdf_build
    tex_log = (latex / _target_name()).with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    pages = re.search(r"Output written on \S+ \((\d+) pages", tex_log)
    assert pages and int(pages.group(1)) >= 50, "the PDF is suspiciously short"
    tex = (latex / _target_name()).with_suffix(".tex").read_text(encoding="utf-8")
    for chapter in sorted((ROOT / "chapters").glob("*.ipynb")):
        assert f"chapters/{chapter.stem}" in tex, f"{chapter.name} is missing from the PDF"
    assert "glossary" in tex and "api" in tex
