"""A rebuild that read no document skips the two whole-book passes whose results it already has.

When nothing changed, Sphinx reads no document and writes no page, but two passes still run over
the whole book on every build, and together they were most of a no-change rebuild (2026-12-03:
about 3 s of 5.5 s on the 2-core machine):

- Sphinx's toctree collector numbers every figure and table again (``assign_figure_numbers``,
  called from ``env-get-updated``), unpickling every document's doctree to do it (1.3 s; the API
  page's doctree alone is 4.8 MB);
- sphinxcontrib-bibtex formats every cited entry again (``BibtexDomain.env_updated``, called
  from ``env-updated``): 171 entries, twice each for the link tooltips (1.5 s). It keeps no cache.

Both compute their result from the documents read so far. If this build read no document and
removed none, the environment is the one the last build saved after these two passes ran, so
their results (``env.toc_fignumbers``, the domain's citations) are already in it and would come
out the same. This extension records, per build, whether any document was read or removed
(``env-get-outdated`` and ``env-before-read-docs``), and when none was it returns the stored
result instead of running the pass. Any added, changed or removed document, a changed ``.bib``
file (sphinxcontrib-bibtex then marks the citing documents changed), a changed configuration
(Sphinx then reads everything) or ``--all`` runs both passes exactly as before.

Neither Sphinx nor sphinxcontrib-bibtex has an option for this, so it is done here, by wrapping the
two methods. Each wrapper falls back to the original unless the build's Sphinx application has
recorded that nothing was read. ``tests/test_no_change_rebuild.py`` builds a toy book with
numbered figures and citations: a no-change rebuild skips both passes, and a rebuild after an edit
renumbers the edited chapter's figures and resolves its new citation.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

#: Set on the Sphinx application at ``env-before-read-docs``: True when the build reads no document
#: and removed none (not stored in the environment, so it never outlives its build).
FLAG = "legday_nothing_read"


def nothing_read(env: Any) -> bool:
    """Whether the build running with ``env`` read no document and removed none."""
    return bool(getattr(getattr(env, "app", None), FLAG, False))


def _remember_removed(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    app.legday_removed_docs = bool(removed)
    return []


def _remember_read(app: Any, env: Any, docnames: list[str]) -> None:
    unchanged = not docnames and not getattr(app, "legday_removed_docs", True)
    setattr(app, FLAG, unchanged)
    if unchanged:
        LOGGER.info("legday: no document changed; figure numbers and citations kept from the last build")


def skip_when_nothing_read(method: Callable[..., list[str]], env_of: Callable[[Any, tuple], Any]) -> Callable[..., list[str]]:
    """Wrap ``method`` (which returns the docnames it updated) to return ``[]`` without running
    when its build read nothing; ``env_of(self, args)`` finds the build environment."""
    if getattr(method, "_legday_wrapped", False):
        return method

    @wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> list[str]:
        if nothing_read(env_of(self, args)):
            return []
        return method(self, *args, **kwargs)

    wrapper._legday_wrapped = True  # type: ignore[attr-defined]
    return wrapper


def setup(app: Any) -> dict[str, Any]:
    from sphinx.environment.collectors.toctree import TocTreeCollector
    from sphinxcontrib.bibtex.domain import BibtexDomain

    TocTreeCollector.assign_figure_numbers = skip_when_nothing_read(
        TocTreeCollector.assign_figure_numbers, lambda self, args: args[0])
    BibtexDomain.env_updated = skip_when_nothing_read(BibtexDomain.env_updated, lambda self, args: self.env)
    app.connect("env-get-outdated", _remember_removed)
    # Last, after any listener that changes the list of documents to read.
    app.connect("env-before-read-docs", _remember_read, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
