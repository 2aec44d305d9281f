"""Concept checks in the built book, in Chromium: answered with the keyboard only, offline.

On chapter 1's page (served from the session's book build on 127.0.0.1, every request to another
host blocked and recorded, see ``tests/_site.py``) a learner Tabs to a concept check's options,
picks a wrong one with the arrow keys, checks it with Enter and hears (the ``aria-live`` region)
why it is wrong, without the right answer; then picks the right one and is told it is correct.
A numeric check is answered by typing. No console error, no request off the page's host, no
serious or critical axe violation. A screenshot of a check at 390 px in dark mode is written to
``$LEGDAY_SCREENSHOTS`` when that is set. ``$LEGDAY_BOOK_HTML`` points the test at a build made
already (``_build/html``) instead of building the book again.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from _site import axe_violations

pytestmark = pytest.mark.browser

PAGE = "chapters/01_balanced_physique.html"
NUMERIC_PAGE = "chapters/04_calorie_burn.html"


@pytest.fixture(scope="module")
def site(served_book, book_html: Path):
    assert (book_html / PAGE).is_file(), f"no {PAGE} in {book_html}"
    return served_book


def _focused(page) -> dict:
    return page.evaluate(
        "() => { const a = document.activeElement; return {tag: a.tagName, type: a.type || '', id: a.id,"
        " check: a.closest('.legday-concept-check') ? a.closest('.legday-concept-check').id : ''}; }"
    )


def _tab_to(page, check_id: str, limit: int = 400) -> dict:
    """Press Tab until the focus is inside the concept check ``check_id``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = _focused(page)
        if where["check"] == check_id:
            return where
    raise AssertionError(f"Tab never reached the concept check #{check_id}")


def _feedback(page, check_id: str) -> str:
    region = page.locator(f"#{check_id} [aria-live='polite']")
    page.wait_for_function(
        "(id) => document.querySelector('#' + id + ' [aria-live]').textContent.trim().length > 0", arg=check_id
    )
    return region.inner_text()


def test_a_choice_question_answered_with_the_keyboard(site) -> None:
    browser, base = site
    page, visit = browser.open(base + PAGE, "light", "desktop")
    try:
        check = "cc-01-double"
        assert page.locator(f"#{check} fieldset legend").inner_text().startswith("Concept check 1.1")
        assert page.locator(f"#{check} details").is_hidden(), "with JavaScript the answers' <details> is hidden"
        where = _tab_to(page, check)
        assert where["type"] == "radio", f"the first tab stop in the check is {where}, not an option"
        # (a) is wrong: choose it with Space, check with Enter
        page.keyboard.press("Space")
        assert page.locator(f"#{check}-option-a").is_checked()
        page.keyboard.press("Enter")
        wrong = _feedback(page, check)
        assert "Not quite" in wrong and "Try another answer" in wrong, wrong
        right_text = page.locator(f"#{check} li[data-correct='true'] .legday-cc-option-text").inner_text()
        assert right_text not in wrong, "the feedback on a wrong answer gives the right one away"
        assert page.locator(f"#{check} .legday-cc-reveal").is_visible(), "no 'Show the answer' after a wrong attempt"
        # (b) is right: the arrow key moves the choice, Enter checks it
        page.locator(f"#{check}-option-a").focus()
        page.keyboard.press("ArrowDown")
        assert page.locator(f"#{check}-option-b").is_checked()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(id) => document.querySelector('#' + id + ' [aria-live]').textContent.includes('Correct')", arg=check
        )
        right = page.locator(f"#{check} [aria-live='polite']").inner_text()
        assert "Correct" in right and "Diminishing returns" in right, right
        assert page.locator(f"#{check}").evaluate("el => el.classList.contains('is-correct')")
        # the Check button is reachable by Tab as well, and labelled
        assert page.locator(f"#{check} button.legday-cc-check").inner_text() == "Check"
        assert not visit.external_requests, visit.external_requests
        assert not (visit.console_errors + visit.page_errors + visit.failed_requests), visit.problems()
        violations = axe_violations(page)
        assert not violations, violations
    finally:
        page.close()


def test_a_numeric_question_answered_by_typing(site) -> None:
    browser, base = site
    page, visit = browser.open(base + NUMERIC_PAGE, "dark", "phone")
    try:
        check = "cc-04-net"
        where = _tab_to(page, check)
        assert where["id"] == f"{check}-answer", where
        expected = float(page.locator(f"#{check}").get_attribute("data-answer"))
        page.keyboard.type("abc")
        page.keyboard.press("Enter")
        assert "Type a number" in _feedback(page, check)
        page.locator(f"#{check}-answer").fill(f"{expected * 1.25:.0f}")  # the gross cost: too high
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(id) => document.querySelector('#' + id + ' [aria-live]').textContent.includes('too high')", arg=check
        )
        page.locator(f"#{check}-answer").fill(f"{expected:.0f}")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(id) => document.querySelector('#' + id + ' [aria-live]').textContent.includes('Correct')", arg=check
        )
        assert not visit.external_requests, visit.external_requests
        assert not (visit.console_errors + visit.page_errors + visit.failed_requests), visit.problems()
        violations = axe_violations(page)
        assert not violations, violations
        shots = os.environ.get("LEGDAY_SCREENSHOTS", "").strip()
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.locator(f"#{check}").scroll_into_view_if_needed()
            page.locator(f"#{check}").screenshot(path=str(Path(shots) / "concept-check-numeric-390-dark.png"))
            other = page.locator("#cc-04-epoc")
            other.locator("#cc-04-epoc-option-a").check()
            other.locator("button.legday-cc-check").click()
            page.wait_for_timeout(200)
            other.screenshot(path=str(Path(shots) / "concept-check-choice-390-dark.png"))
    finally:
        page.close()


def test_without_javascript_the_answers_are_in_a_closed_details(site) -> None:
    browser, base = site
    context = browser.browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        page.goto(base + PAGE)
        details = page.locator("#cc-01-double details.legday-cc-answers")
        assert details.is_visible() and details.get_attribute("open") is None
        assert page.locator("#cc-01-double button.legday-cc-check").is_hidden()
        details.locator("summary").click()
        assert "square root" in details.inner_text().lower()
    finally:
        context.close()
