"""legday.tables: one table, three renderings (HTML, Markdown, text), clear errors."""

from __future__ import annotations

import html.parser

import pytest

from legday import assessment, program, tables


def _table() -> tables.Table:
    return tables.Table(
        [tables.Column("Programme"), tables.Column("Net energy", "kcal/week", ",.0f"),
         tables.Column("Growth | legs", "%", ".1f")],
        [("full body", 1234.4, 3.56), ("<script>", 10.0, -1.0)],
        caption="Two programmes & their numbers",
        notes="Made up for the test.",
    )


class _Cells(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_an_accessible_table_with_units_in_the_headers() -> None:
    parser = _Cells()
    parser.feed(_table()._repr_html_())
    names = [t for t, _ in parser.tags]
    assert names[:2] == ["table", "caption"] and "thead" in names and "tbody" in names
    scopes = [a.get("scope") for t, a in parser.tags if t == "th"]
    assert scopes == ["col", "col", "col", "row", "row"]
    text = "".join(parser.text)
    assert "Net energy(kcal/week)" in text and "1,234" in text and "3.6" in text
    assert "<script>" not in _table()._repr_html_()  # escaped
    assert "Two programmes & their numbers" in text
    assert _table()._repr_html_().endswith('</table><p class="legday-table-notes">Made up for the test.</p>')


def test_markdown_and_text_carry_the_same_headers_and_values() -> None:
    md = _table()._repr_markdown_().splitlines()
    assert md[0] == "| Programme | Net energy (kcal/week) | Growth \\| legs (%) |"
    assert md[1] == "|:---|---:|---:|"
    assert md[2] == "| full body | 1,234 | 3.6 |"
    assert md[-1] == "*Table: Two programmes & their numbers.* Made up for the test."
    text = str(_table()).splitlines()
    assert text[0] == "Two programmes & their numbers"
    assert text[2].split() == ["Programme", "Net", "energy", "Growth", "|", "legs"]
    assert text[3].split() == ["(kcal/week)", "(%)"]
    assert text[5].split() == ["full", "body", "1,234", "3.6"]
    assert text[-1] == "Made up for the test."


def test_bad_tables_are_rejected_with_what_is_wrong() -> None:
    col = tables.Column("Programme")
    with pytest.raises(ValueError, match="non-empty list of Column"):
        tables.Table([], [("a",)], caption="c")
    with pytest.raises(ValueError, match="caption"):
        tables.Table([col], [("a",)], caption=" ")
    with pytest.raises(ValueError, match="notes must be a string"):
        tables.Table([col], [("a",)], caption="c", notes=None)
    with pytest.raises(ValueError, match="at least one row"):
        tables.Table([col], [], caption="c")
    with pytest.raises(ValueError, match="row 0 has 2 values; the table has 1 columns"):
        tables.Table([col], [("a", 1)], caption="c")
    with pytest.raises(ValueError, match="column 'Sets': cannot format"):
        tables.Table([col, tables.Column("Sets", "sets", ".1f")], [("a", [1])], caption="c")
    with pytest.raises(ValueError, match="title"):
        tables.Column("")
    with pytest.raises(ValueError, match="unit"):
        tables.Column("Sets", "")
    # found by the fuzz test: a NaN cell printed "nan", non-list rows and a number as fmt escaped as TypeError
    with pytest.raises(ValueError, match="column 'Sets': a value must be text or a finite number; got nan"):
        tables.Table([col, tables.Column("Sets", "sets", ".1f")], [("a", float("nan"))], caption="c")
    with pytest.raises(ValueError, match="rows must be a list of rows"):
        tables.Table([col], 5, caption="c")
    with pytest.raises(ValueError, match="rows must hold one list of values per row; row 0 is 5"):
        tables.Table([col], [5], caption="c")
    with pytest.raises(ValueError, match="columns must be a non-empty list"):
        tables.Table(None, [("a",)], caption="c")
    with pytest.raises(ValueError, match="fmt must be a format spec string"):
        tables.Column("Sets", "sets", 1)


def test_the_programme_comparison_says_what_and_which_unit_in_every_column() -> None:
    evaluations = [assessment.evaluate(program.split(name)) for name in ("full body", "bro split")]
    table = assessment.comparison_table(evaluations)
    headers = [c.header for c in table.columns]
    assert headers[0] == "Programme"
    assert all("(" in h and h.endswith(")") for h in headers[1:]), headers
    assert "Growth, lower body (% in 12 weeks)" in headers and "Net energy (kcal/week)" in headers
    assert [row[0] for row in table.rows] == ["full body", "bro split"]
    assert "below 0.75" in table.notes and table.caption
