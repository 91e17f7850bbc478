// Tells the search worker (assets/javascripts/workers/search-when-ready.js) when it may build
// the search index, so that it never competes with Python starting on the same cores.
const channel = "BroadcastChannel" in self ? new BroadcastChannel("search-start") : null;
let allowed = false;

/** Let search build its index now (and whenever its worker asks later). */
export function startSearch() {
  if (allowed) return;
  allowed = true;
  channel?.postMessage("start");
}

// A worker that started after the last "start" asks again.
if (channel) channel.onmessage = ({ data }) => data === "waiting" && allowed && channel.postMessage("start");

// A reader who opens search gets it at once, whatever else is going on.
document.addEventListener("focusin", (event) => event.target.matches?.("[data-md-component=search-query]") && startSearch());
document.addEventListener("change", (event) => event.target.id === "__search" && event.target.checked && startSearch());
