// What a download of a live result carries, so a reader can reuse it and say where it came
// from: a file name naming the inputs, and (CSV and JSON) the result's permalink, the site's
// version and the licence, written in as hooks/calculator_embeds.py writes them into the
// build's downloads of the default result. Charts download as SVG (the live Vega view's own
// SVG) and PNG (that SVG drawn at twice its size).

const LABELS = { permalink: "Permalink", site_version: "Site version", licence: "Licence", licence_url: "Licence text" };

/** `half-life_t50-59_p-0.8_shape-1.csv`: the calculator, then each input's name and value. */
export function downloadName(calculatorId, inputs, kind) {
  const parts = Object.entries(inputs).map(([name, value]) => `${name}-${String(value).trim().replace(/[^0-9eE.+-]/g, "_")}`);
  return `${[calculatorId, ...parts].join("_")}.${kind}`;
}

/** The build's facts about the site (data-about) plus this result's own permalink. */
export function aboutResult(root, permalink) {
  return { ...JSON.parse(root.dataset.about || "{}"), permalink };
}

function csvField(value) {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV: "about" rows under the header; JSON: an "about" object first. */
export function withAbout(kind, text, about) {
  const ordered = Object.fromEntries(Object.keys(LABELS).map((name) => [name, about[name] ?? ""]));
  if (kind === "csv") {
    const cut = text.indexOf("\n") + 1;
    // The header's other columns, left empty (counted outside quotes: a name may hold a comma).
    const empty = ",".repeat(text.slice(0, cut).replace(/"[^"]*"/g, "").split(",").length - 4);
    const rows = Object.entries(ordered).map(([name, value]) => `about,${name},${LABELS[name]},${csvField(value)}${empty}\n`);
    return text.slice(0, cut) + rows.join("") + text.slice(cut);
  }
  return `{\n  "about": ${JSON.stringify(ordered, null, 2).replaceAll("\n", "\n  ")},\n${text.slice(2)}`;
}

/** The live chart as an SVG or PNG file. */
export async function chartFile(figure, kind) {
  const svg = figure.querySelector(".calc__chart-live svg") ?? figure.querySelector("[data-chart] > svg");
  const copy = svg.cloneNode(true);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // The file names itself, as the build's does (hooks/calculator_embeds.py, titled_svg): the
  // chart's description, which names the picture on the page.
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = figure.querySelector("[data-chart]").getAttribute("aria-label") ?? "";
  copy.prepend(title);
  const text = new XMLSerializer().serializeToString(copy);
  const vector = new Blob([text], { type: "image/svg+xml" });
  if (kind === "svg") return vector;
  const width = Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute("height")) || svg.getBoundingClientRect().height;
  const url = URL.createObjectURL(vector);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: width * 2, height: height * 2 });
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff"; // the chart's own background is transparent
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save `blob` as `filename` through a temporary link. */
export function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const anchor = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
