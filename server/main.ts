import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEvent } from '../src/events/schema';
import { buildApp } from './app';
import { openDb, type Db } from './db';
import { useTimeZone } from './ingest/store';
import { keepRetention } from './ingest/retention';
import { settingsFromEnv, type Settings } from './settings';
import { loadAdminToken } from './security/token';

export { buildApp } from './app';
export { openDb, migrate } from './db';
export type { Db, Queryable } from './db';
export { settingsFromEnv } from './settings';
export { storeEvents, rebuildRollups, useTimeZone } from './ingest/store';
export { applyRetention } from './ingest/retention';
export { rebuildLift } from './lift/aggregates';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** The repository root (dist/, data/, the demo folders are found from it). */
  root?: string;
  /** Serve the demo site, fixtures and test pages too (`npm start`). */
  demo?: boolean;
  quiet?: boolean;
  port?: number;
  host?: string;
  adminPlugins?: FastifyPluginAsync[];
}

export interface Service {
  app: FastifyInstance;
  db: Db;
  settings: Settings;
  url: string;
  close(): Promise<void>;
}

/** The checkout's root: the nearest folder above this file with a package.json (source or build). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const DEMO_FOLDERS = ['demo', 'docs', 'test/fixtures', 'e2e/pages'];

/** Opens the database, brings it up to date, and listens. */
export async function startService(opts: StartOptions = {}): Promise<Service> {
  const env = opts.env ?? process.env;
  const root = opts.root ?? findRoot();
  const settings = settingsFromEnv(env, root);
  if (opts.port !== undefined) settings.port = opts.port;
  if (opts.host !== undefined) settings.host = opts.host;
  const token = loadAdminToken(settings.adminToken, settings.dataDir);
  const db = await openDb({ DATABASE_URL: settings.databaseUrl, DATA_DIR: settings.dataDir });
  let app: FastifyInstance;
  try {
    await useTimeZone(db, settings.timeZone);
    app = await buildApp({
      db,
      settings,
      adminToken: token.token,
      validateEvent,
      adminPlugins: opts.adminPlugins,
      files: {
        folders: opts.demo ? [{ prefix: '/dist/', dir: settings.widgetDir }, ...DEMO_FOLDERS.map((d) => ({ prefix: `/${d}/`, dir: join(root, d) }))] : [],
        index: opts.demo ? join(root, 'index.html') : undefined,
        widgetDir: settings.widgetDir,
        configFile: settings.configFile,
      },
    });
    await app.listen({ port: settings.port, host: settings.host });
  } catch (err) {
    // Closing releases the embedded store's folder for the next start.
    await db.close().catch(() => {});
    throw err;
  }
  // After listening: a first purge of a large backlog must not hold up the start.
  const retention = settings.retentionDays > 0 ? keepRetention(db, settings.retentionDays, (m) => opts.quiet || console.log(`cart-upsell: ${m}`)) : null;
  const shown = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
  const url = `http://${shown}:${(app.server.address() as { port: number }).port}`;
  if (!opts.quiet) {
    const store = settings.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : settings.dataDir.startsWith('memory://') ? 'in memory' : settings.dataDir;
    const kept = settings.retentionDays > 0 ? `; raw events kept ${settings.retentionDays} days` : '';
    console.log(`cart-upsell results service: ${url}/  (events: ${store}; time zone ${settings.timeZone}${kept})`);
    if (token.generated) {
      // Printed this once; afterwards it is only in the file (or ADMIN_TOKEN).
      console.log(`Admin token (shown once${token.file ? `, kept in ${token.file}` : ''}): ${token.token}`);
      if (opts.demo) console.log(`Dashboard: ${url}/demo/site/dashboard/#token=${token.token}`);
    } else if (token.file) {
      console.log(`Admin token: in ${token.file}`);
    }
  }
  return {
    app,
    db,
    settings,
    url,
    async close() {
      await app.close();
      await retention?.stop();
      await db.close();
    },
  };
}

/** Stops on SIGINT/SIGTERM, closing the database cleanly (the embedded one flushes on close). */
export function stopOnSignals(service: Service): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  startService({
    demo: args.includes('--demo'),
    quiet: args.includes('--quiet'),
    port: arg('--port') !== undefined ? Number(arg('--port')) : undefined,
    host: arg('--host'),
  }).then(stopOnSignals, (err: Error) => {
    console.error(`cart-upsell: could not start: ${err.message}`);
    process.exit(1);
  });
}
