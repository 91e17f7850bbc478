// Permalinks: every input of every calculator lives in the page's query string as
// `<calculator id>.<input name>=<number>`, the number as JavaScript writes it (`1e24`, `59`;
// the fields show `10^24`, which Python reads). Reading takes only the calculator's declared
// inputs and only values that parse as finite numbers; anything else is ignored.

/** Numbers (Python's reading of the fields) as a link or a file name writes them: the
 * shortest text of the float, without the exponent's "+" (calculators/_typed.key_text). */
export function linkValues(numbers) {
  return Object.fromEntries(Object.entries(numbers).map(([name, value]) => [name, String(value).replace("e+", "e")]));
}

/** The inputs this URL sets for the calculator whose inputs are `names`. */
export function readPermalink(calculatorId, names, search = location.search) {
  const params = new URLSearchParams(search);
  const values = {};
  for (const name of names) {
    const raw = params.get(`${calculatorId}.${name}`);
    if (raw === null || raw.trim() === "") continue;
    const number = Number(raw);
    if (Number.isFinite(number)) values[name] = linkValues({ number }).number;
  }
  return values;
}

/** Put these inputs into the address bar, keeping other calculators' parameters. */
export function writePermalink(calculatorId, inputs) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(inputs)) url.searchParams.set(`${calculatorId}.${name}`, value);
  url.hash = `calc-${calculatorId}`;
  if (url.href !== location.href) history.replaceState(history.state, "", url);
  return url.href;
}
