"""Checks for the book's exercises, computed with the same models the chapters teach.

>>> from legday import exercises
>>> exercises.check("ex-01-volume", 6.5)            # doctest: +SKIP
PASS (ex-01-volume): right, within ±0.01 sets.

Each exercise label (``ex-...``, as in the chapters' ``{exercise}`` directives) has a checker in
``ch01`` ... ``ch07``; :func:`check` returns a :class:`Result` that says ``PASS`` or gives a
``HINT`` that points at the mistake without giving the answer, and raises a ``ValueError`` (the
``legday`` style) for a malformed answer. The learner notebooks call them as ``grader.check("ex-...")`` (otter-grader's
format, the Data 8 standard) through :class:`Notebook`, which needs no package beyond ``legday``;
instructors grade with otter-grader from the OK-format tests that ``tools/learner_edition.py``
writes into ``notebooks/learner/tests/``, which call :func:`check` too, so the expected values
stay computed.
"""

from __future__ import annotations

from legday.exercises import ch01, ch02, ch03, ch04, ch05, ch06, ch07  # noqa: F401  (they register)
from legday.exercises._core import LEVELS, REGISTRY, Exercise, Expected, Result, Wrong, check, get, labels
from legday.exercises.grader import Notebook
from legday.exercises.otter_tests import ok_test_source

__all__ = ["LEVELS", "REGISTRY", "Exercise", "Expected", "Result", "Wrong", "check", "get", "labels", "Notebook", "ok_test_source"]
