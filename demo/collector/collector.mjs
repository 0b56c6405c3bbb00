// The reference event collector: what a merchant's endpoint has to do, in ~100 lines of Node.
//   POST /events  body {"events":[…]} (sent as text/plain): each event is checked with the widget's
//                 own validator; a malformed batch gets 400 naming the field and nothing is stored;
//                 a body over 256 KB gets 413; ids already stored are dropped (delivery is
//                 at-least-once); new events are appended to events.jsonl and fsync'd.
//   GET /events   {"events":[…]} oldest first; ?since=<ISO time> for newer ones only
//   GET /stats    counts per offer, type and variant
//   DELETE /events  empties the store (the demo's "reset" button)
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 256 * 1024;

/**
 * `validate` defaults to the widget's own `validateEvent`, from the built module beside the demo
 * (dist/cart-upsell.mjs), so the collector and the widget can never disagree on the schema.
 */
export function createCollector({ dataDir, validate, allowOrigin = '*' }) {
  let check = validate;
  const validator = async () =>
    (check ??= (await import(new URL('../../dist/cart-upsell.mjs', import.meta.url).href)).validateEvent);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'events.jsonl');
  const events = [];
  const ids = new Set();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line);
        if (!ids.has(e.id)) {
          ids.add(e.id);
          events.push(e);
        }
      } catch {
        /* a torn last line from a crash: skipped */
      }
    }
  }

  const cors = {
    'access-control-allow-origin': allowOrigin,
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'content-type',
    // Without it a browser hides Retry-After from a page on another origin, and the widget can
    // only fall back on its own back-off schedule.
    'access-control-expose-headers': 'Retry-After',
  };
  const reply = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors });
    res.end(JSON.stringify(body));
  };

  function append(batch) {
    const fd = openSync(file, 'a');
    try {
      writeSync(fd, batch.map((e) => JSON.stringify(e)).join('\n') + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  // An oversized body is read to its end (not kept) so the sender gets a clean 413 instead of
  // a reset connection; a body far beyond the limit is cut off.
  function readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      req.on('data', (c) => {
        size += c.length;
        if (size > LIMIT * 8) req.destroy();
        else if (size <= LIMIT) chunks.push(c);
      });
      req.on('end', () =>
        size > LIMIT ? reject(Object.assign(new Error('too large'), { status: 413 })) : resolve(Buffer.concat(chunks).toString('utf8')),
      );
      req.on('error', reject);
    });
  }

  async function post(req, res) {
    let text;
    try {
      text = await readBody(req);
    } catch (err) {
      return reply(res, err.status ?? 400, { error: err.status === 413 ? `body over ${LIMIT} bytes` : 'could not read the body' });
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return reply(res, 400, { error: 'body: expected JSON {"events": [...]}' });
    }
    if (!body || !Array.isArray(body.events)) return reply(res, 400, { error: 'events: expected a list' });
    const v = await validator();
    for (let i = 0; i < body.events.length; i++) {
      const problem = v(body.events[i]);
      if (problem) return reply(res, 400, { error: `events[${i}].${problem}` });
    }
    const fresh = [];
    for (const e of body.events) {
      if (ids.has(e.id)) continue;
      ids.add(e.id);
      fresh.push(e);
    }
    if (fresh.length) {
      append(fresh);
      events.push(...fresh);
    }
    reply(res, 200, { stored: fresh.length, duplicates: body.events.length - fresh.length });
  }

  function stats() {
    const byOffer = {};
    for (const e of events) {
      const o = (byOffer[e.offerId] ??= { offerType: e.offerType, impression: 0, accept: 0, decline: 0, dismiss: 0, 'accept-failed': 0, value: 0, variants: {} });
      o[e.type] = (o[e.type] ?? 0) + 1;
      if (e.type === 'accept') o.value += e.value;
      const v = (o.variants[e.variant ?? '-'] ??= { impression: 0, accept: 0 });
      if (e.type === 'impression' || e.type === 'accept') v[e.type] += 1;
    }
    return { events: events.length, offers: byOffer };
  }

  return async function handle(req, res, url) {
    if (url.pathname === '/stats' && req.method === 'GET') return reply(res, 200, stats()), true;
    if (url.pathname !== '/events') return false;
    if (req.method === 'OPTIONS') return reply(res, 204, {}), true;
    if (req.method === 'POST') return await post(req, res), true;
    if (req.method === 'GET') {
      const since = url.searchParams.get('since');
      const list = since ? events.filter((e) => e.time > since) : events;
      return reply(res, 200, { events: list }), true;
    }
    if (req.method === 'DELETE') {
      events.length = 0;
      ids.clear();
      writeFileSync(file, '');
      return reply(res, 200, { cleared: true }), true;
    }
    return reply(res, 405, { error: 'method not allowed' }), true;
  };
}
