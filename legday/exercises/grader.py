"""The ``grader`` of a learner notebook: ``grader.check("ex-...")`` with no extra package.

A learner notebook sets up ``grader = Notebook()`` once and ends each exercise with a check cell
``grader.check("ex-...")``, the call otter-grader's notebooks use (the Data 8 standard). This
grader needs nothing but ``legday``: it reads the exercise's answer variable from the notebook and
runs :func:`legday.exercises.check` on it, so a check works wherever the chapter's code does
(a clone, Binder, Colab, a class hub), without otter-grader or a ``tests/`` folder beside the
notebook. Instructors grade the submitted notebooks with otter-grader itself
(``tools/grade.py``), from the OK-format tests that call the same checks.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from legday.exercises._core import Result, get

__all__ = ["Notebook"]


class Notebook:
    """The checks of one notebook, called as ``grader.check(label)``.

    Parameters
    ----------
    namespace
        Where the learner's answer variables live. ``None`` (the default) is the notebook's own
        namespace: IPython's user namespace in Jupyter, otherwise the caller's globals.
    """

    def __init__(self, namespace: Mapping[str, Any] | None = None) -> None:
        if namespace is not None and not isinstance(namespace, Mapping):
            raise ValueError(f"namespace must be a mapping of names to values or None; got {type(namespace).__name__}")
        self._namespace = namespace

    def _names(self, depth: int) -> Mapping[str, Any]:
        if self._namespace is not None:
            return self._namespace
        try:
            shell = get_ipython()  # type: ignore[name-defined]  # noqa: F821  (defined in IPython only)
        except NameError:
            shell = None
        if shell is not None:
            return shell.user_ns
        return sys._getframe(depth + 1).f_globals

    def check(self, label: str) -> Result:
        """Check the answer to exercise ``label``: a :class:`~legday.exercises.Result` (PASS or HINT).

        Like otter-grader's ``grader.check``, it never stops *Run All*: an answer cell not filled
        in yet, or an answer of the wrong kind (text for a number, NaN, an array, the scaffold's
        ``...``), gets a HINT that says what is missing or expected, in the words of the
        :class:`ValueError` that :func:`legday.exercises.check` raises for it.

        Raises
        ------
        ValueError
            If ``label`` is not an exercise's label, or the exercise is open-ended (it has a model
            answer instead of a check).
        """
        item = get(label)
        if not item.checked:
            return item.check(None)  # raises: the open-ended exercise's own message
        names = self._names(1)
        if item.answer not in names:
            return Result(label, False, f"there is no {item.answer} yet: fill in the answer cell above "
                                        "(replace every ... with your code), run it, then run this check again.")
        try:
            return item.check(names[item.answer])
        except ValueError as err:  # a malformed answer: the friendly message, as a hint
            return Result(label, False, str(err))

    def __repr__(self) -> str:
        return "Notebook(checks for grader.check('ex-...'))"
