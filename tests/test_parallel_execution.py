"""``_ext/parallel_execution.py``: the notebooks of a build run one per core, and MyST-NB uses them.

A toy book of three notebooks is built with the extension, as the course is: every notebook is
executed by the extension (two at a time), MyST-NB reports each as found in the cache (so none is
executed twice), and the glued numbers reach the page. A notebook that fails is left to MyST-NB,
which reports it as it always does: with ``-W`` the build fails and names the notebook.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import parallel_execution as pe
from conftest import ROOT, build_folder


def _notebook(code: str, text: str) -> dict:
    return {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": text},
            {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": code},
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def _toy_book(folder: Path, codes: dict[str, str]) -> Path:
    folder.mkdir()
    for name, code in codes.items():
        text = f"# {name}\n\nThe value is {{glue:text}}`{name}-value`."
        (folder / f"{name}.ipynb").write_text(json.dumps(_notebook(code, text)), encoding="utf-8")
    names = list(codes)
    toc = f"format: jb-book\nroot: {names[0]}\nchapters:\n" + "".join(f"- file: {n}\n" for n in names[1:])
    (folder / "_toc.yml").write_text(toc, encoding="utf-8")
    (folder / "_config.yml").write_text(
        "title: toy\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: cache\n  show_tb: true\n"
        f"sphinx:\n  local_extensions:\n    parallel_execution: {ROOT / '_ext'}\n",
        encoding="utf-8",
    )
    return folder


def _build(book: Path, jobs: str = "2") -> subprocess.CompletedProcess[str]:
    return build_folder(book, env={**os.environ, "LEGDAY_BUILD_JOBS": jobs})


def _glue(name: str, value: str) -> str:
    return f"from myst_nb import glue\nglue('{name}-value', {value}, display=False)"


@pytest.mark.build
def test_notebooks_run_two_at_a_time_and_myst_nb_uses_them(tmp_path: Path) -> None:
    book = _toy_book(tmp_path / "book", {"one": _glue("one", "6 * 7"), "two": _glue("two", "2 + 3"),
                                         "three": _glue("three", "10 ** 3")})
    proc = _build(book)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    assert "legday: executing 3 notebooks, 2 at a time" in log, log[-3000:]
    assert len(re.findall(r"legday: executed \w+\.ipynb", log)) == 3
    assert log.count("Using cached notebook") == 3, "MyST-NB executed a notebook the extension had run"
    assert "Executing notebook using" not in log
    html = book / "_build" / "html"
    for name, value in (("one", "42"), ("two", "5"), ("three", "1000")):
        assert f"The value is {value}" in re.sub(r"<[^>]+>", "", (html / f"{name}.html").read_text(encoding="utf-8"))

    # A rebuild finds nothing stale and runs nothing.
    again = _build(book)
    assert again.returncode == 0 and "legday: executing" not in again.stdout + again.stderr


@pytest.mark.build
def test_a_failing_notebook_is_reported_by_myst_nb_as_without_the_extension(tmp_path: Path) -> None:
    book = _toy_book(tmp_path / "book", {"good": _glue("good", "1"), "bad": "raise RuntimeError('BROKEN-SPECIMEN')",
                                         "other": _glue("other", "2")})
    proc = _build(book)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, "a failing notebook must fail a build with warnings as errors"
    assert "legday: bad.ipynb failed; MyST-NB runs it again" in log
    assert "Executing notebook failed" in log and "BROKEN-SPECIMEN" in log  # MyST-NB's own report
    assert log.count("Using cached notebook") == 2


@pytest.mark.build
def test_one_job_leaves_execution_to_myst_nb(tmp_path: Path) -> None:
    book = _toy_book(tmp_path / "book", {"one": _glue("one", "1"), "two": _glue("two", "2")})
    proc = _build(book, jobs="1")
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    assert "legday: executing" not in log and log.count("Executing notebook using") == 2


def test_workers_is_one_per_core_within_the_stale_notebooks() -> None:
    assert pe.workers(9, {"LEGDAY_BUILD_JOBS": "2"}) == 2
    assert pe.workers(1, {"LEGDAY_BUILD_JOBS": "2"}) == 1
    assert pe.workers(0, {"LEGDAY_BUILD_JOBS": "2"}) == 1
    assert pe.workers(50, {"LEGDAY_BUILD_JOBS": "64"}) == pe.MAX_WORKERS
    assert 1 <= pe.workers(9, {}) <= pe.MAX_WORKERS


@pytest.mark.parametrize("bad", ["0", "-1", "two", "1.5"])
def test_workers_refuses_a_bad_job_count(bad: str) -> None:
    with pytest.raises(ValueError, match="LEGDAY_BUILD_JOBS must be a positive integer"):
        pe.workers(4, {"LEGDAY_BUILD_JOBS": bad})
