"""The programmes the chapters' exercises start from (inputs, as the chapters define them)."""

from __future__ import annotations

#: Chapters 1 and 3: the upper-only week (eight upper-body exercises, 26 sets).
UPPER_ONLY = [("bench press", 4), ("incline press", 3), ("row", 4), ("pull-up", 3),
              ("overhead press", 3), ("lateral raise", 3), ("biceps curl", 3), ("triceps extension", 3)]
#: Chapters 1 and 3: the balanced week.
BALANCED = [("bench press", 3), ("row", 3), ("overhead press", 2), ("pull-up", 2),
            ("biceps curl", 2), ("triceps extension", 2),
            ("squat", 4), ("romanian deadlift", 3), ("leg press", 3), ("calf raise", 2)]
