// Writing a result into the page. Everything arrives formatted by Python; this only places
// text (always with textContent, so nothing a reader typed can become markup).

export function showOutputs(root, outputs) {
  for (const [name, output] of Object.entries(outputs)) {
    const element = root.querySelector(`[data-output="${CSS.escape(name)}"]`);
    if (element) element.textContent = output.text;
    // "1 hour", "2 hours": the unit as it reads after this number.
    const unit = root.querySelector(`[data-unit="${CSS.escape(name)}"]`);
    if (unit) unit.textContent = output.unit;
  }
}

export function showErrors(root, errors) {
  for (const element of root.querySelectorAll("[data-error-for]")) {
    const message = errors[element.dataset.errorFor];
    element.textContent = message ?? "";
    element.hidden = !message;
    const input = root.querySelector(`form [name="${CSS.escape(element.dataset.errorFor)}"]`);
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
  }
  root.dataset.result = Object.keys(errors).length ? "stale" : "fresh";
}

export function showTable(root, table) {
  const cells = (tag, values) => values.map((value) => Object.assign(document.createElement(tag), { textContent: value }));
  root.querySelector("[data-table-head]").replaceChildren(...cells("th", table.columns));
  for (const th of root.querySelectorAll("[data-table-head] th")) th.scope = "col";
  root.querySelector("[data-table-body]").replaceChildren(
    ...table.rows.map((row) => {
      const tr = document.createElement("tr");
      tr.append(...cells("td", row));
      return tr;
    }),
  );
  root.querySelector("[data-table-points]").replaceChildren(
    ...table.points.map((point) => {
      const li = document.createElement("li");
      li.append(Object.assign(document.createElement("strong"), { textContent: point.label }), `: ${point.x}, ${point.y}`);
      return li;
    }),
  );
}

export function showPinned(root, outputs) {
  for (const element of root.querySelectorAll("[data-pinned]")) {
    const output = outputs?.[element.dataset.pinned];
    element.textContent = output ? `pinned: ${output.text}` : "";
    element.hidden = !output;
  }
  root.querySelector("[data-pinned-note]").hidden = !outputs;
  root.querySelector('[data-action="unpin"]').hidden = !outputs;
}

export function notify(root, message) {
  root.querySelector("[data-notice]").textContent = message;
}
