"""The figure pack: every chapter's figures at projector size, as SVG and PDF, with an index page.

Usage (from the repository root)::

    python tools/figure_pack.py                          # every chapter -> _build/figures/
    python tools/figure_pack.py --out DIR --chapter 4    # one chapter (repeat --chapter for more)

Each chapter notebook is executed headlessly (nbclient, in a kernel started in ``chapters/``) with
one extra cell after the chapter's setup cell that switches the course style to projector type sizes and asks Matplotlib's
inline backend for vector output (SVG and PDF). Every figure cell, that is every code cell with a
``mystnb.figure`` caption, then gives one ``figure-N.M_<label>.svg`` and ``.pdf``, numbered per
chapter in the book's order (Figure 4.2 is the second captioned figure of chapter 4). ``index.html``
shows them all with their numbers, captions and alt text; ``figures.json`` lists the same.

Why by hand: Jupyter Book writes only raster PNGs, and nbconvert's exporters save images without
their caption or chapter-local number; executing with nbclient and reading the outputs is the small
part no library does. The chapters themselves are never modified.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import re
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
DEFAULT_OUT = ROOT / "_build" / "figures"

#: The cell put after each chapter's setup cell for the pack (never saved into the chapter): projector
#: type sizes and lines (``legday/styles/projector.mplstyle``, layered on the book's sheet; the book's
#: style uses 11 pt type) and vector output.
SETUP_CELL = """\
# figure pack: projector type sizes and vector output (tools/figure_pack.py)
%matplotlib inline
%config InlineBackend.figure_formats = ["svg", "pdf"]
from legday import plotting as _pack_plotting
_pack_plotting.use_style("projector")
"""

SVG_MIME = "image/svg+xml"
PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class PackedFigure:
    """One figure of the pack: its chapter-local number, label, caption, alt text and files."""

    number: str
    label: str
    caption: str
    alt: str
    svg: str
    pdf: str


def figure_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The code cells of a chapter that carry a ``mystnb.figure`` caption, in order."""
    return [
        cell for cell in nb.cells
        if cell.cell_type == "code" and cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
    ]


def chapter_number(path: Path) -> int:
    """The chapter number from a chapter file name (``04_calorie_burn.ipynb`` -> 4)."""
    match = re.match(r"(\d+)_", path.name)
    if not match:
        raise ValueError(f"chapter file names start with their number, like 04_calorie_burn.ipynb; got {path.name!r}")
    return int(match.group(1))


def execute(nb: nbformat.NotebookNode, workdir: Path, timeout_s: int = 600) -> nbformat.NotebookNode:
    """Execute a copy of ``nb`` with the pack's setup cell after the chapter's own (the first code cell
    that calls ``plotting.use_style()``, which would reset the projector sizes); return the executed copy."""
    run = nbformat.from_dict(json.loads(json.dumps(nb)))
    at = next((i + 1 for i, cell in enumerate(run.cells)
               if cell.cell_type == "code" and "plotting.use_style(" in cell.source), 0)
    run.cells.insert(at, nbformat.v4.new_code_cell(SETUP_CELL))
    NotebookClient(run, timeout=timeout_s, kernel_name="python3",
                   resources={"metadata": {"path": str(workdir)}}).execute()
    del run.cells[at]
    return run


def _vector_outputs(cell: nbformat.NotebookNode) -> list[tuple[str, bytes]]:
    """(svg text, pdf bytes) of every figure a cell displayed."""
    found = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if SVG_MIME in data and PDF_MIME in data:
            svg = data[SVG_MIME]
            svg = "".join(svg) if isinstance(svg, list) else svg
            found.append((svg, base64.b64decode(data[PDF_MIME])))
    return found


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", label.lower()).strip("-") or "figure"


