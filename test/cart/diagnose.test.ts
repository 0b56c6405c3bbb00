// diagnose: what a merchant sees when fixing cart selectors.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src/cart/diagnose';
import { resetLogOnce } from '../../src/util/log';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/');
const load = (name: string) => new DOMParser().parseFromString(readFileSync(`${dir}${name}.html`, 'utf8'), 'text/html');

afterEach(() => {
  vi.restoreAllMocks();
  resetLogOnce();
});

describe('diagnose', () => {
  it('reports per selector how many elements matched and what was read, and prints a table', () => {
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const group = vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const doc = load('shopify-dawn-cart');
    const r = diagnose({ preset: 'auto' }, doc);
    expect(r.source).toBe('cart.preset "auto" (shopify)');
    const byField = Object.fromEntries(r.fields.map((f) => [f.field, f]));
    expect(byField.item.matches).toBe(r.cart.items.length);
    expect(byField.name.values).toEqual(r.cart.items.map((i) => i.name));
    expect(byField.price.elements.every((e) => e.ownerDocument === doc)).toBe(true);
    expect(byField.subtotal.matches).toBe(1);
    expect(group.mock.calls[0][0]).toMatch(/^\[cart-upsell\] diagnose: cart\.preset "auto" \(shopify\)/);
    expect(table).toHaveBeenCalledTimes(1);
  });

  it('names a selector that matches nothing and one that is not valid CSS', () => {
    vi.spyOn(console, 'table').mockImplementation(() => {});
    vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = load('tegaki-shop');
    const r = diagnose({ selectors: { item: '.cart-line', name: '.nope', price: 'td[', quantity: 'select' } }, doc);
    const byField = Object.fromEntries(r.fields.map((f) => [f.field, f]));
    expect(byField.item.matches).toBeGreaterThan(0);
    expect(byField.name.matches).toBe(0);
    expect(byField.price.invalid).toBe(true);
    expect(r.cart.items).toEqual([]);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/price/);
  });

  it('on a page with no known cart says so and never throws', () => {
    vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'table').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new DOMParser().parseFromString('<p>¥1,000</p>', 'text/html');
    const r = diagnose(undefined, doc);
    expect(r).toMatchObject({ source: null, fields: [], cart: { items: [], subtotal: 0 } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(() => diagnose(null as never, doc)).not.toThrow();
  });
});
