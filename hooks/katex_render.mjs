// Typesets TeX for hooks/math.py with the pinned KaTeX from node_modules.
// Protocol: one JSON line in per page, [[tex, display], ...]; one JSON line out,
// {"html": [...]} or {"error": "..."} naming the first expression KaTeX rejects.
import { createInterface } from "node:readline";
import katex from "katex";

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  let reply;
  try {
    const html = JSON.parse(line).map(([tex, display]) => {
      try {
        return katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error", output: "htmlAndMathml" });
      } catch (error) {
        throw new Error(`${error.message} in ${JSON.stringify(tex)}`);
      }
    });
    reply = { html };
  } catch (error) {
    reply = { error: String(error.message ?? error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
