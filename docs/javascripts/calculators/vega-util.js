// vega-interpreter, an ES module, imports three helpers from the package "vega-util". Vega's
// browser build, which chart.js loads before the interpreter, already carries them on
// window.vega; hooks/runtime_assets.py points the interpreter's import here.
const { ascending, isString, DisallowedObjectProperties } = window.vega;

export { ascending, isString, DisallowedObjectProperties };
