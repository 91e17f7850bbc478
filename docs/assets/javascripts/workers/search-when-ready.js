// Material's search worker, started when the page says so. Building the search index takes a
// few hundred milliseconds of CPU; on a page with a calculator that time would come out of
// Python's start and the first results, which need the same cores at the same moment (make
// bench). Material creates this worker at once and sends it the index; it is held here until
// the page (javascripts/calculators/search-start.js) says "start": once the page's calculators
// have drawn their first results or Python has failed, on a page without a calculator at
// once, and whenever the reader opens search. A timer starts it anyway, so search never
// depends on the page's own code.
//
// hooks/search_worker.py points Material at this file, naming its worker in the address
// (?worker=search.<hash>.min.js). This file sits beside that worker because Material's
// worker loads its language files relative to its own address.
const START_ANYWAY_MS = 20_000;

const name = new URL(self.location.href).searchParams.get("worker") ?? "";
const held = [];
const hold = (event) => held.push(event.data);
self.addEventListener("message", hold);

// A power of ten as readers type or paste it is asked for as the index holds it, beside every
// 10²⁶ of the prose (hooks/search_text.py): "10^26", "10**26" and "10²⁶" as "1e26", and a
// negative power, "1e-7", "10^-7", "10**-7" or "10⁻⁷", as "1e−7" with a minus sign (U+2212),
// because search splits words at a hyphen. (Lunr would also read "10^26" as the word "10"
// boosted 26 times.) Material's query messages have type 2 (SearchMessageType.QUERY); this
// listener comes before Material's, so it sees them first.
const QUERY = 2;
const SUPERSCRIPT = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-" };

function powersAsTyped(query) {
  return query
    .replace(/(^|[^\w.])10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_, before, power) => `${before}10^${[...power].map((c) => SUPERSCRIPT[c]).join("")}`)
    .replace(/(^|[^\w.])10\s*(?:\^|\*\*)\s*\{?([-−]?\d+(?:\.\d+)?)\}?/g, (_, before, power) => `${before}1e${power}`)
    .replace(/(^|[^\w.])(\d+(?:\.\d+)?)[eE][-−](\d)/g, (_, before, coefficient, digit) => `${before}${coefficient}e−${digit}`);
}

// A horizon symbol as pages write it, "T₅₀", is asked for as typed, "T50", which the index
// holds beside every T₅₀ of the prose (hooks/search_text.py).
const SUBSCRIPT = { "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9" };

function symbolsAsTyped(query) {
  return query.replace(/(^|[^\w])([Tt])([₀₁₂₃₄₅₆₇₈₉]+)/g, (_, before, t, percent) => `${before}${t}${[...percent].map((c) => SUBSCRIPT[c]).join("")}`);
}

self.addEventListener("message", ({ data: message }) => {
  if (message?.type === QUERY && typeof message.data === "string") message.data = symbolsAsTyped(powersAsTyped(message.data));
});

// The same twins are words of a section's text in the index, so a result's excerpt would show
// them ("10²⁶ = 1e26", "T₅₀ = T50"). Each result leaves here without them: a twin after its
// superscript or subscript goes; a twin that starts an excerpt (Material cuts excerpts at
// tags, so one may begin just after "10<sup>26</sup>") is written as the page writes it,
// 10²⁶ or T₅₀, highlighted if it was. No prose writes "= 1e26" itself (the site never writes
// e-notation). Material's worker answers with postMessage; its result messages have type 3
// (SearchMessageType.RESULT).
const RESULT = 3;
const TWIN = /(<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉])? ?= (<mark[^>]*>)?(?:(\d+(?:\.\d+)?)e(−?\d+(?:\.\d+)?)|T(\d+))(<\/mark>)?/g;
const UP = Object.fromEntries(Object.entries(SUPERSCRIPT).map(([up, digit]) => [digit, up]));
const DOWN = Object.fromEntries(Object.entries(SUBSCRIPT).map(([down, digit]) => [digit, down]));
UP["−"] = "⁻";

function asWritten(coefficient, exponent, percent) {
  if (percent) return `T${[...percent].map((c) => DOWN[c]).join("")}`;
  const power = `10${[...exponent].map((c) => UP[c] ?? c).join("")}`;
  return coefficient === "1" ? power : `${coefficient} × ${power}`;
}

function withoutTwins(text) {
  if (typeof text !== "string") return text;
  return text.replace(TWIN, (_, after, open = "", coefficient, exponent, percent, close = "") =>
    after ? after : `${open}${asWritten(coefficient, exponent, percent)}${close}`,
  );
}

const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => {
  if (message?.type === RESULT)
    for (const result of message.data?.items ?? [])
      for (const item of result) Object.assign(item, { title: withoutTwins(item.title), text: withoutTwins(item.text) });
  post(message, ...rest);
};

let started = false;
let channel = null;
let timer = null;

function start() {
  if (started) return;
  started = true;
  clearTimeout(timer);
  channel?.close();
  self.removeEventListener("message", hold);
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) throw new Error(`search-when-ready.js: bad worker name "${name}"`);
  importScripts(name); // Material's worker: adds its own message listener
  for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
}

if (typeof BroadcastChannel === "function") {
  channel = new BroadcastChannel("search-start");
  channel.onmessage = ({ data }) => data === "start" && start();
  channel.postMessage("waiting"); // a page already past that point answers at once
  timer = setTimeout(start, START_ANYWAY_MS);
} else {
  start();
}
