"""The instructor guide per session, its computed results and the one source of chapter times.

- every chapter's overview states its "Estimated time" exactly as ``legday.course`` gives it, and the
  guide's session plans quote the same table through glue (never a typed minute count);
- every ``{glue:text}`` role of the guide names a value its notebook really glues: the results page
  ``session_results.ipynb`` is executed here and its glued names compared; chapter names are read
  from the chapters' code;
- every session has its expected results, three or more misconceptions, concept questions (the
  chapter's concept checks, listed by ``{concept-check-list}`` with their answers), a model answer and a rubric, a before / in / after class split; sessions 1, 3 and 4
  have a note on body image and weight; no result or answer is a typed decimal;
- the guide says that the full edition is public, how to set graded tasks and how to release solutions.

Each checker is also run on a broken specimen, so that it is known to be able to fail.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

import legday.book
from conftest import ROOT, cell_source as _source
from legday import course

GUIDE = ROOT / "instructors.md"
RESULTS = ROOT / "session_results.ipynb"
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
GLUE_ROLE = re.compile(r"\{glue:text\}`(?:([^`:]+\.ipynb)::)?([a-z0-9_-]+)(?::[^`]*)?`")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _sessions(text: str) -> dict[int, str]:
    """Session number -> its text (heading to the next heading of level 2 or 3)."""
    parts = re.split(r"^### Session (\d+):.*$", text, flags=re.M)
    return {int(parts[i]): re.split(r"^##", parts[i + 1], flags=re.M)[0] for i in range(1, len(parts), 2)}


def _bullet(session: str, name: str) -> str:
    """The text of the session's top-level bullet ``- **name...``, up to the next top-level bullet."""
    match = re.search(rf"^- \*\*{re.escape(name)}.*?(?=^- \*\*|\Z)", session, flags=re.M | re.S)
    return match.group(0) if match else ""


# ---------------------------------------------------------------------------
# One source of truth for each chapter's time
# ---------------------------------------------------------------------------


def overview_time_problems(number: int, overview: str) -> list[str]:
    """What is wrong with a chapter overview's "Estimated time" line (empty: it agrees)."""
    lines = [line for line in overview.splitlines() if line.startswith("**Estimated time.**")]
    expected = course.estimated_time_sentence(number)
    if len(lines) != 1:
        return [f"chapter {number}: {len(lines)} 'Estimated time' lines in the overview, expected 1"]
    return [] if lines[0].strip() == expected else [
        f"chapter {number}: overview says {lines[0].strip()!r}, legday.course says {expected!r}"
    ]


def guide_time_problems(number: int, session: str) -> list[str]:
    """What is wrong with a session's Timing: it must quote the chapter's three times by glue."""
    timing = _bullet(session, "Timing")
    if not timing:
        return [f"session {number}: no **Timing.** bullet"]
    problems = []
    for part in ("total", "read", "exercises"):
        if f"session_results.ipynb::time-{number}-{part}:" not in timing:
            problems.append(f"session {number}: Timing does not glue time-{number}-{part}")
    estimate = timing.split("The chapter's estimate", 1)[-1].split(" for the exercises", 1)[0]
    typed = re.findall(r"\d+", GLUE_ROLE.sub("", estimate))
    if typed:
        problems.append(f"session {number}: the chapter's time is typed ({typed}), not glued")
    return problems


def _overview(path: Path) -> str:
    return next(_source(c) for c in _cells(path) if _source(c).startswith("## Overview"))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_overview_time_is_the_course_table(path: Path) -> None:
    assert not overview_time_problems(int(path.name[:2]), _overview(path))


def test_every_chapter_has_a_time_and_no_time_lacks_a_chapter() -> None:
    assert set(course.CHAPTER_TIMES) == {int(p.name[:2]) for p in CHAPTERS}


@pytest.mark.parametrize("number", sorted(course.CHAPTER_TIMES))
def test_guide_quotes_the_chapter_time(number: int) -> None:
    assert not guide_time_problems(number, _sessions(GUIDE.read_text(encoding="utf-8"))[number])


def test_time_checkers_fail_on_specimens() -> None:
    overview = _overview(CHAPTERS[0]).replace(
        course.estimated_time_sentence(1), "**Estimated time.** 60 minutes, plus 30 minutes for the exercises."
    )
    assert overview_time_problems(1, overview)
    assert overview_time_problems(1, "## Overview\n\nno time at all")
    session = _sessions(GUIDE.read_text(encoding="utf-8"))[1]
    typed = re.sub(r"(- \*\*Timing\.\*\* The chapter's estimate: ).*?(for the exercises)",
                   r"\g<1>60 minutes plus 30 \g<2>", session, flags=re.S)
    assert typed != session
    assert guide_time_problems(1, typed)


