/**
 * A tiny validator kit for the merchant's config. Hand-written because every message must name
 * the field and say, in words a merchant understands, what is wrong and what was found; unknown
 * fields get a "did you mean" hint. The whole kit is well under 1 KB gzip.
 */
export interface Issue {
  path: string;
  message: string;
}

export interface Ctx {
  errors: Issue[];
  warnings: Issue[];
  /** Currency name used in money messages ("yen", "cents", …). */
  unit: string;
}

export type Check = (value: unknown, path: string, ctx: Ctx) => void;

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 37) + '…' : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !isFinite(v)) return String(v);
  return String(v);
}

const fail = (ctx: Ctx, path: string, expected: string, v: unknown) =>
  ctx.errors.push({ path, message: `expected ${expected}, got ${describe(v)}` });

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export const str =
  (opts: { oneOf?: readonly string[]; nonEmpty?: boolean } = {}): Check =>
  (v, path, ctx) => {
    if (opts.oneOf) {
      if (typeof v !== 'string' || !opts.oneOf.includes(v)) fail(ctx, path, `one of ${opts.oneOf.map((o) => `"${o}"`).join(', ')}`, v);
    } else if (typeof v !== 'string' || (opts.nonEmpty !== false && !v.trim())) fail(ctx, path, 'some text', v);
  };

/** A whole number, optionally within a range; `money` words the message in the currency's unit. */
export const int =
  (opts: { min?: number; max?: number; money?: boolean } = {}): Check =>
  (v, path, ctx) => {
    const what = opts.money ? `a whole number of ${ctx.unit}` : 'a whole number';
    if (typeof v !== 'number' || !Number.isInteger(v)) return fail(ctx, path, what, v);
    if (opts.min !== undefined && v < opts.min) return fail(ctx, path, `${what} of at least ${opts.min}`, v);
    if (opts.max !== undefined && v > opts.max) fail(ctx, path, `${what} of at most ${opts.max}`, v);
  };

export const num =
  (min: number, max: number): Check =>
  (v, path, ctx) => {
    if (typeof v !== 'number' || !(v >= min && v <= max)) fail(ctx, path, `a number from ${min} to ${max}`, v);
  };

export const bool: Check = (v, path, ctx) => {
  if (typeof v !== 'boolean') fail(ctx, path, 'true or false', v);
};

export const func: Check = (v, path, ctx) => {
  if (typeof v !== 'function') fail(ctx, path, 'a function', v);
};

export const date: Check = (v, path, ctx) => {
  if (typeof v !== 'string' || isNaN(Date.parse(v))) fail(ctx, path, 'a date such as "2026-12-31T23:59:59+09:00"', v);
};

/** An http(s) URL or a path on the shop's own site; never javascript:, data: and the like. */
export const url: Check = (v, path, ctx) => {
  if (typeof v !== 'string' || !/^(https?:\/\/|\/(?!\/))/i.test(v.trim())) fail(ctx, path, 'an http(s) URL or a path starting with "/"', v);
};

export const selector: Check = (v, path, ctx) => {
  if (typeof v !== 'string' || !v.trim()) return fail(ctx, path, 'a CSS selector', v);
  if (typeof document === 'undefined') return;
  try {
    document.createDocumentFragment().querySelector(v);
  } catch {
    ctx.errors.push({ path, message: `${describe(v)} is not a valid CSS selector` });
  }
};

export const list =
  (item: Check, opts: { nonEmpty?: boolean } = {}): Check =>
  (v, path, ctx) => {
    if (!Array.isArray(v)) return fail(ctx, path, opts.nonEmpty ? 'a list with at least one entry' : 'a list', v);
    if (opts.nonEmpty && v.length === 0) return fail(ctx, path, 'a list with at least one entry', 'an empty list');
    for (let i = 0; i < v.length; i++) item(v[i], `${path}[${i}]`, ctx);
  };

/** Either of two checks: the first one that passes wins, else the first one's messages stand. */
export const either =
  (a: Check, b: Check, expected: string): Check =>
  (v, path, ctx) => {
    for (const c of [a, b]) {
      const probe: Ctx = { errors: [], warnings: [], unit: ctx.unit };
      c(v, path, probe);
      if (!probe.errors.length) {
        ctx.warnings.push(...probe.warnings);
        return;
      }
    }
    fail(ctx, path, expected, v);
  };

/** Values keyed by any name (e.g. amounts per currency code). */
export const record =
  (key: RegExp, keyWords: string, value: Check): Check =>
  (v, path, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, path, 'an object', v);
    for (const [k, val] of Object.entries(v)) {
      if (!key.test(k)) ctx.errors.push({ path: join(path, k), message: `"${k}" is not ${keyWords}` });
      else value(val, join(path, k), ctx);
    }
  };

export type Shape = Record<string, Check>;

/** Own fields only: a merchant's "constructor" or "toString" is an unknown field, not Object's. */
const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** An object with known fields; `required` must be present; unknown fields are warnings. */
export const obj =
  (shape: Shape, required: readonly string[] = []): Check =>
  (v, path, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, path || 'config', 'an object', v);
    const o = v as Record<string, unknown>;
    for (const k of required) if (own(o, k) === undefined) ctx.errors.push({ path: join(path, k), message: 'is required but missing' });
    for (const k of Object.keys(o)) {
      const check = own(shape, k);
      if (check) {
        if (o[k] !== undefined) check(o[k], join(path, k), ctx);
      } else {
        const near = closest(k, Object.keys(shape));
        ctx.warnings.push({ path: join(path, k), message: `unknown field, ignored${near ? ` (did you mean "${near}"?)` : ''}` });
      }
    }
  };

/** Picks the shape by a discriminating field (e.g. an offer's "type"). */
export const tagged =
  (tag: string, shapes: Record<string, Check>): Check =>
  (v, path, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, path, 'an object', v);
    const t = own(v as Record<string, unknown>, tag);
    const check = typeof t === 'string' ? own(shapes, t) : undefined;
    if (!check) return fail(ctx, join(path, tag), `one of ${Object.keys(shapes).map((s) => `"${s}"`).join(', ')}`, t);
    check(v, path, ctx);
  };

/** The known name within edit distance 2 of a typo, if any. */
export function closest(word: string, known: string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  const w = word.toLowerCase();
  for (const k of known) {
    const d = distance(w, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 9;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
