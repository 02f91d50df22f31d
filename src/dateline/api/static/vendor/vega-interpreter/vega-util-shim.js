// dateline: vega-interpreter imports three helpers from the `vega-util` package. The UMD
// build of Vega (vendor/vega/vega.min.js, loaded first as a classic script) re-exports
// vega-util on `window.vega`, so this module hands those over instead of a second copy.
const vega = globalThis.vega;
export const ascending = vega.ascending;
export const isString = vega.isString;
export const DisallowedObjectProperties = vega.DisallowedObjectProperties;