def test_course_times_reject_bad_chapters() -> None:
    for bad in (0, 8, "1", True, 1.5):
        with pytest.raises(ValueError, match="chapter"):
            course.chapter_time(bad)
    with pytest.raises(ValueError, match="exercises_min"):
        course.ChapterTime(read_and_run_min=30, exercises_min=0)
    assert course.chapter_time(5).total_min == 90


# ---------------------------------------------------------------------------
# Every glued number of the guide exists where it says
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results_glued() -> dict[str, object]:
    """Execute session_results.ipynb's code here, recording what it glues (name -> value)."""
    glued: dict[str, object] = {}
    original = legday.book.glue

    def record(name: str, value: object) -> object:
        glued[name] = legday.book.glued_value(value)
        return glued[name]

    legday.book.glue = record
    try:
        namespace: dict[str, object] = {}
        for cell in _cells(RESULTS):
            if cell["cell_type"] == "code" and "remove-cell" not in cell.get("metadata", {}).get("tags", []):
                exec(compile(_source(cell), str(RESULTS), "exec"), namespace)  # noqa: S102 - our own page
    finally:
        legday.book.glue = original
    return glued


def chapter_glue_names(path: Path) -> list[re.Pattern[str]]:
    """Patterns of every name a chapter's code glues (f-string names become wildcards)."""
    code = "\n".join(_source(c) for c in _cells(path) if c["cell_type"] == "code")
    patterns = [re.escape(n) for n in re.findall(r"glue\(\s*[\"']([a-z0-9_-]+)[\"']", code)]
    patterns += [re.sub(r"\\\{[^}]*\\\}", ".+", re.escape(n)) for n in re.findall(r"glue\(\s*f[\"']([^\"']+)[\"']", code)]
    for number in re.findall(r"glue_verdict\((\d+)\)", code):
        patterns += [rf"ch{int(number):02d}-verdict", rf"ch{int(number):02d}-verdict-detail"]
    return [re.compile(rf"{p}\Z") for p in patterns]


def missing_glue(text: str, results: dict[str, object]) -> list[str]:
    """Glue roles of ``text`` whose notebook does not glue that name."""
    missing = []
    for document, name in GLUE_ROLE.findall(text):
        if not document:
            missing.append(f"{name} (no notebook named: the guide is not a notebook)")
        elif document == "session_results.ipynb":
            if name not in results:
                missing.append(f"{document}::{name}")
        elif not any(p.match(name) for p in chapter_glue_names(ROOT / document)):
            missing.append(f"{document}::{name}")
    return missing


def test_every_guide_number_is_glued_where_it_says(results_glued: dict[str, object]) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert len(GLUE_ROLE.findall(text)) > 100
    assert not missing_glue(text, results_glued)


def test_results_page_glues_the_course_times(results_glued: dict[str, object]) -> None:
    for number, time in course.CHAPTER_TIMES.items():
        assert results_glued[f"time-{number}-total"] == time.total_min
        assert results_glued[f"time-{number}-read"] == time.read_and_run_min
        assert results_glued[f"time-{number}-exercises"] == time.exercises_min


def test_missing_glue_fails_on_a_specimen(results_glued: dict[str, object]) -> None:
    specimen = ("{glue:text}`session_results.ipynb::s9-nothing:.2f` and "
                "{glue:text}`chapters/04_calorie_burn.ipynb::no_such_value:.0f` and "
                "{glue:text}`chapters/04_calorie_burn.ipynb::epoc_gap_kcal:.0f`")
    assert missing_glue(specimen, results_glued) == [
        "session_results.ipynb::s9-nothing", "chapters/04_calorie_burn.ipynb::no_such_value"
    ]


# ---------------------------------------------------------------------------
# Each session: results, misconceptions, questions, answers, rubrics, the class split
# ---------------------------------------------------------------------------


