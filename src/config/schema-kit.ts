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
  /** Messages in Japanese (the config's `locale` is "ja"). */
  ja?: boolean;
}

/** One message in the merchant's language: English, or Japanese when the config says "ja". */
export const say = (ctx: { ja?: boolean }, en: string, ja: string): string => (ctx.ja ? ja : en);

export type Check = (value: unknown, path: string, ctx: Ctx) => void;

export function describe(v: unknown, ja?: boolean): string {
  if (v === undefined) return ja ? 'なし' : 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 37) + '…' : v);
  if (Array.isArray(v)) return v.length ? (ja ? 'リスト' : 'a list') : ja ? '空のリスト' : 'an empty list';
  if (typeof v === 'object') return ja ? 'オブジェクト' : 'an object';
  if (typeof v === 'number' && !isFinite(v)) return String(v);
  return String(v);
}

/** "expected …, got …" — `expected` is [English, Japanese]. */
const fail = (ctx: Ctx, path: string, expected: [string, string], v: unknown) =>
  ctx.errors.push({ path, message: say(ctx, `expected ${expected[0]}, got ${describe(v)}`, `${expected[1]}にしてください（${describe(v, true)}）`) });

const OBJECT: [string, string] = ['an object', 'オブジェクト'];

const quoted = (o: readonly string[], sep: string) => o.map((x) => `"${x}"`).join(sep);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export const str =
  (opts: { oneOf?: readonly string[]; nonEmpty?: boolean } = {}): Check =>
  (v, path, ctx) => {
    if (opts.oneOf) {
      if (typeof v !== 'string' || !opts.oneOf.includes(v)) fail(ctx, path, [`one of ${quoted(opts.oneOf, ', ')}`, `${quoted(opts.oneOf, '・')}のどれか`], v);
    } else if (typeof v !== 'string' || (opts.nonEmpty !== false && !v.trim())) fail(ctx, path, ['some text', '文字'], v);
  };

/** A whole number, optionally within a range; `money` words the message in the currency's unit. */
export const int =
  (opts: { min?: number; max?: number; money?: boolean } = {}): Check =>
  (v, path, ctx) => {
    const what = opts.money ? `a whole number of ${ctx.unit}` : 'a whole number';
    const ja = opts.money ? `${ctx.unit === 'yen' ? '円' : '通貨の最小単位'}の整数` : '整数';
    if (typeof v !== 'number' || !Number.isInteger(v)) return fail(ctx, path, [what, ja], v);
    if (opts.min !== undefined && v < opts.min) return fail(ctx, path, [`${what} of at least ${opts.min}`, `${opts.min}以上の${ja}`], v);
    if (opts.max !== undefined && v > opts.max) fail(ctx, path, [`${what} of at most ${opts.max}`, `${opts.max}以下の${ja}`], v);
  };

export const num =
  (min: number, max: number): Check =>
  (v, path, ctx) => {
    if (typeof v !== 'number' || !(v >= min && v <= max)) fail(ctx, path, [`a number from ${min} to ${max}`, `${min}〜${max}の数`], v);
  };

export const bool: Check = (v, path, ctx) => {
  if (typeof v !== 'boolean') fail(ctx, path, ['true or false', 'true か false '], v);
};

export const func: Check = (v, path, ctx) => {
  if (typeof v !== 'function') fail(ctx, path, ['a function', '関数'], v);
};

export const date: Check = (v, path, ctx) => {
  if (typeof v !== 'string' || isNaN(Date.parse(v))) fail(ctx, path, ['a date such as "2026-12-31T23:59:59+09:00"', '日時'], v);
};

/** An http(s) URL or a path on the shop's own site; never javascript:, data: and the like. */
export const url: Check = (v, path, ctx) => {
  if (typeof v !== 'string' || !/^(https?:\/\/|\/(?!\/))/i.test(v.trim())) fail(ctx, path, ['an http(s) URL or a path starting with "/"', 'http(s) の URL か / で始まるパス'], v);
};

export const selector: Check = (v, path, ctx) => {
  if (typeof v !== 'string' || !v.trim()) return fail(ctx, path, ['a CSS selector', 'CSS セレクタ'], v);
  if (typeof document === 'undefined') return;
  try {
    document.createDocumentFragment().querySelector(v);
  } catch {
    ctx.errors.push({ path, message: say(ctx, `${describe(v)} is not a valid CSS selector`, `${describe(v)} は CSS セレクタではありません`) });
  }
};

export const list =
  (item: Check, opts: { nonEmpty?: boolean } = {}): Check =>
  (v, path, ctx) => {
    const one: [string, string] = ['a list with at least one entry', '空でないリスト'];
    if (!Array.isArray(v)) return fail(ctx, path, opts.nonEmpty ? one : ['a list', 'リスト'], v);
    if (opts.nonEmpty && v.length === 0) return fail(ctx, path, one, []);
    for (let i = 0; i < v.length; i++) item(v[i], `${path}[${i}]`, ctx);
  };

/** Either of two checks: the first one that passes wins, else the first one's messages stand. */
export const either =
  (a: Check, b: Check, expected: [string, string]): Check =>
  (v, path, ctx) => {
    for (const c of [a, b]) {
      const probe: Ctx = { ...ctx, errors: [], warnings: [] };
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
  (key: RegExp, keyWords: [string, string], value: Check): Check =>
  (v, path, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, path, OBJECT, v);
    for (const [k, val] of Object.entries(v)) {
      if (!key.test(k)) ctx.errors.push({ path: join(path, k), message: say(ctx, `"${k}" is not ${keyWords[0]}`, `"${k}" は${keyWords[1]}ではありません`) });
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
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, path || 'config', OBJECT, v);
    const o = v as Record<string, unknown>;
    for (const k of required) if (own(o, k) === undefined) ctx.errors.push({ path: join(path, k), message: say(ctx, 'is required but missing', '必須です') });
    for (const k of Object.keys(o)) {
      const check = own(shape, k);
      if (check) {
        if (o[k] !== undefined) check(o[k], join(path, k), ctx);
      } else {
        const near = closest(k, Object.keys(shape));
        ctx.warnings.push({ path: join(path, k), message: say(ctx, `unknown field, ignored${near ? ` (did you mean "${near}"?)` : ''}`, `不明な項目（無視）${near ? `。"${near}" では？` : ''}`) });
      }
    }
  };

/** Picks the shape by a discriminating field (e.g. an offer's "type"). */
export const tagged =
  (tag: string, shapes: Record<string, Check>): Check =>
  (v, path, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, path, OBJECT, v);
    const t = own(v as Record<string, unknown>, tag);
    const check = typeof t === 'string' ? own(shapes, t) : undefined;
    const names = Object.keys(shapes);
    if (!check) return fail(ctx, join(path, tag), [`one of ${quoted(names, ', ')}`, `${quoted(names, '・')}のどれか`], t);
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
