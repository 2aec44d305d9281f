"""One source for each verdict: every page and figure that shows a verdict reads legday.reference.CLAIMS.

- the claims use the four-level scale and their details type no number (numbers are computed);
- each chapter glues its verdict from ``legday.verdicts`` and pastes it in the evidence check's
  title, and types no verdict anywhere in its prose;
- ``intro.md`` and ``instructors.md`` (built by Sphinx) paste each chapter's glued verdict;
- ``README.md`` (not built) is *checked*: its table's verdict column equals CLAIMS, and the cover's
  alt text on both README and intro equals :func:`legday.figures.cover_alt_text`;
- the cover figure draws every verdict line.
Each checker is also run on a broken specimen, so it can fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from legday import energy, figures, verdicts
from legday.reference import CAPSTONE, CLAIMS, VERDICTS, Claim

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("0*.ipynb"))
ALL = (*CLAIMS, CAPSTONE)
_SCALE = re.compile(r"\b(partly supported|unsupported|supported|contested|contradicted)\b", re.I)
_GLUE = re.compile(r"\{glue(?::\w+)?\}`[^`]*`")


def typed_verdicts(markdown: str) -> list[str]:
    """Lines of Markdown that type a verdict word instead of pasting it with a glue role.

    A line naming all four levels defines the scale and is not a verdict.
    """
    out = []
    for line in markdown.splitlines():
        words = {w.lower() for w in _SCALE.findall(_GLUE.sub("", line))}
        if words and not set(VERDICTS) <= words:
            out.append(line.strip())
    return out


def typed_numbers(claim: Claim) -> list[str]:
    """Digits typed into a claim's verdict detail (they must be {placeholders} filled by the models)."""
    return re.findall(r"\d+", re.sub(r"\{[^}]*\}", "", claim.verdict_detail))


def readme_verdicts(text: str) -> dict[int, str]:
    """Chapter number -> the verdict column of README.md's chapter table."""
    rows = re.findall(r"^\| (\d)\. [^|]+\|[^|]+\| ([^|]+) \|", text, flags=re.M)
    return {int(n): verdict.strip() for n, verdict in rows}


def _markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _code(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


# ---- the claims themselves -------------------------------------------------------------------

@pytest.mark.parametrize("claim", ALL, ids=lambda c: f"claim{c.number}")
def test_claim_uses_the_scale_and_computes_its_numbers(claim: Claim) -> None:
    assert claim.verdict in VERDICTS
    assert not typed_numbers(claim), f"claim {claim.number}: numbers typed into its detail: {typed_numbers(claim)}"
    line = verdicts.verdict_line(claim.number)
    assert line.startswith(f"{claim.verdict}: ") and "{" not in line
    assert (ROOT / f"{claim.chapter}.ipynb").exists()


def test_typed_numbers_catches_a_typed_number() -> None:
    broken = Claim(4, "Calorie burn", "x", "partly supported", "about 100 kcal more per session", "chapters/x")
    assert typed_numbers(broken) == ["100"]


def test_chapter_4_detail_quotes_the_models_number() -> None:
    expected = f"{energy.leg_minus_upper_kcal(80.0, 60.0):.0f} kcal/h"
    assert expected in verdicts.verdict_detail(4)


def test_claim_numbers_are_checked() -> None:
    for bad in (0, 8, 2.0, True, "3"):
        with pytest.raises(ValueError, match="claim number"):
            verdicts.claim(bad)


def test_glue_verdict_returns_the_claims_words() -> None:
    assert verdicts.glue_verdict(3) == {"ch03-verdict": CLAIMS[2].verdict,
                                        "ch03-verdict-detail": verdicts.verdict_detail(3)}


# ---- chapters --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_pastes_its_verdict_and_types_none(path: Path) -> None:
    n = int(path.name[:2])
    assert f"verdicts.glue_verdict({n})" in _code(path), f"{path.name}: no cell glues its verdict from CLAIMS"
    md = _markdown(path)
    assert f"Evidence check: {{glue:text}}`ch{n:02d}-verdict`" in md
    assert f"{{glue:text}}`ch{n:02d}-verdict-detail`" in md
    typed = typed_verdicts(md)
    assert not typed, f"{path.name} types a verdict instead of pasting it from CLAIMS: {typed}"


def test_typed_verdicts_catches_typed_verdicts() -> None:
    broken = ("- Verdict: **partly supported**. Leg days cost more.\n"
              "```{admonition} Evidence check: contested (first half supported)\n"
              "two are contradicted by the better-controlled studies\n"
              "- Verdict: **{glue:text}`ch02-verdict`**: {glue:text}`ch02-verdict-detail`.\n")
    assert len(typed_verdicts(broken)) == 3


# ---- pages built by Sphinx: they paste the chapters' glue --------------------------------------

@pytest.mark.parametrize("page", ["intro.md", "instructors.md"])
def test_page_pastes_every_verdict(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    numbers = [c.number for c in CLAIMS] + ([CAPSTONE.number] if page == "instructors.md" else [])
    for n in numbers:
        chapter = verdicts.claim(n).chapter
        for what in ("verdict", "verdict-detail"):
            role = f"{{glue:text}}`{chapter}.ipynb::ch{n:02d}-{what}:s`"
            assert role in text, f"{page} does not paste {role}"
    lines = [line for line in text.splitlines() if re.search(r"verdict|^\| \d", line, re.I)]
    typed = typed_verdicts("\n".join(line for line in lines if not line.startswith(":alt:")))
    assert not typed, f"{page} types a verdict: {typed}"


def test_no_second_vocabulary() -> None:
    pages = [ROOT / p for p in ("intro.md", "README.md", "instructors.md", "glossary.md")] + CHAPTERS
    found = [p.name for p in pages if "contradicted" in p.read_text(encoding="utf-8").lower()]
    assert not found, f"'contradicted' is not one of the four verdicts: {found}"


# ---- README (not built): checked against CLAIMS ----------------------------------------------------

def test_readme_table_equals_claims() -> None:
    table = readme_verdicts((ROOT / "README.md").read_text(encoding="utf-8"))
    assert table == {c.number: c.verdict for c in ALL}


def test_readme_check_catches_a_stale_row() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = re.sub(r"^(\| 3\. [^|]+\|[^|]+\| )contested", r"\1first half supported, second half contested",
                   text, flags=re.M)
    assert readme_verdicts(stale) != {c.number: c.verdict for c in ALL}


@pytest.mark.parametrize("page", ["README.md", "intro.md"])
def test_cover_alt_text_is_the_generated_one(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    alts = re.findall(r"!\[([^\]]*)\]\(figures/cover\.png\)", text) + re.findall(r"^:alt: (.*)$", text, re.M)
    assert alts == [figures.cover_alt_text()], f"{page}: the cover's alt text is not figures.cover_alt_text()"
    for c in CLAIMS:
        assert f"{c.short.lower()}: {c.verdict}" in alts[0]


def test_cover_draws_every_verdict_line() -> None:
    import matplotlib.pyplot as plt

    fig = figures.cover()
    texts = " ".join(" ".join(t.get_text().split()) for t in fig.axes[0].texts)
    plt.close(fig)
    for c in CLAIMS:
        assert f"Verdict: {verdicts.verdict_line(c.number)}" in texts, f"cover lacks claim {c.number}'s verdict"
