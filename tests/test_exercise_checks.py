"""Every exercise checkable (issue 11 item 1): the checks in legday.exercises, their place in the
chapters, the learner notebooks' otter cells and tests, and grading a class with tools/grade.py.

* every checked exercise: the reference answer (computed by the models) passes; every typical wrong
  answer fails with a hint that does not give the expected value; malformed answers raise the
  friendly ValueError; the scaffold runs; a broken checker (one that always passes, or a hint that
  leaks the answer) is caught by the same assertions;
* the chapters: each exercise opens with its level, time and (where set) "Predict first" line and
  closes with its answer line, both as the registry says; the exercise minutes of a chapter add up
  to its exercise minutes in legday.course.CHAPTER_TIMES;
* otter: a correct and a wrong submitted learner notebook of chapter 2, graded locally by
  tools/grade.py (no Docker), score full and zero points.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from legday import exercises
from legday.course import CHAPTER_TIMES
from legday.exercises import Expected, Exercise, Wrong

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
CHECKED = [label for label in exercises.labels() if exercises.get(label).checked]
HEAD = re.compile(r"^\*\*(Warm-up|Core|Challenge)\*\* · (\d+) min(?: · \*\*Predict first:\*\* (.+))?$")


def _text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def chapter_exercises(path: Path) -> dict[str, str]:
    """label -> body of each ``{exercise}`` directive of a chapter."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for cell in nb["cells"]:
        for match in re.finditer(r"```\{exercise\}\n:label: (\S+)\n(.*?)\n```", _text(cell), re.S):
            found[match.group(1)] = match.group(2)
    return found


def _number_forms(value: float) -> list[str]:
    """How an expected value could appear in a hint."""
    forms = {f"{value:.{d}f}" for d in (1, 2, 3, 4)} | {f"{value:g}", repr(float(value))}
    return [f for f in forms if len(f.strip("-0.")) >= 2]


def checker_problems(item: Exercise) -> list[str]:
    """What is wrong with one exercise's check (empty when it is sound)."""
    problems = []
    try:
        expected = item.expected()
    except RuntimeError as error:  # the registry's own guard: a wrong answer that the check accepts
        return [str(error)]
    if not item.check(expected.value).passed:
        problems.append("the reference answer does not pass")
    if not expected.wrong:
        problems.append("no typical wrong answer")
    for wrong in expected.wrong:
        result = item.check(wrong.value)
        if result.passed:
            problems.append(f"the wrong answer {wrong.value!r} passes")
            continue
        if result.message != wrong.hint:
            problems.append(f"the wrong answer {wrong.value!r} does not get its own hint")
        if item.kind == "number":
            leaked = [f for f in _number_forms(float(expected.value)) if f in result.message]
        else:
            leaked = [str(expected.value)] if re.search(rf"\b{re.escape(str(expected.value))}\b", result.message) else []
        if leaked:
            problems.append(f"the hint for {wrong.value!r} gives the answer ({leaked[0]})")
    return problems


# ---------------------------------------------------------------------------
# the checks
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("label", CHECKED)
def test_reference_passes_and_typical_mistakes_get_hints(label: str) -> None:
    item = exercises.get(label)
    assert checker_problems(item) == []
    assert repr(item.check(item.expected().value)) == item.pass_text()
    assert repr(item.check(item.expected().wrong[0].value)).startswith(f"HINT ({label}): ")


@pytest.mark.parametrize("label", CHECKED)
def test_malformed_answers_raise_the_friendly_error(label: str) -> None:
    item = exercises.get(label)
    bad = [..., "abc", None]
    if item.kind in ("number", "integer"):
        bad += [math.nan, math.inf, np.array([1.0, 2.0]), [1.0], True]
    if item.kind == "names":
        bad += ["full body", ["no such name"]]
    for value in bad:
        with pytest.raises(ValueError, match=re.escape(item.answer)):
            item.check(value)


@pytest.mark.parametrize("label", CHECKED)
def test_the_scaffold_runs_and_names_the_answer(label: str) -> None:
    item = exercises.get(label)
    assert re.search(rf"^{re.escape(item.answer)} = \.\.\.", item.scaffold, re.M), "the scaffold assigns the answer"
    import legday
    from legday import anatomy, hormones, mechanics, volume  # noqa: F401  (names a scaffold may use)
    exec(compile(item.scaffold, label, "exec"), {"legday": legday, "anatomy": anatomy, "np": np})


