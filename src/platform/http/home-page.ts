/**
 * What `GET /` shows a person who opens the server in a browser: what this is and where to go. The admin dashboard
 * and the storefront will be listed here as they arrive.
 */
export function homePage(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aisle</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1d2330; }
  h1 { margin-bottom: 0; } p.tag { margin-top: .25rem; color: #5a6272; }
  a { color: #0b5cad; } li { margin: .4rem 0; } code { background: #f1f3f6; padding: 0 .25rem; border-radius: 3px; }
</style>
</head>
<body>
<h1>Aisle</h1>
<p class="tag">Omnichannel order management: one inventory, one customer and one order record for every channel. API version ${version}.</p>
<h2>For developers</h2>
<ul>
  <li><a href="/docs">API documentation</a> — every route, try it with an API key</li>
  <li><a href="/openapi.json">OpenAPI 3.1 document</a> — generate a typed client from it</li>
  <li><a href="/health">/health</a> and <a href="/ready">/ready</a> — for load balancers and orchestrators</li>
</ul>
<h2>Apps</h2>
<ul>
  <li><a href="/store/">Store app</a> — the register, Click &amp; Collect at the counter, the store's work queue and stock (staff sign in)</li>
</ul>
<p>The admin dashboard and the storefront are coming; everything is in the API meanwhile.</p>
</body>
</html>
`;
}
