"""Tables of results that read as tables everywhere: the book, a notebook, the PDF.

A :class:`Table` is a small value object (columns, rows, a caption) that knows how to
show itself in every place a learner meets it:

* in the book's HTML and in JupyterLab, Colab or a class JupyterHub (``_repr_html_``):
  an accessible HTML table, with a caption, column headers (``<th scope="col">``) that
  say what each column is and in which unit, and row headers (``<th scope="row">``);
* in the PDF handout (``_repr_markdown_``; the LaTeX builder takes Markdown before
  plain text): a Markdown table, which Sphinx typesets as a real LaTeX table;
* in a terminal or ``print`` (``str``): aligned plain text with the same headers.

End a notebook cell with the table (or ``display(table)``) to get the rich form;
``print(table)`` gives the plain text.

Why not pandas: the course needs only these three renderings of a handful of rows,
and pandas' ``DataFrame.to_html`` writes neither a caption nor row-header scopes, so
it would still need this code; it is not otherwise a dependency of the course.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Column", "Table"]


@dataclass(frozen=True)
class Column:
    """One column of a :class:`Table`.

    Attributes
    ----------
    title
        What the column holds, e.g. ``"Net energy"``.
    unit
        Its unit, e.g. ``"kcal/week"``; ``None`` for text (names).
    fmt
        A format spec (as for ``format(value, spec)``) for the values, e.g. ``".1f"`` or ``",.0f"``.
    """

    title: str
    unit: str | None = None
    fmt: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.title, str) or not self.title.strip():
            raise ValueError(f"a column title must be a non-empty string; got {self.title!r}")
        if self.unit is not None and (not isinstance(self.unit, str) or not self.unit.strip()):
            raise ValueError(f"a column unit must be a non-empty string or None; got {self.unit!r}")
        if not isinstance(self.fmt, str):
            raise ValueError(f"a column fmt must be a format spec string such as '.1f'; got {self.fmt!r}")

    @property
    def header(self) -> str:
        """Title and unit in one line, e.g. ``"Net energy (kcal/week)"``."""
        return f"{self.title} ({self.unit})" if self.unit else self.title

    def cell(self, value: Any) -> str:
        """The value formatted for display (text is shown as it is)."""
        if isinstance(value, str):
            return value
        if isinstance(value, bool) or (isinstance(value, numbers.Real) and not math.isfinite(value)):
            raise ValueError(f"column {self.title!r}: a value must be text or a finite number; got {value!r}")
        try:
            return format(value, self.fmt)
        except (TypeError, ValueError) as err:
            raise ValueError(f"column {self.title!r}: cannot format {value!r} with {self.fmt!r} ({err})") from None

    @property
    def numeric(self) -> bool:
        return self.unit is not None


class Table:
    """A captioned table whose first column names the rows.

    Parameters
    ----------
    columns
        The columns, the first one naming each row (a :class:`Column` without unit).
    rows
        One sequence of values per row, as many values as columns.
    caption
        A short title: what the table shows (the ``<caption>``, which a screen reader
        announces with the table; keep it short, it is as wide as the table).
    notes
        Optional sentences after the table: what the headers cannot say (definitions,
        assumptions). They wrap to the text column, even when the table scrolls.

    Raises
    ------
    ValueError
        No columns or rows, a row of the wrong length, an empty caption, or a value
        its column cannot format.
    """

    def __init__(
        self, columns: Sequence[Column], rows: Sequence[Sequence[Any]], *, caption: str, notes: str = ""
    ) -> None:
        if isinstance(columns, (str, bytes)) or not isinstance(columns, Iterable):
            raise ValueError(f"columns must be a non-empty list of Column objects; got {columns!r}")
        self.columns = tuple(columns)
        if not self.columns or not all(isinstance(c, Column) for c in self.columns):
            raise ValueError("columns must be a non-empty list of Column objects")
        if not isinstance(caption, str) or not caption.strip():
            raise ValueError(f"caption must be a non-empty string; got {caption!r}")
        self.caption = caption.strip()
        if not isinstance(notes, str):
            raise ValueError(f"notes must be a string; got {notes!r}")
        self.notes = notes.strip()
        if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
            raise ValueError(f"rows must be a list of rows (each a list of values); got {rows!r}")
        rows = tuple(rows)
        bad = [i for i, r in enumerate(rows) if isinstance(r, (str, bytes)) or not isinstance(r, Iterable)]
        if bad:
            raise ValueError(f"rows must hold one list of values per row; row {bad[0]} is {rows[bad[0]]!r}")
        self.rows = tuple(tuple(r) for r in rows)
        if not self.rows:
            raise ValueError("rows must hold at least one row; got none")
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"rows must have one value per column: row {i} has {len(row)} values; the table has "
                                 f"{len(self.columns)} columns")
        try:
            self.cells = tuple(tuple(c.cell(v) for c, v in zip(self.columns, row)) for row in self.rows)
        except ValueError as err:  # the column's message, for the argument that held the value
            raise ValueError(f"rows: {err}") from None

    # ------------------------------------------------------------------ renderings

    def _repr_html_(self) -> str:
        esc = html.escape
        head = []
        for c in self.columns:
            unit = f'<br><span class="legday-unit">({esc(c.unit)})</span>' if c.unit else ""
            align = ' class="legday-num"' if c.numeric else ""
            head.append(f'<th scope="col"{align}>{esc(c.title)}{unit}</th>')
        body = []
        for cells in self.cells:
            first, *rest = cells
            tds = "".join(
                f'<td class="legday-num">{esc(v)}</td>' if c.numeric else f"<td>{esc(v)}</td>"
                for c, v in zip(self.columns[1:], rest)
            )
            body.append(f'<tr><th scope="row">{esc(first)}</th>{tds}</tr>')
        notes = f'<p class="legday-table-notes">{esc(self.notes)}</p>' if self.notes else ""
        return (
            '<table class="dataframe legday-table">'
            f"<caption>{esc(self.caption)}</caption>"
            f"<thead><tr>{''.join(head)}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>{notes}"
        )

    def _repr_markdown_(self) -> str:
        def md(text: str) -> str:
            return text.replace("|", "\\|")

        header = "| " + " | ".join(md(c.header) for c in self.columns) + " |"
        rule = "|" + "|".join("---:" if c.numeric else ":---" for c in self.columns) + "|"
        lines = [header, rule] + ["| " + " | ".join(md(v) for v in cells) + " |" for cells in self.cells]
        notes = f" {md(self.notes)}" if self.notes else ""
        return "\n".join(lines) + f"\n\n*Table: {md(self.caption)}.*{notes}\n"

    def __str__(self) -> str:
        titles = [c.title for c in self.columns]
        units = [f"({c.unit})" if c.unit else "" for c in self.columns]
        widths = [
            max(len(t), len(u), *(len(row[i]) for row in self.cells))
            for i, (t, u) in enumerate(zip(titles, units))
        ]

        def line(values: Sequence[str]) -> str:
            return "  ".join(
                v.rjust(w) if c.numeric else v.ljust(w) for c, v, w in zip(self.columns, values, widths)
            ).rstrip()

        out = [line(titles), line(units), "  ".join("-" * w for w in widths)]
        out += [line(cells) for cells in self.cells]
        return "\n".join([self.caption, ""] + out + ([ "", self.notes] if self.notes else []))

    def __repr__(self) -> str:
        return str(self)
