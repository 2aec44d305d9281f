"""Book hygiene: fast checks of the sources, without building anything.

- notebooks are stored without outputs and run on the ``python3`` kernel;
- ``_toc.yml`` and ``chapters/`` agree, and every ``{doc}`` link resolves;
- every citation key used exists in ``references.bib``;
- every notebook starts with the hidden install cell pointing at the one repository URL;
- every chapter follows the skeleton in CONTRIBUTING.md (objectives, prerequisites, time,
  evidence check with a verdict, at least three exercises each with a solution, summary,
  what comes next) and every figure has a caption, a name and alt text;
- every number in a solution's text is glued by that solution's own code (or restates an input
  of its exercise), so a solution cannot drift from the output it explains.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import legday
from tools.book_toc import read_toc, toc_pages
from conftest import ROOT, cell_source as _source, markdown_text as _markdown, read_notebook as _load

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))


def _toc_files() -> list[str]:
    """Document names in ``_toc.yml``, root first (the reader the site tests use too)."""
    return toc_pages(ROOT / "_toc.yml")


def _resolve(stem: str) -> Path | None:
    for suffix in (".ipynb", ".md"):
        candidate = ROOT / f"{stem}{suffix}"
        if candidate.exists():
            return candidate
    return None


def _pages() -> list[Path]:
    return [p for p in (_resolve(f) for f in _toc_files()) if p is not None]


def _page_text(path: Path) -> str:
    if path.suffix == ".ipynb":
        return _markdown(_load(path))
    return path.read_text(encoding="utf-8")


def test_there_are_chapters() -> None:
    assert CHAPTERS, "no notebooks found in chapters/"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_notebook_stored_without_outputs(path: Path) -> None:
    nb = _load(path)
    dirty = [
        i for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert not dirty, f"{path.name}: code cells {dirty} have stored outputs or execution counts"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_notebook_kernel_is_python3(path: Path) -> None:
    spec = _load(path).get("metadata", {}).get("kernelspec", {})
    assert spec.get("name") == "python3", f"{path.name}: kernelspec is {spec!r}, expected python3"


def test_every_notebook_is_in_the_toc_and_every_toc_entry_exists() -> None:
    toc = _toc_files()
    missing = [f for f in toc if _resolve(f) is None]
    assert not missing, f"_toc.yml lists files that do not exist: {missing}"
    listed = {str(_resolve(f).relative_to(ROOT)) for f in toc}
    orphans = [str(p.relative_to(ROOT)) for p in CHAPTERS if str(p.relative_to(ROOT)) not in listed]
    assert not orphans, f"notebooks not listed in _toc.yml: {orphans}"


def test_doc_links_resolve() -> None:
    broken = []
    for page in _pages():
        for target in re.findall(r"\{doc\}`(?:[^`<]*<)?([^`>]+)>?`", _page_text(page)):
            stem = (page.parent / target).resolve() if not target.startswith("/") else ROOT / target[1:]
            if not any(Path(f"{stem}{s}").exists() for s in (".ipynb", ".md")):
                broken.append(f"{page.name} -> {target}")
    assert not broken, f"{{doc}} links to pages that do not exist: {broken}"


def _bib_keys() -> set[str]:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M))


def _cited_keys(text: str) -> set[str]:
    keys: set[str] = set()
    for group in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", text):
        keys.update(k.strip() for k in group.split(",") if k.strip())
    return keys


def test_references_bib_has_unique_keys() -> None:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M)
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate keys in references.bib: {dupes}"


def test_every_cited_key_exists() -> None:
    known = _bib_keys()
    missing: dict[str, list[str]] = {}
    for page in _pages():
        unknown = sorted(_cited_keys(_page_text(page)) - known)
        if unknown:
            missing[page.name] = unknown
    assert not missing, f"citation keys not in references.bib: {missing}"


def test_reference_data_sources_exist() -> None:
    """Every Cited constant in legday.reference names a key of references.bib."""
    from legday import reference

    known = _bib_keys()
    bad = []

    def check(name: str, value: object) -> None:
        if isinstance(value, reference.Cited):
            keys = [] if value.source == reference.COURSE else [value.source]
            keys += [k.strip() for k in value.related.split(",") if k.strip()]
            bad.extend(f"{name}: {key}" for key in keys if key not in known)
        elif isinstance(value, dict):
            for k, v in value.items():
                check(f"{name}[{k!r}]", v)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                check(f"{name}[{i}]", v)
        elif hasattr(value, "source") and hasattr(value, "__dataclass_fields__"):
            for key in str(value.source).split(","):
                if key.strip() not in known:
                    bad.append(f"{name}: {value.source}")

    for name in dir(reference):
        if not name.startswith("_"):
            check(name, getattr(reference, name))
    assert not bad, f"reference data cite keys missing from references.bib: {bad}"


def test_one_repository_url() -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == legday.REPOSITORY_URL


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_first_cell_installs_the_course_where_missing(path: Path) -> None:
    first = _load(path)["cells"][0]
    src = _source(first)
    assert first["cell_type"] == "code", f"{path.name}: the first cell must be the install cell"
    assert "remove-cell" in first.get("metadata", {}).get("tags", []), (
        f"{path.name}: the install cell must be tagged remove-cell so the book hides it"
    )
    assert "import legday" in src and "except ImportError" in src, f"{path.name}: install cell missing"
    assert f"git+{legday.REPOSITORY_URL}" in src, (
        f"{path.name}: install cell must install from {legday.REPOSITORY_URL}"
    )


# ---------------------------------------------------------------------------
# The chapter skeleton (CONTRIBUTING.md)
# ---------------------------------------------------------------------------


def _heading(md: str, title: str) -> bool:
    return re.search(rf"^##\s+{re.escape(title)}\s*$", md, flags=re.M | re.I) is not None


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_skeleton(path: Path) -> None:
    md = _markdown(_load(path))
    problems = []
    if not re.search(r"^#\s+\S", md, flags=re.M):
        problems.append("a '# Title' heading")
    for word in ("Objectives", "Prerequisites", "Estimated time"):
        if word.lower() not in md.lower():
            problems.append(f"'{word}' in the overview")
    for title in ("Overview", "Evidence check", "Exercises", "Summary", "What comes next", "References"):
        if not _heading(md, title):
            problems.append(f"a '## {title}' section")
    if "{bibliography}" not in md:
        problems.append("a {bibliography} directive under References")
    if "{literalinclude}" not in md or ":pyobject:" not in md:
        problems.append("the model's real source via {literalinclude} with :pyobject:")
    if "{glue:" not in md:
        problems.append("numbers in prose through {glue:...} roles")
    assert not problems, f"{path.name} is missing: " + "; ".join(problems)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_evidence_check_has_a_verdict_and_citations(path: Path) -> None:
    md = _markdown(_load(path))
    titles = re.findall(r"\{admonition\}\s*Evidence check:\s*([^\n]+)", md)
    assert titles, f"{path.name}: no admonition titled 'Evidence check: <verdict>'"
    # The verdict is pasted from legday.reference.CLAIMS (tests/test_verdicts.py checks the glue).
    key = f"ch{int(path.name[:2]):02d}-verdict"
    assert titles[0].strip() == f"{{glue:text}}`{key}`", (
        f"{path.name}: the evidence check's title must paste the verdict, {{glue:text}}`{key}`; got {titles[0]!r}"
    )
    block = re.split(r"^(?:```|:::)\s*$", md[md.index(titles[0]):], maxsplit=1, flags=re.M)[0]
    assert "{cite" in block, f"{path.name}: the evidence check cites no study"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_exercise_has_a_solution(path: Path) -> None:
    md = _markdown(_load(path))
    exercises = re.findall(r"```\{exercise\}[^\n]*\n:label:\s*(\S+)", md)
    solutions = re.findall(r"```\{solution(?:-start)?\}\s*(\S+)", md)
    assert len(exercises) >= 3, f"{path.name}: {len(exercises)} labelled exercises, need at least 3"
    missing = [label for label in exercises if label not in solutions]
    assert not missing, f"{path.name}: exercises without a solution: {missing}"
    starts = md.count("{solution-start}")
    ends = md.count("{solution-end}")
    assert starts == ends, f"{path.name}: {starts} solution-start but {ends} solution-end"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_figure_has_caption_name_and_alt_text(path: Path) -> None:
    nb = _load(path)
    bad = []
    figures = 0
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code" or "plt.show()" not in _source(cell):
            continue
        figures += 1
        meta = cell.get("metadata", {}).get("mystnb", {})
        fig, img = meta.get("figure", {}), meta.get("image", {})
        if not (fig.get("caption", "").strip() and fig.get("name", "").strip()):
            bad.append(f"cell {i}: figure caption/name")
        if not img.get("alt", "").strip():
            bad.append(f"cell {i}: image alt text")
    assert figures >= 3, f"{path.name}: {figures} figures, need at least 3"
    assert not bad, f"{path.name}: figures missing metadata: {bad}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_literalinclude_targets_exist(path: Path) -> None:
    md = _markdown(_load(path))
    bad = []
    for target, obj in re.findall(r"```\{literalinclude\}\s*(\S+)\s*\n(?:[^`]*?):pyobject:\s*(\S+)", md):
        source = (path.parent / target).resolve()
        if not source.exists():
            bad.append(f"{target} (no such file)")
            continue
        name = obj.split(".")[-1]
        if not re.search(rf"^\s*(def|class)\s+{re.escape(name)}\b", source.read_text(encoding="utf-8"), re.M):
            bad.append(f"{target}:{obj} (no such function or class)")
    assert not bad, f"{path.name}: literalinclude targets missing: {bad}"


# ---------------------------------------------------------------------------
# Numbering: Sphinx numbers chapters, figures and exercises (the toc is numbered)
# ---------------------------------------------------------------------------

#: A typed exercise number in prose ("Exercise 2", "exercises 3 and 4"): it goes stale when exercises
#: move, and it disagrees with the page's "Exercise 4.2". Refer by label: {numref}`ex-...`.
TYPED_EXERCISE = re.compile(r"\b[Ee]xercises? \d")


def typed_exercise_numbers(markdown: str) -> list[str]:
    return [markdown[max(0, m.start() - 30):m.end() + 10] for m in TYPED_EXERCISE.finditer(markdown)]


def test_typed_exercise_checker() -> None:
    assert typed_exercise_numbers("as Exercise 2 shows") and typed_exercise_numbers("(exercises 3 and 4)")
    assert not typed_exercise_numbers("{numref}`ex-energy-rest` asks; the exercises below")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_prose_refers_to_exercises_by_label(path: Path) -> None:
    found = typed_exercise_numbers(_markdown(_load(path)))
    assert not found, f"{path.name}: typed exercise numbers (use {{numref}}`label`): {found}"


def test_chapters_are_numbered_by_the_toc() -> None:
    site = read_toc()
    for part in site.root.subtrees:
        files = [str(item) for item in part.items]
        if any(f.startswith("chapters/") for f in files):
            assert part.numbered, f"part {part.caption!r} lists chapters but is not numbered"
            assert all(f.startswith("chapters/") for f in files), f"part {part.caption!r} mixes pages"
        else:
            assert not part.numbered, f"part {part.caption!r} is numbered but has no chapter"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_title_has_no_typed_number(path: Path) -> None:
    titles = re.findall(r"^# (.+)$", _markdown(_load(path)), flags=re.M)
    assert titles and not re.match(r"\d+\.?\s", titles[0]), (
        f"{path.name}: title {titles[0]!r} types its number; the numbered toc adds it"
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_plotting_cells_are_collapsed(path: Path) -> None:
    bad = [i for i, c in enumerate(_load(path)["cells"])
           if c["cell_type"] == "code" and "plt.show()" in _source(c)
           and "hide-input" not in c.get("metadata", {}).get("tags", [])]
    assert not bad, f"{path.name}: plotting cells {bad} are not tagged hide-input (the figure follows its prose)"


FLOAT_OF_CITED = re.compile(r"float\(ref\.")


@pytest.mark.parametrize("path", CHAPTERS + [ROOT / "session_results.ipynb"], ids=lambda p: p.name)
def test_code_uses_cited_values_as_numbers(path: Path) -> None:
    """A ``reference.Cited`` works as its number (arithmetic, comparisons, format specs, NumPy):
    the code a learner reads writes ``ref.X``, not ``float(ref.X)`` (``ref.X.value`` where a plain
    float is needed, e.g. for ``glue``)."""
    bad = [i for i, c in enumerate(_load(path)["cells"])
           if c["cell_type"] == "code" and FLOAT_OF_CITED.search(_source(c))]
    assert not bad, f"{path.name}: code cells {bad} write float(ref.X); write ref.X (or ref.X.value for glue)"


def test_cited_check_catches_a_float_wrapper() -> None:
    assert FLOAT_OF_CITED.search('glue("k", float(ref.HUBAL_N))')
    assert not FLOAT_OF_CITED.search('glue("k", ref.HUBAL_N.value)') and not FLOAT_OF_CITED.search("x = 2 * ref.HUBAL_N")


# ---------------------------------------------------------------------------
# Solutions: every number in a solution's text comes from the solution's own code
# ---------------------------------------------------------------------------
#
# The rules (CONTRIBUTING.md, "numbers in prose"), applied to the markdown between
# ``{solution-start}`` and ``{solution-end}``:
#
# - a number is pasted with ``{glue:text}`key:fmt```, and ``key`` is glued by a code cell of the
#   same solution (``glue("key", ...)``, or an f-string key such as ``f"exag-ratio-{n}"``), so the
#   prose and the output it explains cannot drift apart;
# - a number may be typed only where it restates an input of the exercise: it occurs in the
#   ``{exercise}`` statement the solution answers ("5 sets of deadlift", "96 h");
# - inside math, single digits are the formula's constants ($\sqrt{2}$, $2/\sqrt{n-1}$) and pass;
#   any other number there is a typed result ($\approx 0.096$) unless it is an exercise input;
# - role targets ({numref}, {cite}, {term}, {doc}), inline code and the directive lines are not prose.
#
# A number written as a word ("two leg days") is not checked: review those by reading.

GLUE_TEXT = re.compile(r"\{glue:text\}`([a-z0-9_-]+)(?::[^`]*)?`")
ROLE = re.compile(r"\{[a-z]+(?::[a-z]+)?\}`[^`]*`")
INLINE_CODE = re.compile(r"``[^`]+``|`[^`\n]+`")
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", flags=re.S)
DIRECTIVE_LINE = re.compile(r"^(?:```.*|:::.*|:[a-z-]+:.*)$", flags=re.M)
NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z_])")
GLUE_CALL = re.compile(r"""\bglue\(\s*(f?)(["'])(.+?)\2""")


def _value(token: str) -> float:
    return float(token.replace(",", ""))


def _glued_keys(code: str) -> list[re.Pattern[str]]:
    """The keys a solution's code glues, as patterns (an f-string's fields match any key text)."""
    keys = []
    for is_f, _, key in GLUE_CALL.findall(code):
        parts = re.split(r"\{[^}]*\}", key) if is_f else [key]
        keys.append(re.compile("[a-z0-9_-]+".join(re.escape(p) for p in parts) + r"\Z"))
    return keys


def _solutions(nb: dict) -> list[dict]:
    """Each solution: its label, the exercise statement, its markdown and its code."""
    found, current, statement = [], None, ""
    for cell in nb["cells"]:
        src = _source(cell)
        if cell["cell_type"] == "markdown" and "{exercise}" in src:
            statement = src
        if "{solution-start}" in src:
            label = re.search(r"\{solution-start\}\s*(\S+)", src).group(1)
            current = {"label": label, "statement": statement, "markdown": [], "code": []}
            found.append(current)
        if current is not None:
            current["markdown" if cell["cell_type"] == "markdown" else "code"].append(src)
        if "{solution-end}" in src:
            current = None
    return found


def typed_solution_numbers(solution: dict) -> list[str]:
    """Problems of one solution: typed numbers that are not exercise inputs, and glued keys that
    the solution's own code does not glue."""
    inputs = {_value(t) for t in NUMBER.findall(solution["statement"])}
    glued = _glued_keys("\n".join(solution["code"]))
    problems = []
    for text in solution["markdown"]:
        for key in GLUE_TEXT.findall(text):
            if not any(p.match(key) for p in glued):
                problems.append(f"{{glue:text}}`{key}` is not glued by the solution's own code")
        prose = DIRECTIVE_LINE.sub("", text)
        prose = INLINE_CODE.sub("", ROLE.sub("", prose))
        for math in MATH.findall(prose):
            problems += [f"typed number {t!r} in math {math!r}" for t in NUMBER.findall(math)
                         if not re.fullmatch(r"\d", t) and _value(t) not in inputs]
        prose = MATH.sub("", prose)
        for m in NUMBER.finditer(prose):
            if _value(m.group(0)) not in inputs:
                context = " ".join(prose[max(0, m.start() - 40):m.end() + 20].split())
                problems.append(f"typed number {m.group(0)!r} in {context!r}")
    return problems


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_solution_numbers_come_from_the_solutions_code(path: Path) -> None:
    solutions = _solutions(_load(path))
    assert solutions, f"{path.name}: no solutions found"
    problems = [f"{s['label']}: {p}" for s in solutions for p in typed_solution_numbers(s)]
    assert not problems, f"{path.name}: numbers in solutions not glued by their code:\n  " + "\n  ".join(problems)


def _specimen(solution_text: str, code: str = "") -> dict:
    cells = [
        {"cell_type": "markdown", "source": "```{exercise}\n:label: ex-x-sets\nA week of 5 sets of deadlift "
                                             "and 4 of pull-up, at 96 h recovery.\n```"},
        {"cell_type": "markdown", "source": "```{solution-start} ex-x-sets\n:class: dropdown\n```\n"},
        {"cell_type": "code", "source": code},
        {"cell_type": "markdown", "source": solution_text + "\n\n```{solution-end}\n```"},
    ]
    return _solutions({"cells": cells})[0]


def test_solution_number_checker_on_specimens() -> None:
    code = 'glue("ex-x-sets-back", 6.5)\nfor n in (9, 12):\n    glue(f"ex-x-sets-ratio-{n}", n / 2)'
    # a typed result fails, also inside math and in the solution-start cell
    assert typed_solution_numbers(_specimen("The back gets 6.5 sets.", code)) == [
        "typed number '6.5' in 'The back gets 6.5 sets.'"]
    assert typed_solution_numbers(_specimen(r"By hand $1 - (1 - 0.025)^4 \approx 0.096$.", code))
    # the same number glued by the solution's code passes, an f-string key too
    assert not typed_solution_numbers(_specimen(
        "The back gets {glue:text}`ex-x-sets-back:.1f` sets, {glue:text}`ex-x-sets-ratio-9:.1f` times.", code))
    # glued, but by some other cell (the chapter, another solution): fails
    assert typed_solution_numbers(_specimen("About {glue:text}`ch-other:.0f` kcal.", code)) == [
        "{glue:text}`ch-other` is not glued by the solution's own code"]
    # an input quoted from the exercise statement passes (also as 4.0 or 5.0), a formula constant too
    assert not typed_solution_numbers(_specimen(r"Pull-ups count fully: 4.0 sets, and 96 h; $\sqrt{2}$.", code))
    # a number in a role target, inline code or the label is not prose
    assert not typed_solution_numbers(_specimen("See {numref}`ex-01-volume` and `ref.MET_ML_O2_PER_KG_MIN`.", code))


def test_solution_number_checker_on_a_real_solution() -> None:
    """Chapter 5's slow-arms solution, with one glued number typed back in (the drift of issue 11),
    fails; as committed it passes."""
    solution = next(s for s in _solutions(_load(ROOT / "chapters" / "05_recovery.ipynb"))
                    if s["label"] == "ex-recovery-arms")
    assert not typed_solution_numbers(solution)
    typed = dict(solution, markdown=[re.sub(r"\{glue:text\}`ex-recovery-arms-slow-flags-full-body:d`", "3", text)
                                     for text in solution["markdown"]])
    assert typed["markdown"] != solution["markdown"]
    assert any("typed number '3'" in p for p in typed_solution_numbers(typed)), typed_solution_numbers(typed)
