"""Bibliography style of the course: author lists end in "et al.", never "and others".

pybtex's standard styles print a BibTeX ``and others`` literally, so the reference lists read
"Takashi Abe and others" next to "Abe et al. (2000)" in the text; and sphinxcontrib-bibtex's
``author_year`` citations shorten three or more authors to "et al." but print an entry with one
named author plus ``others`` as "Hall and others, 2011". Both styles come from plugin registries,
so this extension registers two, each the library's own with one change (a trailing "others" in
a name list is written "et al."):

- ``legday`` (pybtex's ``alpha``, for the reference lists): ``bibtex_default_style: legday``;
- ``legday_author_year`` (sphinxcontrib-bibtex's ``author_year``, for the in-text citations):
  ``bibtex_reference_style: legday_author_year``.

The rest (sorting, labels, brackets, separators) is the libraries' own. The HTML, the PDF and
the learner notebooks use the same text.
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass, field

from pybtex.plugin import register_plugin
from pybtex.richtext import Tag, Text
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.template import FieldIsMissing, first_of, join, node, optional, sentence, tag
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join as citation_join

#: The name under which the style is registered (``bibtex_default_style``).
STYLE_NAME = "legday"
#: The name under which the in-text citation style is registered (``bibtex_reference_style``).
REFERENCE_STYLE_NAME = "legday_author_year"


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


@node
def cited_names(children: list, data: dict, role: str, **kwargs: Any) -> Any:
    """In-text names of ``role``, as sphinxcontrib-bibtex's ``names``, but a trailing "others"
    gives "First et al." (or every named author and "et al." where the full list is asked for)."""
    if children:
        raise ValueError(children)
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None
    person_style = data["style"].person
    formatted = [person_style.style_plugin.format(p, person_style.abbreviate) for p in persons]
    if not (persons and _is_others(persons[-1])):
        return citation_join(**kwargs)[formatted].format_data(data)
    named = formatted[:-1]
    if kwargs.get("other") is not None:
        return citation_join[named[0], kwargs["other"]].format_data(data)
    listed = citation_join(sep=kwargs.get("sep", ", "), sep2=kwargs.get("sep2"), last_sep=kwargs.get("last_sep"))[named]
    return citation_join[listed, Text(" ", Tag("em", "et al."))].format_data(data)


@dataclass
class CitedPersonStyle(PersonStyle):
    """sphinxcontrib-bibtex's person style with "et al." for a trailing "others"."""

    def names(self, role: str, full: bool) -> Any:
        return cited_names(role=role, **self._separators(full))

    def author_or_editor_or_title(self, full: bool) -> Any:
        kwargs = self._separators(full)
        return first_of[optional[cited_names("author", **kwargs)], optional[cited_names("editor", **kwargs)],
                        tag("em")[bib_field("title")]]

    def _separators(self, full: bool) -> dict[str, Any]:
        return {"sep": self.sep, "sep2": self.sep2, "last_sep": self.last_sep, "other": None if full else self.other}


@dataclass
class ReferenceStyle(AuthorYearReferenceStyle):
    """sphinxcontrib-bibtex's ``author_year`` citations, with :class:`CitedPersonStyle` names."""

    person: PersonStyle = field(default_factory=CitedPersonStyle)


def setup(app: Any) -> dict[str, Any]:
    register_plugin("pybtex.style.formatting", STYLE_NAME, Style)
    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE_NAME, ReferenceStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
