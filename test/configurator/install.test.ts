import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module of the configurator, without types
import { applyHosting, postsToShop, scriptBase, snippets } from '../../demo/site/configurator/install.js';

// Where the merchant serves the widget decides the tag and where the events go.
const sample = { locale: 'ja', events: { endpoint: '/events', dataLayer: true }, offers: [] };

describe('hosted by the results service', () => {
  const base = scriptBase({ platform: 'eccube', host: 'service', hostUrl: 'https://results.example.jp' });

  it('the tag and the config come from the service, and the events go back to it', () => {
    expect(base).toBe('https://results.example.jp/');
    const c = applyHosting(sample, { host: 'service', base });
    expect(c.events).toEqual({ endpoint: 'https://results.example.jp/events', dataLayer: true });
    expect(snippets({ platform: 'eccube', host: 'service', hostUrl: 'https://results.example.jp', config: c }).file).toBe(
      '<script src="https://results.example.jp/cart-upsell.js" data-config="https://results.example.jp/cart-upsell.json" async></script>',
    );
    // The input is left as it was: the configurator decides when to keep the result.
    expect(sample.events.endpoint).toBe('/events');
  });

  it("choosing another hosting puts the merchant's own endpoint back, or none; one edited by hand stays", () => {
    const on = applyHosting(sample, { host: 'service', base });
    expect(applyHosting(on, { host: 'shop', base: 'https://shop.example.jp/cart-upsell/', previous: on.events.endpoint, own: '/events' }).events.endpoint).toBe('/events');
    expect(applyHosting(on, { host: 'shop', base: '', previous: on.events.endpoint }).events).toEqual({ dataLayer: true });
    const edited = { ...on, events: { endpoint: 'https://collector.example.jp/e' } };
    expect(applyHosting(edited, { host: 'shop', base: '', previous: on.events.endpoint, own: '/events' }).events.endpoint).toBe('https://collector.example.jp/e');
  });
});

describe("the shop's own file area", () => {
  it('EC-CUBE: html/user_data (the user_data asset package), WooCommerce: wp-content/uploads, hand-made: the folder given', () => {
    const tag = (platform: string, hostUrl = '') => snippets({ platform, host: 'shop', shopUrl: 'https://shop.example.jp/', hostUrl, config: sample }).file;
    expect(tag('eccube')).toBe(
      '<script src="https://shop.example.jp/html/user_data/cart-upsell/cart-upsell.js" data-config="https://shop.example.jp/html/user_data/cart-upsell/cart-upsell.json" async></script>',
    );
    expect(tag('woocommerce')).toContain('src="https://shop.example.jp/wp-content/uploads/cart-upsell/cart-upsell.js"');
    expect(tag('handmade', 'https://cdn.example.jp/cu')).toContain('src="https://cdn.example.jp/cu/cart-upsell.js" data-config="https://cdn.example.jp/cu/cart-upsell.json"');
  });

  it("EC-CUBE's file manager takes no .json: B carries the config, wrapped so the block's Twig leaves it alone", () => {
    const b = snippets({ platform: 'eccube', host: 'shop', shopUrl: 'https://shop.example.jp', config: { ...sample, offers: [{ id: 'x', text: { title: '{to}は{{いかが}}' } }] } }).inline;
    expect(b.startsWith('{% verbatim %}<script type="application/json" id="cart-upsell-config">')).toBe(true);
    expect(b.endsWith('<script src="https://shop.example.jp/html/user_data/cart-upsell/cart-upsell.js" async></script>{% endverbatim %}')).toBe(true);
    expect(b.match(/\{% (end)?verbatim %\}/g)).toHaveLength(2);
    // Elsewhere B is plain HTML.
    expect(snippets({ platform: 'handmade', host: 'shop', hostUrl: 'https://shop.example.jp/cu/', config: sample }).inline).not.toContain('verbatim');
  });

  it('a relative endpoint would post to the shop itself: the configurator says so', () => {
    expect(postsToShop(sample)).toBe(true);
    expect(postsToShop({ events: { endpoint: 'https://results.example.jp/events' } })).toBe(false);
    expect(postsToShop({})).toBe(false);
  });
});
