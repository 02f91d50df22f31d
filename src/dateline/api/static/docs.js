// Interactive API docs from the vendored Swagger UI (no CDN). A separate file rather than
// an inline script, so that the Content-Security-Policy needs no 'unsafe-inline' scripts.
window.ui = SwaggerUIBundle({
  url: "openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // The default would send the spec to an online validator: stay offline.
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
