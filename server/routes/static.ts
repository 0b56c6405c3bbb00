import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { HttpError } from '../types';

export interface StaticOptions {
  /** Folders served under a URL prefix (e.g. '/demo/' → demo/); nothing outside them is served. */
  folders: { prefix: string; dir: string }[];
  /** A file answered at '/' and '/index.html'. */
  index?: string;
  /** The built widget (dist/): cart-upsell.js and its prompt file, served at the root. */
  widgetDir: string;
  /** The shop's widget config, served as /cart-upsell.json. */
  configFile?: string;
}

// Unversioned addresses: a shop's pages keep the same <script src>, so browsers and CDNs may keep
// a copy for 5 minutes (a release reaches shoppers within that) and revalidate by ETag after.
const WIDGET_CACHE = 'public, max-age=300, stale-while-revalidate=3600';
const CONFIG_CACHE = 'public, max-age=60, stale-while-revalidate=600';
// The prompt file loads one of the platforms' cart actions beside it (src/actions/load.script.ts).
const ACTIONS = ['shopify', 'woocommerce', 'eccube', 'magento'].map((p) => `cart-upsell-actions-${p}.js`);
const WIDGET_FILES = ['cart-upsell.js', 'cart-upsell-ui.js', ...ACTIONS].flatMap((f) => [f, `${f}.map`]);

/** A file `x.html.headers.json` beside `x.html` adds its response headers (e.g. a strict CSP). */
function sidecarHeaders(path: string): Record<string, string> {
  const side = path + '.headers.json';
  return existsSync(side) ? (JSON.parse(readFileSync(side, 'utf8')) as Record<string, string>) : {};
}

export const staticFiles: FastifyPluginAsync<StaticOptions> = async (app, opts) => {
  // Registered once for reply.sendFile; each folder below adds its own prefix.
  await app.register(fastifyStatic, { root: opts.widgetDir, serve: false });

  for (const name of WIDGET_FILES) {
    app.get(`/${name}`, async (_req, reply) => {
      if (!existsSync(`${opts.widgetDir}/${name}`)) throw new HttpError(404, `${name} is not built (npm run build)`);
      return reply.header('cache-control', WIDGET_CACHE).sendFile(name, opts.widgetDir, { cacheControl: false });
    });
  }
  app.get('/cart-upsell.json', async (_req, reply) => {
    if (!opts.configFile || !existsSync(opts.configFile)) throw new HttpError(404, 'no shop config (CONFIG_FILE)');
    return reply.header('cache-control', CONFIG_CACHE).type('application/json; charset=utf-8').sendFile(basename(opts.configFile), dirname(opts.configFile), { cacheControl: false });
  });

  for (const { prefix, dir } of opts.folders) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix,
      decorateReply: false,
      cacheControl: false,
      dotfiles: 'ignore',
      index: ['index.html'],
      redirect: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', 'no-store');
        // Notes and exports open in the browser rather than download.
        if (path.endsWith('.md')) res.setHeader('content-type', 'text/plain; charset=utf-8');
        for (const [k, v] of Object.entries(sidecarHeaders(path))) res.setHeader(k, v);
      },
    });
  }
  if (opts.index) {
    const index = opts.index;
    for (const url of ['/', '/index.html']) {
      app.get(url, async (_req, reply) => reply.header('cache-control', 'no-store').sendFile(basename(index), dirname(index), { cacheControl: false }));
    }
  }
};