def session_problems(number: int, session: str) -> list[str]:
    """What a session of the guide lacks (empty: complete)."""
    problems = []
    results = _bullet(session, "Expected results")
    if results.count("session_results.ipynb::") < 2:
        problems.append("expected results not glued from session_results.ipynb")
    split = _bullet(session, "Before, in and after class")
    problems += [f"no {part}" for part in ("*Before:*", "*In class:*", "*Homework:*") if part not in split]
    misconceptions = re.findall(r"^  - \*\"", _bullet(session, "Common misconceptions"), flags=re.M)
    if len(misconceptions) < 3:
        problems.append(f"{len(misconceptions)} misconceptions, expected 3 or more")
    concept = _bullet(session, "Concept questions")
    # The exit tickets are the chapter's concept checks, listed by {concept-check-list} with their
    # answers in a dropdown (tests/test_concept_checks.py: 3 to 5 per chapter, one correct answer each).
    listed = re.search(r"```\{concept-check-list\} chapters/(\d\d)_", concept)
    if listed is None or int(listed.group(1)) != number:
        problems.append("concept questions: no {concept-check-list} of the session's chapter")
    assessment = _bullet(session, "Assessment idea")
    problems += [f"no {part}" for part in ("*Model answer.*", "*Rubric") if part not in assessment]
    if number in (1, 3, 4) and not _bullet(session, "Body image and weight"):
        problems.append("no note on body image and weight")
    for name, block in (("expected results", results),):
        typed = re.findall(r"(?<![\w.])\d+\.\d+", re.sub(r"`[^`]*`", "", GLUE_ROLE.sub("", block)))
        if typed:
            problems.append(f"typed decimals in the {name}: {typed}")
    return [f"session {number}: {p}" for p in problems]


@pytest.mark.parametrize("number", sorted(course.CHAPTER_TIMES))
def test_session_is_complete(number: int) -> None:
    assert not session_problems(number, _sessions(GUIDE.read_text(encoding="utf-8"))[number])


def test_session_checker_fails_on_specimens() -> None:
    session = _sessions(GUIDE.read_text(encoding="utf-8"))[4]
    no_body = re.sub(r"^- \*\*Body image and weight.*?(?=^- \*\*)", "", session, flags=re.M | re.S)
    assert "session 4: no note on body image and weight" in session_problems(4, no_body)
    results = _bullet(session, "Expected results")
    glued = GLUE_ROLE.search(results).group(0)
    typed = session.replace(results, results.replace(glued, "12.9", 1))
    assert any("typed decimals" in p for p in session_problems(4, typed))
    other_chapter = session.replace("{concept-check-list} chapters/04_", "{concept-check-list} chapters/03_")
    assert any("no {concept-check-list}" in p for p in session_problems(4, other_chapter))
    assert len(session_problems(4, "- **Objectives.** only")) >= 6


def test_guide_protects_assessed_work() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## Assessed work", 1)[-1].split("\n## ", 1)[0]
    assert "## Assessed work" in text
    for needle in ("public", "differ", "deadline", "tools/student_edition.py", "solutions/", "git push"):
        assert needle in section, f"the guide's section on assessed work does not mention {needle!r}"


def test_guide_documents_the_figure_pack() -> None:
    assert "python tools/figure_pack.py --out _build/figures" in GUIDE.read_text(encoding="utf-8")


def typed_homework_numbers(session: str) -> list[str]:
    """Exercise numbers typed in a session's class split ("and 5.4 for the keen"): the split names
    exercises by {numref} only, so that they follow the chapter when exercises move."""
    split = re.sub(r"\{numref\}`[^`]*`", "", _bullet(session, "Before, in and after class"))
    return re.findall(r"(?<![\w.])[1-7]\.\d+\b(?!\s*(?:kg|%|MET|min))", split)


@pytest.mark.parametrize("number", sorted(course.CHAPTER_TIMES))
def test_class_split_names_exercises_by_reference(number: int) -> None:
    assert not typed_homework_numbers(_sessions(GUIDE.read_text(encoding="utf-8"))[number])


def test_typed_homework_check_fails_on_a_specimen() -> None:
    session = _sessions(GUIDE.read_text(encoding="utf-8"))[5]
    specimen = session.replace("{numref}`ex-recovery-arms` for the keen", "5.4 for the keen")
    assert specimen != session
    assert typed_homework_numbers(specimen) == ["5.4"]


# ---------------------------------------------------------------------------
# The results page uses the chapters' own inputs
# ---------------------------------------------------------------------------

#: (name assigned in session_results.ipynb, the chapter that assigns the same name to the same value)
SHARED_INPUTS = (
    ("upper_only", "01_balanced_physique.ipynb"),
    ("balanced", "03_biggest_muscles.ipynb"),
    ("lifter", "04_calorie_burn.ipynb"),
    ("session", "07_design_your_week.ipynb"),
)


def literal_assignments(code: str) -> dict[str, object]:
    """Top-level ``name = <literal>`` assignments of a notebook's code (IPython magics skipped)."""
    import ast

    found: dict[str, object] = {}
    source = re.sub(r"^(\s*)[%!].*$", r"\1pass", code, flags=re.M)
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found.setdefault(node.targets[0].id, ast.literal_eval(node.value))
            except ValueError:
                continue
    return found


def _code(path: Path) -> str:
    return "\n".join(_source(c) for c in _cells(path) if c["cell_type"] == "code")


