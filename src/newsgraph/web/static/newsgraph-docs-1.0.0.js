// Starts Swagger UI on the API's OpenAPI document (/docs). A file of its own: the pages' Content
// Security Policy allows no inline script. Nothing is fetched from elsewhere: no validator badge.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    defaultModelsExpandDepth: 0,
    presets: [window.SwaggerUIBundle.presets.apis],
  });
})();
