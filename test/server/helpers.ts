// Test helpers for the results service: a database per test file — the embedded one always, a
// real PostgreSQL server too when DATABASE_URL is set — and the service on a loopback port.
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrations } from '../../server/db/migrations';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { openDb, type Db } from '../../server/db';
import { useTimeZone } from '../../server/ingest/store';
import { settingsFromEnv, type Settings } from '../../server/settings';
import { validateEvent } from '../../src/events/schema';

export const TOKEN = 'test-admin-token-0123456789';
export const admin = { authorization: `Bearer ${TOKEN}` };

/** The drivers to run against: PGlite always, PostgreSQL when a server is given. */
export const drivers: ('pglite' | 'pg')[] = process.env.DATABASE_URL ? ['pglite', 'pg'] : ['pglite'];

export interface TestDb {
  db: Db;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh database: PGlite in memory, or a new database on the PostgreSQL server. */
export async function freshDb(driver: 'pglite' | 'pg'): Promise<TestDb> {
  if (driver === 'pglite') {
    const db = await openDb({ DATA_DIR: 'memory://', from: await pgliteTemplate() });
    return { db, drop: () => db.close() };
  }
  const server = process.env.DATABASE_URL!;
  const name = `cart_upsell_test_${randomBytes(6).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: server });
  await adminClient.connect();
  await adminClient.query(`create database ${name}`);
  await adminClient.end();
  const u = new URL(server);
  u.pathname = '/' + name;
  const db = await openDb({ DATABASE_URL: u.href });
  return {
    db,
    url: u.href,
    async drop() {
      await db.close().catch(() => {});
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A migrated, empty embedded store as a tarball, made once per schema version and kept in the temp
 * folder: loading it costs a quarter of the CPU of initdb, which each test file would pay otherwise.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `cart-upsell-pglite-${key}.tar.gz`);
  if (!existsSync(file)) {
    const db = await openDb({ DATA_DIR: 'memory://' });
    const blob = await db.dump!();
    await db.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

export interface TestApp {
  app: FastifyInstance;
  base: string;
  settings: Settings;
  close(): Promise<void>;
}

/** The service on 127.0.0.1 (random port) over `db`, with settings from `env`. */
export async function startApp(db: Db, env: Record<string, string> = {}, extra: Partial<Parameters<typeof buildApp>[0]> = {}): Promise<TestApp> {
  const settings = settingsFromEnv({ DATA_DIR: 'memory://', ...env }, process.cwd());
  await useTimeZone(db, settings.timeZone);
  const app = await buildApp({ db, settings, adminToken: TOKEN, validateEvent, ...extra });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return { app, base, settings, close: () => app.close() };
}

let seq = 0;
/** A well-formed widget event (as the widget builds it); `extra` overrides fields. */
export function event(id = `ev-${Date.now().toString(36)}-${seq++}`, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'impression',
    offerId: 'up-1',
    offerType: 'upsell',
    time: '2026-11-22T10:00:00.000Z',
    currency: 'JPY',
    cartSubtotal: 7112,
    value: 2200,
    visitorId: 'v1',
    sessionId: 's1',
    variant: null,
    holdout: false,
    items: [{ sku: 'TN-0123-DX', quantity: 2, price: 2420 }],
    page: 'https://shop.example.jp/cart',
    version: '0.1.0',
    ...extra,
  };
}

/** POST /events as the widget does (text/plain JSON). */
export function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/events`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
  });
}

export async function getJson<T = any>(base: string, path: string): Promise<T> {
  const r = await fetch(base + path, { headers: admin });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<T>;
}

const built = join(resolve(__dirname, '../..'), 'build/server/main.mjs');

export interface Child {
  proc: ChildProcess;
  base: string;
  /** Everything it printed so far. */
  output(): string;
}

/** The built service in its own process (as `npm run serve` runs it), on a free port. */
export function spawnService(env: Record<string, string>): Promise<Child> {
  if (!existsSync(built)) throw new Error('build/server/main.mjs is missing: run `npm run build` first');
  const proc = spawn(process.execPath, [built, '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`service did not start: ${out}`)), 90_000);
    proc.stdout!.on('data', (c) => {
      out += c;
      const m = /results service: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ proc, base: m[1], output: () => out });
      }
    });
    proc.stderr!.on('data', (c) => (out += c));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      fail(Object.assign(new Error(`service exited (${code}): ${out}`), { code, output: out }));
    });
  });
}

export const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once('exit', r)));
