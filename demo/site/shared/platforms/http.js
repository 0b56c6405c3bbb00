// Plumbing shared by the platform fakes: one request shape in, one answer shape out, so the same
// stateful fake answers a unit test's fetch(), a loopback HTTP server and the demo page.

/**
 * @typedef {{ method: string, url: URL, headers: Record<string, string>, body: string }} FakeRequest
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string> }} FakeAnswer
 * @typedef {{ handle(req: FakeRequest): FakeAnswer | null }} Fake  null: not a route of this platform
 */

/** @param {FakeRequest} req */
export function fields(req) {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(req.body || '{}') ?? {};
    } catch {
      return null;
    }
  }
  const out = {};
  for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  return out;
}

const lower = (h) => {
  const out = {};
  if (!h) return out;
  const entries =
    typeof h.forEach === 'function' && !Array.isArray(h)
      ? (() => {
          const a = [];
          h.forEach((v, k) => a.push([k, v]));
          return a;
        })()
      : Object.entries(h);
  for (const [k, v] of entries) out[String(k).toLowerCase()] = String(v);
  return out;
};

const bodyText = (b) => (b == null ? '' : typeof b === 'string' ? b : b instanceof URLSearchParams ? b.toString() : String(b));

/** A fetch() backed by the fakes (first that answers wins); redirects are followed like fetch does. */
export function fetchOf(fakes, origin = 'http://shop.test') {
  const list = Array.isArray(fakes) ? fakes : [fakes];
  const run = async (input, init = {}, hops = 0) => {
    const url = new URL(typeof input === 'string' ? input : input.url, origin);
    const headers = lower(init.headers);
    if (init.body instanceof URLSearchParams && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    const req = { method: (init.method ?? 'GET').toUpperCase(), url, headers, body: bodyText(init.body) };
    let a = null;
    for (const f of list) if ((a = f.handle(req))) break;
    a ??= { status: 404, body: '<!doctype html><title>Not found</title>' };
    if ([301, 302, 303].includes(a.status) && a.headers?.location && hops < 5) return run(new URL(a.headers.location, url).href, {}, hops + 1);
    return toResponse(a);
  };
  return run;
}

/** @param {FakeAnswer} a */
export function toResponse(a) {
  const text = typeof a.body === 'string';
  const nobody = a.status === 204 || (a.status >= 300 && a.status < 400);
  return new Response(nobody ? null : text ? a.body : JSON.stringify(a.body ?? null), {
    status: a.status,
    headers: { 'content-type': text ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', ...(a.headers ?? {}) },
  });
}

/** A Node `http` request handler for the fakes; `next` serves everything else. */
export function nodeHandler(fakes, next) {
  const list = Array.isArray(fakes) ? fakes : [fakes];
  return (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const r = { method: req.method ?? 'GET', url, headers: lower(req.headers), body: Buffer.concat(chunks).toString('utf8') };
      let a = null;
      for (const f of list) if ((a = f.handle(r))) break;
      if (!a) return next(req, res, url);
      const text = typeof a.body === 'string';
      res.writeHead(a.status, { 'content-type': text ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(a.headers ?? {}) });
      res.end(a.status >= 300 && a.status < 400 ? '' : text ? a.body : JSON.stringify(a.body ?? null));
    });
  };
}

/** A short stable hash, hex (Shopify line keys end in one; WooCommerce keys are md5-like). */
export function hash(s, len = 32) {
  let out = '';
  let h = 0x811c9dc5;
  while (out.length < len) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
    s += out;
  }
  return out.slice(0, len);
}

export const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * A server-side fault for the "failure half-way" cases: the next `times` requests whose path ends
 * with `path` answer `status` before doing anything.
 */
export function faults() {
  const list = [];
  return {
    add(path, status = 500, times = 1) {
      list.push({ path, status, times });
    },
    /** @param {FakeRequest} req */
    hit(req) {
      const f = list.find((x) => x.times > 0 && (req.url.pathname + req.url.search).includes(x.path));
      if (!f) return null;
      f.times--;
      return { status: f.status, body: { code: 'fault', message: 'Internal Server Error' } };
    },
  };
}
