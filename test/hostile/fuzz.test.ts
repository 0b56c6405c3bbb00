// Random input from hostile pages and careless configs: the money parser and the config validator
// must never throw, and never hand back NaN (money is a whole number of minor units or null).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMoney } from '../../src/cart/money';
import { validateConfig } from '../../src/config/validate';
import { configSchema } from '../../src/config/schema';

const RUNS = { numRuns: 1000 };
// Generous: the property runs share two cores with the rest of the suite.
const SLOW = 60_000;

/** Text a cart cell may hold: digits (ASCII and full-width), separators, yen signs, Japanese words. */
const moneyish = fc
  .array(
    fc.oneof(
      fc.constantFrom(..."0123456789０１２３４５６７８９,.，．、'’ -−－—–￥¥円$€£（）税込送料無料お問い合わせ".split('')),
      fc.string({ maxLength: 3 }),
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
      fc.double().map(String),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  moneyish,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat().map((n) => '9'.repeat((n % 400) + 1)),
);
const currency = fc.oneof(fc.constantFrom('JPY', 'USD', 'EUR', 'KWD', 'jpy', '', 'XXX', 'toString', '__proto__'), fc.string({ maxLength: 4 }));

describe('parseMoney on random text', () => {
  it(
    'never throws; returns a safe whole number or null',
    () => {
      fc.assert(
        fc.property(anyText, currency, (text, cur) => {
          const v = parseMoney(text, cur);
          expect(v === null || Number.isSafeInteger(v) || Number.isInteger(v)).toBe(true);
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'never throws on values that are not text at all',
    () => {
      fc.assert(
        fc.property(fc.anything(), (junk) => {
          const v = parseMoney(junk as string);
          expect(v === null || Number.isInteger(v)).toBe(true);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it('reads the amount of the examples a shop really shows', () => {
    expect(parseMoney('￥３，２４０（税込）')).toBe(3240);
    expect(parseMoney('0円')).toBe(0);
    expect(parseMoney('—')).toBeNull();
    expect(parseMoney('お問い合わせ')).toBeNull();
    expect(parseMoney('9'.repeat(400))).toBeNull();
  });

  it(
    'full-width and ASCII forms of the same amount read the same',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
          const ascii = '￥' + n.toLocaleString('en-US');
          const wide = ascii.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          expect(parseMoney(wide)).toBe(n);
          expect(parseMoney(ascii)).toBe(n);
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

/** Nested junk shaped loosely like a config, so the validator's deeper branches are reached. */
const junkValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.bigInt(),
    fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>1</script>', '<img src=x onerror=alert(1)>', '###', '[[', 'toString', '__proto__', 'constructor'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'sku', 'type', 'items')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const field = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), junkValue, { maxKeys: keys.length });
const junkOffer = fc.record(
  {
    id: junkValue,
    type: fc.oneof(fc.constantFrom('upsell', 'cross-sell', 'bundle', 'volume', 'gift', 'toString', '__proto__'), junkValue),
    from: junkValue,
    to: junkValue,
    for: junkValue,
    items: junkValue,
    tiers: junkValue,
    price: junkValue,
    text: junkValue,
    variants: junkValue,
    when: junkValue,
  },
  { requiredKeys: [] },
);
const junkConfig = fc.oneof(
  junkValue,
  fc.record(
    {
      cart: fc.oneof(junkValue, field(['preset', 'selectors', 'currency', 'root', 'checkout'])),
      locale: junkValue,
      freeShipping: fc.oneof(junkValue, field(['threshold', 'tiers', 'gapFillers', 'taxRate', 'text'])),
      products: fc.oneof(junkValue, fc.array(fc.oneof(junkValue, field(['sku', 'name', 'price', 'url', 'image', 'id'])), { maxLength: 4 })),
      offers: fc.oneof(junkValue, fc.array(junkOffer, { maxLength: 4 })),
      events: fc.oneof(junkValue, field(['endpoint', 'batchSize', 'flushIntervalMs'])),
      caps: junkValue,
      theme: junkValue,
      text: junkValue,
      nonce: junkValue,
      holdout: junkValue,
    },
    { requiredKeys: [] },
  ),
);

describe('validateConfig on random input', () => {
  it(
    'never throws, and every issue names a field in words',
    () => {
      fc.assert(
        fc.property(junkConfig, (config) => {
          const result = validateConfig(config);
          expect(Array.isArray(result.errors)).toBe(true);
          expect(Array.isArray(result.warnings)).toBe(true);
          for (const issue of [...result.errors, ...result.warnings]) {
            expect(typeof issue.path).toBe('string');
            expect(typeof issue.message).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
          // A shape-check crash is reported as "config: could not be checked": it must never happen.
          expect(result.errors.filter((e) => e.path === 'config' && e.message.startsWith('could not be checked'))).toEqual([]);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'the shape check itself never throws (no try/catch safety net)',
    () => {
      fc.assert(
        fc.property(junkConfig, (config) => {
          const ctx = { errors: [], warnings: [], unit: 'yen' };
          expect(() => configSchema(config, '', ctx)).not.toThrow();
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it('field names inherited from Object (toString, constructor, __proto__) are unknown fields, not checks', () => {
    const typed = validateConfig({ freeShipping: { threshold: 1000 }, offers: [{ id: 'x', type: 'toString' }] });
    expect(typed.errors.map((e) => e.path)).toContain('offers[0].type');
    const proto = validateConfig(JSON.parse('{"freeShipping":{"threshold":1000},"caps":{"__proto__":{}},"cart":{"constructor":1}}'));
    expect(proto.errors).toEqual([]);
    expect(proto.warnings.map((w) => w.path).sort()).toEqual(['caps.__proto__', 'cart.constructor']);
  });

  it('unsafe links in products are rejected, naming the field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('javascript:alert(1)', ' JavaScript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'vbscript:x', '//evil.example/x', 'file:///etc/passwd'),
        fc.constantFrom('url', 'image'),
        (bad, key) => {
          const { errors } = validateConfig({ freeShipping: { threshold: 1000 }, products: [{ sku: 'A', name: 'a', price: 100, [key]: bad }] });
          expect(errors.map((e) => e.path)).toContain(`products[0].${key}`);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a valid config with hostile strings in its text is accepted as text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
        (s) => {
          const { errors } = validateConfig({
            freeShipping: { threshold: 5000 },
            products: [
              { sku: 'A', name: `<script>${s}</script>`, price: 100 },
              { sku: 'B', name: `<img src=x onerror=${JSON.stringify(s)}>`, price: 200 },
            ],
            offers: [{ id: 'u', type: 'upsell', from: 'A', to: 'B', benefits: [s, '<b>bold</b>'], text: { title: s } }],
          });
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
