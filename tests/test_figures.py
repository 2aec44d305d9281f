"""The static images in figures/ are exactly what `python -m legday.figures` draws."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from legday import figures

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(figures.FIGURES))
def test_committed_figure_is_regenerated_identically(name: str, tmp_path: Path) -> None:
    figures.write_all(tmp_path)
    fresh = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
    committed = hashlib.sha256((ROOT / "figures" / name).read_bytes()).hexdigest()
    assert fresh == committed, (
        f"figures/{name} differs from what the code draws: run `python -m legday.figures` and commit"
    )


def test_every_file_in_figures_is_generated() -> None:
    stray = sorted(p.name for p in (ROOT / "figures").iterdir() if p.name not in figures.FIGURES)
    assert not stray, f"figures/ holds files no code generates: {stray}"


def test_figures_are_small() -> None:
    big = {n: (ROOT / "figures" / n).stat().st_size for n in figures.FIGURES
           if (ROOT / "figures" / n).stat().st_size > 150_000}
    assert not big, f"figures over the 150 KB budget: {big}"