def test_a_number_answer_accepts_numpy_scalars_and_ints() -> None:
    item = exercises.get("ex-01-volume")
    value = item.expected().value
    assert item.check(np.float64(value)).passed and item.check(np.array(value)).passed


def test_unknown_label_and_open_ended_exercise() -> None:
    with pytest.raises(ValueError, match="label must be one of"):
        exercises.check("ex-nope", 1.0)
    for label in exercises.labels():
        if not exercises.get(label).checked:
            with pytest.raises(ValueError, match="open-ended"):
                exercises.check(label, "my answer")


def _specimen(**changes) -> Exercise:
    base = dict(label="ex-specimen", chapter=1, level="core", minutes=5, kind="number", answer="x",
                what="a number", unit="kg", tolerance=0.1, hint="read it again.",
                compute=lambda: Expected(10.0, (Wrong(20.0, "you doubled it."),)))
    base.update(changes)
    return Exercise(**base)


def test_the_checker_test_catches_a_broken_checker() -> None:
    """The assertions above can fail: on a checker that always passes, one whose hint leaks the
    answer, and one with no typical mistake."""
    from legday.exercises import _core

    sound = _specimen()
    broken = {
        "always passes": _specimen(tolerance=math.inf),
        "hint leaks": _specimen(compute=lambda: Expected(10.25, (Wrong(20.0, "the answer is 10.25 kg."),))),
        "no mistakes": _specimen(compute=lambda: Expected(10.0, ())),
    }
    for name, item in [("sound", sound), *broken.items()]:
        _core.REGISTRY[item.label] = item
        _core._expected.cache_clear()
        try:
            problems = checker_problems(item)
        finally:
            del _core.REGISTRY[item.label]
            _core._expected.cache_clear()
        assert (problems == []) == (name == "sound"), f"{name}: {problems}"


# ---------------------------------------------------------------------------
# the chapters
# ---------------------------------------------------------------------------


def _registered_chapters() -> list[int]:
    return sorted({exercises.get(label).chapter for label in exercises.labels()})


@pytest.mark.parametrize("chapter", _registered_chapters())
def test_every_exercise_of_a_chapter_is_registered_with_its_lines(chapter: int) -> None:
    path = next(p for p in CHAPTERS if p.name.startswith(f"{chapter:02d}_"))
    found = chapter_exercises(path)
    assert list(found) == exercises.labels(chapter), "the registry lists the chapter's exercises, in order"
    for label, body in found.items():
        item = exercises.get(label)
        first = body.splitlines()[0]
        match = HEAD.match(first)
        assert match, f"{label}: the first line must be '**Level** · N min[ · **Predict first:** ...]': {first!r}"
        assert (match.group(1).lower(), int(match.group(2))) == (item.level, item.minutes), label
        last = body.rstrip().splitlines()[-1]
        if item.checked:
            assert last == f"**Your answer:** `{item.answer}`, {item.what}.", f"{label}: {last!r}"
        else:
            assert last.startswith("**Your answer:**"), label


@pytest.mark.parametrize("chapter", _registered_chapters())
def test_exercise_minutes_add_up_to_the_chapter_time(chapter: int) -> None:
    minutes = sum(exercises.get(label).minutes for label in exercises.labels(chapter))
    assert minutes == CHAPTER_TIMES[chapter].exercises_min


def test_the_minutes_test_can_fail() -> None:
    assert sum(exercises.get(label).minutes for label in exercises.labels(1)[:-1]) != CHAPTER_TIMES[1].exercises_min


# ---------------------------------------------------------------------------
# the learner notebook's cells and otter tests
# ---------------------------------------------------------------------------


def test_answer_and_check_cells_from_the_registry() -> None:
    from learner_edition import answer_cells, otter_tests

    info = {"role": "exercise", "label": "ex-01-volume", "number": "1.1"}
    answer, check = answer_cells(info)
    assert answer["metadata"]["legday"]["role"] == "answer" and "back_sets = ..." in answer["source"]
    assert check["source"] == 'grader.check("ex-01-volume")'
    tests = otter_tests({"cells": [check]})
    assert list(tests) == ["ex-01-volume.py"]
    namespace: dict = {}
    exec(tests["ex-01-volume.py"], namespace)
    assert namespace["OK_FORMAT"] is True and namespace["test"]["name"] == "ex-01-volume"
    value = exercises.get("ex-01-volume").expected().value
    assert f"{value:g}" not in tests["ex-01-volume.py"], "the test computes the expected value, never stores it"
    unknown = answer_cells({"role": "exercise", "label": "ex-unknown", "number": "9.9"})
    assert [c["metadata"]["legday"]["role"] for c in unknown] == ["answer"]


