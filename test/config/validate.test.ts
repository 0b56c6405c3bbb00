import { describe, expect, it } from 'vitest';
import { formatIssues, validateConfig } from '../../src/config/validate';

const good = {
  cart: { preset: 'auto' },
  locale: 'ja',
  freeShipping: { threshold: 10000 },
  products: [
    { sku: 'TN-0123', name: '手ぬぐい', price: 1320 },
    { sku: 'TN-0123-DX', name: '手ぬぐい 特撰', price: 2420, url: 'https://shop.example.jp/p/dx', image: '/img/dx.jpg' },
    { sku: 'HG-01', name: '箸置き', price: 440 },
  ],
  offers: [
    { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', benefits: ['綿100%'] },
    { id: 'x-1', type: 'cross-sell', for: ['TN-0123'], items: ['HG-01'] },
    { id: 'b-1', type: 'bundle', items: ['TN-0123', 'HG-01'], price: 1600, appliedBy: 'platform' },
  ],
  events: { endpoint: 'https://collector.example.jp/events' },
};

const messages = (cfg: unknown) => validateConfig(cfg).errors.map((e) => `${e.path}: ${e.message}`);

describe('validateConfig', () => {
  it('accepts the config from the product brief', () => {
    expect(validateConfig(good)).toEqual({ errors: [], warnings: [] });
  });

  it('names the field and what was found for a threshold written in words', () => {
    expect(messages({ freeShipping: { threshold: 'ten thousand' } })).toEqual(['freeShipping.threshold: expected a whole number of yen, got "ten thousand"']);
  });

  it('says "whole number of yen" for a money field with a fraction', () => {
    expect(messages({ products: [{ sku: 'A', name: 'a', price: 12.5 }] })).toEqual(['products[0].price: expected a whole number of yen, got 12.5']);
  });

  it('words money in the shop currency when it is not yen', () => {
    expect(messages({ cart: { currency: 'USD' }, products: [{ sku: 'A', name: 'a', price: '12.50' }] })[0]).toContain('whole number of USD minor units (cents)');
  });

  it('accepts per-currency thresholds and rejects a bad currency code', () => {
    expect(messages({ freeShipping: { threshold: { JPY: 10000, USD: 7500 } } })).toEqual([]);
    expect(messages({ freeShipping: { threshold: { yen: 10000, USD: -1 } } })).toEqual([
      'freeShipping.threshold.yen: "yen" is not a currency code such as "JPY"',
      'freeShipping.threshold.USD: expected a whole number of USD minor units (cents) of at least 0, got -1',
    ]);
  });

  it('lists every bad field at once, by path', () => {
    const errs = messages({
      locale: 'fr',
      offers: [
        { id: 'u', type: 'upsell', from: 'A' },
        { id: 'z', type: 'megasale' },
      ],
      events: { endpoint: 'javascript:alert(1)' },
    });
    expect(errs).toEqual([
      'locale: expected one of "ja", "en", got "fr"',
      'offers[0].to: is required but missing',
      'offers[1].type: expected one of "upsell", "cross-sell", "bundle", "volume", got "megasale"',
      'events.endpoint: expected an http(s) URL or a path starting with "/", got "javascript:alert(1)"',
    ]);
  });

  it('warns about unknown fields with the likely intended name', () => {
    const r = validateConfig({ freeShipping: { threshold: 5000, treshold: 5000 }, ofers: [] });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { path: 'freeShipping.treshold', message: 'unknown field, ignored (did you mean "threshold"?)' },
      { path: 'ofers', message: 'unknown field, ignored (did you mean "offers"?)' },
    ]);
  });

  it('rejects a config that is not an object', () => {
    expect(messages('cart-upsell.json')).toEqual(['config: expected an object, got "cart-upsell.json"']);
    expect(messages(null)).toEqual(['config: expected an object, got null']);
    expect(messages([1])).toEqual(['config: expected an object, got a list']);
  });

  it('rejects an invalid CSS selector by name', () => {
    expect(messages({ cart: { selectors: { item: 'tr[', name: '.n', price: '.p', quantity: 'input' } } })).toEqual(['cart.selectors.item: "tr[" is not a valid CSS selector']);
  });

  it('rejects unsafe product links and images', () => {
    expect(messages({ products: [{ sku: 'A', name: 'a', price: 1, url: 'javascript:void(0)', image: 'data:image/png;base64,xx' }] })).toEqual([
      'products[0].url: expected an http(s) URL or a path starting with "/", got "javascript:void(0)"',
      'products[0].image: expected an http(s) URL or a path starting with "/", got "data:image/png;base64,xx"',
    ]);
  });

  it('names offers that refer to products that do not exist: a warning, the offer off, the widget on', () => {
    const r = validateConfig({ ...good, offers: [{ id: 'up-9', type: 'upsell', from: 'TN-0123', to: 'NOPE-1' }] });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((e) => e.path)).toEqual(['offers[0].to']);
    expect(r.warnings[0].message).toContain('NOPE-1');
    expect(r.warnings[0].message).toContain('オファー「up-9」は表示されません');
    expect(validateConfig({ ...good, locale: 'en', offers: [{ id: 'up-9', type: 'upsell', from: 'TN-0123', to: 'NOPE-1' }] }).warnings[0].message).toContain('the offer "up-9" is turned off');
  });

  it('a structural error still keeps the widget off, whatever else is right', () => {
    const r = validateConfig({ ...good, offers: [{ id: 'up-9', type: 'upsell', from: 'TN-0123', to: 42 }] });
    expect(r.errors.map((e) => e.path)).toEqual(['offers[0].to']);
  });

  it('refuses a bundle price the checkout would not charge', () => {
    const r = validateConfig({ ...good, offers: [{ id: 'b-2', type: 'bundle', items: ['TN-0123', 'HG-01'], price: 1500 }] });
    expect(r.errors.map((e) => e.path)).toEqual(['offers[0]']);
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [undefined, 0, NaN, Symbol('x'), () => 1, { offers: 'x' }, { offers: [null, 1, []] }, { freeShipping: null }];
    for (const w of weird) expect(() => validateConfig(w)).not.toThrow();
  });

  it('formats one message naming each field', () => {
    const text = formatIssues(validateConfig({ freeShipping: { threshold: 'ten thousand' }, holdout: 2 }).errors, 'headline');
    expect(text.split('\n')).toEqual(['headline', '  • freeShipping.threshold: expected a whole number of yen, got "ten thousand"', '  • holdout: expected a number from 0 to 0.9, got 2']);
  });
});
