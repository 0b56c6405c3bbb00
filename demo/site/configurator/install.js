// Where the widget will live and the tag that works there: the platform decides how the cart is
// read and how "yes" changes it; the hosting decides the script's URL. Pure functions: the
// configurator calls them on every edit, the tests call them directly.

export const PLATFORMS = {
  eccube: { ja: 'EC-CUBE 4', preset: 'eccube', folder: '/html/user_data/cart-upsell/' },
  shopify: { ja: 'Shopify', preset: 'shopify', folder: null },
  woocommerce: { ja: 'WooCommerce', preset: 'woocommerce', folder: '/wp-content/uploads/cart-upsell/' },
  colorme: { ja: 'カラーミーショップ', preset: 'colorme', folder: null },
  makeshop: { ja: 'MakeShop', preset: 'makeshop', folder: null },
  handmade: { ja: '手作りのサイト', preset: null, folder: '/cart-upsell/' },
};

/** The config's cart reading and "yes" for a platform; the merchant's own selectors stay for the others. */
export function applyPlatform(config, platform) {
  const p = PLATFORMS[platform];
  if (!p) return config;
  const cart = { ...(config.cart ?? {}) };
  if (p.preset) {
    cart.preset = p.preset;
    delete cart.selectors;
  } else delete cart.preset;
  const out = { ...config, cart };
  // The platform's own way of saying "yes" (its cart API, or its product page); "none" without a preset.
  out.actions = { ...(config.actions ?? {}), platform: p.preset ?? 'none' };
  return out;
}

const slash = (u) => (u.endsWith('/') ? u : u + '/');

/**
 * The folder URL cart-upsell.js (and cart-upsell-ui.js beside it) is served from.
 * host: "demo" (this demo server, to try it), "service" (the results service) or "shop".
 */
export function scriptBase({ platform, host, shopUrl = '', hostUrl = '', origin = '' }) {
  if (host === 'demo') return `${origin}/dist/`;
  if (hostUrl.trim()) return slash(hostUrl.trim());
  if (host === 'shop' && PLATFORMS[platform]?.folder && shopUrl.trim()) return shopUrl.trim().replace(/\/+$/, '') + PLATFORMS[platform].folder;
  return host === 'service' ? 'https://cart-upsell.example.jp/' : 'https://your-shop.example.jp/cart-upsell/';
}

/** JSON that is safe inside a <script> element: "</script>" cannot end it early. */
export const inlineJson = (c) => JSON.stringify(c, null, 2).replace(/</g, '\\u003c');

/**
 * The two snippets for this platform and hosting:
 * `file` — the tag with data-config (the config as a file beside the script);
 * `inline` — the config in the page. On Shopify the script is a theme asset ({{ … | asset_url }},
 * on Shopify's CDN) and the config is inline, wrapped in {% raw %} so Liquid leaves it alone.
 * EC-CUBE's file manager uploads .js but not .json (eccube_file_uploadable_extensions in
 * app/config/eccube/packages/eccube.yaml), so there the inline version goes into the block.
 */
export function snippets({ platform, host, shopUrl, hostUrl, origin, config }) {
  const json = inlineJson(config);
  if (platform === 'shopify' && host === 'shop') {
    const src = `{{ 'cart-upsell.js' | asset_url }}`;
    return {
      base: 'theme assets',
      file: `<script src="${src}" data-config="{{ 'cart-upsell.json' | asset_url }}" defer></script>`,
      inline: `{% raw %}<script type="application/json" id="cart-upsell-config">\n${json}\n</script>{% endraw %}\n<script src="${src}" defer></script>`,
    };
  }
  const base = scriptBase({ platform, host, shopUrl, hostUrl, origin });
  const configUrl = host === 'demo' ? '/cart-upsell.json' : `${base}cart-upsell.json`;
  const inline = `<script type="application/json" id="cart-upsell-config">\n${json}\n</script>\n<script src="${base}cart-upsell.js" async></script>`;
  return {
    base,
    file: `<script src="${base}cart-upsell.js" data-config="${configUrl}" async></script>`,
    // An EC-CUBE block is a Twig template: {% verbatim %} keeps Twig away from the config's braces.
    inline: platform === 'eccube' && host === 'shop' ? `{% verbatim %}${inline}{% endverbatim %}` : inline,
  };
}

/**
 * Where the widget sends its events for this hosting. The results service both serves the widget
 * and stores what it sends, at `<its folder>events`; a shop's own file area stores nothing, so
 * there the merchant's own endpoint (if any) stays.
 */
export function eventsEndpoint({ host, base }) {
  return host === 'service' ? `${base}events` : undefined;
}

/**
 * The config with the hosting's events endpoint. `previous` is the endpoint this function set
 * before (the merchant's own endpoint is put back when they choose another hosting).
 */
export function applyHosting(config, { host, base, previous, own }) {
  const endpoint = eventsEndpoint({ host, base });
  const events = { ...(config.events ?? {}) };
  if (endpoint) events.endpoint = endpoint;
  else if (previous !== undefined && events.endpoint === previous) {
    if (own === undefined) delete events.endpoint;
    else events.endpoint = own;
  }
  return { ...config, events };
}

/** A relative endpoint ("/events") posts to the page's own site: right for this demo, wrong on a shop. */
export const postsToShop = (config) => typeof config.events?.endpoint === 'string' && !/^https?:\/\//i.test(config.events.endpoint);
