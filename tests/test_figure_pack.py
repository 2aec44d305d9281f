"""The projector figure pack (tools/figure_pack.py): one chapter packed for real, checkers on specimens."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

from tools import figure_pack

CHAPTER = ROOT / "chapters" / "02_stable_base.ipynb"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("figures")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "figure_pack.py"), "--out", str(out), "--chapter", "2"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def test_one_vector_file_of_each_kind_per_captioned_figure(pack: Path) -> None:
    cells = figure_pack.figure_cells(nbformat.read(CHAPTER, as_version=4))
    expected = [f"figure-2.{i}_{c.metadata['mystnb']['figure']['name']}" for i, c in enumerate(cells, start=1)]
    assert len(expected) >= 3
    assert sorted(p.stem for p in pack.glob("*.svg")) == sorted(expected)
    assert sorted(p.stem for p in pack.glob("*.pdf")) == sorted(expected)
    for stem in expected:
        assert figure_pack.is_valid_svg(pack / f"{stem}.svg"), stem
        assert figure_pack.is_valid_pdf(pack / f"{stem}.pdf"), stem


def test_index_lists_every_figure_with_number_caption_and_alt(pack: Path) -> None:
    listed = json.loads((pack / "figures.json").read_text(encoding="utf-8"))
    page = (pack / "index.html").read_text(encoding="utf-8")
    cells = figure_pack.figure_cells(nbformat.read(CHAPTER, as_version=4))
    assert [f["number"] for f in listed] == [f"2.{i}" for i in range(1, len(cells) + 1)]
    for entry, cell in zip(listed, cells):
        assert entry["caption"] == cell.metadata["mystnb"]["figure"]["caption"]
        assert entry["alt"] and f'src="{entry["svg"]}"' in page and f"Figure {entry['number']}." in page


def test_projector_type_is_larger_than_the_book_style() -> None:
    import matplotlib

    from legday import plotting

    book, projector = (matplotlib.rc_params_from_file(plotting.style_sheet(name), use_default_template=False)
                       for name in ("legday", "projector"))
    assert projector["font.size"] >= 1.4 * book["font.size"]
    assert 'use_style("projector")' in figure_pack.SETUP_CELL
    assert "figure_formats" in figure_pack.SETUP_CELL and "svg" in figure_pack.SETUP_CELL


def test_validators_reject_broken_files(tmp_path: Path) -> None:
    truncated = tmp_path / "a.pdf"
    truncated.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >>\n")
    not_svg = tmp_path / "a.svg"
    not_svg.write_text('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', encoding="utf-8")
    broken_svg = tmp_path / "b.svg"
    broken_svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><g>', encoding="utf-8")
    assert not figure_pack.is_valid_pdf(truncated)
    assert not figure_pack.is_valid_svg(not_svg)
    assert not figure_pack.is_valid_svg(broken_svg)
    assert not figure_pack.is_valid_pdf(tmp_path / "missing.pdf")


def test_a_figure_cell_without_a_figure_is_an_error(tmp_path: Path) -> None:
    cell = nbformat.v4.new_code_cell("x = 1", metadata={"mystnb": {"figure": {"caption": "c", "name": "fig-x"}}})
    executed = nbformat.v4.new_notebook(cells=[cell])
    with pytest.raises(ValueError, match=r"figure 9\.1 \(fig-x\) must display exactly one figure; it displayed 0"):
        figure_pack.pack_chapter(tmp_path / "09_specimen.ipynb", tmp_path / "out", executed=executed)


def test_unknown_chapter_is_refused() -> None:
    with pytest.raises(ValueError, match="chapter must be one of"):
        figure_pack.chapter_paths([42])


def other_figures(nb: dict) -> list[str]:
    """Figures of a chapter that the pack would miss: markdown figures or images, glued figures,
    and code cells that draw without a ``mystnb.figure`` caption (the pack numbers captioned
    cells only, so its Figure N.M is the book's only when these are none)."""
    found = []
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            found += [f"markdown: {m}" for m in re.findall(r"\{figure\}|\{glue:figure\}|\{image\}|!\[[^\]]*\]\(", source)]
        elif not cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption"):
            if re.search(r"\bplt\.(?:subplots|figure|show)\(|\bdrawing\.\w+\(", source):
                found.append(f"code cell {cell.get('id')}: draws without a caption")
    return found


def _chapter_figures_outside_solutions(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    kept, inside = [], False
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown" and "{solution-start}" in source:
            inside = True
        if not inside:
            kept.append(cell)
        if cell["cell_type"] == "markdown" and "{solution-end}" in source:
            inside = False
    return other_figures({"cells": kept})


@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name)
def test_every_figure_of_every_chapter_is_packed(path: Path) -> None:
    """Every chapter has captioned figures, and no figure the pack would miss or misnumber."""
    assert figure_pack.figure_cells(nbformat.read(path, as_version=4)), f"{path.name}: no captioned figure"
    assert _chapter_figures_outside_solutions(path) == []


def test_missed_figure_check_fails_on_specimens() -> None:
    specimen = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "```{figure} figures/cover.png\n```"},
        {"cell_type": "code", "id": "abc", "metadata": {}, "source": "fig, ax = plt.subplots()"},
        {"cell_type": "code", "id": "def", "metadata": {"mystnb": {"figure": {"caption": "c"}}},
         "source": "fig, ax = plt.subplots()"},
    ]}
    assert other_figures(specimen) == ["markdown: {figure}", "code cell abc: draws without a caption"]


def book_figure_numbers(page: str) -> list[tuple[str, str]]:
    """(label, number) of every numbered figure of a built chapter page, in order."""
    return re.findall(r'<figure\b[^>]*\bid="([^"]+)"[^>]*>.*?<span class="caption-number">Figure ([\d.]+)', page,
                      flags=re.S)


def pack_numbers(path: Path) -> list[tuple[str, str]]:
    """(label, number) the pack gives each figure of a chapter, without executing it."""
    number = figure_pack.chapter_number(path)
    cells = figure_pack.figure_cells(nbformat.read(path, as_version=4))
    return [(c.metadata["mystnb"]["figure"]["name"], f"{number}.{i}") for i, c in enumerate(cells, start=1)]


@pytest.mark.build
@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name)
def test_pack_numbers_are_the_books(path: Path, built_book) -> None:
    page = (built_book.html / "chapters" / f"{path.stem}.html").read_text(encoding="utf-8")
    assert book_figure_numbers(page) == pack_numbers(path)


def test_book_figure_numbers_reads_a_page() -> None:
    page = ('<figure class="align-default" id="fig-a">\n<img/><figcaption><p><span class="caption-number">Figure 2.1 '
            '</span></p></figcaption></figure><figure id="fig-b"><span class="caption-number">Figure 2.2 </span>')
    assert book_figure_numbers(page) == [("fig-a", "2.1"), ("fig-b", "2.2")]
