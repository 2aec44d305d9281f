"""Concept checks: short questions with instant, offline feedback on the page (issue 11 item 2).

A chapter asks a question in a colon fence; each option is a ``{choice}`` with the reason it is
right or wrong, and exactly one is marked ``:correct:``. A numeric question instead names the glued
value that answers it (never a typed number) and a tolerance::

    ::::{concept-check}
    A lifter doubles weekly sets from 10 to 20. What does the model's growth per block do?

    :::{choice} It doubles, from {glue:text}`ch01-gain10:.1f` % to twice that.
    The curve is a square root, not a straight line: ...
    :::

    :::{choice} It rises by a factor of about 1.4.
    :correct:
    Doubling the sets multiplies a square root by ...
    :::
    ::::

    ::::{concept-check}
    :answer: ch01-gain20:.1f
    :tolerance: 0.1
    :unit: %
    What gain per block does the model give at 20 weekly sets?

    The explanation, shown once the answer is right.
    ::::

The content before the first choice (or, for a numeric question, the first paragraph) is the
question: one paragraph, which becomes the ``<legend>`` of a ``<fieldset>``. Everything is parsed
with ``nested_parse``, so ``{glue:text}`` roles, maths and emphasis work inside questions, options
and explanations. A question without exactly one correct choice, with fewer than two choices, or
whose glued answer is missing is a build error.

Output, per builder:

* **HTML**: ``<fieldset><legend>`` with radio inputs and their ``<label>``\\s (or a labelled number
  field), a Check button, an ``aria-live="polite"`` status region, and a ``<details>`` that holds the
  answer and every option's explanation. ``_static/legday-concept-checks.js`` hides the
  ``<details>``, shows the Check button and gives the feedback: a wrong option's explanation (why it
  is wrong) without the right answer and "try again"; the right option's explanation once it is
  chosen; after a wrong attempt, a "Show the answer" button. Without JavaScript the ``<details>``
  stays, closed, under the question. No request leaves the page.
* **Learner notebooks** (builder ``learner``): the question in bold, the options as a lettered list,
  and a closed ``<details>`` with the answer and the explanations (like the solutions), in a cell of
  its own marked ``metadata.legday.role = "concept-answer"``; the student notebooks leave that cell
  out (``_ext/learner_edition.py``: ``STUDENT_DROPS``), as they leave out solutions.
* **LaTeX (the PDF handout) and every other builder**: the question and its options, no answers;
  the instructor guide lists the answers (``{concept-check-list}``).

``{concept-check-list} chapters/01_balanced_physique`` (the instructor guide's exit tickets) lists a
chapter's concept checks, numbered as on the chapter's page (``Concept check 1.2``), with the answers
in a dropdown: one source, so the guide cannot drift from the chapters.
"""

from __future__ import annotations

import html
import math
import re
from ast import literal_eval
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

#: Builders that write the learner notebooks (answers in a closed ``<details>``).
NOTEBOOK_BUILDERS = frozenset({"learner", "jupyter"})


class concept_check(nodes.General, nodes.Element):
    """One concept check: ``kind`` is ``"choice"`` or ``"numeric"``."""


class concept_question(nodes.TextElement):
    """The question (the inline content of one paragraph)."""


class concept_choice(nodes.General, nodes.Element):
    """One option: a ``concept_option`` (its text) and the explanation's block nodes; ``correct``."""


class concept_option(nodes.TextElement):
    """The text of an option (inline content)."""


class concept_explanation(nodes.General, nodes.Element):
    """A numeric question's explanation (block nodes)."""


class concept_check_list(nodes.General, nodes.Element):
    """Placeholder for ``{concept-check-list}``: replaced by the listed chapter's checks."""


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


