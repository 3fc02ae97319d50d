// Swagger UI over the merged OpenAPI document named by the page (data-openapi)
(function () {
  var el = document.getElementById('swagger-ui');
  if (!el || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({ url: el.getAttribute('data-openapi'), domNode: el, deepLinking: true });
})();
