"""The static images in figures/ are what `python -m legday.figures` draws.

The comparison is matplotlib's own image test (``matplotlib.testing.compare.compare_images``:
the RMS difference of the pixels on the 0-255 scale) with a tolerance, not a byte-for-byte
hash: matplotlib is not pinned, and another release or FreeType build may anti-alias a glyph
differently without changing the figure a reader sees. A visibly different image still fails
(:func:`test_the_comparison_fails_on_a_visibly_different_image`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib import image as mpimg
from matplotlib.testing.compare import compare_images

from legday import figures

ROOT = Path(__file__).resolve().parents[1]
#: RMS pixel difference (0-255 scale) allowed between a fresh drawing and the committed image:
#: enough for anti-aliasing and text-hinting noise, far below a moved, missing or recoloured element.
TOLERANCE_RMS = 2.0


def image_difference(expected: Path, actual: Path) -> str | None:
    """``None`` if the two PNG files agree within :data:`TOLERANCE_RMS`, else why not."""
    expected_px, actual_px = mpimg.imread(expected), mpimg.imread(actual)
    if expected_px.shape != actual_px.shape:
        return f"size {actual_px.shape[1]}x{actual_px.shape[0]} px, expected {expected_px.shape[1]}x{expected_px.shape[0]}"
    result = compare_images(str(expected), str(actual), tol=TOLERANCE_RMS, in_decorator=True)
    return None if result is None else f"RMS difference {result['rms']:.2f} > {TOLERANCE_RMS} (diff image: {result['diff']})"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every figure, drawn once into a new folder."""
    folder = tmp_path_factory.mktemp("figures")
    figures.write_all(folder)
    return folder


@pytest.mark.parametrize("name", sorted(figures.FIGURES))
def test_committed_figure_matches_what_the_code_draws(name: str, fresh: Path) -> None:
    problem = image_difference(ROOT / "figures" / name, fresh / name)
    assert problem is None, (
        f"figures/{name} differs from what the code draws ({problem}): run `python -m legday.figures` and commit"
    )


def _altered(source: Path, target: Path, change) -> Path:
    pixels = mpimg.imread(source).copy()
    change(pixels)
    mpimg.imsave(target, np.clip(pixels, 0.0, 1.0))
    return target


def test_the_comparison_fails_on_a_visibly_different_image(fresh: Path, tmp_path: Path) -> None:
    source = fresh / "cover.png"
    h, w = mpimg.imread(source).shape[:2]

    def black_box(px: np.ndarray) -> None:  # a patch a reader would notice: 1/5 of the width and height
        px[h // 3: h // 3 + h // 5, w // 3: w // 3 + w // 5, :3] = 0.0

    def recolour(px: np.ndarray) -> None:  # every colour channel swapped
        px[..., :3] = px[..., 2::-1][..., :3]

    for change in (black_box, recolour):
        assert image_difference(source, _altered(source, tmp_path / f"{change.__name__}.png", change)) is not None
    smaller = tmp_path / "smaller.png"
    mpimg.imsave(smaller, mpimg.imread(source)[:-1])
    assert "size" in image_difference(source, smaller)


def test_the_comparison_allows_rendering_noise(fresh: Path, tmp_path: Path) -> None:
    source = fresh / "cover.png"
    rng = np.random.default_rng(0)

    def noise(px: np.ndarray) -> None:  # +-1 grey level on a tenth of the pixels (anti-aliasing-sized)
        mask = rng.random(px.shape[:2]) < 0.1
        px[mask, :3] += rng.choice([-1.0, 1.0], size=(mask.sum(), 1)) / 255.0

    assert image_difference(source, _altered(source, tmp_path / "noise.png", noise)) is None


def test_every_file_in_figures_is_generated() -> None:
    stray = sorted(p.name for p in (ROOT / "figures").iterdir() if p.name not in figures.FIGURES)
    assert not stray, f"figures/ holds files no code generates: {stray}"


def test_figures_are_small() -> None:
    big = {n: (ROOT / "figures" / n).stat().st_size for n in figures.FIGURES
           if (ROOT / "figures" / n).stat().st_size > 150_000}
    assert not big, f"figures over the 150 KB budget: {big}"
