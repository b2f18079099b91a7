/** An index.html shaped like the built web app's (head with a description and title, a module script, the root). */
export const INDEX_HTML_TEMPLATE = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="stinet — Mạng thông tin KH&amp;CN quốc gia" />
    <title>stinet — Mạng thông tin KH&amp;CN quốc gia</title>
    <script type="module" crossorigin src="/assets/app.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;
