"""The learner's setup check (legday.setup) and the getting-started page that ends with it.

The ready case runs on this environment; every missing case is produced by monkeypatching the one
helper that looks at the environment, so each message is checked without breaking the venv.
"""

from __future__ import annotations

import json

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
    for topic in ("cell", "Shift + Enter", "kernel", "Restart", "variable", "keyword arguments", "traceback",
                  "Where to get help", "running", "Estimated time"):
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
