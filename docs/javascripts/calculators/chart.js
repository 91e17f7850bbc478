// Bring a pre-rendered chart to life: the first live result replaces the static SVG with a
// Vega view of the same compiled spec; later results only swap its data sets.
const views = new WeakMap();
let vegaLoaded = null;

function loadVega() {
  vegaLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("../../assets/vendor/vega/vega.min.js", import.meta.url).href;
    script.onload = () => resolve(window.vega);
    script.onerror = () => reject(new Error("the chart library did not load"));
    document.head.append(script);
  });
  return vegaLoaded;
}

export async function drawChart(figure, data) {
  const vega = await loadVega();
  let view = views.get(figure);
  if (!view) {
    const spec = JSON.parse(figure.dataset.chartSpec);
    const canvas = figure.querySelector("[data-chart]");
    // Render beside the static SVG, then drop it, so the chart never blinks out.
    const holder = document.createElement("div");
    holder.className = "calc__chart-live";
    holder.hidden = true;
    canvas.append(holder);
    view = new vega.View(vega.parse(spec), { renderer: "svg", container: holder, hover: true });
    views.set(figure, view);
    for (const [name, rows] of Object.entries(data)) view.data(name, rows);
    await view.runAsync();
    canvas.querySelector(":scope > svg")?.remove();
    holder.hidden = false;
    // The static SVG scales as a picture; the live chart instead takes the width it has,
    // so its text stays readable on a phone.
    const fit = () => view.width(Math.max(260, canvas.clientWidth)).runAsync();
    new ResizeObserver(fit).observe(canvas);
    return;
  }
  for (const [name, rows] of Object.entries(data)) view.data(name, rows);
  await view.runAsync();
}
