"""Grade a class's submitted learner notebooks of one chapter with otter-grader, locally (no Docker).

Usage (from the repository root)::

    python tools/grade.py submissions/ --chapter 1            # -> grades.csv
    python tools/grade.py submissions/ --chapter 1 --out ch01_grades.csv

``submissions/`` holds the learners' ``.ipynb`` files (their copies of
``notebooks/learner/01_balanced_physique.ipynb``, answers filled in). The command

1. builds an otter autograder zip from the chapter's checks (``notebooks/learner/tests/<label>.py``,
   the OK-format tests that ``tools/learner_edition.py`` writes; each calls ``legday.exercises.check``,
   so the expected values are computed by the course's models, never stored), with ``otter generate``'s
   Python API;
2. grades each submission with ``otter.api.grade_submission``, which runs the notebook in this Python
   environment (no container; ``legday`` and ``otter-grader`` must be installed, as ``requirements.txt``
   installs them) and then every test;
3. writes one row per submission: the file, one column per exercise (points scored), the total and
   the points possible. A notebook that cannot be run gets an empty row and its error in ``error``.

Each checked exercise is worth one point; open-ended exercises are not autograded (mark them with the
model answer and the list of what a good answer contains).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "notebooks" / "learner" / "tests"


def chapter_labels(chapter: int) -> list[str]:
    """The labels of ``chapter``'s checked exercises, in book order.

    Raises ``ValueError`` for a chapter number the course does not have.
    """
    from legday import exercises
    from legday.course import chapter_time

    chapter_time(chapter)  # the friendly ValueError for a chapter that does not exist
    return [label for label in exercises.labels(chapter) if exercises.get(label).checked]


def build_autograder(chapter: int, out: Path, tests_dir: Path = TESTS) -> Path:
    """Write ``out`` (an otter autograder zip) holding the tests of ``chapter``'s checked exercises.

    Raises ``FileNotFoundError`` if a test file is missing (run ``python tools/learner_edition.py``).
    """
    from otter.generate import main as generate

    labels = chapter_labels(chapter)
    with tempfile.TemporaryDirectory() as tmp:
        tests = Path(tmp) / "tests"
        tests.mkdir()
        for label in labels:
            source = tests_dir / f"{label}.py"
            if not source.exists():
                raise FileNotFoundError(f"{source} is missing: run `python tools/learner_edition.py`")
            shutil.copy(source, tests / source.name)
        out.parent.mkdir(parents=True, exist_ok=True)
        generate(tests_dir=str(tests), output_path=str(out), no_config=True, no_requirements=True,
                 no_environment=True)
    return out


def grade_folder(folder: Path, chapter: int, *, tests_dir: Path = TESTS) -> list[dict]:
    """Grade every ``.ipynb`` in ``folder`` for ``chapter``: one dict per submission (see the module doc).

    Raises ``ValueError`` if ``folder`` is not a folder or holds no notebook.
    """
    from otter.api import grade_submission

    if not folder.is_dir():
        raise ValueError(f"folder must be a folder of submitted .ipynb files; got {str(folder)!r}")
    submissions = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not submissions:
        raise ValueError(f"folder {str(folder)!r} holds no .ipynb file to grade")
    labels = chapter_labels(chapter)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        zip_path = build_autograder(chapter, Path(tmp) / "autograder.zip", tests_dir)
        for path in submissions:
            row: dict = {"submission": path.name, **{label: "" for label in labels},
                         "total": "", "possible": len(labels), "error": ""}
            try:
                results = grade_submission(str(path), str(zip_path), quiet=True)
            except Exception as error:  # a notebook that does not run: report, grade the others
                row["error"] = f"{type(error).__name__}: {error}"[:300]
            else:
                for label in labels:
                    row[label] = results.get_score(label)
                row["total"] = results.total
                row["possible"] = results.possible
            rows.append(row)
    return rows


def write_csv(rows: list[dict], out: Path) -> Path:
    """Write the grades (``rows`` as ``grade_folder`` returns them) to ``out``."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Grade submitted learner notebooks of one chapter (otter-grader, no Docker).")
    parser.add_argument("folder", type=Path, help="folder of submitted .ipynb files")
    parser.add_argument("--chapter", type=int, required=True, help="chapter number (1-7)")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="CSV to write (default grades.csv)")
    parser.add_argument("--tests-dir", type=Path, default=TESTS, help="the OK-format tests (default notebooks/learner/tests)")
    args = parser.parse_args(argv)
    try:
        rows = grade_folder(args.folder.resolve(), args.chapter, tests_dir=args.tests_dir.resolve())
    except (ValueError, FileNotFoundError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return 2
    write_csv(rows, args.out)
    for row in rows:
        print(f"{row['submission']}: {row['total']}/{row['possible']} {row['error']}".rstrip())
    print(f"grades written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
