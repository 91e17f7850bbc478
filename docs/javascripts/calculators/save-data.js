// Whether the browser asks to save data (the Save-Data setting, `navigator.connection.saveData`).
// Then Python starts only once a calculator is on or near the screen, the service worker does
// not fetch the calculator kit or Python's snapshot ahead of use, and a page that is only read
// downloads no Python at all. (The early start in each calculator page's <head>,
// hooks/calculator_embeds.py, makes the same test inline.)
export const savingData = () => navigator.connection?.saveData === true;

// How near the screen a calculator must come for Python to start: one screen height.
const NEAR = "100% 0px";

/** Call `start` once `element` is on or near the screen. */
export function whenNear(element, start) {
  if (!("IntersectionObserver" in self)) return start();
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      start();
    }
  }, { rootMargin: NEAR });
  observer.observe(element);
}
