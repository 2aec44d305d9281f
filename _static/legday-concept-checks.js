// Leg Day: concept checks (_ext/concept_checks.py writes the HTML). Instant feedback on the page,
// offline: nothing here makes a request. Without this script the answers stay in a closed
// <details> under each question; with it the <details> is hidden and the Check button gives the
// feedback in the check's aria-live status region:
// - a wrong option: why it is wrong, and "try again" (the right answer is not given away);
// - the right option: why it is right;
// - after a wrong attempt, "Show the answer" gives the answer and its explanation.
// Keyboard: Tab to the options, arrow keys (or Space) to choose, Enter (or the button) to check.
(function () {
  "use strict";

  function say(region, html, verdict) {
    // Emptied first, filled on the next frame: a screen reader announces a repeated message too.
    region.innerHTML = "";
    region.dataset.verdict = verdict;
    window.requestAnimationFrame(function () {
      region.innerHTML = html;
    });
  }

  function why(item) {
    var box = item && item.querySelector(".legday-cc-why");
    return box ? box.innerHTML : "";
  }

  function parseNumber(text) {
    var raw = String(text || "").replace(/[\s\u00a0\u2009%]/g, "").replace(/\u2212/g, "-");
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) {
      raw = raw.replace(/,/g, ""); // 1,234.5
    } else {
      raw = raw.replace(",", "."); // 12,5
    }
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : NaN;
  }

  function setup(check) {
    if (check.dataset.legdayReady) {
      return;
    }
    check.dataset.legdayReady = "yes";
    var form = check.querySelector(".legday-cc-form");
    var answers = check.querySelector(".legday-cc-answers");
    var region = check.querySelector(".legday-cc-feedback");
    var button = check.querySelector(".legday-cc-check");
    var reveal = check.querySelector(".legday-cc-reveal");
    var numeric = check.dataset.kind === "numeric";
    answers.hidden = true;
    button.hidden = false;
    check.classList.add("legday-cc-live");

    function mark(state) {
      check.classList.remove("is-correct", "is-wrong");
      if (state) {
        check.classList.add(state);
      }
    }

    function optionOf(input) {
      return input.closest(".legday-cc-option");
    }

    function checkChoice() {
      var chosen = form.querySelector("input[type=radio]:checked");
      form.querySelectorAll(".legday-cc-option").forEach(function (o) {
        o.classList.remove("is-correct", "is-wrong");
      });
      if (!chosen) {
        mark(null);
        say(region, "<p>Choose one of the answers first.</p>", "none");
        return;
      }
      var item = answers.querySelector('li[data-option="' + chosen.value + '"]');
      var right = item && item.dataset.correct === "true";
      optionOf(chosen).classList.add(right ? "is-correct" : "is-wrong");
      if (right) {
        mark("is-correct");
        reveal.hidden = true;
        say(region, '<p class="legday-cc-verdict"><strong>\u2713 Correct.</strong></p>' + why(item), "correct");
      } else {
        mark("is-wrong");
        reveal.hidden = false;
        say(region, '<p class="legday-cc-verdict"><strong>\u2717 Not quite.</strong></p>' + why(item) +
          "<p>Try another answer.</p>", "wrong");
      }
    }

    function checkNumber() {
      var input = form.querySelector("input[type=text]");
      var value = parseNumber(input.value);
      if (!isFinite(value)) {
        mark(null);
        input.setAttribute("aria-invalid", "true");
        say(region, "<p>Type a number, for example 12.5.</p>", "none");
        return;
      }
      input.removeAttribute("aria-invalid");
      var expected = Number(check.dataset.answer);
      var tolerance = Number(check.dataset.tolerance);
      if (Math.abs(value - expected) <= tolerance + 1e-9 * Math.abs(expected)) {
        mark("is-correct");
        reveal.hidden = true;
        say(region, '<p class="legday-cc-verdict"><strong>\u2713 Correct.</strong></p>' + why(answers), "correct");
      } else {
        mark("is-wrong");
        reveal.hidden = false;
        say(region, '<p class="legday-cc-verdict"><strong>\u2717 Not quite:</strong> ' +
          (value > expected ? "that is too high." : "that is too low.") +
          " Check the units and which number the question asks for, then try again.</p>", "wrong");
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (numeric) {
        checkNumber();
      } else {
        checkChoice();
      }
    });

    // Enter on a radio button checks the answer (a text field submits the form by itself).
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.type === "radio") {
        event.preventDefault();
        if (form.requestSubmit) {
          form.requestSubmit();
        } else {
          button.click();
        }
      }
    });

    reveal.addEventListener("click", function () {
      reveal.hidden = true;
      mark(null);
      if (numeric) {
        var unit = check.dataset.unit ? " " + check.dataset.unit : "";
        say(region, '<p class="legday-cc-verdict"><strong>The answer:</strong> ' + check.dataset.answerText + unit +
          ".</p>" + why(answers), "answer");
        return;
      }
      var item = answers.querySelector('li[data-correct="true"]');
      var text = item.querySelector(".legday-cc-option-text");
      var input = form.querySelector('input[value="' + item.dataset.option + '"]');
      form.querySelectorAll(".legday-cc-option").forEach(function (o) {
        o.classList.remove("is-correct", "is-wrong");
      });
      optionOf(input).classList.add("is-answer");
      say(region, '<p class="legday-cc-verdict"><strong>The answer:</strong> ' + (text ? text.innerHTML : "") +
        "</p>" + why(item), "answer");
    });
  }

  function init() {
    document.querySelectorAll(".legday-concept-check").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
