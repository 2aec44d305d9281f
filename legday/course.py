"""The course's schedule: how long each chapter takes, in one place.

Each chapter's overview states its "Estimated time" and the instructor guide
plans its sessions with the same minutes; both come from :data:`CHAPTER_TIMES`
(the guide through glue, the chapters' overview line checked by a test), so the
two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from legday._checks import whole_number

__all__ = ["ChapterTime", "CHAPTER_TIMES", "GETTING_STARTED_MIN", "chapter_time", "estimated_time_sentence"]


@dataclass(frozen=True)
class ChapterTime:
    """The time one chapter asks of a learner.

    Attributes
    ----------
    read_and_run_min
        Minutes to read the chapter and run its cells (min).
    exercises_min
        Minutes for the chapter's exercises (min).
    """

    read_and_run_min: int
    exercises_min: int

    def __post_init__(self) -> None:
        whole_number("read_and_run_min", self.read_and_run_min, low=1)
        whole_number("exercises_min", self.exercises_min, low=1)

    @property
    def total_min(self) -> int:
        """Reading, running and exercises together (min)."""
        return self.read_and_run_min + self.exercises_min


#: Chapter number -> its time. The exercises are part of the total, never "plus" it.
CHAPTER_TIMES: dict[int, ChapterTime] = {
    1: ChapterTime(read_and_run_min=30, exercises_min=30),
    2: ChapterTime(read_and_run_min=30, exercises_min=20),
    3: ChapterTime(read_and_run_min=35, exercises_min=25),
    4: ChapterTime(read_and_run_min=35, exercises_min=25),
    5: ChapterTime(read_and_run_min=60, exercises_min=30),
    6: ChapterTime(read_and_run_min=35, exercises_min=25),
    7: ChapterTime(read_and_run_min=45, exercises_min=45),
}

#: Minutes of the "Start here" page (``start/getting_started.ipynb``: Jupyter and Python for a learner
#: who has never used them). Its overview, the introduction and the README say the same (a test checks).
GETTING_STARTED_MIN: int = 20


def chapter_time(chapter: int) -> ChapterTime:
    """Return the time of ``chapter`` (a chapter number, 1 to 7).

    Raises
    ------
    ValueError
        If ``chapter`` is not the number of a chapter of the course.
    """
    number = whole_number("chapter", chapter, low=min(CHAPTER_TIMES), high=max(CHAPTER_TIMES))
    return CHAPTER_TIMES[number]


def estimated_time_sentence(chapter: int) -> str:
    """The "Estimated time" line of ``chapter``'s overview, exactly as the chapter prints it.

    >>> estimated_time_sentence(2)
    '**Estimated time.** About 50 minutes: 30 to read and run, 20 for the exercises.'
    """
    time = chapter_time(chapter)
    return (
        f"**Estimated time.** About {time.total_min} minutes: {time.read_and_run_min} to read and run, "
        f"{time.exercises_min} for the exercises."
    )