def shared_input_problems(results_code: str) -> list[str]:
    """Inputs of the results page that are not the value the chapter itself uses."""
    ours = literal_assignments(results_code)
    problems = []
    for name, chapter in SHARED_INPUTS:
        theirs = literal_assignments(_code(ROOT / "chapters" / chapter))
        if name not in ours or name not in theirs:
            problems.append(f"{name}: not assigned in {'session_results.ipynb' if name not in ours else chapter}")
        elif ours[name] != theirs[name]:
            problems.append(f"{name}: session_results.ipynb has {ours[name]!r}, {chapter} has {theirs[name]!r}")
    return problems


def test_results_page_uses_the_chapters_inputs() -> None:
    assert not shared_input_problems(_code(RESULTS))


def test_shared_input_check_fails_on_a_specimen() -> None:
    specimen = _code(RESULTS).replace('("squat", 3), ("romanian deadlift", 2)', '("squat", 4), ("romanian deadlift", 2)')
    assert specimen != _code(RESULTS)
    assert shared_input_problems(specimen) == [
        "session: session_results.ipynb has " + repr(literal_assignments(specimen)["session"])
        + ", 07_design_your_week.ipynb has " + repr(literal_assignments(_code(RESULTS))["session"])
    ]


# ---------------------------------------------------------------------------
# The recipe to release solutions after a deadline works, as written
# ---------------------------------------------------------------------------


def _release_blocks() -> list[str]:
    section = GUIDE.read_text(encoding="utf-8").split("**Releasing solutions after a deadline.**", 1)[1]
    section = section.split("\n(instructors-", 1)[0]
    return [textwrap.dedent(b) for b in re.findall(r"^ *```bash\n(.*?)^ *```", section, flags=re.M | re.S)]


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def release_problems(blocks: list[str], tmp_path: Path) -> list[str]:
    """Run the guide's two recipe blocks in a toy copy of the repository (a bare ``origin`` and
    a clone with the chapter, learner and student notebooks of chapter 4) and report what the
    students' branch would give away, or fail to give, before and after the release."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    _git(tmp_path, "init", "-q", "--bare", str(origin))
    _git(tmp_path, "init", "-q", "-b", "main", str(work))
    files = {"chapters/04_calorie_burn.ipynb": "SOURCE", "notebooks/learner/04_calorie_burn.ipynb": "LEARNER",
             "notebooks/student/04_calorie_burn.ipynb": "STUDENT", "tools/student_edition.py": "TOOL"}
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "course")
    _git(work, "remote", "add", "origin", str(origin))
    _git(work, "push", "-q", "origin", "main")
    if len(blocks) != 2:
        return [f"{len(blocks)} bash blocks in the recipe, expected 2 (make the branch, release)"]
    problems = []
    for step, block in enumerate(blocks, start=1):
        for line in block.splitlines():
            if not line.strip():
                continue
            args = shlex.split(line)
            if args[:2] == ["mkdir", "-p"]:
                (work / args[2]).mkdir(parents=True, exist_ok=True)
            elif args[0] == "git" and ">" in args:
                target = args[args.index(">") + 1]
                (work / target).write_text(_git(work, *args[1:args.index(">")]), encoding="utf-8")
            elif args[0] == "git":
                _git(work, *args[1:])
            else:
                return [f"step {step}: unexpected command {line!r}"]
        tree = _git(origin, "ls-tree", "-r", "--name-only", "student").split()
        leaked = [name for name in tree if not name.startswith(("notebooks/student/", "solutions/"))]
        if leaked:
            problems.append(f"step {step}: the students' branch holds {leaked}")
        released = [_git(origin, "show", f"student:{name}") for name in tree if name.startswith("solutions/")]
        if step == 1 and released:
            problems.append("step 1: solutions on the students' branch before the deadline")
        if step == 2 and released != ["LEARNER"]:
            problems.append(f"step 2: released {released}, expected the learner notebook")
    return problems


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_release_recipe_works_as_written(tmp_path: Path) -> None:
    assert release_problems(_release_blocks(), tmp_path) == []


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_release_check_fails_on_specimens(tmp_path: Path) -> None:
    make, release = _release_blocks()
    whole_repo = make.replace("git checkout main -- notebooks/student", "git checkout main -- .")
    assert whole_repo != make
    assert any("holds ['chapters/" in p for p in release_problems([whole_repo, release], tmp_path / "a"))
    source = release.replace("main:notebooks/learner/", "main:chapters/")
    assert release_problems([make, source], tmp_path / "b") == [
        "step 2: released ['SOURCE'], expected the learner notebook"]