LEARNER_02 = ROOT / "notebooks" / "learner" / "02_stable_base.ipynb"


def _submission(source: Path, target: Path, answers: dict[str, object]) -> Path:
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("legday", {})
        if meta.get("role") == "answer" and meta.get("label") in answers:
            item = exercises.get(meta["label"])
            cell["source"] = f"{item.answer} = {answers[meta['label']]!r}\n"
    target.write_text(json.dumps(nb), encoding="utf-8")
    return target


@pytest.mark.skipif(not any(c.get("metadata", {}).get("legday", {}).get("role") == "check"
                            for c in json.loads(LEARNER_02.read_text(encoding="utf-8"))["cells"]),
                    reason="the learner notebooks predate the checks: run python tools/learner_edition.py")
def test_grading_a_class_locally_with_otter(tmp_path: Path) -> None:
    """A correct and a wrong submission of chapter 2, graded by tools/grade.py without Docker."""
    from tools import grade

    labels = grade.chapter_labels(2)
    tests = tmp_path / "tests"
    tests.mkdir()
    for label in labels:
        (tests / f"{label}.py").write_text(exercises.ok_test_source(label), encoding="utf-8")
    folder = tmp_path / "submissions"
    folder.mkdir()
    _submission(LEARNER_02, folder / "right.ipynb", {l: float(exercises.get(l).expected().value) for l in labels})
    _submission(LEARNER_02, folder / "wrong.ipynb", {l: float(exercises.get(l).expected().wrong[0].value) for l in labels})
    shutil.copytree(tests, folder / "tests")  # as a learner's folder would have it
    rows = {row["submission"]: row for row in grade.grade_folder(folder, 2, tests_dir=tests)}
    assert rows["right.ipynb"]["total"] == len(labels) == rows["right.ipynb"]["possible"], rows
    assert rows["wrong.ipynb"]["total"] == 0, rows
    out = grade.write_csv(list(rows.values()), tmp_path / "grades.csv")
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("submission,ex-base-stance")


def test_grade_rejects_a_bad_folder_and_chapter(tmp_path: Path) -> None:
    from tools import grade

    with pytest.raises(ValueError, match="holds no .ipynb"):
        grade.grade_folder(tmp_path, 2)
    with pytest.raises(ValueError, match="chapter"):
        grade.chapter_labels(9)


def test_the_notebook_grader_reads_the_answer_variable_and_needs_no_otter() -> None:
    # grader.check("ex-...") in a learner notebook: legday's own Notebook, no otter-grader import
    import subprocess
    import sys

    from legday import mechanics
    from legday.exercises import Notebook

    right = {"wide_kg": float(mechanics.pressable_load_kg(base_width_m=0.5))}
    assert Notebook(right).check("ex-base-stance").passed
    wrong = {"wide_kg": float(mechanics.pressable_load_kg())}
    result = Notebook(wrong).check("ex-base-stance")
    assert not result.passed and "HINT" in repr(result)
    # an unanswered or malformed answer is a HINT, never an error that would stop Run All
    missing = Notebook({}).check("ex-base-stance")
    assert not missing.passed and "there is no wide_kg yet" in repr(missing)
    scaffold = Notebook({"wide_kg": ...}).check("ex-base-stance")
    assert not scaffold.passed and "..." in scaffold.message
    nan = Notebook({"wide_kg": float("nan")}).check("ex-base-stance")
    assert not nan.passed and "wide_kg" in nan.message
    with pytest.raises(ValueError):
        Notebook({}).check("ex-no-such-exercise")
    with pytest.raises(ValueError, match="namespace must be a mapping"):
        Notebook(["wide_kg"])  # type: ignore[arg-type]
    # outside IPython it reads the caller's globals, and it never imports otter
    code = ("import sys; from legday import mechanics; from legday.exercises import Notebook\n"
            "wide_kg = float(mechanics.pressable_load_kg(base_width_m=0.5))\n"
            "r = Notebook().check('ex-base-stance'); assert r.passed, r\n"
            "assert 'otter' not in sys.modules, 'the learner grader imported otter'\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
