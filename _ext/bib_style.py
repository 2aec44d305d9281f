"""Bibliography style of the course: author lists end in "et al.", never "and others".

The in-text citations (``author_year``) already shorten long author lists to "et al.", but
pybtex's standard styles print a BibTeX ``and others`` literally, so the reference lists read
"Takashi Abe and others" next to "Abe et al. (2000)" in the text. sphinxcontrib-bibtex takes
its formatting style from pybtex's plugin registry, so this extension registers a style,
``legday``, that is pybtex's ``alpha`` style with one change: a trailing "others" in a name
list is written "et al.". The rest (sorting, labels, fields) is pybtex's own. Set with
``bibtex_default_style: legday`` in ``_config.yml``; the HTML and the PDF use the same lists.
"""

from __future__ import annotations

from typing import Any

from pybtex.plugin import register_plugin
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.template import FieldIsMissing, join, node, sentence

#: The name under which the style is registered (``bibtex_default_style``).
STYLE_NAME = "legday"


def _is_others(person: Any) -> bool:
    return str(person).strip().lower() == "others"


@node
def names_et_al(children: list, context: dict, role: str, **kwargs: Any) -> Any:
    """Formatted names of ``role``; a trailing BibTeX "others" becomes "et al."."""
    if children:
        raise ValueError(children)
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    style = context["style"]
    others = bool(persons) and _is_others(persons[-1])
    named = [style.format_name(p, style.abbreviate_names) for p in (persons[:-1] if others else persons)]
    if not others:
        return join(**kwargs)[named].format_data(context)
    listed = join(sep=", ")[named]
    return join(sep=" " if len(named) == 1 else ", ")[listed, "et al."].format_data(context)


class Style(AlphaStyle):
    """pybtex's alpha style, with "et al." for a trailing "others" in author and editor lists."""

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        formatted = names_et_al(role, sep=", ", sep2=" and ", last_sep=", and ")
        return sentence[formatted] if as_sentence else formatted


def setup(app: Any) -> dict[str, Any]:
    register_plugin("pybtex.style.formatting", STYLE_NAME, Style)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
