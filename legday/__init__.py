"""legday: the small, tested models behind the Leg Day course.

One module per concern:

- :mod:`legday.energy` -- session energy from METs, resting metabolic rate,
  tissue rates, EPOC and body-mass change;
- :mod:`legday.plotting` -- the course's one figure style;
- :mod:`legday.book` -- helpers that let a notebook run in the book and anywhere else;
- :mod:`legday.reference` -- every number the models use, with its citation key.

Other modules (volume, growth, recovery, programmes, mechanics, trials) are
listed in the book's API reference. Every public function validates its
inputs and raises :class:`ValueError` with a message that names the argument,
the allowed values and what it got.
"""

__version__ = "0.1.0"

#: The course's source repository; the book's ``_config.yml`` uses the same URL
#: (a test keeps the two, and every notebook's install cell, in step).
REPOSITORY_URL = "https://github.com/leg-day-course/leg-day"

# The learner's setup check (the last cell of the getting-started page). legday.setup imports only
# the standard library, so ``legday.setup_check()`` still runs, and names what is missing, when
# NumPy or Matplotlib is not installed.
from legday.setup import setup_check  # noqa: E402
