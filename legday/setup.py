"""A setup check for learners: is this Python ready to run the course?

:func:`setup_check` is the last cell of the getting-started page. It checks,
in order, what a chapter needs (the Python version, NumPy, Matplotlib, the
course package and a figure that can actually be drawn) and prints either a
clear "ready" or, for each missing piece, what is wrong and how to fix it.
"""

from __future__ import annotations

import importlib
import io
import re
import sys
from dataclasses import dataclass

__all__ = [
    "MIN_PYTHON",
    "MIN_VERSIONS",
    "Check",
    "SetupReport",
    "check_setup",
    "setup_check",
]

#: The oldest Python the course supports (pyproject.toml, ``requires-python``).
MIN_PYTHON: tuple[int, int] = (3, 11)

#: Package -> oldest supported version (pyproject.toml's dependencies).
MIN_VERSIONS: dict[str, tuple[int, ...]] = {"numpy": (1, 26), "matplotlib": (3, 8)}

_FIX_INSTALL = "install the course: python -m pip install -r requirements.txt (see the 'Running the course' page)"


@dataclass(frozen=True)
class Check:
    """One item of the setup check.

    Attributes
    ----------
    name
        What was checked ("Python", "numpy", "a figure" ...).
    ok
        Whether it is ready.
    detail
        The version found, or what is wrong and how to fix it.
    """

    name: str
    ok: bool
    detail: str

    def __post_init__(self) -> None:
        """Refuse a check that cannot be printed (standard library only: this module must run without NumPy)."""
        for field in ("name", "detail"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{field} must be a non-empty string; got {value!r:.60}")
        if not isinstance(self.ok, bool):
            raise ValueError(f"ok must be True or False; got {self.ok!r:.60}")


@dataclass(frozen=True)
class SetupReport:
    """The result of :func:`check_setup`: every check, in order."""

    checks: tuple[Check, ...]

    def __post_init__(self) -> None:
        """Refuse anything but a non-empty sequence of :class:`Check` (kept as a tuple)."""
        if isinstance(self.checks, (str, bytes)) or not isinstance(self.checks, (tuple, list)) or not self.checks \
                or not all(isinstance(c, Check) for c in self.checks):
            raise ValueError(f"checks must be a non-empty tuple of Check objects; got {self.checks!r:.60}")
        object.__setattr__(self, "checks", tuple(self.checks))

    @property
    def ready(self) -> bool:
        """True when every check passed."""
        return all(check.ok for check in self.checks)

    @property
    def missing(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(check for check in self.checks if not check.ok)

    def text(self) -> str:
        """The report as a learner reads it: one line per check, then the verdict."""
        lines = [f"[{'ok' if c.ok else 'MISSING'}] {c.name}: {c.detail}" for c in self.checks]
        if self.ready:
            lines.append("READY: everything the course needs is here. Open chapter 1.")
        else:
            names = ", ".join(c.name for c in self.missing)
            lines.append(f"NOT READY: fix {names} (see the lines marked MISSING), then run this cell again.")
        return "\n".join(lines)


def _version_tuple(text: str) -> tuple[int, ...]:
    """Leading numeric parts of a version string ("2.1.3rc1" -> (2, 1, 3))."""
    parts = []
    for piece in str(text).split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.group() != piece:
            break
    return tuple(parts)


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(v) for v in version)


def _python_version() -> tuple[int, int, int]:
    return tuple(sys.version_info[:3])  # type: ignore[return-value]


def _module_version(name: str) -> str | None:
    """The ``__version__`` of an importable module, or None when it cannot be imported."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return str(getattr(module, "__version__", "unknown"))


def _draw_figure() -> None:
    """Draw a small line plot into memory (no window, no file, no pyplot state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1))
    FigureCanvasAgg(fig)
    fig.add_subplot().plot([0, 1], [0, 1])
    fig.savefig(io.BytesIO(), format="png")


def _check_python() -> Check:
    found = _python_version()
    if tuple(found[:2]) >= MIN_PYTHON:
        return Check("Python", True, _dotted(found))
    return Check(
        "Python", False,
        f"version {_dotted(found)} is too old; the course needs Python {_dotted(MIN_PYTHON)} or newer "
        "(install a newer Python, or choose a newer kernel: Kernel -> Change Kernel)",
    )


def _check_package(name: str, minimum: tuple[int, ...]) -> Check:
    found = _module_version(name)
    if found is None:
        return Check(name, False, f"not installed; {_FIX_INSTALL}")
    if _version_tuple(found) < minimum:
        return Check(
            name, False,
            f"version {found} is too old; the course needs {_dotted(minimum)} or newer "
            f"(python -m pip install --upgrade {name})",
        )
    return Check(name, True, found)


def _check_legday() -> Check:
    found = _module_version("legday")
    if found is None:
        return Check("legday (the course package)", False, f"cannot be imported; {_FIX_INSTALL}")
    return Check("legday (the course package)", True, found)


def _check_figure(matplotlib_ok: bool) -> Check:
    if not matplotlib_ok:
        return Check("a figure", False, "cannot be drawn without a working matplotlib (see above)")
    try:
        _draw_figure()
    except Exception as error:  # any failure to draw is what the learner must hear about
        return Check("a figure", False, f"drawing failed ({type(error).__name__}: {error}); "
                     "restart the kernel (Kernel -> Restart) and run this cell again")
    return Check("a figure", True, "drawn")


def check_setup() -> SetupReport:
    """Check this Python for everything the course needs, without printing.

    Returns
    -------
    SetupReport
        One :class:`Check` each for Python (at least :data:`MIN_PYTHON`), NumPy and
        Matplotlib (at least :data:`MIN_VERSIONS`), the ``legday`` package and
        drawing a figure.
    """
    checks = [_check_python()]
    checks += [_check_package(name, minimum) for name, minimum in MIN_VERSIONS.items()]
    checks.append(_check_legday())
    checks.append(_check_figure(checks[2].ok))
    return SetupReport(tuple(checks))


def setup_check() -> SetupReport:
    """Print the setup check (a clear READY or what is missing) and return it.

    Returns
    -------
    SetupReport
        The same report as :func:`check_setup`.
    """
    report = check_setup()
    print(report.text())
    return report
