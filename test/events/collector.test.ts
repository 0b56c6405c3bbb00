// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ES module without types
import { createCollector } from '../../demo/collector/collector.mjs';
import { validateEvent } from '../../src/events/schema';

let server: Server;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'collector-'));

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id, type: 'impression', offerId: 'up-1', offerType: 'upsell', time: '2026-11-22T10:00:00.000Z', currency: 'JPY',
  cartSubtotal: 7112, value: 2200, visitorId: 'v1', sessionId: 's1', variant: null, holdout: false,
  items: [{ sku: 'TN-0123-DX', quantity: 2, price: 2420 }], page: 'https://shop.example.jp/cart', version: '0.1.0', ...extra,
});
const post = (body: string) => fetch(`${base}/events`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });

beforeAll(async () => {
  const handle = createCollector({ dataDir: dir, validate: validateEvent });
  server = createServer(async (req, res) => {
    if (!(await handle(req, res, new URL(req.url!, 'http://x')))) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('reference collector', () => {
  it('stores well-formed events once, dropping duplicate ids', async () => {
    let r = await post(JSON.stringify({ events: [event('a'), event('b')] }));
    expect(await r.json()).toEqual({ stored: 2, duplicates: 0 });
    r = await post(JSON.stringify({ events: [event('b'), event('c')] }));
    expect(await r.json()).toEqual({ stored: 1, duplicates: 1 });
    const list = (await (await fetch(`${base}/events`)).json()).events.map((e: { id: string }) => e.id);
    expect(list).toEqual(['a', 'b', 'c']);
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['a', 'b', 'c']);
  });

  it('answers 400 naming the field for a malformed event, and stores nothing of that batch', async () => {
    const r = await post(JSON.stringify({ events: [event('d'), event('e', { value: 'lots' })] }));
    expect(r.status).toBe(400);
    expect((await r.json()).error).toBe('events[1].value: expected a whole number ≥ 0');
    const ids = (await (await fetch(`${base}/events`)).json()).events.map((e: { id: string }) => e.id);
    expect(ids).not.toContain('d');
  });

  it('answers 400 for a body that is not JSON or has no list', async () => {
    expect((await post('not json')).status).toBe(400);
    expect((await post('{"events": 3}')).status).toBe(400);
  });

  it('refuses a page address with a query string (no personal data in events)', async () => {
    const r = await post(JSON.stringify({ events: [event('q', { page: 'https://shop.example.jp/cart?email=a@b.jp' })] }));
    expect((await r.json()).error).toContain('page:');
  });

  it('answers 413 over the body limit', async () => {
    const r = await post(JSON.stringify({ events: [event('big', { reason: 'x'.repeat(300_000) })] }));
    expect(r.status).toBe(413);
    expect((await r.json()).error).toMatch(/over 262144 bytes/);
    const ids = (await (await fetch(`${base}/events`)).json()).events.map((e: { id: string }) => e.id);
    expect(ids).not.toContain('big');
  });

  it('counts per offer and variant', async () => {
    await post(JSON.stringify({ events: [event('s1', { type: 'accept', variant: 'B' })] }));
    const s = await (await fetch(`${base}/stats`)).json();
    expect(s.offers['up-1'].accept).toBe(1);
    expect(s.offers['up-1'].value).toBe(2200);
    expect(s.offers['up-1'].variants.B).toEqual({ impression: 0, accept: 1 });
  });

  it('keeps what it stored across a restart', async () => {
    const again = createCollector({ dataDir: dir, validate: validateEvent });
    const res = { status: 0, body: '', writeHead(s: number) { this.status = s; }, end(b: string) { this.body = b; } };
    await again({ method: 'GET' }, res, new URL('http://x/events'));
    expect(JSON.parse(res.body).events.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['a', 'b', 'c', 's1']));
  });
});
