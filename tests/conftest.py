"""Shared fixtures: the built book (one clean build per test session) and the repository root."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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


#: The fast subset (``pytest -m fast``, README): the package's unit and property tests and the
#: repository's hygiene checks, which import ``legday`` and read files but build, execute and
#: browse nothing. A test in these files that does (marked ``build``, ``browser`` or
#: ``benchmark``) stays out of it.
FAST_FILES = frozenset({
    "test_energy.py", "test_growth.py", "test_mechanics.py", "test_mechanics_lifter.py", "test_program.py",
    "test_recovery.py", "test_trials.py", "test_volume.py", "test_tables.py", "test_verdicts.py",
    "test_reference_facts.py", "test_input_contract.py", "test_input_contract_course.py",
    "test_input_contract_coverage.py", "test_input_contract_energy_book.py", "test_input_contract_plotting.py",
    "test_input_contract_recovery_program.py", "test_book_hygiene.py", "test_bibliography.py",
})
SLOW_MARKERS = frozenset({"build", "browser", "benchmark"})


#: The builds that follow the full book (each reuses its execution cache), by fixture name, in
#: the order the tests that read them run. See :func:`built_book`.
FOLLOW_UP_BUILDS = ("learner_build", "pdf_build", "student_book")
#: The follow-up builds some collected test needs (set at collection).
_WANTED: list[str] = []
#: The follow-up builds started, by fixture name; one background thread runs them in turn.
_STARTED: dict[str, Future] = {}
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="legday-follow-up-build")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the fast subset (see :data:`FAST_FILES`); note which follow-up builds are needed."""
    for item in items:
        if item.path.name in FAST_FILES and not SLOW_MARKERS & {m.name for m in item.iter_markers()}:
            item.add_marker(pytest.mark.fast)
    needed = {name for item in items for name in getattr(item, "fixturenames", ()) if name in FOLLOW_UP_BUILDS}
    _WANTED[:] = [name for name in FOLLOW_UP_BUILDS if name in needed]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _POOL.shutdown(wait=True, cancel_futures=True)


def copy_execution_cache(built: "BookBuild", out: Path) -> None:
    """Give ``out`` the full book's execution cache, so a build there executes no notebook."""
    cache = built.html.parent / ".jupyter_cache"
    if cache.is_dir():
        shutil.copytree(cache, out / "_build" / ".jupyter_cache")


def follow_up(name: str, built: "BookBuild", out: Path) -> object:
    """Run the follow-up build ``name`` into ``out`` (see :data:`FOLLOW_UP_BUILDS`)."""
    copy_execution_cache(built, out)
    if name == "learner_build":
        from tools import learner_edition

        proc = learner_edition.build(out, ["-W", "-n", "--keep-going"], capture=True)
        return LearnerBuild(proc.returncode, proc.stdout + proc.stderr, learner_edition.output_folder(out))
    if name == "pdf_build":
        jb = Path(sys.executable).with_name("jupyter-book")
        cmd = [str(jb), "build", str(ROOT), "--builder", "pdflatex", "--path-output", str(out), "-W", "-n", "--keep-going"]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
        return proc.returncode, proc.stdout + proc.stderr, out / "_build" / "latex"
    if name == "student_book":
        from tools import student_edition

        return build_book(out, "--toc", str(student_edition.write_student_toc(out)),
                          config=student_edition.write_student_config(out))
    raise ValueError(f"name must be one of {FOLLOW_UP_BUILDS}; got {name!r}")


def start_follow_ups(built: "BookBuild", factory: pytest.TempPathFactory, ready: Callable[[str], bool]) -> None:
    """Start, in the background, every follow-up build a collected test needs and ``ready`` allows,
    so they run while other tests do (the machine has a core to spare while tests run one at a time)."""
    for name in _WANTED:
        if name not in _STARTED and ready(name):
            _STARTED[name] = _POOL.submit(follow_up, name, built, factory.mktemp(name))


def follow_up_result(name: str, built: "BookBuild", factory: pytest.TempPathFactory) -> object:
    """The follow-up build ``name``: the background one if it was started, else built now."""
    if name not in _STARTED:
        _STARTED[name] = _POOL.submit(follow_up, name, built, factory.mktemp(name))
    return _STARTED[name].result()


#: The TeX tools the PDF handout needs (README: the Debian packages that give them).
TEX_TOOLS = ("xelatex", "latexmk", "xindy")


def tex_missing() -> list[str]:
    """The TeX tools of :data:`TEX_TOOLS` that are not installed."""
    return [tool for tool in TEX_TOOLS if shutil.which(tool) is None]


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


def build_folder(book: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``jupyter-book build`` of a small specimen book in ``book``, as the course is built
    (warnings as errors, nit-picky, keep going); ``env`` replaces the environment if given."""
    jb = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=600, env=env)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> BookBuild:
    """The whole book, built once per test session from a clean output folder.

    As soon as it is built, the builds that reuse its execution cache and that some collected
    test needs (:data:`FOLLOW_UP_BUILDS`: the learner notebooks, the PDF handout when TeX is
    installed, the student edition) start one after another in a background thread.
    """
    built = build_book(tmp_path_factory.mktemp("book"))
    start_follow_ups(built, tmp_path_factory, lambda name: name != "pdf_build" or not tex_missing())
    return built


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
    return follow_up_result("learner_build", built_book, tmp_path_factory)
