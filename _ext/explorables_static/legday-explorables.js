// Explorables (_ext/explorables.py): select the precomputed row that matches the controls and draw it.
// Every value shown comes from the page's embedded data, computed at build time by legday; this
// script never computes a model value. It fills the summary template with the row's own numbers,
// turns the row's curves into points for Vega-Lite and re-draws when a control or the theme changes.
(() => {
  "use strict";
  const state = (window.legdayExplorables = window.legdayExplorables || {});

  const text = (control, value) => `${value} ${control.unit}`.trim();

  function selectRow(data, setting) {
    return data.rows.find((row) => data.controls.every((c) => row[c.name] === setting[c.name]));
  }

  function fill(template, row) {
    return template.replace(/\{(\w+)\}/g, (all, key) => (key in row ? String(row[key]) : all));
  }

  function points(data, row) {
    const out = [];
    for (const series of data.series) {
      row[series.field].forEach((y, i) => out.push({ x: data.x[i], y, series: series.label }));
    }
    return out;
  }

  function themeColours() {
    const style = getComputedStyle(document.documentElement);
    const read = (name, fallback) => (style.getPropertyValue(name) || "").trim() || fallback;
    const dark = document.documentElement.dataset.theme === "dark";
    return {
      dark,
      text: read("--pst-color-text-base", dark ? "#ced6dd" : "#222832"),
      muted: read("--pst-color-text-muted", dark ? "#9ca4af" : "#5b5f66"),
      grid: read("--pst-color-border", dark ? "#48566b" : "#d1d5da"),
    };
  }

  function themed(spec, data) {
    const c = themeColours();
    const copy = JSON.parse(JSON.stringify(spec));
    // the model's black line is drawn in the page's text colour (visible in dark mode too)
    const swap = (colour) => (colour.toLowerCase() === "#000000" ? c.text : colour);
    const walk = (node) => {
      if (Array.isArray(node)) { node.forEach(walk); return; }
      if (!node || typeof node !== "object") { return; }
      if (node.scale && Array.isArray(node.scale.range) && typeof node.scale.range[0] === "string") {
        node.scale.range = node.scale.range.map(swap);
      }
      if (node.mark && typeof node.mark === "object" && node.mark.color) { node.mark.color = c.muted; }
      Object.values(node).forEach(walk);
    };
    walk(copy);
    copy.config = {
      background: null,
      font: getComputedStyle(document.body).fontFamily,
      aria: false,
      view: { stroke: null },
      axis: { labelColor: c.text, titleColor: c.text, gridColor: c.grid, domainColor: c.muted, tickColor: c.muted,
              labelFontSize: 12, titleFontSize: 13 },
      legend: { labelColor: c.text, titleColor: c.text, labelFontSize: 12, labelLimit: 0 },
      title: { color: c.text },
    };
    return copy;
  }

  function setup(root) {
    const data = JSON.parse(root.querySelector("script.legday-explorable-data").textContent);
    const live = root.querySelector(".legday-explorable-live");
    const summary = root.querySelector(".legday-explorable-summary");
    const chart = root.querySelector(".legday-explorable-chart");
    const inputs = Array.from(root.querySelectorAll("[data-control]"));
    const entry = (state[data.name] = { row: null, points: [], rendered: 0 });
    let view = null;

    function setting() {
      const out = {};
      for (const input of inputs) {
        const control = data.controls.find((c) => c.name === input.dataset.control);
        out[control.name] = control.values[Number(input.value)];
      }
      return out;
    }

    async function draw() {
      const chosen = setting();
      for (const input of inputs) {
        const control = data.controls.find((c) => c.name === input.dataset.control);
        const shown = text(control, chosen[control.name]);
        if (input.type === "range") { input.setAttribute("aria-valuetext", shown); }
        root.querySelector(`output[for="${input.id}"]`).textContent = shown;
      }
      const row = selectRow(data, chosen);
      if (!row) { summary.textContent = "No precomputed result for this setting."; return; }
      summary.textContent = fill(data.summary, row);
      const spec = themed(data.spec, data);
      spec.data = { values: points(data, row) };
      if (view) { view.finalize(); }
      const result = await window.vegaEmbed(chart, spec, { renderer: "svg", actions: false });
      view = result.view;
      // the chart's container is the image (role="img", aria-label) and the summary its words:
      // the drawing inside is presentation only
      const svg = chart.querySelector("svg");
      if (svg) {
        svg.setAttribute("aria-hidden", "true");
        svg.querySelectorAll("[role], [aria-label], [aria-roledescription]").forEach((el) => {
          el.removeAttribute("role"); el.removeAttribute("aria-label"); el.removeAttribute("aria-roledescription");
        });
      }
      entry.row = row;
      entry.points = spec.data.values;
      entry.rendered += 1;
      root.dataset.rendered = String(entry.rendered);
    }

    live.hidden = false;
    for (const input of inputs) { input.addEventListener("input", draw); input.addEventListener("change", draw); }
    new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    draw();
  }

  function start() {
    if (typeof window.vegaEmbed !== "function") { return; }
    document.querySelectorAll(".legday-explorable").forEach(setup);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
