// Every hand-written shop page in test/fixtures reads exactly as its .expected.json says,
// with the platform preset, with "auto" and with plain selectors.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCart } from '../../src/cart/read';
import { platforms } from '../../src/platforms';
import { resetLogOnce } from '../../src/util/log';
import type { Cart } from '../../src/types';
import type { CartConfig } from '../../src/config/types';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/');
interface Expected {
  /** A list of configs, or configs by mode ("preset", "auto", "selectors"). */
  configs: CartConfig[] | Record<string, CartConfig>;
  idsWithSelectors?: boolean;
  cart: Cart;
}
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => ({ name: f.replace('.expected.json', ''), expected: JSON.parse(readFileSync(dir + f, 'utf8')) as Expected }));

const load = (name: string) => new DOMParser().parseFromString(readFileSync(`${dir}${name}.html`, 'utf8'), 'text/html');

afterEach(() => {
  vi.restoreAllMocks();
  resetLogOnce();
});

const configsOf = (e: Expected): [string, CartConfig][] => Object.values(e.configs).map((c) => [c.preset ?? 'selectors', c]);

describe.each(fixtures)('$name', ({ name, expected }) => {
  it.each(configsOf(expected))('reads the exact cart with %s', (mode, config) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const want = mode === 'selectors' && !expected.idsWithSelectors ? { ...expected.cart, items: expected.cart.items.map((i) => ({ ...i, id: null })) } : expected.cart;
    expect(readCart(config, load(name))).toEqual(want);
    expect(warn.mock.calls.filter((c) => !/differs/.test(String(c[0])))).toEqual([]);
  });
});

it('there are fixtures for every preset and a shop without one', () => {
  const modes = fixtures.map((f) => configsOf(f.expected).find(([m]) => m !== 'auto' && m !== 'selectors')?.[0] ?? 'none');
  // Every platform has a fixture built from its real markup (カラーミーショップ's: the basket it prints on every page).
  for (const [p] of platforms()) expect(modes).toContain(p);
  expect(modes.filter((m) => m === 'none').length).toBeGreaterThanOrEqual(1);
});
