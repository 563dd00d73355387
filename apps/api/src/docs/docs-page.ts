/*
 * The /docs page: Swagger UI from the swagger-ui-dist package, every file served by the API
 * itself (the service runs on networks without internet), no inline script, and a Content
 * Security Policy that lets the page load nothing from anywhere else.
 */

/** Relative to /docs, so the page also works behind a path prefix. */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Integration Hub API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/docs.js"></script>
</body>
</html>
`;

/**
 * Starts Swagger UI on the document (`openapi.json` beside /docs). `validatorUrl: null`: by
 * default Swagger UI sends the document to validator.swagger.io for a badge.
 */
export const DOCS_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/**
 * Scripts from this origin only (no inline, no eval); Swagger UI sets inline style attributes, so
 * styles may be inline; requests (the document, "Try it out") go to this origin only.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
