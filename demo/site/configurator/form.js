// The configurator's form: built from the config, and every edit written back to the same config
// object by its path. Fields the form does not show (variants, caps, when…) stay as they are.
import { h, t2 } from '../shared/dom.js';
import { getPath } from './paths.js';

const list = (s) =>
  String(s)
    .split(/[,、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** How a field's text becomes a config value. */
export const kinds = {
  text: { toValue: (s) => (s.trim() === '' ? undefined : s.trim()), toText: (v) => (v ?? '') + '' },
  number: { toValue: (s) => (s.trim() === '' ? undefined : Number.isFinite(Number(s)) ? Number(s) : s.trim()), toText: (v) => (v ?? '') + '' },
  list: { toValue: (s) => (list(s).length ? list(s) : undefined), toText: (v) => (Array.isArray(v) ? v.join(', ') : (v ?? '') + '') },
  lines: {
    toValue: (s) => {
      const l = s
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
      return l.length ? l : undefined;
    },
    toText: (v) => (Array.isArray(v) ? v.join('\n') : ''),
  },
  tiers: {
    // "3:10, 5:15" → [{quantity: 3, percentOff: 10}, …]
    toValue: (s) => {
      const t = list(s)
        .map((x) => x.split(':').map(Number))
        .map(([quantity, percentOff]) => ({ quantity, percentOff }));
      return t.length ? t : undefined;
    },
    toText: (v) => (Array.isArray(v) ? v.map((t) => `${t?.quantity}:${t?.percentOff}`).join(', ') : ''),
  },
};

let uid = 0;
/** One labelled input bound to `path`. */
function field(config, path, labelJa, labelEn, kind = 'text', attrs = {}) {
  const id = `f-${uid++}`;
  const { inline, options, ...rest } = attrs;
  const text = kinds[kind].toText(getPath(config, path));
  // A colour input cannot be empty: leave it at the browser's default until the merchant picks.
  const value = rest.type === 'color' && !/^#[0-9a-f]{6}$/i.test(text) ? null : text;
  const input =
    kind === 'lines'
      ? h('textarea', { id, rows: 3, 'data-path': path, 'data-kind': kind, ...rest }, value)
      : options
        ? h(
            'select',
            { id, 'data-path': path, 'data-kind': kind },
            options.map(([v, label]) => h('option', { value: v, selected: v === value || null }, label)),
          )
        : h('input', { id, 'data-path': path, 'data-kind': kind, value, type: 'text', inputmode: kind === 'number' ? 'numeric' : null, ...rest });
  return h('div', { class: `field${inline ? ' inline' : ''}` }, h('label', { for: id }, ...t2(labelJa, labelEn)), input, h('p', { class: 'field-msg', 'data-for': path }));
}

const offerTypes = [
  ['upsell', 'アップセル / upsell'],
  ['cross-sell', 'クロスセル / cross-sell'],
  ['bundle', 'セット / bundle'],
  ['volume', 'まとめ買い / volume'],
];

/** Who applies a bundle's or a volume tier's discount: the same choice for both kinds of offer. */
const appliedByField = (config, p) =>
  field(config, `${p}.appliedBy`, '割引の適用', 'Discount applied by', 'text', {
    inline: true,
    options: [
      ['', '—'],
      ['platform', 'ショップ側の自動割引 / platform'],
      ['code', 'クーポン / code'],
    ],
  });

function offerFields(config, i) {
  const o = config.offers[i];
  const p = `offers[${i}]`;
  const common = [field(config, `${p}.id`, 'ID', 'Id', 'text', { inline: true }), field(config, `${p}.type`, '種類', 'Type', 'text', { inline: true, options: offerTypes })];
  const byType = {
    upsell: [
      field(config, `${p}.from`, '元の商品（SKU）', 'From (SKU)', 'text', { inline: true }),
      field(config, `${p}.to`, '上位商品（SKU）', 'To (SKU)', 'text', { inline: true }),
      field(config, `${p}.downsell`, '断られたときの代替（SKU）', 'Downsell (SKU)', 'text', { inline: true }),
      field(config, `${p}.benefits`, 'メリット（1行に1つ）', 'Benefits (one per line)', 'lines'),
    ],
    'cross-sell': [
      field(config, `${p}.for`, '対象の商品（SKU、カンマ区切り）', 'For (SKUs, comma-separated)', 'list'),
      field(config, `${p}.items`, '提案する商品（SKU、カンマ区切り）', 'Items (SKUs)', 'list'),
    ],
    bundle: [
      field(config, `${p}.items`, 'セットの商品（SKU）', 'Items (SKUs)', 'list'),
      field(config, `${p}.price`, 'セット価格（円・税込）', 'Set price', 'number', { inline: true }),
      appliedByField(config, p),
      field(config, `${p}.discountCode`, 'クーポンコード', 'Discount code', 'text', { inline: true }),
    ],
    volume: [
      field(config, `${p}.items`, '対象の商品（SKU、空欄ならすべて）', 'Items (SKUs; empty = all)', 'list'),
      field(config, `${p}.tiers`, '段階（個数:割引% をカンマ区切り 例 3:10, 5:15）', 'Tiers (quantity:percent, e.g. 3:10, 5:15)', 'tiers'),
      appliedByField(config, p),
    ],
  };
  return h(
    'fieldset',
    { class: 'offer' },
    h('legend', {}, ...t2(`提案 ${i + 1}: ${o?.id ?? ''}`, `Offer ${i + 1}: ${o?.id ?? ''}`)),
    common,
    byType[o?.type] ?? [],
    h('p', {}, h('button', { type: 'button', class: 'secondary', 'data-remove': `offers[${i}]` }, ...t2(`提案 ${i + 1} を削除`, `Remove offer ${i + 1}`))),
  );
}

/** Rebuilds the whole form from the config. */
export function buildForm(form, config) {
  uid = 0;
  const products = Array.isArray(config.products) ? config.products : [];
  const offers = Array.isArray(config.offers) ? config.offers : [];
  const tiers = Array.isArray(config.freeShipping?.tiers) ? config.freeShipping.tiers : [];
  form.replaceChildren(
    h(
      'fieldset',
      {},
      h('legend', {}, ...t2('言語とテーマ', 'Language and theme')),
      field(config, 'locale', '言語', 'Language', 'text', {
        inline: true,
        options: [
          ['ja', '日本語'],
          ['en', 'English'],
        ],
      }),
      field(config, 'theme.accent', 'アクセント色', 'Accent colour', 'text', { inline: true, type: 'color' }),
      field(config, 'theme.text', '文字色', 'Text colour', 'text', { inline: true, type: 'color' }),
      field(config, 'theme.background', '背景色', 'Background', 'text', { inline: true, type: 'color' }),
      field(config, 'theme.radius', '角の丸み', 'Corner radius', 'text', { inline: true, placeholder: '8px' }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, ...t2('送料無料', 'Free shipping')),
      field(config, 'freeShipping.threshold', '送料無料になる金額（円・税込）', 'Free-shipping threshold', 'number', { inline: true }),
      tiers.map((_, i) =>
        h(
          'div',
          {},
          field(config, `freeShipping.tiers[${i}].amount`, `追加の目標 ${i + 1}：金額`, `Further goal ${i + 1}: amount`, 'number', { inline: true }),
          field(config, `freeShipping.tiers[${i}].label`, '特典', 'Reward', 'text', { inline: true }),
          h('button', { type: 'button', class: 'secondary', 'data-remove': `freeShipping.tiers[${i}]` }, ...t2(`目標 ${i + 1} を削除`, `Remove goal ${i + 1}`)),
        ),
      ),
      h('p', {}, h('button', { type: 'button', class: 'secondary', 'data-add': 'tier' }, ...t2('目標を追加（例：ギフト）', 'Add a further goal'))),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, ...t2('商品', 'Products')),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'products' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'SKU'),
              h('th', {}, ...t2('商品名', 'Name')),
              h('th', {}, ...t2('価格（税込）', 'Price')),
              h('th', {}, ...t2('画像URL', 'Image URL')),
              h('th', {}, h('span', { class: 'visually-hidden' }, ...t2('削除', 'Remove'))),
            ),
          ),
          h(
            'tbody',
            {},
            products.map((_, i) =>
              h(
                'tr',
                {},
                ['sku', 'name', 'price', 'image'].map((k) => {
                  const path = `products[${i}].${k}`;
                  const labels = { sku: ['SKU', 'SKU'], name: ['商品名', 'name'], price: ['価格', 'price'], image: ['画像URL', 'image URL'] }[k];
                  return h(
                    'td',
                    {},
                    h('input', {
                      'data-path': path,
                      'data-kind': k === 'price' ? 'number' : 'text',
                      value: kinds[k === 'price' ? 'number' : 'text'].toText(getPath(config, path)),
                      'aria-label': `${labels[0]}（商品 ${i + 1}）`,
                    }),
                    h('p', { class: 'field-msg', 'data-for': path }),
                  );
                }),
                h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-remove': `products[${i}]`, 'aria-label': `商品 ${i + 1} を削除` }, '×')),
              ),
            ),
          ),
        ),
      ),
      h('p', { class: 'field-msg', 'data-for': 'products' }),
      h('p', {}, h('button', { type: 'button', class: 'secondary', 'data-add': 'product' }, ...t2('商品を追加', 'Add a product'))),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, ...t2('提案', 'Offers')),
      offers.map((_, i) => offerFields(config, i)),
      h(
        'p',
        { class: 'row' },
        offerTypes.map(([type, label]) => h('button', { type: 'button', class: 'secondary', 'data-add': `offer:${type}` }, `＋ ${label}`)),
      ),
    ),
  );
}

/** A new offer of that type, with an id not yet used. */
export function newOffer(type, config) {
  const used = new Set((config.offers ?? []).map((o) => o?.id));
  let n = 1;
  while (used.has(`${type}-${n}`)) n++;
  const id = `${type}-${n}`;
  const first = config.products?.[0]?.sku ?? '';
  const second = config.products?.[1]?.sku ?? '';
  return {
    upsell: { id, type, from: first, to: second, benefits: [] },
    'cross-sell': { id, type, for: [first], items: [second] },
    bundle: { id, type, items: [first, second], price: 0, appliedBy: 'platform' },
    volume: { id, type, tiers: [{ quantity: 3, percentOff: 10 }], appliedBy: 'platform' },
  }[type];
}
