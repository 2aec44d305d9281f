"""The exercise registry: one checker per exercise label, and the result a learner sees.

A chapter module (``ch01`` ... ``ch07``) registers each of its exercises with :func:`exercise`, a
decorator on a function that *computes* what the exercise asks for with the course's models and
returns an :class:`Expected`: the right value and the values of the typical mistakes (each with
the hint it deserves), all computed, never typed. :func:`check` then compares a learner's answer:

* right within the stated tolerance -> a :class:`Result` whose display starts with ``PASS``;
* a typical mistake -> ``HINT`` and a sentence pointing at the mistake (never the answer);
* anything else wrong -> ``HINT`` and the exercise's general hint;
* malformed (a string for a number, NaN, an array, the scaffold's ``...`` left in) -> a
  ``ValueError`` in the style of :mod:`legday._checks`: it names the answer, says what is
  allowed and shows what was given.

Open-ended exercises have no check: their :class:`Exercise` holds what a good answer contains.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from legday._checks import _short

__all__ = ["Wrong", "Expected", "Result", "Exercise", "exercise", "check", "get", "labels", "REGISTRY", "LEVELS"]

#: The three difficulty levels, in the order a chapter's exercises usually climb them.
LEVELS = ("warm-up", "core", "challenge")
#: The kinds of answer a checker compares.
KINDS = ("number", "integer", "names", "custom", "open")


@dataclass(frozen=True)
class Wrong:
    """A typical wrong answer (computed with the models) and the hint it gets."""

    value: Any
    hint: str


@dataclass(frozen=True)
class Expected:
    """What a checker computes: the right answer and the typical mistakes."""

    value: Any
    wrong: tuple[Wrong, ...] = ()


@dataclass(frozen=True)
class Result:
    """The verdict on one answer. ``bool(result)`` is whether it passed."""

    label: str
    passed: bool
    message: str

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"{'PASS' if self.passed else 'HINT'} ({self.label}): {self.message}"

    __str__ = __repr__

    def _repr_markdown_(self) -> str:
        mark = "✅ **PASS**" if self.passed else "💡 **HINT**"
        return f"{mark} ({self.label}): {self.message}"


@dataclass(frozen=True)
class Exercise:
    """One exercise of the book: its label, level, time and how its answer is checked."""

    label: str
    chapter: int
    level: str
    minutes: int
    kind: str
    answer: str | None = None          # the name the learner assigns (None: open-ended)
    scaffold: str = ""                 # the answer cell's starter code (``...`` where code goes)
    what: str = ""                     # what the answer is, with its unit
    unit: str = ""
    tolerance: float = 0.0             # absolute, in ``unit`` (kind "number")
    hint: str = ""                     # the general hint when no typical mistake matches
    allowed: tuple[str, ...] = ()      # kind "names": the names an answer may contain
    compute: Callable[[], Expected] | None = field(default=None, repr=False, compare=False)
    judge: Callable[[Any], tuple[bool, str]] | None = field(default=None, repr=False, compare=False)
    good_answer: tuple[str, ...] = ()  # open-ended: what a good answer contains

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level of {self.label} must be one of {', '.join(LEVELS)}; got {self.level!r}")
        if self.kind not in KINDS:
            raise ValueError(f"kind of {self.label} must be one of {', '.join(KINDS)}; got {self.kind!r}")

    @property
    def checked(self) -> bool:
        """Whether the exercise has a check (open-ended ones have a model answer instead)."""
        return self.kind != "open"

    def expected(self) -> Expected:
        """The right answer and the typical mistakes, computed by the models (cached)."""
        if self.compute is None:
            raise ValueError(f"{self.label} is open-ended: it has no computed answer")
        return _expected(self.label)

    def pass_message(self) -> str:
        """The sentence a right answer gets (the same for every right answer)."""
        if self.kind == "number":
            return f"right, within ±{self.tolerance:g} {self.unit}".rstrip() + "."
        return "right."

    def pass_text(self) -> str:
        """``repr`` of a passing :class:`Result` (what an otter test expects to see)."""
        return repr(Result(self.label, True, self.pass_message()))

    def check(self, value: Any) -> Result:
        """Check ``value`` (see :func:`check`)."""
        if not self.checked:
            raise ValueError(
                f"{self.label} is open-ended and has no check: compare your answer with the model answer "
                "and the list of what a good answer contains"
            )
        given = self._validate(value)
        if self.kind == "custom":
            passed, message = self.judge(given)
            return Result(self.label, passed, message if not passed else self.pass_message())
        expected = self.expected()
        if self._same(given, expected.value):
            return Result(self.label, True, self.pass_message())
        for wrong in expected.wrong:
            if self._same(given, wrong.value):
                return Result(self.label, False, wrong.hint)
        return Result(self.label, False, self.hint or "not yet: read the exercise again.")

    # -- comparing and validating ------------------------------------------------------------

    def _same(self, given: Any, target: Any) -> bool:
        if self.kind == "number":
            return abs(given - float(target)) <= self.tolerance
        if self.kind == "names":
            return given == frozenset(target)
        return given == target

    def _validate(self, value: Any) -> Any:
        name = self.answer or "answer"
        if value is Ellipsis:
            raise ValueError(f"{name} is still `...`: replace the `...` with your answer ({self.what})")
        if self.kind in ("number", "integer"):
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
                if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
                    value = value.item()
                else:
                    shape = f" of shape {np.shape(value)}" if isinstance(value, (np.ndarray, list, tuple)) else ""
                    raise ValueError(
                        f"{name} must be a single number ({self.what}); got {_short(value)} "
                        f"(type {type(value).__name__}{shape})"
                    )
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(f"{name} must be a finite number ({self.what}); got {_short(value)}")
            if self.kind == "integer":
                if number != int(number):
                    raise ValueError(f"{name} must be a whole number ({self.what}); got {_short(value)}")
                return int(number)
            return number
        if self.kind == "names":
            if isinstance(value, str) or not isinstance(value, Iterable):
                raise ValueError(
                    f"{name} must be a list or set of names ({self.what}); got {_short(value)} "
                    f"(type {type(value).__name__})"
                )
            names = list(value)
            unknown = [n for n in names if n not in self.allowed]
            if unknown:
                raise ValueError(
                    f"{name} must hold names among {', '.join(map(repr, self.allowed))}; got {_short(unknown)}"
                )
            return frozenset(names)
        return value


#: label -> Exercise, filled by the chapter modules as they are imported.
REGISTRY: dict[str, Exercise] = {}


@functools.lru_cache(maxsize=None)
def _expected(label: str) -> Expected:
    item = REGISTRY[label]
    expected = item.compute()
    for wrong in expected.wrong:
        if item._same(item._validate(wrong.value), expected.value):
            raise RuntimeError(f"{label}: a typical wrong answer equals the right one; its hint would mislead")
    return expected


def exercise(label: str, *, chapter: int, level: str, minutes: int, kind: str = "number", **details: Any):
    """Register the decorated function as the computation behind exercise ``label``.

    The function takes no argument and returns an :class:`Expected` (kinds ``number``,
    ``integer``, ``names``), or for kind ``custom`` a judge: a function from the validated
    answer to ``(passed, message)``. Kind ``open`` registers no function: call
    ``exercise(...)(None)``.
    """

    def register(function: Callable | None) -> Callable | None:
        if label in REGISTRY:
            raise ValueError(f"exercise {label!r} is registered twice")
        kwargs = dict(details)
        if kind == "custom":
            kwargs["judge"] = function
        elif kind != "open":
            kwargs["compute"] = function
        REGISTRY[label] = Exercise(label, chapter, level, minutes, kind, **kwargs)
        return function

    return register


def get(label: str) -> Exercise:
    """The exercise registered under ``label``.

    Raises
    ------
    ValueError
        If no exercise has that label (the message lists the labels there are).
    """
    if not isinstance(label, str) or label not in REGISTRY:
        raise ValueError(f"label must be one of the exercise labels ({', '.join(sorted(REGISTRY))}); got {_short(label)}")
    return REGISTRY[label]


def labels(chapter: int | None = None) -> list[str]:
    """The registered labels, in book order (of one chapter, if given)."""
    return [k for k, e in REGISTRY.items() if chapter is None or e.chapter == chapter]


def check(label: str, answer: Any) -> Result:
    """Check a learner's ``answer`` to exercise ``label``: a :class:`Result` (PASS or HINT).

    Raises
    ------
    ValueError
        If ``label`` is not an exercise's label, the exercise is open-ended, or the answer is
        malformed (wrong type, NaN, wrong shape, the scaffold's ``...``).
    """
    return get(label).check(answer)
