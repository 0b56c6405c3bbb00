// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featuresOf } from '../../src/tailor/features';
import type { Config } from '../../src/config/types';
import { buildShop, type BuildResult } from '../../lib/build.mjs';
import wa from '../../demo/site/shops/wa/cart-upsell.json';
import dawn from '../../demo/site/shops/dawn/cart-upsell.json';

const fileOf = (r: BuildResult, name: string): string => r.files.find((f) => f.name === name)?.code ?? '';
const selectors = { item: '.line', name: '.name', price: '.price', quantity: '.qty' };

describe('what a config uses', () => {
  it('a sample shop: its preset, no cart API, Japanese, every offer type, the checkout trigger, no exit intent', () => {
    expect(featuresOf(dawn as Config)).toEqual({
      tailored: true,
      locale: 'ja',
      cart: 'shopify',
      actions: 'none',
      offers: { upsell: true, 'cross-sell': true, bundle: true, volume: true },
      downsell: true,
      freeShipping: true,
      triggers: { checkout: true, 'exit-intent': false },
    });
    expect(featuresOf(wa as Config).cart).toBe('selectors');
  });

  it('the preset decides the cart API unless actions.platform says otherwise; auto keeps every one', () => {
    expect(featuresOf({ cart: { preset: 'eccube' } }).actions).toBe('eccube');
    expect(featuresOf({ cart: { preset: 'eccube' }, actions: { platform: 'none' } }).actions).toBe('none');
    expect(featuresOf({}).cart).toBe('auto');
    expect(featuresOf({}).actions).toBe('auto');
    expect(featuresOf({ cart: { selectors } }).actions).toBe('auto');
  });

  it('triggers: the types’ defaults, or the offer’s own list', () => {
    const up = { id: 'u', type: 'upsell' as const, from: 'A', to: 'B' };
    expect(featuresOf({ offers: [up] }).triggers).toEqual({ checkout: true, 'exit-intent': false });
    expect(featuresOf({ offers: [{ ...up, triggers: ['exit-intent'] }] }).triggers).toEqual({ checkout: false, 'exit-intent': true });
    expect(featuresOf({ offers: [{ id: 'x', type: 'cross-sell', for: ['A'], items: ['B'] }] }).triggers.checkout).toBe(false);
  });
});

// Real builds (Vite, a second or more each on a shared machine): generous timeouts.
describe('the tailored build', { timeout: 120_000 }, () => {
  it('an English free-shipping bar on hand-written selectors carries neither Japanese copy, nor the config check, nor platform layouts, nor checkout code', async () => {
    const config = { locale: 'en', cart: { selectors, currency: 'USD' }, freeShipping: { threshold: 5000 } };
    const r = await buildShop({ config, write: false, logLevel: 'silent' });
    expect(r.ok).toBe(true);
    const core = fileOf(r, 'cart-upsell.js');
    const ui = fileOf(r, 'cart-upsell-ui.js');
    // Checked by what the files contain (printing a whole file on failure would drown the message).
    const has = (code: string, s: string) => code.includes(s);
    expect(has(core, 'freeShipping:{threshold:5e3}'), 'the config, inlined').toBe(true);
    expect(has(core, 'did you mean'), 'the config check').toBe(false);
    expect(has(core, '.ec-cartRole'), "EC-CUBE's cart layout").toBe(false);
    expect(has(core, 'wc-block-cart__submit-button'), 'checkout buttons').toBe(false);
    expect(has(ui, 'away from free shipping'), 'English copy').toBe(true);
    expect(has(ui, '送料無料'), 'Japanese copy').toBe(false);
    // No offer: neither the engine's volume tiers nor the upgrade dialog.
    expect(has(core, 'percentOff'), 'volume offers').toBe(false);
    expect(has(ui, 'showModal'), 'the upgrade dialog').toBe(false);
    // The same config, Japanese: the other way round.
    const ja = await buildShop({ config: { ...config, locale: 'ja' }, write: false, logLevel: 'silent' });
    const jaUi = fileOf(ja, 'cart-upsell-ui.js');
    expect(jaUi.includes('送料無料'), 'Japanese copy').toBe(true);
    expect(jaUi.includes('away from free shipping'), 'English copy').toBe(false);
    // An upgrade offer brings its dialog; the sample shop with every type, the volume tiers too.
    const up = await buildShop({
      config: {
        ...config,
        products: [
          { sku: 'A', name: 'A', price: 100 },
          { sku: 'B', name: 'B', price: 200 },
        ],
        offers: [{ id: 'u', type: 'upsell', from: 'A', to: 'B' }],
      },
      write: false,
      logLevel: 'silent',
    });
    expect(fileOf(up, 'cart-upsell-ui.js').includes('showModal'), 'the upgrade dialog').toBe(true);
    expect(fileOf(up, 'cart-upsell.js').includes('percentOff'), 'volume offers').toBe(false);
    const all = await buildShop({ config: wa, write: false, logLevel: 'silent' });
    expect(fileOf(all, 'cart-upsell.js').includes('percentOff'), 'volume offers').toBe(true);
  });
});

describe('npx cart-upsell build', { timeout: 60_000 }, () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/cart-upsell.mjs', ...args], { encoding: 'utf8' });

  it('a config with errors: the fields in the message (Japanese for a ja shop), exit 1, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cart-upsell-'));
    const file = join(dir, 'shop.json');
    writeFileSync(file, JSON.stringify({ locale: 'ja', freeShipping: { threshold: 'ten thousand' }, offers: [{ id: 'u', type: 'upsell', from: 'A' }] }));
    const r = cli(['build', '--config', file, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('問題が 2 件あるため、ビルドしませんでした');
    expect(r.stderr).toContain('freeShipping.threshold');
    expect(r.stderr).toContain('offers[0].to');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--help prints the usage; a missing --out is a usage error', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('cart-upsell build --config <shop.json> --out <dir>');
    const bad = cli(['build', '--config', 'x.json']);
    expect(bad.status).toBe(2);
  });
});
