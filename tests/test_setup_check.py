"""The learner's setup check (legday.setup) and the getting-started page that ends with it.

The ready case runs on this environment; every missing case is produced by monkeypatching the one
helper that looks at the environment, so each message is checked without breaking the venv.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from legday import setup
from tools.book_toc import toc_pages

PAGE = ROOT / "start" / "getting_started.ipynb"


def test_ready_here(capsys: pytest.CaptureFixture[str]) -> None:
    report = setup.setup_check()
    out = capsys.readouterr().out
    assert report.ready and not report.missing
    assert [c.name for c in report.checks] == ["Python", "numpy", "matplotlib", "legday (the course package)", "a figure"]
    assert out.strip().splitlines()[-1].startswith("READY")
    assert "NOT READY" not in out and "MISSING" not in out


def _versions(**overrides: str | None):
    real = setup._module_version

    def fake(name: str) -> str | None:
        return overrides[name] if name in overrides else real(name)

    return fake


@pytest.mark.parametrize(
    ("overrides", "missing", "says"),
    [
        ({"numpy": None}, ["numpy"], "not installed; install the course: python -m pip install -r requirements.txt"),
        ({"numpy": "1.21.6"}, ["numpy"], "version 1.21.6 is too old; the course needs 1.26 or newer"),
        ({"matplotlib": None}, ["matplotlib", "a figure"], "cannot be drawn without a working matplotlib"),
        ({"matplotlib": "3.5.0"}, ["matplotlib", "a figure"], "python -m pip install --upgrade matplotlib"),
        ({"legday": None}, ["legday (the course package)"], "cannot be imported; install the course"),
    ],
)
def test_each_missing_package_is_named(monkeypatch: pytest.MonkeyPatch, overrides, missing, says) -> None:
    monkeypatch.setattr(setup, "_module_version", _versions(**overrides))
    report = setup.check_setup()
    assert not report.ready
    assert [c.name for c in report.missing] == missing
    text = report.text()
    assert says in text
    assert text.splitlines()[-1].startswith(f"NOT READY: fix {', '.join(missing)}")


def test_old_python_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(setup, "_python_version", lambda: (3, 10, 12))
    report = setup.check_setup()
    assert [c.name for c in report.missing] == ["Python"]
    assert "version 3.10.12 is too old; the course needs Python 3.11 or newer" in report.text()


def test_a_figure_that_cannot_be_drawn_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("no backend")

    monkeypatch.setattr(setup, "_draw_figure", broken)
    report = setup.check_setup()
    assert [c.name for c in report.missing] == ["a figure"]
    assert "drawing failed (RuntimeError: no backend); restart the kernel" in report.text()


@pytest.mark.parametrize(("text", "parts"), [("2.1.3", (2, 1, 3)), ("3.8.0rc1", (3, 8, 0)), ("1.26", (1, 26)),
                                             ("unknown", ()), ("4.0.dev0", (4, 0))])
def test_version_parts(text: str, parts: tuple[int, ...]) -> None:
    assert setup._version_tuple(text) == parts


def test_minimum_python_matches_pyproject() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={".".join(map(str, setup.MIN_PYTHON))}"' in pyproject
    for name, minimum in setup.MIN_VERSIONS.items():
        assert f'"{name}>={".".join(map(str, minimum))}' in pyproject


def test_getting_started_page_is_in_the_toc_before_chapter_1_and_ends_with_the_check() -> None:
    pages = toc_pages()
    assert pages.index("start/getting_started") < pages.index("chapters/01_balanced_physique")
    cells = json.loads(PAGE.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert "setup_check()" in "".join(code[-1]["source"])
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert cells[-1] is code[-1], "the page must end with the setup-check cell"
    for topic in ("cell", "Shift + Enter", "kernel", "Restart", "variable", "dictionary", "keyword arguments",
                  "traceback", "Ctrl + S", "add a cell", "Where to get help", "running", "Estimated time", "READY"):
        assert topic in text, f"the getting-started page does not cover {topic!r}"
    assert any("raises-exception" in c.get("metadata", {}).get("tags", []) for c in code), (
        "the page's deliberate error cell must be tagged raises-exception"
    )


def test_package_level_entry_point_and_no_heavy_imports() -> None:
    import ast

    import legday

    assert legday.setup_check is setup.setup_check
    tree = ast.parse((ROOT / "legday" / "setup.py").read_text(encoding="utf-8"))
    top_level = {alias.name.split(".")[0] for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))
                 for alias in node.names} | {node.module.split(".")[0] for node in tree.body
                                             if isinstance(node, ast.ImportFrom) and node.module}
    assert not top_level & {"numpy", "matplotlib"}, "legday.setup must import without NumPy and Matplotlib"


# ---------------------------------------------------------------------------
# The page's own last cell, run in a fresh Python that really lacks a package
# ---------------------------------------------------------------------------

#: Run before the page's cell: makes ``import <name>`` fail for each name given in argv, as in a
#: Python where that package is not installed (a meta-path finder that refuses it).
BLOCKER = """
import sys
class _Missing:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in sys.argv[1:]:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, _Missing())
"""


def run_page_check(*missing: str) -> str:
    """The output of the getting-started page's last cell, run in a new Python without ``missing``."""
    cells = json.loads(PAGE.read_text(encoding="utf-8"))["cells"]
    cell = "".join(cells[-1]["source"])
    proc = subprocess.run([sys.executable, "-c", BLOCKER + cell, *missing], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_page_cell_says_ready_here() -> None:
    out = run_page_check()
    assert out.strip().splitlines()[-1].startswith("READY"), out


@pytest.mark.parametrize(
    ("missing", "says"),
    [
        (("numpy",), "[MISSING] numpy: not installed"),
        (("matplotlib",), "[MISSING] matplotlib: not installed"),
        (("legday",), "NOT READY: the course package legday cannot be imported"),
    ],
)
def test_page_cell_names_what_is_missing_in_a_broken_python(missing: tuple[str, ...], says: str) -> None:
    out = run_page_check(*missing)
    assert says in out, out
    assert "READY:" not in out.replace("NOT READY", ""), out
    assert "Traceback" not in out


def getting_started_time_problems(page: str, intro: str, readme: str) -> list[str]:
    """Where the getting-started page's minutes are not ``legday.course.GETTING_STARTED_MIN``."""
    from legday import course

    n = course.GETTING_STARTED_MIN
    problems = []
    if f"Jupyter and Python in {n} minutes" not in page:
        problems.append("the page's title")
    if f"**Estimated time.** About {n} minutes." not in page:
        problems.append("the page's overview")
    for name, text in (("intro.md", intro), ("README.md", readme)):
        said = re.findall(r"Jupyter and Python in\s+(\d+)\s+minutes", text)
        if not said or any(int(m) != n for m in said):
            problems.append(f"{name} says {said}")
    return problems


def test_getting_started_time_is_said_once() -> None:
    page = "\n".join("".join(c["source"]) for c in json.loads(PAGE.read_text(encoding="utf-8"))["cells"])
    intro, readme = ((ROOT / name).read_text(encoding="utf-8") for name in ("intro.md", "README.md"))
    assert getting_started_time_problems(page, intro, readme) == []
    n = setup_course_minutes()
    assert getting_started_time_problems(page.replace(f"About {n} minutes.", f"About {n + 10} minutes."),
                                         intro, readme) == ["the page's overview"]
    assert getting_started_time_problems(page, intro.replace(f"in {n}\nminutes", f"in {n + 5}\nminutes"),
                                         readme) == [f"intro.md says ['{n + 5}']"]


def setup_course_minutes() -> int:
    from legday import course

    return course.GETTING_STARTED_MIN
