"""legday: the small, tested models behind the Leg Day course.

One module per concern:

- :mod:`legday.energy` -- session energy from METs, resting metabolic rate,
  tissue rates and EPOC;
- :mod:`legday.bodymass` -- body-mass change from a sustained energy gap;
- :mod:`legday.plotting` -- the course's one figure style;
- :mod:`legday.book` -- helpers that let a notebook run in the book and anywhere else;
- :mod:`legday.reference` -- every number the models use, with its citation key.

Other modules (volume, anatomy, growth, hormones, fitness, recovery, program,
assessment, scheduling, drawing, mechanics, trials) are listed in the book's
API reference. Every submodule is reachable from the
package: ``import legday`` then ``legday.energy.met_kcal(...)`` works (each is
imported the first time it is used). Every public function validates its
inputs and raises :class:`ValueError` with a message that names the argument,
the allowed values and what it got.
"""

__version__ = "0.1.0"

#: The course's source repository; the book's ``_config.yml`` uses the same URL
#: (a test keeps the two, and every notebook's install cell, in step).
REPOSITORY_URL = "https://github.com/leg-day-course/leg-day"

#: The submodules reachable as ``legday.<name>`` after a plain ``import legday``.
SUBMODULES: tuple[str, ...] = (
    "anatomy", "assessment", "bodymass", "book", "course", "drawing", "energy", "figures", "fitness", "growth",
    "hormones", "mechanics", "plotting", "program", "recovery", "reference", "scheduling", "setup", "trials",
    "verdicts", "volume",
)


def __getattr__(name: str) -> object:
    """Import a submodule the first time ``legday.<name>`` is used (PEP 562)."""
    if name in SUBMODULES:
        import importlib

        return importlib.import_module(f"legday.{name}")
    raise AttributeError(f"module 'legday' has no attribute {name!r}; its submodules are {', '.join(SUBMODULES)}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(SUBMODULES))


# The learner's setup check (the last cell of the getting-started page). legday.setup imports only
# the standard library, so ``legday.setup_check()`` still runs, and names what is missing, when
# NumPy or Matplotlib is not installed.
from legday.setup import setup_check  # noqa: E402
