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