def parse_tolerance(text: str, expected: float) -> float:
    """An absolute tolerance from ``"0.5"`` or a relative one from ``"5%"`` (of ``expected``).

    >>> parse_tolerance("5%", 40.0)
    2.0
    """
    raw = text.strip()
    try:
        value = float(raw[:-1]) * abs(expected) / 100.0 if raw.endswith("%") else float(raw)
    except ValueError:
        raise ValueError(f"tolerance must be a number or a percentage such as '5%'; got {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"tolerance must be a finite number >= 0; got {text!r}")
    return value


def default_tolerance(fmt_spec: str) -> float:
    """One unit in the last digit the format shows: ``".1f"`` -> 0.1, ``".0f"`` or ``","`` -> 1."""
    match = re.search(r"\.(\d+)[fF%]$", fmt_spec)
    return 10.0 ** -int(match.group(1)) if match else 1.0


def glued_number(document: nodes.document, key: str) -> float:
    """The number glued under ``key`` in the notebook being parsed; ``ValueError`` if none."""
    from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data

    try:
        data = retrieve_glue_data(document, key).data
    except RetrievalError as exc:
        raise ValueError(str(exc)) from None
    text = data.get("text/plain")
    if text is None:
        raise ValueError(f"the glued value {key!r} has no text/plain form")
    try:
        value = float(literal_eval(text))
    except (SyntaxError, ValueError, TypeError):
        raise ValueError(f"the glued value {key!r} is not a number: {text!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"the glued value {key!r} is not finite: {text!r}")
    return value


def _inline_of(paragraph: nodes.paragraph, cls: type) -> nodes.Element:
    node = cls(paragraph.rawsource, "")
    node.extend(child.deepcopy() for child in paragraph.children)
    node.source, node.line = paragraph.source, paragraph.line
    return node


class ChoiceDirective(SphinxDirective):
    """``{choice}`` inside ``{concept-check}``: the option (argument) and why it is right or wrong."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"correct": directives.flag}

    def run(self) -> list[nodes.Node]:
        if not self.env.temp_data.get("legday_concept_check"):
            raise self.error("{choice} is only allowed inside a {concept-check}")
        if not self.content:
            raise self.error("a {choice} needs an explanation: why this option is right or wrong")
        node = concept_choice(correct="correct" in self.options)
        self.set_source_info(node)
        text, messages = self.state.inline_text(self.arguments[0], self.lineno)
        option = concept_option(self.arguments[0], "", *text)
        node += option
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class ConceptCheckDirective(SphinxDirective):
    """``{concept-check}``: a multiple-choice question (``{choice}``\\s) or a numeric one (``:answer:``)."""

    has_content = True
    option_spec = {
        "label": directives.unchanged,
        "answer": directives.unchanged_required,
        "tolerance": directives.unchanged_required,
        "unit": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        if self.env.temp_data.get("legday_concept_check"):
            raise self.error("a {concept-check} cannot contain another one")
        if not self.content:
            raise self.error("a {concept-check} needs a question")
        serial = self.env.new_serialno("concept-check") + 1
        label = self.options.get("label") or f"concept-check-{serial}"
        if not re.fullmatch(r"[a-z][a-z0-9-]*", label):
            raise self.error(f"concept-check :label: must be lower-case letters, digits and '-'; got {label!r}")
        body = nodes.Element()
        self.env.temp_data["legday_concept_check"] = True
        try:
            self.state.nested_parse(self.content, self.content_offset, body)
        finally:
            self.env.temp_data.pop("legday_concept_check", None)
        node = concept_check(ids=[label], kind="numeric" if "answer" in self.options else "choice",
                             docname=self.env.docname, index=serial)
        self.set_source_info(node)
        messages = [c for c in body.children if isinstance(c, nodes.system_message)]
        blocks = [c for c in body.children if not isinstance(c, nodes.system_message)]
        choices = [c for c in blocks if isinstance(c, concept_choice)]
        stem = [c for c in blocks if not isinstance(c, concept_choice)]
        if node["kind"] == "choice":
            self._choice(node, stem, choices)
        else:
            self._numeric(node, stem, choices)
        return [node, *messages]

    def _question(self, paragraph: nodes.Node) -> concept_question:
        if not isinstance(paragraph, nodes.paragraph):
            raise self.error("a concept check's question must be one paragraph of text (it is the fieldset's legend)")
        return _inline_of(paragraph, concept_question)

    def _choice(self, node: concept_check, stem: list[nodes.Node], choices: list[concept_choice]) -> None:
        if len(stem) != 1:
            raise self.error(
                f"a concept check's question must be one paragraph before its {{choice}} options; got {len(stem)} blocks"
            )
        if len(choices) < 2:
            raise self.error(f"a concept check needs at least two {{choice}} options; got {len(choices)}")
        correct = sum(bool(c["correct"]) for c in choices)
        if correct != 1:
            raise self.error(f"a concept check needs exactly one {{choice}} marked :correct:; got {correct}")
        node += self._question(stem[0])
        node.extend(choices)

    def _numeric(self, node: concept_check, stem: list[nodes.Node], choices: list[concept_choice]) -> None:
        if choices:
            raise self.error("a concept check has either {choice} options or an :answer:, not both")
        if not stem:
            raise self.error("a numeric concept check needs a question")
        key, _, fmt_spec = self.options["answer"].strip().partition(":")
        fmt_spec = fmt_spec or ".0f"
        try:
            value = glued_number(self.state.document, key)
            shown = format(value, fmt_spec)
            tolerance = (
                parse_tolerance(self.options["tolerance"], value) if "tolerance" in self.options
                else default_tolerance(fmt_spec)
            )
        except ValueError as exc:
            raise self.error(f"concept check :answer: {self.options['answer']!r}: {exc}") from None
        node.update_all_atts({"answer": value, "answer_text": shown, "tolerance": tolerance,
                              "unit": self.options.get("unit", "").strip()})
        node += self._question(stem[0])
        explanation = concept_explanation()
        explanation.extend(stem[1:])
        node += explanation


class ConceptCheckListDirective(SphinxDirective):
    """``{concept-check-list} chapters/01_balanced_physique``: a chapter's checks, with answers."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0].strip().removesuffix(".ipynb").removesuffix(".md").strip("/")
        if target not in self.env.found_docs:
            raise self.error(f"{{concept-check-list}}: no document {target!r}")
        self.env.note_dependency(self.env.doc2path(target))
        node = concept_check_list(target=target)
        self.set_source_info(node)
        return [node]


# ---------------------------------------------------------------------------
# Collecting (for the instructor guide) and numbering
# ---------------------------------------------------------------------------


def _store(env: BuildEnvironment) -> dict[str, list[concept_check]]:
    if not hasattr(env, "legday_concept_checks"):
        env.legday_concept_checks = {}
    return env.legday_concept_checks


def collect(app: Sphinx, doctree: nodes.document) -> None:
    found = [n.deepcopy() for n in doctree.findall(concept_check)]
    store = _store(app.env)
    store.pop(app.env.docname, None)
    if found:
        store[app.env.docname] = found


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _store(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    _store(env).update({d: v for d, v in _store(other).items() if d in docnames})


def check_number(env: BuildEnvironment, docname: str, index: int) -> str:
    """``"1.2"`` for the second check of chapter 1 (the toc is numbered); ``"2"`` on an unnumbered page."""
    chapter = (env.toc_secnumbers.get(docname) or {}).get("")
    return ".".join(str(n) for n in (*(chapter or ()), index))


def _choices(node: concept_check) -> list[concept_choice]:
    return [c for c in node.children if isinstance(c, concept_choice)]


def _explanation(choice: nodes.Element) -> list[nodes.Node]:
    return [c for c in choice.children if not isinstance(c, (concept_option, concept_question))]


def _copy(items: list[nodes.Node]) -> list[nodes.Node]:
    return [n.deepcopy() for n in items]


# ---------------------------------------------------------------------------
# Builders without the interactive form: LaTeX, text, notebooks
# ---------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def plain_nodes(node: concept_check, number: str, answers: bool, block: type | None = None) -> list[nodes.Node]:
    """The check as ordinary docutils nodes: "Concept check N." and the question, the options as a
    lettered list (a numeric check: an answer line); with ``answers``, a closed ``<details>`` (raw
    Markdown for the notebook writer) holding the answer and the explanations."""
    question = node.next_node(concept_question)
    head = nodes.paragraph("", "", nodes.strong("", f"Concept check {number}."), nodes.Text(" "), *_copy(question.children))
    out: list[nodes.Node] = [head]
    choices = _choices(node)
    if choices:
        # Markdown has no lettered lists: a notebook gets bullets that carry their letters.
        listing = (nodes.bullet_list(bullet="-") if answers
                   else nodes.enumerated_list(enumtype="loweralpha", prefix="(", suffix=")"))
        for i, choice in enumerate(choices):
            letter = [nodes.Text(f"({LETTERS[i]}) ")] if answers else []
            text = _copy(choice.next_node(concept_option).children)
            listing += nodes.list_item("", nodes.paragraph("", "", *letter, *text))
        out.append(listing)
    else:
        unit = f" {node['unit']}" if node.get("unit") else ""
        out.append(nodes.paragraph("", f"Your answer: ____{unit}"))
    if not answers:
        return out
    answer: list[nodes.Node] = [
        nodes.raw("", f"<details>\n<summary>Answer to concept check {number} (click to show)</summary>\n\n",
                  format="markdown"),
        *answer_nodes(node),
        nodes.raw("", "\n\n</details>\n\n", format="markdown"),
    ]
    if block is not None:
        # The learner builder writes it as its own cell, marked role "concept-answer", which the
        # student edition leaves out (_ext/learner_edition.py: STUDENT_DROPS).
        wrapper = block(role="concept-answer", label=node["ids"][0], number=number)
        wrapper.extend(answer)
        answer = [wrapper]
    return out + answer


def answer_nodes(node: concept_check) -> list[nodes.Node]:
    """The answer first, then why each other option is wrong (a numeric check: its explanation)."""
    choices = _choices(node)
    if not choices:
        unit = f" {node['unit']}" if node.get("unit") else ""
        out: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", "Answer:"), nodes.Text(f" {node['answer_text']}{unit}."))]
        explanation = node.next_node(concept_explanation)
        return out + (_copy(explanation.children) if explanation is not None else [])
    out = []
    order = sorted(range(len(choices)), key=lambda i: not choices[i]["correct"])
    for i in order:
        choice = choices[i]
        verdict = "Answer" if choice["correct"] else "Not"
        text = _copy(choice.next_node(concept_option).children)
        out.append(nodes.paragraph("", "", nodes.strong("", f"{verdict} ({LETTERS[i]}):"), nodes.Text(" "), *text))
        out.extend(_copy(_explanation(choice)))
    return out


class ConceptCheckTransform(SphinxPostTransform):
    """Number every check; for builders other than HTML, replace it by ordinary nodes."""

    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        docname = self.env.docname
        for node in list(self.document.findall(concept_check)):
            # the page's own document (the LaTeX builder assembles every page into one tree)
            node["number"] = check_number(self.env, node.get("docname", docname), node.get("index", 1))
            if builder.format == "html":
                continue
            block = None
            if builder.name == "learner":
                from learner_edition import learner_block as block  # the learner builder's cell marker
            node.replace_self(plain_nodes(node, node["number"], answers=builder.name in NOTEBOOK_BUILDERS, block=block))


class ConceptCheckListTransform(SphinxPostTransform):
    """Replace ``{concept-check-list}`` by the chapter's questions and, in a dropdown, the answers.

    Runs before Sphinx resolves cross-references (priority 10), so references copied from the chapter
    are resolved for the page that shows them."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        docname = self.env.docname
        for placeholder in list(self.document.findall(concept_check_list)):
            target = placeholder["target"]
            checks = _store(self.env).get(target, [])
            if not checks:
                logger.warning("{concept-check-list}: %s has no concept checks", target, location=placeholder)
                placeholder.replace_self([])
                continue
            questions = nodes.bullet_list(classes=["legday-exit-tickets"])
            answers = nodes.admonition(classes=["dropdown", "legday-exit-ticket-answers"])
            answers += nodes.title("", "Answers")
            for check in checks:
                number = check_number(self.env, target, check["index"])
                item = nodes.list_item()
                item.extend(plain_nodes(check, number, answers=False))
                questions += item
                answers += nodes.paragraph("", "", nodes.strong("", f"Concept check {number}."))
                answers.extend(answer_nodes(check))
            new = [questions, answers]
            for tree in new:
                for ref in tree.findall(lambda n: isinstance(n, nodes.Element) and "refdoc" in n.attributes):
                    ref["refdoc"] = docname
            placeholder.replace_self(new)
            if any(any(tree.findall(nodes.math)) or any(tree.findall(nodes.math_block)) for tree in new):
                # the math domain counted this page's equations when it was read, before the copied
                # questions arrived: without this, MathJax is not loaded on the page that lists them
                self.env.get_domain("math").data["has_equations"][docname] = True


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


def _render(translator, children: list[nodes.Node]) -> None:
    for child in children:
        child.walkabout(translator)


def visit_concept_check_html(self, node: concept_check) -> None:
    """The form, the live region and the no-JavaScript ``<details>`` (see the module docstring)."""
    cid = node["ids"][0]
    number = node.get("number", "")
    esc = html.escape
    body = self.body
    question = node.next_node(concept_question)
    choices = _choices(node)
    attrs = f'class="legday-concept-check" id="{esc(cid)}" data-kind="{node["kind"]}"'
    if not choices:
        attrs += f' data-answer="{node["answer"]!r}" data-tolerance="{node["tolerance"]!r}"'
        attrs += f' data-answer-text="{esc(node["answer_text"])}" data-unit="{esc(node.get("unit", ""))}"'
    body.append(f"<div {attrs}>\n<form class=\"legday-cc-form\" novalidate>\n<fieldset>\n<legend>")
    body.append(f'<span class="legday-cc-number">Concept check {esc(number)}</span> <span class="legday-cc-question">')
    _render(self, question.children)
    body.append("</span></legend>\n")
    if choices:
        body.append('<div class="legday-cc-options">\n')
        for i, choice in enumerate(choices):
            oid = f"{cid}-option-{LETTERS[i]}"
            body.append(f'<div class="legday-cc-option"><input type="radio" name="{esc(cid)}" id="{oid}" value="{LETTERS[i]}">'
                        f'<label for="{oid}">')
            _render(self, choice.next_node(concept_option).children)
            body.append("</label></div>\n")
        body.append("</div>\n")
    else:
        unit = node.get("unit", "")
        body.append(f'<div class="legday-cc-numeric"><label for="{esc(cid)}-answer">Your answer</label> '
                    f'<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
                    f'id="{esc(cid)}-answer" name="{esc(cid)}" size="8">')
        if unit:
            body.append(f' <span class="legday-cc-unit">{esc(unit)}</span>')
        body.append("</div>\n")
    body.append("</fieldset>\n<div class=\"legday-cc-actions\">"
                "<button type=\"submit\" class=\"legday-cc-check\" hidden>Check</button> "
                "<button type=\"button\" class=\"legday-cc-reveal\" hidden>Show the answer</button></div>\n"
                f"<div class=\"legday-cc-feedback\" id=\"{esc(cid)}-feedback\" role=\"status\" aria-live=\"polite\"></div>\n"
                "</form>\n")
    body.append('<details class="legday-cc-answers"><summary>Answer and explanations</summary>\n')
    if choices:
        body.append('<ol class="legday-cc-explanations" type="a">\n')
        for i, choice in enumerate(choices):
            right = "true" if choice["correct"] else "false"
            body.append(f'<li data-option="{LETTERS[i]}" data-correct="{right}"><p class="legday-cc-verdict"><strong>'
                        f'{"Right" if choice["correct"] else "Not this one"}:</strong> <span class="legday-cc-option-text">')
            _render(self, choice.next_node(concept_option).children)
            body.append('</span></p><div class="legday-cc-why">')
            _render(self, _explanation(choice))
            body.append("</div></li>\n")
        body.append("</ol>\n")
    else:
        unit = f" {node['unit']}" if node.get("unit") else ""
        body.append(f'<p class="legday-cc-verdict"><strong>Answer:</strong> {esc(node["answer_text"] + unit)}</p>'
                    '<div class="legday-cc-why">')
        explanation = node.next_node(concept_explanation)
        _render(self, list(explanation.children) if explanation is not None else [])
        body.append("</div>\n")
    body.append("</details>\n</div>\n")
    raise nodes.SkipNode


def _unreachable(self, node: nodes.Node) -> None:  # pragma: no cover - replaced before writing
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(concept_check, html=(visit_concept_check_html, None))
    for node in (concept_question, concept_choice, concept_option, concept_explanation, concept_check_list):
        app.add_node(node, html=(_unreachable, None))
    app.add_directive("concept-check", ConceptCheckDirective)
    app.add_directive("choice", ChoiceDirective)
    app.add_directive("concept-check-list", ConceptCheckListDirective)
    app.add_post_transform(ConceptCheckListTransform)
    app.add_post_transform(ConceptCheckTransform)
    app.connect("doctree-read", collect)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    # _static/legday-concept-checks.js and .css: Jupyter Book adds every file of _static/ to every page.
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
