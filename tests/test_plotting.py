"""The course style: colours, labels with units, clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
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
    with plotting.style():
        fig, ax = plotting.figure()
    plotting.label(ax, x="Body mass", x_unit="kg", y="Energy", y_unit="kcal", title="t")
    assert ax.get_xlabel() == "Body mass (kg)"
    assert ax.get_ylabel() == "Energy (kcal)"
    assert not ax.spines["top"].get_visible()
    plt.close(fig)


def test_only_use_style_changes_global_state() -> None:
    before = dict(matplotlib.rcParams)
    fig, _ = plotting.figure(2, 1)
    plt.close(fig)
    with plotting.style():
        assert matplotlib.rcParams["lines.linewidth"] == 2.0
    assert dict(matplotlib.rcParams) == before  # importing, figure() and the context manager leave rcParams alone
    with matplotlib.rc_context():
        plotting.use_style()
        assert matplotlib.rcParams["lines.linewidth"] == 2.0 and not matplotlib.rcParams["legend.frameon"]


def test_bad_figure_sizes_are_rejected() -> None:
    with pytest.raises(ValueError, match="nrows must be >= 1; got 0"):
        plotting.figure(0)
    with pytest.raises(ValueError, match=r"width must be in the range \(0, 100\] inches"):
        plotting.figure(width=-1)


def test_empty_label_is_rejected() -> None:
    fig, ax = plotting.figure()
    with pytest.raises(ValueError, match="non-empty"):
        plotting.label(ax, x="", y="y", x_unit=None, y_unit=None)
    plt.close(fig)


def test_glue_returns_plain_numbers_and_checks_names() -> None:
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
    fig, ax = plotting.figure()
    rng = np.random.default_rng(0)
    dots = ax.scatter(rng.normal(size=40_000), rng.normal(size=40_000), s=2)
    ax.set_xlabel("x (unit)")
    svg = fig.svg()
    assert len(svg.encode()) < plotting.SVG_MAX_BYTES
    assert "<image" in svg and "<!-- x (unit) -->" in svg  # the dots are a raster; the label stays vector
    assert dots.get_rasterized() is False  # the figure itself is left as it was
    plt.close(fig)


def test_the_svg_size_bound_is_a_lower_bound_and_skips_only_figures_sure_to_be_heavy() -> None:
    """svg() skips the all-vector drawing only when its lower bound already exceeds the limit:
    the bound never exceeds the real size, and the result is the same rasterized drawing."""
    rng = np.random.default_rng(1)
    for n in (10, 300, 3_000):
        fig, ax = plotting.figure()
        ax.scatter(rng.normal(size=n), rng.normal(size=n), s=2)
        ax.plot(np.linspace(0, 1, n), np.linspace(0, 1, n) ** 2)
        ax.pcolormesh(rng.random((n // 100 + 2, 3)))
        assert fig._svg_bytes_at_least() <= len(fig._svg_text().encode("utf-8")), n
        plt.close(fig)
    fig, ax = plotting.figure()
    ax.pcolormesh(rng.random((131, 141)))
    assert fig._svg_bytes_at_least() > plotting.SVG_MAX_BYTES  # sure to be heavy: no vector drawing
    assert "<image" in fig.svg() and len(fig.svg().encode()) < plotting.SVG_MAX_BYTES
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


# --------------------------------------------------------------------------- the house style (issue 16 item 2)

import xml.etree.ElementTree as ElementTree  # noqa: E402

_SVG = "{http://www.w3.org/2000/svg}"
#: Matplotlib's own default line width (points): a line drawn this wide missed the house style (2.0).
_DEFAULT_LINEWIDTH = 1.5


def live_style_problems(fig) -> list[str]:
    """What in a drawn figure (the live objects) is not in the house style: 1.5-pt lines, framed legends."""
    problems = []
    for i, ax in enumerate(fig.axes):
        for line in ax.get_lines():
            if line.get_linewidth() == _DEFAULT_LINEWIDTH:
                problems.append(f"axes {i}: line {line.get_label()!r} is {_DEFAULT_LINEWIDTH} wide")
        legends = [ax.get_legend()] if ax.get_legend() is not None else []
        problems += [f"axes {i}: legend has a frame" for legend in legends if legend.get_frame_on()]
    problems += ["figure legend has a frame" for legend in fig.legends if legend.get_frame_on()]
    return problems


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text)]


def _bbox(d: str) -> tuple[float, float, float, float]:
    values = _numbers(d)
    xs, ys = values[0::2], values[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _text_anchors(group: ElementTree.Element) -> list[tuple[float, float]]:
    anchors = []
    for child in group:
        if child.get("id", "").startswith("text_"):
            for g in child.iter(f"{_SVG}g"):
                match = re.match(r"translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)", g.get("transform", ""))
                if match:
                    anchors.append((float(match[1]), float(match[2])))
                    break
    return anchors


def svg_style_problems(svg: str) -> list[str]:
    """What in a figure's SVG is not in the house style.

    * a ``line2d`` path stroked 1.5 wide (Matplotlib's default; the house style draws 2.0);
    * a framed legend. A legend's group holds its frame first, if it has one, then a
      handle and a text per entry; a bar or area entry's handle is a ``patch`` too, so a
      first ``patch`` child is the frame only if its outline encloses every entry's text
      (a handle sits beside its text, a frame around all of them).
    """
    root = ElementTree.fromstring(svg)
    problems = []
    for group in root.iter(f"{_SVG}g"):
        gid = group.get("id", "")
        if gid.startswith("line2d_"):
            for path in group.findall(f"{_SVG}path"):
                if re.search(r"stroke-width:\s*1\.5(?![\d])", path.get("style", "")):
                    problems.append(f"{gid} is {_DEFAULT_LINEWIDTH} wide")
        elif gid.startswith("legend_"):
            children = [c for c in group if c.tag == f"{_SVG}g"]
            first = children[0] if children else None
            if first is None or not first.get("id", "").startswith("patch_") or first.find(f"{_SVG}path") is None:
                continue
            x0, y0, x1, y1 = _bbox(first.find(f"{_SVG}path").get("d"))
            anchors = _text_anchors(group)
            if anchors and all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in anchors):
                problems.append(f"{gid} has a frame")
    return problems


def _chapter_like_figure():
    """Lines, a bar entry first in a legend, an axes legend and a figure legend, as the chapters draw them."""
    fig, (top, bottom) = plotting.figure(2, 1)
    top.bar([0, 1, 2], [3, 1, 2], color=plotting.color("data"), label="sets")
    top.plot([0, 1, 2], [1, 2, 3], color=plotting.color("legs"), label="legs")
    top.axhline(1.0, color=plotting.color("reference"), linewidth=1.0)  # a thin reference line, on purpose
    bottom.plot([0, 1, 2], [3, 2, 1], label="upper body")
    plotting.label(top, x="Day", x_unit="d", y="Sets", y_unit="sets")
    top.legend(loc="upper left")
    fig.legend(*bottom.get_legend_handles_labels(), loc="outside lower center")
    return plotting.finish(fig)


def test_figures_made_after_use_style_have_the_house_style() -> None:
    with matplotlib.rc_context():
        plotting.use_style()
        fig = _chapter_like_figure()
        assert live_style_problems(fig) == []
        assert [line.get_linewidth() for line in fig.axes[1].get_lines()] == [2.0]
        assert svg_style_problems(fig.svg()) == []
        plt.close(fig)


def test_the_house_style_checks_fail_on_a_broken_specimen() -> None:
    # Matplotlib's defaults: 1.5-pt lines and framed legends (what the book showed before use_style)
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        fig = _chapter_like_figure()
        live, svg = live_style_problems(fig), svg_style_problems(fig.svg())
        plt.close(fig)
    # three framed legends: the top axes', the figure's and the one finish() adds to the bottom axes
    assert {"axes 0: legend has a frame", "axes 1: legend has a frame", "figure legend has a frame"} <= set(live)
    assert any("'legs' is 1.5 wide" in p for p in live)
    assert sum("has a frame" in p for p in svg) == 3 and any("1.5 wide" in p for p in svg)


def test_an_unframed_legend_starting_with_a_bar_entry_is_not_taken_for_a_framed_one() -> None:
    with plotting.style():
        fig, ax = plotting.figure()
        ax.bar([0, 1], [1, 2], label="sets")
        ax.legend()
        svg = fig.svg()
        plt.close(fig)
    assert re.search(r'<g id="legend_\d+">\s*<g id="patch_\d+">', svg)  # the naive pattern would call it framed
    assert svg_style_problems(svg) == []


def test_the_style_sheet_holds_the_package_palette_and_the_projector_layer_is_larger() -> None:
    book = matplotlib.rc_params_from_file(plotting.style_sheet(), use_default_template=False)
    projector = matplotlib.rc_params_from_file(plotting.style_sheet("projector"), use_default_template=False)
    assert [c.upper() for c in book["axes.prop_cycle"].by_key()["color"]] == plotting.colors(8)
    assert book["lines.linewidth"] == 2.0 and book["legend.frameon"] is False
    assert projector["font.size"] >= 1.4 * book["font.size"] and projector["lines.linewidth"] > book["lines.linewidth"]
    with matplotlib.rc_context():
        plotting.use_style("projector")
        assert matplotlib.rcParams["font.size"] == projector["font.size"]
        assert not matplotlib.rcParams["legend.frameon"]  # the book's sheet underneath
        plt.style.use("legday.styles.legday")  # also a named Matplotlib style
        assert matplotlib.rcParams["font.size"] == book["font.size"]
    with pytest.raises(ValueError, match="layers must be one of 'legday', 'projector'"):
        plotting.use_style("poster")


def test_every_chapter_applies_the_style_in_its_setup_cell() -> None:
    from conftest import ROOT, cell_source, read_notebook

    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        cells = [cell_source(c) for c in read_notebook(path)["cells"] if c["cell_type"] == "code"]
        setup = next(i for i, c in enumerate(cells) if "from legday import" in c)
        first_figure = next(i for i, c in enumerate(cells) if "plotting.figure(" in c)
        assert "plotting.use_style()" in cells[setup] and setup < first_figure, path.name


@pytest.mark.build
def test_every_figure_of_the_built_book_has_the_house_style(built_book) -> None:
    svgs = sorted((built_book.html / "_images").glob("*.svg"))
    assert len(svgs) >= 20, f"only {len(svgs)} SVG figures in the built book"
    problems = {p.name: svg_style_problems(p.read_text(encoding="utf-8")) for p in svgs}
    problems = {name: found for name, found in problems.items() if found}
    assert not problems, f"figures not in the house style: {problems}"
