// @vitest-environment node
// Faults, counted: ids generated vs acknowledged vs stored.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/db';
import { admin, drivers, event, exited, freshDb, getJson, pgliteTemplate, post, spawnService, startApp, TOKEN, type TestDb } from './helpers';

// A database per file on a shared 2-core machine: a single request can take seconds under load.
vi.setConfig({ testTimeout: 60_000 });

async function allIds(base: string): Promise<string[]> {
  const ids: string[] = [];
  let after = '';
  do {
    const page = await getJson(base, `/events?limit=10000${after ? `&after=${after}` : ''}`);
    ids.push(...page.events.map((e: { id: string }) => e.id));
    after = page.next ?? '';
  } while (after);
  return ids;
}

/** Posts like the widget: 429 and 5xx (and a refused connection) are retried until stored. */
async function deliver(base: string, batch: unknown[]): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await post(base, { events: batch });
      if (r.ok) return (await r.json()).stored;
      if (r.status !== 429 && r.status < 500) throw new Error(`${r.status} ${await r.text()}`);
    } catch (err) {
      if (attempt > 200 || !(err instanceof TypeError)) throw err;
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
}

describe.each(drivers)('faults (%s)', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(driver);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('killed mid-batch: nothing acknowledged is lost, nothing is stored twice', async () => {
    const env: Record<string, string> = { ADMIN_TOKEN: TOKEN, RATE_LIMIT: '0', DATABASE_URL: '' };
    if (driver === 'pg') env.DATABASE_URL = t.url!;
    else {
      // The embedded store in a folder of its own, started from the migrated template.
      const dir = mkdtempSync(join(tmpdir(), 'killed-'));
      const seed = await openDb({ DATA_DIR: dir, from: await pgliteTemplate() });
      await seed.close();
      env.DATA_DIR = dir;
    }
    const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 10 }, (_, i) => event(`kill-${driver}-${b}-${i}`, { visitorId: `kill-${b}` })));
    const acked = new Set<string>();
    let service = await spawnService(env);
    let next = 0;
    let killed = false;
    // Four senders; after 12 acknowledged batches the service is killed (SIGKILL) with others in flight.
    const sender = async () => {
      while (next < batches.length && !killed) {
        const batch = batches[next++];
        try {
          const r = await post(service.base, { events: batch });
          if (r.ok) {
            for (const e of batch) acked.add(e.id);
            if (acked.size >= 120 && !killed) {
              killed = true;
              service.proc.kill('SIGKILL');
            }
          }
        } catch {
          /* the connection died with the service: not acknowledged */
        }
      }
    };
    await Promise.all([sender(), sender(), sender(), sender()]);
    await exited(service.proc);
    expect(killed).toBe(true);
    expect(acked.size).toBeGreaterThanOrEqual(120);
    expect(acked.size).toBeLessThan(400);

    service = await spawnService(env);
    try {
      const afterCrash = await allIds(service.base);
      // Every acknowledged id survived the kill.
      expect([...acked].filter((id) => !afterCrash.includes(id))).toEqual([]);
      // The widget sends again everything it holds (here: every batch, acknowledged or not).
      let stored = 0;
      for (const b of batches) stored += await deliver(service.base, b);
      expect(stored + afterCrash.length).toBe(400);
      const ids = await allIds(service.base);
      expect(ids.length).toBe(400);
      expect(new Set(ids).size).toBe(400);
      // The rollups agree: each event counted once, including those of the batch cut off mid-way.
      const totals = await getJson(service.base, '/results/totals?from=2026-11-01&to=2026-11-30');
      expect(totals.shown.impressions).toBe(400);
    } finally {
      service.proc.kill('SIGTERM');
      await exited(service.proc);
    }
  }, 240_000);

  it('1,000 concurrent posts from 10 tabs sharing one queue: each id stored once', async () => {
    const s = await startApp(t.db, { RATE_LIMIT: '0' });
    try {
      // The shared stored queue of 1,000 events; each tab sends all of it in batches of 10, from
      // its own offset, so the same ids arrive in differently composed batches at the same time.
      const queue = Array.from({ length: 1000 }, (_, i) => event(`tabs-${driver}-${i}`, { visitorId: `tabs-${i % 37}` }));
      const posts: unknown[][] = [];
      for (let tab = 0; tab < 10; tab++) {
        const shifted = [...queue.slice(tab * 7), ...queue.slice(0, tab * 7)];
        for (let i = 0; i < shifted.length; i += 10) posts.push(shifted.slice(i, i + 10));
      }
      expect(posts.length).toBe(1000);
      const stored = await Promise.all(posts.map((b) => deliver(s.base, b)));
      // Exactly one transaction stored each id.
      expect(stored.reduce((a, b) => a + b, 0)).toBe(1000);
      const ids = (await allIds(s.base)).filter((id) => id.startsWith(`tabs-${driver}-`));
      expect(ids.length).toBe(1000);
      expect(new Set(ids).size).toBe(1000);
      const { rows } = await t.db.query<{ n: number }>("select coalesce(sum(events), 0)::bigint as n from rollup_daily where type = 'impression' and day = '2026-11-22'");
      const { rows: raw } = await t.db.query<{ n: number }>("select count(*)::bigint as n from events where type = 'impression'");
      expect(rows[0].n).toBe(raw[0].n);
    } finally {
      await s.close();
    }
  }, 240_000);

  it('a dead database answers 503 with Retry-After (the widget keeps the batch); back up, the batch is stored once', async () => {
    if (driver === 'pglite') {
      const own = await freshDb('pglite');
      const s = await startApp(own.db);
      try {
        await own.db.close();
        const r = await post(s.base, { events: [event('dead-1')] });
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toBe('5');
        expect((await r.json()).error).toBe('database unavailable, try again later');
        expect((await fetch(`${s.base}/healthz`)).status).toBe(503);
        expect((await fetch(`${s.base}/results/totals`, { headers: admin })).status).toBe(503);
      } finally {
        await s.close();
      }
      return;
    }
    // A real server behind a TCP proxy that is cut and restored.
    const target = new URL(t.url!);
    const sockets = new Set<Socket>();
    const listen = (port: number) =>
      new Promise<Server>((done) => {
        const srv = createServer((client) => {
          const upstream = connect(Number(target.port), target.hostname);
          for (const sock of [client, upstream]) {
            sockets.add(sock);
            sock.on('close', () => sockets.delete(sock));
            sock.on('error', () => {});
          }
          client.pipe(upstream).pipe(client);
        });
        srv.listen(port, '127.0.0.1', () => done(srv));
      });
    let proxy = await listen(0);
    const port = (proxy.address() as { port: number }).port;
    const via = new URL(t.url!);
    via.port = String(port);
    const db = await openDb({ DATABASE_URL: via.href });
    const s = await startApp(db);
    try {
      expect((await post(s.base, { events: [event('dead-0')] })).status).toBe(200);
      await new Promise((r) => proxy.close(r as () => void) && sockets.forEach((x) => x.destroy()));
      for (const x of sockets) x.destroy();
      const batch = [event('dead-1'), event('dead-2')];
      const r = await post(s.base, { events: batch });
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect((await fetch(`${s.base}/healthz`)).status).toBe(503);
      proxy = await listen(port);
      expect(await deliver(s.base, batch)).toBe(2);
      expect(await deliver(s.base, batch)).toBe(0);
      const ids = await allIds(s.base);
      expect(ids.filter((id) => id.startsWith('dead-')).sort()).toEqual(['dead-0', 'dead-1', 'dead-2']);
    } finally {
      await s.close();
      await db.close();
      proxy.close();
      for (const x of sockets) x.destroy();
    }
  }, 120_000);
});
