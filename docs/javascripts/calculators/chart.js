// Bring a pre-rendered chart to life: the first live result replaces the static SVG with a
// Vega view of the same compiled spec; later results only swap its data sets. Values show
// in a small tooltip on hover; the table under the chart carries the same numbers for
// keyboard and screen-reader users. Vega's expressions run in its interpreter rather than
// through `new Function`, so the charts work under a Content-Security-Policy without
// 'unsafe-eval'.
const views = new WeakMap();
const observers = new WeakMap();
let vegaLoaded = null;

function loadVega() {
  vegaLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("../../assets/vendor/vega/vega.min.js", import.meta.url).href;
    script.onload = () => resolve(window.vega);
    script.onerror = () => reject(new Error("the chart library did not load"));
    document.head.append(script);
  }).then(async (vega) => {
    const url = new URL("../../assets/vendor/vega-interpreter/vega-interpreter.js", import.meta.url);
    const { expressionInterpreter } = await import(url.href);
    return { vega, expressionInterpreter };
  });
  return vegaLoaded;
}

/** Start loading the chart library now rather than when the first result arrives: called
 * once the first computation has been sent, so Vega's download and start run on the main
 * thread while the worker computes, instead of after it. A failure here surfaces when the
 * chart is drawn (drawChart awaits the same promise). */
export function prepareCharts() {
  loadVega().catch(() => {});
}

// The small box of values beside the pointer (or finger): show(lines, event) or hide().
function tooltipBox(canvas) {
  const box = document.createElement("div");
  box.className = "calc__tooltip";
  box.hidden = true;
  box.setAttribute("role", "status");
  canvas.append(box);
  return {
    show(lines, event) {
      box.replaceChildren(...lines.map((line) => Object.assign(document.createElement("div"), { textContent: line })));
      const bounds = canvas.getBoundingClientRect();
      box.style.left = `${Math.max(0, Math.min(event.clientX - bounds.left + 12, bounds.width - 180))}px`;
      box.style.top = `${event.clientY - bounds.top + 12}px`;
      box.hidden = false;
    },
    hide() {
      box.hidden = true;
    },
  };
}

// Vega's tooltip callback: show the hovered mark's fields as text next to the pointer.
function tooltipHandler(box) {
  return (handler, event, item, value) => {
    if (value == null || value === "") box.hide();
    else box.show(typeof value === "object" ? Object.entries(value).map(([key, text]) => `${key}: ${text}`) : [String(value)], event);
  };
}

// Tap (or click) to read: a finger cannot hover, and a line is thin, so a tap shows the
// values of the nearest point of any curve or marked point, within 40 px of it.
const NEAREST_PX = 40;
const KINDS = { points: ["Point", "label"], lines: ["Curve", "series"], pinned: ["Pinned curve", "series"] };

function readOnTap(view, figure, canvas, box) {
  const { x: xField, y: yField, xTitle, yTitle } = figure.dataset;
  canvas.addEventListener("click", (event) => {
    const svg = canvas.querySelector(".calc__chart-live svg");
    if (!svg) return;
    const bounds = svg.getBoundingClientRect();
    const [left, top] = view.origin();
    const px = event.clientX - bounds.left - left;
    const py = event.clientY - bounds.top - top;
    const [x, y] = [view.scale("x"), view.scale("y")];
    let nearest = null;
    let distance = NEAREST_PX;
    for (const kind of Object.keys(KINDS)) {
      for (const row of view.data(kind)) {
        // A marked point wins over a curve passing within 6 px as close.
        const d = Math.hypot(x(row[xField]) - px, y(row[yField]) - py) - (kind === "points" ? 6 : 0);
        if (d < distance) [nearest, distance] = [{ kind, row }, d];
      }
    }
    if (!nearest) return box.hide();
    const [name, key] = KINDS[nearest.kind];
    box.show([`${name}: ${nearest.row[key]}`, `${xTitle}: ${nearest.row.x_text}`, `${yTitle}: ${nearest.row.y_text}`], event);
  });
}

