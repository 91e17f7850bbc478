// A link to a heading (a citation's "#worked-examples", say) lands on it, and the browser
// keeps it in place while the page loads. On a page with calculators the page keeps changing
// after that: as Python goes live each live chart replaces its picture (for a moment a few
// pixels taller or shorter than it), each calculator's state changes its styles, and
// Material's late start (material.js) wraps the tables. The browser's scroll anchoring makes
// up for such changes only in part: it anchors on what sits at the window's top edge, often
// the end of the calculator above the heading, and a change to the styles of that anchor's
// ancestors suppresses the adjustment for that frame. Measured on the half-life page opened
// at "#worked-examples": the heading pushed 6.6 px down for a moment as the explorer above
// it went live, past the line at which Material's table of contents marks a heading as
// reached (a flaky test found the entry above it marked). So until the reader scrolls,
// clicks, taps or types, or the page has settled, the heading is put back under the header
// whenever the page or a calculator changes size.
import { READER_INPUT } from "./material.js";

// How long after the first results (and Material's start) the page is still watched: live
// charts and wrapped tables settle within a few frames of them.
const SETTLE_MS = 2_000;
// Never longer than this from the page's start, whatever happens to Python.
const LONGEST_MS = 20_000;
// A scroll this long that moves the heading with the page is the reader's (a scroll bar
// dragged, say, which may send no input event to the page), never a calculator's doing.
const READER_SCROLL_PX = 100;

/** Keep the heading the address names (if any) in the place the link put it, under the
 * header, until the reader moves the page or `settled` has resolved and the page had a
 * moment more to settle. */
export function holdFragment(settled) {
  const target = fragmentTarget();
  if (!target || typeof ResizeObserver === "undefined" || !followedALink()) return;
  const top = () => target.getBoundingClientRect().top;
  let lastY, lastTop; // the scroll position and the heading's place, as last seen
  const note = () => {
    lastY = scrollY;
    lastTop = top();
  };
  const putBack = () => {
    target.scrollIntoView({ block: "start" });
    note();
  };
  // Called once for each element as it starts being watched, then on each change of size.
  const observer = new ResizeObserver(putBack);
  observer.observe(document.body);
  for (const root of document.querySelectorAll("[data-calculator]")) observer.observe(root);
  // The reader's scroll moves the heading by as much as the page scrolled; the browser's
  // scroll anchoring scrolls to keep it where it was, and a change of layout moves it with no
  // scroll at all (one can come between a scroll and its event: Material's start at a phone's
  // width grew the page 1,100 px and shrank it back, and judged by the heading's move alone
  // the hold let go in between; that growth is gone, overrides/main.html, but any change of
  // layout can fall there).
  const onScroll = () => {
    if (lastY === undefined) return;
    const scrolled = scrollY - lastY;
    if (Math.abs(scrolled) > READER_SCROLL_PX && Math.abs(scrolled + top() - lastTop) < 1) release();
    else note();
  };
  const release = () => {
    observer.disconnect();
    for (const type of READER_INPUT) removeEventListener(type, release, { capture: true });
    removeEventListener("scroll", onScroll);
    clearTimeout(cap);
  };
  for (const type of READER_INPUT) addEventListener(type, release, { capture: true, passive: true });
  addEventListener("scroll", onScroll, { passive: true });
  const cap = setTimeout(release, LONGEST_MS);
  settled.then(() => setTimeout(release, SETTLE_MS));
}

/** Whether the page was opened by following a link or typing its address: on a reload or a
 * step back or forward the browser puts the reader back where they were, which may be far
 * from the heading. */
function followedALink() {
  const [entry] = performance.getEntriesByType("navigation");
  return !entry || entry.type === "navigate";
}

/** The element the address's fragment names, or none. */
function fragmentTarget() {
  if (!location.hash) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null; // a malformed escape in the address
  }
}