def pack_chapter(path: Path, out_dir: Path, *, executed: nbformat.NotebookNode | None = None) -> list[PackedFigure]:
    """Execute one chapter and write its figures to ``out_dir``; return what was written.

    Raises
    ------
    ValueError
        If a captioned figure cell displays no figure, or more than one.
    """
    number = chapter_number(path)
    run = executed if executed is not None else execute(nbformat.read(path, as_version=4), path.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    packed = []
    for index, cell in enumerate(figure_cells(run), start=1):
        meta = cell.metadata["mystnb"]
        label = meta["figure"].get("name", f"figure-{index}")
        outputs = _vector_outputs(cell)
        if len(outputs) != 1:
            raise ValueError(
                f"{path.name}: figure {number}.{index} ({label}) must display exactly one figure; "
                f"it displayed {len(outputs)}"
            )
        svg, pdf = outputs[0]
        stem = f"figure-{number}.{index}_{_slug(label)}"
        (out_dir / f"{stem}.svg").write_text(svg, encoding="utf-8")
        (out_dir / f"{stem}.pdf").write_bytes(pdf)
        packed.append(PackedFigure(f"{number}.{index}", label, meta["figure"]["caption"],
                                   meta.get("image", {}).get("alt", ""), f"{stem}.svg", f"{stem}.pdf"))
    return packed


def is_valid_svg(path: Path) -> bool:
    """True if ``path`` parses as XML whose root element is an SVG ``<svg>`` with drawn content."""
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError):
        return False
    return root.tag == "{http://www.w3.org/2000/svg}svg" and len(root) > 0


def is_valid_pdf(path: Path) -> bool:
    """True if ``path`` has a PDF header, at least one page object and an end-of-file marker."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return data.startswith(b"%PDF-") and b"/Type /Page" in data and b"%%EOF" in data[-1024:]


def write_index(figures: list[PackedFigure], out_dir: Path) -> None:
    """Write ``index.html`` (figures with numbers, captions, alt text) and ``figures.json``."""
    items = "\n".join(
        f'<figure id="{html.escape(f.label)}"><img src="{html.escape(f.svg)}" alt="{html.escape(f.alt)}">'
        f"<figcaption><strong>Figure {f.number}.</strong> {html.escape(f.caption)} "
        f'(<a href="{html.escape(f.svg)}">SVG</a>, <a href="{html.escape(f.pdf)}">PDF</a>)</figcaption></figure>'
        for f in figures
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Leg Day: figure pack</title><style>body{font-family:sans-serif;max-width:70rem;margin:auto;"
        "padding:1rem}img{width:100%;height:auto;background:#fff}figure{margin:0 0 3rem}"
        "figcaption{font-size:1.1rem}</style></head>\n<body><h1>Leg Day: figure pack</h1>\n"
        f"{items}\n</body></html>\n"
    )
    (out_dir / "index.html").write_text(page, encoding="utf-8")
    (out_dir / "figures.json").write_text(json.dumps([asdict(f) for f in figures], indent=1) + "\n",
                                          encoding="utf-8")


def chapter_paths(numbers: list[int] | None) -> list[Path]:
    """The chapter notebooks, all or those with the given numbers."""
    paths = sorted(CHAPTERS.glob("[0-9][0-9]_*.ipynb"))
    if not numbers:
        return paths
    by_number = {chapter_number(p): p for p in paths}
    unknown = sorted(set(numbers) - set(by_number))
    if unknown:
        raise ValueError(f"chapter must be one of {sorted(by_number)}; got {unknown}")
    return [by_number[n] for n in sorted(set(numbers))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default _build/figures)")
    parser.add_argument("--chapter", type=int, action="append", help="chapter number; repeat for several")
    args = parser.parse_args(argv)
    try:
        paths = chapter_paths(args.chapter)
    except ValueError as error:
        parser.error(str(error))
    figures: list[PackedFigure] = []
    for path in paths:
        packed = pack_chapter(path, args.out)
        print(f"{path.name}: {len(packed)} figures")
        figures += packed
    write_index(figures, args.out)
    print(f"{len(figures)} figures (SVG and PDF) and index.html in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
