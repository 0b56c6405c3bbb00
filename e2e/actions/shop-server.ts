// A shop on loopback for the cart-action tests: one page, the built widget, and a stateful
// platform fake answering real HTTP on the same origin (cookies and all, as on a live shop).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeHandler, type Fake } from '../../demo/site/shared/platforms/http.js';

const dist = resolve(process.env.CART_UPSELL_OUT ?? 'dist');

export interface Shop {
  url: string;
  close(): Promise<void>;
}

/** Serves `page` at /page, the build at /dist/*, and the fake's routes. Port 0: any free port. */
export async function startShop(fake: Fake, page: string): Promise<Shop> {
  const server: Server = createServer(
    nodeHandler(fake, (_req, res, url) => {
      if (url.pathname === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(page);
      }
      const file = url.pathname.startsWith('/dist/') ? join(dist, url.pathname.slice(6).replace(/\.\./g, '')) : '';
      if (file && existsSync(file)) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(readFileSync(file));
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** A shop page: the platform's own head tags, a checkout link, the widget (started by the test). */
export const shopPage = (head: string, body = '') => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>カート</title>${head}</head>
<body><h1>ショッピングカート</h1>${body}<a class="checkout-button" href="#checkout">レジに進む</a>
<script src="/dist/cart-upsell.js"></script></body></html>`;
