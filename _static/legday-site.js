// Leg Day (see also the table cue below): display equations that do not fit their column (a phone, a long formula) scroll
// sideways with a visible cue. After MathJax has typeset the page, and whenever the window
// changes size, every display equation that is wider than its box gets the class
// legday-scrolls (edge shadows, legday-site.css) and a tab stop, so a keyboard can scroll it
// too (axe: scrollable-region-focusable); one that fits loses both. tests/test_site.py checks.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".bd-content div.math > mjx-container").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("legday-scrolls", scrolls);
      if (scrolls && box.tabIndex < 0) {
        box.tabIndex = 0; // MathJax may have given it one already: then it is left alone
        box.dataset.legdayTabStop = "added";
      } else if (!scrolls && box.dataset.legdayTabStop === "added") {
        box.removeAttribute("tabindex");
        delete box.dataset.legdayTabStop;
      }
    });
    // Tables (and other notebook output) that scroll sideways: a faded right edge shows
    // that there is more, until the reader has scrolled to the end.
    document.querySelectorAll(".bd-content div.cell_output > .output, .bd-content .pst-scrollable-table-container").forEach(function (box) {
      var update = function () {
        var scrolls = box.scrollWidth > box.clientWidth + 1;
        box.classList.toggle("legday-scrolls", scrolls);
        box.classList.toggle("legday-at-end", scrolls && box.scrollLeft + box.clientWidth >= box.scrollWidth - 2);
      };
      update();
      if (!box.dataset.legdayWatched) {
        box.dataset.legdayWatched = "yes";
        box.addEventListener("scroll", update, { passive: true });
      }
    });
    document.documentElement.dataset.legdayMath = "marked";
  }
  function whenTypeset() {
    var mj = window.MathJax;
    if (mj && mj.startup && mj.startup.promise) {
      mj.startup.promise.then(mark);
    } else {
      mark();
    }
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(mark); // MathJax's web fonts change the widths when they arrive
    }
  }
  window.addEventListener("load", whenTypeset);
  window.addEventListener("resize", function () {
    window.clearTimeout(window.__legdayResize);
    window.__legdayResize = window.setTimeout(mark, 100);
  });
})();

// Leg Day: the sidebar buttons a reader can see work. pydata-sphinx-theme 0.17 adds its own
// hidden navbar buttons with the classes primary-toggle and secondary-toggle before the ones
// sphinx-book-theme shows in the article header, and both themes bind their handlers with
// document.querySelector, so only the first, hidden button of each kind does anything: on a
// phone the navigation and the page contents cannot be opened, on a desktop the sidebar cannot
// be collapsed (pydata/pydata-sphinx-theme#2451, executablebooks/sphinx-book-theme#999, both
// open). Until the themes fix it, a click on any later button is handed to the first one, so
// the themes' own code (dialog on a phone, collapse on a desktop, focus handling) runs
// unchanged. tests/test_site.py checks both screens, with and without this file.
(function () {
  "use strict";
  function forward(selector) {
    var buttons = document.querySelectorAll(selector);
    var bound = buttons[0];
    Array.prototype.slice.call(buttons, 1).forEach(function (button) {
      if (button.dataset.legdayForwards) {
        return;
      }
      button.dataset.legdayForwards = "yes";
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
      });
    });
  }
  function bind() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
