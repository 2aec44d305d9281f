"""The course style: colours, labels with units, clear errors."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from legday import book, plotting  # noqa: E402


def test_role_colours_are_palette_colours() -> None:
    palette = set(plotting.OKABE_ITO.values()) | {plotting.ROLE_COLORS["reference"]}
    assert set(plotting.ROLE_COLORS.values()) <= palette
    assert plotting.color("legs") == plotting.color("Lower body ")


def test_unknown_role_is_rejected_with_the_allowed_names() -> None:
    with pytest.raises(ValueError, match="role must be one of .*'legs'"):
        plotting.color("calves")


def test_colors_returns_distinct_colours() -> None:
    assert len(set(plotting.colors(8))) == 8
    with pytest.raises(ValueError, match="from 1 to 8"):
        plotting.colors(9)


def test_figure_and_labels_carry_units() -> None:
    fig, ax = plotting.figure()
    plotting.label(ax, x="Body mass", x_unit="kg", y="Energy", y_unit="kcal", title="t")
    assert ax.get_xlabel() == "Body mass (kg)"
    assert ax.get_ylabel() == "Energy (kcal)"
    assert not ax.spines["top"].get_visible()
    plt.close(fig)


def test_style_does_not_leak_into_global_state() -> None:
    before = matplotlib.rcParams["axes.spines.top"]
    fig, _ = plotting.figure(2, 1)
    plt.close(fig)
    assert matplotlib.rcParams["axes.spines.top"] == before


def test_bad_figure_sizes_are_rejected() -> None:
    with pytest.raises(ValueError, match="nrows must be a whole number"):
        plotting.figure(0)
    with pytest.raises(ValueError, match="width and height must be > 0"):
        plotting.figure(width=-1)


def test_empty_label_is_rejected() -> None:
    fig, ax = plotting.figure()
    with pytest.raises(ValueError, match="non-empty"):
        plotting.label(ax, x="", y="y", x_unit=None, y_unit=None)
    plt.close(fig)


def test_glue_returns_plain_numbers_and_checks_names() -> None:
    import numpy as np

    value = book.glue("test-value", np.float64(2.5))
    assert value == 2.5 and type(value) is float
    with pytest.raises(ValueError, match="glue name"):
        book.glue("Bad Name", 1)


# --------------------------------------------------------------------------- every screen (issue 13)


def test_figures_show_as_svg_in_jupyter_and_the_book() -> None:
    fig, ax = plotting.figure()
    ax.plot([0, 1], [0, 1])
    bundle = fig._repr_mimebundle_()
    assert set(bundle) == {"image/svg+xml"}
    svg = bundle["image/svg+xml"]
    assert "<svg" in svg and "dc:date" not in svg.lower()  # no date: the same figure, the same file
    assert svg == fig.svg()
    plt.close(fig)


def test_a_heavy_svg_has_its_data_layers_rasterized_and_stays_light() -> None:
    import numpy as np

    fig, ax = plotting.figure()
    rng = np.random.default_rng(0)
    dots = ax.scatter(rng.normal(size=40_000), rng.normal(size=40_000), s=2)
    ax.set_xlabel("x (unit)")
    svg = fig.svg()
    assert len(svg.encode()) < plotting.SVG_MAX_BYTES
    assert "<image" in svg and "<!-- x (unit) -->" in svg  # the dots are a raster; the label stays vector
    assert dots.get_rasterized() is False  # the figure itself is left as it was
    plt.close(fig)


def test_a_row_of_panels_is_laid_out_as_a_column() -> None:
    fig, (first, second) = plotting.figure(1, 2, width=10.0, height=4.2)
    assert tuple(fig.get_size_inches()) == (plotting.COLUMN_WIDTH_IN, 2 * 0.85 * 4.2)
    a, b = first.get_position(), second.get_position()
    assert a.y0 > b.y1 and abs(a.x0 - b.x0) < 0.05  # the first panel sits above the second
    plt.close(fig)
    fig, axes = plotting.figure(2, 2)  # a real grid stays a grid
    assert axes.shape == (2, 2)
    plt.close(fig)


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(rgb) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


def _css_filter(rgb, invert: float, hue_degrees: float):
    """CSS ``invert(i) hue-rotate(h)`` on one colour (Filter Effects Module Level 1 matrices)."""
    import math

    import numpy as np

    x = np.array([c * (1 - invert) + (255 - c) * invert for c in rgb])
    cos, sin = math.cos(math.radians(hue_degrees)), math.sin(math.radians(hue_degrees))
    m = np.array([
        [0.213 + cos * 0.787 - sin * 0.213, 0.715 - cos * 0.715 - sin * 0.715, 0.072 - cos * 0.072 + sin * 0.928],
        [0.213 - cos * 0.213 + sin * 0.143, 0.715 + cos * 0.285 + sin * 0.140, 0.072 - cos * 0.072 - sin * 0.283],
        [0.213 - cos * 0.213 - sin * 0.787, 0.715 - cos * 0.715 + sin * 0.715, 0.072 + cos * 0.928 + sin * 0.072],
    ])
    return tuple(np.clip(m @ x, 0, 255))


def _dark_filter_parameters() -> tuple[float, float]:
    import re

    match = re.fullmatch(r"invert\(([\d.]+)\) hue-rotate\(([\d.]+)deg\)", plotting.DARK_MODE_FILTER)
    assert match, plotting.DARK_MODE_FILTER
    return float(match[1]), float(match[2])


def test_the_dark_mode_filter_of_the_stylesheet_is_the_one_of_the_package() -> None:
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "_static" / "legday-site.css").read_text(encoding="utf-8")
    assert f"filter: {plotting.DARK_MODE_FILTER};" in css


def test_dark_mode_figures_keep_text_and_every_palette_colour_legible() -> None:
    """In dark mode a figure's white paper turns near-black; black text must stay >= 7:1 (AAA)
    and every Okabe-Ito colour (and the reference grey) must keep at least its contrast on white."""
    invert, hue = _dark_filter_parameters()
    white = (255, 255, 255)
    paper = _css_filter(white, invert, hue)
    assert _luminance(paper) < 0.02, paper  # a dark background, not a grey panel
    assert _contrast(_css_filter((0, 0, 0), invert, hue), paper) >= 7.0
    colours = {**plotting.OKABE_ITO, "reference": plotting.ROLE_COLORS["reference"]}
    del colours["black"]  # text and the model line: checked above
    for name, hex_colour in colours.items():
        rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        light, dark = _contrast(rgb, white), _contrast(_css_filter(rgb, invert, hue), paper)
        assert dark >= light - 0.05, f"{name}: {dark:.2f}:1 in dark mode, {light:.2f}:1 on white"
