import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Db } from './db';
import type { Settings } from './settings';
import { HttpError } from './types';
import { originAllowed } from './security/origins';
import { tokenMatches } from './security/token';
import { adminRoutes, publicRoutes } from './routes';
import { staticFiles, type StaticOptions } from './routes/static';
import './types';

export interface AppOptions {
  db: Db;
  settings: Settings;
  adminToken: string;
  validateEvent: (event: unknown) => string | null;
  /** Route plugins added behind the admin token, after the built-in ones. */
  adminPlugins?: FastifyPluginAsync[];
  /** Folders served as they are (the demo site, fixtures); nothing outside them is reachable. */
  files?: StaticOptions;
  logger?: boolean;
}

/** Database errors mean "try again later": the widget keeps the batch and retries on 503. */
function isDbFailure(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { fromDb?: boolean }).fromDb === true;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { settings } = opts;
  const app = Fastify({
    logger: opts.logger ? { level: 'warn' } : false,
    bodyLimit: settings.bodyLimit,
    // The widget's own proxies and load balancers set X-Forwarded-For; rate limits count the client.
    trustProxy: process.env.TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: false },
    // A path that cannot be decoded names nothing served: 404 like any other.
    frameworkErrors: (err, _req, res) => {
      const reply = res as unknown as FastifyReply;
      if ((err as { code?: string }).code === 'FST_ERR_BAD_URL') return reply.code(404).type('text/plain').send('not found');
      return reply.code(400).send({ error: err.message });
    },
  });
  app.decorate('db', opts.db);
  app.decorate('settings', settings);
  app.decorate('validateEvent', opts.validateEvent);
  app.decorate('adminRoutes', [] as { method: string; url: string }[]);

  // Paths that climb out of a folder are answered 404 before any route sees them, whatever the
  // encoding (%2e%2e, backslashes, NUL).
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return reply.code(404).type('text/plain').send('not found');
    }
    if (decoded.includes('\0') || decoded.split(/[\\/]/).some((s) => s === '..' || s === '.')) {
      return reply.code(404).type('text/plain').send('not found');
    }
  });

  await app.register(cors, {
    hook: 'onRequest',
    delegator: (req, cb) => {
      const origin = req.headers.origin;
      // Only the service's own routes answer other origins: not a 404, not a file of the demo.
      const route = req.routeOptions.url;
      const ours = route !== undefined && !route.endsWith('*');
      cb(null, {
        origin: ours && origin !== undefined && originAllowed(origin, req.headers.host, settings.allowedOrigins) ? origin : false,
        methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
        allowedHeaders: ['content-type', 'authorization'],
        // A 429 or 503 tells the widget when to come back; it can only read that if exposed.
        exposedHeaders: ['Retry-After'],
        maxAge: 600,
      });
    },
  });

  app.removeAllContentTypeParsers();
  // The widget posts text/plain (no preflight); any type is read as text and parsed as JSON by
  // the route, so a wrong body gets a message naming what is wrong.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).headers(err.headers).send({ error: err.message });
    }
    const e = err as { code?: string; statusCode?: number; message: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: `body over ${settings.bodyLimit} bytes` });
    }
    if (e.statusCode === 429) return reply.code(429).send({ error: e.message });
    if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ error: e.message });
    }
    if (isDbFailure(err)) {
      req.log.warn({ err }, 'database unavailable');
      if (!opts.logger) console.warn(`cart-upsell: database unavailable (${e.message})`);
      return reply.code(503).header('retry-after', '5').send({ error: 'database unavailable, try again later' });
    }
    return reply.code(500).send({ error: 'internal error' });
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await opts.db.query('select 1');
      return reply.type('text/plain').header('cache-control', 'no-store').send('ok');
    } catch {
      return reply.code(503).type('text/plain').header('cache-control', 'no-store').send('database unavailable');
    }
  });

  // The API: per-IP rate limit, and an Origin check on top of CORS (CORS only hides answers from
  // a foreign page; the check refuses its writes).
  await app.register(async (api) => {
    if (settings.rateLimit > 0) {
      await api.register(rateLimit, {
        max: settings.rateLimit,
        timeWindow: 60_000,
        errorResponseBuilder: (_req, ctx) => ({
          statusCode: 429,
          message: `too many requests from this address: try again in ${Math.ceil(ctx.ttl / 1000)} s`,
        }),
      });
    }
    api.addHook('onRequest', async (req) => {
      if (!originAllowed(req.headers.origin, req.headers.host, settings.allowedOrigins)) {
        throw new HttpError(403, `origin ${req.headers.origin} is not allowed to use this service (ALLOWED_ORIGINS)`);
      }
    });
    for (const plugin of publicRoutes) await api.register(plugin);
    await api.register(async (admin) => {
      admin.addHook('onRoute', (r) => {
        for (const method of [r.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') app.adminRoutes.push({ method, url: r.url });
      });
      admin.addHook('onRequest', async (req) => {
        if (req.method === 'OPTIONS') return;
        if (!tokenMatches(opts.adminToken, req.headers.authorization)) {
          throw new HttpError(401, 'admin token required: Authorization: Bearer <ADMIN_TOKEN>', {
            'www-authenticate': 'Bearer realm="cart-upsell"',
          });
        }
      });
      admin.addHook('onSend', async (_req, reply) => {
        reply.header('cache-control', 'no-store');
      });
      for (const plugin of [...adminRoutes, ...(opts.adminPlugins ?? [])]) await admin.register(plugin);
    });
  });

  app.setNotFoundHandler(async (_req, reply) => reply.code(404).type('text/plain').send('not found'));
  await app.register(staticFiles, opts.files ?? { folders: [], widgetDir: settings.widgetDir, configFile: settings.configFile });
  return app;
}
