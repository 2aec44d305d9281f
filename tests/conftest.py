"""Shared fixtures: the built book (one clean build per test session) and the repository root."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]


def load_module(name: str, path: Path) -> ModuleType:
    """Import the file ``path`` as module ``name`` (a tool or extension that shares a file name)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read_notebook(path: Path) -> dict:
    """A notebook file as JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def cell_source(cell: dict) -> str:
    """A notebook cell's source as one string (nbformat allows a string or a list of lines)."""
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def markdown_text(nb: dict) -> str:
    """All markdown cells of a notebook, joined."""
    return "\n".join(cell_source(c) for c in nb["cells"] if c["cell_type"] == "markdown")


def in_ci() -> bool:
    """True when running under CI (``CI=true``): missing tools are then errors, not skips."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


# Under CI the property tests draw the same examples on every run, so a submission never
# passes or fails by the luck of the draw; locally they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if in_ci():
    settings.load_profile("ci")


@dataclass(frozen=True)
class BookBuild:
    """The result of one ``jupyter-book build`` of the whole course."""

    returncode: int
    log: str
    html: Path


def build_book(out_dir: Path, *extra_args: str, config: Path | None = None) -> BookBuild:
    """Build the book from scratch into ``out_dir`` with warnings as errors.

    The output folder is new, so the execution cache is empty and every notebook
    runs against the current ``legday`` (the cache keys only on notebook code).
    """
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", str(ROOT), "--path-output", str(out_dir), "-W", "-n", "--keep-going"]
    if config is not None:
        cmd += ["--config", str(config)]
    cmd += list(extra_args)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    return BookBuild(proc.returncode, proc.stdout + proc.stderr, out_dir / "_build" / "html")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> BookBuild:
    """The whole book, built once per test session from a clean output folder."""
    return build_book(tmp_path_factory.mktemp("book"))


@pytest.fixture(scope="session")
def book_html(request: pytest.FixtureRequest) -> Path:
    """The built HTML the page-level browser tests read: ``$LEGDAY_BOOK_HTML`` (a build made already,
    e.g. ``_build/html``), else the session's one clean build (``built_book``)."""
    given = os.environ.get("LEGDAY_BOOK_HTML", "").strip()
    if given:
        return Path(given)
    built: BookBuild = request.getfixturevalue("built_book")
    assert (built.html / "index.html").is_file(), f"no index.html in the build; log tail:\n{built.log[-3000:]}"
    return built.html


@pytest.fixture(scope="module")
def served_book(book_html: Path, request: pytest.FixtureRequest):
    """``(SiteBrowser, base URL)`` over the built book served on 127.0.0.1; skipped without a
    browser, except under ``CI=true``, where a missing browser fails the test."""
    from _site import SiteBrowser, find_browser, missing_browser_reason, serve

    reason = missing_browser_reason(["playwright", "axe_playwright_python"])
    if reason:
        what = request.module.__name__
        if in_ci():
            pytest.fail(f"CI=true and {what} cannot run: {reason}")
        pytest.skip(f"{what} skipped: {reason}")
    browser = SiteBrowser(find_browser())
    with serve(book_html) as base:
        yield browser, base
    browser.close()


@dataclass(frozen=True)
class LearnerBuild:
    """The result of one learner build (``tools/learner_edition.py``): ``folder`` holds
    ``learner/``, ``student/`` and ``manifest.json``."""

    returncode: int
    log: str
    folder: Path


@pytest.fixture(scope="session")
def learner_build(built_book: BookBuild, tmp_path_factory: pytest.TempPathFactory) -> LearnerBuild:
    """The learner and student notebooks, built once per session as ``tools/learner_edition.py``
    builds them. It reuses the full book's execution cache (same chapters, same code), so the
    chapters are not executed a second time."""
    import shutil

    from tools import learner_edition

    out = tmp_path_factory.mktemp("learner")
    cache = built_book.html.parent / ".jupyter_cache"
    if cache.is_dir():
        shutil.copytree(cache, out / "_build" / ".jupyter_cache")
    proc = learner_edition.build(out, ["-W", "-n", "--keep-going"], capture=True)
    return LearnerBuild(proc.returncode, proc.stdout + proc.stderr, learner_edition.output_folder(out))