// One view per figure, created once: the promise is stored at once, so results that arrive
// while Vega is still loading wait for the same view instead of making their own.
function viewFor(figure, data) {
  if (!views.has(figure)) views.set(figure, createView(figure, data));
  return views.get(figure);
}

async function createView(figure, data) {
  const { vega, expressionInterpreter } = await loadVega();
  const canvas = figure.querySelector("[data-chart]");
  // Render beside the static SVG, then drop it, so the chart never blinks out.
  const holder = document.createElement("div");
  holder.className = "calc__chart-live";
  holder.hidden = true;
  canvas.append(holder);
  const view = new vega.View(vega.parse(JSON.parse(figure.dataset.chartSpec), null, { ast: true }), {
    renderer: "svg",
    container: holder,
    hover: true,
    expr: expressionInterpreter,
  });
  const box = tooltipBox(canvas);
  view.tooltip(tooltipHandler(box));
  for (const [name, rows] of Object.entries(data)) view.data(name, rows);
  await view.runAsync();
  readOnTap(view, figure, canvas, box);
  for (const picture of staticCharts(canvas)) picture.remove();
  holder.hidden = false;
  drawAlways(canvas);
  // The static SVG scales as a picture; the live chart instead takes the width it has,
  // so its text stays readable on a phone.
  const observer = new ResizeObserver(() => view.width(Math.max(260, canvas.clientWidth)).runAsync());
  observer.observe(canvas);
  observers.set(figure, observer);
  return view;
}

/** The build's static pictures of the chart: the wide SVG and the phone's (a wrapper around
 * its SVG); the stylesheet shows one of them. */
function staticCharts(canvas) {
  return canvas.querySelectorAll(":scope > svg, :scope > [data-chart-phone]");
}

/** Off screen the browser skips drawing a static chart and holds its exact place (stylesheets/
 * calculators.css); a live chart is always drawn, as its height is known only once drawn, so
 * that nothing moves when the reader scrolls to it. */
function drawAlways(canvas) {
  canvas.style.contentVisibility = "visible";
}

// Draws under way, by figure: while any is, the figure is marked aria-busy (assistive
// technology waits to read it; tests wait for the chart of the result just shown).
const drawing = new WeakMap();

/** Show a result's chart data (the data sets `lines` and `points`). The figure is busy from
 * the moment the result's outputs are shown (this runs in the same task) until it is drawn. */
export async function drawChart(figure, data) {
  drawing.set(figure, (drawing.get(figure) ?? 0) + 1);
  figure.setAttribute("aria-busy", "true");
  try {
    const view = await viewFor(figure, data);
    for (const [name, rows] of Object.entries(data)) view.data(name, rows);
    await view.runAsync();
  } finally {
    drawing.set(figure, drawing.get(figure) - 1);
    if (drawing.get(figure) === 0) figure.removeAttribute("aria-busy");
  }
}

/** Draw `lines` as the pinned (dashed) setting; an empty list clears it. */
export async function drawPinned(figure, lines) {
  if (!views.has(figure)) return;
  const view = await views.get(figure);
  view.data("pinned", lines);
  await view.runAsync();
}

/** Put the static pictures `pictures` (as staticCharts lists them) back in place of the
 * live view (Python stopped for good); the next live result draws a new view. */
export async function resetChart(figure, pictures) {
  const view = views.get(figure);
  views.delete(figure);
  observers.get(figure)?.disconnect();
  if (view) {
    try {
      (await view).finalize();
    } catch {
      // the view never came up: nothing to finalize
    }
  }
  const canvas = figure.querySelector("[data-chart]");
  canvas.querySelector(".calc__chart-live")?.remove();
  canvas.style.contentVisibility = ""; // skipped off screen again, as static pictures are
  for (const picture of staticCharts(canvas)) picture.remove();
  canvas.prepend(...pictures);
}

/** Copies of the static pictures, to give back to resetChart later. */
export function copyStaticCharts(figure) {
  return [...staticCharts(figure.querySelector("[data-chart]"))].map((picture) => picture.cloneNode(true));
}
